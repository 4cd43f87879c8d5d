"""A new chapter from one command: `make chapter NAME=<name> TITLE="<title>" [PART="<part>"]`.

Writes book/<name>.md and csebook/chapters/<name>.py from the templates (csebook/scaffold.py),
lists the page last in its part of _toc.yml, executes what is stale (the new page, and the finder,
which lists every chapter's numbers), writes the snapshots, and where the folder is a git
repository stages the new and changed files. The new page builds; a test fails until no part
marked TEMPLATE is left.

    python tools/chapter.py NAME "TITLE" [--part "The reports"]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import execute
import snapshot
from csebook import scaffold
from csebook.pages import REPO_ROOT as ROOT
from csebook.pages import stale


def in_git(root: Path) -> bool:
    try:
        return subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=root,
                              capture_output=True, text=True).stdout.strip() == "true"
    except OSError:
        return False


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Write a new chapter from the template.")
    parser.add_argument("name", nargs="?", default=os.environ.get("NAME", ""))
    parser.add_argument("title", nargs="?", default=os.environ.get("TITLE", ""))
    parser.add_argument("--part", default=os.environ.get("PART") or scaffold.DEFAULT_PART)
    args = parser.parse_args(argv)
    try:
        written = scaffold.make_chapter(ROOT, args.name, args.title, args.part)
    except scaffold.ScaffoldError as exc:
        print(f"make chapter: {exc}", file=sys.stderr)
        print('usage: make chapter NAME=short_name TITLE="The chapter\'s title" [PART="The reports"]',
              file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(ROOT)}")
    before = {p: p.read_bytes() for p in snapshot.SNAPSHOTS.glob("*.txt")}
    run = stale()         # the new page, and the pages that read every chapter
    if execute.main([]) != 0 or snapshot.main(only=run) != 0:
        return 1
    changed = written + sorted(p for p in snapshot.SNAPSHOTS.glob("*.txt") if before.get(p) != p.read_bytes())
    if in_git(ROOT):
        names = [str(p.relative_to(ROOT)) for p in changed]
        subprocess.run(["git", "add", "--", *names], cwd=ROOT, check=True)
        print("staged: " + ", ".join(names))
    else:
        print("not a git repository: nothing staged")
    print(f"Next: replace every part marked {scaffold.MARK} in book/{args.name}.md and "
          f"csebook/chapters/{args.name}.py (a test fails until none is left), then `make snapshot` and `make test`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
