"""The analysis tables behind the charts: pure functions from the curated data to what is shown.

Each ``*_view`` takes the loaders' frames (see ``muye_analysis.dataset``) and returns one row per
plotted item with the numbers the chart shows, so tests can check the arithmetic without
looking at a figure and a user can print exactly what a chart says. The years are the report's
(``base_year`` / ``plan_year`` columns of ``load_targets()``, the ``document`` of
``load_indicators()``), never written here. Charts, the briefing and the notebooks read these
tables; ``muye_analysis.charts.views`` re-exports them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from muye_analysis import config
from muye_analysis.dataset import HEADLINE_GROWTH
from muye_analysis.errors import MissingYear
from muye_analysis.reports import years_of

# Indicators compared with the city (city figures exist in the context data).
CITY_COMPARISON = ("gdp", "retail_sales", "budget_revenue", "industrial_value_added")
# Ranks among these are ranks among county-level units; "amount" ranks compare projects.
UNIT_RANKED_ON = ("level", "growth_rate", "share")
THIRDS = ("top", "middle", "bottom")
_GROWTH_MEASURES = ("growth_rate", "growth_pct")  # the raw context file says growth_pct
# Measures never shown as a ratio of target to outcome (percentages: their gap is in points).
_NOT_RATIOED = ("growth_rate", "rate", "share")


def rank_third(rank: int, frame_size: int) -> str:
    """'top', 'middle' or 'bottom': which third of ``frame_size`` ranked units ``rank`` is in.

    Top third means rank ≤ n/3, bottom third rank > 2n/3 (13 units: 1-4, 5-8, 9-13).
    """
    if not 1 <= rank <= frame_size:
        raise ValueError(f"rank {rank} is outside 1..{frame_size}")
    if 3 * rank <= frame_size:
        return "top"
    if 3 * rank <= 2 * frame_size:
        return "middle"
    return "bottom"


def rank_view(rankings: pd.DataFrame, frame_size: int) -> pd.DataFrame:
    """One row per ranking, in the report's order, with its third of the assumed frame.

    ``kind`` is "rank" (a numeric rank among county-level units, placed on the scorecard),
    "standing" (a qualitative standing such as the leading group) or "other_frame" (a rank
    among something else, e.g. projects in a bond batch, which the frame size does not apply
    to).
    """
    _require(rankings, "rankings", ("indicator", "short_zh", "short_en", "ranked_on", "rank"))
    df = rankings.reset_index(drop=True)
    standing = df.get("standing_text", pd.Series(pd.NA, index=df.index, dtype="string"))
    rank = df["rank"].astype("Int64")
    ranked_on = df["ranked_on"].astype("string")
    # The frame size applies to city-wide ranks of county-level units only.
    scope = df.get("rank_scope", pd.Series(config.CITY_SCOPE, index=df.index)).astype("string")
    in_city = scope.fillna(config.CITY_SCOPE) == config.CITY_SCOPE
    kind = pd.Series("other_frame", index=df.index, dtype="string")
    kind = kind.mask(rank.notna() & ranked_on.isin(UNIT_RANKED_ON) & in_city, "rank")
    kind = kind.mask(rank.isna(), "standing")
    _check_frame_size(frame_size, rank[kind == "rank"])
    third = [
        rank_third(int(r), frame_size) if k == "rank" else pd.NA
        for r, k in zip(rank, kind, strict=True)
    ]
    base_year, plan_year = years_of(rankings)
    return pd.DataFrame(
        {
            **_identity_columns(df, base_year, plan_year),
            "ranked_on": ranked_on,
            "rank": rank,
            "standing_text": standing.astype("string"),
            "kind": kind,
            "third": pd.Categorical(third, categories=THIRDS),
        }
    )


def growth_gap_view(targets: pd.DataFrame) -> pd.DataFrame:
    """Base-year growth, plan-year growth target and the gap (percentage points) per headline
    indicator.

    ``actual`` is NA where the report states no base-year growth (in the first report: GDP,
    fixed-asset investment); the gap is then NA too. Never filled in.
    """
    _require(targets, "targets", ("indicator", "measure", "target", "actual", "gap_pp"))
    growth = targets[targets["measure"] == "growth_rate"]
    df = _rows_in_order(growth, HEADLINE_GROWTH, "targets (growth-rate targets)")
    base_year, plan_year = years_of(targets)
    actual = df["actual"].astype("Float64")
    target = df["target"].astype("Float64")
    gap = df["gap_pp"].astype("Float64")  # load_targets() computes it: one formula
    return pd.DataFrame(
        {
            **_identity_columns(df, base_year, plan_year),
            "actual": actual,
            "target": target,
            "gap_pp": gap.where(actual.notna()),
            "qualifier": _text_column(df, "qualifier"),
            "bound": _text_column(df, "bound", default="exact"),
            "price_basis": _text_column(df, "price_basis"),
        }
    )


def projection_view(
    indicators: pd.DataFrame, targets: pd.DataFrame, *, deflator_pct: float | None = None
) -> pd.DataFrame:
    """Plan-year levels implied by the growth targets: base × (1 + target growth).

    Only headline indicators with both a published base-year level and a plan-year growth target
    appear (规上工业 publishes no level). A real growth target (GDP) gives a level at base-year
    prices unless ``deflator_pct`` is given, in which case the level is converted to current
    prices: base × (1 + g) × (1 + deflator). An empty result is an error naming the years.
    """
    base_year, plan_year = years_of(targets)
    levels = base_levels(indicators, base_year)
    growth = growth_gap_view(targets).merge(levels, on="indicator", how="inner")
    if growth.empty:
        raise ValueError(
            f"no headline indicator has both a {base_year} level and a {plan_year} growth target"
        )
    real = growth["price_basis"] == "real"
    price_factor = pd.Series(1.0, index=growth.index, dtype="Float64")
    if deflator_pct is not None:
        price_factor = price_factor.mask(real, 1 + deflator_pct / 100)
    projected = growth["base"] * (1 + growth["target"] / 100) * price_factor
    return pd.DataFrame(
        {
            "indicator": growth["indicator"],
            "short_zh": growth["short_zh"],
            "short_en": growth["short_en"],
            "name_zh": growth["name_zh"],
            "name_en": growth["name_en"],
            "base_year": growth["base_year"],
            "plan_year": growth["plan_year"],
            "unit": growth["unit"],
            "base": growth["base"],
            "target": growth["target"],
            "qualifier": growth["qualifier"],
            "bound": growth["bound"],
            "price_basis": growth["price_basis"],
            "at_base_prices": (real & (deflator_pct is None)).astype("boolean"),
            "increment": projected - growth["base"],
            "projected": projected,
        }
    )


def task_target_view(targets: pd.DataFrame) -> pd.DataFrame:
    """Plan-year task targets with a comparable base-year outcome, as a percentage of it.

    Levels and counts only: growth targets are left to the growth-gap chart, and rates and
    shares (R&D coverage 80% against 70%, the unemployment rate) are left out, because a ratio
    of two rates ("114%") means nothing; their gap in points is in ``annual_gaps``. Sorted from
    the largest ratio down.
    """
    _require(targets, "targets", ("indicator", "measure", "target", "actual", "gap_pp", "unit"))
    comparable = ~targets["measure"].isin(_NOT_RATIOED) & targets["actual"].notna()
    if "actual_unit" in targets:
        # A ratio of two numbers means something only in the same unit.
        same_unit = targets["actual_unit"].astype("string") == targets["unit"].astype("string")
        comparable &= same_unit.fillna(True).astype(bool)
    df = targets[comparable]
    base_year, plan_year = years_of(targets)
    target = df["target"].astype("Float64")
    actual = df["actual"].astype("Float64")
    ratio = df["target_to_actual"].astype("Float64") if "target_to_actual" in df else None
    ratio = (target / actual) if ratio is None else ratio.fillna(target / actual)
    is_rate = df["measure"].isin(("rate", "share"))
    gap = df["gap_pp"].astype("Float64")
    view = pd.DataFrame(
        {
            **_identity_columns(df, base_year, plan_year),
            "measure": df["measure"].astype("string"),
            "unit": df["unit"].astype("string"),
            "target": target,
            "actual": actual,
            "ratio_pct": 100 * ratio,
            "gap_pp": gap.where(is_rate),
            "qualifier": _text_column(df, "qualifier"),
            "bound": _text_column(df, "bound", default="exact"),
            "commitment": _text_column(df, "commitment"),
        }
    )
    return view.sort_values("ratio_pct", ascending=False, kind="stable").reset_index(drop=True)


def city_view(
    indicators: pd.DataFrame, context: pd.DataFrame, registry: pd.DataFrame
) -> pd.DataFrame:
    """Muye's base-year level as a share of the city's, and both growth rates, per indicator.

    Shares use current-price levels of the same year; NA where either level is unpublished
    (Muye publishes no 规上工业 level; the first report no GDP growth). The source columns name
    the context rows used, so the chart can cite them. The city's figures must be of the
    report's base year: none is an error naming the year.
    """
    _require(context, "context", ("region", "year", "indicator", "measure", "value"))
    names = _rows_in_order(registry, CITY_COMPARISON, "registry")
    base_year, plan_year = years_of(indicators)
    muye_level = _base_year_values(indicators, base_year, "level")
    muye_growth = _base_year_values(indicators, base_year, "growth_rate")
    city = context[
        (context["region"] == config.CITY_ZH) & (context["year"] == base_year)
    ].reset_index(drop=True)
    if city.empty:
        raise MissingYear(
            f"the context data hold no {config.CITY_ZH} figures for {base_year}, the report's "
            "base year; add them to data/raw/context/ with their source"
        )
    city_level = _context_values(city, ("level",), "city_level")
    city_growth = _context_values(city, _GROWTH_MEASURES, "city_growth")
    df = (
        names[["indicator", "short_zh", "short_en", "name_zh", "name_en", "growth_basis"]]
        .astype("string")
        .merge(muye_level.rename(columns={"value": "muye_level"}), on="indicator", how="left")
        .merge(muye_growth.rename(columns={"value": "muye_growth"}), on="indicator", how="left")
        .merge(city_level, on="indicator", how="left")
        .merge(city_growth, on="indicator", how="left")
    )
    df["share_pct"] = 100 * df["muye_level"] / df["city_level"]
    df["base_year"] = pd.array([base_year] * len(df), dtype="Int64")
    df["plan_year"] = pd.array([plan_year] * len(df), dtype="Int64")
    order = [
        "indicator", "short_zh", "short_en", "name_zh", "name_en", "base_year", "plan_year",
        "growth_basis", "muye_level",
        "city_level",
        "share_pct", "muye_growth", "city_growth", "city_level_source_title",
        "city_level_source_url", "city_growth_source_title", "city_growth_source_url",
    ]  # fmt: skip
    return df[order]


def city_sources(view: pd.DataFrame) -> list[tuple[str, str]]:
    """Distinct (source_title, source_url) pairs behind the city figures in ``view``."""
    pairs: list[tuple[str, str]] = []
    for prefix in ("city_level", "city_growth"):
        for title, url in zip(
            view[f"{prefix}_source_title"], view[f"{prefix}_source_url"], strict=True
        ):
            if pd.notna(title) and (str(title), _str_or_empty(url)) not in pairs:
                pairs.append((str(title), _str_or_empty(url)))
    return pairs


def fan_view(history: pd.DataFrame, forecast: pd.DataFrame) -> pd.DataFrame:
    """History and forecast on one ordered period axis (``x`` = 0, 1, …).

    Columns: period, x, value (history), mean, lower_80, upper_80, lower_95, upper_95.
    Forecast periods that repeat a history period share its position.
    """
    _require(history, "history", ("period", "value"))
    bands = ("mean", "lower_80", "upper_80", "lower_95", "upper_95")
    _require(forecast, "forecast", ("period", *bands))
    hist = history[["period", "value"]].astype({"period": "string", "value": "Float64"})
    fc = forecast[["period", *bands]].astype(
        {"period": "string", **dict.fromkeys(bands, "Float64")}
    )
    periods = list(dict.fromkeys([*hist["period"], *fc["period"]]))
    df = pd.DataFrame({"period": pd.array(periods, dtype="string"), "x": range(len(periods))})
    df = df.merge(hist, on="period", how="left").merge(fc, on="period", how="left")
    _check_bands_ordered(df)
    return df


def base_levels(indicators: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each indicator's published level in ``year`` (columns indicator, base, unit)."""
    levels = _base_year_values(indicators, year, "level")
    units = _base_year_values(indicators, year, "level", column="unit")
    return levels.rename(columns={"value": "base"}).merge(units, on="indicator")


