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
    # X passes 0.6 * 0.5 * 0.4 = 0.12 of the time, Y 0.3 * 0.5 * 0.4 = 0.06
    assert path["reported in the press"] == pytest.approx(0.036 / (0.036 + 0.042))
    assert tk_samples.selection_path(0.3, 0.5, 1)[-1][1] < 0.3 < tk_samples.selection_path(0.3, 2, 1)[-1][1]
    assert tk_samples.selection_path(0.5, 0.5, 2)[-1][1] == pytest.approx(0.5)   # two selections cancel


def test_missing_cases_carry_the_published_shares(package):
    cases = {c.key: c for c in tk_missing.missing_cases(package)}
    occ = cases["occ2012_perpetrators"]
    assert occ.recorded == pytest.approx(1204 / 1514)          # 545 + 415 + 244 of 1,514
    assert occ.of_recorded == pytest.approx(415 / 1204)


def test_funnel_outside_count_matches_an_independent_count():
    import numpy as np

    view = tk_small.funnel_view("2", "1.96")
    pops, counts = tk_small.funnel_populations(), tk_small.funnel_counts(2)
    p0 = tk_small.FUNNEL_RATE
    se = np.sqrt(p0 * (1 - p0) / pops)
    outside_normal = int(((counts / pops < p0 - 1.96 * se) | (counts / pops > p0 + 1.96 * se)).sum())
    stated = int(view.summary.split(" of 40 areas")[0].split("; ")[-1])
    assert abs(stated - outside_normal) <= 2          # exact limits differ a little from normal ones
    assert tk_small.funnel_counts(2).tolist() == tk_small.funnel_counts(2).tolist()   # seeded


def test_delay_view_last_five_years_hand_computed():
    from csebook import limits

    pmf = limits.geometric_delays(2, 200)
    p = 1 / 3
    recorded = [1 - (1 - p) ** (t + 1) for t in range(5)]         # P(delay <= t), t = 0..4 years
    view = tk_time.delay_view("2", "flat")
    assert fmt.share(sum(recorded) / 5) in view.summary
    assert limits.recorded_by(4, pmf) == pytest.approx(recorded[4])


def test_claims_are_balanced_and_computed_from_their_figures(package):
    assert tk_claims.claim_counts(package) == {"no group stands out": 4, "over-representation understated": 4}
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


def test_checklist_counts_the_yes_answers():
    view = tk_claims.checklist_view("yes", "no", "yes", "no", "yes")
    assert view.summary.startswith("3 of 5 answered yes")
    assert tk_claims.checklist_view(*["yes"] * 5).summary.startswith("5 of 5")
