"""The data package validates, and each kind of bad input stops with an error naming
file, row, column and rule."""
from __future__ import annotations

import csv
from functools import partial
from pathlib import Path

import pytest

from csebook.data import DataError, printed_number
from csebook.data import load_package as _load_package

# every test validates in full, never trusting a remembered validation
load_package = partial(_load_package, revalidate=True)


def rewrite(path: Path, edit) -> None:
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
        fields = list(rows[0].keys())
    fields, rows = edit(fields, rows)
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def row_of(path: Path, figure_id: str, key: str = "figure_id") -> int:
    with path.open(newline="") as f:
        for i, row in enumerate(csv.DictReader(f), start=2):
            if row.get(key) == figure_id:
                return i
    raise AssertionError(figure_id)


def restate(path: Path, figure_id: str, value: str, printed: str, quote: str) -> None:
    """Give a figure a new value, printed form and quote that agree with one another, so only
    the rule under test can fail."""
    for column, text in (("value", value), ("value_as_printed", printed), ("quote", quote)):
        rewrite(path, set_cell(figure_id, column, text))


def set_cell(figure_id: str, column: str, value: str, key: str = "figure_id"):
    def edit(fields, rows):
        for row in rows:
            if row[key] == figure_id:
                row[column] = value
        return fields, rows
    return edit


def test_the_package_is_valid():
    package = load_package()
    assert len(package.figures) > 0 and len(package.sources) > 0
    assert package.figure("csae_2023.vkpp").count == 115489


def test_every_figure_has_full_provenance():
    package = load_package()
    for column in ("source_id", "location", "quote", "status", "value_as_printed"):
        assert (package.figures[column].str.len() > 0).all(), column


def test_missing_column(data_copy):
    rewrite(data_copy / "figures.csv",
            lambda fields, rows: ([f for f in fields if f != "unit"],
                                  [{k: v for k, v in r.items() if k != "unit"} for r in rows]))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.file, err.value.row, err.value.column) == ("data/figures.csv", 1, "unit")
    assert "missing" in err.value.rule


def test_wrong_type(data_copy):
    path = data_copy / "figures.csv"
    rewrite(path, set_cell("cse_2023.hansard", "value", "seven hundred"))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.file, err.value.row, err.value.column) == ("data/figures.csv", row_of(path, "cse_2023.hansard"), "value")
    assert "type" in err.value.rule


def test_unknown_source_id(data_copy):
    path = data_copy / "figures.csv"
    rewrite(path, set_cell("cse_2023.hansard", "source_id", "no-such-source"))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert err.value.file == "data/figures.csv"
    assert err.value.row == row_of(path, "cse_2023.hansard")
    assert err.value.column == "source_id"
    assert "foreign-key" in err.value.rule


def test_value_not_in_allowed_list(data_copy):
    path = data_copy / "figures.csv"
    rewrite(path, set_cell("cse_2023.hansard", "status", "probably"))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.row, err.value.column) == (row_of(path, "cse_2023.hansard"), "status")


def test_part_larger_than_total(data_copy):
    path = data_copy / "figures.csv"
    # 5,000 CSE-category offences cannot sit inside 4,228 group-based offences.
    restate(path, "cse_2023.hansard", "5000", "5,000", "there were 5,000 such offences")
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.row, err.value.column) == (row_of(path, "cse_2023.hansard"), "value")
    assert "exceeds its total" in err.value.rule


def test_percentage_disagreeing_with_its_printed_figure(data_copy):
    path = data_copy / "figures.csv"
    rewrite(path, set_cell("familial_share_2023.hydrant", "value", "62"))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.row, err.value.column) == (row_of(path, "familial_share_2023.hydrant"), "value")
    assert "differs from the printed figure" in err.value.rule


def test_percentage_disagreeing_with_its_counts(data_copy):
    path = data_copy / "figures.csv"
    # the share its counts give (today 717 / 4,228 = 16.96%, printed 17 per cent), printed two points too high
    package = _load_package()       # the repository's, validated once: the copy holds the same rows
    share = package.figure("cse_share_of_group_2023.telegraph")
    exact = 100 * package.figure(share.numerator).value / package.figure(share.denominator).value
    wrong = f"{round(exact) + 2}"
    restate(path, "cse_share_of_group_2023.telegraph", wrong, f"{wrong} per cent", f"{wrong} per cent of them")
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.row, err.value.column) == (row_of(path, "cse_share_of_group_2023.telegraph"), "value")
    assert "disagrees with its counts" in err.value.rule and f"{exact:.3f}%" in err.value.rule


