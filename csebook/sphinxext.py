"""Sphinx glue for the book: build from the executed notebooks, offer the downloads, keep the built pages free of anything fetched from another host,
and mend two accessibility faults of the upstream theme and toggles.

Jupyter Book 1.x always loads sphinx-thebe, which adds (twice) an inline script naming a CDN
address for Thebe and a loader script. The book has no live-code button, so both are dropped
from every page; that also removes a console error (the constant is declared twice)."""
from __future__ import annotations

from pathlib import Path


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


KIT_FOLDER = "grooming-gangs-numbers"
KIT_MANIFEST = "KIT-FILES.txt"


def repository_files(root) -> list[str]:
    """The files of the repository: what git tracks, or, in an unzipped kit, the list it carries."""
    import subprocess

    listed = root / KIT_MANIFEST
    if (root / ".git").exists():
        out = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
        names = [n for n in out.decode().split("\0") if n]
    elif listed.exists():
        names = listed.read_text().split()
    else:
        raise FileNotFoundError(f"{root}: neither a git checkout nor an unzipped kit ({KIT_MANIFEST})")
    return sorted(n for n in names if (root / n).is_file())


def _reader_copies(app):
    """Reader and student copies of every chapter, built from the executed notebooks."""
    from pathlib import Path

    import nbformat

    from .copies import book_index, make_copy
    from .pages import chapter_sources, executed_path

    root = Path(app.srcdir)
    index = book_index(root)
    support = (root / "book" / "_support.md").read_text()
    copies = {}
    for source in chapter_sources(root):
        executed = nbformat.read(executed_path(source), as_version=4)
        for folder, student in (("notebooks", False), ("student", True)):
            nb = make_copy(executed, index=index, support=support, name=source.stem, student=student)
            copies[f"{folder}/{source.stem}.ipynb"] = nbformat.writes(nb).encode() + b"\n"
    return copies


def _write_downloads(app, exception):
    """What a reader downloads from the site:

    * each chapter's notebook (the download button): the reader copy, with its numbers pasted in,
      not the executed notebook whose prose holds glue placeholders;
    * book-kit.zip: the repository as it stands (its README's two commands build and test it),
      plus reader and student copies of every chapter, in one top-level folder;
    * data-package.zip: the whole data package, which validates on its own."""
    import hashlib
    import json
    import zipfile
    from pathlib import Path

    from .pages import chapter_sources, executed_path

    if exception is not None or app.builder.name != "html":
        return
    root, out = Path(app.srcdir), Path(app.outdir)
    files = repository_files(root)
    # Everything the downloads are made from: the repository's files and the executed chapters.
    # When none changed and every download is as last written, a rebuild leaves them be.
    inputs = hashlib.sha256()
    for name in files + [str(executed_path(s).relative_to(root)) for s in chapter_sources(root)]:
        inputs.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
    stamp = out.parent / f".{out.name}-downloads.json"      # beside the site, not published in it
    last = json.loads(stamp.read_text()) if stamp.exists() else {}

    def digest(path: Path) -> str | None:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None

    if last.get("inputs") == inputs.hexdigest() and all(
            digest(out / name) == h for name, h in last.get("outputs", {}).items()):
        return
    copies = _reader_copies(app)
    written = ["book-kit.zip", "data-package.zip"]
    for name, data in copies.items():
        if name.startswith("notebooks/"):
            target = out / "_sources" / "book" / Path(name).name
            if target.exists():
                target.write_bytes(data)
                written.append(str(target.relative_to(out)))

    def add(kit, name, data):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        kit.writestr(info, data)

    with zipfile.ZipFile(out / "book-kit.zip", "w") as kit:
        for name in files:
            add(kit, f"{KIT_FOLDER}/{name}", (root / name).read_bytes())
        for name, data in sorted(copies.items()):
            add(kit, f"{KIT_FOLDER}/{name}", data)
        add(kit, f"{KIT_FOLDER}/{KIT_MANIFEST}", ("\n".join(files) + "\n").encode())
    with zipfile.ZipFile(out / "data-package.zip", "w") as data:
        for name in files:
            if name.startswith("data/"):
                add(data, f"data-package/{name[len('data/'):]}", (root / name).read_bytes())
    stamp.write_text(json.dumps({"inputs": inputs.hexdigest(),
                                 "outputs": {name: digest(out / name) for name in written}}, indent=1))


FONT_FILES = {"DejaVuSans.ttf": "DejaVuSans.woff", "DejaVuSans-Bold.ttf": "DejaVuSans-Bold.woff",
              "DejaVuSans-Oblique.ttf": "DejaVuSans-Oblique.woff"}
