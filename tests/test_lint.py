"""The code is linted with ruff (rules in pyproject.toml): the helper package, the tools and the
tests as files, and each chapter's code cells through jupytext, as the one script they make."""
from __future__ import annotations

import subprocess

import jupytext
import pytest

from book_files import ROOT, chapter_sources

RUFF = ROOT / ".venv" / "bin" / "ruff"


def ruff(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(RUFF), "check", "--output-format", "concise", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True)


def test_the_package_tools_and_tests_are_clean():
    result = ruff(["csebook", "tools", "tests"])
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize("source", chapter_sources(), ids=lambda p: p.stem)
def test_a_chapters_code_is_clean(source):
    script = jupytext.writes(jupytext.read(source), fmt="py:percent")
    result = ruff([f"--stdin-filename={source.stem}.py", "-"], stdin=script)
    assert result.returncode == 0, f"{source.name}:\n{result.stdout[-3000:]}"


def test_a_new_chapter_from_make_chapter_is_clean():
    """The page's code and the module that `make chapter` writes pass the same lint."""
    from csebook.scaffold import render

    page, module = render("a_new_report", "A new report (2027)")
    script = jupytext.writes(jupytext.reads(page, fmt="md:myst"), fmt="py:percent")
    for name, text in (("a_new_report.py", script), ("csebook/chapters/a_new_report.py", module)):
        result = ruff([f"--stdin-filename={name}", "-"], stdin=text)
        assert result.returncode == 0, f"{name}:\n{result.stdout[-3000:]}"


def test_the_lint_can_fail():
    result = ruff(["--stdin-filename=x.py", "-"], stdin="import os\n")
    assert result.returncode == 1 and "F401" in result.stdout
