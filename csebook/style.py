"""One chart style for the whole book: fixed size and resolution, white background,
a colour-blind-safe palette (Okabe and Ito), and grey kept for 'unknown' and 'the rest'."""
from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# Okabe-Ito palette: distinguishable with the common forms of colour-vision deficiency.
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#000000"
UNKNOWN = "#6b6b6b"      # white text on it: 5.3:1; 'unknown' / 'not recorded': always drawn, never dropped
REST = "#d9d9d9"         # the remainder of a total
TEXT = "#222222"

FIGSIZE = (7.0, 4.0)     # inches
DPI = 110

RC = {
    "figure.figsize": FIGSIZE,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.facecolor": "white",
    "axes.edgecolor": TEXT,
    "axes.labelcolor": TEXT,
    "text.color": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "csebook",
    "path.simplify": True,
}


def use_book_style() -> None:
    """Apply the book's style to matplotlib (idempotent)."""
    plt.rcParams.update(RC)


def new_figure(figsize: tuple[float, float] = FIGSIZE):
    use_book_style()
    return plt.figure(figsize=figsize)


def to_png(fig) -> bytes:
    """The figure as PNG bytes, byte-for-byte reproducible (no software or date metadata). Closes it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
