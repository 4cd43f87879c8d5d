"""Citable: the citation file, the licence and the footer line all say what _config.yml says."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from csebook.edition import citation_cff, edition
from csebook.sphinxext import edition_footer


def test_the_citation_file_is_the_one_written_from_the_config():
    assert (ROOT / "CITATION.cff").read_text() == citation_cff(), \
        "CITATION.cff differs from _config.yml: run `python tools/release.py --citation`"
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    ed = edition()
    assert (cff["version"], str(cff["date-released"]), cff["authors"][0]["name"]) == (
        ed["version"], ed["date"], ed["editors"])


def test_the_licence_and_footer_name_the_configured_licences_and_edition():
    ed = edition()
    text = (ROOT / "LICENSE").read_text()
    assert ed["licence_text_data"] in text and ed["licence_code"] in text and ed["editors"] in text
    footer = edition_footer(ed)
    assert ed["version"] in footer and ed["licence_text_data"] in footer and ed["licence_code"] in footer
    assert "not yet published" in edition_footer({**ed, "corrections": ""})
    assert 'href="mailto:x@example.org"' in edition_footer({**ed, "corrections": "mailto:x@example.org"})
    linked = edition_footer(ed, lambda name: f"../{name}.html")
    assert '<a href="../book/changes.html">What changed</a>' in linked
    assert '<a href="../book/figures.html">figure finder</a>' in linked


@pytest.mark.site
def test_every_page_footer_links_to_the_finder_and_what_changed_from_where_it_is():
    from conftest import SITE

    pages = [p for p in SITE.rglob("*.html") if "_static" not in p.parts and p.name != "index.html"]
    assert pages, "no built site: run `make book` first"
    for page in pages:
        text = page.read_text()
        footer = text[text.index('class="edition-line"'):]
        for target in ("figures", "changes"):
            if page.resolve() == (SITE / "book" / f"{target}.html").resolve():
                continue                                   # the page itself
            href = re.search(rf'href="([^"]*\b{target}\.html)"', footer)
            assert href, f"{page}: the footer has no link to {target}"
            assert (page.parent / href.group(1)).resolve() == (SITE / "book" / f"{target}.html").resolve(), \
                f"{page}: {href.group(1)} does not lead to book/{target}.html"


def test_a_citation_that_does_not_match_the_config_stops_the_release(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("release", ROOT / "tools" / "release.py")
    release = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(release)
    monkeypatch.setattr(release, "ROOT", tmp_path)
    (tmp_path / "CITATION.cff").write_text("cff-version: 1.2.0\n")
    assert release.main([]) == 1


@pytest.mark.site
def test_every_page_shows_one_date_the_editions_and_the_support_line():
    """The footer once said 'Last updated on Dec 06, 2026' (the build day, in US style) above the
    edition's own date (new-user trial M9); and the support line set for the footer never rendered
    (L8). Read as a reader sees each built page: its text without scripts."""
    from bs4 import BeautifulSoup

    from conftest import SITE
    from csebook.edition import edition_words

    ed = edition()
    pages = [p for p in SITE.rglob("*.html") if "_static" not in p.parts]
    assert len(pages) > 15, "no built site: run `make book` first"
    for page in pages:
        soup = BeautifulSoup(page.read_text(), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "Refresh"}) and not soup.find("body"):
            continue                                    # index.html: only a redirect to the front page
        for tag in soup(["script", "style", "template"]):
            tag.decompose()
        where = page.relative_to(SITE)
        footers = " ".join(re.sub(r"\s+", " ", f.get_text(" ")) for f in soup.find_all("footer"))
        assert footers and "Last updated" not in footers, f"{where}: shows the build day"
        assert soup.find("meta", attrs={"name": "docbuild:last-update"}) is None, where
        footer = soup.find(class_="edition-line")
        assert footer is not None and edition_words(ed) in re.sub(r"\s+", " ", footer.get_text(" ")), \
            f"{where}: no edition line with the edition's date ({edition_words(ed)})"
        assert "Support: if a child is in immediate danger call 999" in footers, f"{where}: no support line"
