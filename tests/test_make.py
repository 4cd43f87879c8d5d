"""The Makefile's own help names every target a reader or maintainer runs."""
from __future__ import annotations

import re
import subprocess

import pytest

from book_files import ROOT, unused_chapter_name
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


@pytest.mark.slow
def test_make_chapter_writes_lists_executes_snapshots_and_stages_a_new_chapter(tmp_path):
    """`make chapter` in a clone (a copy made a git repository, with the chapters executed): the
    page, its module, its contents entry and its snapshot are written and staged, the finder's
    snapshot takes the new page's numbers, and nothing else is touched."""
    import os

    from book_files import executed_copy
    from csebook.pages import chapter_sources

    root = executed_copy(tmp_path / "clone", also=("tests/snapshots", "Makefile", "pyproject.toml"))
    (root / ".venv").symlink_to(ROOT / ".venv")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q"], cwd=root, check=True)
    (root / ".gitignore").write_text(".venv\n_build/\nbook/*.ipynb\n__pycache__/\n")
    subprocess.run(git + ["add", "-A"], cwd=root, check=True)
    subprocess.run(git + ["commit", "-qm", "copy"], cwd=root, check=True)
    env = {**os.environ, "PYTHONPATH": str(root)}
    new = unused_chapter_name()
    result = subprocess.run(["make", "-o", ".venv/.installed", "chapter", f"NAME={new}",
                             "TITLE=A new report's \"numbers\" (2027)"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    staged = subprocess.run(["git", "diff", "--cached", "--name-only"], cwd=root, capture_output=True, text=True,
                            check=True).stdout.split()
    assert {f"book/{new}.md", f"csebook/chapters/{new}.py", "_toc.yml",
            f"tests/snapshots/{new}.txt", "tests/snapshots/figures.txt"} <= set(staged)
    assert set(staged) <= {f"book/{new}.md", f"csebook/chapters/{new}.py", "_toc.yml"} | \
        {f"tests/snapshots/{p.stem}.txt" for p in chapter_sources()} | {f"tests/snapshots/{new}.txt"}
    unstaged = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True,
                              check=True).stdout
    assert [line for line in unstaged.splitlines() if not line.startswith(("A ", "M "))] == []
    assert "# A new report's \"numbers\" (2027)" in (root / "book" / f"{new}.md").read_text()
    assert f"{new}_total" in (root / "tests" / "snapshots" / f"{new}.txt").read_text()
    again = subprocess.run(["make", "-o", ".venv/.installed", "chapter", f"NAME={new}", "TITLE=Again"],
                           cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode != 0 and "exists already" in again.stderr
