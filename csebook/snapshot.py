"""A text snapshot of what a reader sees on an executed chapter, one line per item.

Every glued value, every figure's caption (numbers pasted in) and alt text, the text of every
table and other HTML output, and the summary and alt text of every widget state. The snapshots are
committed (tests/snapshots/), so a changed number or caption shows in review as a short diff, and
the tests compare a fresh execution with them.

A number a page shows again away from where it is made (a figure row's value in a sources table,
a glued number in the page's "computed from" list or the finder's entries, the sentence a number
stands in) is written as the name of its origin, not its value, so one changed number changes the
lines where it is made and the captions and alt text that state it; tests check that every such
copy shows exactly what its origin does (tests/test_snapshots.py).

Each line is keyed by a stable name, never by the position of its cell: a glue name, a figure's
label, a widget's title and state, a figure row's id, the name an output or entry gives itself
(data-key: the finder, a claim, a source), the class of the list or block the book's code wrote, or
only for a table pandas wrote, the words it opens with. What every state of a widget shows alike is listed once, as 'every state'. A line longer
than MAX_LINE characters is split at its sentence or field boundaries into numbered parts of the
same key (never wrapped at a fixed width), so one changed number changes one short line.
"""
from __future__ import annotations

import json
import re

from .fmt import slug
from .glue import GLUE_PREFIX, glue_rests_on, glue_values, paste
from .verdicts import describe, snapshot_lines, verdict_records


def _rests_on_text(rests: dict | None) -> str:
    if not rests:
        return ""
    parts = list(rests.get("rows", [])) + [f"census {c}" for c in rests.get("census", [])]
    return " <- " + ", ".join(parts)


PANDAS_CLASSES = {"dataframe", "table"}     # the classes pandas gives any table it writes


def _output_key(data: dict, markup: str, seen: dict) -> str:
    """A stable name for an output with no figure label: a widget's title, the name an output gives
    itself (data-key), a table's caption, the class of the list or block the book's code wrote (its
    opening words hold data: a count, a quotation), or else the words the output opens with; numbered
    only among outputs named alike."""
    plain = data.get("text/plain", "")
    if plain.startswith("Interactive figure: "):
        base = "widget " + slug(plain[len("Interactive figure: "):].rsplit(" (", 1)[0], 8)
    else:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(markup, "html.parser")
        caption, top = soup.find("caption"), soup.find(True)
        classes = [c for c in (top.get("class") or []) if c not in PANDAS_CLASSES] if top is not None else []
        if top is not None and top.get("data-key"):          # an output that names itself
            base = "output " + top["data-key"]
        elif caption:
            base = "table " + slug(caption.get_text(" "))
        elif classes:                                        # the kind of list or block the book's code wrote
            base = "output " + classes[-1]
        else:
            base = "output " + slug(soup.get_text(" "))
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base} {seen[base]}"


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


MAX_LINE = 200
# where a long line may be split, in order of preference: sentences, then fields
_BREAKS = (r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])", r"(?<=;)\s+", r"\s+\|\s+",
           r"\s+(?=(?:Source|Where in it|Its words|Check|Note|Used in|Cite this figure|Computed from)\b)",
           r"(?<=:)\s+(?=[A-Z0-9“\"(])", r"(?<=,)\s+", r"\s+(?=[“(])", r"\s+(?=[A-Z])",
           r"\s+(?=(?:and|or|but|with|from|against|if|of|to|in|for|where|which|while|that|the|a)\s)",
           r"\s+", r"(?<=[/?&=])")     # last resorts: a clause with no boundary within MAX_LINE; an address


def _pieces(text: str, width: int, breaks=_BREAKS) -> list[str]:
    if len(text) <= width or not breaks:
        return [text]
    parts = re.split(breaks[0], text)
    if len(parts) == 1:
        return _pieces(text, width, breaks[1:])
    out, current = [], ""
    for part in parts:
        joined = f"{current} {part}" if current else part
        if len(joined) <= width:
            current = joined
            continue
        if current:
            out.append(current)
        current = part
    out.append(current)
    return [q for piece in out for q in _pieces(piece, width, breaks[1:])]


def keyed(key: str, text: str) -> list[str]:
    """'key: text' as one line, or, if longer than MAX_LINE, 'key part N: ...' lines split at
    sentence or field boundaries."""
    line = f"{key}: {text}"
    if len(line) <= MAX_LINE:
        return [line]
    room = MAX_LINE - len(key) - len(" part 999: ")
    return [f"{key} part {i}: {piece}" for i, piece in enumerate(_pieces(text, max(room, 40)), start=1)]


