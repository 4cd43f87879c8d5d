"""csebook.limits against hand-computed, closed-form or independently computed values."""
from __future__ import annotations

import math

import numpy as np
import pytest

from csebook import limits, stats

Z95 = 1.959963984540054  # standard normal 97.5% point (published tables)


# --- clustering -----------------------------------------------------------------------------------

def test_design_effect_hand_values():
    assert limits.design_effect(10, 0.1) == pytest.approx(1.9)
    assert limits.design_effect([10, 10, 10], 0.1) == pytest.approx(1.9)
    # unequal sizes 5 and 15: (25 + 225) / 20 = 12.5, so 1 + 11.5 * 0.1
    assert limits.design_effect([5, 15], 0.1) == pytest.approx(2.15)
    assert limits.design_effect(7, 0) == 1


def test_clustered_wilson_quilliam_like():
    lo, hi = limits.clustered_wilson(222, 264, 58)
    # by hand: p = 0.840909, z^2 = 3.841459, denominator 1.066232, centre 0.819733,
    # half-width 1.959964 * sqrt(0.0023066 + 0.0002855) / 1.066232 = 0.093588
    assert (lo, hi) == pytest.approx((0.726145, 0.913321), abs=2e-6)
    # the endpoints solve the score equation (p - pi)^2 = z^2 pi (1 - pi) / n_eff
    p = 222 / 264
    for pi in (lo, hi):
        assert (p - pi) ** 2 == pytest.approx(Z95 ** 2 * pi * (1 - pi) / 58, rel=1e-9)
    wlo, whi = limits.clustered_wilson(222, 264, 264)
    assert hi - lo > whi - wlo
    assert (wlo, whi) == pytest.approx(stats.wilson_interval(222, 264))


@pytest.mark.parametrize("call", [
    lambda: limits.design_effect(10, 1.5), lambda: limits.design_effect(0.5, 0.1),
    lambda: limits.design_effect([], 0.1),
    lambda: limits.clustered_wilson(5, 10, 11), lambda: limits.clustered_wilson(11, 10, 5),
])
def test_clustering_refuses_bad_input(call):
    with pytest.raises(ValueError):
        call()


# --- funnel limits --------------------------------------------------------------------------------

def funnel_limits_normal(expected_rate, populations, z=(1.96, 3.09)):
    """The normal-approximation limits p0 +/- z * sqrt(p0 (1 - p0) / n): the over-dispersed ones
    with phi = 1."""
    return limits.funnel_limits_overdispersed(expected_rate, populations, 1, z=z)


def test_funnel_normal_hand_value():
    lo, hi = funnel_limits_normal(0.01, [10000], z=1.96)[1.96]
    # 1.96 * sqrt(0.01 * 0.99 / 10000) = 1.96 * 0.000994987 = 0.00195017
    assert lo[0] == pytest.approx(0.01 - 0.00195017, abs=1e-8)
    assert hi[0] == pytest.approx(0.01 + 0.00195017, abs=1e-8)


def test_funnel_exact_hand_value_half_of_ten():
    # Binomial(10, 0.5): F(1) = 11/1024, F(2) = 56/1024, F(7) = 968/1024, F(8) = 1013/1024;
    # q = Phi(1.96) = 0.9750021. Upper: r = 8, a = (1013/1024 - q) / (45/1024) = 0.32440.
    q = 0.9750021048517795
    lo, hi = limits.funnel_limits(0.5, [10], z=1.96)[1.96]
    assert hi[0] == pytest.approx((8 - (1013 / 1024 - q) / (45 / 1024)) / 10, abs=1e-9)
    assert lo[0] == pytest.approx((2 - (56 / 1024 - (1 - q)) / (45 / 1024)) / 10, abs=1e-9)
    assert hi[0] == pytest.approx(0.76756, abs=1e-5)
    lo, hi = limits.funnel_limits(0.5, [10], z=1.96, interpolate=False)[1.96]
    assert (lo[0], hi[0]) == (0.2, 0.8)


