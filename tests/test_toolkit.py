"""The toolkit part's arithmetic, against hand-computed values."""
from __future__ import annotations

import pytest

from csebook import fmt
from csebook.chapters import tk_claims, tk_counting, tk_missing, tk_samples, tk_small, tk_time
from csebook.data import load_package


@pytest.fixture(scope="module")
def package():
    return load_package()


def test_unit_shares_hand_computed():
    s = tk_counting.unit_shares(0.2, 10, 5, 1)
    assert s == pytest.approx({"groups": 0.2, "people": 2 / 6, "offences": 2 / 6})
    assert tk_counting.unit_shares(0.2, 10, 5, 3)["offences"] == pytest.approx(6 / 10)
    with pytest.raises(ValueError):
        tk_counting.unit_shares(1.2, 10, 5, 1)


def test_selection_path_hand_computed_and_either_direction():
    path = dict(tk_samples.selection_path(0.3, 2, 1))
    # X passes 0.6 * 0.4 * 0.4 = 0.096 of the time, Y 0.3 * 0.4 * 0.4 = 0.048
    assert path["listed"] == pytest.approx(0.3 * 0.096 / (0.3 * 0.096 + 0.7 * 0.048))
    assert tk_samples.selection_path(0.3, 0.5, 1)[-1][1] < 0.3 < tk_samples.selection_path(0.3, 2, 1)[-1][1]
    assert tk_samples.selection_path(0.3, 0.5, 1, 2)[-1][1] == pytest.approx(0.3)   # two selections cancel
    # differential recording of ethnicity alone moves the share among the recorded
    assert tk_samples.selection_path(0.3, 1, 2)[-1][1] > 0.3 > tk_samples.selection_path(0.3, 1, 0.5)[-1][1]


def test_inverse_selection_strength_hand_computed(package):
    from csebook import comparisons

    # Quilliam: 84.8% of those with ethnicity known against 7.51% of residents in 2011
    # (0.848 / 0.152) / (0.0751 / 0.9249) = 68.7; the statistician's review: 65 against 7.5%
    assert comparisons.selection_odds_ratio(0.84, 0.075) == pytest.approx((0.84 / 0.16) / (0.075 / 0.925))
    rows = {r.key: r for r in tk_samples.needed(package)}
    assert rows["quilliam"].odds_ratios()[0][1] == pytest.approx(68.9, abs=0.1)
    # GMP's printed 52% against the force area's 13.6% (the review's 6.9), below one for Asian in 2023
    assert rows["gmp_mvmo_asian"].odds_ratios()[0][1] == pytest.approx(6.9, abs=0.05)
    assert rows["gbo2023_asian"].odds_ratios()[0][1] < 1
    readings = {r.reading for r in rows.values()}
    assert len(readings) == 2                                     # figures cited by both readings


def test_missing_cases_carry_the_published_shares(package):
    cases = {c.key: c for c in tk_missing.missing_cases(package)}
    occ = cases["occ2012_perpetrators"]
    assert occ.recorded == pytest.approx(1204 / 1514)          # 545 + 415 + 244 of 1,514
    assert occ.of_recorded == pytest.approx(415 / 1204)


def test_funnel_outside_counts_match_independent_counts_and_networks_explain_the_extremes():
    import re

    import numpy as np

    pops, counts = tk_small.funnel_populations(), tk_small.funnel_counts(2)
    p0 = tk_small.FUNNEL_RATE
    se = np.sqrt(p0 * (1 - p0) / pops)

    def stated(view):
        return int(re.search(r"(\d+) of 40 areas fall outside", view.summary).group(1))

    outside_normal = int(((counts / pops < p0 - 3.09 * se) | (counts / pops > p0 + 3.09 * se)).sum())
    assert abs(stated(tk_small.funnel_view("2", "offences", "3.09")) - outside_normal) <= 2
    # widened by Spiegelhalter's phi, recomputed here from the z-scores (Winsorised at 10%)
    z = np.sort((counts / pops - p0) / se)
    z[:4], z[-4:] = z[4], z[-5]
    phi = float(np.mean(z * z))
    wide = int((np.abs(counts / pops - p0) > 3.09 * np.sqrt(phi) * se).sum())
    assert stated(tk_small.funnel_view("2", "offences_od", "3.09")) == wide
    # with offences in networks, limits for chance alone flag many areas with the same true rate
    assert outside_normal >= 8 and wide <= 2
    assert tk_small.funnel_counts(2).tolist() == tk_small.funnel_counts(2).tolist()   # seeded


def test_no_interval_for_a_compiled_list_and_clustered_intervals_are_wider(package):
    rows = {r.kind: r for r in tk_small.small_shares(package)}
    assert rows["list"].intervals == ()
    hm = rows["sample"]
    widths = [iv.high - iv.low for iv in hm.intervals]
    assert widths[0] < widths[1] < widths[2]
    chart = tk_small.small_chart(list(rows.values()))
    assert "no interval, a compiled list" in chart.alt


def test_delay_view_counts_both_ways_and_rises_by_year_of_record():
    # rising offending, a twenty-year delay, no change in reporting: the series by year of record
    # rises (the statistician's review: 84, 91, ... on the old model), the one by year of abuse falls
    _, rec, ab = tk_time.model("20", "rising", "none")
    assert rec[2019] < rec[2020] < rec[2021] < rec[2022] < rec[2023]
    assert ab[2019] > ab[2023]
    # flat offending and no change: the series by year of record is flat, with no artefact from where
    # the model starts (the old model rose 54 to 62 over 2019-2023 from its 2004 start)
    _, rec, _ = tk_time.model("20", "flat", "none")
    assert max(rec.values()) - min(rec.values()) < 1e-9 * max(rec.values())
    # a doubling of willingness to report in 2014 doubles the records at once, offending unchanged
    _, rec, _ = tk_time.model("10", "flat", "step")
    assert rec[2015] == pytest.approx(2 * rec[2013], rel=1e-9)
    view = tk_time.delay_view("10", "flat", "step")
    assert "Illustration, not data" in view.summary


