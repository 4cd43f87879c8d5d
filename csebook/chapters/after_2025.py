"""The numbers, charts and widget of the chapter on the 2025 audit, the police ethnicity data, and
"relative to what?".

The published breakdowns and their comparators are assembled in csebook.suspects; the arithmetic
of measures and assumptions is in csebook.comparisons. This module draws them. Every chart names
its measure (ratio of shares, relative rate, rate per 100,000), its comparator (census year, area,
sex and age band) and its assumption about the unrecorded."""
from __future__ import annotations

import math
from dataclasses import dataclass

from .. import comparisons, fmt
from .. import population as pop
from ..charts import BAR_INSET, Chart, StackedBar, bar_row, percent_axis, plot_block, stacked_shares
from ..data import Package
from ..layout import Layout
from ..links import weakest
from ..style import BLACK, BLUE, GREEN, ORANGE, PURPLE, REST, SKY, UNKNOWN, VERMILLION
from ..suspects import (  # noqa: F401
    ASSUMPTIONS,
    Coverage,
    Series,
    coverage_variants,
    measures,
    range_text,
    series,
    series_by_key,
    share_under,
)
from ..verdicts import pick
from ..widgets import Control, StaticWidget, View

pct = fmt.share


# -- how much is recorded ----------------------------------------------------------------------------

def coverage_chart(rows: list[Coverage]) -> Chart:
    """One bar per published figure on a 0-100% scale, recorded in blue and the rest in grey, with
    its period, unit, source and wording on the line above."""
    title = "Group-based suspects with ethnicity recorded: every published figure"
    lay = Layout().title(title)
    sentences, numbers = [], []
    for r in rows:
        lay.text(f"{r.label}: {fmt.percent(r.recorded, 0)} ({r.printed}, {r.source})")
        bar_row(lay, [(0, r.recorded, BLUE, ""), (r.recorded, 1 - r.recorded, UNKNOWN, "")])
        lay.gap(0.04)
        sentences.append(f"{r.label}: {fmt.percent(r.recorded, 0)} recorded ({r.printed}, {r.source})")
        numbers.append(fmt.percent(r.recorded, 0))
    percent_axis(lay)
    lay.gap(0.06).legend([("Ethnicity recorded", BLUE), ("Not recorded", UNKNOWN)])
    return Chart(lay.figure(), f"{title}. Bars, recorded share in blue: " + "; ".join(sentences) + ".", numbers)


# -- what was recorded, category by category ---------------------------------------------------------

GROUP_COLOURS = {"White": SKY, "Asian": ORANGE, "Pakistani": VERMILLION, "Black": BLUE,
                 "Mixed": GREEN, "Mixed or other": PURPLE, "Other groups or not given separately": REST,
                 "Unknown": UNKNOWN}


@dataclass(frozen=True)
class Published:
    key: str
    category: str        # the offence category, in words
    area: str            # England and Wales, or the force
    period: str
    base: str            # 'suspects with ethnicity recorded' or 'all suspects'
    shares: dict         # group -> share of the base, 0..1 (the groups the source gives)
    unknown: float       # share of the base with ethnicity unknown (0 when the base is the recorded)
    status: str
    reporter: str = ""   # where two press reports give one breakdown differently, whose this is

    @property
    def rest(self) -> float:
        return max(0.0, 1 - sum(self.shares.values()) - self.unknown)

    @property
    def label(self) -> str:
        return f"{self.category}, {self.area}, {self.period}" + (f" ({self.reporter})" if self.reporter else "")

    @property
    def tick(self) -> str:
        return self.label