def test_funnel_exact_is_binomial_quantile():
    # plain quantile: smallest r with P(X <= r) >= Phi(z), checked with math.comb
    p0, q = 0.03, 0.5 * math.erfc(-3.09 / math.sqrt(2))
    for n in (50, 400, 2000):
        lo, hi = limits.funnel_limits(p0, [n], z=3.09, interpolate=False)[3.09]
        def cdf(r, n=n):
            return sum(math.comb(n, i) * p0 ** i * (1 - p0) ** (n - i) for i in range(r + 1))
        r = round(hi[0] * n)
        assert cdf(r) >= q > cdf(r - 1)
        r = round(lo[0] * n)
        assert cdf(r) >= 1 - q and (r == 0 or cdf(r - 1) < 1 - q)


def test_funnel_limits_narrow_as_population_grows():
    ns = [200, 1000, 5000, 20000, 100000]
    for fn in (limits.funnel_limits, funnel_limits_normal):
        for z, (lo, hi) in fn(0.02, ns).items():
            assert np.all(np.diff(hi - lo) < 0), (fn.__name__, z)
            assert np.all(np.diff(hi) < 0) and np.all(np.diff(lo) > 0)
            assert np.all(lo < 0.02) and np.all(hi > 0.02)
    three_sd = limits.funnel_limits(0.02, ns)
    assert np.all(three_sd[3.09][1] > three_sd[1.96][1])


def test_funnel_exact_close_to_normal_for_large_n():
    ns = [10**6, 10**7]
    exact = limits.funnel_limits(0.01, ns)
    normal = funnel_limits_normal(0.01, ns)
    for z in (1.96, 3.09):
        for a, b in zip(exact[z], normal[z]):
            assert np.allclose(a, b, rtol=0, atol=2e-6)
    # ...but not for small n, where the binomial is skewed
    assert abs(limits.funnel_limits(0.01, [300])[3.09][1][0]
               - funnel_limits_normal(0.01, [300])[3.09][1][0]) > 0.002


@pytest.mark.parametrize("rate, pops", [(0, [10]), (1, [10]), (0.1, []), (0.1, [0]), (0.1, [10.5])])
def test_funnel_refuses_bad_input(rate, pops):
    for fn in (limits.funnel_limits, funnel_limits_normal):
        with pytest.raises(ValueError):
            fn(rate, pops)


# --- selection ------------------------------------------------------------------------------------

STAGES = ("detected", "recorded", "charged", "reported")


def probs(**per_group: tuple[float, ...]) -> dict[str, dict[str, float]]:
    return {g: dict(zip(STAGES, ps)) for g, ps in per_group.items()}


def test_equal_probabilities_leave_shares_unchanged():
    true = {"a": 0.1, "b": 0.3, "c": 0.6}
    got = limits.simulate_selection(true, probs(a=(.4, .5, .3, .9), b=(.4, .5, .3, .9), c=(.4, .5, .3, .9)))
    assert got == pytest.approx(true)


def test_higher_detection_raises_observed_share_by_hand_amount():
    got = limits.simulate_selection({"a": 0.2, "b": 0.8}, probs(a=(.5, 1, 1, 1), b=(.25, 1, 1, 1)))
    assert got["a"] == pytest.approx(1 / 3)   # 0.2*0.5 / (0.2*0.5 + 0.8*0.25)
    assert got["b"] == pytest.approx(2 / 3)


def test_selection_can_move_either_direction():
    true = {"a": 0.2, "b": 0.8}
    down = limits.simulate_selection(true, probs(a=(.25, 1, 1, 1), b=(.5, 1, 1, 1)))
    assert down["a"] == pytest.approx(1 / 9)   # 0.05 / (0.05 + 0.4)
    # more likely detected but less likely charged: 0.6*0.5 = 0.3 against 0.4*0.9 = 0.36
    mixed = limits.simulate_selection(true, probs(a=(.6, 1, .5, 1), b=(.4, 1, .9, 1)))
    assert mixed["a"] == pytest.approx(0.06 / (0.06 + 0.288)) and mixed["a"] < 0.2


