"""Reading files: which files a path names, decoding CSV bytes, sheets as lists of rows."""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from muye_analysis.errors import DataError
from muye_analysis.quarterly.cells import HEADER_SEARCH_ROWS, BadCell, _column_letter

DATA_SUFFIXES = (".csv", ".xlsx", ".xls")

ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")  # gb18030 last: it decodes UTF-8 bytes as garbage


@dataclass
class _Sheet:
    path: Path
    name: str  # sheet name; "" for CSV
    rows: list[list[Any]]
    hidden: bool = False  # hidden in Excel: not read, and the user is told


# A year-to-date table is a few hundred kilobytes; anything this big is the wrong file (or a
# device such as /dev/zero behind a link) and is refused before it is read.
MAX_FILE_BYTES = 50 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls and of encrypted .xlsx
_SAVE_CSV = "save it from Excel as 'CSV UTF-8 (comma delimited)', or as .xlsx."
# A workbook whose parts expand beyond this is a zip bomb, not a table.
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SIGNATURES = {
    b"PK\x03\x04": ("an Excel workbook (.xlsx) or another zip file", ".xlsx"),
    _OLE: ("an old-format Excel workbook (.xls)", ".xls"),
    b"%PDF": ("a PDF", None),
    b"\x89PNG": ("a PNG image", None),
    b"\xff\xd8\xff": ("a JPEG image", None),
}


