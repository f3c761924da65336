"""The forecast fan as editable deck charts (the data travel inside the .pptx, so a user can
编辑数据 in PowerPoint or WPS).

The report's charts need nothing here: the deck draws the panels of each chart's spec, as the
chart registry declares it (``muye_analysis.charts.registry``), and the pictures draw the same
spec. The fan is drawn from a forecast, not from a spec, so its native panels are built here.

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
