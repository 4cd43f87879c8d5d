# The book's commands. `make book` and `make test` are the two a newcomer needs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PY := .venv/bin/python
VENV := .venv/.installed
NODE := node_modules/.installed
PORT ?= 8000

.PHONY: help env chapter book serve test test-fast live author copies lab-settings execute snapshot bench clean chromium figures student pdf release

help:
	@echo "make book     build the site into _build/html (creates .venv if missing)"
	@echo "make serve    serve the built site on http://127.0.0.1:$(PORT)/"
	@echo "make test     run every test (installs Debian Chromium if missing; NBVAL=all re-executes every chapter)"
	@echo "make test-fast  the quick tests on the executed chapters: no site build, nbval, browser, kit or PDF"
	@echo "make live     open reader and student copies of the chapters in JupyterLab (LAB_PORT=8888)"
	@echo "make author   open the chapter sources (book/*.md) as notebooks in JupyterLab"
	@echo "make chapter NAME=short_name TITLE=\"...\" [PART=...]  a new chapter: page, module, contents entry, snapshot"
	@echo "make execute  re-execute every notebook in place (the only way outputs are written)"
	@echo "make bench    print the budgets of DESIGN.md"
	@echo "make figures  export every figure as PNG and SVG with a manifest, into _build/figures"
	@echo "make copies   write reader and student copies of the chapters into live/"
	@echo "make pdf      build a PDF of the whole book with Debian Chromium, into _build/pdf"
	@echo "make snapshot rewrite tests/snapshots/ after a deliberate change, and print what moved"
	@echo "make release  this edition's site, kit, data and PDF, into _build/release/<version>"
	@echo "make clean    remove _build/"

# The environment: every version pinned in requirements.txt, the rest fixed by the lock file.
$(VENV): requirements.txt requirements-lock.txt pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c requirements-lock.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

env: $(VENV)

# Build from the executed notebooks (make execute writes them; Sphinx's own execution is off); warnings are errors,
# references nitpicky. Unchanged pages are not rebuilt; a failed build leaves no site behind.
book: $(VENV)
	$(PY) tools/execute.py
	$(PY) tools/build.py build . --warningiserror --nitpick --keep-going --quiet \
	  || { rm -rf _build/html; echo "The book did not build: see the warnings above." >&2; exit 1; }
	@echo "The site is in _build/html: open _build/html/index.html, or run 'make serve'."

serve:
	@test -d _build/html || { echo "No site yet: run 'make book' first." >&2; exit 1; }
	@echo "Serving the book at http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

# JupyterLab on this machine only, with its news feed and update check off (no calls to other
# hosts). It refuses to run as root unless told; the project's machines run as root.
LAB_PORT ?= 8888
LAB_SETTINGS := $(CURDIR)/_build/lab-settings
LAB_FLAGS = --ip=127.0.0.1 --port=$(LAB_PORT) --LabApp.news_url=None \
  --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
  $$([ "$$(id -u)" = 0 ] && echo --allow-root)
lab-settings:
	@mkdir -p $(LAB_SETTINGS)/@jupyterlab/apputils-extension
	@mkdir -p $(LAB_SETTINGS)/@jupyterlab/docmanager-extension
	@echo '{"fetchNews": "false", "checkForUpdates": false}' \
	  > $(LAB_SETTINGS)/@jupyterlab/apputils-extension/notification.jupyterlab-settings
	@echo '{"defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}}' \
	  > $(LAB_SETTINGS)/@jupyterlab/docmanager-extension/plugin.jupyterlab-settings

# For teaching: reader copies (live/chapters) and student copies (live/student) with their numbers
# pasted in, opened in JupyterLab. Everything it writes is under live/ (ignored by git).
live: copies lab-settings
	JUPYTERLAB_SETTINGS_DIR=$(LAB_SETTINGS) .venv/bin/jupyter lab $(LAB_FLAGS) --ServerApp.root_dir=live

# For authors: the chapter sources (book/*.md) opened as notebooks through jupytext. Saving writes
# the Markdown source only; outputs are written by `make execute`.
author: $(VENV) lab-settings
	JUPYTERLAB_SETTINGS_DIR=$(LAB_SETTINGS) .venv/bin/jupyter lab $(LAB_FLAGS) --ServerApp.root_dir=book

# The copies opened outside the site: reader copies and student copies, into live/.
copies: $(VENV)
	$(PY) tools/execute.py
	$(PY) tools/copies.py live

student: copies

# Chapters whose sources, helpers or data changed since they were executed (FORCE=1: all of them).
execute: $(VENV)
	$(PY) tools/execute.py $(if $(FORCE),--all)

# A new chapter from the template (csebook/templates/): NAME=short_name TITLE="Its title", and
# PART="Reading these numbers" to list it in another part. The command-line values reach the tool
# through the environment, so a title may hold any quote.
chapter: $(VENV)
	$(PY) tools/chapter.py

# Debian's Chromium for the browser tests; never a browser that a test tool downloads.
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update && apt-get install -y chromium; }

$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Tests run on every core, at most four (TEST_WORKERS=0: in this process, one at a time).
# nbval re-executes only the chapters whose stamps do not prove they were executed from their
# current inputs (none, once `make book` has run: it executes every stale chapter, and the build
# refuses one that is not current); NBVAL=all re-executes every chapter and compares its outputs.
TEST_WORKERS ?= auto
NBVAL ?= unproven
test: $(VENV) $(NODE) chromium
	$(MAKE) --no-print-directory book
	$(PY) -m pytest tests $$($(PY) tools/notebooks.py $(if $(filter all,$(NBVAL)),,--unproven)) \
	  -m "not release" --nbval --nbval-current-env -q -n $(TEST_WORKERS) --maxprocesses=4

# The quick loop: unit, data, anatomy, prose, lint, snapshot and consistency tests on the chapters
# as executed (stale ones are executed first); no site build, nbval, browser, kit or PDF.
# FAST_TESTS=tests/test_x.py ... runs only those files' quick tests.
FAST = -m "not browser and not site and not slow and not release"
FAST_TESTS ?= tests
test-fast: $(VENV)
	$(PY) tools/execute.py
	$(PY) -m pytest $(FAST_TESTS) $(FAST) -q -n $(TEST_WORKERS) --maxprocesses=4

# The text snapshot of every chapter (tests/snapshots/): review its diff and commit it.
snapshot: $(VENV)
	$(PY) tools/execute.py
	$(PY) tools/snapshot.py

# Every figure and widget state as PNG and SVG, with captions and alt text, in _build/figures/.
figures: $(VENV)
	$(PY) tools/figures.py

# PDF of the whole book, printed with Debian Chromium from the single-page HTML build.
pdf: $(VENV) chromium
	$(PY) tools/pdf.py

# This edition's site, kit, data and PDF, named by the version in _config.yml, in _build/release/.
# Before an edition is written out, the kit it publishes passes every quick test, unzipped with no git.
release: book pdf
	$(PY) -m pytest tests/test_kit.py -m release -q
	$(PY) tools/release.py

bench: $(VENV) $(NODE) chromium
	$(PY) tools/bench.py

clean:
	rm -rf _build