BREAKDOWNS_LIST = "after_2025_breakdowns"   # each breakdown's groups and their figure rows (data/figure_lists.csv)
# Each breakdown in the chapter's words: (category, area, period, base, reporter). Its groups and their
# figures are the list's; a part 'Unknown' is the share with ethnicity unknown.
BREAKDOWN_WORDS = {
    "gbo2023": ("All group-based offending", "England and Wales", "2023", "suspects with ethnicity recorded",
                "as The Daily Telegraph reported it"),
    "gbo2023_gbnews": ("All group-based offending", "England and Wales", "2023", "suspects (base not stated)",
                       "as GB News reported it"),
    "gbo2024": ("All group-based offending", "England and Wales", "Jan to Sep 2024", "suspects with ethnicity recorded",
                "as Khyber News reported it"),
    "sub2023": ("Outside families and institutions", "England and Wales", "2023", "suspects with ethnicity recorded", ""),
    "sub2024": ("Outside families and institutions", "England and Wales", "Jan to Sep 2024",
                "suspects with ethnicity recorded", ""),
    "gmp_mvmo": ("Multi-victim, multi-offender exploitation", "Greater Manchester Police", "three years",
                 "suspects (unknowns' place not stated)", ""),
    "gmp_csa": ("All child sexual abuse", "Greater Manchester Police", "three years", "all suspects, unknown included", ""),
}


def published(package: Package) -> list[Published]:
    out = []
    for key, rows in package.list_members(BREAKDOWNS_LIST, BREAKDOWN_WORDS, "csebook/chapters/after_2025.py").items():
        for r in rows:
            if r.part not in GROUP_COLOURS or r.part.startswith("Other"):
                raise r.error("part", f"'{r.part}' is not a group the chart draws ({', '.join(GROUP_COLOURS)})")
        figures = [package.figure(r.figure_id) for r in rows]
        shares = {r.part: f.value / 100 for r, f in zip(rows, figures)}
        unknown = shares.pop("Unknown", 0.0)
        category, area, period, base, reporter = BREAKDOWN_WORDS[key]
        out.append(Published(key, category, area, period, base, shares, unknown,
                             weakest(f.status for f in figures), reporter=reporter))
    return out


def published_chart(rows: list[Published]) -> Chart:
    """One 100% bar per published breakdown, labelled with its category, area, period and base.
    Groups the source does not give separately are light grey; unknown ethnicity is dark grey."""
    bars = []
    for r in rows:
        parts = list(r.shares.items()) + [("Other groups or not given separately", r.rest), ("Unknown", r.unknown)]
        bars.append(StackedBar(r.tick, f"{r.label} (share of {r.base})",
                               tuple((name, share, GROUP_COLOURS[name]) for name, share in parts)))
    title = "Recorded ethnicity of suspects, each breakdown in its own category and base"
    return stacked_shares(bars, title=title, alt_intro=f"{title}. Stacked bars", share_text=pct,
                          legend=list(GROUP_COLOURS.items()))



# -- the comparators ---------------------------------------------------------------------------------

def comparator_chart(s: Series) -> Chart:
    """The group's share of residents under each comparator that fits the series: census year,
    area, sex and age band; the group's share of recorded suspects drawn as a line for reference."""
    top = max(max(c.share for c in s.comparators), s.of_recorded) * 1.15
    title = f"{s.group} share of residents, comparator by comparator ({s.area})"
    lay = Layout().title(title)
    numbers, sentences = [], []
    for c in s.comparators:
        lay.text(f"{c.label}: {pct(c.share)}")
        bar_row(lay, [(0, c.share, ORANGE if s.group != "White" else SKY, "")], xmax=top)
        lay.gap(0.03)
        numbers.append(pct(c.share))
        sentences.append(f"{c.label}: {pct(c.share)}")
    among = "Share as printed, base not stated" if s.base_open_other is not None else "Share among recorded suspects"
    lay.text(f"{among} ({s.category.lower()}, {s.period}): {pct(s.of_recorded)}", weight="bold")

    def marker(ax):
        ax.set_xlim(0, top)
        ax.set_ylim(0, 1)
        ax.plot([s.of_recorded] * 2, [0, 1], color=BLACK, lw=2)
    lay.band(0.16, marker, left=BAR_INSET, right=BAR_INSET)
    step = 0.025 if top < 0.1 else 0.05 if top < 0.25 else 0.1 if top < 0.5 else 0.2
    percent_axis(lay, xmax=top, ticks=[k * step for k in range(int(top / step + 1e-9) + 1)])
    alt = (f"{title}. Bars: " + "; ".join(sentences) + f". The {s.group} share "
           + ("as printed, its base not stated," if s.base_open_other is not None else "among recorded suspects")
           + f" in {s.category.lower()}, {s.period}, is {pct(s.of_recorded)} (black line).")
    return Chart(lay.figure(), alt, numbers + [pct(s.of_recorded)])


