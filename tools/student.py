"""Write student copies of the notebooks: every cell tagged 'solution' removed, all outputs and
execution counts cleared, code shown. A class runs them top to bottom.

    python tools/student.py [OUTPUT_DIR]     (default: student/)
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebooks import ROOT, notebooks  # noqa: E402


def student_copy(nb):
    nb = nbformat.from_dict(nb)
    nb.cells = [c for c in nb.cells if "solution" not in c.get("metadata", {}).get("tags", [])]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        tags = [t for t in cell.get("metadata", {}).get("tags", []) if t not in ("hide-input", "remove-input")]
        if "tags" in cell.get("metadata", {}):
            cell.metadata["tags"] = tags
    return nb


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "student"
    out.mkdir(parents=True, exist_ok=True)
    for path in notebooks():
        nb = student_copy(nbformat.read(path, as_version=4))
        nbformat.write(nb, out / path.name)
        print(f"wrote {out / path.name}")
    shutil.copy(ROOT / "book" / "_support.md", out / "_support.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
