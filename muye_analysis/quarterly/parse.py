"""A file to records: every sheet of it, read with the layout its header shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from muye_analysis.quarterly.bureau import _parse_wide
from muye_analysis.quarterly.cells import _NOTE_SHEETS, _is_empty, _text
from muye_analysis.quarterly.files import _Sheet, read_sheets
from muye_analysis.quarterly.records import _Context, _Where
from muye_analysis.quarterly.registry import RegistryIndex
from muye_analysis.quarterly.tidy import _find_header, _parse_tidy, _read_title, _roles


def _parse_sheet(
    sheet: _Sheet, checksum: str, registry: RegistryIndex, year: int | None
) -> tuple[list[dict[str, Any]], list[str]]:
    at = _find_header(sheet)
    ctx = _Context(sheet, checksum, registry, year)
    roles = _roles([_text(c) for c in sheet.rows[at]])
    if "period" in roles:
        _read_title(ctx, sheet.rows[:at])
        records, skipped = _parse_tidy(ctx, at, roles), []
    else:
        records, skipped = _parse_wide(ctx, at)
    if not records:
        raise _Where(sheet.path, sheet.name, at + 2, "A").fail(
            "no data rows under the header.",
            "fill in at least one value, or remove the file from the folder.",
        )
    return records, skipped


def _sheet_is_empty(sheet: _Sheet) -> bool:
    return all(_is_empty(c) for row in sheet.rows for c in row)


def _parse_file(
    path: Path, registry: RegistryIndex, year: int | None
) -> tuple[list[dict[str, Any]], list[str]]:
    sheets, checksum = read_sheets(path)
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
    skipped: list[str] = []
    for sheet in filled:
        got, skip = _parse_sheet(sheet, checksum, registry, year)
        records += got
        skipped += [f"{path.name}{'[' + sheet.name + ']' if sheet.name else ''}: {s}" for s in skip]
    return records, skipped
