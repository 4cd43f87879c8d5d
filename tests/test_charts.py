"""Chart builders: the alt text states what is drawn, with its numbers; bad input is refused."""
from __future__ import annotations

import re

import pytest

from csebook import charts
from csebook.style import to_png


def test_nesting_chart_states_each_level_as_share_of_the_one_above():
    chart = charts.nesting_chart([charts.Level("All", 1000), charts.Level("Some", 250), charts.Level("Few", 25)],
                                 title="Test")
    assert "Some: 250, which is 25.0% of all" in chart.alt
    assert "Few: 25, which is 10.0% of some" in chart.alt
    assert to_png(chart.fig).startswith(b"\x89PNG")
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


def test_png_is_lossless_and_reproducible():
    import io

    from PIL import Image

    from csebook.style import new_figure

    def draw():
        fig = new_figure((3, 2))
        ax = fig.add_subplot()
        ax.bar([0, 1], [3, 5], color=["#0072B2", "#D55E00"])
        ax.set_title("Two bars")
        return fig

    a, b = to_png(draw()), to_png(draw())
    assert a == b
    fig = draw()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    reference = Image.open(buffer).convert("RGB")
    stored = Image.open(io.BytesIO(a))
    assert stored.mode == "P"  # a palette image ...
    assert stored.convert("RGB").tobytes() == reference.tobytes()  # ... with every pixel exact


def test_count_bars_claims_a_total_only_for_parts_of_one_whole():
    from csebook.charts import Count, count_bars

    parts = count_bars([Count("A", 1200), Count("B", 314)], title="Parts", unit="people")
    assert "Bar chart of 1,514 people: A: 1,200; B: 314." in parts.alt
    nested = count_bars([Count("All", 144), Count("Some", 118)], title="Nested", unit="victims",
                        parts_of_whole=False)
    assert "262" not in nested.alt and "All: 144; Some: 118" in nested.alt
