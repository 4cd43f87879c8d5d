"""The numbers and views of the chapter on the children behind the counts: children's social care in
England (assessments with sexual abuse or exploitation recorded as a factor, and child protection plans
with sexual abuse the initial category) beside the police series for England and Wales; what the
published aggregates say about victims and survivors, tested for missing data as suspects are; the newest
official figures, each at its best readable source; and which years each figure can speak to, an
illustration with the toolkit's delay model (csebook.limits)."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .. import fmt, limits
from ..charts import Chart, bar_row, percent_axis, plot_block, stamp
from ..data import STATUS_LABELS, ListRow, Package, by_part
from ..layout import Layout
from ..style import BLUE, GREEN, ORANGE, REST, UNKNOWN, VERMILLION
from ..verdicts import pick
from ..widgets import Control, StaticWidget, View

pct = fmt.share


# -- the two series: what each counts, where and when ----------------------------------------------
@dataclass(frozen=True)
class Point:
    """One count in a series: the measure, the year its period ends, whether that period is a year
    ending in March (social care) or a calendar year (police), the unit counted, and its figure row."""

    measure: str
    end: int
    march: bool
    unit: str
    figure_id: str

    @property
    def x(self) -> float:
        """The middle of the period, for placing it on a chart."""
        return self.end - 1 + 0.75 if self.march else self.end + 0.5

    @property
    def period(self) -> str:
        return f"{self.end - 1}/{str(self.end)[2:]}" if self.march else str(self.end)


MEASURES = {
    "csa": ("Child sexual abuse a factor", BLUE, "o"),
    "cse": ("Child sexual exploitation a factor", ORANGE, "s"),
    "cpp": ("Plans started, sexual abuse the initial category", GREEN, "D"),
    "police": ("Police-recorded child sexual abuse and exploitation offences", VERMILLION, "^"),
}
COUNTS_LIST = "children_social_care_counts"   # every count of the two series, by measure (data/figure_lists.csv)
PANELS = {"ASSESSMENTS": ("csa", "cse"), "PLANS": ("cpp",), "POLICE": ("police",)}   # the chart's panels
_MARCH = re.compile(r"year ending March (\d{4})\)?")


def point(package: Package, row: ListRow) -> Point:
    """A count of the series, from its list row: the measure is the row's member; the year, and
    whether it ends in March, are read from the figure's period ('2022', '2016/17 (year ending March
    2017)'), and the unit from the first word of the figure's unit ('assessments (...)')."""
    if row.member not in MEASURES:
        raise row.error("member", f"'{row.member}' is not a measure the chart draws ({', '.join(MEASURES)})")
    f = package.figure_quietly(row.figure_id)
    march = _MARCH.search(f.period)
    if march:
        end, in_march = int(march.group(1)), True
    elif re.fullmatch(r"\d{4}", f.period):
        end, in_march = int(f.period), False
    else:
        raise row.error("figure_id", f"the period of {row.figure_id} ({f.period!r}) is neither a calendar year "
                                     "nor a year ending in March")
    return Point(row.member, end, in_march, f.unit.split()[0], row.figure_id)


def points(package: Package, panel: str | None = None) -> tuple[Point, ...]:
    """The counts in the list's order; of one panel ('ASSESSMENTS', 'PLANS', 'POLICE'), or all."""
    every = package.cached(COUNTS_LIST, lambda: tuple(point(package, r) for r in package.figure_list(COUNTS_LIST)))
    return every if panel is None else tuple(p for p in every if p.measure in PANELS[panel])


def years_in_one_unit(points, measure: str, unit: str) -> int:
    """How many years of one measure can be read in one unit (a series needs the same unit)."""
    return len({p.end for p in points if p.measure == measure and p.unit == unit})


def runs(points) -> list[list[Point]]:
    """Points of one measure and unit in consecutive years: the only ones a line may join (a line
    across a gap of years, or between units, would draw what was never counted)."""
    out: list[list[Point]] = []
    for p in sorted(points, key=lambda p: (p.measure, p.unit, p.end)):
        last = out[-1][-1] if out else None
        if last and (last.measure, last.unit) == (p.measure, p.unit) and p.end == last.end + 1:
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _panel(package: Package, points, top: float):
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    def draw(ax):
        for run in runs(points):
            name, colour, marker = MEASURES[run[0].measure]
            xs = [p.x for p in run]
            ys = [package.figure_quietly(p.figure_id).value for p in run]
            filled = run[0].unit != "children" or run[0].measure == "cpp"
            ax.plot(xs, ys, "-" + marker, color=colour, lw=2, ms=8, markeredgecolor=colour,
                    markerfacecolor=colour if filled else "white", markeredgewidth=2)
        ax.set_xlim(2015.9, 2025.2)
        ax.set_ylim(0, top)
        ax.set_xticks([2016, 2018, 2020, 2022, 2024])
        ax.yaxis.set_major_locator(MaxNLocator(3))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.count(v)))
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    return draw


