"""Paste computed values into prose with myst-nb's glue, always as plain strings.

Gluing strings (not numpy scalars) keeps the text exactly as formatted here and avoids
numpy 2 reprs breaking glue formats. The functions return None, so a glue call on the last
line of a cell adds no stray output.
"""
from __future__ import annotations

from . import fmt
from .data import STATUS_LABELS, Figure, Package

# myst-nb's glue record format (myst_nb.ext.glue). Written here rather than imported: importing
# myst_nb.ext.glue pulls in docutils and takes about two seconds in every notebook's kernel.
# tests/test_stats_fmt.py checks that the record is the one myst-nb writes.
GLUE_PREFIX = "application/papermill.record/"


def glue_bundle(key: str, text: str) -> tuple[dict, dict]:
    """The display data and metadata of a glue record for `text`, hidden from the output."""
    from IPython.core.formatters import format_display_data

    mimebundle, metadata = format_display_data(text)
    metadata["scrapbook"] = dict(name=key, mime_prefix=GLUE_PREFIX)
    return {GLUE_PREFIX + k: v for k, v in mimebundle.items()}, metadata


def glue_text(key: str, text: str) -> None:
    from IPython.display import display

    if not isinstance(text, str):
        raise TypeError(f"glue '{key}': pass a formatted string, not {type(text).__name__}")
    data, metadata = glue_bundle(key, text)
    display(data, raw=True, metadata=metadata)


def glue_count(key: str, n: float) -> None:
    glue_text(key, fmt.count(n))


def glue_percent(key: str, fraction: float, digits: int = 1) -> None:
    glue_text(key, fmt.percent(fraction, digits))


def glue_figure_text(key: str, figure: Figure) -> None:
    """A figure exactly as its source prints it (for quoting a source's own number)."""
    glue_text(key, figure.value_as_printed)


def glue_status(key: str, figure: Figure) -> None:
    """The check status of a figure, in words, for the sentence that cites it."""
    glue_text(key, STATUS_LABELS[figure.status])


def glue_source(key: str, package: Package, figure: Figure) -> None:
    """'Publisher, Title (date)' for the figure's source."""
    source = package.source(figure.source_id)
    glue_text(key, f"{source.publisher}, {source.title} ({source.date})")


def page_sources(package) -> None:
    """The page's closing table of sources, and the dates its figures were last checked, glued as
    `page_checked` for the line near the top of the page that says them."""
    from IPython.display import HTML, display

    from .tables import checked_text, page_sources_html

    glue_text("page_checked", checked_text(package))
    display(HTML(page_sources_html(package)))
