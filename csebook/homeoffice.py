"""The numbers and views of the chapter on the Home Office paper (December 2020) and the studies
it weighed: how the counting unit and the unknowns change a share."""
from __future__ import annotations

from dataclasses import dataclass

from . import fmt, stats
from .charts import Chart, Count, StackedBar, bounds_chart, count_bars, stacked_shares
from .data import STATUS_LABELS, Package
from .style import BLUE, ORANGE, SKY, UNKNOWN
from .widgets import Control, StaticWidget, View


@dataclass(frozen=True)
class Composition:
    """One study counted in one unit: its categories as shares of everything counted, with the
    share whose ethnicity is unknown (or outside the categories given) kept as its own part."""

    key: str
    label: str          # study and unit, e.g. "CEOP 2011 (suspects)"
    unit: str           # what is counted
    base_text: str      # the denominator, in words, with its number
    asian: float
    white: float
    black: float
    unknown: float      # unknown, or not in the categories the source gives
    status: str
    note: str


def compositions(package: Package) -> list[Composition]:
    f = package.figure
    out = []
    # CEOP 2011, suspects: the shares are printed; their base is disputed between reports
    a, w, u = (f(f"ceop2011_{k}.c4").value / 100 for k in ("asian", "white", "unknown"))
    out.append(Composition("ceop2011_suspects", "CEOP 2011 (suspects)", "suspects",
                           f"suspects (base disputed: {fmt.count(f('ceop2011_identified.c4').count)} fully identified, "
                           f"or the {fmt.count(f('ceop2011_potential_offenders.c4').count)} reported)",
                           a, w, 0.0, 1 - a - w, STATUS_LABELS[f("ceop2011_asian.c4").status],
                           "Black and other groups are in the part not shown as Asian or White."))
    # CEOP 2011, groups: counts printed for three categories
    ga, gw, gu = (f(f"ceop2011_groups_{k}.c4").count for k in ("asian", "white", "unknown"))
    n = ga + gw + gu
    out.append(Composition("ceop2011_groups", "CEOP 2011 (groups)", "groups",
                           f"{fmt.count(n)} groups (the three categories reported; the report is said to count more)",
                           ga / n, gw / n, 0.0, gu / n, STATUS_LABELS[f("ceop2011_groups_asian.c4").status],
                           "The three categories reported add up to fewer groups than the total reported."))
    # Children's Commissioner 2012, perpetrators
    total = f("occ_perpetrators.independent").count
    pa, pw, pb = (f(f"occ_perpetrators_{k}.independent").count for k in ("asian", "white", "black"))
    out.append(Composition("occ2012_perpetrators", "Children's Commissioner 2012 (perpetrators)", "perpetrators",
                           f"{fmt.count(total)} perpetrators", pa / total, pw / total, pb / total,
                           (total - pa - pw - pb) / total, STATUS_LABELS[f("occ_perpetrators.independent").status],
                           "The part not Asian, White or Black includes those with no ethnicity given and any other group."))
    # Quilliam 2017, convictions compiled by Quilliam (as the literature review restates them)
    qa, qb, qw, qu = (f(f"quilliam_{k}.hl14053").value / 100 for k in ("asian", "black", "white", "unknown"))
    out.append(Composition("quilliam2017_convictions", "Quilliam 2017 (convicted)", "people convicted",
                           f"{fmt.count(f('quilliam_offenders.hl14053').count)} people convicted, compiled by Quilliam",
                           qa, qw, qb, qu, STATUS_LABELS[f("quilliam_asian.hl14053").status],
                           "A list compiled from press reports and other sources, not a sample of all offending."))
    return out


def composition_chart(rows: list[Composition], *, title: str, known_only: bool = False) -> Chart:
    """One 100% bar per study and unit: Asian, White, Black and unknown or other (grey, never
    dropped). With known_only, the grey part is removed and the rest rescaled, as a share 'of those
    with ethnicity recorded' would be; the chart says so."""
    # alphabetical order; the unknown always last and always drawn
    parts = [("Asian", "asian", ORANGE), ("Black", "black", BLUE), ("White", "white", SKY),
             ("Unknown or other", "unknown", UNKNOWN)]
    bars = []
    for r in rows:
        scale = 1 - r.unknown if known_only else 1.0
        shares = [(label, 0.0 if known_only and key == "unknown" else getattr(r, key) / scale, colour)
                  for label, key, colour in parts]
        bars.append(StackedBar(r.label.replace(" (", "\n("), r.label, tuple(shares)))
    shown = parts[:-1] if known_only else parts
    basis = "of those in the groups shown only" if known_only else "of everyone counted, unknown included"
    return stacked_shares(bars, title=title, alt_intro=f"{title}. Stacked bars, shares {basis}",
                          legend=[(label, colour) for label, _, colour in shown], label_min=0.07)


def study(package: Package, key: str) -> Composition:
    return next(c for c in compositions(package) if c.key == key)


def study_control(package: Package) -> Control:
    """The control both widgets share: which study, counted in which unit."""
    return Control("study", "Study and what it counts", tuple((c.key, c.label) for c in compositions(package)),
                   kind="select")


def units_view(package: Package, study_key: str, basis: str) -> View:
    r = study(package, study_key)
    known_only = basis == "known"
    chart = composition_chart([r], title=f"{r.label}: share by ethnicity", known_only=known_only)
    share = r.asian / (1 - r.unknown) if known_only else r.asian
    denominator = (f"those of the {r.base_text} in the groups shown ({fmt.percent(1 - r.unknown, 0)})"
                   if known_only else f"all {r.base_text}")
    summary = (f"{r.label}: recorded as Asian {fmt.percent(share, 0)} of {denominator}. "
               f"Figures {r.status}. {r.note}")
    return View(chart, summary)


