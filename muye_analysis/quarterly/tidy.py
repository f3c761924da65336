"""The tidy layout: one row per indicator and period, as data/quarterly/template.csv."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from muye_analysis.periods import Period, span_context
from muye_analysis.quarterly.cells import (
    ALIAS_OF,
    KNOWN_UNITS,
    cell_text,
    column_letter,
    header_key,
    is_blank,
    unit_in_parens,
)
from muye_analysis.quarterly.headers import (
    area_of,
    find_header,
    header_roles,
    header_row_or_none,
    price_basis_of,
    refuse_second_header,
    refuse_unnamed_values,
)
from muye_analysis.quarterly.layout import Cell, Context, Sheet, SheetRows, clip
from muye_analysis.quarterly.records import (
    finish_row,
    lookup_or_none,
    make_record,
    parse_cell,
    resolve_unit,
    unregistered_record,
)
from muye_analysis.quarterly.registry import Indicator
from muye_analysis.quarterly.spans import parse_year, period_of_label, read_title
from muye_analysis.quarterly.store import MEASURES
from muye_analysis.quarterly.templates import TEMPLATE_COLUMNS

# Roles a tidy table may give only once: a second level column (with other values) would
# otherwise be ignored without a word.
_SINGLE_ROLES = (
    "indicator", "period", "year", "area", "level", "growth", "unit", "price_basis", "prior_year",
)  # fmt: skip


def _refuse_duplicated_roles(sheet: Sheet, header_at: int, header: list[str]) -> None:
    first: dict[str, int] = {}
    for j, text in enumerate(header):
        role = ALIAS_OF.get(header_key(text))
        if role not in _SINGLE_ROLES:
            continue
        if role in first:
            i = first[role]
            raise Cell(sheet.path, sheet.name, header_at + 1, text).fail(
                f"duplicated column: {header[i]!r} (column {column_letter(i)}) and {text!r} "
                f"(column {column_letter(j)}) both hold the {role}; only one can be read.",
                "delete or rename one of them (keep the one with the published figures).",
            )
        first[role] = j


class TidyLayout:
    """One row per indicator and period: a header with an indicator and a period column."""

    name = "tidy"

    def recognises(self, sheet: Sheet) -> bool:
        at = header_row_or_none(sheet)
        return at is not None and "period" in header_roles(sheet, at)

    def read(self, ctx: Context) -> SheetRows:
        at = find_header(ctx.sheet)
        read_title(ctx, ctx.sheet.rows[:at])
        records, unregistered = parse_tidy(ctx, at, header_roles(ctx.sheet, at))
        return SheetRows(records, [], unregistered, header_row=at)


LAYOUT = TidyLayout()

# The columns that hold a row's values: a row with none of them filled stores nothing.
_VALUE_ROLES = ("level", "growth", "prior_year")


@dataclass
class _Table:
    """A tidy table's header: its texts, the column of each role, each role's header text, and
    the unit written in the level's header (累计值(亿元))."""

    ctx: Context
    header: list[str]
    roles: dict[str, int]
    name_of: dict[str, str]
    level_unit: str | None


def _table(ctx: Context, header_at: int, roles: dict[str, int]) -> _Table:
    """The header, checked: each role once, a value column, a unit for the levels."""
    sheet = ctx.sheet
    header = [cell_text(c) for c in sheet.rows[header_at]]
    _refuse_duplicated_roles(sheet, header_at, header)
    name_of = {role: header[j] for role, j in roles.items()}
    level_unit = unit_in_parens(name_of.get("level", ""))
    if "level" not in roles and "growth" not in roles:
        raise Cell(sheet.path, sheet.name, header_at + 1, "level").fail(
            "no value column: neither a level (累计值) nor a growth (增长%) column.",
            f"use the template's header: {','.join(TEMPLATE_COLUMNS)}.",
        )
    if "level" in roles and "unit" not in roles and not level_unit and not ctx.table_unit:
        raise Cell(sheet.path, sheet.name, header_at + 1, "unit").fail(
            "missing column 'unit': the levels need their unit.",
            "add a unit column (亿元, 万元…), or write it in the header: level(亿元).",
        )
    return _Table(ctx, header, roles, name_of, level_unit)