# The claim checker's rule (printed on its page): a figure comes with the figures its own sentence or
# passage gives for another group of the same base, or for the same statistic in another period.
COMPANIONS = (("a-white-2023", "a-asian-2023"), ("a-pakistani-2024", "a-pakistani-2023"),
              ("b-pakistani-subset", "b-pakistani-subset-2023"))


def test_claims_follow_the_rule_with_their_companions_and_are_computed_from_their_figures(package):
    ids = set(package.claims.claim_id)
    missing = [(a, b) for a, b in COMPANIONS if a in ids and b not in ids]
    assert not missing, f"a claim shown without the companion its own report gives: {missing}"
    assert sum(tk_claims.claim_counts(package).values()) == len(package.claims)
    frame = tk_claims.claims_frame(package).set_index("Claim")
    gmp = frame.loc["“52%” of suspects in multi-victim, multi-offender exploitation cases in Greater Manchester were Asian"]
    # against the force area first (52 / 13.6 = 3.8), the city of Manchester's 21% only as the last, named
    assert gmp["Against the population"].startswith("3.8 against Greater Manchester force area, 2021, all ages")
    assert gmp["Against the population"].endswith("2.5 against City of Manchester, 2021, all ages")
    white = frame.loc["“83 per cent” of group-based suspects were White"]
    assert white["Share with ethnicity recorded"] == "34% recorded"
    quilliam = frame.loc["“84%” of people convicted in 'grooming gang' cases were Asian"]
    # the share recorded, never 'unknown', in every entry; the 2011 census for data of 2005 to 2017
    assert quilliam["Share with ethnicity recorded"].startswith("99% recorded")
    assert "England and Wales, 2011" in quilliam["Against the population"]
    assert not frame["Share with ethnicity recorded"].str.match(r"^\d+% unknown").any()
    assert frame["The other reading replies"].str.len().min() > 80        # every claim has a reply
    assert not frame["Kind of sample"].str.contains("method").any()


def test_a_claim_naming_an_unknown_comparison_is_refused_with_its_row(package):
    from csebook.data import DataError

    with pytest.raises(DataError) as err:
        tk_claims.comparison(package, "series:no_such_breakdown", 0.5, row=3)
    assert (err.value.file, err.value.row, err.value.column) == ("data/claims.csv", 3, "comparison")


def test_how_sure_combines_the_uncertainties_hand_computed(package):
    from csebook import stats

    claims = {u.claim_id: u for u in tk_claims.uncertain_claims(package)}
    sub = claims["b-pakistani-subset"]
    p = sub.comparators[0][1]
    # like the recorded, chance left out: the plain ratio of shares
    rows, notes = tk_claims.how_sure(sub, "like", "none")
    assert rows[0][1] == pytest.approx(sub.share / p) and not notes
    # no share recorded published for the category: with groups, the Wilson interval on the groups only,
    # and the break-even shares recorded (chance left out, each suspect independent, in groups) instead
    lo, hi = stats.wilson_interval(sub.share * sub.groups, sub.groups)
    rows, notes = tk_claims.how_sure(sub, "bounds", "groups")
    assert sub.recorded is None and (rows[0][1], rows[0][2]) == pytest.approx((lo / p, hi / p))
    expected = [p / sub.share, p / stats.wilson_interval(sub.share * sub.n, sub.n)[0], p / lo]
    assert "cannot be drawn" in notes[0] and all(fmt.share(x) in notes[0] for x in expected)
    assert [be for _, be in tk_claims.break_evens(sub, p)] == pytest.approx(expected)
    # a compiled list gets no chance interval, and says why
    rows, notes = tk_claims.how_sure(claims["b-quilliam"], "like", "groups")
    assert rows[0][1] == rows[0][2] and "never a sample" in notes[0]
    # an unpublished share recorded: no bounds, and the break-even instead
    _, notes = tk_claims.how_sure(claims["b-pakistani-cse"], "bounds", "none")
    cse = claims["b-pakistani-cse"]
    assert "cannot be drawn" in notes[0] and fmt.share(cse.comparators[0][1] / cse.share) in notes[0]
    # the verdict follows the numbers as printed
    view = tk_claims.how_sure_view(package, "a-white-2023", "like", "none")
    assert "includes one" in view.summary


def test_an_uncertain_claim_uses_the_breakdown_claims_csv_compares_it_with(package):
    from csebook import suspects
    from csebook.data import DataError

    claims = package.claims.set_index("claim_id")
    series = suspects.series_by_key(package)
    uncertain = {u.claim_id: u for u in tk_claims.uncertain_claims(package)}
    for cid in ("a-white-2023", "a-white-2024", "a-pakistani-2024", "b-pakistani-subset"):
        key = claims.loc[cid, "comparison"].removeprefix("series:")
        assert tk_claims.claim_series(package, cid) == key
        s = series[key]
        assert uncertain[cid].label == f"{s.group}, {s.category.lower()}, {s.period}"
        assert uncertain[cid].share == s.of_recorded
    for cid in ("a-cse-share", "b-quilliam"):          # no comparison; a study, not a published breakdown
        with pytest.raises(DataError) as err:
            tk_claims.claim_series(package, cid)
        assert (err.value.file, err.value.column) == ("data/claims.csv", "comparison")
        assert err.value.row == int(package.claims.index[package.claims.claim_id == cid][0])
