"""Every glued number on the site one step from its source, for a keyboard user, and numbers found
as readers type them, by the figure finder and by the site's own search."""
from __future__ import annotations

import functools
import re

import pytest
from bs4 import BeautifulSoup

from conftest import SITE
from csebook import finder
from csebook.data import load_package
from test_links import READERS_TYPE
from test_site import browser, open_page, page, server, site_pages  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

BOOK = [p for p in site_pages() if p.startswith("book/")]


@functools.lru_cache(maxsize=None)
def soup(path: str) -> BeautifulSoup:
    """A built page, parsed once per test process (the tests only read it)."""
    return BeautifulSoup((SITE / path).read_text(), "html.parser")


@functools.lru_cache(maxsize=None)
def ids(path: str) -> dict:
    """The elements of a built page by id."""
    return {el["id"]: el for el in soup(path).select("[id]")}


def finder_rows() -> dict:
    return {li["id"]: li for li in soup("book/figures.html").select("li.finder-row")}


@functools.lru_cache(maxsize=None)
def haystacks() -> dict:
    return {i: haystack(li) for i, li in finder_rows().items()}


def haystack(li) -> str:
    """What the page's script searches for a row (as csebook.finder.haystack)."""
    return finder.haystack(li["data-search"], li.find_all(string=True))


def words(text: str) -> list[str]:
    """The words of a text, without the punctuation that the page's markup may set apart."""
    return [w.strip(".,;:!?()[]\"'\u2018\u2019\u201c\u201d") for w in text.split()]


def test_each_row_on_the_page_is_found_by_everything_it_is_searched_by():
    from csebook import timeline
    from csebook.data import load_package

    package = load_package()
    pages_of, titles = timeline.figure_pages(package), timeline.page_titles()
    for row in package.figures.itertuples():
        hay = haystacks()[row.figure_id]
        wanted = finder.search_text(package, row, pages_of.get(row.figure_id, []), titles)
        missing = [w for w in words(wanted) if w not in hay]
        assert not missing, f"{row.figure_id}: the page's row is not found by {missing}"
    computed = finder.derived(package)
    for d in computed:
        hay = haystacks()[d.anchor]
        missing = [w for w in words(finder.derived_search_text(package, d, titles[d.page])) if w not in hay]
        assert not missing, f"{d.anchor}: the page's entry is not found by {missing}"


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
            entry = ids(path).get(href[1:])
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


def test_the_finder_finds_numbers_as_readers_type_them(page, server):  # noqa: F811
    """Every number as readers type it, typed into one load of the finder page (each load of this
    page costs seconds; the searches do not depend on each other, as the box is emptied between
    them), then the filters, then a computed number followed to its chapter. First, the search box
    is one link away from the top of the page, before the page's explanation."""
    outside, errors = open_page(page, f"{server}/book/figures.html")
    jump = page.locator('main a[href="#finder-q"]').first
    assert jump.count() and jump.evaluate("a => a.getBoundingClientRect().bottom <= window.innerHeight"), \
        "no link to the search box on the finder's first screen"
    jump.click()
    assert page.evaluate("""() => { const label = document.querySelector('label[for="finder-q"]').getBoundingClientRect();
        const box = document.getElementById('finder-q').getBoundingClientRect();
        return label.top >= document.querySelector('.bd-header-article').getBoundingClientRect().bottom
               && box.bottom <= window.innerHeight; }"""), "the link does not bring the search box and its label into view"
    shown = page.locator(".finder-row:not([hidden])")
    for typed in READERS_TYPE:
        page.fill("#finder-q", typed)
        assert shown.count() >= 1, f"the finder shows nothing for {typed!r}"
        # the page's script and finder.matches agree on every row
        expected = sum(finder.matches(hay, typed) for hay in haystacks().values())
        assert shown.count() == expected, (typed, shown.count(), expected)
        # a row whose own number is what the reader typed comes before rows that merely mention it
        first = page.evaluate("""() => { const g = Array.from(document.querySelectorAll('.finder-group:not([hidden])'))
            .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0];
            return g.querySelector('.finder-row:not([hidden])').getAttribute('data-numbers'); }""")
        if typed in ("717", "1,400", "two-thirds", "0.6%"):
            assert f"| {finder.normalize(typed)} |" in first, (typed, first)
        assert page.evaluate("t => window.csebookNormalize(t)", typed) == finder.normalize(typed)
        assert re.match(r"\d+ of \d+ shown \(figure rows and numbers the chapters computed\)",
                        page.text_content("#finder-count")), typed
        page.fill("#finder-q", "")
        assert shown.count() == len(haystacks()), f"emptying the box after {typed!r} does not show every row again"
    page.select_option("#finder-statistic", "group_based_offences")
    shown_statistics = page.eval_on_selector_all(".finder-group:not([hidden])", "gs => gs.map(g => g.dataset.statistic)")
    assert shown.count() >= 2 and set(shown_statistics) == {"group_based_offences"}
    page.select_option("#finder-statistic", "")
    page.select_option("#finder-status", "read-primary")
    assert page.locator(".finder-row:not([hidden]) .status-secondary").count() == 0
    page.select_option("#finder-status", "")
    # a correction report, written from the row's own line to cite only when the reader asks: the
    # page carries none, one button per entry (not two: the script is loaded on every page)
    assert page.locator(".finder-report").count() == 0
    assert page.locator(".finder-report-button").count() == len(haystacks())
    page.fill("#finder-q", load_package().figure("cse_2023.hansard").value_as_printed)
    row = page.locator('[id="cse_2023.hansard"]')
    row.locator(".finder-report-button").click()
    report = row.locator(".finder-report textarea")
    assert report.evaluate("e => e === document.activeElement")
    text, cite = report.input_value(), row.locator(".finder-cite").text_content().strip()
    assert f"The entry (its line to cite):\n{cite}\n" in text
    assert "\nWhat is wrong (what it should say, and why):\n\n\n" in text
    assert "\nThe better source (publisher, title, date, address, where in it, its exact words):\n\n\n" in text
    assert "No corrections address is published yet" in text
    assert "What changed" in row.locator(".finder-report").text_content()
    assert row.locator('.finder-report a[href="changes.html"]').count() == 1
    assert page.locator(".finder-report").count() == 1
    row.locator(".finder-report-button").click()            # closes it
    assert row.locator(".finder-report").count() == 0
    page.evaluate("() => document.querySelector('.finder-list').dataset.corrections = 'corrections@example.org'")
    row.locator(".finder-report-button").press("Enter")     # a keyboard user opens it again
    assert "Send to: corrections@example.org" in report.input_value()
    assert row.locator('.finder-report a[href^="mailto:corrections@example.org"]').count() == 1
    row.locator(".finder-report-button").click()
    page.fill("#finder-q", "")
    assert outside == [] and errors == []
    # a number the chapters computed: found as typed, and Enter on it reaches its entry in the chapter
    page.fill("#finder-q", "5.1")
    row = page.locator("#c-tk-claims-tk6-sub-like")
    assert row.is_visible() and row.locator(".finder-number").text_content() == "5.1"
    row.locator(".finder-value a").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/tk_claims.html#n-*")
    assert page.evaluate("id => document.getElementById(id).matches(':target')", page.url.split("#", 1)[1])
    assert page.locator(f'[id="{page.url.split("#", 1)[1]}"]').is_visible(), \
        "the entry is in the chapter's list of sources, which stays folded when a reader arrives at it"


