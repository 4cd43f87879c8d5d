"""The glossary page, built from data/glossary.csv."""
from __future__ import annotations

from .package import build_package


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
