"""The toolkit chapter tk_claims: The claim checker: claims that circulate, each with what it counts and what it can support.

Illustrations (a world in which the truth is known, with numbers chosen to teach) are
labelled as such on every chart and summary that shows one."""
from __future__ import annotations

from dataclasses import dataclass

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


def recorded_text(package: Package, figure_id: str, about_ethnicity: bool = True) -> str:
    """The share of the claim's base with ethnicity recorded, from the linked figure: always said as
    the share recorded, whether the source printed that or the share unknown."""
    if not about_ethnicity:
        return "not applicable: the claim is not about ethnicity"
    if not figure_id:
        return "not published for this base"
    f = package.figure(figure_id)
    value = f.value / 100
    if "unknown" in f.statistic or "not_recorded" in f.statistic:
        return f"{pct(1 - value)} recorded ({f.value_as_printed} printed as unknown)"
    if "recorded" in f.statistic:
        return f"{pct(value)} recorded"
    raise ValueError(f"{figure_id} is not a share recorded or unknown")


@dataclass(frozen=True)
class ClaimComparison:
    """What a claim's share is set against, computed: the measure, each comparator with the ratio
    of the printed share to it, and what the unrecorded allow, in words."""

    measure: str
    ratios: tuple[tuple[str, float], ...]     # (comparator, ratio of the printed share to it)
    unrecorded: str

    def ratios_text(self) -> str:
        return "; ".join(f"{fmt.ratio(r)} against {label}" for label, r in self.ratios)


MEASURE = "ratio of shares (the claim's share over the group's share of residents)"


def comparison(package: Package, key: str, printed_share: float, row: int | None = None) -> ClaimComparison | None:
    """The comparison a claim names in claims.csv's `comparison` column (see the data package's
    description of that column). Unknown keys are refused with the file, row and column."""
    from .. import comparisons, suspects
    from ..data import DataError
    from . import home_office_2020

    if not key:
        return None
    kind, _, rest = key.partition(":")
    if kind == "series":
        s = suspects.series_by_key(package).get(rest)
        if s is None:
            raise DataError("data/claims.csv", row, "comparison", f"no published breakdown called {rest!r}")
        ratios = tuple((c.label, printed_share / c.share) for c in s.comparators)
        first = s.comparators[0]
        if s.key.startswith("gmp_mvmo"):
            f = package.figure
            asian, white = f("gmp_mvmo_suspects_asian.guardian").value / 100, f("gmp_mvmo_suspects_white.guardian").value / 100
            u = f("gmp_csa_suspects_unknown.guardian").value / 100
            bases = comparisons.bounds_under_bases(asian if s.group == "Asian" else white,
                                                   white if s.group == "Asian" else asian, u)
            lo, hi = min(b.low for b in bases), max(b.high for b in bases)
            text = (f"The base is not stated. Under either base the source leaves open, the share of all suspects lies "
                    f"between {pct(lo)} and {pct(hi)}: {fmt.ratio(lo / first.share)} to {fmt.ratio(hi / first.share)} "
                    f"times the share against {first.label}.")
        else:
            lo, hi = suspects.share_under(s, "bounds")
            rec = s.recording
            text = (f"Share recorded: {rec.label}. Within the bounds (none to all of the unrecorded in the group) the "
                    f"ratio against {first.label} runs from {fmt.ratio(lo / first.share)} to {fmt.ratio(hi / first.share)}.")
            if not rec.published_for_category:
                be = comparisons.break_even_recording(s.of_recorded, first.share)
                if be is not None:
                    text += (f" Because the share recorded for this category is borrowed, the break-even: below "
                             f"{pct(be)} recorded, the bounds include a ratio of one.")
        return ClaimComparison(MEASURE, ratios, text)
    if kind == "study":
        composition, _, group = rest.partition(":")
        rows = [c for c in home_office_2020.study_comparisons(package)
                if c.group == group and home_office_2020.study(package, composition).label == c.study]
        if not rows:
            raise DataError("data/claims.csv", row, "comparison", f"no study comparison {rest!r}")
        c = rows[0]
        ratios = tuple((f"England and Wales, 2011, {name}", printed_share / share) for name, share in c.comparators)
        lo = c.ratios()[0]
        text = (f"Unknown share small: from {fmt.ratio(lo[1])} to {fmt.ratio(lo[3])} against all residents within "
                f"the bounds. A compiled list: for the share to arise from a group counted at its share of men aged "
                f"18 to 39, its members would have to be {home_office_2020.selection_text(c.selection_needed()[1][1])}.")
        return ClaimComparison(MEASURE, ratios, text)
    if kind == "group":
        comps = suspects._national_comparators(package, rest)
        ratios = tuple((c.label, printed_share / c.share) for c in comps)
        be = comparisons.break_even_recording(printed_share, comps[0].share)
        text = ("Neither the base (all suspects, or those recorded) nor the share recorded is published for this "
                "category. If the share is of those recorded, the bounds include a ratio of one whenever fewer than "
                f"{pct(be)} of suspects had ethnicity recorded (against {comps[0].label}).")
        return ClaimComparison(MEASURE, ratios, text)
    raise DataError("data/claims.csv", row, "comparison", f"unknown kind of comparison {kind!r}")


def claims_frame(package: Package):
    """The claim checker's entries: every number computed from the figures each claim links to and the
    comparison it names."""
    import pandas as pd

    rows = []
    for row_number, c in package.claims.iterrows():
        f = package.figure(c.figure_id)
        cmp = comparison(package, c.comparison, f.value / 100, row_number)
        rows.append({
            "Claim": f"“{f.value_as_printed}” {c.claim}",
            "Reading": READINGS[c.reading],
            "Who said it": c.said_by,
            "Counting unit": c.unit,
            "Denominator": c.denominator,
            "Period": f.period,
            "Share with ethnicity recorded": recorded_text(package, c.missing_figure_id, bool(c.comparison)),
            "Kind of evidence": c.evidence_kind,
            "Evidence status": STATUS_LABELS[f.status],
            "Kind of sample": c["sample"],
            "Category": c.category,
            "Measure": cmp.measure if cmp else "none: the claim is not about ethnicity",
            "Against the population": cmp.ratios_text() if cmp else "no population comparison",
            "Allowing for the unrecorded": cmp.unrecorded if cmp else "not applicable",
            "What the data support": c.supports,
            "The other reading replies": c.counter_note,
        })
    return pd.DataFrame(rows)


def claim_counts(package: Package) -> dict[str, int]:
    return package.claims.reading.value_counts().to_dict()