def decode_csv_bytes(data: bytes, path: Path) -> str:
    """Decode a CSV: utf-8-sig, then utf-8, then gb18030 (GBK exports of Chinese Windows).

    UTF-16 with its byte-order mark (Excel's "Unicode text") is read too. A UTF-8 byte-order
    mark in front of bytes that are not UTF-8 (GBK text with a UTF-8 mark) is refused: decoding
    it either way garbles the header; so are binary files (a workbook or PDF named .csv)."""
    for signature, (what, suffix) in _SIGNATURES.items():
        if data.startswith(signature):
            rename = f"rename it to {suffix}" if suffix else "give the table itself"
            raise DataError(f"this is {what}, not a CSV text file.", file=path, row=1,
                            column="A", fix=f"{rename}, or save the table as CSV.")  # fmt: skip
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DataError(f"not readable as UTF-16 (byte {exc.start}).", file=path, row=1,
                            column="A", fix=_SAVE_CSV) from None  # fmt: skip
    if b"\x00" in data:
        raise DataError(
            "binary data (NUL bytes), not CSV text.",
            file=path,
            row=data[: data.index(b"\x00")].count(b"\n") + 1,
            column="A",
            fix=_SAVE_CSV,
        )
    if data.startswith(_BOM):
        try:
            return data[len(_BOM) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError(
                f"the file starts with a UTF-8 byte-order mark but is not UTF-8 after it (byte "
                f"{exc.start + len(_BOM)}): it mixes two encodings (GBK text behind a UTF-8 mark).",
                file=path,
                row=data[len(_BOM) :][: exc.start].count(b"\n") + 1,
                column="A",
                fix=_SAVE_CSV,
            ) from None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(
        "the file is neither UTF-8 nor GBK/GB18030 text.",
        file=path,
        row=1,
        column="A",
        fix="save it from Excel as 'CSV UTF-8' (or as .xlsx).",
    )


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


def _read_csv(path: Path, data: bytes) -> list[_Sheet]:
    text = decode_csv_bytes(data, path)
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
    return [_Sheet(path, "", rows)]


def _letter(index: int) -> str:
    return _column_letter(index)


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


def _read_excel(path: Path, data: bytes) -> list[_Sheet]:
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
    if zipfile.is_zipfile(io.BytesIO(data)):
        problems = _formula_problems(data)
    else:
        problems = _xls_error_cells(data)
    sheets = []
    for name, frame in frames.items():
        rows = frame.to_numpy(dtype=object).tolist()  # NaN marks an empty cell
        for (i, j), bad in problems.get(str(name), {}).items():
            while len(rows) <= i:
                rows.append([])
            rows[i] += [None] * (j + 1 - len(rows[i]))
            rows[i][j] = bad
        sheets.append(_Sheet(path, str(name), rows, hidden=str(name) in hidden))
    return sheets


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


_ATTR = re.compile(r'([\w:]+)="([^"]*)"')
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')


def _formula_problems(data: bytes) -> dict[str, dict[tuple[int, int], BadCell]]:
    """Cells of an .xlsx that show an error (#DIV/0!, #REF!…) or hold a formula with no saved
    result (written by a program that does not calculate), by sheet name and (row, column)."""
    found: dict[str, dict[tuple[int, int], BadCell]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            workbook = book.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = book.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            targets = {}
            for tag in re.findall(r"<Relationship\b[^>]*>", rels):
                attrs = dict(_ATTR.findall(tag))
                targets[attrs.get("Id")] = attrs.get("Target", "")
            for tag in re.findall(r"<sheet\b[^>]*>", workbook):
                attrs = dict(_ATTR.findall(tag))
                rid = next((v for k, v in attrs.items() if k.endswith(":id")), None)
                target = targets.get(rid, "")
                member = target.lstrip("/") if target.startswith("/") else "xl/" + target
                try:
                    xml = book.read(member)
                except KeyError:
                    continue
                if b"<f" not in xml and b't="e"' not in xml:
                    continue
                cells = _bad_cells(xml)
                if cells:
                    found[html.unescape(attrs.get("name", ""))] = cells
    except (zipfile.BadZipFile, KeyError, OSError):
        return {}
    return found


def _xls_error_cells(data: bytes) -> dict[str, dict[tuple[int, int], BadCell]]:
    """Cells of a legacy .xls that show an error (#DIV/0!, #N/A …), by sheet and (row, column).

    python-calamine reads them as blank, which would silently drop a figure; xlrd keeps the
    error code. (A formula saved without its result cannot be told from a ="" blank in .xls,
    so it is not flagged: Excel and WPS always save results.)"""
    import xlrd

    found: dict[str, dict[tuple[int, int], BadCell]] = {}
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception:  # calamine has read it already; its errors are reported there
        return {}
    try:
        for name in book.sheet_names():
            sheet = book.sheet_by_name(name)
            cells = {}
            for i in range(sheet.nrows):
                for j, kind in enumerate(sheet.row_types(i)):
                    if kind != xlrd.XL_CELL_ERROR:
                        continue
                    shown = xlrd.error_text_from_code.get(sheet.cell_value(i, j), "#ERROR")
                    cells[(i, j)] = BadCell(
                        f"cell {_column_letter(j)}{i + 1} shows the error {shown} instead of a "
                        "number.",
                        "correct the formula (a #DIV/0! divides by an empty or zero cell), or "
                        "type the value.",
                    )
            if cells:
                found[name] = cells
            book.unload_sheet(name)
    finally:
        book.release_resources()
    return found


def _bad_cells(xml: bytes) -> dict[tuple[int, int], BadCell]:
    bad = {}
    for match in _CELL.finditer(xml):
        attrs, body = match.group(1), match.group(2) or b""
        ref = _REF.search(attrs)
        if ref is None:
            continue
        letters, number = ref.group(1).decode(), int(ref.group(2))
        column = 0
        for ch in letters:
            column = column * 26 + ord(ch) - 64
        where = (number - 1, column - 1)
        value = re.search(rb"<v>(.*?)</v>", body, re.DOTALL)
        shown = value.group(1).decode("utf-8", "replace") if value else ""
        cell = f"{letters}{number}"
        if b't="e"' in attrs:
            bad[where] = BadCell(
                f"cell {cell} shows the error {shown or '#ERROR'} instead of a number.",
                "correct the formula (a #DIV/0! divides by an empty or zero cell), or type the "
                "value.",
            )
        elif b"<f" in body and not shown:
            bad[where] = BadCell(
                f"cell {cell} holds a formula with no saved result (the file was written by a "
                "program that does not calculate formulas).",
                "open the file in Excel or WPS and save it (that stores the results), or type "
                "the values.",
            )
    return bad


def read_sheets(path: Path) -> tuple[list[_Sheet], str]:
    """The sheets of a CSV or Excel file as lists of rows, and the file's SHA-256.

    Only regular files are read (not a device, a pipe or a link to one), and none larger than
    ``MAX_FILE_BYTES``."""
    data = _read_capped(path)  # read once: the checksum and the parse see the same bytes
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
        fix="give a .csv, .xlsx or .xls file.",
    )


def _read_capped(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataError("file not found (or a link to nothing).", file=path,
                        fix="check the path.") from None  # fmt: skip
    except OSError as exc:
        raise DataError(f"cannot read the file ({exc.strerror}).", file=path,
                        fix="check the file's permissions.") from None  # fmt: skip
    if not stat.S_ISREG(info.st_mode):
        raise DataError(
            "not a regular file (a device, a pipe, a socket or a link to one).",
            file=path,
            fix="give the .csv or .xlsx file itself.",
        )
    cap = f"{MAX_FILE_BYTES / 2**20:.0f} MB"
    too_big = DataError(
        f"the file is larger than {cap}; a year-to-date table is far smaller.",
        file=path,
        fix="check that this is the right file; split a huge workbook into one per period.",
    )
    if info.st_size > MAX_FILE_BYTES:
        raise too_big
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DataError(f"cannot read the file ({exc.strerror}).", file=path,
                        fix="check the file's permissions.") from None  # fmt: skip
    if len(data) > MAX_FILE_BYTES:
        raise too_big
    return data


def data_files(path: str | Path) -> list[Path]:
    """The data files a path names: the file itself, or the CSV/Excel files of a folder.

    In a folder, ``template.*``, hidden files and Excel's ``~$`` lock files are left out.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if _is_data_file(p))
        if not files:
            raise DataError(
                "no .csv, .xlsx or .xls files in this folder.", file=path, row=None, column=None,
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
