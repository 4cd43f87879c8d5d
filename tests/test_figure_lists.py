"""Lists of figures (data/figure_lists.csv): the figure rows a chapter's table, chart or widget
draws together, in order. Bad rows stop the load with an error naming file, row and column; a
chapter gets its rows in the list's order, and its facts from figures.csv; a page that names a list
is taken to use every figure in it (timeline and finder)."""
from __future__ import annotations

import csv
from functools import partial
from pathlib import Path

import pytest

from csebook import suspects, timeline
from csebook.chapters import (
    after_2025,
    children_social_care,
    hmicfrs_2023,
    home_office_2020,
    iicsa_networks_2022,
    police_figures_2023,
    since_audit,
    tk_counting,
)
from csebook.data import DataError, Package, _read_tables
from csebook.data import load_package as _load_package

load_package = partial(_load_package, revalidate=True)
FILE = "data/figure_lists.csv"


def rows_of(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="") as f:
        rows = list(csv.DictReader(f))
    return list(rows[0]), rows


def write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def edit_row(data: Path, list_id: str, at: str, **cells) -> int:
    """Change cells of one row; returns its spreadsheet row number (the header is row 1)."""
    path = data / "figure_lists.csv"
    fields, rows = rows_of(path)
    number = next(i for i, r in enumerate(rows, start=2) if r["list_id"] == list_id and r["position"] == at)
    rows[number - 2].update(cells)
    write(path, fields, rows)
    return number


def with_lists(data: Path) -> Package:
    """The repository's package (loaded and validated once per process) with the list file of `data`
    in place of its own, read as the loader reads it: a chapter's own checks of its rows run on it
    without validating every other file again. The loader's checks are tested on full loads above."""
    import json

    base = _load_package()
    descriptor = json.loads((data / "datapackage.json").read_text())
    resource = next(r for r in descriptor["resources"] if r["name"] == "figure_lists")
    tables = {name: getattr(base, name) for name in ("sources", "figures", "searches", "recommendations", "glossary",
                                                     "claims", "population", "changes", "revisions")}
    return Package(base.root, {**tables, **_read_tables(data, {"resources": [resource]})})


def refused(data: Path) -> DataError:
    with pytest.raises(DataError) as err:
        load_package(data)
    return err.value


def test_an_unknown_figure_is_refused_with_its_row(data_copy):
    row = edit_row(data_copy, "hmicfrs_2023_grades", "2", figure_id="graded_superb.gbnews")
    err = refused(data_copy)
    assert (err.file, err.row, err.column) == (FILE, row, "figure_id") and "foreign-key" in err.rule


def test_a_missing_member_is_refused_with_its_row(data_copy):
    row = edit_row(data_copy, "children_social_care_missing", "3", member="")
    err = refused(data_copy)
    assert (err.file, err.row, err.column) == (FILE, row, "member")


def test_a_figure_twice_in_one_list_is_a_duplicate(data_copy):
    row = edit_row(data_copy, "hmicfrs_2023_grades", "3", figure_id="graded_good.gbnews")
    err = refused(data_copy)
    assert (err.file, err.row, err.column) == (FILE, row, "figure_id") and "duplicate" in err.rule
    assert "row 2" in err.rule     # names the row it repeats


def test_a_members_part_twice_is_a_duplicate(data_copy):
    row = edit_row(data_copy, "after_2025_breakdowns", "3", part="Asian")   # gbo2023 has Asian at position 2
    err = refused(data_copy)
    assert (err.file, err.row, err.column) == (FILE, row, "part") and "duplicate" in err.rule


def test_positions_run_in_the_order_of_the_file(data_copy):
    row = edit_row(data_copy, "children_social_care_counts", "4", position="40")
    err = refused(data_copy)
    assert (err.file, err.row, err.column) == (FILE, row, "position")


def test_a_list_no_row_holds_is_refused_when_a_chapter_asks_for_it():
    with pytest.raises(DataError) as err:
        _load_package().figure_list("hmicfrs_2023_grade")
    assert (err.value.file, err.value.column) == (FILE, "list_id") and "hmicfrs_2023_grade" in err.value.rule


