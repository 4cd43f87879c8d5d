"""The site is built from the executed notebooks, and only from current ones."""
from __future__ import annotations


def _use_executed_notebooks(app, config):
    """Chapters are written as MyST Markdown (`book/<name>.md`) and built from the notebooks the
    executor made of them (`book/<name>.ipynb`). Hide the sources from Sphinx, and stop the build
    if an executed notebook is missing or stale: the site only renders what the executor wrote
    from the current sources, helpers and data."""
    from pathlib import Path

    from sphinx.errors import ConfigError

    from .. import pages

    root = Path(app.srcdir)
    sources = pages.chapter_sources(root)
    config.exclude_patterns = list(config.exclude_patterns) + [str(s.relative_to(root)) for s in sources]
    behind = pages.stale(root)
    if behind:
        names = ", ".join(str(s.relative_to(root)) for s in behind)
        raise ConfigError(f"executed notebooks are missing or out of date for {names}: "
                          "run `make execute` (make book does this)")
