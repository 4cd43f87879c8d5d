"""The built site in real Debian Chromium: no request leaves 127.0.0.1, no console error,
figures carry meaningful alt text, every widget's precomputed states are exactly those of the
executed chapter (executed from its current sources, as its stamp proves), each control and option reached by mouse and by keyboard shows them, and
axe-core finds no serious or critical issue."""
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


@functools.lru_cache(maxsize=1)
def all_widgets():
    from csebook.data import load_package
    from csebook.registry import widgets

    return widgets(load_package())


@functools.lru_cache(maxsize=None)
def page_widgets(path: str):
    """The widgets a built page shows, in page order, as the Python objects that drew them."""
    from csebook.registry import WIDGET_DIV

    return [all_widgets()[i] for i in WIDGET_DIV.findall((SITE / path).read_text()) if i in all_widgets()]


def pages_with_widgets() -> list[str]:
    from csebook.registry import WIDGET_DIV

    return [p for p in site_pages() if WIDGET_DIV.search((SITE / p).read_text())]


@pytest.mark.parametrize("path", site_pages())
def test_every_widget_on_the_site_was_drawn_by_a_chapter_function(path):
    from csebook.registry import WIDGET_DIV

    on_page = WIDGET_DIV.findall((SITE / path).read_text())
    unknown = [i for i in on_page if i not in all_widgets()]
    assert not unknown, f"{path}: widgets no chapter module's *_widget function makes: {unknown}"


def test_only_the_search_page_loads_the_search_index():
    """The index is the size of a chapter; a page that does not search must not fetch it."""
    loading = [p for p in site_pages() if re.search(r'<script[^>]+searchindex\.js', (SITE / p).read_text())]
    assert loading == ["search.html"], loading


STATES = re.compile(r'<script type="application/json" class="csb-states">(.*?)</script>', re.S)


def widget_states(markup: str, widget_id: str) -> dict:
    """A widget's precomputed states in a page or output: state key -> {svg, alt, summary}."""
    import json

    m = STATES.search(markup[markup.index(f'id="{widget_id}"'):])
    return json.loads(m.group(1).replace("<\\/", "</"))["states"]


@functools.lru_cache(maxsize=1)
def executed_states() -> dict:
    """Every widget's states as the executed chapters hold them (the site is built from them, and
    their stamps prove them executed from the chapters' current sources and helpers): widget id -> state key -> {svg, alt, summary}."""
    import nbformat

    from csebook.pages import chapter_sources, executed_path

    out = {}
    for source in chapter_sources(ROOT):
        for cell in nbformat.read(executed_path(source), as_version=4).cells:
            for output in cell.get("outputs", []):
                markup = output.get("data", {}).get("text/html", "")
                m = re.search(r'<div class="csb-widget" id="([^"]+)"', markup)
                if m:
                    out[m.group(1)] = widget_states(markup, m.group(1))
    return out


@pytest.mark.parametrize("path", pages_with_widgets())
def test_every_precomputed_state_on_the_page_is_what_the_chapter_drew(path):
    """All states of every widget, read from the built page: every state of the grid, each as the
    executed chapter holds it."""
    html = (SITE / path).read_text()
    for widget in page_widgets(path):
        states = widget_states(html, widget.widget_id)
        assert set(states) == {widget.key(s) for s in widget.states()}
        assert states == executed_states()[widget.widget_id], f"{path}: {widget.title}"


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
    if url.endswith("/index.html"):          # it sends the reader on to the front page at once
        with page.expect_navigation(url="**/book/intro.html", wait_until="load"):
            page.goto(url)
    else:
        page.goto(url, wait_until="load")
    return outside, errors


