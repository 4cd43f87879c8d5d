"""The numbers and views of the chapter on what came after the reports: the 2025 national audit,
the police ethnicity data, and the question 'relative to what?'.

Every share here is kept with its category (all group-based offending, or offending outside
families and institutions, or one force's exploitation cases), its base (suspects with
ethnicity recorded, or all suspects) and its comparator; no function mixes categories."""
from __future__ import annotations

from dataclasses import dataclass

from .. import fmt, stats
from ..charts import BAR_INSET, Chart, StackedBar, bar_row, percent_axis, plot_block, stacked_shares
from ..data import STATUS_LABELS, Package
from ..layout import Layout
from ..style import BLACK, BLUE, GREEN, ORANGE, PURPLE, REST, SKY, UNKNOWN, VERMILLION
from ..widgets import Control, StaticWidget, View

pct = fmt.share   # the chapter's notebook uses it as ethnicity.pct


# ---------------------------------------------------------------------------------------------
# How much is recorded: every published variant of one statistic


@dataclass(frozen=True)
class Coverage:
    label: str          # period and unit, in words
    recorded: float     # share with ethnicity recorded, 0..1
    printed: str        # as the source prints it
    source: str         # who published it
    status: str


def coverage_variants(package: Package) -> list[Coverage]:
    """Every published figure for the share of group-based suspects (or cases, or records) with
    ethnicity recorded. 'Two-thirds not recorded' becomes a third recorded, and says so."""
    f = package.figure
    out = []
    for fid, label, who in (
        ("eth_recorded_cases.sky_explainer", "2022 or 2023, cases", "Sky News explainer"),
        ("gbo_2023_eth_recorded.telegraph", "2023, suspects", "The Daily Telegraph"),
        ("gbo_2023_eth_recorded.khyber", "2023, suspects", "PA (police chiefs' briefing)"),
        ("gbo_2024q3_eth_recorded.khyber", "Jan to Sep 2024, suspects", "PA (police chiefs' briefing)"),
        ("gbo_2024q3_eth_recorded.sky", "Jan to Sep 2024, records", "Sky News (same briefing)"),
        ("gbo_2024_eth_recorded.sun", "2024, cases", "The Sun (2024 police report)"),
        ("eth_recorded_2025.pa", "June 2025, suspects", "PA (its own sentence)"),
    ):
        r = f(fid)
        out.append(Coverage(label, r.value / 100, r.value_as_printed, who, r.status))
    casey = f("perp_eth_not_recorded.casey")
    out.append(Coverage("2025 audit, perpetrators", 1 - casey.value / 100, f"{casey.value_as_printed} not recorded",
                        "National audit (as quoted)", casey.status))
    return out


def coverage_chart(rows: list[Coverage]) -> Chart:
    """One bar per published figure on a 0-100% scale, recorded in blue and the rest in grey, with
    its period, unit, source and wording on the line above."""
    title = "Group-based suspects with ethnicity recorded: every published figure"
    lay = Layout().title(title)
    sentences, numbers = [], []
    for r in rows:
        lay.text(f"{r.label}: {fmt.percent(r.recorded, 0)} ({r.printed}, {r.source})")
        bar_row(lay, [(0, r.recorded, BLUE, ""), (r.recorded, 1 - r.recorded, UNKNOWN, "")])
        lay.gap(0.04)
        sentences.append(f"{r.label}: {fmt.percent(r.recorded, 0)} recorded ({r.printed}, {r.source})")
        numbers.append(fmt.percent(r.recorded, 0))
    percent_axis(lay)
    lay.gap(0.06).legend([("Ethnicity recorded", BLUE), ("Not recorded", UNKNOWN)])
    alt = (f"{title}. Bars, recorded share in blue: " + "; ".join(sentences) + ".")
    return Chart(lay.figure(), alt, numbers)


# ---------------------------------------------------------------------------------------------
# What was recorded, by category, never mixed

