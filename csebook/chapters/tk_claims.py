"""The toolkit chapter tk_claims: the claim checker: claims that circulate, each with what it counts,
what it is compared with and what it can support; and a widget that combines the uncertainties the
book teaches one by one (unrecorded ethnicity, chance and clustering, the choice of comparator)."""
from __future__ import annotations

from dataclasses import dataclass

from .. import comparisons, fmt, stats
from ..charts import BAR_INSET, Chart, log_axis
from ..data import STATUS_LABELS, Package
from ..layout import Layout
from ..style import BLACK, ORANGE
from ..widgets import Control, StaticWidget, View

pct = fmt.share


# -- how sure, all things together: one claim, the uncertainties the book teaches, combined ------------
UNRECORDED = (("like", "like the recorded"), ("bounds", "any mix (the bounds)"))
CHANCE = (("none", "left out"), ("people", "each person independent"), ("groups", "each group counted once"))
GROUP_SIZE = 3          # the assumption for national group-based suspects (as in the chapter on small numbers)


@dataclass(frozen=True)
class Uncertain:
    """What one claim's share rests on: the share among those recorded, the share recorded (None if
    unpublished), how many it was recorded for (None if unpublished), how many groups they came in
    (and what that number is), any bounds the source's open base allows, and the comparators."""

    claim_id: str
    label: str
    share: float
    recorded: float | None
    n: float | None
    groups: float | None
    groups_text: str
    base_open: float | None     # where the source leaves the base open: the other printed groups' share
    comparators: tuple[tuple[str, float], ...]
    compiled_list: bool = False
    wider_recorded: tuple[str, ...] = ()    # shares recorded published for a wider category, as printed (not used)


def break_evens(u: Uncertain, p: float) -> list[tuple[str, float | None]]:
    """Where no share recorded is published for the claim's own category: the share recorded at
    which the lowest ratio of shares against a comparator share p reaches one, with chance left out,
    with each suspect independent, and with suspects counted in groups (comparisons.break_even_recordings)."""
    groups = "counted as " + (u.groups_text.split(" (")[0] if u.groups_text else "groups")
    return [(groups if how == "in groups" else how, be)
            for how, be in comparisons.break_even_recordings(u.share, p, u.n, u.groups)]


def break_even_text(u: Uncertain) -> str:
    """The break-even shares recorded against every comparator: the most demanding decides whether
    the bounds would exclude one against all of them."""
    parts = []
    for name, p in u.comparators:
        shares = [f"{pct(be)} ({how})" for how, be in break_evens(u, p) if be is not None]
        if shares:
            parts.append(f"against {name}, {', '.join(shares)}")
    return ("the lowest ratio stays above one only if at least these shares of suspects had ethnicity recorded: "
            + "; ".join(parts))


def claim_series(package: Package, claim_id: str) -> str:
    """The key of the published breakdown a claim is compared with, from claims.csv's `comparison`
    column (`series:<key>`); refused, with the file, row and column, when it names none."""
    from ..data import DataError

    claims = package.claims
    match = claims[claims.claim_id == claim_id]
    if match.empty:
        raise KeyError(f"no claim {claim_id!r} in data/claims.csv")
    kind, _, key = match.comparison.iloc[0].partition(":")
    if kind != "series" or not key:
        raise DataError("data/claims.csv", int(match.index[0]), "comparison",
                        f"claim {claim_id} is compared with {match.comparison.iloc[0]!r}, not a published breakdown")
    return key


