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


@pytest.mark.parametrize("scale", ["linear", "log"])
def test_a_band_draws_what_an_axes_drew_in_its_place(scale):
    """A strip drawn through layout.Band (no Axes of its own) is pixel for pixel what the same
    calls on an axis-less Axes drew: bars, lines, markers, a vertical rule, a patch and text,
    clipped to the strip (the line runs past both ends of the limits)."""
    import io

    import matplotlib.image as mpimg
    import numpy as np
    from matplotlib.patches import Polygon

    from csebook.layout import Layout

    lo, hi = (1, 1000) if scale == "log" else (0, 10)

    def draw(ax):
        ax.set_xscale(scale)
        ax.set_xlim(lo, hi)
        ax.set_ylim(0, 1)
        ax.barh(0.5, hi / 4, left=lo, height=1.0, color="#0072B2", linewidth=0)
        ax.plot([lo / 2, hi * 2], [0.5, 0.5], color="#D55E00", lw=6, solid_capstyle="butt")
        ax.plot([hi / 3], [0.5], "o", color="#009E73", ms=9, markeredgecolor="#000000")
        ax.axvline(hi / 5, color="#000000", lw=1, ls="--")
        ax.add_patch(Polygon([(lo, 0), (hi / 2, 1), (hi / 2, 0)], closed=True, color="#999999", alpha=0.5, lw=0))
        ax.text(hi / 8 if scale == "linear" else 10, 0.5, "text", ha="center", va="center", fontsize=11)

    def with_axes(ax):
        ax.axis("off")
        draw(ax)

    pictures = []
    for how in ("axes", "band"):
        lay = Layout().text("Above")
        if how == "axes":
            lay.axes(0.4, with_axes, left=0.3, right=0.3)
        else:
            lay.band(0.4, draw, left=0.3, right=0.3)
        buf = io.BytesIO()
        lay.text("Below").figure().savefig(buf, format="png", dpi=96)
        pictures.append(mpimg.imread(io.BytesIO(buf.getvalue())))
    assert pictures[0].shape == pictures[1].shape
    assert np.abs(pictures[0] - pictures[1]).max() == 0
    with pytest.raises(AttributeError):
        Layout().band(0.2, lambda band: band.set_xticks([0, 1])).figure()
