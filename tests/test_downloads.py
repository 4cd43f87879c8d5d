"""The site's downloads (book-kit.zip, data-package.zip, the chapters' reader copies) are written
again when what they are made of changed, or when one of them is not as last written, and only
then: a rebuild with nothing changed leaves them be."""
from __future__ import annotations

import shutil
import zipfile
from types import SimpleNamespace

from conftest import ROOT
from csebook.pages import chapter_sources, executed_path
from csebook.site import downloads


def repository_copy(tmp_path):
    """The repository's files and executed chapters, in a folder that is not a git checkout (as an
    unzipped kit is: it lists its files)."""
    root = tmp_path / "repo"
    files = downloads.repository_files(ROOT)
    for name in files + [str(executed_path(s).relative_to(ROOT)) for s in chapter_sources(ROOT)]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / name, root / name)
    (root / downloads.KIT_MANIFEST).write_text("\n".join(files) + "\n")
    return root


def test_downloads_are_rewritten_when_their_inputs_or_outputs_changed_and_only_then(tmp_path):
    root, out = repository_copy(tmp_path), tmp_path / "site"
    out.mkdir()
    app = SimpleNamespace(srcdir=str(root), outdir=str(out), builder=SimpleNamespace(name="html"))
    kit, data = out / "book-kit.zip", out / "data-package.zip"
    downloads._write_downloads(app, None)
    written = kit.stat().st_mtime_ns
    downloads._write_downloads(app, None)
    assert kit.stat().st_mtime_ns == written, "nothing changed, yet the kit was written again"
    data.write_bytes(b"not a zip")                      # a download not as last written
    downloads._write_downloads(app, None)
    assert zipfile.is_zipfile(data)
    figures = root / "data" / "figures.csv"             # an input changed
    figures.write_bytes(figures.read_bytes() + b"\n")
    downloads._write_downloads(app, None)
    with zipfile.ZipFile(kit) as z:
        assert z.read(f"{downloads.KIT_FOLDER}/data/figures.csv") == figures.read_bytes()
    with zipfile.ZipFile(data) as z:
        assert z.read("data-package/figures.csv") == figures.read_bytes()
