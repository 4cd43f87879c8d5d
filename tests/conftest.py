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
