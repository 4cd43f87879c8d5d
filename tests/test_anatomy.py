"""Every chapter has the same anatomy, and the template a new chapter starts from has it too:
a content note, the support box, a section on what the numbers cannot show, at least two exercises
with solutions (one on the chapter's widget), and the table of sources for the page's numbers."""
from __future__ import annotations

import re
import sys

import pytest

from book_files import ROOT, chapter_sources, read
from csebook.pages import DATA_PAGES

TEMPLATE = ROOT / "book" / "_template.md"
CHAPTERS = [p for p in chapter_sources() if p.stem not in DATA_PAGES]


def anatomy_problems(path) -> list[str]:
    nb = read(path)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    problems = []
    if ":::{admonition} Content note" not in text:
        problems.append("no content note")
    if "```{include} _support.md" not in text:
        problems.append("no support box")
    headings = re.findall(r"^## (.+)$", text, re.M)
    if not any(re.search(r"cannot|does not", h) for h in headings):
        problems.append("no section on what the numbers cannot tell you")
    if "Sources for the numbers on this page" not in headings:
        problems.append("no sources section")
    exercises = re.findall(r":::\{exercise\}\n:label: (\S+)\n\n(.*?):::", text, re.S)
    solutions = set(re.findall(r":::\{solution\} (\S+)", text))
    if len(exercises) < 2:
        problems.append("fewer than two exercises")
    if {label for label, _ in exercises} != solutions:
        problems.append("an exercise without its solution, or a solution without its exercise")
    if not any("widget" in body for _, body in exercises):
        problems.append("no exercise uses the chapter's widget")
    for cell in nb.cells:
        if cell.cell_type == "markdown" and ":::{solution}" in cell.source and \
                "solution" not in cell.metadata.get("tags", []):
            problems.append("a solution cell not tagged 'solution' (student copies would keep it)")
    return problems


@pytest.mark.parametrize("path", CHAPTERS + [TEMPLATE], ids=lambda p: p.stem)
def test_anatomy(path):
    assert anatomy_problems(path) == []


def test_the_anatomy_check_can_fail(tmp_path):
    broken = tmp_path / "broken.md"
    broken.write_text(TEMPLATE.read_text().replace("Content note", "Note").replace("widget", "chart"))
    assert anatomy_problems(broken) == ["no content note", "no exercise uses the chapter's widget"]


def test_the_template_runs(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    import execute

    execute.execute(TEMPLATE, target=tmp_path / "template.ipynb")
    assert (tmp_path / "template.ipynb").stat().st_size > 10_000
