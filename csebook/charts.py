"""Chart builders. Each returns a Chart: the figure, its alt text (which states the numbers
drawn), and those numbers as text, so tests can check that the alt text carries them."""
from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.patches import Polygon

from . import fmt, stats
from .layout import FIG_WIDTH, MIN_FONT, Layout, layout_problems, text_width
from .style import BLACK, BLUE, ORANGE, REST, SKY, UNKNOWN, VERMILLION, text_on, to_svg


@dataclass
class Chart:
    """A drawn figure in the book's one format, its alt text, and the numbers it draws.

    Refused: alt text that leaves out a number drawn; a figure not FIG_WIDTH wide; text smaller
    than MIN_FONT, running off the figure, or overlapping other text (csebook.layout)."""

    fig: object
    alt: str
    numbers: list[str] = field(default_factory=list)

    def __post_init__(self):
        try:
            self._svg = self._drawn_and_checked()
        except ValueError:
            import matplotlib.pyplot as plt

            plt.close(self.fig)       # a refused chart is not left open
            raise

    def _drawn_and_checked(self) -> str:
        """The chart as inline SVG, refused if it breaks a rule. The layout is checked on the same
        draw that writes the SVG (matplotlib's draw event hands over its renderer), so each chart
        is drawn once."""
        missing = [n for n in self.numbers if n not in self.alt]
        if missing:
            raise ValueError(f"alt text leaves out numbers drawn on the chart: {missing}")
        width = self.fig.get_figwidth()
        if abs(width - FIG_WIDTH) > 1e-6:
            raise ValueError(f"a chart is {FIG_WIDTH} inches wide (the book's one format), not {width:g}")
        problems: list[str] = []
        listening = self.fig.canvas.mpl_connect(
            "draw_event", lambda event: problems.extend(layout_problems(self.fig, event.renderer)))
        try:
            svg = to_svg(self.fig, self.alt)
        finally:
            self.fig.canvas.mpl_disconnect(listening)
        if problems:
            raise ValueError(f"chart '{self.alt[:60]}': " + "; ".join(problems))
        return svg

    def svg(self) -> str:
        """The chart as inline SVG."""
        return self._svg


# -- shared parts: bars and a percentage axis that line up across a chart ---------------------------
BAR_INSET = 0.2          # inches left and right of every bar, so the axis's end labels fit
BAR_HEIGHT = 0.24        # inches


def bar_width(layout: Layout) -> float:
    return layout.inner - 2 * BAR_INSET


def fits_inside(label: str, share: float, layout: Layout, xmax: float = 1.0) -> bool:
    """Whether a label fits inside a bar segment of `share` (of an axis running to xmax)."""
    return text_width(label) + 0.08 <= share / xmax * bar_width(layout)


def bar_row(layout: Layout, parts: list[tuple[float, float, str, str]], *, xmax: float = 1.0,
            height: float = BAR_HEIGHT) -> Layout:
    """One horizontal bar: parts as (start, length, colour, label); a label is drawn inside its
    part when it fits (callers say elsewhere what does not fit)."""
    def draw(ax):
        ax.set_xlim(0, xmax)
        ax.set_ylim(0, 1)
        for start, length, colour, label in parts:
            if length <= 0:
                continue
            ax.barh(0.5, length, left=start, height=1.0, color=colour, linewidth=0)
            if label and fits_inside(label, length, layout, xmax):
                ax.text(start + length / 2, 0.5, label, ha="center", va="center", fontsize=MIN_FONT,
                        color=text_on(colour))
    return layout.band(height, draw, left=BAR_INSET, right=BAR_INSET)


def percent_axis(layout: Layout, label: str = "", *, xmax: float = 1.0, ticks=None) -> Layout:
    """A horizontal axis in percent, aligned with the bars above it, its label (wrapped) below."""
    ticks = ticks if ticks is not None else [xmax * k / 4 for k in range(5)]
    height = 0.3

    def draw(ax):
        ax.set_xlim(0, xmax)
        ax.set_yticks([])
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        ax.set_xticks(ticks)
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    layout.axes(height, draw, left=BAR_INSET, right=BAR_INSET, bottom=height - 0.02)
    if label:
        layout.text(label, indent=BAR_INSET)
    return layout