# -- rates per 100,000 from the published counts ------------------------------------------------------

@dataclass(frozen=True)
class Rate:
    label: str
    group: str
    count: int                # recorded suspects
    residents: int            # Census 2021, England and Wales, all ages
    period: str

    @property
    def per_100k(self) -> float:
        return comparisons.rate_per_100k(self.count, self.residents)


def rates(package: Package) -> list[Rate]:
    """Recorded suspects per 100,000 residents, where the police counts by ethnicity were published
    (press reports of the January 2025 briefing): floors, since they count recorded suspects only."""
    f = package.figure
    res = {g: pop.count(package, 2021, pop.EW, g) for g in ("White", "Pakistani")}
    rows = []
    for period, key, label in (("2023", "gbo_2023_suspects_{g}_count.khyber", "All group-based, 2023"),
                               ("Jan to Sep 2024", "gbo_2024q3_suspects_{g}_count.khyber",
                                "All group-based, Jan to Sep 2024"),
                               ("2023", "gbo_subset_2023_{g}_count.khyber", "Outside families and institutions, 2023"),
                               ("Jan to Sep 2024", "gbo_subset_2024q3_{g}_count.khyber",
                                "Outside families and institutions, Jan to Sep 2024")):
        for g in ("White", "Pakistani"):
            rows.append(Rate(label, g, f(key.format(g=g.lower())).count, res[g], period))
    return rows


def rates_chart(rows: list[Rate]) -> Chart:
    title = "Recorded suspects per 100,000 residents (floors: recorded ethnicity only)"
    lay = Layout().title(title)
    lay.text("Census 2021, England and Wales, all ages. The 2024 counts cover nine months.", style="italic")
    top = max(r.per_100k for r in rows) * 1.1
    numbers, sentences = [], []
    by_label: dict[str, list[Rate]] = {}
    for r in rows:
        by_label.setdefault(r.label, []).append(r)
    for label, pair in by_label.items():
        white = next(r for r in pair if r.group == "White")
        pak = next(r for r in pair if r.group == "Pakistani")
        rr = pak.per_100k / white.per_100k
        lay.text(f"{label}: relative rate, Pakistani against White, {fmt.ratio(rr)}", weight="bold")
        over = " over nine months" if pak.period.startswith("Jan to Sep") else ""
        for r, colour in ((white, SKY), (pak, VERMILLION)):
            lay.text(f"{r.group}: {fmt.count(r.count)} suspects, {fmt.ratio(r.per_100k)} per 100,000{over}", indent=0.1)
            bar_row(lay, [(0, r.per_100k, colour, "")], xmax=top)
            numbers += [fmt.count(r.count), fmt.ratio(r.per_100k)]
        numbers.append(fmt.ratio(rr))
        sentences.append(f"{label}: White {fmt.count(white.count)} recorded suspects, {fmt.ratio(white.per_100k)} per "
                         f"100,000 White residents{over}; Pakistani {fmt.count(pak.count)}, {fmt.ratio(pak.per_100k)} "
                         f"per 100,000 Pakistani residents{over}; relative rate {fmt.ratio(rr)}")
        lay.gap(0.06)
    alt = (f"{title}. Bars, Census 2021 residents of England and Wales as the denominator: " + "; ".join(sentences)
           + ". Suspects whose ethnicity was not recorded are not counted, so every rate is a floor.")
    return Chart(lay.figure(), alt, numbers)


# -- the recording share: where the bounds first include one -----------------------------------------

