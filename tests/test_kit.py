"""The kit a reproducer downloads rebuilds the book, the data download validates on its own, and
faults stop the work with a clear message: a notebook that raises is not written, a failed build
leaves no site behind."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile

import nbformat
import pytest

import execute
from book_files import ROOT, chapter_sources, executed_path, run_notebook
from conftest import SITE

pytestmark = pytest.mark.slow


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


def test_the_data_download_is_the_whole_package_and_validates(tmp_path):
    from frictionless import Package

    with zipfile.ZipFile(SITE / "data-package.zip") as z:
        z.extractall(tmp_path)
    folder = tmp_path / "data-package"
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (ROOT / "data").iterdir())
    report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])[:5]


# The kit's environment is this checkout's: `-o` stops make from reinstalling it from the kit (which
# would point this checkout's editable install at the kit's folder).
MAKE_BOOK = ["make", "-o", ".venv/.installed", "book"]


def no_git(folder):
    """A PATH on which `git` is a command that fails, as on a machine without git: the kit must not
    need it. (The temporary folder is outside any git repository as well.)"""
    bin_ = folder / "no-git-bin"
    bin_.mkdir()
    (bin_ / "git").write_text("#!/bin/sh\necho 'git: not available (the kit is used without git)' >&2\nexit 127\n")
    (bin_ / "git").chmod(0o755)
    return f"{bin_}:{os.environ['PATH']}"


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    """The kit from the built site, unzipped into an empty folder that is not a git repository, with
    no git on the path, built by its README's command.
    The environment is this checkout's (installing it again would take minutes) with the kit first
    on the path, so the kit's own helper package and data are the ones used; the executed notebooks
    are copied in with their stamps, so the build checks that the kit holds exactly the inputs they
    were executed from (a difference would make them stale and stop the build)."""
    where = tmp_path_factory.mktemp("kit")
    with zipfile.ZipFile(SITE / "book-kit.zip") as z:
        names = z.namelist()
        z.extractall(where)
    folders = {n.split("/")[0] for n in names}
    assert folders == {"grooming-gangs-numbers"}, f"the kit should unzip into one folder, not {folders}"
    copy = where / "grooming-gangs-numbers"
    os.symlink(ROOT / ".venv", copy / ".venv")
    for source in chapter_sources():
        shutil.copy(executed_path(source), copy / "book" / executed_path(source).name)
    (copy / "_build").mkdir()
    shutil.copy(ROOT / "_build" / "executed.json", copy / "_build" / "executed.json")
    env = {**os.environ, "PYTHONPATH": str(copy), "PATH": no_git(where)}
    assert subprocess.run(["git", "status"], cwd=copy, env=env, capture_output=True).returncode != 0
    result = subprocess.run(MAKE_BOOK, cwd=copy, capture_output=True, text=True, timeout=900, env=env)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "every executed chapter is up to date" in result.stdout
    return copy, env


def test_the_kit_is_the_repository_plus_copies_of_the_chapters(kit):
    copy, _ = kit
    from csebook.site.downloads import repository_files

    tracked = repository_files(ROOT)
    missing = [n for n in tracked if not (copy / n).is_file()]
    assert not missing, f"files of the repository missing from the kit: {missing[:10]}"
    # the data package exactly as the checkout's, whose own tests validate it (and the kit's build loaded it)
    changed = [n for n in tracked if n.startswith("data/") and (copy / n).read_bytes() != (ROOT / n).read_bytes()]
    assert changed == [], f"the kit's data differ from the repository's: {changed}"
    for source in chapter_sources():
        assert (copy / "notebooks" / f"{source.stem}.ipynb").is_file()
        assert (copy / "student" / f"{source.stem}.ipynb").is_file()
    assert (copy / "_build" / "html" / "index.html").is_file()


# The quick tests that read the kit's own files and run its own tools: its lint settings, its
# release files, its stamps, executed notebooks and snapshots, its Makefile, and a chapter executed
# again. The rest of the quick tier tests the same code on the same data in the checkout (the kit's
# data are checked byte for byte against it above); make release runs all of it in the kit before an
# edition goes out.
KIT_OWN = ["tests/test_lint.py", "tests/test_release.py", "tests/test_snapshots.py", "tests/test_make.py",
           "tests/test_notebook_hygiene.py"]


def kit_fast_tests(copy, env, files: list[str] | None = None):
    args = ["make", "-o", ".venv/.installed", "test-fast", "TEST_WORKERS=0"]
    if files:
        args.append("FAST_TESTS=" + " ".join(files))
    result = subprocess.run(args, cwd=copy, capture_output=True, text=True, timeout=900, env=env)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout
    return result.stdout


def test_the_kits_own_file_and_tool_tests_pass_in_the_kit_without_git(kit):
    """The README's test loop in the unzipped kit, on the tests that read the kit's own files."""
    copy, env = kit
    out = kit_fast_tests(copy, env, KIT_OWN)
    ran = int(re.search(r"(\d+) passed", out).group(1))
    assert ran > 100, f"only {ran} tests ran in the kit"


@pytest.mark.release
def test_the_kits_fast_tests_pass_in_the_kit_without_git(kit):
    """The README's test loop, as a reproducer runs it in the unzipped kit (make test-fast: every test
    but the site build, nbval, browser, kit and PDF ones, which the checkout's own run covers)."""
    copy, env = kit
    kit_fast_tests(copy, env)


def test_a_reader_copy_runs_in_the_kit_as_the_teaching_page_says(kit):
    """The teaching page's hub route: the kit's helper package importable, a reader copy from
    notebooks/ run top to bottom."""
    copy, env = kit
    nb = nbformat.read(copy / "notebooks" / "police_figures_2023.ipynb", as_version=4)
    error = run_notebook(nb, cwd=copy / "notebooks", env=env)
    assert error is None, "\n".join(error["traceback"])
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")


def test_a_changed_stylesheet_reaches_the_site_even_when_no_page_changed(kit):
    copy, env = kit
    css = copy / "_static" / "csebook.css"
    css.write_text(css.read_text() + "\n/* changed */\n")
    assert subprocess.run(MAKE_BOOK, cwd=copy, capture_output=True, timeout=900, env=env).returncode == 0
    assert (copy / "_build" / "html" / "_static" / "csebook.css").read_text().endswith("/* changed */\n")


def test_a_stale_notebook_stops_the_build(kit):
    copy, env = kit
    target = copy / "book" / "tk_time.ipynb"
    saved = target.read_bytes()
    target.write_bytes(saved.replace(b"Illustration", b"Illustrati0n", 1))
    result = subprocess.run([".venv/bin/python", "tools/build.py", "build", ".", "-W", "--quiet"], cwd=copy,
                            capture_output=True, text=True, timeout=900, env=env)
    target.write_bytes(saved)
    assert result.returncode != 0 and "out of date for book/tk_time.md" in result.stdout + result.stderr


def test_a_failed_build_leaves_no_site(kit):
    copy, env = kit
    page = copy / "book" / "corrections.md"      # a page no other page depends on: only it is rebuilt
    page.write_text(page.read_text() + "\nSee {ref}`a-label-that-does-not-exist`.\n")
    result = subprocess.run(MAKE_BOOK, cwd=copy, capture_output=True, text=True, timeout=900, env=env)
    assert result.returncode != 0
    assert "The book did not build" in result.stderr
    assert not (copy / "_build" / "html").exists(), "a failed build must not leave a site to publish"
