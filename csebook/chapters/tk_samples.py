"""The toolkit chapter tk_samples: Samples that are not samples: how selection moves a share.

Illustrations (a world in which the truth is known, with numbers chosen to teach) are
labelled as such on every chart and summary that shows one."""
from __future__ import annotations

from .. import fmt, limits
from ..charts import ILLUSTRATION, Chart
from ..style import BLACK, BLUE, ORANGE, REST, VERMILLION, new_figure, text_on
from ..widgets import Control, StaticWidget, View

pct = fmt.share


def _stamp(fig) -> None:
    """Mark an illustrative chart as such, on the image itself."""
    fig.text(0.985, 0.985, ILLUSTRATION, ha="right", va="top", fontsize=8, color=text_on(VERMILLION),
             bbox=dict(boxstyle="round,pad=0.3", facecolor=VERMILLION, edgecolor="none"))


STAGES = ("detected", "charged", "reported in the press")
BASE_PASS = {"detected": 0.3, "charged": 0.5, "reported in the press": 0.4}   # illustrative, for kind Y


def selection_path(true_x: float, detect_ratio: float, report_ratio: float) -> list[tuple[str, float]]:
    """Kind X's share at each stage of the illustration: the truth, then after each stage, when X's
    chance of detection and of press reporting are `detect_ratio` and `report_ratio` times Y's."""
    x_pass = dict(BASE_PASS)
    x_pass["detected"] = min(1.0, BASE_PASS["detected"] * detect_ratio)
    x_pass["reported in the press"] = min(1.0, BASE_PASS["reported in the press"] * report_ratio)
    out = [("all offending", true_x)]
    for k in range(1, len(STAGES) + 1):
        upto = STAGES[:k]
        shares = limits.simulate_selection({"X": true_x, "Y": 1 - true_x},
                                           {"X": {s: x_pass[s] for s in upto}, "Y": {s: BASE_PASS[s] for s in upto}})
        out.append((STAGES[k - 1], shares["X"]))
    return out


RATIOS = (("0.5", "half"), ("1", "the same"), ("2", "twice"))


def selection_view(true_x: str, detect: str, report: str) -> View:
    path = selection_path(float(true_x), float(detect), float(report))
    fig = new_figure((6.4, 2.8))
    ax = fig.add_axes([0.30, 0.16, 0.62, 0.62])
    for i, (stage, share) in enumerate(path):
        y = len(path) - 1 - i
        ax.barh(y, share, color=ORANGE if i else BLUE, height=0.6)
        ax.barh(y, 1 - share, left=share, color=REST, height=0.6)
        ax.text(share + 0.01, y, pct(share), va="center", fontsize=9)
    ax.set_yticks(range(len(path)), [("true share: " if i == 0 else "after: ") + s
                                     for i, (s, _) in enumerate(path)][::-1], fontsize=8.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    fig.suptitle("Kind X's share, stage by stage", x=0.02, ha="left", fontsize=10.5)
    _stamp(fig)
    phrase = {"0.5": "half", "1": "the same as", "2": "twice"}
    d, r = phrase[detect], phrase[report]
    setting = (f"kind X is {pct(float(true_x))} of all offending; its chance of detection is {d} kind Y's and its "
               f"chance of press reporting {r} kind Y's")
    final = path[-1][1]
    direction = ("higher than" if final > float(true_x) + 1e-9 else "lower than" if final < float(true_x) - 1e-9
                 else "the same as")
    summary = (f"Illustration: {setting}. In the press-compiled list kind X is {pct(final)}, {direction} its true share "
               f"of {pct(float(true_x))}.")
    alt = (f"Illustration, not data. Kind X's share stage by stage when {setting}: "
           + "; ".join(f"{s} {pct(v)}" for s, v in path) + ".")
    return View(Chart(fig, alt, [pct(v) for _, v in path], legacy=True), summary)


def selection_spread(true_x: float) -> dict[str, float]:
    """The share in the press-compiled list for every combination of the two ratios."""
    phrase = {"0.5": "half", "1": "same", "2": "twice"}
    return {f"detection {phrase[d]}, reporting {phrase[r]}": selection_path(true_x, float(d), float(r))[-1][1]
            for d, _ in RATIOS for r, _ in RATIOS}


def selection_spread_chart(true_x: float) -> Chart:
    spread = selection_spread(true_x)
    fig = new_figure((6.4, 1.2 + 0.32 * len(spread)))
    ax = fig.add_axes([0.42, 0.14, 0.54, 0.74])
    for i, (label, share) in enumerate(spread.items()):
        y = len(spread) - 1 - i
        ax.plot([true_x, share], [y, y], color=REST, lw=2)
        ax.plot([share], [y], "o", color=ORANGE, ms=7, markeredgecolor=BLACK)
        ax.text(max(share, true_x) + 0.02, y, pct(share), va="center", ha="left", fontsize=8)
    ax.axvline(true_x, color=BLUE, lw=1.5)
    ax.set_yticks(range(len(spread)), [f"X's {k}" for k in reversed(spread)], fontsize=7.5)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.set_xlabel(f"Kind X's share in the press-compiled list (blue line: its true share, {pct(true_x)})", fontsize=8)
    fig.suptitle("One true share, nine observed shares", x=0.02, ha="left", fontsize=10.5)
    _stamp(fig)
    alt = (f"Illustration, not data. Kind X's true share is {pct(true_x)}; its share in a press-compiled list, for each "
           "combination of its chances of detection and press reporting relative to kind Y: "
           + "; ".join(f"{k}: {pct(v)}" for k, v in spread.items()) + ".")
    return Chart(fig, alt, [pct(true_x)] + [pct(v) for v in spread.values()], legacy=True)


def selection_widget() -> StaticWidget:
    controls = [
        Control("true_x", "True share of offending by kind X", (("0.1", "10%"), ("0.3", "30%"), ("0.5", "50%"))),
        Control("detect", "X's chance of being detected, relative to Y", RATIOS),
        Control("report", "X's chance of press reporting, relative to Y", RATIOS),
    ]
    return StaticWidget(selection_view, controls, title="A selection simulator",
                        default={"true_x": "0.3", "detect": "2", "report": "1"})
