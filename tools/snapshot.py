"""Write the text snapshot of every executed chapter into tests/snapshots/ and print each line that
moved (old and new), so what changed can be reviewed where there is no git (the kit) as well as in a
clone. The tests compare a fresh execution with these files.

    python tools/snapshot.py
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path

import nbformat

from csebook.pages import chapter_sources, executed_path, stale
from csebook.snapshot import snapshot

ROOT = Path(__file__).resolve().parent.parent

SNAPSHOTS = ROOT / "tests" / "snapshots"


def moved(old: str, new: str) -> list[str]:
    """The lines that moved between two snapshots: '- ' the old line, '+ ' the new one."""
    return [line for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def main(only: list[Path] | None = None) -> int:
    """Write the snapshots (of `only` these chapter sources, if given)."""
    behind = stale()
    if behind:
        print("stale executed notebooks: run `make execute` first: " + ", ".join(p.name for p in behind),
              file=sys.stderr)
        return 1
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for source in (only if only is not None else chapter_sources()):
        target = SNAPSHOTS / f"{source.stem}.txt"
        text = snapshot(nbformat.read(executed_path(source), as_version=4), f"book/{source.name}")
        old = target.read_text() if target.exists() else ""
        target.write_text(text)
        print(f"{'wrote' if old != text else 'same '} {target.relative_to(ROOT)}")
        for line in moved(old, text):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
