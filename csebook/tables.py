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
    """The provenance table as HTML, each source linked to the page that was read."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns if not c.startswith("_"))
    body = []
    for _, row in frame.iterrows():
        cells = []
        for c in frame.columns:
            if c.startswith("_"):
                continue
            text = _link(row["_url"], row[c]) if c == "Source" else html.escape(str(row[c]))
            cells.append(f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return ('<table class="table provenance"><thead><tr>' + head + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


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
    cols = [c for c in frame.columns if not c.startswith("_")]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = []
    for _, row in frame.iterrows():
        cells = []
        for c in cols:
            text = _link(row["_url"], row[c]) if c == "Source" else html.escape(str(row[c]))
            cells.append(f'<td id="src-{html.escape(row["id"])}">{text}</td>' if c == "id" else f"<td>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return ('<table class="table sources"><thead><tr>' + head + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


def searches_html(package: Package, figure_ids: list[str] | None = None) -> str:
    frame = package.searches
    if figure_ids is not None:
        frame = frame[frame.figure_id.isin(figure_ids)]
    cols = ["figure_id", "looked_for", "where_searched", "result", "searched_on"]
    names = ["Figure", "Looked for", "Where", "Result", "Searched on"]
    head = "".join(f"<th>{n}</th>" for n in names)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in cols) + "</tr>"
                   for _, r in frame.iterrows())
    return f'<table class="table searches"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
