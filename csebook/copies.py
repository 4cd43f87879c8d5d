"""Copies of the chapters for use outside the site: in JupyterLab (make live, the kit) or any notebook viewer.

A renderer for MyST in JupyterLab cannot resolve glue, and plain Jupyter shows directives as raw
text. So every copy opened outside the site is plain Markdown with the numbers pasted in:

* glue roles become their values; cross-references become the text the site shows ("Fig. 5.2",
  "Exercise 3.1", a chapter's title); glossary terms become their text;
* admonitions (the content note, the support box) become block quotes, and the support box is
  written out in full where the chapter includes it;
* an exercise becomes a bold heading with its question, followed by a cell to write the answer in;
* a solution becomes a collapsed <details> block (reader copies) or is left out (student copies).

Reader copies keep the executed outputs (charts, tables), hide the code as the site does, and
show each interactive figure in its default state until its cell is run. Student copies keep the
code visible and no outputs.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from .glue import GLUE_PREFIX, glue_values

LABEL = re.compile(r"^\((?P<label>[A-Za-z0-9_-]+)\)=\s*$", re.M)
HEADING = re.compile(r"^#+\s+(.+?)\s*$", re.M)
ROLE = re.compile(r"\{(?P<role>glue(?::\w+)?|term|numref|ref|doc|download)\}`(?P<body>[^`]*)`")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


# A copy's first code cell: outside the kit (a notebook downloaded from a page, opened in a plain
# Jupyter) the book's helper package is missing, and the copy stops there with one sentence saying
# what to get and where, not a traceback. IPython shows an exception's _render_traceback_ in place
# of the traceback.
NEEDS_KIT = ("This chapter needs the book's kit: download book-kit.zip from the Reproduce page of the "
             "book's site, unzip it, and run `make live` in its folder, which opens this chapter ready to run.")
NEEDS_KIT_CELL = f"""# Outside the book's kit this notebook stops here, saying what it needs.
try:
    import csebook  # noqa: F401
except ModuleNotFoundError:
    class NeedsTheKit(Exception):
        def _render_traceback_(self):
            return [str(self)]

    raise NeedsTheKit({NEEDS_KIT!r}) from None
"""


class CopyError(ValueError):
    """Markup a copy cannot render: names the chapter and what was found."""


@dataclass
class BookIndex:
    """What cross-references resolve to, across the book (as the site numbers them)."""

    chapter_numbers: dict[str, int] = field(default_factory=dict)   # page stem -> chapter number
    titles: dict[str, str] = field(default_factory=dict)            # section label -> title
    figures: dict[str, str] = field(default_factory=dict)           # figure/table label -> "Fig. 5.2"
    exercises: dict[str, str] = field(default_factory=dict)         # exercise label -> "Exercise 5.1"


def numbered_pages(root: Path) -> dict[str, int]:
    """Chapter numbers as the site prints them: numbered parts, numbered on across parts."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    numbers, n = {}, 0
    for part in toc.get("parts", []):
        if not part.get("numbered"):
            continue
        for chapter in part.get("chapters", []):
            n += 1
            numbers[Path(chapter["file"]).stem] = n
    return numbers


def book_index(root: Path) -> BookIndex:
    import jupytext

    from .pages import is_notebook_source, toc_pages

    index = BookIndex(chapter_numbers=numbered_pages(root))
    for page in toc_pages(root):
        text = page.read_text()
        for m in LABEL.finditer(text):
            heading = HEADING.search(text, m.end())
            if heading:
                index.titles[m.group("label")] = heading.group(1)
        number = index.chapter_numbers.get(page.stem)
        if not is_notebook_source(page) or number is None:
            continue
        nb = jupytext.read(page)
        k = 0
        for cell in nb.cells:
            name = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("name")
            if name:
                k += 1
                index.figures[name] = f"Fig. {number}.{k}"
        for k, label in enumerate(re.findall(r":::\{exercise\}\n:label: (\S+)", "\n".join(
                c.source for c in nb.cells if c.cell_type == "markdown")), start=1):
            index.exercises[label] = f"Exercise {number}.{k}"
    return index


