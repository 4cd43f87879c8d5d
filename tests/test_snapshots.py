"""The committed text snapshots (tests/snapshots/) equal what the executed chapters show: every
glued value, caption, alt text, table and widget state. A changed number fails here and shows in
review as a one-line diff; `make snapshot` rewrites the files after a deliberate change."""
from __future__ import annotations

import difflib
import json

import nbformat
import pytest

from book_files import ROOT, chapter_sources, executed_path
from csebook.snapshot import snapshot

SNAPSHOTS = ROOT / "tests" / "snapshots"


@pytest.mark.parametrize("source", chapter_sources(), ids=lambda p: p.stem)
def test_snapshot_matches_the_executed_chapter(source):
    committed = SNAPSHOTS / f"{source.stem}.txt"
    assert committed.exists(), f"no snapshot for {source.name}: run `make snapshot` and commit it"
    now = snapshot(nbformat.read(executed_path(source), as_version=4), f"book/{source.name}")
    if now != committed.read_text():
        diff = "".join(list(difflib.unified_diff(committed.read_text().splitlines(True), now.splitlines(True),
                                                 "committed", "executed", n=0))[:40])
        pytest.fail(f"{source.name} shows something its snapshot does not: review, then `make snapshot`\n{diff}")


def test_every_snapshot_belongs_to_a_chapter():
    names = {p.stem for p in chapter_sources()}
    assert {p.stem for p in SNAPSHOTS.glob("*.txt")} <= names


def test_snapshot_sees_a_changed_number():
    nb = nbformat.read(executed_path(chapter_sources()[0]), as_version=4)
    before = snapshot(nb, "x")
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/papermill.record/text/plain" in data:
                data["application/papermill.record/text/plain"] = "'999,999'"
                break
        else:
            continue
        break
    after = snapshot(nb, "x")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line.startswith("+ ")]
    assert changed and all("999,999" in line for line in changed)   # the value, and the caption it is pasted into
    assert changed[0].startswith("+ glue ")


def test_no_chapter_runs_a_build_only_module():
    """Editing a build-only module does not mark pages stale, so no chapter may import one."""
    import re

    from csebook.pages import BUILD_ONLY

    site = {str(p.relative_to(ROOT)) for p in (ROOT / "csebook" / "site").glob("*.py")}
    assert site and site <= set(BUILD_ONLY), f"site modules not listed in BUILD_ONLY: {sorted(site - set(BUILD_ONLY))}"
    # a module by its name; a package (its __init__.py) by its folder's
    names = [p.split("/")[-2] if p.endswith("/__init__.py") else p.split("/")[-1][:-3] for p in BUILD_ONLY]
    for source in chapter_sources():
        text = source.read_text()
        used = [n for n in names if re.search(rf"\bcsebook(?:\.\w+)*\.{n}\b|from csebook import [^\n]*\b{n}\b", text)]
        assert not used, f"{source.name} imports {used}, which the staleness check leaves out"


def test_snapshot_lines_are_short_and_split_at_sentence_or_field_boundaries():
    from csebook.snapshot import MAX_LINE, keyed

    long = ("The first sentence says one thing about 717 offences. The second says another; it has a field, "
            "and another field. " * 4).strip()
    lines = keyed("glue pf_example", long)
    assert len(lines) > 1 and all(len(line) <= MAX_LINE for line in lines)
    assert [line.split(": ", 1)[0] for line in lines] == [f"glue pf_example part {i}" for i in range(1, len(lines) + 1)]
    assert lines[0].endswith("offences.") or lines[0].endswith(";")           # a boundary, not a width
    assert " ".join(line.split(": ", 1)[1] for line in lines) == long
    too_long = [(p.name, n) for p in SNAPSHOTS.glob("*.txt")
                for n, line in enumerate(p.read_text().splitlines(), start=1) if len(line) > MAX_LINE]
    assert not too_long, f"snapshot lines over {MAX_LINE} characters: {too_long[:5]}"


