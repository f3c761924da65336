"""A file to records: every sheet of it, read with the layout its header shows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from muye_analysis.quarterly import city_table
from muye_analysis.quarterly.bureau import _parse_wide
from muye_analysis.quarterly.cells import _NOTE_SHEETS, _is_empty, _text
from muye_analysis.quarterly.files import _Sheet, read_sheets
from muye_analysis.quarterly.records import _Context, _Where
from muye_analysis.quarterly.registry import RegistryIndex
from muye_analysis.quarterly.tidy import _find_header, _parse_tidy, _read_title, _roles


def _parse_sheet(
    sheet: _Sheet, checksum: str, registry: RegistryIndex, year: int | None
) -> tuple[list[dict[str, Any]], list[str]]:
    if city_table.is_city_table(sheet):  # every unit of the city down the side (issue 27)
        ctx = _Context(sheet, checksum, registry, year)
        records, skipped = city_table.parse_city_table(ctx)
        for record in records:
            record["release"] = release_label(ctx.title)
        return records, skipped
    at = _find_header(sheet)
    ctx = _Context(sheet, checksum, registry, year)
    roles = _roles([_text(c) for c in sheet.rows[at]])
    if "period" in roles:
        _read_title(ctx, sheet.rows[:at])
        records, skipped = _parse_tidy(ctx, at, roles), []
    else:
        records, skipped = _parse_wide(ctx, at)
    release = release_label(ctx.title)
    for record in records:
        record["release"] = release
    if not records:
        raise _Where(sheet.path, sheet.name, at + 2, "A").fail(
            "no data rows under the header.",
            "fill in at least one value, or remove the file from the folder.",
        )
    return records, skipped


# Words above a table that say which release of the figures it is (修订 = revised, 快报 = flash,
# 初步核算 = preliminary), or when it was released.
_RELEASE = re.compile(
    r"(?:[(（\[【]?(?:修订|修正|更正|快报|初步核算|初步|最终核实|终核|正式)(?:版|数|数据)?[)）\]】]?"
    r"|(?:发布|制表|填报|更新)(?:日期|时间)?[:：]?\s*\d{4}年\d{1,2}月(?:\d{1,2}日)?"
    r"|(?:第[一二三四五六七八九十\d]+版|版本[:：]?\s*\S{1,12}|v\d+(?:\.\d+)*))",
    re.IGNORECASE,
)


def release_label(title: str) -> str | None:
    """The release a table's title names (修订, 快报, 发布日期 2019年10月15日, 第2版…), or None."""
    found = [m.group(0).strip() for m in _RELEASE.finditer(title)]
    return "；".join(dict.fromkeys(found))[:80] or None


def _sheet_is_empty(sheet: _Sheet) -> bool:
    return all(_is_empty(c) for row in sheet.rows for c in row)


def _parse_file(
    path: Path, registry: RegistryIndex, year: int | None
) -> tuple[list[dict[str, Any]], list[str]]:
    sheets, checksum = read_sheets(path)
    hidden = [s for s in sheets if s.hidden]
    if hidden and len(hidden) == len(sheets):
        raise _Where(path, hidden[0].name, 1, "A").fail(
            "every sheet of the workbook is hidden.",
            "unhide the sheet with the data (right-click a sheet tab > Unhide) and save.",
        )
    sheets = [s for s in sheets if not s.hidden]
    wanted = [s for s in sheets if not _NOTE_SHEETS.match(s.name)] or sheets
    filled = [s for s in wanted if not _sheet_is_empty(s)]
    if not filled:
        first = wanted[0] if wanted else _Sheet(path, "", [])
        raise _Where(path, first.name, 1, "A").fail(
            "the file is empty." if not first.name else "the sheet is empty.",
            "put the data in the first sheet, starting with a header row "
            "(see data/quarterly/template.xlsx).",
        )
    records: list[dict[str, Any]] = []
    skipped = [f"{path.name}[{s.name}]: hidden sheet, not read (unhide it to ingest it)"
               for s in hidden]  # fmt: skip
    for sheet in filled:
        got, skip = _parse_sheet(sheet, checksum, registry, year)
        records += got
        skipped += [f"{path.name}{'[' + sheet.name + ']' if sheet.name else ''}: {s}" for s in skip]
    return records, skipped
