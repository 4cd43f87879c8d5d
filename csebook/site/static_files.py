"""Files the site serves itself: the chart font, and the static files kept current."""
from __future__ import annotations

FONT_FILES = {"DejaVuSans.ttf": "DejaVuSans.woff", "DejaVuSans-Bold.ttf": "DejaVuSans-Bold.woff",
              "DejaVuSans-Oblique.ttf": "DejaVuSans-Oblique.woff"}
# Latin text, punctuation, and the signs charts use (minus, times, arrows, less/greater or equal).
FONT_UNICODES = ([*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x2010, 0x2028), 0x2030, 0x2032, 0x2033,
                  *range(0x2190, 0x2194), 0x2212, 0x2248, 0x2260, 0x2264, 0x2265])


def _write_fonts(app, exception):
    """The font the charts were laid out with (matplotlib's DejaVu Sans), served by the site
    itself as a subset: chart text renders the same everywhere, and nothing comes from another host."""
    import logging
    from pathlib import Path

    import matplotlib
    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.ERROR)

    if exception is not None or app.builder.format != "html":
        return
    source = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    out = Path(app.outdir) / "_static" / "fonts"
    out.mkdir(parents=True, exist_ok=True)
    for ttf, woff in FONT_FILES.items():
        target = out / woff
        if target.exists():
            continue
        options = subset.Options()
        options.flavor = "woff"
        options.layout_features = ["kern", "liga"]
        options.name_IDs = ["*"]          # keep the copyright and licence notices the font carries
        options.name_languages = ["*"]
        font = subset.load_font(str(source / ttf), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=FONT_UNICODES)
        subsetter.subset(font)
        subset.save_font(font, str(target), options)


def _refresh_static_files(app, exception):
    """Copy changed static and extra files into the site. Sphinx copies them only when at least
    one page is rebuilt; a change to csebook.css alone would otherwise leave the old file live."""
    import filecmp
    import shutil
    from pathlib import Path

    if exception is not None or app.builder.format != "html":
        return
    conf, out = Path(app.confdir), Path(app.outdir)
    for folders, target in ((app.config.html_static_path, out / "_static"), (app.config.html_extra_path, out)):
        for folder in folders:
            source = conf / folder
            for path in (p for p in source.rglob("*") if p.is_file()):
                dest = target / path.relative_to(source)
                if not dest.exists() or not filecmp.cmp(path, dest, shallow=False):
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, dest)
