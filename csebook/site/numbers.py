"""Glued numbers as links to the figure rows they come from."""
from __future__ import annotations

from .package import build_package


def _linked_glue_role():
    """`{glue:text}` as myst-nb pastes it, but a number the executor credited with figure rows
    (csebook.glue) becomes a link to where it comes from, with the mark of its check status:
    straight to its row in the figure finder, or to the page's own list of the rows it was
    computed from. Words, dates and numbers that rest on no row are pasted as before."""
    from docutils import nodes
    from myst_nb.ext.glue.roles import PasteTextRole
    from myst_nb.ext.glue.utils import RetrievalError, retrieve_glue_data

    from .. import links
    from ..glue import META

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

    from .. import links

    node = nodes.raw("", links.number_html(text, "#" + anchor, status), format="html")
    node["csebook_number"] = "|".join((text, anchor, status, "finder" if in_finder else "page"))
    return node


def _link_numbers(app, doctree, docname):
    """Link each number for the builder writing the page: a single figure row is in the finder
    page (another page on the site; this page in the single-page build); a computed number's list
    of rows is on its own page."""
    from docutils import nodes
    from sphinx.util.osutil import relative_uri

    from .. import links

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
