"""Verdicts are checked like numbers: a sentence that judges numbers is computed from them or
declared with its condition, and execution stops, naming the words and the numbers, when the
numbers no longer bear it."""
from __future__ import annotations

import nbformat
import pytest

import execute
from book_files import ROOT
from csebook import verdicts
from csebook.verdicts import VerdictError


def test_a_declared_condition_is_evaluated_on_the_numbers_given():
    assert verdicts.holds("familial / total > 0.5", {"familial": 3, "total": 4})
    assert not verdicts.holds("familial / total > 0.5", {"familial": 1125, "total": 4228})
    assert verdicts.holds("all(low > 1 for low in lows)", {"lows": [1.1, 2.0]})
    with pytest.raises(VerdictError, match="uses a name not passed"):
        verdicts.holds("share > 0.5", {})
    with pytest.raises(VerdictError, match="true or false"):
        verdicts.holds("share", {"share": 0.3})


def test_a_verdict_the_numbers_do_not_bear_names_its_words_condition_and_numbers():
    with pytest.raises(VerdictError) as e:
        verdicts.check("most of it within families", "familial / total > 0.5", {"familial": 1125, "total": 4228},
                       key="af_most_familial")
    message = str(e.value)
    assert "most of it within families" in message and "familial / total > 0.5" in message
    assert "familial = 1125" in message and "total = 4228" in message and "af_most_familial" in message


def test_pick_chooses_the_words_the_numbers_bear():
    cases = [("x > 1", "above one"), ("x < 1", "below one"), ("x == 1", "at one")]
    assert verdicts.pick(cases, x=1.4) == "above one"
    assert verdicts.pick(cases, x=0.9) == "below one"
    with pytest.raises(VerdictError, match="no wording fits"):
        verdicts.pick([("x > 1", "above one")], x=0.5)


def test_verdicts_drawn_in_a_widget_state_are_collected():
    with verdicts.collecting() as seen:
        verdicts.pick([("x > 1", "above one"), ("x < 1", "below one")], x=2.0)
    assert [(r["words"], r["condition"], r["numbers"]) for r in seen] == [("above one", "x > 1", {"x": "2"})]


def test_the_snapshot_lists_each_verdict_with_its_condition():
    records = {"af_most": {"words": "most suspects are unrecorded", "condition": "unrecorded > 0.5",
                           "numbers": {"unrecorded": "0.66"}, "computed": False}}
    assert verdicts.snapshot_lines(records) == [
        "verdict af_most: most suspects are unrecorded",
        "verdict af_most holds: unrecorded > 0.5, with unrecorded = 0.66"]


def test_sentences_that_judge_numbers_are_found_and_quotes_left_to_their_authors():
    text = ("The three add up to the total. Police said it was \"a disproportionate representation\". "
            "Offences committed by more than one person. Most suspects have no recorded ethnicity.")
    found = [s for s in verdicts.sentences(text) if verdicts.judges(s)]
    assert found == ["The three add up to the total.", "Most suspects have no recorded ethnicity."]


def test_a_sentence_is_covered_by_a_computed_or_declared_verdict_and_only_then():
    records = {"hm_adds": {"words": "The three add up to the total", "condition": "a + b + c == n",
                           "numbers": {}, "computed": False},
               "af_side": {"words": "above one", "condition": "x > 1", "numbers": {}, "computed": True}}
    assert verdicts.covered("The three *add up* to the total.", records) == "declared hm_adds"   # emphasis aside
    assert verdicts.covered("The two add up to the total.", records) is None                  # other words
    assert verdicts.covered("So the three add up to the total.", records) == "declared hm_adds"
    assert verdicts.covered("The ratio is {glue:text}`af_side`.", records) == "computed af_side"
    assert verdicts.covered("The ratio is higher.", records) is None


FIXTURE = """\
from csebook.verdicts import verdict

graded = {{"good": {good}, "requires improvement": 14, "inadequate": 4}}
total = 27
verdict("fx_adds", "The three grades add up to the total", "sum(parts) == total",
        parts=list(graded.values()), total=total)
"""


def fixture_page(tmp_path, good: int):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("The three grades add up to the total."),
                nbformat.v4.new_code_cell(FIXTURE.format(good=good))]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "fixture.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_broken_verdict_stops_execution_naming_the_sentence_and_the_numbers(tmp_path, capsys):
    """One figure changed (nine graded good becomes ten): the sentence no longer holds, and the
    executor stops on that page, naming the words and the numbers, and writes nothing."""
    path = fixture_page(tmp_path, good=9)
    assert execute.main([str(path)]) == 0                    # the numbers bear it
    executed = nbformat.read(path, as_version=4)
    assert "fx_adds" in verdicts.verdict_records(executed)
    path = fixture_page(tmp_path, good=10)
    before = path.read_bytes()
    assert execute.main([str(path)]) == 1
    err = capsys.readouterr().err
    assert "The three grades add up to the total" in err and "sum(parts) == total" in err
    assert "parts = [10, 14, 4]" in err and "total = 27" in err
    assert path.read_bytes() == before


def test_every_sentence_that_judges_numbers_is_computed_declared_or_excepted_with_a_reason():
    """Over chapter prose, captions, the strings chapter modules write into widget summaries and alt
    text, and the claim checker's table: a sentence with a verdict word is either computed (say,
    pick), declared with its condition (verdict, checked when the chapter executed), or listed in
    tests/verdict_exceptions.csv with a reason; an exception that no longer matches anything is
    flagged too. `python tools/verdicts.py` lists them all."""
    from csebook.verdict_check import unchecked_report

    _, missing = unchecked_report(ROOT)
    assert not missing, "\n".join(f"{how or 'unchecked'}: {where}: {text[:160]}" for where, text, how in missing)


def test_the_check_finds_an_unchecked_verdict_in_prose_and_in_a_module(tmp_path):
    """A copy of the exceptions without one row: the sentence it covered is reported."""
    import csv
    import shutil

    from csebook.verdict_check import findings

    rows = list(csv.DictReader(open(ROOT / "tests" / "verdict_exceptions.csv", newline="")))
    dropped = next(r for r in rows if r["where"] == "hmicfrs_2023")
    root = tmp_path / "book"
    root.mkdir()
    for name in ("_toc.yml", "_config.yml"):
        shutil.copy(ROOT / name, root / name)
    for folder in ("book", "data", "csebook"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "tests").mkdir()
    with open(root / "tests" / "verdict_exceptions.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["where", "phrase", "reason"])
        w.writeheader()
        w.writerows(r for r in rows if r is not dropped)
    found = findings(root, ["hmicfrs_2023"])
    assert any(how == "" and dropped["phrase"].lower() in text.lower() for _, text, how in found)
    # the declared verdicts of the executed chapter (copied with it) still count as checked
    assert any(how.startswith("declared hm_adds_up") for _, _, how in found)


def test_the_words_of_a_list_of_figures_are_checked_as_the_chapters_own():
    """A label moved from a chapter module into data/figure_lists.csv is still read: 'Rise on 2023'
    holds a verdict word and is excepted there, with its reason."""
    from csebook.verdict_check import findings

    found = {where: how for where, text, how in findings(ROOT) if where.startswith("data/figure_lists.csv")}
    assert found["data/figure_lists.csv since_audit_police_2024 2 words"].startswith("exception: labels")
