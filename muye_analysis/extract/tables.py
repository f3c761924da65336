"""Tables in report text: rows × columns with their headers, read into statements.

Bulletins and statistics pages print tables four ways once copied to text:

- one row per line, cells between pipes: ``| 工业 | 176.90 | 3.8 |`` (the header row may lack
  its label cell, and a title or unit row may come first: ``| 单位:亿元 | |||``);
- one cell per line with pipes on lines of their own (生产总值⏎|⏎295.4⏎|⏎7.7), or each cell
  closed by a pipe (西藏 |⏎14.7 |⏎14.3 |);
- one cell per line without pipes, headers split over lines (总量⏎(亿元)⏎比上年同期⏎增长(%));
- one row per line, cells apart by tabs, wide spaces or ideographic spaces (粮食⇥52.3⇥2.1,
  原煤        万吨      1234.5     3.2), as a table copied from a page or a spreadsheet prints.

Each is read the same way: the header cells before the first number say what the value columns
hold (a level, a growth rate, a share, a rank, or a year's level when the headers are years) and
in which unit (绝对额(亿元), 单位:亿元, a label such as 人均地区生产总值(元); header cells that each
carry a unit are a column each: 单位面积产量 (公斤/公顷) | 总产量 (万吨)), and a cell may print its
own unit (162817吨); each row is a label
followed by its numbers; a label with no numbers (按产业分) groups the rows under it; an ordering
column (排行, 1, 2, 3…) is no statistic; a row of words after rows of numbers starts another
table. The title above the table (2022年全区生产总值及其增长速度, 2022年上半年) gives the period,
a row labelled by its year (2021年 | 2311.1 | 11) its own, and 本月 / 1-本月 columns their months.
"""

from __future__ import annotations

import re

from muye_analysis.extract.table_bilingual import bilingual_rows
from muye_analysis.extract.table_columns import (
    LABEL_HEAD,
    NUMBER,
    YEAR_CELL,
    Cell,
    Column,
    Table,
    header_column,
    header_columns,
    measures_over_years,
    month_row,
    names_measures,
    shares_by_title,
    table_unit,
    with_months,
    with_periods,
)
from muye_analysis.extract.table_inline import glued_tables, inline_tables

_INDEX_LABEL = re.compile(r"指数")
# A cell of a 单位 column: the row's unit.
UNIT_TOKEN = re.compile(
    r"(?:万亿|亿|万|千|百)?(?:元|美元|吨|人|人次|户|个|家|亩|公顷|平方米|千瓦时|辆|头|只|项)|%|‰"
)
_GROUP_WORDS = re.compile(r"按.{1,6}分$|^其中[:：]?$|^分.{1,6}$")
# A table's cells are short; a line with sentence punctuation is prose.
_PROSE = re.compile(r"[。；;]|[，,].*[，,]")
MAX_CELL = 40
UNIT_LINES_ABOVE = 3


def find_tables(scan: str) -> list[Table]:
    """Tables in ``scan``: pipe tables (a row per line or a cell per line) and one cell per line."""
    lines = _lines(scan)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        table, i = (
            _pipe_table(scan, lines, i)
            or _bilingual_table(scan, lines, i)
            or _spaced_table(scan, lines, i)
            or _cell_table(scan, lines, i)
            or (None, i + 1)
        )
        if table is not None:
            tables.append(table)
    tables += inline_tables(scan, tables)
    return tables + glued_tables(scan, tables)


