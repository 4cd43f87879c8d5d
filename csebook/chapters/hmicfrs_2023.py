"""The numbers and views of the chapter on the 2023 police inspection (HMICFRS) and its 2025
progress report."""
from __future__ import annotations

from .. import fmt, stats
from ..charts import Count, Proportion, count_bars, interval_chart
from ..data import STATUS_LABELS, Package
from ..style import BLUE, ORANGE, SKY, UNKNOWN, VERMILLION
from ..widgets import Control, StaticWidget, View

GRADES_LIST = "hmicfrs_2023_grades"     # the grades and their figure rows, in order (data/figure_lists.csv)
GRADE_COLOURS = {"Good": SKY, "Requires improvement": ORANGE, "Inadequate": VERMILLION}
SAMPLE_SIZES = ("10", "27", "52", "100", "500")
SHARES = (("0.05", "5%"), ("0.15", "15%"), ("0.33", "33%"), ("0.52", "52%"))


def grades(package: Package) -> list[Proportion]:
    n = package.figure("investigations_assessed.gbnews").count
    rows = package.figure_list(GRADES_LIST)
    for r in rows:
        if r.member not in GRADE_COLOURS:
            raise r.error("member", f"no colour for the grade '{r.member}' in csebook/chapters/hmicfrs_2023.py")
    return [Proportion(r.member, package.figure(r.figure_id).count, n, GRADE_COLOURS[r.member]) for r in rows]


def grades_chart(package: Package):
    """Each grade with its interval as if the investigations were independent, and with each of the
    inspected forces counted once (if investigations within a force were graded alike)."""
    from dataclasses import replace

    n = package.figure("investigations_assessed.gbnews").count
    forces = package.figure("forces_inspected.guardian").count
    rows = [replace(g, clusters=forces, cluster_word="forces") for g in grades(package)]
    return interval_chart(rows, title=f"Grades of the {n} group-based investigations, as reported",
                          xlabel="Share of the investigations")


def interval_view(package: Package, n: str, share: str) -> View:
    size, p = int(n), float(share)
    k = stats.round_half_up(p * size)
    yours = Proportion(f"Your sample: {k} of {size}", k, size, BLUE)
    observed = [Proportion(f"Reported: {g.label.lower()}", g.count, g.n) for g in grades(package)]
    chart = interval_chart([yours], reference=observed, title=f"A share of {fmt.percent(k / size, 0)} from {size} cases",
                           xlabel="Share")
    low, high = stats.wilson_interval(k, size)
    summary = (f"{k} of {size} is {fmt.percent(k / size, 0)}; the 95% Wilson interval runs from {fmt.percent(low, 0)} "
               f"to {fmt.percent(high, 0)}, a width of {fmt.percent(high - low, 0)}. It covers sampling variation "
               "only, not how the cases were chosen.")
    return View(chart, summary)


def interval_widget(package: Package) -> StaticWidget:
    controls = [
        Control("n", "Number of cases in the sample", tuple((s, s) for s in SAMPLE_SIZES)),
        Control("share", "Share observed", SHARES),
    ]
    return StaticWidget.bound(interval_view, package, controls,
                              title="How wide is the uncertainty for a sample of this size?",
                              default={"n": "27", "share": "0.33"})


def recommendation_statuses(package: Package) -> list[Count]:
    """The 2023 recommendations and area for improvement by the status a tracker gives them in
    October 2025; those whose status (or text) was not seen are counted, never dropped."""
    recs = package.recommendations[package.recommendations.report_id == "hmicfrs-2023"]
    total = (package.figure("recommendations_2023.hmicfrs").count
             + package.figure("areas_for_improvement_2023.hmicfrs").count)
    seen = recs[recs.response.str.len() > 0]
    labels = seen.response_quote.str.replace("Status: ", "", regex=False)
    counts = labels.value_counts()
    items = [Count(label, int(counts[label]), ORANGE if label == "In progress" else VERMILLION)
             for label in sorted(counts.index)]
    items.append(Count("Status not seen", total - len(seen), UNKNOWN))
    return items


def recommendations_chart(package: Package):
    return count_bars(recommendation_statuses(package), unit="recommendations and areas for improvement",
                      title="The 2023 recommendations by status in October 2025, as a tracker reports them")


def recommendations_table(package: Package):
    import pandas as pd

    recs = package.recommendations[package.recommendations.report_id == "hmicfrs-2023"].sort_values("number")
    rows = [{"Recommendation": f"{int(r.number)}. {r.title}", "To": r.addressed_to, "By": r.deadline or "not stated",
             "In short": r.summary, "Text": STATUS_LABELS[r.status],
             "Status in 2025": r.response if r.response else "not seen: " + r.check_note}
            for _, r in recs.iterrows()]
    return pd.DataFrame(rows)
