"""The one place a row is finished: a cell -> a validated store row (``make_record``: the
indicator, the period, the value in the registry's unit, the growth's price basis, the
provenance), a published rank (``rank_record``), a row the registry does not know
(``unregistered_record``), and the row's records as stored (``finish_row``: growth derived
from 上年同期 where the table gives none, the area, the of-which parent)."""

from __future__ import annotations

import re
from typing import Any

from muye_analysis import schema, units
from muye_analysis.errors import printable
from muye_analysis.periods import Period
from muye_analysis.quarterly.cells import (
    CellError,
    ParsedNumber,
    cell_text,
    clean_indicator_name,
    is_blank,
    parse_number,
)
from muye_analysis.quarterly.layout import Cell, Context
from muye_analysis.quarterly.registry import Indicator
from muye_analysis.quarterly.store import MAX_TEXT_CHARS, RANK
from muye_analysis.text import to_halfwidth

# Year-to-date growth below -100% is impossible (the level would be negative); above +500% is
# a typo in practice (a district's cumulative growth, even in 1-2月 from a small base).
GROWTH_RANGE_PCT = (-100.0, 500.0)


def make_record(
    ctx: Context,
    where: Cell,
    info: Indicator,
    period: Period,
    measure: str,
    number: ParsedNumber,
    *,
    unit: str | None,
    price_basis: str | None,
    sub_item: bool,
    source: str,
    period_column: str | None = None,
    prior_year: tuple[Cell, ParsedNumber, str | None] | None = None,
) -> dict[str, Any]:
    """One validated store row from one cell (plus private keys used while validating).

    ``prior_year`` is the 上年同期 cell beside a level (where, number, unit): converted to the
    level's unit and stored as ``prior_year_value``.
    """
    _refuse_month_of_quarterly(where, info, period)
    value = number.value
    prior = None
    if measure == "growth":
        value, stored_unit, basis = _check_growth(where, info, number, price_basis)
    else:
        value, stored_unit = _convert_level(where, info, number, unit)
        basis = "nominal" if units.dimension(stored_unit or "") == "money" else None
        if prior_year is not None:
            prior_where, prior_number, prior_unit = prior_year
            prior, _ = _convert_level(prior_where, info, prior_number, prior_unit)
    return {
        "indicator": info.id,
        "year": period.year,
        "start_month": period.start_month,
        "end_month": period.end_month,
        "prior_year_value": prior,
        "derived": "",
        "period": period.label("zh"),
        "measure": measure,
        "value": value,
        "unit": stored_unit,
        "price_basis": basis,
        "sub_item": sub_item,
        "marker": number.marker,
        **_provenance(ctx, where, source),
        "_percent_sign": number.percent_sign,
        "_period_column": period_column or where.column,
    }


def _provenance(ctx: Context, where: Cell, source: str) -> dict[str, Any]:
    """Where a stored value came from: the stated source, the file, sheet, row and column, and
    the raw file's checksum."""
    return {
        "source": source,
        "file": printable(where.path.name),  # a newline or GBK bytes in a name, escaped
        "sheet": where.sheet,
        "row": where.row,
        "column": where.column,
        "checksum": ctx.checksum,
    }


def _refuse_month_of_quarterly(where: Cell, info: Indicator, period: Period) -> None:
    """A quarterly-compiled indicator (district GDP, in the city's unified accounting: 一季度,
    上半年, 前三季度, 全年) under a label that is no quarter span (1-8月, 8月当月) is refused:
    no such figure is published, so the cell is another period's figure under the wrong label
    (a monthly table repeating 上半年's GDP) or a mistake. Storing it would put a GDP figure on
    a period the accounts never give, where every reader would take it for one."""
    if info.id not in schema.QUARTERLY_COMPILED:
        return
    if (period.start_month - 1) % 3 == 0 and period.end_month % 3 == 0:
        return
    raise where.fail(
        f"{info.id} is compiled quarterly (一季度, 上半年, 前三季度, 全年 in the city's unified "
        f"accounting): no figure for {period.label('zh')} is published, so this cell is another "
        "period's figure under this label (a monthly table often repeats the latest quarter's "
        "GDP) or a mistake.",
        "give the figure with the quarter it belongs to (a row or file labelled YYYY年1-6月), "
        "or delete it from this table; the other rows are read as they are once it is gone.",
    )


