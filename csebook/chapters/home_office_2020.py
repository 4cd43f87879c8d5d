"""The numbers and views of the chapter on the Home Office paper (December 2020) and the studies
it weighed: how the counting unit and the unknowns change a share."""
from __future__ import annotations

import html

from .. import fmt, studies
from ..charts import Chart, Count, StackedBar, bounds_chart, count_bars, stacked_shares
from ..data import Package

# the studies the paper weighed live in csebook/studies.py (the toolkit pages use them too); the page
# calls chapter.compositions, chapter.study_comparisons and chapter.selection_text, re-exported here
from ..studies import PALE_GREY, RECORDED, Composition, StudyComparison, compositions, study
from ..studies import selection_text as selection_text
from ..studies import study_comparisons as study_comparisons
from ..style import BLUE, ORANGE, SKY, UNKNOWN
from ..widgets import Control, StaticWidget, View


def composition_chart(rows: list[Composition], *, title: str, known_only: bool = False) -> Chart:
    """One 100% bar per study and unit, every part drawn; unknown and undescribed parts in grey.
    With known_only, the parts whose ethnicity is not known (unknown, or not described) are removed
    and the rest rescaled, as a share 'of those with ethnicity recorded' would be; the chart says so."""
    bars, legend = [], {}
    for r in rows:
        kept = [p for p in r.parts if not (known_only and p.kind != RECORDED)]
        scale = sum(p.share for p in kept)
        bars.append(StackedBar(r.label, r.label, tuple((p.name, p.share / scale, p.colour) for p in kept)))
        for p in kept:
            legend.setdefault(p.name, p.colour)
    basis = "of those whose ethnicity is known only" if known_only else "of everyone counted, unknown included"
    return stacked_shares(bars, title=title, alt_intro=f"{title}. Stacked bars, shares {basis}",
                          legend=list(legend.items()))


def study_control(package: Package) -> Control:
    """The control both widgets share: which study, counted in which unit."""
    return Control("study", "Study and what it counts", tuple((c.key, c.label) for c in compositions(package)),
                   kind="select")


def units_view(package: Package, study: str, basis: str) -> View:
    r = studies.study(package, study)
    known_only = basis == "known"
    chart = composition_chart([r], title=f"{r.label}: share by ethnicity", known_only=known_only)
    if known_only:
        low, high = r.asian_of_known()
        share = fmt.percent(low, 0) if abs(high - low) < 5e-3 else (
            f"{fmt.percent(high, 0)} to {fmt.percent(low, 0)} (the part not described counted as another "
            "group, or as unknown)")
        denominator = f"those of the {r.base_text} whose ethnicity is known"
    else:
        share, denominator = fmt.percent(r.share("Asian"), 0), f"all {r.base_text}"
    summary = f"{r.label}: recorded as Asian {share} of {denominator}. Figures {r.status}. {r.note}"
    return View(chart, summary)


def units_widget(package: Package) -> StaticWidget:
    controls = [
        study_control(package),
        Control("basis", "Share of", (("all", "everyone counted (unknown included)"),
                                      ("known", "only those in the groups shown"))),
    ]
    return StaticWidget.bound(units_view, package, controls,
                              title="One question, four studies, four counting units",
                              default={"study": "ceop2011_suspects", "basis": "all"})


UNKNOWNS = (("any", "any mix (bounds)"), ("like", "like the known"), ("all", "all in the group"),
            ("none", "none in the group"))


def assumption_view(package: Package, study: str, assumption: str) -> View:
    r = studies.study(package, study)
    low, high = r.asian_range()
    like_low, like_high = r.asian_of_known()
    not_known = r.unrecorded + r.undescribed
    label = dict(UNKNOWNS)[assumption]
    # the point shown when the unknowns are like the known: the undescribed counted as unknown
    like = r.share("Asian") + not_known * like_low
    chart = bounds_chart(title=f"{r.label}: the Asian share if the unknowns are {label}",
                         recorded_share=1 - not_known, group_share_of_recorded=like_low, base_text=r.base_text)
    point = {"like": like, "all": high, "none": low}.get(assumption)
    if point is None:
        result = f"anywhere from {fmt.percent(low, 0)} to {fmt.percent(high, 0)}"
    else:
        result = f"{fmt.percent(point, 0)} (within the bounds {fmt.percent(low, 0)} to {fmt.percent(high, 0)})"
    summary = (f"{r.label}: with {fmt.percent(not_known, 0)} of unknown ethnicity"
               + (" or not described" if r.undescribed else "")
               + f" and the unknowns {label}, the share recorded as Asian would be {result}. "
               "The dot on the chart marks 'like the known'.")
    return View(chart, summary)


def assumption_widget(package: Package) -> StaticWidget:
    controls = [
        study_control(package),
        Control("assumption", "Suppose the unknowns are", UNKNOWNS),
    ]
    return StaticWidget.bound(assumption_view, package, controls,
                              title="What the unknowns could do to a share",
                              default={"study": "ceop2011_groups", "assumption": "any"})