def recording_chart(rows: list[Series]) -> Chart:
    """The lower bound of the ratio of shares (no unrecorded suspect in the group) against the share
    of suspects recorded, for series above their population share among the recorded: where it
    crosses one is the break-even recording share; the published shares are marked."""
    title = "Lowest ratio of shares the data allow, by the share of suspects recorded"
    lay = Layout().title(title)
    colours = [VERMILLION, ORANGE, BLUE, GREEN]
    lay.legend([(f"{s.period}, {s.group}", colour) for s, colour in zip(rows, colours)])
    numbers, sentences = [], []
    for s, colour in zip(rows, colours):
        be = comparisons.break_even_recording(s.of_recorded, s.comparator.share)
        marks = ", ".join(f"{pct(r.share)} ({'published' if r.published_for_category else 'borrowed'})"
                          for r in s.recordings)
        lay.text(f"{s.short}, {s.group}: one at {pct(be)} recorded; marked {marks}", color=BLACK)
        numbers.append(pct(be))
        lows = [r.share * s.of_recorded / s.comparator.share for r in s.recordings]
        sentences.append(f"{s.short}, {s.group} ({pct(s.of_recorded)} of the recorded, against "
                         f"{pct(s.comparator.share)} of residents): the lowest ratio reaches one at {pct(be)} recorded; "
                         + "; ".join(f"at {pct(r.share)} recorded it is {fmt.ratio(x)}" for r, x in zip(s.recordings, lows)))
        numbers += [fmt.ratio(x) for x in lows]
    ymax = max(s.of_recorded / s.comparator.share for s in rows) * 1.05

    def draw(ax):
        for s, colour in zip(rows, colours):
            ratio = s.of_recorded / s.comparator.share
            ax.plot([0, 1], [0, ratio], color=colour, lw=2)
            for r in s.recordings:
                ax.plot([r.share], [r.share * ratio], "o", color=colour, ms=7, markeredgecolor=BLACK)
        ax.axhline(1, color=BLACK, lw=1, ls="--")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, ymax)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1])
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    plot_block(lay, draw, height=1.9, ylabel="Lowest ratio of shares (dashed line: one)",
               xlabel="Share of suspects with ethnicity recorded")
    alt = (f"{title}. Lines, one per series, each the ratio of shares if none of the unrecorded were in the group "
           "(the lower bound), against the share recorded: " + "; ".join(sentences) + ".")
    return Chart(lay.figure(), alt, numbers)


# -- one force's exploitation cases: bases, clustering, comparators -----------------------------------

NETWORKS = (20, 100)   # a range around the one published count of live investigations in the force


def gmp_rows(package: Package) -> list[tuple[str, float, float]]:
    """The Asian share of Greater Manchester Police's multi-victim, multi-offender suspects: under
    each base the source leaves open, and with the chance variation of suspects who come in networks."""
    f = package.figure
    asian, white = f("gmp_mvmo_suspects_asian.guardian").value / 100, f("gmp_mvmo_suspects_white.guardian").value / 100
    rows = [(f"Base all suspects; the rest ({pct(1 - asian - white)}) unrecorded or other groups",
             asian, 1 - white),
            ("Base recorded suspects; no share recorded published, so any share of all suspects", 0.0, 1.0)]
    live = f("gmp_mvmo_investigations_2025.independent").count
    for k in (NETWORKS[0], live, NETWORKS[1]):
        lo, hi = comparisons.clustered_interval(asian, k)
        which = "live investigations in 2025" if k == live else "networks, an assumption"
        rows.append((f"Chance only, suspects in {k} {which}", lo, hi))
    return rows


def gmp_chart(package: Package) -> Chart:
    s = series_by_key(package)["gmp_mvmo_asian"]
    rows = gmp_rows(package)
    title = "Asian share of Greater Manchester Police's exploitation suspects: what the printed share allows"
    lay = Layout().title(title)
    numbers, sentences = [], []
    colours = [ORANGE, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]
    for (label, lo, hi), colour in zip(rows, colours):
        lay.text(f"{label}: {pct(lo)} to {pct(hi)}")

        def draw(ax, lo=lo, hi=hi, colour=colour):
            ax.set_xlim(0, 1)
            ax.set_ylim(-1, 1)
            ax.plot([lo, hi], [0, 0], color=colour, lw=8, solid_capstyle="butt")
            for c in s.comparators:
                ax.plot([c.share] * 2, [-1, 1], color=BLACK, lw=1, ls=":" if "City" in c.label else "-")
        lay.band(0.2, draw, left=BAR_INSET, right=BAR_INSET)
        numbers += [pct(lo), pct(hi)]
        sentences.append(f"{label}: {pct(lo)} to {pct(hi)}")
    percent_axis(lay)
    cmp_text = "; ".join(f"{c.label} {pct(c.share)}" for c in s.comparators)
    lay.text("Black lines: the comparators (" + cmp_text + "; dotted: the city)")
    numbers += [pct(c.share) for c in s.comparators]
    alt = (f"{title}. Ranges: " + "; ".join(sentences) + ". Comparators drawn as lines: " + cmp_text + ".")
    return Chart(lay.figure(), alt, numbers)


