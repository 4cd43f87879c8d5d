"""Write the text snapshot of every executed chapter into tests/snapshots/ (review its diff, then
commit it). The tests compare a fresh execution with these files.

    python tools/snapshot.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from csebook.pages import chapter_sources, executed_path, stale  # noqa: E402
from csebook.snapshot import snapshot  # noqa: E402

SNAPSHOTS = ROOT / "tests" / "snapshots"


def main() -> int:
    behind = stale()
    if behind:
        print("stale executed notebooks: run `make execute` first: " + ", ".join(p.name for p in behind),
              file=sys.stderr)
        return 1
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for source in chapter_sources():
        target = SNAPSHOTS / f"{source.stem}.txt"
        text = snapshot(nbformat.read(executed_path(source), as_version=4), f"book/{source.name}")
        changed = not target.exists() or target.read_text() != text
        target.write_text(text)
        print(f"{'wrote' if changed else 'same '} {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