# Latin text, punctuation, and the signs charts use (minus, times, arrows, less/greater or equal).
FONT_UNICODES = ([*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x2010, 0x2028), 0x2030, 0x2032, 0x2033,
                  *range(0x2190, 0x2194), 0x2212, 0x2248, 0x2260, 0x2264, 0x2265])


def _write_fonts(app, exception):
    """The font the charts were laid out with (matplotlib's DejaVu Sans), served by the site
    itself as a subset: chart text renders the same everywhere, and nothing comes from another host."""
    import logging
    from pathlib import Path

    import matplotlib
    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.ERROR)

    if exception is not None or app.builder.format != "html":
        return
    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    out = Path(app.outdir) / "_static" / "fonts"
    out.mkdir(parents=True, exist_ok=True)
    for ttf, woff in FONT_FILES.items():
        target = out / woff
        if target.exists():
            continue
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["kern", "liga"]
        options.name_IDs = ["*"]          # keep the copyright and licence notices the font carries
        options.name_languages = ["*"]
        font = subset.load_font(str(source / ttf), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=FONT_UNICODES)
        subsetter.subset(font)
        subset.save_font(font, str(target), options)


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


NUMBER_SKIP = """ ||
        queryTerm.match(/^\\d+$/)"""
# Readers type 4228 for the 4,228 the pages print, which the index holds as "4" and "228": a
# number of four or more digits that the index does not hold as one word is looked up by its
# groups of three, as if typed with commas (2023, which the index holds, stays as it is).
QUERY_WORDS = "    splitQuery(query.trim()).forEach((queryTerm) => {"
QUERY_WORDS_GROUPED = """    splitQuery(query.trim()).flatMap((t) => /^\\d{4,}$/.test(t) && !(t in Search._index.terms)
        && !(t in Search._index.titleterms) ? t.replace(/\\B(?=(\\d{3})+(?!\\d))/g, " ").split(" ") : [t])
      .forEach((queryTerm) => {"""


def _search_finds_numbers(app, exception):
    """Sphinx's search drops every query word made only of digits, so a reader searching the site
    for '717' finds nothing although the pages say it. The index keeps numbers; the search script
    is mended in the built site to look them up, and to look up '4228' as '4,228'. If a Sphinx
    release changes the script, the build stops here rather than ship a search that silently
    ignores numbers."""
    from pathlib import Path

    if exception is not None or app.builder.name != "html":
        return
    path = Path(app.outdir) / "_static" / "searchtools.js"
    text = path.read_text()
    mended = text.replace(NUMBER_SKIP, "").replace(QUERY_WORDS, QUERY_WORDS_GROUPED)
    if "queryTerm.match(/^\\d+$/)" in mended or mended.count(QUERY_WORDS_GROUPED) != 1:
        raise RuntimeError(f"{path}: Sphinx's search script has changed; update NUMBER_SKIP and QUERY_WORDS "
                           "in csebook/sphinxext.py")
    if mended != text:
        path.write_text(mended)


def build_package(app):
    """The data package, loaded once per build (every glued number on every page looks its rows
    up in it; loading it for each would take most of a clean build)."""
    from .data import load_package

    package = getattr(app, "_csebook_package", None)
    if package is None:
        package = app._csebook_package = load_package()
    return package


def _glossary_directive():
    """`csv-glossary`: a Sphinx glossary built from data/glossary.csv, so that {term} links
    work and the definitions live in one table."""
    from docutils.statemachine import StringList
    from sphinx.domains.std import Glossary
    from sphinx.util.docutils import SphinxDirective

    class CsvGlossary(SphinxDirective):
        has_content = False

        def run(self):
            package = build_package(self.env.app)
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


def _linked_glue_role():
    """`{glue:text}` as myst-nb pastes it, but a number the executor credited with figure rows
    (csebook.glue) becomes a link to where it comes from, with the mark of its check status:
    straight to its row in the figure finder, or to the page's own list of the rows it was
    computed from. Words, dates and numbers that rest on no row are pasted as before."""
    from docutils import nodes
    from myst_nb.ext.glue.roles import PasteTextRole
    from myst_nb.ext.glue.utils import RetrievalError, retrieve_glue_data

    from . import links
    from .glue import META

    class LinkedPasteTextRole(PasteTextRole):
        def run(self):
            out, messages = super().run()
            if len(out) != 1 or not isinstance(out[0], nodes.inline) or "::" in self.text:
                return out, messages
            key = self.text.rsplit(":", 1)[0] if ":" in self.text else self.text
            try:
                rests_on = retrieve_glue_data(self.document, key).metadata.get(META)
            except RetrievalError:
                return out, messages
            if not rests_on:
                return out, messages
            text = out[0].astext()
            in_finder, anchor, status = links.target(key, text, rests_on,
                                                       build_package(self.document.settings.env.app))
            return [number_node(text, anchor, status, in_finder)], messages

    return LinkedPasteTextRole