GROUP_COLOURS = {"White": SKY, "Asian": ORANGE, "Pakistani": VERMILLION, "Black": BLUE,
                 "Mixed": GREEN, "Mixed or other": PURPLE, "Other groups or not given separately": REST,
                 "Unknown": UNKNOWN}


@dataclass(frozen=True)
class Published:
    key: str
    category: str        # the offence category, in words
    area: str            # England and Wales, or the force
    period: str
    base: str            # 'suspects with ethnicity recorded' or 'all suspects'
    shares: dict         # group -> share of the base, 0..1 (the groups the source gives)
    unknown: float       # share of the base with ethnicity unknown (0 when the base is the recorded)
    status: str
    reporter: str = ""   # where two press reports give one breakdown differently, whose this is

    @property
    def rest(self) -> float:
        return max(0.0, 1 - sum(self.shares.values()) - self.unknown)

    @property
    def label(self) -> str:
        return f"{self.category}, {self.area}, {self.period}" + (f" ({self.reporter})" if self.reporter else "")

    @property
    def tick(self) -> str:
        return self.label


def published(package: Package) -> list[Published]:
    f = package.figure
    v = lambda fid: f(fid).value / 100  # noqa: E731
    gbo23 = {"White": v("gbo_2023_suspects_white.telegraph"), "Asian": v("gbo_2023_suspects_asian.telegraph"),
             "Black": v("gbo_2023_suspects_black.telegraph"), "Mixed": v("gbo_2023_suspects_mixed.telegraph")}
    return [
        Published("gbo2023", "All group-based offending", "England and Wales", "2023",
                  "suspects with ethnicity recorded", gbo23, 0.0, f("gbo_2023_suspects_white.telegraph").status,
                  reporter="as The Daily Telegraph reported it"),
        Published("gbo2023_gbnews", "All group-based offending", "England and Wales", "2023",
                  "suspects (base not stated)",
                  {"White": v("gbo_2023_suspects_white.gbnews"), "Asian": v("gbo_2023_suspects_asian.gbnews"),
                   "Black": v("gbo_2023_suspects_black.gbnews"), "Mixed or other": v("gbo_2023_suspects_mixed_other.gbnews")},
                  0.0, f("gbo_2023_suspects_white.gbnews").status, reporter="as GB News reported it"),
        Published("gbo2024", "All group-based offending", "England and Wales", "Jan to Sep 2024",
                  "suspects with ethnicity recorded",
                  {"White": v("gbo_2024q3_suspects_white.khyber"), "Pakistani": v("gbo_2024q3_suspects_pakistani.khyber")},
                  0.0, f("gbo_2024q3_suspects_white.khyber").status),
        Published("sub2023", "Outside families and institutions", "England and Wales", "2023",
                  "suspects with ethnicity recorded",
                  {"White": v("gbo_subset_2023_white.sky"), "Pakistani": v("gbo_subset_2023_pakistani.sky")},
                  0.0, f("gbo_subset_2023_white.sky").status),
        Published("sub2024", "Outside families and institutions", "England and Wales", "Jan to Sep 2024",
                  "suspects with ethnicity recorded", {"Pakistani": v("gbo_subset_2024q3_pakistani.sky")},
                  0.0, f("gbo_subset_2024q3_pakistani.sky").status),
        Published("gmp_mvmo", "Multi-victim, multi-offender exploitation", "Greater Manchester Police", "three years",
                  "suspects (unknowns' place not stated)",
                  {"Asian": v("gmp_mvmo_suspects_asian.guardian"), "White": v("gmp_mvmo_suspects_white.guardian")},
                  0.0, f("gmp_mvmo_suspects_asian.guardian").status),
        Published("gmp_csa", "All child sexual abuse", "Greater Manchester Police", "three years",
                  "all suspects, unknown included",
                  {"Asian": v("gmp_csa_suspects_asian.guardian"), "White": v("gmp_csa_suspects_white.guardian")},
                  v("gmp_csa_suspects_unknown.guardian"), f("gmp_csa_suspects_unknown.guardian").status),
    ]


