"""The 'after the reports' chapter: its breakdowns keep categories and unknowns apart, and every
widget state names its assumption."""
from __future__ import annotations

import pytest

from csebook.chapters import after_2025 as ethnicity
from csebook.data import load_package


@pytest.fixture(scope="module")
def package():
    return load_package()


def test_no_breakdown_mixes_categories_and_unknowns_are_kept(package):
    rows = {r.key: r for r in ethnicity.published(package)}
    assert rows["gmp_csa"].unknown == pytest.approx(0.32) and rows["gmp_csa"].rest == pytest.approx(0.08)
    assert {r.category for r in rows.values()} == {
        "All group-based offending", "Outside families and institutions",
        "Multi-victim, multi-offender exploitation", "All child sexual abuse"}
    for r in rows.values():
        assert sum(r.shares.values()) + r.unknown <= 1 + 1e-9, r.key


def test_coverage_variants_turn_two_thirds_missing_into_a_third_recorded(package):
    casey = [c for c in ethnicity.coverage_variants(package) if c.figure_id == "perp_eth_not_recorded.casey"]
    assert len(casey) == 1 and casey[0].recorded == pytest.approx(1 - 0.667)


def test_the_widget_names_its_assumption_on_every_chart(package):
    for state in [{"series": "sub2024_pakistani", "assumption": a} for a, _ in ethnicity.ASSUMPTIONS]:
        view = ethnicity.ratio_view(package, state["series"], state["assumption"])
        label = dict(ethnicity.ASSUMPTIONS)[state["assumption"]]
        assert label in view.chart.alt and label in view.summary
