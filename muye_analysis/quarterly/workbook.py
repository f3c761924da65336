"""What a workbook says beyond its cell values, read before any grid is built.

python-calamine reads cell values fast, but it builds a dense grid from the first to the last
filled cell: one value in XFD1048576 asks for 549,755,813,888 bytes and the process aborts
(no exception to catch). And values alone lose what the file means: a cell showing 5.1% holds
0.051 and a percent number format; a hidden row is not part of the table the user sees; a name
merged over two rows belongs to both. ``scan_workbook`` reads all of that from the file itself
— the sheet XML of an .xlsx/.xlsm, streamed by pattern without building anything per empty
cell; the BIFF records of an .xls through xlrd — so the reader can refuse an oversized sheet
before calamine sees it (``MAX_SHEET_CELLS``) and then read each cell as it is shown.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field

from muye_analysis.quarterly.cells import BadCell, column_letter

# The largest grid a sheet may span (rows × columns from A1 to its last filled cell): ten
# thousand rows of a hundred columns, far beyond any year-to-date table, and a grid calamine and
# pandas hold in well under a gigabyte.
MAX_SHEET_CELLS = 1_000_000

Cell = tuple[int, int]  # (row, column), 0-based


@dataclass
class SheetScan:
    """One sheet's extent, formats and layout, read from the file (0-based positions)."""

    name: str
    last_row: int = -1  # of the last cell holding a value
    last_column: int = -1
    row_cell: Cell = (-1, -1)  # the cell that sets last_row (the first one found)
    column_cell: Cell = (-1, -1)  # the cell that sets last_column
    percent: set[Cell] = field(default_factory=set)  # numeric cells with a percent format
    bad: dict[Cell, BadCell] = field(default_factory=dict)  # error or formula-without-result
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1

    @property
    def grid_cells(self) -> int:
        """Cells of the grid from A1 to the last filled cell (what a dense reader allocates)."""
        return (self.last_row + 1) * (self.last_column + 1)

    @property
    def far_cells(self) -> list[str]:
        """The cells that set the grid's extent (one when the same cell is lowest and rightmost),
        as the spreadsheet names them (XFD1048576)."""
        cells = dict.fromkeys((self.row_cell, self.column_cell))
        return [f"{column_letter(j)}{i + 1}" for i, j in cells if i >= 0]

    def extend(self, row: int, column: int) -> None:
        if row > self.last_row:
            self.last_row, self.row_cell = row, (row, column)
        if column > self.last_column:
            self.last_column, self.column_cell = column, (row, column)


# -- .xlsx / .xlsm ---------------------------------------------------------------------------------

_ATTR = re.compile(r'([\w:]+)="([^"]*)"')
_BATTR = re.compile(rb'([\w:]+)="([^"]*)"')
# A row start tag, or a cell with its reference, style, type and body (prefixes such as x: are
# allowed; the attributes are picked out by lookaheads, in any order, without a Python loop).
_ROW_OR_CELL = re.compile(
    rb"<(?:\w+:)?row\b([^>]*)>"
    rb"|<(?:\w+:)?c\b"
    rb'(?=[^>]*?\br="([A-Z]+)(\d+)")?(?=[^>]*?\bs="(\d+)")?(?=[^>]*?\bt="(\w+)")?'
    rb"[^>]*?(?:/>|>(.*?)</(?:\w+:)?c>)",
    re.DOTALL,
)
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*?)/?>")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.DOTALL)
_HAS_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is)\b")
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_NUMERIC_TYPES = (None, b"n")
_BUILTIN_PERCENT = {9, 10}  # 0% and 0.00%
_QUOTED_OR_BRACKETED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def _column_index(letters: bytes | str) -> int:
    if isinstance(letters, bytes):
        letters = letters.decode()
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


def _true(value: bytes | str | None) -> bool:
    return value in (b"1", b"true", "1", "true")


def _percent_styles(book: zipfile.ZipFile) -> set[int]:
    """Indices of the cell formats (cellXfs) whose number format shows a percentage."""
    try:
        styles = book.read("xl/styles.xml").decode("utf-8", "replace")
    except KeyError:
        return set()
    percent_ids = set(_BUILTIN_PERCENT)
    for tag in re.findall(r"<(?:\w+:)?numFmt\b[^>]*>", styles):
        attrs = dict(_ATTR.findall(tag))
        code = _QUOTED_OR_BRACKETED.sub("", html.unescape(attrs.get("formatCode", "")))
        if "%" in code and attrs.get("numFmtId", "").isdigit():
            percent_ids.add(int(attrs["numFmtId"]))
    block = re.search(r"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", styles, re.DOTALL)
    if block is None:
        return set()
    found = set()
    for i, tag in enumerate(re.findall(r"<(?:\w+:)?xf\b[^>]*>", block.group(0))):
        fmt = dict(_ATTR.findall(tag)).get("numFmtId", "0")
        if fmt.isdigit() and int(fmt) in percent_ids:
            found.add(i)
    return found


def _sheet_members(book: zipfile.ZipFile) -> list[tuple[str, str]]:
    """(sheet name, zip member of its XML) in workbook order."""
    workbook = book.read("xl/workbook.xml").decode("utf-8", "replace")
    rels = book.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    targets = {}
    for tag in re.findall(r"<Relationship\b[^>]*>", rels):
        attrs = dict(_ATTR.findall(tag))
        targets[attrs.get("Id")] = attrs.get("Target", "")
    members = []
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", workbook):
        attrs = dict(_ATTR.findall(tag))
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), None)
        target = targets.get(rid, "")
        member = target.lstrip("/") if target.startswith("/") else "xl/" + target
        members.append((html.unescape(attrs.get("name", "")), member))
    return members


