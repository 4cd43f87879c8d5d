"""The timeline of reports, inquiries and data releases, generated from data/sources.csv.

Each event is a source of one of the official or research kinds, dated 2011 or later. The chapters
that discuss it are found from the figure ids each chapter looks up: a figure id written in a
chapter's text source (book/<page>.md) or in the chapter's own module (csebook/chapters/<page>.py)
ties that chapter to the figure's source, and so does the id of a list of figures
(data/figure_lists.csv) written there, for every figure in the list. A source quoted for wording
only, or a census table behind a comparator, names its pages in sources.csv's discussed_in column;
the timeline adds them."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .data import THIRD_PARTY_COPY, Package
from .pages import REPO_ROOT, toc_pages

KINDS = ("inquiry report", "inspection report", "official statistics", "police data publication",
         "ministerial statement", "think-tank report", "academic study", "research summary",
         "local safeguarding summary")
FIGURE_ID = re.compile(r"[\"']([a-z0-9_]+\.[a-z0-9_-]+)[\"']")
LIST_ID = re.compile(r"[\"']([a-z0-9][a-z0-9_]*)[\"']")     # a list of figures (figure_lists.csv)


@dataclass(frozen=True)
class Event:
    date: str
    source_id: str
    publisher: str
    title: str
    kind: str
    url: str
    pages: tuple[tuple[str, str], ...]     # (page name, its title)
    copy_site: str = ""                    # the third-party site the copy read is on, if any
    publisher_url: str = ""                # the publisher's own address, where known


def _page_title(path: Path) -> str:
    for line in path.read_text().splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def page_titles(root: Path = REPO_ROOT) -> dict[str, str]:
    """page name -> its title, in table-of-contents order."""
    return {p.stem: _page_title(p) for p in toc_pages(root)}


def figure_pages(package: Package, root: Path = REPO_ROOT) -> dict[str, list[str]]:
    """figure id -> the pages whose text or own module names it, or names a list of figures that
    holds it (data/figure_lists.csv), in table-of-contents order."""
    known = set(package.figures.figure_id)
    lists: dict[str, set[str]] = {}
    for list_id, figure_id in zip(package.figure_lists.list_id, package.figure_lists.figure_id):
        lists.setdefault(list_id, set()).add(figure_id)
    out: dict[str, list[str]] = {}
    for path in toc_pages(root):
        text = path.read_text()
        module = root / "csebook" / "chapters" / f"{path.stem}.py"
        if module.exists():
            text += module.read_text()
        named = set(FIGURE_ID.findall(text)) & known
        for list_id in set(LIST_ID.findall(text)) & set(lists):
            named |= lists[list_id]
        for fid in sorted(named):
            out.setdefault(fid, []).append(path.stem)
    return out


def events(package: Package, root: Path = REPO_ROOT) -> list[Event]:
    pages_of = figure_pages(package, root)
    titles = {p.stem: _page_title(p) for p in toc_pages(root)}
    by_source: dict[str, list[str]] = {}
    for fid, source_id in zip(package.figures.figure_id, package.figures.source_id):
        for page in pages_of.get(fid, []):
            if page not in by_source.setdefault(source_id, []):
                by_source[source_id].append(page)
    order = [p.stem for p in toc_pages(root)]
    out = []
    for s in package.sources.itertuples():
        if s.kind not in KINDS or not s.date[:4].isdigit() or int(s.date[:4]) < 2011:
            continue
        declared = [p for p in s.discussed_in.split(";") if p]
        unknown = [p for p in declared if p not in titles]
        if unknown:
            from .data import DataError

            raise DataError("data/sources.csv", None, "discussed_in", f"{s.source_id} names pages not in _toc.yml: {unknown}")
        pages = sorted(set(by_source.get(s.source_id, [])) | set(declared), key=order.index)
        out.append(Event(s.date, s.source_id, s.publisher, s.title, s.kind, s.url,
                         tuple((p, titles[p]) for p in pages), s.copy_site, s.publisher_url))
    return sorted(out, key=lambda e: (e.date, e.publisher))


def timeline_html(items: list[Event]) -> str:
    """One entry per event, grouped by year; each links to its source and to the chapters that
    discuss it (pages in the same folder of the site)."""
    import html

    from . import fmt

    parts, year = [], None
    for e in items:
        if e.date[:4] != year:
            if year is not None:
                parts.append("</ul>")
            year = e.date[:4]
            parts.append(f'<h3 class="timeline-year">{year}</h3><ul class="timeline">')
        if len(e.date) == 10:
            when = fmt.day(e.date)
        elif len(e.date) == 7:
            when = f"{dt.date(int(e.date[:4]), int(e.date[5:7]), 1):%B %Y}"
        else:
            when = e.date
        chapters = ", ".join(f'<a href="{html.escape(p)}.html">{html.escape(t)}</a>' for p, t in e.pages) \
            or "no chapter takes figures from it (quoted, or listed for reference)"
        if e.copy_site:
            title = (f'<a href="{html.escape(e.publisher_url)}">{html.escape(e.title)}</a>' if e.publisher_url
                     else html.escape(e.title))
            named = (f"{html.escape(e.publisher)}, {title} ({html.escape(e.kind)}; {THIRD_PARTY_COPY} at "
                     f'<a href="{html.escape(e.url)}">{html.escape(e.copy_site)}</a>)')
        else:
            named = (f'<a href="{html.escape(e.url)}">{html.escape(e.publisher)}, {html.escape(e.title)}</a> '
                     f"({html.escape(e.kind)})")
        parts.append(f'<li data-key="{html.escape(e.source_id)}"><span class="timeline-date">{html.escape(when)}</span>: '
                     f"{named}. Discussed in: {chapters}.</li>")
    if parts:
        parts.append("</ul>")
    return "".join(parts)
