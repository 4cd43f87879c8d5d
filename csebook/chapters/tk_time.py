"""The toolkit chapter tk_time: when it happened and when it was counted.

Police and statistics series count offences by the year they were recorded. A model of delay from
abuse to record shows both counts: by year recorded (what the series show) and by year of abuse as
known today (right-censored: recent years look low). A change in willingness to report, such as the
rise after 2014, moves the year-recorded series without any change in offending.

Everything here is an illustration (a world in which the truth is known, with numbers chosen to
teach), labelled as such on every chart and summary."""
from __future__ import annotations

from matplotlib.ticker import MaxNLocator

from .. import fmt, limits
from ..charts import Chart, plot_block, stamp
from ..layout import Layout
from ..style import BLUE, ORANGE, REST
from ..widgets import Control, StaticWidget, View

pct = fmt.share

SNAPSHOT = 2023
SHOWN = list(range(2004, SNAPSHOT + 1))      # the years drawn
HORIZON = 80                                   # delays longer than this are left unrecorded
START = SHOWN[0] - HORIZON                      # offending reaches back this far: no artefact at the start
TREND_FROM = SHOWN[0]                          # any trend in offending begins here; level before
BASE = 0.3                                     # share of abuse ever recorded before any change (illustrative)
CHANGE_YEAR = 2014

TRENDS = (("flat", "flat"), ("falling", "falling 5% a year"), ("rising", "rising 5% a year"))
MEANS = (("2", "2 years"), ("10", "10 years"), ("20", "20 years"))
REPORTING = (("none", "no change"), ("step", f"doubles in {CHANGE_YEAR}"),
             ("ramp", f"doubles over {CHANGE_YEAR} to {CHANGE_YEAR + 4}"))


def offending(trend: str) -> dict[int, float]:
    """Abuse that happened each year, 100 a year up to TREND_FROM, then the trend."""
    step = {"flat": 1.0, "falling": 0.95, "rising": 1.05}[trend]
    return {y: 100 * step ** max(0, y - TREND_FROM) for y in range(START, SNAPSHOT + 1)}


def propensity(change: str):
    """The share of abuse that would ever be recorded, by year of record."""
    def p(year: int) -> float:
        if change == "step":
            return BASE * (2 if year >= CHANGE_YEAR else 1)
        if change == "ramp":
            return BASE * (1 + min(1.0, max(0.0, (year - CHANGE_YEAR + 1) / 5)))
        return BASE
    return p


def model(mean: str, trend: str, change: str) -> tuple[dict, dict, dict]:
    """(offending, recorded by year of record, recorded by year of abuse as known in SNAPSHOT)."""
    pmf = limits.geometric_delays(float(mean), HORIZON)
    truth = offending(trend)
    by_record = limits.records_by_year(truth, pmf, propensity(change), SHOWN)
    by_abuse = limits.recorded_by_year_of_abuse(truth, pmf, propensity(change), SNAPSHOT, SHOWN)
    return truth, by_record, by_abuse


def _panel(values: dict, truth: dict, colour: str, top: float):
    def draw(ax):
        ax.bar(SHOWN, [values[y] for y in SHOWN], color=colour, width=0.8)
        ax.plot(SHOWN, [truth[y] for y in SHOWN], color=REST, lw=2.5)
        ax.set_ylim(0, top)
        ax.set_xlim(SHOWN[0] - 0.7, SHOWN[-1] + 0.7)
        ax.set_xticks([2004, 2010, 2016, 2022])
        ax.yaxis.set_major_locator(MaxNLocator(3, integer=True))
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return draw


