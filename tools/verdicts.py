"""List the sentences of the book that judge numbers and how each is checked: computed, declared
(with the condition the executed chapter checked) or an exception (with its reason), and those
that are none of these. For authors: `python tools/verdicts.py [PAGE]`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from csebook.verdict_check import unchecked_report

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    lines, missing = unchecked_report(ROOT, pages=argv or None)
    print("\n".join(lines))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
