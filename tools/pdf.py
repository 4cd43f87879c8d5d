"""Print the book to PDF from Sphinx's single-page HTML build, with Debian Chromium.

Jupyter Book's own pdfhtml builder writes its single page over the site in _build/html and
looks for a browser build of its own; this does the same printing with the system Chromium
and leaves the site alone. Widgets print in their default state, with a note saying so.

Fit to print: page numbers in the footer, bookmarks from the headings, no code or code toggles,
and every exercise's solution moved out of the chapter into "Solutions" at the end of the book,
each headed with its chapter and exercise. Content notes and support boxes print as on the site.
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


FOOTER = ('<div style="font-size:9px;width:100%;text-align:center;color:#444">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')

# Run in the single page before printing: put the edition, editors and licences on the title page,
# drop code cells and toggles, and gather the solutions at the end under their chapter and
# exercise, shown (on the site they are hidden until opened). Returns how many were moved.
PREPARE = """(front) => {
  // the title page: the book's title, then its edition, editors and licences
  const title = document.querySelector('#jb-print-docs-body > h1');
  if (title) {
    const block = document.createElement('div');
    block.id = 'title-page-edition';
    for (const line of front) {
      const p = document.createElement('p');
      p.textContent = line;
      block.appendChild(p);
    }
    title.after(block);
  }
  document.querySelectorAll('.tag_hide-input .cell_input, details.hide, button.toggle-button, '
    + '.copybtn, .headerlink, .csb-controls').forEach(e => e.remove());
  const solutions = Array.from(document.querySelectorAll('div.solution'));
  if (!solutions.length) return 0;
  // A chapter of the single page is the section that follows its document's anchor
  // (<span id="document-book/NAME">); its first heading is the chapter's numbered title.
  const chapterOf = s => {
    for (let sec = s.closest('section'); sec; sec = sec.parentElement.closest('section')) {
      const before = sec.previousElementSibling;
      if (before && before.id && before.id.startsWith('document-')) return sec;
    }
    return null;
  };
  const end = document.createElement('section');
  end.id = 'solutions-at-the-end';
  const h = document.createElement('h2');
  h.textContent = 'Solutions to the exercises';
  end.appendChild(h);
  let chapter = null;
  for (const s of solutions) {
    const sec = chapterOf(s);
    const heading = sec ? sec.querySelector('h1, h2, h3, h4') : null;
    const title = heading ? heading.textContent.replace(/#$/, '').trim() : 'Other pages';
    if (title !== chapter) {
      chapter = title;
      const h3 = document.createElement('h3');
      h3.textContent = 'Solutions, chapter ' + title;
      end.appendChild(h3);
    }
    // the solution's body is hidden on the site until its toggle is pressed: print it shown
    s.classList.remove('dropdown', 'toggle', 'toggle-hidden');
    s.querySelectorAll('.toggle-button, button').forEach(b => b.remove());
    s.style.display = 'block';
    s.querySelectorAll('*').forEach(e => { if (e.style) { e.style.display = ''; e.style.height = ''; } });
    end.appendChild(s);
  }
  (document.querySelector('main article') || document.querySelector('main') || document.body).appendChild(end);
  return solutions.length;
}"""


# Run in the single page before printing: a link to another page of the site (a figure's row in
# the finder, a chapter, a section) points into this page instead, where that part now is; a
# PDF has no other pages. A link to a download of the site (the kit, the data) is left as words:
# the PDF cannot carry the file, and the text around it names the page that offers it. Returns
# the printed links to pages that are not in this one (none is expected).
LINKS = """() => {
  const here = id => id && document.getElementById(decodeURIComponent(id));
  const outside = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (/^(https?:|mailto:|#)/.test(href)) continue;
    const [path, fragment] = href.split('#');
    const page = 'document-book/' + path.split('/').pop().replace(/\\.html$/, '');
    const target = fragment ? (here(fragment) && fragment) : (here(page) && page);
    if (target) a.setAttribute('href', '#' + target);
    else if (!/\\.html$/.test(path)) a.removeAttribute('href');
    else if (a.getClientRects().length) outside.push(href);
  }
  return outside;
}"""


def front_matter() -> list[str]:
    """The lines under the title on the PDF's first page: the edition, who answers for the book,
    and what is under which licence (the words the site and the kit use)."""
    from csebook.edition import edition, edition_words, licence_statement

    ed = edition(ROOT)
    return [f"{edition_words(ed)}. By {ed['editors']}.", licence_statement(ed)]


def main() -> int:
    start = time.perf_counter()
    import execute

    if execute.main([]) != 0:      # the chapters must be executed from their current sources first
        return 1
    shutil.rmtree(SINGLE, ignore_errors=True)
    subprocess.run([sys.executable, str(ROOT / "tools" / "build.py"), "build", ".", "--builder", "singlehtml",
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
        # the whole page: "networkidle" came while this 7 MB local page was still loading
        page.goto(printable.as_uri(), wait_until="load")
        page.emulate_media(media="print")
        moved = page.evaluate(PREPARE, front_matter())
        outside = page.evaluate(LINKS)
        if outside:
            print(f"{len(outside)} printed links lead to files outside the book's one page, e.g. "
                  f"{outside[:5]}", file=sys.stderr)
            return 1
        (SINGLE / "printed.html").write_text(page.content())     # the page as printed, for the tests
        page.pdf(path=str(PDF), format="A4", print_background=True, outline=True, tagged=True,
                 display_header_footer=True, header_template="<span></span>",
                 footer_template=FOOTER,
                 margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
        browser.close()
    print(f"{moved} solutions moved to the end of the book")
    print(f"The PDF is {PDF.relative_to(ROOT)} ({PDF.stat().st_size / 1e6:.1f} MB, "
          f"{time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
