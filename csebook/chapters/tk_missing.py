"""The toolkit chapter tk_missing: the missing majority: bounds on the book's own cases, and data
missing not at random (an unrecorded record so many times as likely to be in a group as a recorded
one: a risk ratio, capped so that no more than all of the unrecorded are in the group)."""
from __future__ import annotations

from dataclasses import dataclass

from .. import fmt, limits, stats, suspects
from ..charts import BAR_INSET, Chart, percent_axis
from ..data import STATUS_LABELS, Package
from ..layout import Layout
from ..style import BLACK, ORANGE, UNKNOWN
from ..widgets import Control, StaticWidget, View

pct = fmt.share


@dataclass(frozen=True)
class MissingCase:
    key: str
    label: str
    recorded: float      # share of the base with ethnicity recorded
    of_recorded: float   # the group's share of the recorded
    status: str
    missing_words: str = "unrecorded"   # what the rest is: unrecorded, or unknown or not described


def missing_cases(package: Package) -> list[MissingCase]:
    from .. import studies

    comps = {c.key: c for c in studies.compositions(package)}
    out = []
    for key, label in (("ceop2011_suspects", "CEOP 2011 suspects: Asian"), ("ceop2011_groups", "CEOP 2011 groups: Asian"),
                       ("occ2012_perpetrators", "Children's Commissioner 2012: Asian")):
        c = comps[key]
        out.append(MissingCase(key, label, 1 - c.unrecorded - c.undescribed, c.asian_of_known()[0], c.status,
                               "unknown or not described" if c.undescribed else "unrecorded"))
    series = suspects.series_by_key(package)
    for key, label in (("gbo2023_asian", "Group-based 2023: Asian"), ("gbo2023_white", "Group-based 2023: White"),
                       ("gmp_csa_asian", "GMP, all child sexual abuse: Asian")):
        s = series[key]
        out.append(MissingCase(key, label, s.recording.share, s.of_recorded, STATUS_LABELS["secondary"]))
    return out


def missing_overview_chart(cases: list[MissingCase]) -> Chart:
    """Every case's bounds as a bar, with the 'like the recorded' share as a dot: the bar's
    length is exactly the share unrecorded."""
    lay = Layout().title("What the unrecorded allow, case by case")
    lay.legend([("possible share of all (the bounds)", UNKNOWN), ("if the unrecorded are like the recorded", ORANGE)])
    sentences, numbers = [], []
    for c in cases:
        low, high = stats.share_bounds(c.recorded, c.of_recorded)
        text = (f"{pct(low)} to {pct(high)}; {pct(c.of_recorded)} if like the recorded "
                f"({pct(1 - c.recorded)} {c.missing_words})")
        lay.text(f"{c.label}: {text}")

        def draw(ax, low=low, high=high, mid=c.of_recorded):
            ax.set_xlim(0, 1)
            ax.set_ylim(-1, 1)
            ax.plot([low, high], [0, 0], color=UNKNOWN, lw=7, solid_capstyle="butt")
            ax.plot([mid], [0], "o", color=ORANGE, ms=8, markeredgecolor=BLACK)
        lay.band(0.2, draw, left=BAR_INSET, right=BAR_INSET)
        sentences.append(f"{c.label}: {text}")
        numbers += [pct(low), pct(high), pct(c.of_recorded)]
    percent_axis(lay, "Share of all records in the group")
    alt = "What the unrecorded allow, case by case. Range chart: " + "; ".join(sentences) + "."
    return Chart(lay.figure(), alt, numbers)


RISKS = (("0.25", "a quarter as likely"), ("0.5", "half as likely"), ("1", "as likely (missing at random)"),
         ("2", "twice as likely"), ("4", "four times as likely"))


def missing_view(package: Package, case: str, risk: str) -> View:
    c = next(x for x in missing_cases(package) if x.key == case)
    r = float(risk)
    low, high = stats.share_bounds(c.recorded, c.of_recorded)
    value, capped = limits.share_with_risk(c.recorded, c.of_recorded, r)
    label = dict(RISKS)[risk]
    cap = (" The unrecorded cannot all be more than all in the group, so the share among them is capped at "
           "100%.") if capped else ""
    lay = Layout().title(c.label)
    lay.text(f"If an unrecorded record is {label} to be in the group as a recorded one (risk ratio {r:g})")
    lay.text(f"Share of all: {pct(value)}", weight="bold")

    def draw(ax):
        ax.set_xlim(0, 1)
        ax.set_ylim(-1, 1)
        ax.plot([low, high], [0, 0], color=UNKNOWN, lw=9, solid_capstyle="butt")
        ax.plot([c.of_recorded, c.of_recorded], [-0.9, 0.9], color=BLACK, lw=2)
        ax.plot([value], [0], "o", color=ORANGE, ms=11, markeredgecolor=BLACK)
    lay.band(0.3, draw, left=BAR_INSET, right=BAR_INSET)
    percent_axis(lay, f"Orange dot: the share of all. Black tick: {pct(c.of_recorded)} among the recorded. "
                      f"Grey: the bounds, {pct(low)} to {pct(high)}.")
    summary = (f"{c.label}: {pct(c.recorded)} recorded. If an unrecorded record is {label} to be in the group "
               f"as a recorded one (risk ratio {r:g}), the share of all is {pct(value)}, against "
               f"{pct(c.of_recorded)} among the recorded and bounds of {pct(low)} to {pct(high)}.{cap}")
    alt = (f"{c.label}, if an unrecorded record is {label} to be in the group (risk ratio {r:g}). Share of all "
           f"{pct(value)} (dot); among the recorded {pct(c.of_recorded)} (tick); bounds {pct(low)} to {pct(high)} "
           f"(grey bar).{cap}")
    return View(Chart(lay.figure(), alt, [pct(value), pct(c.of_recorded), pct(low), pct(high)]), summary)


def missing_widget(package: Package) -> StaticWidget:
    controls = [Control("case", "Case", tuple((c.key, c.label) for c in missing_cases(package)), kind="select"),
                Control("risk", "An unrecorded record is", RISKS)]
    return StaticWidget.bound(missing_view, package, controls,
                              title="When the missing differ from the recorded",
                              default={"case": "gbo2023_asian", "risk": "1"})