def _cell_of(roles: dict[str, int], row: list[Any], role: str) -> Any:
    j = roles.get(role)
    return row[j] if j is not None and j < len(row) else None


def parse_tidy(
    ctx: Context, header_at: int, roles: dict[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One row per indicator and period (the template's layout). Returns the records and the
    values of rows the registry does not know (kept as unregistered)."""
    table = _table(ctx, header_at, roles)
    records: list[dict[str, Any]] = []
    unregistered: list[dict[str, Any]] = []
    parent: str | None = None  # the row an of-which item belongs to
    for i in range(header_at + 1, len(ctx.sheet.rows)):
        refuse_cells_without_header(ctx.sheet, i, table.header)
        cell = functools.partial(_cell_of, roles, ctx.sheet.rows[i])
        if all(is_blank(cell(r)) for r in _VALUE_ROLES):
            continue  # blank rows, section headings and rows with no data store nothing
        got, kept, parent = _read_row(table, i, cell, parent)
        records += got
        unregistered += kept
    return records, unregistered


def _read_row(
    table: _Table, i: int, cell: Any, parent: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
    """A row's records, its values when the registry does not know it, and the parent of the
    of-which rows that follow."""
    ctx, sheet = table.ctx, table.ctx.sheet
    at = {role: Cell(sheet.path, sheet.name, i + 1, name) for role, name in table.name_of.items()}
    raw_name = cell_text(cell("indicator"))
    if not raw_name:
        raise refuse_unnamed_values(sheet, at["indicator"], i, table.roles["indicator"])
    refuse_second_header(at["indicator"], raw_name)
    info, sub, name_unit = lookup_or_none(ctx, at["indicator"], raw_name)
    parent = parent if sub else (info.id if info is not None else None)
    period = _row_period(table, at, cell)
    area = area_of(at.get("area"), cell("area"))
    source = cell_text(cell("source")) or ctx.source
    unit_cell = cell_text(cell("unit")) or None
    if info is None:  # a row the plan has no indicator for: kept aside, never blocking
        kept = _unregistered_cells(table, at, cell, (raw_name, sub), period, source, unit_cell)
        return [], [record | {"area": area} for record in kept], parent
    row = _Row(at, cell, info, sub, name_unit, unit_cell)
    got = _row_records(table, row, period, source)
    return finish_row(got, info, parent=parent if sub else None, area=area), [], parent


def _row_period(table: _Table, at: dict[str, Cell], cell: Any) -> Period:
    """The row's period: its label, read with the period header's or the title's 累计 / 当季
    (二季度 under 时期(累计) is 1-6月), in the year column's year, else the title's."""
    ctx = table.ctx
    year = parse_year(at["year"], cell("year")) if "year" in at else None
    context = span_context(table.name_of["period"]) or ctx.title_context
    period = period_of_label(
        at["period"], cell("period"), year or ctx.title_year or ctx.year, context
    )
    if year is not None and period.year != year:
        raise at["period"].fail(
            f"the label says {period.year} but the year column says {year}.",
            "make the year column and the period label agree.",
        )
    return period


def _unregistered_cells(
    table: _Table, at: dict[str, Cell], cell: Any, name: tuple[str, bool], period: Period,
    source: str, unit_cell: str | None,
) -> list[dict[str, Any]]:  # fmt: skip
    """The filled value cells of a row the registry does not know, as unregistered records."""
    raw_name, sub = name
    out = []
    for role in _VALUE_ROLES:
        if role in table.roles and not is_blank(cell(role)):
            unit = None if role == "growth" else unit_cell or unit_in_parens(
                table.name_of[role]) or table.level_unit or table.ctx.table_unit  # fmt: skip
            out.append(unregistered_record(table.ctx, at[role], raw_name, period, role,
                                           cell(role), unit=unit, sub_item=sub,
                                           source=source))  # fmt: skip
    return out


@dataclass
class _Row:
    """A registered row's cells: where each role's cell is, the cell reader, the indicator,
    whether it is an of-which item, and the units its name and unit column give."""

    at: dict[str, Cell]
    cell: Any
    info: Indicator
    sub: bool
    name_unit: str | None
    unit_cell: str | None

    def level_unit(self, table: _Table, role: str, number: Any) -> str | None:
        """The one unit of a level (or 上年同期) cell: the cell's, the unit column's, the
        indicator name's and the header's must agree; the table's 单位 is the default."""
        explicit = {"cell": number.unit, "unit column": self.unit_cell,
                    "indicator name": self.name_unit,
                    "header": unit_in_parens(table.name_of[role]) or table.level_unit}  # fmt: skip
        return resolve_unit(self.at[role], explicit, table.ctx.table_unit)


def _row_records(table: _Table, row: _Row, period: Period, source: str) -> list[dict[str, Any]]:
    """The level and growth of a registered row (the level with its 上年同期 beside it)."""
    basis = price_basis_of(row.at.get("price_basis"), row.cell("price_basis"), row.info)
    if row.unit_cell is not None and row.unit_cell not in KNOWN_UNITS:
        raise row.at["unit"].fail(
            f"unknown unit {row.unit_cell!r}.", f"use one of {', '.join(sorted(KNOWN_UNITS))}."
        )
    prior = _prior_year(table, row)
    records = []
    for measure in MEASURES:
        if measure not in table.roles:
            continue
        number = parse_cell(row.at[measure], row.cell(measure))
        if number.value is None:
            continue
        unit = row.level_unit(table, measure, number) if measure == "level" else None
        records.append(
            make_record(
                table.ctx, row.at[measure], row.info, period, measure, number, unit=unit,
                price_basis=basis, sub_item=row.sub, source=source,
                period_column=row.at["period"].column,
                prior_year=prior if measure == "level" else None,
            )
        )  # fmt: skip
    return records


def _prior_year(table: _Table, row: _Row) -> tuple[Cell, Any, str | None] | None:
    """The row's 上年同期 (where, number, unit), kept beside its level; None when not given."""
    if "prior_year" not in table.roles:
        return None
    number = parse_cell(row.at["prior_year"], row.cell("prior_year"))
    if number.value is None:
        return None
    if "level" not in table.roles or is_blank(row.cell("level")):
        raise row.at["prior_year"].fail(
            "上年同期 without this year's level on the row: it is kept beside the "
            "level (same months, same unit).",
            "fill in the level (累计值) of the row, or leave 上年同期 blank.",
        )
    return row.at["prior_year"], number, row.level_unit(table, "prior_year", number)


def refuse_cells_without_header(sheet: Sheet, i: int, header: list[str]) -> None:
    """A value in a column with no header — beyond the header's last column (a doubled comma
    shifts every cell after it) or under an empty header cell — is refused: it would be lost,
    or read as the neighbouring column's."""
    row = sheet.rows[i]
    for j in range(len(row)):
        if (j < len(header) and header[j]) or is_blank(row[j]):
            continue
        text = clip(cell_text(row[j]))
        if j >= len(header):
            filled = max(k for k in range(len(row)) if not is_blank(row[k])) + 1
            problem = (
                f"the row has {filled} cells but the header only {len(header)}: {text!r} in "
                f"column {column_letter(j)} lies beyond the table (a doubled comma or an extra "
                "cell shifts the values after it into the wrong columns)."
            )
        else:
            problem = f"{text!r} in column {column_letter(j)}, which has no header."
        raise Cell(sheet.path, sheet.name, i + 1, column_letter(j)).fail(
            problem,
            "remove the extra cell (or the doubled comma) so each value sits under its header, "
            "or give the column a header.",
        )
