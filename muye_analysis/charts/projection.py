"""Projected plan-year levels: the base-year level beside the level each growth target implies.

:func:`projection_spec` is the chart as data, drawn by :func:`plot_projected_levels` and by the
deck's native charts alike: one column panel per headline indicator (each on its own scale, from
zero), the base year's level (blue) and the projected level (orange) labelled with the increment,
a floor target marked "≥".
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
from muye_analysis.display import fixed
from muye_analysis.reports import year_fields
from muye_analysis.views import projection_view


def plot_projected_levels(
    indicators: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    *,
    deflator_pct: float | None = None,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """One panel per headline indicator: base-year level, and the level its plan-year target
    implies.

    Defaults load ``load_indicators()`` and ``load_targets()``. Each panel has its own scale
    (GDP is twenty times budget revenue), starting at zero. A floor target (以上) is marked "≥".
    GDP's target is real growth: without ``deflator_pct`` the projected level is at base-year
    prices and the chart says so; with it, the level is at current prices under that stated
    deflator assumption. Retail sales and budget revenue targets are nominal, so their
    projections are direct.
    """
    from muye_analysis.charts.draw import draw_spec

    spec = projection_spec(indicators, targets, deflator_pct=deflator_pct, lang=lang)
    return draw_spec(spec, ax=ax, size=size)


def projection_spec(
    indicators: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    *,
    deflator_pct: float | None = None,
    lang: str = "zh",
) -> ChartSpec:
    """The projection as data: one column panel per indicator. English money is in RMB bn."""
    if indicators is None or targets is None:
        import muye_analysis

        indicators = muye_analysis.load_indicators() if indicators is None else indicators
        targets = muye_analysis.load_targets() if targets is None else targets
    lang = resolve_lang(lang)
    view = projection_view(indicators, targets, deflator_pct=deflator_pct)
    years = year_fields(view)  # projection_view raises when no indicator has both figures
    panels = tuple(_panel(row, lang) for _, row in view.iterrows())
    return ChartSpec(
        name="projected_levels",
        panels=panels,
        title=vocab.text("proj_title", lang, **years),
        subtitle=vocab.text("proj_subtitle", lang, **years),
        notes=_notes(view, deflator_pct, lang),
        source=vocab.source_line(lang, **years),
        lang=lang,
    )


def panel_title(row: pd.Series, lang: str) -> str:
    """'地区生产总值（可比价）\\n目标：增长6%以上' / 'GDP (real)\\ntarget: growth ≥6%'."""
    target = vocab.target_text(float(row["target"]), row["qualifier"], row["bound"], lang)
    return vocab.text("proj_panel", lang, name=vocab.indicator_name(row, lang), target=target,
                      basis=vocab.basis_suffix(row["price_basis"], lang))  # fmt: skip


def price_label(row: pd.Series, lang: str) -> str:
    """Which prices the projected level is at."""
    years = year_fields(row)
    key = "proj_at_base_prices" if bool(row["at_base_prices"]) else "proj_nominal"
    return vocab.text(key, lang, **years)


def _panel(row: pd.Series, lang: str) -> Panel:
    years = year_fields(row)
    factor, unit, extra = vocab.money_axis(str(row["unit"]), lang)
    digits = report_decimals(float(row["base"]))  # as many decimals as the report prints
    places = digits + extra
    base = float(row["base"]) * factor
    projected = float(fixed(float(row["projected"]) * factor, places))  # as labelled
    increment = projected - float(fixed(base, places))
    bound = vocab.bound_symbol(row["bound"]) if row["bound"] in ("at_least", "at_most") else ""
    top_label = f"{bound}{fixed(projected, places)}\n{fixed(increment, places, sign=True)}"
    return Panel(
        kind="column",
        categories=(
            vocab.text("proj_year", lang, year=years["base_year"]),
            vocab.text("proj_year", lang, year=years["plan_year"])
            + ("\n（" if lang == "zh" else "\n(")
            + price_label(row, lang)
            + ("）" if lang == "zh" else ")"),
        ),
        series=(
            Series(
                name=vocab.text("proj_series", lang, name=vocab.indicator_name(row, lang)),
                values=(base, projected),
                colour=COLOURS["muye"],
                point_colours=(COLOURS["muye"], COLOURS["target"]),
                labels=(fixed(base, places), top_label),
                legend=False,
            ),
        ),
        title=panel_title(row, lang),
        axis_title=unit,
        number_format="0." + "0" * places if places else "0",
        axis_format="0" if projected >= 5 else "0.0",  # small amounts (RMB bn) need a decimal
        axis_min=0,
        legend=False,
    )


def _notes(view: pd.DataFrame, deflator_pct: float | None, lang: str) -> tuple[Note, ...]:
    years = year_fields(view)
    notes = []
    real = view[view["price_basis"] == "real"]
    if len(real):
        names = vocab.join_names([vocab.indicator_name(r, lang) for _, r in real.iterrows()], lang)
        if deflator_pct is None:
            evidence = vocab.text("proj_at_base_prices", lang, **years)
            notes.append(Note(vocab.text("proj_real_note", lang, **years, names=names), evidence))
        else:
            notes.append(Note(vocab.text("proj_deflator_note", lang, names=names,
                                         deflator=deflator_pct)))  # fmt: skip
    if (view["bound"] == "at_least").any():
        notes.append(Note(vocab.text("proj_floor_label_note", lang), evidence="≥"))
    return tuple(notes)


def report_decimals(value: float) -> int:
    """Decimals of ``value`` as printed (232.1 → 1, 10.74 → 2), at least 1, at most 2."""
    text = f"{value:.2f}".rstrip("0")
    return min(2, max(1, len(text.split(".")[1])))


# -- the chart, declared once (collected by muye_analysis.charts.registry) --------------------


CHART = Chart(
    "projected_levels", notebook="03_targets", title_key="proj_title", report=True,
    spec=lambda data, lang, assumed: projection_spec(
        data.indicators, data.targets, deflator_pct=assumed.deflator_pct, lang=lang
    ),
    takeaway=lambda data, assumed: claims.projection_claim(
        data.indicators, data.targets, deflator_pct=assumed.deflator_pct
    ),
)  # fmt: skip
