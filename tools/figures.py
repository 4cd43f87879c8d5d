"""Export every figure of the book as PNG and SVG, with its caption and alt text in a manifest.

Runs each notebook on a copy (the committed notebooks are not touched) with figure export on,
then pairs the files written with the figures' labels, captions (numbers pasted in) and alt text,
and writes them to _build/figures/ with manifest.json. Widget states are exported too.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from csebook.glue import glue_values
from csebook.glue import paste as plain_caption
from notebooks import ROOT, notebooks

OUT = ROOT / "_build" / "figures"


def main() -> int:
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    manifest = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in notebooks():
            export = Path(tmp) / path.stem
            os.environ["CSEBOOK_FIGURE_EXPORT"] = str(export)
            nb = nbformat.read(path, as_version=4)
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            glued = glue_values(nb)
            k = 0
            for cell in nb.cells:
                for out in cell.get("outputs", []):
                    text = out.get("data", {}).get("text/plain", "")
                    if not (text.startswith("Figure: ") and "text/html" in out.get("data", {})):
                        continue
                    k += 1
                    figure = cell.metadata.get("mystnb", {}).get("figure", {})
                    name = figure.get("name") or f"{path.stem}-figure-{k:02d}"
                    for suffix in ("svg", "png"):
                        shutil.copy(export / f"figure-{k:02d}.{suffix}", OUT / f"{name}.{suffix}")
                    manifest.append({"name": name, "chapter": path.stem, "png": f"{name}.png", "svg": f"{name}.svg",
                                     "caption": plain_caption(figure.get("caption", ""), glued),
                                     "alt": text[len("Figure: "):]})
            print(f"{path.relative_to(ROOT)}: {k} figures")
        # widget states, drawn by the same functions as the site, named by chapter, widget and state
        os.environ["CSEBOOK_FIGURE_EXPORT"] = str(Path(tmp) / "widgets")
        from csebook.data import load_package
        from csebook.registry import factories

        package = load_package()
        for qualified, factory in sorted(factories().items()):
            chapter, function = qualified.split(".")
            widget = factory(package) if factory.__code__.co_argcount else factory()
            for state in widget.states():
                rendered = widget.render_state(state)
                exported = f"{widget.widget_id}-{widget.key(state).replace('|', '-')}"
                stem = f"{chapter}-{function}-" + "-".join(str(v) for v in state.values()).replace(".", "_")
                for suffix in ("svg", "png"):
                    shutil.copy(Path(tmp) / "widgets" / f"{exported}.{suffix}", OUT / f"{stem}.{suffix}")
                manifest.append({"name": stem, "chapter": chapter, "widget": widget.title, "state": state,
                                 "png": f"{stem}.png", "svg": f"{stem}.svg", "caption": rendered.summary,
                                 "alt": rendered.alt})
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    print(f"{len(manifest)} figures and widget states in {OUT.relative_to(ROOT)}/ (manifest.json lists them)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
