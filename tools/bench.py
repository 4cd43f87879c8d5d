"""Print the budgets of the design notes (measured, never asserted):

* `make execute` time against executing as many notebooks that only import the same libraries;
* `make book` clean and with nothing changed;
* the test suite's time;
* each page's transferred size;
* the time to switch a widget state in Chromium (input event -> new image decoded, summary set);
* a live (kernel-side) widget update.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from execute import execute  # noqa: E402
from notebooks import ROOT, notebooks  # noqa: E402

SITE = ROOT / "_build" / "html"
IMPORTS = ("import csebook.chapters.police_figures_2023, csebook.data, csebook.display, csebook.glue, csebook.tables\n"
           "import pandas, matplotlib, ipywidgets, myst_nb")


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bench_execute() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        copies = []
        for nb in notebooks():
            target = tmp / nb.name
            shutil.copy(nb, target)
            copies.append(target)
        real = sum(execute(p) for p in copies)
        floor = 0.0
        for i in range(len(copies)):
            path = tmp / f"imports_{i}.ipynb"
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(IMPORTS)])
            nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
            nbformat.write(nb, path)
            floor += execute(path)
    return real, floor


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
            context.close()
        browser.close()
    httpd.shutdown()
    return sizes, switches


def bench_live() -> list[float]:
    from csebook import police
    from csebook.data import load_package

    widget = police.comparison_widget(load_package())
    box = widget.live()
    controls = [c for c in box.children if hasattr(c, "options")]
    times = []
    for control in controls:
        for _, value in control.options:
            start = time.perf_counter()
            control.value = value  # observe() redraws synchronously on the kernel
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    print("Budgets (design notes) and measurements on this machine\n")
    real, floor = bench_execute()
    print(f"make execute: {real:.1f} s for {len(notebooks())} notebooks; import-only floor {floor:.1f} s; "
          f"ratio {real / floor:.2f} (budget: within 3x)")
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    clean = timed(["make", "--no-print-directory", "book"])
    again = timed(["make", "--no-print-directory", "book"])
    print(f"make book: clean {clean:.1f} s (budget < 15 s); nothing changed {again:.1f} s (budget < 5 s)")
    tests = timed([sys.executable, "-m", "pytest", "tests", *map(str, notebooks()), "--nbval",
                   "--nbval-current-env", "-q"])
    print(f"test suite (pytest, site already built): {tests:.1f} s")
    sizes, switches = bench_browser()
    print("page weight with an empty cache, as served by `make serve` (uncompressed) and as a host that")
    print("gzips its responses would send it (budget < 2 MB each):")
    for path, (raw, zipped) in sizes.items():
        print(f"  {path:40s} {raw / 1e6:6.2f} MB uncompressed, {zipped / 1e6:6.2f} MB gzipped")
    if switches:
        print(f"widget switch in Chromium, input event -> image decoded and summary set: median "
              f"{statistics.median(switches):.1f} ms, max {max(switches):.1f} ms over {len(switches)} switches "
              "(budget < 50 ms)")
    live = bench_live()
    print(f"live (kernel) widget update: median {statistics.median(live):.0f} ms, max {max(live):.0f} ms "
          "(budget < 300 ms)")


if __name__ == "__main__":
    main()
