"""The tidy layout (one row per indicator and period) and what both layouts share: the
header row, column roles and the title rows above."""

from __future__ import annotations

import re
from typing import Any

from muye_analysis.errors import DataError
from muye_analysis.periods import (
    BareMonthError,
    FoundSpan,
    PeriodError,
    find_span,
    find_year,
    span_context,
)
from muye_analysis.quarterly.cells import (
    ALIAS_OF,
    DATE_IN_TEXT,
    HEADER_SEARCH_ROWS,
    KNOWN_UNITS,
    TABLE_UNIT,
    CellError,
    canonical_area,
    cell_text,
    column_letter,
    header_key,
    is_blank,
    parse_price_basis,
    unit_in_parens,
)
from muye_analysis.quarterly.files import Sheet
from muye_analysis.quarterly.records import (
    Cell,
    Context,
    clip,
    derived_growth,
    lookup_or_none,
    make_record,
    parse_cell,
    parse_year,
    period_of_label,
    resolve_unit,
    unregistered_record,
)
from muye_analysis.quarterly.registry import Indicator
from muye_analysis.quarterly.store import MEASURES
from muye_analysis.quarterly.templates import TEMPLATE_COLUMNS


def find_header(sheet: Sheet) -> int:
    for i, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if any(ALIAS_OF.get(header_key(cell_text(c))) == "indicator" for c in row):
            return i
    raise Cell(sheet.path, sheet.name, 1, "A").fail(
        "no header row with an indicator column (indicator / 指标 / 指标名称 / 项目) "
        f"in the first {HEADER_SEARCH_ROWS} rows.",
        "start the table with a header row; see data/quarterly/template.csv.",
    )


