"""The toolkit part, 'Reading these numbers': one chart and one widget per chapter, built on the
book's own figures. Where a chapter needs a world in which the truth is known, it is a labelled
illustration (numbers chosen to teach, computed with csebook.limits), and every chart and
summary that shows one says so."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.patches import Rectangle

from . import fmt, limits, stats
from .charts import Chart
from .data import STATUS_LABELS, Package
from .style import BLACK, BLUE, GREEN, ORANGE, REST, SKY, TEXT, UNKNOWN, VERMILLION, new_figure, text_on
from .widgets import Control, StaticWidget, View

ILLUSTRATION = "Illustration, not data"


pct = fmt.share   # the toolkit notebooks use it as toolkit.pct


def _stamp(fig) -> None:
    """Mark an illustrative chart as such, on the image itself."""
    fig.text(0.985, 0.985, ILLUSTRATION, ha="right", va="top", fontsize=8, color=text_on(VERMILLION),
             bbox=dict(boxstyle="round,pad=0.3", facecolor=VERMILLION, edgecolor="none"))


# =============================================================================================
# 1. Counting what?

@dataclass(frozen=True)
class UnitCount:
    study: str
    unit: str
    figure_id: str


UNIT_COUNTS = (
    UnitCount("CEOP 2011", "potential offenders reported", "ceop2011_potential_offenders.c4"),
    UnitCount("CEOP 2011", "suspects fully identified", "ceop2011_identified.c4"),
    UnitCount("CEOP 2011", "victims", "ceop2011_victims.c4"),
    UnitCount("Quilliam 2017", "people convicted", "quilliam_offenders.hl14053"),
    UnitCount("Quilliam 2017", "cases", "quilliam_cases.press"),
    UnitCount("Bhatti-Sinclair and Sutcliffe", "defendants", "bss_defendants.ssrn"),
    UnitCount("Bhatti-Sinclair and Sutcliffe", "prosecutions", "bss_prosecutions.ssrn"),
    UnitCount("Police, 2023", "group-based offences", "group_based_2023.hansard"),
    UnitCount("Police, 2023", "CSE-category offences", "cse_2023.hansard"),
)


def units_chart(package: Package) -> Chart:
    """Each study's own counts in each unit it used, on a log scale (the units differ by
    hundreds of times)."""
    rows = [(u, package.figure(u.figure_id).count) for u in UNIT_COUNTS]
    fig = new_figure((6.8, 1.2 + 0.42 * len(rows)))
    ax = fig.add_axes([0.42, 0.12, 0.50, 0.78])
    colours = {"CEOP 2011": SKY, "Quilliam 2017": ORANGE, "Bhatti-Sinclair and Sutcliffe": GREEN, "Police, 2023": BLUE}
    for i, (u, n) in enumerate(rows):
        y = len(rows) - 1 - i
        ax.barh(y, n, color=colours[u.study], height=0.6)
        ax.text(n * 1.08, y, fmt.count(n), va="center", fontsize=8.5)
    ax.set_xscale("log")
    ax.set_xlim(10, 30000)
    ax.set_yticks(range(len(rows)), [f"{u.study}: {u.unit}" for u, _ in reversed(rows)], fontsize=8)
    ax.set_xlabel("Count (log scale)", fontsize=8.5)
    fig.suptitle("One subject, many units: what each source counted", x=0.02, ha="left", fontsize=10.5)
    alt = ("One subject, many units: what each source counted. Bar chart on a log scale: "
           + "; ".join(f"{u.study}, {u.unit}: {fmt.count(n)}" for u, n in rows) + ".")
    return Chart(fig, alt, [fmt.count(n) for _, n in rows])


def people_per_case(package: Package) -> dict[str, float]:
    f = package.figure
    return {"Quilliam 2017": f("quilliam_offenders.hl14053").count / f("quilliam_cases.press").count,
            "Bhatti-Sinclair and Sutcliffe": f("bss_defendants.ssrn").count / f("bss_prosecutions.ssrn").count}


def unit_shares(groups_x: float, size_x: float, size_y: float, offences_ratio: float) -> dict[str, float]:
    """Kind X's share of groups, of people and of offences, when a share `groups_x` of groups are
    kind X, X groups have `size_x` people and Y groups `size_y`, and each person in an X group
    has `offences_ratio` times as many recorded offences as a person in a Y group."""
    if not 0 <= groups_x <= 1 or min(size_x, size_y, offences_ratio) <= 0:
        raise ValueError("groups_x must be a share; sizes and the offences ratio must be positive")
    people_x, people_y = groups_x * size_x, (1 - groups_x) * size_y
    off_x, off_y = people_x * offences_ratio, people_y
    return {"groups": groups_x, "people": people_x / (people_x + people_y), "offences": off_x / (off_x + off_y)}


COUNT_Y_SIZE = 5   # people per group of kind Y in the illustration, near the published averages


def counting_view(groups_x: str, size_x: str, offences: str) -> View:
    g, sx, r = float(groups_x), float(size_x), float(offences)
    shares = unit_shares(g, sx, COUNT_Y_SIZE, r)
    fig = new_figure((6.4, 2.6))
    ax = fig.add_axes([0.20, 0.22, 0.74, 0.56])
    for i, key in enumerate(("groups", "people", "offences")):
        y = 2 - i
        ax.barh(y, shares[key], color=ORANGE, height=0.6)
        ax.barh(y, 1 - shares[key], left=shares[key], color=SKY, height=0.6)
        ax.text(shares[key] + 0.01, y, pct(shares[key]), va="center", fontsize=9)
    ax.set_yticks([2, 1, 0], ["share of groups", "share of people", "share of offences"], fontsize=8.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    fig.suptitle("Kind X (orange) counted three ways", x=0.02, ha="left", fontsize=10.5)
    _stamp(fig)
    each = ("the same number of recorded offences as a person in a Y group" if r == 1
            else f"{fmt.count(r)} times the recorded offences of a person in a Y group")
    setting = (f"{pct(g)} of groups are kind X; an X group has {fmt.count(sx)} people, a Y group "
               f"{COUNT_Y_SIZE}; each person in an X group has {each}")
    numbers = [pct(shares[k]) for k in ("groups", "people", "offences")]
    alt = (f"Illustration, not data. Kind X counted three ways when {setting}: {numbers[0]} of groups, "
           f"{numbers[1]} of people, {numbers[2]} of recorded offences.")
    summary = (f"Illustration: {setting}. Kind X is {numbers[0]} of groups, {numbers[1]} of people and "
               f"{numbers[2]} of recorded offences. Same offending, three shares.")
    return View(Chart(fig, alt, numbers), summary)


def counting_widget() -> StaticWidget:
    controls = [
        Control("groups_x", "Share of groups that are kind X", (("0.2", "20%"), ("0.5", "50%"))),
        Control("size_x", "People in a group of kind X (kind Y: 5)", (("2", "2"), ("5", "5"), ("10", "10"))),
        Control("offences", "Offences per person in X, relative to Y", (("1", "the same"), ("3", "three times"))),
    ]
    return StaticWidget(counting_view, controls, title="One pattern of offending, counted three ways",
                        default={"groups_x": "0.2", "size_x": "10", "offences": "1"})


# =============================================================================================
# 2. The missing majority

@dataclass(frozen=True)
class MissingCase:
    key: str
    label: str
    recorded: float      # share of the base with ethnicity recorded
    of_recorded: float   # the group's share of the recorded
    status: str


def missing_cases(package: Package) -> list[MissingCase]:
    from . import ethnicity, homeoffice

    comps = {c.key: c for c in homeoffice.compositions(package)}
    out = []
    for key, label in (("ceop2011_suspects", "CEOP 2011 suspects: Asian"), ("ceop2011_groups", "CEOP 2011 groups: Asian"),
                       ("occ2012_perpetrators", "Children's Commissioner 2012: Asian")):
        c = comps[key]
        out.append(MissingCase(key, label, 1 - c.unknown, c.asian / (1 - c.unknown), c.status))
    series = {s.key: s for s in ethnicity.series(package)}
    for key, label in (("gbo2023_asian", "Group-based 2023: Asian"), ("gbo2023_white", "Group-based 2023: White"),
                       ("gmp_csa_asian", "GMP, all child sexual abuse: Asian")):
        s = series[key]
        out.append(MissingCase(key, label, s.recorded, s.of_recorded, STATUS_LABELS["secondary"]))
    return out


def missing_overview_chart(cases: list[MissingCase]) -> Chart:
    """Every case's bounds as a bar, with the 'like the recorded' share as a dot: the bar's
    length is exactly the share unrecorded."""
    fig = new_figure((6.8, 1.3 + 0.5 * len(cases)))
    ax = fig.add_axes([0.40, 0.16, 0.55, 0.74])
    sentences, numbers = [], []
    for i, c in enumerate(cases):
        y = len(cases) - 1 - i
        low, high = stats.share_bounds(c.recorded, c.of_recorded)
        ax.plot([low, high], [y, y], color=UNKNOWN, lw=8, solid_capstyle="butt")
        ax.plot([c.of_recorded], [y], "o", color=ORANGE, ms=8, markeredgecolor=BLACK)
        sentences.append(f"{c.label}: {pct(low)} to {pct(high)}, {pct(c.of_recorded)} if the unrecorded are like "
                         f"the recorded ({pct(1 - c.recorded)} unrecorded)")
        numbers += [pct(low), pct(high), pct(c.of_recorded)]
    ax.set_yticks(range(len(cases)), [c.label for c in reversed(cases)], fontsize=8)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel("Grey: possible share of all. Dot: if the unrecorded are like the recorded", fontsize=8)
    fig.suptitle("What the unrecorded allow, case by case", x=0.02, ha="left", fontsize=10.5)
    alt = "What the unrecorded allow, case by case. Range chart: " + "; ".join(sentences) + "."
    return Chart(fig, alt, numbers)


ODDS = (("0.25", "a quarter as likely"), ("0.5", "half as likely"), ("1", "as likely (missing at random)"),
        ("2", "twice as likely"), ("4", "four times as likely"))


def missing_view(package: Package, case: str, odds: str) -> View:
    c = next(x for x in missing_cases(package) if x.key == case)
    r = float(odds)
    low, high = stats.share_bounds(c.recorded, c.of_recorded)
    value = limits.share_with_odds(c.recorded, c.of_recorded, r)
    label = dict(ODDS)[odds]
    fig = new_figure((6.4, 2.4))
    ax = fig.add_axes([0.06, 0.34, 0.88, 0.34])
    ax.plot([low, high], [0, 0], color=UNKNOWN, lw=12, solid_capstyle="butt")
    ax.plot([c.of_recorded], [0], "|", color=BLACK, ms=22, mew=2)
    ax.plot([value], [0], "o", color=ORANGE, ms=12, markeredgecolor=BLACK)
    ax.text(value, 0.5, pct(value), ha="center", va="bottom", fontsize=9.5)
    ax.text(low, -0.55, pct(low), ha="center", va="top", fontsize=8.5)
    ax.text(high, -0.55, pct(high), ha="center", va="top", fontsize=8.5)
    ax.set_xlim(0, 1)
    ax.set_ylim(-1.2, 1.2)
    ax.set_yticks([])
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    fig.suptitle(f"{c.label}\nif an unrecorded record is {label} to be in the group", x=0.02, ha="left",
                 fontsize=9.5, linespacing=1.2)
    fig.text(0.02, 0.04, f"Black tick: {pct(c.of_recorded)}, the share among the recorded. Grey: the bounds.",
             fontsize=8.5)
    summary = (f"{c.label}: {pct(c.recorded)} recorded. If an unrecorded record is {label} to be in the group "
               f"as a recorded one (odds ratio {fmt.ratio(r)}), the share of all is {pct(value)}, against "
               f"{pct(c.of_recorded)} among the recorded and bounds of {pct(low)} to {pct(high)}.")
    alt = (f"{c.label}, if an unrecorded record is {label} to be in the group. Share of all {pct(value)} (dot); "
           f"among the recorded {pct(c.of_recorded)} (tick); bounds {pct(low)} to {pct(high)} (grey bar).")
    return View(Chart(fig, alt, [pct(value), pct(c.of_recorded), pct(low), pct(high)]), summary)


def missing_widget(package: Package) -> StaticWidget:
    controls = [Control("case", "Case", tuple((c.key, c.label) for c in missing_cases(package)), kind="select"),
                Control("odds", "An unrecorded record is", ODDS)]
    return StaticWidget(lambda case, odds: missing_view(package, case, odds), controls,
                        title="When the missing differ from the recorded",
                        default={"case": "gbo2023_asian", "odds": "1"})


# =============================================================================================
# 3. Samples that are not samples

STAGES = ("detected", "charged", "reported in the press")
BASE_PASS = {"detected": 0.3, "charged": 0.5, "reported in the press": 0.4}   # illustrative, for kind Y


def selection_path(true_x: float, detect_ratio: float, report_ratio: float) -> list[tuple[str, float]]:
    """Kind X's share at each stage of the illustration: the truth, then after each stage, when X's
    chance of detection and of press reporting are `detect_ratio` and `report_ratio` times Y's."""
    x_pass = dict(BASE_PASS)
    x_pass["detected"] = min(1.0, BASE_PASS["detected"] * detect_ratio)
    x_pass["reported in the press"] = min(1.0, BASE_PASS["reported in the press"] * report_ratio)
    out = [("all offending", true_x)]
    for k in range(1, len(STAGES) + 1):
        upto = STAGES[:k]
        shares = limits.simulate_selection({"X": true_x, "Y": 1 - true_x},
                                           {"X": {s: x_pass[s] for s in upto}, "Y": {s: BASE_PASS[s] for s in upto}})
        out.append((STAGES[k - 1], shares["X"]))
    return out


