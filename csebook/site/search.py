"""The site's search finds numbers."""
from __future__ import annotations

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
                           "in csebook/site/search.py")
    if mended != text:
        path.write_text(mended)
