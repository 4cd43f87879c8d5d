"""Copies of the chapters opened outside the site (make live, the download button, the kit):
numbers pasted in, directives turned into plain Markdown, solutions folded or left out."""
from __future__ import annotations

import re

import nbformat
import pytest

from book_files import ROOT, chapter_sources, executed_path, notebooks, run_notebook, without_csebook
from conftest import SITE
from csebook.copies import BookIndex, CopyError, book_index, make_copy, to_markdown
from csebook.pages import DATA_PAGES

MARKUP = re.compile(r"\{glue|\{term\}|\{numref\}|\{ref\}|:::\{|```\{|^\([a-z0-9-]+\)=", re.M)
INDEX = BookIndex(chapter_numbers={"ch": 3}, titles={"sec-x": "A chapter"}, figures={"fig-a": "Fig. 3.2"},
                  exercises={"ex-a": "Exercise 3.1"})
SUPPORT = ":::{admonition} If this subject affects you\n:class: support-box\n\n- Call **999**.\n:::\n"


def convert(text, solutions="details"):
    return to_markdown(text, glued={"n": "717", "p": "0.6%"}, index=INDEX, support=SUPPORT, where="t",
                       solutions=solutions)


def test_numbers_and_references_are_pasted_in():
    [(kind, text)] = convert("(sec-y)=\n# T\n\n{glue:text}`n` offences ({glue:text}`p`), see {numref}`fig-a`, "
                             "{ref}`sec-x`, {ref}`the book <sec-x>` and {term}`CSE <child sexual exploitation>`.")
    assert kind == "markdown"
    assert text == "# T\n\n717 offences (0.6%), see Fig. 3.2, A chapter, the book and CSE."


def test_admonitions_become_quotes_and_the_support_box_is_written_out():
    [(_, text)] = convert(":::{admonition} Content note\n:class: note\nAbout {glue:text}`n` records.\n:::\n\n"
                          "```{include} _support.md\n```\n")
    assert "> **Content note**" in text and "> About 717 records." in text
    assert "> **If this subject affects you**" in text and "> - Call **999**." in text


def test_exercises_get_an_answer_cell_and_solutions_fold_or_go():
    text = ":::{exercise}\n:label: ex-a\n\nHow many? {glue:text}`n`?\n:::\n\n:::{solution} ex-a\n:class: dropdown\n\nAll {glue:text}`n`.\n:::\n"
    kinds = convert(text)
    assert [k for k, _ in kinds] == ["markdown", "answer", "solution"]
    assert kinds[0][1] == "**Exercise 3.1.** How many? 717?"
    assert kinds[2][1].startswith("<details>") and "All 717." in kinds[2][1] and "<details open" not in kinds[2][1]
    assert [k for k, _ in convert(text, solutions="drop")] == ["markdown", "answer"]


def test_what_a_copy_cannot_render_is_named():
    with pytest.raises(CopyError, match="t: glue key 'zz'"):
        convert("{glue:text}`zz`")
    with pytest.raises(CopyError, match="unknown label 'fig-none'"):
        convert("{numref}`fig-none`")
    with pytest.raises(CopyError, match="no plain-Markdown form for the {figure}"):
        convert(":::{figure} x.png\n:::\n")
    with pytest.raises(CopyError, match="never closed"):
        convert(":::{admonition} Open\ntext\n")


@pytest.fixture(scope="module")
def copies():
    index = book_index(ROOT)
    support = (ROOT / "book" / "_support.md").read_text()
    out = {}
    for source in chapter_sources():
        executed = nbformat.read(executed_path(source), as_version=4)
        out[source.stem] = (executed,
                            make_copy(executed, index=index, support=support, name=source.stem, student=False),
                            make_copy(executed, index=index, support=support, name=source.stem, student=True))
    return out