def roles_of(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for j, text in enumerate(header):
        role = ALIAS_OF.get(header_key(text))
        if role is not None and role not in roles:
            roles[role] = j
    return roles


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


# 单位：万元 (or （单位：亿元、%）) above a table: what its numbers are in, not their source.
_UNIT_STATEMENT = re.compile(r"[(（]?\s*单位\s*[:：]\s*[^\s)）]*[)）]?")


def read_title(ctx: Context, rows: list[list[Any]]) -> None:
    """Period, year, 单位 and 累计/当季/当月 from the rows above the header (a title such as
    2019年1-9月…)."""
    texts = []
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            text = cell_text(cell)
            if not text:
                continue
            texts.append(text)
            try:
                # 制表日期 2019年10月15日 is no period
                found = find_span(DATE_IN_TEXT.sub("", text))
            except BareMonthError as exc:
                # A monthly report's title (2019年9月主要经济指标) dates its 本年累计 columns:
                # the year to date through that month.
                found = FoundSpan(exc.year, 1, exc.month)
            except PeriodError as exc:
                where = Cell(ctx.sheet.path, ctx.sheet.name, i + 1, column_letter(j))
                raise where.fail(str(exc), "give the year-to-date span in the title.") from None
            if found and ctx.title_period is None:
                ctx.title_period = found
                ctx.title_period_text = DATE_IN_TEXT.sub("", text)
            if ctx.title_year is None:
                ctx.title_year = find_year(text)
            unit = TABLE_UNIT.search(text)
            if unit and ctx.table_unit is None and unit.group(1) in KNOWN_UNITS:
                ctx.table_unit = unit.group(1)
    ctx.title = " ".join(texts)
    ctx.source = " ".join(filter(None, (_UNIT_STATEMENT.sub("", t).strip() for t in texts)))
    ctx.title_context = span_context(DATE_IN_TEXT.sub("", ctx.title))
    if ctx.title_period and ctx.title_period.year is not None:
        ctx.title_year = ctx.title_period.year


def parse_tidy(
    ctx: Context, header_at: int, roles: dict[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One row per indicator and period (the template's layout). Returns the records and the
    values of rows the registry does not know (kept as unregistered)."""
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
    records = []
    unregistered: list[dict[str, Any]] = []
    parent: str | None = None
    for i in range(header_at + 1, len(sheet.rows)):
        row = sheet.rows[i]

        def cell(role: str, row: list[Any] = row) -> Any:
            j = roles.get(role)
            return row[j] if j is not None and j < len(row) else None

        refuse_cells_without_header(sheet, i, header)
        if all(is_blank(cell(r)) for r in ("level", "growth", "prior_year")):
            continue  # blank rows, section headings and rows with no data store nothing
        at = {role: Cell(sheet.path, sheet.name, i + 1, name) for role, name in name_of.items()}
        raw_name = cell_text(cell("indicator"))
        if not raw_name:
            raise refuse_unnamed_values(sheet, at["indicator"], i, roles["indicator"])
        refuse_second_header(at["indicator"], raw_name)
        info, sub, name_unit = lookup_or_none(ctx, at["indicator"], raw_name)
        # the row an of-which item belongs to
        parent = parent if sub else (info.id if info is not None else None)
        year = parse_year(at["year"], cell("year")) if "year" in at else None
        # 二季度 in a column headed 时期(累计), or under a title saying 累计, is 1-6月.
        context = span_context(name_of["period"]) or ctx.title_context
        period = period_of_label(
            at["period"], cell("period"), year or ctx.title_year or ctx.year, context
        )
        if year is not None and period.year != year:
            raise at["period"].fail(
                f"the label says {period.year} but the year column says {year}.",
                "make the year column and the period label agree.",
            )
        area = area_of(at.get("area"), cell("area"))
        source = cell_text(cell("source")) or ctx.source
        unit_cell = cell_text(cell("unit")) or None
        if info is None:  # a row the plan has no indicator for: kept aside, never blocking
            for role in ("level", "growth", "prior_year"):
                if role in roles and not is_blank(cell(role)):
                    unit = None if role == "growth" else unit_cell or unit_in_parens(
                        name_of[role]) or level_unit or ctx.table_unit  # fmt: skip
                    record = unregistered_record(ctx, at[role], raw_name, period, role,
                                                 cell(role), unit=unit, sub_item=sub,
                                                 source=source)  # fmt: skip
                    unregistered.append(record | {"area": area})
            continue
        basis = price_basis_of(at.get("price_basis"), cell("price_basis"), info)
        if unit_cell is not None and unit_cell not in KNOWN_UNITS:
            raise at["unit"].fail(
                f"unknown unit {unit_cell!r}.", f"use one of {', '.join(sorted(KNOWN_UNITS))}."
            )

        def level_unit_of(
            role: str, number, unit_cell=unit_cell, name_unit=name_unit, at=at
        ) -> Any:
            explicit = {"cell": number.unit, "unit column": unit_cell,
                        "indicator name": name_unit,
                        "header": unit_in_parens(name_of[role]) or level_unit}  # fmt: skip
            return resolve_unit(at[role], explicit, ctx.table_unit)

        prior = None
        if "prior_year" in roles:
            number = parse_cell(at["prior_year"], cell("prior_year"))
            if number.value is not None:
                if "level" not in roles or is_blank(cell("level")):
                    raise at["prior_year"].fail(
                        "上年同期 without this year's level on the row: it is kept beside the "
                        "level (same months, same unit).",
                        "fill in the level (累计值) of the row, or leave 上年同期 blank.",
                    )
                prior = (at["prior_year"], number, level_unit_of("prior_year", number))
        row_records = []
        for measure in MEASURES:
            if measure not in roles:
                continue
            number = parse_cell(at[measure], cell(measure))
            if number.value is None:
                continue
            unit = level_unit_of(measure, number) if measure == "level" else None
            row_records.append(
                make_record(
                    ctx,
                    at[measure],
                    info,
                    period,
                    measure,
                    number,
                    unit=unit,
                    price_basis=basis,
                    sub_item=sub,
                    source=source,
                    period_column=at["period"].column,
                    prior_year=prior if measure == "level" else None,
                )
            )
        if prior is not None and not any(r["measure"] == "growth" for r in row_records):
            derived = derived_growth(row_records[0], info)  # growth from level and 上年同期
            row_records += [derived] if derived is not None else []
        for record in row_records:
            record["_parent"] = parent if sub else None  # of-which: whose?
            record["area"] = area
        records += row_records
    return records, unregistered


# An area name: Chinese or Latin letters, digits, spaces and the dots of 新乡市·牧野区, no
# numbers alone (a misplaced value) and nothing longer than a place name.
_AREA_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9 ·.()（）-]{0,39}")


def area_of(where: Cell | None, cell: Any) -> str | None:
    """The row's area (地区): blank means the district (``store.DEFAULT_AREA``); the district's
    aliases (牧野, 新乡市牧野区) are the district (``cells.canonical_area``)."""
    text = cell_text(cell)
    if where is None or not text:
        return None
    if not _AREA_NAME.fullmatch(text):
        raise where.fail(
            f"{clip(text)!r} is not an area name.",
            "write the area as published (河南省, 新乡市, 牧野区), or leave it blank for the "
            "district.",
        )
    try:
        return canonical_area(text)
    except CellError as exc:
        raise where.fail(exc.problem, exc.fix) from None


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


def refuse_second_header(where: Cell, raw_name: str) -> None:
    """A row whose name cell is a header word (指标, indicator) starts a second table."""
    if ALIAS_OF.get(header_key(raw_name)) == "indicator":
        raise where.fail(
            f"a second header row ({raw_name!r} in the name column): two tables in one sheet "
            "cannot be read as one.",
            "put the second table in its own sheet (or file), or delete the repeated header.",
        )


def refuse_unnamed_values(sheet: Sheet, where: Cell, i: int, j: int) -> DataError:
    """The error for values on a row with no name; a merged name cell is named as the cause."""
    merged = sheet.merged_range(i, j)
    if merged is not None:
        return where.fail(
            f"values without an indicator name: the name cell is part of the merged cells "
            f"{merged}, which give the name to their first row only.",
            "unmerge the cells and write the name on each row (or give each row its own name).",
        )
    return where.fail("values without an indicator name.", "fill in the name.")


def price_basis_of(where: Cell | None, cell: Any, info: Indicator) -> str | None:
    """The price basis of the row's growth rate, which must be the indicator's published one."""
    if where is None:
        return None
    try:
        basis = parse_price_basis(cell_text(cell))
    except CellError as exc:
        raise where.fail(exc.problem, exc.fix) from None
    if basis and info.growth_basis and basis != info.growth_basis:
        zh = "可比价" if info.growth_basis == "real" else "现价"
        raise where.fail(
            f"{info.id} growth is published as {info.growth_basis} ({zh}), not {basis}.",
            f"give the {info.growth_basis} growth rate, or correct the price basis.",
        )
    return basis