@pytest.mark.parametrize("true, sp", [
    ({"a": 0.5, "b": 0.4}, probs(a=(1, 1, 1, 1), b=(1, 1, 1, 1))),              # shares sum to 0.9
    ({"a": 0.5, "b": 0.5}, probs(a=(1, 1, 1, 1))),                              # group missing
    ({"a": 0.5, "b": 0.5}, probs(a=(1.2, 1, 1, 1), b=(1, 1, 1, 1))),            # probability > 1
    ({"a": 0.5, "b": 0.5}, {"a": {"detected": .5}, "b": {"detcted": .5}}),      # stage names differ
    ({"a": 0.5, "b": 0.5}, probs(a=(0, 1, 1, 1), b=(0, 1, 1, 1))),              # nothing observed
])
def test_selection_refuses_bad_input(true, sp):
    with pytest.raises(ValueError):
        limits.simulate_selection(true, sp)


# --- right-censoring ------------------------------------------------------------------------------

PMF = {0: 0.2, 1: 0.5, 2: 0.3}


def test_recorded_by_three_point_pmf():
    assert limits.recorded_by(0, PMF) == pytest.approx(0.2)
    assert limits.recorded_by(1, PMF) == pytest.approx(0.7)
    assert limits.recorded_by(1.5, list(PMF.items())) == pytest.approx(0.7)
    assert limits.recorded_by(2, PMF) == pytest.approx(1.0)
    assert limits.recorded_by(40, PMF) == pytest.approx(1.0)
    # a defective distribution: 40% never recorded
    assert limits.recorded_by(10, [(0, .1), (1, .2), (3, .3)]) == pytest.approx(0.6)
    # a distribution function: exponential delays with mean 5 years
    assert limits.recorded_by(5, lambda t: 1 - math.exp(-t / 5)) == pytest.approx(1 - math.exp(-1))


def test_snapshot_composition_hand_example():
    flat = {2020: 100, 2021: 100, 2022: 100, 2023: 100}
    assert limits.snapshot_composition(flat, PMF, 2022) == pytest.approx(
        {2020: 30, 2021: 50, 2022: 20, 2023: 0})
    rising = {2020: 10, 2021: 20, 2022: 40}
    # 2022: 40 * 0.2, 2021: 20 * 0.5, 2020: 10 * 0.3
    assert limits.snapshot_composition(rising, PMF, 2022) == pytest.approx({2020: 3, 2021: 10, 2022: 8})


def test_snapshot_never_records_more_than_happened():
    offending = {y: 50 + 3 * (y - 2000) for y in range(2000, 2024)}
    defective = {0: 0.1, 1: 0.2, 2: 0.15, 5: 0.1, 10: 0.05}
    for s in range(2000, 2030):
        got = limits.snapshot_composition(offending, defective, s)
        assert sum(got.values()) <= sum(offending.values()) * 0.6 + 1e-9
        assert all(0 <= got[y] <= offending[y] for y in offending)


def test_recent_years_under_counted():
    # recorded by the end of 2023 out of 100 a year: 2023 -> 20, 2022 -> 70, 2021 and before -> 100
    recorded = [100 * limits.recorded_by(2023 - y, PMF) for y in (2019, 2020, 2021, 2022, 2023)]
    assert recorded == pytest.approx([100, 100, 100, 70, 20])


@pytest.mark.parametrize("call", [
    lambda: limits.recorded_by(-1, PMF), lambda: limits.recorded_by(1, {0: 0.7, 1: 0.5}),
    lambda: limits.recorded_by(1, {-1: 0.5}), lambda: limits.recorded_by(1, lambda t: 1.5),
    lambda: limits.snapshot_composition({2020: 1}, {0.5: 0.5}, 2021),
    lambda: limits.snapshot_composition({2020: -1}, PMF, 2021),
])
def test_censoring_refuses_bad_input(call):
    with pytest.raises(ValueError):
        call()


