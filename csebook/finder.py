"""The figure finder (book/figures): every figure row, grouped by the statistic it reports, so that
the versions of one statistic from different sources sit together and their disagreements show.

Each row has a stable address (figures.html#<figure id>), a line to cite it, and a search text in
which numbers are written the ways readers type them. normalize() is the one rule for both sides:
the page's script (_static/csebook-finder.js) applies the same steps to what the reader types, and
the tests check the two agree on the forms readers use ("717", "0.6%", "two-thirds", "1,400").
"""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

from . import fmt, links
from .data import STATUS_LABELS, THIRD_PARTY_COPY, Package, copy_site
from .glue import glue_rests_on, glue_values, paste

COMPUTED = "computed"   # the statistic filter's value for the numbers the chapters computed

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


def search_extras(row) -> str:
    """What a reader may search a row by that the row does not show in words: the other ways of
    writing its number, its statistic's name, and its status label. The page keeps only these in
    the row's data-search; the rest of what is searched is the row's own text (`haystack`)."""
    parts = number_forms(float(row.value), row.value_as_printed, row.unit) + [
        row.statistic.replace("_", " "), row.unit, str(row.period), row.geography, STATUS_LABELS[row.status]]
    return normalize(" ".join(str(p) for p in parts))


def haystack(extras: str, texts) -> str:
    """What the finder searches for one row: its data-search text and the text of the row itself
    (its text nodes joined by spaces); the page's script builds the same."""
    return normalize(extras + " " + " ".join(texts))


def search_text(package: Package, row, pages: list[str], titles: dict[str, str]) -> str:
    """Everything a row is found by: its extras and the words it shows (source, quote, chapters)."""
    s = package.source(row.source_id)
    return haystack(search_extras(row),
                    [s.publisher, s.title, row.quote, copy_site(s)] + [titles[p] for p in pages])


def status_words(row, site: str = "") -> str:
    """The check status as it speaks to the reader, with the date it was last checked; a row read in
    a third-party copy of an official record (`site`, its source's copy_site) says so."""
    day = fmt.day(row.checked_on)
    if site and row.status == "read-official-copy":
        return f"{THIRD_PARTY_COPY}, at {site}, on {day}; not checked against the publisher's own page"
    if site:
        return (f"not yet checked against the primary text, as of {day}; {THIRD_PARTY_COPY} at {site}, "
                "not accepted as an official copy")
    if row.status == "secondary":
        return f"not yet checked against the primary text, as of {day}; seen only in secondary reporting"
    if row.status == "read-official-copy":
        return f"checked against an official copy of the source on {day}"
    return f"checked against the primary document on {day}"


def restated_start(text: str, number: str, origin: str) -> str:
    """A line that opens with a number shown again (a cite line), as HTML with the number marked."""
    if not text.startswith(number):
        raise ValueError(f"{origin}: the line {text!r} does not open with its number {number!r}")
    return f"<span{links.restated(origin)}>{html.escape(number)}</span>{html.escape(text[len(number):])}"


def cite_line(package: Package, row, edition: str, address) -> str:
    """How to cite one row; `address(figure_id)` gives the row's address in this edition."""
    s = package.source(row.source_id)
    return (f"{row.value_as_printed} ({row.unit}, {row.period}, {row.geography}): {links.source_text(s)}, "
            f"{row.location}. As checked in {edition}: {address(row.figure_id)}")


ACRONYMS = {"soa", "mvmo", "sde", "la", "pfa","csae", "cse", "csa", "gbo", "ons", "vkpp", "hmicfrs", "iicsa", "gmp", "syp", "nca", "npcc",
            "moj", "cps", "ew", "occ", "ceop", "ho", "uk", "nspcc", "mvmo", "pnc", "erg", "mit", "ldrs"}


# Names spelled with a capital in running text.
PROPER = {"asian": "Asian", "white": "White", "black": "Black", "pakistani": "Pakistani", "chinese": "Chinese",
          "manchester": "Manchester", "truth": "Truth", "project": "Project", "quilliam": "Quilliam",
          "casey": "Casey", "england": "England", "wales": "Wales"}