def _point_text(package: Package, p: Point) -> str:
    f = package.figure(p.figure_id)
    return f"{p.period}, {f.value_as_printed} {p.unit} ({STATUS_LABELS[f.status]})"


def series_chart(package: Package) -> Chart:
    """The social-care counts (England, years ending March) above the police series (England and Wales,
    calendar years), each in its own panel with its own scale; a line joins only consecutive years of
    one measure in one unit."""
    lay = Layout().title("Children's social care in England, and police records in England and Wales, "
                         "every year that could be read")
    lay.legend([(MEASURES[k][0], MEASURES[k][1]) for k in ("csa", "cse")])
    assessments, plans, police = (points(package, panel) for panel in ("ASSESSMENTS", "PLANS", "POLICE"))
    top = 1.15 * max(package.figure_quietly(p.figure_id).value for p in assessments)
    plot_block(lay, _panel(package, assessments, top), height=1.7, left=0.78,
               ylabel="Social care assessments with the factor recorded (filled), children (open), England")
    top = 1.15 * max(package.figure_quietly(p.figure_id).value for p in plans)
    plot_block(lay, _panel(package, plans, top), height=1.4, left=0.78,
               ylabel="Children starting a child protection plan, sexual abuse the initial category, England")
    top = 1.15 * max(package.figure_quietly(p.figure_id).value for p in police)
    plot_block(lay, _panel(package, police, top), height=1.4, left=0.78,
               ylabel="Offences recorded by the police, England and Wales")
    lay.text("Social care years end in March and are drawn at their middle; police years are calendar "
             "years. Lines join consecutive years of one count only.")
    parts = []
    for key, group in (("csa", assessments), ("cse", assessments), ("cpp", plans), ("police", police)):
        pts = [p for p in group if p.measure == key]
        parts.append(f"{MEASURES[key][0].lower()}: " + "; ".join(_point_text(package, p) for p in pts))
    alt = ("Three panels of points by year. Children's social care, England (years ending March): "
           + ". ".join(parts[:3]) + ". Police, England and Wales (calendar years), " + parts[3]
           + ". Counts of assessments, of children and of offences are different units and are not joined; "
           "lines join only consecutive years of one count.")
    return Chart(lay.figure(), alt, [package.figure_quietly(p.figure_id).value_as_printed for p in points(package)])


# -- victims and survivors in aggregate: whose ethnicity goes unrecorded ------------------------------
@dataclass(frozen=True)
class Missing:
    """One area's shares with ethnicity not recorded: among victims (or children at risk) and among
    suspects (or perpetrators, or cases), each a figure row."""

    area: str
    victims_id: str
    victims_word: str
    suspects_id: str
    suspects_word: str


MISSING_LIST = "children_social_care_missing"   # each area's two figure rows and their nouns (data/figure_lists.csv)


def missing_rows(package: Package) -> tuple[Missing, ...]:
    """The areas in the list's order, each with its victims' and its suspects' row (the list's parts)
    and the noun the chart shows for each (the row's words)."""
    out = []
    for area, rows in package.list_members(MISSING_LIST).items():
        parts = by_part(area, rows, ("victims", "suspects"))
        v, s = parts["victims"], parts["suspects"]
        out.append(Missing(area, v.figure_id, v.words, s.figure_id, s.words))
    return tuple(out)


def _share_printed(f) -> str:
    """A share as its source printed it ('14 percent', 'over 50 percent'): a bound stays a bound."""
    return f.value_as_printed


def missing_comparison(package: Package, m: Missing) -> str:
    """'victims' if victims' ethnicity was missing less often, 'suspects' if suspects' was, 'unknown' if
    the printed figures cannot tell (a bound on either side)."""
    v, s = package.figure_quietly(m.victims_id), package.figure_quietly(m.suspects_id)
    exact = ("exact", "rounded")
    if v.precision in exact and s.precision in exact:
        return "victims" if v.value < s.value else "suspects" if s.value < v.value else "unknown"
    if v.precision in exact + ("less-than",) and s.precision in exact + ("more-than",) and v.value < s.value:
        return "victims"
    if s.precision in exact + ("less-than",) and v.precision in exact + ("more-than",) and s.value < v.value:
        return "suspects"
    return "unknown"


