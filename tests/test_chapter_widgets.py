"""Each chapter widget, live on the kernel and static on the page, shows the same thing: each
option of each control is set live and compared with the precomputed state (every state of every
grid is compared with the page by the snapshot and site tests)."""
from __future__ import annotations

import html

import pytest

from csebook.chapters import police_figures_2023 as police
from csebook.data import load_package
from csebook.registry import factories

WIDGETS = {name: fn(load_package()) if fn.__code__.co_argcount else fn() for name, fn in factories().items()}


@pytest.mark.parametrize("name", list(WIDGETS))
def test_live_view_matches_static_states(name):
    widget = WIDGETS[name]
    box = widget.live()
    inputs = {c.name: child for c, child in zip(widget.controls, box.children)}
    image, summary, alt = box.children[len(widget.controls):]
    for state in widget.walk():
        for control_name, value in state.items():
            inputs[control_name].value = value
        static = widget.render_state(state)
        assert static.svg in image.value, f"{name}: live and static charts differ in state {state}"
        assert static.summary in html.unescape(summary.value)
        assert static.alt in html.unescape(alt.value)


def test_police_widget_states_state_their_numbers():
    """Each state states its counts and share, as computed from the data rows (not today's values)."""
    from csebook import fmt

    package = load_package()
    f = package.figure
    widget = police.comparison_widget(package)
    summaries = {widget.key(s): widget.render_state(s).summary for s in widget.states()}
    cse, total, group = f("cse_2023.hansard").count, f("csae_2023.vkpp").count, f("group_based_2023.hansard").count
    assert summaries["cse_in_all|2023"].startswith(
        f"2023: {fmt.count(cse)} of {fmt.count(total)} ({police.share_text(cse / total)}), "
        f"or {cse / total * 1000:.1f} in every 1,000.")
    assert summaries["cse_in_group|2023"].startswith(f"2023: {fmt.count(cse)} of {fmt.count(group)} "
                                                     f"({fmt.percent(cse / group)})")
    g24, t24 = f("group_based_2024.sun").count, f("csae_2024.sun").count
    assert summaries["group_in_all|2024"].startswith(f"2024: {fmt.count(g24)} of {fmt.count(t24)} "
                                                     f"({fmt.percent(g24 / t24)})")
    assert "seen only in secondary reporting" in summaries["group_in_all|2024"]
    assert len(set(summaries.values())) == widget.n_states


def test_police_nesting_rows_follow_part_of_in_the_data():
    """Each year's nesting is found from figures.csv: the group-based row is part of the year's total,
    the CSE-category row part of the group-based one; a second candidate is refused, not guessed."""
    from types import SimpleNamespace

    import pandas as pd

    package = load_package()
    assert police.year_rows(package, "2023") == {"all": "csae_2023.vkpp", "group": "group_based_2023.hansard",
                                                  "cse": "cse_2023.hansard"}
    figures = package.figures
    rival = figures[figures.figure_id == "cse_2024.sun"].assign(figure_id="cse_2024.rival")
    doubled = SimpleNamespace(figures=pd.concat([figures, rival]))
    with pytest.raises(ValueError, match=r"2 rows of statistic 'cse_offences' with part_of 'group_based_2024.sun'"):
        police.year_rows(doubled, "2024")
    moved = figures.copy()
    moved.loc[moved.figure_id == "group_based_2024.sun", "part_of"] = "csae_2023.vkpp"
    with pytest.raises(ValueError, match="0 rows of statistic 'group_based_offences' with part_of 'csae_2024.sun'"):
        police.year_rows(SimpleNamespace(figures=moved), "2024")
