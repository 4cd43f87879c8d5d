"""The exports a reproducer or teacher uses: figure files with a manifest, and the PDF."""
from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest

from book_files import ROOT
from csebook.edition import edition, edition_words, licence_statement


def test_export_mode_writes_svg(tmp_path, monkeypatch):
    from csebook import charts
    from csebook.display import EXPORT_ENV, export_chart

    chart = charts.nesting_chart([charts.Level("All", 100), charts.Level("Part", 10)], title="T")
    monkeypatch.delenv(EXPORT_ENV, raising=False)
    export_chart(chart, "none")                      # export off: nothing written
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv(EXPORT_ENV, str(tmp_path))
    export_chart(chart, "figure-01")
    svg = (tmp_path / "figure-01.svg").read_text()
    assert svg.startswith("<?xml") and "<svg" in svg


def test_captions_get_their_numbers_pasted_in():
    from csebook.glue import paste as plain_caption

    caption = "Shares: {glue:text}`a` of {glue:text}`b:.1f`, see {numref}`fig-x`."
    assert plain_caption(caption, {"a": "717", "b": "115,489"}) == "Shares: 717 of 115,489, see fig-x."


@pytest.mark.slow
def test_pdf_prints_the_whole_book_with_widgets_in_their_default_state():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "pdf.py")], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    pdf = (ROOT / "_build" / "pdf" / "book.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 200_000
    printed = (ROOT / "_build" / "singlehtml" / "print.html").read_text()
    for chapter in ("What the 2023 police figures count", "organised networks", "police inspection"):
        assert chapter in printed
    assert printed.count('class="csb-print-note"') == printed.count('class="csb-widget"') > 0
    assert b"/Outlines" in pdf, "the PDF has no bookmarks"
    # the page as printed: no code, every solution at the end, content notes and support boxes kept
    as_printed = (ROOT / "_build" / "singlehtml" / "printed.html").read_text()
    solutions = printed.count('<div class="solution ')
    end = as_printed.index('id="solutions-at-the-end"')
    assert solutions > 20 and as_printed[:end].count('<div class="solution ') == 0
    assert as_printed[end:].count('<div class="solution ') == solutions
    assert "cell_input" not in as_printed and "toggle-button" not in as_printed and "csb-controls" not in as_printed
    for kept in ("support-box", "content-note"):
        assert as_printed.count(kept) == printed.count(kept) > 10, kept
    # every link in the page as printed leads to a part of it or to a web address, not to a file
    ids = set(re.findall(r'\sid="([^"]+)"', as_printed))
    hrefs = re.findall(r'<a\s[^>]*href="([^"]*)"', as_printed)
    inside = [h[1:] for h in hrefs if h.startswith("#") and h != "#"]
    assert len(inside) > 500, "the finder's rows are no longer linked from the chapters"
    assert [h for h in inside if html.unescape(h) not in ids] == []
    assert [h for h in hrefs if not re.match(r"(https?:|mailto:|#)", h)] == []
    # what a reader sees: the PDF's own text
    pages = pdf_pages(ROOT / "_build" / "pdf" / "book.pdf")
    ed = edition()
    assert squeeze(edition_words(ed)) in pages[0] and squeeze(licence_statement(ed)) in pages[0], \
        "the title page lacks the edition or the licence statement"
    # each chapter's list of where its numbers come from, folded on screen, prints open
    folds = as_printed.count('<details class="csb-sources"')
    whole = "".join(pages)
    assert folds > 10 and whole.count(squeeze("The figures on this page were last checked against their sources")) == folds
    assert whole.count(squeeze("Each number on this page that was computed from")) == \
        as_printed.count('<p class="numbers-intro">') > 10, "a folded list of sources is missing from the PDF"
    start = next(i for i, text in enumerate(pages) if squeeze("Solutions to the exercises") in text)
    at_the_end = "".join(pages[start:])
    for title, body in solution_texts(as_printed[end:]):
        assert len(body) > 40, f"{title}: the solution has no text in the page as printed"
        assert body[:60] in at_the_end and body[-60:] in at_the_end, f"{title}: its text is not in the PDF"


def squeeze(text: str) -> str:
    """Text without spaces and with ligatures undone, so a line broken in the PDF still matches."""
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_pages(path) -> list[str]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return [squeeze(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()


def solution_texts(printed: str) -> list[tuple[str, str]]:
    """Each solution in the page as printed: its title, and its text as squeezed words."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(printed, "html.parser")
    found = []
    for div in soup.select("div.solution"):
        title = div.select_one(".admonition-title")
        name = title.get_text(" ", strip=True)
        title.decompose()
        for hidden in div.select(".visually-hidden"):
            hidden.decompose()
        found.append((name, squeeze(div.get_text(" "))))
    return found
