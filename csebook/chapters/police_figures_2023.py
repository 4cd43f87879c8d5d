"""The numbers and views of the chapter on what the 2023 police figures count."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import fmt, stats
from ..charts import BAR_INSET, Chart, Level, Slice, icon_array, nesting_chart
from ..data import STATUS_LABELS, Package
from ..layout import Layout
from ..style import BLACK, BLUE, GREEN, ORANGE, REST, SKY, UNKNOWN, VERMILLION
from ..widgets import Control, StaticWidget, View

# Each year's nesting starts from its row of all CSAE offences; the group-based and CSE-category rows
# within it are the ones figures.csv records as part of the level above (its part_of column).
YEAR_TOTALS = {"2023": "csae_2023.vkpp", "2024": "csae_2024.sun"}
LEVEL_STATISTICS = {"all": "csae_offences", "group": "group_based_offences", "cse": "cse_offences"}
LEVEL_LABELS = {
    "all": "All recorded CSAE offences",
    "group": "Group-based offences",
    "cse": "CSE-category offences",
}
COMPARISONS = {
    # key: (part, whole)
    "group_in_all": ("group", "all"),
    "cse_in_group": ("cse", "group"),
    "cse_in_all": ("cse", "all"),
}


def year_rows(package: Package, year: str) -> dict[str, str]:
    """The figure rows of one year's nesting, level by level: all CSAE offences (the year's total), then
    the one row of each narrower statistic that figures.csv records as part of the level above."""
    figures = package.figures
    rows = {"all": YEAR_TOTALS[year]}
    for whole, level in (("all", "group"), ("group", "cse")):
        match = figures[(figures.part_of == rows[whole]) & (figures.statistic == LEVEL_STATISTICS[level])]
        if len(match) != 1:
            raise ValueError(f"data/figures.csv: {len(match)} rows of statistic {LEVEL_STATISTICS[level]!r} "
                             f"with part_of {rows[whole]!r}; the {year} nesting needs exactly one")
        rows[level] = match.figure_id.iloc[0]
    return rows


def share_text(fraction: float) -> str:
    """Shares under 1% keep two decimals so that 0.62% is not shown as 0.6%."""
    return fmt.percent(fraction, 2 if fraction < 0.01 else 1)


def levels(package: Package, year: str) -> list[Level]:
    rows = year_rows(package, year)
    return [Level(LEVEL_LABELS[k], package.figure(rows[k]).count) for k in ("all", "group", "cse")]


def nesting(package: Package, year: str = "2023"):
    return nesting_chart(levels(package, year),
                         title=f"Police-recorded offences, {year}: each definition within the one above")


def per_thousand_slices(package: Package, year: str = "2023") -> list[Slice]:
    """How 1,000 recorded CSAE offences divide between the categories the sources give."""
    rows = year_rows(package, year)
    total = package.figure(rows["all"]).count
    group = package.figure(rows["group"]).count
    cse = package.figure(rows["cse"]).count
    slices = [Slice("Not recorded as group-based", total - group, REST)]
    if year == "2023":
        familial = package.figure("familial_2023.hansard").count
        slices += [Slice("Group-based: familial category", familial, SKY),
                   Slice("Group-based: other or not stated", group - familial - cse, UNKNOWN)]
    else:
        slices += [Slice("Group-based: other or not stated", group - cse, UNKNOWN)]
    slices.append(Slice("Group-based: CSE category", cse, VERMILLION))
    return slices


def icon_chart(package: Package, year: str = "2023"):
    slices = per_thousand_slices(package, year)
    return icon_array(slices, title=f"Every 1,000 police-recorded CSAE offences in {year}, by category",
                      group=("recorded as group-based", [s.label for s in slices[1:]]))


def comparison_view(package: Package, year: str, comparison: str) -> View:
    part_key, whole_key = COMPARISONS[comparison]
    rows = year_rows(package, year)
    part_fig, whole_fig = package.figure(rows[part_key]), package.figure(rows[whole_key])
    part, whole = part_fig.count, whole_fig.count
    fraction = stats.share(part, whole)
    part_label, whole_label = LEVEL_LABELS[part_key], LEVEL_LABELS[whole_key]
    slices = [Slice(part_label, part, VERMILLION if part_key == "cse" else ORANGE)]
    if part_key == "cse" and whole_key == "all":
        group = package.figure(rows["group"]).count
        slices += [Slice("Other group-based offences", group - part, ORANGE),
                   Slice("Not recorded as group-based", whole - group, REST)]
    else:
        slices.append(Slice(f"Rest of: {fmt.lower_first(whole_label)}", whole - part, REST))
    chart = icon_array(slices, title=f"{year}: {fmt.lower_first(part_label)} out of every 1,000 "
                                      f"{fmt.lower_first(whole_label).replace(' offences', '')} offences"
                       if whole_key != "all" else
                       f"{year}: {fmt.lower_first(part_label)} in every 1,000 recorded CSAE offences",
                       what=fmt.lower_first(whole_label))
    statuses = sorted({STATUS_LABELS[part_fig.status], STATUS_LABELS[whole_fig.status]})
    summary = (f"{year}: {fmt.count(part)} of {fmt.count(whole)} ({share_text(fraction)}), "
               f"or {fmt.per_thousand(stats.per_thousand(part, whole))} in every 1,000. "
               f"Counts {' / '.join(statuses)}.")
    return View(chart, summary)


def comparison_widget(package: Package) -> StaticWidget:
    controls = [
        Control("comparison", "Compare", (
            ("group_in_all", "Group-based out of all CSAE"),
            ("cse_in_group", "CSE category out of group-based"),
            ("cse_in_all", "CSE category out of all CSAE"),
        )),
        Control("year", "Year", (("2023", "2023"), ("2024", "2024 (press report)"))),
    ]
    return StaticWidget.bound(comparison_view, package, controls, title="Each definition as a share of another",
                              default={"comparison": "cse_in_all", "year": "2023"})


# -- the series: every year that can be read, by definition -------------------------------------------
@dataclass(frozen=True)
class SeriesPoint:
    year: float          # the middle of the period, for placing it on the chart
    period: str
    figure_id: str
    definition: str


DEFINITIONS = {
    "charity": ("charity counts", GREEN),
    "ons": ("ONS and inquiry counts", SKY),
    "images": ("image offences included", ORANGE),
    "vkpp": ("police national analysis", BLUE),
}
SERIES_LIST = "police_figures_2023_series"   # every count of the chart, by definition (data/figure_lists.csv)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_YEAR_ENDING = re.compile(r"year ending (%s) (\d{4})" % "|".join(_MONTHS))


def middle_of(period: str) -> float | None:
    """The middle of a twelve-month period as figures.csv gives it: a year ending in a month ('year ending
    September 2017', '2021/22 (year ending March 2022)'), a year from April ('2013-14'), or a calendar year
    ('2016', 'calendar year 2016'); None for any other period."""
    ending = _YEAR_ENDING.search(period)
    if ending:
        return int(ending.group(2)) + (_MONTHS.index(ending.group(1)) + 1) / 12 - 0.5
    if re.fullmatch(r"\d{4}-\d{2}", period):
        return int(period[:4]) + 0.75
    calendar = re.fullmatch(r"(?:calendar year )?(\d{4})", period)
    return int(calendar.group(1)) + 0.5 if calendar else None


def series_points(package: Package) -> tuple[SeriesPoint, ...]:
    """The chart's counts in the list's order: the definition is the row's member (named and coloured in
    DEFINITIONS), the period as the chart shows it the row's words, and where the point sits the middle
    of the figure's own period."""
    def make():
        package.list_members(SERIES_LIST, DEFINITIONS, "csebook/chapters/police_figures_2023.py")
        out = []
        for r in package.figure_list(SERIES_LIST):
            period = package.figure_quietly(r.figure_id).period
            year = middle_of(period)
            if year is None:
                raise r.error("figure_id", f"the period of {r.figure_id} ({period!r}) is not a twelve-month "
                                           "period the chart can place")
            if not r.words:
                raise r.error("words", "the period as the chart shows it is missing")
            out.append(SeriesPoint(year, r.words, r.figure_id, r.member))
        return tuple(out)
    return package.cached(SERIES_LIST, make)


