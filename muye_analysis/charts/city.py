"""Muye in the city: its share of Xinxiang's totals and its growth beside the city's."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from muye_analysis import vocab
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import (
    ChartText,
    finish_chart,
    not_stated_style,
    set_value_ticks,
    start_panels,
)
from muye_analysis.charts.style import (
    CITY_COLOUR,
    GREY,
    MUYE_COLOUR,
    SizeSpec,
    house_style,
    size_spec,
)
from muye_analysis.display import fixed
from muye_analysis.reports import year_fields
from muye_analysis.views import city_sources, city_view

SHARE_GID = "muye-share-bar"
MUYE_GROWTH_GID = "muye-growth-bar"
CITY_GROWTH_GID = "city-growth-bar"
BAR = 0.34  # height of each growth bar; two per row


def plot_muye_in_city(
    indicators: pd.DataFrame | None = None,
    context: pd.DataFrame | None = None,
    registry: pd.DataFrame | None = None,
    *,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """Two panels: Muye's base-year share of the city's total, and its growth beside the city's.

    Defaults load ``load_indicators()``, ``load_context()`` and ``load_registry()``. Shares are
    current-price levels of the same year (Muye ÷ Xinxiang). Where a figure is unpublished
    (Muye's 规上工业 level, GDP growth in the first report) the chart says so, drawing no bar.
    The context sources are cited in the source line. When ``ax`` is given it is split in two.
    """
    if indicators is None or context is None or registry is None:
        import muye_analysis

        indicators = muye_analysis.load_indicators() if indicators is None else indicators
        context = muye_analysis.load_context() if context is None else context
        registry = muye_analysis.load_registry() if registry is None else registry
    lang = resolve_lang(lang)
    view = city_view(indicators, context, registry)
    years = year_fields(view)
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, (share_ax, growth_ax) = start_panels(ax, 2, spec, sharey=True, wspace=0.08)
        ys = list(range(len(view)))[::-1]
        _draw_shares(share_ax, view, ys, lang, spec)
        _draw_growth(growth_ax, view, ys, lang, spec)
        share_ax.set_yticks(ys, [vocab.indicator_name(r, lang) for _, r in view.iterrows()])
        share_ax.set_ylim(-0.6, len(view) - 0.4)
        growth_ax.tick_params(axis="y", left=False, labelleft=False)
        extra = [vocab.context_source(t, u, lang) for t, u in city_sources(view)]
        text = ChartText(
            title=vocab.text("city_title", lang),
            subtitle=vocab.text("city_subtitle", lang, **years),
            notes=[
                vocab.text("growth_basis_note", lang),
                vocab.text("city_preliminary_note", lang, **years),
            ],
            source=vocab.source_line(lang, extra, **years),
            legend=(
                [Patch(color=MUYE_COLOUR), Patch(color=CITY_COLOUR)],
                [vocab.text("city_muye", lang), vocab.text("city_city", lang)],
            ),
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def share_label(row: pd.Series, lang: str) -> str:
    """'6.9%（232.1/3347.6亿元）' / '6.9% (¥23.21bn of ¥334.76bn)'."""
    return vocab.text(
        "share_value",
        lang,
        value=float(row["share_pct"]),
        muye_level=vocab.yi_yuan(float(row["muye_level"]), lang),
        city_level=vocab.yi_yuan(float(row["city_level"]), lang),
    )


def _draw_shares(ax: Axes, view: pd.DataFrame, ys: list[int], lang: str, spec: SizeSpec) -> None:
    years = year_fields(view)
    shares = view["share_pct"].astype(float)
    top = float(shares.max(skipna=True))
    for y, (_, row) in zip(ys, view.iterrows(), strict=True):
        if pd.isna(row["share_pct"]):
            _mark_missing(ax, 0, y, vocab.text("level_not_stated", lang), spec)
            continue
        ax.barh([y], [float(row["share_pct"])], height=0.6, color=MUYE_COLOUR, gid=SHARE_GID)
        ax.annotate(
            share_label(row, lang),
            (float(row["share_pct"]), y),
            xytext=(spec.marker / 2, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=spec.annotation,
        )
    ax.set_xlim(0, top * 2.1)  # room for the labels
    set_value_ticks(ax, 0, top)
    ax.set_xlabel(vocab.text("city_share_axis", lang, **years))
    ax.set_title(vocab.text("city_share_panel", lang), fontsize=spec.label, loc="left")
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)


def _draw_growth(ax: Axes, view: pd.DataFrame, ys: list[int], lang: str, spec: SizeSpec) -> None:
    years = year_fields(view)
    values = pd.concat([view["muye_growth"], view["city_growth"]]).astype(float)
    low, high = min(0.0, float(values.min(skipna=True))), float(values.max(skipna=True))
    for y, (_, row) in zip(ys, view.iterrows(), strict=True):
        for offset, column, colour, gid in (
            (BAR / 2, "muye_growth", MUYE_COLOUR, MUYE_GROWTH_GID),
            (-BAR / 2, "city_growth", CITY_COLOUR, CITY_GROWTH_GID),
        ):
            value = row[column]
            if pd.isna(value):
                _mark_missing(ax, low, y + offset, vocab.text("not_stated", lang, **years), spec)
                continue
            ax.barh([y + offset], [float(value)], height=BAR, color=colour, gid=gid)
            ax.annotate(
                f"{fixed(float(value), 1)}%",
                (max(float(value), 0.0), y + offset),
                xytext=(spec.marker / 3, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=spec.annotation,
                color=colour,
            )
    span = high - low
    ax.set_xlim(low - 0.05 * span, high + 0.45 * span)
    set_value_ticks(ax, low, high)
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.set_xlabel(vocab.text("city_growth_axis", lang, **years))
    ax.set_title(vocab.text("city_growth_panel", lang), fontsize=spec.label, loc="left")
    ax.spines["left"].set_visible(False)


def _mark_missing(ax: Axes, x: float, y: float, text: str, spec: SizeSpec) -> None:
    ax.annotate(
        text,
        (x, y),
        xytext=(spec.marker / 2, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        **not_stated_style(spec, pad=0.25),
    )