def test_a_chapter_gets_its_rows_in_the_lists_order(data_copy):
    package = _load_package()
    assert [g.label for g in hmicfrs_2023.grades(package)] == ["Good", "Requires improvement", "Inadequate"]
    assert [g.count for g in hmicfrs_2023.grades(package)] == [
        package.figure_quietly(r.figure_id).count for r in package.figure_list("hmicfrs_2023_grades")]
    # the order is the data's: reverse the list in a copy and the chapter follows it
    path = data_copy / "figure_lists.csv"
    fields, rows = rows_of(path)
    grades = [r for r in rows if r["list_id"] == "hmicfrs_2023_grades"][::-1]
    for i, r in enumerate(grades, start=1):
        r["position"] = str(i)
    write(path, fields, grades + [r for r in rows if r["list_id"] != "hmicfrs_2023_grades"])
    assert [g.label for g in hmicfrs_2023.grades(with_lists(data_copy))] == [
        "Inadequate", "Requires improvement", "Good"]


def test_a_member_the_chapter_has_no_words_for_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "after_2025_breakdowns", "13", member="sub2025")
    with pytest.raises(DataError) as err:
        after_2025.published(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "member")
    assert "sub2025" in err.value.rule and "after_2025.py" in err.value.rule


def test_a_grade_without_a_colour_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "hmicfrs_2023_grades", "1", member="Outstanding")
    with pytest.raises(DataError) as err:
        hmicfrs_2023.grades(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "member")


def test_the_breakdowns_keep_their_groups_in_order_and_the_unknown_apart():
    rows = {r.key: r for r in after_2025.published(_load_package())}
    assert list(rows) == ["gbo2023", "gbo2023_gbnews", "gbo2024", "sub2023", "sub2024", "gmp_mvmo", "gmp_csa"]
    assert list(rows["gbo2023"].shares) == ["White", "Asian", "Black", "Mixed"]
    assert list(rows["gmp_csa"].shares) == ["Asian", "White"] and rows["gmp_csa"].unknown == pytest.approx(0.32)


def test_each_count_takes_its_year_and_unit_from_its_figure_row():
    package = _load_package()
    points = {p.figure_id: p for p in children_social_care.points(package)}
    first = points["cin_csa_assessments_2017.jordans"]          # '2016/17 (year ending March 2017)'
    assert (first.measure, first.end, first.march, first.unit, first.period) == ("csa", 2017, True, "assessments",
                                                                               "2016/17")
    latest = points["cin_csa_children_2025.familylaw"]         # 'year ending March 2025', 'children assessed (...)'
    assert (latest.end, latest.march, latest.unit) == (2025, True, "children")
    police = points["csae_2023.vkpp"]                          # '2023', 'offences'
    assert (police.end, police.march, police.unit, police.period) == (2023, False, "offences", "2023")
    assert [p.measure for p in children_social_care.points(package, "ASSESSMENTS")] == ["csa"] * 5 + ["cse"] * 3


def test_a_count_whose_period_is_no_year_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "children_social_care_counts", "13", figure_id="met_cases_under_review_2025.pa")
    with pytest.raises(DataError) as err:
        children_social_care.points(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "figure_id")
    assert "period" in err.value.rule


def test_an_area_needs_its_victims_and_its_suspects(data_copy):
    row = edit_row(data_copy, "children_social_care_missing", "4", part="children")
    with pytest.raises(DataError) as err:
        children_social_care.missing_rows(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "part")


def test_the_chapters_tables_come_in_the_lists_order():
    package = _load_package()
    assert [m.area for m in children_social_care.missing_rows(package)][:2] == ["Durham", "Bristol"]
    police = children_social_care.points(package, "POLICE")
    assert [p.figure_id for p in police] == ["csae_2022.npcc", "csae_2023.vkpp", "csae_2024.sun"]
    assert set(children_social_care.points(package)) >= set(police)


