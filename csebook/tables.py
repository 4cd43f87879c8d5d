"""Tables generated from the data package, for pages that list sources and figures."""
from __future__ import annotations

import html

import pandas as pd

from .data import STATUS_LABELS, Package


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
            "Check status": STATUS_LABELS[f.status],
            "Note": f.check_note,
            "_url": s.url,
        })
    return pd.DataFrame(rows)


def provenance_html(frame: pd.DataFrame) -> str:
    """The provenance table as HTML: three columns that stay readable on a narrow page; each
    source is linked to the page that was read, with the place in it and any note beneath."""
    body = []
    for _, row in frame.iterrows():
        source = _link(row["_url"], row["Source"])
        detail = f'<br><span class="prov-where">{html.escape(row["Where"])}</span>'
        if row["Note"]:
            detail += f'<br><span class="prov-note">{html.escape(row["Note"])}</span>'
        body.append(f"<tr><td>{html.escape(row['Figure'])}</td><td>{source}{detail}</td>"
                    f"<td>{html.escape(row['Check status'])}</td></tr>")
    return ('<table class="table provenance"><thead><tr><th>Figure</th><th>Source, and where in it</th>'
            "<th>Check status</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")


def sources_summary(package: Package) -> pd.DataFrame:
    """Every source, with its kind and how many of its figures have each check status."""
    counts = (package.figures.groupby(["source_id", "status"]).size().unstack(fill_value=0)
              .reindex(columns=list(STATUS_LABELS), fill_value=0))
    rows = []
    for _, s in package.sources.sort_values(["kind", "date", "source_id"]).iterrows():
        c = counts.loc[s.source_id] if s.source_id in counts.index else {k: 0 for k in STATUS_LABELS}
        rows.append({"id": s.source_id, "Source": f"{s.publisher}, {s.title}", "Date": s.date,
                     "Kind": s.kind, "Read": s.accessed_via, "What was read": s.read_note,
                     **{STATUS_LABELS[k]: int(c[k]) for k in STATUS_LABELS}, "_url": s.url})
    return pd.DataFrame(rows)


def sources_html(frame: pd.DataFrame) -> str:
    """One entry per source (a wide table would not fit the page)."""
    entries = []
    for _, row in frame.iterrows():
        counts = ", ".join(f"{row[label]} {label}" for label in STATUS_LABELS.values() if row[label])
        entries.append(
            f'<div class="source-entry" id="src-{html.escape(row["id"])}">'
            f'<p class="source-title">{_link(row["_url"], row["Source"])} ({html.escape(row["Date"])})</p>'
            "<dl>"
            f"<dt>Kind</dt><dd>{html.escape(row['Kind'])}</dd>"
            f"<dt>Read as</dt><dd>{html.escape(row['Read'])}</dd>"
            f"<dt>What was read</dt><dd>{html.escape(row['What was read'])}</dd>"
            f"<dt>Figures taken from it</dt><dd>{html.escape(counts or 'none (quoted for wording only)')}</dd>"
            f"<dt>Id in the data</dt><dd><code>{html.escape(row['id'])}</code></dd>"
            "</dl></div>")
    return '<div class="sources-list">' + "".join(entries) + "</div>"


def searches_html(package: Package, figure_ids: list[str] | None = None) -> str:
    """One entry per recorded search for a better source."""
    frame = package.searches
    if figure_ids is not None:
        frame = frame[frame.figure_id.isin(figure_ids)]
    entries = []
    for _, r in frame.iterrows():
        entries.append(
            '<div class="search-entry"><dl>'
            f"<dt>Figure</dt><dd><code>{html.escape(r.figure_id)}</code></dd>"
            f"<dt>Looked for</dt><dd>{html.escape(r.looked_for)}</dd>"
            f"<dt>Where</dt><dd>{html.escape(r.where_searched)}</dd>"
            f"<dt>Result</dt><dd>{html.escape(r.result)}</dd>"
            f"<dt>Searched on</dt><dd>{html.escape(str(r.searched_on))}</dd>"
            "</dl></div>")
    return '<div class="searches-list">' + "".join(entries) + "</div>"
