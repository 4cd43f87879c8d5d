"""Where a glued number links to, and the mark of its check status.

A number that is one figure row goes straight to that row in the figure finder
(book/figures, anchored by the figure id). A number computed from several rows, or from a census
table, goes to its entry in the page's own list "Where this page's numbers come from", which names
every row and table it rests on; each of those links to the finder in turn.
"""
from __future__ import annotations

import html

from .data import STATUS_LABELS, THIRD_PARTY_COPY, Package, copy_site, status_label

FINDER = "figures"            # the finder page, book/figures.md
ORDER = ("read-primary", "read-official-copy", "secondary")   # strongest first
MARKS = {"read-primary": "●", "read-official-copy": "◐", "secondary": "○"}
# ◐ covers an official copy and a third-party copy of the official record (Hansard on Parallel
# Parliament): its words say "a copy of the official text", and each row says which it was.
MARK_WORDS = {"read-primary": "checked against the primary document",
              "read-official-copy": "checked against a copy of the official text",
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


def source_html(s, *, italic: bool = False, copy: bool = True) -> str:
    """A source as the pages name it: publisher, title (linked) and date. A source read in a
    third-party copy of an official record says so, naming the site (linked to the copy read), and
    its title links the publisher's own address where it is known."""
    site = copy_site(s)
    own = getattr(s, "publisher_url", "") or ""
    title = html.escape(s.title)
    title = f"<i>{title}</i>" if italic else title
    href = own if site else s.url
    named = f'<a href="{html.escape(href)}">{title}</a>' if href else title
    out = f"{html.escape(s.publisher)}, {named} ({html.escape(str(s.date))})"
    if site and copy:
        out += (f'; {THIRD_PARTY_COPY} at <a href="{html.escape(s.url)}">{html.escape(site)}</a>'
                + ("" if own else " (the official address could not be built from the copy)"))
    return out


def source_text(s) -> str:
    """The same as plain text, with the addresses written out (for a line to cite)."""
    site = copy_site(s)
    out = f"{s.publisher}, {s.title} ({s.date})"
    if site:
        own = getattr(s, "publisher_url", "") or ""
        out += (f" [{THIRD_PARTY_COPY} at {site}, {s.url}; "
                + (f"official address {own}]" if own else "official address not known]"))
    return out


def restated(origin: str) -> str:
    """The attribute that marks a number shown again away from where it is made: 'row <figure id>'
    (the row's value as printed), 'glue <key>' (a number glued on the same page), 'glue <page>.<key>'
    or 'sentence <page>.<key>' (a number, or the sentence it stands in, on another page). The
    snapshot shows such a number by its origin, so a changed number changes the lines where it is
    made, and a test checks that each one shows what its origin shows."""
    return f' data-from="{html.escape(origin)}"'


def row_line_html(package: Package, figure_id: str, *, short: bool = False) -> str:
    """One row a number rests on: its value as printed, source and status, linked to the finder.
    Short (in the finder itself, where the row is listed in full): value, unit, publisher, date."""
    f = package.figure_quietly(figure_id)
    s = package.source(f.source_id)
    page = "" if short else f"{FINDER}.html"
    value = f'<a href="{page}#{html.escape(figure_id)}"{restated("row " + figure_id)}>{html.escape(f.value_as_printed)}</a>'
    if short:
        site = copy_site(s)
        copy = f", {THIRD_PARTY_COPY} at {html.escape(site)}" if site else ""
        return (f"{value} ({html.escape(f.unit)}), {html.escape(s.publisher)} ({html.escape(str(s.date))}{copy}) "
                f"{mark_html(f.status)}")
    return (f"{value} ({html.escape(f.unit)}, {html.escape(str(f.period))}): "
            f"{source_html(s, italic=True, copy=False)}, {html.escape(f.location)}; "
            f"{_mark(f.status)} {_label_html(status_label(f, package), s)}")


def _label_html(label: str, s) -> str:
    """A status label, its third-party site (if it names one) linked to the copy read."""
    site = copy_site(s)
    text = html.escape(label)
    return text.replace(html.escape(site), f'<a href="{html.escape(s.url)}">{html.escape(site)}</a>', 1) if site else text


def census_line_html(package: Package, source_id: str, *, short: bool = False) -> str:
    """A census table a number rests on, linked to its source; short: its title and date only."""
    s = package.source(source_id)
    status = census_status(package, source_id)
    site = copy_site(s)
    if short:
        own = (getattr(s, "publisher_url", "") or "") if site else s.url
        title = f'<a href="{html.escape(own)}">{html.escape(s.title)}</a>' if own else html.escape(s.title)
        copy = f", {THIRD_PARTY_COPY} at {html.escape(site)}" if site else ""
        return f"census: {title} ({html.escape(str(s.date))}{copy}) {mark_html(status)}"
    label = f"{THIRD_PARTY_COPY} ({site})" if site and status == "read-official-copy" else STATUS_LABELS[status]
    return f"census table: {source_html(s, italic=True, copy=not label.startswith(THIRD_PARTY_COPY))}; {_mark(status)} {_label_html(label, s)}"