def html_lines(markup: str) -> list[tuple[str, str]]:
    """Readable lines of an HTML output, each with a stable name: a table gives one line per row
    (cells joined by ' | '), named by its first cell; entries (dl lists) and the items of a list (the
    finder's rows, a page's "computed from" entries, the timeline's events) one line each, named by
    their id where they have one (a figure row's id), else by their opening words; anything else
    its text, as 'text'. A number shown again away from where it is made (marked data-from, see
    links.restated) is written as its origin, ⟨row id⟩, ⟨glue key⟩ or ⟨sentence page.key⟩: the
    number itself is in the snapshot where it is made, and a test checks each copy against it."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    for tag in soup.select("[data-from]"):         # a number shown again: named by where it is made
        tag.clear()
        tag.append(f"\u27e8{tag['data-from']}\u27e9")
    lines: list[tuple[str, str]] = []
    seen: dict[str, int] = {}

    def name(base: str) -> str:
        seen[base] = seen.get(base, 0) + 1
        return base if seen[base] == 1 else f"{base} {seen[base]}"

    for table in soup.find_all("table"):
        caption = table.find("caption")
        if caption:
            lines.append((name("caption"), one_line(caption.get_text(" "))))
        for row in table.find_all("tr"):
            cells = [one_line(c.get_text(" ")) for c in row.find_all(["th", "td"])]
            # a figure's row is named by its figure id (data-key), so a changed number renames nothing
            lines.append((name("row " + (row.get("data-key") or slug(cells[0] if cells else ""))), " | ".join(cells)))
        table.decompose()
    items = [li for li in soup.select("li")
             if li.find_parent("li") is None and li.find_parent("div", class_="entry") is None]
    for entry in soup.select("div.entry") + items:
        text = one_line(entry.get_text(" "))
        lines.append((name(entry.get("id") or ("item " + entry["data-key"] if entry.get("data-key") else "")
                           or "item " + slug(text)), text))
        entry.decompose()
    rest = one_line(soup.get_text(" "))
    if rest:
        lines.append((name("text"), rest))
    return lines


# the sentences and fields a widget state's summary or alt text is made of
_FIELDS = r"(?<=[.!?;])\s+(?=[A-Z0-9“\"(])"


def widget_lines(markup: str) -> list[str]:
    """Each precomputed state of a kernel-free widget: its summary and alt text. A sentence or
    field (text ending in '.' or ';') that every state shows alike is listed once, as 'every
    state', and left out of each state's line, so a number the widget shows in all its states
    (a reference value beside the reader's choice) is one line, not one per state."""
    m = re.search(r'<script type="application/json" class="csb-states">(.*?)</script>', markup, re.S)
    payload = json.loads(m.group(1).replace("<\\/", "</"))
    states = payload["states"]
    keys = sorted(states)
    pieces = {part: {key: re.split(_FIELDS, one_line(states[key][part])) for key in keys} for part in ("summary", "alt")}
    shared = {part: set.intersection(*(set(p) for p in by_key.values())) if len(keys) > 1 else set()
              for part, by_key in pieces.items()}
    lines = [f"every state {part}: {piece}" for part in pieces for piece in pieces[part][keys[0]]
             if piece in shared[part]] if keys else []
    for key in keys:
        for part in pieces:
            rest = [piece for piece in pieces[part][key] if piece not in shared[part]]
            lines.append(f"state {key} {part}: {' '.join(rest) if rest else '(only what every state shows)'}")
    return lines


def snapshot(nb, name: str) -> str:
    glued = glue_values(nb)
    lines = [f"# {name}: what a reader sees, computed. Written by `make snapshot`; checked by the tests."]
    rests = glue_rests_on(nb)
    verdicts = verdict_records(nb)
    for key, value in glued.items():
        if key not in verdicts:
            lines += keyed(f"glue {key}", f"{value}{_rests_on_text(rests.get(key))}")
    for line in snapshot_lines(verdicts):
        head, _, text = line.partition(": ")
        lines += keyed(head, text)
    seen: dict[str, int] = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure", {})
        label = figure.get("name")
        if label and figure.get("caption"):
            lines += keyed(f"{label} caption", one_line(paste(figure["caption"], glued)))
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if any(k.startswith(GLUE_PREFIX) for k in data):
                continue
            html_text = data.get("text/html", "")
            key = label or _output_key(data, html_text if isinstance(html_text, str) else "", seen)
            if out.get("output_type") == "stream":
                lines += keyed(f"{key} {out['name']}", one_line(out["text"]))
            elif out.get("output_type") == "error":
                lines += keyed(f"{key} error", f"{out['ename']}: {out['evalue']}")
            elif data.get("text/plain", "").startswith("Figure: ") and "text/html" in data:
                lines += keyed(f"{key} alt", one_line(data["text/plain"][len("Figure: "):]))
            elif "application/vnd.jupyter.widget-view+json" in data or 'class="csb-widget"' in html_text:
                lines += keyed(f"{key} widget", one_line(data.get("text/plain", "")))
                for line in widget_lines(html_text):
                    head, _, text = line.partition(": ")
                    lines += keyed(f"{key} {head}", text)
                checked = out.get("metadata", {}).get("csebook_widget_verdicts", {})
                for state in sorted(checked):
                    for words, condition, numbers in checked[state]:
                        lines += keyed(f"{key} state {state} verdict", words)
                        lines += keyed(f"{key} state {state} verdict holds", describe(condition, numbers))
            elif "text/html" in data:
                for sub, line in html_lines(html_text):
                    lines += keyed(f"{key} {sub}", line)
            elif "text/plain" in data:
                lines += keyed(f"{key} text", one_line(data["text/plain"]))
    return "\n".join(lines) + "\n"
