"""The report charts as editable deck charts: the numbers of each chart's view, nothing else.

Each ``*_native`` function takes the same tables as the matplotlib chart and returns
:class:`~muye_analysis.briefing.model.NativeChart` specs that the deck draws with python-pptx
(the data travel inside the .pptx, so a user can 编辑数据 in PowerPoint or WPS).

One meaning per colour across the whole deck (:data:`COLOURS`): blue is the district's outcome,
orange a target, grey the city or a reference, green and vermilion the top and bottom thirds of
a ranking, light grey the middle third.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.briefing.model import NativeChart, Series
from muye_analysis.display import fixed, format_number, round_half_up

if TYPE_CHECKING:
    import pandas as pd

COLOURS = {
    "muye": "0072B2",  # the district's outcome
    "target": "E69F00",  # a target (this year's plan)
    "reference": "8C8C8C",  # the city, or a reference
    "top": "009E73",  # top third of a ranking
    "middle": "8C8C8C",  # middle third: neutral grey
    "bottom": "D55E00",  # bottom third
}


def scorecard_native(rankings: pd.DataFrame, lang: str, *, frame_size: int) -> tuple[NativeChart]:
    """Ranks as dots (XY): x = rank (1 = best, left), one row per ranking, one series per third
    so the colour legend says top / middle / bottom third; labels name the indicator."""
    from muye_analysis.views import rank_view

    view = rank_view(rankings, frame_size)
    ranked = view[view["kind"] == "rank"].reset_index(drop=True)
    n = len(ranked)
    series = []
    for third in ("top", "middle", "bottom"):
        rows = ranked[ranked["third"] == third]
        if rows.empty:
            continue
        series.append(
            Series(
                name=vocab.text(f"third_{third}", lang),
                values=tuple(float(n - i) for i in rows.index),
                x=tuple(float(r) for r in rows["rank"]),
                colour=COLOURS[third],
                labels=tuple(_rank_label(row, lang) for _, row in rows.iterrows()),
            )
        )
    return (
        NativeChart(
            kind="xy",
            categories=(),
            series=tuple(series),
            axis_title=vocab.text("rank_axis", lang),
            number_format="0",
            axis_format=f'[>{frame_size}]"";[<1]"";0',  # ticks 1..frame size only
            axis_min=0,
            axis_max=frame_size + 1,
            hide_category_axis=True,
        ),
    )


def _rank_label(row: pd.Series, lang: str) -> str:
    word = vocab.text(f"ranked_on_{row['ranked_on']}", lang) if row["ranked_on"] != "share" else ""
    rank = vocab.text("rank_label", lang, rank=int(row["rank"]))
    return f"{vocab.indicator_name(row, lang)}{word} {rank}"


def city_native(
    indicators: pd.DataFrame, context: pd.DataFrame, registry: pd.DataFrame, lang: str
) -> tuple[NativeChart, NativeChart]:
    """Left: the district's share of the city's totals (bars); right: growth of the district
    beside the city's (clustered bars, the price basis in each name)."""
    from muye_analysis.views import city_view

    view = city_view(indicators, context, registry)
    shares = view[view["share_pct"].notna()]
    share_chart = NativeChart(
        kind="bar",
        categories=tuple(vocab.indicator_name(r, lang) for _, r in shares.iterrows()),
        series=(
            Series(
                name=vocab.text("series_share", lang),
                values=tuple(round_half_up(float(v), 1) for v in shares["share_pct"]),
                colour=COLOURS["muye"],
                labels=tuple(f"{fixed(float(v), 1)}%" for v in shares["share_pct"]),
            ),
        ),
        title=vocab.text("city_share_panel", lang),
        axis_title=vocab.text("city_share_axis", lang),
        number_format="0.0",
        axis_format="0",
        axis_min=0,
        legend=False,
    )
    growth = view[view["muye_growth"].notna() | view["city_growth"].notna()]
    categories = tuple(
        vocab.indicator_name(r, lang) + vocab.basis_suffix(r["growth_basis"], lang)
        for _, r in growth.iterrows()
    )
    growth_chart = NativeChart(
        kind="bar",
        categories=categories,
        series=(
            _growth_series(vocab.text("city_muye", lang), growth["muye_growth"], "muye", lang),
            _growth_series(vocab.text("city_city", lang), growth["city_growth"], "reference", lang),
        ),
        title=vocab.text("city_growth_panel", lang),
        axis_title=vocab.text("city_growth_axis", lang),
        number_format="0.0",
        axis_format="0",
    )
    return share_chart, growth_chart