def test_the_site_search_finds_numbers_as_readers_type_them(page, server):  # noqa: F811
    """The same numbers, typed into the site's own search (4228 as well as 4,228), each shown whole
    in the search box: its magnifier sits before the first character, not over it."""
    from urllib.parse import quote

    for typed in READERS_TYPE + ["4,228"]:
        open_page(page, f"{server}/search.html?q={quote(typed)}")
        page.wait_for_function("/finished|did not match/.test(document.querySelector('#search-results').textContent)",
                               timeout=20000)
        assert page.locator("#search-results ul.search li").count() >= 1, f"the site's search finds nothing for {typed!r}"
        covered = page.evaluate("""() => Array.from(document.querySelectorAll('form.bd-search'))
            .filter(f => f.getClientRects().length).map(f => {
                const input = f.querySelector('input'), icon = f.querySelector('.fa-magnifying-glass');
                const text = input.getBoundingClientRect().left + parseFloat(getComputedStyle(input).paddingLeft);
                return [input.value, icon.getBoundingClientRect().right - text]; })
            .filter(([value, over]) => over > 0.5)""")
        assert covered == [], f"the search box's magnifier covers the start of what was typed: {covered}"


def test_each_computed_number_in_the_finder_links_to_its_entry_in_its_chapter():
    computed = soup("book/figures.html").select("li.finder-computed")
    assert computed, "the finder lists no computed numbers"
    for li in computed:
        link = li.select_one(".finder-value a")
        path, anchor = link["href"].split("#", 1)
        entry = ids(f"book/{path}").get(anchor)
        assert entry is not None, f"{li['id']} links to {link['href']}, which is not there"
        assert entry.select_one(".num-here").get_text() == li.select_one(".finder-number").get_text()
        assert li.select("dd ul li"), f"{li['id']} names no row it rests on"


def test_each_computed_number_in_the_finder_stands_in_a_sentence_its_chapter_shows():
    """The finder quotes the sentence each computed number stands in (the snapshot names it, not its
    words): it is the chapter's own sentence as built, word for word, with the status marks, footnote
    marks and the site's typography set aside; a cross-reference reads as words, never as a label."""
    def plain(el) -> str:
        text = el if isinstance(el, str) else el.get_text(" ")
        text = re.sub("[\u2019\u2018\u201c\u201d'\"]", "", text).replace("...", "\u2026")
        return re.sub(r"\s+", "", text)

    chapters, wrong = {}, []
    for li in soup("book/figures.html").select("li.finder-computed"):
        said = li.select_one("dd[data-from^='sentence ']")
        assert said is not None, f"{li['id']} quotes no sentence"
        assert not re.search(r"\b(?:fig|sec|ex)-[a-z0-9-]+\b", said.get_text()), \
            f"{li['id']} shows a cross-reference's label: {said.get_text()[:160]}"
        chapter = li["data-pages"]
        if chapter not in chapters:     # the chapter's words, without what the site adds around them
            main = soup(f"book/{chapter}.html").select_one("main")
            skip = {id(e) for e in main.select("script, style, .num-mark, .visually-hidden, .footnote-reference, .headerlink")}
            chapters[chapter] = plain(" ".join(t for t in main.find_all(string=True)
                                               if not any(id(p) in skip for p in t.parents)))
        # where the finder words a cross-reference its own way, the sentence is compared on each side of it
        pieces = [p for p in re.split("\u2026|afigureinthatchapter|anexerciseinthatchapter|anothersection", plain(said)) if p]
        for piece in pieces:
            if piece not in chapters[chapter]:
                wrong.append(f"{li['id']}: {said.get_text(' ')[:160]}")
                break
    assert wrong == [], "\n".join(wrong[:10])
