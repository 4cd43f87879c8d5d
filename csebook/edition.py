"""The edition block of _config.yml (sphinx: config: csebook_edition), for the pages that quote it."""
from __future__ import annotations

import yaml

from .paths import REPO_ROOT


def edition(root=REPO_ROOT) -> dict:
    config = yaml.safe_load((root / "_config.yml").read_text())
    return dict(config["sphinx"]["config"]["csebook_edition"])


def book_title(root=REPO_ROOT) -> str:
    return yaml.safe_load((root / "_config.yml").read_text())["title"]


def finder_address(ed: dict):
    """A function giving a figure row's address: on the published site if it has one, else its
    place in this edition's site (the book has no public address yet)."""
    site = (ed.get("site") or "").rstrip("/")
    if site:
        return lambda figure_id: f"{site}/book/figures.html#{figure_id}"
    return lambda figure_id: f"book/figures.html#{figure_id} in this edition's site (no public address yet)"


def citation_cff(root=REPO_ROOT) -> str:
    """CITATION.cff for this edition, from _config.yml (the committed file must equal it)."""
    ed = edition(root)
    lines = [
        "# Written from _config.yml by `python tools/release.py --citation`; edit _config.yml, not this file.",
        "cff-version: 1.2.0",
        'message: "If you use these figures or this book, please cite it as below."',
        "type: dataset",
        f'title: "{book_title(root)}"',
        "authors:",
        f'  - name: "{ed["editors"]}"',
        f'version: "{ed["version"]}"',
        f'date-released: "{ed["date"]}"',
        f'license: "{ed["licence_text_data"].replace(" ", "-")}"',
    ]
    if ed.get("repository"):
        lines.append(f'repository-code: "{ed["repository"]}"')
    if ed.get("site"):
        lines.append(f'url: "{ed["site"]}"')
    return "\n".join(lines) + "\n"
