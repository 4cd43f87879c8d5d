"""The Makefile's own help names every target a reader or maintainer runs."""
from __future__ import annotations

import re
import subprocess

from book_files import ROOT
from snapshot import moved

INTERNAL = {"help", "env", "lab-settings", "chromium", "student"}   # steps of other targets, or an alias


def test_make_help_lists_every_target():
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split()) - INTERNAL
    shown = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout
    listed = set(re.findall(r"^make (\S+)", shown, re.M))
    assert targets - listed == set(), f"make help does not list {sorted(targets - listed)}"


def test_snapshot_prints_the_lines_that_moved_without_git():
    old = "a = 1\nb = 717 <- x\nc = 3\n"
    new = "a = 1\nb = 716 <- x\nc = 3\n"
    assert moved(old, new) == ["-b = 717 <- x", "+b = 716 <- x"]
    assert moved(old, old) == []
