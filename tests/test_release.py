"""Citable: the citation file, the licence and the footer line all say what _config.yml says."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import ROOT
from csebook.edition import book_citation, book_title, citation_cff, edition, edition_words, licence_statement
from csebook.site.edition_text import edition_footer


def test_the_citation_file_is_the_one_written_from_the_config():
    assert (ROOT / "CITATION.cff").read_text() == citation_cff(), \
        "CITATION.cff differs from _config.yml: run `python tools/release.py --citation`"
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    ed = edition()
    assert (cff["version"], str(cff["date-released"]), cff["authors"][0]["name"]) == (
        ed["version"], ed["date"], ed["editors"])


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_one_licence_statement_heads_the_licence_file_and_sits_in_the_data_package():
    """The same words on the site, in the kit (LICENSE), in the PDF and in the data package; the
    data package and CITATION.cff name the licence of text and data by the same identifier, and the
    data package carries the edition (new-user trial M8: it said OGL-UK-3.0, with no edition)."""
    import json

    ed = edition()
    statement = licence_statement(ed)
    assert squeeze((ROOT / "LICENSE").read_text()).startswith(statement), \
        "LICENSE does not start with the licence statement: run `python tools/release.py --citation`"
    package = json.loads((ROOT / "data" / "datapackage.json").read_text())
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert package["version"] == ed["version"]
    assert [lic["name"] for lic in package["licenses"]] == [cff["license"]] == ["CC-BY-4.0"]
    assert package["licenses"][0]["path"] == ed["licence_text_data_url"]
    assert package["licence_statement"] == statement
    assert "Open Government Licence v3.0" in statement


def test_the_files_written_from_the_config_are_rewritten_by_release_citation(tmp_path, monkeypatch):
    """A new edition in _config.yml: the release stops until `--citation` rewrites the citation,
    the head of LICENSE and the data package; then they carry the new edition and stay put."""
    import json

    release = release_module(tmp_path, monkeypatch)
    copy_of_the_edition(tmp_path)
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["sphinx"]["config"]["csebook_edition"]["version"] = "2099.1.1"
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(config))
    assert release.main([]) == 1
    assert release.main(["--citation"]) == 0
    assert json.loads((tmp_path / "data" / "datapackage.json").read_text())["version"] == "2099.1.1"
    assert 'version: "2099.1.1"' in (tmp_path / "CITATION.cff").read_text()
    assert squeeze((tmp_path / "LICENSE").read_text()).startswith(licence_statement(edition(tmp_path)))
    assert "Permission is hereby granted" in (tmp_path / "LICENSE").read_text()
    readme = (tmp_path / "README.md").read_text()
    assert "**Edition 2099.1.1 (" in readme and "Edition 2099.1.1, " in readme
    assert readme.count("2099.1.1") == 2, "the README names the edition once and cites it once"
    assert release.written_from_config() == {p: p.read_text() for p in release.written_from_config()}


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


def release_module(root, monkeypatch):
    """tools/release.py with its ROOT (where it reads _config.yml and writes) set to `root`."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("release", ROOT / "tools" / "release.py")
    release = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(release)
    monkeypatch.setattr(release, "ROOT", root)
    return release


def copy_of_the_edition(root):
    """A copy of what the release reads and checks: the config and the files written from it."""
    import shutil

    (root / "data").mkdir(exist_ok=True)
    for name in ("_config.yml", "CITATION.cff", "LICENSE", "data/datapackage.json", "README.md"):
        shutil.copyfile(ROOT / name, root / name)


def test_a_citation_that_does_not_match_the_config_stops_the_release(tmp_path, monkeypatch, capsys):
    release = release_module(tmp_path, monkeypatch)
    copy_of_the_edition(tmp_path)
    (tmp_path / "CITATION.cff").write_text("cff-version: 1.2.0\n")
    assert release.main([]) == 1
    assert "CITATION.cff does not match _config.yml" in capsys.readouterr().err


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


@pytest.mark.site
def test_the_site_states_the_licences_in_the_same_words_and_every_footer_links_to_them():
    from bs4 import BeautifulSoup

    from conftest import SITE

    statement = licence_statement(edition())
    reproduce = SITE / "book" / "reproduce.html"
    soup = BeautifulSoup(reproduce.read_text(), "html.parser")
    label = soup.find(id="sec-licences")
    assert label is not None, "the reproduce page has no Licences section"
    section = label.find_parent("section")
    shown = squeeze(section.get_text(" ")).replace("\u2019", "'")     # the site sets apostrophes curly
    assert section.find("h2").get_text().startswith("Licences") and statement in shown, \
        "the Licences section does not give the statement"
    pages = [p for p in SITE.rglob("*.html") if "_static" not in p.parts and p.name != "index.html"]
    for page in pages:
        footer = BeautifulSoup(page.read_text(), "html.parser").find(class_="edition-line")
        links = [a["href"] for a in footer.find_all("a") if a["href"].endswith("#sec-licences")]
        assert links, f"{page}: the footer does not link to the licences"
        target = page if links[0].startswith("#") else page.parent / links[0].split("#")[0]
        assert target.resolve() == reproduce.resolve(), (page, links[0])


