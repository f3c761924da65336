"""The district among the city's units: its rank over time, and every unit's growth as dots.

Both draw from ``league.city_ranks`` (the city bureau's tables in the store) and state the number
of units ranked on the chart, the city's ranking rules in the notes (frame, 长垣市 省直管, ties)
and the tables' files in the source line; charts drawn from synthetic tables are stamped.
"""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from muye_analysis import config
from muye_analysis import vocab as labels
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import (
    ChartText,
    finish_chart,
    set_value_ticks,
    stamp_synthetic,
    start_chart,
    start_panels,
)
from muye_analysis.charts.rank_words import (
    area_name,
    frame_text,
    indicator_name,
    rank_short,
    rank_text,
    rule_notes,
    source_text,
)
from muye_analysis.charts.style import (
    CITY_COLOUR,
    GREY,
    LIGHT_GREY,
    MUYE_COLOUR,
    house_style,
    size_spec,
)
from muye_analysis.periods import MONTH_NAMES_EN, Period

HISTORY_GID = "muye-rank-history"
DOT_GID = "muye-unit-dot"
MUYE_DOT_GID = "muye-district-dot"
CITY_LINE_GID = "muye-city-line"
MAX_PANELS = 5  # the headline indicators a rank history shows side by side


def plot_rank_history(
    history: pd.DataFrame | None = None,
    *,
    area: str = config.DISTRICT_ZH,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """The district's rank in the city at every period with a city table, one panel per
    indicator (the headline ones first): growth rank solid, level rank dashed, No. 1 at the
    top, each point labelled with its rank (6= where tied). The units ranked at each period are
    stated in the notes. ``history`` is ``league.rank_history(area)`` (the default)."""
    from muye_analysis import league

    history = league.rank_history(area) if history is None else history
    lang = resolve_lang(lang)
    indicators = _indicators(history)[:MAX_PANELS]
    periods = sorted(
        {Period(int(y), int(m)) for y, m in zip(history["year"], history["end_month"], strict=True)}
    )
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, axes = start_panels(ax, max(len(indicators), 1), spec, sharey=True, wspace=0.05)
        top = int(history["frame_size"].max()) if len(history) else 13
        for panel, indicator in zip(axes, indicators, strict=False):
            rows = history[history["indicator"] == indicator]
            _history_panel(panel, rows, periods, top, lang, spec)
        for panel in axes[1:]:
            panel.tick_params(axis="y", left=False, labelleft=False)
        axes[0].set_ylabel(labels.text("cr_history_axis", lang))
        synthetic = len(history) and bool(history["synthetic"].fillna(False).any())
        handles = [
            Line2D([], [], color=MUYE_COLOUR, marker="o", linewidth=spec.line),
            Line2D(
                [],
                [],
                color=MUYE_COLOUR,
                marker="o",
                markerfacecolor="white",
                linestyle="--",
                linewidth=spec.line,
            ),
        ]
        names = [labels.text("cr_measure_growth", lang), labels.text("cr_measure_level", lang)]
        text = ChartText(
            title=labels.text("cr_history_title", lang, district=area_name(area, lang)),
            subtitle=labels.text("cr_history_subtitle", lang),
            notes=[
                labels.text("cr_history_frames", lang, text=_frames(history, lang)),
                *rule_notes(history, lang, change=False),
            ],
            source=source_text(history, lang),
            legend=(handles, names),
        )
        finish_chart(fig, text, spec, owner_ax=owner_ax)
        if synthetic:  # top right of the figure, clear of the panels' titles
            stamp = stamp_synthetic(axes[-1], labels.text("synthetic_stamp", lang),
                                    fontsize=spec.annotation)  # fmt: skip
            stamp.set_horizontalalignment("right")
            if owner_ax is None:
                stamp.set_transform(fig.transFigure)
                stamp.set_position((0.985, 0.97))
            else:
                stamp.set_position((0.99, 1.12))
                stamp.set_verticalalignment("bottom")
        return fig


def _indicators(ranks: pd.DataFrame) -> list[str]:
    from muye_analysis.dataset import HEADLINE

    present = list(dict.fromkeys(ranks["indicator"]))
    return sorted(present, key=lambda i: (HEADLINE.index(i) if i in HEADLINE else 99, i))


def _history_panel(
    ax: Axes, rows: pd.DataFrame, periods: list[Period], top: int, lang: str, spec
) -> None:
    x_of = {p: i for i, p in enumerate(periods)}
    for measure, style in (("growth", "-"), ("level", "--")):
        line = rows[rows["measure"] == measure]
        if line.empty:
            continue
        xs = [
            x_of[Period(int(y), int(m))]
            for y, m in zip(line["year"], line["end_month"], strict=True)
        ]
        face = MUYE_COLOUR if measure == "growth" else "white"
        ax.plot(
            xs,
            list(line["rank"]),
            style,
            color=MUYE_COLOUR,
            marker="o",
            markerfacecolor=face,
            linewidth=spec.line,
            markersize=spec.marker * 0.8,
            gid=HISTORY_GID,
        )
        for x, rank, tied in zip(xs, line["rank"], line["tied"], strict=True):
            ax.annotate(
                rank_short(int(rank), bool(tied), lang),
                (x, int(rank)),
                # growth labels up and right of their point, level labels down and left: the
                # two lines of a panel often run close together
                xytext=(
                    spec.marker * (0.6 if measure == "growth" else -0.6),
                    spec.marker * (0.5 if measure == "growth" else -0.5),
                ),
                textcoords="offset points",
                ha="left" if measure == "growth" else "right",
                va="bottom" if measure == "growth" else "top",
                fontsize=spec.annotation,
                color=MUYE_COLOUR,
            )
    ax.set_ylim(top + 0.7, 0.3)  # No. 1 at the top
    ax.set_yticks(sorted({1, *range(5, top, 5), top}))
    ax.set_xlim(-0.5, len(periods) - 0.5)
    ax.set_xticks(range(len(periods)), [_period_tick(p, periods, lang) for p in periods])
    ax.grid(axis="y", color=LIGHT_GREY, linewidth=0.6)
    title = indicator_name(str(rows["indicator"].iloc[0]), lang)
    ax.set_title(textwrap.fill(title, 16) if lang == "en" else title, fontsize=spec.label,
                 loc="left")  # fmt: skip


def _period_tick(period: Period, periods: list[Period], lang: str) -> str:
    """1-3月 (zh) / Mar (en: the month the year to date ends in); with the year when the
    periods span years."""
    one_year = len({p.year for p in periods}) == 1
    if lang == "zh":
        return period.months_zh() if one_year else period.label("zh")
    month = MONTH_NAMES_EN[period.end_month - 1]
    return month if one_year else f"{month} {period.year % 100:02d}"


def _frames(ranks: pd.DataFrame, lang: str) -> str:
    """13（YYYY年1-3月）、13–14（YYYY年1-6月）: the units ranked at each period."""
    parts = []
    for (year, end), rows in ranks.groupby(["year", "end_month"], sort=True):
        sizes = sorted({int(n) for n in rows["frame_size"]})
        n = str(sizes[0]) if len(sizes) == 1 else f"{sizes[0]}–{sizes[-1]}"
        when = Period(int(year), int(end)).label(lang)
        parts.append(labels.text("cr_frame_at", lang, text=n, period=when))
    return labels.join_names(parts, lang)


def plot_growth_dots(
    ranks: pd.DataFrame | None = None,
    indicator: str | None = None,
    *,
    area: str = config.DISTRICT_ZH,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """Every unit's growth in one period as a dot, in rank order (No. 1 at the top), the city's
    growth as a vertical line, the district highlighted in blue; the number of units ranked in
    the subtitle. ``ranks`` is ``league.city_ranks()`` (the default: the latest period);
    ``indicator`` defaults to the first headline indicator with growth ranked in it."""
    from muye_analysis import league

    ranks = league.city_ranks() if ranks is None else ranks
    lang = resolve_lang(lang)
    growth = ranks[ranks["measure"] == "growth"]
    if indicator is None:
        indicator = _indicators(growth)[0]
    rows = growth[growth["indicator"] == indicator].sort_values(
        ["rank", "value"], ascending=[True, False]
    )
    rows = rows.reset_index(drop=True)
    period = Period(int(rows["year"].iloc[0]), int(rows["end_month"].iloc[0]))
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, ax = start_chart(ax, spec)
        _draw_dots(ax, rows, area, lang, spec)
        if bool(rows["synthetic"].fillna(False).any()):
            stamp_synthetic(
                ax, labels.text("synthetic_stamp", lang), fontsize=spec.annotation, where="above"
            )
        name = indicator_name(indicator, lang)
        name += labels.basis_suffix(rows["price_basis"].iloc[0], lang)
        frame = frame_text(int(rows["frame_size"].iloc[0]), lang)
        text = ChartText(
            title=labels.text("cr_dots_title", lang, period=period.label(lang), name=name),
            subtitle=labels.text(
                "cr_dots_subtitle", lang, district=area_name(area, lang), text=frame
            ),
            notes=rule_notes(rows, lang, change=False),
            source=source_text(rows, lang),
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def _draw_dots(ax: Axes, rows: pd.DataFrame, area: str, lang: str, spec) -> None:
    n = len(rows)
    ys = list(range(n))[::-1]  # rank 1 at the top
    values = [float(v) for v in rows["value"]]
    low, high = min(values), max(values)
    city = rows["city_value"].dropna()
    if len(city):
        low, high = min(low, float(city.iloc[0])), max(high, float(city.iloc[0]))
    span = (high - low) or 1.0
    for y, row in zip(ys, rows.to_dict("records"), strict=True):
        mine = row["area"] == area
        ax.plot(
            [low - 0.05 * span, float(row["value"])],
            [y, y],
            color=LIGHT_GREY,
            linewidth=0.6,
            zorder=1,
        )
        ax.scatter(
            [float(row["value"])],
            [y],
            s=(spec.marker * (1.5 if mine else 1.0)) ** 2,
            color=MUYE_COLOUR if mine else GREY,
            zorder=3,
            gid=MUYE_DOT_GID if mine else DOT_GID,
        )
        label = f"{float(row['value']):.1f}"
        if mine:
            label += " " + rank_text(int(row["rank"]), bool(row["tied"]), lang)
        ax.annotate(
            label,
            (float(row["value"]), y),
            xytext=(spec.marker, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=spec.annotation,
            color=MUYE_COLOUR if mine else GREY,
        )
    if len(city):
        value = float(city.iloc[0])
        ax.axvline(
            value, color=CITY_COLOUR, linestyle="--", linewidth=1.2, zorder=2, gid=CITY_LINE_GID
        )
        ax.annotate(
            labels.text("cr_city_line", lang, value=value),
            (value, n - 0.4),
            xytext=(3, 0),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize=spec.annotation,
            color=CITY_COLOUR,
        )
    ticks = [
        f"{rank_short(int(r['rank']), bool(r['tied']), lang)}  {area_name(r['area'], lang)}"
        for r in rows.to_dict("records")
    ]
    ax.set_yticks(ys, ticks)
    for tick, row in zip(ax.get_yticklabels(), rows.to_dict("records"), strict=True):
        if row["area"] == area:
            tick.set_color(MUYE_COLOUR)
    ax.set_ylim(-0.7, n - 0.1)
    ax.set_xlim(low - 0.08 * span, high + 0.35 * span)
    set_value_ticks(ax, low, high)
    if low < 0 < high:
        ax.axvline(0, color=GREY, linewidth=0.6)
    ax.set_xlabel(labels.text("cr_dots_axis", lang))
    ax.tick_params(axis="y", length=0)
    ax.grid(False)
    ax.spines["left"].set_visible(False)
