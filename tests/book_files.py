"""Shared helpers for tests that read the book's pages: chapter sources (MyST Markdown) and the
executed notebooks made from them."""
from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from csebook.glue import GLUE_ROLE, glue_values  # noqa: E402,F401
from csebook.pages import chapter_sources, executed_path, is_notebook_source, toc_pages  # noqa: E402,F401


def notebooks() -> list[Path]:
    """The executed chapter notebooks the site is built from."""
    return [executed_path(p) for p in chapter_sources()]


def read(path: Path):
    """A notebook: an executed .ipynb, or a chapter source (.md) through jupytext."""
    return jupytext.read(path) if path.suffix == ".md" else nbformat.read(path, as_version=4)


def prose_of_page(path: Path) -> list[tuple[str, str]]:
    """(where, text) for every piece of reader-facing prose on a page: markdown cells and figure
    captions of a chapter source, or a plain Markdown page's text."""
    if not is_notebook_source(path):
        return [(path.name, path.read_text())]
    pieces = []
    for i, cell in enumerate(read(path).cells):
        if cell.cell_type == "markdown":
            pieces.append((f"{path.name} cell {i}", cell.source))
        caption = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption")
        if caption:
            pieces.append((f"{path.name} cell {i} caption", caption))
    return pieces
