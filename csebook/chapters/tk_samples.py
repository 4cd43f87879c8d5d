"""The toolkit chapter tk_samples: samples that are not samples: how selection moves a share, and how
much selection each real figure would need.

The simulator is an illustration (a world in which the truth is known, with numbers chosen to
teach), labelled as such on every chart and summary that shows it. The inverse calculator uses the
book's real figures and census comparators."""
from __future__ import annotations

from dataclasses import dataclass

from .. import comparisons, fmt, limits
from ..charts import BAR_INSET, Chart, bar_row, log_axis, percent_axis, stamp
from ..data import Package
from ..layout import Layout
from ..style import BLACK, BLUE, ORANGE, REST, SKY
from ..verdicts import pick
from ..widgets import Control, StaticWidget, View

pct = fmt.share

# -- the forward simulator ---------------------------------------------------------------------------
STAGES = ("detected", "ethnicity recorded", "listed")
BASE_PASS = {"detected": 0.3, "ethnicity recorded": 0.4, "listed": 0.4}   # illustrative, for kind Y
RATIOS = (("0.25", "a quarter"), ("0.5", "half"), ("1", "the same"), ("2", "twice"), ("4", "four times"))
LISTING = (("1", "the same"), ("2", "twice"))
PHRASE = {"0.25": "a quarter of", "0.5": "half", "1": "the same as", "2": "twice", "4": "four times"}


def selection_path(true_x: float, detect_ratio: float, record_ratio: float, list_ratio: float = 1.0) \
        -> list[tuple[str, float]]:
    """Kind X's share at each stage: the truth, then after detection, after ethnicity is recorded,
    and after a list is compiled, when X's chance at each stage is the ratio times Y's (capped at one)."""
    ratio = {"detected": detect_ratio, "ethnicity recorded": record_ratio, "listed": list_ratio}
    x_pass = {s: min(1.0, BASE_PASS[s] * ratio[s]) for s in STAGES}
    out = [("all offending", true_x)]
    for k in range(1, len(STAGES) + 1):
        upto = STAGES[:k]
        shares = limits.simulate_selection({"X": true_x, "Y": 1 - true_x},
                                           {"X": {s: x_pass[s] for s in upto}, "Y": {s: BASE_PASS[s] for s in upto}})
        out.append((STAGES[k - 1], shares["X"]))
    return out


def selection_view(true_x: str, detect: str, record: str, listing: str) -> View:
    path = selection_path(float(true_x), float(detect), float(record), float(listing))
    setting = (f"kind X is {pct(float(true_x))} of all offending; at detection its chance is {PHRASE[detect]} kind "
               f"Y's, at the recording of ethnicity {PHRASE[record]}, and at listing {PHRASE[listing]}")
    lay = Layout().title("Kind X's share, stage by stage")
    stamp(lay)
    lay.text(setting[0].upper() + setting[1:] + ".")
    for i, (stage, share) in enumerate(path):
        lay.text(("True share, all offending" if i == 0 else f"After: {stage}") + f": {pct(share)}",
                 weight="bold" if i in (0, len(path) - 1) else "normal")
        bar_row(lay, [(0, share, BLUE if i == 0 else ORANGE, ""), (share, 1 - share, REST, "")])
    percent_axis(lay, "Kind X's share")
    final = path[-1][1]
    direction = pick([("final > true + 1e-9", "higher than"), ("final < true - 1e-9", "lower than"),
                      ("abs(final - true) <= 1e-9", "the same as")], final=final, true=float(true_x))
    summary = (f"Illustration, not data: {setting}. In the final list kind X is {pct(final)}, {direction} its true "
               f"share of {pct(float(true_x))}.")
    alt = (f"Illustration, not data. Kind X's share stage by stage when {setting}: "
           + "; ".join(f"{s} {pct(v)}" for s, v in path) + ".")
    return View(Chart(lay.figure(), alt, [pct(v) for _, v in path]), summary)


def selection_widget() -> StaticWidget:
    controls = [
        Control("true_x", "True share of offending by kind X", (("0.1", "10%"), ("0.3", "30%"))),
        Control("detect", "X's chance of detection, relative to Y", RATIOS, kind="select"),
        Control("record", "X's chance that ethnicity is recorded, relative to Y", (("0.5", "half"), ("1", "the same"),
                                                                                   ("2", "twice"))),
        Control("listing", "X's chance of being listed, relative to Y", LISTING),
    ]
    return StaticWidget(selection_view, controls, title="A selection simulator",
                        default={"true_x": "0.3", "detect": "2", "record": "1", "listing": "1"})


# -- the inverse question: how much selection would each real figure need? -------------------------
@dataclass(frozen=True)
class Needed:
    key: str
    label: str           # the figure, in words
    reading: str         # which reading cites it
    share: float         # the group's share among those recorded (or listed)
    comparators: tuple[tuple[str, float], ...]
    base_open: bool = False   # a share as printed whose base (all suspects, or the recorded) is not stated

    @property
    def among(self) -> str:
        return "as printed, base not stated" if self.base_open else "among those recorded"

    def odds_ratios(self) -> tuple[tuple[str, float], ...]:
        return tuple((name, comparisons.selection_odds_ratio(self.share, p)) for name, p in self.comparators)


# the age-and-sex match for police data of 2023-25: the mix of those aged 10 to 17 (at the published
# share of suspects) and males aged 18 to 64, Census 2021 estimated from the 2011 pattern; Quilliam's
# list (cases of 2005 to 2017) is set against the 2011 census's males aged 18 to 39
MATCHED = "mix with males aged 18 to 64"


