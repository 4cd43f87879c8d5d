"""The toolkit chapter tk_missing: The missing majority: bounds on the book's own cases, and data missing not at random.

Illustrations (a world in which the truth is known, with numbers chosen to teach) are
labelled as such on every chart and summary that shows one."""
from __future__ import annotations

from dataclasses import dataclass

from .. import fmt, limits, stats, suspects
from ..charts import ILLUSTRATION, Chart
from ..data import STATUS_LABELS, Package
from ..style import BLACK, ORANGE, UNKNOWN, VERMILLION, new_figure, text_on
from ..widgets import Control, StaticWidget, View

pct = fmt.share


def _stamp(fig) -> None:
    """Mark an illustrative chart as such, on the image itself."""
    fig.text(0.985, 0.985, ILLUSTRATION, ha="right", va="top", fontsize=8, color=text_on(VERMILLION),
             bbox=dict(boxstyle="round,pad=0.3", facecolor=VERMILLION, edgecolor="none"))


@dataclass(frozen=True)
class MissingCase:
    key: str
    label: str
    recorded: float      # share of the base with ethnicity recorded
    of_recorded: float   # the group's share of the recorded
    status: str


def missing_cases(package: Package) -> list[MissingCase]:
    from . import home_office_2020 as homeoffice

    comps = {c.key: c for c in homeoffice.compositions(package)}
    out = []
    for key, label in (("ceop2011_suspects", "CEOP 2011 suspects: Asian"), ("ceop2011_groups", "CEOP 2011 groups: Asian"),
                       ("occ2012_perpetrators", "Children's Commissioner 2012: Asian")):
        c = comps[key]
        out.append(MissingCase(key, label, 1 - c.unrecorded - c.undescribed, c.asian_of_known()[0], c.status))
    series = suspects.series_by_key(package)
    for key, label in (("gbo2023_asian", "Group-based 2023: Asian"), ("gbo2023_white", "Group-based 2023: White"),
                       ("gmp_csa_asian", "GMP, all child sexual abuse: Asian")):
        s = series[key]
        out.append(MissingCase(key, label, s.recording.share, s.of_recorded, STATUS_LABELS["secondary"]))
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
    return Chart(fig, alt, numbers, legacy=True)


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
               f"as a recorded one (odds ratio {r:g}), the share of all is {pct(value)}, against "
               f"{pct(c.of_recorded)} among the recorded and bounds of {pct(low)} to {pct(high)}.")
    alt = (f"{c.label}, if an unrecorded record is {label} to be in the group. Share of all {pct(value)} (dot); "
           f"among the recorded {pct(c.of_recorded)} (tick); bounds {pct(low)} to {pct(high)} (grey bar).")
    return View(Chart(fig, alt, [pct(value), pct(c.of_recorded), pct(low), pct(high)], legacy=True), summary)


def missing_widget(package: Package) -> StaticWidget:
    controls = [Control("case", "Case", tuple((c.key, c.label) for c in missing_cases(package)), kind="select"),
                Control("odds", "An unrecorded record is", ODDS)]
    return StaticWidget(lambda case, odds: missing_view(package, case, odds), controls,
                        title="When the missing differ from the recorded",
                        default={"case": "gbo2023_asian", "odds": "1"})