BREAKS = ((2016.25, "CSE flag mandatory (April 2016)"),)


def series_rows(package: Package) -> list[tuple[SeriesPoint, object]]:
    return [(p, package.figure(p.figure_id)) for p in series_points(package)]


def series_chart(package: Package) -> Chart:
    """Each count at its period, coloured by definition; points of one definition joined, the others
    not, so no line crosses a change of definition."""
    rows = series_rows(package)
    lay = Layout().title("Police-recorded sexual offences against children, every year that could be read")
    lay.legend([(name, colour) for name, colour in DEFINITIONS.values()])

    def draw(ax):
        for key, (_, colour) in DEFINITIONS.items():
            pts = [(p.year, f.value) for p, f in rows if p.definition == key]
            ax.plot([x for x, _ in pts], [y for _, y in pts], "-o" if key == "vkpp" else "o", color=colour, ms=8,
                    lw=2, markeredgecolor=BLACK)
        for x, _ in BREAKS:
            ax.axvline(x, color=BLACK, lw=1, ls="--")
        ax.set_xlim(2013, 2025.2)
        ax.set_ylim(0, 130_000)
        ax.set_xticks([2014, 2017, 2020, 2023])
        ax.set_yticks([0, 40_000, 80_000, 120_000], ["0", "40,000", "80,000", "120,000"])
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    lay.text("Offences")
    lay.axes(2.1, draw, left=0.75, right=0.15, bottom=0.32, top=0.1)
    lay.text("Dashed line: the exploitation flag became mandatory (April 2016). Only the police national "
             "analysis's points are joined: the others use different definitions.", indent=0.0)
    sentences = [f"{p.period}: {f.value_as_printed} ({DEFINITIONS[p.definition][0]}; "
                 f"{STATUS_LABELS[f.status]})" for p, f in rows]
    alt = ("Police-recorded sexual offences against children, every year that could be read, by definition: "
           + "; ".join(sentences) + ". Only the police national analysis's points, 2022 to 2024, are one series.")
    return Chart(lay.figure(), alt, [f.value_as_printed for _, f in rows])


