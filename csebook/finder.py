"""The figure finder (book/figures): every figure row, grouped by the statistic it reports, so that
the versions of one statistic from different sources sit together and their disagreements show.

Each row has a stable address (figures.html#<figure id>), a line to cite it, and a search text in
which numbers are written the ways readers type them. normalize() is the one rule for both sides:
the page's script (_static/csebook-finder.js) applies the same steps to what the reader types, and
the tests check the two agree on the forms readers use ("717", "0.6%", "two-thirds", "1,400").
"""
from __future__ import annotations

import html
import re

from . import fmt, links
from .data import STATUS_LABELS, Package

# Shares printed as words, and the percentages they stand for (to within one point).
FRACTION_WORDS = {"a quarter": 25.0, "a third": 100 / 3, "one third": 100 / 3, "half": 50.0,
                  "two thirds": 200 / 3, "three quarters": 75.0}


def normalize(text: str) -> str:
    """Lower case; thousands separators dropped (1,400 -> 1400); 'per cent'/'percent' -> '%' with
    no space before it; hyphens and dashes as spaces; runs of spaces as one."""
    text = str(text).lower()
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)     # twice: 1,234,567
    text = re.sub(r"\s*(?:per\s?cent|percent)\b", "%", text)
    text = re.sub(r"\s+%", "%", text)
    text = re.sub(r"[-\u2010-\u2015]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def number_forms(value: float, printed: str, unit: str) -> list[str]:
    """The ways a reader may type this figure's number, besides how its source printed it."""
    forms = [printed]
    if value == int(value):
        forms.append(fmt.count(value))
    else:
        forms.append(f"{value:g}")
    if "percent" in unit or "%" in printed or "per cent" in printed:
        forms += [f"{value:g}%", f"{round(value):d}%"]
        forms += [w for w, v in FRACTION_WORDS.items() if abs(v - value) <= 1]
    return forms


def search_text(package: Package, row, pages: list[str], titles: dict[str, str]) -> str:
    s = package.source(row.source_id)
    parts = number_forms(float(row.value), row.value_as_printed, row.unit) + [
        row.statistic.replace("_", " "), row.unit, str(row.period), row.geography, s.publisher, s.title,
        row.quote, STATUS_LABELS[row.status]] + [titles[p] for p in pages]
    return normalize(" ".join(str(p) for p in parts))


def status_words(row) -> str:
    """The check status as it speaks to the reader, with the date it was last checked."""
    day = fmt.day(row.checked_on)
    if row.status == "secondary":
        return f"not yet checked against the primary text, as of {day}; seen only in secondary reporting"
    if row.status == "read-official-copy":
        return f"checked against an official copy of the source on {day}"
    return f"checked against the primary document on {day}"


def cite_line(package: Package, row, edition: str, address) -> str:
    """How to cite one row; `address(figure_id)` gives the row's address in this edition."""
    s = package.source(row.source_id)
    return (f"{row.value_as_printed} ({row.unit}, {row.period}, {row.geography}): {s.publisher}, "
            f"{s.title} ({s.date}), {row.location}. As checked in {edition}: {address(row.figure_id)}")


ACRONYMS = {"soa", "mvmo", "sde", "la", "pfa","csae", "cse", "csa", "gbo", "ons", "vkpp", "hmicfrs", "iicsa", "gmp", "syp", "nca", "npcc",
            "moj", "cps", "ew", "occ", "ceop", "ho", "uk", "nspcc", "mvmo", "pnc", "erg", "mit", "ldrs"}


def statistic_words(statistic: str) -> str:
    """A statistic's name in words, for a heading: 'cse_share_of_csae' -> 'CSE share of CSAE'."""
    words = [w.upper() if w in ACRONYMS else w for w in statistic.split("_")]
    text = re.sub(r"\b(\d+) (\d+)\b", r"\1 to \2", " ".join(words))
    text = re.sub(r"\bunder(\d+)\b", r"under \1", text)
    return text[0].upper() + text[1:]


def groups(package: Package) -> list[tuple[str, list]]:
    """(statistic, its rows) in the order of the statistic's first row in figures.csv."""
    out: dict[str, list] = {}
    for row in package.figures.itertuples():
        out.setdefault(row.statistic, []).append(row)
    return list(out.items())


def versions(package: Package) -> list[tuple[tuple[str, str, str], list]]:
    """((statistic, period, place), its rows): the versions of one statistic for one period and
    place, as different sources give it, in the order of first appearance in figures.csv."""
    out: dict[tuple, list] = {}
    for row in package.figures.itertuples():
        out.setdefault((row.statistic, str(row.period), row.geography), []).append(row)
    return list(out.items())


def matches(haystack: str, typed: str) -> bool:
    """The finder's rule (the page's script applies the same): every word typed is in the row's
    search text; a word that is a number must stand whole ('37' does not find '137' or '3.7')."""
    for word in normalize(typed).split():
        if re.fullmatch(r"[\d.]+%?", word):
            if not re.search(rf"(?<![\d.]){re.escape(word)}(?![\d]|\.\d)", haystack):
                return False
        elif word not in haystack:
            return False
    return True


def finder_html(package: Package, pages_of: dict[str, list[str]], titles: dict[str, str],
                edition: str, address) -> str:
    """The finder: a search box and two filters (working with the page's own script; without it
    every row is simply listed), then one block per statistic holding all its rows."""
    used_pages = [p for p in titles if any(p in v for v in pages_of.values())]
    options = "".join(f'<option value="{p}">{html.escape(titles[p])}</option>' for p in used_pages)
    statuses = "".join(f'<option value="{s}">{html.escape(links.MARK_WORDS[s])}</option>'
                       for s in links.ORDER)
    stats = "".join(f'<option value="{html.escape(st)}">{html.escape(statistic_words(st))} ({len(rows)})</option>'
                    for st, rows in sorted(groups(package), key=lambda g: statistic_words(g[0]).lower()))
    controls = (
        '<form class="finder-controls" role="search" onsubmit="return false">'
        '<label for="finder-q">Find a number or words</label>'
        '<input id="finder-q" type="search" autocomplete="off" '
        'placeholder="for example 717, 0.6%, two-thirds, 1,400">'
        '<label for="finder-page">Chapter</label><select id="finder-page"><option value="">all chapters'
        f"</option>{options}</select>"
        '<label for="finder-statistic">Statistic</label><select id="finder-statistic"><option value="">'
        f"every statistic</option>{stats}</select>"
        '<label for="finder-status">Check status</label><select id="finder-status"><option value="">'
        f"any status</option>{statuses}</select>"
        '<p id="finder-count" role="status" aria-live="polite"></p></form>')
    blocks = []
    for (statistic, period, place), rows in versions(package):
        items = []
        for row in rows:
            s = package.source(row.source_id)
            pages = pages_of.get(row.figure_id, [])
            where = ", ".join(f'<a href="{p}.html">{html.escape(titles[p])}</a>' for p in pages) or "no chapter"
            link = f'<a href="{html.escape(s.url)}">{html.escape(s.title)}</a>' if s.url else html.escape(s.title)
            quote = f"<dt>Its words</dt><dd>\u201c{html.escape(row.quote)}\u201d</dd>" if row.quote else ""
            note = f"<dt>Note</dt><dd>{html.escape(row.check_note)}</dd>" if row.check_note else ""
            numbers = " | ".join(dict.fromkeys(normalize(f) for f in number_forms(
                float(row.value), row.value_as_printed, row.unit)))
            items.append(
                f'<li class="finder-row" id="{html.escape(row.figure_id)}" data-status="{row.status}" '
                f'data-numbers="| {html.escape(numbers)} |" '
                f'data-pages="{" ".join(pages)}" data-search="{html.escape(search_text(package, row, pages, titles))}">'
                f'<p class="finder-value"><span class="finder-number">{html.escape(row.value_as_printed)}</span>'
                f"{links.mark_html(row.status)} {html.escape(row.unit)}, {html.escape(str(row.period))}, "
                f"{html.escape(row.geography)}</p><dl>"
                f"<dt>Source</dt><dd>{html.escape(s.publisher)}, {link} ({html.escape(str(s.date))})</dd>"
                f"<dt>Where in it</dt><dd>{html.escape(row.location)}</dd>{quote}"
                f"<dt>Check</dt><dd>{html.escape(status_words(row))}</dd>{note}"
                f"<dt>Used in</dt><dd>{where}</dd>"
                f'<dt>Cite this figure</dt><dd class="finder-cite">{html.escape(cite_line(package, row, edition, address))}</dd>'
                f"</dl></li>")
        label = html.escape(f"{statistic_words(statistic)}: {period}, {place}")
        n = f" ({len(rows)} versions from different sources)" if len(rows) > 1 else ""
        blocks.append(f'<section class="finder-group" data-statistic="{html.escape(statistic)}"><h3 class="finder-statistic">{label}{n}</h3>'
                      f'<ul class="finder-rows">{"".join(items)}</ul></section>')
    return (links.legend_html() + controls + f'<div class="finder-list">{"".join(blocks)}</div>'
            '<script src="../_static/csebook-finder.js"></script>')
