"""Tables generated from the data package, for pages that list sources and figures."""
from __future__ import annotations

import html
import re

import pandas as pd

from . import fmt
from .data import STATUS_LABELS, THIRD_PARTY_COPY, Package, copy_site, status_label
from .links import restated, source_html

_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
_HEAD = re.compile(r"<thead\b.*?</thead>", re.S | re.I)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S | re.I)
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.S | re.I)
_CELL = re.compile(r"<(t[dh])\b([^>]*)>", re.I)


def label_cells(markup: str) -> str:
    """Each body cell of every table in `markup` labelled with its column's header
    (data-label="..."), for a narrow screen that stacks each row as a card and shows the label
    before each cell (csebook.css). A table with no header row, or one whose rows span columns,
    is left as it is; a cell already labelled keeps its label. The site's build applies this to
    every table a page's outputs hold, whoever wrote the table (a chapter's own pandas table too)."""
    def table(m: re.Match) -> str:
        text = m.group(0)
        head = _HEAD.search(text)
        if not head or re.search(r"\b(?:col|row)span=", text, re.I):
            return text
        labels = [html.escape(html.unescape(re.sub(r"<[^>]+>", "", h)).strip()) for h in _TH.findall(head.group(0))]

        def row(r: re.Match) -> str:
            cells = iter(labels)

            def cell(c: re.Match) -> str:
                label = next(cells, "")
                if not label or "data-label=" in c.group(2):
                    return c.group(0)
                return f'<{c.group(1)} data-label="{label}"{c.group(2)}>'

            return r.group(1) + _CELL.sub(cell, r.group(2)) + r.group(3)

        return text[:head.end()] + _ROW.sub(row, text[head.end():])

    return _TABLE.sub(table, markup) if "<table" in markup.lower() else markup


def _link(url: str, text: str) -> str:
    return f'<a href="{html.escape(url)}">{html.escape(text)}</a>'


def provenance(package: Package, figure_ids: list[str]) -> pd.DataFrame:
    """One row per figure: the figure as printed, its source, where in the source, and its check status."""
    rows = []
    for fid in figure_ids:
        f = package.figure(fid)
        s = package.source(f.source_id)
        rows.append({
            "Figure": f"{f.value_as_printed} ({f.unit}, {f.period})",
            "Source": f"{s.publisher}, {s.title} ({s.date})",
            "Where": f.location,
            "Check status": status_label(f, package),
            "Note": f.check_note,
            "_url": s.url,
            "_source_html": source_html(s),
            "_id": fid,
            "_printed": f.value_as_printed,
        })
    return pd.DataFrame(rows)