def test_geometric_delays_mean_and_tail():
    from csebook.limits import geometric_delays

    pmf = geometric_delays(4, 400)
    assert pmf[0] == pytest.approx(0.2) and pmf[1] == pytest.approx(0.16)
    assert sum(d * p for d, p in pmf.items()) == pytest.approx(4, rel=1e-6)
    assert sum(geometric_delays(4, 10).values()) == pytest.approx(1 - 0.8 ** 11)


def test_records_by_year_of_record_hand_example():
    # abuse 10 a year in 2020 and 2021, 20 in 2022; delays 0, 1, 2 years with 0.2, 0.5, 0.3;
    # willingness 1 except 0.5 in 2022:
    # recorded in 2021 = 10*0.5 (2020 abuse, delay 1) + 10*0.2 (2021, delay 0) = 7
    # recorded in 2022 = 0.5 * (10*0.3 + 10*0.5 + 20*0.2) = 6
    offending = {2020: 10, 2021: 10, 2022: 20}
    willing = {2020: 1.0, 2021: 1.0, 2022: 0.5}.get
    assert limits.records_by_year(offending, PMF, willing, [2021, 2022]) == pytest.approx({2021: 7.0, 2022: 6.0})
    # the same records by year of abuse as known in 2022: 2020 abuse: 10*(0.2*1 + 0.5*1 + 0.3*0.5) = 8.5
    assert limits.recorded_by_year_of_abuse(offending, PMF, willing, 2022, [2020])[2020] == pytest.approx(8.5)
    with pytest.raises(ValueError, match="outside"):
        limits.records_by_year(offending, PMF, lambda y: 1.5, [2022])


def test_effective_sample_size_with_unequal_clusters_hand_computed():
    # sizes 1, 1, 4 (mean 2, population SD sqrt(2), CV^2 = 0.5): k / (1 + CV^2) = 3 / 1.5 = 2,
    # and n / (sum m^2 / sum m) = 6 / (18 / 6) = 2
    assert limits.effective_sample_size_unequal([1, 1, 4]) == pytest.approx(2.0)
    assert limits.effective_clusters(3, math.sqrt(0.5)) == pytest.approx(2.0)
    # equal sizes: every cluster counts once
    assert limits.effective_sample_size_unequal([5, 5, 5, 5]) == pytest.approx(4.0)
    # half-alike clusters (icc 0.5): deff = 1 + (3 - 1) * 0.5 = 2, n_eff = 6 / 2
    assert limits.effective_sample_size_unequal([1, 1, 4], icc=0.5) == pytest.approx(3.0)


def test_overdispersed_funnel_limit_hand_computed():
    # p0 = 0.1, n = 100: se = 0.03; with phi = 2.25 the 95% limits are 0.1 -/+ 1.96 * 1.5 * 0.03
    low, high = limits.funnel_limits_overdispersed(0.1, [100], 2.25, z=1.96)[1.96]
    assert (low[0], high[0]) == pytest.approx((0.1 - 0.0882, 0.1 + 0.0882))
    # phi from z-scores: areas of 100 at p0 = 0.1 with 10, 16 and 4 cases have z = 0, 2, -2,
    # mean z^2 = 8/3 (no Winsorising with three areas and winsor 0.1)
    assert limits.overdispersion([10, 16, 4], [100, 100, 100], 0.1) == pytest.approx(8 / 3)
    # never below one: counts exactly at the expected rate
    assert limits.overdispersion([10, 10], [100, 100], 0.1) == 1.0


def test_share_with_risk_hand_computed_and_capped():
    # 34% recorded, 7% of them in the group; unrecorded twice as likely: 14% of them
    share, capped = limits.share_with_risk(0.34, 0.07, 2)
    assert share == pytest.approx(0.34 * 0.07 + 0.66 * 0.14) and not capped
    # 83% of the recorded: twice as likely would be 166% of the unrecorded, so all of them
    share, capped = limits.share_with_risk(0.34, 0.83, 2)
    assert share == pytest.approx(0.34 * 0.83 + 0.66) and capped