RATIOS = (("0.5", "half"), ("1", "the same"), ("2", "twice"))


def selection_view(true_x: str, detect: str, report: str) -> View:
    path = selection_path(float(true_x), float(detect), float(report))
    fig = new_figure((6.4, 2.8))
    ax = fig.add_axes([0.30, 0.16, 0.62, 0.62])
    for i, (stage, share) in enumerate(path):
        y = len(path) - 1 - i
        ax.barh(y, share, color=ORANGE if i else BLUE, height=0.6)
        ax.barh(y, 1 - share, left=share, color=REST, height=0.6)
        ax.text(share + 0.01, y, pct(share), va="center", fontsize=9)
    ax.set_yticks(range(len(path)), [("true share: " if i == 0 else "after: ") + s
                                     for i, (s, _) in enumerate(path)][::-1], fontsize=8.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    fig.suptitle("Kind X's share, stage by stage", x=0.02, ha="left", fontsize=10.5)
    _stamp(fig)
    phrase = {"0.5": "half", "1": "the same as", "2": "twice"}
    d, r = phrase[detect], phrase[report]
    setting = (f"kind X is {pct(float(true_x))} of all offending; its chance of detection is {d} kind Y's and its "
               f"chance of press reporting {r} kind Y's")
    final = path[-1][1]
    direction = ("higher than" if final > float(true_x) + 1e-9 else "lower than" if final < float(true_x) - 1e-9
                 else "the same as")
    summary = (f"Illustration: {setting}. In the press-compiled list kind X is {pct(final)}, {direction} its true share "
               f"of {pct(float(true_x))}.")
    alt = (f"Illustration, not data. Kind X's share stage by stage when {setting}: "
           + "; ".join(f"{s} {pct(v)}" for s, v in path) + ".")
    return View(Chart(fig, alt, [pct(v) for _, v in path]), summary)


def selection_spread(true_x: float) -> dict[str, float]:
    """The share in the press-compiled list for every combination of the two ratios."""
    phrase = {"0.5": "half", "1": "same", "2": "twice"}
    return {f"detection {phrase[d]}, reporting {phrase[r]}": selection_path(true_x, float(d), float(r))[-1][1]
            for d, _ in RATIOS for r, _ in RATIOS}


def selection_spread_chart(true_x: float) -> Chart:
    spread = selection_spread(true_x)
    fig = new_figure((6.4, 1.2 + 0.32 * len(spread)))
    ax = fig.add_axes([0.42, 0.14, 0.54, 0.74])
    for i, (label, share) in enumerate(spread.items()):
        y = len(spread) - 1 - i
        ax.plot([true_x, share], [y, y], color=REST, lw=2)
        ax.plot([share], [y], "o", color=ORANGE, ms=7, markeredgecolor=BLACK)
        ax.text(max(share, true_x) + 0.02, y, pct(share), va="center", ha="left", fontsize=8)
    ax.axvline(true_x, color=BLUE, lw=1.5)
    ax.set_yticks(range(len(spread)), [f"X's {k}" for k in reversed(spread)], fontsize=7.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel(f"Kind X's share in the press-compiled list (blue line: its true share, {pct(true_x)})", fontsize=8)
    fig.suptitle("One true share, nine observed shares", x=0.02, ha="left", fontsize=10.5)
    _stamp(fig)
    alt = (f"Illustration, not data. Kind X's true share is {pct(true_x)}; its share in a press-compiled list, for each "
           "combination of its chances of detection and press reporting relative to kind Y: "
           + "; ".join(f"{k}: {pct(v)}" for k, v in spread.items()) + ".")
    return Chart(fig, alt, [pct(true_x)] + [pct(v) for v in spread.values()])


def selection_widget() -> StaticWidget:
    controls = [
        Control("true_x", "True share of offending by kind X", (("0.1", "10%"), ("0.3", "30%"), ("0.5", "50%"))),
        Control("detect", "X's chance of being detected, relative to Y", RATIOS),
        Control("report", "X's chance of press reporting, relative to Y", RATIOS),
    ]
    return StaticWidget(selection_view, controls, title="A selection simulator",
                        default={"true_x": "0.3", "detect": "2", "report": "1"})


# =============================================================================================
# 4. Small numbers

@dataclass(frozen=True)
class SmallShare:
    label: str
    count: int
    n: int
    clusters: int | None = None   # when the n people fall in fewer independent cases


def small_shares(package: Package) -> list[SmallShare]:
    f = package.figure
    ga, gw = f("ceop2011_groups_asian.c4").count, f("ceop2011_groups_white.c4").count
    return [
        SmallShare("HMICFRS 2023: group-based of investigations reviewed", f("investigations_group_based.bbc").count,
                   f("investigations_reviewed.bbc").count),
        SmallShare("HMICFRS 2023: graded good", f("graded_good.gbnews").count, f("investigations_assessed.gbnews").count),
        SmallShare("CEOP 2011: Asian of groups with ethnicity known", ga, ga + gw),
        SmallShare("Quilliam 2017: Asian of people convicted", f("quilliam_asian_count.sky").count,
                   f("quilliam_offenders.hl14053").count, f("quilliam_cases.press").count),
    ]


def small_chart(rows: list[SmallShare]) -> Chart:
    """Each share with two 95% intervals: Wilson (blue) and exact Clopper-Pearson (orange); where
    the people fall in fewer cases, a third (grey) treating each case as one observation."""
    lines = []
    for r in rows:
        lines.append((r, "Wilson", stats.wilson_interval(r.count, r.n), BLUE))
        lines.append((r, "Clopper-Pearson", limits.clopper_pearson(r.count, r.n), ORANGE))
        if r.clusters:
            lines.append((r, f"Wilson, {fmt.count(r.clusters)} cases", limits.clustered_wilson(r.count, r.n, r.clusters),
                          UNKNOWN))
    fig = new_figure((7.0, 1.3 + 0.36 * len(lines)))
    ax = fig.add_axes([0.50, 0.14, 0.46, 0.78])
    sentences, numbers, ticks = [], [], []
    for i, (r, method, (lo, hi), colour) in enumerate(lines):
        y = len(lines) - 1 - i
        ax.plot([lo, hi], [y, y], color=colour, lw=4, solid_capstyle="butt")
        ax.plot([r.count / r.n], [y], "o", color=BLACK, ms=4)
        ticks.append((y, f"{r.label}\n({method})" if method == "Wilson" else f"({method})"))
        sentences.append(f"{r.label}, {fmt.count(r.count)} of {fmt.count(r.n)} ({pct(r.count / r.n)}): {method} "
                         f"{pct(lo)} to {pct(hi)}")
        numbers += [pct(lo), pct(hi)]
    ax.set_yticks([t[0] for t in ticks], [t[1] for t in ticks], fontsize=7)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    fig.suptitle("Small counts, wide intervals (95%)", x=0.02, ha="left", fontsize=10.5)
    alt = ("Small counts, wide intervals. Interval chart, each 95% interval covering sampling variation only: "
           + "; ".join(sentences) + ".")
    return Chart(fig, alt, numbers)


FUNNEL_AREAS = 40
FUNNEL_RATE = 2 / 10_000          # the same true rate in every area of the illustration


def funnel_populations() -> np.ndarray:
    """Forty area populations, spread evenly on a log scale from 20,000 to 1,500,000 (fixed)."""
    return np.round(np.geomspace(20_000, 1_500_000, FUNNEL_AREAS)).astype(int)


def funnel_counts(year: int) -> np.ndarray:
    rng = np.random.default_rng(2026 + year)
    return rng.binomial(funnel_populations(), FUNNEL_RATE)


def funnel_outside(year: int, z: float) -> int:
    """How many of the simulated areas fall outside the exact funnel limits at z in that year."""
    pops, counts = funnel_populations(), funnel_counts(year)
    low, high = limits.funnel_limits(FUNNEL_RATE, pops.tolist(), z=(z,))[z]
    return int(((counts / pops < low) | (counts / pops > high)).sum())


def funnel_top(year: int) -> int:
    """The index of the area with the highest observed rate in that year."""
    return int(np.argmax(funnel_counts(year) / funnel_populations()))


def funnel_view(year: str, limit: str) -> View:
    pops, counts = funnel_populations(), funnel_counts(int(year))
    rates = counts / pops * 10_000
    z = float(limit)
    grid = np.arange(15_000, 1_600_001, 5_000)
    lo_hi = limits.funnel_limits(FUNNEL_RATE, grid.tolist(), z=(z,))[z]
    outside = funnel_outside(int(year), z)
    top = funnel_top(int(year))
    fig = new_figure((6.4, 3.0))
    ax = fig.add_axes([0.12, 0.18, 0.84, 0.62])
    ax.plot(grid, lo_hi[0] * 10_000, color=UNKNOWN, lw=1)
    ax.plot(grid, lo_hi[1] * 10_000, color=UNKNOWN, lw=1)
    ax.axhline(FUNNEL_RATE * 10_000, color=BLACK, lw=1, ls="--")
    ax.plot(pops, rates, "o", color=BLUE, ms=4)
    ax.plot([pops[top]], [rates[top]], "o", color=VERMILLION, ms=7)
    ax.set_xscale("log")
    ax.set_xlabel("Area population (log scale)", fontsize=8.5)
    ax.set_ylabel("Rate per 10,000", fontsize=8.5)
    level = "95%" if z < 2 else "99.8%"
    fig.suptitle(f"Forty areas, one true rate: year {year}, {level} limits", x=0.02, ha="left", fontsize=10.5)
    _stamp(fig)
    summary = (f"Illustration: every area has the same true rate, {fmt.ratio(FUNNEL_RATE * 10_000)} per 10,000. In year "
               f"{year} the highest observed rate is {fmt.ratio(rates[top])} per 10,000, in an area of "
               f"{fmt.count(int(pops[top]))} people; {outside} of {FUNNEL_AREAS} areas fall outside the {level} limits.")
    alt = (f"Illustration, not data. Funnel plot of forty simulated areas with the same true rate of "
           f"{fmt.ratio(FUNNEL_RATE * 10_000)} per 10,000, year {year}: the highest rate, {fmt.ratio(rates[top])}, is in "
           f"an area of {fmt.count(int(pops[top]))}; {outside} areas lie outside the {level} limits (grey lines).")
    return View(Chart(fig, alt, [fmt.ratio(rates[top]), fmt.count(int(pops[top])), str(outside)]), summary)


def funnel_widget() -> StaticWidget:
    controls = [Control("year", "Simulated year", (("1", "year 1"), ("2", "year 2"), ("3", "year 3"))),
                Control("limit", "Control limits", (("1.96", "95%"), ("3.09", "99.8%")))]
    return StaticWidget(funnel_view, controls, title="Where the extremes come from",
                        default={"year": "1", "limit": "1.96"})


# =============================================================================================
# 5. When it happened and when it was counted

YEARS = list(range(2004, 2024))          # abuse years in the illustration
SNAPSHOT = 2023
TRENDS = (("flat", "flat"), ("falling", "falling by 5% a year"), ("rising", "rising by 5% a year"))
MEANS = (("2", "2 years"), ("5", "5 years"), ("10", "10 years"), ("20", "20 years"))


def offending(trend: str) -> dict[int, float]:
    step = {"flat": 1.0, "falling": 0.95, "rising": 1.05}[trend]
    return {y: 100 * step ** (y - YEARS[0]) for y in YEARS}


def delay_view(mean: str, trend: str) -> View:
    pmf = limits.geometric_delays(float(mean), 200)
    truth = offending(trend)
    recorded = {y: truth[y] * limits.recorded_by(SNAPSHOT - y, pmf) for y in YEARS}
    in_snapshot = limits.snapshot_composition(truth, pmf, SNAPSHOT)
    total = sum(in_snapshot.values())
    older = sum(v for y, v in in_snapshot.items() if y < SNAPSHOT) / total
    last5 = sum(recorded[y] for y in YEARS[-5:]) / sum(truth[y] for y in YEARS[-5:])
    fig = new_figure((6.4, 2.9))
    ax = fig.add_axes([0.10, 0.18, 0.86, 0.60])
    ax.bar(YEARS, [truth[y] for y in YEARS], color=REST, width=0.8, label="abuse that happened")
    ax.bar(YEARS, [recorded[y] for y in YEARS], color=BLUE, width=0.8, label=f"recorded by {SNAPSHOT}")
    ax.set_xlabel("Year the abuse happened", fontsize=8.5)
    ax.set_ylabel("Offences", fontsize=8.5)
    ax.set_ylim(0, 1.3 * max(truth.values()))
    ax.set_xticks(YEARS[::3], [str(y) for y in YEARS[::3]])
    ax.legend(frameon=False, fontsize=8, loc="upper left", ncol=2)
    fig.suptitle(f"Recorded by {SNAPSHOT}, by year of abuse\nmean delay {dict(MEANS)[mean]}, offending "
                 f"{dict(TRENDS)[trend]}", x=0.02, ha="left", fontsize=9.5, linespacing=1.2)
    _stamp(fig)
    summary = (f"Illustration: offending {dict(TRENDS)[trend]}, delays to a police record averaging "
               f"{dict(MEANS)[mean]}. By {SNAPSHOT}, {pct(last5)} of the abuse of the last five years has been "
               f"recorded; of the offences recorded in {SNAPSHOT} itself, {pct(older)} happened in earlier years.")
    alt = (f"Illustration, not data. Bars by year of abuse, {YEARS[0]} to {SNAPSHOT}: grey what happened, blue what is "
           f"recorded by {SNAPSHOT}, with offending {dict(TRENDS)[trend]} and a mean delay of {dict(MEANS)[mean]}. "
           f"{pct(last5)} of the last five years' abuse is recorded; {pct(older)} of offences recorded in "
           f"{SNAPSHOT} happened earlier.")
    return View(Chart(fig, alt, [pct(last5), pct(older)]), summary)


def censoring_chart() -> Chart:
    """Share of abuse recorded by now against years since it happened, for each average delay."""
    years = np.arange(0, 31)
    fig = new_figure((6.4, 3.0))
    ax = fig.add_axes([0.11, 0.17, 0.56, 0.66])
    colours = (SKY, GREEN, ORANGE, VERMILLION)
    sentences, numbers = [], []
    for (mean, label), colour in zip(MEANS, colours):
        pmf = limits.geometric_delays(float(mean), 200)
        shares = [limits.recorded_by(int(t), pmf) for t in years]
        ax.plot(years, shares, color=colour, lw=2, label=f"average delay {label}")
        at1, at10 = shares[1], shares[10]
        sentences.append(f"average delay {label}: {pct(at1)} after one year, {pct(at10)} after ten")
        numbers += [pct(at1), pct(at10)]
    ax.set_ylim(0, 1)
    ax.set_xlim(0, 30)
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel("Years since the abuse", fontsize=8.5)
    ax.set_ylabel("Share recorded", fontsize=8.5)
    ax.legend(frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.suptitle("How much of a year's abuse is recorded, by years since", x=0.02, ha="left", fontsize=10.5)
    _stamp(fig)
    alt = ("Illustration, not data. Lines of the share of abuse recorded against years since it happened, for a "
           "long-tailed delay: " + "; ".join(sentences) + ".")
    return Chart(fig, alt, numbers)


def delay_widget() -> StaticWidget:
    controls = [Control("mean", "Average delay from abuse to police record", MEANS),
                Control("trend", "Offending over the years", TRENDS)]
    return StaticWidget(delay_view, controls, title="The years between abuse and record",
                        default={"mean": "10", "trend": "flat"})


# =============================================================================================
# 6. Claim checker

QUESTIONS = (
    ("unit", "Does it say what is counted (offences, suspects, people convicted, groups)?"),
    ("denominator", "Does it give the denominator, and is it the right one for the claim?"),
    ("missing", "Does it say how many records are missing (for example, ethnicity not recorded)?"),
    ("sample", "Is the base all recorded cases, rather than a selected or compiled set?"),
    ("category", "Does the category match the claim (all group-based, or exploitation only)?"),
)


def checklist_view(unit: str, denominator: str, missing: str, sample: str, category: str) -> View:
    answers = {"unit": unit, "denominator": denominator, "missing": missing, "sample": sample, "category": category}
    yes = sum(1 for v in answers.values() if v == "yes")
    fig = new_figure((6.4, 2.4))
    ax = fig.add_axes([0.02, 0.05, 0.96, 0.78])
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.5, len(QUESTIONS) - 0.5)
    ax.axis("off")
    for i, (key, question) in enumerate(QUESTIONS):
        y = len(QUESTIONS) - 1 - i
        ok = answers[key] == "yes"
        ax.add_patch(Rectangle((0.0, y - 0.35), 0.1, 0.7, color=GREEN if ok else UNKNOWN))
        ax.text(0.05, y, "yes" if ok else "no", ha="center", va="center", color=text_on(GREEN if ok else UNKNOWN),
                fontsize=8.5)
        ax.text(0.12, y, question, va="center", fontsize=8, color=TEXT)
    fig.suptitle(f"A claim checked: {yes} of {len(QUESTIONS)} questions answered yes", x=0.02, ha="left",
                 fontsize=10.5)
    missing_items = [q for k, q in QUESTIONS if answers[k] != "yes"]
    if yes == len(QUESTIONS):
        verdict = "The claim states what it needs; check the figure against its source."
    else:
        verdict = "Before repeating the claim, find out: " + " ".join(missing_items)
    summary = f"{yes} of {len(QUESTIONS)} answered yes. {verdict}"
    alt = (f"A claim checked: {yes} of {len(QUESTIONS)} questions answered yes. "
           + " ".join(f"{q} {answers[k]}." for k, q in QUESTIONS))
    return View(Chart(fig, alt, [str(yes), str(len(QUESTIONS))]), summary)


def checklist_widget() -> StaticWidget:
    yes_no = (("yes", "yes"), ("no", "no"))
    controls = [Control(k, q, yes_no) for k, q in QUESTIONS]
    return StaticWidget(checklist_view, controls, title="Check a claim",
                        default={k: "no" for k, _ in QUESTIONS})


READINGS = {"no group stands out": "Cited for: the national data show no group standing out",
            "over-representation understated": "Cited for: the data understate over-representation"}


def missing_text(package: Package, figure_id: str, about_ethnicity: bool = True) -> str:
    """The share of the claim's base with ethnicity not recorded, from the linked figure."""
    if not about_ethnicity:
        return "not applicable: the claim is not about ethnicity"
    if not figure_id:
        return "not published for this base"
    f = package.figure(figure_id)
    value = f.value / 100
    if "unknown" in f.statistic or "not_recorded" in f.statistic:
        return f"{pct(value)} unknown"
    if "recorded" in f.statistic:
        return f"{pct(1 - value)} not recorded ({f.value_as_printed} recorded)"
    raise ValueError(f"{figure_id} is not a share recorded or unknown")


def claims_frame(package: Package):
    """The claim checker's table: every number computed from the figures each claim links to."""
    import pandas as pd

    rows = []
    for _, c in package.claims.iterrows():
        f = package.figure(c.figure_id)
        ratio = "no population comparison"
        if c.comparator_figure_id:
            comp = package.figure(c.comparator_figure_id)
            ratio = (f"{fmt.ratio(f.value / comp.value)} times the population share "
                     f"({comp.value_as_printed}, {comp.geography}; the recorded share, not a bound)")
        rows.append({
            "Claim": f"“{f.value_as_printed}” {c.claim}",
            "Reading": READINGS[c.reading],
            "Who said it": c.said_by,
            "Counting unit": c.unit,
            "Denominator": c.denominator,
            "Period": f.period,
            "Share missing": missing_text(package, c.missing_figure_id, bool(c.comparator_figure_id)),
            "Kind of sample": c["sample"],
            "Category": c.category,
            "Ratio to the population": ratio,
            "Evidence status": STATUS_LABELS[f.status],
            "What the data support": c.supports,
        })
    return pd.DataFrame(rows)


def claim_counts(package: Package) -> dict[str, int]:
    return package.claims.reading.value_counts().to_dict()
