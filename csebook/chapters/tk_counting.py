"""The toolkit chapter tk_counting: Counting what? The units each source counted, and one pattern of offending counted three ways.

Illustrations (a world in which the truth is known, with numbers chosen to teach) are
labelled as such on every chart and summary that shows one."""
from __future__ import annotations

from dataclasses import dataclass

from .. import fmt
from ..charts import BAR_HEIGHT, BAR_INSET, Chart, bar_row, log_axis, percent_axis, stamp
from ..data import Package
from ..layout import Layout
from ..style import BLUE, GREEN, ORANGE, SKY
from ..widgets import Control, StaticWidget, View

pct = fmt.share


@dataclass(frozen=True)
class UnitCount:
    study: str
    unit: str
    figure_id: str


UNITS_LIST = "tk_counting_units"   # each study's counts, in each unit it used (data/figure_lists.csv)
STUDY_COLOURS = {"CEOP 2011": SKY, "Quilliam 2017": ORANGE, "Bhatti-Sinclair and Sutcliffe": GREEN, "Police, 2023": BLUE}


def unit_counts(package: Package) -> tuple[UnitCount, ...]:
    """The counts in the list's order: the study is the row's member (coloured in STUDY_COLOURS), the
    unit as the chart names it the row's words."""
    package.list_members(UNITS_LIST, STUDY_COLOURS, "csebook/chapters/tk_counting.py")
    out = []
    for r in package.figure_list(UNITS_LIST):
        if not r.words:
            raise r.error("words", "the unit as the chart names it is missing")
        out.append(UnitCount(r.member, r.words, r.figure_id))
    return tuple(out)


def units_chart(package: Package) -> Chart:
    """Each study's own counts in each unit it used, on a log scale (the units differ by
    hundreds of times); each bar's label on the line above it."""
    rows = [(u, package.figure(u.figure_id).count) for u in unit_counts(package)]
    colours = STUDY_COLOURS
    lay = Layout().title("One subject, many units: what each source counted")
    for u, n in rows:
        lay.text(f"{u.study}, {u.unit}: {fmt.count(n)}")

        def draw(ax, n=n, colour=colours[u.study]):
            ax.set_xscale("log")
            ax.set_xlim(10, 30000)
            ax.set_ylim(0, 1)
            ax.barh(0.5, n, left=10, height=1.0, color=colour, linewidth=0)
        lay.band(BAR_HEIGHT, draw, left=BAR_INSET, right=BAR_INSET)

    log_axis(lay, 10, 30000, [10, 100, 1000, 10000])
    lay.text("Count, on a log scale: each step is ten times the last", indent=BAR_INSET)
    alt = ("One subject, many units: what each source counted. Bar chart on a log scale: "
           + "; ".join(f"{u.study}, {u.unit}: {fmt.count(n)}" for u, n in rows) + ".")
    return Chart(lay.figure(), alt, [fmt.count(n) for _, n in rows])


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
    lay = Layout().title("Kind X (orange) counted three ways")
    stamp(lay)
    for key in ("groups", "people", "offences"):
        lay.text(f"Share of {key}: {pct(shares[key])}")
        bar_row(lay, [(0, shares[key], ORANGE, ""), (shares[key], 1 - shares[key], SKY, "")])
    percent_axis(lay, "")
    each = ("the same number of recorded offences as a person in a Y group" if r == 1
            else f"{fmt.count(r)} times the recorded offences of a person in a Y group")
    setting = (f"{pct(g)} of groups are kind X; an X group has {fmt.count(sx)} people, a Y group "
               f"{COUNT_Y_SIZE}; each person in an X group has {each}")
    numbers = [pct(shares[k]) for k in ("groups", "people", "offences")]
    alt = (f"Illustration, not data. Kind X counted three ways when {setting}: {numbers[0]} of groups, "
           f"{numbers[1]} of people, {numbers[2]} of recorded offences.")
    summary = (f"Illustration: {setting}. Kind X is {numbers[0]} of groups, {numbers[1]} of people and "
               f"{numbers[2]} of recorded offences. Same offending, three shares.")
    return View(Chart(lay.figure(), alt, numbers), summary)


def counting_widget() -> StaticWidget:
    controls = [
        Control("groups_x", "Share of groups that are kind X", (("0.2", "20%"), ("0.5", "50%"))),
        Control("size_x", "People in a group of kind X (kind Y: 5)", (("2", "2"), ("5", "5"), ("10", "10"))),
        Control("offences", "Offences per person in X, relative to Y", (("1", "the same"), ("3", "three times"))),
    ]
    return StaticWidget(counting_view, controls, title="One pattern of offending, counted three ways",
                        default={"groups_x": "0.2", "size_x": "10", "offences": "1"})