@pytest.mark.parametrize("stem", [p.stem for p in chapter_sources()])
def test_reader_copy_reads_as_plain_markdown_with_its_numbers(copies, stem):
    executed, reader, _ = copies[stem]
    text = "\n".join(c.source for c in reader.cells if c.cell_type == "markdown")
    assert not MARKUP.search(text), f"{stem}: MyST markup left: {MARKUP.search(text).group(0)!r}"
    if stem not in DATA_PAGES:
        assert "0808 800 5000" in text and "> **Content note**" in text
        assert text.count("<details>") == text.count("**Exercise ") >= 2
    outputs = [o for c in reader.cells if c.cell_type == "code" for o in c.outputs]
    assert not any(k.startswith("application/") for o in outputs for k in o.get("data", {})), \
        "glue records and widget views are not kept in a reader copy"


@pytest.mark.parametrize("stem", [p.stem for p in chapter_sources() if p.stem not in DATA_PAGES])
def test_student_copy_has_no_solutions_or_outputs_and_the_same_code(copies, stem):
    executed, reader, student = copies[stem]
    text = "\n".join(c.source for c in student.cells if c.cell_type == "markdown")
    assert "<details>" not in text and "Solution" not in text
    answers = [c for c in student.cells if "answer" in c.metadata.get("tags", [])]
    assert len(answers) == text.count("**Exercise ") >= 2
    code = [c for c in student.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    assert "needs-kit" in code[0].metadata["tags"]
    code = code[1:]
    # the same code, in the same order, as the chapter that strict nbval runs: so it runs as that does
    assert [c.source for c in code] == [c.source for c in executed.cells if c.cell_type == "code"]


@pytest.mark.site
def test_copies_number_figures_and_exercises_as_the_site_does():
    index = book_index(ROOT)
    html = (SITE / "book" / "after_2025.html").read_text()
    for label in ("fig-af-published", "fig-af-comparators"):
        number = index.figures[label].split(" ")[1]
        assert re.search(rf'href="#{label}"[^>]*>\s*<span[^>]*>Fig\. {re.escape(number)}</span>', html), label
    assert 'Exercise 5.1' in html and index.exercises["ex-af-assumption"] in ("Exercise 5.1", "Exercise 5.2")


@pytest.mark.site
def test_the_download_button_offers_the_reader_copy():
    for path in notebooks():
        offered = nbformat.read(SITE / "_sources" / "book" / path.name, as_version=4)
        text = "\n".join(c.source for c in offered.cells if c.cell_type == "markdown")
        assert not MARKUP.search(text), f"{path.name}: the downloaded notebook shows MyST markup"


@pytest.mark.site
def test_a_downloaded_chapter_stops_at_once_with_one_sentence_where_csebook_is_missing(tmp_path):
    """The download button's notebook, run as its first line says (Run All Cells) in a plain
    Jupyter where the book's package cannot be imported: it stops at its first code cell, and what
    it shows is the one sentence saying what to get and where, nothing else."""
    from csebook.copies import NEEDS_KIT

    nb = nbformat.read(SITE / "_sources" / "book" / "police_figures_2023.ipynb", as_version=4)
    (tmp_path / "police_figures_2023.ipynb").write_text(nbformat.writes(nb))
    error = run_notebook(nb, cwd=tmp_path, env=without_csebook(tmp_path))
    assert error is not None, "the notebook ran without the book's package: the test did not hide it"
    assert error["traceback"] == [NEEDS_KIT]
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].execution_count and all(c.execution_count is None for c in code[1:])


@pytest.mark.site
def test_the_pages_name_the_repository_or_say_it_has_no_address_yet():
    from csebook.site.edition_text import repository_text

    assert repository_text({"repository": "https://example.org/book"}) == \
        "[https://example.org/book](https://example.org/book)"
    assert "not yet published" in repository_text({"repository": ""}) and "kit" in repository_text({})
    html = (SITE / "book" / "reproduce.html").read_text()
    assert "The repository is" in html and "{{" not in html