# -- the widget: a share, its comparators and its measures, under an assumption ------------------------

RATIO_TICKS = (0.1, 0.3, 1, 3, 10, 30, 100)


def _log_strip(lay: Layout, low: float, high: float, point: bool, height: float = 0.18):
    lo_x, hi_x = math.log10(RATIO_TICKS[0]), math.log10(RATIO_TICKS[-1])

    def draw(ax):
        ax.set_xlim(lo_x, hi_x)
        ax.set_ylim(-1, 1)
        ax.plot([0, 0], [-1, 1], color=BLACK, lw=1, ls="--")
        a, b = (math.log10(max(min(x, RATIO_TICKS[-1]), RATIO_TICKS[0])) for x in (low, high))
        if point:
            ax.plot([a], [0], "o", color=ORANGE, ms=8, markeredgecolor=BLACK)
        else:
            ax.plot([a, b], [0, 0], color=ORANGE, lw=7, solid_capstyle="butt")
    lay.band(height, draw, left=BAR_INSET, right=BAR_INSET)


def _log_axis(lay: Layout):
    lo_x, hi_x = math.log10(RATIO_TICKS[0]), math.log10(RATIO_TICKS[-1])

    def draw(ax):
        ax.set_xlim(lo_x, hi_x)
        ax.set_yticks([])
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        ax.set_xticks([math.log10(t) for t in RATIO_TICKS], [f"{t:g}" for t in RATIO_TICKS])
    lay.axes(0.3, draw, left=BAR_INSET, right=BAR_INSET, bottom=0.28)
    lay.text("Ratio of shares, log scale; dashed line: one, the population share", indent=BAR_INSET)


def _head(lay: Layout, s: Series, label: str) -> None:
    lay.title(f"{s.short}: {s.group} suspects, if the unrecorded are {label}")
    for r in s.recordings:
        lay.text(f"Recorded: {r.label}", size=11)


def unpublished(s: Series, assumption: str) -> bool:
    """Whether an assumption needs a share recorded that was not published for the series' own
    category (the bounds, the line and the no-difference share all do; 'like the recorded' does not)."""
    return (assumption != "like" and not s.recording.published_for_category and s.base_open_other is None)


def wider_shares(s: Series) -> str:
    """The shares recorded published for the wider category, as their sources give them (the
    series' recordings, without the words that mark them borrowed)."""
    return "; ".join(r.label.replace("not published for this category; ", "").replace(", borrowed", "")
                     for r in s.recordings)


def break_even_chart(s: Series, label: str) -> Chart:
    """In place of bounds that would need a borrowed share recorded: for each comparator, the share
    recorded at which the lowest ratio would reach one, with the shares published for a wider
    category named as such."""
    lay = Layout().title(f"{s.short}: {s.group} suspects, if the unrecorded are {label}")
    lay.text("No share recorded was published for this category, so this cannot be drawn without borrowing "
             "one. For each comparator, the share of suspects recorded at which the lowest ratio would reach one:",
             size=11)
    numbers, sentences = [], []
    for c in s.comparators:
        be = comparisons.break_even_recording(s.of_recorded, c.share)
        text = f"{pct(be)} recorded" if be is not None else "never (the share is below the comparator)"
        lay.text(f"{c.short}: {text}")
        bar_row(lay, [(0, be or 0, BLUE, ""), (be or 0, 1 - (be or 0), REST, "")])
        numbers.append(pct(be) if be is not None else pct(c.share))
        sentences.append(f"against {c.label}: {text}")
    percent_axis(lay, "Share of suspects recorded")
    wider = wider_shares(s)
    lay.text(f"Published for all group-based suspects, a wider category: {wider}", size=11)
    lay.text("* estimated from the 2011 age and sex pattern", size=11)
    alt = (f"{s.label}, if the unrecorded are {label}: no share recorded was published for this category, so this "
           "cannot be drawn; the share recorded at which the lowest "
           "ratio of shares would reach one: " + "; ".join(sentences) + f". Published for a wider category: {wider}.")
    return Chart(lay.figure(), alt, numbers)