def published_chart(rows: list[Published]) -> Chart:
    """One 100% bar per published breakdown, labelled with its category, area, period and base.
    Groups the source does not give separately are light grey; unknown ethnicity is dark grey."""
    bars = []
    for r in rows:
        parts = list(r.shares.items()) + [("Other groups or not given separately", r.rest), ("Unknown", r.unknown)]
        bars.append(StackedBar(r.tick, f"{r.label} (share of {r.base})",
                               tuple((name, share, GROUP_COLOURS[name]) for name, share in parts)))
    title = "Recorded ethnicity of suspects, each breakdown in its own category and base"
    return stacked_shares(bars, title=title, alt_intro=f"{title}. Stacked bars", share_text=pct,
                          legend=list(GROUP_COLOURS.items()))


# ---------------------------------------------------------------------------------------------
# Comparators: Census 2021


@dataclass(frozen=True)
class Population:
    key: str
    label: str
    shares: dict          # group -> share of residents
    status: str
    note: str


def _vob(package: Package, area: str) -> dict:
    counts = {g: package.figure(f"{area}_{g}_2021.vob").count for g in ("white", "asian", "black", "other")}
    total = sum(counts.values())
    return {"White": counts["white"] / total, "Asian": counts["asian"] / total, "Black": counts["black"] / total,
            "Mixed or other": counts["other"] / total}


def populations(package: Package) -> list[Population]:
    f = package.figure
    v = lambda fid: f(fid).value / 100  # noqa: E731
    vob_status = f("gm_white_2021.vob").status
    return [
        Population("ew", "England and Wales",
                   {"White": v("ew_white_2021.ons"), "Asian": v("ew_asian_2021.ons"), "Black": v("ew_black_2021.rdu"),
                    "Mixed or other": v("ew_mixed_2021.rdu") + v("ew_other_2021.rdu")},
                   f("ew_white_2021.ons").status, "ONS and the Race Disparity Unit"),
        Population("gm", "Greater Manchester (force area)", _vob(package, "gm"), vob_status,
                   "counts from GB Historical GIS; shares computed here"),
        Population("wy", "West Yorkshire (force area)", _vob(package, "wy"), vob_status,
                   "counts from GB Historical GIS; shares computed here"),
        Population("sy", "South Yorkshire (force area)", _vob(package, "sy"), vob_status,
                   "counts from GB Historical GIS; shares computed here"),
        Population("manchester", "Manchester (city council area)",
                   {"White": v("manchester_white_2021.mcc"), "Asian": v("manchester_asian_2021.mcc")},
                   f("manchester_white_2021.mcc").status, "Manchester City Council"),
    ]


def pakistani_ew(package: Package) -> float:
    return package.figure("ew_pakistani_2021.telegraph").value / 100


POPULATION_COLOURS = {"White": SKY, "Asian": ORANGE, "Black": BLUE, "Mixed or other": GREEN,
                      "Not given separately": REST}


def population_chart(rows: list[Population]) -> Chart:
    bars = []
    for r in rows:
        parts = list(r.shares.items()) + [("Not given separately", max(0.0, 1 - sum(r.shares.values())))]
        bars.append(StackedBar(r.label, r.label, tuple((name, share if share >= 0.005 else 0.0,
                                                        POPULATION_COLOURS[name]) for name, share in parts)))
    title = "Residents by ethnic group, Census 2021: the comparators"
    return stacked_shares(bars, title=title, alt_intro="Residents by ethnic group, Census 2021. Stacked bars",
                          share_text=pct, legend=list(POPULATION_COLOURS.items()))


# ---------------------------------------------------------------------------------------------
# Bounds on a share, and its ratio to the population share: the widget


@dataclass(frozen=True)
class Series:
    """One group's share in one breakdown, with what is needed to bound it."""

    key: str
    label: str
    group: str
    recorded: float        # share of all suspects with ethnicity recorded (or in the groups given)
    of_recorded: float     # the group's share of those
    recorded_note: str     # where `recorded` comes from, in words
    population: float      # the comparator share
    population_label: str
    short: str = ""        # a short name for the breakdown, for the chart's title line