# One table and one chart for each study the paper weighed, each in the study's own unit.

STUDY_NAMES = {
    "ceop2011": "CEOP, Out of Mind, Out of Sight (2011)",
    "occ2012": "Children's Commissioner's inquiry, interim report (2012)",
    "ceop2013": "CEOP threat assessment (2013), type 1 group cases",
    "quilliam2017": "Quilliam (2017)",
}


STUDIES_LIST = "home_office_2020_studies"   # each study's figures as printed, with their labels (data/figure_lists.csv)


def study_figures(package: Package, key: str) -> list[tuple[str, str]]:
    """A study's figures as its table lists them, (label, figure id), in the list's order: the study
    is the row's member (named in STUDY_NAMES), the label the row's words."""
    studies = package.list_members(STUDIES_LIST, STUDY_NAMES, "csebook/chapters/home_office_2020.py")
    if key not in studies:
        raise KeyError(f"no study called {key!r}; choose one of {sorted(studies)}")
    for r in studies[key]:
        if not r.words:
            raise r.error("words", "the label the study's table shows for the figure is missing")
    return [(r.words, r.figure_id) for r in studies[key]]


def study_table(package: Package, key: str) -> str:
    from ..tables import figures_html

    return figures_html(package, study_figures(package, key), caption=f"{STUDY_NAMES[key]}: the figures as printed")


def occ_not_given(package: Package) -> int:
    """Perpetrators in the Children's Commissioner's count with no ethnicity given, or outside the
    three groups reported: the total less the three."""
    f = package.figure
    return f("occ_perpetrators.independent").count - sum(
        f(f"occ_perpetrators_{k}.independent").count for k in ("white", "asian", "black"))


def study_chart(package: Package, key: str) -> Chart:
    """The study's own numbers in its own unit, unknowns drawn in grey."""
    f = package.figure
    if key == "ceop2011":
        listed = [f(f"ceop2011_groups_{k}.c4").count for k in ("asian", "white", "unknown")]
        return count_bars([Count("Asian", listed[0], ORANGE), Count("White", listed[1], SKY),
                           Count("Unknown", listed[2], UNKNOWN),
                           Count("Not described", f("ceop2011_groups.c4").count - sum(listed), PALE_GREY)],
                          title="CEOP 2011: groups by recorded ethnicity", unit="groups")
    if key == "occ2012":
        return count_bars([Count("White", f("occ_perpetrators_white.independent").count, SKY),
                           Count("Asian", f("occ_perpetrators_asian.independent").count, ORANGE),
                           Count("Black", f("occ_perpetrators_black.independent").count, BLUE),
                           Count("Not given, or another group", occ_not_given(package), UNKNOWN)],
                          title="Children's Commissioner 2012: perpetrators by recorded ethnicity",
                          unit="perpetrators")
    if key == "ceop2013":
        victims = f("ceop2013_type1_victims.ceop").count
        sexed = f("ceop2013_victims_sex_recorded.ceop").count
        return count_bars([Count("All victims", victims, BLUE),
                           Count("Sex given (all female)", sexed, SKY),
                           Count("Sex not given", victims - sexed, UNKNOWN),
                           Count("At least one identified vulnerability", f("ceop2013_victims_vulnerable.ceop").count,
                                 ORANGE)],
                          title="CEOP 2013: victims in type 1 group cases", unit="victims", parts_of_whole=False)
    if key == "quilliam2017":
        return composition_chart([study(package, "quilliam2017_convictions")],
                                 title=f"Quilliam 2017: {fmt.count(f('quilliam_offenders.hl14053').count)} people "
                                       "convicted, by recorded ethnicity")
    raise KeyError(f"no study called {key!r}; choose one of {sorted(STUDY_NAMES)}")



def study_comparisons_html(rows: list[StudyComparison]) -> str:
    """One entry per study and group, so the table stays readable on a phone."""
    from ..tables import entries_html

    entries = []
    for c in rows:
        ratio_lines = "; ".join(
            f"against {name}: {fmt.ratio(mid)} (from {fmt.ratio(lo)} to {fmt.ratio(hi)} within the bounds)"
            for name, lo, mid, hi in c.ratios())
        needed = "; ".join(f"against {name}: {selection_text(x)}" for name, x in c.selection_needed())
        entries.append({
            "title": html.escape(f"{c.study}: recorded as {c.group}"),
            "fields": [
                ("Share of everyone counted (floor)", fmt.percent(c.floor, 0)),
                ("Share of those whose ethnicity is known", fmt.percent(c.like_known, 0)),
                ("Ceiling (every unknown in the group)", fmt.percent(c.ceiling, 0)),
                ("Census 2011, England and Wales", "; ".join(f"{name}: {fmt.percent(p, 1)}" for name, p in c.comparators)),
                ("Ratio of shares, unknowns like the known", ratio_lines),
                ("Selection needed for parity (times as likely to be counted)", needed),
            ]})
    return entries_html(entries, css="comparison")
