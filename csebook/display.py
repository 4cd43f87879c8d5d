"""Show a chart in a notebook: inline SVG in the page (and in JupyterLab), its alt text as the
output's text, so that strict nbval compares it and a changed number fails the tests."""
from __future__ import annotations

import os
from pathlib import Path

from .charts import Chart

EXPORT_ENV = "CSEBOOK_FIGURE_EXPORT"   # set by `make figures`: also write each figure as SVG and PNG


def export_chart(chart: Chart, stem: str) -> None:
    """In export mode, save the chart as a standalone SVG and a PNG under $CSEBOOK_FIGURE_EXPORT."""
    folder = os.environ.get(EXPORT_ENV)
    if not folder:
        return
    from .style import DPI

    Path(folder).mkdir(parents=True, exist_ok=True)
    chart.fig.savefig(Path(folder) / f"{stem}.svg", format="svg", metadata={"Date": None, "Creator": None})
    chart.fig.savefig(Path(folder) / f"{stem}.png", format="png", dpi=DPI, metadata={"Software": None})


def figure_html(svg: str) -> str:
    return f'<div class="csb-figure">{svg}</div>'


_shown = [0]   # figures shown so far in this kernel: `make figures` pairs its exports with cells in order


def show(chart: Chart) -> None:
    from IPython.display import display

    _shown[0] += 1
    export_chart(chart, f"figure-{_shown[0]:02d}")
    display({"text/html": figure_html(chart.svg()), "text/plain": f"Figure: {chart.alt}"}, raw=True)
