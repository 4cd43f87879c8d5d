"""The numbers and views of the chapter on what followed the national audit (June 2025 to 2026): the
national inquiry, Operation Beaconport's referrals as a dated series, the share of suspects with
ethnicity recorded over time (the indicator to watch), the inspections of 2025, the police analysis
of 2024 with its correction, and the new ONS survey estimate."""
from __future__ import annotations

from dataclasses import dataclass

from .. import comparisons, fmt, stats
from ..charts import BAR_INSET, Chart, bar_row, percent_axis
from ..data import STATUS_LABELS, Package
from ..layout import Layout
from ..style import BLUE, ORANGE, REST, SKY
from ..widgets import Control, StaticWidget, View

pct = fmt.share


@dataclass(frozen=True)
class Point:
    """One dated figure in a series: when, what was counted (the stage or unit, in words), the value,
    how it was printed, who published the copy read, and its check status."""

    when: str
    what: str
    value: float
    printed: str
    who: str
    status: str
    figure_id: str


BEACONPORT_LIST = "since_audit_beaconport"   # the dated counts, in order (data/figure_lists.csv)
# Each count in the chart's words, by member: (when, the stage counted, who published the copy read)
BEACONPORT_WORDS = {
    "review": ("to 16 June 2025", "identified for formal review", "Home Secretary, Parliament"),
    "reopened": ("to 2 July 2025", "re-opened", "written answer, Parliament"),
    "referred": ("to 4 November 2025", "referred to Operation Beaconport",
                 "National Crime Agency briefing, as The Independent reported it"),
}


def _one_row_each(package: Package, list_id: str, words: dict) -> list[tuple]:
    """A list whose members are one figure each, in order, with the chapter's words for each member."""
    out = []
    for member, rows in package.list_members(list_id, words, "csebook/chapters/since_audit.py").items():
        if len(rows) > 1:
            raise rows[1].error("member", f"'{member}' is one figure of the chart, but has {len(rows)} rows")
        out.append((rows[0].figure_id, *words[member]))
    return out


def beaconport_series(package: Package) -> list[Point]:
    f = package.figure
    return [Point(when, what, f(fid).value, f(fid).value_as_printed, who, STATUS_LABELS[f(fid).status], fid)
            for fid, when, what, who in _one_row_each(package, BEACONPORT_LIST, BEACONPORT_WORDS)]


def beaconport_chart(points: list[Point]) -> Chart:
    """The dated counts as bars, each with its stage, since the stage words differ between them."""
    top = max(p.value for p in points) * 1.1
    lay = Layout().title("Closed cases sent back for review, as each was announced")
    sentences = []
    for p in points:
        lay.text(f"{p.when}: {fmt.lower_first(p.printed)} {p.what}")
        bar_row(lay, [(0, p.value, BLUE, ""), (p.value, top - p.value, "#ffffff", "")], xmax=top)
        sentences.append(f"{p.when}, {fmt.lower_first(p.printed)} cases {p.what} ({p.status})")

    def axis(ax):
        ax.set_xlim(0, top)
        ax.set_yticks([])
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        ax.set_xticks([0, 500, 1000])
        ax.set_xticklabels(["0", "500", "1,000"])
    lay.axes(0.3, axis, left=BAR_INSET, right=BAR_INSET, bottom=0.28)
    lay.text("Cases. Each bar is a different stage: identified, re-opened, referred.", indent=BAR_INSET)
    alt = ("Closed cases sent back for review, as each was announced: " + "; ".join(sentences)
           + ". The three counts are of different stages, so the rise is not one series.")
    return Chart(lay.figure(), alt, [fmt.lower_first(p.printed) for p in points])


# Each published share recorded (data/figure_lists.csv), when (in the chart's short words) and whose copy,
# by member; what it is a share of (suspects, records, cases) is the row's unit in figures.csv
# ("percent of suspects").
RECORDING_LIST = "since_audit_recording"
RECORDING_WORDS = {
    "telegraph_2023": ("2023", "The Daily Telegraph"),
    "khyber_2024q3": ("Jan to Sep 2024", "Khyber News, rewriting agency copy"),
    "sky_2024q3": ("Jan to Sep 2024", "Sky News, the same briefing"),
    "sun_2024": ("2024", "The Sun, the police report for 2024"),
    "pa_2025": ("June 2025", "PA, its own words"),
}


def share_of(unit: str) -> str:
    """'of suspects' from a percentage's unit, 'percent of suspects'; refused for any other unit."""
    if not unit.startswith("percent of "):
        raise ValueError(f"data/figures.csv: unit {unit!r} is not a percentage 'of' something")
    return unit.removeprefix("percent ")


def recording_series(package: Package) -> list[Point]:
    f = package.figure
    return [Point(when, share_of(f(fid).unit), f(fid).value / 100, f(fid).value_as_printed, who,
                  STATUS_LABELS[f(fid).status], fid)
            for fid, when, who in _one_row_each(package, RECORDING_LIST, RECORDING_WORDS)]


def recording_chart(points: list[Point]) -> Chart:
    """Each published share with ethnicity recorded, in time order, its unit named, the rest grey."""
    lay = Layout().title("Group-based offending: share with ethnicity recorded, as published")
    lay.legend([("recorded", ORANGE), ("not recorded", REST)])
    sentences = []
    for p in points:
        lay.text(f"{p.when}, {p.what}: {pct(p.value)} ({p.who})")
        bar_row(lay, [(0, p.value, ORANGE, ""), (p.value, 1 - p.value, REST, "")])
        sentences.append(f"{p.when}, {p.what}: {pct(p.value)} ({p.who}; {p.status})")
    percent_axis(lay, "Share with ethnicity recorded. No figure after June 2025 was found.")
    alt = ("Group-based offending, share with ethnicity recorded, as published, in time order: " + "; ".join(sentences)
           + ". The units differ (suspects, records, cases); no figure after June 2025 was found.")
    return Chart(lay.figure(), alt, [pct(p.value) for p in points])


