"""Chart builders. Each returns a Chart: the figure, its alt text (which states the numbers
drawn), and those numbers as text, so tests can check that the alt text carries them."""
from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.patches import Polygon, Rectangle

from . import fmt, stats
from .style import BLACK, BLUE, ORANGE, REST, SKY, TEXT, UNKNOWN, VERMILLION, new_figure, text_on


@dataclass
class Chart:
    fig: object
    alt: str
    numbers: list[str] = field(default_factory=list)

    def __post_init__(self):
        missing = [n for n in self.numbers if n not in self.alt]
        if missing:
            raise ValueError(f"alt text leaves out numbers drawn on the chart: {missing}")


@dataclass(frozen=True)
class Level:
    """One level of a nested definition: its name and how many it counts."""

    label: str
    count: int


def nesting_chart(levels: list[Level], *, title: str, unit: str = "offences") -> Chart:
    """Each level drawn as a share of the level above: a full bar for the level above, the
    part highlighted, and a funnel from the part to the next row, which starts full width."""
    if len(levels) < 2:
        raise ValueError("a nesting chart needs at least two levels")
    fig = new_figure((7.0, 1.25 + 1.05 * len(levels)))
    ax = fig.add_axes([0.02, 0.02, 0.96, 0.86])
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, len(levels) - 0.4)
    ax.axis("off")
    fig.suptitle(title, x=0.02, ha="left", fontsize=11)
    colours = [BLUE, ORANGE, VERMILLION, SKY]
    numbers, sentences = [], []
    bar_h = 0.36
    for i, level in enumerate(levels):
        y = len(levels) - 1 - i
        if i == 0:
            ax.add_patch(Rectangle((0, y - bar_h / 2), 1, bar_h, color=colours[0]))
            label = f"{level.label}: {fmt.count(level.count)} {unit}"
            numbers.append(fmt.count(level.count))
            sentences.append(f"{level.label}: {fmt.count(level.count)} {unit} (the whole bar)")
        else:
            above = levels[i - 1]
            part = stats.share(level.count, above.count)
            shown = max(part, 0.004)  # keep a sliver visible
            ax.add_patch(Rectangle((0, y - bar_h / 2), 1, bar_h, color=REST))
            ax.add_patch(Rectangle((0, y - bar_h / 2), shown, bar_h, color=colours[i % len(colours)]))
            pct = fmt.percent(part)
            label = (f"{level.label}: {fmt.count(level.count)} = {pct} of "
                     f"{fmt.lower_first(above.label)}")
            numbers += [fmt.count(level.count), pct]
            sentences.append(f"{level.label}: {fmt.count(level.count)}, which is {pct} of "
                             f"{fmt.lower_first(above.label)}")
        ax.text(0, y + bar_h / 2 + 0.07, label, va="bottom", ha="left", fontsize=10, color=TEXT)
        if i + 1 < len(levels):
            nxt = stats.share(levels[i + 1].count, level.count)
            top, bottom = y - bar_h / 2, y - 1 + bar_h / 2 + 0.33
            ax.add_patch(Polygon([(0, top), (max(nxt, 0.004), top), (1, bottom), (0, bottom)],
                                 closed=True, color=REST, alpha=0.55, lw=0))
    alt = (f"{title}. Nested bars: " + "; ".join(sentences) +
           ". Each bar below stands for the highlighted part of the bar above, drawn full width.")
    return Chart(fig, alt, numbers)


@dataclass(frozen=True)
class Slice:
    label: str
    weight: float
    colour: str


