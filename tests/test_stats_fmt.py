"""Statistics and formatting against hand-computed values."""
from __future__ import annotations

import pytest

from csebook import fmt, stats


def test_share_and_rate():
    assert stats.share(717, 115489) == pytest.approx(0.0062084, abs=1e-7)  # 717/115489 by hand
    assert stats.per_thousand(4228, 115489) == pytest.approx(36.6096, abs=1e-4)


@pytest.mark.parametrize("part, total", [(5, 4), (-1, 4), (1, 0)])
def test_share_refuses_impossible_inputs(part, total):
    with pytest.raises(ValueError):
        stats.share(part, total)


def test_largest_remainder_hand_example():
    # quotas 963.39, 9.74, 20.66, 6.21 -> floors 963, 9, 20, 6 (998); the two largest
    # remainders (0.74, 0.66) get the last two squares.
    weights = {"rest": 111261, "familial": 1125, "other": 2386, "cse": 717}
    assert stats.largest_remainder(weights, 1000) == {"rest": 963, "familial": 10, "other": 21, "cse": 6}


def test_largest_remainder_always_sums_to_total():
    for total in (1, 7, 100, 1000):
        parts = stats.largest_remainder({"a": 1, "b": 1, "c": 1}, total)
        assert sum(parts.values()) == total
    assert stats.largest_remainder({"a": 1, "b": 1, "c": 1}, 1) == {"a": 1, "b": 0, "c": 0}


def test_formats():
    assert fmt.count(115489) == "115,489"
    assert fmt.percent(0.0062084) == "0.6%"
    assert fmt.percent(0.0062084, 2) == "0.62%"
    assert fmt.percent(0.00004) == "0.004%"
    # halves round up, as a reader rounds: the Durham example's bounds are 32.5% and 67.5%, and a
    # range printed as 32% to 68% would be a point wider than the share it describes
    assert (fmt.percent(0.65 * 0.5, 0), fmt.percent(0.65 * 0.5 + 0.35, 0)) == ("33%", "68%")
    assert fmt.percent(0.125) == "12.5%" and fmt.percent(0.0125) == "1.3%" and fmt.percent(0.0005, 0) == "0.05%"
    assert fmt.per_thousand(6.2084) == "6.2"
    assert fmt.lower_first("All recorded") == "all recorded"
    assert fmt.lower_first("CSE-category offences") == "CSE-category offences"
    with pytest.raises(ValueError):
        fmt.count(1.5)


def test_wilson_interval_hand_computed():
    # 9 of 27, z = 1.959964 (z^2 = 3.841459): p = 1/3;
    # centre = (0.333333 + 0.071138) / 1.142276 = 0.354094;
    # half = 1.959964 * sqrt(0.0082305 + 0.0013174) / 1.142276 = 0.167659
    low, high = stats.wilson_interval(9, 27)
    assert low == pytest.approx(0.186435, abs=1e-5)
    assert high == pytest.approx(0.521753, abs=1e-5)
    # 0 of 10: the interval starts at 0 and reaches z^2 / (n + z^2) = 0.27753
    assert stats.wilson_interval(0, 10) == pytest.approx((0.0, 0.27753), abs=1e-4)
    with pytest.raises(ValueError):
        stats.wilson_interval(11, 10)


def test_normal_quantile():
    assert stats._normal_quantile(0.975) == pytest.approx(1.959963984540054, abs=1e-10)
    assert stats._normal_quantile(0.5) == pytest.approx(0.0, abs=1e-12)
    assert stats._normal_quantile(0.001) == pytest.approx(-3.090232306167813, abs=1e-9)


def test_missing_data_bounds():
    # 16 of 100 suspects recorded as group A, 68 recorded in all: A's share of all 100 lies
    # between 16/100 (none of the 32 unrecorded in A) and 48/100 (all of them in A).
    assert stats.missing_data_bounds(16, 68, 100) == (0.16, 0.48)
    with pytest.raises(ValueError):
        stats.missing_data_bounds(70, 68, 100)


def test_share_bounds_match_count_bounds():
    # 68 of 100 recorded, 16 of them in the group: the same bounds from counts and from shares
    assert stats.share_bounds(0.68, 16 / 68) == pytest.approx(stats.missing_data_bounds(16, 68, 100))
    assert stats.share_bounds(0.6, 0.5) == pytest.approx((0.3, 0.7))
    with pytest.raises(ValueError):
        stats.share_bounds(1.2, 0.5)


def test_glue_records_are_the_ones_myst_nb_writes(monkeypatch):
    import myst_nb.ext.glue as mystglue

    from csebook.glue import glue_bundle

    captured = {}
    monkeypatch.setattr(mystglue, "ipy_display", lambda data, raw, metadata: captured.update(data=data, metadata=metadata))
    mystglue.glue("key", "4,228", display=False)
    assert glue_bundle("key", "4,228") == (captured["data"], captured["metadata"])


def test_share_keeps_one_decimal_only_where_needed():
    from csebook import fmt

    assert fmt.share(0.137) == "13.7%" and fmt.share(0.52) == "52%" and fmt.share(0.024) == "2.4%"