SHORT_NAMES = {"gbo2023": "Group-based, 2023", "gbo2024": "Group-based, Jan to Sep 2024",
               "sub2023": "Outside families and institutions, 2023",
               "sub2024": "Outside families and institutions, Jan to Sep 2024",
               "gmp_mvmo": "GMP exploitation cases", "gmp_csa": "GMP, all child sexual abuse"}


def series(package: Package) -> list[Series]:
    f = package.figure
    pub = {p.key: p for p in published(package)}
    pops = {p.key: p for p in populations(package)}
    ew, gm = pops["ew"].shares, pops["gm"].shares
    cov23 = f("gbo_2023_eth_recorded.khyber").value / 100
    cov24 = f("gbo_2024q3_eth_recorded.khyber").value / 100
    pak = pakistani_ew(package)
    out = []

    def national(key, pubkey, group, coverage, note, pop, pop_label):
        out.append(Series(key, f"{pub[pubkey].label}: {group}", group, coverage, pub[pubkey].shares[group], note,
                          pop, pop_label, SHORT_NAMES[pubkey]))

    rec23 = f"{pct(cov23)} of suspects recorded (published)"
    rec24 = f"{pct(cov24)} of suspects recorded (published)"
    national("gbo2023_asian", "gbo2023", "Asian", cov23, rec23, ew["Asian"], "England and Wales")
    national("gbo2023_white", "gbo2023", "White", cov23, rec23, ew["White"], "England and Wales")
    national("gbo2024_pakistani", "gbo2024", "Pakistani", cov24, rec24, pak, "England and Wales")
    national("gbo2024_white", "gbo2024", "White", cov24, rec24, ew["White"], "England and Wales")
    assumed23 = f"{pct(cov23)} recorded: assumed the same as for all group-based suspects (none published)"
    assumed24 = f"{pct(cov24)} recorded: assumed the same as for all group-based suspects (none published)"
    national("sub2023_pakistani", "sub2023", "Pakistani", cov23, assumed23, pak, "England and Wales")
    national("sub2023_white", "sub2023", "White", cov23, assumed23, ew["White"], "England and Wales")
    national("sub2024_pakistani", "sub2024", "Pakistani", cov24, assumed24, pak, "England and Wales")
    mvmo = pub["gmp_mvmo"]
    given = sum(mvmo.shares.values())
    note = f"{pct(given)} in the two groups given; the rest treated as not recorded"
    for group in ("Asian", "White"):
        out.append(Series(f"gmp_mvmo_{group.lower()}", f"{mvmo.label}: {group}", group, given,
                          mvmo.shares[group] / given, note, gm[group], "Greater Manchester", SHORT_NAMES["gmp_mvmo"]))
    csa = pub["gmp_csa"]
    rec = 1 - csa.unknown
    for group in ("Asian", "White"):
        out.append(Series(f"gmp_csa_{group.lower()}", f"{csa.label}: {group}", group, rec,
                          csa.shares[group] / rec, f"{pct(csa.unknown)} unknown (published)",
                          gm[group], "Greater Manchester", SHORT_NAMES["gmp_csa"]))
    return out


ASSUMPTIONS = (("any", "any mix (bounds)"), ("like", "like the recorded"), ("population", "like the local population"),
               ("set", "a share you set (read it off the line)"))


def share_under(s: Series, assumption: str, set_share: float | None = None) -> tuple[float, float]:
    """The group's share of all suspects under an assumption about the unrecorded, as (low, high).
    'any' gives the bounds; 'like' and 'population' give a point (low == high). 'set' takes the
    share of the unrecorded that are in the group (0..1) and gives a point; without one it gives
    the whole line's range, which is the bounds."""
    low, high = stats.share_bounds(s.recorded, s.of_recorded)
    missing = 1 - s.recorded
    known = s.of_recorded * s.recorded
    if assumption == "any" or (assumption == "set" and set_share is None):
        return low, high
    if assumption == "like":
        return s.of_recorded, s.of_recorded
    if assumption == "population":
        value = known + missing * s.population
        return value, value
    if assumption == "set":
        if not 0 <= set_share <= 1:
            raise ValueError(f"a share of the unrecorded must lie between 0 and 1, not {set_share}")
        value = known + missing * set_share
        return value, value
    raise ValueError(f"unknown assumption {assumption!r}; choose one of {[a for a, _ in ASSUMPTIONS]}")


