"""The book's notebooks, in table-of-contents order (read from _toc.yml)."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _files(entries):
    for entry in entries or []:
        if "file" in entry:
            yield entry["file"]
        yield from _files(entry.get("sections"))


def toc_pages() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    names = [toc["root"]]
    for part in toc.get("parts", []):
        names += list(_files(part.get("chapters")))
    names += list(_files(toc.get("chapters")))
    pages = []
    for name in names:
        for suffix in (".ipynb", ".md"):
            if (ROOT / f"{name}{suffix}").exists():
                pages.append(ROOT / f"{name}{suffix}")
                break
        else:
            raise FileNotFoundError(f"_toc.yml names '{name}', but no {name}.ipynb or {name}.md exists")
    return pages


def notebooks() -> list[Path]:
    return [p for p in toc_pages() if p.suffix == ".ipynb"]


if __name__ == "__main__":
    print("\n".join(str(p.relative_to(ROOT)) for p in notebooks()))
