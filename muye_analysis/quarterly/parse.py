"""A file to records: every sheet of it, read with the layout its header shows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from muye_analysis.errors import printable
from muye_analysis.quarterly import bureau, city_table, tidy
from muye_analysis.quarterly.cells import NOTE_SHEETS, column_letter, is_empty
from muye_analysis.quarterly.files import read_sheets
from muye_analysis.quarterly.headers import find_header, header_row_or_none
from muye_analysis.quarterly.layout import Cell, Context, Layout, Sheet
from muye_analysis.quarterly.registry import RegistryIndex
from muye_analysis.vocab import Words

# The layouts, in the order they are tried: the first that recognises a sheet reads it. The
# bureau table takes any sheet with an indicator header; a sheet none recognises is refused
# for having no header row.
LAYOUTS: tuple[Layout, ...] = (city_table.LAYOUT, tidy.LAYOUT, bureau.LAYOUT)


def layout_of(sheet: Sheet) -> Layout:
    """The first of ``LAYOUTS`` that recognises the sheet; a sheet none recognises has no
    header row and is refused for that (naming row 1)."""
    for layout in LAYOUTS:
        if layout.recognises(sheet):
            return layout
    find_header(sheet)  # raises: no header row with an indicator column
    raise AssertionError("the bureau layout recognises every sheet with a header row")


def parse_sheet(
    sheet: Sheet, checksum: str, registry: RegistryIndex, year: int | None
) -> tuple[list[dict[str, Any]], list[str], list[dict[str, Any]]]:
    """The sheet's records, what was not read, and the values of rows the registry does not
    know (kept as unregistered), read by the first of ``LAYOUTS`` that recognises it."""
    ctx = Context(sheet, checksum, registry, year)
    rows = layout_of(sheet).read(ctx)
    release = release_label(ctx.title)
    for record in (*rows.records, *rows.unregistered):
        record["release"] = release
    if rows.header_row is not None and not rows.records and not rows.unregistered:
        raise Cell(sheet.path, sheet.name, rows.header_row + 2, "A").fail(
            "no data rows under the header.",
            "fill in at least one value, or remove the file from the folder.",
        )
    return rows.records, rows.skipped, rows.unregistered


# Words above a table that say which release of the figures it is (修订 = revised, 快报 = flash,
# 初步核算 = preliminary), or when it was released.
_RELEASE = re.compile(
    r"(?:[(（\[【]?(?:修订|修正|更正|快报|初步核算|初步|最终核实|终核|正式)(?:版|数|数据)?[)）\]】]?"
    r"|(?:发布|制表|填报|更新)(?:日期|时间)?[:：]?\s*\d{4}(?:年\d{1,2}月(?:\d{1,2}日)?"
    r"|([-./])\d{1,2}(?:\1\d{1,2})?)"
    r"|(?:第[一二三四五六七八九十\d]+版|版本[:：]?\s*\S{1,12}|v\d+(?:\.\d+)*))",
    re.IGNORECASE,
)


def release_label(title: str) -> str | None:
    """The release a table's title names (修订, 快报, 发布日期 2019年10月15日, 第2版…), or None."""
    found = [m.group(0).strip() for m in _RELEASE.finditer(title)]
    return "；".join(dict.fromkeys(found))[:80] or None


_RELEASE_DATE = re.compile(
    r"(?:发布|制表|填报|更新)(?:日期|时间)?[:：]?\s*(\d{4})(?:年|[-./])(\d{1,2})(?:月|[-./])?"
    r"(?:(\d{1,2})日?)?"
)


def release_date(label: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) of the date a release label gives (发布日期：2019年12月20日, or
    2019-12-20, 2019.12.20, 2019/12/20), day 0 when only the month is given; None without."""
    match = _RELEASE_DATE.search(label or "")
    if match is None:
        return None
    year, month, day = match.groups()
    return int(year), int(month), int(day or 0)


def format_release_date(date: tuple[int, int, int]) -> str:
    """2019-12-20 (or 2019-12 without a day)."""
    year, month, day = date
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")


def _sheet_is_empty(sheet: Sheet) -> bool:
    return all(is_empty(c) for row in sheet.rows for c in row)


def _has_header(sheet: Sheet) -> bool:
    return header_row_or_none(sheet) is not None


def _spans(indices: tuple[int, ...], name) -> str:
    """1-based runs of positions: rows 5, 9–12 (``name`` turns a 0-based index into a label)."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return ", ".join(name(r[0]) if len(r) == 1 else f"{name(r[0])}–{name(r[-1])}" for r in runs)


