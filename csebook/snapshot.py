"""A text snapshot of what a reader sees on an executed chapter, one line per item.

Every glued value, every figure's caption (numbers pasted in) and alt text, the text of every
table and other HTML output, and the summary and alt text of every widget state. The snapshots are
committed (tests/snapshots/), so a changed number or caption shows in review as a one-line diff,
and the tests compare a fresh execution with them.
"""
from __future__ import annotations

import json
import re

from .glue import GLUE_PREFIX, glue_rests_on, glue_values, paste
from .verdicts import describe, snapshot_lines, verdict_records


def _rests_on_text(rests: dict | None) -> str:
    if not rests:
        return ""
    parts = list(rests.get("rows", [])) + [f"census {c}" for c in rests.get("census", [])]
    return " <- " + ", ".join(parts)


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html_lines(markup: str) -> list[str]:
    """Readable lines of an HTML output: a table gives one line per row (cells joined by ' | '),
    entries (dl lists) and the items of a list (the finder's rows, a page's "computed from" entries,
    the timeline's events) one line each, anything else its text."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    lines = []
    tables = soup.find_all("table")
    for table in tables:
        caption = table.find("caption")
        if caption:
            lines.append("caption: " + one_line(caption.get_text(" ")))
        for row in table.find_all("tr"):
            cells = [one_line(c.get_text(" ")) for c in row.find_all(["th", "td"])]
            lines.append(" | ".join(cells))
        table.decompose()
    items = [li for li in soup.select("li")
             if li.find_parent("li") is None and li.find_parent("div", class_="entry") is None]
    for entry in soup.select("div.entry") + items:
        lines.append(one_line(entry.get_text(" ")))
        entry.decompose()
    rest = one_line(soup.get_text(" "))
    if rest:
        lines.append(rest)
    return lines


def widget_lines(markup: str) -> list[str]:
    """Each precomputed state of a kernel-free widget: its summary and alt text."""
    m = re.search(r'<script type="application/json" class="csb-states">(.*?)</script>', markup, re.S)
    payload = json.loads(m.group(1).replace("<\\/", "</"))
    lines = []
    for key in sorted(payload["states"]):
        state = payload["states"][key]
        lines.append(f"state {key} summary: {state['summary']}")
        lines.append(f"state {key} alt: {state['alt']}")
    return lines


def snapshot(nb, name: str) -> str:
    glued = glue_values(nb)
    lines = [f"# {name}: what a reader sees, computed. Written by `make snapshot`; checked by the tests."]
    rests = glue_rests_on(nb)
    verdicts = verdict_records(nb)
    lines += [f"glue {key} = {value}{_rests_on_text(rests.get(key))}" for key, value in glued.items()
              if key not in verdicts]
    lines += snapshot_lines(verdicts)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure", {})
        label = figure.get("name") or f"cell {i}"
        if figure.get("caption"):
            lines.append(f"{label} caption: {one_line(paste(figure['caption'], glued))}")
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if out.get("output_type") == "stream":
                lines.append(f"{label} {out['name']}: {one_line(out['text'])}")
            elif out.get("output_type") == "error":
                lines.append(f"{label} error: {out['ename']}: {out['evalue']}")
            elif data.get("text/plain", "").startswith("Figure: ") and "text/html" in data:
                lines.append(f"{label} alt: {one_line(data['text/plain'][len('Figure: '):])}")
            elif "application/vnd.jupyter.widget-view+json" in data or 'class="csb-widget"' in data.get("text/html", ""):
                lines.append(f"{label} widget: {one_line(data.get('text/plain', ''))}")
                lines += [f"{label} widget {line}" for line in widget_lines(data["text/html"])]
                checked = out.get("metadata", {}).get("csebook_widget_verdicts", {})
                for key in sorted(checked):
                    for words, condition, numbers in checked[key]:
                        lines.append(f"{label} widget state {key} verdict: {words}")
                        lines.append(f"{label} widget state {key} verdict holds: {describe(condition, numbers)}")
            elif "text/html" in data:
                lines += [f"{label} html: {line}" for line in html_lines(data["text/html"])]
            elif any(k.startswith(GLUE_PREFIX) for k in data):
                continue
            elif "text/plain" in data:
                lines.append(f"{label} text: {one_line(data['text/plain'])}")
    return "\n".join(lines) + "\n"