def statistic_words(statistic: str) -> str:
    """A statistic's name in words, for a heading: 'cse_share_of_csae' -> 'CSE share of CSAE'."""
    words = [w.upper() if w in ACRONYMS else PROPER.get(w, w) for w in statistic.split("_")]
    text = re.sub(r"\b(\d+) (\d+)\b", r"\1 to \2", " ".join(words))
    text = re.sub(r"\bunder(\d+)\b", r"under \1", text)
    text = re.sub(r"\btype(\d+)\b", r"type \1", text)
    text = re.sub(r"\bgroup based\b", "group-based", text)
    text = re.sub(r"\bnon familial non institutional\b", "non-familial non-institutional", text)
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
                edition: str, address, computed: list[Derived] = (), corrections: str = "") -> str:
    """The finder: a search box and three filters (working with the page's own script; without it
    every row is simply listed), one block per statistic holding all its rows, then one block per
    chapter holding the numbers it computed. The script also gives each entry a button that writes
    a correction report from the entry's line to cite, to the `corrections` address (_config.yml;
    '' until the editors publish one): the page carries the address once, not a report per row."""
    used_pages = [p for p in titles if any(p in v for v in pages_of.values()) or any(d.page == p for d in computed)]
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
        f'every statistic</option><option value="{COMPUTED}">numbers the chapters computed ({len(computed)})'
        f"</option>{stats}</select>"
        '<label for="finder-status">Check status</label><select id="finder-status"><option value="">'
        f"any status</option>{statuses}</select>"
        '<p id="finder-count" role="status" aria-live="polite"></p></form>')
    blocks = []
    for (statistic, period, place), rows in versions(package):
        items = []
        for row in rows:
            s = package.source(row.source_id)
            site = copy_site(s)
            pages = pages_of.get(row.figure_id, [])
            where = ", ".join(f'<a href="{p}.html">{html.escape(titles[p])}</a>' for p in pages) or "no chapter"
            quote = f"<dt>Its words</dt><dd>\u201c{html.escape(row.quote)}\u201d</dd>" if row.quote else ""
            note = f"<dt>Note</dt><dd>{html.escape(row.check_note)}</dd>" if row.check_note else ""
            numbers = " | ".join(dict.fromkeys(normalize(f) for f in number_forms(
                float(row.value), row.value_as_printed, row.unit)))
            items.append(
                f'<li class="finder-row" id="{html.escape(row.figure_id)}" data-status="{row.status}" '
                f'data-numbers="| {html.escape(numbers)} |" '
                f'data-pages="{" ".join(pages)}" data-search="{html.escape(search_extras(row))}">'
                f'<p class="finder-value"><span class="finder-number">{html.escape(row.value_as_printed)}</span>'
                f"{links.mark_html(row.status)} {html.escape(row.unit)}, {html.escape(str(row.period))}, "
                f"{html.escape(row.geography)}</p><dl>"
                f"<dt>Source</dt><dd>{links.source_html(s)}</dd>"
                f"<dt>Where in it</dt><dd>{html.escape(row.location)}</dd>{quote}"
                f"<dt>Check</dt><dd>{html.escape(status_words(row, site))}</dd>{note}"
                f"<dt>Used in</dt><dd>{where}</dd>"
                f'<dt>Cite this figure</dt><dd class="finder-cite">'
                f'{restated_start(cite_line(package, row, edition, address), row.value_as_printed, "row " + row.figure_id)}</dd>'
                f"</dl></li>")
        label = html.escape(f"{statistic_words(statistic)}: {period}, {place}")
        n = f" ({len(rows)} versions from different sources)" if len(rows) > 1 else ""
        blocks.append(f'<section class="finder-group" data-statistic="{html.escape(statistic)}"><h3 class="finder-statistic">{label}{n}</h3>'
                      f'<ul class="finder-rows">{"".join(items)}</ul></section>')
    by_page: dict[str, list[Derived]] = {}
    for d in computed:
        by_page.setdefault(d.page, []).append(d)
    blocks += [derived_group_html(package, page, items, titles[page], edition, address)
               for page, items in by_page.items()]
    # The page's script (_static/csebook-finder.js) is not named here: Jupyter Book loads every script
    # in _static/ on every page, and naming it again made this page load and run it twice.
    return ('<div class="finder" data-key="finder">' + links.legend_html() + controls
            + f'<div class="finder-list" data-corrections="{html.escape(corrections)}">{"".join(blocks)}</div></div>')


# -- numbers the chapters computed ------------------------------------------------------------------
@dataclass(frozen=True)
class Derived:
    """A number a chapter computed (rather than one figure row as printed), with what it rests on."""

    page: str
    key: str
    text: str
    rows: tuple[str, ...]
    census: tuple[str, ...]
    status: str                # the weakest status of what it rests on
    sentence: str              # the sentence or caption it stands in, numbers pasted, as HTML

    def origin(self, kind: str) -> str:
        """What the finder's entry shows again from the chapter: its number ('glue') or the
        sentence it stands in ('sentence'), as links.restated names it."""
        return f"{kind} {self.page}.{self.key}"

    @property
    def anchor(self) -> str:
        """Its address in the finder (its entry on its own page is links.number_anchor(key))."""
        return f"c-{self.page.replace('_', '-')}-{self.key.replace('_', '-')}"


