"""Student copies lose their solutions and outputs, and still run top to bottom."""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from book_files import ROOT, notebooks

sys.path.insert(0, str(ROOT / "tools"))
from student import main as write_student_copies  # noqa: E402


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student")
    write_student_copies([str(out)])
    return out


@pytest.mark.parametrize("path", notebooks(), ids=lambda p: p.name)
def test_student_copy_has_no_solutions_or_outputs_and_runs(copies, path):
    original = nbformat.read(path, as_version=4)
    copy = nbformat.read(copies / path.name, as_version=4)
    solutions = [c for c in original.cells if "solution" in c.metadata.get("tags", [])]
    assert len(copy.cells) == len(original.cells) - len(solutions)
    assert not any("{solution}" in c.source for c in copy.cells)
    assert all(c.outputs == [] and c.execution_count is None for c in copy.cells if c.cell_type == "code")
    NotebookClient(copy, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(copies)}}).execute()
    counts = [c.execution_count for c in copy.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))
    assert not any(o.output_type == "error" for c in copy.cells if c.cell_type == "code" for o in c.outputs)


def test_every_exercise_has_a_solution_in_the_book():
    import re

    for path in notebooks():
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        exercises = set(re.findall(r":::\{exercise\}\n:label: (\S+)", text))
        solutions = set(re.findall(r":::\{solution\} (\S+)", text))
        assert exercises == solutions, f"{path.name}: exercises {exercises}, solutions {solutions}"
        if path.stem != "sources":
            assert len(exercises) >= 2, f"{path.name}: fewer than two exercises"
            blocks = re.findall(r":::\{exercise\}\n:label: \S+\n\n(.*?):::", text, re.S)
            assert any("widget" in b for b in blocks), f"{path.name}: no exercise uses the chapter's widget"