def test_percentage_tolerance_follows_the_printed_precision(data_copy):
    path = data_copy / "figures.csv"
    # 4,228 / 115,489 = 3.661%: '3.7' (1 decimal) passes; '3.6' must fail.
    restate(path, "group_based_share_2023.telegraph", "3.6", "3.6 per cent", "or 3.6 per cent of all")
    with pytest.raises(DataError, match="disagrees with its counts"):
        load_package(data_copy)


def test_percentage_out_of_range(data_copy):
    path = data_copy / "figures.csv"
    restate(path, "familial_share_2023.hydrant", "126", "126%", "126% of it")
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert "between 0 and 100" in err.value.rule


def test_quote_must_contain_the_printed_value(data_copy):
    path = data_copy / "figures.csv"
    rewrite(path, set_cell("cse_2023.hansard", "quote", "there were many such cases"))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.row, err.value.column) == (row_of(path, "cse_2023.hansard"), "quote")


def test_malformed_csv(data_copy):
    path = data_copy / "sources.csv"
    path.write_text(path.read_text() + 'broken-row,"an unclosed quote\n')
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert err.value.file == "data/sources.csv"


def test_missing_file(data_copy):
    (data_copy / "searches.csv").unlink()
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert err.value.file == "data/searches.csv"
    assert "missing" in err.value.rule


def test_duplicate_figure_id(data_copy):
    path = data_copy / "figures.csv"
    rewrite(path, lambda fields, rows: (fields, rows + [dict(rows[0])]))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert err.value.row == len(path.read_text().splitlines())


@pytest.mark.parametrize("printed, expected", [
    ("115,489", 115489), ("around 4000", 4000), ("over 300", 300), ("3.1 million", 3_100_000),
    ("26%", 26), ("Sixty-seven percent", 67), ("22 years", 22), ("0.6%", 0.6), ("two-thirds", None),
    ("1 in 6 girls", 6), ("over 40 percent", 40), ("less than half", None), ("Fourteen", 14),
    ("nine recommendations", 9), ("a dozen", None),
])
def test_printed_number(printed, expected):
    assert printed_number(printed) == expected


def rewrite_recs(path: Path, rec_id: str, column: str, value: str) -> None:
    def edit(fields, rows):
        for row in rows:
            if row["rec_id"] == rec_id:
                row[column] = value
        return fields, rows
    rewrite(path, edit)


def test_recommendation_response_needs_its_provenance(data_copy):
    path = data_copy / "recommendations.csv"
    rewrite_recs(path, "iicsa-networks-2", "response", "Accepted in full.")
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert err.value.file == "data/recommendations.csv" and err.value.column == "response_date"


def test_recommendations_are_numbered_without_gaps(data_copy):
    path = data_copy / "recommendations.csv"
    rewrite_recs(path, "iicsa-networks-6", "number", "7")
    with pytest.raises(DataError, match="numbered 1 to 6"):
        load_package(data_copy)


def test_recommendation_with_unknown_source(data_copy):
    path = data_copy / "recommendations.csv"
    rewrite_recs(path, "iicsa-networks-3", "source_id", "nowhere")
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.file, err.value.column) == ("data/recommendations.csv", "source_id")


def test_a_remembered_validation_is_tied_to_the_exact_bytes(data_copy):
    _load_package(data_copy)                          # validates in full and remembers
    path = data_copy / "figures.csv"
    rewrite(path, set_cell("cse_2023.hansard", "status", "probably"))
    with pytest.raises(DataError):                  # changed bytes: validated again, and refused
        _load_package(data_copy)


def test_claim_linked_to_an_unknown_figure(data_copy):
    path = data_copy / "claims.csv"
    rewrite(path, lambda fields, rows: (fields, [{**r, "figure_id": "no.such"} if r["claim_id"] == "b-gmp" else r
                                                 for r in rows]))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.file, err.value.column) == ("data/claims.csv", "figure_id")
    assert "foreign-key" in err.value.rule


def test_claim_text_with_a_typed_number(data_copy):
    path = data_copy / "claims.csv"
    rewrite(path, lambda fields, rows: (fields, [{**r, "supports": "About 4 times the population."}
                                                 if r["claim_id"] == "b-gmp" else r for r in rows]))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    import csv

    row = next(i for i, r in enumerate(csv.DictReader(open(path, newline="")), start=2) if r["claim_id"] == "b-gmp")
    assert (err.value.file, err.value.row, err.value.column) == ("data/claims.csv", row, "supports")


