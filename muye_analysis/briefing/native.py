"""The report charts as editable deck charts: the panels of each chart's spec.

Each ``*_native`` function takes the same tables as the matplotlib chart and returns the panels of
the chart's :class:`~muye_analysis.chart_spec.ChartSpec` (built in the chart's module), which the
deck draws with python-pptx (the data travel inside the .pptx, so a user can 编辑数据 in
PowerPoint or WPS). The pictures draw the same spec, so both carry the same labels and marks.

One meaning per colour across the whole deck (:data:`COLOURS`, the specs' colours).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.briefing.model import NativeChart, Series
from muye_analysis.chart_spec import COLOURS
from muye_analysis.display import is_missing

if TYPE_CHECKING:
    import pandas as pd


def scorecard_native(
    rankings: pd.DataFrame, lang: str, *, frame_size: int, frame_from_table: bool = False
) -> tuple[NativeChart, ...]:
    """The scorecard's panel: ranks as dots, thirds as named bands, standings as labels."""
    from muye_analysis.charts.scorecard import scorecard_spec

    spec = scorecard_spec(rankings, frame_size=frame_size, frame_from_table=frame_from_table,
                          lang=lang)  # fmt: skip
    return spec.panels


def city_native(
    indicators: pd.DataFrame, context: pd.DataFrame, registry: pd.DataFrame, lang: str
) -> tuple[NativeChart, ...]:
    """The district's share of the city's totals, and its growth beside the city's."""
    from muye_analysis.charts.city import city_spec

    return city_spec(indicators, context, registry, lang=lang).panels


def growth_gap_native(targets: pd.DataFrame, lang: str) -> tuple[NativeChart, ...]:
    """Last year's growth beside this year's target per headline indicator, the gap labelled,
    a missing outcome said where its column would be."""
    from muye_analysis.charts.growth import growth_gap_spec

    return growth_gap_spec(targets, lang=lang).panels


def projection_native(
    indicators: pd.DataFrame, targets: pd.DataFrame, lang: str
) -> tuple[NativeChart, ...]:
    """One small chart per indicator: last year's level and the level the target implies."""
    from muye_analysis.charts.projection import projection_spec

    return projection_spec(indicators, targets, lang=lang).panels


def task_native(targets: pd.DataFrame, lang: str) -> tuple[NativeChart, ...]:
    """Each task target as a % of last year's outcome, with the 100% line."""
    from muye_analysis.charts.tasks import task_spec

    return task_spec(targets, lang=lang).panels


def _missing(value: object) -> bool:
    return is_missing(value)


def fan_native(
    history: pd.DataFrame,
    forecast: pd.DataFrame,
    lang: str,
    *,
    target: float | None = None,
    target_label: str = "",
    title: str = "",
) -> tuple[NativeChart]:
    """A forecast fan as lines: published growth (blue), the forecast (blue, from the last
    published quarter), the 80% interval's bounds (grey) and the annual target (orange, over
    the target year's periods only). Categories say what the figures are, year-to-date spans
    ("1-6月" over the year), not period codes a reader could take for single quarters.
    ``title``: the panel title (the backtest coverage, on the slide itself)."""
    from muye_analysis.periods import axis_label
    from muye_analysis.views import fan_view

    view = fan_view(history, forecast)
    years = [str(p)[:4] for p in view["period"]]
    target_year = str(forecast["period"].iloc[-1])[:4] if len(forecast) else None
    last = view["value"].last_valid_index()

    def column(name: str, *, join: bool = False) -> tuple[float | None, ...]:
        values = [None if _missing(v) else round(float(v), 2) for v in view[name]]
        if join and last is not None and values[last] is None:
            values[last] = round(float(view.loc[last, "value"]), 2)  # the fan starts there
        return tuple(values)

    series = [
        Series(vocab.text("fan_history", lang), column("value"), COLOURS["muye"]),
        Series(
            vocab.text("fan_mean", lang), column("mean", join=True), COLOURS["muye"], dashed=True
        ),
        Series(
            vocab.text("fan_80", lang) + "（下限）"
            if lang == "zh"
            else vocab.text("fan_80", lang) + " (low)",
            column("lower_80", join=True),
            COLOURS["reference"],
            dashed=True,
        ),
        Series(
            vocab.text("fan_80", lang) + "（上限）"
            if lang == "zh"
            else vocab.text("fan_80", lang) + " (high)",
            column("upper_80", join=True),
            COLOURS["reference"],
            dashed=True,
        ),
    ]
    if target is not None:
        line = tuple(float(target) if y == target_year else None for y in years)
        series.append(Series(target_label or vocab.text("fan_target", lang, value=target), line,
                             COLOURS["target"], dashed=True))  # fmt: skip
    return (
        NativeChart(
            kind="line",
            categories=tuple(axis_label(str(p), lang) for p in view["period"]),
            series=tuple(series),
            axis_title=vocab.text("fan_axis", lang),
            number_format="0.0",
            axis_format="0",
            title=title,
        ),
    )


def fan_side_native(facts, lang: str) -> tuple[NativeChart]:
    """The full-year figures beside the fan, as bars (top down): the forecast (blue), the
    anchored forecast from the city or province (grey, when there is one) and the scenarios
    with their assumptions in the category names (the target's pace in orange), each labelled
    with its figure (``charts.fan.side_rows``)."""
    from muye_analysis.charts.fan import side_rows

    rows = side_rows(facts, lang)
    colours = {"model": COLOURS["muye"], "anchored": COLOURS["reference"],
               "target_pace": COLOURS["target"]}  # fmt: skip
    values = tuple(round(float(r["annual"]), 2) for r in rows)
    series = Series(
        vocab.text("fan.side_title", lang), values, COLOURS["muye"],
        point_colours=tuple(colours.get(r["kind"], "B3CDE3") for r in rows),
        labels=tuple(vocab.pct(v) for v in values),
    )  # fmt: skip
    return (
        NativeChart(
            kind="bar",
            categories=tuple(r["label"] for r in rows),
            series=(series,),
            title=vocab.text("fan.side_title", lang),
            number_format="0.0",
            axis_format="0",
            legend=False,
        ),
    )


def progress_native(table: pd.DataFrame, lang: str) -> tuple[NativeChart, ...]:
    """The 进度监测 chart's panels: the targets with figures, coloured by status ('()' when no
    target has a figure)."""
    from muye_analysis.charts.progress import progress_spec

    spec = progress_spec(table, lang=lang)
    return () if spec is None else spec.panels
