"""The kernel-free widget builder: every state on the grid is rendered by the one function,
the static HTML carries exactly those states, and bad grids are refused."""
from __future__ import annotations

import json
import re

import pytest

from csebook.charts import Chart, Count, count_bars
from csebook.style import new_figure
from csebook.widgets import Control, StaticWidget, View

CALLS: list[dict] = []


def render(colour: str, size: str) -> View:
    CALLS.append({"colour": colour, "size": size})
    return View(count_bars([Count("Bar", int(size), colour)], title="T", unit="things"), f"{colour} at {size}")


CONTROLS = [
    Control("colour", "Colour", (("#0072B2", "Blue"), ("#E69F00", "Orange"))),
    Control("size", "Size", (("1", "One"), ("2", "Two"), ("3", "Three")), kind="select"),
]


def payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" class="csb-states">(.*?)</script>', html, re.S)
    return json.loads(m.group(1).replace("<\\/", "</"))


def test_grid_and_static_html_hold_every_state():
    widget = StaticWidget(render, CONTROLS, title="Test widget")
    assert widget.n_states == 6
    html = widget.html()
    states = payload(html)["states"]
    assert set(states) == {f"{c}|{s}" for c in ("#0072B2", "#E69F00") for s in ("1", "2", "3")}
    for key, entry in states.items():
        colour, size = key.split("|")
        rendered = widget.render_state({"colour": colour, "size": size})
        assert entry == {"svg": rendered.svg, "alt": rendered.alt, "summary": rendered.summary}
        assert entry["alt"] == f"T. Bar chart of {size} things: Bar: {size}."
        assert entry["svg"].startswith('<svg class="csb-chart" role="img"') and f'aria-label="{entry["alt"]}"' in entry["svg"]
    # every state distinct: the chart really changes with the controls
    assert len({e["svg"] for e in states.values()}) == 6


def test_controls_are_native_and_labelled():
    html = StaticWidget(render, CONTROLS, title="Test widget").html()
    assert html.count('type="radio"') == 2
    assert re.search(r'<label class="csb-label" for="(csb-[0-9a-f]+-size)">Size</label>\s*<select id="\1"', html)
    assert '<legend class="csb-label">Colour</legend>' in html
    assert 'aria-live="polite"' in html
    # the default state is the one shown before any script runs
    assert re.search(r'<div class="csb-figure csb-image"><svg class="csb-chart" role="img" aria-label="T\. Bar chart of 1 things', html)


def test_each_state_is_drawn_once_and_output_is_deterministic():
    CALLS.clear()
    a = StaticWidget(render, CONTROLS, title="Test widget")
    first = a.html()
    assert len(CALLS) == 6
    a.html()
    assert len(CALLS) == 6
    second = StaticWidget(render, CONTROLS, title="Test widget").html()
    assert first == second


def test_bad_grids_are_refused():
    with pytest.raises(ValueError, match="no controls"):
        StaticWidget(render, [], title="Empty")
    with pytest.raises(ValueError, match="no options"):
        Control("x", "X", ())
    many = [Control(f"c{i}", f"C{i}", tuple((str(j), str(j)) for j in range(4))) for i in range(3)]
    with pytest.raises(ValueError, match="64 states"):
        StaticWidget(lambda **_: None, many, title="Too many")
    with pytest.raises(ValueError, match="default"):
        StaticWidget(render, CONTROLS, title="Bad default", default={"colour": "red", "size": "1"})


def test_render_must_return_a_view():
    widget = StaticWidget(lambda colour, size: "not a view", CONTROLS, title="Wrong")
    with pytest.raises(TypeError, match="must return a View"):
        widget.html()


def test_alt_text_must_carry_the_numbers_drawn():
    with pytest.raises(ValueError, match="leaves out numbers"):
        Chart(new_figure((2, 2)), "A bar chart", ["42"])


def test_live_view_updates_with_the_same_function():
    widget = StaticWidget(render, CONTROLS, title="Test widget")
    box = widget.live()
    colour, size, image, summary, alt = box.children
    first = image.value
    size.value = "3"
    assert "at 3" in summary.value and "3 things: Bar: 3." in alt.value
    assert image.value != first
    assert widget.render_state({"colour": "#0072B2", "size": "3"}).svg in image.value


def test_a_live_switch_shows_the_state_drawn_for_the_page_without_drawing_it_again():
    calls = []

    def counted(**state):
        calls.append(state)
        return render(**state)

    widget = StaticWidget(counted, CONTROLS, title="Test widget")
    widget._repr_mimebundle_()               # as a notebook shows it: every state drawn once
    drawn = len(calls)
    assert drawn == widget.n_states
    colour, size, image, summary, alt = widget.live().children
    size.value = "3"
    colour.value = colour.options[-1][1]
    assert len(calls) == drawn
    assert widget.render_state({"colour": colour.value, "size": "3"}).svg in image.value


def test_mimebundle_has_static_fallback_and_short_text():
    bundle = StaticWidget(render, CONTROLS, title="Test widget")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"].startswith('<div class="csb-widget"')
    assert bundle["text/plain"] == "Interactive figure: Test widget (6 states)"


def test_bound_passes_the_package_once_and_each_control_by_its_name():
    package = {"name": "pk"}

    def view(package: dict, size: str, colour: str) -> View:   # parameters in another order than CONTROLS
        return View(count_bars([Count("Bar", int(size), colour)], title="T", unit="things"),
                    f"{package['name']}: {colour} at {size}")

    widget = StaticWidget.bound(view, package, CONTROLS, title="Test widget", default={"colour": "#E69F00", "size": "2"})
    assert widget.render_state({"colour": "#E69F00", "size": "3"}).summary == "pk: #E69F00 at 3"
    assert widget.default == {"colour": "#E69F00", "size": "2"} and widget.title == "Test widget"
    # the same page as the lambda each chapter used to write
    by_hand = StaticWidget(lambda colour, size: view(package, size, colour), CONTROLS, title="Test widget",
                           default={"colour": "#E69F00", "size": "2"})
    assert widget.html() == by_hand.html()


def test_bound_refuses_controls_that_do_not_fit_the_view():
    def other_name(package, colour: str, shape: str) -> View: ...

    def one_short(package, colour: str) -> View: ...

    with pytest.raises(ValueError, match=r"controls \['colour', 'size'\] do not fit other_name\(colour, shape\) after the package: "
                                         r"missing a required argument: 'shape'"):
        StaticWidget.bound(other_name, {}, CONTROLS, title="Misnamed")
    with pytest.raises(ValueError, match="do not fit one_short"):
        StaticWidget.bound(one_short, {}, CONTROLS, title="One short")