def missing_chart(package: Package) -> Chart:
    """For each case-study area, the share of victims and of suspects whose ethnicity was not recorded,
    drawn grey (unknown), beside the recorded share; a printed bound is drawn at the bound and so named."""
    areas = missing_rows(package)
    lay = Layout().title(f"Ethnicity not recorded: victims and suspects in {len(areas)} areas the inquiry studied")
    lay.legend([("not recorded", UNKNOWN), ("recorded", BLUE)])
    sentences, numbers = [], []
    for m in areas:
        v, s = package.figure(m.victims_id), package.figure(m.suspects_id)
        lay.text(f"{m.area}", weight="bold")
        for f, word in ((v, m.victims_word), (s, m.suspects_word)):
            u = f.value / 100
            label = _share_printed(f)
            lay.text(f"{word.capitalize()}: {label} not recorded" + (" (a bound)" if f.precision != "rounded" else ""))
            bar_row(lay, [(0, u, UNKNOWN, ""), (u, 1 - u, BLUE, "")])
            numbers.append(label)
        sentences.append(f"{m.area}: {m.victims_word} {_share_printed(v)} not recorded, {m.suspects_word} "
                         f"{_share_printed(s)} ({STATUS_LABELS[v.status]})")
        lay.gap(0.04)
    percent_axis(lay, "Share with ethnicity not recorded (grey). Periods differ by area; see the inquiry's "
                      "report.")
    alt = (f"Bars for {len(areas)} areas the national inquiry studied, each the share with ethnicity not recorded "
           "among victims and among suspects: " + "; ".join(sentences) + ".")
    return Chart(lay.figure(), alt, numbers)


# -- which years each figure can speak to ---------------------------------------------------------
YEARS_LIST = "children_social_care_years"   # each figure's label and row (data/figure_lists.csv)
# What each counts, and the abuse it can speak to, in the chapter's words
YEARS_WORDS = {
    "police_2023": ("Offences recorded in the year",
                    "Abuse of any year that reached a record that year; not abuse not yet reported"),
    "group_based_2023": ("Offences recorded in the year",
                         "As above: recent abuse if delays are short, much older abuse too if they are long"),
    "assessed_2025": ("Children assessed in the year",
                      "Children identified as harmed or at risk in that year; not those never assessed"),
    "beaconport": ("Cases closed with no further action",
                   "Abuse whose case was closed in the period; abuse before it only through such a case"),
    "met_review": ("Cases over fifteen years", "Cases recorded in those years, of every kind of group, not only exploitation"),
    "ceop_2011": ("Cases reported to CEOP", "Cases known to agencies since 2008"),
    "occ_inquiry": ("Children confirmed as victims", "Children known to agencies in fourteen months"),
    "rotherham": ("Children, over sixteen years", "The networks of those years in one town"),
}


def years_table_html(package: Package) -> str:
    """Each figure, what it counts, the period its source gives, and the abuse it can speak to."""
    body = []
    for key, rows in package.list_members(YEARS_LIST, YEARS_WORDS, "csebook/chapters/children_social_care.py").items():
        if len(rows) > 1:
            raise rows[1].error("member", f"'{key}' is one figure of the table, but has {len(rows)} rows")
        r, (counts, speaks) = rows[0], YEARS_WORDS[key]
        f = package.figure(r.figure_id)
        body.append(f"<tr><td>{html.escape(r.words)}</td><td>{html.escape(counts)}</td>"
                    f"<td>{html.escape(f.unit)}; {html.escape(f.period)}</td><td>{html.escape(speaks)}</td></tr>")
    return ('<table class="table study-figures"><caption>Which years each figure can speak to: its unit and period as '
            "its source gives them</caption><thead><tr><th>Figure</th><th>What it counts</th><th>Unit and period, as its source gives them</th>"
            "<th>The abuse it can speak to</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>")


SNAPSHOT = 2023          # the year of the police national analysis and group-based report both readings cite
KNOWN_BY = 2024          # the year by the end of which the newest police figures were counted
HORIZON = 80             # delays longer than this are left unrecorded (as in the toolkit chapter)
MEANS = (("2", "2 years"), ("10", "10 years"), ("20", "20 years"))
WINDOWS = (("1997-2015", "1997 to 2015 (the years of the local inquiries' networks)"),
           ("2016-2021", "2016 to 2021"),
           ("2022-2023", "2022 and 2023"))