def log_axis(layout: Layout, lo: float, hi: float, ticks: list[float]) -> Layout:
    """A horizontal log-scale axis aligned with the bars above it, ticks labelled as counts
    (0.1, 1, 10, 1,000)."""
    labels = [fmt.count(t) if t >= 1 else f"{t:g}" for t in ticks]

    def draw(ax):
        ax.set_xscale("log")
        ax.set_xlim(lo, hi)
        ax.set_yticks([])
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        ax.set_xticks(ticks, labels)
        ax.minorticks_off()
    layout.axes(0.3, draw, left=BAR_INSET, right=BAR_INSET, bottom=0.28)
    return layout


def unlabelled(parts: list[tuple[str, float, str]], layout: Layout, share_text, xmax: float = 1.0) -> list[str]:
    """'name share' for each part too narrow to carry its label inside the bar."""
    return [f"{name} {share_text(share)}" for name, share, _ in parts
            if share > 0 and not fits_inside(share_text(share), share, layout, xmax)]


def plot_block(layout: Layout, draw, *, height: float = 1.9, ylabel: str = "", xlabel: str = "",
               left: float = 0.5, right: float = 0.2) -> Layout:
    """An ordinary plot (lines, points) spanning the width: its y-axis label as a line of text above
    it, its x-axis label below, so neither crowds a margin on a narrow screen."""
    if ylabel:
        layout.text(ylabel)
    layout.axes(height, draw, left=left, right=right, bottom=0.32, top=0.14)
    if xlabel:
        layout.text(xlabel, indent=left)
    return layout


ILLUSTRATION = "Illustration, not data"


def stamp(layout: Layout) -> Layout:
    """Mark an illustrative chart as such, on the image itself, above everything else."""
    from .style import VERMILLION as RED

    layout.text(ILLUSTRATION, weight="bold", color=RED)
    return layout


# -- builders ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Level:
    """One level of a nested definition: its name and how many it counts."""

    label: str
    count: int


def nesting_chart(levels: list[Level], *, title: str, unit: str = "offences") -> Chart:
    """Each level below the first as a share of the one above: a grey bar for the level above,
    this level's part in colour, and a funnel from that part to the next bar, which stands for it
    drawn full width."""
    if len(levels) < 2:
        raise ValueError("a nesting chart needs at least two levels")
    colours = [ORANGE, VERMILLION, SKY, BLUE]
    lay = Layout().title(title)
    first = levels[0]
    lay.text(f"{first.label}: {fmt.count(first.count)} {unit}")
    numbers = [fmt.count(first.count)]
    sentences = [f"{first.label}: {fmt.count(first.count)} {unit}"]
    for i in range(1, len(levels)):
        level, above = levels[i], levels[i - 1]
        part = stats.share(level.count, above.count)
        pct = fmt.percent(part)
        if i > 1:
            def funnel(ax, top=max(stats.share(above.count, levels[i - 2].count), 0.004)):
                ax.set_xlim(0, 1)
                ax.set_ylim(0, 1)
                ax.add_patch(Polygon([(0, 1), (top, 1), (1, 0), (0, 0)], closed=True, color=REST, alpha=0.6, lw=0))
            lay.band(0.22, funnel, left=BAR_INSET, right=BAR_INSET)
        lay.text(f"{level.label}: {fmt.count(level.count)}, {pct} of {fmt.lower_first(above.label)}")
        bar_row(lay, [(0, 1, REST, ""), (0, max(part, 0.004), colours[(i - 1) % len(colours)], "")])
        numbers += [fmt.count(level.count), pct]
        sentences.append(f"{level.label}: {fmt.count(level.count)}, which is {pct} of {fmt.lower_first(above.label)}")
    lay.gap(0.08).legend([("the level above", REST)])
    alt = (f"{title}. Nested bars: " + "; ".join(sentences) + ". Each bar is the level above in grey with this "
           "level's part in colour; a funnel widens that part into the next bar.")
    return Chart(lay.figure(), alt, numbers)


