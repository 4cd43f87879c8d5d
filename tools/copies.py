"""Write the copies of the chapters that are opened outside the site, with their numbers pasted in.

    python tools/copies.py [FOLDER]     (default: live/)

FOLDER/chapters/  reader copies: outputs kept, code folded, solutions folded under each exercise
FOLDER/student/   student copies: no solutions, no outputs, a cell under each exercise for the answer
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from csebook.copies import book_index, make_copy
from csebook.pages import chapter_sources, executed_path, stale

ROOT = Path(__file__).resolve().parent.parent


def write_copies(out: Path, root: Path = ROOT) -> list[Path]:
    behind = stale(root)
    if behind:
        raise SystemExit("stale executed notebooks: run `make execute` first: " + ", ".join(p.name for p in behind))
    index = book_index(root)
    support = (root / "book" / "_support.md").read_text()
    written = []
    for folder, student in (("chapters", False), ("student", True)):
        (out / folder).mkdir(parents=True, exist_ok=True)
        for source in chapter_sources(root):
            executed = nbformat.read(executed_path(source), as_version=4)
            nb = make_copy(executed, index=index, support=support, name=source.stem, student=student)
            target = out / folder / f"{source.stem}.ipynb"
            nbformat.write(nb, target)
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "live"
    written = write_copies(out)
    print(f"wrote {len(written)} notebooks into {out}/chapters and {out}/student")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
