"""Helpers for the executable book on the numbers behind "grooming gangs".

Layers (nothing imports upward):
  paths, data, stats, fmt, style, glue      -- bottom: loading with validation, arithmetic, formatting
  charts                                    -- chart builders on the bottom layer
  widgets, display                          -- kernel-free widget builder and figure display on the charts
  chapters (police)                         -- the numbers and views one chapter needs
Notebooks sit on top: they tell the story and call these functions.
"""
__all__ = ["__version__"]
__version__ = "0.1.0"