def test_the_package_records_the_figures_a_page_looks_up():
    from csebook.data import load_package

    package = load_package()
    assert package.used() == []
    package.figure("cse_2023.hansard")
    package.figure("csae_2023.vkpp")
    package.figure("cse_2023.hansard")
    with pytest.raises(KeyError):
        package.figure("no_such.figure")
    assert package.used() == ["cse_2023.hansard", "csae_2023.vkpp"]


def test_the_change_log_agrees_with_the_figures(data_copy):
    changes = data_copy / "changes.csv"
    original = changes.read_text()
    # a figure checked after the first check date with no entry saying what changed
    first_logged = original.splitlines()[1].split(",")[0]
    changes.write_text("\n".join(line for line in original.splitlines() if not line.startswith(first_logged + ",")) + "\n")
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.file, err.value.column) == ("data/figures.csv", "checked_on") and first_logged in err.value.rule
    # a row logged as removed that is still in figures.csv
    changes.write_text(original + f"{first_logged},2026-11-30,removed,test\n")
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.file, err.value.column) == ("data/changes.csv", "figure_id")
    assert err.value.row == len(original.splitlines()) + 1



def test_a_group_larger_than_all_residents_of_its_band(data_copy):
    path = data_copy / "population.csv"
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    group = next(r for r in rows if r["ethnic_group"] != "All")
    rewrite(path, set_cell(group["pop_id"], "count", "999999999", key="pop_id"))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.file, err.value.row, err.value.column) == ("data/population.csv", row_of(path, group["pop_id"], key="pop_id"), "count")
    assert "exceeds all residents" in err.value.rule


def test_an_age_band_that_ends_before_it_starts(data_copy):
    path = data_copy / "population.csv"
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    band = next(r for r in rows if r["age_to"] and int(r["age_from"]) > 0)
    rewrite(path, set_cell(band["pop_id"], "age_to", str(int(band["age_from"]) - 1), key="pop_id"))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.row, err.value.column) == (row_of(path, band["pop_id"], key="pop_id"), "age_to")
    assert "before it starts" in err.value.rule


def test_a_source_address_with_a_note_in_it_is_refused(data_copy):
    """The accuracy audit of 6 December 2026 found a written answer recorded as read on the
    publisher's page at 'https://questions-statements.parliament.uk/ (UIN 209019)': not an address."""
    path = data_copy / "sources.csv"
    rewrite(path, set_cell("pq-209019-2014", "url", "https://questions-statements.parliament.uk/ (UIN 209019)",
                           key="source_id"))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert (err.value.file, err.value.row, err.value.column) == (
        "data/sources.csv", row_of(path, "pq-209019-2014", key="source_id"), "url")
    assert "not a web address" in err.value.rule


def test_rows_quoting_one_passage_must_agree_where_their_quotes_overlap(data_copy):
    """One figure changed in one row (today 717 to 716) while the rows quoting the same sentence keep
    the old number: loading stops, naming both rows."""
    path = data_copy / "figures.csv"
    old = _load_package().figure("cse_2023.hansard")   # the repository's row, as the copy holds it
    new = f"{int(old.value) - 1}"
    assert old.value_as_printed in old.quote
    rewrite(path, lambda fields, rows: (fields, [{**r, "value": new, "value_as_printed": new,
                                                  "quote": r["quote"].replace(old.value_as_printed, new)}
                                                 if r["figure_id"] == "cse_2023.hansard" else r for r in rows]))
    with pytest.raises(DataError) as err:
        load_package(data_copy)
    assert err.value.file == "data/figures.csv" and err.value.column == "quote"
    assert "cse_2023.hansard" in str(err.value) and "differ where their quotes overlap" in str(err.value)


def test_excerpts_of_one_sentence_agree_and_a_changed_word_does_not():
    from csebook.data import quotes_disagree

    sentence = "Of those group-based offences, 717 were in the child sexual exploitation category and 1,125 familial"
    assert not quotes_disagree(sentence, sentence.split(", ", 1)[1])              # a shorter excerpt
    assert quotes_disagree(sentence, sentence.replace("717", "716"))
    assert not quotes_disagree("nine of the 27", "nine of the 28")               # too short to be one passage
