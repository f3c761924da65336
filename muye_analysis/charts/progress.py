"""The 进度监测 chart: the targets with figures for the year, coloured by status.

:func:`progress_spec` is the chart as data (from the columns of
:func:`muye_analysis.progress.progress_table`), drawn by :func:`plot_progress` and by the deck's
native charts alike. Two bar panels: growth targets (growth so far in its status colour beside
the growth the rest of the year needs, the single latest period's growth when the table gives
it), and level, count and point targets (completion in its status colour beside the time
elapsed, 序时进度; a point target without a completion share says its value and target). Only
targets with figures are drawn; the subtitle says how many others await data, and the notes name
them. With no figure for any target there is no chart (:func:`has_tracked`).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis import vocab
from muye_analysis.chart_spec import (
    COLOURS,
    STATUS_COLOURS,
    ChartSpec,
    Note,
    Panel,
    Series,
    hex_colour,
)
from muye_analysis.charts.chart import Chart
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.display import fixed, is_missing, round_half_up

NO_DATA = "no_data"
# Matplotlib colours of the statuses (the spec's, with '#'), for callers that draw their own.
STATUS_HEX = {status: hex_colour(colour) for status, colour in STATUS_COLOURS.items()}


def annual_targets(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``table`` that are annual targets (a project's total investment is not)."""
    if "annual" not in table.columns:
        return table
    return table[table["annual"].fillna(True).astype(bool)]


def has_tracked(table: pd.DataFrame) -> bool:
    """Whether any annual target of ``table`` has a figure for the year (else no chart)."""
    rows = annual_targets(table)
    return bool(len(rows)) and bool((rows["status"] != NO_DATA).any())


