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
    """The figure as PNG bytes, byte-for-byte reproducible (no software or date metadata). Closes it.

    Charts in this style use fewer than 256 colours (anti-aliasing included), so the PNG is stored
    with an exact palette of those colours: lossless, and about a third of the size, which keeps
    pages with many precomputed widget states light. A figure with more colours gets the 256
    colours that median cut picks (still deterministic). The pixels come straight from the
    renderer (raw RGBA), so nothing is encoded and decoded twice: widget grids render faster."""
    from PIL import Image
    import numpy as np

    buffer = io.BytesIO()
    fig.savefig(buffer, format="rgba", dpi=DPI)
    width, height = fig.canvas.get_width_height(physical=True)
    plt.close(fig)
    rgba = np.frombuffer(buffer.getvalue(), dtype=np.uint8).reshape(height, width, 4)
    pixels = rgba[..., :3].astype(np.uint32)   # the figure background is opaque white
    packed = (pixels[..., 0] << 16) | (pixels[..., 1] << 8) | pixels[..., 2]   # one integer per colour
    palette, index = np.unique(packed.ravel(), return_inverse=True)
    if len(palette) > 256:
        # rare (many anti-aliased colour pairs): a 256-colour median-cut palette, deterministic
        # and visually indistinguishable at this size
        quantized = Image.fromarray(np.ascontiguousarray(rgba[..., :3]), mode="RGB").quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        out = io.BytesIO()
        quantized.save(out, format="PNG", optimize=True)
        return out.getvalue()
    indexed = Image.fromarray(index.reshape(packed.shape).astype(np.uint8), mode="P")
    indexed.putpalette(np.stack([palette >> 16, (palette >> 8) & 255, palette & 255], axis=1)
                       .astype(np.uint8).ravel().tolist())
    out = io.BytesIO()
    indexed.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- contrast and colour-vision checks ------------------------------------------------------------
# Every colour a chart fills with, so tests can check text on it and its distinctness under
# colour-vision deficiency.
PALETTE = {"blue": BLUE, "orange": ORANGE, "sky": SKY, "green": GREEN, "vermillion": VERMILLION,
           "purple": PURPLE, "unknown": UNKNOWN, "rest": REST}


def _linear(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance."""
    r, g, b = _linear(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever contrasts more with the background: labels on bars use this."""
    return "#000000" if contrast("#000000", background) >= contrast("#ffffff", background) else "#ffffff"
