"""The edition on the pages: the values they quote from `csebook_edition` (in _config.yml) and the
line in every page's footer."""
from __future__ import annotations

from pathlib import Path


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
    from ..fmt import day

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
    from ..edition import edition_words

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
        from ..edition import book_citation, book_title

        subs["citation"] = book_citation(edition, book_title(Path(app.confdir)))
    subs["edition"] = f"{edition.get('version', '')} ({edition.get('date', '')})"
    if edition.get("licence_text_data"):
        from ..edition import SPDX, licence_statement

        subs["licence_statement"] = licence_statement(edition)
        subs["licence_id"] = SPDX[edition["licence_text_data"]]
    subs.update(coverage_substitutions(Path(app.srcdir) / "data"))
    config.myst_substitutions = subs


def _edition_footer(app, pagename, templatename, context, doctree):
    """The edition line in every page's footer, its links made from that page."""
    if "pathto" in context:
        context["theme_extra_footer"] = ((context.get("theme_extra_footer") or "")
                                         + edition_footer(app.config.csebook_edition or {}, context["pathto"]))
