"""The toolkit chapter tk_time: When it happened and when it was counted: delays from abuse to a police record.

Illustrations (a world in which the truth is known, with numbers chosen to teach) are
labelled as such on every chart and summary that shows one."""
from __future__ import annotations

import numpy as np

from .. import fmt, limits
from ..charts import ILLUSTRATION, Chart
from ..style import BLUE, GREEN, ORANGE, REST, SKY, VERMILLION, new_figure, text_on
from ..widgets import Control, StaticWidget, View

pct = fmt.share


def _stamp(fig) -> None:
    """Mark an illustrative chart as such, on the image itself."""
    fig.text(0.985, 0.985, ILLUSTRATION, ha="right", va="top", fontsize=8, color=text_on(VERMILLION),
             bbox=dict(boxstyle="round,pad=0.3", facecolor=VERMILLION, edgecolor="none"))


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
    return View(Chart(fig, alt, [pct(last5), pct(older)], legacy=True), summary)


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
    return Chart(fig, alt, numbers, legacy=True)


def delay_widget() -> StaticWidget:
    controls = [Control("mean", "Average delay from abuse to police record", MEANS),
                Control("trend", "Offending over the years", TRENDS)]
    return StaticWidget(delay_view, controls, title="The years between abuse and record",
                        default={"mean": "10", "trend": "flat"})
