"""Helpers for the executable book on the numbers behind "grooming gangs".

Layers (nothing imports upward):
  paths, data, stats, limits, fmt, glue     -- loading with validation, arithmetic, formatting
  layout, style                             -- the one chart format: a narrow figure, inline SVG
  charts                                    -- chart builders on those
  widgets, display                          -- kernel-free widget builder and figure display
  chapters/<page>                           -- the numbers, charts and widgets one chapter's page needs
  pages, snapshot, copies, registry         -- the book's pages, their outputs as text, copies for
                                               use outside the site, and the widgets the chapters make
  site                                      -- the site build (a Sphinx extension, one module per job)
Chapter sources (book/*.md) sit on top: they tell the story and call these functions.
"""
__all__ = ["__version__"]
__version__ = "0.1.0"
