"""make release: the site, the kit and the PDF of this edition, named by its version, in
_build/release/. `--citation` rewrites CITATION.cff from _config.yml.

The site and the PDF must already be built (the Makefile's release target builds them first);
the release refuses to run if CITATION.cff does not match _config.yml."""
from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from csebook.edition import citation_cff, edition  # noqa: E402

SLUG = "grooming-gangs-numbers"


def main(argv: list[str]) -> int:
    citation = ROOT / "CITATION.cff"
    if "--citation" in argv:
        citation.write_text(citation_cff())
        print("wrote CITATION.cff")
        return 0
    if not citation.exists() or citation.read_text() != citation_cff():
        print("CITATION.cff does not match _config.yml: run `python tools/release.py --citation`", file=sys.stderr)
        return 1
    version = edition()["version"]
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
