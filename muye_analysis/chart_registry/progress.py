"""The 进度监测 chart: the plan year's targets against the year-to-date store, coloured by
status (``charts.progress``; the briefing's slide: ``briefing.ytd``). Exported once any target
has a figure for the year: an all-grey chart says nothing."""

from __future__ import annotations

from muye_analysis.chart_registry.base import Assumptions, Chart


def _draw(lang: str, size: str, assumed: Assumptions):
    from muye_analysis.charts.progress import plot_progress

    return plot_progress(lang=lang, size=size)


def _tracked() -> bool:
    """Whether the year-to-date store holds a figure of the plan year for any target."""
    from muye_analysis.charts.progress import has_tracked
    from muye_analysis.progress import progress_table

    return has_tracked(progress_table())


CHART = Chart("progress", notebook="04_growth_gap_forecasts", title_key="progress_title",
              ytd=True, draw=_draw, ready=_tracked)  # fmt: skip
