"""Census comparators from data/population.csv: the share of residents in an ethnic group, for an
area, census year, sex and age band.

A band is summed from the published cells that lie inside it; a band whose edges fall inside a
published cell cannot be built from that census's table (2021's five-year bands have no edge at 18,
for example), and asking for one is an error that names the cuts available. The 2021 table by age
gives five broad groups for both sexes together; the 2011 table gives every group by sex and age.

No Census 2021 table by ethnic group, sex and age could be read (data/searches.csv, s-census-083
on). Where a 2021 band cannot be built from the tables, comparators() estimates it from the 2011
age and sex pattern (from_2011_pattern) and says so in its label, so that a 2011 share is never set
beside 2023-2025 data as if it were current.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import fmt
from .data import Package

EW = "K04000001"
GREATER_MANCHESTER = "E11000001"
MANCHESTER = "E08000003"
WEST_YORKSHIRE = "E11000006"
SOUTH_YORKSHIRE = "E11000003"
AREA_NAMES = {EW: "England and Wales", GREATER_MANCHESTER: "Greater Manchester force area",
              WEST_YORKSHIRE: "West Yorkshire force area", SOUTH_YORKSHIRE: "South Yorkshire force area",
              MANCHESTER: "City of Manchester"}
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
AGED_10_17 = Band("persons", 10, 17)
MALES_18_39 = Band("males", 18, 39)
MALES_18_64 = Band("males", 18, 64)


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


# ---------------------------------------------------------------------------------------------
# Comparators for a group, an area and a period: the census closest in time, every band, and the
# bands Census 2021 does not give estimated from the 2011 age and sex pattern, labelled so.

AS_COUNTED = "as counted"
ESTIMATED = "estimated from the 2011 age and sex pattern"
SUSPECTS_AGED_10_17 = "suspects_10_17_share_2023.hydrant"   # 48% of group-based suspects of known age, 2023


def from_2011_pattern(share_2021_all: float, share_2011_band: float, share_2011_all: float) -> float:
    """A group's 2021 share of residents in a sex and age band, estimated when Census 2021 gives
    the group for all ages only: its 2021 all-ages share, scaled by how far the band's share
    stood from the all-ages share in 2011 (share_2021_all x share_2011_band / share_2011_all).

    It assumes the band's share moved in proportion to the all-ages share between the censuses;
    it is our computation, not a census count, and its label says so."""
    for name, value in (("share_2021_all", share_2021_all), ("share_2011_band", share_2011_band),
                        ("share_2011_all", share_2011_all)):
        if not 0 <= value <= 1:
            raise ValueError(f"{name} must be a share between 0 and 1, not {value}")
    if share_2011_all == 0:
        raise ValueError("the 2011 all-ages share is zero: no pattern to apply")
    return share_2021_all * share_2011_band / share_2011_all


def age_mix(weight_young: float, share_young: float, share_adult: float) -> float:
    """The comparator for suspects of mixed ages: weight_young x (the group's share of residents
    aged 10 to 17) + (1 - weight_young) x (its share in the adult band). It is the group's expected
    share of suspects if suspects' ages were split so and, within each band, the group were as
    common among suspects as among residents."""
    if not 0 <= weight_young <= 1:
        raise ValueError(f"the share of suspects aged 10 to 17 must lie between 0 and 1, not {weight_young}")
    return weight_young * share_young + (1 - weight_young) * share_adult


@dataclass(frozen=True)
class CensusComparator:
    """A census share for a group, area, sex and age band (or a mix of two bands), with the White
    share of the same residents computed the same way (the reference of a relative rate against
    White). `method` says whether the share was counted in a census table or estimated."""

    kind: str                 # 'all ages', 'aged 10 to 17', 'males aged 18 to 39', ..., 'mix with males aged 18 to 64'
    group: str
    area_code: str
    census: int               # the census year the comparator stands for
    share: float
    white: float
    method: str               # AS_COUNTED or ESTIMATED
    label: str                # area, census year, sex and age band, and method, in words
    band: Band | None = None  # None for a mix
    weight: float | None = None    # a mix: the share of suspects aged 10 to 17
    adult: Band | None = None      # a mix: its adult band

    @property
    def estimated(self) -> bool:
        return self.method == ESTIMATED


def _band_words(band: Band) -> str:
    if band == ALL_AGES:
        return "all ages"
    ages = f"aged {band.age_from} and over" if band.age_to is None else f"aged {band.age_from} to {band.age_to}"
    return f"males {ages}" if band.sex == "males" else ages


def area_name(package: Package, area_code: str) -> str:
    """The area in words: the book's short name, or the name stored with its census rows."""
    if area_code in AREA_NAMES:
        return AREA_NAMES[area_code]
    names = package.population.loc[package.population.area_code == area_code, "area"]
    if names.empty:
        raise ComparatorError(f"data/population.csv holds no census rows for area {area_code}")
    return names.iloc[0]


