"""The edition block of _config.yml (sphinx: config: csebook_edition), for the pages that quote it."""
from __future__ import annotations

import re

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
        f'license: "{SPDX[ed["licence_text_data"]]}"',
    ]
    if ed.get("repository"):
        lines.append(f'repository-code: "{ed["repository"]}"')
    if ed.get("site"):
        lines.append(f'url: "{ed["site"]}"')
    return "\n".join(lines) + "\n"


SPDX = {"CC BY 4.0": "CC-BY-4.0", "MIT": "MIT"}
LICENCE_TITLES = {"CC BY 4.0": "Creative Commons Attribution 4.0 International", "MIT": "MIT License"}


def licence_statement(ed: dict) -> str:
    """What is under which licence, in one statement: the same words on the site (the reproduce
    page), at the head of LICENSE in the kit, on the PDF's title page and in the data package."""
    return (f"Text and data (the pages and the data package): {ed['licence_text_data']}, "
            f"{ed['licence_text_data_url']}, attributed to {ed['editors']}, with the edition. "
            f"Code (csebook/, tools/, tests/, the Makefile and the site's scripts): {ed['licence_code']}. "
            "Figures and short quotations from official reports and the press remain the work of their "
            "publishers: they are quoted briefly, with attribution, for criticism and review, and official "
            "figures are reproduced under the Open Government Licence v3.0 where it applies.")


def edition_words(ed: dict) -> str:
    """The edition as every page, the PDF and the citation name it: one date, the edition's."""
    from .fmt import day

    return f"Edition {ed['version']} ({day(ed['date'])})"


# -- the statement's other homes: the head of LICENSE, and the data package's descriptor -------------
def licence_head(ed: dict) -> str:
    """The first paragraph of LICENSE: the statement, wrapped."""
    import textwrap

    return textwrap.fill(licence_statement(ed), width=100, break_long_words=False, break_on_hyphens=False)


def license_file(ed: dict, current: str) -> str:
    """LICENSE with its first paragraph (up to the first blank line) made the statement; the rest
    (the MIT licence's text) is kept as it is."""
    rest = current.split("\n\n", 1)[1] if "\n\n" in current else ""
    return licence_head(ed) + "\n\n" + rest


def datapackage_with_edition(ed: dict, descriptor: dict) -> dict:
    """The data package's descriptor carrying the edition and the licence of text and data, with
    the same identifier as CITATION.cff, and the whole statement (which names the Open Government
    Licence for the official figures quoted)."""
    out = {}
    for key, value in descriptor.items():
        if key in ("version", "licenses", "licence_statement"):
            continue
        out[key] = value
        if key == "description":
            out["version"] = ed["version"]
            out["licenses"] = [{"name": SPDX[ed["licence_text_data"]], "path": ed["licence_text_data_url"],
                                "title": LICENCE_TITLES[ed["licence_text_data"]]}]
            out["licence_statement"] = licence_statement(ed)
    return out


def datapackage_text(ed: dict, root=REPO_ROOT) -> str:
    """data/datapackage.json as `python tools/release.py --citation` writes it."""
    import json

    descriptor = json.loads((root / "data" / "datapackage.json").read_text())
    return json.dumps(datapackage_with_edition(ed, descriptor), indent=1, ensure_ascii=False) + "\n"


# -- how to cite the book, and the README's lines written from _config.yml ---------------------------
def book_citation(ed: dict, title: str) -> str:
    """A ready line to cite the book: editors, year, title, edition and its date, and where to find
    it (the site's address once it has one; until then the kit of this edition)."""
    from .fmt import day

    where = (ed.get("site") or "").rstrip("/") or "The kit of this edition"
    return f"{ed['editors']} ({ed['date'][:4]}). {title}. Edition {ed['version']}, {day(ed['date'])}. {where}."


README_EDITION = re.compile(r"\*\*Edition [^*\n]+\*\*")
README_CITATION = re.compile(r"(## How to cite\n(?:(?!```)[^\n]*\n)*```text\n)[^\n]*(\n```)")


def readme_text(ed: dict, title: str, current: str) -> str:
    """The README with its edition and its line to cite the book as _config.yml says them (the
    README holds each once: the edition in bold near the top, the line in the How to cite block)."""
    if not README_EDITION.search(current) or not README_CITATION.search(current):
        raise ValueError("README.md: no '**Edition ...**' or no ```text block under '## How to cite'")
    text = README_EDITION.sub(lambda m: f"**{edition_words(ed)}**", current, count=1)
    return README_CITATION.sub(lambda m: m.group(1) + book_citation(ed, title) + m.group(2), text, count=1)
