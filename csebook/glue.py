"""Paste computed values into prose with myst-nb's glue, always as plain strings.

Gluing strings (not numpy scalars) keeps the text exactly as formatted here and avoids
numpy 2 reprs breaking glue formats. Every value glued is also returned, so a notebook can
show it in a table as well.
"""
from __future__ import annotations

from . import fmt
from .data import STATUS_LABELS, Figure, Package


def glue_text(key: str, text: str) -> str:
    from myst_nb import glue

    if not isinstance(text, str):
        raise TypeError(f"glue '{key}': pass a formatted string, not {type(text).__name__}")
    glue(key, text, display=False)
    return text


def glue_count(key: str, n: float) -> str:
    return glue_text(key, fmt.count(n))


def glue_percent(key: str, fraction: float, digits: int = 1) -> str:
    return glue_text(key, fmt.percent(fraction, digits))


def glue_figure_text(key: str, figure: Figure) -> str:
    """A figure exactly as its source prints it (for quoting a source's own number)."""
    return glue_text(key, figure.value_as_printed)


def glue_status(key: str, figure: Figure) -> str:
    """The check status of a figure, in words, for the sentence that cites it."""
    return glue_text(key, STATUS_LABELS[figure.status])


def glue_source(key: str, package: Package, figure: Figure) -> str:
    """'Publisher, Title (date)' for the figure's source."""
    source = package.source(figure.source_id)
    return glue_text(key, f"{source.publisher}, {source.title} ({source.date})")
