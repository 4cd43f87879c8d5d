"""Print the budgets of DESIGN.md (measured, never asserted):

* `make execute` time against executing as many notebooks that only import the same libraries,
  run the same way (in parallel, one worker per core);
* a fresh clone's `make book`, install included (BENCH_FRESH=1; it takes minutes), and `make book`
  with the chapters executed: clean and with nothing changed;
* the test command's time with the site already built;
* each page's transferred size;
* the time to switch a widget state in Chromium (input event -> new figure laid out, summary set);
* a live (kernel-side) widget update.

Anything a kernel prints to the terminal while this runs (warnings) is shown, so a clean run
prints none.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import multiprocessing
import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import nbformat

from execute import execute
from notebooks import ROOT, chapter_sources

SITE = ROOT / "_build" / "html"
IMPORTS = ("import csebook.chapters.police_figures_2023, csebook.data, csebook.display, csebook.glue, csebook.tables\n"
           "import pandas, matplotlib, ipywidgets, myst_nb")


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_execute() -> tuple[float, float]:
    """Wall time of the executor on copies of every chapter, against the same executor on as many
    notebooks that only import the libraries (the floor set by starting kernels)."""
    from concurrent.futures import ProcessPoolExecutor

    import jupytext

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        copies = []
        for source in chapter_sources():
            target = tmp / source.name
            shutil.copy(source, target)
            copies.append(target)
        floors = []
        for i in range(len(copies)):
            path = tmp / f"imports_{i}.md"
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS)])
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            jupytext.write(nb, path, fmt="md:myst")
            floors.append(path)
        shutil.copy(ROOT / "book" / "_support.md", tmp / "_support.md")
        workers = os.cpu_count() or 1
        times = []
        for batch in (copies, floors):
            start = time.perf_counter()
            with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                list(pool.map(execute, batch))
            times.append(time.perf_counter() - start)
    return times[0], times[1]


def serve():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(SITE)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def bench_browser() -> tuple[dict[str, tuple[int, int]], list[float]]:
    from playwright.sync_api import sync_playwright

    httpd = serve()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    sizes, switches = {}, []
    pages = sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html") if "_static" not in p.parts)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for path in pages:
            context = browser.new_context()  # empty cache: every byte of the page counts
            page = context.new_page()
            total = [0, 0]

            def count(response, total=total):
                if response.url.startswith("data:"):
                    return  # inline images are already counted in the HTML that carries them
                try:
                    body = response.body()
                except Exception:
                    return
                total[0] += len(body)
                total[1] += len(gzip.compress(body, 6))
            page.on("response", count)
            page.goto(f"{base}/{path}", wait_until="networkidle")
            page.remove_listener("response", count)
            sizes[path] = tuple(total)
            for root in page.eval_on_selector_all(".csb-widget", "els => els.map(e => e.id)"):
                inputs = page.eval_on_selector_all(f"#{root} input[type=radio]", "els => els.map(e => e.id)")
                for _ in range(3):
                    for input_id in inputs:
                        before = page.evaluate(f"document.getElementById('{root}').dataset.switchMs || ''")
                        page.click(f"label[for='{input_id}']")
                        page.wait_for_timeout(30)
                        after = page.evaluate(f"document.getElementById('{root}').dataset.switchMs || ''")
                        if after and after != before:
                            switches.append(float(after))
                for select in page.eval_on_selector_all(f"#{root} select", "els => els.map(e => e.id)"):
                    options = page.eval_on_selector_all(f"#{select} option", "els => els.map(e => e.value)")
                    for value in options[1:] + options[:1]:
                        before = page.evaluate(f"document.getElementById('{root}').dataset.switchMs || ''")
                        page.select_option(f"#{select}", value)
                        page.wait_for_timeout(30)
                        after = page.evaluate(f"document.getElementById('{root}').dataset.switchMs || ''")
                        if after and after != before:
                            switches.append(float(after))
            context.close()
        browser.close()
    httpd.shutdown()
    return sizes, switches


def bench_live() -> tuple[float, list[float]]:
    """A live widget as a notebook shows it: displayed (which draws every state, for the page's
    kernel-free copy), then switched through each option of each control."""
    from csebook.chapters import after_2025
    from csebook.data import load_package

    widget = after_2025.ratio_widget(load_package())
    start = time.perf_counter()
    widget._repr_mimebundle_()
    shown = time.perf_counter() - start
    box = widget.live()
    controls = [c for c in box.children if hasattr(c, "options")]
    times = []
    for control in controls:
        for _, value in control.options:
            start = time.perf_counter()
            control.value = value  # observe() redraws synchronously on the kernel
            times.append((time.perf_counter() - start) * 1000)
    return shown, times


def fresh_clone_book() -> float:
    """A fresh clone's `make book`: a new environment from the registries, every chapter executed,
    the site built."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["git", "clone", "-q", str(ROOT), tmp], check=True)
        start = time.perf_counter()
        subprocess.run(["make", "--no-print-directory", "book"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start


def main() -> None:
    print("Budgets (DESIGN.md) and measurements on this machine "
          f"({os.cpu_count()} cores)\n")
    real, floor = bench_execute()
    print(f"make execute: {real:.1f} s for {len(chapter_sources())} chapters; import-only floor {floor:.1f} s; "
          f"ratio {real / floor:.2f} (budget: within 2x)")
    if os.environ.get("BENCH_FRESH"):
        print(f"fresh clone, make book (install, execute, build): {fresh_clone_book():.0f} s (budget < 180 s)")
    shutil.rmtree(ROOT / "_build" / "html", ignore_errors=True)
    shutil.rmtree(ROOT / "_build" / ".doctrees", ignore_errors=True)
    clean = timed(["make", "--no-print-directory", "book"])
    again = timed(["make", "--no-print-directory", "book"])
    print(f"make book, chapters already executed: clean {clean:.1f} s (budget < 15 s); nothing changed "
          f"{again:.1f} s (budget < 5 s)")
    fast = timed(["make", "--no-print-directory", "test-fast"])
    print(f"the quick loop (make test-fast): {fast:.0f} s on {os.cpu_count()} cores (budget < 60 s on two)")
    tests = timed(["make", "--no-print-directory", "test"])
    print(f"the test command (make test) with the site already built: {tests:.0f} s on {os.cpu_count()} cores "
          "(budget < 180 s on two)")
    sizes, switches = bench_browser()
    print("page weight with an empty cache, as served by `make serve` (uncompressed) and as a host that")
    print("gzips its responses would send it (budget < 2 MB each):")
    for path, (raw, zipped) in sizes.items():
        print(f"  {path:40s} {raw / 1e6:6.2f} MB uncompressed, {zipped / 1e6:6.2f} MB gzipped")
    if switches:
        print(f"widget switch in Chromium, input event -> new figure laid out and summary set: median "
              f"{statistics.median(switches):.1f} ms, max {max(switches):.1f} ms over {len(switches)} switches "
              "(budget < 50 ms)")
    shown, live = bench_live()
    print(f"live (kernel) widget: shown in {shown:.1f} s ({len(live)} switches follow); update: median "
          f"{statistics.median(live):.0f} ms, max {max(live):.0f} ms (budget < 300 ms)")


if __name__ == "__main__":
    main()
