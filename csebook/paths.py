"""Where the data package lives."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


def data_dir() -> Path:
    """The folder holding datapackage.json: $BOOK_DATA_DIR if set, else the repository's data/."""
    override = os.environ.get("BOOK_DATA_DIR")
    return Path(override).resolve() if override else REPO_ROOT / "data"
