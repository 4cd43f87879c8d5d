"""Every kernel-free widget in the book, found rather than listed.

A widget is made by a chapter module's function whose name ends in `_widget` (taking the data
package, or nothing). `widgets()` builds them all, keyed by widget id; `WIDGET_DIV` finds which
widgets a built page shows. The site tests match the two, so a page's widgets are always checked
against the Python functions that drew them, with no hand-kept list to fall out of step."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

from .data import Package
from .widgets import StaticWidget

WIDGET_DIV = re.compile(r'<div class="csb-widget" id="(csb-[0-9a-f]+)"')


def factories() -> dict[str, object]:
    """'module.function' -> the function, for every widget factory in csebook.chapters."""
    from . import chapters

    found = {}
    for info in pkgutil.iter_modules(chapters.__path__):
        module = importlib.import_module(f"{chapters.__name__}.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.endswith("_widget") and fn.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = fn
    return found


def widgets(package: Package) -> dict[str, StaticWidget]:
    """Every widget the chapter modules can make, by widget id."""
    out = {}
    for name, fn in factories().items():
        widget = fn(package) if inspect.signature(fn).parameters else fn()
        out[widget.widget_id] = widget
    return out

