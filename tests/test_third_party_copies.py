"""A figure read in a third-party copy of an official record (Hansard or a written answer on
Parallel Parliament, a press release on WiredGov, census tables in someone's repository) keeps its
mark (◐), but wherever it or its source is shown the page says "read in a third-party copy of the
official record", names the site, and links the official address where it could be built from the
copy (new-user trial of 6 December 2026, M5).

Which sources are such copies is recorded in sources.csv (copy_site); the first tests check that
record against the rest of the data, the others read what the executed pages show."""
from __future__ import annotations

import re
from functools import lru_cache

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from csebook.data import THIRD_PARTY_COPY, load_package, status_label

OFFICIAL_KINDS = {"inquiry report", "inspection report", "official statistics", "police data publication",
                  "ministerial statement", "parliamentary record"}
# Official kinds read somewhere other than the publisher's page that are not third-party copies of
# an official record, and why.
NOT_COPIES = {
    "westmercia-pcc-2024": "a police and crime commissioner's own statutory response, quoting the report",
    "northants-pfcc-2025": "a commissioner's own page summarising the inspectorate's report",
    "vkpp-npcc-meta-2023": "the NPCC's statement on its own programme's site",
    "orderly-2026-06-01": "an automated summary, not a copy; its publisher says 'not Hansard'",
    "vob-greater-manchester": "the GB Historical GIS project's own aggregation, named as the publisher",
    "vob-west-yorkshire": "the GB Historical GIS project's own aggregation, named as the publisher",
    "vob-south-yorkshire": "the GB Historical GIS project's own aggregation, named as the publisher",
    "basw-occ-2012-foreword": "the association's own page, named as the publisher; quoted for wording only",
}
# Sites that publish copies of official records (never the publisher's own page).
COPY_HOSTS = ("parallelparliament.co.uk", "parliament.jmoore.io", "github.com", "wired-gov.net",
              "parliamenttoday.com", "yumpu.com")


def host(url: str) -> str:
    return url.split("/")[2].removeprefix("www.") if "//" in url else url


@lru_cache(maxsize=1)
def package():
    return load_package()


def copies() -> dict:
    p = package()
    return {s.source_id: s for s in p.sources.itertuples() if s.copy_site}


def test_every_official_record_read_on_another_site_names_that_site():
    missing = [s.source_id for s in package().sources.itertuples()
               if s.kind in OFFICIAL_KINDS and not s.accessed_via.startswith("publisher's page")
               and not s.copy_site and s.source_id not in NOT_COPIES]
    assert not missing, f"official records read on another site with no copy_site: {missing}"
    on_copy_hosts = [s.source_id for s in package().sources.itertuples()
                     if host(s.url).endswith(COPY_HOSTS) and not s.copy_site]
    assert not on_copy_hosts, on_copy_hosts
    for s in copies().values():
        assert s.url and s.publisher_url != s.url, s.source_id
        assert "copy read at" not in s.publisher.lower(), f"{s.source_id}: the site is named by copy_site"


def test_a_row_whose_note_names_the_copy_read_rests_on_that_copy():
    """The audit's pq-209019-2014: the rows said 'Copy read at parallelparliament.co.uk' while the
    source said it was read on the publisher's page."""
    p = package()
    for f in p.figures.itertuples():
        m = re.search(r"(?i)\bcopy read at ([a-z0-9.-]+\.[a-z]{2,})", f.check_note)
        if m:
            s = p.source(f.source_id)
            assert host(s.url) == m.group(1).removeprefix("www."), (f.figure_id, s.url)
            assert s.copy_site, f"{f.figure_id}: read at {m.group(1)} but its source names no copy site"


