"""Export the report's charts in one go (what ``muye charts`` runs).

Which charts, and their names, come from :mod:`muye_analysis.chart_registry`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

from matplotlib.figure import Figure

# The one chart list: stable file stems that slides and documents link to.
from muye_analysis.chart_registry import EXPORTED_CHARTS, REPORT_CHARTS, YTD_CHARTS  # noqa: F401


def export_report_charts(
    *,
    langs: Sequence[str] = ("zh",),
    size: str = "slide",
    formats: Sequence[str] = ("png", "svg"),
    frame_size: int | None = None,
    deflator_pct: float | None = None,
    directory: str | Path | None = None,
) -> list[Path]:
    """Draw the report's charts from the bundled data, and the 进度监测 chart from the
    year-to-date store (when any target has a figure for the year), and save them; return the
    paths.

    Files are named ``<chart>_<lang>`` (``growth_gap_zh.png``), with ``_document`` appended for
    the document size. ``frame_size`` and ``deflator_pct`` are the charts' stated assumptions.
    """
    import matplotlib.pyplot as plt

    from muye_analysis.charts.save import save_figure
    from muye_analysis.errors import MissingYear

    plotters = _plotters(frame_size, deflator_pct)
    paths: list[Path] = []
    for lang in langs:
        for name in EXPORTED_CHARTS:
            if name == "progress" and not _progress_tracked():
                continue  # no target has a figure for the year: an all-grey chart says nothing
            try:
                fig = plotters[name](lang=lang, size=size)
            except MissingYear as exc:  # e.g. no city figures for the base year: said, not drawn
                warnings.warn(f"{name} not drawn: {exc}", stacklevel=2)
                continue
            try:
                stem = f"{name}_{lang}" + ("" if size == "slide" else f"_{size}")
                paths += save_figure(fig, stem, formats, directory=directory)
            finally:
                plt.close(fig)
    return paths


def _progress_tracked() -> bool:
    """Whether the year-to-date store holds a figure of the plan year for any target."""
    from muye_analysis.charts.progress import has_tracked
    from muye_analysis.progress import progress_table

    return has_tracked(progress_table())


def _plotters(
    frame_size: int | None, deflator_pct: float | None
) -> dict[str, Callable[..., Figure]]:
    from muye_analysis.charts.city import plot_muye_in_city
    from muye_analysis.charts.growth import plot_growth_gap
    from muye_analysis.charts.progress import plot_progress
    from muye_analysis.charts.projection import plot_projected_levels
    from muye_analysis.charts.scorecard import plot_rank_scorecard
    from muye_analysis.charts.tasks import plot_task_targets
    from muye_analysis.league import scorecard_frame

    frame, from_table = scorecard_frame(frame_size)  # a league table's frame, else assumed 13
    return {
        "rank_scorecard": lambda **kw: plot_rank_scorecard(
            frame_size=frame, frame_from_table=from_table, **kw
        ),
        "muye_in_city": plot_muye_in_city,
        "growth_gap": plot_growth_gap,
        "projected_levels": lambda **kw: plot_projected_levels(deflator_pct=deflator_pct, **kw),
        "task_targets": plot_task_targets,
        "progress": plot_progress,
        "required_growth_grid": _plot_grid,
    }


def _plot_grid(*, lang: str, size: str) -> Figure:
    """The required-growth grid of notebook 04: GDP's headline target, equal months assumed."""
    from muye_analysis import targets
    from muye_analysis.charts.sensitivity import plot_required_growth_grid

    return plot_required_growth_grid(targets.headline_sensitivity("gdp", wide=True), lang=lang,
                                     size=size)  # fmt: skip