@dataclass(frozen=True)
class Slice:
    label: str
    weight: float
    colour: str


def icon_array(slices: list[Slice], *, title: str, per: int = 1000, columns: int = 40,
               what: str = "recorded offences", group: tuple[str, list[str]] | None = None) -> Chart:
    """`per` squares, split between the slices in proportion to their weights (whole squares,
    largest remainder), filled row by row in the order given; each colour is one shape."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    counts = stats.largest_remainder({s.label: s.weight for s in slices}, per)
    rows = -(-per // columns)
    lay = Layout().title(title)
    cell = bar_width(lay) / columns

    def draw(ax):
        ax.set_xlim(0, columns)
        ax.set_ylim(rows, 0)
        index = 0
        for s in slices:
            verts, codes = [], []
            for _ in range(counts[s.label]):
                x, y = index % columns + 0.1, index // columns + 0.1
                verts += [(x, y), (x + 0.8, y), (x + 0.8, y + 0.8), (x, y + 0.8), (x, y)]
                codes += [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
                index += 1
            if verts:
                ax.add_patch(PathPatch(Path(verts, codes), facecolor=s.colour, edgecolor="none"))
    lay.band(cell * rows, draw, left=BAR_INSET, right=BAR_INSET).gap(0.1)
    lay.legend([(f"{s.label}: {counts[s.label]}", s.colour) for s in slices])
    numbers = [str(counts[s.label]) for s in slices]
    alt = (f"{title}. Icon array of {fmt.count(per)} squares, each one of every {fmt.count(per)} {what}: "
           + "; ".join(f"{s.label}: {counts[s.label]}" for s in slices) + ".")
    if group:  # a named total of several slices, e.g. all group-based categories together
        name, members = group
        together = sum(counts[m] for m in members)
        alt += f" Together, {name}: {together}."
        numbers.append(str(together))
    return Chart(lay.figure(), alt, numbers)


@dataclass(frozen=True)
class Proportion:
    """A count out of a total, to be drawn with its 95% Wilson interval."""

    label: str
    count: int
    n: int
    colour: str = BLUE
    clusters: int | None = None     # when the n fall in this many groups: a second interval counts each once
    cluster_word: str = "groups"


def _interval_line(low: float, high: float, share: float, colour: str, marker: float):
    """Draws one interval as a bar from low to high with the share marked, on a 0 to 1 scale."""
    def draw(ax):
        ax.set_xlim(0, 1)
        ax.set_ylim(-1, 1)
        ax.plot([low, high], [0, 0], color=colour, lw=4, solid_capstyle="butt")
        ax.plot([share], [0], "o", color=colour, ms=marker, markeredgecolor="white")
    return draw


def interval_chart(rows: list[Proportion], *, title: str, xlabel: str = "Share",
                   reference: list[Proportion] | None = None) -> Chart:
    """Each share as a dot with its 95% Wilson interval as a bar, its label and numbers on the
    line above. `reference` rows are drawn in grey after a rule (for comparison)."""
    lay = Layout().title(title)
    sentences, numbers = [], []
    allrows = list(rows) + list(reference or [])
    for i, row in enumerate(allrows):
        if i == len(rows) and reference:
            lay.text("For comparison:", style="italic")
        low, high = stats.wilson_interval(row.count, row.n)
        share = row.count / row.n
        colour = row.colour if i < len(rows) else UNKNOWN
        text = f"{row.count} of {row.n}: {fmt.percent(share, 0)} ({fmt.percent(low, 0)} to {fmt.percent(high, 0)})"
        lay.text(f"{row.label}: {text}")

        lay.band(0.2, _interval_line(low, high, share, colour, 8), left=BAR_INSET, right=BAR_INSET)
        sentences.append(f"{row.label}: {text}")
        numbers += [fmt.percent(share, 0), fmt.percent(low, 0), fmt.percent(high, 0)]
        if row.clusters:
            from . import limits

            clow, chigh = limits.clustered_wilson(row.count, row.n, row.clusters)
            ctext = (f"counting each of the {row.clusters} {row.cluster_word} once: {fmt.percent(clow, 0)} to "
                     f"{fmt.percent(chigh, 0)}")
            lay.text(ctext, color="#444444", indent=BAR_INSET)

            lay.band(0.16, _interval_line(clow, chigh, share, REST, 6), left=BAR_INSET, right=BAR_INSET)
            sentences.append(ctext)
            numbers += [fmt.percent(clow, 0), fmt.percent(chigh, 0)]
    clustered = any(r.clusters for r in allrows)
    percent_axis(lay, xlabel + ": dot, with its 95% Wilson interval"
                 + ("; grey, the interval counting each group once" if clustered else ""))
    alt = (f"{title}. Dot-and-interval chart: " + "; ".join(sentences)
           + ". Each bar is a 95% Wilson interval, which covers sampling variation only.")
    return Chart(lay.figure(), alt, numbers)


@dataclass(frozen=True)
class Recorded:
    """The share of a base with an attribute not recorded, as the source prints it.

    `not_recorded` is a percentage; `qualifier` is '' when the source gives it plainly, or
    'over' when the source says 'over' / 'more than' (the true share is higher)."""

    label: str
    not_recorded: float
    base: int
    base_unit: str
    qualifier: str = ""
    base_short: str = ""   # a short word for the base on the chart ('cases'); defaults to base_unit

    def __post_init__(self):
        if not 0 <= self.not_recorded <= 100:
            raise ValueError(f"{self.label}: a share not recorded must lie between 0 and 100, not {self.not_recorded}")
        if self.qualifier not in ("", "over"):
            raise ValueError(f"{self.label}: qualifier must be '' or 'over'")

    @property
    def missing_text(self) -> str:
        return f"{self.qualifier + ' ' if self.qualifier else ''}{self.not_recorded:g}%"


def recorded_chart(rows: list[Recorded], *, title: str, what: str = "recorded") -> Chart:
    """One bar per row, split into recorded (blue) and not recorded (grey, never dropped), its
    label and share not recorded on the line above; an 'over' share is labelled so, and its grey
    part is a minimum."""
    lay = Layout().title(title)
    sentences, numbers = [], []
    for row in rows:
        missing = row.not_recorded / 100
        lay.text(f"{row.label}, of {fmt.count(row.base)} {row.base_short or row.base_unit}: "
                 f"not {what} {row.missing_text}")
        bar_row(lay, [(0, 1 - missing, BLUE, ""), (1 - missing, missing, UNKNOWN, "")])
        lay.gap(0.04)
        sentences.append(f"{row.label}: not {what} for {row.missing_text} of {fmt.count(row.base)} {row.base_unit}")
        numbers += [row.missing_text, fmt.count(row.base)]
    percent_axis(lay)
    lay.gap(0.06).legend([(what.capitalize(), BLUE), (f"Not {what} ('over': at least this much)", UNKNOWN)])
    alt = f"{title}. Stacked bars, {what} (blue) and not {what} (grey): " + "; ".join(sentences) + "."
    return Chart(lay.figure(), alt, numbers)


def bounds_chart(*, title: str, recorded_share: float, group_share_of_recorded: float, base_text: str,
                 at_least: bool = False) -> Chart:
    """What a group's share of the whole could be when only `recorded_share` of the whole has the
    attribute recorded and the group is `group_share_of_recorded` of those recorded: the bar runs
    from 'no unrecorded case is in the group' to 'every one is'; the dot assumes the unrecorded
    are like the recorded."""
    r, s = recorded_share, group_share_of_recorded
    low, high = stats.share_bounds(r, s)
    lay = Layout().title(title)
    lay.text(f"All records: recorded {fmt.percent(r, 0)}, not recorded {fmt.percent(1 - r, 0)}")
    bar_row(lay, [(0, r, BLUE, ""), (r, 1 - r, UNKNOWN, "")])
    lay.gap(0.08)
    lay.text(f"Possible share of all: {fmt.percent(low, 0)} to {fmt.percent(high, 0)}; "
             f"{fmt.percent(s, 0)} if the unrecorded are like the recorded (dot)")

    def draw(ax):
        ax.set_xlim(0, 1)
        ax.set_ylim(-1, 1)
        ax.plot([low, high], [0, 0], color=ORANGE, lw=9, solid_capstyle="butt")
        ax.plot([s], [0], "o", color=BLACK, ms=8)
    lay.band(0.24, draw, left=BAR_INSET, right=BAR_INSET)
    percent_axis(lay)
    wide = "at least this wide" if at_least else "this wide"
    alt = (f"{title}. Of {base_text}, {fmt.percent(r, 0)} have ethnicity recorded and {fmt.percent(1 - r, 0)} do not. "
           f"If a group is {fmt.percent(s, 0)} of those recorded, its share of all could lie anywhere from "
           f"{fmt.percent(low, 0)} to {fmt.percent(high, 0)} (orange bar, {wide}); the dot at {fmt.percent(s, 0)} "
           "assumes the unrecorded are like the recorded.")
    return Chart(lay.figure(), alt, [fmt.percent(r, 0), fmt.percent(low, 0), fmt.percent(high, 0), fmt.percent(s, 0)])


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    colour: str = BLUE


def count_bars(items: list[Count], *, title: str, unit: str, parts_of_whole: bool = True) -> Chart:
    """One bar per category, its label and count on the line above. When the bars are parts of one
    whole, the alt text gives their total; when they overlap (a total and subsets of it), pass
    parts_of_whole=False and no total is claimed."""
    lay = Layout().title(title)
    top = max(i.count for i in items) or 1
    for item in items:
        lay.text(f"{item.label}: {fmt.count(item.count)}")
        bar_row(lay, [(0, item.count, item.colour, "")], xmax=top)
        lay.gap(0.04)
    listed = "; ".join(f"{i.label}: {fmt.count(i.count)}" for i in items)
    if not parts_of_whole:
        return Chart(lay.figure(), f"{title}. Bar chart of {unit}, some bars counting part of another: {listed}.",
                     [fmt.count(i.count) for i in items])
    total = sum(i.count for i in items)
    alt = f"{title}. Bar chart of {fmt.count(total)} {unit}: {listed}."
    return Chart(lay.figure(), alt, [fmt.count(i.count) for i in items] + [fmt.count(total)])


@dataclass(frozen=True)
class StackedBar:
    """One 100% bar: its label on the chart, the label the alt text gives it, and its parts in
    order as (name, share of the whole, colour). Parts of zero are left out; 'unknown' parts are
    drawn."""

    tick: str
    label: str
    parts: tuple[tuple[str, float, str], ...]


def stacked_shares(bars: list[StackedBar], *, title: str, alt_intro: str, legend: list[tuple[str, str]],
                   share_text=None) -> Chart:
    """100% stacked bars, one per row: the row's label on the line above, each part labelled
    inside where it fits and named after the label where it does not; a legend below, and alt
    text listing every part of every bar."""
    share_text = share_text or (lambda v: fmt.percent(v, 0))
    lay = Layout().title(title)
    sentences, numbers = [], []
    for bar in bars:
        parts = [(n, v, c) for n, v, c in bar.parts if v > 0]
        small = unlabelled(parts, lay, share_text)
        lay.text(bar.tick + (f" (also {', '.join(small)})" if small else ""))
        start, drawn = 0.0, []
        for name, share, colour in parts:
            drawn.append((start, share, colour, share_text(share)))
            start += share
        bar_row(lay, drawn)
        lay.gap(0.04)
        sentences.append(f"{bar.label}: " + ", ".join(f"{n} {share_text(v)}" for n, v, _ in parts))
        numbers += [share_text(v) for _, v, _ in parts]
    percent_axis(lay)
    lay.gap(0.06).legend(legend)
    return Chart(lay.figure(), f"{alt_intro}: " + "; ".join(sentences) + ".", numbers)


__all__ = ["Chart", "Level", "Slice", "Proportion", "Recorded", "StackedBar", "stacked_shares", "nesting_chart",
           "icon_array", "interval_chart", "recorded_chart", "bounds_chart", "Count", "count_bars", "bar_row",
           "percent_axis", "unlabelled", "fits_inside", "BAR_INSET", "plot_block", "stamp", "ILLUSTRATION"]
