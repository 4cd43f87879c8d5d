"""Every chapter has the same anatomy, and a new chapter written by `make chapter` has it too:
a content note, the support box, a section on what the numbers cannot show, at least two exercises
with solutions (one on the chapter's widget), and the table of sources for the page's numbers. No
chapter keeps a part of the template still marked TEMPLATE."""
from __future__ import annotations

import ast
import re
import shutil

import pytest

from book_files import ROOT, chapter_sources, read, unused_chapter_name
from csebook import scaffold
from csebook.pages import DATA_PAGES

CHAPTERS = [p for p in chapter_sources() if p.stem not in DATA_PAGES]
MODULES = sorted((ROOT / "csebook" / "chapters").glob("[!_]*.py"))
NEW = unused_chapter_name()


@pytest.fixture
def new_chapter(tmp_path):
    """A chapter as `make chapter` writes it, in a copy of the helper package and the data: the
    page (book/<NEW>.md) and its module, importable from the copy."""
    shutil.copytree(ROOT / "csebook", tmp_path / "csebook", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "book", tmp_path / "book", ignore=shutil.ignore_patterns("*.ipynb"))
    shutil.copy(ROOT / "_toc.yml", tmp_path / "_toc.yml")
    written = scaffold.make_chapter(tmp_path, NEW, "A new report's numbers (2027)")
    return tmp_path, written


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


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_anatomy(path):
    assert anatomy_problems(path) == []


def test_a_new_chapter_has_the_anatomy_and_the_check_can_fail(new_chapter):
    root, (page, module, toc) = new_chapter
    assert anatomy_problems(page) == []
    broken = root / "broken.md"
    broken.write_text(page.read_text().replace("Content note", "Note").replace("widget", "chart"))
    assert anatomy_problems(broken) == ["no content note", "no exercise uses the chapter's widget"]


def test_no_chapter_keeps_a_part_marked_template():
    """`make chapter` marks every part still to be written TEMPLATE; this is the test that fails
    until none is left, in the page or in its module."""
    left = scaffold.leftovers(CHAPTERS + MODULES)
    assert left == [], "parts of the template still to be written (replace each one marked TEMPLATE):\n" + \
        "\n".join(left)


def test_a_new_chapter_is_listed_and_marked_as_still_to_be_written(new_chapter):
    root, (page, module, toc) = new_chapter
    assert [p.relative_to(root).as_posix() for p in (page, module, toc)] == \
        [f"book/{NEW}.md", f"csebook/chapters/{NEW}.py", "_toc.yml"]
    assert "# A new report's numbers (2027)" in page.read_text()
    assert [line.split(": ", 1)[0] for line in scaffold.leftovers([page, module])] == \
        [f"{NEW}.md:14", f"{NEW}.py:1"]
    from csebook.pages import chapter_sources as listed

    before = [p.stem for p in listed(ROOT)]
    after = [p.stem for p in listed(root)]
    last_report = max((n for n in before if not n.startswith("tk_") and n not in DATA_PAGES), key=before.index)
    assert after == before[:before.index(last_report) + 1] + [NEW] + before[before.index(last_report) + 1:], \
        "listed last in 'The reports', nothing else moved"


def test_a_new_chapters_module_imports_no_other_chapter(new_chapter):
    _, (_, module, _) = new_chapter
    assert other_chapters_imported(module) == set()


def chapter_imports(code: str) -> list[str]:
    """The chapter modules a chapter module's code imports, in any form: `from . import x`,
    `from .x import y`, `from ..chapters import x`, `from ..chapters.x import y`,
    `from csebook.chapters import x`, `from csebook.chapters.x import y`, `import csebook.chapters.x`."""
    found = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found += [a.name.rsplit(".", 1)[-1] for a in node.names if a.name.startswith("csebook.chapters.")]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1:                      # inside csebook/chapters/
                where = module
            elif node.level == 2 and (module == "chapters" or module.startswith("chapters.")):
                where = module[len("chapters."):]
            elif node.level == 0 and (module == "csebook.chapters" or module.startswith("csebook.chapters.")):
                where = module[len("csebook.chapters."):]
            else:
                continue
            found += [where] if where else [a.name for a in node.names]
    return found


def other_chapters_imported(module) -> set[str]:
    """The chapter modules a chapter module imports, other than itself."""
    return set(chapter_imports(module.read_text())) - {module.stem}


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.stem)
def test_no_chapter_module_imports_another(module):
    assert other_chapters_imported(module) == set(), \
        f"{module.name} imports another chapter's module: move what it shares into csebook/"


def test_the_chapter_import_check_can_fail():
    code = ("from . import home_office_2020 as ho\nfrom .tk_small import x\nfrom ..chapters import after_2025\n"
            "from ..chapters.since_audit import y\nfrom csebook.chapters import tk_time\n"
            "from csebook.chapters.tk_claims import z\nimport csebook.chapters.tk_samples\n"
            "def f():\n    from . import hmicfrs_2023\n"
            "from .. import suspects, studies\nfrom ..widgets import View\nimport csebook.fmt\n")
    assert chapter_imports(code) == ["home_office_2020", "tk_small", "after_2025", "since_audit", "tk_time",
                                     "tk_claims", "tk_samples", "hmicfrs_2023"]


def test_a_new_chapter_runs(new_chapter, monkeypatch):
    """The page as written executes top to bottom with its own module (from the copy), drawing its
    chart, its widget and its list of sources."""
    import execute

    root, (page, _, _) = new_chapter
    monkeypatch.setenv("PYTHONPATH", str(root))
    execute.execute(page, target=root / "book" / f"{NEW}.ipynb")
    text = (root / "book" / f"{NEW}.ipynb").read_text()
    assert "csb-widget" in text and "csb-chart" in text and f"{NEW}_total" in text


def test_make_chapter_refuses_a_bad_name_an_unknown_part_and_an_existing_chapter(tmp_path):
    for bad in ("", "New", "9lives", "a-b", "x/y"):
        with pytest.raises(scaffold.ScaffoldError, match="NAME must be"):
            scaffold.render(bad, "A title")
    with pytest.raises(scaffold.ScaffoldError, match="TITLE is empty"):
        scaffold.render("fine", "  ")
    toc = (ROOT / "_toc.yml").read_text()
    with pytest.raises(scaffold.ScaffoldError, match="no part captioned 'Appendix'"):
        scaffold.add_to_toc(toc, "fine", "Appendix")
    with pytest.raises(scaffold.ScaffoldError, match="already lists book/tk_time"):
        scaffold.add_to_toc(toc, "tk_time", "The reports")
    (tmp_path / "book").mkdir()
    (tmp_path / "csebook" / "chapters").mkdir(parents=True)
    (tmp_path / "_toc.yml").write_text(toc)
    (tmp_path / "book" / "taken.md").write_text("x")
    with pytest.raises(scaffold.ScaffoldError, match="exists already"):
        scaffold.make_chapter(tmp_path, "taken", "A title")
    assert (tmp_path / "_toc.yml").read_text() == toc and not (tmp_path / "csebook/chapters/taken.py").exists()


def test_a_toc_entry_goes_last_in_its_part_and_nowhere_else():
    toc = (ROOT / "_toc.yml").read_text()
    new = scaffold.add_to_toc(toc, "tk_more", "Reading these numbers")
    added = [line for line in new.splitlines() if line not in toc.splitlines()]
    assert added == ["      - file: book/tk_more"]
    lines = new.splitlines()
    assert lines[lines.index("      - file: book/tk_more") - 1] == "      - file: book/tk_claims"