HOLE = "\u0000"      # where the number stands while a sentence is made plain


def _glue_role(key: str) -> re.Pattern:
    """The glue role that pastes the number `key` ({glue}`key`, {glue:text}`key:format`)."""
    return re.compile(r"\{glue(?::\w+)?\}`" + re.escape(key) + r"(?::[^`]*)?`")


@functools.lru_cache(maxsize=None)
def section_titles(root=None) -> dict[str, str]:
    """label -> the title of the heading it labels, over the book's chapter sources ('(label)='
    on the line before a heading)."""
    from .pages import REPO_ROOT, chapter_sources

    titles = {}
    for source in chapter_sources(root or REPO_ROOT):
        for m in re.finditer(r"^\(([\w-]+)\)=\s*\n+#+\s+(.+)$", source.read_text(), re.M):
            titles[m.group(1)] = re.sub(r"[*_`]", "", m.group(2)).strip()
    return titles


def _reference_words(role: str, label: str) -> str:
    """A cross-reference with no words of its own, as the words a reader of the sentence away from its
    chapter can use: a section by its title, a figure as 'a figure in that chapter' (its number is
    given only when the site is built)."""
    if role == "numref":
        return "a figure in that chapter"
    title = section_titles().get(label)
    if title:     # a quotation within the title takes single quotation marks inside the double
        return "\u201c" + re.sub(r'"([^"]*)"', "\u2018\\1\u2019", title) + "\u201d"
    return "an exercise in that chapter" if label.startswith("ex-") else "another section"


def _plain(markdown: str, glued: dict[str, str], key: str) -> str:
    """A stretch of chapter Markdown as plain text: glue pasted, except the number `key` stands
    for, left as HOLE; cross-references and other roles as their text, links as their words, no
    emphasis."""
    text = _glue_role(key).sub(HOLE, markdown)
    text = re.sub(r"\{(ref|numref)\}`([^`<]*)`", lambda m: _reference_words(m.group(1), m.group(2).strip()), text)
    text = paste(text, glued)
    text = re.sub(r"\{[\w:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", text)   # any other role
    text = re.sub(r"\[\^[^\]]+\]", "", text)                              # footnote marks
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)                  # links
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return re.sub(r"\s+", " ", text).strip()


SENTENCE_END = re.compile(r"(?<=[.!?])[\u201d\")]?\s+(?=[A-Z\u201c\"(])")


