"""The sheet reader: which files a path names, and each file's sheets as grids of cells.

``read_sheets(path)`` is the one entry point (every layout reader builds on it): it returns
the file's ``Sheet``s — rows of cells as the user sees them — and the file's SHA-256. What a
cell in ``Sheet.rows`` can be:

* ``None`` / NaN (empty), ``str`` (text as typed or as the CSV holds it), ``int`` / ``float``
  (a number), a ``datetime`` (a date-formatted cell: Excel's auto-date of 1-9 is one);
* ``Percent`` — a number shown with a percent format (0.051 shown as 5.1%): ``parse_number``
  reads it as 5.1%, as the user sees it;
* ``BadCell`` — a cell showing an error (#DIV/0!) or a formula with no saved result, refused by
  ``parse_number`` where a number is wanted.

Hidden rows and columns are blanked (their positions kept, so rows and column letters stay the
spreadsheet's) and listed in ``Sheet.hidden_rows`` / ``hidden_columns``; hidden sheets are
returned with ``hidden=True``; merged ranges are in ``Sheet.merged``. A sheet whose grid would
exceed ``workbook.MAX_SHEET_CELLS`` is refused before any grid is built (``workbook``). CSV text
is decoded by ``inputs.decode_text`` (UTF-8, GBK, UTF-16 with or without its mark, Big5,
Shift-JIS), and the encoding is kept in ``Sheet.encoding``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from muye_analysis.errors import DataError
from muye_analysis.inputs import Decoded, decode_text, read_input_bytes
from muye_analysis.quarterly.cells import HEADER_SEARCH_ROWS, Percent, column_letter
from muye_analysis.quarterly.workbook import MAX_SHEET_CELLS, SheetScan, scan_xls, scan_xlsx

DATA_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls")
# Spreadsheet formats that are not read: a folder ingest lists them instead of skipping them
# in silence.
UNREAD_SUFFIXES = (".xlsb", ".ods", ".et", ".ett", ".numbers", ".xltx", ".xltm", ".xlt", ".tsv",
                   ".dbf", ".wps")  # fmt: skip

ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")  # the usual ones; others are detected and named


@dataclass(eq=False)  # two sheets are the same sheet only if they are the same object
class Sheet:
    """One sheet of a year-to-date file, as the cell reader returns it.

    ``rows`` holds the cells (see the module docstring for what a cell can be); positions are
    0-based in the attributes and 1-based / lettered in messages, as the spreadsheet shows them.
    """

    path: Path
    name: str  # sheet name; "" for CSV
    rows: list[list[Any]]
    hidden: bool = False  # hidden in Excel: not read, and the user is told
    hidden_rows: tuple[int, ...] = ()  # blanked in ``rows``, listed for the user
    hidden_columns: tuple[int, ...] = ()
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first col, last row, last col)
    encoding: Decoded | None = field(default=None, repr=False)  # CSV only

    def merged_range(self, row: int, column: int) -> str | None:
        """The merged range (A5:A6) holding the cell, when it is merged; else None."""
        for r0, c0, r1, c1 in self.merged:
            if r0 <= row <= r1 and c0 <= column <= c1:
                return f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
        return None


# A year-to-date table is a few hundred kilobytes; anything this big is the wrong file (or a
# device such as /dev/zero behind a link) and is refused before it is read.
MAX_FILE_BYTES = 50 * 1024 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls and of encrypted .xlsx
_SAVE_CSV = "save it from Excel as 'CSV UTF-8 (comma delimited)', or as .xlsx."
# A workbook whose parts expand beyond this is a zip bomb, not a table.
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
_SIGNATURES = {
    b"PK\x03\x04": ("an Excel workbook (.xlsx) or another zip file", ".xlsx"),
    _OLE: ("an old-format Excel workbook (.xls)", ".xls"),
    b"%PDF": ("a PDF", None),
    b"\x89PNG": ("a PNG image", None),
    b"\xff\xd8\xff": ("a JPEG image", None),
}


def decode_csv(data: bytes, path: Path) -> Decoded:
    """Decode a CSV, detecting its encoding (``inputs.decode_text``): UTF-8 with or without
    BOM, GBK/GB18030 (exports of Chinese Windows), UTF-16 with or without its mark (Excel's
    "Unicode text"), Big5, Shift-JIS. A UTF-8 byte-order mark in front of bytes that are not
    UTF-8 (GBK text with a UTF-8 mark) is refused, and so are binary files (a workbook or PDF
    named .csv)."""
    for signature, (what, suffix) in _SIGNATURES.items():
        if data.startswith(signature):
            rename = f"rename it to {suffix}" if suffix else "give the table itself"
            raise DataError(f"this is {what}, not a CSV text file.", file=path, row=1,
                            column="A", fix=f"{rename}, or save the table as CSV.")  # fmt: skip
    decoded = decode_text(data, path, fix=_SAVE_CSV, what="CSV text", column="A")
    if decoded.text.startswith("\ufeff"):  # a mark inside UTF-16: not part of the header
        decoded = Decoded(decoded.text[1:], decoded.encoding, decoded.name)
    return decoded


def decode_csv_bytes(data: bytes, path: Path) -> str:
    """The text of a CSV (``decode_csv`` without the encoding)."""
    return decode_csv(data, path).text


def _delimiter(path: Path, text: str) -> str:
    """Comma, or tab when the first line has tabs and no comma. A header row (or, with none
    found, a file) with no comma or tab but semicolons or full-width commas is refused, naming
    them: split wrongly, every row would be one cell."""
    lines = text.splitlines()[:HEADER_SEARCH_ROWS]
    filled = [line for line in lines if line.strip()]
    first = filled[0] if filled else ""
    if "\t" in first and "," not in first:
        return "\t"
    header = next((i for i, line in enumerate(lines) if _HEADER_WORDS.search(line)), None)
    candidates = [header] if header is not None else range(len(lines))
    if header is None and any("," in line or "\t" in line for line in lines):
        return ","
    for i in candidates:
        line = lines[i]
        if "," in line or "\t" in line:
            continue
        for mark, name in ((";", "semicolons (;)"), ("，", "full-width commas (，)")):
            if line.count(mark) >= 2:
                raise DataError(
                    f"the columns are separated by {name}, not by commas: every row would "
                    "read as one cell.",
                    file=path,
                    row=i + 1,
                    column="A",
                    fix=_SAVE_CSV,
                )
    return ","


# Words of a header row's indicator column (as in cells._ALIASES), to find the header line.
_HEADER_WORDS = re.compile(
    r"(?:^|[,;，\t\"])\s*(?:indicator|指标|指标名称|项目|项目名称)\s*(?:$|[,;，\t\"])",
    re.IGNORECASE,
)


def _read_csv(path: Path, data: bytes) -> list[Sheet]:
    decoded = decode_csv(data, path)
    text = decoded.text
    delimiter = _delimiter(path, text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[Any]] = []
    start = 1  # the line the current record starts on
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise _csv_error(path, exc, start, reader.line_num) from None
        for j, cell in enumerate(row):
            if "\n" in cell or "\r" in cell:
                swallowed = cell.splitlines()[1:]
                if any(delimiter in line for line in swallowed):
                    raise DataError(
                        f'a quote (") opens this cell and closes only {reader.line_num - start} '
                        "line(s) below: the rows in between are read as part of one cell.",
                        file=path,
                        row=start,
                        column=_letter(j),
                        fix='remove the stray quote, or double a quote inside a cell ("").',
                    )
        rows.append(list(row))
        start = reader.line_num + 1
    return [Sheet(path, "", rows, encoding=decoded)]


def _letter(index: int) -> str:
    return column_letter(index)


def _csv_error(path: Path, exc: csv.Error, start: int, line: int) -> DataError:
    text = str(exc)
    if "field larger than field limit" in text:
        return DataError(
            f"a cell on line {line} is longer than {csv.field_size_limit():,} characters: it is "
            "not a statistic (a pasted text, or a quote never closed).",
            file=path,
            row=line,
            fix="delete that cell's text, or close the quote that opens it.",
        )
    if "unexpected end of data" in text or "EOF" in text:
        return DataError(
            f'a quote (") opened on line {start} is never closed: everything after it would be '
            "one cell.",
            file=path,
            row=start,
            fix='remove the stray quote, or double a quote inside a cell ("").',
        )
    return DataError(
        f"malformed CSV ({text}).",
        file=path,
        row=line,
        fix='check the quotes on this line; a quote inside a cell is doubled ("").',
    )


def _read_excel(path: Path, data: bytes) -> list[Sheet]:
    import pandas as pd
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    if not data.startswith((b"PK\x03\x04", _OLE)):
        what = "a text (CSV) file" if b"\x00" not in data[:4096] else "not an Excel workbook"
        raise DataError(
            f"this is {what}, whatever its name ({path.suffix}) says.",
            file=path,
            row=1,
            column="A",
            fix="rename a CSV file to .csv, or open the file in Excel and save it as .xlsx.",
        )
    if data.startswith(b"PK"):
        _refuse_zip_bomb(path, data)
    if data.startswith(_OLE) and path.suffix.lower() != ".xls":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _password_error(path)
        raise DataError(
            "this is an old-format Excel workbook (.xls) with an .xlsx name.",
            file=path,
            row=1,
            column="A",
            fix="rename it to .xls, or open it in Excel and save it as .xlsx.",
        )
    # Before calamine sees the file: its formats, hidden rows, merged ranges and extent.
    scans = scan_xlsx(data) if zipfile.is_zipfile(io.BytesIO(data)) else scan_xls(data)
    for scan in scans.values():
        _refuse_oversized(path, scan)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        hidden = {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}
        frames = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None, engine="calamine")
    except Exception as exc:  # calamine raises its own types for broken or encrypted files
        if any(word in str(exc).lower() for word in ("password", "encrypt", "protected")):
            raise _password_error(path) from None
        raise DataError(
            f"cannot read the workbook ({type(exc).__name__}: {exc}).",
            file=path,
            row=1,
            column="A",
            fix="open it in Excel and save it again as .xlsx.",
        ) from None
    sheets = []
    for name, frame in frames.items():
        rows = frame.to_numpy(dtype=object).tolist()  # NaN marks an empty cell
        scan = scans.get(str(name), SheetScan(str(name)))
        sheets.append(_apply_scan(path, str(name), rows, scan, hidden=str(name) in hidden))
    return sheets


def _refuse_oversized(path: Path, scan: SheetScan) -> None:
    if scan.grid_cells <= MAX_SHEET_CELLS:
        return
    cells = " and ".join(scan.far_cells)
    row, column = scan.row_cell if scan.last_row >= MAX_SHEET_CELLS**0.5 else scan.column_cell
    raise DataError(
        f"sheet {scan.name!r}: a value in cell {cells} makes the sheet span "
        f"{scan.last_row + 1:,} rows × {scan.last_column + 1:,} columns "
        f"({scan.grid_cells:,} cells, more than {MAX_SHEET_CELLS:,}): not a year-to-date table "
        "(a stray value far below or to the right of the table?). It is refused before the "
        "sheet is loaded.",
        file=path,
        row=row + 1,
        column=column_letter(column),
        fix=f"delete the value in {cells} (Ctrl+End in Excel goes to the last cell), save, and "
        "ingest again.",
    )


def _apply_scan(path: Path, name: str, rows: list[list[Any]], scan: SheetScan, *,
                hidden: bool) -> Sheet:  # fmt: skip
    """The grid as the user sees it: percent-formatted numbers as ``Percent``, bad cells as
    ``BadCell``, hidden rows and columns blanked (their positions kept)."""

    def put(i: int, j: int, value: Any) -> None:
        while len(rows) <= i:
            rows.append([])
        rows[i] += [None] * (j + 1 - len(rows[i]))
        rows[i][j] = value

    for i, j in scan.percent:
        if i < len(rows) and j < len(rows[i]):
            value = rows[i][j]
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
                rows[i][j] = Percent(float(value))
    for (i, j), bad in scan.bad.items():
        put(i, j, bad)
    hidden_rows = sorted(i for i in scan.hidden_rows if i < len(rows))
    width = max((len(r) for r in rows), default=0)
    hidden_columns = sorted(j for j in scan.hidden_columns if j < width)
    for i in hidden_rows:
        rows[i] = [None] * len(rows[i])
    for j in hidden_columns:
        for row in rows:
            if j < len(row):
                row[j] = None
    return Sheet(
        path, name, rows, hidden=hidden, hidden_rows=tuple(hidden_rows),
        hidden_columns=tuple(hidden_columns), merged=tuple(scan.merged),
    )  # fmt: skip


def _refuse_zip_bomb(path: Path, data: bytes) -> None:
    """A workbook is a zip file: refuse one whose parts expand beyond ``MAX_UNZIPPED_BYTES``
    (read from the zip's directory, before anything is decompressed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            size = sum(info.file_size for info in book.infolist())
    except zipfile.BadZipFile as exc:
        raise DataError(f"the workbook is damaged ({exc}).", file=path, row=1, column="A",
                        fix="open it in Excel and save it again as .xlsx.") from None  # fmt: skip
    if size > MAX_UNZIPPED_BYTES:
        raise DataError(
            f"the workbook expands to {size / 2**20:,.0f} MB (more than "
            f"{MAX_UNZIPPED_BYTES / 2**20:.0f} MB): not a table (a zip bomb?).",
            file=path,
            row=1,
            column="A",
            fix="check that this is the right file.",
        )


def _password_error(path: Path) -> DataError:
    return DataError(
        "the workbook is password-protected (encrypted): it cannot be read without the password.",
        file=path,
        row=1,
        column="A",
        fix="open it in Excel with the password, remove it (File > Info > Protect Workbook > "
        "Encrypt with Password: clear it), save, and ingest again.",
    )


def read_sheets(path: Path) -> tuple[list[Sheet], str]:
    """The sheets of a CSV or Excel file (.csv, .xlsx, .xlsm, .xls) as grids of cells, and the
    file's SHA-256 (see the module docstring for what the cells hold).

    Only regular files are read (not a device, a pipe or a link to one), none larger than
    ``MAX_FILE_BYTES``, and no sheet whose grid exceeds ``workbook.MAX_SHEET_CELLS``. Raises
    DataError naming the file (and row and column where there is one)."""
    data = read_input_bytes(
        path, max_bytes=MAX_FILE_BYTES, what="year-to-date table",
        fix="give the .csv or .xlsx file itself.",
    )  # fmt: skip  # read once: the checksum and the parse see the same bytes
    checksum = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, data), checksum
    if suffix in (".xlsx", ".xls", ".xlsm"):
        return _read_excel(path, data), checksum
    raise DataError(
        f"unsupported file type {suffix!r}.",
        file=path,
        row=1,
        column="A",
        fix="give a .csv, .xlsx, .xlsm or .xls file.",
    )


