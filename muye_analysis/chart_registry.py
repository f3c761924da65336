"""The one list of the suite's charts: stable names, the notebook that exports each, its title.

``muye charts`` (``charts.export``), the briefing's chart slides (``briefing.catalogue``) and the
notebook list (``suite``) all read this table, so a chart is declared once, here. Light on
purpose: it imports nothing, so reading it does not start matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartSpec:
    """One chart: file stem ``<name>_<lang>.png``, its notebook and its title's label key."""

    name: str
    notebook: str  # stem of the notebook that draws and exports it
    title_key: str  # key of its title in muye_analysis.vocab
    report: bool  # drawn from the report alone: exported by muye charts, a slide in the briefing
    # drawn from the year-to-date store: exported once a target has a figure for the year (an
    # all-grey chart says nothing), so a notebook does not promise it
    ytd: bool = False


CHARTS = (
    ChartSpec("rank_scorecard", "02_city_rankings", "rank_title", report=True),
    ChartSpec("muye_in_city", "02_city_rankings", "city_title", report=True),
    ChartSpec("growth_gap", "03_targets", "gap_title", report=True),
    ChartSpec("projected_levels", "03_targets", "proj_title", report=True),
    ChartSpec("task_targets", "03_targets", "task_title", report=True),
    ChartSpec("required_growth_grid", "04_growth_gap_forecasts", "grid_title", report=False),
    ChartSpec("progress", "04_growth_gap_forecasts", "progress_title", report=False, ytd=True),
    ChartSpec(
        "forecast_fan_henan_gdp", "04_growth_gap_forecasts", "fan_title_indicator", report=False
    ),  # the worked example on real provincial data (issue 11)
)
# The report's charts, in deck order: stable file stems that slides and documents link to.
REPORT_CHARTS = tuple(c.name for c in CHARTS if c.report)
# Charts of the year-to-date store: drawn even when it is empty (every target "no data").
YTD_CHARTS = tuple(c.name for c in CHARTS if c.ytd)
# What ``muye charts`` draws (``--lang both``: each in both languages): the report's charts, the
# year-to-date ones and the required-growth grid (bundled data only). The forecast-fan example
# needs a forecast (statsmodels), which the charts layer does not import: notebook 04 draws it
# (``muye run --lang en`` for English).
EXPORTED_CHARTS = REPORT_CHARTS + YTD_CHARTS + ("required_growth_grid",)


def chart(name: str) -> ChartSpec:
    """The spec of the chart called ``name``."""
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
