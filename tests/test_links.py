"""Every glued number one step from its source: which rows a number is credited with (csebook.glue),
where it links (csebook.links), and the figure finder's search (csebook.finder)."""
from __future__ import annotations

import ast

import pytest

from csebook import finder, glue, links
from csebook.data import TRAIL, load_package

READERS_TYPE = ["717", "0.6%", "two-thirds", "1,400", "0.6 per cent", "4228", "1,273"]


@pytest.fixture
def shown(monkeypatch):
    """The glue records a chapter would write: key -> (text, what it rests on)."""
    import IPython.display

    records = {}

    def display(data, raw, metadata):
        (mime, text), = [(k, v) for k, v in data.items() if k.endswith("text/plain")]
        records[metadata["scrapbook"]["name"]] = (ast.literal_eval(text), metadata.get(glue.META))

    from IPython.core.interactiveshell import InteractiveShell

    InteractiveShell.instance()         # as in a kernel: the cell count exists before the first glue
    monkeypatch.setattr(IPython.display, "display", display)
    TRAIL.clear()
    glue._last.update(cell=None, rows=([], []))
    return records


def test_a_number_is_credited_with_the_rows_looked_up_for_it(shown):
    package = load_package()
    a, b = package.figure("investigations_reviewed.bbc"), package.figure("investigations_group_based.bbc")
    glue.glue_percent("share", b.value / a.value, 0)
    assert shown["share"] == ("52%", {"rows": [a.figure_id, b.figure_id], "census": []})
    # the next number, with no lookup between, rests on the same rows
    glue.glue_count("difference", a.value - b.value)
    assert shown["difference"][1]["rows"] == [a.figure_id, b.figure_id]
    # a number that is one of the looked-up rows as printed is credited with that row alone
    package.figure("investigations_reviewed.bbc"), package.figure("investigations_group_based.bbc")
    glue.glue_text("reviewed", a.value_as_printed)
    assert shown["reviewed"][1]["rows"] == [a.figure_id]
    # words, dates and explicit "rests on no row" carry nothing
    glue.glue_status("status", a)
    glue.glue_text("when", "2023-24")
    glue.glue_count("setting", 500, rows=())
    assert shown["status"][1] is None and shown["when"][1] is None and shown["setting"][1] is None


def test_numbers_in_words_count_as_numbers_and_years_do_not():
    assert glue.states_a_number("six") and glue.states_a_number("more than half")
    assert glue.states_a_number("1,400") and glue.states_a_number("0.6%")
    assert not glue.states_a_number("2013-14") and not glue.states_a_number("seen only in secondary reporting")


def test_a_single_row_links_to_the_finder_and_a_computed_number_to_its_list_on_the_page():
    package = load_package()
    one = {"rows": ["investigations_reviewed.bbc"], "census": []}
    assert links.target("k", "52", one, package) == (True, "investigations_reviewed.bbc", "secondary")
    # a number computed from one row (a share, a rate) is not that row: it goes to the page's list
    assert links.target("k", "52%", one, package)[:2] == (False, "n-k")
    in_finder, anchor, status = links.target(
        "ho_ratio", "931.9", {"rows": ["csae_2023.vkpp"], "census": ["ons-custom-age-ethnic-2021"]}, package)
    assert (in_finder, anchor) == (False, "n-ho-ratio")
    assert status == links.weakest([package.figure("csae_2023.vkpp").status, "read-official-copy"])
    assert links.weakest(["read-primary", "secondary", "read-official-copy"]) == "secondary"
    html = links.number_html("52", "figures.html#x", "secondary")
    assert 'href="figures.html#x"' in html and links.MARKS["secondary"] in html
    assert "visually-hidden" in html and links.MARK_WORDS["secondary"] in html


def test_numbers_are_normalized_the_way_readers_type_them():
    assert finder.normalize("1,400") == "1400" and finder.normalize("4,228,001") == "4228001"
    assert finder.normalize("0.6 per cent") == finder.normalize("0.6%") == "0.6%"
    assert finder.normalize("Two-thirds") == "two thirds"
    assert finder.number_forms(66.7, "two-thirds", "percent of perpetrators") [2:4] == ["66.7%", "67%"]
    assert "two thirds" in finder.number_forms(67.0, "67 per cent", "percent of suspects")


@pytest.mark.parametrize("typed", READERS_TYPE)
def test_every_number_readers_type_finds_a_row(typed):
    package = load_package()
    from csebook.timeline import figure_pages, page_titles

    titles = page_titles()
    pages = figure_pages(package)
    hits = [r.figure_id for r in package.figures.itertuples()
            if finder.matches(finder.search_text(package, r, pages.get(r.figure_id, []), titles), typed)]
    assert hits, f"the finder finds nothing for {typed!r}"
    # the row whose printed value the reader typed is among them
    wanted = finder.normalize(typed)
    assert any(wanted in finder.normalize(package.figure(i).value_as_printed) or
               wanted in finder.normalize(" ".join(finder.number_forms(package.figure(i).value,
                                                                       package.figure(i).value_as_printed,
                                                                       package.figure(i).unit)))
               for i in hits)