def _growth_series(name: str, values: pd.Series, role: str, lang: str) -> Series:
    numbers = tuple(None if _missing(v) else float(v) for v in values)
    labels = tuple(
        vocab.text("cell_not_stated", lang) if v is None else f"{fixed(v, 1)}%" for v in numbers
    )
    return Series(name=name, values=numbers, colour=COLOURS[role], labels=labels)


def growth_gap_native(targets: pd.DataFrame, lang: str) -> tuple[NativeChart]:
    """Last year's growth beside this year's target, per headline indicator (clustered
    columns; a missing outcome stays empty and is labelled 未公布)."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(targets)
    categories = tuple(
        vocab.indicator_name(r, lang)
        + vocab.basis_suffix(r["price_basis"], lang)
        + ("" if not _missing(r["actual"]) else "\n" + vocab.text("not_stated", lang))
        for _, r in view.iterrows()
    )  # a missing outcome is said under its name: an empty bar cannot carry a label
    target_labels = tuple(
        vocab.target_text(float(r["target"]), r["qualifier"], r["bound"], lang)
        for _, r in view.iterrows()
    )
    return (
        NativeChart(
            kind="column",
            categories=categories,
            series=(
                _growth_series(vocab.text("gap_actual", lang), view["actual"], "muye", lang),
                Series(
                    name=vocab.text("gap_target", lang),
                    values=tuple(float(v) for v in view["target"]),
                    colour=COLOURS["target"],
                    labels=target_labels,
                ),
            ),
            axis_title=vocab.text("gap_axis", lang),
            number_format="0.0",
            axis_format="0",
            axis_min=0,
        ),
    )


def projection_native(
    indicators: pd.DataFrame, targets: pd.DataFrame, lang: str
) -> tuple[NativeChart, ...]:
    """One small chart per indicator: last year's level (blue) and the level the target implies
    (orange), in 亿元 (RMB 100 million), each at the report's own decimals."""
    from muye_analysis.views import projection_view

    view = projection_view(indicators, targets)
    years = vocab.report_years()
    charts = []
    for _, row in view.iterrows():
        base, projected = float(row["base"]), float(row["projected"])
        shown = format_number(projected, decimals=_report_decimals(base))
        bound = vocab.bound_symbol(row["bound"])
        basis = vocab.text("proj_at_base_prices" if row["at_base_prices"] else "proj_nominal", lang)
        charts.append(
            NativeChart(
                kind="column",
                categories=(
                    _year(years["base"], lang),
                    _year(years["target"], lang)
                    + (f"\n（{basis}）" if lang == "zh" else f"\n({basis})"),
                ),
                series=(
                    Series(
                        name=vocab.indicator_name(row, lang),
                        values=(base, float(shown)),
                        colour=COLOURS["muye"],
                        point_colours=(COLOURS["muye"], COLOURS["target"]),
                        labels=(format_number(base), bound + shown),
                    ),
                ),
                title=vocab.indicator_name(row, lang)
                + vocab.basis_suffix(row["price_basis"], lang),
                axis_title=vocab.text("proj_axis", lang),
                number_format="0.00",
                axis_format="0",
                axis_min=0,
                legend=False,
            )
        )
    return tuple(charts)


def _year(year: int, lang: str) -> str:
    return f"{year}年" if lang == "zh" else str(year)