def _stretches(nb):
    """The chapter's text in pieces a number can stand in: each paragraph of prose (directive
    fences and options left out) and each figure's caption."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for para in re.split(r"\n\s*\n", cell.source):
                lines = [ln for ln in para.splitlines()
                         if not re.match(r"\s*(?::::|```|:\w[\w-]*:|\(.*\)=\s*$)", ln)]
                yield " ".join(re.sub(r"^\s*(?:[-*+]|\d+\.|>|#+)\s+", "", ln) for ln in lines)
        elif cell.cell_type == "code":
            caption = cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption")
            if caption:
                yield caption


def sentence_of(nb, key: str, glued: dict[str, str], longest: int = 420) -> str | None:
    """The first sentence (or caption) of the chapter in which the glued number `key` appears, as
    HTML with the number marked; None when the text never shows it."""
    role = _glue_role(key)
    for stretch in _stretches(nb):
        if not role.search(stretch):
            continue
        sentence = _plain(next(s for s in SENTENCE_END.split(stretch) if role.search(s)), glued, key)
        if len(sentence) > longest:            # a long list item or table row: the words around it
            at = sentence.index(HOLE)
            start = max(0, at - longest // 2)
            start = sentence.index(" ", start) + 1 if start else 0
            end = sentence.rfind(" ", 0, start + longest)
            end = len(sentence) if end <= at or start + longest >= len(sentence) else end
            sentence = ("\u2026 " if start else "") + sentence[start:end] + (" \u2026" if end < len(sentence) else "")
        return html.escape(sentence).replace(HOLE, f"<mark>{html.escape(glued[key])}</mark>")
    return None


def derived(package: Package, root=None) -> list[Derived]:
    """Every number a chapter computed from figure rows or census tables and shows in its text, in
    table-of-contents order (a number that is one row as printed is that row, listed in its own
    right). Read from the executed chapters: the executor runs the finder after them."""
    import nbformat

    from .pages import DATA_PAGES, REPO_ROOT, chapter_sources, executed_path

    out = []
    for source in chapter_sources(root or REPO_ROOT):
        if source.stem in DATA_PAGES:
            continue
        path = executed_path(source)
        if not path.exists():
            raise FileNotFoundError(f"{path} is missing: the finder lists the chapters' computed numbers "
                                    "from the executed chapters (run `make execute` first)")
        nb = nbformat.read(path, as_version=4)
        glued, rests = glue_values(nb), glue_rests_on(nb)
        for key, rests_on in rests.items():
            in_finder, _, status = links.target(key, glued[key], rests_on, package)
            if in_finder:
                continue
            sentence = sentence_of(nb, key, glued)
            if sentence is None:
                continue
            out.append(Derived(source.stem, key, glued[key], tuple(rests_on.get("rows", [])),
                               tuple(rests_on.get("census", [])), status, sentence))
    return out


def text_forms(text: str) -> list[str]:
    """The ways a reader may type a computed number: as shown, each number in it, and a percentage
    also rounded to a whole one."""
    forms = [text]
    for token in re.findall(r"\d[\d,]*(?:\.\d+)?%?", text):
        forms.append(token)
        if token.endswith("%") and "." in token:
            forms.append(f"{round(float(token[:-1].replace(',', ''))):d}%")
    return list(dict.fromkeys(forms))


def derived_search_extras(package: Package, d: Derived) -> str:
    """What a computed number may be searched by besides the words of its entry: its number written
    other ways, and the statistics of the rows it rests on."""
    parts = text_forms(d.text) + ["computed"] + ["census"] * bool(d.census)
    parts += [package.figure_quietly(r).statistic.replace("_", " ") for r in d.rows]
    return normalize(" ".join(dict.fromkeys(parts)))


def derived_search_text(package: Package, d: Derived, title: str) -> str:
    """Everything a computed number is found by: its extras, its sentence, its chapter."""
    return haystack(derived_search_extras(package, d), [re.sub(r"<[^>]+>", "", html.unescape(d.sentence)), title])


def derived_cite_line(d: Derived, title: str, edition: str, address) -> str:
    rested = f"{len(d.rows)} figure row{'s' if len(d.rows) != 1 else ''}" if d.rows else ""
    census = f"{len(d.census)} census table{'s' if len(d.census) != 1 else ''}" if d.census else ""
    what = " and ".join(p for p in (rested, census) if p)
    return (f"{d.text}: computed by the editors from {what}, in {edition}, chapter \u201c{title}\u201d: "
            f"{address(d.anchor)}")


def derived_group_html(package: Package, page: str, items: list[Derived], title: str, edition: str,
                       address) -> str:
    entries = []
    for d in items:
        rows = ([links.row_line_html(package, r, short=True) for r in d.rows]
                + [links.census_line_html(package, c, short=True) for c in d.census])
        numbers = " | ".join(dict.fromkeys(normalize(f) for f in text_forms(d.text)))
        entries.append(
            f'<li class="finder-row finder-computed" id="{d.anchor}" data-status="{d.status}" '
            f'data-numbers="| {html.escape(numbers)} |" data-pages="{page}" '
            f'data-search="{html.escape(derived_search_extras(package, d))}">'
            f'<p class="finder-value"><span class="finder-number"{links.restated(d.origin("glue"))}>{html.escape(d.text)}</span>'
            f'{links.mark_html(d.status)} computed in <a href="{page}.html#{links.number_anchor(d.key)}">'
            f"{html.escape(title)}</a></p><dl>"
            f"<dt>In the chapter</dt><dd{links.restated(d.origin('sentence'))}>{d.sentence}</dd>"
            f"<dt>Computed from</dt><dd><ul>{''.join(f'<li>{r}</li>' for r in rows)}</ul></dd>"
            f"<dt>Check</dt><dd>as its least checked source: {html.escape(links.MARK_WORDS[d.status])}</dd>"
            f'<dt>Cite this figure</dt><dd class="finder-cite">'
            f"{restated_start(derived_cite_line(d, title, edition, address), d.text, d.origin('glue'))}</dd></dl></li>")
    label = html.escape(f"Numbers computed in \u201c{title}\u201d")
    return (f'<section class="finder-group" data-statistic="{COMPUTED}"><h3 class="finder-statistic">'
            f'{label}</h3><ul class="finder-rows">{"".join(entries)}</ul></section>')
