"""Shared helpers for tests that read the book's pages: chapter sources (MyST Markdown) and the
executed notebooks made from them."""
from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat

from csebook.glue import GLUE_ROLE, glue_values  # noqa: F401
from csebook.pages import chapter_sources, executed_path, is_notebook_source, toc_pages  # noqa: F401
from notebooks import notebooks  # noqa: F401 (the executed chapter notebooks, as nbval is given them)

ROOT = Path(__file__).resolve().parent.parent




def read(path: Path):
    """A notebook: an executed .ipynb, or a chapter source (.md) through jupytext."""
    return jupytext.read(path) if path.suffix == ".md" else nbformat.read(path, as_version=4)


def prose_of_page(path: Path) -> list[tuple[str, str]]:
    """(where, text) for every piece of reader-facing prose on a page (csebook.verdict_check)."""
    from csebook.verdict_check import prose_pieces

    return prose_pieces(path)


def run_notebook(nb, *, cwd: Path, env: dict[str, str], timeout: int = 300):
    """Run a notebook top to bottom in a fresh kernel started with `env`, in `cwd`, as Run All Cells
    does: it stops at the first cell that raises. Returns the error output that stopped it, or None."""
    import os

    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    except CellExecutionError:
        pass
    finally:
        os.environ.clear()
        os.environ.update(saved)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    return errors[0] if errors else None


NO_CSEBOOK = '''import sys


class NoCsebook:
    """As in a plain Jupyter: the book's helper package cannot be imported."""

    def find_spec(self, name, path=None, target=None):
        if name == "csebook" or name.startswith("csebook."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)


sys.meta_path.insert(0, NoCsebook())
'''


def without_csebook(folder: Path) -> dict[str, str]:
    """An environment for a kernel in which `import csebook` fails, as where only the listed
    requirements are installed (nothing is installed: a sitecustomize hides the package)."""
    import os

    hide = folder / "no-csebook"
    hide.mkdir(exist_ok=True)
    (hide / "sitecustomize.py").write_text(NO_CSEBOOK)
    return {**os.environ, "PYTHONPATH": str(hide)}


def unused_chapter_name(root: Path = ROOT) -> str:
    """A chapter name that no page or module of the book uses, for the tests that make a chapter
    (a maintainer may already have made one called anything else)."""
    name = "scaffold_trial"
    while (root / "book" / f"{name}.md").exists() or (root / "csebook" / "chapters" / f"{name}.py").exists():
        name += "_x"
    return name


def executed_copy(root: Path, *, also: tuple[str, ...] = ()) -> Path:
    """A copy of the checkout at `root` that nothing in is stale: the chapters' sources, the helper
    package, the data and the tools, with the executed notebooks and their stamps; `also` names
    other files or folders to copy."""
    import shutil

    from csebook.pages import STAMPS

    for folder in ("book", "csebook", "data", "tools"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("_toc.yml", "_config.yml", "requirements-lock.txt", *also):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    (root / STAMPS).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / STAMPS, root / STAMPS)
    return root
