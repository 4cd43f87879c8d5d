"""The Sphinx extension that builds the site (named in _config.yml), one module per job:

  executed       build from the executed notebooks, and stop on a missing or stale one
  edition_text   the edition's values the pages quote, and the footer line every page carries
  package        the data package, loaded once per build
  glossary       the glossary page from data/glossary.csv
  numbers        glued numbers as links to the figure rows they come from
  table_labels   each table cell labelled with its column, for the phone layout
  downloads      the chapters' notebooks, the kit and the data package a reader downloads
  static_files   the chart font, and static files kept current in the site
  search         the site's search finds numbers
  upstream       mends to faults of the upstream theme, toggles and builders

`setup` registers every hook, in the order Sphinx runs those that share an event."""
from __future__ import annotations

from .downloads import _write_downloads
from .edition_text import _edition_footer, _edition_substitutions
from .executed import _use_executed_notebooks
from .glossary import _glossary_directive
from .numbers import _link_numbers, _linked_glue_role
from .search import _search_finds_numbers
from .static_files import _refresh_static_files, _write_fonts
from .table_labels import _label_table_cells
from .upstream import _drop_unwanted_assets, _fix_hidden_code_label, _share_html_handlers_with_singlehtml


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
