"""Where a glued number links to, and the mark of its check status.

A number that is one figure row goes straight to that row in the figure finder
(book/figures, anchored by the figure id). A number computed from several rows, or from a census
table, goes to its entry in the page's own list "Where this page's numbers come from", which names
every row and table it rests on; each of those links to the finder in turn.
"""
from __future__ import annotations

import html

from .data import STATUS_LABELS, Package

FINDER = "figures"            # the finder page, book/figures.md
ORDER = ("read-primary", "read-official-copy", "secondary")   # strongest first
MARKS = {"read-primary": "●", "read-official-copy": "◐", "secondary": "○"}
MARK_WORDS = {"read-primary": "checked against the primary document",
              "read-official-copy": "checked against an official copy",
              "secondary": "not yet checked against a primary text: seen only in secondary reporting"}


def census_status(package: Package, source_id: str) -> str:
    statuses = package.population.loc[package.population.source_id == source_id, "status"]
    return weakest(statuses)


def weakest(statuses) -> str:
    statuses = list(statuses)
    if not statuses:
        raise ValueError("no statuses")
    return max(statuses, key=ORDER.index)


def shows(figure, text: str) -> bool:
    """Whether the text states the figure as its source printed it (or its plain count), rather than
    a number computed from it: '27' shows a row printed '27', '52%' does not show a row printed '52'."""
    import re

    from . import fmt

    printed = figure.value_as_printed
    if printed and re.search(rf"(?<![\d.,]){re.escape(printed)}(?![\d%]|[.,]\d|\s*per\s?cent)", text):
        return True
    try:
        return float(figure.value) == int(figure.value) and fmt.count(figure.value) == text
    except (TypeError, ValueError):
        return False


def target(key: str, text: str, rests_on: dict, package: Package) -> tuple[bool, str, str]:
    """(in the finder?, anchor, weakest check status) for a glued number. It goes to the finder only
    when it is one row as printed; anything computed goes to the page's "computed from" list."""
    rows, census = list(rests_on.get("rows", [])), list(rests_on.get("census", []))
    if len(rows) == 1 and shows(package.figure_quietly(rows[0]), text):
        return True, rows[0], package.figure_quietly(rows[0]).status
    statuses = [package.figure_quietly(r).status for r in rows] + [census_status(package, c) for c in census]
    return False, number_anchor(key), weakest(statuses)


def number_anchor(key: str) -> str:
    return "n-" + key.replace("_", "-")


def _mark(status: str) -> str:
    words = html.escape(MARK_WORDS[status])
    return (f'<span class="num-mark status-{status}" title="{words}" aria-hidden="true">'
            f"{MARKS[status]}</span>")


def mark_html(status: str) -> str:
    """The visible mark of a check status, with its words for screen readers and a tooltip."""
    return _mark(status) + f'<span class="visually-hidden"> ({html.escape(MARK_WORDS[status])})</span>'


def legend_html() -> str:
    """The key to the marks."""
    items = "".join(f"<li>{_mark(s)} {html.escape(MARK_WORDS[s])}</li>" for s in ORDER)
    return f'<ul class="num-legend">{items}</ul>'


def number_html(text: str, href: str, status: str) -> str:
    return (f'<a class="num status-{status}" href="{html.escape(href)}">'
            f'<span class="pasted-text">{html.escape(text)}</span>{mark_html(status)}</a>')


def row_line_html(package: Package, figure_id: str, *, short: bool = False) -> str:
    """One row a number rests on: its value as printed, source and status, linked to the finder.
    Short (in the finder itself, where the row is listed in full): value, unit, publisher, date."""
    f = package.figure_quietly(figure_id)
    s = package.source(f.source_id)
    page = "" if short else f"{FINDER}.html"
    value = f'<a href="{page}#{html.escape(figure_id)}">{html.escape(f.value_as_printed)}</a>'
    if short:
        return (f"{value} ({html.escape(f.unit)}), {html.escape(s.publisher)} ({html.escape(str(s.date))}) "
                f"{mark_html(f.status)}")
    return (f"{value} ({html.escape(f.unit)}, {html.escape(str(f.period))}): {html.escape(s.publisher)}, "
            f"<i>{html.escape(s.title)}</i> ({html.escape(str(s.date))}), {html.escape(f.location)}; "
            f"{_mark(f.status)} {html.escape(STATUS_LABELS[f.status])}")


def census_line_html(package: Package, source_id: str, *, short: bool = False) -> str:
    """A census table a number rests on, linked to its source; short: its title and date only."""
    s = package.source(source_id)
    status = census_status(package, source_id)
    if short:
        return (f'census: <a href="{html.escape(s.url)}">{html.escape(s.title)}</a> ({html.escape(str(s.date))}) '
                f"{mark_html(status)}")
    return (f'census table: <a href="{html.escape(s.url)}">{html.escape(s.publisher)}, '
            f"<i>{html.escape(s.title)}</i></a> ({html.escape(str(s.date))}); "
            f"{_mark(status)} {html.escape(STATUS_LABELS[status])}")