def band_share(package: Package, census: int, area_code: str, group: str, band: Band) -> tuple[float, str]:
    """The group's share of residents in a band for a census year, and how it was obtained: counted
    where the census tables give the band; for 2021, otherwise estimated from the 2011 pattern."""
    try:
        return share(package, census, area_code, group, band), AS_COUNTED
    except ComparatorError:
        if census != 2021 or band == ALL_AGES:
            raise
    estimate = from_2011_pattern(share(package, 2021, area_code, group),
                                 share(package, 2011, area_code, group, band),
                                 share(package, 2011, area_code, group))
    return estimate, ESTIMATED


def pattern_check(package: Package, area_code: str, group: str, band: Band) -> tuple[float, float]:
    """How well the 2011 pattern does where Census 2021 can be read: (the 2021 share as counted, the
    share from_2011_pattern would have estimated) for a band both censuses give. In England and
    Wales the five broad groups are counted by age (both sexes) in 2021, so the estimate's error can
    be shown beside the bands it has to stand in for."""
    counted = share(package, 2021, area_code, group, band)
    estimated = from_2011_pattern(share(package, 2021, area_code, group), share(package, 2011, area_code, group, band),
                                  share(package, 2011, area_code, group))
    return counted, estimated


def _period_end(period: int | str) -> int:
    if isinstance(period, int):
        return period
    years = re.findall(r"\b(?:19|20)\d\d\b", str(period))
    if not years:
        raise ValueError(f"no year in the period '{period}'")
    return int(years[-1])


def comparators(package: Package, group: str, area_code: str, period: int | str,
                weight_young: float | None = None) -> tuple[CensusComparator, ...]:
    """Every comparator for a group's share of suspects in an area and period, from the census
    closest in time (closest_census): all ages; aged 10 to 17; males aged 18 to 39; males aged 18
    to 64; and the mix of the young and an adult band weighted by the share of suspects aged 10 to
    17 (by default the 48% published for all group-based suspects of known age in 2023), first
    with males aged 18 to 64 (recommended: the adult suspects' ages were not published, and 18 to
    64 assumes least about them), then with males aged 18 to 39 (the youngest adult band, which
    moves the comparator most for young groups). Each is labelled with its area, census year, sex
    and age band and whether it was counted or estimated from the 2011 age and sex pattern."""
    census = closest_census(_period_end(period))
    where = area_name(package, area_code)
    assumed = weight_young is not None
    if weight_young is None:          # the ages of all group-based suspects of known age in 2023
        weight_young = package.figure(SUSPECTS_AGED_10_17).value / 100

    def one(band: Band) -> CensusComparator:
        p, method = band_share(package, census, area_code, group, band)
        w, _ = band_share(package, census, area_code, "White", band)
        kind = _band_words(band)
        return CensusComparator(kind, group, area_code, census, p, w, method,
                                f"{where}, {census}, {kind} ({method})", band=band)

    bands = {b: one(b) for b in (ALL_AGES, AGED_10_17, MALES_18_39, MALES_18_64)}
    young = bands[AGED_10_17]

    def mix(adult: Band) -> CensusComparator:
        grown = bands[adult]
        method = ESTIMATED if ESTIMATED in (young.method, grown.method) else AS_COUNTED
        # the published weight's origin is said where the mix is explained, not in every label
        words = (f"{fmt.share(weight_young)} {young.kind} and {fmt.share(1 - weight_young)} {grown.kind}"
                 + (", an assumed age mix" if assumed else ""))
        return CensusComparator(f"mix with {grown.kind}", group, area_code, census,
                                age_mix(weight_young, young.share, grown.share),
                                age_mix(weight_young, young.white, grown.white), method,
                                f"{where}, {census}, {words} ({method})", weight=weight_young, adult=adult)

    return (*bands.values(), mix(MALES_18_64), mix(MALES_18_39))
