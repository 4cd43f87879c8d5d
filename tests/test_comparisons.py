"""The arithmetic of 'relative to what?' (csebook.comparisons, csebook.population, csebook.suspects),
checked against values computed by hand."""
from __future__ import annotations

import math

import pytest

from csebook import comparisons, suspects
from csebook import population as pop
from csebook.data import load_package


@pytest.fixture(scope="module")
def package():
    return load_package()


def test_a_matched_ratio_from_census_counts(package):
    # 2011, England and Wales, males aged 18 to 39: Pakistani 234,212 of 8,271,119 (Nomis DC2101EW),
    # summed by hand from the bands 18-19, 20-24, ..., 35-39
    band = pop.Band("males", 18, 39)
    assert pop.count(package, 2011, pop.EW, "Pakistani", band) == 234212
    assert pop.count(package, 2011, pop.EW, "All", band) == 8271119
    p = pop.share(package, 2011, pop.EW, "Pakistani", band)
    assert p == pytest.approx(234212 / 8271119)
    # 2021 by age has five broad groups only: Asian aged 20 to 39 is (424,396 + 416,155 + 485,790 +
    # 518,199) over everyone in those bands
    asian_20_39 = 424396 + 416155 + 485790 + 518199
    assert pop.count(package, 2021, pop.EW, "Asian", pop.Band("persons", 20, 39)) == asian_20_39
    assert pop.share(package, 2021, pop.EW, "Asian", pop.Band("persons", 20, 39)) == pytest.approx(
        asian_20_39 / 15634286)


def test_bands_that_cannot_be_cut_from_a_census_table_are_refused(package):
    with pytest.raises(pop.ComparatorError, match="bands starting at"):
        pop.share(package, 2021, pop.EW, "Asian", pop.Band("persons", 18, 39))     # 2021 has 15-19, 20-24
    with pytest.raises(pop.ComparatorError, match="all ages only"):
        pop.share(package, 2021, pop.EW, "Pakistani", pop.Band("persons", 20, 39))


def test_relative_rates_hand_computed():
    # against everyone else: (0.137 / 0.863) / (0.0266 / 0.9734) = 5.809
    assert comparisons.relative_rate(0.137, 0.0266) == pytest.approx(5.809, abs=1e-3)
    # against a reference group: (0.137 / 0.0266) / (0.63 / 0.8171) = 6.680
    assert comparisons.relative_rate_against(0.137, 0.0266, 0.63, 0.8171) == pytest.approx(6.680, abs=1e-3)
    # from counts: 75 of 1,587,822 against 1,623 of 48,699,231 residents
    assert comparisons.rate_per_100k(75, 1587822) == pytest.approx(4.7234, abs=1e-4)
    assert comparisons.rate_per_100k(75, 1587822) / comparisons.rate_per_100k(1623, 48699231) == \
        pytest.approx(1.4173, abs=1e-4)


def test_break_even_recording_share_hand_computed():
    # above the population share among the recorded: the lower bound r * s / p reaches one at p / s
    assert comparisons.break_even_recording(0.137, 0.0266) == pytest.approx(0.0266 / 0.137)
    r = comparisons.break_even_recording(0.137, 0.0266)
    assert r * 0.137 / 0.0266 == pytest.approx(1.0)
    # below it: the upper bound (r * s + 1 - r) / p falls to one at (1 - p) / (1 - s)
    r = comparisons.break_even_recording(0.07, 0.0925)
    assert r == pytest.approx(0.9075 / 0.93)
    assert (r * 0.07 + 1 - r) / 0.0925 == pytest.approx(1.0)
    assert comparisons.break_even_recording(0.05, 0.05) is None


def test_the_no_difference_assumption_pulls_the_ratio_toward_one():
    # ratio = 1 + r * (recorded ratio - 1): 34% recorded, 7% of them in a group of 9.25% of residents
    r, s, p = 0.34, 0.07, 0.0925
    assert comparisons.no_difference(r, s, p) / p == pytest.approx(1 + r * (s / p - 1))
    assert comparisons.break_even_unrecorded(r, s, p) == pytest.approx((p - s * r) / (1 - r))


def test_clustered_interval_counts_networks_not_suspects():
    lo, hi = comparisons.clustered_interval(0.52, 59)
    assert (round(lo, 3), round(hi, 3)) == (0.395, 0.642)     # Wilson for 30.68 of 59
    assert comparisons.clustered_interval(0.52, 20)[1] - comparisons.clustered_interval(0.52, 20)[0] > hi - lo