def icon_array(slices: list[Slice], *, title: str, per: int = 1000, columns: int = 40,
               what: str = "recorded offences", group: tuple[str, list[str]] | None = None) -> Chart:
    """`per` squares, split between the slices in proportion to their weights (whole squares,
    largest remainder), filled row by row in the order given."""
    counts = stats.largest_remainder({s.label: s.weight for s in slices}, per)
    rows = -(-per // columns)
    fig = new_figure((7.0, 4.1))
    ax = fig.add_axes([0.02, 0.2, 0.96, 0.68])
    ax.set_xlim(-0.6, columns - 0.4)
    ax.set_ylim(rows - 0.4, -0.6)
    ax.set_aspect("equal")
    ax.axis("off")
    fig.suptitle(title, x=0.02, ha="left", fontsize=11)
    xs, ys, cs = [], [], []
    index = 0
    for s in slices:
        for _ in range(counts[s.label]):
            xs.append(index % columns)
            ys.append(index // columns)
            cs.append(s.colour)
            index += 1
    ax.scatter(xs, ys, c=cs, marker="s", s=38, linewidths=0)
    handles = [Rectangle((0, 0), 1, 1, color=s.colour) for s in slices]
    labels = [f"{s.label}: {counts[s.label]}" for s in slices]
    fig.legend(handles, labels, loc="lower left", ncol=2, frameon=False, fontsize=9,
               bbox_to_anchor=(0.02, 0.0), handlelength=1.0)
    numbers = [str(counts[s.label]) for s in slices]
    alt = (f"{title}. Icon array of {fmt.count(per)} squares, each one of every {fmt.count(per)} {what}: "
           + "; ".join(f"{s.label}: {counts[s.label]}" for s in slices) + ".")
    if group:  # a named total of several slices, e.g. all group-based categories together
        name, members = group
        together = sum(counts[m] for m in members)
        alt += f" Together, {name}: {together}."
        numbers.append(str(together))
    return Chart(fig, alt, numbers)


@dataclass(frozen=True)
class Proportion:
    """A count out of a total, to be drawn with its 95% Wilson interval."""

    label: str
    count: int
    n: int
    colour: str = BLUE


def interval_chart(rows: list[Proportion], *, title: str, xlabel: str = "Share",
                   reference: list[Proportion] | None = None) -> Chart:
    """Each share as a dot with its 95% Wilson interval as a bar, the count and sample size
    written beside it. `reference` rows are drawn in grey below a rule (for comparison)."""
    from .style import UNKNOWN as GREY

    allrows = list(rows) + list(reference or [])
    fig = new_figure((7.0, 1.2 + 0.55 * len(allrows)))
    ax = fig.add_axes([0.34, 0.18, 0.34, 0.70])
    sentences, numbers = [], []
    for i, row in enumerate(allrows):
        y = len(allrows) - 1 - i
        low, high = stats.wilson_interval(row.count, row.n)
        share = row.count / row.n
        colour = row.colour if i < len(rows) else GREY
        ax.plot([low, high], [y, y], color=colour, lw=3, solid_capstyle="butt")
        ax.plot([share], [y], "o", color=colour, ms=7, markeredgecolor="white")
        text = f"{row.count} of {row.n}: {fmt.percent(share, 0)} ({fmt.percent(low, 0)} to {fmt.percent(high, 0)})"
        ax.text(1.03, y, text, va="center", ha="left", fontsize=9, transform=ax.get_yaxis_transform())
        sentences.append(f"{row.label}: {text}")
        numbers += [fmt.percent(share, 0), fmt.percent(low, 0), fmt.percent(high, 0)]
    if reference:
        ax.axhline(len(reference) - 0.5, color=GREY, lw=0.8, ls=":")
    ax.set_yticks(range(len(allrows)), [r.label for r in reversed(allrows)], fontsize=9)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel(xlabel + " (dot) with its 95% Wilson interval (bar)")
    ax.set_ylim(-0.6, len(allrows) - 0.4)
    fig.suptitle(title, x=0.02, ha="left", fontsize=11)
    alt = (f"{title}. Dot-and-interval chart: " + "; ".join(sentences)
           + ". Each bar is a 95% Wilson interval, which covers sampling variation only.")
    return Chart(fig, alt, numbers)


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
    """One bar per row, split into recorded (blue) and not recorded (grey, never dropped), each
    labelled; an 'over' share is labelled so, and its grey part is a minimum."""
    from .style import UNKNOWN as GREY

    fig = new_figure((7.0, 1.3 + 0.5 * len(rows)))
    ax = fig.add_axes([0.30, 0.14, 0.66, 0.76])
    sentences, numbers = [], []
    for i, row in enumerate(rows):
        y = len(rows) - 1 - i
        missing = row.not_recorded / 100
        ax.barh(y, 1 - missing, color=BLUE, height=0.62)
        ax.barh(y, missing, left=1 - missing, color=GREY, height=0.62)
        ax.text(1 - missing / 2, y, row.missing_text, ha="center", va="center", color=text_on(GREY), fontsize=8.5)
        sentences.append(f"{row.label}: not {what} for {row.missing_text} of {fmt.count(row.base)} {row.base_unit}")
        numbers += [row.missing_text, fmt.count(row.base)]
    ax.set_yticks(range(len(rows)), [f"{r.label}\nof {fmt.count(r.base)} {r.base_short or r.base_unit}"
                                     for r in reversed(rows)], fontsize=8.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    handles = [Rectangle((0, 0), 1, 1, color=BLUE), Rectangle((0, 0), 1, 1, color=GREY)]
    fig.legend(handles, [what.capitalize(), f"Not {what} ('over': at least this much)"], loc="lower left",
               ncol=2, frameon=False, bbox_to_anchor=(0.02, 0.0), fontsize=9)
    fig.suptitle(title, x=0.02, ha="left", fontsize=11)
    alt = f"{title}. Stacked bars, {what} (blue) and not {what} (grey): " + "; ".join(sentences) + "."
    return Chart(fig, alt, numbers)


def bounds_chart(*, title: str, recorded_share: float, group_share_of_recorded: float, base_text: str,
                 at_least: bool = False) -> Chart:
    """What a group's share of the whole could be when only `recorded_share` of the whole has the
    attribute recorded and the group is `group_share_of_recorded` of those recorded: the bar runs
    from 'no unrecorded case is in the group' to 'every one is'; the dot assumes the unrecorded
    are like the recorded."""
    from .style import UNKNOWN as GREY

    r, s = recorded_share, group_share_of_recorded
    low, high = stats.share_bounds(r, s)
    fig = new_figure((7.0, 3.0))
    ax = fig.add_axes([0.20, 0.30, 0.75, 0.45])
    ax.barh(1, r, color=BLUE, height=0.5)
    ax.barh(1, 1 - r, left=r, color=GREY, height=0.5)
    # labels above the bar, so that a thin segment still has a readable label
    ax.text(0, 1.32, f"recorded {fmt.percent(r, 0)}", ha="left", va="bottom", color=BLUE, fontsize=9)
    ax.text(1, 1.32, f"not recorded {fmt.percent(1 - r, 0)}", ha="right", va="bottom", color=TEXT, fontsize=9)
    ax.plot([low, high], [0, 0], color=ORANGE, lw=10, solid_capstyle="butt")
    ax.plot([s], [0], "o", color=BLACK, ms=8)
    ax.text(low, -0.45, fmt.percent(low, 0), ha="center", va="top", fontsize=9)
    ax.text(high, -0.45, fmt.percent(high, 0), ha="center", va="top", fontsize=9)
    ax.set_yticks([1, 0], ["all records", "possible share"])
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.9, 1.75)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    fig.suptitle(title, x=0.02, ha="left", fontsize=11)
    wide = "at least this wide" if at_least else "this wide"
    alt = (f"{title}. Of {base_text}, {fmt.percent(r, 0)} have ethnicity recorded and {fmt.percent(1 - r, 0)} do not. "
           f"If a group is {fmt.percent(s, 0)} of those recorded, its share of all could lie anywhere from "
           f"{fmt.percent(low, 0)} to {fmt.percent(high, 0)} (orange bar, {wide}); the dot at {fmt.percent(s, 0)} "
           "assumes the unrecorded are like the recorded.")
    return Chart(fig, alt, [fmt.percent(r, 0), fmt.percent(low, 0), fmt.percent(high, 0), fmt.percent(s, 0)])


@dataclass(frozen=True)
class Count:
    label: str
    count: int
    colour: str = BLUE


def count_bars(items: list[Count], *, title: str, unit: str, parts_of_whole: bool = True) -> Chart:
    """One horizontal bar per category with its count written at the end. When the bars are parts of
    one whole, the alt text gives their total; when they overlap (a total and subsets of it), pass
    parts_of_whole=False and no total is claimed."""
    fig = new_figure((7.0, 1.2 + 0.5 * len(items)))
    ax = fig.add_axes([0.36, 0.14, 0.56, 0.72])
    top = max(i.count for i in items) or 1
    for k, item in enumerate(items):
        y = len(items) - 1 - k
        ax.barh(y, item.count, color=item.colour, height=0.6)
        ax.text(item.count + top * 0.02, y, fmt.count(item.count), va="center", fontsize=10)
    ax.set_yticks(range(len(items)), [i.label for i in reversed(items)], fontsize=9)
    ax.set_xlim(0, top * 1.15)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    fig.suptitle(title, x=0.02, ha="left", fontsize=11)
    listed = "; ".join(f"{i.label}: {fmt.count(i.count)}" for i in items)
    if not parts_of_whole:
        return Chart(fig, f"{title}. Bar chart of {unit}, some bars counting part of another: {listed}.",
                     [fmt.count(i.count) for i in items])
    total = sum(i.count for i in items)
    alt = f"{title}. Bar chart of {fmt.count(total)} {unit}: {listed}."
    return Chart(fig, alt, [fmt.count(i.count) for i in items] + [fmt.count(total)])


@dataclass(frozen=True)
class StackedBar:
    """One 100% bar: its tick label, the label the alt text gives it, and its parts in order as
    (name, share of the whole, colour). Parts of zero are left out; 'unknown' parts are drawn."""

    tick: str
    label: str
    parts: tuple[tuple[str, float, str], ...]


def stacked_shares(bars: list[StackedBar], *, title: str, alt_intro: str, legend: list[tuple[str, str]],
                   share_text=None, label_min: float = 0.06, left: float = 0.36, row_height: float = 0.6,
                   fontsize: float = 8.5, legend_columns: int = 4) -> Chart:
    """Horizontal 100% stacked bars, one per row, each part labelled where wide enough (text
    colour chosen by contrast), a legend below, and alt text listing every part of every bar.
    Margins are fixed in inches, so a single bar leaves room for its axis and legend."""
    share_text = share_text or (lambda v: fmt.percent(v, 0))
    height = 2.0 + row_height * len(bars)
    fig = new_figure((7.0, height))
    ax = fig.add_axes([left, 0.85 / height, 0.96 - left, 1 - 1.35 / height])
    sentences, numbers = [], []
    for i, bar in enumerate(bars):
        y = len(bars) - 1 - i
        start, bits = 0.0, []
        for name, share, colour in bar.parts:
            if share <= 0:
                continue
            ax.barh(y, share, left=start, color=colour, height=0.6)
            if share >= label_min:
                ax.text(start + share / 2, y, share_text(share), ha="center", va="center", fontsize=fontsize,
                        color=text_on(colour))
            bits.append(f"{name} {share_text(share)}")
            numbers.append(share_text(share))
            start += share
        sentences.append(f"{bar.label}: " + ", ".join(bits))
    ax.set_yticks(range(len(bars)), [b.tick for b in reversed(bars)], fontsize=fontsize)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    fig.legend([Rectangle((0, 0), 1, 1, color=c) for _, c in legend], [n for n, _ in legend], loc="lower left",
               ncol=legend_columns, frameon=False, fontsize=8.5, bbox_to_anchor=(0.01, 0.0))
    fig.suptitle(title, x=0.02, ha="left", fontsize=11)
    return Chart(fig, f"{alt_intro}: " + "; ".join(sentences) + ".", numbers)


__all__ = ["Chart", "Level", "Slice", "Proportion", "Recorded", "StackedBar", "stacked_shares", "nesting_chart",
           "icon_array",
           "interval_chart", "recorded_chart", "bounds_chart", "Count", "count_bars", "UNKNOWN"]