def _resolve_role(m: re.Match, glued: dict[str, str], index: BookIndex, where: str) -> str:
    role, body = m.group("role"), m.group("body")
    if role.startswith("glue"):
        key = body.split(":")[0]
        if key not in glued:
            raise CopyError(f"{where}: glue key '{key}' is used but never glued")
        return glued[key]
    titled = re.fullmatch(r"(?s)(.*?)\s*<([^>]+)>", body)
    text, target = (titled.group(1), titled.group(2)) if titled else (None, body)
    if role == "term" or role == "doc" or role == "download":
        return text or target
    if role == "numref":
        number = index.figures.get(target)
        if number is None:
            raise CopyError(f"{where}: {{numref}} to unknown label '{target}'")
        return text.replace("%s", number.split(" ", 1)[1]) if text else number
    # ref
    if text:
        return text
    resolved = index.titles.get(target) or index.exercises.get(target) or index.figures.get(target)
    if resolved is None:
        raise CopyError(f"{where}: {{ref}} to unknown label '{target}'")
    return resolved


def paste_roles(text: str, glued: dict[str, str], index: BookIndex, where: str = "") -> str:
    return ROLE.sub(lambda m: _resolve_role(m, glued, index, where), text)


def _quote(lines: list[str]) -> list[str]:
    return [("> " + line).rstrip() for line in lines]


@dataclass
class _Block:
    name: str
    argument: str
    options: dict
    body: list[str]


