"""Shared helpers for tests that read the book's notebooks and pages."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from figures import glue_values  # noqa: E402,F401  (one reader of glued values, shared with make figures)
from notebooks import notebooks, toc_pages  # noqa: E402

GLUE_ROLE = re.compile(r"\{glue(?::\w+)?\}`([^`]*)`")


def read(path: Path):
    return nbformat.read(path, as_version=4)


def prose_of_page(path: Path) -> list[tuple[str, str]]:
    """(where, text) for every piece of reader-facing prose on a page: markdown cells and
    figure captions of a notebook, or a Markdown page's text."""
    if path.suffix == ".md":
        return [(path.name, path.read_text())]
    nb = read(path)
    pieces = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            pieces.append((f"{path.name} cell {i}", cell.source))
        caption = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption")
        if caption:
            pieces.append((f"{path.name} cell {i} caption", caption))
    return pieces
