"""The bureau-table layout: indicators down the side, periods or 累计值/增长% pairs across."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from muye_analysis.periods import (
    HOW_TO_GIVE_A_YEAR,
    FoundSpan,
    Period,
    PeriodError,
    find_span,
    span_context,
)
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
from muye_analysis.quarterly.files import Sheet
from muye_analysis.quarterly.records import (
    RANK_WORDS,
    RANKS_GROWTH,
    RANKS_LEVEL,
    Cell,
    Context,
    derived_growth,
    lookup_or_none,
    make_record,
    parse_cell,
    parse_year,
    rank_number,
    rank_record,
    resolve_unit,
    unregistered_record,
)
from muye_analysis.quarterly.store import RANK
from muye_analysis.quarterly.tidy import (
    area_of,
    price_basis_of,
    read_title,
    refuse_second_header,
    refuse_unnamed_values,
    roles_of,
)
from muye_analysis.vocab import Words


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
    try:
        has_period = find_span(text) is not None
    except PeriodError:
        has_period = True
    return has_period or bool(GROWTH_WORDS.search(text) or LEVEL_WORDS.search(text))


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
    column's (``beside``); else the title's.
    """
    text = f"{upper} {lower}".strip()
    ranked_on = ""
    if RANK_WORDS.search(text) and not _NOT_RANKS.search(text):
        measure = RANK  # 位次, 全市位次, 增速位次: what it ranks from its words or its neighbour
        ranked_on = "growth" if RANKS_GROWTH.search(text) else "level" if RANKS_LEVEL.search(
            text) else ""  # fmt: skip
        text_for_period = RANK_WORDS.sub("", text)
    elif SKIP_WORDS.search(text):
        return Words("skip.not_ytd")
    else:
        measure, text_for_period = None, text
    if measure == RANK:
        pass
    elif GROWTH_WORDS.search(text):
        measure = "growth"
    elif PRIOR_YEAR_WORDS.search(text):
        measure = "prior_year"  # 上年同期: kept beside this year's level of the same months
    elif LAST_YEAR_WORDS.search(text):
        return Words("skip.other_prior_year")
    elif LEVEL_WORDS.search(text):
        measure = "level"
    context = span_context(text_for_period) or ctx.title_context
    try:
        found = find_span(upper, context=context) or find_span(lower, context=context)
    except PeriodError as exc:
        raise where.fail(
            str(exc), "label the column with its span (1-6月累计, 二季度当季 or 4-6月)."
        ) from None
    if found is None and measure is not None and beside is not None:
        found = FoundSpan(beside.year, beside.start_month, beside.end_month)
    if found is None and ctx.title_period_text:
        # A title's 三季度 read with the column's words: 本年累计 makes it 1-9月.
        try:
            found = find_span(ctx.title_period_text, context=context)
        except PeriodError:
            found = None
    found = found or ctx.title_period
    if found is None:
        raise where.fail(
            f"column {text!r} has no period.",
            "put the period in the header (1-3月累计值), in the title row above the header "
            "(YYYY年1-3月主要经济指标), or use one row per indicator and period with a "
            "'period' column (see data/quarterly/template.csv).",
        )
    year = found.year or ctx.title_year or ctx.year
    if year is None:
        raise where.fail(f"the period of column {text!r} has no year.", HOW_TO_GIVE_A_YEAR)
    unit = None if measure == RANK else unit_in_parens(lower) or unit_in_parens(upper)
    return _Column(j, text, found.period(year), measure, unit, ranked_on)


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
            below = sheet.rows[head.first_data :]
            filled = (k for k, r in enumerate(below) if j < len(r) and not is_empty(r[j]))
            first = next(filled, None)
            if first is not None:
                value = cell_text(below[first][j])
                raise Cell(sheet.path, sheet.name, head.first_data + first + 1,
                             column_letter(j)).fail(
                    f"{value!r} in column {column_letter(j)}, which has no header (beyond the "
                    "table's last column, or under an empty header cell): an extra cell shifts "
                    "the row's values?",
                    "write the period and measure in the header, or remove the extra cell.",
                )  # fmt: skip
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
        period = col.period
        if row_year is not None:
            period = Period(row_year, col.period.end_month, col.period.start_month)
        measure = col.measure or ""
        shown_unit = "位" if measure == RANK else None if measure == "growth" else col.unit or unit
        record = unregistered_record(ctx, at(col.header), raw_name, period, measure, value,
                                     unit=shown_unit, sub_item=sub, source=source,
                                     ranked_on=col.ranked_on)  # fmt: skip
        record["area"] = area
        out.append(record)
    return out