def needed(package: Package) -> list[Needed]:
    from .. import studies, suspects

    series = suspects.series_by_key(package)
    A, B = "cited that the national data show no group standing out", "cited that the data understate over-representation"
    rows = []
    for key, reading, label in (
            ("gbo2023_white", A, "White, all group-based offending, 2023"),
            ("gbo2023_asian", A, "Asian, all group-based offending, 2023"),
            ("gbo2024_pakistani", A, "Pakistani, all group-based offending, Jan to Sep 2024"),
            ("sub2023_pakistani", B, "Pakistani, outside families and institutions, 2023"),
            ("sub2024_pakistani", B, "Pakistani, outside families and institutions, Jan to Sep 2024"),
            ("gmp_mvmo_asian", B, "Asian, Greater Manchester exploitation suspects (share as printed)")):
        s = series[key]
        first, matched = s.comparators[0], next(c for c in s.comparators if c.kind == MATCHED)
        rows.append(Needed(key, label, reading, s.of_recorded,
                           ((first.label, first.share), (matched.label, matched.share)),
                           base_open=s.base_open_other is not None))
    q = next(c for c in studies.study_comparisons(package) if c.study.startswith("Quilliam") and c.group == "Asian")
    rows.append(Needed("quilliam", "Asian, Quilliam's list of people convicted (2017)", B, q.like_known,
                       tuple((f"England and Wales, 2011, {name}", p) for name, p in q.comparators)))
    return rows


def ratio_words(odds_ratio: float) -> str:
    return comparisons.odds_ratio_words(odds_ratio)


def needed_chart(rows: list[Needed]) -> Chart:
    """The selection each figure needs, as a ratio of the chances of being counted, against each comparator, on a log scale."""
    lay = Layout().title("How much selection each figure would need")
    lay.text("Ratio of chances: how many times as likely a member of the group would have to be to reach the "
             "figure as anyone else, if the group offended at its population share. Log scale; one is no selection.")
    lay.legend([("against all residents", SKY), ("against the age and sex match", ORANGE)])
    lay.text("Age and sex match: for police data, 2021, the published share of suspects aged 10 to 17 and the rest "
             "males aged 18 to 64 (estimated from the 2011 pattern); for Quilliam's list, males aged 18 to 39 in 2011.",
             size=11)
    sentences, numbers = [], []
    for r in rows:
        (n1, o1), (n2, o2) = r.odds_ratios()
        lay.text(f"{r.label}: {fmt.ratio(o1)} and {fmt.ratio(o2)}")

        def draw(ax, o1=o1, o2=o2):
            ax.set_xscale("log")
            ax.set_xlim(0.1, 100)
            ax.set_ylim(-1, 1)
            ax.axvline(1, color=BLACK, lw=1)
            ax.plot([o1], [0], "o", color=SKY, ms=9, markeredgecolor=BLACK)
            ax.plot([o2], [0], "D", color=ORANGE, ms=8, markeredgecolor=BLACK)
        lay.band(0.2, draw, left=BAR_INSET, right=BAR_INSET)
        sentences.append(f"{r.label} ({r.reading}): {fmt.ratio(o1)} against {n1}, {fmt.ratio(o2)} against {n2}")
        numbers += [fmt.ratio(o1), fmt.ratio(o2)]

    log_axis(lay, 0.1, 100, [0.1, 1, 10, 100])
    alt = ("How much selection each figure would need: the ratio of the chances of being counted that would turn the group's "
           "population share into the figure. " + "; ".join(sentences) + ".")
    return Chart(lay.figure(), alt, numbers)


def needed_view(package: Package, key: str, comparator: str, stages: str) -> View:
    r = next(x for x in needed(package) if x.key == key)
    name, p = r.comparators[int(comparator)]
    o = comparisons.selection_odds_ratio(r.share, p)
    k = int(stages)
    each = o ** (1 / k)
    lay = Layout().title(r.label)
    lay.text(f"Share {r.among}: {pct(r.share)}", weight="bold")
    bar_row(lay, [(0, r.share, ORANGE, ""), (r.share, 1 - r.share, REST, "")])
    lay.text(f"Share of residents, {name}: {pct(p)}", weight="bold")
    bar_row(lay, [(0, p, SKY, ""), (p, 1 - p, REST, "")])
    percent_axis(lay, "")
    lay.text(f"If the group offended at its population share, its members would have to be {ratio_words(o)} to "
             f"reach this figure as anyone else (a ratio of chances of {fmt.ratio(o)}); spread evenly over {k} stage"
             f"{'s' if k > 1 else ''}, {ratio_words(each)} at each.")
    summary = (f"{r.label} ({r.reading}): {pct(r.share)} {r.among}, against {pct(p)} of residents "
               f"({name}). For a group offending at its population share to show this figure, selection would have "
               f"to make its members {ratio_words(o)} to be counted as anyone else (a ratio of chances of {fmt.ratio(o)}); over "
               f"{k} stage{'s' if k > 1 else ''} of equal strength, {ratio_words(each)} at each.")
    alt = (f"{r.label}: {pct(r.share)} {r.among} (orange bar) against {pct(p)} of residents, {name} "
           f"(blue bar). Selection needed: ratio of chances {fmt.ratio(o)}; per stage over {k}: {fmt.ratio(each)}.")
    return View(Chart(lay.figure(), alt, [pct(r.share), pct(p), fmt.ratio(o), fmt.ratio(each)]), summary)


def needed_widget(package: Package) -> StaticWidget:
    rows = needed(package)
    controls = [Control("key", "Figure", tuple((r.key, r.label) for r in rows), kind="select"),
                Control("comparator", "Against", (("0", "all residents"), ("1", "the age and sex match"))),
                Control("stages", "Selection spread over", (("1", "one stage"), ("3", "three stages")))]
    return StaticWidget.bound(needed_view, package, controls,
                              title="How much selection would it take?",
                              default={"key": "gbo2023_asian", "comparator": "0", "stages": "1"})
