"""The toolkit chapter tk_small: small numbers, clustering, and where extreme local rates come from.

Intervals are drawn only for shares that chance could have moved: a sample, or a year's count from
an ongoing process. A compiled list gets none. Where people come in groups (forces, networks,
cases), the interval also counts each group once, and says what it assumes about their sizes.

The funnel plot is an illustration (a world in which the truth is known, with numbers chosen to
teach), labelled as such on the chart and in its summary."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import MaxNLocator

from .. import fmt, limits, stats
from ..charts import BAR_INSET, Chart, percent_axis, plot_block, stamp
from ..data import Package
from ..layout import Layout
from ..style import BLACK, BLUE, ORANGE, REST, UNKNOWN, VERMILLION
from ..widgets import Control, StaticWidget, View

pct = fmt.share

GROUP_SIZE = 3        # an assumption for national group-based suspects: groups of three on average
CV_UNEQUAL = 0.5      # an assumption: group sizes vary with a coefficient of variation of one half


@dataclass(frozen=True)
class Interval:
    label: str          # what the interval assumes
    low: float
    high: float
    colour: str


@dataclass(frozen=True)
class SmallShare:
    label: str
    count: int
    n: int
    kind: str                       # 'sample', 'process' or 'list'
    intervals: tuple[Interval, ...]
    note: str


def small_shares(package: Package) -> list[SmallShare]:
    f = package.figure
    good, assessed = f("graded_good.gbnews").count, f("investigations_assessed.gbnews").count
    forces = f("forces_inspected.guardian").count
    hm = SmallShare(
        "Inspection 2023: investigations graded good", good, assessed, "sample",
        (Interval("each investigation independent", *stats.wilson_interval(good, assessed), BLUE),
         Interval(f"each of the {forces} forces counted once (equal numbers of investigations)",
                  *limits.clustered_wilson(good, assessed, forces), ORANGE),
         Interval(f"the same, forces of unequal size (CV {fmt.ratio(CV_UNEQUAL)})",
                  *limits.clustered_wilson(good, assessed, limits.effective_clusters(forces, CV_UNEQUAL)), REST)),
        "Investigations chosen by the inspectorate in forces it chose: the intervals cover chance among "
        "investigations like these, not how they were chosen.")
    p24 = f("gbo_subset_2024q3_pakistani_count.khyber").count
    n24 = round(p24 / (f("gbo_subset_2024q3_pakistani.sky").value / 100))
    groups = n24 / GROUP_SIZE
    sub = SmallShare(
        "Outside families and institutions, Jan to Sep 2024: recorded as Pakistani", p24, n24, "process",
        (Interval("each suspect independent", *stats.wilson_interval(p24, n24), BLUE),
         Interval(f"suspects in groups of {GROUP_SIZE}, each group one ethnicity (an assumption)",
                  *limits.clustered_wilson(p24, n24, groups), ORANGE),
         Interval(f"the same, groups of unequal size (CV {fmt.ratio(CV_UNEQUAL)})",
                  *limits.clustered_wilson(p24, n24, limits.effective_clusters(round(groups), CV_UNEQUAL)), REST)),
        "All recorded suspects, not a sample: the interval covers chance in which suspects a year's "
        "process brings to a record, not the unrecorded.")
    q, qn = f("quilliam_asian_count.sky").count, f("quilliam_offenders.hl14053").count
    quilliam = SmallShare(
        "Quilliam 2017: people convicted, recorded as Asian", q, qn, "list", (),
        "A list compiled from press reports: no sampling interval applies, because it was never a sample.")
    return [hm, sub, quilliam]


def small_chart(rows: list[SmallShare]) -> Chart:
    """Each share as a dot; below it, one bar per interval, each labelled with what it assumes; a
    list gets no interval and says why."""
    lay = Layout().title("Small counts: which intervals apply")
    sentences, numbers = [], []
    for r in rows:
        share = r.count / r.n
        lay.text(f"{r.label}: {fmt.count(r.count)} of {fmt.count(r.n)}, {pct(share)}", weight="bold")
        numbers.append(pct(share))
        if not r.intervals:
            lay.text("No interval: " + r.note, style="italic")
            sentences.append(f"{r.label}: {fmt.count(r.count)} of {fmt.count(r.n)}, {pct(share)}; no interval, "
                             "a compiled list")
            lay.gap(0.08)
            continue
        parts = []
        for iv in r.intervals:
            lay.text(f"{pct(iv.low)} to {pct(iv.high)}: {iv.label}", color="#222222")

            def draw(ax, iv=iv, share=share):
                ax.set_xlim(0, 1)
                ax.set_ylim(-1, 1)
                ax.plot([iv.low, iv.high], [0, 0], color=iv.colour, lw=5, solid_capstyle="butt")
                ax.plot([share], [0], "o", color=BLACK, ms=6)
            lay.band(0.16, draw, left=BAR_INSET, right=BAR_INSET)
            numbers += [pct(iv.low), pct(iv.high)]
            parts.append(f"{iv.label}, {pct(iv.low)} to {pct(iv.high)}")
        sentences.append(f"{r.label}: {fmt.count(r.count)} of {fmt.count(r.n)}, {pct(share)}; 95% Wilson intervals: "
                         + "; ".join(parts))
        lay.gap(0.08)
    percent_axis(lay, "Share: dot; bars, 95% Wilson intervals under each assumption")
    alt = "Small counts: which intervals apply. " + ". ".join(sentences) + "."
    return Chart(lay.figure(), alt, numbers)


# -- the funnel: one true rate, offences that come in networks -----------------------------------------
FUNNEL_AREAS = 40
FUNNEL_RATE = 2 / 10_000          # offences per resident, the same in every area of the illustration
NETWORK_SIZE = 8                  # offences per network, on average (the statistician's illustration)
LIMITS = (("offences", "offences, limits for chance alone"),
          ("offences_od", "offences, limits widened for networks"),
          ("networks", "networks, limits for chance alone"))
LEVELS = (("1.96", "95%"), ("3.09", "99.8%"))


def funnel_populations() -> np.ndarray:
    """Forty area populations, spread evenly on a log scale from 20,000 to 1,500,000 (fixed)."""
    return np.round(np.geomspace(20_000, 1_500_000, FUNNEL_AREAS)).astype(int)


def funnel_networks(year: int) -> tuple[np.ndarray, np.ndarray]:
    """(networks, offences) in each area: networks arise at random (Poisson, at the rate that gives
    FUNNEL_RATE offences on average) and each commits 1 + Poisson(NETWORK_SIZE - 1) offences."""
    rng = np.random.default_rng(2026 + year)
    networks = rng.poisson(funnel_populations() * FUNNEL_RATE / NETWORK_SIZE)
    offences = np.array([int(k + rng.poisson(NETWORK_SIZE - 1, k).sum()) for k in networks])
    return networks, offences


def funnel_counts(year: int) -> np.ndarray:
    return funnel_networks(year)[1]


def _series(year: int, counting: str) -> tuple[np.ndarray, float]:
    networks, offences = funnel_networks(year)
    if counting == "networks":
        return networks, FUNNEL_RATE / NETWORK_SIZE
    return offences, FUNNEL_RATE


def funnel_phi(year: int) -> float:
    counts, rate = _series(year, "offences")
    return limits.overdispersion(counts, funnel_populations().tolist(), rate)


def _limits(year: int, counting: str, z: float, populations) -> tuple[np.ndarray, np.ndarray]:
    _, rate = _series(year, counting)
    if counting == "offences_od":
        return limits.funnel_limits_overdispersed(rate, populations, funnel_phi(year), z=z)[z]
    return limits.funnel_limits(rate, populations, z=(z,))[z]


def funnel_outside(year: int, z: float, counting: str = "offences") -> int:
    """How many of the simulated areas fall outside the limits at z in that year."""
    pops = funnel_populations()
    counts, _ = _series(year, counting)
    low, high = _limits(year, counting, z, pops.tolist())
    return int(((counts / pops < low) | (counts / pops > high)).sum())


def funnel_top(year: int) -> int:
    """The index of the area with the highest observed rate of offences in that year."""
    return int(np.argmax(funnel_counts(year) / funnel_populations()))


def funnel_view(year: str, counting: str, limit: str) -> View:
    y, z = int(year), float(limit)
    pops = funnel_populations()
    counts, rate = _series(y, counting)
    unit = "networks" if counting == "networks" else "offences"
    scale = 100_000 if unit == "networks" else 10_000
    rates = counts / pops * scale
    grid = np.geomspace(15_000, 1_600_000, 120).round().astype(int)
    low, high = _limits(y, counting, z, grid.tolist())
    outside = funnel_outside(y, z, counting)
    level = dict(LEVELS)[limit]
    top = int(np.argmax(rates))
    per = f"per {fmt.count(scale)}"

    def draw(ax):
        ax.plot(grid, low * scale, color=UNKNOWN, lw=1.5)
        ax.plot(grid, high * scale, color=UNKNOWN, lw=1.5)
        ax.axhline(rate * scale, color=BLACK, lw=1, ls="--")
        ax.plot(pops, rates, "o", color=BLUE, ms=5)
        ax.plot([pops[top]], [rates[top]], "o", color=VERMILLION, ms=8)
        ax.set_xscale("log")
        ax.set_xticks([20_000, 100_000, 1_000_000], ["20,000", "100,000", "1,000,000"])
        ax.minorticks_off()
        ax.set_ylim(0, max(rates.max(), high.max() * scale) * 1.08)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

    lay = Layout().title(f"Forty areas, one true rate: year {year}")
    stamp(lay)
    phi_text = f" (over-dispersion {fmt.ratio(funnel_phi(y))}, estimated from the areas)" if counting == "offences_od" else ""
    lay.text(f"Counting {dict(LIMITS)[counting]}{phi_text}; {level} limits (grey). {outside} of {FUNNEL_AREAS} "
             "areas fall outside.")
    plot_block(lay, draw, ylabel=f"{unit.capitalize()} {per} residents", xlabel="Area population (log scale)",
               height=2.0, left=0.45)
    summary = (f"Illustration, not data: every area has the same true rate, and offences come in networks of "
               f"{NETWORK_SIZE} on average. Counting {dict(LIMITS)[counting]}, {outside} of {FUNNEL_AREAS} areas fall "
               f"outside the {level} limits in year {year}{phi_text}.")
    alt = (f"Illustration, not data. Funnel plot of forty simulated areas with the same true rate, year {year}, "
           f"counting {dict(LIMITS)[counting]}{phi_text}: {outside} of {FUNNEL_AREAS} areas lie outside the {level} "
           f"limits (grey lines); the dashed line is the true rate.")
    return View(Chart(lay.figure(), alt, [str(outside), str(FUNNEL_AREAS)]), summary)


def funnel_widget() -> StaticWidget:
    controls = [Control("year", "Simulated year", (("1", "year 1"), ("2", "year 2"), ("3", "year 3"))),
                Control("counting", "What is counted, and the limits", LIMITS, kind="select"),
                Control("limit", "Control limits", LEVELS)]
    return StaticWidget(funnel_view, controls, title="Where the extremes come from",
                        default={"year": "1", "counting": "offences", "limit": "3.09"})
