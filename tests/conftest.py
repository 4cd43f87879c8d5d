from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SITE = ROOT / "_build" / "html"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the data package that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


# The test command runs on every core (pytest-xdist). Tests that must share one process stay
# together: a notebook's cells run in order in one kernel, and a module whose fixture builds
# something costly (the unzipped kit, a JupyterLab server, the copies) builds it once. Every other
# test is scheduled on its own. (xdist's own grouping by mark does not work with this pytest.)
SHARED_FIXTURE_MODULES = ("test_kit.py", "test_live.py", "test_copies.py")


def together(nodeid: str) -> str:
    """The unit a test is scheduled in: its notebook, its module, or itself."""
    file = nodeid.split("::", 1)[0]
    if file.endswith(".ipynb") or file.rsplit("/", 1)[-1] in SHARED_FIXTURE_MODULES:
        return file
    return nodeid


def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class Together(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return together(nodeid)

    return Together(config, log)


# The longest units start first (the kit, then the PDF and the other builds, then the browser), so
# that at the end both workers finish on short tests instead of one waiting on a long one. Tests keep
# their order within a module (the kit's tests run in order on its one fixture).
FIRST = ("tests/test_kit.py", "tests/test_exports.py", "tests/test_make.py", "tests/test_live.py",
         "tests/test_site.py", "tests/test_numbers_site.py")


def pytest_collection_modifyitems(config, items):
    def rank(item):
        file = item.nodeid.split("::", 1)[0]
        return FIRST.index(file) if file in FIRST else len(FIRST)

    items.sort(key=rank)