def test_a_number_typed_must_stand_whole():
    assert finder.matches("of 37% of suspects", "37") and finder.matches("is 0.6% of", "0.6%")
    assert not finder.matches("there were 137 cases", "37") and not finder.matches("3.7 per", "3")
    assert finder.matches("1400 children in rotherham", "1,400 Rotherham")


def test_the_statistic_headings_are_words_not_ids():
    assert finder.statistic_words("cse_share_of_csae") == "CSE share of CSAE"
    assert finder.statistic_words("group_based_suspects_aged_10_17_share") == "Group-based suspects aged 10 to 17 share"
    assert finder.statistic_words("ceop_2011_suspects_asian_share") == "CEOP 2011 suspects Asian share"
    assert (finder.statistic_words("group_based_non_familial_non_institutional_suspects_pakistani")
            == "Group-based non-familial non-institutional suspects Pakistani")


def test_the_sentence_a_computed_number_stands_in_is_found_and_made_plain():
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("(sec-x)=\n# Title\n\n:::{note}\n:class: tip\nIn the box.\n:::\n\n"
                                      "First sentence. The rate was {glue:text}`r` per [100,000](#x) in "
                                      "{term}`England and Wales <ew>`. Last {glue:text}`n`."),
        nbformat.v4.new_code_cell("x", metadata={"mystnb": {"figure": {"caption": "A caption: {glue:text}`c`."}}}),
    ])
    glued = {"r": "3.2", "n": "7", "c": "52%"}
    assert finder.sentence_of(nb, "r", glued) == ("The rate was <mark>3.2</mark> per 100,000 in "
                                                  "England and Wales.")
    assert finder.sentence_of(nb, "c", glued) == "A caption: <mark>52%</mark>."
    assert finder.sentence_of(nb, "missing", glued) is None


def test_the_finder_lists_the_numbers_the_chapters_computed_with_every_row_they_rest_on():
    package = load_package()
    computed = finder.derived(package)
    by_key = {(d.page, d.key): d for d in computed}
    d = by_key[("tk_claims", "tk6_sub_like")]
    assert d.text == "5.1" and f"<mark>{d.text}</mark>" in d.sentence
    assert d.rows == ("gbo_subset_2024q3_pakistani.sky",) and d.census
    assert d.status == links.weakest([package.figure(r).status for r in d.rows]
                                     + [links.census_status(package, c) for c in d.census])
    for d in computed:
        assert "{" not in d.sentence and "`" not in d.sentence, d
        assert d.rows or d.census, d
        # a number that is one row as its source printed it is that row, not a computed number
        assert not (len(d.rows) == 1 and links.shows(package.figure(d.rows[0]), d.text)), d
    assert len({d.anchor for d in computed}) == len(computed)
    # each is found by the finder's rule as a reader types it
    hay = finder.derived_search_text(package, d, "A title")
    assert all(finder.matches(hay, form) for form in finder.text_forms(d.text))
    assert finder.text_forms("52.4%") == ["52.4%", "52%"]
    assert finder.text_forms("1,400 of 2,000") == ["1,400 of 2,000", "1,400", "2,000"]


def test_a_number_is_linked_for_the_builder_that_writes_its_page():
    """The site and the single-page build the PDF is printed from share what Sphinx read, so a
    number read for one must still be linked right when the other writes it."""
    from types import SimpleNamespace

    from docutils import nodes

    from csebook.site import numbers

    one_row = numbers.number_node("717", "cse_2023.hansard", "read-primary", in_finder=True)
    computed = numbers.number_node("0.62%", "n-police-share", "read-primary", in_finder=False)
    for builder, row_href in (("html", "figures.html#cse_2023.hansard"), ("singlehtml", "#cse_2023.hansard")):
        page = nodes.paragraph("", "", one_row.deepcopy(), computed.deepcopy())
        app = SimpleNamespace(builder=SimpleNamespace(name=builder, get_target_uri=lambda doc, typ=None: f"{doc}.html"))
        numbers._link_numbers(app, page, "book/police_figures_2023")
        written = [n.astext() for n in page.findall(nodes.raw)]
        assert f'href="{row_href}"' in written[0] and ">717<" in written[0], (builder, written[0])
        assert 'href="#n-police-share"' in written[1], (builder, written[1])
        assert not any("csebook_number" in n for n in page.findall(nodes.raw))


def test_a_cross_reference_in_a_finder_sentence_reads_as_words_not_as_its_label():
    from csebook.finder import _plain, section_titles

    text = _plain("as {numref}`fig-ho-studies` shows ({ref}`sec-after-2025` gives it; {ref}`ex-si-widget`)", {}, "x")
    assert "fig-" not in text and "sec-" not in text and "ex-" not in text
    assert "a figure in that chapter" in text and "an exercise in that chapter" in text
    title = section_titles()["sec-after-2025"]
    assert '"' in title                                   # the title quotes a question
    assert "\u201c" + title.replace('"relative to what?"', "\u2018relative to what?\u2019") + "\u201d" in text