def _base_year_values(
    indicators: pd.DataFrame, year: int, measure: str, column: str = "value"
) -> pd.DataFrame:
    _require(indicators, "indicators", ("indicator", "period", "kind", "measure", "value"))
    rows = indicators[
        (indicators["period"] == year)
        & (indicators["kind"] == "actual")
        & (indicators["measure"] == measure)
    ]
    if "stage" in rows:
        rows = rows[rows["stage"].isna()]
    out = rows[["indicator", column]].drop_duplicates("indicator")
    out = out.astype({"indicator": "string"})
    return out.astype({column: "Float64" if column == "value" else "string"})


def _context_values(city: pd.DataFrame, measures: Iterable[str], name: str) -> pd.DataFrame:
    rows = city[city["measure"].isin(tuple(measures)) & city["indicator"].notna()]
    out = pd.DataFrame(
        {
            "indicator": rows["indicator"].astype("string"),
            name: rows["value"].astype("Float64"),
            f"{name}_source_title": _text_column(rows, "source_title"),
            f"{name}_source_url": _text_column(rows, "source_url"),
        }
    )
    return out.drop_duplicates("indicator")


def _rows_in_order(df: pd.DataFrame, ids: Sequence[str], what: str) -> pd.DataFrame:
    present = df.drop_duplicates("indicator").set_index("indicator", drop=False)
    missing = [i for i in ids if i not in present.index]
    if missing:
        raise ValueError(f"{what} has no row for {', '.join(missing)}")
    return present.loc[list(ids)].reset_index(drop=True)


