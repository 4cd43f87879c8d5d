"""Show a chart in a notebook so that the built page gets its computed alt text.

The PNG goes out as image/png with the alt text in the output's metadata (read by the
myst-nb plugin in csebook.mystnb_plugin); text/plain repeats the alt text, so strict nbval
compares it and a changed number in a figure fails the tests."""
from __future__ import annotations

import base64
import os
from pathlib import Path

from .charts import Chart
from .style import to_png

EXPORT_ENV = "CSEBOOK_FIGURE_EXPORT"   # set by `make figures`: also write each figure as SVG and PNG


def export_chart(chart: Chart, stem: str) -> None:
    """In export mode, save the chart as SVG (before the PNG closes it) under $CSEBOOK_FIGURE_EXPORT."""
    folder = os.environ.get(EXPORT_ENV)
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    chart.fig.savefig(Path(folder) / f"{stem}.svg", format="svg", metadata={"Date": None, "Creator": None})


_shown = [0]


def show(chart: Chart) -> None:
    from IPython.display import display

    _shown[0] += 1
    export_chart(chart, f"figure-{_shown[0]:02d}")
    png = base64.b64encode(to_png(chart.fig)).decode("ascii")
    display({"image/png": png, "text/plain": f"Figure: {chart.alt}"}, raw=True,
            metadata={"image/png": {"alt": chart.alt}})
