"""The bureau-table layout: indicators down the side, periods or 累计值/增长% pairs across (and
位次 columns, stored as measure rank)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from muye_analysis.periods import Period, span_context
from muye_analysis.quarterly.cells import (
    ALIAS_OF,
    GROWTH_WORDS,
    KNOWN_UNITS,
    LAST_YEAR_WORDS,
    LEVEL_WORDS,
    PRIOR_YEAR_WORDS,
    SKIP_WORDS,
    cell_text,
    column_letter,
    header_key,
    is_blank,
    is_empty,
    parse_number_or_none,
    unit_in_parens,
)
from muye_analysis.quarterly.headers import (
    area_of,
    find_header,
    header_row_or_none,
    price_basis_of,
    refuse_second_header,
    refuse_unnamed_values,
    roles_of,
)
from muye_analysis.quarterly.layout import Cell, Context, Sheet, SheetRows
from muye_analysis.quarterly.records import (
    RANK_WORDS,
    RANKS_GROWTH,
    RANKS_LEVEL,
    finish_row,
    lookup_or_none,
    make_record,
    parse_cell,
    rank_number,
    rank_record,
    resolve_unit,
    unregistered_record,
)
from muye_analysis.quarterly.registry import Indicator
from muye_analysis.quarterly.spans import (
    column_span,
    may_name_span,
    parse_year,
    read_title,
    with_year,
)
from muye_analysis.quarterly.store import RANK
from muye_analysis.vocab import Words


class BureauLayout:
    """Indicators down the side under a header with an indicator column (and no period
    column): the layout of a sheet no other layout recognises."""

    name = "bureau"

    def recognises(self, sheet: Sheet) -> bool:
        return header_row_or_none(sheet) is not None

    def read(self, ctx: Context) -> SheetRows:
        at = find_header(ctx.sheet)
        records, skipped, unregistered = parse_wide(ctx, at)
        return SheetRows(records, skipped, unregistered, header_row=at)


LAYOUT = BureauLayout()


@dataclass
class _Header:
    """The header block of a bureau table: one row, or two with merged cells above."""

    upper: list[str]  # merged cells filled rightwards
    lower: list[str]
    top: int  # 0-based index of the first header row
    first_data: int  # 0-based index of the first data row
    roles: dict[str, int]  # indicator, unit, … -> its (first) column
    role_columns: dict[int, str]  # every column that holds no values -> its role

    @property
    def row(self) -> int:
        """The last header row as a spreadsheet numbers it."""
        return self.first_data

    def text(self, j: int) -> str:
        return " ".join(t for t in (self.upper[j], self.lower[j]) if t)


def _looks_like_column_header(text: str) -> bool:
    return may_name_span(text) or bool(GROWTH_WORDS.search(text) or LEVEL_WORDS.search(text))


def _is_lower_header(row: list[Any], indicator_col: int) -> bool:
    """A second header row: no indicator name, some text, and no numbers."""
    if indicator_col < len(row) and cell_text(row[indicator_col]):
        return False
    cells = [c for c in row if not is_empty(c)]
    return bool(cells) and all(
        isinstance(c, str) and parse_number_or_none(c) is None for c in cells
    )


def _header_block(sheet: Sheet, at: int) -> _Header:
    rows = sheet.rows
    width = max(len(r) for r in rows)

    def texts(i: int) -> list[str]:
        row = rows[i] if 0 <= i < len(rows) else []
        return [cell_text(row[j]) if j < len(row) else "" for j in range(width)]

    here = texts(at)
    ind = roles_of(here)["indicator"]
    above = texts(at - 1)
    if sum(_looks_like_column_header(t) for t in above[ind + 1 :] if t) >= 2:
        upper, lower, top, first = above, here, at - 1, at + 1  # periods above 累计值|增长%
    elif at + 1 < len(rows) and _is_lower_header(rows[at + 1], ind):
        upper, lower, top, first = here, texts(at + 1), at, at + 2
    else:
        upper, lower, top, first = here, [""] * width, at, at + 1
    roles: dict[str, int] = {}
    role_columns: dict[int, str] = {}
    for j in range(width):
        role = ALIAS_OF.get(header_key(lower[j])) or ALIAS_OF.get(header_key(upper[j]))
        if role == "ignore" and RANK_WORDS.search(f"{upper[j]} {lower[j]}"):
            role = None  # 位次 / 全市位次: a column of ranks, read as measure rank
        if role in _WIDE_ROLES:
            if role == "indicator" and role in roles:  # side by side: values would be misread
                raise Cell(sheet.path, sheet.name, first, column_letter(j)).fail(
                    f"a second indicator column (column {column_letter(j)}): two tables side "
                    "by side cannot be read (their values would go to the first table's names).",
                    "put the second table below the first, or in its own sheet.",
                )
            role_columns[j] = role
            roles.setdefault(role, j)
    filled, last = [], ""
    for j, text in enumerate(upper):  # a merged cell keeps its text in its first column only
        if j <= ind or j in role_columns:
            last = ""
            filled.append(text)
        else:
            last = text or last
            filled.append(last)
    return _Header(filled, lower, top, first, roles, role_columns)


# Columns of a bureau table that are not values (累计值 and 增长% are values there).
_WIDE_ROLES = {"indicator", "area", "unit", "year", "price_basis", "source", "note", "ignore"}


def _classify_column(
    ctx: Context, where: Cell, j: int, upper: str, lower: str, beside: Period | None
) -> _Column | str:
    """The period, measure and unit a data column holds, or why it is skipped.

    A column's period is its header's, read with its own 累计 / 当季 words or else the title's
    (二季度 under 累计 is 1-6月; a bare 二季度 is April-June alone); else, for a measure header
    such as 增长% or 上年同期 right after a period column (1-9月 | 上年同期 | 增长%), that
    column's (``beside``); else the title's (``spans.column_span``).
    """
    text = f"{upper} {lower}".strip()
    kind = _measure_of(text)
    if not isinstance(kind, tuple):
        return kind
    measure, ranked_on, text_for_period = kind
    context = span_context(text_for_period) or ctx.title_context
    found = column_span(ctx, where, (upper, lower), context,
                        beside if measure is not None else None)  # fmt: skip
    if found is None:
        raise where.fail(
            f"column {text!r} has no period.",
            "put the period in the header (1-3月累计值), in the title row above the header "
            "(YYYY年1-3月主要经济指标), or use one row per indicator and period with a "
            "'period' column (see data/quarterly/template.csv).",
        )
    period = with_year(ctx, where, found, f"the period of column {text!r} has no year.")
    unit = None if measure == RANK else unit_in_parens(lower) or unit_in_parens(upper)
    return _Column(j, text, period, measure, unit, ranked_on)


def _measure_of(text: str) -> tuple[str | None, str, str] | str:
    """(measure, what a rank ranks, the header text its period is read from) by a column
    header's words, or why the column is not read. The measure is None when the header has no
    measure word (the row's unit decides)."""
    if RANK_WORDS.search(text) and not _NOT_RANKS.search(text):
        # 位次, 全市位次, 增速位次: what it ranks from its words or its neighbour
        ranked_on = "growth" if RANKS_GROWTH.search(text) else "level" if RANKS_LEVEL.search(
            text) else ""  # fmt: skip
        return RANK, ranked_on, RANK_WORDS.sub("", text)
    if SKIP_WORDS.search(text):
        return Words("skip.not_ytd")
    if GROWTH_WORDS.search(text):
        return "growth", "", text
    if PRIOR_YEAR_WORDS.search(text):
        return "prior_year", "", text  # 上年同期: kept beside this year's level of the same months
    if LAST_YEAR_WORDS.search(text):
        return Words("skip.other_prior_year")
    if LEVEL_WORDS.search(text):
        return "level", "", text
    return None, "", text


# Words that make a 位次 header something other than a published rank (a target rank).
_NOT_RANKS = re.compile(r"目标|计划|备注|说明|序号")


@dataclass
class _Column:
    index: int
    header: str
    period: Period
    measure: str | None  # level, growth, prior_year, rank, or None: decided by the row's unit
    unit: str | None
    ranked_on: str = ""  # a rank column: level or growth ("" = the value column on its left)
    ranks: int | None = None  # a rank column: the index of the value column on its left


def parse_wide(
    ctx: Context, header_at: int
) -> tuple[list[dict[str, Any]], list[str], list[dict[str, Any]]]:
    """Indicators down the side; periods, or 累计值/增长% pairs, across (and 位次 columns,
    stored as measure rank). Returns the records, the columns not read and the values of rows
    the registry does not know (kept as unregistered)."""
    sheet = ctx.sheet
    head = _header_block(sheet, header_at)
    read_title(ctx, sheet.rows[: head.top])
    columns, skipped = [], []
    for j in range(len(head.upper)):
        if head.role_columns.get(j) in ("note", "ignore"):
            skipped.append(Words("skip.not_data", header=head.text(j)))
        if j in head.role_columns:
            continue
        text = head.text(j)
        if not text:
            _refuse_values_without_header(sheet, head, j)
            continue
        where = Cell(sheet.path, sheet.name, head.row, text)
        beside = columns[-1].period if columns else None
        col = _classify_column(ctx, where, j, head.upper[j], head.lower[j], beside)
        if isinstance(col, str):
            skipped.append(Words("skip.column", header=text, reason=col))
        else:
            columns.append(col)
    _link_ranks(columns)
    records, unregistered = _wide_records(ctx, head, columns)
    return records, skipped, unregistered


def _refuse_values_without_header(sheet: Sheet, head: _Header, j: int) -> None:
    """A value in a column with no header (beyond the table, or under an empty header cell)."""
    below = sheet.rows[head.first_data :]
    filled = (k for k, r in enumerate(below) if j < len(r) and not is_empty(r[j]))
    first = next(filled, None)
    if first is None:
        return
    value = cell_text(below[first][j])
    raise Cell(sheet.path, sheet.name, head.first_data + first + 1, column_letter(j)).fail(
        f"{value!r} in column {column_letter(j)}, which has no header (beyond the "
        "table's last column, or under an empty header cell): an extra cell shifts "
        "the row's values?",
        "write the period and measure in the header, or remove the extra cell.",
    )


def _link_ranks(columns: list[_Column]) -> None:
    """A 位次 column without 增速 or 总量 in its header ranks the value column on its left (of
    the same period, 上年同期 and other ranks passed over): 增长% | 全市位次 ranks the growth."""
    for k, col in enumerate(columns):
        if col.measure != RANK or col.ranked_on:
            continue
        left = next((c for c in reversed(columns[:k]) if c.period == col.period
                     and c.measure not in (RANK, "prior_year")), None)  # fmt: skip
        if left is None:
            col.ranked_on = "growth"  # a district table's 全市位次 ranks the growth rate
        elif left.measure is not None:
            col.ranked_on = left.measure
        else:
            col.ranks = left.index  # decided row by row: what the left cell held


def _unregistered_row(
    ctx: Context, at, raw_name: str, columns: list[_Column], cell, row_year: int | None,
    unit: str | None, sub: bool, source: str, area: str | None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Every filled cell of a row the registry does not know, as unregistered records."""
    out = []
    for col in columns:
        value = cell(col.index)
        if is_blank(value):
            continue
        period = _row_period(col, row_year)
        measure = col.measure or ""
        shown_unit = "位" if measure == RANK else None if measure == "growth" else col.unit or unit
        record = unregistered_record(ctx, at(col.header), raw_name, period, measure, value,
                                     unit=shown_unit, sub_item=sub, source=source,
                                     ranked_on=col.ranked_on)  # fmt: skip
        record["area"] = area
        out.append(record)
    return out


def _cell_in(row: list[Any], j: int | None) -> Any:
    return row[j] if j is not None and j < len(row) else None


def _wide_records(
    ctx: Context, head: _Header, columns: list[_Column]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The records of the table's registered rows, and the unregistered rows' values."""
    records: list[dict[str, Any]] = []
    unregistered: list[dict[str, Any]] = []
    parent: str | None = None  # the row an of-which item belongs to
    for i in range(head.first_data, len(ctx.sheet.rows)):
        cell = functools.partial(_cell_in, ctx.sheet.rows[i])
        if all(is_blank(cell(c.index)) for c in columns):
            continue  # section headings (一、工业), 其中：, footnotes, blank rows
        got, kept, parent = _wide_row(ctx, head, columns, i, parent)
        records += got
        unregistered += kept
    return records, unregistered


@dataclass
class _RowFields:
    """What a bureau row says beside its values: the row's unit, year, source and area, the
    price basis of its growth, and the unit its indicator name gives."""

    unit: str | None
    year: int | None
    source: str
    area: str | None
    basis: str | None = None
    name_unit: str | None = None


def _wide_row(
    ctx: Context, head: _Header, columns: list[_Column], i: int, parent: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
    """A row's records, its values when the registry does not know it, and the parent of the
    of-which rows that follow."""
    sheet = ctx.sheet
    cell = functools.partial(_cell_in, sheet.rows[i])
    at = functools.partial(Cell, sheet.path, sheet.name, i + 1)
    ind = head.roles["indicator"]
    raw_name = cell_text(cell(ind))
    if not raw_name:
        raise refuse_unnamed_values(sheet, at(head.text(ind)), i, ind)
    refuse_second_header(at(head.text(ind)), raw_name)
    info, sub, name_unit = lookup_or_none(ctx, at(head.text(ind)), raw_name)
    parent = parent if sub else (info.id if info is not None else None)
    fields = _row_fields(ctx, head, at, cell, info)
    if info is None:  # a row the plan has no indicator for: kept aside, never blocking
        unit = fields.unit or ctx.table_unit
        kept = _unregistered_row(ctx, at, raw_name, columns, cell, fields.year, unit,
                                 sub, fields.source, fields.area)  # fmt: skip
        return [], kept, parent
    j = head.roles.get("price_basis")
    fields.basis = None if j is None else price_basis_of(at(head.text(j)), cell(j), info)
    fields.name_unit = name_unit
    row_records = _registered_row(ctx, at, cell, columns, info, sub, fields)
    return (
        finish_row(row_records, info, parent=parent if sub else None, area=fields.area),
        [],
        parent,
    )


def _row_fields(
    ctx: Context, head: _Header, at: Any, cell: Any, info: Indicator | None
) -> _RowFields:
    """The row's unit (a 单位 column), year (a 年份 column), source and area (a 地区 column:
    one table holding the district, city and province)."""
    roles = head.roles
    unit = None
    if roles.get("unit") is not None:
        unit = cell_text(cell(roles["unit"])) or None
        if unit is not None and unit not in KNOWN_UNITS and info is not None:
            raise at(head.text(roles["unit"])).fail(
                f"unknown unit {unit!r}.", f"use one of {', '.join(sorted(KNOWN_UNITS))}."
            )
    year = None
    if roles.get("year") is not None:
        year = parse_year(at(head.text(roles["year"])), cell(roles["year"]))
    source = cell_text(cell(roles.get("source"))) or ctx.source
    area = None
    if roles.get("area") is not None:
        area = area_of(at(head.text(roles["area"])), cell(roles["area"]))
    return _RowFields(unit, year, source, area)


def _row_period(col: _Column, row_year: int | None) -> Period:
    """A column's period, in the row's year when a 年份 column gives one."""
    if row_year is None:
        return col.period
    return Period(row_year, col.period.end_month, col.period.start_month)


def _registered_row(
    ctx: Context, at: Any, cell: Any, columns: list[_Column], info: Indicator, sub: bool,
    fields: _RowFields,
) -> list[dict[str, Any]]:  # fmt: skip
    """The levels and growth rates of a registered row (each level with its 上年同期), then
    its published ranks."""
    values, ranks = _row_cells(ctx, at, cell, columns, info, fields)
    priors = {c[5]: c for c in values if c[4] == "prior_year"}
    levels = {c[5] for c in values if c[4] == "level"}
    for period, (_col, where, *_rest) in priors.items():
        if period not in levels:
            raise where.fail(
                f"上年同期 for {period.label('zh')} without this year's level of the same "
                "months on the row: it is kept beside the level.",
                "give the level (累计值) of the same period, or leave 上年同期 blank.",
            )
    row_records = []
    for _col, where, number, unit, measure, period in values:
        if measure == "prior_year":
            continue
        prior = priors.get(period) if measure == "level" else None
        row_records.append(
            make_record(
                ctx, where, info, period, measure, number, unit=unit, price_basis=fields.basis,
                sub_item=sub, source=fields.source,
                prior_year=None if prior is None else (prior[1], prior[2], prior[3]),
            )
        )  # fmt: skip
    measure_at = {c[0].index: c[4] for c in values}
    for col, where, rank, period in ranks:
        ranked_on = col.ranked_on or measure_at.get(col.ranks, "growth")
        rank_row = rank_record(ctx, where, info, period, rank, ranked_on, fields.source)
        row_records.append(rank_row | {"sub_item": sub})
    return row_records


def _row_cells(
    ctx: Context, at: Any, cell: Any, columns: list[_Column], info: Indicator, fields: _RowFields
) -> tuple[list[tuple], list[tuple]]:
    """(column, where, number, unit, measure, period) of every value of the row, and (column,
    where, rank, period) of every 位次."""
    values, ranks = [], []
    for col in columns:
        where = at(col.header)
        period = _row_period(col, fields.year)
        if col.measure == RANK:
            rank = rank_number(where, cell(col.index))
            if rank is not None:
                ranks.append((col, where, rank, period))
            continue
        number = parse_cell(where, cell(col.index))
        if number.value is None:
            continue
        unit = None
        if col.measure != "growth":
            explicit = {"cell": number.unit, "header": col.unit, "unit column": fields.unit,
                        "indicator name": fields.name_unit}  # fmt: skip
            unit = resolve_unit(where, explicit, ctx.table_unit)
        measure = col.measure or ("growth" if unit == "%" and info.unit != "%" else "level")
        values.append((col, where, number, unit, measure, period))
    return values, ranks
