"""The data package, for the hooks that read it while the site is built."""
from __future__ import annotations


def build_package(app):
    """The data package, loaded once per build (every glued number on every page looks its rows
    up in it; loading it for each would take most of a clean build)."""
    from ..data import load_package

    package = getattr(app, "_csebook_package", None)
    if package is None:
        package = app._csebook_package = load_package()
    return package
