"""The numbers and views of the chapter on what the 2023 police figures count."""
from __future__ import annotations

from .. import fmt, stats
from ..charts import Level, Slice, icon_array, nesting_chart
from ..data import STATUS_LABELS, Package
from ..style import ORANGE, REST, SKY, UNKNOWN, VERMILLION
from ..widgets import Control, StaticWidget, View

# The figure rows behind each year's nesting: all CSAE offences, group-based, CSE category.
YEAR_ROWS = {
    "2023": {"all": "csae_2023.vkpp", "group": "group_based_2023.hansard", "cse": "cse_2023.hansard"},
    "2024": {"all": "csae_2024.sun", "group": "group_based_2024.sun", "cse": "cse_2024.sun"},
}
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


def share_text(fraction: float) -> str:
    """Shares under 1% keep two decimals so that 0.62% is not shown as 0.6%."""
    return fmt.percent(fraction, 2 if fraction < 0.01 else 1)


def levels(package: Package, year: str) -> list[Level]:
    rows = YEAR_ROWS[year]
    return [Level(LEVEL_LABELS[k], package.figure(rows[k]).count) for k in ("all", "group", "cse")]


def nesting(package: Package, year: str = "2023"):
    return nesting_chart(levels(package, year),
                         title=f"Police-recorded offences, {year}: each definition within the one above")


def per_thousand_slices(package: Package, year: str = "2023") -> list[Slice]:
    """How 1,000 recorded CSAE offences divide between the categories the sources give."""
    rows = YEAR_ROWS[year]
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
    rows = YEAR_ROWS[year]
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
    return StaticWidget(lambda comparison, year: comparison_view(package, year, comparison),
                        controls, title="Each definition as a share of another",
                        default={"comparison": "cse_in_all", "year": "2023"})
