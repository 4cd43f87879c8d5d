"""The book's pages and the state of their executed notebooks.

A chapter's source is a MyST Markdown notebook, `book/<name>.md`, with a jupytext header. The
executor (`make execute`) runs it in a fresh kernel and writes `book/<name>.ipynb`, which git
ignores and the site is built from. Each executed notebook is stamped with a digest of everything
its outputs depend on (its source, the helper package, the data package, the lock file and the
executor), so a change to any of them marks the page stale: the executor runs it again, and the
site build stops rather than render stale output.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from .paths import REPO_ROOT

STAMPS = Path("_build") / "executed.json"
# Everything every page's outputs depend on besides its own source and the helper modules it runs
# (globs, from the repository root). All of data/ counts for every page: a page reads the package
# through load_package, which validates every table, so no page depends on only some rows.
INPUTS = ("data/*", "book/_support.md", "requirements-lock.txt", "tools/execute.py")
# Modules of the site build that no chapter runs directly (a test checks that no chapter source
# imports them). A page's stamp still covers any of them its execution reaches through other
# modules (imported_modules follows every import), so editing one marks exactly those pages stale.
BUILD_ONLY = ("csebook/pages.py", "csebook/snapshot.py", "csebook/copies.py", "csebook/registry.py",
              "csebook/verdict_check.py", "csebook/site/__init__.py",
              *(f"csebook/site/{name}.py" for name in ("downloads", "edition_text", "executed", "glossary",
                                                        "numbers", "package", "search", "static_files",
                                                        "table_labels", "upstream")))


def _toc_names(root: Path) -> list[str]:
    toc = yaml.safe_load((root / "_toc.yml").read_text())

    def files(entries):
        for entry in entries or []:
            if "file" in entry:
                yield entry["file"]
            yield from files(entry.get("sections"))

    names = [toc["root"]]
    for part in toc.get("parts", []):
        names += list(files(part.get("chapters")))
    names += list(files(toc.get("chapters")))
    return names


def is_notebook_source(path: Path) -> bool:
    """A Markdown file is a notebook source when its front matter names a kernel (jupytext)."""
    if path.suffix != ".md" or not path.exists():
        return False
    text = path.read_text()
    if not text.startswith("---\n"):
        return False
    front = text.split("\n---\n", 1)[0]
    return "kernelspec:" in front


def toc_pages(root: Path = REPO_ROOT) -> list[Path]:
    """Every page's source file, in table-of-contents order."""
    pages = []
    for name in _toc_names(root):
        path = root / f"{name}.md"
        if not path.exists():
            raise FileNotFoundError(f"_toc.yml names '{name}', but {name}.md does not exist")
        pages.append(path)
    return pages


# Pages generated from the data package rather than written as chapters (no anatomy, no copies).
DATA_PAGES = ("sources", "timeline", "figures", "changes")
# Pages that read the other pages (the timeline finds which chapter takes which figure; the finder
# also lists the numbers the executed chapters computed): their stamps include every page in the
# table of contents, and the executor runs them after the others.
READS_PAGES = ("timeline", "figures")


def chapter_sources(root: Path = REPO_ROOT) -> list[Path]:
    """The pages that are notebooks (MyST Markdown with a kernel), in table-of-contents order."""
    return [p for p in toc_pages(root) if is_notebook_source(p)]


def executed_path(source: Path) -> Path:
    return source.with_suffix(".ipynb")


def _digest_files(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def common_inputs_digest(root: Path = REPO_ROOT) -> str:
    files = sorted({p for pattern in INPUTS for p in root.glob(pattern)
                    if p.is_file() and "__pycache__" not in p.parts})
    return _digest_files(files, root)


def _module_file(root: Path, dotted: str) -> Path | None:
    base = root / Path(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(tree, package: str) -> set[str]:
    """The dotted names of csebook modules an AST imports (absolute, or relative to `package`)."""
    import ast

    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "csebook"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            if module.split(".")[0] != "csebook":
                continue
            found.add(module)
            found |= {f"{module}.{a.name}" for a in node.names}      # 'from csebook import stats'
    return found


_PARSED: dict[tuple, set[str]] = {}


def _file_imports(path: Path, package: str) -> set[str]:
    """A module's csebook imports, parsed once for each version of the file (its size and time)."""
    import ast

    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns, package)
    if key not in _PARSED:
        _PARSED[key] = _imports(ast.parse(path.read_text()), package)
    return _PARSED[key]


def _page_imports(source: Path) -> set[str]:
    """The csebook modules a page's code cells import, read once for each version of the page."""
    import ast

    import jupytext

    st = source.stat()
    key = (str(source), st.st_size, st.st_mtime_ns, "page")
    if key not in _PARSED:
        code = "\n".join(c.source for c in jupytext.read(source).cells if c.cell_type == "code")
        code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
        _PARSED[key] = _imports(ast.parse(code), "csebook")
    return _PARSED[key]


def imported_modules(source: Path, root: Path = REPO_ROOT) -> list[Path]:
    """Every csebook module a page's execution imports, directly or through other modules: its code
    cells' imports, then each module's own, followed to the end."""
    todo, seen = set(_page_imports(source)), {}
    while todo:
        name = todo.pop()
        path = _module_file(root, name)
        if path is None or name in seen:
            continue
        seen[name] = path
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        todo |= _file_imports(path, package) - set(seen)
        for parent in range(1, name.count(".") + 1):          # importing a.b.c runs a/__init__, a/b/__init__
            todo.add(".".join(name.split(".")[:parent]))
    return sorted(set(seen.values()))


def inputs_digest(source: Path, root: Path = REPO_ROOT, common: str | None = None) -> str:
    common = common or common_inputs_digest(root)
    own = [source] + imported_modules(source, root) + (toc_pages(root) + [root / "_toc.yml", root / "_config.yml"]
                                                       if source.stem in READS_PAGES else [])
    return hashlib.sha256((common + _digest_files(sorted(set(own)), root)).encode()).hexdigest()


def read_stamps(root: Path = REPO_ROOT) -> dict:
    path = root / STAMPS
    return json.loads(path.read_text()) if path.exists() else {}


def write_stamp(source: Path, digest: str, root: Path = REPO_ROOT) -> None:
    stamps = read_stamps(root)
    written = executed_path(source)
    stamps[str(source.relative_to(root))] = {
        "inputs": digest, "written": hashlib.sha256(written.read_bytes()).hexdigest()}
    path = root / STAMPS
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stamps, indent=1, sort_keys=True) + "\n")


def stale(root: Path = REPO_ROOT) -> list[Path]:
    """Chapter sources whose executed notebook is missing, was changed after the executor wrote it,
    or was written from inputs that have since changed."""
    stamps = read_stamps(root)
    common = common_inputs_digest(root)
    out = []
    for source in chapter_sources(root):
        stamp = stamps.get(str(source.relative_to(root)))
        written = executed_path(source)
        if (stamp is None or not written.exists()
                or stamp["inputs"] != inputs_digest(source, root, common)
                or stamp["written"] != hashlib.sha256(written.read_bytes()).hexdigest()):
            out.append(source)
    return out
