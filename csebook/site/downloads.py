"""What a reader downloads from the site: each chapter's notebook, the kit and the data package."""
from __future__ import annotations

KIT_FOLDER = "grooming-gangs-numbers"
KIT_MANIFEST = "KIT-FILES.txt"


def repository_files(root) -> list[str]:
    """The files of the repository: what git tracks, or, in an unzipped kit, the list it carries."""
    import subprocess

    listed = root / KIT_MANIFEST
    if (root / ".git").exists():
        out = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
        names = [n for n in out.decode().split("\0") if n]
    elif listed.exists():
        names = listed.read_text().split()
    else:
        raise FileNotFoundError(f"{root}: neither a git checkout nor an unzipped kit ({KIT_MANIFEST})")
    return sorted(n for n in names if (root / n).is_file())


def _reader_copies(app):
    """Reader and student copies of every chapter, built from the executed notebooks."""
    from pathlib import Path

    import nbformat

    from ..copies import book_index, make_copy
    from ..pages import chapter_sources, executed_path

    root = Path(app.srcdir)
    index = book_index(root)
    support = (root / "book" / "_support.md").read_text()
    copies = {}
    for source in chapter_sources(root):
        executed = nbformat.read(executed_path(source), as_version=4)
        for folder, student in (("notebooks", False), ("student", True)):
            nb = make_copy(executed, index=index, support=support, name=source.stem, student=student)
            copies[f"{folder}/{source.stem}.ipynb"] = nbformat.writes(nb).encode() + b"\n"
    return copies


def _write_downloads(app, exception):
    """What a reader downloads from the site:

    * each chapter's notebook (the download button): the reader copy, with its numbers pasted in,
      not the executed notebook whose prose holds glue placeholders;
    * book-kit.zip: the repository as it stands (its README's two commands build and test it),
      plus reader and student copies of every chapter, in one top-level folder;
    * data-package.zip: the whole data package, which validates on its own."""
    import hashlib
    import json
    import zipfile
    from pathlib import Path

    from ..pages import chapter_sources, executed_path

    if exception is not None or app.builder.name != "html":
        return
    root, out = Path(app.srcdir), Path(app.outdir)
    files = repository_files(root)
    # Everything the downloads are made from: the repository's files and the executed chapters.
    # When none changed and every download is as last written, a rebuild leaves them be.
    inputs = hashlib.sha256()
    for name in files + [str(executed_path(s).relative_to(root)) for s in chapter_sources(root)]:
        inputs.update(name.encode() + b"\0" + (root / name).read_bytes() + b"\0")
    stamp = out.parent / f".{out.name}-downloads.json"      # beside the site, not published in it
    last = json.loads(stamp.read_text()) if stamp.exists() else {}

    def digest(path: Path) -> str | None:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None

    if last.get("inputs") == inputs.hexdigest() and all(
            digest(out / name) == h for name, h in last.get("outputs", {}).items()):
        return
    copies = _reader_copies(app)
    written = ["book-kit.zip", "data-package.zip"]
    for name, data in copies.items():
        if name.startswith("notebooks/"):
            target = out / "_sources" / "book" / Path(name).name
            if target.exists():
                target.write_bytes(data)
                written.append(str(target.relative_to(out)))

    def add(kit, name, data):
        info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        kit.writestr(info, data)

    with zipfile.ZipFile(out / "book-kit.zip", "w") as kit:
        for name in files:
            add(kit, f"{KIT_FOLDER}/{name}", (root / name).read_bytes())
        for name, data in sorted(copies.items()):
            add(kit, f"{KIT_FOLDER}/{name}", data)
        add(kit, f"{KIT_FOLDER}/{KIT_MANIFEST}", ("\n".join(files) + "\n").encode())
    with zipfile.ZipFile(out / "data-package.zip", "w") as data:
        for name in files:
            if name.startswith("data/"):
                add(data, f"data-package/{name[len('data/'):]}", (root / name).read_bytes())
    stamp.write_text(json.dumps({"inputs": inputs.hexdigest(),
                                 "outputs": {name: digest(out / name) for name in written}}, indent=1))