def number_node(text: str, anchor: str, status: str, in_finder: bool):
    """A linked number as the page's source is read. Where its link points depends on the builder
    that writes the page (the finder is another page on the site, but part of the same page in the
    single-page build the PDF is printed from), and a page read for one builder is reused by the
    other (they share the doctrees), so the link is made when the page is written
    (`_link_numbers`), never here."""
    from docutils import nodes

    from . import links

    node = nodes.raw("", links.number_html(text, "#" + anchor, status), format="html")
    node["csebook_number"] = "|".join((text, anchor, status, "finder" if in_finder else "page"))
    return node


def _link_numbers(app, doctree, docname):
    """Link each number for the builder writing the page: a single figure row is in the finder
    page (another page on the site; this page in the single-page build); a computed number's list
    of rows is on its own page."""
    from docutils import nodes
    from sphinx.util.osutil import relative_uri

    from . import links

    builder = app.builder
    for node in list(doctree.findall(nodes.raw)):
        if "csebook_number" not in node:
            continue
        text, anchor, status, where = node["csebook_number"].rsplit("|", 3)
        href = "#" + anchor
        if where == "finder" and builder.name == "html":
            here = builder.get_target_uri(docname)
            href = relative_uri(here, builder.get_target_uri(f"book/{links.FINDER}")) + href
        node.replace_self(nodes.raw("", links.number_html(text, href, status), format="html"))


def _label_table_cells(app, doctree, docname):
    """Every table a page's outputs hold gets each body cell labelled with its column's header
    (csebook.tables.label_cells), so that on a phone, where csebook.css stacks each row as a card,
    every value, unit and check status shows its column's name beside it. Done as the page is
    written, so it reaches every table, whoever wrote it (a chapter's own pandas table too)."""
    from docutils import nodes

    from .tables import label_cells

    for node in doctree.findall(nodes.raw):
        if node.get("format") == "html" and "<table" in node.astext():
            labelled = label_cells(node.astext())
            if labelled != node.astext():
                node.replace(node[0], nodes.Text(labelled))


def _use_executed_notebooks(app, config):
    """Chapters are written as MyST Markdown (`book/<name>.md`) and built from the notebooks the
    executor made of them (`book/<name>.ipynb`). Hide the sources from Sphinx, and stop the build
    if an executed notebook is missing or stale: the site only renders what the executor wrote
    from the current sources, helpers and data."""
    from pathlib import Path

    from sphinx.errors import ConfigError

    from . import pages

    root = Path(app.srcdir)
    sources = pages.chapter_sources(root)
    config.exclude_patterns = list(config.exclude_patterns) + [str(s.relative_to(root)) for s in sources]
    behind = pages.stale(root)
    if behind:
        names = ", ".join(str(s.relative_to(root)) for s in behind)
        raise ConfigError(f"executed notebooks are missing or out of date for {names}: "
                          "run `make execute` (make book does this)")


def repository_text(edition: dict, here: bool = False) -> str:
    """How the pages name the repository: its address, or, until it has one, the kit (`here`: on
    the reproduce page itself, which offers the kit below, rather than link to itself)."""
    url = (edition or {}).get("repository", "")
    if url:
        return f"[{url}]({url})"
    where = "offered below" if here else "offered on the {ref}`reproduce page <sec-reproduce>`"
    return (f"not yet published at a public address; until it is, the kit {where} is the repository "
            "as it stands for this edition")


def coverage_substitutions(data: Path) -> dict[str, str]:
    """What the front page says the book covers, from the data: {{ newest_source }} (the month of the
    newest source the book uses) and {{ checked }} (when its figures were last checked)."""
    import csv
    import datetime as dt

    dates = [r["date"] for r in csv.DictReader(open(data / "sources.csv", newline="")) if r["date"][:4].isdigit()]
    newest = max(dates)
    month = dt.date(int(newest[:4]), int(newest[5:7]) if len(newest) >= 7 else 1, 1)
    checks = sorted({r["checked_on"] for r in csv.DictReader(open(data / "figures.csv", newline=""))})
    from .fmt import day

    checked = f"on {day(checks[0])}" if len(checks) == 1 else f"between {day(checks[0])} and {day(checks[-1])}"
    return {"newest_source": f"{month:%B %Y}", "checked": checked}


def corrections_href(address: str) -> str:
    """A link to the corrections address: a web or mailto address as it is, a bare email address as
    mailto."""
    return address if ":" in address else f"mailto:{address}"


