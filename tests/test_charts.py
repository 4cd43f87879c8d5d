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
    chart = charts.recorded_chart([charts.Recorded("Area", 30, 100)], title="Recorded")
    assert "Area: 30 recorded (30%), 70 not (70%), of 100" in chart.alt
    with pytest.raises(ValueError):
        charts.recorded_chart([charts.Recorded("Area", 101, 100)], title="Bad")