def _layout_notes(path: Path, sheet: Sheet) -> list[Words]:
    """What the sheet hides from the table the user sees: hidden rows and columns (not read)."""
    where = f"{printable(path.name)}{'[' + printable(sheet.name) + ']' if sheet.name else ''}"
    notes = []
    if sheet.hidden_rows:
        rows = _spans(sheet.hidden_rows, lambda i: str(i + 1))
        notes.append(Words("skip.in", where=where, reason=Words("skip.hidden_rows", rows=rows)))
    if sheet.hidden_columns:
        columns = _spans(sheet.hidden_columns, column_letter)
        hidden = Words("skip.hidden_columns", columns=columns)
        notes.append(Words("skip.in", where=where, reason=hidden))
    return notes


@dataclass
class ParsedFile:
    """A file's records, what was not read (sheets, rows, columns, with the reason) and what
    the user should know about how it was read (its text encoding)."""

    records: list[dict[str, Any]]
    skipped: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (English, Chinese)
    unregistered: list[dict[str, Any]] = field(default_factory=list)  # rows with no indicator


def parse_file(path: Path, registry: RegistryIndex, year: int | None) -> ParsedFile:
    """Every sheet of a file read into records (``parse_sheet``), with what was not read and
    what the user should know about how it was read."""
    sheets, checksum = read_sheets(path)
    name = printable(path.name)
    filled, skipped = _sheets_to_read(path, sheets)
    out = ParsedFile([], skipped)
    for sheet in filled:
        got, skip, unregistered = parse_sheet(sheet, checksum, registry, year)
        out.records += got
        out.unregistered += unregistered
        where = f"{name}{'[' + printable(sheet.name) + ']' if sheet.name else ''}"
        out.skipped += [Words("skip.in", where=where, reason=s) for s in skip]
        out.skipped += _layout_notes(path, sheet)
        if sheet.encoding is not None and sheet.encoding.unusual:
            out.notes.append((
                f"{name} was read as {sheet.encoding.name} text: check that the names in "
                "`muye history` read correctly.",
                f"{name} 按 {sheet.encoding.name} 编码读取：请用 muye history 核对名称是否正确。",
            ))  # fmt: skip
    return out


def _sheets_to_read(path: Path, sheets: list[Sheet]) -> tuple[list[Sheet], list[str]]:
    """The sheets to read, and the ones passed over (hidden, notes, empty) with why. A workbook
    whose sheets are all hidden, or with nothing to read, is refused."""
    name = printable(path.name)
    hidden = [s for s in sheets if s.hidden]
    if hidden and len(hidden) == len(sheets):
        raise Cell(path, hidden[0].name, 1, "A").fail(
            "every sheet of the workbook is hidden.",
            "unhide the sheet with the data (right-click a sheet tab > Unhide) and save.",
        )
    visible = [s for s in sheets if not s.hidden]
    # A sheet named like a notes sheet (说明, 注, Notes) is skipped unless it holds a table.
    notes = [s for s in visible if NOTE_SHEETS.match(s.name.strip()) and not _has_header(s)]
    wanted = [s for s in visible if s not in notes] or visible
    filled = [s for s in wanted if not _sheet_is_empty(s)]
    if not filled:
        first = wanted[0] if wanted else Sheet(path, "", [])
        raise Cell(path, first.name, 1, "A").fail(
            "the file is empty." if not first.name else "the sheet is empty.",
            "put the data in the first sheet, starting with a header row "
            "(see data/quarterly/template.xlsx).",
        )

    def passed_over(group: list[Sheet], reason: str) -> list[str]:
        return [Words("skip.in", where=f"{name}[{printable(s.name)}]", reason=Words(reason))
                for s in group]  # fmt: skip

    # (Sheets compare by identity: ``in`` below never compares their cells.)
    return filled, (
        passed_over(hidden, "skip.hidden_sheet")
        + passed_over([s for s in notes if s not in wanted], "skip.notes_sheet")
        + passed_over([s for s in wanted if s not in filled], "skip.empty_sheet")
    )