def uncertain_claims(package: Package) -> list[Uncertain]:
    from .. import studies, suspects

    f = package.figure
    series = suspects.series_by_key(package)
    out = []
    wider = (f("gbo_2024q3_eth_recorded.khyber").value_as_printed + " of suspects",
             f("gbo_2024q3_eth_recorded.sky").value_as_printed + " of records")
    # each claim's breakdown is the one its row in claims.csv compares it with (`series:<key>`); the count
    # of the group's recorded suspects gives the sample size
    for cid, count_id in (("a-white-2023", "gbo_2023_suspects_white_count.khyber"),
                          ("a-white-2024", "gbo_2024q3_suspects_white_count.khyber"),
                          ("a-pakistani-2024", "gbo_2024q3_suspects_pakistani_count.khyber"),
                          ("b-pakistani-subset", "gbo_subset_2024q3_pakistani_count.khyber")):
        s = series[claim_series(package, cid)]
        n = f(count_id).count / s.of_recorded
        published = s.recording.published_for_category
        out.append(Uncertain(cid, f"{s.group}, {s.category.lower()}, {s.period}", s.of_recorded,
                             s.recording.share if published else None, n,
                             n / GROUP_SIZE, f"groups of {GROUP_SIZE} suspects (an assumption)", None,
                             tuple((c.label, c.share) for c in s.comparators),
                             wider_recorded=() if published else wider))
    gmp = series["gmp_mvmo_asian"]
    asian, white = (f(f"gmp_mvmo_suspects_{g}.guardian").value / 100 for g in ("asian", "white"))
    live = f("gmp_mvmo_investigations_2025.independent").count
    out.append(Uncertain("b-gmp", "Asian, Greater Manchester exploitation suspects, three years", asian, None, None,
                         live, f"{live} networks (the force's live investigations in 2025, an anchor)",
                         white, tuple((c.label, c.share) for c in gmp.comparators)))
    q = next(c for c in studies.study_comparisons(package) if c.study.startswith("Quilliam") and c.group == "Asian")
    out.append(Uncertain("b-quilliam", "Asian, Quilliam's list of people convicted", q.like_known,
                         1 - f("quilliam_unknown.hl14053").value / 100, f("quilliam_offenders.hl14053").count,
                         f("quilliam_cases.press").count, f"{f('quilliam_cases.press').count} cases",
                         None, tuple((f"England and Wales, 2011, {name}", p) for name, p in q.comparators),
                         compiled_list=True))
    tel = f("cse_suspects_pakistani_2023_2024.telegraph").value / 100
    out.append(Uncertain("b-pakistani-cse", "Pakistani, group-based exploitation, Jan 2023 to Sep 2024", tel, None,
                         None, None, "", None,
                         tuple((c.label, c.share) for c in suspects._national_comparators(package, "Pakistani"))))
    return out


def how_sure(u: Uncertain, unrecorded: str, chance: str) -> tuple[list[tuple[str, float, float]], list[str]]:
    """The range of the ratio of shares against each comparator under the choices, and what could not
    be allowed for (in words). Chance: a 95% Wilson interval on the share among the recorded, for the
    recorded count or for the number of groups; unrecorded: that interval as it is (like the
    recorded) or widened to the bounds (none to all of the unrecorded in the group)."""
    notes = []
    low = high = u.share
    if chance != "none" and u.compiled_list:
        notes.append("chance not allowed for: a list compiled from press reports was never a sample")
    elif chance != "none":
        size = u.n if chance == "people" else u.groups
        if size is None:
            notes.append("chance not allowed for: " + ("the number of suspects was not published" if chance == "people"
                                                        else "the number of groups was not published"))
        else:
            low, high = stats.wilson_interval(u.share * size, size)
    if unrecorded == "bounds":
        if u.base_open is not None:
            # if the printed share is of all suspects: the rest (neither this group nor the other printed)
            # may be unrecorded or other groups, so it widens the upper end by its whole size
            high = min(1.0, high + max(0.0, 1 - u.share - u.base_open))
            notes.append("the base is not stated: the range is for a share of all suspects; if the share is of "
                         "those recorded, no share recorded was published for these cases, and "
                         + break_even_text(u))
        elif u.recorded is None:
            notes.append("no share recorded was published for this category, so the bounds cannot be drawn: the "
                         "range is for those recorded only; " + break_even_text(u)
                         + (" (published for all group-based suspects in the same briefing: "
                            + " and ".join(u.wider_recorded) + ")" if u.wider_recorded else ""))
        else:
            low, high = u.recorded * low, u.recorded * high + (1 - u.recorded)
    return [(name, low / p, high / p) for name, p in u.comparators], notes


def _verdict(rows: list[tuple[str, float, float]]) -> str:
    """Judged on the ratios as printed (one decimal), so the words never contradict the numbers."""
    from ..verdicts import pick

    lows = [float(fmt.ratio(lo)) for _, lo, _ in rows]
    highs = [float(fmt.ratio(hi)) for _, _, hi in rows]
    return pick([("all(lo > 1 for lo in lows)", "above one against every comparator"),
                 ("all(hi < 1 for hi in highs)", "below one against every comparator"),
                 ("any(lo <= 1 for lo in lows) and any(hi >= 1 for hi in highs)",
                  "includes one (no difference), at one decimal, against at least one comparator")],
                lows=lows, highs=highs)


