"""The toolkit chapter tk_small: Small numbers: intervals for the book's small counts, and where extreme local rates come from.

Illustrations (a world in which the truth is known, with numbers chosen to teach) are
labelled as such on every chart and summary that shows one."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import fmt, limits, stats
from ..charts import ILLUSTRATION, Chart
from ..data import Package
from ..style import BLACK, BLUE, ORANGE, UNKNOWN, VERMILLION, new_figure, text_on
from ..widgets import Control, StaticWidget, View

pct = fmt.share


def _stamp(fig) -> None:
    """Mark an illustrative chart as such, on the image itself."""
    fig.text(0.985, 0.985, ILLUSTRATION, ha="right", va="top", fontsize=8, color=text_on(VERMILLION),
             bbox=dict(boxstyle="round,pad=0.3", facecolor=VERMILLION, edgecolor="none"))


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
    return Chart(fig, alt, numbers, legacy=True)


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
    return View(Chart(fig, alt, [fmt.ratio(rates[top]), fmt.count(int(pops[top])), str(outside)], legacy=True), summary)


def funnel_widget() -> StaticWidget:
    controls = [Control("year", "Simulated year", (("1", "year 1"), ("2", "year 2"), ("3", "year 3"))),
                Control("limit", "Control limits", (("1.96", "95%"), ("3.09", "99.8%")))]
    return StaticWidget(funnel_view, controls, title="Where the extremes come from",
                        default={"year": "1", "limit": "1.96"})