def _identity_columns(df: pd.DataFrame, base_year: int, plan_year: int) -> dict[str, Any]:
    """The columns every view starts with: the indicator, its names and the report's years."""
    return {
        "indicator": df["indicator"].astype("string"),
        "short_zh": df["short_zh"].astype("string"),
        "short_en": df["short_en"].astype("string"),
        "name_zh": _text_column(df, "name_zh"),
        "name_en": _text_column(df, "name_en"),
        "base_year": pd.array([base_year] * len(df), dtype="Int64"),
        "plan_year": pd.array([plan_year] * len(df), dtype="Int64"),
    }


def _text_column(df: pd.DataFrame, column: str, default: str | None = None) -> pd.Series:
    if column not in df:
        return pd.Series(default if default else pd.NA, index=df.index, dtype="string")
    out = df[column].astype("string")
    return out.fillna(default) if default is not None else out


def _require(df: pd.DataFrame, name: str, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(
            f"{name} is missing column(s) {', '.join(missing)}; pass the frame returned by "
            f"muye_analysis.load_{name}() or one with the same columns"
            if name in ("rankings", "targets", "indicators", "context", "registry")
            else f"{name} is missing column(s) {', '.join(missing)}"
        )


def _check_frame_size(frame_size: int, ranks: pd.Series) -> None:
    if isinstance(frame_size, bool) or not isinstance(frame_size, int) or frame_size < 3:
        raise ValueError(
            f"frame_size must be a whole number of ranked units (≥3), not {frame_size!r}"
        )
    worst = ranks.max() if len(ranks) else None
    if worst is not None and pd.notna(worst) and int(worst) > frame_size:
        raise ValueError(
            f"frame_size {frame_size} is smaller than the largest rank shown ({int(worst)}); "
            "assume at least as many ranked units as the worst rank"
        )


def _check_bands_ordered(df: pd.DataFrame) -> None:
    fc = df.dropna(subset=["mean"])
    ok = (
        (fc["lower_95"] <= fc["lower_80"])
        & (fc["lower_80"] <= fc["mean"])
        & (fc["mean"] <= fc["upper_80"])
        & (fc["upper_80"] <= fc["upper_95"])
    )
    bad = fc.loc[~ok.fillna(False).astype(bool), "period"]
    if len(bad):
        raise ValueError(
            "forecast intervals must nest (lower_95 ≤ lower_80 ≤ mean ≤ upper_80 ≤ upper_95); "
            f"they do not for {', '.join(bad)}"
        )


def _str_or_empty(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


__all__ = [
    "CITY_COMPARISON", "THIRDS", "UNIT_RANKED_ON", "base_levels", "city_sources", "city_view",
    "fan_view", "growth_gap_view", "projection_view", "rank_third", "rank_view", "task_target_view",
]  # fmt: skip
