"""Execute the chapters: the only thing that writes notebook outputs.

Each chapter's source, `book/<name>.md` (MyST Markdown, read with jupytext), runs top to bottom
in a fresh kernel, in its own folder, with a fixed hash seed, and is written as the executed
notebook `book/<name>.ipynb` (ignored by git; the site is built from it). No widget state and no
timings are stored, so executing twice gives identical files. A chapter that raises stops the run
with its name and the error, and nothing is written for it.

    python tools/execute.py              run the chapters that are stale (all, the first time)
    python tools/execute.py --all        run every chapter
    python tools/execute.py FILE ...     run these sources (.md) or notebooks (.ipynb), in place
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from csebook import pages

ROOT = Path(__file__).resolve().parent.parent

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def stable_widget_ids(nb) -> None:
    """ipywidgets gives each live view a random model id. No widget state is stored, so the id
    points at nothing once the kernel is gone; replace it with one derived from the static
    rendering beside it, so that executing twice writes identical files."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view is not None:
                view["model_id"] = hashlib.sha256(out["data"].get("text/html", "").encode()).hexdigest()[:32]


def read_source(path: Path):
    """A chapter as a notebook: a MyST source through jupytext, or an .ipynb as it stands."""
    import jupytext
    import nbformat

    if path.suffix == ".md":
        nb = jupytext.read(path)
        nb.metadata.pop("jupytext", None)      # the executed copy is not paired with anything
        for i, cell in enumerate(nb.cells):    # jupytext draws random ids; these are reproducible
            cell.id = f"cell-{i:03d}"
        return nb
    return nbformat.read(path, as_version=4)


def run(nb, folder: Path):
    import tempfile

    import nbformat
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    os.environ.setdefault("PYTHONHASHSEED", "0")
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    with tempfile.TemporaryDirectory(prefix="csebook-kernel-") as sockets:
        # The kernel talks to us over local sockets in a private folder, not over TCP.
        km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(sockets, "k"))
        client = NotebookClient(nb, km=km, timeout=600, kernel_name="python3", record_timing=False,
                                store_widget_state=False, resources={"metadata": {"path": str(folder)}})
        client.owns_km = True          # so the client shuts the kernel down when it is done
        client.execute()
    nb.metadata.pop("widgets", None)
    stable_widget_ids(nb)
    nbformat.validate(nb)
    return nb


def execute(path: Path, target: Path | None = None) -> float:
    """Run one chapter and write it (to `target`, or beside its source as .ipynb)."""
    import nbformat

    start = time.perf_counter()
    nb = run(read_source(path), path.parent)
    target = target or path.with_suffix(".ipynb")
    nbformat.write(nb, target)
    return time.perf_counter() - start


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _job(path: str) -> tuple[str, float | None, str]:
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    try:
        return str(path), execute(path), ""
    except CellExecutionError as exc:
        return str(path), None, str(exc)


def main(argv: list[str]) -> int:
    os.environ.setdefault("PYTHONHASHSEED", "0")
    explicit = [Path(a).resolve() for a in argv if not a.startswith("--")]
    if explicit:
        targets = explicit
    else:
        targets = pages.chapter_sources() if "--all" in argv else pages.stale()
    if not targets:
        print("every executed chapter is up to date")
        return 0
    digest = pages.common_inputs_digest()
    chapters = set(pages.chapter_sources())
    # the pages that read the others (the finder lists the numbers the executed chapters computed)
    # run after them
    first = [t for t in targets if t.stem not in pages.READS_PAGES]
    last = [t for t in targets if t.stem in pages.READS_PAGES]
    failed = 0
    for batch in (first, last):
        failed += run_batch(batch, chapters, digest)
    return 1 if failed else 0


def run_batch(targets: list[Path], chapters: set[Path], digest: str) -> int:
    """Run these chapters, in parallel when there are several; the number that failed."""
    if not targets:
        return 0
    workers = min(len(targets), os.cpu_count() or 1)
    failed = 0
    if workers > 1:
        # spawn, not fork: the caller may have threads (a test runner does), and a forked copy of
        # a process with threads can hang on a lock another thread held.
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        results = pool.map(_job, [str(t) for t in targets])
    else:
        pool, results = None, map(_job, [str(t) for t in targets])
    for name, seconds, error in results:
        path = Path(name)
        if seconds is None:
            failed += 1
            print(f"error: {shown(path)} raised while executing; it was not written.\n{error}",
                  file=sys.stderr)
            continue
        if path in chapters:
            pages.write_stamp(path, pages.inputs_digest(path, common=digest))
        print(f"executed {shown(path)} in {seconds:.1f} s")
    if pool is not None:
        pool.shutdown()
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
