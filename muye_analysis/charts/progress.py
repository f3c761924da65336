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
    from muye_analysis.progress import STATUSES, THRESHOLDS
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
            for s in STATUSES
        ]
        names = [vocab.text(f"status.{s}", lang) for s in STATUSES]
        as_of = table.attrs.get("as_of")
        period = as_of.label(lang) if as_of is not None else _t("no_period", lang)
        files = sorted(set(table["file"].dropna()))
        joined = vocab.join_names(files, lang)
        extra = [_t("data_source", lang, files=joined)] if files else []
        if synthetic:
            extra.append(vocab.text("synthetic_stamp", lang))
        text = ChartText(
            title=_t("title", lang, plan_year=table.attrs.get("plan_year"), period=period),
            subtitle=_t("subtitle", lang, n=int(table["annual"].fillna(True).sum())),
            notes=[_t("rules", lang, **THRESHOLDS)],
            source=vocab.source_line(lang, extra),
            legend=(handles, names),
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def _row_label(row: dict, lang: str) -> str:
    from muye_analysis.claims.ytd import goal_of

    name = vocab.indicator_name(row["indicator"], lang, short=False)
    if lang == "en" and len(name) > 34:
        name = name[:33] + "…"
    return f"{name}  {vocab.goal_text(goal_of(row), lang)}"


def _draw(ax: Axes, table: pd.DataFrame, lang: str, spec: SizeSpec) -> None:
    from muye_analysis.claims.ytd import goal_of
    from muye_analysis.progress.rendering import value_decimals

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
            label = vocab.pct(completion)
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
                words = _t("growth", lang, ytd=ytd, rest=row["period"].rest_phrase(lang), need=need)
        else:
            value, unit = float(row["ytd_value"]), str(row["unit"])
            shown = vocab.amount(value, unit, lang, decimals=value_decimals(row))
            words = _t("point", lang, value=shown,
                       goal=vocab.goal_text(goal_of(row), lang, commitment=False))  # fmt: skip
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
