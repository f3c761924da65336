"""What the tidy and bureau layouts share: the header row and its column roles, the name cell
of a row (a second header, values without a name), the row's area and the price basis of its
growth."""

from __future__ import annotations

import re
from typing import Any

from muye_analysis.errors import DataError
from muye_analysis.quarterly.cells import (
    ALIAS_OF,
    HEADER_SEARCH_ROWS,
    CellError,
    canonical_area,
    cell_text,
    header_key,
    parse_price_basis,
)
from muye_analysis.quarterly.layout import Cell, Sheet, clip
from muye_analysis.quarterly.registry import Indicator


def header_row_or_none(sheet: Sheet) -> int | None:
    """The 0-based row of the header (the first of the top rows with an indicator column)."""
    for i, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if any(ALIAS_OF.get(header_key(cell_text(c))) == "indicator" for c in row):
            return i
    return None


def find_header(sheet: Sheet) -> int:
    """The 0-based header row; a sheet without one is refused."""
    found = header_row_or_none(sheet)
    if found is not None:
        return found
    raise Cell(sheet.path, sheet.name, 1, "A").fail(
        "no header row with an indicator column (indicator / 指标 / 指标名称 / 项目) "
        f"in the first {HEADER_SEARCH_ROWS} rows.",
        "start the table with a header row; see data/quarterly/template.csv.",
    )


def header_roles(sheet: Sheet, at: int) -> dict[str, int]:
    """The roles of the header row ``at`` (``roles_of`` its texts)."""
    return roles_of([cell_text(c) for c in sheet.rows[at]])


def roles_of(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for j, text in enumerate(header):
        role = ALIAS_OF.get(header_key(text))
        if role is not None and role not in roles:
            roles[role] = j
    return roles


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
