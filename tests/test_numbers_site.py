"""Every glued number on the site one step from its source, for a keyboard user, and numbers found
as readers type them, by the figure finder and by the site's own search."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import SITE
from test_links import READERS_TYPE
from test_site import browser, open_page, page, server, site_pages  # noqa: F401 (fixtures)

from csebook import finder

pytestmark = pytest.mark.browser

BOOK = [p for p in site_pages() if p.startswith("book/")]


def soup(path: str) -> BeautifulSoup:
    return BeautifulSoup((SITE / path).read_text(), "html.parser")


def finder_rows() -> dict:
    return {li["id"]: li for li in soup("book/figures.html").select("li.finder-row")}


@pytest.mark.parametrize("path", BOOK)
def test_every_linked_number_reaches_a_row_with_its_source(path):
    rows = finder_rows()
    here = soup(path)
    for a in here.select("a.num"):
        href = a["href"]
        assert a.select_one(".num-mark") and a.select_one(".visually-hidden"), f"{path}: {a} has no status mark"
        if href.startswith("figures.html#"):
            targets = [href.split("#", 1)[1]]
        else:
            assert href.startswith("#n-"), f"{path}: a number links to {href}"
            entry = here.find(id=href[1:])
            assert entry is not None, f"{path}: {a.get_text()} links to {href}, which is not on the page"
            targets = [x["href"].split("#", 1)[1] for x in entry.select('a[href^="figures.html#"]')]
            census = entry.find_all(string=re.compile("census table"))
            assert targets or census, f"{path}: {href} names no row"
        for t in targets:
            assert t in rows, f"{path}: {a.get_text()} links to a finder row {t!r} that does not exist"
            source = rows[t].find("dt", string="Source").find_next_sibling("dd")
            assert source.find("a", href=True) or "not found" in source.get_text(), f"row {t} has no source address"


@pytest.mark.parametrize("path", ["book/hmicfrs_2023.html", "book/home_office_2020.html"])
def test_a_keyboard_user_reaches_the_source_of_a_number(page, server, path):  # noqa: F811
    open_page(page, f"{server}/{path}")
    # a number that is one row: Enter on it opens the finder at that row, which names its source
    page.focus('a.num[href^="figures.html#"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/figures.html#*")
    row_id = page.url.split("#", 1)[1]
    assert page.evaluate("id => document.getElementById(id).matches(':target')", row_id)
    assert page.locator(f'[id="{row_id}"] dd a[href^="http"]').count() >= 1
    # a computed number: Enter leads to the page's list of its rows, and on to one of them
    open_page(page, f"{server}/{path}")
    page.focus('a.num[href^="#n-"]')
    page.keyboard.press("Enter")
    entry = page.url.split("#", 1)[1]
    assert page.evaluate("id => document.getElementById(id).matches(':target')", entry)
    page.focus(f'[id="{entry}"] a[href^="figures.html#"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/figures.html#*")
    assert page.locator(f'[id="{page.url.split("#", 1)[1]}"]').is_visible()


@pytest.mark.parametrize("typed", READERS_TYPE)
def test_the_finder_finds_numbers_as_readers_type_them(page, server, typed):  # noqa: F811
    outside, errors = open_page(page, f"{server}/book/figures.html")
    page.fill("#finder-q", typed)
    shown = page.locator(".finder-row:not([hidden])")
    assert shown.count() >= 1, f"the finder shows nothing for {typed!r}"
    # the page's script and finder.matches agree on every row
    expected = sum(finder.matches(li["data-search"], typed) for li in finder_rows().values())
    assert shown.count() == expected, (typed, shown.count(), expected)
    # a row whose own number is what the reader typed comes before rows that merely mention it
    first = page.evaluate("""() => { const g = Array.from(document.querySelectorAll('.finder-group:not([hidden])'))
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
        return g.querySelector('.finder-row:not([hidden])').getAttribute('data-numbers'); }""")
    if typed in ("717", "1,400", "two-thirds", "0.6%"):
        assert f"| {finder.normalize(typed)} |" in first, (typed, first)
    assert page.evaluate("t => window.csebookNormalize(t)", typed) == finder.normalize(typed)
    assert re.match(r"\d+ of \d+ figure rows shown", page.text_content("#finder-count"))
    page.fill("#finder-q", "")
    page.select_option("#finder-statistic", "group_based_offences")
    versions = page.locator(".finder-row:not([hidden])")
    shown_statistics = page.eval_on_selector_all(".finder-group:not([hidden])", "gs => gs.map(g => g.dataset.statistic)")
    assert versions.count() >= 2 and set(shown_statistics) == {"group_based_offences"}
    page.select_option("#finder-statistic", "")
    page.select_option("#finder-status", "read-primary")
    page.fill("#finder-q", "")
    assert page.locator(".finder-row:not([hidden]) .status-secondary").count() == 0
    assert outside == [] and errors == []


@pytest.mark.parametrize("typed", ["717", "1,400", "4,228", "two-thirds"])
def test_the_site_search_finds_numbers(page, server, typed):  # noqa: F811
    open_page(page, f"{server}/search.html?q={typed}")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    assert page.locator("#search-results ul.search li").count() >= 1
