"""The copies a teacher opens in JupyterLab read as the site does: numbers pasted into the prose,
the support box shown, no MyST markup left, solutions folded (reader copies) or absent (student
copies). JupyterLab runs on this machine only, in Debian Chromium, on copies written to a
temporary folder (as `make live` writes them to live/), so nothing tracked is touched."""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from book_files import ROOT
from csebook.data import load_package

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MARKUP = ("{glue", ":::{", "```{", "{term}", "{numref}", "{ref}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    from copies import write_copies

    folder = tmp_path_factory.mktemp("live")
    write_copies(folder)
    settings = tmp_path_factory.mktemp("lab-settings")
    for plugin, values in {
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        # render every cell, not only those scrolled into view, so the whole text can be read
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        path = settings / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    port, token = free_port(), secrets.token_hex(16)
    cmd = [str(ROOT / ".venv" / "bin" / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}", "--LabApp.news_url=None",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(settings)}
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.25)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not start")
    yield base, token, folder
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


def open_notebook(browser, lab, relative: str, shot: str):
    base, token, folder = lab
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{base}/lab/tree/{relative}?token={token}", wait_until="load")
    # this copy's tab is the current one (JupyterLab may first restore a tab opened earlier), and
    # every markdown cell in it is rendered (none is left as source)
    page.wait_for_function("""(path) => { const tab = document.querySelector('.lm-TabBar-tab.jp-mod-current');
        if (!tab || !(tab.title || '').includes(path)) return false;
        const cells = document.querySelectorAll(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownCell');
        return cells.length > 0 && Array.from(cells).every(c => c.querySelector('.jp-RenderedMarkdown'))
            && document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownCell .jp-InputArea-editor:not(.lm-mod-hidden)').length === 0; }""",
                           arg=relative, timeout=60_000)
    screenshots = ROOT / "_build" / "screenshots"
    screenshots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(screenshots / shot))
    # every copy shows the support box near its top: on a loaded machine JupyterLab can still be
    # filling in rendered cells after each reports rendered, so wait for the text to settle on it
    # (a copy without the box still fails, after the wait, on the assertion below)
    try:
        page.wait_for_function("""() => document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook')
            .innerText.includes('0800 1111')""", timeout=30_000)
    except Exception:
        pass
    text = page.inner_text(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    # the kernel has started (a copy must not turn 'changed' on its own when it does)
    page.wait_for_function("""() => /\\| Idle/.test(document.querySelector('#jp-main-statusbar').textContent)""",
                           timeout=60_000)
    dirty = page.eval_on_selector_all(".lm-TabBar-tab.jp-mod-current", "els => els.map(e => e.classList.contains('jp-mod-dirty'))")
    assert dirty == [False], "opening the copy marked it changed before anyone touched it"
    return page, text


def test_a_chapter_reads_with_its_numbers_support_box_and_folded_solutions(browser, lab):
    page, text = open_notebook(browser, lab, "chapters/police_figures_2023.ipynb", "lab-chapter.png")
    left = [m for m in MARKUP if m in text]
    assert not left, f"MyST markup shown in JupyterLab: {left}"
    assert "115,489" in text and "0.62%" in text, "the glued numbers are not in the text"
    assert "0808 800 5000" in text and "0800 1111" in text, "the support box is not shown"
    assert "Content note" in text
    details = page.eval_on_selector_all(".jp-RenderedMarkdown details", "els => els.map(d => d.open)")
    assert details and not any(details), "solutions must be folded until opened"
    assert "Solution to Exercise 1.1" in text
    page.close()


def test_a_student_copy_has_no_solutions_and_cells_for_answers(browser, lab):
    page, text = open_notebook(browser, lab, "student/police_figures_2023.ipynb", "lab-student.png")
    left = [m for m in MARKUP if m in text]
    assert not left, f"MyST markup shown in JupyterLab: {left}"
    # a number glued into the chapter, pasted into the copy: the police's count of CSE-category offences
    assert "0808 800 5000" in text and load_package().figure("cse_2023.hansard").value_as_printed in text
    assert "Solution" not in text
    assert text.count("Your answer to Exercise") >= 2
    page.close()