def _wide_records(
    ctx: Context, head: _Header, columns: list[_Column]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The records of the table's registered rows, and the unregistered rows' values."""
    sheet = ctx.sheet
    ind = head.roles["indicator"]
    optional = {r: head.roles.get(r) for r in ("area", "unit", "year", "price_basis", "source")}
    records: list[dict[str, Any]] = []
    unregistered: list[dict[str, Any]] = []
    parent: str | None = None
    for i in range(head.first_data, len(sheet.rows)):
        row = sheet.rows[i]

        def cell(j: int | None, row: list[Any] = row) -> Any:
            return row[j] if j is not None and j < len(row) else None

        if all(is_blank(cell(c.index)) for c in columns):
            continue  # section headings (一、工业), 其中：, footnotes, blank rows

        def at(column: str, i: int = i) -> Cell:
            return Cell(sheet.path, sheet.name, i + 1, column)

        raw_name = cell_text(cell(ind))
        if not raw_name:
            raise refuse_unnamed_values(sheet, at(head.text(ind)), i, ind)
        refuse_second_header(at(head.text(ind)), raw_name)
        info, sub, name_unit = lookup_or_none(ctx, at(head.text(ind)), raw_name)
        parent = parent if sub else (info.id if info is not None else None)
        row_unit = None
        if optional["unit"] is not None:
            row_unit = cell_text(cell(optional["unit"])) or None
            if row_unit is not None and row_unit not in KNOWN_UNITS and info is not None:
                raise at(head.text(optional["unit"])).fail(
                    f"unknown unit {row_unit!r}.", f"use one of {', '.join(sorted(KNOWN_UNITS))}."
                )
        row_year = None
        if optional["year"] is not None:
            row_year = parse_year(at(head.text(optional["year"])), cell(optional["year"]))
        source = cell_text(cell(optional["source"])) or ctx.source
        area = None  # a 地区 column: one table holding the district, city and province
        if optional["area"] is not None:
            area = area_of(at(head.text(optional["area"])), cell(optional["area"]))
        if info is None:  # a row the plan has no indicator for: kept aside, never blocking
            unregistered += _unregistered_row(
                ctx,
                at,
                raw_name,
                columns,
                cell,
                row_year,
                row_unit or ctx.table_unit,
                sub,
                source,
                area,
            )
            continue
        basis = None
        if optional["price_basis"] is not None:
            j = optional["price_basis"]
            basis = price_basis_of(at(head.text(j)), cell(j), info)
        cells = []  # (column, where, number, unit, measure, period) of every value of the row
        ranks = []  # (column, where, rank, period) of every 位次 of the row
        for col in columns:
            where = at(col.header)
            period = col.period
            if row_year is not None:
                period = Period(row_year, col.period.end_month, col.period.start_month)
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
                explicit = {"cell": number.unit, "header": col.unit, "unit column": row_unit,
                            "indicator name": name_unit}  # fmt: skip
                unit = resolve_unit(where, explicit, ctx.table_unit)
            measure = col.measure or ("growth" if unit == "%" and info.unit != "%" else "level")
            cells.append((col, where, number, unit, measure, period))
        priors = {c[5]: c for c in cells if c[4] == "prior_year"}
        levels = {c[5] for c in cells if c[4] == "level"}
        for period, (_col, where, *_rest) in priors.items():
            if period not in levels:
                raise where.fail(
                    f"上年同期 for {period.label('zh')} without this year's level of the same "
                    "months on the row: it is kept beside the level.",
                    "give the level (累计值) of the same period, or leave 上年同期 blank.",
                )
        row_records = []
        for _col, where, number, unit, measure, period in cells:
            if measure == "prior_year":
                continue
            prior = priors.get(period) if measure == "level" else None
            row_records.append(
                make_record(
                    ctx,
                    where,
                    info,
                    period,
                    measure,
                    number,
                    unit=unit,
                    price_basis=basis,
                    sub_item=sub,
                    source=source,
                    prior_year=None if prior is None else (prior[1], prior[2], prior[3]),
                )
            )
        measure_at = {c[0].index: c[4] for c in cells}
        for col, where, rank, period in ranks:
            ranked_on = col.ranked_on or measure_at.get(col.ranks, "growth")
            rank_row = rank_record(ctx, where, info, period, rank, ranked_on, source)
            row_records.append(rank_row | {"sub_item": sub})
        with_growth = {(r["start_month"], r["end_month"]) for r in row_records
                       if r["measure"] == "growth"}  # fmt: skip
        for record in list(row_records):  # growth from the level and 上年同期, marked derived
            span = (record["start_month"], record["end_month"])
            if record["measure"] == "level" and span not in with_growth:
                derived = derived_growth(record, info)
                row_records += [derived] if derived is not None else []
        for record in row_records:
            record["_parent"] = parent if sub else None  # of-which: whose?
            record["area"] = area
        records += row_records
    return records, unregistered
