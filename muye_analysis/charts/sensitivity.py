"""Required growth for the rest of the year, by growth so far and months elapsed."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis import vocab
from muye_analysis.charts.chart import Chart
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import ChartText, finish_chart, start_chart
from muye_analysis.charts.style import SizeSpec, house_style, size_spec
from muye_analysis.display import fixed

CELL_GID = "muye-grid-cell"
# Diverging and colourblind-safe: purple where the rest of the year must beat the target,
# orange where it may fall short of it; white at the target itself.
CMAP = "PuOr_r"


def plot_required_growth_grid(
    grid: pd.DataFrame,
    *,
    indicator: str | None = None,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """Heat table of the growth the remaining months need, from ``targets.sensitivity_grid``.

    ``grid`` is the wide table (``wide=True``): rows growth so far (%), columns months elapsed,
    cells required rest-of-year growth (%); its ``attrs`` carry ``target``, ``weights_source``
    and optionally ``indicator``. The weights assumption is printed on the chart.
    """
    lang = resolve_lang(lang)
    target = float(grid.attrs["target"])
    indicator = indicator or grid.attrs.get("indicator")
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, ax = start_chart(ax, spec)
        _draw(ax, grid, target, lang, spec)
        name = _indicator_label(indicator, lang)
        text = ChartText(
            title=vocab.text("grid_title", lang, goal=target),
            subtitle=vocab.text("grid_subtitle", lang, name=name),
            notes=[
                vocab.text("grid_weights", lang, weights=_weights_label(grid, lang)),
                vocab.text("grid_note", lang),
                *_shortcut_note(grid, lang),
            ],
            source=vocab.source_line(lang),
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def _draw(ax: Axes, grid: pd.DataFrame, target: float, lang: str, spec: SizeSpec) -> None:
    from matplotlib.colors import TwoSlopeNorm

    values = grid.to_numpy(dtype=float)
    spread = max(abs(values.max() - target), abs(values.min() - target), 1.0)
    norm = TwoSlopeNorm(vcenter=target, vmin=target - spread, vmax=target + spread)
    # A mesh of vector cells, not an image: nothing to resample or re-encode at every draw.
    rows, cols = values.shape
    ax.pcolormesh(
        np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5, values, cmap=CMAP, norm=norm,
        edgecolors="white", linewidth=0.5, gid=CELL_GID,
    )  # fmt: skip
    for (row, col), value in np.ndenumerate(values):
        dark = abs(value - target) > 0.6 * spread
        ax.text(
            col, row, fixed(value, 1), ha="center", va="center", fontsize=spec.annotation * 0.8,
            color="white" if dark else "black",
        )  # fmt: skip
    months = [int(m) for m in grid.columns]
    ax.set_xticks(range(len(months)), [vocab.text("grid_month", lang, m=m) for m in months])
    ax.set_yticks(range(len(grid.index)), [fixed(g, 1) for g in grid.index])
    ax.set_xlabel(vocab.text("grid_x", lang), labelpad=0.5 * spec.label)
    # clear of the tick labels (the ticks have no length, so the labels sit on the axis)
    ax.set_ylabel(vocab.text("grid_y", lang), labelpad=0.8 * spec.label)
    ax.tick_params(length=0, pad=0.4 * spec.tick)
    ax.grid(False)  # the cells are the grid
    for spine in ax.spines.values():
        spine.set_visible(False)


def _indicator_label(indicator: str | None, lang: str) -> str:
    if indicator is None:
        return vocab.text("grid_any_indicator", lang)
    from muye_analysis.dataset import load_registry

    row = load_registry().set_index("indicator").loc[indicator]
    return vocab.indicator_name(row, lang, short=False)


def _shortcut_note(grid: pd.DataFrame, lang: str) -> list[str]:
    """When the grid rests on equal weights, say when that over- or under-states the effort."""
    if not grid.attrs.get("shortcut"):
        return []
    return [vocab.text("shortcut_note", lang)]


def _weights_label(grid: pd.DataFrame, lang: str) -> str:
    source = str(grid.attrs.get("weights_source", ""))
    return vocab.weights_text(source, lang)


# -- the chart, declared once (collected by muye_analysis.charts.registry) --------------------


def _chart_figure(lang: str, size: str, assumed):
    """GDP's headline target, equal months assumed: exported by ``muye charts`` from the bundled
    data; not a slide."""
    from muye_analysis import targets

    return plot_required_growth_grid(targets.headline_sensitivity("gdp", wide=True), lang=lang,
                                     size=size)  # fmt: skip


CHART = Chart("required_growth_grid", notebook="04_growth_gap_forecasts", title_key="grid_title",
              exported=True, draw=_chart_figure)  # fmt: skip
