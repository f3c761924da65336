"""Rank scorecard: Muye's rank in the city in the report's base year, per ranked indicator."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis import vocab
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import ChartText, finish_chart, start_chart
from muye_analysis.charts.style import GREY, LIGHT_GREY, THIRD_COLOURS, house_style, size_spec
from muye_analysis.league import DEFAULT_FRAME_SIZE  # the assumed frame lives with the ranks
from muye_analysis.reports import year_fields
from muye_analysis.views import THIRDS, rank_view


def plot_rank_scorecard(
    rankings: pd.DataFrame | None = None,
    *,
    frame_size: int = DEFAULT_FRAME_SIZE,
    frame_from_table: bool = False,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """Muye's base-year rank within the city per ranked indicator, coloured by third of the frame.

    ``rankings`` is ``load_rankings()`` (the default). The report never says how many units
    were ranked, so ``frame_size`` is an assumption and is printed on the chart; thirds are
    relative to it (see :func:`~muye_analysis.charts.views.rank_third`). With
    ``frame_from_table=True`` the chart says the frame comes from the city's league table
    (``muye_analysis.league``) instead. Qualitative standings (第一方阵, 前列) are listed without
    a position; ranks among something other than county-level units (a bond batch's projects)
    are left off with a note.
    """
    if rankings is None:
        import muye_analysis

        rankings = muye_analysis.load_rankings()
    lang = resolve_lang(lang)
    view = rank_view(rankings, frame_size)
    years = year_fields(view)
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, ax = start_chart(ax, spec)
        _draw(ax, view, frame_size, lang, spec.annotation, spec.marker)
        text = ChartText(
            title=vocab.text("rank_title", lang, **years),
            subtitle=vocab.text("rank_subtitle", lang),
            notes=_notes(view, frame_size, lang, frame_from_table),
            source=vocab.source_line(lang, **years),
            above_axes_lines=1,
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def row_label(row: pd.Series, lang: str) -> str:
    """'社零（增速）': the indicator's short name and, for levels and growth, what was ranked."""
    name = vocab.indicator_name(row, lang)
    if row["kind"] == "rank" and row["ranked_on"] in ("level", "growth_rate"):
        name += vocab.text(f"ranked_on_{row['ranked_on']}", lang)
    return name


def _draw(ax: Axes, view: pd.DataFrame, n: int, lang: str, fontsize: float, marker: float) -> None:
    shown = view[view["kind"] != "other_frame"].reset_index(drop=True)
    ys = list(range(len(shown)))[::-1]  # report order, top to bottom
    _draw_thirds(ax, n, lang, fontsize)
    for y, (_, row) in zip(ys, shown.iterrows(), strict=True):
        ax.plot([1, n], [y, y], color=LIGHT_GREY, linewidth=1, zorder=1)
        if row["kind"] == "rank":
            colour = THIRD_COLOURS[row["third"]]
            ax.scatter([row["rank"]], [y], s=(1.6 * marker) ** 2, color=colour, zorder=3)
            ax.annotate(
                vocab.text("rank_value", lang, rank=int(row["rank"])),
                (row["rank"], y),
                xytext=(0, 0.9 * marker + 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=fontsize,
                color=colour,
            )
        else:
            standing = vocab.standing_label(str(row["standing_text"]), lang)
            ax.text(
                1,
                y,
                vocab.text("standing_no_rank", lang, standing=standing),
                va="center",
                ha="left",
                fontsize=fontsize,
                color=GREY,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            )
    ax.set_yticks(ys, [row_label(row, lang) for _, row in shown.iterrows()])
    ax.set_xticks(range(1, n + 1))
    ax.set_xlim(0.5, n + 0.5)
    ax.set_ylim(-0.7, len(shown) - 0.3)
    ax.set_xlabel(vocab.text("rank_axis", lang))
    ax.tick_params(axis="y", length=0)
    ax.grid(False)
    ax.spines["left"].set_visible(False)


def _draw_thirds(ax: Axes, n: int, lang: str, fontsize: float) -> None:
    # Band edges fall between the last rank of one third and the first of the next.
    edges = [0.5, n // 3 + 0.5, (2 * n) // 3 + 0.5, n + 0.5]
    for third, lo, hi in zip(THIRDS, edges, edges[1:], strict=False):
        ax.axvspan(lo, hi, color=THIRD_COLOURS[third], alpha=0.07, linewidth=0, zorder=0)
        ax.text(
            (lo + hi) / 2,
            1.01,
            vocab.text(f"third_{third}", lang),
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="baseline",
            fontsize=fontsize,
            color=THIRD_COLOURS[third],
        )


def _notes(view: pd.DataFrame, n: int, lang: str, from_table: bool = False) -> list[str]:
    if from_table:
        notes = [vocab.text("frame_from_table", lang, n=n)]
    else:
        notes = [vocab.text("frame_assumption", lang, n=n), vocab.text("frame_explained", lang)]
    for _, row in view[view["kind"] == "other_frame"].iterrows():
        name = vocab.indicator_name(row, lang)
        key = "amount_rank_excluded" if row["ranked_on"] == "amount" else "other_rank_excluded"
        notes.append(vocab.text(key, lang, name=name, rank=int(row["rank"])))
    return notes
