"""Traffic lights of the 进度监测 table: every target, its status, completion against time."""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from muye_analysis import vocab
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import (  # SYNTHETIC_GID: re-exported for callers and tests
    SYNTHETIC_GID,  # noqa: F401
    ChartText,
    finish_chart,
    stamp_synthetic,
    start_chart,
)
from muye_analysis.charts.style import (
    GREEN,
    GREY,
    INK,
    LIGHT_GREY,
    VERMILLION,
    YELLOW,
    SizeSpec,
    house_style,
    size_spec,
)

LIGHT_GID = "muye-progress-light"
BAR_GID = "muye-progress-bar"
ELAPSED_GID = "muye-progress-elapsed"
# Colourblind-safe traffic lights (Okabe-Ito green, yellow, vermillion; grey for no data). Not
# orange for 预警: orange means a target on every other chart and slide. The lights have an ink
# edge, so the yellow one stays visible on white.
STATUS_COLOURS = {
    "on_track": GREEN,
    "at_risk": YELLOW,
    "off_track": VERMILLION,
    "no_data": LIGHT_GREY,
}
LIGHT_EDGE, LIGHT_EDGE_WIDTH = INK, 0.6  # a thin dark ring round every light
BAR_CAP_PCT = 150.0  # completion beyond this is drawn at the cap and labelled
LIGHT_X = -12.0  # the lights sit left of the 0% line, in the bars' data units


def _t(key: str, lang: str, **fields) -> str:
    return vocab.text(f"progress_{key}", lang, **fields)


def plot_progress(
    table: pd.DataFrame | None = None,
    *,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """One row per target of :func:`muye_analysis.progress.progress_table`: a traffic light
    (green on track, yellow at risk, vermillion off track, grey no data), the completion bar
    against the 序时进度 tick for level and count targets, and the growth so far and the growth
    still needed for growth targets. Rows from synthetic files stamp the chart."""
    from muye_analysis.progress import AT_RISK_ACCELERATION_PP, AT_RISK_LAG_PP, STATUS_TEXT
    from muye_analysis.progress import progress_table as build

    table = build() if table is None else table
    lang = resolve_lang(lang)
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, ax = start_chart(ax, spec)
        _draw(ax, table, lang, spec)
        synthetic = bool(table["synthetic"].fillna(False).any())
        if synthetic:
            stamp_synthetic(
                ax, vocab.text("synthetic_stamp", lang), fontsize=spec.annotation, where="above"
            )
        i = 0 if lang == "zh" else 1
        ring = {"markeredgecolor": LIGHT_EDGE, "markeredgewidth": LIGHT_EDGE_WIDTH}
        handles = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=spec.marker,
                color=STATUS_COLOURS[s],
                **ring,
            )
            for s in STATUS_TEXT
        ]
        names = [STATUS_TEXT[s][i] for s in STATUS_TEXT]
        as_of = table.attrs.get("as_of")
        period = as_of.label(lang) if as_of is not None else _t("no_period", lang)
        files = sorted({str(s).split("；")[-1].split(" 第")[0] for s in table["source"].dropna()})
        joined = ("、" if lang == "zh" else ", ").join(files)
        extra = [_t("data_source", lang, files=joined)] if files else []
        if synthetic:
            extra.append(vocab.text("synthetic_stamp", lang))
        text = ChartText(
            title=_t("title", lang, plan_year=table.attrs.get("plan_year"), period=period),
            subtitle=_t("subtitle", lang, n=len(table)),
            notes=[_t("rules", lang, acc=AT_RISK_ACCELERATION_PP, lag=AT_RISK_LAG_PP)],
            source=vocab.source_line(lang, extra),
            legend=(handles, names),
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def _row_label(row: dict, lang: str) -> str:
    name = row["name_zh"] if lang == "zh" else row["name_en"]
    if lang == "en" and len(name) > 34:
        name = name[:33] + "…"
    target = row["target_zh"] if lang == "zh" else row["target_en"]
    return f"{name}  {target}"


def _draw(ax: Axes, table: pd.DataFrame, lang: str, spec: SizeSpec) -> None:
    from muye_analysis.progress import _amount_en, _amount_zh, decimals_of, goal_text

    rows = table.to_dict("records")
    n = len(rows)
    ys = list(range(n))[::-1]  # the table's order, top down
    # 25 rows share the plot's height: the text shrinks to fit its row (about half the figure).
    row_pt = spec.figsize[1] * 72 * 0.55 / max(n, 1)
    font = min(spec.annotation * 0.85, 0.62 * row_pt)
    for y, row in zip(ys, rows, strict=True):
        colour = STATUS_COLOURS[row["status"]]
        ax.plot(
            [LIGHT_X],
            [y],
            marker="o",
            markersize=min(spec.marker * 1.1, 0.7 * row_pt),
            color=colour,
            markeredgecolor=LIGHT_EDGE,
            markeredgewidth=LIGHT_EDGE_WIDTH,
            linestyle="",
            gid=LIGHT_GID,
            clip_on=False,
        )
        completion = _number(row["completion_pct"])
        elapsed = _number(row["elapsed_pct"])
        if completion is not None:
            ax.barh([y], [min(completion, BAR_CAP_PCT)], height=0.62, color=colour, gid=BAR_GID)
            if elapsed is not None:
                ax.plot(
                    [elapsed, elapsed],
                    [y - 0.42, y + 0.42],
                    color=INK,
                    linewidth=1.6,
                    gid=ELAPSED_GID,
                )
            label = f"{completion:.1f}%"
            end = max(min(completion, BAR_CAP_PCT), elapsed or 0)  # clear of the elapsed tick
            ax.text(
                end + 1.5,
                y,
                label,
                va="center",
                ha="left",
                fontsize=font,
                color=INK,
            )
            continue
        if row["status"] == "no_data":
            words = _t("no_data", lang)
        elif row["progress_kind"] == "growth":
            ytd, need = float(row["ytd_value"]), _number(row["required_growth"])
            if need is None:
                words = _t("year_growth", lang, ytd=ytd)
            else:
                from muye_analysis.periods import Period

                rest = Period(int(row["period"][:4]), int(row["end_month"])).rest_phrase(lang)
                words = _t("growth", lang, ytd=ytd, rest=rest, need=need)
        else:
            value, unit = float(row["ytd_value"]), str(row["unit"])
            d = max(decimals_of(value), decimals_of(float(row["target"])), 1 if unit == "%" else 0)
            shown = _amount_zh(value, unit, d) if lang == "zh" else _amount_en(value, unit, d)
            words = _t("point", lang, value=shown, goal=goal_text(row, lang, commitment=False))
        ax.text(
            1.5,
            y,
            words,
            va="center",
            ha="left",
            fontsize=font,
            color=GREY if row["status"] == "no_data" else INK,
        )
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.axvline(100, color=GREY, linewidth=0.8, linestyle="--")
    ax.set_yticks(ys, [_row_label(r, lang) for r in rows], fontsize=font)
    ax.set_ylim(-0.7, n - 0.3)
    ax.set_xlim(LIGHT_X - 4, BAR_CAP_PCT + 15)
    ax.set_xticks([0, 25, 50, 75, 100, 125, 150])
    ax.set_xlabel(_t("axis", lang))
    ax.tick_params(axis="y", length=0)
    ax.grid(False)
    for side in ("left", "top", "right"):
        ax.spines[side].set_visible(False)


def _number(value: object) -> float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)
    return None if math.isnan(number) else number
