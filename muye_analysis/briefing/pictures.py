"""A chart slide's pictures and speaker notes, from the chart's spec.

The spec (:mod:`muye_analysis.chart_spec`) is drawn twice with matplotlib for the HTML report: at
slide size and at phone size, each without title, notes or source (the slide and the report
section print those once, as text). The deck draws the same spec natively.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis.vocab import text

if TYPE_CHECKING:
    from muye_analysis.chart_spec import ChartSpec


def chart_notes(spec: ChartSpec, topic: str, lang: str) -> tuple[str, ...]:
    """A chart slide's speaker notes: what the chart shows, the spec's notes (each about
    something drawn, or about the data), and where its data are."""
    return (topic or spec.title, *spec.note_lines, text("note_chart_data", lang))


def draw_pictures(spec: ChartSpec, stem: str, figure_dir: Path) -> tuple[Path, Path]:
    """The spec drawn for the page around it (no title, notes or source: the slide and the
    report section print those once) at slide size and at phone size; their paths."""
    import matplotlib.pyplot as plt

    from muye_analysis.charts import save_figure
    from muye_analysis.charts.draw import draw_spec
    from muye_analysis.charts.layout import framed_elsewhere

    paths = []
    for size, suffix in (("slide", ""), ("phone", "_phone")):
        with framed_elsewhere():
            fig = draw_spec(spec, size=size)
        try:
            (path,) = save_figure(fig, stem + suffix, ("png",), directory=figure_dir)
        finally:
            plt.close(fig)
        paths.append(path)
    return paths[0], paths[1]