def plot_progress(
    table: pd.DataFrame | None = None,
    *,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """The targets of :func:`muye_analysis.progress.progress_table` that have figures, coloured
    by status (green on track, yellow at risk, vermilion off track). Raises ValueError when no
    target has a figure: check :func:`has_tracked` first (an all-grey chart says nothing)."""
    from muye_analysis.charts.draw import draw_spec
    from muye_analysis.progress import progress_table as build

    table = build() if table is None else table
    spec = progress_spec(table, lang=lang)
    if spec is None:
        raise ValueError(
            "no target has a figure for the year yet: nothing to chart "
            "(ingest the year-to-date files with `muye ingest`, then draw it)"
        )
    return draw_spec(spec, ax=ax, size=size)


def progress_spec(table: pd.DataFrame, *, lang: str = "zh") -> ChartSpec | None:
    """The progress chart as data, or None when no target has a figure."""
    from muye_analysis.progress import THRESHOLDS

    lang = resolve_lang(lang)
    if not has_tracked(table):
        return None
    table = annual_targets(table)  # a project's size is no annual target (the tally's rule)
    tracked = table[table["status"] != NO_DATA]
    waiting = table[table["status"] == NO_DATA]
    panels = []
    growth = tracked[tracked["progress_kind"] == "growth"]
    if len(growth):
        panels.append(_growth_panel(growth, lang))
    others = tracked[tracked["progress_kind"] != "growth"]
    if len(others):
        panels.append(_level_panel(others, lang))
    as_of = table.attrs.get("as_of")
    period = as_of.label(lang) if as_of is not None else vocab.text("progress_no_period", lang)
    if len(waiting):
        subtitle = vocab.text("progress_chart_subtitle", lang, n=len(tracked), m=len(waiting))
    else:
        subtitle = vocab.text("progress_chart_subtitle_all", lang, n=len(tracked))
    notes = [Note(vocab.text("progress_rules", lang, **THRESHOLDS))]
    if len(growth):
        notes.append(Note(vocab.text("progress_needed_note", lang),
                          evidence=vocab.text("progress_growth_panel", lang)))  # fmt: skip
    if len(others):
        notes.append(Note(vocab.text("progress_elapsed_note", lang),
                          evidence=vocab.text("progress_level_panel", lang)))  # fmt: skip
    if len(waiting):
        names = vocab.join_names([_name(r, lang) for _, r in waiting.iterrows()], lang)
        notes.append(Note(vocab.text("progress_await_note", lang, m=len(waiting), names=names)))
    synthetic = bool(tracked["synthetic"].fillna(False).astype(bool).any())
    extra = vocab.store_citations(tracked, lang)
    if synthetic:
        extra.append(vocab.text("synthetic_stamp", lang))
    return ChartSpec(
        name="progress",
        panels=tuple(panels),
        title=vocab.text(
            "progress_chart_title", lang, plan_year=table.attrs.get("plan_year"), period=period
        ),
        subtitle=subtitle,
        notes=tuple(notes),
        source=vocab.source_line(lang, extra),
        stamp=vocab.text("synthetic_stamp", lang) if synthetic else "",
        lang=lang,
    )


def _name(row: pd.Series, lang: str) -> str:
    return vocab.indicator_name(str(row["indicator"]), lang)


def _row_name(row: pd.Series, lang: str, *, growth: bool) -> str:
    from muye_analysis.claims.ytd import goal_of

    goal = vocab.goal_text(goal_of(row), lang, commitment=False, growth_word=not growth)
    status = vocab.text(f"status.{row['status']}", lang)
    return vocab.text("progress_goal_row", lang, name=_name(row, lang), goal=goal, status=status)


def _number(value: object) -> float | None:
    """A value as its label shows it (one decimal, half up), so the embedded data read the same."""
    return None if is_missing(value) else round_half_up(float(value), 1)


def _colours(rows: pd.DataFrame) -> tuple[str, ...]:
    return tuple(STATUS_COLOURS[str(s)] for s in rows["status"])


def _growth_panel(rows: pd.DataFrame, lang: str) -> Panel:
    so_far = tuple(_number(v) for v in rows["ytd_value"])
    labels = []
    for value, (_, row) in zip(so_far, rows.iterrows(), strict=True):
        label = "" if value is None else vocab.pct(value)
        momentum = _momentum(row, lang)
        labels.append(f"{label}{'；' if lang == 'zh' else '; '}{momentum}" if momentum else label)
    return _status_panel(rows, lang, growth=True, first=("progress_so_far", so_far, labels),
                         second=("progress_needed", "required_growth"),
                         title="progress_growth_panel", axis="gap_axis")  # fmt: skip


def _level_panel(rows: pd.DataFrame, lang: str) -> Panel:
    from muye_analysis.claims.ytd import goal_of
    from muye_analysis.progress.rendering import value_decimals

    done = tuple(_number(v) for v in rows["completion_pct"])
    labels = []
    for value, (_, row) in zip(done, rows.iterrows(), strict=True):
        if value is not None:
            labels.append(vocab.pct(value))
            continue
        shown = vocab.amount(float(row["ytd_value"]), str(row["unit"]), lang,
                             decimals=value_decimals(row))  # fmt: skip
        goal = vocab.goal_text(goal_of(row), lang, commitment=False)
        labels.append(vocab.text("progress_point_text", lang, value=shown, goal=goal))
    return _status_panel(rows, lang, growth=False, first=("progress_completion", done, labels),
                         second=("progress_elapsed", "elapsed_pct"),
                         title="progress_level_panel", axis="progress_pct_axis")  # fmt: skip


def _status_panel(
    rows: pd.DataFrame,
    lang: str,
    *,
    growth: bool,
    first: tuple[str, tuple[float | None, ...], list[str]],
    second: tuple[str, str],
    title: str,
    axis: str,
) -> Panel:
    """Bars of one kind of target: the first series in each row's status colour, the second (the
    growth still needed, or the time elapsed) in light grey, each labelled with its value."""
    name, values, labels = first
    other_name, column = second
    other = tuple(_number(v) for v in rows[column])
    return Panel(
        kind="bar",
        categories=tuple(_row_name(r, lang, growth=growth) for _, r in rows.iterrows()),
        series=(
            Series(
                vocab.text(name, lang),
                values,
                COLOURS["muye"],
                point_colours=_colours(rows),
                labels=tuple(labels),
            ),
            Series(
                vocab.text(other_name, lang),
                other,
                COLOURS["needed"],
                labels=tuple("" if v is None else vocab.pct(v) for v in other),
            ),
        ),
        title=vocab.text(title, lang),
        axis_title=vocab.text(axis, lang),
        number_format="0.0",
        axis_format="0",
        axis_min=None if growth else 0,
        legend=False,  # the panel's title says which bar is which
    )


def _momentum(row: pd.Series, lang: str) -> str:
    """'三季度当期5.5%，加快' when the table gives the latest single period's growth (issue 26's
    momentum columns); '' otherwise."""
    code, span, value = row.get("momentum"), row.get("latest_span"), row.get("latest_growth")
    if is_missing(code) or is_missing(value) or span is None or is_missing(span):
        return ""
    key = f"progress_momentum.{code}"
    if key not in vocab.STRINGS:
        return ""
    span_text = span.phrase(lang) if hasattr(span, "phrase") else str(span)
    return vocab.text(key, lang, span=span_text, value=f"{fixed(float(value), 1)}%")


# -- the chart, declared once (collected by muye_analysis.charts.registry) --------------------


def _chart_figure(lang: str, size: str, assumed):
    """The store's table as it stands (the briefing's slide is ``briefing.ytd``'s)."""
    return plot_progress(lang=lang, size=size)


def _chart_ready() -> bool:
    """Whether the year-to-date store holds a figure of the plan year for any target."""
    from muye_analysis.progress import progress_table

    return has_tracked(progress_table())


CHART = Chart("progress", notebook="04_growth_gap_forecasts", title_key="progress_title",
              ytd=True, draw=_chart_figure, ready=_chart_ready)  # fmt: skip
