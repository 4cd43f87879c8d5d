"""make release: the site, the kit and the PDF of this edition, named by its version, in
_build/release/. `--citation` rewrites, from _config.yml, what is written from it: CITATION.cff,
the licence statement at the head of LICENSE, the edition and licence in data/datapackage.json,
and the README's edition and line to cite the book.

The site and the PDF must already be built (the Makefile's release target builds them first);
the release refuses to run if any of those files does not match _config.yml, or if the edition has
no corrections address (the editors publish one in _config.yml)."""
from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

from csebook.edition import book_title, citation_cff, datapackage_text, edition, license_file, readme_text

ROOT = Path(__file__).resolve().parent.parent

SLUG = "grooming-gangs-numbers"


def written_from_config() -> dict[Path, str]:
    """Each file written from _config.yml, and what it must say."""
    ed = edition(ROOT)
    licence = ROOT / "LICENSE"
    readme = ROOT / "README.md"
    return {ROOT / "CITATION.cff": citation_cff(ROOT),
            licence: license_file(ed, licence.read_text() if licence.exists() else ""),
            ROOT / "data" / "datapackage.json": datapackage_text(ed, ROOT),
            readme: readme_text(ed, book_title(ROOT), readme.read_text())}


def main(argv: list[str]) -> int:
    if "--citation" in argv:
        for path, text in written_from_config().items():
            if not path.exists() or path.read_text() != text:
                path.write_text(text)
                print(f"wrote {path.relative_to(ROOT)}")
        return 0
    for path in (ROOT / "CITATION.cff", ROOT / "LICENSE", ROOT / "data" / "datapackage.json", ROOT / "README.md"):
        if not path.exists():
            print(f"{path.relative_to(ROOT)} is missing", file=sys.stderr)
            return 1
    for path, text in written_from_config().items():
        if path.read_text() != text:
            print(f"{path.relative_to(ROOT)} does not match _config.yml: run `python tools/release.py --citation`",
                  file=sys.stderr)
            return 1
    if not (edition(ROOT).get("corrections") or "").strip():
        print("This edition has no corrections address, so it is not published: readers who find a wrong "
              "figure would have nowhere to send it. Set sphinx.config.csebook_edition.corrections in "
              "_config.yml (an email address, or the web address of a form or issue tracker), then run "
              "`make release` again.", file=sys.stderr)
        return 1
    version = edition(ROOT)["version"]
    site, pdf = ROOT / "_build" / "html", ROOT / "_build" / "pdf" / "book.pdf"
    for needed in (site / "index.html", site / "book-kit.zip", pdf):
        if not needed.exists():
            print(f"{needed.relative_to(ROOT)} is missing: run `make book` and `make pdf` first", file=sys.stderr)
            return 1
    out = ROOT / "_build" / "release" / version
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with zipfile.ZipFile(out / f"{SLUG}-{version}-site.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            z.write(path, f"{SLUG}-{version}-site/{path.relative_to(site)}")
    shutil.copyfile(site / "book-kit.zip", out / f"{SLUG}-{version}-kit.zip")
    shutil.copyfile(site / "data-package.zip", out / f"{SLUG}-{version}-data.zip")
    shutil.copyfile(pdf, out / f"{SLUG}-{version}.pdf")
    for path in sorted(out.iterdir()):
        print(f"{path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