def _parse_blocks(text: str, where: str) -> list[str | _Block]:
    """Split Markdown into plain lines and top-level directives (colon or backtick fences)."""
    lines = text.split("\n")
    out: list[str | _Block] = []
    i = 0
    while i < len(lines):
        m = re.match(r"^(?P<fence>:{3,}|`{3,})\{(?P<name>[a-z-]+)\}\s*(?P<arg>.*)$", lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        fence = m.group("fence")
        closing = re.compile(rf"^{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        j, options, body = i + 1, {}, []
        while j < len(lines) and re.match(r"^:[a-z-]+:", lines[j]):
            key, _, value = lines[j][1:].partition(":")
            options[key] = value.strip()
            j += 1
        depth = 0
        while j < len(lines):
            if re.match(rf"^{re.escape(fence[0])}{{{len(fence)},}}\{{", lines[j]):
                depth += 1
            elif closing.match(lines[j]):
                if depth == 0:
                    break
                depth -= 1
            body.append(lines[j])
            j += 1
        if j == len(lines):
            raise CopyError(f"{where}: the {{{m.group('name')}}} directive is never closed")
        out.append(_Block(m.group("name"), m.group("arg").strip(), options, body))
        i = j + 1
    return out


def to_markdown(text: str, *, glued: dict[str, str], index: BookIndex, support: str, where: str,
                solutions: str) -> list[tuple[str, str]]:
    """One chapter cell of MyST as plain-Markdown cells: [(kind, text)] where kind is 'markdown',
    'answer' (a cell for the reader's answer) or 'solution'."""
    if solutions not in ("details", "drop"):
        raise ValueError("solutions must be 'details' or 'drop'")
    text = LABEL.sub("", text)
    cells: list[tuple[str, str]] = []
    current: list[str] = []

    def flush():
        body = paste_roles("\n".join(current).strip("\n"), glued, index, where)
        if body.strip():
            cells.append(("markdown", body))
        current.clear()

    for block in _parse_blocks(text, where):
        if isinstance(block, str):
            current.append(block)
            continue
        body = "\n".join(block.body).strip("\n")
        if block.name == "admonition":
            inner = to_markdown(body, glued=glued, index=index, support=support, where=where,
                                solutions=solutions)
            content = "\n\n".join(t for _, t in inner).split("\n")
            current += _quote([f"**{block.argument}**", ""] + content) + [""]
        elif block.name == "include":
            if Path(block.argument).name != "_support.md":
                raise CopyError(f"{where}: cannot include {block.argument!r} in a copy")
            inner = to_markdown(support, glued=glued, index=index, support="", where="_support.md",
                                solutions=solutions)
            current += "\n\n".join(t for _, t in inner).split("\n") + [""]
        elif block.name == "exercise":
            label = block.options.get("label", "")
            title = index.exercises.get(label, "Exercise")
            current += [f"**{title}.** " + body, ""]
            flush()
            cells.append(("answer", f"*Your answer to {title} (double-click this cell to write):*\n\n"))
        elif block.name == "solution":
            if solutions == "drop":
                continue
            title = index.exercises.get(block.argument, "the exercise")
            flush()
            cells.append(("solution", f"<details>\n<summary>Solution to {title} (click to open)</summary>\n\n"
                                      + paste_roles(body, glued, index, where) + "\n\n</details>"))
        else:
            raise CopyError(f"{where}: no plain-Markdown form for the {{{block.name}}} directive")
    flush()
    return cells


def _widget_default(out: dict) -> dict:
    """An interactive figure's output, as its default state (image and summary) with a note."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(out["data"]["text/html"], "html.parser")
    image = soup.select_one(".csb-image")
    summary = soup.select_one(".csb-summary")
    for script in soup.select("script"):
        script.decompose()
    note = ("<p><em>Interactive figure, shown in its default state. Run the notebook's cells from the "
            "top (Run &rarr; Run All Cells) and this figure's controls work.</em></p>")
    parts = [note, str(image) if image else "", str(summary) if summary else ""]
    text = out["data"].get("text/plain", "Interactive figure")
    return nbformat.v4.new_output("display_data", data={"text/html": "\n".join(parts), "text/plain": text})


def make_copy(executed, *, index: BookIndex, support: str, name: str, student: bool):
    """A reader copy (student=False) or a student copy (student=True) of an executed chapter."""
    glued = glue_values(executed)
    nb = nbformat.v4.new_notebook(metadata=copy.deepcopy(executed.metadata))
    # the name JupyterLab gives the kernel it starts: with another, opening the copy would mark it
    # changed before anyone touched it
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    number = index.chapter_numbers.get(Path(name).stem)
    kind = "student copy" if student else "copy"
    intro = (f"*This is a {kind} of {'chapter ' + str(number) if number else 'a page'} of* The numbers behind "
             "\"grooming gangs\". *Its numbers are pasted in from the book's data package. "
             + ("Run the cells from the top; write your answers in the cells marked for them.*" if student else
                "Run all cells (Run → Run All Cells) to use the interactive figures; solutions are "
                "folded under each exercise.*"))
    nb.cells.append(nbformat.v4.new_markdown_cell(intro))
    guard = nbformat.v4.new_code_cell(NEEDS_KIT_CELL)
    guard.metadata["tags"] = ["needs-kit"]
    nb.cells.append(guard)
    for i, cell in enumerate(executed.cells):
        where = f"{name} cell {i}"
        tags = list(cell.get("metadata", {}).get("tags", []))
        if cell.cell_type == "markdown":
            if student and "solution" in tags:
                continue
            for kind_, text in to_markdown(cell.source, glued=glued, index=index, support=support, where=where,
                                           solutions="drop" if student else "details"):
                new = nbformat.v4.new_markdown_cell(text)
                if kind_ == "answer":
                    new.metadata["tags"] = ["answer"]
                nb.cells.append(new)
            continue
        code = nbformat.v4.new_code_cell(cell.source)
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure", {})
        if student:
            code.metadata["tags"] = [t for t in tags if t not in ("hide-input", "remove-input", "hide-output")]
        else:
            code.metadata["tags"] = tags
            if "hide-input" in tags or "remove-input" in tags:
                code.metadata["jupyter"] = {"source_hidden": True}
            outputs = []
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if any(k.startswith(GLUE_PREFIX) for k in data):
                    continue          # pasted into the prose already
                if WIDGET_VIEW in data:
                    outputs.append(_widget_default(out))
                    continue
                out = copy.deepcopy(out)
                if out.get("output_type") == "execute_result":
                    out["output_type"] = "display_data"
                    out.pop("execution_count", None)
                outputs.append(nbformat.from_dict(out))
            code.outputs = outputs
        nb.cells.append(code)
        if figure.get("caption"):
            label = index.figures.get(figure.get("name", ""), "Figure")
            nb.cells.append(nbformat.v4.new_markdown_cell(
                f"*{label}: " + paste_roles(figure["caption"], glued, index, where) + "*"))
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i:03d}"
    nbformat.validate(nb)
    return nb
