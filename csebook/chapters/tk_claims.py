"""The toolkit chapter tk_claims: The claim checker: claims that circulate, each with what it counts and what it can support.

Illustrations (a world in which the truth is known, with numbers chosen to teach) are
labelled as such on every chart and summary that shows one."""
from __future__ import annotations

from matplotlib.patches import Rectangle

from .. import fmt
from ..charts import ILLUSTRATION, Chart
from ..data import STATUS_LABELS, Package
from ..style import GREEN, TEXT, UNKNOWN, VERMILLION, new_figure, text_on
from ..widgets import Control, StaticWidget, View

pct = fmt.share


def _stamp(fig) -> None:
    """Mark an illustrative chart as such, on the image itself."""
    fig.text(0.985, 0.985, ILLUSTRATION, ha="right", va="top", fontsize=8, color=text_on(VERMILLION),
             bbox=dict(boxstyle="round,pad=0.3", facecolor=VERMILLION, edgecolor="none"))


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
    return View(Chart(fig, alt, [str(yes), str(len(QUESTIONS))], legacy=True), summary)


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
