"""Task targets against base-year outcomes: each plan-year target as a share of that result.

:func:`task_spec` is the chart as data, drawn by :func:`plot_task_targets` and by the deck's
native chart alike: one column per task target (largest share first), labelled with the share,
the two numbers as printed under each name, and the 100% line ("与上年持平") drawn across.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis import vocab
from muye_analysis.chart_spec import COLOURS, ChartSpec, Note, Panel, Reference, Series
from muye_analysis.charts.chart import Chart
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.claims import charts as claims
from muye_analysis.display import fixed, round_half_up
from muye_analysis.reports import year_fields
from muye_analysis.views import task_target_view


def plot_task_targets(
    targets: pd.DataFrame | None = None,
    *,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """Each plan-year task target as a % of the base-year outcome, 100% marked.

    ``targets`` is ``load_targets()`` (the default); only targets with a comparable base-year
    outcome appear (key projects, key-project investment, jobs, grain, battery revenue, new
    专精特新 firms, …; never a rate). Each column is labelled with the share, each name with both
    numbers as printed, the floor marked ≥. Every column is a target (orange, as on every chart):
    the 100% line and the labels tell above from below (most targets are floors).
    """
    from muye_analysis.charts.draw import draw_spec

    return draw_spec(task_spec(targets, lang=lang), ax=ax, size=size)


def task_spec(targets: pd.DataFrame | None = None, *, lang: str = "zh") -> ChartSpec:
    """The task-target chart as data: one column panel with the 100% reference line."""
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
    # as labelled (whole percent, half up): the embedded data read as the chart does
    ratios = tuple(float(round_half_up(float(v), 0)) for v in view["ratio_pct"])
    panel = Panel(
        kind="column",
        categories=tuple(
            f"{row_label(r, lang)}\n{both_numbers(r, lang)}" for _, r in view.iterrows()
        ),
        series=(
            Series(
                name=vocab.text("series_ratio", lang, **years),
                values=ratios,
                colour=COLOURS["target"],
                labels=tuple(f"{fixed(r, 0)}%" for r in ratios),
                legend=False,
            ),
        ),
        axis_title=vocab.text("task_axis", lang, **years),
        number_format="0",
        axis_format="0",
        axis_min=0,
        legend=False,
        references=(Reference(100.0, vocab.text("task_reference", lang, **years)),),
    )
    return ChartSpec(
        name="task_targets",
        panels=(panel,),
        title=vocab.text("task_title", lang, **years),
        subtitle=vocab.text("task_subtitle", lang, **years),
        notes=(Note(vocab.text("task_note", lang), evidence="≥"),),
        source=vocab.source_line(lang, **years),
        lang=lang,
    )


def row_label(row: pd.Series, lang: str) -> str:
    """'重点项目（力争）': short name and the strength of commitment, if any."""
    name = vocab.indicator_name(row, lang)
    commitment = row["commitment"]
    if pd.notna(commitment) and str(commitment) in ("力争", "确保"):
        name += vocab.text(f"commitment_{commitment}", lang)
    return name


def both_numbers(row: pd.Series, lang: str) -> str:
    """'≥200个／431个': the target (with its floor) and last year's outcome, as printed."""
    target = vocab.bound_symbol(row["bound"]) + vocab.amount(
        float(row["target"]), str(row["unit"]), lang
    )
    outcome = vocab.amount(float(row["actual"]), str(row["unit"]), lang)
    return vocab.text("task_value", lang, target=target, actual=outcome)


def value_label(row: pd.Series, lang: str) -> str:
    """'46%（≥200个／431个）', with '+10.0个百分点' added for rates."""
    detail = both_numbers(row, lang)
    if pd.notna(row["gap_pp"]):
        sep = "，" if lang == "zh" else ", "
        detail += sep + vocab.text("pp", lang, value=float(row["gap_pp"]))
    ratio = f"{fixed(float(row['ratio_pct']), 0)}%"
    return f"{ratio}（{detail}）" if lang == "zh" else f"{ratio} ({detail})"


# -- the chart, declared once (collected by muye_analysis.charts.registry) --------------------


CHART = Chart(
    "task_targets", notebook="03_targets", title_key="task_title", report=True,
    spec=lambda data, lang, assumed: task_spec(data.targets, lang=lang),
    takeaway=lambda data, assumed: claims.tasks_claim(data.targets),
)  # fmt: skip
