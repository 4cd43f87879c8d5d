"""One chart format for every screen: a narrow figure whose parts are stacked top to bottom.

Every chart is drawn FIG_WIDTH inches wide, which the page shows at its natural size (96 CSS
pixels to the inch) on a wide screen and scales down to the column on a phone. Text is never
smaller than MIN_FONT points, so on a phone 355 CSS pixels wide it is still at least 12 CSS
pixels tall (`phone_text_px`). Labels sit above the bars they name and wrap to the width, rather
than crowding a margin; `Layout` stacks the parts (title, text, bars, axes, legends) and sizes the
figure to fit them. `layout_problems` finds text that is too small, overlaps other text or runs
off the figure; charts.Chart refuses a figure that has any.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties
from matplotlib.transforms import Transform

FIG_WIDTH = 4.2          # inches: 403 CSS pixels at the page's 96 pixels to the inch
MIN_FONT = 11.0          # points
TITLE_FONT = 12.0
MARGIN = 0.1             # inches, left and right
CSS_PX_PER_INCH = 96
PHONE_COLUMN_PX = 342    # the narrowest column a figure is drawn in on a 390-pixel phone screen


def phone_text_px(points: float, width_in: float = FIG_WIDTH, column_px: float = PHONE_COLUMN_PX) -> float:
    """How tall text of `points` is, in CSS pixels, when a figure `width_in` wide is shown in a
    column `column_px` wide (never enlarged beyond its natural size)."""
    natural = width_in * CSS_PX_PER_INCH
    scale = min(1.0, column_px / natural)
    return points * CSS_PX_PER_INCH / 72 * scale


_RENDERER = RendererAgg(10, 10, 72)


def font(size: float, weight: str = "normal", style: str = "normal") -> FontProperties:
    return FontProperties(family="DejaVu Sans", size=size, weight=weight, style=style)


@lru_cache(maxsize=20_000)
def text_width(text: str, size: float = MIN_FONT, weight: str = "normal") -> float:
    """Width of one line of text, in inches (remembered: labels recur across a widget's states)."""
    w, _, _ = _RENDERER.get_text_width_height_descent(text, font(size, weight), ismath=False)
    return w / 72


def wrap(text: str, width: float, size: float = MIN_FONT, weight: str = "normal") -> list[str]:
    """Break text into lines no wider than `width` inches (a word longer than that stands alone)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and text_width(candidate, size, weight) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def line_height(size: float) -> float:
    """Height of one line of text, in inches (1.25 times the font size)."""
    return size * 1.25 / 72


@dataclass
class _Block:
    height: float
    draw: Callable      # draw(fig, bottom, layout): bottom is the block's lower edge in inches


class Layout:
    """Parts stacked top to bottom, each spanning the width; `figure()` draws them."""

    def __init__(self, width: float = FIG_WIDTH):
        self.width = width
        self.inner = width - 2 * MARGIN
        self.blocks: list[_Block] = []

    # -- measurements -----------------------------------------------------------------------
    def x(self, inches: float) -> float:
        return inches / self.width

    # -- parts ------------------------------------------------------------------------------
    def gap(self, height: float = 0.08) -> "Layout":
        self.blocks.append(_Block(height, lambda fig, bottom, lay: None))
        return self

    def text(self, text: str, *, size: float = MIN_FONT, color: str = "#222222", weight: str = "normal",
             style: str = "normal", indent: float = 0.0) -> "Layout":
        """A paragraph, wrapped to the width (less `indent` inches)."""
        lines = wrap(text, self.inner - indent, size, weight)
        height = line_height(size) * len(lines) + 0.02

        def draw(fig, bottom, lay):
            fig.text(lay.x(MARGIN + indent), (bottom + height) / fig.get_figheight(), "\n".join(lines),
                     ha="left", va="top", fontsize=size, color=color, fontweight=weight, fontstyle=style,
                     linespacing=1.25)
        self.blocks.append(_Block(height, draw))
        return self

    def title(self, text: str) -> "Layout":
        self.text(text, size=TITLE_FONT, weight="bold")
        return self.gap(0.06)

    def _strip(self, height: float, left: float, right: float, bottom: float, top: float) -> Callable:
        """Where a block spanning the width, inset by margins in inches, sits in the figure: a
        function of the figure and the block's lower edge, giving (left, bottom, width, height)
        as fractions of the figure."""
        def rect(fig, lower):
            h = fig.get_figheight()
            return (self.x(MARGIN + left), (lower + bottom) / h, self.x(self.inner - left - right),
                    (height - bottom - top) / h)
        return rect

    def axes(self, height: float, draw: Callable, *, left: float = 0.0, right: float = 0.0,
             bottom: float = 0.0, top: float = 0.0) -> "Layout":
        """An axes spanning the width, inset by margins in inches (room for tick labels);
        `draw(ax)` fills it."""
        rect = self._strip(height, left, right, bottom, top)
        self.blocks.append(_Block(height, lambda fig, lower, lay: draw(fig.add_axes(rect(fig, lower)))))
        return self

    def band(self, height: float, draw: Callable, *, left: float = 0.0, right: float = 0.0) -> "Layout":
        """A strip spanning the width (inset by margins in inches) with no axis drawn: bars,
        intervals, markers. `draw(band)` fills it through a `Band`, which takes the few Axes
        calls such strips make, and draws straight onto the figure. (Making an Axes costs about
        20 ms: its axes, ticks and spines, unused where no axis is shown. A chart with a dozen
        bars made a dozen.)"""
        rect = self._strip(height, left, right, 0.0, 0.0)
        self.blocks.append(_Block(height, lambda fig, lower, lay: draw(Band(fig, rect(fig, lower)))))
        return self

    def legend(self, items: list[tuple[str, str]], *, size: float = MIN_FONT) -> "Layout":
        """Colour swatches with their names, as many to a row as fit the width."""
        swatch, pad = 0.16, 0.1
        rows, row, used = [], [], 0.0
        for name, colour in items:
            w = swatch + 0.05 + text_width(name, size) + pad
            if row and used + w > self.inner:
                rows.append(row)
                row, used = [], 0.0
            row.append((name, colour, w))
            used += w
        if row:
            rows.append(row)
        lh = line_height(size) + 0.04
        height = lh * len(rows)

        def draw(fig, bottom, lay):
            from matplotlib.patches import Rectangle

            h = fig.get_figheight()
            for r, entries in enumerate(rows):
                y = bottom + height - (r + 0.5) * lh
                x = MARGIN
                for name, colour, w in entries:
                    fig.patches.append(Rectangle((lay.x(x), (y - swatch / 2) / h), lay.x(swatch), swatch / h,
                                                 transform=fig.transFigure, facecolor=colour, edgecolor="none"))
                    fig.text(lay.x(x + swatch + 0.05), y / h, name, ha="left", va="center", fontsize=size)
                    x += w
        self.blocks.append(_Block(height, draw))
        return self

    def figure(self):
        from .style import new_figure

        height = sum(b.height for b in self.blocks) + 0.12
        fig = new_figure((self.width, height))
        top = height - 0.06
        for block in self.blocks:
            top -= block.height
            block.draw(fig, top, self)
        return fig


class _ToBand(Transform):
    """A band's data coordinates to figure fractions, read from the band's limits and scale when
    drawn (the pixels follow from the figure's own transform, so a change of resolution is
    honoured). `whole_height`: y runs from 0 to 1 over the band, whatever its limits."""
    input_dims = output_dims = 2
    is_separable = True

    def __init__(self, band: "Band", whole_height: bool = False):
        super().__init__()
        self.band, self.whole_height = band, whole_height

    def transform_non_affine(self, values):
        import numpy as np

        b = self.band
        v = np.asarray(values, dtype=float).reshape(-1, 2)
        (x0, x1), (y0, y1) = b.xlim, b.ylim
        if b.xscale == "log":
            fx = (np.log10(v[:, 0]) - np.log10(x0)) / (np.log10(x1) - np.log10(x0))
        else:
            fx = (v[:, 0] - x0) / (x1 - x0)
        fy = v[:, 1] if self.whole_height else (v[:, 1] - y0) / (y1 - y0)
        left, bottom, width, height = b.rect
        return np.column_stack([left + fx * width, bottom + fy * height])


class Band:
    """A strip of a figure drawn as an axes would draw it, without one: limits (linear or log in
    x), then lines, markers, bars, patches and text in the strip's data coordinates, clipped to
    the strip, added to the figure itself. Only the calls the book's strips make; anything else
    is an AttributeError."""

    def __init__(self, fig, rect: tuple[float, float, float, float]):
        from matplotlib.transforms import Bbox, TransformedBbox

        self.fig, self.rect = fig, rect
        self.xlim, self.ylim, self.xscale = (0.0, 1.0), (0.0, 1.0), "linear"
        self.transData = _ToBand(self) + fig.transFigure
        self._whole_height = _ToBand(self, whole_height=True) + fig.transFigure
        self._clip = TransformedBbox(Bbox.from_bounds(*rect), fig.transFigure)

    def set_xlim(self, low: float, high: float) -> None:
        self.xlim = (low, high)

    def set_ylim(self, low: float, high: float) -> None:
        self.ylim = (low, high)

    def set_xscale(self, scale: str) -> None:
        if scale not in ("linear", "log"):
            raise ValueError(f"a band's x scale is linear or log, not {scale!r}")
        self.xscale = scale

    def _add(self, artist, transform=None):
        artist.set_transform(transform or self.transData)
        self.fig.add_artist(artist)
        artist.set_clip_box(self._clip)
        return artist

    def add_patch(self, patch):
        return self._add(patch)

    def plot(self, xs, ys, fmt: str = "", **kwargs):
        from matplotlib.axes._base import _process_plot_format
        from matplotlib.lines import Line2D

        linestyle, marker, colour = _process_plot_format(fmt) if fmt else (None, None, None)
        if marker is not None and linestyle is None:
            linestyle = "None"
        style = {k: v for k, v in (("linestyle", linestyle), ("marker", marker), ("color", colour)) if v is not None}
        return self._add(Line2D(list(xs), list(ys), **{**style, **kwargs}))

    def axvline(self, x: float, **kwargs):
        """A vertical line over the band's whole height."""
        from matplotlib.lines import Line2D

        return self._add(Line2D([x, x], [0, 1], **kwargs), self._whole_height)

    def barh(self, y: float, width: float, *, left: float = 0.0, height: float = 0.8, color=None,
             linewidth: float = 0.0):
        from matplotlib.patches import Rectangle

        return self._add(Rectangle((left, y - height / 2), width, height, facecolor=color, edgecolor="none",
                                   linewidth=linewidth))

    def text(self, x: float, y: float, s: str, **kwargs):
        from matplotlib.text import Text

        return self._add(Text(x, y, s, **kwargs))


OFF_FIGURE_TOLERANCE = 0.5 / 192     # inches: text may reach this far past the figure's edge
OVERLAP_TOLERANCE = 1 / 192          # inches: texts may touch by this much


def _artists(artist):
    """The artist and everything in it, as Artist.findobj walks them, except that an axis gives the
    ticks it has made: asking it for its children makes a tick for every location (hundreds on a
    log axis's minor ticks), which took most of the time of checking a chart."""
    from matplotlib.axis import Axis

    yield artist
    if isinstance(artist, Axis):
        children = [artist.label, artist.offsetText, *artist.majorTicks, *artist.minorTicks]
    else:
        children = artist.get_children()
    for child in children:
        yield from _artists(child)


def layout_problems(fig, renderer=None) -> list[str]:
    """Text smaller than MIN_FONT, text outside the figure, and text overlapping other text.
    Measured with `renderer` when a draw hands one over (charts.Chart checks the draw that writes
    its SVG), else after laying the figure out without rasterising it."""
    if renderer is None:
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()
    box = fig.bbox
    off, touch = OFF_FIGURE_TOLERANCE * fig.dpi, OVERLAP_TOLERANCE * fig.dpi
    # an axis keeps label objects for ticks outside its view, and a hidden axis for all of them;
    # neither is drawn: skip those
    all_tick_labels, drawn_tick_labels = set(), set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            # the ticks the axis has made (asking for all of them would make one per location:
            # hundreds on a log axis's minor ticks)
            for tick in list(axis.majorTicks) + list(axis.minorTicks):
                all_tick_labels |= {id(tick.label1), id(tick.label2)}
            if not (ax.axison and axis.get_visible()):
                continue
            for tick in axis._update_ticks():
                drawn_tick_labels |= {id(tick.label1), id(tick.label2)}
    texts = []
    for t in _artists(fig):
        if not (hasattr(t, "get_text") and hasattr(t, "get_window_extent")):
            continue
        if not t.get_visible() or not t.get_text().strip() or not getattr(t, "figure", None):
            continue
        if id(t) in all_tick_labels and id(t) not in drawn_tick_labels:
            continue
        texts.append(t)
    problems = []
    extents = []
    for t in texts:
        label = t.get_text().replace("\n", " ")[:40]
        if t.get_fontsize() < MIN_FONT - 1e-9:
            problems.append(f"text smaller than {MIN_FONT:g} pt ({t.get_fontsize():g}): {label!r}")
        e = t.get_window_extent(renderer)
        if e.x0 < box.x0 - off or e.y0 < box.y0 - off or e.x1 > box.x1 + off or e.y1 > box.y1 + off:
            problems.append(f"text runs off the figure: {label!r}")
        extents.append((label, e))
    for i in range(len(extents)):
        for j in range(i + 1, len(extents)):
            (a, ea), (b, eb) = extents[i], extents[j]
            overlap_x = min(ea.x1, eb.x1) - max(ea.x0, eb.x0)
            overlap_y = min(ea.y1, eb.y1) - max(ea.y0, eb.y0)
            if overlap_x > touch and overlap_y > touch:
                problems.append(f"texts overlap: {a!r} and {b!r}")
    return problems
