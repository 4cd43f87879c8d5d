"""One statistic, one printed value across the whole book.

Every glued value that renders one figure straight from the data package (its printed form, or
its count) is found by reading the glue calls in the notebooks' code; across all pages, each
figure must state the same number everywhere (a unit word may differ, the number may not). Computed statistics that appear on more than one
page are glued from one function each (for example csebook.ethnicity.series), so they cannot
differ; this test covers the direct renderings, where a page could pick its own format."""
from __future__ import annotations

import ast
import re
from collections import defaultdict

from book_files import glue_values, notebooks, read
from csebook.data import printed_number

DIRECT = re.compile(r'^fig\("([^"]+)"\)(?:\.count|\.value_as_printed)?$')
GLUERS = {"glue_text", "glue_count", "glue_figure_text"}


def direct_renderings(nb) -> dict[str, str]:
    """glue key -> figure id, for glue calls whose value is one figure rendered as it stands."""
    out = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in GLUERS
                    and len(node.args) == 2 and isinstance(node.args[0], ast.Constant)):
                m = DIRECT.match(ast.unparse(node.args[1]).replace("'", '"'))
                if m:
                    out[node.args[0].value] = m.group(1)
    return out


def number(printed: str):
    """The number a printed value states ('498 defendants' and '498' agree); a value in words
    ('two-thirds') is compared as it stands."""
    value = printed_number(printed)
    return printed if value is None else value


def printed_by_figure() -> dict[str, set[tuple[str, str]]]:
    seen = defaultdict(set)
    for path in notebooks():
        nb = read(path)
        values = glue_values(nb)
        for key, figure_id in direct_renderings(nb).items():
            seen[figure_id].add((values[key], path.stem))
    return seen


def test_each_figure_is_printed_one_way_across_the_book():
    seen = printed_by_figure()
    assert len(seen) > 50, "the reader of glue calls found too few direct renderings to be checking anything"
    differing = {fid: sorted(v) for fid, v in seen.items() if len({number(value) for value, _ in v}) > 1}
    assert not differing, f"one figure printed differently on different pages: {differing}"


def test_the_reader_of_glue_calls_sees_both_styles():
    nb = read(notebooks()[0]).copy()
    import nbformat

    nb.cells = [nbformat.v4.new_code_cell('glue_count("a", fig("x.y").count)\nglue_figure_text("b", fig("x.y"))\n'
                                          'glue_text("c", fmt.ratio(fig("x.y").value / 2))')]
    assert direct_renderings(nb) == {"a": "x.y", "b": "x.y"}
    assert number("498 defendants") == number("498") != number("498.5")
    assert number("13.7%") != number("14%")
