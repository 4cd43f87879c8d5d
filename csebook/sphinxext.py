"""Sphinx glue for the book: keep the built pages free of anything fetched from another host,
and mend two accessibility faults of the upstream theme and toggles.

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


KIT_FILES = ["README.md", "pyproject.toml", "requirements.txt", "requirements-lock.txt", "Makefile",
             "_config.yml", "_toc.yml"]
KIT_DIRS = ["book", "data", "csebook", "tools"]


def _write_kit(app, exception):
    """Offer readers one download with what a notebook needs to run: the notebooks, the data
    package, the helper package and the pinned requirements (book-kit.zip at the site root)."""
    import zipfile
    from pathlib import Path

    if exception is not None or app.builder.name != "html":
        return
    root = Path(app.srcdir)
    files = [root / f for f in KIT_FILES]
    for folder in KIT_DIRS:
        files += sorted(p for p in (root / folder).rglob("*")
                        if p.is_file() and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts)
    with zipfile.ZipFile(Path(app.outdir) / "book-kit.zip", "w", zipfile.ZIP_DEFLATED) as kit:
        for path in files:
            info = zipfile.ZipInfo(str(path.relative_to(root)), date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            kit.writestr(info, path.read_bytes())


def _refresh_static_files(app, exception):
    """Copy changed static and extra files into the site. Sphinx copies them only when at least
    one page is rebuilt; a change to csebook.css alone would otherwise leave the old file live."""
    import filecmp
    import shutil
    from pathlib import Path

    if exception is not None or app.builder.format != "html":
        return
    conf, out = Path(app.confdir), Path(app.outdir)
    for folders, target in ((app.config.html_static_path, out / "_static"), (app.config.html_extra_path, out)):
        for folder in folders:
            source = conf / folder
            for path in (p for p in source.rglob("*") if p.is_file()):
                dest = target / path.relative_to(source)
                if not dest.exists() or not filecmp.cmp(path, dest, shallow=False):
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, dest)


def _glossary_directive():
    """`csv-glossary`: a Sphinx glossary built from data/glossary.csv, so that {term} links
    work and the definitions live in one table."""
    from docutils.statemachine import StringList
    from sphinx.domains.std import Glossary
    from sphinx.util.docutils import SphinxDirective

    class CsvGlossary(SphinxDirective):
        has_content = False

        def run(self):
            from .data import load_package

            package = load_package()
            lines = []
            for _, row in package.glossary.sort_values("term", key=lambda s: s.str.lower()).iterrows():
                lines.append(row.term)
                text = row.definition
                if row.source_id:
                    source = package.source(row.source_id)
                    text += f" (Follows: {source.publisher}, {source.title}, {row.location}.)"
                lines += ["   " + text, ""]
            directive = Glossary("glossary", [], {}, StringList(lines, source="data/glossary.csv"),
                                 self.lineno, self.content_offset, "", self.state, self.state_machine)
            return directive.run()

    return CsvGlossary


def setup(app):
    app.add_directive("csv-glossary", _glossary_directive())
    app.connect("build-finished", _write_kit)
    app.connect("build-finished", _refresh_static_files)
    app.connect("builder-inited", _share_html_handlers_with_singlehtml)
    app.connect("html-page-context", _drop_unwanted_assets, priority=900)
    app.connect("html-page-context", _fix_hidden_code_label, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
