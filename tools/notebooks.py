"""The book's executed chapter notebooks, in table-of-contents order (for nbval).

    python tools/notebooks.py              every executed notebook
    python tools/notebooks.py --unproven   only those whose stamp does not prove they were executed
                                           from their current inputs (none, right after make book)
"""
from __future__ import annotations

import sys
from pathlib import Path

from csebook.pages import REPO_ROOT as ROOT
from csebook.pages import chapter_sources, executed_path, stale, toc_pages  # noqa: F401


def notebooks(unproven: bool = False, root: Path = ROOT) -> list[Path]:
    return [executed_path(p) for p in (stale(root) if unproven else chapter_sources(root))]


if __name__ == "__main__":
    print("\n".join(str(p.relative_to(ROOT)) for p in notebooks("--unproven" in sys.argv[1:])))
