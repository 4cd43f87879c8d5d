"""The numbers and views of the chapter on the inquiry into child sexual exploitation by
organised networks (IICSA, February 2022)."""
from __future__ import annotations

from dataclasses import dataclass

from .. import fmt, stats
from ..charts import Recorded, bounds_chart, recorded_chart
from ..data import STATUS_LABELS, ListRow, Package, by_part
from ..widgets import Control, StaticWidget, View


@dataclass(frozen=True)
class AreaRow:
    """One bullet of Part H.4, paragraph 8: whose ethnicity, the share figure and its base."""

    key: str
    label: str
    share_id: str
    base_id: str
    base_word: str
    share_is_recorded: bool = False   # Swansea's figure is the share recorded, not missing


AREAS_LIST = "iicsa_networks_2022_areas"   # each bullet's share and base rows, in order (data/figure_lists.csv)


def area_row(package: Package, key: str, rows: tuple[ListRow, ...]) -> AreaRow:
    """One bullet from its list rows: the 'share' row (its words are the bullet's label) and the 'base'
    row (its words, the noun the base is counted in). Whether the share is of those recorded or of
    those not recorded is the share row's statistic in figures.csv."""
    parts = by_part(key, rows, ("share", "base"))
    share, base = parts["share"], parts["base"]
    statistic = package.figure_quietly(share.figure_id).statistic
    if not statistic.endswith("_recorded_share"):
        raise share.error("figure_id", f"the statistic of {share.figure_id} ({statistic!r}) is not a share "
                                       "recorded or not recorded")
    return AreaRow(key, share.words, share.figure_id, base.figure_id, base.words,
                   share_is_recorded=not statistic.endswith("_not_recorded_share"))


def area_rows(package: Package) -> tuple[AreaRow, ...]:
    """The bullets in the list's order."""
    return package.cached(AREAS_LIST, lambda: tuple(area_row(package, key, rows)
                                                    for key, rows in package.list_members(AREAS_LIST).items()))


AREAS = ["Durham", "Swansea", "Warwickshire", "St Helens", "Tower Hamlets", "Bristol"]
GROUP_SHARES = (("0.1", "10%"), ("0.5", "50%"), ("0.9", "90%"))


def recorded_row(package: Package, row: AreaRow) -> Recorded:
    """The report's figure as a share not recorded, keeping 'over' / 'less than' as a qualifier."""
    share, base = package.figure(row.share_id), package.figure(row.base_id)
    if row.share_is_recorded:
        # 'less than half' recorded: more than half not recorded
        missing, qualifier = 100 - share.value, ("over" if share.precision == "less-than" else "")
    else:
        missing, qualifier = share.value, ("over" if share.precision == "more-than" else "")
    return Recorded(row.label, missing, base.count, base.unit, qualifier, row.base_word)


def missing_ethnicity_chart(package: Package):
    return recorded_chart([recorded_row(package, r) for r in area_rows(package)],
                          title="Ethnicity recorded and not recorded, IICSA case study areas")


def bounds_view(package: Package, row: str, group_share: str) -> View:
    area = next(r for r in area_rows(package) if r.key == row)
    rec = recorded_row(package, area)
    recorded = 1 - rec.not_recorded / 100
    s = float(group_share)
    base_text = f"{fmt.count(rec.base)} {rec.base_unit}"
    chart = bounds_chart(title=f"{area.label}: how far the missing records could move a share",
                         recorded_share=recorded, group_share_of_recorded=s, base_text=base_text,
                         at_least=bool(rec.qualifier))
    low, high = stats.share_bounds(recorded, s)
    status = STATUS_LABELS[package.figure(area.share_id).status]
    summary = (f"{area.label}: ethnicity not recorded for {rec.missing_text} of {base_text}. A group that is "
               f"{fmt.percent(s, 0)} of those recorded could be anywhere from {fmt.percent(low, 0)} to "
               f"{fmt.percent(high, 0)} of all{' (or wider: the source says over)' if rec.qualifier else ''}. "
               f"Figure {status}; the group share is a hypothetical you choose.")
    return View(chart, summary)


def bounds_widget(package: Package) -> StaticWidget:
    controls = [
        Control("row", "Area and whose ethnicity", tuple((r.key, r.label) for r in area_rows(package)), kind="select"),
        Control("group_share", "Suppose a group is this share of those recorded", GROUP_SHARES),
    ]
    return StaticWidget.bound(bounds_view, package, controls,
                              title="How far missing ethnicity records could move any share",
                              default={"row": "durham_suspects", "group_share": "0.5"})


def recommendations_table(package: Package, report_id: str = "iicsa-networks-l2"):
    """The report's recommendations with the status of their text and of the response."""
    import pandas as pd

    recs = package.recommendations[package.recommendations.report_id == report_id].sort_values("number")
    rows = []
    for _, r in recs.iterrows():
        rows.append({
            "Recommendation": f"{int(r.number)}. {r.title}", "To": r.addressed_to, "In short": r.summary,
            "Text": STATUS_LABELS[r.status],
            "Response": (f"{r.response} ({r.response_date}; {STATUS_LABELS[r.response_status]})"
                         if r.response else "not read: " + r.check_note),
        })
    return pd.DataFrame(rows)
