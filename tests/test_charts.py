"""Chart builders: the alt text states what is drawn, with its numbers; bad input is refused."""
from __future__ import annotations

import re

import pytest

from csebook import charts


def test_nesting_chart_states_each_level_as_share_of_the_one_above():
    chart = charts.nesting_chart([charts.Level("All", 1000), charts.Level("Some", 250), charts.Level("Few", 25)],
                                 title="Test")
    assert "Some: 250, which is 25.0% of all" in chart.alt
    assert "Few: 25, which is 10.0% of some" in chart.alt
    assert chart.svg().startswith('<svg class="csb-chart" role="img"')
    with pytest.raises(ValueError):
        charts.nesting_chart([charts.Level("All", 1)], title="One level")
    with pytest.raises(ValueError):
        charts.nesting_chart([charts.Level("All", 10), charts.Level("More", 11)], title="Part exceeds whole")


def test_icon_array_allocates_whole_icons_that_add_up():
    chart = charts.icon_array([charts.Slice("a", 2, "#000"), charts.Slice("b", 1, "#fff")], title="T", per=100,
                              group=("both", ["a", "b"]))
    assert re.search(r"a: 67; b: 33\.", chart.alt)
    assert "Together, both: 100." in chart.alt


def test_interval_chart_gives_wilson_intervals():
    chart = charts.interval_chart([charts.Proportion("Good", 9, 27)], title="Grades")
    # Wilson 95% for 9 of 27 is 18.6% to 52.2% (hand-computed in test_stats_fmt)
    assert "Good: 9 of 27: 33% (19% to 52%)" in chart.alt
    assert "sampling variation only" in chart.alt


def test_recorded_chart_keeps_not_recorded_and_refuses_impossible_rows():
    chart = charts.recorded_chart([charts.Recorded("Area", 35, 1900, "cases"),
                                   charts.Recorded("Other", 40, 137, "perpetrators", "over")], title="Recorded")
    assert "Area: not recorded for 35% of 1,900 cases" in chart.alt
    assert "Other: not recorded for over 40% of 137 perpetrators" in chart.alt
    with pytest.raises(ValueError):
        charts.Recorded("Area", 101, 100, "cases")
    with pytest.raises(ValueError):
        charts.Recorded("Area", 10, 100, "cases", "about")


def test_bounds_chart_hand_computed():
    # 60% recorded; a group that is 50% of the recorded is 30% of all if no unrecorded case is
    # in it, and 30% + 40% = 70% if every one is.
    chart = charts.bounds_chart(title="T", recorded_share=0.6, group_share_of_recorded=0.5, base_text="1,900 cases")
    assert "could lie anywhere from 30% to 70%" in chart.alt
    assert "60% have ethnicity recorded and 40% do not" in chart.alt


def test_svg_is_reproducible_and_its_ids_belong_to_one_figure():
    def draw(n):
        return charts.count_bars([charts.Count("A", n), charts.Count("B", 5)], title="Two bars", unit="things")

    a, b, c = draw(3).svg(), draw(3).svg(), draw(4).svg()
    assert a == b                                         # byte for byte
    ids = lambda svg: set(re.findall(r' id="([^"]+)"', svg))  # noqa: E731
    assert not ids(a) & ids(c), "two figures on one page must not share an id"
    assert all(f"#{i}" in a for i in ids(a)), "every id kept is referenced"
    assert "<style" not in a and "<?xml" not in a and 'role="img"' in a and "font-size: 11px" in a


def test_the_one_format_refuses_small_overlapping_or_stray_text():
    from csebook.layout import FIG_WIDTH, Layout, phone_text_px
    from csebook.style import new_figure

    with pytest.raises(ValueError, match="4.2 inches wide"):
        charts.Chart(new_figure((6, 2)), "A chart of 1", ["1"])
    fig = Layout().title("Fine").figure()
    fig.text(0.1, 0.1, "tiny", fontsize=9)
    with pytest.raises(ValueError, match="smaller than 11 pt"):
        charts.Chart(fig, "x")
    fig = Layout().title("Fine").figure()
    fig.text(0.1, 0.5, "one label", fontsize=11)
    fig.text(0.12, 0.5, "another label", fontsize=11)
    with pytest.raises(ValueError, match="texts overlap: 'one label' and 'another label'"):
        charts.Chart(fig, "x")
    fig = Layout().title("Fine").figure()
    fig.text(0.9, 0.5, "runs past the edge", fontsize=11)
    with pytest.raises(ValueError, match="runs off the figure"):
        charts.Chart(fig, "x")
    # 11-point text on a 4.2-inch chart in a 342-pixel phone column: 12.4 CSS pixels
    assert round(phone_text_px(11, FIG_WIDTH, 342), 1) == 12.4
    assert phone_text_px(11, FIG_WIDTH, 1000) == 11 * 96 / 72      # never enlarged


def test_labels_wrap_to_the_width():
    from csebook.layout import text_width, wrap

    lines = wrap("Outside families and institutions, England and Wales, January to September 2024", 2.0)
    assert len(lines) > 1 and all(text_width(line) <= 2.0 for line in lines)


def test_count_bars_claims_a_total_only_for_parts_of_one_whole():
    from csebook.charts import Count, count_bars

    parts = count_bars([Count("A", 1200), Count("B", 314)], title="Parts", unit="people")
    assert "Bar chart of 1,514 people: A: 1,200; B: 314." in parts.alt
    nested = count_bars([Count("All", 144), Count("Some", 118)], title="Nested", unit="victims",
                        parts_of_whole=False)
    assert "262" not in nested.alt and "All: 144; Some: 118" in nested.alt