def _window(window: str) -> range:
    a, b = (int(y) for y in window.split("-"))
    return range(a, b + 1)


def share_of_records_from(mean: float, years: range, snapshot: int = SNAPSHOT) -> float:
    """Of the offences recorded in `snapshot`, the share about abuse in `years`, when abuse was the same
    every year and every delay follows one geometric distribution of the given mean (an illustration)."""
    pmf = limits.geometric_delays(mean, HORIZON)
    flat = {y: 100.0 for y in range(snapshot - HORIZON, snapshot + 1)}
    by_year = limits.snapshot_composition(flat, pmf, snapshot)
    return sum(v for y, v in by_year.items() if y in years) / sum(by_year.values())


def share_recorded_by(mean: float, years: range, known_by: int = KNOWN_BY) -> float:
    """Of abuse in `years`, the share of what will ever be recorded that has been recorded by the end of
    `known_by` (the same illustration)."""
    pmf = limits.geometric_delays(mean, HORIZON)
    ever = limits.recorded_by(HORIZON, pmf)
    return sum(limits.recorded_by(known_by - y, pmf) for y in years) / (len(years) * ever)


def group_share_recorded(share: float, mean_group: float, mean_rest: float, years: range,
                         known_by: int = KNOWN_BY) -> float:
    """A group's share of the abuse in `years` recorded by `known_by`, when it is `share` of the abuse
    in every year and its delays (mean_group) may differ from everyone else's (mean_rest)."""
    g = share * share_recorded_by(mean_group, years, known_by)
    r = (1 - share) * share_recorded_by(mean_rest, years, known_by)
    return g / (g + r)


def years_view(mean: str, window: str) -> View:
    m, years = float(mean), _window(window)
    from_window = share_of_records_from(m, years)
    earlier = 1 - share_of_records_from(m, range(SNAPSHOT, SNAPSHOT + 1))
    recorded = share_recorded_by(m, years)
    label = dict(WINDOWS)[window]
    lay = Layout().title(f"Which years a count can speak to: abuse in {label}")
    stamp(lay)
    lay.text(f"Average delay from abuse to a record: {dict(MEANS)[mean]}. Abuse the same every year; one "
             "delay for everyone; no change in willingness to report.")
    lay.text(f"Of offences recorded in {SNAPSHOT}: {pct(from_window)} about abuse in these years", weight="bold")
    bar_row(lay, [(0, from_window, ORANGE, ""), (from_window, 1 - from_window, REST, "")])
    lay.gap(0.06)
    lay.text(f"Of abuse in these years: {pct(recorded)} of what will ever be recorded was recorded by the end "
             f"of {KNOWN_BY}", weight="bold")
    bar_row(lay, [(0, recorded, ORANGE, ""), (recorded, 1 - recorded, UNKNOWN, "")])
    percent_axis(lay, "Orange: the share named above. Grey: not yet recorded (second bar), other years "
                      "(first bar, light).")
    most = pick([("x > 0.5", "most of them"), ("x <= 0.5", "not most of them")], x=recorded)
    summary = (f"Illustration, not data: with an average delay of {dict(MEANS)[mean]}, {pct(earlier)} of the "
               f"offences recorded in {SNAPSHOT} are about abuse in earlier years, and {pct(from_window)} about "
               f"abuse in {label}. Of that abuse, {pct(recorded)} of what will ever be recorded had been "
               f"recorded by the end of {KNOWN_BY}: {most}.")
    alt = (f"Illustration, not data. Average delay {dict(MEANS)[mean]}; abuse in {label}. First bar: "
           f"{pct(from_window)} of offences recorded in {SNAPSHOT} are about abuse in these years. Second bar: "
           f"{pct(recorded)} of the abuse in these years that will ever be recorded had been recorded by the end "
           f"of {KNOWN_BY}.")
    return View(Chart(lay.figure(), alt, [pct(from_window), pct(recorded)]), summary)


def years_widget() -> StaticWidget:
    controls = [Control("mean", "Average delay from abuse to a record", MEANS),
                Control("window", "Years of abuse asked about", WINDOWS, kind="select")]
    return StaticWidget(years_view, controls, title="Which years can a count of records speak to?",
                        default={"mean": "10", "window": "1997-2015"})

