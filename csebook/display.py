"""Show a chart in a notebook so that the built page gets its computed alt text.

The PNG goes out as image/png with the alt text in the output's metadata (read by the
myst-nb plugin in csebook.mystnb_plugin); text/plain repeats the alt text, so strict nbval
compares it and a changed number in a figure fails the tests."""
from __future__ import annotations

import base64

from .charts import Chart
from .style import to_png


def show(chart: Chart) -> None:
    from IPython.display import display

    png = base64.b64encode(to_png(chart.fig)).decode("ascii")
    display({"image/png": png, "text/plain": f"Figure: {chart.alt}"}, raw=True,
            metadata={"image/png": {"alt": chart.alt}})
