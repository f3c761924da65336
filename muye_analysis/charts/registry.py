"""The suite's charts in deck order, each declared once, in its own module of this package.

A chart's module (``charts.growth``, ``charts.scorecard``…) draws it and ends with its one
:class:`~muye_analysis.charts.chart.Chart`: its name, notebook, title, whether it belongs to the
report or the year-to-date store, and how it is made (its spec: the view as data, with notes and
source, which both the pictures and the deck's native chart draw; its takeaway claim; or its own
figure). ``muye charts`` (``charts.export``), the briefing's chart slides
(``briefing.catalogue``) and the notebook list (``suite``) all read ``CHARTS``: adding a chart is
its module and its line in ``_MODULES``.
"""

from __future__ import annotations

from muye_analysis.charts import (
    city,
    fan,
    growth,
    progress,
    projection,
    scorecard,
    sensitivity,
    tasks,
)
from muye_analysis.charts.chart import Assumptions, Chart, ReportData

# The deck's order first (the report's charts), then the notebooks' others.
_MODULES = (scorecard, city, growth, projection, tasks, sensitivity, progress, fan)
CHARTS: tuple[Chart, ...] = tuple(m.CHART for m in _MODULES)
# The report's charts, in deck order: stable file stems that slides and documents link to.
REPORT_CHARTS = tuple(c.name for c in CHARTS if c.report)
# Charts of the year-to-date store: drawn even when it is empty (every target "no data").
YTD_CHARTS = tuple(c.name for c in CHARTS if c.ytd)
# What ``muye charts`` draws (``--lang both``: each in both languages): the report's charts, the
# year-to-date ones and the others marked exported (the required-growth grid, bundled data only).
# The forecast-fan example needs a forecast (statsmodels), which the charts layer does not
# import: notebook 04 draws it (``muye run --lang en`` for English).
EXPORTED_CHARTS = (
    REPORT_CHARTS
    + YTD_CHARTS
    + tuple(c.name for c in CHARTS if c.exported and not (c.report or c.ytd))
)

__all__ = [
    "CHARTS",
    "EXPORTED_CHARTS",
    "REPORT_CHARTS",
    "YTD_CHARTS",
    "Assumptions",
    "Chart",
    "ReportData",
    "chart",
    "notebook_charts",
    "notebook_data_charts",
]


def chart(name: str) -> Chart:
    """The chart called ``name``."""
    for spec in CHARTS:
        if spec.name == name:
            return spec
    raise KeyError(f"no chart {name!r}; known: {', '.join(c.name for c in CHARTS)}")


def notebook_charts(stem: str) -> tuple[str, ...]:
    """The charts the notebook ``stem`` always exports, in order."""
    return tuple(c.name for c in CHARTS if c.notebook == stem and not c.ytd)


def notebook_data_charts(stem: str) -> tuple[str, ...]:
    """The charts the notebook ``stem`` exports when the year-to-date store has the data."""
    return tuple(c.name for c in CHARTS if c.notebook == stem and c.ytd)