def test_adding_a_code_cell_relabels_nothing():
    nb = nbformat.read(executed_path(chapter_sources()[0]), as_version=4)
    before = snapshot(nb, "x")
    nb.cells.insert(3, nbformat.v4.new_code_cell("x = 1"))
    nb.cells.insert(3, nbformat.v4.new_code_cell("print('a new output')", outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="a new output\n")]))
    after = snapshot(nb, "x")
    added = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line.startswith(("+ ", "- "))]
    assert added == ["+ output empty stdout: a new output"]


def test_a_page_goes_stale_when_any_module_its_execution_imports_changes(tmp_path):
    """In a copy: one changed byte in a module a page imports, directly or through other modules,
    makes exactly the pages that reach it stale (the finder and timeline reach csebook/pages.py)."""
    from book_files import executed_copy
    from csebook import pages

    root = executed_copy(tmp_path / "repo")
    assert pages.stale(root) == [], "the checkout's executed notebooks are not current: run make execute"
    sources = pages.chapter_sources(root)
    closures = {s: set(pages.imported_modules(s, root)) for s in sources}
    assert root / "csebook" / "pages.py" in closures[root / "book" / "figures.md"]
    for module in sorted(set().union(*closures.values())):
        saved = module.read_bytes()
        module.write_bytes(saved + b"\n")
        try:
            assert set(pages.stale(root)) == {s for s in sources if module in closures[s]}, module.name
        finally:
            module.write_bytes(saved)
    # the stamp covers all of data/, not only the rows a page reads: every page validates the whole
    # package when it loads it, so a byte changed in any data file makes every page stale
    for data_file in (root / "data" / "glossary.csv", root / "data" / "datapackage.json"):
        saved = data_file.read_bytes()
        data_file.write_bytes(saved + b" ")
        try:
            assert pages.stale(root) == sources, data_file.name
        finally:
            data_file.write_bytes(saved)
    # the notebooks `make test` hands to nbval: those whose stamps do not prove them current
    import notebooks

    assert notebooks.notebooks(unproven=True, root=root) == []
    chapter = root / "book" / "tk_time.md"
    chapter.write_text(chapter.read_text() + "\n")
    # the chapter, and the pages that read every chapter (the finder, the timeline)
    assert notebooks.notebooks(unproven=True, root=root) == \
        [pages.executed_path(s) for s in sources if s.stem == "tk_time" or s.stem in pages.READS_PAGES]


def test_what_every_widget_state_shows_alike_is_one_line_and_a_change_to_it_one_changed_line():
    from csebook.snapshot import widget_lines

    def markup(reference):
        states = {key: {"summary": f"{n} of 10 is {n}0%. It covers sampling only.",
                        "alt": f"Your sample: {n} of 10; Reported: good: {reference} of 27; Each bar is an interval."}
                  for key, n in (("a", 1), ("b", 2), ("c", 3))}
        return f'<script type="application/json" class="csb-states">{json.dumps({"states": states})}</script>'

    lines = widget_lines(markup(9))
    assert lines[:3] == ["every state summary: It covers sampling only.",
                         "every state alt: Reported: good: 9 of 27;", "every state alt: Each bar is an interval."]
    assert "state b summary: 2 of 10 is 20%." in lines and "state b alt: Your sample: 2 of 10;" in lines
    changed = [line for line in difflib.ndiff(lines, widget_lines(markup(10))) if line.startswith(("+ ", "- "))]
    assert changed == ["- every state alt: Reported: good: 9 of 27;", "+ every state alt: Reported: good: 10 of 27;"]


def test_a_figure_row_is_named_by_its_figure_id_so_a_changed_number_renames_nothing():
    from csebook.snapshot import html_lines

    row = '<table><tr data-key="graded_good.gbnews"><td>{} (investigations)</td><td>GB News</td></tr></table>'
    assert html_lines(row.format("nine")) == [("row graded_good.gbnews", "nine (investigations) | GB News")]
    assert html_lines(row.format("ten"))[0][0] == "row graded_good.gbnews"


def test_the_what_changed_lists_are_named_by_figure_and_date_not_by_their_newest_entry():
    """A new day of changes, or a changed number, renames no line of 'What changed'."""
    from csebook.data import load_package
    from csebook.snapshot import _output_key, html_lines
    from csebook.tables import changes_html

    markup = changes_html(load_package())
    assert _output_key({"text/html": markup}, markup, {}) == "output changes"
    keys = [key for key, _ in html_lines(markup) if key != "text"]   # "text": the dates that head the lists
    import re

    assert len(keys) > 100 and all(re.fullmatch(r"item \S+ \d{4}-\d{2}-\d{2}( \d+)?", key) for key in keys), \
        [k for k in keys if not re.fullmatch(r"item \S+ \d{4}-\d{2}-\d{2}( \d+)?", k)][:3]


