"""Paste computed values into prose with myst-nb's glue, always as plain strings.

Gluing strings (not numpy scalars) keeps the text exactly as formatted here and avoids
numpy 2 reprs breaking glue formats. The functions return None, so a glue call on the last
line of a cell adds no stray output.

Each glued number carries, in the record's metadata, the figure rows and census tables it was
computed from, so the site can link it to them (csebook.site) and the snapshot shows them.
By default these are the rows looked up since the previous glued number (data.TRAIL); a number
glued right after another in the same cell, with no lookup between, shares its rows. Pass `rows`
to name them, or rows=() for a value that rests on no figure row (a date, an illustration's
setting). Census tables are credited from the lookups: with rows named, every census table read so
far in the same cell is credited too (a comparator is computed in the cell that divides by it).
"""
from __future__ import annotations

import ast
import re

from . import fmt
from .data import STATUS_LABELS, TRAIL, Figure, status_label

META = "csebook"
GLUED: list[tuple[str, str, dict]] = []   # (key, text, rows it rests on) for the page's list
_last: dict = {"cell": None, "rows": ([], []), "cell_census": []}


def _cell():
    """Which cell is running: the id of the kernel's current execute request (one per cell, also
    when a runner such as nbval executes without counting history), else the execution count."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:
        return None
    if shell is None:
        return None
    header = getattr(shell, "parent_header", None) or {}
    msg_id = header.get("header", {}).get("msg_id") if isinstance(header, dict) else None
    return msg_id or shell.execution_count


def take_trail() -> tuple[list[str], list[str]]:
    """The figure rows and census tables looked up since the last call, each once, in order; if
    none, those of the previous glued number when it was glued in the same cell."""
    figures = list(dict.fromkeys(i for kind, i in TRAIL if kind == "figure"))
    census = list(dict.fromkeys(i for kind, i in TRAIL if kind == "census"))
    TRAIL.clear()
    cell = _cell()
    if _last["cell"] != cell:
        _last["cell_census"] = []
    _last["cell_census"] = list(dict.fromkeys(_last["cell_census"] + census))
    if not figures and not census and _last["cell"] == cell:
        figures, census = _last["rows"]
    _last.update(cell=cell, rows=(figures, census))
    return figures, census


def cell_census() -> list[str]:
    """The census tables looked up so far in the current cell."""
    return list(_last["cell_census"])


def _the_one_printed(text: str, figures: list[str], census: list[str]) -> tuple[list[str], list[str]]:
    """If the text is one of the looked-up rows as its source printed it, that row alone."""
    from . import links
    from .data import current_package

    package = current_package()
    if package is None:
        return figures, census
    found = [i for i in figures if links.shows(package.figure_quietly(i), text)]
    return (found, []) if len(found) == 1 else (figures, census)


_YEARS = re.compile(r"\b(?:19|20)\d\d(?:[-/]\d\d)?\b")


_NUMBER_WORDS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                           r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
                           r"dozen|half|third|thirds|quarter|quarters)\b", re.I)


def states_a_number(text: str) -> bool:
    """Whether the text states a number (in figures or words) other than a year or a date."""
    rest = _YEARS.sub("", text)
    return bool(re.search(r"\d", rest) or _NUMBER_WORDS.search(rest))

# myst-nb's glue record format (myst_nb.ext.glue). Written here rather than imported: importing
# myst_nb.ext.glue pulls in docutils and takes about two seconds in every notebook's kernel.
# tests/test_stats_fmt.py checks that the record is the one myst-nb writes.
GLUE_PREFIX = "application/papermill.record/"


def glue_bundle(key: str, text: str, rests_on: dict | None = None) -> tuple[dict, dict]:
    """The display data and metadata of a glue record for `text`, hidden from the output;
    `rests_on` ({"rows": [...], "census": [...]}) goes in the metadata under META."""
    from IPython.core.formatters import format_display_data

    mimebundle, metadata = format_display_data(text)
    metadata["scrapbook"] = dict(name=key, mime_prefix=GLUE_PREFIX)
    if rests_on:
        metadata[META] = rests_on
    return {GLUE_PREFIX + k: v for k, v in mimebundle.items()}, metadata


def glue_text(key: str, text: str, rows: list[str] | tuple | None = None, census: list[str] | None = None) -> None:
    """Glue a string. If it states a number, it is credited with the rows it rests on (see the
    module's docstring); words, dates and years are not. `census` names the census tables a number
    is read from when no figure row is involved (a comparator share: rows=(), census=[...])."""
    from IPython.display import display

    if not isinstance(text, str):
        raise TypeError(f"glue '{key}': pass a formatted string, not {type(text).__name__}")
    named_census = census
    figures, census = take_trail()
    if rows is not None:
        # rows named by the author; a census comparator computed in the same cell still counts
        figures, census = list(rows), (cell_census() if rows else [])
        if len(figures) == 1 and census:
            from . import links
            from .data import current_package

            package = current_package()
            if package is not None and links.shows(package.figure_quietly(figures[0]), text):
                census = []        # the row as printed: no comparator in it
    elif len(figures) > 1:
        figures, census = _the_one_printed(text, figures, census)
    if named_census is not None:
        census = list(named_census)
    rests_on = {"rows": figures, "census": census} if states_a_number(text) and (figures or census) else None
    if rests_on:
        GLUED.append((key, text, rests_on))
    data, metadata = glue_bundle(key, text, rests_on)
    display(data, raw=True, metadata=metadata)


def glue_count(key: str, n: float, rows: list[str] | tuple | None = None) -> None:
    glue_text(key, fmt.count(n), rows)


def glue_percent(key: str, fraction: float, digits: int = 1, rows: list[str] | tuple | None = None,
                 census: list[str] | None = None) -> None:
    glue_text(key, fmt.percent(fraction, digits), rows, census)


def glue_figure_text(key: str, figure: Figure) -> None:
    """A figure exactly as its source prints it (for quoting a source's own number)."""
    glue_text(key, figure.value_as_printed, rows=[figure.figure_id])


def glue_status(key: str, figure: Figure) -> None:
    """The check status of a figure, in words, for the sentence that cites it (a figure read in a
    third-party copy of an official record says so, naming the site)."""
    from .data import current_package

    package = current_package()
    glue_text(key, status_label(figure, package) if package is not None else STATUS_LABELS[figure.status],
              rows=())


def page_sources(package) -> None:
    """The page's closing table of sources, and the dates its figures were last checked, glued as
    `page_checked` for the line near the top of the page that says them."""
    from IPython.display import HTML, display
    from IPython.display import display as show

    from .tables import checked_text, page_sources_html

    data, metadata = glue_bundle("page_checked", checked_text(package))     # a date: never linked
    show(data, raw=True, metadata=metadata)
    display(HTML(sources_fold(package, GLUED, numbers_html(package, GLUED) + page_sources_html(package))))


def _plural(n: int, one: str, many: str) -> str:
    return f"{fmt.count(n)} {one if n == 1 else many}"


def sources_fold(package, glued, body: str) -> str:
    """The page's list of sources behind one disclosure, folded on screen (on a phone the list is
    longer than the chapter): its summary says what it holds. The numbers in the text still link
    into it, and following one opens it (_static/csebook-widgets.js); it prints open (csebook.css)."""
    from . import population as pop

    counts = [(len(_computed_entries(package, glued)), "number computed on this page", "numbers computed on this page"),
              (len(package.used()), "figure row", "figure rows"),
              (len(pop.used(package)), "census table", "census tables")]
    parts = [_plural(*c) for c in counts if c[0]]
    held = " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts) or "its sources"
    return (f'<details class="csb-sources"><summary>Where each number comes from: {held}</summary>'
            + body + "</details>")


def numbers_html(package, glued) -> str:
    """'Where this page's numbers come from': each number computed from several figure rows or a
    census table, with every row it rests on (a number that is one row links to it directly)."""
    from . import links

    entries = _computed_entries(package, glued)
    if not entries:
        return ""
    return ('<div class="numbers-here"><p class="numbers-intro">Each number on this page that was computed '
            "from more than one figure row or from a census table, and the rows it rests on (the code "
            "above each number shows the arithmetic; a number that is a single row links straight to it "
            "in the figure finder). The mark beside a number is that of its least checked row.</p>"
            + links.legend_html() + '<ul class="numbers-list">' + "".join(entries) + "</ul></div>")


def _computed_entries(package, glued) -> list[str]:
    """One list item for each glued number that is not a single figure row as printed."""
    import html

    from . import links

    entries = []
    for key, text, rests_on in glued:
        in_finder, anchor, status = links.target(key, text, rests_on, package)
        if in_finder:
            continue
        items = [links.row_line_html(package, r) for r in rests_on["rows"]]
        items += [links.census_line_html(package, c) for c in rests_on["census"]]
        entries.append(f'<li id="{anchor}"><span class="num-here"{links.restated("glue " + key)}>{html.escape(text)}</span>'
                       f"{links.mark_html(status)}: computed from<ul>"
                       + "".join(f"<li>{i}</li>" for i in items) + "</ul></li>")
    return entries


# -- reading glue back from an executed notebook (the snapshot, the copies, the finder) ---------
GLUE_ROLE = re.compile(r"\{glue(?::\w+)?\}`([^`]*)`")
XREF_ROLE = re.compile(r"\{(?:numref|ref|doc|term)\}`([^`<]*?)(?:\s*<[^>]*>)?`")


def glue_outputs(nb):
    """(name, output) for every glue record in a notebook's outputs, in order."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                yield name, out


def glue_values(nb) -> dict[str, str]:
    """key -> the glued string, from the glue records in a notebook's outputs."""
    return {name: ast.literal_eval(out["data"][GLUE_PREFIX + "text/plain"]) for name, out in glue_outputs(nb)}


def glue_rests_on(nb) -> dict[str, dict]:
    """key -> the figure rows and census tables a glued number was credited with (csebook.glue)."""
    return {name: out["metadata"][META] for name, out in glue_outputs(nb) if out["metadata"].get(META)}


def paste(text: str, glued: dict[str, str]) -> str:
    """Replace glue roles by their values and cross-reference roles by their text."""
    def value(m):
        key = m.group(1).split(":")[0]
        if key not in glued:
            raise KeyError(f"glue key '{key}' is used but never glued")
        return glued[key]

    return XREF_ROLE.sub(lambda m: m.group(1).strip(), GLUE_ROLE.sub(value, text))