# -- the widget: what each recording share allows ---------------------------------------------------
RECORDED_OPTIONS = (("0.34", "34% (2023)"), ("0.39", "39% (Jan to Sep 2024)"), ("0.6", "60% (a target)"),
                    ("0.9", "90% (a target)"), ("1", "every suspect (the mandate's aim)"))


def allows_view(package: Package, key: str, recorded: str) -> View:
    from .. import suspects

    s = suspects.series_by_key(package)[key]
    r = float(recorded)
    low, high = stats.share_bounds(r, s.of_recorded)
    p = s.comparators[0]
    lay = Layout().title(f"{s.group}, {s.category.lower()}, {s.period}")
    lay.text(f"Share among the recorded {pct(s.of_recorded)}; with {pct(r)} of suspects recorded, "
             f"its share of all suspects lies between {pct(low)} and {pct(high)}", weight="bold")
    bar_row(lay, [(0, low, ORANGE, ""), (low, high - low, SKY, ""), (high, 1 - high, REST, "")])
    percent_axis(lay, f"Orange: the least it can be; blue: the range the unrecorded allow. Residents, "
                      f"{p.label}: {pct(p.share)}.")
    ratio = (low / p.share, high / p.share)
    be = comparisons.break_even_recording(s.of_recorded, p.share)
    inc = ratio[0] <= 1 <= ratio[1]
    summary = (f"{s.group} share among recorded suspects, {s.category.lower()}, {s.period}: {pct(s.of_recorded)}. "
               f"If {pct(r)} of suspects had ethnicity recorded, its share of all suspects would lie between "
               f"{pct(low)} and {pct(high)}: a ratio of shares of {fmt.ratio(ratio[0])} to {fmt.ratio(ratio[1])} "
               f"against {p.label} ({pct(p.share)}), which {'includes' if inc else 'excludes'} one. "
               + (f"With chance left out, the bounds exclude one against {p.label} once more than {pct(be)} are recorded." if be is not None else ""))
    alt = (f"{s.group}, {s.category.lower()}, {s.period}: {pct(s.of_recorded)} among the recorded; with {pct(r)} "
           f"recorded, the share of all suspects lies "
           f"between {pct(low)} and {pct(high)}; residents {pct(p.share)}.")
    return View(Chart(lay.figure(), alt, [pct(s.of_recorded), pct(r), pct(low), pct(high), pct(p.share)]), summary)


def allows_widget(package: Package) -> StaticWidget:
    controls = [Control("key", "Breakdown", (("sub2024_pakistani", "Pakistani, outside families and institutions, 2024"),
                                              ("gbo2023_white", "White, all group-based offending, 2023"),
                                              ("gbo2023_asian", "Asian, all group-based offending, 2023")),
                        kind="select"),
                Control("recorded", "Share of suspects with ethnicity recorded", RECORDED_OPTIONS, kind="select")]
    return StaticWidget.bound(allows_view, package, controls,
                              title="What a higher recording share would settle",
                              default={"key": "sub2024_pakistani", "recorded": "0.39"})


# -- tables of figures as printed: each a list of figure rows, each row's words its label ----------------
PRINTED = {
    "inspection": "since_audit_inspection",        # the inspections of 2025
    "police_2024": "since_audit_police_2024",      # the police analysis of 2024
    "arrests": "since_audit_arrests",              # the newest figures: the taskforce's arrests
    "cases": "since_audit_cases",                  # closed cases, by stage
    "met_stages": "since_audit_met_stages",        # the Metropolitan Police review, by stage
    "definitions": "since_audit_definitions",      # the thresholds of the inquiry and of Beaconport
}


def printed(package: Package, table: str) -> list[tuple[str, str]]:
    """One table of figures as printed (a key of PRINTED), in its list's order: (label, figure row)."""
    out = []
    for r in package.figure_list(PRINTED[table]):
        if not r.words:
            raise r.error("words", "the row's label in the table is missing")
        out.append((r.words, r.figure_id))
    return out


def statuses(package: Package) -> dict[str, int]:
    """The 2023 inspection's recommendations by the status a third-party tracker gives them in
    October 2025, with those whose status was not seen counted, never dropped."""
    recs = package.recommendations[package.recommendations.report_id == "hmicfrs-2023"]
    total = package.figure("recommendations_2023.hmicfrs").count
    seen = recs[recs.response.str.len() > 0]
    counts = seen.response_quote.str.replace("Status: ", "", regex=False).value_counts()
    out = {label: int(n) for label, n in sorted(counts.items())}
    out["status not seen"] = total - len(seen)
    return out


def unseen_numbers(package: Package) -> tuple[int, int]:
    """The first and last 2023 recommendation whose status was not seen."""
    recs = package.recommendations[package.recommendations.report_id == "hmicfrs-2023"]
    seen = set(recs[recs.response.str.len() > 0].number.astype(int))
    total = package.figure_quietly("recommendations_2023.hmicfrs").count
    unseen = [n for n in range(1, total + 1) if n not in seen]
    return unseen[0], unseen[-1]
