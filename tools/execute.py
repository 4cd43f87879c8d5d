"""Execute every notebook in place: the only thing that writes notebook outputs.

Each notebook runs top to bottom in a fresh kernel, in its own folder, with a fixed hash seed.
No widget state is stored (the static page uses each widget's own HTML rendering) and no
timings are recorded, so executing twice gives identical files. A notebook that raises stops
the run with its name and the error; it is not written.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebooks import ROOT, notebooks  # noqa: E402


def stable_widget_ids(nb) -> None:
    """ipywidgets gives each live view a random model id. No widget state is stored, so the id
    points at nothing once the kernel is gone; replace it with one derived from the static
    rendering beside it, so that executing twice writes identical files."""
    import hashlib

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view is not None:
                digest = hashlib.sha256(out["data"].get("text/html", "").encode()).hexdigest()[:32]
                view["model_id"] = digest


def execute(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            store_widget_state=False, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nb.metadata.pop("widgets", None)
    stable_widget_ids(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str]) -> int:
    os.environ.setdefault("PYTHONHASHSEED", "0")
    targets = [Path(a).resolve() for a in argv] or notebooks()
    for path in targets:
        try:
            seconds = execute(path)
        except CellExecutionError as exc:
            print(f"error: {shown(path)} raised while executing; it was not written.\n{exc}",
                  file=sys.stderr)
            return 1
        print(f"executed {shown(path)} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