def corrections_shown(address: str) -> str:
    return address.removeprefix("mailto:")


def corrections_text(edition: dict) -> str:
    """Where to send a correction report, in Markdown for the Report a correction page: the
    address in _config.yml, or, until the editors publish one, that none is published yet."""
    address = (edition or {}).get("corrections", "")
    if address:
        return f"Send your report to [{corrections_shown(address)}]({corrections_href(address)})."
    return ("No corrections address is published yet: the editors will publish one. Until then a report "
            "cannot be sent from here, but you can prepare one as this page says. Corrections made are "
            "listed on the {ref}`What changed <sec-changes>` page.")


def edition_footer(edition: dict, pathto=None) -> str:
    """The footer line every page carries: edition, editors, licences, corrections, how to cite.
    `pathto(page)` gives the address of another page from this one (Sphinx's, in a page's
    context): with it, the "What changed" page and the figure finder are links."""
    import html

    def page(name: str, words: str, anchor: str = "") -> str:
        if not pathto:
            return words
        href = pathto(name)
        href = anchor if (anchor and href.startswith("#")) else href + anchor   # '#' on the page itself
        return f'<a href="{html.escape(href)}">{words}</a>'

    e = {k: html.escape(str(v)) for k, v in (edition or {}).items()}
    licence = (f'<a href="{e["licence_text_data_url"]}">{e["licence_text_data"]}</a>'
               if e.get("licence_text_data_url") else e.get("licence_text_data", ""))
    report = page("book/corrections", "how to report one")
    corrections = (f'corrections to <a href="{html.escape(corrections_href(edition["corrections"]))}">'
                   f'{html.escape(corrections_shown(edition["corrections"]))}</a> ({report})'
                   if edition.get("corrections") else f"a corrections address is not yet published ({report})")
    from .edition import edition_words

    try:
        named = edition_words(edition)
    except (KeyError, ValueError):
        named = f'Edition {edition.get("version", "")} ({edition.get("date", "")})'
    return (f'<p class="edition-line">{html.escape(named)}. '
            f'Text and data: {licence}; code: {e.get("licence_code", "")} '
            f'({page("book/reproduce", "what is under which licence", "#sec-licences")}). '
            f'{corrections[0].upper() + corrections[1:]}; corrections made are listed on the '
            f'{page("book/changes", "What changed")} page. '
            f'To cite a figure, use the line under it in the {page("book/figures", "figure finder")}.</p>')


def _edition_substitutions(app, config):
    """Values from `csebook_edition` (in _config.yml) that the pages quote: {{ repository }},
    {{ edition }}."""
    edition = config.csebook_edition or {}
    subs = dict(getattr(config, "myst_substitutions", {}) or {})
    subs["repository"] = repository_text(edition)
    subs["repository_here"] = repository_text(edition, here=True)
    subs["corrections_where"] = corrections_text(edition)
    if edition.get("version") and edition.get("date") and edition.get("editors"):
        from .edition import book_citation, book_title

        subs["citation"] = book_citation(edition, book_title(Path(app.confdir)))
    subs["edition"] = f"{edition.get('version', '')} ({edition.get('date', '')})"
    if edition.get("licence_text_data"):
        from .edition import SPDX, licence_statement

        subs["licence_statement"] = licence_statement(edition)
        subs["licence_id"] = SPDX[edition["licence_text_data"]]
    subs.update(coverage_substitutions(Path(app.srcdir) / "data"))
    config.myst_substitutions = subs


def _edition_footer(app, pagename, templatename, context, doctree):
    """The edition line in every page's footer, its links made from that page."""
    if "pathto" in context:
        context["theme_extra_footer"] = ((context.get("theme_extra_footer") or "")
                                         + edition_footer(app.config.csebook_edition or {}, context["pathto"]))


def setup(app):
    app.add_config_value("csebook_edition", {}, "html")
    app.connect("config-inited", _edition_substitutions)
    app.connect("html-page-context", _edition_footer)
    app.connect("config-inited", _use_executed_notebooks)
    app.add_directive("csv-glossary", _glossary_directive())
    app.add_role_to_domain("glue", "text", _linked_glue_role()(), override=True)
    app.connect("doctree-resolved", _link_numbers)
    app.connect("doctree-resolved", _label_table_cells)
    app.connect("build-finished", _write_downloads)
    app.connect("build-finished", _refresh_static_files)
    app.connect("build-finished", _search_finds_numbers)
    app.connect("build-finished", _write_fonts)
    app.connect("builder-inited", _share_html_handlers_with_singlehtml)
    app.connect("html-page-context", _drop_unwanted_assets, priority=900)
    app.connect("html-page-context", _fix_hidden_code_label, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
