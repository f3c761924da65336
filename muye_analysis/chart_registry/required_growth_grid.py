"""The required-growth grid of notebook 04: the growth the rest of the year needs for GDP's
headline target, by the growth so far, equal months assumed (``charts.sensitivity``). Exported
by ``muye charts`` from the bundled data; not a slide."""

from __future__ import annotations

from muye_analysis.chart_registry.base import Assumptions, Chart


def _draw(lang: str, size: str, assumed: Assumptions):
    from muye_analysis import targets
    from muye_analysis.charts.sensitivity import plot_required_growth_grid

    return plot_required_growth_grid(targets.headline_sensitivity("gdp", wide=True), lang=lang,
                                     size=size)  # fmt: skip


CHART = Chart("required_growth_grid", notebook="04_growth_gap_forecasts", title_key="grid_title",
              exported=True, draw=_draw)  # fmt: skip
