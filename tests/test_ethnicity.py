"""The 'after the reports' chapter's arithmetic, checked against hand-computed values."""
from __future__ import annotations

import pytest

from csebook import fmt
from csebook.chapters import after_2025 as ethnicity
from csebook.data import load_package


@pytest.fixture(scope="module")
def package():
    return load_package()


def series(**kw):
    base = dict(key="k", label="Test", group="Asian", recorded=0.34, of_recorded=0.07, recorded_note="",
                population=0.093, population_label="England and Wales")
    return ethnicity.Series(**{**base, **kw})


def test_share_under_each_assumption_hand_computed():
    s = series()
    assert ethnicity.share_under(s, "any") == pytest.approx((0.0238, 0.6838))
    assert ethnicity.share_under(s, "like") == pytest.approx((0.07, 0.07))
    assert ethnicity.share_under(s, "population") == pytest.approx((0.0238 + 0.66 * 0.093,) * 2)
    assert ethnicity.share_under(s, "set", set_share=0.25) == pytest.approx((0.0238 + 0.165,) * 2)
    assert ethnicity.share_under(s, "set") == pytest.approx((0.0238, 0.6838))   # the whole line
    # the ratio is one when (0.093 - 0.0238) / 0.66 of the unrecorded are in the group
    assert ethnicity.break_even(s) == pytest.approx(0.0692 / 0.66)
    assert ethnicity.break_even(series(of_recorded=0.3)) is None        # above the population share at any mix


def test_share_under_refuses_bad_assumptions():
    with pytest.raises(ValueError, match="between 0 and 1"):
        ethnicity.share_under(series(), "set", set_share=1.5)
    with pytest.raises(ValueError, match="unknown assumption"):
        ethnicity.share_under(series(), "most")


def test_formats():
    assert ethnicity.pct(0.137) == "13.7%" and ethnicity.pct(0.52) == "52%" and ethnicity.pct(0.024) == "2.4%"
    assert fmt.ratio(3.5926) == "3.6"
    with pytest.raises(ValueError):
        fmt.ratio(-1)


def test_greater_manchester_series_use_the_force_area_not_the_city(package):
    s = {x.key: x for x in ethnicity.series(package)}
    gm_asian = 389295 / (389295 + 134004 + 2190804 + 153627)   # census counts, summed by hand
    assert s["gmp_mvmo_asian"].population == pytest.approx(gm_asian)
    assert s["gmp_mvmo_asian"].recorded == pytest.approx(0.90)            # 52% + 38% given
    assert s["gmp_mvmo_asian"].of_recorded == pytest.approx(0.52 / 0.90)
    assert s["gmp_csa_asian"].recorded == pytest.approx(0.68)             # 32% unknown
    assert ethnicity.share_under(s["gmp_csa_asian"], "any") == pytest.approx((0.16, 0.48))


def test_no_breakdown_mixes_categories_and_unknowns_are_kept(package):
    rows = {r.key: r for r in ethnicity.published(package)}
    assert rows["gmp_csa"].unknown == pytest.approx(0.32) and rows["gmp_csa"].rest == pytest.approx(0.08)
    assert {r.category for r in rows.values()} == {
        "All group-based offending", "Outside families and institutions",
        "Multi-victim, multi-offender exploitation", "All child sexual abuse"}
    for r in rows.values():
        assert sum(r.shares.values()) + r.unknown <= 1 + 1e-9, r.key


def test_coverage_variants_turn_two_thirds_missing_into_a_third_recorded(package):
    casey = [c for c in ethnicity.coverage_variants(package) if "audit" in c.label]
    assert len(casey) == 1 and casey[0].recorded == pytest.approx(1 - 0.667)


def test_the_widget_names_its_assumption_on_every_chart(package):
    w = ethnicity.ratio_widget(package)
    assert w.n_states <= 60
    for state in [{"series": "sub2024_pakistani", "assumption": a} for a, _ in ethnicity.ASSUMPTIONS]:
        view = ethnicity.ratio_view(package, state["series"], state["assumption"])
        label = dict(ethnicity.ASSUMPTIONS)[state["assumption"]]
        assert label in view.chart.alt and label in view.summary