# A published rank: 3, 第3位, 并列3, 3（并列）.
RANK_CELL = re.compile(r"(?:并列)?第?(\d{1,3})(?:位|名)?(?:[(（]?并列[)）]?)?")
# A column of ranks (位次, 全市位次, 增速排名…) and what it ranks, by its words.
RANK_WORDS = re.compile(r"位次|排名|名次|排序|排位")
RANKS_GROWTH = re.compile(r"增速|增长|增幅|速度")
RANKS_LEVEL = re.compile(r"总量|绝对|规模|总额|累计")


def rank_number(where: Cell, cell: Any) -> int | None:
    """A 位次 cell as a position (1 = first), None when blank; anything else is refused."""
    if is_blank(cell):
        return None
    rank = None
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        rank = int(cell) if float(cell).is_integer() else None
    elif match := RANK_CELL.fullmatch(re.sub(r"\s+", "", to_halfwidth(str(cell)))):
        rank = int(match.group(1))
    if rank is not None and rank >= 1:
        return rank
    raise where.fail(
        f"{cell!r} is not a rank.", "write the position as a whole number (3, 第3位, 并列3)."
    )


def rank_record(
    ctx: Context,
    where: Cell,
    info: Indicator,
    period: Period,
    rank: int,
    ranked_on: str,
    source: str,
) -> dict[str, Any]:
    """A published rank as a store row: measure ``rank``, the position as the value, unit 位,
    ``ranked_on`` naming what was ranked (``level`` or ``growth``)."""
    _refuse_month_of_quarterly(where, info, period)
    return {
        "indicator": info.id,
        "year": period.year,
        "start_month": period.start_month,
        "end_month": period.end_month,
        "prior_year_value": None,
        "derived": "",
        "period": period.label("zh"),
        "measure": RANK,
        "ranked_on": ranked_on,
        "value": float(rank),
        "unit": "位",
        "price_basis": None,
        "sub_item": False,
        "marker": None,
        **_provenance(ctx, where, source),
        "_percent_sign": False,
        "_period_column": where.column,
    }


def _check_growth(
    where: Cell, info: Indicator, number: ParsedNumber, price_basis: str | None
) -> tuple[float, str, str | None]:
    if number.unit not in (None, "%"):
        raise where.fail(
            f"a growth rate cannot be in {number.unit}.",
            "put the level in the level (累计值) column and the growth in percent here.",
        )
    low, high = GROWTH_RANGE_PCT
    value = float(number.value)  # type: ignore[arg-type]
    if not low < value <= high:
        raise where.fail(
            f"growth of {value:g}% is outside the plausible range ({low:g}%, {high:g}%].",
            "check the sign, the decimal point and that the column holds growth in percent.",
        )
    return value, "%", price_basis or info.growth_basis


def _convert_level(
    where: Cell, info: Indicator, number: ParsedNumber, unit: str | None
) -> tuple[float, str | None]:
    value = float(number.value)  # type: ignore[arg-type]
    if unit is None:
        if info.unit in (None, "%") or units.dimension(info.unit) is None:
            unit = info.unit  # a rate or a count: its unit cannot be confused
        else:
            raise where.fail(
                f"the level has no unit (the registry unit of {info.id} is {info.unit}).",
                "fill the unit column (亿元 or 万元), or write the unit in the header "
                "(累计值(亿元)) or in the title row (单位：亿元).",
            )
    if unit == "%" and info.unit != "%":
        raise where.fail(
            f"a percentage in the level of {info.id} (measured in {info.unit}).",
            "put growth rates in the growth column (增长%), and levels with their unit here.",
        )
    if unit != info.unit:
        try:
            value = units.convert(value, unit, info.unit or "")
        except ValueError as exc:
            raise where.fail(
                f"cannot convert {unit} to {info.unit}, the unit of {info.id} ({exc}).",
                f"give the level in {info.unit} or a unit of the same kind.",
            ) from None
    if info.flow and value < 0:
        raise where.fail(
            f"a negative cumulative level ({value:g}) for a flow indicator.", "check the sign."
        )
    return value, info.unit


def resolve_unit(where: Cell, explicit: dict[str, str | None], default: str | None) -> str | None:
    """The one unit the cell, row and column agree on; the table's 单位 is only a default."""
    given = {source: u for source, u in explicit.items() if u}
    if len(set(given.values())) > 1:
        listed = ", ".join(f"{u} ({source})" for source, u in given.items())
        raise where.fail(f"conflicting units: {listed}.", "make them agree, or remove one.")
    return next(iter(given.values()), default)