def _scan_sheet_xml(name: str, xml: bytes, percent_styles: set[int]) -> SheetScan:
    scan = SheetScan(name)
    row, column = -1, -1
    last_row = last_column = -1
    for match in _ROW_OR_CELL.finditer(xml):
        row_attrs, letters, number, style, kind, body = match.groups()
        if row_attrs is not None:
            attrs = dict(_BATTR.findall(row_attrs))
            row = int(attrs[b"r"]) - 1 if attrs.get(b"r", b"").isdigit() else row + 1
            column = -1
            if _true(attrs.get(b"hidden")):
                scan.hidden_rows.add(row)
            continue
        if letters is not None:
            row, column = int(number) - 1, _column_index(letters)
        else:  # no reference: the next cell of the row
            column += 1
        if not body:
            continue  # an empty (formatted) cell: no value, not part of any grid
        if (row > last_row or column > last_column) and _HAS_VALUE.search(body):
            if row > last_row:
                last_row, scan.row_cell = row, (row, column)
            if column > last_column:
                last_column, scan.column_cell = column, (row, column)
        if style is not None and kind in _NUMERIC_TYPES and int(style) in percent_styles:
            scan.percent.add((row, column))
        if kind == b"e" or _HAS_FORMULA.search(body):
            _bad_cell(scan, row, column, kind, body)
    scan.last_row, scan.last_column = last_row, last_column
    for match in _COL.finditer(xml):
        attrs = dict(_BATTR.findall(match.group(1)))
        if _true(attrs.get(b"hidden")) and attrs.get(b"min", b"").isdigit():
            first = int(attrs[b"min"]) - 1
            last = int(attrs.get(b"max", attrs[b"min"])) - 1
            # A hidden range to the last column (XFD) only matters up to the data's width.
            scan.hidden_columns.update(range(first, min(last, first + 16_384) + 1))
    for match in _MERGE.finditer(xml):
        c0, r0 = _column_index(match.group(1)), int(match.group(2)) - 1
        c1 = _column_index(match.group(3)) if match.group(3) else c0
        r1 = int(match.group(4)) - 1 if match.group(4) else r0
        scan.merged.append((r0, c0, r1, c1))
    return scan


def _bad_cell(scan: SheetScan, row: int, column: int, kind: bytes | None, body: bytes) -> None:
    """Record a cell showing an error, or a formula with no saved result."""
    value = _VALUE.search(body)
    shown = value.group(1).decode("utf-8", "replace") if value else ""
    cell = f"{column_letter(column)}{row + 1}"
    if kind == b"e":
        scan.bad[(row, column)] = BadCell(
            f"cell {cell} shows the error {shown or '#ERROR'} instead of a number.",
            "correct the formula (a #DIV/0! divides by an empty or zero cell), or type the value.",
        )
    elif not shown:
        scan.bad[(row, column)] = BadCell(
            f"cell {cell} holds a formula with no saved result (the file was written by a "
            "program that does not calculate formulas).",
            "open the file in Excel or WPS and save it (that stores the results), or type "
            "the values.",
        )


def scan_xlsx(data: bytes) -> dict[str, SheetScan]:
    """Every sheet of an .xlsx/.xlsm by name: extent, percent cells, bad cells, hidden rows and
    columns, merged ranges. Empty when the package cannot be read (calamine then says why)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            percent_styles = _percent_styles(book)
            scans = {}
            for name, member in _sheet_members(book):
                try:
                    xml = book.read(member)
                except KeyError:
                    continue
                scans[name] = _scan_sheet_xml(name, xml, percent_styles)
            return scans
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}


# -- legacy .xls -------------------------------------------------------------------------------


def _xls_percent(book, xf_index: int) -> bool:
    xf = book.xf_list[xf_index] if xf_index < len(book.xf_list) else None
    fmt = book.format_map.get(xf.format_key) if xf is not None else None
    return fmt is not None and "%" in _QUOTED_OR_BRACKETED.sub("", fmt.format_str)


def scan_xls(data: bytes) -> dict[str, SheetScan]:
    """The same for a legacy .xls, through xlrd (which keeps what calamine drops: error codes,
    formats, hidden rows and columns, merged ranges). Empty when xlrd cannot read the file:
    calamine reports its errors, and an .xls grid is bounded (65,536 × 256) so it cannot abort.
    """
    import xlrd

    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, on_demand=True, ragged_rows=True
        )
    except Exception:  # calamine reads it next and reports its errors
        return {}
    scans: dict[str, SheetScan] = {}
    try:
        for name in book.sheet_names():
            sheet = book.sheet_by_name(name)
            scan = scans[name] = SheetScan(name)
            for i in range(sheet.nrows):
                for j, kind in enumerate(sheet.row_types(i)):
                    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                        continue
                    scan.extend(i, j)
                    xf = sheet.cell_xf_index(i, j)
                    if kind == xlrd.XL_CELL_NUMBER and _xls_percent(book, xf):
                        scan.percent.add((i, j))
                    if kind == xlrd.XL_CELL_ERROR:
                        shown = xlrd.error_text_from_code.get(sheet.cell_value(i, j), "#ERROR")
                        scan.bad[(i, j)] = BadCell(
                            f"cell {column_letter(j)}{i + 1} shows the error {shown} instead "
                            "of a number.",
                            "correct the formula (a #DIV/0! divides by an empty or zero cell), "
                            "or type the value.",
                        )
            scan.hidden_rows = {i for i, info in sheet.rowinfo_map.items() if info.hidden}
            scan.hidden_columns = {j for j, info in sheet.colinfo_map.items() if info.hidden}
            scan.merged = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]
            book.unload_sheet(name)
    except Exception:  # a damaged record: keep what was read; calamine reads the values
        return scans
    finally:
        book.release_resources()
    return scans
