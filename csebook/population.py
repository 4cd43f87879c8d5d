"""Census comparators from data/population.csv: the share of residents in an ethnic group, for an
area, census year, sex and age band.

A band is summed from the published cells that lie inside it; a band whose edges fall inside a
published cell cannot be built from that census's table (2021's five-year bands have no edge at 18,
for example), and asking for one is an error that names the cuts available. The 2021 table by age
gives five broad groups for both sexes together; the 2011 table gives every group by sex and age.
"""
from __future__ import annotations

from dataclasses import dataclass

from .data import Package

EW = "K04000001"
GREATER_MANCHESTER = "E11000001"
MANCHESTER = "E08000003"
BROAD = ("White", "Asian", "Black", "Mixed", "Other")


class ComparatorError(ValueError):
    """A comparator the census tables in data/ cannot give."""


@dataclass(frozen=True)
class Band:
    """Who a comparator counts: persons or males, aged age_from to age_to (None: and over)."""

    sex: str
    age_from: int = 0
    age_to: int | None = None

    @property
    def label(self) -> str:
        who = "males" if self.sex == "males" else "residents"
        if self.age_from == 0 and self.age_to is None:
            return f"all {who}" if self.sex == "males" else "all ages"
        if self.age_to is None:
            return f"{who} aged {self.age_from} and over"
        return f"{who} aged {self.age_from} to {self.age_to}"


ALL_AGES = Band("persons")


def _index(package: Package) -> dict:
    """(census, area_code, sex, group) -> [(age_from, age_to or None, count, source id)], built once."""
    def make():
        out: dict = {}
        for r in package.population.itertuples():
            to = None if str(r.age_to) == "<NA>" else int(r.age_to)
            out.setdefault((int(r.census), r.area_code, r.sex, r.ethnic_group), []).append(
                (int(r.age_from), to, int(r.count), r.source_id))
            out.setdefault(("sources", int(r.census), r.area_code), {}).setdefault(r.source_id, (r.area, r.status))
        return out
    return package.cached("population-index", make)


def count(package: Package, census: int, area_code: str, group: str, band: Band = ALL_AGES) -> int:
    """Residents of `group` in the band: a stored all-ages count, or the sum of the published age
    cells that make up the band exactly. Recorded on the package like share()."""
    n, cells_from = _count(package, census, area_code, group, band)
    _record(package, census, area_code, cells_from, f"{group}, {band.label}")
    return n


def _record(package: Package, census: int, area_code: str, source_ids: set[str], label: str) -> None:
    sources = _index(package).get(("sources", census, area_code), {})
    from .data import TRAIL

    used = package.cached("population-used", dict)
    for source_id in sorted(source_ids, key=list(sources).index):
        TRAIL.append(("census", source_id))
        area, status = sources[source_id]
        used.setdefault((source_id, census, area, status), set()).add(label)


def _count(package: Package, census: int, area_code: str, group: str,
           band: Band = ALL_AGES) -> tuple[int, set[str]]:
    """count(), with the sources of the cells it was summed from."""
    cells = _index(package).get((census, area_code, band.sex, group), [])
    exact = [(n, s) for a, b, n, s in cells if a == band.age_from and b == band.age_to]
    if exact:
        return exact[0][0], {exact[0][1]}   # a stored cell for exactly this band (children, 0 to 17)
    all_ages = band.age_from == 0 and band.age_to is None
    if group == "All" and not all_ages and not any(a > 0 for a, *_ in cells) and census == 2021:
        # the 2021 table by age has no 'All' column: everyone is the sum of the five broad groups
        parts = [_count(package, census, area_code, g, band) for g in BROAD]
        return sum(n for n, _ in parts), set().union(*(s for _, s in parts))
    if not cells:
        raise ComparatorError(f"the {census} census tables in data/population.csv give no {band.sex} counts for "
                              f"{group} in area {area_code}")
    whole = [(n, s) for a, b, n, s in cells if a == 0 and b is None]
    if all_ages and whole:
        return whole[0][0], {whole[0][1]}
    top = band.age_to if band.age_to is not None else 10_000
    spans = [(a, 10_000 if b is None else b, n, s) for a, b, n, s in cells if not (a == 0 and b is None)]
    if not spans:
        raise ComparatorError(f"{band.label}: the {census} tables in data/population.csv give {group} counts "
                              f"for area {area_code} for all ages only")
    if not any(a == band.age_from for a, *_ in spans) or not any(b == top for _, b, *_ in spans):
        starts = sorted({a for a, *_ in spans})
        raise ComparatorError(f"{band.label}: the {census} table for {area_code} has age bands starting at "
                              f"{starts}; this band cannot be built from it")
    inside = [(n, s) for a, b, n, s in spans if a >= band.age_from and b <= top]
    return sum(n for n, _ in inside), {s for _, s in inside}


def share(package: Package, census: int, area_code: str, group: str, band: Band = ALL_AGES) -> float:
    """The group's share of all residents in the band. The comparator is recorded on the package, so a
    page's table of sources lists the census tables its comparators came from (see used())."""
    part, part_sources = _count(package, census, area_code, group, band)
    whole, whole_sources = _count(package, census, area_code, "All", band)
    _record(package, census, area_code, part_sources | whole_sources, f"{group}, {band.label}")
    return part / whole


def used(package: Package) -> list[tuple[str, int, str, str, list[str]]]:
    """The census tables the package's comparators were computed from so far, in order first used:
    (source id, census year, area, check status, the groups and bands taken from it)."""
    return [(sid, census, area, status, sorted(cells))
            for (sid, census, area, status), cells in package.cached("population-used", dict).items()]


def closest_census(period_end_year: int) -> int:
    """The census closest in time to data collected up to a year: 2011 for data before 2016, 2021 after."""
    return 2011 if period_end_year < 2016 else 2021