def units_widget(package: Package) -> StaticWidget:
    controls = [
        study_control(package),
        Control("basis", "Share of", (("all", "everyone counted (unknown included)"),
                                      ("known", "only those in the groups shown"))),
    ]
    return StaticWidget(lambda study, basis: units_view(package, study, basis), controls,
                        title="One question, four studies, four counting units",
                        default={"study": "ceop2011_suspects", "basis": "all"})


ASSUMPTIONS = (("any", "any mix (bounds)"), ("like", "like the known"), ("all", "all in the group"),
               ("none", "none in the group"))


def assumption_view(package: Package, study_key: str, assumption: str) -> View:
    r = study(package, study_key)
    recorded = 1 - r.unknown
    of_known = r.asian / recorded
    low, high = stats.share_bounds(recorded, of_known)
    point = {"like": of_known, "all": high, "none": low}.get(assumption)
    label = dict(ASSUMPTIONS)[assumption]
    chart = bounds_chart(title=f"{r.label}: the Asian share if the unknowns are {label}",
                         recorded_share=recorded, group_share_of_recorded=of_known, base_text=r.base_text)
    if point is None:
        result = f"anywhere from {fmt.percent(low, 0)} to {fmt.percent(high, 0)}"
    else:
        result = f"{fmt.percent(point, 0)} (within the bounds {fmt.percent(low, 0)} to {fmt.percent(high, 0)})"
    summary = (f"{r.label}: with {fmt.percent(r.unknown, 0)} unknown or other and the unknowns {label}, the share "
               f"recorded as Asian would be {result}. The dot on the chart marks 'like the known'.")
    return View(chart, summary)


def assumption_widget(package: Package) -> StaticWidget:
    controls = [
        study_control(package),
        Control("assumption", "Suppose the unknowns are", ASSUMPTIONS),
    ]
    return StaticWidget(lambda study, assumption: assumption_view(package, study, assumption), controls,
                        title="What the unknowns could do to a share",
                        default={"study": "ceop2011_groups", "assumption": "any"})


# One table and one chart for each study the paper weighed, each in the study's own unit.
STUDY_FIGURES = {
    "ceop2011": [
        ("Potential offenders reported to CEOP", "ceop2011_potential_offenders.c4"),
        ("Suspects fully identified", "ceop2011_identified.c4"),
        ("Suspects recorded as Asian", "ceop2011_asian.c4"),
        ("Suspects recorded as White", "ceop2011_white.c4"),
        ("Suspects of unknown ethnicity", "ceop2011_unknown.c4"),
        ("Groups recorded as Asian", "ceop2011_groups_asian.c4"),
        ("Groups recorded as White", "ceop2011_groups_white.c4"),
        ("Groups of unknown ethnicity", "ceop2011_groups_unknown.c4"),
        ("Victims", "ceop2011_victims.c4"),
        ("Victims recorded as White", "ceop2011_victims_white.c4"),
        ("Victims recorded as Asian", "ceop2011_victims_asian.c4"),
    ],
    "occ2012": [
        ("Children confirmed as victims", "occ_victims.press"),
        ("Children identified as at high risk", "occ_high_risk.press"),
        ("Perpetrators", "occ_perpetrators.independent"),
        ("Perpetrators recorded as White", "occ_perpetrators_white.independent"),
        ("Perpetrators recorded as Asian", "occ_perpetrators_asian.independent"),
        ("Perpetrators recorded as Black", "occ_perpetrators_black.independent"),
    ],
    "ceop2013": [
        ("Type 1 cases", "ceop2013_type1_cases.ceop"),
        ("Victims in those cases", "ceop2013_type1_victims.ceop"),
        ("Victims whose sex was given (all female)", "ceop2013_victims_sex_recorded.ceop"),
        ("Victims with at least one identified vulnerability", "ceop2013_victims_vulnerable.ceop"),
        ("Victims aged 12 to 13", "ceop2013_victims_12_13.ceop"),
        ("Victims aged 14 to 15", "ceop2013_victims_14_15.ceop"),
        ("Victims aged 16 to 17", "ceop2013_victims_16_17.ceop"),
    ],
    "quilliam2017": [
        ("Cases", "quilliam_cases.press"),
        ("People convicted, as compiled by Quilliam", "quilliam_offenders.hl14053"),
        ("Recorded as Asian (count)", "quilliam_asian_count.sky"),
        ("Recorded as Asian", "quilliam_asian.hl14053"),
        ("Recorded as Black", "quilliam_black.hl14053"),
        ("Recorded as White", "quilliam_white.hl14053"),
        ("Unknown", "quilliam_unknown.hl14053"),
    ],
}

STUDY_NAMES = {
    "ceop2011": "CEOP, Out of Mind, Out of Sight (2011)",
    "occ2012": "Children's Commissioner's inquiry, interim report (2012)",
    "ceop2013": "CEOP threat assessment (2013), type 1 group cases",
    "quilliam2017": "Quilliam (2017)",
}


def study_table(package: Package, key: str) -> str:
    from .tables import figures_html

    return figures_html(package, STUDY_FIGURES[key], caption=f"{STUDY_NAMES[key]}: the figures as printed")


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
        return count_bars([Count("Asian", f("ceop2011_groups_asian.c4").count, ORANGE),
                           Count("White", f("ceop2011_groups_white.c4").count, SKY),
                           Count("Unknown", f("ceop2011_groups_unknown.c4").count, UNKNOWN)],
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
    raise KeyError(f"no study called {key!r}; choose one of {sorted(STUDY_FIGURES)}")
