"""The check over the book's own words: every sentence that judges numbers is computed, declared
or listed as an exception with its reason (csebook.verdicts says what a verdict is).

It reads, for every page in the table of contents:

* the prose of the chapter source (markdown cells and figure captions), or of a plain page;
* the verdicts the executed chapter recorded (computed with `say`, declared with `verdict`);

and, for the texts the chapters compute (widget summaries, chart alt text), every string literal in
the modules that write reader-facing text: a literal holding a verdict word must be an argument of
`pick`, `say` or `verdict` (its words are then chosen or checked from the numbers), or be listed as
an exception. The claim checker's table (data/claims.csv) is read in its columns in the book's own
voice, and the words the chapters show for the rows of their lists of figures (data/figure_lists.csv)
as those modules' own strings. Exceptions (tests/verdict_exceptions.csv) name the page or file, a phrase of the sentence,
and why it is not a verdict about numbers (a definition, a question, a quoted label...).
"""
from __future__ import annotations

import ast
import csv
from pathlib import Path

from .verdicts import covered, judges, normal, sentences

EXCEPTIONS = Path("tests") / "verdict_exceptions.csv"
# modules whose string literals reach readers (widget summaries, alt text, chart labels)
TEXT_MODULES = ("csebook/chapters/*.py", "csebook/charts.py", "csebook/comparisons.py", "csebook/studies.py",
                "csebook/suspects.py", "csebook/tables.py", "csebook/timeline.py")
CHECKERS = {"pick", "say", "verdict"}
# the claim checker's columns in the book's own voice (the claim itself is another's words)
CLAIM_COLUMNS = ("denominator", "sample", "category", "supports", "counter_note")


def prose_pieces(path: Path) -> list[tuple[str, str]]:
    """(where, text) for every piece of reader-facing prose on a page: markdown cells and figure
    captions of a chapter source, or a plain Markdown page's text."""
    import jupytext

    from .pages import is_notebook_source

    if not is_notebook_source(path):
        return [(path.name, path.read_text())]
    pieces = []
    for i, cell in enumerate(jupytext.read(path).cells):
        if cell.cell_type == "markdown":
            pieces.append((f"{path.name} cell {i}", cell.source))
        caption = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption")
        if caption:
            pieces.append((f"{path.name} cell {i} caption", caption))
    return pieces


def _docstrings(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def module_literals(root: Path) -> list[tuple[str, str, bool]]:
    """(where, text, checked) for every string literal holding a verdict word in the modules that
    write reader-facing text; checked when it is inside a call of pick, say or verdict."""
    found = []
    paths = sorted({p for pattern in TEXT_MODULES for p in root.glob(pattern)})
    for path in paths:
        tree = ast.parse(path.read_text())
        docs = _docstrings(tree)
        inside: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in CHECKERS:
                    inside.update(id(n) for n in ast.walk(node))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                    and judges(node.value)):
                where = f"{path.relative_to(root)}:{node.lineno}"
                found.append((where, node.value, id(node) in inside))
    return found


def claim_pieces(root: Path) -> list[tuple[str, str]]:
    rows = csv.DictReader(open(root / "data" / "claims.csv", newline=""))
    return [(f"data/claims.csv {r['claim_id']} {c}", r[c]) for r in rows for c in CLAIM_COLUMNS if r.get(c)]


def list_pieces(root: Path) -> list[tuple[str, str]]:
    """The words a chapter shows for each row of its lists of figures (labels, nouns, periods)."""
    rows = csv.DictReader(open(root / "data" / "figure_lists.csv", newline=""))
    return [(f"data/figure_lists.csv {r['list_id']} {r['position']} words", r["words"]) for r in rows if r["words"]]


def read_exceptions(root: Path) -> list[dict]:
    path = root / EXCEPTIONS
    rows = list(csv.DictReader(open(path, newline=""))) if path.exists() else []
    for i, r in enumerate(rows, start=2):
        if not (r.get("where") and r.get("phrase") and r.get("reason")):
            raise ValueError(f"{EXCEPTIONS}, row {i}: every exception needs where, phrase and reason")
    return rows


def _excepted(where: str, text: str, exceptions: list[dict], used: set[int]) -> str | None:
    plain = normal(text)
    for i, e in enumerate(exceptions):
        if where.startswith(e["where"]) and normal(e["phrase"]) in plain:
            used.add(i)
            return e["reason"]
    return None


def verdicts_of_page(source: Path) -> dict[str, dict]:
    import nbformat

    from .pages import executed_path, is_notebook_source
    from .verdicts import verdict_records

    if not is_notebook_source(source) or not executed_path(source).exists():
        return {}
    return verdict_records(nbformat.read(executed_path(source), as_version=4))


def findings(root: Path, pages: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(where, text, how) for every sentence or literal that judges numbers; `how` is
    'computed KEY', 'declared KEY', 'checked by pick/say/verdict', 'exception: REASON' or ''
    (unchecked). Also ('...', phrase, 'unused exception') for exceptions that match nothing."""
    from .pages import toc_pages

    exceptions = read_exceptions(root)
    used: set[int] = set()
    out = []
    claims_records: dict[str, dict] = {}
    for page in toc_pages(root):
        records = verdicts_of_page(page)
        if page.stem == "tk_claims":
            claims_records = records
        if pages and page.stem not in pages:
            continue
        for where, text in prose_pieces(page):
            for s in sentences(text):
                if not judges(s):
                    continue
                how = covered(s, records)
                if how is None:
                    reason = _excepted(page.stem, s, exceptions, used)
                    how = f"exception: {reason}" if reason else ""
                out.append((where, s, how))
    if not pages:
        for where, text, checked in module_literals(root):
            reason = None if checked else _excepted(where.split(":")[0], text, exceptions, used)
            out.append((where, text, "checked by pick/say/verdict" if checked else
                        (f"exception: {reason}" if reason else "")))
        for where, text in claim_pieces(root):
            for s in sentences(text):
                if judges(s):
                    how = covered(s, claims_records)
                    if how is None:
                        reason = _excepted("data/claims.csv", s, exceptions, used)
                        how = f"exception: {reason}" if reason else ""
                    out.append((where, s, how))
        for where, text in list_pieces(root):
            if judges(text):
                reason = _excepted("data/figure_lists.csv", text, exceptions, used)
                out.append((where, text, f"exception: {reason}" if reason else ""))
        out += [(e["where"], e["phrase"], "unused exception") for i, e in enumerate(exceptions) if i not in used]
    return out


def unchecked_report(root: Path, pages: list[str] | None = None) -> tuple[list[str], list[tuple]]:
    """Lines listing every verdict and how it is checked, and the unchecked ones (and unused
    exceptions), for tools/verdicts.py and the test."""
    found = findings(root, pages)
    missing = [f for f in found if f[2] in ("", "unused exception")]
    lines = [f"{'UNCHECKED' if not how else how}: {where}: {text[:200]}" for where, text, how in found]
    return lines, missing

