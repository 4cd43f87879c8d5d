"""One chart style for the whole book: one width (csebook.layout), text no smaller than 11 points,
white background, a colour-blind-safe palette (Okabe and Ito), grey kept for 'unknown' and
'the rest'. Charts reach the page as inline SVG with real text (to_svg), which stays sharp at any
zoom and is set in the same font the layout was measured with (DejaVu Sans, served by the site)."""
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
BLACK = "#000000"
UNKNOWN = "#6b6b6b"      # white text on it: 5.3:1; 'unknown' / 'not recorded': always drawn, never dropped
REST = "#d9d9d9"         # the remainder of a total
TEXT = "#222222"

FIGSIZE = (4.2, 3.0)     # inches: the width is csebook.layout.FIG_WIDTH
DPI = 192                # for PNG exports: twice the page's 96 pixels to the inch

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
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "figure.titlesize": 12,
    "svg.fonttype": "none",
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


def to_svg(fig, alt: str, extra_class: str = "") -> str:
    """The figure as an inline SVG element, byte-for-byte reproducible. Closes it.

    Text stays text (set in DejaVu Sans, which the site serves), so it is sharp at any zoom, can be
    found with the browser's search, and is measured by the tests. The element is sized in CSS
    pixels (96 to the inch) and scales down to a narrow column (csebook.css). Ids are made unique
    to this figure (several share a page), and the figure is one image to assistive technology,
    named by its alt text."""
    import hashlib
    import html
    import re

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    width, height = fig.get_size_inches()
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = svg.replace('<style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style>', "")
    svg = re.sub(r"\s*<defs>\s*</defs>", "", svg)
    prefix = "f" + hashlib.sha256(svg.encode()).hexdigest()[:8]
    used = set(re.findall(r'url\(#([^)]+)\)', svg)) | set(re.findall(r'xlink:href="#([^"]+)"', svg))
    svg = re.sub(r' id="([^"]+)"', lambda m: f' id="{prefix}-{m.group(1)}"' if m.group(1) in used else "", svg)
    svg = re.sub(r'url\(#([^)]+)\)', lambda m: f"url(#{prefix}-{m.group(1)})", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'xlink:href="#{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r"\n\s*", "\n", svg).replace(" \n", "\n")
    css_w, css_h = round(width * 96), round(height * 96)
    svg = re.sub(r'<svg ([^>]*?)width="[^"]+" height="[^"]+"',
                 lambda m: f'<svg class="csb-chart{" " + extra_class if extra_class else ""}" role="img" '
                           f'aria-label="{html.escape(alt)}" '
                           f'{m.group(1)}width="{css_w}" height="{css_h}"', svg, count=1)
    return svg.strip()


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