def page_root(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A book with the given pages (name -> text), in that order."""
    (tmp_path / "book").mkdir()
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n"
                                       + "".join(f"  - file: book/{name}\n" for name in pages if name != "intro"))
    for name, text in pages.items():
        (tmp_path / "book" / f"{name}.md").write_text(text)
    return tmp_path


def test_a_page_naming_only_a_list_uses_every_figure_in_it(tmp_path):
    package = _load_package()
    root = page_root(tmp_path, {"intro": "# Intro\n",
                                "a": '# A\n\nrows = package.figure_list("hmicfrs_2023_grades")\n',
                                "b": "# B\n\nThe word hmicfrs_2023_grades unquoted, and 'graded_good.gbnews'.\n"})
    pages = timeline.figure_pages(package, root)
    grades = [r.figure_id for r in package.figure_list("hmicfrs_2023_grades")]
    assert {fid: pages.get(fid) for fid in grades} == {
        "graded_good.gbnews": ["a", "b"], "graded_requires_improvement.gbnews": ["a"],
        "graded_inadequate.gbnews": ["a"]}
    assert not any(set(v) & {"a", "b"} for k, v in pages.items() if k not in grades)


def test_an_iicsa_bullet_takes_its_label_and_base_noun_from_its_rows_in_order():
    package = _load_package()
    rows = iicsa_networks_2022.area_rows(package)
    assert [r.key for r in rows][:3] == ["durham_suspects", "durham_victims", "swansea_victims"]
    assert [r.share_id for r in rows] == [r.figure_id for r in package.figure_list("iicsa_networks_2022_areas")
                                          if r.part == "share"]
    durham = rows[0]
    assert (durham.label, durham.base_id, durham.base_word) == ("Durham: suspects", "cases.iicsa_durham", "cases")
    # Swansea's figure is the share recorded: its statistic says so, not the chapter
    assert [r.key for r in rows if r.share_is_recorded] == ["swansea_victims"]


def test_an_iicsa_bullet_without_its_base_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "iicsa_networks_2022_areas", "4", part="children")
    with pytest.raises(DataError) as err:
        iicsa_networks_2022.area_rows(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "part")


def test_an_iicsa_share_that_is_no_share_of_records_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "iicsa_networks_2022_areas", "1", figure_id="csae_2023.vkpp")
    with pytest.raises(DataError) as err:
        iicsa_networks_2022.area_rows(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "figure_id")
    assert "statistic" in err.value.rule


def test_the_police_series_places_each_count_at_the_middle_of_its_figures_period():
    package = _load_package()
    points = police_figures_2023.series_points(package)
    assert [p.figure_id for p in points] == [r.figure_id for r in package.figure_list("police_figures_2023_series")]
    assert [p.definition for p in points] == ["charity"] * 2 + ["ons"] * 3 + ["images"] + ["vkpp"] * 3
    assert [p.year for p in points] == [2013.75, 2016.5, 2017.25, 2018.75, 2021.25, 2021.75, 2022.5, 2023.5, 2024.5]
    assert (points[2].period, package.figure(points[2].figure_id).period) == (
        "year to September 2017", "year ending September 2017")     # the chart's words, the row's period


@pytest.mark.parametrize("period, middle", [("year ending March 2019", 2018.75), ("2013-14", 2013.75),
                                            ("2021/22 (year ending March 2022)", 2021.75),
                                            ("calendar year 2016", 2016.5), ("2023", 2023.5),
                                            ("April 2023 to May 2024", None)])
def test_the_middle_of_a_period(period, middle):
    assert police_figures_2023.middle_of(period) == middle


def test_a_series_count_whose_period_cannot_be_placed_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "police_figures_2023_series", "5", figure_id="taskforce_arrests_first_year.ho")
    with pytest.raises(DataError) as err:
        police_figures_2023.series_points(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "figure_id")
    assert "period" in err.value.rule


def test_a_series_count_of_a_definition_the_chart_does_not_draw_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "police_figures_2023_series", "6", member="pictures")
    with pytest.raises(DataError) as err:
        police_figures_2023.series_points(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "member")


def test_the_stages_come_in_the_lists_order_and_a_stage_needs_its_label(data_copy):
    stages = police_figures_2023.stages(_load_package())
    assert stages[0] == ("Offences recorded by police", "csae_2023.vkpp")
    assert [fid for _, fid in stages][-2:] == ["moj_proceeded_child_sex_2007.hansard",
                                               "moj_found_guilty_child_sex_2007.hansard"]
    row = edit_row(data_copy, "police_figures_2023_stages", "3", words="")
    with pytest.raises(DataError) as err:
        police_figures_2023.stages(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "words")


def test_since_audits_series_and_tables_come_in_their_lists_order():
    package = _load_package()
    beaconport = since_audit.beaconport_series(package)
    assert [p.figure_id for p in beaconport] == [r.figure_id for r in package.figure_list("since_audit_beaconport")]
    assert [p.what for p in beaconport] == ["identified for formal review", "re-opened",
                                            "referred to Operation Beaconport"]
    recording = since_audit.recording_series(package)
    assert [p.when for p in recording] == ["2023", "Jan to Sep 2024", "Jan to Sep 2024", "2024", "June 2025"]
    assert [p.what for p in recording][2:4] == ["of records", "of cases"]     # the figure rows' units
    for table, list_id in since_audit.PRINTED.items():
        assert since_audit.printed(package, table) == [(r.words, r.figure_id) for r in package.figure_list(list_id)]
    assert since_audit.printed(package, "met_stages")[0] == (
        "Cases under review (the force's statement, October 2025)", "met_cases_under_review_2025.pa")


def test_a_since_audit_count_without_the_chapters_words_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "since_audit_recording", "4", member="sun_2025")
    with pytest.raises(DataError) as err:
        since_audit.recording_series(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "member")
    assert "sun_2025" in err.value.rule and "since_audit.py" in err.value.rule


def test_a_since_audit_count_given_two_rows_is_named_with_its_row(data_copy):
    path = data_copy / "figure_lists.csv"
    fields, rows = rows_of(path)
    last = max(i for i, r in enumerate(rows) if r["list_id"] == "since_audit_beaconport")
    rows.insert(last + 1, dict(rows[last], position="4", figure_id="beaconport_referrals_2025_11.pp"))
    write(path, fields, rows)
    with pytest.raises(DataError) as err:
        since_audit.beaconport_series(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, last + 3, "member")   # header is row 1


def test_a_printed_row_without_its_label_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "since_audit_cases", "2", words="")
    with pytest.raises(DataError) as err:
        since_audit.printed(with_lists(data_copy), "cases")
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "words")


def test_tk_countings_units_come_in_the_lists_order_with_their_studies():
    package = _load_package()
    units = tk_counting.unit_counts(package)
    assert [u.figure_id for u in units] == [r.figure_id for r in package.figure_list("tk_counting_units")]
    assert [u.study for u in units][::2] == ["CEOP 2011", "CEOP 2011", "Quilliam 2017", "Bhatti-Sinclair and Sutcliffe",
                                             "Police, 2023"]
    assert (units[0].unit, units[-1].unit) == ("potential offenders reported", "CSE-category offences")


def test_a_tk_counting_study_without_a_colour_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "tk_counting_units", "5", member="Quilliam 2018")
    with pytest.raises(DataError) as err:
        tk_counting.unit_counts(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "member")
    assert "Quilliam 2018" in err.value.rule and "tk_counting.py" in err.value.rule


def test_the_published_shares_recorded_come_in_the_lists_order_then_the_audits():
    package = _load_package()
    coverage = suspects.coverage_variants(package)
    assert [c.figure_id for c in coverage] == [r.figure_id for r in package.figure_list("after_2025_coverage")] + [
        "perp_eth_not_recorded.casey"]           # the audit's 'not recorded', turned round in code
    assert (coverage[0].label, coverage[0].source) == ("2022 or 2023, cases", "Sky News explainer")


def test_a_published_share_without_its_source_words_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "after_2025_coverage", "6", member="sun_2025")
    with pytest.raises(DataError) as err:
        suspects.coverage_variants(with_lists(data_copy))
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "member")
    assert "sun_2025" in err.value.rule and "suspects.py" in err.value.rule


def test_each_studys_table_lists_its_figures_in_the_lists_order_with_their_labels():
    package = _load_package()
    ceop = home_office_2020.study_figures(package, "ceop2011")
    assert ceop[0] == ("Potential offenders reported to CEOP", "ceop2011_potential_offenders.c4")
    assert [fid for _, fid in ceop] == [r.figure_id for r in package.figure_list("home_office_2020_studies")
                                        if r.member == "ceop2011"]
    assert set(home_office_2020.STUDY_NAMES) == set(package.list_members("home_office_2020_studies"))
    with pytest.raises(KeyError, match="ceop2011"):
        home_office_2020.study_figures(package, "ceop2012")


def test_a_study_figure_without_its_label_or_of_an_unnamed_study_is_named_with_its_row(data_copy):
    row = edit_row(data_copy, "home_office_2020_studies", "3", words="")
    with pytest.raises(DataError) as err:
        home_office_2020.study_figures(with_lists(data_copy), "ceop2011")
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "words")
    row = edit_row(data_copy, "home_office_2020_studies", "3", words="Recorded as Asian", member="ceop2012")
    with pytest.raises(DataError) as err:
        home_office_2020.study_figures(with_lists(data_copy), "ceop2011")
    assert (err.value.file, err.value.row, err.value.column) == (FILE, row, "member")
