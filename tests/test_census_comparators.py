"""Comparators of the right census year (csebook.population.comparators): a band Census 2021 does not
give is estimated from the 2011 age and sex pattern and labelled so; the age mix is weighted by the
share of suspects aged 10 to 17. Checked on a small fixture package against values computed by hand,
not on the book's data."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csebook import data
from csebook import population as pop

AREA = "E99000001"
AREA_WORDS = "Testshire (the police force area)"

# 2011, by sex and age band: (age_from, age_to) -> {group: count}
BANDS_2011 = ((0, 9), (10, 17), (18, 39), (40, 64), (65, None))
PERSONS_2011 = {"All": (1000, 800, 2000, 2400, 1800), "Pakistani": (60, 40, 80, 30, 10),
                "White": (800, 680, 1700, 2200, 1720)}
MALES_2011 = {"All": (510, 410, 1000, 1200, 800), "Pakistani": (30, 20, 50, 22, 5),
              "White": (400, 350, 820, 1100, 770)}
ALL_2021 = {"All": 10000, "Pakistani": 330, "White": 8500}


def _cell(census, sex, age_from, age_to, group, n, source):
    return {"pop_id": f"c{census}.t.{sex}.{age_from}-{'' if age_to is None else age_to}.{group.lower()}",
            "census": census, "area": AREA_WORDS, "area_code": AREA, "sex": sex, "age_from": age_from,
            "age_to": age_to, "ethnic_group": group, "count": n, "source_id": source, "location": "fixture",
            "status": "read-official-copy", "check_note": ""}


def fixture_package(extra_2021=(), weight_percent=48.0) -> data.Package:
    cells = []
    for sex, table in (("persons", PERSONS_2011), ("males", MALES_2011)):
        for group, counts in table.items():
            for (a, b), n in zip(BANDS_2011, counts):
                cells.append(_cell(2011, sex, a, b, group, n, "fixture-2011"))
    for group, n in ALL_2021.items():
        cells.append(_cell(2021, "persons", 0, None, group, n, "fixture-2021"))
    cells += [_cell(2021, *c, "fixture-2021-by-sex") for c in extra_2021]
    population = pd.DataFrame(cells).astype({"age_to": "Int64"})
    figure = {f: "" for f in data.Figure.__dataclass_fields__}
    figure.update(figure_id=pop.SUSPECTS_AGED_10_17, value=weight_percent, value_as_printed=f"{weight_percent:g}%")
    empty = pd.DataFrame()
    tables = {"sources": empty, "figures": pd.DataFrame([figure]), "searches": empty, "recommendations": empty,
              "glossary": empty, "claims": empty, "population": population, "changes": empty}
    return data.Package(Path("fixture"), tables)


def test_the_2011_pattern_applied_to_a_2021_share_hand_computed():
    # 3% of all residents in 2021; in 2011 the band's share was 4% against 2% for all ages: 3% x 4/2 = 6%
    assert pop.from_2011_pattern(0.03, 0.04, 0.02) == pytest.approx(0.06)
    # a band below the all-ages share scales the 2021 share down: 80% x 76% / 80% = 76%
    assert pop.from_2011_pattern(0.80, 0.76, 0.80) == pytest.approx(0.76)
    with pytest.raises(ValueError, match="zero"):
        pop.from_2011_pattern(0.03, 0.0, 0.0)
    with pytest.raises(ValueError, match="share_2021_all"):
        pop.from_2011_pattern(3.0, 0.04, 0.02)      # a percentage passed as a share


def test_the_age_mix_hand_computed():
    # 48% of suspects aged 10 to 17 (a 5% share), 52% adults (a 3% share): 0.024 + 0.0156 = 0.0396
    assert pop.age_mix(0.48, 0.05, 0.03) == pytest.approx(0.0396)
    assert pop.age_mix(0, 0.05, 0.03) == pytest.approx(0.03)
    assert pop.age_mix(1, 0.05, 0.03) == pytest.approx(0.05)
    with pytest.raises(ValueError, match="between 0 and 1"):
        pop.age_mix(48, 0.05, 0.03)                 # the weight as printed, not as a share


def test_every_comparator_for_2024_data_is_2021_and_says_how_it_was_obtained():
    package = fixture_package()
    got = {c.kind: c for c in pop.comparators(package, "Pakistani", AREA, "Jan to Sep 2024")}
    assert list(got) == ["all ages", "aged 10 to 17", "males aged 18 to 39", "males aged 18 to 64",
                         "mix with males aged 18 to 64", "mix with males aged 18 to 39"]
    assert {c.census for c in got.values()} == {2021}
    # all ages, counted: 330 of 10,000
    assert got["all ages"].share == pytest.approx(0.033)
    assert got["all ages"].method == pop.AS_COUNTED
    assert got["all ages"].label == f"{AREA_WORDS}, 2021, all ages (as counted)"
    # 2011: all ages 220 / 8,000 = 2.75%; aged 10 to 17 40 / 800 = 5%; males 18 to 39 50 / 1,000 = 5%;
    # males 18 to 64 (50 + 22) / (1,000 + 1,200) = 3.2727%. Each scaled by 3.3% / 2.75% = 1.2:
    assert got["aged 10 to 17"].share == pytest.approx(0.06)
    assert got["males aged 18 to 39"].share == pytest.approx(0.06)
    assert got["males aged 18 to 64"].share == pytest.approx(0.0392727, abs=1e-7)
    for kind in ("aged 10 to 17", "males aged 18 to 39", "males aged 18 to 64"):
        assert got[kind].estimated
        assert got[kind].label == f"{AREA_WORDS}, 2021, {kind} (estimated from the 2011 age and sex pattern)"
    # the mix: 0.48 x 6% + 0.52 x 3.92727% = 4.92218%; with males 18 to 39, 6% throughout
    assert got["mix with males aged 18 to 64"].share == pytest.approx(0.0492218, abs=1e-7)
    assert got["mix with males aged 18 to 39"].share == pytest.approx(0.06)
    assert got["mix with males aged 18 to 64"].label == (
        f"{AREA_WORDS}, 2021, 48% aged 10 to 17 and 52% males aged 18 to 64 (estimated from the 2011 age and sex "
        "pattern)")
    # White, the reference of a relative rate, the same way: 85% all ages; aged 10 to 17,
    # 85% x (680 / 800) / (7,100 / 8,000) = 81.4085%
    assert got["all ages"].white == pytest.approx(0.85)
    assert got["aged 10 to 17"].white == pytest.approx(0.814085, abs=1e-6)
    # the weight was looked up in the figure row, so a glued number is credited with it
    assert ("figure", pop.SUSPECTS_AGED_10_17) in data.TRAIL


def test_an_estimated_comparator_lists_both_census_tables_it_rests_on():
    package = fixture_package()
    pop.comparators(package, "Pakistani", AREA, 2024)
    tables = {sid: cells for sid, _, _, _, cells in pop.used(package)}
    assert set(tables) == {"fixture-2021", "fixture-2011"}
    assert "Pakistani, males aged 18 to 39" in tables["fixture-2011"]
    assert tables["fixture-2021"] == ["Pakistani, all ages", "White, all ages"]


def test_a_2021_band_that_can_be_read_is_read_not_estimated():
    # Census 2021 counts of males aged 18 to 39 in the fixture: Pakistani 70 of 1,000
    package = fixture_package(extra_2021=[("males", 18, 39, "All", 1000), ("males", 18, 39, "Pakistani", 70),
                                          ("males", 18, 39, "White", 780)])
    got = {c.kind: c for c in pop.comparators(package, "Pakistani", AREA, 2023)}
    assert got["males aged 18 to 39"].share == pytest.approx(0.07)
    assert got["males aged 18 to 39"].method == pop.AS_COUNTED
    assert got["males aged 18 to 39"].label.endswith("males aged 18 to 39 (as counted)")
    assert got["males aged 18 to 64"].estimated                 # 2021 has no cut at 64 in the fixture
    # a mix with one estimated part is labelled estimated: 0.48 x 6% + 0.52 x 7% = 6.52%
    assert got["mix with males aged 18 to 39"].share == pytest.approx(0.0652)
    assert got["mix with males aged 18 to 39"].estimated


def test_data_before_2016_take_the_2011_census_as_counted():
    got = {c.kind: c for c in pop.comparators(fixture_package(), "Pakistani", AREA, "2011 to 2013")}
    assert {c.census for c in got.values()} == {2011}
    assert not any(c.estimated for c in got.values())
    assert got["males aged 18 to 39"].share == pytest.approx(0.05)
    assert got["males aged 18 to 39"].label == f"{AREA_WORDS}, 2011, males aged 18 to 39 (as counted)"


def test_another_weight_for_the_mix_is_named_as_assumed():
    got = {c.kind: c for c in pop.comparators(fixture_package(), "Pakistani", AREA, 2024, weight_young=0.25)}
    # 0.25 x 6% + 0.75 x 3.92727% = 4.44545%
    assert got["mix with males aged 18 to 64"].share == pytest.approx(0.0444545, abs=1e-7)
    assert "25% aged 10 to 17 and 75% males aged 18 to 64, an assumed age mix" in got["mix with males aged 18 to 64"].label
    # the published weight is read from the figure row when none is given
    assert pop.comparators(fixture_package(weight_percent=60.0), "Pakistani", AREA, 2024)[4].weight == pytest.approx(0.6)


def test_a_group_without_2011_detail_cannot_be_estimated():
    package = fixture_package()
    package.population.loc[len(package.population)] = _cell(2021, "persons", 0, None, "Asian", 900, "fixture-2021")
    with pytest.raises(pop.ComparatorError, match="2011"):
        pop.comparators(package, "Asian", AREA, 2024)
    with pytest.raises(ValueError, match="no year"):
        pop.comparators(package, "Pakistani", AREA, "three years")


def test_the_pattern_is_checked_where_2021_counts_can_be_read():
    # Census 2021 counts of residents aged 10 to 17 in the fixture: Pakistani 45 of 900 (5%); the
    # 2011 pattern would have given 3.3% x (40 / 800) / (220 / 8,000) = 6%
    package = fixture_package(extra_2021=[("persons", 10, 17, "All", 900), ("persons", 10, 17, "Pakistani", 45)])
    counted, estimated = pop.pattern_check(package, AREA, "Pakistani", pop.AGED_10_17)
    assert counted == pytest.approx(0.05)
    assert estimated == pytest.approx(0.06)
    with pytest.raises(pop.ComparatorError):
        pop.pattern_check(fixture_package(), AREA, "Pakistani", pop.AGED_10_17)   # no 2021 count to check against
