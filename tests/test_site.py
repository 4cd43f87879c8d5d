"""The built site in real Debian Chromium: no request leaves 127.0.0.1, no console error,
images carry meaningful alt text, every widget state reached by mouse and by keyboard shows
exactly what the Python function returned, and axe-core finds no serious or critical issue."""
from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from urllib.parse import urlparse

import pytest

from conftest import ROOT, SITE

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def site_pages() -> list[str]:
    if not (SITE / "index.html").exists():
        pytest.fail("no built site: run `make book` first (make test does)")
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html") if "_static" not in p.parts)


def widget_factories():
    """Each page's widgets, in page order, as the Python objects that drew them."""
    from csebook.data import load_package
    from csebook.registry import widgets_by_page

    return widgets_by_page(load_package())


@pytest.mark.parametrize("path", site_pages())
def test_every_widget_on_the_site_is_registered(path):
    html = (SITE / path).read_text()
    on_page = re.findall(r'<div class="csb-widget" id="(csb-[0-9a-f]+)"', html)
    registered = [w.widget_id for w in widget_factories().get(path, [])]
    assert on_page == registered, f"{path}: widgets on the page {on_page}, registered {registered}"


@pytest.fixture(scope="module")
def server():
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(SITE))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def open_page(page, url):
    outside, errors = [], []
    page.on("request", lambda r: outside.append(r.url)
            if urlparse(r.url).hostname not in ("127.0.0.1",) and not r.url.startswith("data:") else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return outside, errors


@pytest.mark.parametrize("path", site_pages())
def test_page_loads_offline_cleanly(page, server, path):
    outside, errors = open_page(page, f"{server}/{path}")
    assert outside == [], f"{path} requested outside 127.0.0.1: {outside}"
    assert errors == [], f"{path} logged console errors: {errors}"


@pytest.mark.parametrize("path", [p for p in site_pages() if p.startswith("book/")])
def test_images_have_meaningful_alt_text(page, server, path):
    open_page(page, f"{server}/{path}")
    images = page.eval_on_selector_all(
        "main img", "els => els.map(e => ({alt: e.getAttribute('alt') || '', w: e.naturalWidth, src: e.src.slice(0, 60)}))")
    for img in images:
        assert img["w"] > 0, f"{path}: image did not load: {img['src']}"
        assert len(img["alt"]) > 30 and not img["alt"].endswith(".png"), f"{path}: weak alt text {img['alt']!r}"


def shown(page, root):
    return page.evaluate("""r => { const el = document.getElementById(r);
        return {img: el.querySelector('img.csb-image').getAttribute('src'),
                alt: el.querySelector('img.csb-image').getAttribute('alt'),
                summary: el.querySelector('.csb-summary').textContent}; }""", root)


def expected(widget, state):
    r = widget.render_state(state)
    return {"img": r.data_uri, "alt": r.alt, "summary": r.summary}


def wait_for(page, root, key):
    page.wait_for_function("([r, k]) => document.getElementById(r).dataset.state === k", arg=[root, key])


@pytest.mark.parametrize("path", list(widget_factories()))
def test_every_widget_state_by_mouse(page, server, path):
    open_page(page, f"{server}/{path}")
    for widget in widget_factories()[path]:
        root = widget.widget_id
        assert page.locator(f"#{root}").get_attribute("data-ready") == "true"
        assert shown(page, root) == expected(widget, widget.default)
        for state in widget.states():
            for control in widget.controls:
                value = state[control.name]
                if control.kind == "select":
                    page.select_option(f"#{root}-{control.name}", value)
                else:
                    index = [v for v, _ in control.options].index(value)
                    page.click(f"label[for='{root}-{control.name}-{index}']")
            wait_for(page, root, widget.key(state))
            assert shown(page, root) == expected(widget, state), f"{path}: state {state}"


@pytest.mark.parametrize("path", list(widget_factories()))
def test_every_widget_state_by_keyboard(page, server, path):
    """Tab to each control, then arrow keys only: radio groups and selects change on arrows."""
    open_page(page, f"{server}/{path}")
    for widget in widget_factories()[path]:
        root = widget.widget_id
        state = dict(widget.default)
        visited = {widget.key(state)}
        # Walk the grid like an odometer: the last control turns fastest.
        def focus(control):
            if control.kind == "select":
                page.focus(f"#{root}-{control.name}")
            else:
                index = [v for v, _ in control.options].index(state[control.name])
                page.focus(f"#{root}-{control.name}-{index}")

        def step(control):
            values = [v for v, _ in control.options]
            i = values.index(state[control.name])
            focus(control)
            if i + 1 < len(values):
                page.keyboard.press("ArrowDown" if control.kind == "select" else "ArrowRight")
                state[control.name] = values[i + 1]
                return True
            for _ in range(len(values) - 1):
                page.keyboard.press("ArrowUp" if control.kind == "select" else "ArrowLeft")
            state[control.name] = values[0]
            return False

        for _ in range(widget.n_states - 1):
            for control in reversed(widget.controls):
                carried = not step(control)
                wait_for(page, root, widget.key(state))
                assert shown(page, root) == expected(widget, state), f"{path}: keyboard state {state}"
                visited.add(widget.key(state))
                if not carried:
                    break
        assert len(visited) == widget.n_states
        # focus is visible on the control the keyboard is on
        assert page.evaluate("document.activeElement.closest('.csb-widget') !== null")


@pytest.mark.parametrize("path", site_pages())
def test_axe_finds_no_serious_or_critical_violation(page, server, path):
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does)")
    open_page(page, f"{server}/{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{path}: {bad}"


CHAPTERS = [p for p in site_pages() if p.startswith("book/")]


@pytest.mark.parametrize("path", CHAPTERS)
def test_readable_at_200_percent_zoom(browser, server, path):
    """200% zoom on a 1280-pixel screen: a 640-pixel-wide layout at twice the pixel density. The
    page must not scroll sideways, and every figure must be drawn at least as large as at 100%
    zoom (its text no smaller than on a normal screen)."""
    context = browser.new_context(viewport={"width": 640, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    try:
        open_page(page, f"{server}/{path}")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path}: the page scrolls sideways by {overflow}px at 200% zoom"
        sticking_out = page.evaluate("""() => Array.from(document.querySelectorAll('.csb-widget select, .csb-widget fieldset'))
            .filter(c => c.getBoundingClientRect().right > c.closest('.csb-widget').getBoundingClientRect().right + 1)
            .map(c => c.id || c.dataset.control)""")
        assert sticking_out == [], f"{path}: widget controls run past the widget's edge: {sticking_out}"
        images = page.eval_on_selector_all("main img", """els => els.filter(e => e.offsetParent !== null)
            .map(e => ({w: e.getBoundingClientRect().width, right: e.getBoundingClientRect().right,
                        natural: e.naturalWidth, src: e.src.slice(0, 50)}))""")
        for img in images:
            assert img["right"] <= 641, f"{path}: a figure runs off the screen at 200% zoom: {img['src']}"
            assert 2 * img["w"] >= 0.95 * img["natural"], \
                f"{path}: a figure is drawn smaller than at 100% zoom ({img['w']:.0f}px for {img['natural']}px)"
    finally:
        context.close()


@pytest.mark.parametrize("path", CHAPTERS)
def test_figures_stay_legible_in_dark_mode(browser, server, path):
    """In the dark theme every figure keeps its own white, opaque background (so dark text stays
    on white) and is neither inverted nor dimmed below 80% brightness."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    context.add_init_script("localStorage.setItem('mode', 'dark'); localStorage.setItem('theme', 'dark');")
    page = context.new_page()
    try:
        open_page(page, f"{server}/{path}")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        checks = page.eval_on_selector_all("main img", """els => els.map(e => {
            const c = document.createElement('canvas'); c.width = e.naturalWidth; c.height = e.naturalHeight;
            const g = c.getContext('2d'); g.drawImage(e, 0, 0);
            const corner = Array.from(g.getImageData(1, 1, 1, 1).data);
            return {corner, filter: getComputedStyle(e).filter, src: e.src.slice(0, 50)}; })""")
        for c in checks:
            assert c["corner"] == [255, 255, 255, 255], f"{path}: a figure has no white background: {c['src']}"
            assert "invert" not in c["filter"], f"{path}: a figure is inverted in dark mode"
            for level in re.findall(r"brightness\(([\d.]+)\)", c["filter"]):
                assert float(level) >= 0.8, f"{path}: a figure is dimmed to {level} in dark mode"
    finally:
        context.close()
