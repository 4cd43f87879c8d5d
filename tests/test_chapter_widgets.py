"""Each chapter widget, live on the kernel and static on the page, shows the same thing in
every state of its grid, and every state's text carries its numbers."""
from __future__ import annotations

import html

import pytest

from csebook import police
from csebook.data import load_package
from csebook.registry import widgets_by_page

WIDGETS = {f"{page} #{i}": widget for page, widgets in widgets_by_page(load_package()).items()
           for i, widget in enumerate(widgets)}


@pytest.mark.parametrize("name", list(WIDGETS))
def test_live_view_matches_static_states(name):
    widget = WIDGETS[name]
    box = widget.live()
    inputs = {c.name: child for c, child in zip(widget.controls, box.children)}
    image, summary, alt = box.children[len(widget.controls):]
    for state in widget.states():
        for control_name, value in state.items():
            inputs[control_name].value = value
        static = widget.render_state(state)
        assert image.value == static.png, f"{name}: live and static images differ in state {state}"
        assert static.summary in html.unescape(summary.value)
        assert static.alt in html.unescape(alt.value)


def test_police_widget_states_state_their_numbers():
    widget = police.comparison_widget(load_package())
    summaries = {widget.key(s): widget.render_state(s).summary for s in widget.states()}
    assert summaries["cse_in_all|2023"].startswith("2023: 717 of 115,489 (0.62%), or 6.2 in every 1,000.")
    assert summaries["cse_in_group|2023"].startswith("2023: 717 of 4,228 (17.0%)")
    assert summaries["group_in_all|2024"].startswith("2024: 4,450 of 122,768 (3.6%)")
    assert "seen only in secondary reporting" in summaries["group_in_all|2024"]
    assert len(set(summaries.values())) == widget.n_states
