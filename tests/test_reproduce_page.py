"""The reproduce page does what it says where a reader follows it (new-user trial L7): it does not
send the reader to itself, and its command to validate the data package works in the folder where
data-package.zip is unzipped (it named no folder, and run there it failed)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import SITE

pytestmark = pytest.mark.site


def page(name: str) -> BeautifulSoup:
    path = SITE / "book" / f"{name}.html"
    if not path.exists():
        pytest.fail("no built site: run `make book` first")
    return BeautifulSoup(path.read_text(), "html.parser")


def test_the_reproduce_page_does_not_send_the_reader_to_itself():
    soup = page("reproduce")
    article = soup.find("article") or soup
    text = re.sub(r"\s+", " ", article.get_text(" "))
    assert "reproduce page" not in text.lower()
    to_itself = [a["href"] for a in article.find_all("a", href=True)
                 if a["href"].split("#")[0] in ("reproduce.html", "#", "")
                 and a["href"] != "#" and "headerlink" not in (a.get("class") or [])]
    assert not to_itself, to_itself


@pytest.mark.parametrize("name", ["reproduce", "sources"])
def test_the_validate_command_a_page_gives_works_where_the_data_package_is_unzipped(name, tmp_path):
    commands = {c.get_text() for c in page(name).find_all("code") if "frictionless validate" in c.get_text()}
    assert len(commands) == 1, commands
    command = commands.pop().split()
    with zipfile.ZipFile(SITE / "data-package.zip") as z:
        z.extractall(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "INVALID" not in run.stdout and "VALID" in run.stdout