def lookup_or_none(
    ctx: Context, where: Cell, raw_name: str
) -> tuple[Indicator | None, bool, str | None]:
    """The registry indicator of a row name, None when the registry has no such name (the
    bureau table's own rows: kept as unregistered, ``unregistered_record``); a name two
    indicators share is refused."""
    name, sub, unit = clean_indicator_name(raw_name)
    found = ctx.registry.lookup(name)
    if found == "ambiguous":
        raise where.fail(
            f"indicator name {name!r} belongs to more than one registry indicator.",
            "use the registry id (e.g. retail_sales) instead.",
        )
    return found, sub, unit  # type: ignore[return-value]


def unregistered_record(
    ctx: Context,
    where: Cell,
    raw_name: str,
    period: Period,
    measure: str,
    cell: Any,
    *,
    unit: str | None,
    sub_item: bool,
    source: str,
    ranked_on: str = "",
) -> dict[str, Any]:
    """A value of a row the registry does not know (房地产开发投资 in a bureau table): kept
    as the table gives it — its label, unit, period, measure, the number when the cell reads as
    one (else None, the text kept) and the cell — in the store's ``unregistered`` table, never
    in the figures the analysis reads."""
    name, _sub, name_unit = clean_indicator_name(raw_name)
    text = cell_text(cell)
    try:
        number = parse_number(cell)
        value = None if number.value is None else float(number.value)
        unit = number.unit or unit
    except CellError:
        value = None
    return {
        "label": name[:MAX_TEXT_CHARS],
        "raw_label": raw_name.strip()[:MAX_TEXT_CHARS],
        "year": period.year,
        "start_month": period.start_month,
        "end_month": period.end_month,
        "period": period.label("zh"),
        "measure": measure,
        "ranked_on": ranked_on,
        "value": value,
        "text": text[:200],
        "unit": unit or name_unit,
        "sub_item": sub_item,
        **_provenance(ctx, where, source),
    }


def parse_cell(where: Cell, cell: Any) -> ParsedNumber:
    try:
        return parse_number(cell)
    except CellError as exc:
        raise where.fail(exc.problem, exc.fix) from None


def derived_growth(level: dict[str, Any], info: Indicator) -> dict[str, Any] | None:
    """Growth from this year's level and 上年同期 when the table gives no growth: (L ÷ P − 1) ×
    100, marked derived. None for real-growth indicators (GDP, 规上工业: their growth is at
    comparable prices, which current-price levels cannot give), for rates, or without a
    positive 上年同期."""
    prior = level.get("prior_year_value")
    if prior is None or not prior > 0 or info.growth_basis == "real" or info.unit == "%":
        return None  # a rate (失业率 4.9% vs 5.1%) changes by points, it does not "grow"
    value = (level["value"] / prior - 1) * 100
    derived = dict(level)
    derived.update(
        {
            "measure": "growth",
            "value": value,
            "unit": "%",
            "price_basis": info.growth_basis or level["price_basis"],
            "marker": None,
            "prior_year_value": None,
            "derived": f"(累计值 {level['value']:g} ÷ 上年同期 {prior:g} − 1) × 100 "
            f"({level['unit'] or ''}, {level['column']})",
            "_percent_sign": True,  # a computed percentage, never a fraction
        }
    )
    return derived


def finish_row(
    row_records: list[dict[str, Any]], info: Indicator | None, *, parent: str | None,
    area: str | None,
) -> list[dict[str, Any]]:  # fmt: skip
    """A row's records as stored: each level whose months have no growth on the row gains the
    growth derived from it and its 上年同期 (``derived_growth``, after the row's own records);
    every record gets the row's area and ``parent`` (the indicator an of-which item belongs
    to, None for others). ``info`` None derives nothing (a city table: no 上年同期)."""
    with_growth = {(r["start_month"], r["end_month"]) for r in row_records
                   if r["measure"] == "growth"}  # fmt: skip
    out = list(row_records)
    for record in row_records if info is not None else ():
        if (
            record["measure"] == "level"
            and (record["start_month"], record["end_month"]) not in with_growth
        ):
            derived = derived_growth(record, info)
            out += [derived] if derived is not None else []
    for record in out:
        record["_parent"] = parent
        record["area"] = area
    return out