def _lines(scan: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in scan.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip(scan: str, a: int, b: int) -> Cell:
    text = scan[a:b]
    left = len(text) - len(text.lstrip(" \t\u3000#"))
    right = len(text.rstrip(" \t\u3000"))
    return Cell(a + left, a + right, scan[a + left : a + right])


def _pipe_table(scan: str, lines, i: int):
    """Lines with pipes from line ``i``: a row per line, or a cell per line between pipe lines."""
    a, b = lines[i]
    if "|" not in scan[a:b]:
        return None
    j, rows_per_line = i, []
    while j < len(lines):
        la, lb = lines[j]
        line = scan[la:lb]
        if "|" not in line and line.strip():
            # a cell between pipe-only lines (生产总值⏎|⏎295.4), or the table's end
            if j + 1 < len(lines) and scan[lines[j + 1][0] : lines[j + 1][1]].strip() == "|":
                rows_per_line.append(None)
                j += 1
                continue
            if rows_per_line and rows_per_line[-1] is None and len(line) <= MAX_CELL:
                j += 1
                continue
            break
        rows_per_line.append(line.strip() != "|" if line.strip() else None)
        j += 1
    if _rows_run_together(scan, lines[i:j]) is None:
        j = _second_header(scan, lines, i, j)
    table = _read_block(scan, lines[i:j], sum(1 for r in rows_per_line if r is False) >= 3)
    if table is None:
        return None
    _attach_title(scan, lines, i, table)
    return table, j


def _read_block(scan: str, block, between_pipe_lines: bool) -> Table | None:
    """A block of pipe lines as a table: a cell per line closed by a pipe (西藏 |⏎14.7 |), a
    cell per line between pipe lines (生产总值⏎|⏎295.4), or a row per line."""
    start, end = block[0][0], block[-1][1]
    together = _rows_run_together(scan, block)
    if together is not None:
        return _run_together_table(scan, block, together)
    if not between_pipe_lines and _one_cell_lines(scan, block):
        cells = [
            _strip(scan, la, la + len(scan[la:lb].rstrip(" \t|")))
            for la, lb in block
            if scan[la:lb].strip(" \t|")
        ]
        return _from_stream(scan, cells, start, end)
    if between_pipe_lines:
        cells = [
            _strip(scan, la, lb)
            for la, lb in block
            if scan[la:lb].strip() and scan[la:lb].strip() != "|"
        ]
        cells = [_strip(scan, c.start, c.end - (1 if c.text.endswith("|") else 0)) for c in cells]
        return _from_stream(scan, cells, start, end)
    rows = [_split_row(scan, la, lb) for la, lb in block if scan[la:lb].strip()]
    return _from_rows(scan, rows, start, end)


def _rows_run_together(scan: str, block) -> int | None:
    """The first line of the block holding several rows run together (工业总产值 | 309748 | 3.3 |
    其中:规模以上 | 206713 | -3.4 | 销售产值 | …): two labels or more, each followed by numbers."""
    for k, (la, lb) in enumerate(block):
        cells = [c.strip() for c in scan[la:lb].split("|") if c.strip()]
        is_number = [NUMBER.fullmatch(c) is not None for c in cells]
        labels = sum(1 for a in range(len(cells) - 1) if not is_number[a] and is_number[a + 1])
        if labels >= 2 and sum(is_number) >= 2 * labels:
            return k
    return None


def _run_together_table(scan: str, block, k: int) -> Table | None:
    """A table whose rows are run together on lines: read as a stream of cells from its header
    line (the line of words above, | 指标名称 | 本月 | 同比% | 累计 | 同比% | 企业单位数); the
    lines above that are its title (工业生产销售总量指标 | 全县 | 2010.6 |)."""
    above = scan[block[k - 1][0] : block[k - 1][1]] if k else ""
    if k and not any(NUMBER.fullmatch(c.strip()) for c in above.split("|")):
        k -= 1
    cells = [c for la, lb in block[k:] for c in _split_row(scan, la, lb) if c.text]
    if cells and _PROSE_END.search(cells[0].text):
        cells[0] = _after_prose(scan, cells[0])
    table = _from_stream(scan, cells, cells[0].start if cells else block[k][0], block[-1][1])
    if table is not None and k:
        table.title = " ".join(scan[la:lb].strip(" |") for la, lb in block[:k])
        table.title_start = block[0][0]
    return table


_PROSE_END = re.compile(r"[。；;！]")


def _after_prose(scan: str, cell: Cell) -> Cell:
    """The part of a row's first cell after the prose the line opens with (…现代农业园区4家。
    表1 2020年主要农产品产量 产品名称 | 产量(吨) | …): the prose is read as sentences."""
    cut = [m.end() for m in _PROSE_END.finditer(cell.text)][-1]
    return _strip(scan, cell.start + cut, cell.end)


def _one_cell_lines(scan: str, lines) -> bool:
    """Most lines of the block hold one cell, and at least three of them are numbers."""
    texts = [scan[a:b].strip() for a, b in lines if scan[a:b].strip(" \t|")]
    single = [t for t in texts if len([c for c in t.split("|") if c.strip()]) == 1]
    numbers = [t for t in single if NUMBER.fullmatch(t.strip(" \t|"))]
    return len(single) >= 0.8 * len(texts) and len(numbers) >= 3


def _second_header(scan: str, lines, i: int, j: int) -> int:
    """Where a second table starts inside a block of pipe rows: a row of words after rows of
    numbers (年份 | GDP(亿元) | 增速(%) under a table of counties)."""
    seen_data = False
    for k in range(i, j):
        cells = [c for c in scan[lines[k][0] : lines[k][1]].split("|") if c.strip()]
        if len(cells) < 2:
            continue
        numbers = sum(1 for c in cells if NUMBER.fullmatch(c.strip()))
        if numbers and numbers < len(cells):
            seen_data = True
        elif not numbers and seen_data:
            return k - 1 if _heading_line(scan, lines[k - 1]) else k
    return j


def _heading_line(scan: str, line) -> bool:
    """A line of one cell of words above a table's header (2、本地生产总值构成 | |||): its title."""
    cells = [c.strip() for c in scan[line[0] : line[1]].split("|") if c.strip()]
    return len(cells) == 1 and NUMBER.fullmatch(cells[0]) is None and not _PROSE.search(cells[0])


def _split_row(scan: str, a: int, b: int) -> list[Cell]:
    cells, pos = [], a
    for piece in scan[a:b].split("|"):
        cells.append(_strip(scan, pos, pos + len(piece)))
        pos += len(piece) + 1
    # the empty cells outside the outer pipes are no cells
    while cells and not cells[0].text:
        cells.pop(0)
    while cells and not cells[-1].text:
        cells.pop()
    return cells


# Cells of a row separated by a tab, two spaces or more, or ideographic spaces (a table copied
# from a page or a spreadsheet): 原煤        万吨      1234.5     3.2.
_SPACED = re.compile(r"[ \t]*(?:\t|\u3000| {2,})[ \t\u3000]*")
_SINGLE_SPACE = re.compile(r" +")


def _spaced_cells(scan: str, a: int, b: int) -> list[Cell] | None:
    """The cells of a line read as a row of a spaced table, or None when it is no such row: cells
    apart by tabs or wide spaces (or single spaces when all but the label are numbers or units),
    none of them prose."""
    line = scan[a:b]
    if not line.strip() or "|" in line or len(line.strip()) > 3 * MAX_CELL:
        return None
    stripped = _strip(scan, a, b)
    for sep in (_SPACED, _SINGLE_SPACE):
        pieces, pos = [], stripped.start
        for m in sep.finditer(scan, stripped.start, stripped.end):
            pieces.append(Cell(pos, m.start(), scan[pos : m.start()]))
            pos = m.end()
        pieces.append(Cell(pos, stripped.end, scan[pos : stripped.end]))
        if len(pieces) < 2 or any(len(c.text) > MAX_CELL or _PROSE.search(c.text) for c in pieces):
            continue
        spaced_label = sep is _SINGLE_SPACE and _spaced_label(pieces)
        if spaced_label:  # 粮 食 6.1: a label spaced out to its column's width
            label = _strip(scan, pieces[0].start, pieces[spaced_label - 1].end)
            pieces = [label, *pieces[spaced_label:]]
        if sep is _SINGLE_SPACE and (
            len(pieces) < (2 if spaced_label else 3)
            or not all(c.number is not None or UNIT_TOKEN.fullmatch(c.text) for c in pieces[1:])
        ):
            return None
        return pieces
    return None


_ONE_OR_TWO_HAN = re.compile(r"[\u4e00-\u9fff]{1,2}")


def _spaced_label(pieces: list[Cell]) -> int:
    """How many pieces before the first number make one label spaced out character by character
    (粮 食 6.1, 鲜 菜 -5.5: two or more pieces of one or two characters); 0 when none."""
    k = 0
    while k < len(pieces) and _ONE_OR_TWO_HAN.fullmatch(pieces[k].text):
        k += 1
    return k if k >= 2 and k < len(pieces) and pieces[k].number is not None else 0


# Header words each closed by its bracketed unit, apart by single spaces: a column each.
_UNIT_HEAD = re.compile(r"[^\s()（）]+[(（][^()（）\s]+[)）]")
_UNIT_HEADS = re.compile(rf"{_UNIT_HEAD.pattern}(?: {_UNIT_HEAD.pattern})+")


def _spaced_header(scan: str, lines, i: int) -> list[Cell] | None:
    """The line above a spaced table's first row when it heads the table with single spaces
    (指 标 比上年涨跌幅度(%)): its label head and the value columns' words; else None."""
    if i == 0:
        return None
    line = _strip(scan, *lines[i - 1])
    head = LABEL_HEAD.match(line.text)
    if not head or len(line.text) > MAX_CELL or _PROSE.search(line.text) or "|" in line.text:
        return None
    cells, pos = [Cell(line.start, line.start + head.end(), head.group())], line.start + head.end()
    for m in _SPACED.finditer(scan, pos, line.end):
        if scan[pos : m.start()].strip():
            cells.append(_strip(scan, pos, m.start()))
        pos = m.end()
    if scan[pos : line.end].strip():
        cells.append(_strip(scan, pos, line.end))
    if len(cells) == 2 and _UNIT_HEADS.fullmatch(cells[1].text):  # 完成数(万元) 比上年增长(%)
        cells[1:] = [
            Cell(cells[1].start + m.start(), cells[1].start + m.end(), m.group())
            for m in _UNIT_HEAD.finditer(cells[1].text)
        ]
    return cells if len(cells) > 1 else None


def _spaced_table(scan: str, lines, i: int):
    """Rows one per line, cells apart by tabs or wide spaces (a header row of words above rows
    of a label and numbers), a blank line between rows allowed."""
    if _spaced_cells(scan, *lines[i]) is None:
        return None
    rows, j = [], i
    while j < len(lines):
        cells = _spaced_cells(scan, *lines[j])
        if cells is None:
            blank = not scan[lines[j][0] : lines[j][1]].strip()
            if blank and j + 1 < len(lines) and _spaced_cells(scan, *lines[j + 1]) is not None:
                j += 1
                continue
            break
        rows.append(cells)
        j += 1
    if sum(1 for r in rows if _is_data(r)) < 2:
        return None
    header = _spaced_header(scan, lines, i) if _is_data(rows[0]) else None
    first = i - 1 if header else i
    table = _from_rows(scan, [header, *rows] if header else rows, lines[first][0], lines[j - 1][1])
    if table is None:
        return None
    _attach_title(scan, lines, first, table)
    return table, j


def _bilingual_table(scan: str, lines, i: int):
    """A bilingual yearbook table (客运量总计 (万人)   Total Passenger Traffic   3612 4920)."""
    found = bilingual_rows(scan, lines, i)
    if found is None:
        return None
    rows, j = found
    table = _from_rows(scan, rows, lines[i][0], lines[j - 1][1])
    if table is None:
        return None
    _attach_title(scan, lines, i, table)
    return table, j


def _cell_table(scan: str, lines, i: int):
    """One cell per line (no pipes): short lines with at least three lines that are numbers."""
    j, numbers = i, 0
    while j < len(lines):
        la, lb = lines[j]
        line = scan[la:lb].strip()
        if line and (len(line) > MAX_CELL or _PROSE.search(line) or "|" in line):
            break
        if line and NUMBER.fullmatch(line):
            numbers += 1
        j += 1
    if numbers < 3:
        return None
    cells = [_strip(scan, la, lb) for la, lb in lines[i:j] if scan[la:lb].strip()]
    last = max(k for k, c in enumerate(cells) if c.number is not None)
    cells = cells[: last + 1]
    table = _from_stream(scan, cells, cells[0].start, cells[-1].end)
    if table is None:
        return None
    _attach_title(scan, lines, i, table)
    end_line = next(k for k in range(i, j) if lines[k][1] >= table.end)
    return table, end_line + 1


def _from_stream(scan: str, cells: list[Cell], start: int, end: int) -> Table | None:
    """Rows from a stream of cells: a label starts each row, its numbers follow."""
    first = next((k for k, c in enumerate(cells) if c.number is not None), None)
    if first is None or first == 0:
        return None
    months = _month_header(cells, first)
    first = _first_after_months(cells, first) if months else first
    if not first:
        return None
    has_unit_column = any(re.fullmatch(r"(?:计量)?单\s*位", c.text) for c in cells[:first])
    if has_unit_column and UNIT_TOKEN.fullmatch(cells[first - 1].text):
        first -= 1  # the first row's unit cell: its label is the cell before
    header, rows, row = cells[: first - 1], [], [cells[first - 1]]
    if months:  # cells before the row of months are the table's title
        header = header[next(k for k, c in enumerate(header) if c.number is not None) :]
    for cell in cells[first:]:
        unit_cell = has_unit_column and len(row) == 1 and UNIT_TOKEN.fullmatch(cell.text)
        if cell.number is None and not cell.empty and not unit_cell:
            rows.append(row)
            row = [cell]
        else:
            row.append(cell)
    rows.append(row)
    table = Table(start, end, "", start, header, [r for r in rows if len(r) > 1])
    width = _mode([len(r) - 1 for r in table.rows])
    table.columns = with_months(with_periods(header_columns(header, width)), months)
    table.unit = table_unit(header)
    return table if len(table.rows) >= 2 else None


_MONTH_RANGE_CELL = re.compile(r"1\s?[-—–~至]\s?(\d{1,2})月?")


def _month_header(cells: list[Cell], first: int) -> list[tuple[int, int]]:
    """The months of a header row in a stream of cells whose 月 was lost (12⏎1-12: the month,
    then the year to it), when the stream's first number is such a month and its range."""
    month = cells[first].text.rstrip("月")
    after = _MONTH_RANGE_CELL.fullmatch(cells[first + 1].text) if first + 1 < len(cells) else None
    if not (month.isdigit() and after and 1 <= int(month) == int(after.group(1)) <= 12):
        return []
    return [(int(month), int(month)), (1, int(month))]


def _first_after_months(cells: list[Cell], first: int) -> int:
    """The first number after a header row of months at ``first`` (0 when none)."""
    return next((k for k, c in enumerate(cells) if k > first + 1 and c.number is not None), 0)


def _from_rows(scan: str, rows: list[list[Cell]], start: int, end: int) -> Table | None:
    """Rows given one per line: title and unit rows, a header row, then data rows."""
    rows = [r for r in rows if not all(c.empty for c in r)]  # |---|---| rules
    data = [r for r in rows if _is_data(r)]
    first = rows.index(data[0]) if data else 0
    above = rows[:first]
    width = _mode([len(r) for r in data])
    above, groups = _group_rows_above(above)
    lines = _header_lines(above, width)
    header = [c for r in above[len(above) - lines :] for c in r if c.text]
    if len(data) < 2 and not (data and names_measures(header)):
        return None  # one row under a header of measures (绝对量 | 同比增长(%)) is a table
    title_cells = [c for r in above[: len(above) - lines] for c in r]
    months = next((m for m in map(month_row, above[: len(above) - lines]) if m), [])
    label_at = next((k for k, c in enumerate(data[0]) if c.number is None), 0)
    columns = _row_columns(header, data, label_at, width, months)
    over = _over_years(above, lines, header, width - label_at - 1)
    if over:  # 增长% | 结构% ⏎ 2024年 | 2023年 | 2024年 | 2023年
        title_cells, header = title_cells[: len(title_cells) - len(above[-2])], above[-2] + header
        columns = over
    table = Table(start, end, "", start, title_cells + header)
    table.columns = with_periods(shares_by_title(columns, title_cells))
    table.unit = table_unit(title_cells + header)
    table.rows = groups + [r[label_at:] for r in data if len(r) > label_at + 1]
    return table


def _over_years(above: list[list[Cell]], lines: int, header: list[Cell], values: int):
    """Columns of a header row of years under a row of measures (``measures_over_years``), or
    [] when the header is one row of another kind."""
    if lines != 1 or len(above) < 2:
        return []
    return measures_over_years(above[-2], header, values)


def _group_rows_above(above: list[list[Cell]]) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """Rows of a label and nothing else right above the data (全体居民 | — | | |) group the rows
    under them: (the rows above without them, the group rows as one-cell rows)."""
    groups: list[list[Cell]] = []
    while above and above[-1][0].number is None and all(c.empty for c in above[-1][1:]):
        if len(above) < 2 or len(above[-1]) < 2:
            break
        groups.insert(0, [above.pop()[0]])
        above = list(above)
    return above, groups


def _header_lines(above: list[list[Cell]], width: int) -> int:
    """How many rows above the data make its header: one, or a row and the one-cell rows under it
    when together they name every column (指 标 | 2023年 水平 (元) |⏎2022年 水平 (元) |⏎
    增量 (元) |)."""
    k = len(above) - 1
    while k > 0 and len([c for c in above[k] if c.text]) == 1:
        k -= 1
    cells = sum(len([c for c in r if c.text]) for r in above[k:])
    return (
        len(above) - k if k < len(above) - 1 and width - 1 <= cells <= width else min(1, len(above))
    )


def _row_columns(header: list[Cell], data, label_at: int, width: int, months) -> list[Column]:
    """Value columns of a table given a row per line, from its header row (and row of months)."""
    values = width - label_at - 1
    if header and months and header_column([header[0]]).measure and len(header) >= values:
        # a header without its label cell over rows cut short (规模以上工业增加值 | … | 2.2 | …)
        return with_months([header_column([c]) for c in header], months)[:values]
    if len(header) == width:  # positional: 排行 | 各区县 | 2023年GDP(亿元) | 2023年增速(%)
        return _positional_columns(header, data, label_at)
    return header_columns(header, values)


def _positional_columns(header: list[Cell], data: list[list[Cell]], label_at: int) -> list[Column]:
    """Columns named one header cell each; one before the label is an ordering when its header
    says so (GDP排行) or its values run 1, 2, 3…, else a statistic kept in its place."""
    columns = [header_column([c]) for c in header[label_at + 1 :]]
    order = [header_column([c]) for c in header[:label_at]]
    for k, col in enumerate(order):
        if [r[k].number for r in data if k < len(r)] == list(range(1, len(data) + 1)):
            col.skip = True  # 1, 2, 3…: the rows' order, whatever its header says
    if any(not col.skip for col in order):
        columns = order + columns  # a statistic before the label (rare): keep its place
    return columns


def _is_data(row: list[Cell]) -> bool:
    numbers = [c for c in row if c.number is not None]
    labels = [c for c in row if c.number is None and c.text]
    if not labels and len(numbers) >= 3 and _year_row(row):
        return True  # 2000 5062.69 5043.96 824.55: a row labelled by its year
    if not numbers or not labels:
        return False
    # a header of years (| 项目 | 2000 | 2005 |) is no data row
    return not all(YEAR_CELL.fullmatch(c.text) for c in numbers) or (
        LABEL_HEAD.match(labels[0].text) is None and len(numbers) == 1
    )


def _year_row(row: list[Cell]) -> bool:
    """A row of numbers whose first is a year and the others no years (2000 5062.69 5043.96)."""
    return bool(re.fullmatch(r"(?:19|20)\d\d", row[0].text)) and not any(
        YEAR_CELL.fullmatch(c.text) for c in row[1:]
    )


def _mode(values: list[int]) -> int:
    return max(set(values), key=lambda v: (values.count(v), v)) if values else 0


def _attach_title(scan: str, lines, i: int, table: Table) -> None:
    """The line above a table that names it (2022年全区生产总值及其增长速度), if short."""
    k = i - 1
    while k >= 0 and not scan[lines[k][0] : lines[k][1]].strip():
        k -= 1
    if k < 0:
        return
    line = scan[lines[k][0] : lines[k][1]].strip()
    if line and len(line) <= MAX_CELL and not _PROSE.search(line) and "|" not in line:
        table.title, table.title_start = line, lines[k][0]

    head = " ".join(c.text for c in table.header)
    table.title = f"{table.title} {head}".strip()
    # 单位:亿元 (100 million yuan) on one of the lines above: the table's unit
    above = [Cell(a, b, scan[a:b]) for a, b in lines[max(0, k - UNIT_LINES_ABOVE + 1) : k + 1]]
    table.unit = table.unit or table_unit(above)


def table_values(table: Table):
    """(row label cell, value cell, column, group label, row unit) for every statistic."""
    group = ""
    for row in table.rows:
        label = row[0]
        if _GROUP_WORDS.search(label.text) or len(row) == 1:  # 按产业分, or a row of a label alone
            group = label.text
            continue
        if _INDEX_LABEL.search(label.text) and not any(c.measure == "rate" for c in table.columns):
            continue  # 总产出指数(上年=100): an index, not a level or a growth rate
        row_unit = ""
        for k, cell in enumerate(row[1:]):
            if k < len(table.columns) and table.columns[k].measure == "unit":
                row_unit = cell.text
                continue
            if cell.number is None or k >= len(table.columns) or table.columns[k].skip:
                continue
            yield label, cell, table.columns[k], group, row_unit
