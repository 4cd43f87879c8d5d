"""The book's executed chapter notebooks, in table-of-contents order (for nbval)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from csebook.pages import chapter_sources, executed_path, toc_pages  # noqa: E402,F401


def notebooks() -> list[Path]:
    return [executed_path(p) for p in chapter_sources()]


if __name__ == "__main__":
    print("\n".join(str(p.relative_to(ROOT)) for p in notebooks()))