def ratio_chart(s: Series, assumption: str) -> Chart:
    label = dict(ASSUMPTIONS)[assumption]
    if unpublished(s, assumption):
        return break_even_chart(s, label)
    lay = Layout()
    _head(lay, s, label)
    if assumption == "line":
        return _line_chart(lay, s, label)
    low, high = share_under(s, assumption)
    point = high - low < 1e-12
    r = s.recording.share
    bar_row(lay, [(0, r, BLUE, ""), (r, 1 - r, UNKNOWN, "")])
    lay.gap(0.06)
    lay.text(f"{s.group} share of all suspects: {range_text(low, high, pct)}", weight="bold")

    def share_draw(ax):
        ax.set_xlim(0, 1)
        ax.set_ylim(-1, 1)
        if point:
            ax.plot([low], [0], "o", color=ORANGE, ms=9, markeredgecolor=BLACK)
        else:
            ax.plot([low, high], [0, 0], color=ORANGE, lw=8, solid_capstyle="butt")
    lay.band(0.2, share_draw, left=BAR_INSET, right=BAR_INSET)
    percent_axis(lay)
    lay.gap(0.06)
    numbers = [pct(low), pct(high)]
    sentences = []
    for c in s.comparators:
        m = measures(s, c, assumption)
        (name_a, (a0, a1)), (name_b, (b0, b1)) = m.items()
        lay.text(f"{c.label}, {pct(c.share)}: ratio {range_text(a0, a1)}; {name_b.replace('relative rate', 'rate ratio')} "
                 f"{range_text(b0, b1)}")
        _log_strip(lay, a0, a1, point)
        numbers += [pct(c.share), fmt.ratio(a0), fmt.ratio(a1), fmt.ratio(b0), fmt.ratio(b1)]
        sentences.append(f"against {c.label} ({pct(c.share)}): {name_a} {range_text(a0, a1)}, {name_b} "
                         f"{range_text(b0, b1)}")
    _log_axis(lay)
    alt = (f"{s.label}, if the unrecorded suspects are {label}. With {pct(r)} of suspects recorded, the {s.group} share "
           f"of all suspects is {range_text(low, high, pct)}; " + "; ".join(sentences) + ".")
    return Chart(lay.figure(), alt, numbers)


def line_ends(s: Series, comparator: float) -> tuple[float, float, float | None]:
    """The ratio of shares with none and with all of the unrecorded in the group, and the share of
    the unrecorded at which it reaches one (None if it never does)."""
    low, high = share_under(s, "bounds")
    x = (comparator - low) / (high - low) if high > low and low <= comparator <= high else None
    return low / comparator, high / comparator, x


