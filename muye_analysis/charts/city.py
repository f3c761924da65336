"""Muye in the city: its share of Xinxiang's totals and its growth beside the city's.

:func:`city_spec` is the chart as data, drawn by :func:`plot_muye_in_city` and by the deck's
native charts alike: two bar panels, every indicator on both, "总量未公布" / "…年未公布" where a
figure is not published (no bar, never a zero).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis import vocab
from muye_analysis.chart_spec import COLOURS, ChartSpec, Note, Panel, Series
from muye_analysis.charts.chart import Chart
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.claims import charts as claims
from muye_analysis.display import fixed, round_half_up
from muye_analysis.reports import year_fields
from muye_analysis.views import city_sources, city_view


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
    The city's figures are cited by their issuer in the source line. When ``ax`` is given it is
    split in two.
    """
    from muye_analysis.charts.draw import draw_spec

    return draw_spec(city_spec(indicators, context, registry, lang=lang), ax=ax, size=size)


def city_spec(
    indicators: pd.DataFrame | None = None,
    context: pd.DataFrame | None = None,
    registry: pd.DataFrame | None = None,
    *,
    lang: str = "zh",
) -> ChartSpec:
    """The city comparison as data: a share panel and a growth panel."""
    if indicators is None or context is None or registry is None:
        import muye_analysis

        indicators = muye_analysis.load_indicators() if indicators is None else indicators
        context = muye_analysis.load_context() if context is None else context
        registry = muye_analysis.load_registry() if registry is None else registry
    lang = resolve_lang(lang)
    view = city_view(indicators, context, registry)
    years = year_fields(view)
    # values as labelled (one decimal, half up): the embedded data read as the chart does
    shares = tuple(None if pd.isna(v) else round_half_up(float(v), 1) for v in view["share_pct"])
    share_panel = Panel(
        kind="bar",
        categories=tuple(vocab.indicator_name(r, lang) for _, r in view.iterrows()),
        series=(
            Series(
                name=vocab.text("series_share", lang),
                values=shares,
                colour=COLOURS["muye"],
                labels=tuple(
                    vocab.text("level_not_stated", lang) if v is None else share_label(row, lang)
                    for v, (_, row) in zip(shares, view.iterrows(), strict=True)
                ),
                legend=False,
            ),
        ),
        title=vocab.text("city_share_panel", lang),
        axis_title=vocab.text("city_share_axis", lang, **years),
        number_format="0.0",
        axis_format="0",
        axis_min=0,
        legend=False,
    )
    growth_panel = Panel(
        kind="bar",
        categories=tuple(
            vocab.indicator_name(r, lang) + vocab.basis_suffix(r["growth_basis"], lang)
            for _, r in view.iterrows()
        ),
        series=(
            _growth_series(vocab.text("city_muye", lang), view["muye_growth"], "muye", lang, years),
            _growth_series(
                vocab.text("city_city", lang), view["city_growth"], "reference", lang, years
            ),
        ),
        title=vocab.text("city_growth_panel", lang),
        axis_title=vocab.text("city_growth_axis", lang, **years),
        number_format="0.0",
        axis_format="0",
    )
    bases = [vocab.basis_suffix(b, lang) for b in view["growth_basis"]]
    extra = [vocab.context_source(t, u, lang) for t, u in city_sources(view)]
    return ChartSpec(
        name="muye_in_city",
        panels=(share_panel, growth_panel),
        title=vocab.text("city_title", lang),
        subtitle=vocab.text("city_subtitle", lang, **years),
        notes=(
            Note(vocab.text("growth_basis_note", lang), evidence=next((b for b in bases if b), "")),
            Note(vocab.text("city_preliminary_note", lang, **years)),
        ),
        source=vocab.source_line(lang, extra, **years),
        lang=lang,
    )


def share_label(row: pd.Series, lang: str) -> str:
    """'6.9%（232.1/3347.6亿元）' / '6.9% (RMB 23.21 bn of RMB 334.76 bn)'."""
    return vocab.text(
        "share_value",
        lang,
        value=float(row["share_pct"]),
        muye_level=vocab.yi_yuan(float(row["muye_level"]), lang),
        city_level=vocab.yi_yuan(float(row["city_level"]), lang),
    )


def _growth_series(
    name: str, values: pd.Series, role: str, lang: str, years: dict[str, int]
) -> Series:
    numbers = tuple(None if pd.isna(v) else float(v) for v in values)
    labels = tuple(
        vocab.text("not_stated", lang, **years) if v is None else f"{fixed(v, 1)}%" for v in numbers
    )
    return Series(name=name, values=numbers, colour=COLOURS[role], labels=labels)


# -- the chart, declared once (collected by muye_analysis.charts.registry) --------------------


CHART = Chart(
    "muye_in_city", notebook="02_city_rankings", title_key="city_title", report=True,
    spec=lambda data, lang, assumed: city_spec(
        data.indicators, data.context, data.registry, lang=lang
    ),
    takeaway=lambda data, assumed: claims.city_claim(data.indicators, data.context, data.registry),
)  # fmt: skip