def _report_decimals(value: float) -> int:
    """Decimals as the report prints the base (232.1 → 1, 10.74 → 2), 1 to 2, as the
    projection takeaway rounds."""
    shown = f"{value:.2f}".rstrip("0")
    return min(2, max(1, len(shown.split(".")[1])))


def task_native(targets: pd.DataFrame, lang: str) -> tuple[NativeChart]:
    """Each task target as a % of last year's outcome (horizontal bars, largest on top); the
    label gives both numbers as printed."""
    from muye_analysis.charts.tasks import row_label
    from muye_analysis.views import task_target_view

    view = task_target_view(targets)
    ratios = tuple(int(round_half_up(float(v))) for v in view["ratio_pct"])
    return (
        NativeChart(
            kind="bar",
            categories=tuple(
                f"{row_label(r, lang)}\n{_both_numbers(r, lang)}" for _, r in view.iterrows()
            ),
            series=(
                Series(
                    name=vocab.text("series_ratio", lang),
                    values=tuple(float(r) for r in ratios),
                    colour=COLOURS["target"],
                    labels=tuple(f"{r}%" for r in ratios),
                ),
            ),
            axis_title=vocab.text("task_axis", lang),
            number_format="0",
            axis_format="0",
            axis_min=0,
            axis_max=float(math.ceil(max(ratios) * 1.15 / 50) * 50),
            legend=False,
        ),
    )


def _both_numbers(row: pd.Series, lang: str) -> str:
    """'≥200个／431个': the target (with its floor) and last year's outcome, as printed."""
    target = vocab.bound_symbol(row["bound"]) + vocab.amount(
        float(row["target"]), str(row["unit"]), lang
    )
    outcome = vocab.amount(float(row["actual"]), str(row["unit"]), lang)
    return vocab.text("task_value", lang, target=target, actual=outcome)


def _missing(value: object) -> bool:
    from muye_analysis.display import is_missing

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


def progress_native(table: pd.DataFrame, lang: str) -> tuple[NativeChart, ...]:
    """The 进度监测 table's targets with figures, as bars (its status in each name):
    growth targets show growth so far, the annual target and the growth the rest of the year
    needs; level targets show completion against the time elapsed (序时进度)."""
    rows = table[table["status"] != "no_data"]

    def name(row: pd.Series) -> str:
        status = vocab.text(f"status.{row['status']}", lang)
        indicator = str(row["indicator"])
        short = lang == "zh" and indicator in vocab.OFFICIAL_NAMES
        label = vocab.indicator_name(indicator, lang, short=short)
        return vocab.text("progress.name_status", lang, name=label, status=status)

    def values(column: str, part: pd.DataFrame) -> tuple[float | None, ...]:
        return tuple(None if _missing(v) else round_half_up(float(v), 1) for v in part[column])

    charts = []
    growth = rows[rows["progress_kind"] == "growth"]
    if len(growth):
        charts.append(NativeChart(
            kind="bar",
            categories=tuple(name(r) for _, r in growth.iterrows()),
            series=(
                Series(vocab.text("progress_so_far", lang), values("ytd_value", growth),
                       COLOURS["muye"]),
                Series(vocab.text("progress_target", lang), values("target", growth),
                       COLOURS["target"]),
                Series(vocab.text("progress_needed", lang), values("required_growth", growth),
                       COLOURS["reference"]),
            ),
            axis_title=vocab.text("gap_axis", lang),
            number_format="0.0",
            axis_format="0",
        ))  # fmt: skip
    levels = rows[rows["progress_kind"] != "growth"]
    if len(levels):
        charts.append(NativeChart(
            kind="bar",
            categories=tuple(name(r) for _, r in levels.iterrows()),
            series=(
                Series(vocab.text("progress_completion", lang), values("completion_pct", levels),
                       COLOURS["muye"]),
                Series(vocab.text("progress_elapsed", lang), values("elapsed_pct", levels),
                       COLOURS["reference"]),
            ),
            axis_title=vocab.text("progress_pct_axis", lang),
            number_format="0",
            axis_format="0",
            axis_min=0,
        ))  # fmt: skip
    return tuple(charts)
