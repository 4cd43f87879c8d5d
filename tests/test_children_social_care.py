"""The chapter on children's social care and the newest figures: its judgements of numbers are all
checked, its series never joins counts of different units or years not read, and its delay
illustration keeps shares when delays are equal for all and moves them only when they differ."""
from __future__ import annotations

import nbformat
import pytest

from book_files import ROOT, prose_of_page
from csebook import verdicts
from csebook.chapters import children_social_care as chapter
from csebook.data import load_package
from csebook.pages import executed_path

PAGE = ROOT / "book" / "children_social_care.md"


def unchecked_sentences(pieces, records) -> list[str]:
    """Sentences in the book's own voice that judge numbers and are neither computed nor declared."""
    return [s for _, text in pieces for s in verdicts.sentences(text)
            if verdicts.judges(s) and not verdicts.covered(s, records)]


def test_every_sentence_judging_numbers_is_computed_or_declared():
    records = verdicts.verdict_records(nbformat.read(executed_path(PAGE), as_version=4))
    assert records, "the chapter declares no verdicts"
    assert unchecked_sentences(prose_of_page(PAGE), records) == []


def test_the_check_finds_an_undeclared_judgement():
    records = verdicts.verdict_records(nbformat.read(executed_path(PAGE), as_version=4))
    pieces = prose_of_page(PAGE) + [("added", "The assessments rose in 2024/25.")]
    assert unchecked_sentences(pieces, records) == ["The assessments rose in 2024/25."]


def test_lines_join_only_consecutive_years_of_one_count_in_one_unit():
    package = load_package()
    for run in chapter.runs(chapter.points(package)):
        assert len({(p.measure, p.unit) for p in run}) == 1
        assert [p.end for p in run] == list(range(run[0].end, run[0].end + len(run)))
    # exploitation: fewer than three years in one unit, so points only, no line
    assert chapter.years_in_one_unit(chapter.points(package, "ASSESSMENTS"), "cse", "assessments") < 3
    assert all(len(run) == 1 for run in chapter.runs(chapter.points(package, "ASSESSMENTS")) if run[0].measure == "cse")


def test_the_series_chart_names_every_point_with_its_unit_and_status():
    package = load_package()
    alt = chapter.series_chart(package).alt
    for p in chapter.points(package):
        f = package.figure(p.figure_id)
        assert f"{p.period}, {f.value_as_printed} {p.unit}" in alt
    assert "England and Wales" in alt and "are not joined" in alt


@pytest.mark.parametrize("years", [range(1997, 2016), range(2022, 2024)])
def test_a_delay_equal_for_all_groups_changes_counts_not_shares(years):
    for mean in (2, 10, 20):
        assert chapter.group_share_recorded(0.3, mean, mean, years) == pytest.approx(0.3)
    assert chapter.group_share_recorded(0.3, 20, 10, years) < 0.3       # a longer delay for one group hides it
    assert chapter.group_share_recorded(0.3, 2, 10, years) > 0.3


def test_recent_abuse_is_mostly_unrecorded_and_records_mostly_older_with_long_delays():
    assert chapter.share_recorded_by(10, range(2022, 2024)) < 0.5
    assert 1 - chapter.share_of_records_from(10, range(2023, 2024)) > 0.5
    assert chapter.share_of_records_from(2, range(1997, 2016)) < chapter.share_of_records_from(20, range(1997, 2016))


def test_every_state_of_the_years_widget_says_it_is_an_illustration():
    widget = chapter.years_widget()
    for state in widget.states():
        rendered = widget.render_state(state)
        assert rendered.summary.startswith("Illustration, not data")
        assert rendered.alt.startswith("Illustration, not data")


def test_a_verdict_pasted_into_prose_is_not_taken_for_a_number():
    """A computed verdict (say) is a glue record whose metadata holds its condition, not rows: the
    finder, the snapshot and the site's links must pass it by (the chapter pastes one)."""
    from csebook.glue import glue_rests_on, glue_values

    nb = nbformat.read(executed_path(PAGE), as_version=4)
    records = verdicts.verdict_records(nb)
    assert records["csc_cse_few"]["computed"] and "csc_cse_few" in glue_values(nb)
    rests = glue_rests_on(nb)
    assert not set(records) & set(rests)
    assert all(r.get("rows") or r.get("census") for r in rests.values())