def how_sure_view(package: Package, claim_id: str, unrecorded: str, chance: str) -> View:
    u = next(x for x in uncertain_claims(package) if x.claim_id == claim_id)
    rows, notes = how_sure(u, unrecorded, chance)
    chance_text = {"none": "left out", "people": "with each person independent",
                   "groups": f"counting {u.groups_text} once" if u.groups_text else "counting each group once"}[chance]
    choice_text = f"those with no ethnicity recorded taken as {dict(UNRECORDED)[unrecorded]}, chance {chance_text}"
    lay = Layout().title(f"How sure: {u.label}")
    share_words = "Share as printed, base not stated," if u.base_open is not None else "Share among those recorded"
    lay.text(f"{share_words} {pct(u.share)}. Choices: {choice_text}.")
    for note in notes:
        lay.text(note[0].upper() + note[1:] + ".", style="italic")
    lay.text("Ratio of shares against each comparator (log scale; the black line is one, no difference)")
    numbers, parts = [], []
    for name, lo, hi in rows:
        span = fmt.ratio(lo) if abs(hi - lo) < 1e-9 else f"{fmt.ratio(lo)} to {fmt.ratio(hi)}"
        lay.text(f"{name}: {span}")

        def draw(ax, lo=lo, hi=hi):
            ax.set_xscale("log")
            ax.set_xlim(0.1, 100)
            ax.set_ylim(-1, 1)
            ax.axvline(1, color=BLACK, lw=1.2)
            ax.plot([max(lo, 0.1), min(hi, 100)], [0, 0], color=ORANGE, lw=6, solid_capstyle="butt")
            if abs(hi - lo) < 1e-9:
                ax.plot([lo], [0], "o", color=ORANGE, ms=9, markeredgecolor=BLACK)
        lay.band(0.18, draw, left=BAR_INSET, right=BAR_INSET)
        numbers += [fmt.ratio(lo), fmt.ratio(hi)]
        parts.append(f"{name}: {span}")

    log_axis(lay, 0.1, 100, [0.1, 1, 10, 100])
    drawn = not (unrecorded == "bounds" and u.recorded is None and u.base_open is None)
    verdict = _verdict(rows) + ("" if drawn else ", for those recorded only: the bounds were not drawn")
    summary = (f"{u.label}: with {choice_text}, the ratio of shares runs: " + "; ".join(parts)
               + f". The range {verdict}." + "".join(f" {n[0].upper()}{n[1:]}." for n in notes))
    alt = (f"How sure: {u.label}. {share_words} {pct(u.share)}; {choice_text}. Ratio of shares on a log "
           "scale: " + "; ".join(parts) + f". The range {verdict}.")
    return View(Chart(lay.figure(), alt, numbers), summary)


def how_sure_widget(package: Package) -> StaticWidget:
    claims = uncertain_claims(package)
    controls = [Control("claim_id", "Claim", tuple((u.claim_id, u.label) for u in claims), kind="select"),
                Control("unrecorded", "Those with no ethnicity recorded are", UNRECORDED),
                Control("chance", "Chance variation", CHANCE)]
    return StaticWidget.bound(how_sure_view, package, controls, title="How sure, all things together",
                              default={"claim_id": "b-pakistani-subset", "unrecorded": "like", "chance": "none"})


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
    from .. import comparisons, studies, suspects
    from ..data import DataError

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
            share, other = (asian, white) if s.group == "Asian" else (white, asian)
            lo, hi = share, 1 - other
            be = comparisons.break_even_recording(share, first.share)
            text = (f"The base is not stated. If {pct(share)} is a share of all suspects, the share lies between "
                    f"{pct(lo)} and {pct(hi)}: {fmt.ratio(lo / first.share)} to {fmt.ratio(hi / first.share)} times "
                    f"the share against {first.label}. If it is a share of those recorded, no share recorded was "
                    f"published for these cases" + (f"; the lowest ratio stays above one if at least {pct(be)} were "
                                                     "recorded." if be is not None else "."))
        else:
            rec = s.recording
            if rec.published_for_category:
                lo, hi = suspects.share_under(s, "bounds")
                text = (f"Share recorded: {rec.label}. Within the bounds (none to all of the unrecorded in the group) "
                        f"the ratio against {first.label} runs from {fmt.ratio(lo / first.share)} to "
                        f"{fmt.ratio(hi / first.share)}.")
            else:
                be = comparisons.break_even_recording(s.of_recorded, first.share)
                wider = " and ".join(pct(r.share) for r in s.recordings)
                text = ("No share recorded was published for this category, so the bounds are not drawn"
                        + (f"; the lowest ratio against {first.label} stays above one only if at least {pct(be)} of "
                           f"its suspects were recorded (shares published for all group-based suspects: {wider})."
                           if be is not None else "."))
        return ClaimComparison(MEASURE, ratios, text)
    if kind == "study":
        composition, _, group = rest.partition(":")
        rows = [c for c in studies.study_comparisons(package)
                if c.group == group and studies.study(package, composition).label == c.study]
        if not rows:
            raise DataError("data/claims.csv", row, "comparison", f"no study comparison {rest!r}")
        c = rows[0]
        ratios = tuple((f"England and Wales, 2011, {name}", printed_share / share) for name, share in c.comparators)
        lo = c.ratios()[0]
        text = (f"Unknown share small: from {fmt.ratio(lo[1])} to {fmt.ratio(lo[3])} against all residents within "
                f"the bounds. A compiled list: for the share to arise from a group counted at its share of men aged "
                f"18 to 39, its members would have to be {studies.selection_text(c.selection_needed()[1][1])}.")
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
            "_key": c.claim_id,
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