def delay_view(mean: str, trend: str, change: str) -> View:
    truth, by_record, by_abuse = model(mean, trend, change)
    line = {y: BASE * truth[y] for y in SHOWN}     # what would be recorded at the old willingness, with no delay
    top = 1.15 * max(max(line.values()), max(by_record.values()))
    r0, r1 = by_record[SNAPSHOT - 4], by_record[SNAPSHOT]
    a0, a1 = by_abuse[SNAPSHOT - 4], by_abuse[SNAPSHOT]
    o0, o1 = truth[SNAPSHOT - 4], truth[SNAPSHOT]
    words = (f"offending {dict(TRENDS)[trend]}, average delay to a record {dict(MEANS)[mean]}, willingness "
             f"to report {dict(REPORTING)[change]}")
    lay = Layout().title("One model, counted two ways")
    stamp(lay)
    lay.text(words.capitalize() + f". Grey line: abuse that happened each year, times {pct(BASE)} (the share "
             "ever recorded before any change).")
    lay.text(f"Counted by year recorded, as police series are ({SNAPSHOT - 4}: {r0:.0f}; {SNAPSHOT}: {r1:.0f})",
             weight="bold")
    plot_block(lay, _panel(by_record, line, BLUE, top), height=1.5, left=0.45)
    lay.text(f"Counted by year of abuse, as known in {SNAPSHOT} ({SNAPSHOT - 4}: {a0:.0f}; {SNAPSHOT}: {a1:.0f})",
             weight="bold")
    plot_block(lay, _panel(by_abuse, line, ORANGE, top), height=1.5, left=0.45, xlabel="Year")
    numbers = [f"{r0:.0f}", f"{r1:.0f}", f"{a0:.0f}", f"{a1:.0f}"]
    summary = (f"Illustration, not data: {words}. Abuse that happened went from {o0:.0f} in {SNAPSHOT - 4} to "
               f"{o1:.0f} in {SNAPSHOT}. Counted by year recorded, the offences go from {r0:.0f} to {r1:.0f}; "
               f"counted by year of abuse as known in {SNAPSHOT}, from {a0:.0f} to {a1:.0f}.")
    alt = (f"Illustration, not data. Two bar charts, {SHOWN[0]} to {SNAPSHOT}, with {words}; a grey line marks "
           f"the abuse that happened, times {pct(BASE)} ({o0:.0f} in {SNAPSHOT - 4}, {o1:.0f} in {SNAPSHOT}). Blue bars, offences by "
           f"year recorded: {r0:.0f} in {SNAPSHOT - 4} and {r1:.0f} in {SNAPSHOT}. Orange bars, offences by year of "
           f"abuse as known in {SNAPSHOT}: {a0:.0f} and {a1:.0f}.")
    return View(Chart(lay.figure(), alt, numbers), summary)


def delay_widget() -> StaticWidget:
    controls = [Control("mean", "Average delay from abuse to a record", MEANS),
                Control("trend", "Abuse that happened, from 2004", TRENDS),
                Control("change", "Willingness to report and record", REPORTING)]
    return StaticWidget(delay_view, controls, title="The years between abuse and record",
                        default={"mean": "10", "trend": "flat", "change": "none"})


def censoring_chart() -> Chart:
    """Share of a year's abuse recorded by now against years since it happened, for each average delay."""
    years = list(range(0, 31))
    lines = []
    for (mean, label), colour in zip(MEANS, (BLUE, ORANGE, REST)):
        pmf = limits.geometric_delays(float(mean), HORIZON)
        lines.append((label, colour, [limits.recorded_by(t, pmf) / limits.recorded_by(HORIZON, pmf) for t in years]))

    def draw(ax):
        for _, colour, shares in lines:
            ax.plot(years, shares, color=colour, lw=2.5)
        ax.set_ylim(0, 1)
        ax.set_xlim(0, 30)
        ax.set_yticks([0, 0.5, 1])
        ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
        ax.set_xticks([0, 10, 20, 30])
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

    lay = Layout().title("How much of a year's abuse is recorded, by years since")
    stamp(lay)
    lay.legend([(f"average delay {label}", colour) for label, colour, _ in lines])
    plot_block(lay, draw, ylabel="Share of what will ever be recorded", xlabel="Years since the abuse", height=1.7)
    sentences = [f"average delay {label}: {pct(s[1])} after one year, {pct(s[10])} after ten"
                 for label, _, s in lines]
    alt = ("Illustration, not data. Lines of the share of a year's abuse recorded by now, of all that will ever be "
           "recorded, against years since it happened: " + "; ".join(sentences) + ".")
    return Chart(lay.figure(), alt, [pct(s[i]) for _, _, s in lines for i in (1, 10)])