def rates_per_100k_children(package: Package) -> list[tuple[str, str, float]]:
    """The counts of the national analysis and of its group-based and exploitation categories as rates
    per 100,000 children aged 0 to 17 in the 2021 census (the only child population read)."""
    from .. import comparisons
    from .. import population as pop

    children = pop.count(package, 2021, pop.EW, "All", pop.Band("persons", 0, 17))
    f = package.figure
    out = []
    for level, words in (("all", "All child sexual abuse and exploitation"), ("group", "Group-based"),
                         ("cse", "Exploitation category")):
        for year in YEAR_TOTALS:
            fid = year_rows(package, year)[level]
            out.append((f"{words}, {year}", fid, comparisons.rate_per_100k(f(fid).value, children)))
    return out


# -- from record to conviction ------------------------------------------------------------------------
STAGES_LIST = "police_figures_2023_stages"   # each stage's label and figure row (data/figure_lists.csv)


def stages(package: Package) -> list[tuple[str, str]]:
    """Each stage from record to conviction, in the list's order: (its label, its figure row)."""
    out = []
    for r in package.figure_list(STAGES_LIST):
        if not r.words:
            raise r.error("words", "the stage's label is missing")
        out.append((r.words, r.figure_id))
    return out


def stages_chart(package: Package) -> Chart:
    """What is known at each stage, each bar with its unit and period, on a log scale; not a funnel."""
    import math

    rows = [(label, package.figure(fid)) for label, fid in stages(package)]
    lay = Layout().title("From record to conviction: what has been published at each stage")
    lay.text("Different years, definitions and units: read each bar on its own, not as a funnel.", weight="bold")
    top = 200_000
    for label, f in rows:
        lay.text(f"{label}, {f.period}: {f.value_as_printed}")

        def draw(ax, v=f.value):
            ax.set_xscale("log")
            ax.set_xlim(100, top)
            ax.set_ylim(0, 1)
            ax.barh(0.5, v, left=100, height=1.0, color=BLUE, linewidth=0)
        lay.band(0.22, draw, left=BAR_INSET, right=BAR_INSET)

    def axis(ax):
        ax.set_xscale("log")
        ax.set_xlim(100, top)
        ax.set_yticks([])
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        ticks = [10 ** k for k in range(2, int(math.log10(top)) + 1)]
        ax.set_xticks(ticks, [f"{t:,}" for t in ticks])
        ax.minorticks_off()
    lay.axes(0.3, axis, left=BAR_INSET, right=BAR_INSET, bottom=0.28)
    lay.text("Count, log scale", indent=BAR_INSET)
    alt = ("From record to conviction, what has been published at each stage, each with its own year and "
           "definition: " + "; ".join(f"{label}, {f.period}: {f.value_as_printed} ({STATUS_LABELS[f.status]})"
                                      for label, f in rows) + ". Not a funnel: the stages are from different years.")
    return Chart(lay.figure(), alt, [f.value_as_printed for _, f in rows])