def provenance_html(frame: pd.DataFrame) -> str:
    """The provenance table as HTML: three columns that stay readable on a narrow page; each
    source is linked to the page that was read, with the place in it and any note beneath."""
    body = []
    for _, row in frame.iterrows():
        source = row.get("_source_html") or _link(row["_url"], row["Source"])
        detail = f'<br><span class="prov-where">{html.escape(row["Where"])}</span>'
        if row["Note"]:
            detail += f'<br><span class="prov-note">{html.escape(row["Note"])}</span>'
        key = f' data-key="{html.escape(row["_id"])}"' if row.get("_id") else ""
        figure = html.escape(row["Figure"])
        printed = row.get("_printed")
        if row.get("_id") and printed and row["Figure"].startswith(printed):
            figure = (f'<span{restated("row " + row["_id"])}>{html.escape(printed)}</span>'
                      + html.escape(row["Figure"][len(printed):]))
        body.append(f"<tr{key}><td>{figure}</td><td>{source}{detail}</td>"
                    f"<td>{html.escape(row['Check status'])}</td></tr>")
    return ('<table class="table provenance"><thead><tr><th>Figure</th><th>Source, and where in it</th>'
            "<th>Check status</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def census_html(package: Package) -> str:
    """The census tables a page's comparators were computed from (population.used), one entry per
    table and area: its source, what was taken from it, and its check status. Empty if none."""
    from . import population as pop

    entries = []
    for source_id, census, area, status, cells in pop.used(package):
        s = package.source(source_id)
        label = (f"{THIRD_PARTY_COPY} ({copy_site(s)})" if copy_site(s) and status == "read-official-copy"
                 else STATUS_LABELS[status])
        entries.append({"title": source_html(s),
                        "fields": [("Census and area", html.escape(f"{census}, {area}")),
                                   ("Taken from it", html.escape("; ".join(cells))),
                                   ("Check status", html.escape(label))]})
    if not entries:
        return ""
    return ('<p class="census-sources">The comparators above were computed from these census tables '
            "(counts in the data package's population.csv, one row per published cell):</p>"
            + entries_html(entries, css="census"))


def checked_text(package: Package, figure_ids: list[str] | None = None) -> str:
    """When the figures were last checked against their sources: 'on D Month YYYY', or 'between the
    oldest and the newest check' when they differ."""
    ids = package.used() if figure_ids is None else figure_ids
    dates = sorted({package.figure(i).checked_on for i in ids})
    if not dates:
        return "not applicable (no figures)"
    if len(dates) == 1:
        return f"on {fmt.day(dates[0])}"
    return f"between {fmt.day(dates[0])} and {fmt.day(dates[-1])}"


def page_sources_html(package: Package) -> str:
    """A page's closing table of sources: every figure it looked up, then every census table its
    comparators came from."""
    return (f'<p class="checked-on">The figures on this page were last checked against their sources '
            f"{html.escape(checked_text(package))}.</p>"
            + provenance_html(provenance(package, package.used())) + census_html(package))


def figures_html(package: Package, rows: list[tuple[str, str]], *, caption: str) -> str:
    """A study's figures as one compact table, each row a (label, figure id) pair: what was
    counted, the number as the source prints it, the unit and period, and its check status (the
    provenance table at the page's end links each to its source)."""
    body = []
    for label, fid in rows:
        f = package.figure(fid)
        body.append(f'<tr data-key="{html.escape(fid)}"><td>{html.escape(label)}</td>'
                    f"<td{restated('row ' + fid)}>{html.escape(f.value_as_printed)}</td>"
                    f"<td>{html.escape(f.unit)}; {html.escape(f.period)}</td>"
                    f"<td>{html.escape(status_label(f, package))}</td></tr>")
    return (f'<table class="table study-figures"><caption>{html.escape(caption)}</caption><thead><tr>'
            "<th>What was counted</th><th>As printed</th><th>Unit and period</th><th>Check status</th>"
            "</tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def sources_summary(package: Package) -> pd.DataFrame:
    """Every source, with its kind and how many of its figures have each check status."""
    counts = (package.figures.groupby(["source_id", "status"]).size().unstack(fill_value=0)
              .reindex(columns=list(STATUS_LABELS), fill_value=0))
    rows = []
    for _, s in package.sources.sort_values(["kind", "date", "source_id"]).iterrows():
        c = counts.loc[s.source_id] if s.source_id in counts.index else {k: 0 for k in STATUS_LABELS}
        cells = int((package.population.source_id == s.source_id).sum())
        rows.append({"id": s.source_id, "Source": f"{s.publisher}, {s.title}", "Date": s.date, "_cells": cells,
                     "Kind": s.kind, "Read": s.accessed_via, "What was read": s.read_note,
                     **{STATUS_LABELS[k]: int(c[k]) for k in STATUS_LABELS}, "_url": s.url,
                     "_publisher_url": s.get("publisher_url", "") or "", "_copy_site": copy_site(s),
                     "_source_html": source_html(s)})
    return pd.DataFrame(rows)


def entries_html(entries: list[dict], *, css: str) -> str:
    """Records as a list of small blocks (a title line, then label: value pairs), which stay
    readable on a narrow page where a wide table would need scrolling. Each entry is a dict with
    'title' (HTML), optional 'id', optional 'key' (a stable name for the snapshot, data-key), and
    'fields' as (label, HTML) pairs."""
    out = []
    for e in entries:
        anchor = f' id="{html.escape(e["id"])}"' if e.get("id") else ""
        anchor += f' data-key="{html.escape(e["key"])}"' if e.get("key") else ""
        fields = "".join(f"<dt>{html.escape(label)}</dt><dd>{value}</dd>" for label, value in e["fields"])
        title = f'<p class="entry-title">{e["title"]}</p>' if e.get("title") else ""
        out.append(f'<div class="entry {css}-entry"{anchor}>{title}<dl>{fields}</dl></div>')
    return f'<div class="entries {css}-list">' + "".join(out) + "</div>"


KIND_ORDER = ("inquiry report", "inspection report", "official statistics", "police data publication",
              "parliamentary record", "ministerial statement", "academic study", "think-tank report",
              "research summary", "local safeguarding summary", "charity statement", "third-party tracker",
              "news report")


def sources_html(frame: pd.DataFrame) -> str:
    """One entry per source (a wide table would not fit the page), grouped by kind (official and
    research sources first, press last), each group in date order. Where the copy read is not the
    publisher's own page, the entry names both: the publisher's address where it is known, and the
    copy actually read."""
    out = []
    kinds = sorted(frame.Kind.unique(), key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k))
    for kind in kinds:
        entries = []
        for _, row in frame[frame.Kind == kind].sort_values(["Date", "Source"], kind="stable").iterrows():
            own = row.get("_publisher_url", "")
            site = row.get("_copy_site", "")
            counts = ", ".join(f"{row[label]} {THIRD_PARTY_COPY if site and key == 'read-official-copy' else label}"
                               for key, label in STATUS_LABELS.items() if row[label])
            is_copy = not str(row["Read"]).startswith("publisher's page")
            title_link = own if (is_copy and own) else row["_url"]
            fields = []
            if site:
                how = re.sub(r"^third-party copy of the official record[:,]?\s*", "", str(row["Read"]))
                how = how[1:-1] if how.startswith("(") and how.endswith(")") else how
                fields.append(("Copy", f"{THIRD_PARTY_COPY} at {_link(row['_url'], site)}"
                                       + (f" ({html.escape(how)})" if how else "")))
                fields.append(("Official address", _link(own, own) if own
                               else "not known (it could not be built from the copy)"))
            elif is_copy:
                fields.append(("Publisher's address", _link(own, own) if own else "not known"))
                host = str(row["_url"]).split("/")[2] if "//" in str(row["_url"]) else str(row["_url"])
                fields.append(("Copy read", _link(row["_url"], host) + f" ({html.escape(row['Read'])})"))
            else:
                fields.append(("Read as", html.escape(row["Read"])))
            fields += [("What was read", html.escape(row["What was read"])),
                       ("Figures taken from it", html.escape(
                           counts or (f"{row['_cells']} census cells (in population.csv)" if row["_cells"]
                                      else "none (quoted for wording only)")))]
            title = (f"{_link(title_link, row['Source'])} ({html.escape(row['Date'])})" if not site or own
                     else f"{html.escape(row['Source'])} ({html.escape(row['Date'])})")
            entries.append({"id": f"src-{row['id']}",
                            "title": title,
                            "fields": fields})
        heading = kind[0].upper() + kind[1:]
        out.append(f'<h3 class="source-kind">{html.escape(heading)} ({len(entries)})</h3>'
                   + entries_html(entries, css="source"))
    return "".join(out)


def searches_html(package: Package, figure_ids: list[str] | None = None) -> str:
    """One entry per recorded search. Searches for a figure in the data come first, each naming the
    figure and linking to its row in the figure finder; the rest (for quotations, comparators and
    figures not found) follow in a collapsed list, so the page stays short."""
    frame = package.searches
    if figure_ids is not None:
        frame = frame[frame.figure_id.isin(figure_ids)]

    def entry(r) -> dict:
        fields = []
        if r.figure_id:
            f = package.figure_quietly(r.figure_id)
            fields.append(("Figure", f'<a href="figures.html#{html.escape(r.figure_id)}">'
                                     f"{html.escape(f.value_as_printed)} ({html.escape(f.unit)}, "
                                     f"{html.escape(str(f.period))})</a>"))
        fields += [("Looked for", html.escape(r.looked_for)), ("Where", html.escape(r.where_searched)),
                   ("Result", html.escape(r.result)), ("Searched on", html.escape(str(r.searched_on)))]
        return {"id": f"search-{r.search_id}", "fields": fields}

    tied = frame[frame.figure_id != ""]
    rest = frame[frame.figure_id == ""]
    out = entries_html([entry(r) for r in tied.itertuples()], css="search")
    if len(rest):
        out += (f'<details class="more-searches"><summary>The other {len(rest)} searches (for quotations, '
                f"census tables, later releases and figures not found)</summary>"
                + entries_html([entry(r) for r in rest.itertuples()], css="search") + "</details>")
    return out


def frame_entries_html(frame: pd.DataFrame, *, title: str, css: str) -> str:
    """Any table as entries: the `title` column heads each entry, the other columns follow; a column
    '_key', if there is one, names each entry (data-key) and is not shown."""
    entries = [{"title": html.escape(str(row[title])), "key": str(row["_key"]) if "_key" in frame else "",
                "fields": [(c, html.escape(str(row[c]))) for c in frame.columns if c != title and not c.startswith("_")]}
               for _, row in frame.iterrows()]
    return entries_html(entries, css=css)


def revisions_html(package: Package) -> str:
    """The book's own computed numbers and verdicts that changed, edition by edition, newest first:
    what, on which page (linked), before, after and why."""
    out = []
    revisions = package.revisions
    for edition in sorted(set(revisions.edition), reverse=True):
        items = []
        for r in revisions[revisions.edition == edition].itertuples():
            key = f"{r.page} {fmt.slug(r.what, 8)}"
            items.append(f'<li data-key="{html.escape(key)}"><a href="{html.escape(r.page)}.html">{html.escape(r.page.replace("_", " "))}</a>: '
                         f"{html.escape(r.what)}. <em>Before:</em> {html.escape(r.before)}. "
                         f"<em>Now:</em> {html.escape(r.after)}. <em>Why:</em> {html.escape(r.reason)}.</li>")
        out.append(f'<h3 class="changes-edition">Edition {html.escape(edition)}</h3><ul class="revisions-list">'
                   + "".join(items) + "</ul>")
    return '<div data-key="revisions">' + "".join(out) + "</div>"


def changes_html(package: Package) -> str:
    """The 'What changed' list from data/changes.csv, newest first: each change with the figure it
    touched (linked to its row in the figure finder while the row exists) and the reason."""
    ids = set(package.figures.figure_id)
    out = []
    for date, day in package.changes.sort_values("date", ascending=False, kind="stable").groupby("date", sort=False):
        items = []
        for r in day.itertuples():
            if r.figure_id in ids:
                f = package.figure_quietly(r.figure_id)
                what = (f'<a href="figures.html#{html.escape(r.figure_id)}"{restated("row " + r.figure_id)}>'
                        f"{html.escape(f.value_as_printed)}</a> "
                        f"({html.escape(f.unit)}, {html.escape(str(f.period))}; "
                        f"{html.escape(package.source(f.source_id).publisher)})")
            else:
                what = "a figure row since removed"
            items.append(f'<li data-key="{html.escape(r.figure_id)} {html.escape(str(date))}">'
                         f"{what}: {html.escape(r.change)}. {html.escape(r.reason)}.</li>")
        out.append(f'<h3 class="changes-date">{html.escape(fmt.day(str(date)))}</h3><ul class="changes-list">'
                   + "".join(items) + "</ul>")
    return '<div data-key="changes">' + "".join(out) + "</div>"