def break_even(s: Series) -> float | None:
    """The share of the unrecorded that would have to be in the group for its share of all
    suspects to equal its population share; None if no share between 0 and 1 does it."""
    missing = 1 - s.recorded
    if missing <= 0:
        return None
    x = (s.population - s.of_recorded * s.recorded) / missing
    return x if 0 <= x <= 1 else None


def ratio_text(low: float, high: float) -> str:
    return fmt.ratio(low) if abs(high - low) < 1e-12 else f"{fmt.ratio(low)} to {fmt.ratio(high)}"


def _title(lay: Layout, s: Series, label: str) -> None:
    lay.title(f"{s.short}: {s.group} share if the unrecorded are {label}")


def _line_chart(s: Series, set_share: float | None) -> Chart:
    """The group's ratio to its population share against the share of the unrecorded that are in
    the group: one straight line from the lower bound (none) to the upper bound (all)."""
    low, high = share_under(s, "any")
    r_low, r_high = low / s.population, high / s.population
    label = dict(ASSUMPTIONS)["set"]
    lay = Layout()
    _title(lay, s, label)
    lay.text(f"Ratio to the {s.population_label} population share: {fmt.ratio(r_low)} (none) to "
             f"{fmt.ratio(r_high)} (all); dashed line: equal to the population share")
    x_even = break_even(s)
    if x_even is not None:
        lay.text(f"Dot: the ratio is 1 when {pct(x_even)} of the unrecorded are {s.group}")
        even = (f"The ratio is 1 when {pct(x_even)} of the unrecorded are {s.group}; above that share it is "
                "higher, below it lower.")
    else:
        even = f"The ratio is {'above' if r_low > 1 else 'below'} 1 whatever share of the unrecorded are {s.group}."
    point = ""
    if set_share is not None:
        v = share_under(s, "set", set_share)[0] / s.population
        point = f" With {pct(set_share)} of the unrecorded {s.group}, the ratio is {fmt.ratio(v)}."

    def draw(ax):
        ax.plot([0, 1], [r_low, r_high], color=ORANGE, lw=2.5)
        ax.axhline(1, color=BLACK, lw=1, ls="--")
        if x_even is not None:
            ax.plot([x_even], [1], "o", color=BLACK, ms=7)
        if set_share is not None:
            ax.plot([set_share], [share_under(s, "set", set_share)[0] / s.population], "o", color=ORANGE, ms=9,
                    markeredgecolor=BLACK)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, max(r_high, 1) * 1.08)
        ax.set_xticks([0, 0.5, 1])
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    plot_block(lay, draw, ylabel="Ratio to the population share",
               xlabel=f"Share of the unrecorded suspects who are {s.group}")
    alt = (f"{s.label}, if the unrecorded are {label}. Line chart: with {pct(s.recorded)} of suspects recorded, the "
           f"ratio of the {s.group} share of all suspects to the {s.population_label} population share "
           f"({pct(s.population)}) rises from {fmt.ratio(r_low)} if none of the unrecorded are {s.group} to "
           f"{fmt.ratio(r_high)} if all are. {even}{point}")
    nums = [pct(s.recorded), pct(s.population), fmt.ratio(r_low), fmt.ratio(r_high)]
    if x_even is not None:
        nums.append(pct(x_even))
    return Chart(lay.figure(), alt, nums)


