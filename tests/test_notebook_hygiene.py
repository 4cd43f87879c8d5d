"""Static checks on the committed, executed notebooks."""
from __future__ import annotations

import html
import re

import nbformat
import pytest

from book_files import GLUE_ROLE, glue_values, notebooks, read

NOTEBOOKS = notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_executed_top_to_bottom_without_errors(path):
    nb = read(path)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: run `make execute` (counts {counts})"
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            assert out.output_type != "error", f"{path.name} cell {i} has an error output"
            assert not (out.output_type == "stream" and out.name == "stderr"), \
                f"{path.name} cell {i} wrote to stderr: {out.text[:200]}"
    assert "widgets" not in nb.metadata, f"{path.name}: widget state should not be stored"


def figure_outputs(cell) -> list[dict]:
    """Outputs that are charts: inline SVG with the alt text as the output's text."""
    return [o for o in cell.get("outputs", []) if '<svg class="csb-chart' in o.get("data", {}).get("text/html", "")
            and o.get("data", {}).get("text/plain", "").startswith("Figure: ")]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_figure_has_label_caption_and_alt_with_its_numbers(path):
    nb = read(path)
    glued = glue_values(nb)
    for i, cell in enumerate(nb.cells):
        images = figure_outputs(cell)
        if not images:
            continue
        figure = cell.metadata.get("mystnb", {}).get("figure", {})
        assert re.fullmatch(r"fig-[a-z0-9-]+", figure.get("name", "")), f"{path.name} cell {i}: no figure label"
        caption = figure.get("caption", "")
        assert len(caption) > 40, f"{path.name} cell {i}: no caption"
        for out in images:
            alt = out["data"]["text/plain"][len("Figure: "):]
            assert len(alt) > 40 and re.search(r"\d", alt), f"{path.name} cell {i}: alt text missing or without numbers"
            assert f'aria-label="{html.escape(alt)}"' in out["data"]["text/html"], "the chart is named by its alt text"
            # every number the caption pastes in must also be in the alt text
            for key in GLUE_ROLE.findall(caption):
                value = glued[key.split(":")[0]]
                assert value in alt, f"{path.name} cell {i}: caption number {value!r} ({key}) missing from alt text"


def test_figure_labels_are_unique_across_the_book():
    names = [c.metadata.get("mystnb", {}).get("figure", {}).get("name")
             for p in NOTEBOOKS for c in read(p).cells]
    names = [n for n in names if n]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_glue_key_used_is_defined(path):
    nb = read(path)
    glued = glue_values(nb)
    used = set()
    for cell in nb.cells:
        used |= {k.split(":")[0] for k in GLUE_ROLE.findall(cell.source)}
        used |= {k.split(":")[0] for k in GLUE_ROLE.findall(
            cell.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("caption", ""))}
    assert used <= set(glued), f"{path.name}: glue keys used but never glued: {sorted(used - set(glued))}"
    assert all(isinstance(v, str) for v in glued.values()), "glue plain strings only"


def test_executing_again_reproduces_the_executed_notebook_byte_for_byte(tmp_path):
    """Outputs are deterministic, figures included: executing a chapter's source again (the chapter
    with the most kinds of output: charts, a widget, glue, tables) writes exactly the same file."""
    import execute
    from book_files import ROOT

    source = ROOT / "book" / "police_figures_2023.md"
    copy = tmp_path / "police_figures_2023.ipynb"
    execute.execute(source, target=copy)
    assert copy.read_bytes() == source.with_suffix(".ipynb").read_bytes(), \
        "executing again changed the notebook: outputs are not deterministic"


def test_the_figure_checks_see_the_figures():
    found = sum(len(figure_outputs(c)) for p in NOTEBOOKS for c in read(p).cells)
    assert found >= 15, f"only {found} figures found: the checks above would be checking nothing"


def test_a_notebooks_cells_and_a_costly_fixtures_tests_are_scheduled_together():
    from conftest import together

    assert together("book/tk_time.ipynb::Cell 3") == together("book/tk_time.ipynb::Cell 0") == "book/tk_time.ipynb"
    assert together("tests/test_kit.py::test_a_failed_build_leaves_no_site") == "tests/test_kit.py"
    assert together("tests/test_site.py::test_x[book/a.html]") == "tests/test_site.py::test_x[book/a.html]"


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.stem)
def test_no_glue_key_is_glued_twice_on_a_page(path):
    """The site build refuses a glue key glued twice on one page; the quick tests find it first."""
    from collections import Counter

    nb = nbformat.read(path, as_version=4)
    names = Counter(out.get("metadata", {}).get("scrapbook", {}).get("name") for cell in nb.cells
                    for out in cell.get("outputs", []))
    names.pop(None, None)
    assert [k for k, n in names.items() if n > 1] == []