def _line_chart(lay: Layout, s: Series, label: str) -> Chart:
    """The ratio of shares against the share of the unrecorded in the group, one line per
    comparator, with the point where each reaches one marked."""
    r = s.recording.share
    colours = [ORANGE, VERMILLION, BLUE, GREEN, PURPLE, SKY, BLACK]
    numbers, sentences = [], []
    rows = []
    if len(s.comparators) > len(colours):
        raise ValueError(f"{s.key}: {len(s.comparators)} comparators, colours for {len(colours)}: none may be dropped")
    for c, colour in zip(s.comparators, colours):
        lo, hi, x = line_ends(s, c.share)
        where = (f"one when {pct(x)} of the unrecorded are {s.group}" if x is not None else
                 pick([("lo > 1", "above one for any share"), ("hi < 1", "below one for any share")], lo=lo, hi=hi))
        lay.text(f"{c.label}: {fmt.ratio(lo)} (none) to {fmt.ratio(hi)} (all); {where}", color=BLACK)
        numbers += [fmt.ratio(lo), fmt.ratio(hi)] + ([pct(x)] if x is not None else [])
        sentences.append(f"against {c.label} ({pct(c.share)}) the ratio runs from {fmt.ratio(lo)} to {fmt.ratio(hi)}, "
                         f"{where}")
        rows.append((lo, hi, x, colour))
    ymax = max(max(hi for _, hi, _, _ in rows), 1) * 1.05

    def draw(ax):
        for lo, hi, x, colour in rows:
            ax.plot([0, 1], [lo, hi], color=colour, lw=2)
            if x is not None:
                ax.plot([x], [1], "o", color=colour, ms=7, markeredgecolor=BLACK)
        ax.axhline(1, color=BLACK, lw=1, ls="--")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, ymax)
        ax.set_xticks([0, 0.5, 1])
        ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    lay.gap(0.04).legend([(c.short, colour) for c, (_, _, _, colour) in zip(s.comparators, rows)])
    if any(c.short.endswith("*") for c in s.comparators):
        lay.text("* estimated from the 2011 age and sex pattern", size=11)
    plot_block(lay, draw, height=1.8, ylabel="Ratio of shares (dashed line: one)",
               xlabel=f"Share of the unrecorded suspects who are {s.group}")
    alt = (f"{s.label}, if the unrecorded suspects are {label}, with {pct(r)} recorded. Lines: "
           + "; ".join(sentences) + ".")
    return Chart(lay.figure(), alt, numbers)


def ratio_view(package: Package, series: str, assumption: str) -> View:
    s = series_by_key(package)[series]
    label = dict(ASSUMPTIONS)[assumption]
    chart = ratio_chart(s, assumption)
    first = s.comparators[0]
    matched = next((c for c in s.comparators if c.kind == "mix with males aged 18 to 64"), s.comparators[-1])
    if unpublished(s, assumption):
        be_first = comparisons.break_even_recording(s.of_recorded, first.share)
        be_all = [b for b in (comparisons.break_even_recording(s.of_recorded, c.share) for c in s.comparators) if b]
        summary = (f"{s.label}. No share recorded was published for this category, so the unrecorded cannot be "
                   f"taken as {label} without borrowing one. The lowest ratio of shares stays above one against "
                   f"{first.label} only if at least {pct(be_first)} of suspects were recorded, and against every "
                   f"comparator only if at least {pct(max(be_all))} were. Published for all group-based suspects, "
                   f"a wider category: {wider_shares(s)}.")
        return View(chart, summary)
    if assumption == "line":
        lo, hi, x = line_ends(s, first.share)
        where = (f"reaches one when {pct(x)} of the unrecorded suspects are {s.group}" if x is not None else
                 pick([("lo > 1", "stays above one, whatever the unrecorded are"),
                       ("hi < 1", "stays below one, whatever the unrecorded are")], lo=lo, hi=hi))
        summary = (f"{s.label}. Recorded: {s.recording.label}. If the unrecorded are {label}: against "
                   f"{first.label}, the ratio of shares {where}. Each comparator is a line on the chart.")
        return View(chart, summary)
    parts = []
    for c in (first, matched):
        m = measures(s, c, assumption)
        (name_a, (a0, a1)), (name_b, (b0, b1)) = m.items()
        parts.append(f"against {c.label} ({pct(c.share)}), {name_a} {range_text(a0, a1)} and {name_b} "
                     f"{range_text(b0, b1)}")
    low, high = share_under(s, assumption)
    note = " This assumption pulls every ratio toward one by construction." if assumption == "no_difference" else ""
    summary = (f"{s.label}. Recorded: {s.recording.label}. If the unrecorded are {label}, the {s.group} share of all "
               f"suspects is {range_text(low, high, pct)}: " + "; ".join(parts) + "." + note)
    return View(chart, summary)


def ratio_widget(package: Package) -> StaticWidget:
    controls = [Control("series", "Offence category, area, period and group",
                        tuple((s.key, s.label) for s in series(package)), kind="select"),
                Control("assumption", "Suppose the unrecorded suspects are", ASSUMPTIONS)]
    return StaticWidget.bound(ratio_view, package, controls,
                              title="A share of suspects against its comparators, under an assumption you choose",
                              default={"series": "gbo2023_asian", "assumption": "like"})