def ratio_chart(s: Series, assumption: str, set_share: float | None = None) -> Chart:
    if assumption == "set":
        return _line_chart(s, set_share)
    low, high = share_under(s, assumption, set_share)
    label = dict(ASSUMPTIONS)[assumption]
    r_low, r_high = low / s.population, high / s.population
    lay = Layout()
    _title(lay, s, label)
    lay.text(f"All suspects: recorded {pct(s.recorded)}, not recorded {pct(1 - s.recorded)}")
    bar_row(lay, [(0, s.recorded, BLUE, ""), (s.recorded, 1 - s.recorded, UNKNOWN, "")])
    lay.gap(0.08)
    share = pct(low) if high - low < 1e-9 else f"{pct(low)} to {pct(high)}"
    lay.text(f"{s.group} share of all suspects: {share} (orange); population {pct(s.population)} (black line)")

    def draw(ax):
        ax.set_xlim(0, 1)
        ax.set_ylim(-1, 1)
        ax.axis("off")
        if high - low > 1e-9:
            ax.plot([low, high], [0, 0], color=ORANGE, lw=9, solid_capstyle="butt")
        else:
            ax.plot([low], [0], "o", color=ORANGE, ms=11, markeredgecolor=BLACK)
        ax.plot([s.population, s.population], [-1, 1], color=BLACK, lw=2)
    lay.axes(0.26, draw, left=BAR_INSET, right=BAR_INSET)
    percent_axis(lay)
    ratio = ratio_text(r_low, r_high)
    lay.text(f"Ratio to the {s.population_label} population share: {ratio}", weight="bold")
    alt = (f"{s.label}, if the unrecorded are {label}. {pct(s.recorded)} of suspects recorded and "
           f"{pct(1 - s.recorded)} not; the {s.group} share of all suspects would be {share} (orange), "
           f"against a {s.population_label} population share of {pct(s.population)} (black line): "
           f"a ratio of {ratio}.")
    nums = [pct(s.recorded), pct(low), pct(high), pct(s.population), fmt.ratio(r_low), fmt.ratio(r_high)]
    return Chart(lay.figure(), alt, nums)


def series_control(package: Package) -> Control:
    return Control("series", "Offence category, area and group", tuple((s.key, s.label) for s in series(package)),
                   kind="select")


def ratio_view(package: Package, series_key: str, assumption: str, set_share: float | None = None) -> View:
    s = next(x for x in series(package) if x.key == series_key)
    low, high = share_under(s, assumption, set_share)
    label = dict(ASSUMPTIONS)[assumption]
    head = f"{s.label}. Recorded: {s.recorded_note}. "
    if assumption == "set" and set_share is None:
        x = break_even(s)
        if x is None:
            where = (f"it is {'above' if low / s.population > 1 else 'below'} 1 whatever share of the unrecorded "
                     f"are {s.group}")
        else:
            where = f"it equals 1 when {pct(x)} of the unrecorded are {s.group}"
        summary = (head + f"With the unrecorded {label}: as the share who are {s.group} goes from none to all, the ratio to the "
                   f"{s.population_label} population share ({pct(s.population)}) runs from "
                   f"{fmt.ratio(low / s.population)} to {fmt.ratio(high / s.population)}; {where}.")
        return View(ratio_chart(s, assumption), summary)
    share = pct(low) if high - low < 1e-9 else f"anywhere from {pct(low)} to {pct(high)}"
    summary = (head + f"With the unrecorded {label}, the {s.group} share of all "
               f"suspects is {share}; the {s.population_label} population share is {pct(s.population)}, "
               f"a ratio of {ratio_text(low / s.population, high / s.population)}.")
    return View(ratio_chart(s, assumption, set_share), summary)


def ratio_widget(package: Package) -> StaticWidget:
    controls = [series_control(package), Control("assumption", "Suppose the unrecorded suspects are", ASSUMPTIONS)]
    return StaticWidget(lambda series, assumption: ratio_view(package, series, assumption), controls,
                        title="A share and its ratio to the population, under an assumption you choose",
                        default={"series": "gbo2023_asian", "assumption": "any"})


__all__ = ["coverage_variants", "coverage_chart", "published", "published_chart", "populations",
           "population_chart", "series", "share_under", "ratio_view", "ratio_widget", "ASSUMPTIONS",
           "STATUS_LABELS"]
