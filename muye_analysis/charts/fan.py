"""Forecast fan chart: history, point forecast, 80% and 95% intervals, and the target line."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from muye_analysis import vocab
from muye_analysis.charts.chart import Chart
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import (  # SYNTHETIC_GID: re-exported for callers and tests
    SYNTHETIC_GID,  # noqa: F401
    ChartText,
    finish_chart,
    stamp_synthetic,
    start_chart,
)
from muye_analysis.charts.style import (
    BLUE,
    GREY,
    INK,
    LIGHT_GREY,
    VERMILLION,
    SizeSpec,
    house_style,
    size_spec,
)
from muye_analysis.views import fan_view

ANCHORED_GID = "muye-anchored"
SCENARIO_GID = "muye-scenario"
HISTORY_GID = "muye-history"
MEAN_GID = "muye-forecast-mean"
BAND_80_GID = "muye-band-80"
BAND_95_GID = "muye-band-95"
TARGET_GID = "muye-target-line"
MAX_PERIOD_TICKS = 12


def plot_forecast_fan(
    history: pd.DataFrame,
    forecast: pd.DataFrame,
    *,
    target: float | None = None,
    target_label: str | None = None,
    synthetic: bool = False,
    title: str | None = None,
    lang: str = "zh",
    ax: Axes | None = None,
    y_label: str | None = None,
    source: str | None = None,
    size: str | None = None,
    cite_report: bool = True,
    coverage: dict | None = None,
    side=None,
) -> Figure:
    """Fan chart of a year-to-date series and its forecast.

    ``history``: columns ``period`` (label such as "YYYYQ1" or "YYYY年1-3月") and ``value``;
    ``forecast``: ``period``, ``mean``, ``lower_80``, ``upper_80``, ``lower_95``, ``upper_95``
    (intervals must nest). ``target`` draws a horizontal target line labelled ``target_label``
    (default "目标 6%"). ``synthetic=True`` stamps "示例数据（合成），非真实统计" on the plot and in
    the source line: use it whenever any input is illustrative. ``y_label`` defaults to
    cumulative year-on-year growth (%); pass e.g. "亿元" for levels. ``source`` is added to the
    source line (the quarterly data's origin). ``cite_report=False`` leaves the plan report out
    of the source line: use it for series that do not come from it (real provincial data).
    ``coverage`` ({"n", "coverage_80", "coverage_95"} from a rolling backtest) is printed in the
    subtitle, so every fan says how often its intervals held in the past. ``side``
    (``forecast.presentation.FanFacts``) adds the anchored forecast and the scenarios at the
    right of the fan, each labelled with its assumption and annual figure.
    """
    lang = resolve_lang(lang)
    view = fan_view(history, forecast)
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, ax = start_chart(ax, spec)
        handles, names = _draw(ax, view, lang, spec)
        beside = side is not None and (side.anchored is not None or bool(side.scenarios))
        if beside:
            _draw_side(ax, view, side, lang, spec)
        if target is not None:
            label = target_label or vocab.text("fan_target", lang, value=target)
            _draw_target(ax, target, label, spec, x=-0.4 if beside else None)
            handles.append(
                Line2D([], [], color=VERMILLION, linestyle="--", linewidth=spec.line / 2)
            )
            names.append(label)
        ax.set_ylabel(y_label or vocab.text("fan_axis", lang))
        extra = [source or ""]
        if synthetic:
            _stamp_synthetic(ax, lang, spec)
            extra.append(vocab.text("synthetic_stamp", lang))
        subtitle = vocab.text("fan_subtitle", lang)
        if coverage:
            subtitle += coverage_text(coverage, lang)
        if cite_report:
            source_text = vocab.source_line(lang, extra)
        else:
            parts = [e for e in extra if e]
            separator = vocab.text("source_sep", lang)
            source_text = vocab.text("source_prefix", lang) + separator.join(parts)
        text = ChartText(
            title=title or vocab.text("fan_title", lang),
            subtitle=subtitle,
            source=source_text,
            legend=(handles, names),
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def plot_growth_forecast(
    forecast,
    *,
    target: float | None = None,
    synthetic: bool = False,
    lang: str = "zh",
    history_quarters: int = 12,
    facts=None,
    **kwargs,
) -> Figure:
    """The fan of a ``forecast.GrowthForecast`` (``plot_forecast_fan``) with its last
    ``history_quarters`` published periods and its backtest coverage (and interval scale) in the
    subtitle; pass ``synthetic=True`` for illustrative data. ``facts``
    (``forecast.presentation.fan_facts``) adds the anchored forecast and the scenarios beside
    the fan. Other options go to ``plot_forecast_fan``."""
    from muye_analysis.periods import axis_label

    lang = resolve_lang(lang)
    history, frame = forecast.history.tail(history_quarters), forecast.forecast
    if forecast.coverage is not None:
        coverage = dict(forecast.coverage)
        if forecast.interval_scale is not None:  # say that the intervals were recalibrated
            coverage.setdefault("scale", forecast.interval_scale)
        kwargs.setdefault("coverage", coverage)
    if forecast.method in ("base_effect", "combined"):  # year-to-date spans on the axis
        history = history.assign(period=[axis_label(c, lang) for c in history["period"]])
        frame = frame.assign(period=[axis_label(c, lang) for c in frame["period"]])
    return plot_forecast_fan(history, frame, target=target, synthetic=synthetic, lang=lang,
                             side=facts, **kwargs)  # fmt: skip


def coverage_text(coverage: dict, lang: str) -> str:
    """The backtest coverage sentence appended to the fan's subtitle (n = 0: no backtest)."""
    lang = resolve_lang(lang)
    separator = vocab.text("source_sep", lang)
    if not coverage.get("n"):
        return separator + vocab.text("fan.no_backtest", lang)
    text = separator + vocab.text("fan.coverage", lang, n=int(coverage["n"]),
                                  c80=100 * float(coverage["coverage_80"]),
                                  c95=100 * float(coverage["coverage_95"]))  # fmt: skip
    scale = coverage.get("scale")
    if scale is not None and round(float(scale), 2) != 1.0:  # the intervals were rescaled
        text += separator + vocab.text("fan.scale", lang, scale=float(scale))
    return text


def side_rows(facts, lang: str, *, model: bool = True) -> list[dict]:
    """The full-year figures beside a fan, in reading order: the forecast (``model``), the
    anchored forecast when there is one, and the scenarios with their assumptions. Each row:
    kind (model / anchored / a scenario code), label (the vocabulary's words), annual (%),
    rest (the growth of the rest of the year a scenario assumes, else None)."""
    rows = []
    if model:
        label = vocab.text("fan.bar.model", lang, k=len(facts.weights) or 1)
        rows.append({"kind": "model", "label": label, "annual": facts.mean, "rest": None})
    if facts.anchored is not None:
        label = vocab.text("fan.bar.anchored", lang, area=facts.wider_area)
        rows.append({"kind": "anchored", "label": label, "annual": facts.anchored.mean,
                     "rest": None})  # fmt: skip
    for scenario in facts.scenarios:
        label = vocab.text(f"fan.bar.{scenario.code}", lang, span=scenario.span,
                           rest_growth=scenario.rest_growth)  # fmt: skip
        rows.append({"kind": scenario.code, "annual": scenario.annual, "label": label,
                     "rest": scenario.rest_growth})  # fmt: skip
    return rows


def _draw_side(ax: Axes, view: pd.DataFrame, side, lang: str, spec: SizeSpec) -> None:
    """The full-year figures at the right of the fan: the anchored forecast (grey diamond with
    its 80% interval) and the scenarios (short ticks), each labelled, at one x beyond the
    target year's last period."""
    x = float(len(view)) + 0.4
    ax.axvline(len(view) - 0.2, color=LIGHT_GREY, linewidth=spec.line / 3)
    y_min, y_max = ax.get_ylim()
    rows = side_rows(side, lang, model=False)
    for row in rows:
        value = row["annual"]
        if row["kind"] == "anchored":
            low, high = side.anchored.interval(80)
            ax.errorbar([x], [value], yerr=[[value - low], [high - value]], fmt="D", color=GREY,
                        markersize=spec.marker * 0.7, linewidth=spec.line / 2, capsize=3,
                        gid=ANCHORED_GID)  # fmt: skip
            y_min, y_max = min(y_min, low), max(y_max, high)
        else:
            colour = VERMILLION if row["kind"] == "target_pace" else BLUE
            ax.plot([x - 0.15, x + 0.15], [value] * 2, color=colour, linewidth=spec.line,
                    gid=f"{SCENARIO_GID}-{row['kind']}")  # fmt: skip
        y_min, y_max = min(y_min, value), max(y_max, value)
    span = (y_max - y_min) or 1.0
    ax.set_ylim(y_min - 0.05 * span, y_max + 0.05 * span)
    gap = 0.075 * (y_max - y_min + 0.1 * span)  # labels at least this far apart, in order
    placed = []
    for row in sorted(rows, key=lambda r: r["annual"]):
        y = max(row["annual"], placed[-1] + gap) if placed else row["annual"]
        placed.append(y)
        text = vocab.text("fan.side_label", lang, name=row["label"], value=row["annual"])
        ax.annotate(text, (x + 0.2, y), xycoords="data", fontsize=spec.annotation * 0.85,
                    va="center", ha="left", color=INK, annotation_clip=False)  # fmt: skip
    ax.set_xlim(-0.5, len(view) + 0.8)


def _draw(ax: Axes, view: pd.DataFrame, lang: str, spec: SizeSpec) -> tuple[list, list[str]]:
    hist = view.dropna(subset=["value"])
    fc = view.dropna(subset=["mean"])
    if len(hist) and len(fc) and hist["x"].iloc[-1] < fc["x"].iloc[0]:
        # Start the fan at the last actual value, so the forecast visibly continues it.
        anchor = hist.iloc[[-1]].assign(
            mean=hist["value"].iloc[-1],
            **dict.fromkeys(
                ("lower_80", "upper_80", "lower_95", "upper_95"), hist["value"].iloc[-1]
            ),
        )
        fc = pd.concat([anchor, fc])
    x_fc = fc["x"].astype(float)
    ax.fill_between(x_fc, fc["lower_95"].astype(float), fc["upper_95"].astype(float),
                    color=BLUE, alpha=0.15, linewidth=0, gid=BAND_95_GID)  # fmt: skip
    ax.fill_between(x_fc, fc["lower_80"].astype(float), fc["upper_80"].astype(float),
                    color=BLUE, alpha=0.32, linewidth=0, gid=BAND_80_GID)  # fmt: skip
    ax.plot(x_fc, fc["mean"].astype(float), color=BLUE, linestyle="--", linewidth=spec.line,
            marker="o", markevery=list(range(1 if len(fc) > 1 else 0, len(fc))),
            markersize=spec.marker * 0.6, gid=MEAN_GID)  # fmt: skip
    # An unpublished period between published ones stays a gap in the line (NaN breaks it): a
    # line drawn across would show a figure nobody published.
    shown = view[view["x"] <= hist["x"].iloc[-1]] if len(hist) else hist
    ax.plot(
        shown["x"].astype(float),
        shown["value"].astype(float).to_numpy(na_value=float("nan")),
        color=INK,
        linewidth=spec.line,
        marker="o",
        markersize=spec.marker * 0.6,
        gid=HISTORY_GID,
    )
    _period_ticks(ax, view)
    ax.grid(axis="y", visible=True)
    ax.grid(axis="x", visible=False)
    handles = [
        Line2D([], [], color=INK, linewidth=spec.line, marker="o", markersize=spec.marker * 0.6),
        Line2D([], [], color=BLUE, linewidth=spec.line, linestyle="--"),
        Patch(color=BLUE, alpha=0.32, linewidth=0),
        Patch(color=BLUE, alpha=0.15, linewidth=0),
    ]
    names = [vocab.text(k, lang) for k in ("fan_history", "fan_mean", "fan_80", "fan_95")]
    return handles, names


def _period_ticks(ax: Axes, view: pd.DataFrame) -> None:
    step = max(1, -(-len(view) // MAX_PERIOD_TICKS))  # thin the labels of long series
    shown = view.iloc[::step]
    ax.set_xticks(shown["x"].astype(float).tolist(), shown["period"].astype(str).tolist())
    ax.set_xlim(-0.5, len(view) - 0.5)


def _draw_target(ax: Axes, target: float, label: str, spec: SizeSpec, x=None) -> None:
    """The target line, labelled at the right end of the axes or, with figures beside the fan,
    from ``x`` (data, at the left) so that the label stays clear of them."""
    ax.axhline(target, color=VERMILLION, linestyle="--", linewidth=spec.line / 2, gid=TARGET_GID)
    ax.annotate(
        label,
        (1.0 if x is None else x, target),
        xycoords=("axes fraction" if x is None else "data", "data"),
        xytext=(0, 4),
        textcoords="offset points",
        ha="right" if x is None else "left",
        va="bottom",
        fontsize=spec.annotation,
        color=VERMILLION,
    )


def _stamp_synthetic(ax: Axes, lang: str, spec: SizeSpec) -> None:
    stamp_synthetic(ax, vocab.text("synthetic_stamp", lang), fontsize=spec.subtitle)
    ax.margins(y=0.25)  # keep the stamp clear of the data


# -- the chart, declared once (collected by muye_analysis.charts.registry) --------------------


# The worked example on real provincial data (issue 11): it needs a forecast (statsmodels), which
# ``muye charts`` does not run, so notebook 04 draws and exports it.
CHART = Chart("forecast_fan_henan_gdp", notebook="04_growth_gap_forecasts",
              title_key="fan_title_indicator")  # fmt: skip