def test_the_status_words_of_a_row_from_a_third_party_copy_say_so_and_keep_the_mark():
    p = package()
    rows = [f for f in p.figures.itertuples() if f.source_id in copies()]
    assert len(rows) >= 20
    for f in rows:
        figure = p.figure_quietly(f.figure_id)
        label = status_label(figure, p)
        assert copies()[f.source_id].copy_site in label, f.figure_id
        assert THIRD_PARTY_COPY in label or f.status == "secondary", f.figure_id
        assert f.status != "read-primary"
    ordinary = [f for f in p.figures.itertuples() if f.source_id not in copies()]
    assert not [f.figure_id for f in ordinary if THIRD_PARTY_COPY in status_label(p.figure_quietly(f.figure_id), p)]


@lru_cache(maxsize=None)
def page(name: str) -> BeautifulSoup:
    """What an executed page shows: its HTML outputs and its glued text, in one document."""
    import nbformat

    from csebook.pages import executed_path

    path = executed_path(ROOT / "book" / f"{name}.md")
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make execute` first")
    nb = nbformat.read(path, as_version=4)
    parts = [o["data"]["text/html"] for c in nb.cells for o in c.get("outputs", [])
             if "text/html" in o.get("data", {})]
    return BeautifulSoup("".join(parts), "html.parser")


def words(tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" "))


def test_the_finder_row_and_its_cite_line_say_third_party_copy_name_the_site_and_link_the_official_address():
    finder = page("figures")
    p = package()
    rows = [f for f in p.figures.itertuples() if f.source_id in copies()]
    for f in rows:
        s = copies()[f.source_id]
        li = finder.find("li", id=f.figure_id)
        assert li is not None, f.figure_id
        text = words(li)
        assert THIRD_PARTY_COPY in text and s.copy_site in text, f"{f.figure_id}: {text[:300]}"
        assert "checked against an official copy" not in text
        cite = words(li.find(class_="finder-cite"))
        assert THIRD_PARTY_COPY in cite and s.copy_site in cite and s.url in cite, cite
        hrefs = [a["href"] for a in li.find_all("a")]
        assert s.url in hrefs, f"{f.figure_id}: the copy read is not linked"
        if s.publisher_url:
            assert s.publisher_url in hrefs and s.publisher_url in cite, f"{f.figure_id}: no official address"
    ordinary = [f for f in p.figures.itertuples() if f.source_id not in copies()]
    wrongly = [f.figure_id for f in ordinary if THIRD_PARTY_COPY in words(finder.find("li", id=f.figure_id))]
    assert not wrongly, wrongly


def test_the_sources_page_says_so_for_every_third_party_copy():
    sources = page("sources")
    for s in copies().values():
        entry = sources.find(id=f"src-{s.source_id}")
        text = words(entry)
        assert THIRD_PARTY_COPY in text and s.copy_site in text, text[:300]
        hrefs = [a["href"] for a in entry.find_all("a")]
        assert s.url in hrefs
        assert (s.publisher_url in hrefs) if s.publisher_url else "not known" in text


def test_every_chapter_list_of_sources_says_so_where_it_names_a_third_party_copy():
    """The tables of sources at the foot of each chapter, and its lists of the rows each computed
    number rests on: wherever a copy's title is named, the same row or item says what was read."""
    from csebook.pages import DATA_PAGES, chapter_sources

    seen = 0
    for source in chapter_sources(ROOT):
        if source.stem in DATA_PAGES:
            continue
        shown = page(source.stem)
        for item in shown.select("table.provenance tr, .numbers-list li li, .census-entry"):
            text = words(item)
            for s in copies().values():
                if s.title in text:
                    seen += 1
                    assert THIRD_PARTY_COPY in text and s.copy_site in text, f"{source.stem}: {text[:300]}"
    assert seen > 20, "no chapter names a third-party copy: the test would prove nothing"


def test_the_timeline_names_the_copy_read():
    timeline = page("timeline")
    found = 0
    for li in timeline.find_all("li"):
        text = words(li)
        for s in copies().values():
            if s.title in text and s.publisher in text:
                found += 1
                assert THIRD_PARTY_COPY in text and s.copy_site in text, text[:300]
    assert found >= 5
