"""Export the report's charts in one go (what ``muye charts`` runs).

Which charts, their names and how each is drawn come from :mod:`muye_analysis.charts.registry`
(each chart declared once there).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from pathlib import Path

from muye_analysis.charts import registry
from muye_analysis.charts.chart import Assumptions, ReportData

# The one chart list: stable file stems that slides and documents link to.
from muye_analysis.charts.registry import EXPORTED_CHARTS, REPORT_CHARTS, YTD_CHARTS  # noqa: F401


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

    assumed = Assumptions.stated(frame_size, deflator_pct)
    data = ReportData.load()
    paths: list[Path] = []
    for lang in langs:
        for name in EXPORTED_CHARTS:
            chart = registry.chart(name)
            if chart.ready is not None and not chart.ready():
                continue  # e.g. no target has a figure for the year: an all-grey chart says nothing
            try:
                fig = chart.figure(lang, size, assumed, data)
            except MissingYear as exc:  # e.g. no city figures for the base year: said, not drawn
                warnings.warn(f"{name} not drawn: {exc}", stacklevel=2)
                continue
            try:
                stem = f"{name}_{lang}" + ("" if size == "slide" else f"_{size}")
                paths += save_figure(fig, stem, formats, directory=directory)
            finally:
                plt.close(fig)
    return paths
