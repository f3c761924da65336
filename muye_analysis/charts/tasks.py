"""Task targets against base-year outcomes: each plan-year target as a share of that result."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis import vocab
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import ChartText, finish_chart, set_value_ticks, start_chart
from muye_analysis.charts.style import GREY, ORANGE, SizeSpec, house_style, size_spec
from muye_analysis.display import fixed
from muye_analysis.reports import year_fields
from muye_analysis.views import task_target_view

BAR_GID = "muye-task-bar"
# Every bar is a target (orange, as on every chart); the 100% line and the labels tell above from
# below (not a judgement: most targets are floors).
ABOVE_COLOUR = ORANGE
BELOW_COLOUR = ORANGE


def plot_task_targets(
    targets: pd.DataFrame | None = None,
    *,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """Horizontal bars: each plan-year task target as a % of the base-year outcome, 100% marked.

    ``targets`` is ``load_targets()`` (the default); only targets with a comparable base-year
    outcome appear (key projects, key-project investment, jobs, grain, battery revenue, new
    专精特新 firms, R&D coverage, …). Each bar is labelled with both numbers as printed, the
    floor marked ≥, and for rates the difference in percentage points.
    """
    if targets is None:
        import muye_analysis

        targets = muye_analysis.load_targets()
    lang = resolve_lang(lang)
    view = task_target_view(targets)
    years = year_fields(targets)
    if view.empty:
        raise ValueError(
            "no {plan_year} task target has a comparable {base_year} outcome".format(**years)
        )
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, ax = start_chart(ax, spec)
        _draw(ax, view, lang, spec)
        text = ChartText(
            title=vocab.text("task_title", lang, **years),
            subtitle=vocab.text("task_subtitle", lang, **years),
            notes=[vocab.text("task_note", lang)],
            source=vocab.source_line(lang, **years),
            above_axes_lines=1,
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def row_label(row: pd.Series, lang: str) -> str:
    """'重点项目（力争）': short name and the strength of commitment, if any."""
    name = vocab.indicator_name(row, lang)
    commitment = row["commitment"]
    if pd.notna(commitment) and str(commitment) in ("力争", "确保"):
        name += vocab.text(f"commitment_{commitment}", lang)
    return name


def value_label(row: pd.Series, lang: str) -> str:
    """'46%（≥200个／431个）', with '+10.0个百分点' added for rates."""
    target = vocab.bound_symbol(row["bound"]) + _number(row["target"], row["unit"], lang)
    actual = _number(row["actual"], row["unit"], lang)
    detail = vocab.text("task_value", lang, target=target, actual=actual)
    if pd.notna(row["gap_pp"]):
        sep = "，" if lang == "zh" else ", "
        detail += sep + vocab.text("pp", lang, value=float(row["gap_pp"]))
    ratio = f"{fixed(float(row['ratio_pct']), 0)}%"
    return f"{ratio}（{detail}）" if lang == "zh" else f"{ratio} ({detail})"


def _draw(ax: Axes, view: pd.DataFrame, lang: str, spec: SizeSpec) -> None:
    years = year_fields(view)
    ys = list(range(len(view)))[::-1]  # largest ratio on top
    ratios = view["ratio_pct"].astype(float).tolist()
    colours = [ABOVE_COLOUR if r >= 100 else BELOW_COLOUR for r in ratios]
    ax.barh(ys, ratios, height=0.6, color=colours, gid=BAR_GID)
    for y, ratio, (_, row) in zip(ys, ratios, view.iterrows(), strict=True):
        ax.annotate(
            value_label(row, lang),
            (ratio, y),
            xytext=(spec.marker / 2, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=spec.annotation,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},  # hides the 100% line
            zorder=4,
        )
    ax.axvline(100, color=GREY, linewidth=1.2, linestyle="--", zorder=2)
    ax.annotate(
        vocab.text("task_reference", lang, **years),
        (100, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(0, 4),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=spec.annotation,
        color=GREY,
    )
    ax.set_yticks(ys, [row_label(row, lang) for _, row in view.iterrows()])
    ax.set_ylim(-0.6, len(view) - 0.4)
    top = max(max(ratios), 100)
    ax.set_xlim(0, top * 1.6)  # room for the value labels
    set_value_ticks(ax, 0, top)
    ax.set_xlabel(vocab.text("task_axis", lang, **years))
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)


def _number(value: object, unit: object, lang: str) -> str:
    return vocab.amount(float(value), str(unit), lang)
