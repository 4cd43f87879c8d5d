"""Chart builders. Each returns a Chart: the figure, its alt text (which states the numbers
drawn), and those numbers as text, so tests can check that the alt text carries them."""
from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.patches import Polygon, Rectangle

from . import fmt, stats
from .style import BLUE, ORANGE, REST, SKY, TEXT, UNKNOWN, VERMILLION, new_figure


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
    ax = fig.add_axes([0.27, 0.18, 0.40, 0.70])
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
    ax.set_yticks(range(len(allrows)), [r.label for r in reversed(allrows)])
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
    """How many of a total have an attribute recorded."""

    label: str
    recorded: int
    total: int


def recorded_chart(rows: list[Recorded], *, title: str, what: str = "recorded") -> Chart:
    """One bar per row, split into recorded and not recorded, each labelled with its count;
    'not recorded' is drawn in grey and never dropped."""
    from .style import UNKNOWN as GREY

    fig = new_figure((7.0, 1.3 + 0.5 * len(rows)))
    ax = fig.add_axes([0.30, 0.2, 0.62, 0.66])
    sentences, numbers = [], []
    for i, row in enumerate(rows):
        y = len(rows) - 1 - i
        if not 0 <= row.recorded <= row.total or row.total <= 0:
            raise ValueError(f"{row.label}: recorded {row.recorded} must lie between 0 and total {row.total}")
        known = row.recorded / row.total
        ax.barh(y, known, color=BLUE, height=0.6)
        ax.barh(y, 1 - known, left=known, color=GREY, height=0.6)
        missing = row.total - row.recorded
        sentences.append(f"{row.label}: {fmt.count(row.recorded)} {what} ({fmt.percent(known, 0)}), "
                         f"{fmt.count(missing)} not ({fmt.percent(1 - known, 0)}), of {fmt.count(row.total)}")
        numbers += [fmt.percent(known, 0), fmt.percent(1 - known, 0)]
        if known > 0.12:
            ax.text(known / 2, y, fmt.percent(known, 0), ha="center", va="center", color="white", fontsize=9)
        if 1 - known > 0.12:
            ax.text(known + (1 - known) / 2, y, fmt.percent(1 - known, 0), ha="center", va="center",
                    color="white", fontsize=9)
    ax.set_yticks(range(len(rows)), [f"{r.label} (n = {fmt.count(r.total)})" for r in reversed(rows)])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    handles = [Rectangle((0, 0), 1, 1, color=BLUE), Rectangle((0, 0), 1, 1, color=GREY)]
    fig.legend(handles, [what.capitalize(), "Not recorded"], loc="lower left", ncol=2, frameon=False,
               bbox_to_anchor=(0.28, 0.0), fontsize=9)
    fig.suptitle(title, x=0.02, ha="left", fontsize=11)
    alt = f"{title}. Stacked bars, {what} (blue) and not recorded (grey): " + "; ".join(sentences) + "."
    return Chart(fig, alt, numbers)


__all__ = ["Chart", "Level", "Slice", "Proportion", "Recorded", "nesting_chart", "icon_array",
           "interval_chart", "recorded_chart", "UNKNOWN"]