def _restated(nb):
    """Every element of a notebook's HTML outputs marked as showing a number again (data-from)."""
    from bs4 import BeautifulSoup

    for cell in nb.cells:
        for out in cell.get("outputs", []):
            markup = out.get("data", {}).get("text/html", "")
            if isinstance(markup, str) and "data-from=" in markup:
                yield from BeautifulSoup(markup, "html.parser").select("[data-from]")


def test_every_number_shown_again_shows_what_its_origin_shows():
    """The snapshot writes a number shown away from where it is made as the name of its origin
    (csebook.links.restated); this is what makes that safe: each such copy, on every executed page,
    shows exactly its figure row's value as printed or the glued number it names, and a sentence
    copied from a chapter marks that chapter's glued number."""
    from csebook.data import load_package
    from csebook.glue import glue_values

    package = load_package()
    pages = {p.stem: nbformat.read(executed_path(p), as_version=4) for p in chapter_sources()}
    glued = {name: glue_values(nb) for name, nb in pages.items()}
    kinds, wrong = set(), []
    for name, nb in pages.items():
        for tag in _restated(nb):
            kind, _, origin = tag["data-from"].partition(" ")
            kinds.add(kind)
            page, key = origin.split(".", 1) if kind in ("sentence",) or (kind == "glue" and "." in origin) else (name, origin)
            if kind == "row":
                expected, shown = package.figure(origin).value_as_printed, tag.get_text()
            elif kind == "glue":
                expected, shown = glued[page].get(key), tag.get_text()
            elif kind == "sentence":
                mark = tag.find("mark")
                expected, shown = glued[page].get(key), mark.get_text() if mark else None
            else:
                wrong.append(f"{name}: unknown origin {tag['data-from']!r}")
                continue
            if expected is None or shown != expected:
                wrong.append(f"{name}: {tag['data-from']!r} shows {shown!r}, its origin {expected!r}")
    assert kinds == {"row", "glue", "sentence"}, f"origins seen: {sorted(kinds)}"
    assert wrong == [], "\n".join(wrong[:20])


def test_a_number_shown_again_is_written_as_its_origin_so_a_changed_number_changes_only_where_it_is_made():
    from csebook.snapshot import html_lines

    def page(value: str) -> str:
        return (f'<ul><li id="n-share"><span class="num-here" data-from="glue share">{value}</span>: computed from '
                f'<a data-from="row graded.x">9</a> (investigations)</li></ul>'
                f'<table><tr data-key="graded.x"><td><span data-from="row graded.x">9</span> (investigations)</td></tr></table>')

    before, after = html_lines(page("33%")), html_lines(page("37%"))
    assert before == after
    assert ("n-share", "⟨glue share⟩ : computed from ⟨row graded.x⟩ (investigations)") in before
    assert ("row graded.x", "⟨row graded.x⟩ (investigations)") in before


def test_an_output_is_named_by_the_kind_of_block_its_code_wrote_not_by_the_numbers_it_opens_with():
    from csebook.snapshot import _output_key

    def key(markup: str) -> str:
        return _output_key({"text/html": markup}, markup, {})

    claims = '<div class="entries claim-list"><div class="entry claim-entry" data-key="a-1"><p>“{} per cent” of suspects</p></div></div>'
    sources = '<details class="csb-sources"><summary>Where each number comes from: {} figure rows</summary></details>'
    for markup in (claims, sources):
        assert key(markup.format(83)) == key(markup.format(84))
    assert key(claims.format(83)) == "output claim-list"
    assert key('<div data-key="finder"><ul class="num-legend"></ul></div>') == "output finder"
    # a table pandas wrote has only pandas' classes: it is named by its opening words (its header)
    assert key('<table class="dataframe table"><tr><th>In the report</th></tr></table>') == "output in-the-report"
