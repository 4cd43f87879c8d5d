"""Faults stop the work with a clear message, and nothing half-made is published: a notebook that
raises is not written, and a build that fails leaves no site behind."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import nbformat
import pytest

from book_files import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import execute  # noqa: E402


def test_a_notebook_that_raises_is_named_and_not_written(tmp_path, capsys):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("raise ValueError('broken on purpose')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "broken.ipynb"
    nbformat.write(nb, path)
    before = path.read_bytes()
    assert execute.main([str(path)]) == 1
    err = capsys.readouterr().err
    assert "broken.ipynb raised while executing; it was not written" in err and "broken on purpose" in err
    assert path.read_bytes() == before


needs_env = pytest.mark.skipif(not (ROOT / ".venv" / ".installed").exists(),
                               reason="needs the project's environment (make env)")


def project_copy(tmp_path):
    """The project without its build, history or environment, using this checkout's environment."""
    copy = tmp_path / "book"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "_build", ".venv", "node_modules", "student"))
    os.symlink(ROOT / ".venv", copy / ".venv")
    return copy


@needs_env
def test_a_changed_stylesheet_reaches_the_site_even_when_no_page_changed(tmp_path):
    copy = project_copy(tmp_path)
    assert subprocess.run(["make", "book"], cwd=copy, capture_output=True, timeout=900).returncode == 0
    css = copy / "_static" / "csebook.css"
    css.write_text(css.read_text() + "\n/* changed */\n")
    assert subprocess.run(["make", "book"], cwd=copy, capture_output=True, timeout=900).returncode == 0
    assert (copy / "_build" / "html" / "_static" / "csebook.css").read_text().endswith("/* changed */\n")


@needs_env
def test_a_failed_build_leaves_no_site(tmp_path):
    copy = project_copy(tmp_path)
    (copy / "_build" / "html").mkdir(parents=True)
    (copy / "_build" / "html" / "index.html").write_text("an old site")
    intro = copy / "book" / "intro.md"
    intro.write_text(intro.read_text() + "\nSee {ref}`a-label-that-does-not-exist`.\n")
    result = subprocess.run(["make", "book"], cwd=copy, capture_output=True, text=True, timeout=900)
    assert result.returncode != 0
    assert "The book did not build" in result.stderr
    assert not (copy / "_build" / "html").exists(), "a failed build must not leave a site to publish"