@pytest.mark.parametrize("path", site_pages())
def test_page_loads_offline_cleanly_with_named_figures_no_axe_violation_and_working_controls(browser, server, path):
    """One load of each page, 1280 pixels wide at twice the density: nothing requested from another
    host, no console error, every figure named by meaningful alt text, and no serious or critical
    axe-core issue; then, on a page with widgets, every state by mouse and every option of each
    control by keyboard; then, on a chapter, the checks at 200% zoom, on a phone and in dark mode."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=2)
    page = context.new_page()
    try:
        desktop_zoom_phone_dark(page, server, path)
    finally:
        context.close()


def desktop_zoom_phone_dark(page, server, path):
    outside, errors = open_page(page, f"{server}/{path}")
    assert outside == [], f"{path} requested outside 127.0.0.1: {outside}"
    assert errors == [], f"{path} logged console errors: {errors}"
    figures = page.eval_on_selector_all(
        "main svg.csb-chart, main img", """els => els.map(e => ({tag: e.tagName, role: e.getAttribute('role'),
            alt: e.getAttribute('aria-label') || e.getAttribute('alt') || ''}))""")
    for f in figures:
        if f["tag"].lower() == "svg":
            assert f["role"] == "img", f"{path}: a chart is not announced as an image"
        assert len(f["alt"]) > 30 and not f["alt"].endswith(".png"), f"{path}: weak alt text {f['alt']!r}"
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], len(v["nodes"]), v["nodes"][0]["target"]) for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{path}: {bad}"
    if path in pages_with_widgets():
        by_mouse(page, path)
        by_keyboard(page, path)
    if path in CHAPTERS:
        readable_at_200_percent_zoom_on_a_phone_and_in_dark_mode(page, path)


def check_shown(page, path, widget, state):
    """The widget shows the state as the executed chapter drew it: the same chart (both serialised
    by this browser, compared in the page so the chart crosses to Python once), alt text and summary."""
    r = executed_states()[widget.widget_id][widget.key(state)]
    got = page.evaluate("""([root, svg]) => { const el = document.getElementById(root);
        const shown = el.querySelector('.csb-image svg');
        const d = document.createElement('div'); d.innerHTML = svg;
        return {chart: shown.outerHTML === d.firstElementChild.outerHTML ? 'as drawn' : 'different',
                alt: shown.getAttribute('aria-label'), summary: el.querySelector('.csb-summary').textContent}; }""",
                        [widget.widget_id, r["svg"]])
    assert got == {"chart": "as drawn", "alt": r["alt"], "summary": r["summary"]}, f"{path}: {widget.title}, state {state}"


def wait_for(page, root, key):
    page.wait_for_function("([r, k]) => document.getElementById(r).dataset.state === k", arg=[root, key])


def by_mouse(page, path):
    """Every state of every widget, set by clicking its controls, ending in the default state."""
    for widget in page_widgets(path):
        root = widget.widget_id
        assert page.locator(f"#{root}").get_attribute("data-ready") == "true"
        check_shown(page, path, widget, widget.default)
        for state in widget.walk()[1:] + [widget.default]:
            for control in widget.controls:
                value = state[control.name]
                if control.kind == "select":
                    page.select_option(f"#{root}-{control.name}", value)
                else:
                    index = [v for v, _ in control.options].index(value)
                    page.click(f"label[for='{root}-{control.name}-{index}']")
            wait_for(page, root, widget.key(state))
            check_shown(page, path, widget, state)


def by_keyboard(page, path):
    """Focus each control, then arrow keys only: through every option and back to the first."""
    for widget in page_widgets(path):
        root = widget.widget_id
        state = dict(widget.default)
        for control in widget.controls:
            values = [v for v, _ in control.options]
            if control.kind == "select":
                page.focus(f"#{root}-{control.name}")
            else:
                page.focus(f"#{root}-{control.name}-{values.index(state[control.name])}")
            back = "ArrowUp" if control.kind == "select" else "ArrowLeft"
            forward = "ArrowDown" if control.kind == "select" else "ArrowRight"
            for _ in range(values.index(state[control.name])):      # to the first option
                page.keyboard.press(back)
            seen = []
            for i, value in enumerate(values):
                if i or values.index(state[control.name]):
                    state[control.name] = value
                    wait_for(page, root, widget.key(state))
                check_shown(page, path, widget, state)
                seen.append(value)
                if i + 1 < len(values):
                    page.keyboard.press(forward)
            assert seen == values
            assert page.evaluate("document.activeElement.closest('.csb-widget') !== null"), "focus left the widget"


CHAPTERS = [p for p in site_pages() if p.startswith("book/")]


# The text of every chart at phone width, in CSS pixels: its font size times the factor its SVG is
# scaled by (drawn width over viewBox width).
CHART_TEXT = """() => Array.from(document.querySelectorAll('main svg.csb-chart')).filter(s => s.getBoundingClientRect().width > 0)
    .map(s => { const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
        const sizes = Array.from(s.querySelectorAll('text')).map(t => parseFloat(t.style.fontSize) * scale);
        return {smallest: Math.min(...sizes),
                label: (s.getAttribute('aria-label') || '').slice(0, 60)}; })"""


def readable_at_200_percent_zoom_on_a_phone_and_in_dark_mode(page, path):
    """200% zoom on a 1280-pixel screen (a 640-pixel layout at twice the density), then a phone
    390 pixels wide: the page never scrolls sideways, controls and their labels stay inside their
    widgets, every table and caption fits with nothing hidden to the side, figures stay on the
    screen and are never drawn smaller than their natural size allows, and on the phone every
    chart's smallest text measures at least 12 CSS pixels. The page's list of sources is folded on
    screen, opens when a number linking into it is followed, and prints open. Then the phone is
    switched to dark mode: every figure keeps its own white background (so dark text stays on
    white) and is neither inverted nor dimmed below 80% brightness."""
    page.evaluate("window.scrollTo(0, 0)")
    for width in (640, 390):
        page.set_viewport_size({"width": width, "height": 900})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path}: the page scrolls sideways by {overflow}px at {width}px"
        sticking_out = page.evaluate("""() => Array.from(document.querySelectorAll(
                '.csb-widget select, .csb-widget fieldset, .csb-widget label, .csb-widget legend'))
            .filter(c => c.getBoundingClientRect().right > c.closest('.csb-widget').getBoundingClientRect().right + 1)
            .map(c => c.id || c.dataset.control || c.textContent.trim().slice(0, 60))""")
        assert sticking_out == [], f"{path}: widget controls or labels run past the widget's edge at {width}px: {sticking_out}"
        tables_fit(page, path, width)
        figures = page.eval_on_selector_all("main svg.csb-chart", """els => els.filter(e => e.getBoundingClientRect().width > 0)
            .map(e => ({w: e.getBoundingClientRect().width, right: e.getBoundingClientRect().right,
                        natural: e.width.baseVal.value, label: (e.getAttribute('aria-label') || '').slice(0, 50)}))""")
        assert figures or 'class="csb-chart' not in (SITE / path).read_text(), f"{path}: figures not found"
        column = page.evaluate("document.querySelector('article p').getBoundingClientRect().width")
        for f in figures:
            assert f["right"] <= width + 1, f"{path}: a figure runs off the screen at {width}px: {f['label']}"
            assert f["w"] >= 0.95 * min(f["natural"], column - 30), \
                f"{path}: a figure is drawn at {f['w']:.0f}px, smaller than it needs to be at {width}px"
    small = [(c["label"], round(c["smallest"], 1)) for c in page.evaluate(CHART_TEXT)
             if c["smallest"] < 12]
    assert small == [], f"{path}: chart text under 12 CSS px on a 390-pixel phone: {small}"
    selects_legible(page, path, "light")
    sources_fold(page, path)
    dark_mode(page, path)


# Every table on the page as laid out: the width hidden inside it or inside the box that scrolls
# it, where its right edge and its caption's fall, and each body cell with the column header it
# sits under and the label shown before it (a row stacked as a card shows its column's name).
TABLES = """() => Array.from(document.querySelectorAll('main table')).filter(t => t.getClientRects().length).map(t => {
    let box = t.parentElement;
    while (box && box !== document.body && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
    const clip = box && box !== document.body ? box.getBoundingClientRect().right : window.innerWidth;
    const heads = Array.from(t.querySelectorAll('thead th')).map(h => h.textContent.trim());
    const headsShown = t.tHead ? t.tHead.getBoundingClientRect().height > 1 : false;
    const caption = t.caption || (t.closest('figure') && t.closest('figure').querySelector('figcaption'));
    return {name: (caption ? caption.textContent : heads.join(' | ')).trim().slice(0, 60),
        hidden: Math.max(t.scrollWidth - t.clientWidth,
                         box && box !== document.body ? box.scrollWidth - box.clientWidth : 0),
        right: t.getBoundingClientRect().right, clip: clip,
        caption: caption ? {overflow: caption.scrollWidth - caption.clientWidth,
                            right: caption.getBoundingClientRect().right} : null,
        cells: Array.from(t.querySelectorAll('tbody tr')).flatMap(r => Array.from(r.cells).map((c, i) => ({
            head: heads[i] || '', right: c.getBoundingClientRect().right, shown: c.getClientRects().length > 0,
            label: headsShown ? heads[i] || '' : (getComputedStyle(c, '::before').content || '').replace(/^"|"$/g, '')})))};
})"""


def tables_fit(page, path, width):
    """No table scrolls sideways: nothing hidden inside it or the box around it, its right edge
    and its caption's on the screen. Every cell of every row, the check status above all, is on the
    screen, and labelled with its column's header (shown above, or before it in a stacked row)."""
    for t in page.evaluate(TABLES):
        where = f"{path}, table {t['name']!r} at {width}px"
        assert t["hidden"] <= 1, f"{where}: {t['hidden']}px of it is hidden to the side"
        assert t["right"] <= min(width, t["clip"]) + 1, f"{where}: it runs past the screen to {t['right']:.0f}px"
        if t["caption"]:
            assert t["caption"]["overflow"] <= 1 and t["caption"]["right"] <= min(width, t["clip"]) + 1, \
                f"{where}: its caption is cut off ({t['caption']})"
        for c in t["cells"]:
            kind = "the check status" if "status" in c["head"].lower() else f"the cell under {c['head']!r}"
            assert c["shown"] and c["right"] <= min(width, t["clip"]) + 1, \
                f"{where}: {kind} is off the screen, at {c['right']:.0f}px"
            assert c["head"].lower() in c["label"].lower(), \
                f"{where}: {kind} is not labelled with its column's name (shows {c['label']!r})"


# The page's folded list of sources and one number on the page that links into it.
SOURCES = """() => {
    const fold = document.querySelector('details.csb-sources');
    const inside = fold ? Array.from(fold.querySelectorAll('table, li[id]')) : [];
    const link = Array.from(document.querySelectorAll('main a.num[href^="#"]'))
        .find(a => fold && fold.contains(document.getElementById(decodeURIComponent(a.hash.slice(1)))));
    return {fold: !!fold, open: fold ? fold.open : null,
            shown: inside.filter(e => e.checkVisibility()).length, inside: inside.length,
            outside: Array.from(document.querySelectorAll('main table.provenance, main .numbers-list'))
                .filter(e => !(fold && fold.contains(e))).length,
            link: link ? link.getAttribute('href') : null};
}"""


def sources_fold(page, path):
    """A chapter's list of where its numbers come from (each computed number's rows, the table of
    sources) sits behind one disclosure: folded on screen, so the page is not mostly sources on a
    phone; opened by following a number that links into it; and shown in print (and the PDF)."""
    before = page.evaluate(SOURCES)
    if not before["fold"] and not before["outside"]:
        return                              # a page with no list of sources
    assert before["outside"] == 0, f"{path}: the page's list of sources is not folded behind a disclosure"
    assert before["open"] is False and before["shown"] == 0, f"{path}: the list of sources is open on screen"
    page.emulate_media(media="print")
    printed = page.evaluate(SOURCES)
    page.emulate_media(media="screen")
    assert printed["shown"] == printed["inside"] > 0,         f"{path}: in print, {printed['inside'] - printed['shown']} of the list's {printed['inside']} parts are hidden"
    if before["link"]:
        page.click(f'main a.num[href="{before["link"]}"]')
        page.wait_for_function("document.querySelector('details.csb-sources').open")
        seen = page.evaluate("""id => { const e = document.getElementById(id), r = e.getBoundingClientRect();
            return e.checkVisibility() && r.top >= -1 && r.top < window.innerHeight; }""", before["link"][1:])
        assert seen, f"{path}: following {before['link']} opens the list but does not show the entry"


# Each widget select's text against what is behind it (its own background, or the first one
# behind it that is not transparent): the WCAG contrast ratio.
SELECT_CONTRAST = """() => Array.from(document.querySelectorAll('.csb-widget select')).map(s => {
    const rgb = c => c.match(/[\\d.]+/g).map(Number);
    const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    let e = s, bg = getComputedStyle(e).backgroundColor;
    while (rgb(bg)[3] === 0 && e.parentElement) { e = e.parentElement; bg = getComputedStyle(e).backgroundColor; }
    const [a, b] = [lum(getComputedStyle(s).color), lum(bg)].sort((x, y) => y - x);
    return {id: s.id, ratio: Math.round((a + 0.05) / (b + 0.05) * 10) / 10}; })"""


def selects_legible(page, path, mode):
    """The chosen option of every widget select reads at a contrast of at least 4.5 to 1."""
    faint = [s for s in page.evaluate(SELECT_CONTRAST) if s["ratio"] < 4.5]
    assert faint == [], f"{path}: a widget select's text is faint in {mode} mode: {faint}"


def dark_mode(page, path):
    """The system switched to dark mode, as a reader's phone does at night: the theme (in its
    default "auto" mode) follows it, and every figure keeps its white background."""
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.documentElement.dataset.theme === 'dark'")
    checks = page.eval_on_selector_all("main svg.csb-chart", """els => els.map(e => {
        const bg = e.querySelector('path');
        return {background: getComputedStyle(e).backgroundColor, first: bg && bg.style.fill,
                filter: getComputedStyle(e).filter + ' ' + getComputedStyle(e.parentElement).filter,
                label: (e.getAttribute('aria-label') || '').slice(0, 50)}; })""")
    assert checks or 'class="csb-chart' not in (SITE / path).read_text(), f"{path}: no figures found"
    selects_legible(page, path, "dark")
    for c in checks:
        assert c["background"] == "rgb(255, 255, 255)", f"{path}: a figure has no white background: {c['label']}"
        assert c["first"] in ("rgb(255, 255, 255)", "#ffffff"), f"{path}: a figure's own background is not white"
        assert "invert" not in c["filter"], f"{path}: a figure is inverted in dark mode"
        for level in re.findall(r"brightness\(([\d.]+)\)", c["filter"]):
            assert float(level) >= 0.8, f"{path}: a figure is dimmed to {level} in dark mode"
