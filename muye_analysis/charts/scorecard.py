"""Rank scorecard: the district's rank in the city in the report's base year, per ranked indicator.

:func:`scorecard_spec` is the chart as data, drawn by :func:`plot_rank_scorecard` and by the
deck's native chart alike: one dot per rank (x = rank, 1 = best), coloured and banded by third of
the units ranked, each labelled with what was ranked and its position; qualitative standings
(第一方阵, 全市前列) as labelled rows without a dot; the number of units ranked in the axis title
(an assumption unless a league table gives it).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis import vocab
from muye_analysis.chart_spec import COLOURS, Band, ChartSpec, Note, Panel, Reference, Series
from muye_analysis.charts.chart import Chart
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.claims import charts as claims
from muye_analysis.league import DEFAULT_FRAME_SIZE  # the assumed frame lives with the ranks
from muye_analysis.reports import year_fields
from muye_analysis.views import THIRDS, rank_view

STANDING_X = 0.55  # where a standing's label starts: left of rank 1, where no rank can be


def plot_rank_scorecard(
    rankings: pd.DataFrame | None = None,
    *,
    frame_size: int = DEFAULT_FRAME_SIZE,
    frame_from_table: bool = False,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """The district's base-year rank within the city per ranked indicator, by third of the frame.

    ``rankings`` is ``load_rankings()`` (the default). The report never says how many units
    were ranked, so ``frame_size`` is an assumption and the chart says so; thirds are relative to
    it (see :func:`~muye_analysis.views.rank_third`). With ``frame_from_table=True`` the chart
    says the frame comes from the city's league table (``muye_analysis.league``) instead.
    Qualitative standings (第一方阵, 前列) are listed without a position; ranks among something
    other than county-level units (a bond batch's projects) are left off with a note.
    """
    from muye_analysis.charts.draw import draw_spec

    spec = scorecard_spec(rankings, frame_size=frame_size, frame_from_table=frame_from_table,
                          lang=lang)  # fmt: skip
    return draw_spec(spec, ax=ax, size=size)


def scorecard_spec(
    rankings: pd.DataFrame | None = None,
    *,
    frame_size: int = DEFAULT_FRAME_SIZE,
    frame_from_table: bool = False,
    lang: str = "zh",
) -> ChartSpec:
    """The scorecard as data: one xy panel, thirds as named bands, standings as label rows."""
    if rankings is None:
        import muye_analysis

        rankings = muye_analysis.load_rankings()
    lang = resolve_lang(lang)
    n = frame_size
    view = rank_view(rankings, n)
    years = year_fields(view)
    shown = view[view["kind"] != "other_frame"].reset_index(drop=True)
    rows = len(shown)
    series = []
    for third in THIRDS:
        part = shown[(shown["kind"] == "rank") & (shown["third"] == third)]
        if part.empty:
            continue
        series.append(Series(
            name=vocab.text(f"third_{third}", lang),
            values=tuple(float(rows - i) for i in part.index),
            x=tuple(float(r) for r in part["rank"]),
            colour=COLOURS[third],
            labels=tuple(_rank_label(row, lang) for _, row in part.iterrows()),
            legend=False,  # the bands name the thirds on the chart
        ))  # fmt: skip
    standings = shown[shown["kind"] == "standing"]
    if len(standings):
        series.append(Series(
            name=vocab.text("standing_series", lang),
            values=tuple(float(rows - i) for i in standings.index),
            x=(STANDING_X,) * len(standings),
            colour=COLOURS["reference"],
            labels=tuple(_standing_label(row, lang) for _, row in standings.iterrows()),
            marker=False,
            legend=False,
        ))  # fmt: skip
    count = vocab.text("rank_frame_count", lang, n=n)
    how = vocab.text("rank_frame_table" if frame_from_table else "rank_frame_assumed", lang)
    edges = [0.5, n // 3 + 0.5, (2 * n) // 3 + 0.5, n + 0.5]
    bands = tuple(
        Band(lo, hi, vocab.text("third_band", lang, third=vocab.text(f"third_{t}", lang),
                                lo=int(lo + 0.5), hi=int(hi - 0.5)), COLOURS[t])
        for t, lo, hi in zip(THIRDS, edges, edges[1:], strict=False)
    )  # fmt: skip
    panel = Panel(
        kind="xy",
        categories=(),
        series=tuple(series),
        axis_title=vocab.text("rank_axis_frame", lang, count=count, how=how),
        number_format="0",
        axis_format=f'[>{n}]"";[<1]"";0',  # ticks 1..frame size only
        axis_min=0,
        axis_max=n + 1,
        legend=False,
        hide_category_axis=True,
        references=tuple(Reference(edge, "") for edge in edges[1:-1]),
        bands=bands,
        ticks=tuple(float(t) for t in range(1, n + 1)),
    )
    return ChartSpec(
        name="rank_scorecard",
        panels=(panel,),
        title=vocab.text("rank_title", lang, **years),
        subtitle=vocab.text("rank_subtitle", lang),
        notes=_notes(view, n, lang, frame_from_table, count),
        source=vocab.source_line(lang, **years),
        lang=lang,
    )


def row_label(row: pd.Series, lang: str) -> str:
    """'社零（增速）': the indicator's short name and, for levels and growth, what was ranked."""
    name = vocab.indicator_name(row, lang)
    if row["kind"] == "rank" and row["ranked_on"] in ("level", "growth_rate"):
        name += vocab.text(f"ranked_on_{row['ranked_on']}", lang)
    return name


def _rank_label(row: pd.Series, lang: str) -> str:
    rank = vocab.text("rank_value", lang, rank=int(row["rank"]))
    return vocab.text("rank_point", lang, name=row_label(row, lang), rank=rank)


def _standing_label(row: pd.Series, lang: str) -> str:
    standing = vocab.standing_label(str(row["standing_text"]), lang)
    return vocab.text("standing_point", lang, name=row_label(row, lang), standing=standing)


def _notes(view: pd.DataFrame, n: int, lang: str, from_table: bool, count: str) -> tuple[Note, ...]:
    if from_table:
        notes = [Note(vocab.text("frame_from_table", lang, n=n), evidence=count)]
    else:
        notes = [Note(vocab.text("frame_assumption", lang, n=n), evidence=count),
                 Note(vocab.text("frame_explained", lang), evidence=count)]  # fmt: skip
    for _, row in view[view["kind"] == "other_frame"].iterrows():
        name = vocab.indicator_name(row, lang)
        key = "amount_rank_excluded" if row["ranked_on"] == "amount" else "other_rank_excluded"
        notes.append(Note(vocab.text(key, lang, name=name, rank=int(row["rank"]))))
    return tuple(notes)


# -- the chart, declared once (collected by muye_analysis.charts.registry) --------------------


CHART = Chart(
    "rank_scorecard", notebook="02_city_rankings", title_key="rank_title", report=True,
    spec=lambda data, lang, assumed: scorecard_spec(
        data.rankings, frame_size=assumed.frame_size, frame_from_table=assumed.frame_from_table,
        lang=lang,
    ),
    takeaway=lambda data, assumed: claims.scorecard_claim(
        data.rankings, frame_size=assumed.frame_size
    ),
)  # fmt: skip
