"""Editorial rules that can be checked mechanically: no statistic typed into prose, and a
content note and support box on every page."""
from __future__ import annotations

import re

import pytest

from book_files import GLUE_ROLE, ROOT, is_notebook_source, prose_of_page, toc_pages

PAGES = toc_pages()

# Numbers that are not statistics: years, dates, phone numbers, section and paragraph numbers,
# ages that define a population or an offence, list markers and cross-reference labels.
ALLOWED = [
    r"\(https?://[^)]*\)|https?://\S+|\]\([^)]*\)",           # link targets
    r"\{(?:numref|ref|doc|download)\}`[^`]*`",                 # cross-references
    r"\(sec-[a-z0-9-]+\)=",                                    # labels
    r"\b0\d{3} ?\d{3} ?\d{4}\b|\b0800 ?1111\b|\b999\b",        # phone numbers
    r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:19|20)\d\d\b",
    r"\b(?:19|20)\d\d/\d\d\b",                                # financial years: 2018/19
    r"\b(?:19|20)\d\d\b",                                      # years
    r"\bParts? [A-L](?:\.\d+)?\b|\b[Pp]aragraphs? \d+(?:\.\d+)?(?: and \d+(?:\.\d+)?)?\b|\bsections? \d+(?:\.\d+)?\b",
    r"\b(?:Recommendations?|Annex) \d+\b",                     # document parts
    r"\baged\s+(?:between\s+)?\d+\s+(?:to|and)\s+\d+\b|\bage of \d+\b",  # ages that define a population or an offence
    r"\bper\s+100,000\b",                                  # the unit of a rate
    r"^\s*\d+\. ",                                             # numbered list markers
    r"`[^`]*`",                                                # code
    r"\b95%(?=\s+(?:\{term\}|Wilson\s|confidence\s|intervals?\b))",  # a method's parameter, not a finding
    r"\b\d+ minutes\b",                                         # session timings in the teaching guide
    r"\bChannel 4\b|\btype 1\b",                                # names: a broadcaster, a category
]


def typed_numbers(text: str) -> list[str]:
    text = GLUE_ROLE.sub(" ", text)
    for pattern in ALLOWED:
        text = re.sub(pattern, " ", text, flags=re.M)
    return re.findall(r"\d[\d,.]*%?", text)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_no_statistic_typed_into_prose(path):
    problems = [(where, typed_numbers(text)) for where, text in prose_of_page(path)]
    problems = [p for p in problems if p[1]]
    assert not problems, f"numbers typed into prose (glue them from data/): {problems}"


def test_the_checker_catches_typed_numbers():
    assert typed_numbers("of those, 717 were in the CSE category (0.6%)") == ["717", "0.6%"]
    assert typed_numbers("{glue:text}`pf_cse` offences on 8 April 2025 in Part B.4, paragraph 17") == []
    assert typed_numbers("call 0808 800 5000 or 999") == []
    assert typed_numbers("in 2018/19 (Part B.1, paragraph 1.3; Recommendation 3; Annex 3)") == []
    assert typed_numbers("rose by 35% in 2018/19") == ["35%"]
    assert typed_numbers("men aged 18 to\n39, Paragraph 41, 3.9 per 100,000") == ["3.9"]


@pytest.mark.parametrize("path", [p for p in PAGES if not is_notebook_source(p)
                                  and p.stem not in ("reproduce", "glossary")], ids=lambda p: p.name)
def test_content_note_and_support_box_on_every_other_page(path):
    """Chapters are checked with the rest of their anatomy (test_anatomy); these are the other
    pages with subject content."""
    text = "\n".join(t for _, t in prose_of_page(path))
    assert ":::{admonition} Content note" in text, f"{path.name}: no content note"
    assert "{include} _support.md" in text, f"{path.name}: no support box"


def test_support_box_numbers():
    box = (ROOT / "book" / "_support.md").read_text()
    for number in ("999", "0808 800 5000", "0800 1111"):
        assert number in box
    assert "NAPAC" in box and "napac.org.uk" in box


def test_every_glossary_term_is_linked_from_a_chapter():
    import re

    from csebook.data import load_package

    linked = set()
    for path in PAGES:
        for _, text in prose_of_page(path):
            for target in re.findall(r"\{term\}`([^`]*)`", text):
                m = re.search(r"<([^>]*)>$", target)
                linked.add((m.group(1) if m else target).lower())
    terms = {t.lower() for t in load_package().glossary.term}
    assert terms <= linked, f"glossary terms never linked: {sorted(terms - linked)}"
