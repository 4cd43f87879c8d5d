"""The timeline is generated from data/sources.csv and links each event to the pages that discuss it."""
from __future__ import annotations

import shutil

import pytest

from csebook import timeline
from csebook.data import DataError, load_package
from csebook.pages import REPO_ROOT, toc_pages


def test_events_are_dated_in_order_and_link_real_pages():
    package = load_package(revalidate=True)
    items = timeline.events(package)
    assert [e.date for e in items] == sorted(e.date for e in items)
    assert all(int(e.date[:4]) >= 2011 and e.kind in timeline.KINDS for e in items)
    pages = {p.stem for p in toc_pages()}
    assert all(p in pages for e in items for p, _ in e.pages)
    by_id = {e.source_id: e for e in items}
    # a source whose figure the police chapter looks up by id is linked to that chapter
    source = package.figure("csae_2023.vkpp").source_id
    assert "police_figures_2023" in [p for p, _ in by_id[source].pages]
    # a source quoted for its words is linked through its discussed_in entry
    assert [p for p, _ in by_id["iicsa-networks-b5"].pages] == ["iicsa_networks_2022"]
    html = timeline.timeline_html(items)
    assert html.count("<li ") == len(items) and 'href="police_figures_2023.html"' in html


def test_a_source_naming_a_page_that_does_not_exist_is_refused(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(REPO_ROOT / "data", root / "data")
    shutil.copytree(REPO_ROOT / "book", root / "book", ignore=shutil.ignore_patterns("*.ipynb"))
    shutil.copy(REPO_ROOT / "_toc.yml", root / "_toc.yml")
    path = root / "data" / "sources.csv"
    path.write_text(path.read_text().replace(",iicsa_networks_2022\n", ",no_such_page\n", 1))
    package = load_package(root / "data", revalidate=True)
    with pytest.raises(DataError) as err:
        timeline.events(package, root)
    assert (err.value.file, err.value.column) == ("data/sources.csv", "discussed_in")
