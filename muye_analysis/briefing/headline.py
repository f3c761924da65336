"""The headline table: each plan-year headline target beside its base-year actual and the gap.

Numbers come from ``load_targets()`` (target, qualifier, base-year actual, gap in points) and
``load_indicators()`` (base-year levels). Where the report states no base-year figure the cell
says so ("未公布" / "not stated"); nothing is estimated. The years are the report's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.briefing.model import TableSlide
from muye_analysis.claims.base import Claim
from muye_analysis.dataset import HEADLINE
from muye_analysis.display import fixed  # the six headline targets of part 二, in order
from muye_analysis.views import base_levels
from muye_analysis.vocab import pct, target_text, text

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("col_indicator", "col_level", "col_actual", "col_target", "col_gap", "col_basis")
_FLOW_MEASURES = ("growth_rate",)  # a growth target belongs to a flow with a level


def headline_numbers(targets: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per headline target, in the report's order: the numbers behind the table.

    Columns: indicator, name_zh, name_en, short_zh, short_en, measure, target, qualifier, bound,
    price_basis, actual (base year; NA where not stated), gap_pp (target − actual, NA with it;
    ``load_targets()``'s), base_year, plan_year, level and level_unit (the base-year level, NA
    where unpublished or not a flow).
    """
    rows = targets[targets["indicator"].isin(HEADLINE)].drop_duplicates("indicator")
    missing = [i for i in HEADLINE if i not in set(rows["indicator"])]
    if missing:
        raise ValueError(f"targets has no row for headline indicator(s) {', '.join(missing)}")
    rows = rows.set_index("indicator").loc[list(HEADLINE)].reset_index()
    levels = base_levels(indicators, int(rows["base_year"].iloc[0])).rename(
        columns={"base": "level", "unit": "level_unit"}
    )
    out = rows[["indicator", "name_zh", "name_en", "short_zh", "short_en", "measure", "target",
                "qualifier", "bound", "price_basis", "actual", "gap_pp", "base_year",
                "plan_year"]].copy()  # fmt: skip
    return out.merge(levels, on="indicator", how="left")


def headline_table(targets: pd.DataFrame, indicators: pd.DataFrame, lang: str) -> TableSlide:
    """The headline table as strings for ``lang``, with its notes and source line."""
    numbers = headline_numbers(targets, indicators)
    rows = tuple(_row_cells(row, lang) for _, row in numbers.iterrows())
    is_growth = numbers["measure"].isin(_FLOW_MEASURES)
    years = {"base": int(numbers["base_year"].iloc[0]), "target": int(numbers["plan_year"].iloc[0])}
    columns = tuple(text(key, lang, **years) for key in COLUMNS)
    not_stated = numbers[numbers["actual"].isna() | (is_growth & numbers["level"].isna())]
    notes = [text("table_gap_note", lang, **years), text("table_basis_note", lang)]
    if len(not_stated):
        names = vocab.join_names(
            [vocab.indicator_name(r, lang) for _, r in not_stated.iterrows()], lang
        )
        notes.append(text("table_missing_note", lang, names=names, **years))
    from types import SimpleNamespace

    from muye_analysis.claims.report import targets_claim

    claim = targets_claim(SimpleNamespace(targets=targets))
    title = text("table_title", lang, **years)
    if claim.holds:  # the message: how the growth targets compare with last year's growth
        title = vocab.say(Claim("title.headline", True, claim.facts, variant=claim.variant), lang)
    notes.append(text("table_title", lang, **years))
    return TableSlide(
        name="headline_table",
        title=title,
        columns=columns,
        rows=rows,
        notes=tuple(notes),
        source=vocab.source_line(lang, base_year=years["base"], plan_year=years["target"]),
    )


def _row_cells(row: pd.Series, lang: str) -> tuple[str, ...]:
    import pandas as pd

    is_growth = row["measure"] in _FLOW_MEASURES
    name = vocab.indicator_name(row, lang, short=False)
    if pd.notna(row["level"]):
        level = _level_text(float(row["level"]), str(row["level_unit"]), lang)
    else:
        level = text("cell_not_stated" if is_growth else "not_applicable", lang)
    if pd.notna(row["actual"]):
        value = float(row["actual"])
        actual = pct(abs(value) if is_growth else value)
        if is_growth:  # negative growth is 下降x%, never 增长-x%
            actual = text("growth_value_fall" if value < 0 else "growth_value", lang, value=actual)
    else:
        actual = text("cell_not_stated", lang)
    goal = target_text(float(row["target"]), row["qualifier"], row["bound"], lang)
    goal = text("growth_value", lang, value=goal) if is_growth else goal
    gap = text("not_applicable", lang)
    if pd.notna(row["gap_pp"]):
        gap = fixed(float(row["gap_pp"]), 1, sign=True)
    basis = (
        text(f"col_basis_{row['price_basis']}", lang)
        if is_growth and pd.notna(row["price_basis"])
        else text("col_basis_rate", lang)
    )
    return (name, level, actual, goal, gap, basis)


def _level_text(value: float, unit: str, lang: str) -> str:
    """'232.1亿元'; in English the number alone in RMB bn, every published digit (23.21), the
    unit in the header (one money convention: RMB bn)."""
    from muye_analysis import units
    from muye_analysis.display import fixed, format_number

    if lang == "zh":
        return f"{format_number(value)}{unit}"
    if unit in units.MONEY_EN:
        yi = value * units.MONEY_EN[unit] / 1e8
        return fixed(yi / 10, units.decimals_of(yi) + 1)
    return vocab.amount(value, unit, lang)