def test_the_readme_states_the_edition_and_how_to_cite_the_book_as_the_config_does():
    """New-user trial L6 and M6: the README never said which edition it is, nor how to cite it."""
    from csebook.edition import readme_text

    ed, readme = edition(), (ROOT / "README.md").read_text()
    assert f"**{edition_words(ed)}**" in readme
    block = readme.split("## How to cite", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0]
    assert block == book_citation(ed, book_title())
    assert ed["editors"] in block and ed["version"] in block and "The kit of this edition" in block
    assert readme_text(ed, book_title(), readme) == readme, "run `python tools/release.py --citation`"
    assert book_citation({**ed, "site": "https://example.org/book/"}, "T").endswith(". https://example.org/book.")


@pytest.mark.site
def test_the_front_page_gives_the_line_to_cite_the_book():
    from bs4 import BeautifulSoup

    from conftest import SITE

    soup = BeautifulSoup((SITE / "book" / "intro.html").read_text(), "html.parser")
    section = next(s for s in soup.find_all("section") if s.find("h2") and
                   s.find("h2").get_text().startswith("How to cite"))
    shown = re.sub("[\u2018\u2019]", "'", squeeze(section.get_text(" ")))     # the site curls quotes
    assert book_citation(edition(), book_title()) in shown


def test_an_edition_without_a_corrections_address_is_not_released(tmp_path, monkeypatch, capsys):
    """Issue 24: readers need somewhere to send a correction. The address is left to the editors,
    so the release stops, saying what to set; with an address set (in a copy of the config) the
    same edition is released."""
    import zipfile

    release = release_module(tmp_path, monkeypatch)
    copy_of_the_edition(tmp_path)
    assert not edition(tmp_path).get("corrections"), "the committed config has an address: update this test"
    assert release.main([]) == 1
    said = capsys.readouterr().err
    assert "no corrections address" in said and "csebook_edition.corrections" in said
    site = tmp_path / "_build" / "html"
    site.mkdir(parents=True)
    (site / "index.html").write_text("<p>the site</p>")
    for name in ("book-kit.zip", "data-package.zip"):
        zipfile.ZipFile(site / name, "w").close()
    (tmp_path / "_build" / "pdf").mkdir()
    (tmp_path / "_build" / "pdf" / "book.pdf").write_bytes(b"%PDF-1.4")
    assert release.main([]) == 1, "a built edition without an address must still not be released"
    config = yaml.safe_load((tmp_path / "_config.yml").read_text())
    config["sphinx"]["config"]["csebook_edition"]["corrections"] = "corrections@example.org"
    (tmp_path / "_config.yml").write_text(yaml.safe_dump(config))
    assert release.main([]) == 0, capsys.readouterr().err
    version = edition(tmp_path)["version"]
    assert (tmp_path / "_build" / "release" / version / f"{release.SLUG}-{version}.pdf").exists()


def test_the_report_a_correction_page_and_footer_say_where_to_send_a_report_or_that_none_is_published():
    from csebook.site.edition_text import corrections_text

    ed = edition()
    none = corrections_text({**ed, "corrections": ""})
    assert "No corrections address is published yet" in none and "sec-changes" in none
    assert "[x@example.org](mailto:x@example.org)" in corrections_text({**ed, "corrections": "x@example.org"})
    assert "(https://example.org/report)" in corrections_text({**ed, "corrections": "https://example.org/report"})
    footer = edition_footer({**ed, "corrections": ""}, lambda name: f"../{name}.html")
    assert '<a href="../book/corrections.html">how to report one</a>' in footer


@pytest.mark.site
def test_the_finder_page_carries_no_reports_only_the_address_they_are_written_for():
    """A report is written by the page's script from a row when the reader asks; the page itself
    carries the corrections address once (empty until the editors publish one)."""
    from bs4 import BeautifulSoup

    from conftest import SITE

    markup = (SITE / "book" / "figures.html").read_text()
    assert "Correction report" not in markup and "finder-report" not in markup
    lists = BeautifulSoup(markup, "html.parser").select("div.finder-list")
    assert len(lists) == 1 and lists[0]["data-corrections"] == (edition().get("corrections") or "")
    assert markup.count("csebook-finder.js") == 1, "the finder's script is loaded more than once"
