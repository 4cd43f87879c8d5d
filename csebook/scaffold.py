"""A new chapter from one command: `make chapter NAME=<name> TITLE=<title>` (tools/chapter.py).

It writes the page `book/<name>.md` and its module `csebook/chapters/<name>.py` from the templates
in `csebook/templates/` (the module imports nothing of another chapter), and lists the page last
in a part of `_toc.yml`. Every part still to be written is marked TEMPLATE, and a test fails while
any is left (tests/test_anatomy.py)."""
from __future__ import annotations

import re
from pathlib import Path
from string import Template

TEMPLATES = Path(__file__).parent / "templates"
PAGE_TEMPLATE = TEMPLATES / "chapter.md.tmpl"
MODULE_TEMPLATE = TEMPLATES / "chapter.py.tmpl"
MARK = "TEMPLATE"
DEFAULT_PART = "The reports"
NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


class ScaffoldError(ValueError):
    pass


def check_name(name: str) -> str:
    if not NAME.match(name or ""):
        raise ScaffoldError(f"NAME must be lower case letters, digits and underscores, starting with a letter "
                            f"(it names book/<name>.md and csebook/chapters/<name>.py): {name!r}")
    return name


def render(name: str, title: str) -> tuple[str, str]:
    """The page and the module for a chapter called `name` headed `title`."""
    check_name(name)
    title = " ".join((title or "").split())
    if not title:
        raise ScaffoldError("TITLE is empty: give the chapter's title, naming the report and its year")
    values = {"name": name, "slug": name.replace("_", "-"), "title": title}
    return (Template(PAGE_TEMPLATE.read_text()).substitute(values),
            Template(MODULE_TEMPLATE.read_text()).substitute(values))


def add_to_toc(toc: str, name: str, part: str = DEFAULT_PART) -> str:
    """`_toc.yml` with `book/<name>` listed last among the chapters of the part captioned `part`."""
    lines = toc.splitlines(keepends=True)
    captions = [i for i, line in enumerate(lines) if re.match(r"\s*- caption:\s*", line)]
    start = next((i for i in captions if line_value(lines[i]) == part), None)
    if start is None:
        raise ScaffoldError(f"_toc.yml has no part captioned {part!r}; its parts: "
                            + ", ".join(repr(line_value(lines[i])) for i in captions))
    end = next((i for i in captions if i > start), len(lines))
    entries = [i for i in range(start, end) if re.match(r"\s*- file:\s*", lines[i])]
    if any(line_value(lines[i]) == f"book/{name}" for i in range(len(lines)) if "file:" in lines[i]):
        raise ScaffoldError(f"_toc.yml already lists book/{name}")
    if not entries:
        raise ScaffoldError(f"the part {part!r} of _toc.yml lists no chapter to follow")
    last = entries[-1]
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    new = f"{indent}- file: book/{name}\n"
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    return "".join(lines[: last + 1] + [new] + lines[last + 1:])


def line_value(line: str) -> str:
    return line.split(":", 1)[1].strip().strip("'\"")


def make_chapter(root: Path, name: str, title: str, part: str = DEFAULT_PART) -> list[Path]:
    """Write the page and the module and list the page in `_toc.yml`; the paths written. Nothing is
    written if the chapter exists or the part is not found."""
    page, module = root / "book" / f"{check_name(name)}.md", root / "csebook" / "chapters" / f"{name}.py"
    for path in (page, module):
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} exists already: choose another NAME")
    page_text, module_text = render(name, title)
    toc = root / "_toc.yml"
    toc_text = add_to_toc(toc.read_text(), name, part)
    page.write_text(page_text)
    module.write_text(module_text)
    toc.write_text(toc_text)
    return [page, module, toc]


def leftovers(paths: list[Path]) -> list[str]:
    """Each file, of these, that still holds a part marked TEMPLATE, with its first such line."""
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if MARK in line:
                found.append(f"{path.name}:{number}: {line.strip()[:100]}")
                break
    return found
