"""Mends to faults of the upstream theme, toggles and builders.

Jupyter Book 1.x always loads sphinx-thebe, which adds (twice) an inline script naming a CDN
address for Thebe and a loader script. The book has no live-code button, so both are dropped
from every page; that also removes a console error (the constant is declared twice)."""
from __future__ import annotations


def _is_unwanted(asset) -> bool:
    filename = getattr(asset, "filename", None) or str(asset)
    body = getattr(asset, "attributes", {}).get("body", "") or ""
    return "thebe" in (filename or "") or "THEBE_JS_URL" in body


def _drop_unwanted_assets(app, pagename, templatename, context, doctree):
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not _is_unwanted(a)]


def _fix_hidden_code_label(app, pagename, templatename, context, doctree):
    """myst-nb labels each hidden-code toggle 'Toggle hidden content' while it shows
    'Show code cell source'; a label that differs from the visible text confuses speech
    input users (axe-core: label-content-name-mismatch). The visible text is the name."""
    if "body" in context:
        context["body"] = context["body"].replace('<summary aria-label="Toggle hidden content">', "<summary>")


def _share_html_handlers_with_singlehtml(app):
    """The PDF is printed from Sphinx's single-page HTML build. Once one extension
    (sphinx-exercise) registers node handlers for 'singlehtml', Sphinx stops falling back to
    the 'html' handlers for other extensions' nodes, and the build fails on a node only
    registered for 'html' (sphinx-jupyterbook-latex's HiddenCellNode). Copy the missing ones."""
    if app.builder.name != "singlehtml":
        return
    handlers = app.registry.translation_handlers
    single = handlers.setdefault("singlehtml", {})
    for name, pair in handlers.get("html", {}).items():
        single.setdefault(name, pair)