def test_series_keep_category_area_and_base_apart(package):
    s = suspects.series_by_key(package)
    assert s["gmp_mvmo_asian"].comparator.label.startswith("Greater Manchester force area, 2021")
    assert s["gmp_mvmo_asian"].comparator.share == pytest.approx(pop.share(package, 2021, pop.GREATER_MANCHESTER, "Asian"))
    assert any("City of Manchester" in c.label for c in s["gmp_mvmo_asian"].comparators)
    assert s["gmp_mvmo_asian"].recording.share == pytest.approx(0.90)       # 52% + 38% printed
    assert s["gmp_csa_asian"].recording.share == pytest.approx(0.68)        # 32% unknown printed
    assert not s["sub2024_pakistani"].recording.published_for_category       # borrowed, and says so
    assert "not published for this category" in s["sub2024_pakistani"].recording.label
    assert s["gbo2024_pakistani"].recording.published_for_category
    for series in s.values():
        kinds = [c.kind for c in series.comparators]
        assert kinds[0] == "all ages" and "males aged 18 to 64" in kinds and "mix with males aged 18 to 64" in kinds
        assert all(c.census == 2021 for c in series.comparators), f"{series.key}: a 2011 share beside 2023-25 data"
        assert all("estimated from the 2011 age and sex pattern" in c.label
                   for c in series.comparators if c.kind != "all ages"), series.key


def test_share_under_each_assumption(package):
    s = suspects.series_by_key(package)["gbo2023_asian"]
    assert suspects.share_under(s, "bounds") == pytest.approx((0.34 * 0.07, 0.34 * 0.07 + 0.66))
    assert suspects.share_under(s, "like") == pytest.approx((0.07, 0.07))
    nd = 0.34 * 0.07 + 0.66 * s.comparator.share
    assert suspects.share_under(s, "no_difference") == pytest.approx((nd, nd))
    with pytest.raises(ValueError, match="unknown assumption"):
        suspects.share_under(s, "most")


def test_a_page_lists_only_the_census_tables_its_comparators_were_summed_from():
    package = load_package()
    pop.share(package, 2021, pop.EW, "Asian", pop.Band("persons", 20, 39))
    assert {sid for sid, *_ in pop.used(package)} == {"ons-custom-age-ethnic-2021"}
    pop.count(package, 2021, pop.EW, "All", pop.Band("persons", 0, 17))   # the stored children's count
    tables = {sid: cells for sid, _, _, _, cells in pop.used(package)}
    assert tables["ons-ts007-2021"] == ["All, residents aged 0 to 17"]
    assert tables["ons-custom-age-ethnic-2021"] == ["Asian, residents aged 20 to 39"]


def test_a_relative_rate_carries_a_log_poisson_interval_widened_by_clustering():
    from csebook.comparisons import rate_ratio_interval

    # 40 per 1,000 against 20 per 1,000: 2.0, half-width 1.96 * sqrt(1/40 + 1/20) = 0.5368 on the log scale
    rr, lo, hi = rate_ratio_interval(40, 1000, 20, 1000)
    assert rr == pytest.approx(2.0)
    assert (lo, hi) == (pytest.approx(2 * math.exp(-0.5367582), rel=1e-5), pytest.approx(2 * math.exp(0.5367582), rel=1e-5))
    _, lo3, hi3 = rate_ratio_interval(40, 1000, 20, 1000, design_effect=3)
    assert lo3 == pytest.approx(2 * math.exp(-0.5367582 * math.sqrt(3)), rel=1e-5) and hi3 > hi
    with pytest.raises(ValueError):
        rate_ratio_interval(0, 1000, 20, 1000)


def test_two_shares_are_tested_for_chance_with_and_without_clustering():
    from csebook.comparisons import two_proportion_test

    # 20 of 100 against 30 of 100: pooled 0.25, se sqrt(0.25 * 0.75 * 0.02) = 0.0612372, z = 1.63299
    z, p = two_proportion_test(20, 100, 30, 100)
    assert z == pytest.approx(1.632993, rel=1e-5) and p == pytest.approx(0.102470, rel=1e-4)
    z3, p3 = two_proportion_test(20, 100, 30, 100, design_effect=3)
    assert z3 == pytest.approx(1.632993 / math.sqrt(3), rel=1e-5) and p3 > p


def test_the_design_effect_at_which_a_verdict_turns_is_computed():
    from csebook.comparisons import design_effect_to_chance, design_effect_to_reach_one, rate_ratio_interval

    d = design_effect_to_reach_one(2.0, 40, 20)
    assert rate_ratio_interval(40, 1000, 20, 1000, design_effect=d)[1] == pytest.approx(1.0)
    d = design_effect_to_chance(20, 100, 30, 100)          # z = 1.633 < 1.96: already past chance at deff 1
    assert d == pytest.approx((1.632993 / 1.959964) ** 2, rel=1e-5) and d < 1


def test_break_even_shares_recorded_with_and_without_chance():
    from csebook import stats
    from csebook.comparisons import break_even_recordings

    got = dict(break_even_recordings(0.10, 0.02, n=200, groups=50))
    assert got["chance left out"] == pytest.approx(0.2)
    assert got["each suspect independent"] == pytest.approx(0.02 / stats.wilson_interval(20, 200)[0])
    assert got["in groups"] == pytest.approx(0.02 / stats.wilson_interval(5, 50)[0])
