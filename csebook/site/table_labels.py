"""Table cells labelled with their column, for the phone layout."""
from __future__ import annotations


def _label_table_cells(app, doctree, docname):
    """Every table a page's outputs hold gets each body cell labelled with its column's header
    (csebook.tables.label_cells), so that on a phone, where csebook.css stacks each row as a card,
    every value, unit and check status shows its column's name beside it. Done as the page is
    written, so it reaches every table, whoever wrote it (a chapter's own pandas table too)."""
    from docutils import nodes

    from ..tables import label_cells

    for node in doctree.findall(nodes.raw):
        if node.get("format") == "html" and "<table" in node.astext():
            labelled = label_cells(node.astext())
            if labelled != node.astext():
                node.replace(node[0], nodes.Text(labelled))
