"""Slide-ready charts with Chinese (default) or English labels, and one helper to export them.

Every ``plot_*`` function takes its data (defaulting to the bundled curated tables), ``lang``
("zh" or "en"), ``ax`` (draw into an existing axes) and ``size`` ("slide" 16:9 or "document"),
and returns the figure. Save with :func:`save_figure`; export the report's charts at once with
:func:`export_report_charts` (``muye charts`` on the command line).

Importing this package changes no matplotlib setting: the house style applies inside each plot
function, or in a notebook inside ``with house_style(): ...``.
"""

from __future__ import annotations

from muye_analysis.charts.city import plot_muye_in_city
from muye_analysis.charts.export import export_report_charts
from muye_analysis.charts.fan import plot_forecast_fan, plot_growth_forecast
from muye_analysis.charts.fonts import FontFallbackWarning, find_cjk_font
from muye_analysis.charts.growth import plot_growth_gap
from muye_analysis.charts.progress import plot_progress
from muye_analysis.charts.projection import plot_projected_levels
from muye_analysis.charts.save import save_figure, show_saved
from muye_analysis.charts.scorecard import plot_rank_scorecard
from muye_analysis.charts.sensitivity import plot_required_growth_grid
from muye_analysis.charts.style import SIZES, house_style
from muye_analysis.charts.tasks import plot_task_targets

__all__ = [
    "SIZES",
    "FontFallbackWarning",
    "export_report_charts",
    "find_cjk_font",
    "house_style",
    "plot_forecast_fan",
    "plot_growth_forecast",
    "plot_growth_gap",
    "plot_muye_in_city",
    "plot_progress",
    "plot_projected_levels",
    "plot_rank_scorecard",
    "plot_required_growth_grid",
    "plot_task_targets",
    "save_figure",
    "show_saved",
]