def data_files(path: str | Path) -> list[Path]:
    """The data files a path names: the file itself, or the CSV/Excel files of a folder.

    In a folder, ``template.*``, hidden files and Excel's ``~$`` lock files are left out.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if _is_data_file(p))
        if not files:
            raise DataError(
                "no .csv, .xlsx, .xlsm or .xls files in this folder.", file=path,
                fix="give a file or a folder holding the year-to-date tables.",
            )  # fmt: skip
        return files
    if not path.exists():
        raise DataError("file not found.", file=path, fix="check the path.")
    return [path]


def has_data_files(folder: str | Path) -> bool:
    """Whether ``folder`` holds year-to-date files to ingest (templates and lock files aside)."""
    folder = Path(folder)
    return folder.is_dir() and any(_is_data_file(p) for p in folder.iterdir())


def _is_data_file(path: Path) -> bool:
    # Not is_file(): a link to a device named like a data file is read, and refused by name.
    return (
        not path.is_dir()
        and path.suffix.lower() in DATA_SUFFIXES
        and not path.name.startswith(("~$", "."))
        and not path.stem.lower().startswith("template")
    )


def unread_files(folder: str | Path) -> list[Path]:
    """Spreadsheet-like files in ``folder`` that are not read (.ods, .xlsb, WPS .et …), so a
    folder ingest can list them instead of skipping them in silence."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.suffix.lower() in UNREAD_SUFFIXES and not p.name.startswith(("~$", "."))
    )  # fmt: skip
