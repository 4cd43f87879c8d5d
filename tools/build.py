"""jupyter-book's command line, without a slow import it never uses.

jsonschema, when the package rfc3987-syntax is installed (jupyter-events requires it for
JupyterLab), imports it to check the "iri" string format, and that import compiles 39 grammars:
about two seconds on every build. jupyter-book's configuration schema uses no string formats, so
the import is blocked here; nothing else changes.

    python tools/build.py build . --warningiserror ...     (the arguments of `jupyter-book`)
"""
from __future__ import annotations

import sys

sys.modules["rfc3987_syntax"] = None     # an import of it now fails at once: jsonschema skips "iri"

from jupyter_book.cli.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
