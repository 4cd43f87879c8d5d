"""Tables as the site writes them for a narrow screen: each body cell labelled with its column."""
from __future__ import annotations

import pandas as pd
from bs4 import BeautifulSoup

from csebook.tables import label_cells


def labels(markup: str) -> list[list[str | None]]:
    soup = BeautifulSoup(markup, "html.parser")
    return [[c.get("data-label") for c in row.find_all(["td", "th"])] for row in soup.select("tbody tr")]


def test_every_cell_of_a_pandas_table_is_labelled_with_its_column():
    frame = pd.DataFrame([{"In the report": "115,000", "Status & search": "read <in> the primary document"},
                          {"In the report": "717", "Status & search": "recorded"}])
    markup = label_cells(frame.to_html(index=False, classes="table", border=0))
    assert labels(markup) == [["In the report", "Status & search"]] * 2
    assert BeautifulSoup(markup, "html.parser").get_text() == BeautifulSoup(
        frame.to_html(index=False), "html.parser").get_text(), "the table's text must not change"


def test_a_cell_already_labelled_keeps_its_label_and_the_rest_follow_their_columns():
    markup = ('<table><thead><tr><th>Figure</th><th><i>Check</i> status</th></tr></thead><tbody>'
              '<tr><td data-label="Value">1</td><td class="s">read</td></tr></tbody></table>')
    assert labels(label_cells(markup)) == [["Value", "Check status"]]


def test_tables_it_cannot_label_by_column_are_left_as_they_are():
    no_header = "<table><tbody><tr><td>1</td></tr></tbody></table>"
    spanning = ('<table><thead><tr><th>A</th><th>B</th></tr></thead>'
                '<tbody><tr><td colspan="2">both</td></tr></tbody></table>')
    text = "<p>no table here</p>"
    for markup in (no_header, spanning, text):
        assert label_cells(markup) == markup
