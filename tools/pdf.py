"""Print the book to PDF from Sphinx's single-page HTML build, with Debian Chromium.

Jupyter Book's own pdfhtml builder writes its single page over the site in _build/html and
looks for a browser build of its own; this does the same printing with the system Chromium
and leaves the site alone. Widgets print in their default state, with a note saying so.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SINGLE = ROOT / "_build" / "singlehtml"
PDF = ROOT / "_build" / "pdf" / "book.pdf"


def main() -> int:
    start = time.perf_counter()
    sys.path.insert(0, str(ROOT / "tools"))
    import execute

    if execute.main([]) != 0:      # the chapters must be executed from their current sources first
        return 1
    shutil.rmtree(SINGLE, ignore_errors=True)
    subprocess.run([str(ROOT / ".venv" / "bin" / "jupyter-book"), "build", ".", "--builder", "singlehtml",
                    "--warningiserror", "--nitpick", "--quiet"], cwd=ROOT, check=True)
    from playwright.sync_api import sync_playwright

    PDF.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        # The single page is written as book/intro.html (the root document) but its links to
        # _static/ and _images/ are relative to the build folder, so print it from there.
        printable = SINGLE / "print.html"
        printable.write_text((SINGLE / "book" / "intro.html").read_text())
        page.goto(printable.as_uri(), wait_until="networkidle")
        page.emulate_media(media="print")
        page.pdf(path=str(PDF), format="A4", print_background=True,
                 margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
        browser.close()
    print(f"The PDF is {PDF.relative_to(ROOT)} ({PDF.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
