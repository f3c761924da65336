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
from dataclasses import dataclass, field

_NUMBER = re.compile(r"[-−+]?\d+(?:\.\d+)?%?")
# A cell holding its number with its unit (162817吨, 44383头): a value in that unit.
_NUMBER_WITH_UNIT = re.compile(
    r"(?P<number>[-−+]?\d+(?:\.\d+)?)\s?(?P<unit>(?:万|千)?(?:吨|头|只|羽|匹|亩|公顷|元|人|户|个|家))"
)
_EMPTY = re.compile(r"[-—–…\s]*")
_YEAR_CELL = re.compile(r"((?:19|20)\d\d)年?")
_UNIT_CELL = re.compile(
    r"(?:计量)?单位[:：]\s*(?P<unit>[^\s|,，;；]{1,6})|^[(（](?P<unit2>[^()（）]{1,6})[)）]$"
)
# A unit in brackets, in a header (增加值(亿元)) or a row label (人均地区生产总值(元)), also a
# yield per area (单位面积产量 (公斤/公顷)) and areas in thousands (播种面积 (千公顷)).
UNIT_IN = re.compile(
    r"[(（](?P<unit>%|‰|(?:万亿|亿|万)?元|(?:万亿|亿)?美元|万?吨|万?人|万?亩|千?公顷"
    r"|(?:公斤|千克|吨)/(?:公顷|亩)|个|家|户)[)）]"
)
_LABEL_HEAD = re.compile(
    r"^(?:指\s*标(?:名称)?|项\s*目|名\s*称|地\s*区|各区县|区县|县\s*区|行业|类别|产品|年\s*份|省市|省份"
    r"|区\s*域)"
)
_RANK_HEAD = re.compile(r"位次|名次|排名|排位")
_ORDER_HEAD = re.compile(r"^[^\d|]{0,6}?(?:排行|序号|排序)$|^序$")  # GDP排行: an ordering
_GROWTH_HEAD = re.compile(r"增长|增速|增幅|比上年|比去年|同比|±|上涨|涨幅")
# A change in points against a year earlier: 增速与去年同期比较, 增减百分点.
_CHANGE_HEAD = re.compile(r"(?:与|比|较)(?P<cmp>去年|上年)(?:同期)?(?:比较|相比)|增减百分点|百分点")
# A header cell cut in two over lines: 增速与去年⏎同期比较.
_OPEN_COMPARISON = re.compile(r"(?:与|比|较)(?:去年|上年)$")
_SHARE_HEAD = re.compile(r"比重|占|构成")
_LEVEL_HEAD = re.compile(
    r"总量|绝对数|绝对额|绝对值|绝对量|数值|数量|金额|总额|产值|增加值|完成|本年|累计|本月|GDP|产量"
)
_INDEX_LABEL = re.compile(r"指数")
# A cell of a 单位 column: the row's unit.
UNIT_TOKEN = re.compile(
    r"(?:万亿|亿|万|千|百)?(?:元|美元|吨|人|人次|户|个|家|亩|公顷|平方米|千瓦时|辆|头|只|项)|%|‰"
)
_GROUP_WORDS = re.compile(r"按.{1,6}分$|^其中[:：]?$|^分.{1,6}$")
# A table's cells are short; a line with sentence punctuation is prose.
_PROSE = re.compile(r"[。；;]|[，,].*[，,]")
MAX_CELL = 40


@dataclass
class Cell:
    start: int  # offset of the stripped cell text
    end: int
    text: str

    @property
    def number(self) -> float | None:
        if _NUMBER.fullmatch(self.text):
            return float(self.text.rstrip("%").replace("−", "-"))
        with_unit = _NUMBER_WITH_UNIT.fullmatch(self.text)
        if with_unit:
            return float(with_unit["number"].replace("−", "-"))
        return None

    @property
    def unit(self) -> str:
        """The unit printed in the cell itself (162817吨), else ""."""
        with_unit = _NUMBER_WITH_UNIT.fullmatch(self.text)
        return with_unit["unit"] if with_unit else ""

    @property
    def empty(self) -> bool:
        return bool(_EMPTY.fullmatch(self.text))


@dataclass
class Column:
    """What a value column holds: measure, unit, year (a year header), and its header words."""

    measure: str = ""
    unit: str = ""
    year: int | None = None
    words: str = ""
    skip: bool = False  # an ordering (排行, 序号): no statistic
    comparator: str = ""  # what a change in points is against (上年同期)
    period_words: str = ""  # 本月, 1-本月: the months the column covers (its growth column's too)
    months: tuple[int, int] | None = None  # a header row of months over it (12 | 1-12)


@dataclass
class Table:
    start: int
    end: int
    title: str
    title_start: int
    header: list[Cell]
    rows: list[list[Cell]] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    unit: str = ""


def find_tables(scan: str) -> list[Table]:
    """Tables in ``scan``: pipe tables (a row per line or a cell per line) and one cell per line."""
    lines = _lines(scan)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        table, i = (
            _pipe_table(scan, lines, i)
            or _spaced_table(scan, lines, i)
            or _cell_table(scan, lines, i)
            or (None, i + 1)
        )
        if table is not None:
            tables.append(table)
    return tables


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


def _one_cell_lines(scan: str, lines) -> bool:
    """Most lines of the block hold one cell, and at least three of them are numbers."""
    texts = [scan[a:b].strip() for a, b in lines if scan[a:b].strip(" \t|")]
    single = [t for t in texts if len([c for c in t.split("|") if c.strip()]) == 1]
    numbers = [t for t in single if _NUMBER.fullmatch(t.strip(" \t|"))]
    return len(single) >= 0.8 * len(texts) and len(numbers) >= 3


def _second_header(scan: str, lines, i: int, j: int) -> int:
    """Where a second table starts inside a block of pipe rows: a row of words after rows of
    numbers (年份 | GDP(亿元) | 增速(%) under a table of counties)."""
    seen_data = False
    for k in range(i, j):
        cells = [c for c in scan[lines[k][0] : lines[k][1]].split("|") if c.strip()]
        if len(cells) < 2:
            continue
        numbers = sum(1 for c in cells if _NUMBER.fullmatch(c.strip()))
        if numbers and numbers < len(cells):
            seen_data = True
        elif not numbers and seen_data:
            return k
    return j


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
        if sep is _SINGLE_SPACE and (
            len(pieces) < 3
            or not all(c.number is not None or UNIT_TOKEN.fullmatch(c.text) for c in pieces[1:])
        ):
            return None
        return pieces
    return None


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
        if line and _NUMBER.fullmatch(line):
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
    table.columns = _with_months(_with_periods(_columns(header, width)), months)
    table.unit = _table_unit(header)
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


_MONTH_CELL = re.compile(r"(?:1\s?[-—–~至]\s?)?(\d{1,2})月份?")


def _month_row(row: list[Cell]) -> list[tuple[int, int]]:
    """A header row of months (11月 | 1—11月), each over a group of columns; else []."""
    cells = [c for c in row if c.text]
    found = [_MONTH_CELL.fullmatch(c.text) for c in cells]
    if len(cells) < 2 or not all(found):
        return []
    months = [(1 if m.start(1) > 0 else int(m.group(1)), int(m.group(1))) for m in found]
    return months if all(1 <= a <= b <= 12 for a, b in months) else []


def _first_after_months(cells: list[Cell], first: int) -> int:
    """The first number after a header row of months at ``first`` (0 when none)."""
    return next((k for k, c in enumerate(cells) if k > first + 1 and c.number is not None), 0)


def _with_months(columns: list[Column], months: list[tuple[int, int]]) -> list[Column]:
    """Columns in equal groups under a header row of months each take their group's months."""
    if not months or len(columns) % len(months):
        return columns
    per = len(columns) // len(months)
    for k, col in enumerate(columns):
        col.months = months[k // per]
    return columns


def _from_rows(scan: str, rows: list[list[Cell]], start: int, end: int) -> Table | None:
    """Rows given one per line: title and unit rows, a header row, then data rows."""
    rows = [r for r in rows if not all(c.empty for c in r)]  # |---|---| rules
    data = [r for r in rows if _is_data(r)]
    first = rows.index(data[0]) if data else 0
    above = rows[:first]
    header_row = above[-1] if above else []
    header = [c for c in header_row if c.text]
    if len(data) < 2 and not (data and _names_measures(header)):
        return None  # one row under a header of measures (绝对量 | 同比增长(%)) is a table
    title_cells = [c for r in above[:-1] for c in r] if above else []
    months = next((m for m in map(_month_row, above[:-1]) if m), [])
    width = _mode([len(r) for r in data])
    label_at = next((k for k, c in enumerate(data[0]) if c.number is None), 0)
    columns = _row_columns(header, data, label_at, width, months)
    table = Table(start, end, "", start, title_cells + header)
    table.columns = _with_periods(columns)
    table.unit = _table_unit(title_cells + header)
    table.rows = [r[label_at:] for r in data if len(r) > label_at + 1]
    return table


def _names_measures(header: list[Cell]) -> bool:
    """At least two header cells name what their column measures."""
    return sum(1 for c in header if _column([c]).measure) >= 2


def _row_columns(header: list[Cell], data, label_at: int, width: int, months) -> list[Column]:
    """Value columns of a table given a row per line, from its header row (and row of months)."""
    values = width - label_at - 1
    if header and months and _column([header[0]]).measure and len(header) >= values:
        # a header without its label cell over rows cut short (规模以上工业增加值 | … | 2.2 | …)
        return _with_months([_column([c]) for c in header], months)[:values]
    if len(header) == width:  # positional: 排行 | 各区县 | 2023年GDP(亿元) | 2023年增速(%)
        return _positional_columns(header, data, label_at)
    return _columns(header, values)


def _positional_columns(header: list[Cell], data: list[list[Cell]], label_at: int) -> list[Column]:
    """Columns named one header cell each; one before the label is an ordering when its header
    says so (GDP排行) or its values run 1, 2, 3…, else a statistic kept in its place."""
    columns = [_column([c]) for c in header[label_at + 1 :]]
    order = [_column([c]) for c in header[:label_at]]
    for k, col in enumerate(order):
        if [r[k].number for r in data if k < len(r)] == list(range(1, len(data) + 1)):
            col.skip = True  # 1, 2, 3…: the rows' order, whatever its header says
    if any(not col.skip for col in order):
        columns = order + columns  # a statistic before the label (rare): keep its place
    return columns


def _is_data(row: list[Cell]) -> bool:
    numbers = [c for c in row if c.number is not None]
    labels = [c for c in row if c.number is None and c.text]
    if not numbers or not labels:
        return False
    # a header of years (| 项目 | 2000 | 2005 |) is no data row
    return not all(_YEAR_CELL.fullmatch(c.text) for c in numbers) or (
        _LABEL_HEAD.match(labels[0].text) is None and len(numbers) == 1
    )


def _mode(values: list[int]) -> int:
    return max(set(values), key=lambda v: (values.count(v), v)) if values else 0


def _column(cells: list[Cell]) -> Column:
    words = "".join(c.text for c in cells)
    col = Column(words=words)
    year = _YEAR_CELL.match(words)
    unit = UNIT_IN.search(words)
    if unit:
        col.unit = unit.group("unit")
    elif "%" in words:
        col.unit = "%"
    if _ORDER_HEAD.fullmatch(words.strip()):
        col.skip = True
    elif re.fullmatch(r"(?:计量)?单\s*位", words.strip()):
        col.measure = "unit"
    elif _RANK_HEAD.search(words):
        col.measure, col.unit = "rank", "位"
    elif _CHANGE_HEAD.search(words):
        col.measure, col.unit = "change_pp", "个百分点"
        cmp = _CHANGE_HEAD.search(words)["cmp"]
        col.comparator = f"{cmp}同期" if cmp and "同期" in words else (cmp or "")
    elif _GROWTH_HEAD.search(words):
        col.measure, col.unit = "growth_rate", "%"
    elif _SHARE_HEAD.search(words):
        col.measure, col.unit = "share", "%"
    elif (year and year.end() == len(words.strip())) or _LEVEL_HEAD.search(words) or col.unit:
        col.measure = "level"
    if year:
        col.year = int(year.group(1))
    return col


def _columns(header: list[Cell], width: int) -> list[Column]:
    """Value columns from header cells, which may be split over lines: 总量⏎(亿元)⏎比上年同期⏎
    增长(%) are two columns."""
    groups: list[list[Cell]] = []
    for cell in _joined(header):
        text = cell.text
        if _LABEL_HEAD.match(text) or (_UNIT_CELL.search(text) and not _UNIT_CELL.fullmatch(text)):
            continue
        col = _column([cell])
        if groups and (
            (_UNIT_CELL.fullmatch(text) and text.startswith(("(", "（"))) or text in ("%", "‰")
        ):
            groups[-1].append(cell)  # (亿元) under 总量, % under 同比增长
            continue
        if not col.measure and not col.year:
            continue  # a title line (上海市生产总值, 2022年上半年)
        if _continues(groups, col):
            groups[-1].append(cell)  # 比上年同期 + 增长(%)
            continue
        groups.append([cell])
    columns = [_column(g) for g in groups]
    with_unit = [c for c in columns if c.unit]
    if len(columns) > width and len(with_unit) == width and len(columns) == 2 * width:
        # 绝对量 | 同比增长 % twice over rows of two numbers: the unit-less level cells are the
        # empty ones (lost with the blank lines between cells), the numbers are the growths.
        columns = with_unit
    if len(columns) > width:
        columns = columns[-width:]
    while len(columns) < width:  # unnamed columns: a level, then its growth
        columns.append(Column("level" if not columns else "growth_rate"))
    if columns and columns[-1].measure == "growth_rate" and not columns[-1].unit:
        columns[-1].unit = "%"
    return columns


def _continues(groups: list[list[Cell]], col: Column) -> bool:
    """A header cell continues the column before when it names the same measure and no year
    and the two do not each carry a unit (单位面积产量 (公斤/公顷) | 总产量 (万吨) are two)."""
    if not groups or col.year is not None:
        return False
    before = _column(groups[-1])
    both_bracketed = UNIT_IN.search(before.words) and UNIT_IN.search(col.words)
    return before.measure == col.measure and not both_bracketed


MONTH_COLUMN = re.compile(r"本月|当月")


def _with_periods(columns: list[Column]) -> list[Column]:
    """A column of 本月 or 1-本月 covers those months, and so does the growth column after it
    (本月 | 比去年同月增长(%) | 1-本月 | 比去年同期增长(%))."""
    for k, col in enumerate(columns):
        if MONTH_COLUMN.search(col.words):
            col.period_words = col.words
        elif k and col.measure in ("growth_rate", "share", "change_pp"):
            col.period_words = columns[k - 1].period_words
    return columns


def _joined(header: list[Cell]) -> list[Cell]:
    """Header cells cut in two over lines joined again: 增速与去年⏎同期比较."""
    out: list[Cell] = []
    for cell in header:
        if out and _OPEN_COMPARISON.search(out[-1].text) and cell.text.startswith("同期"):
            out[-1] = Cell(out[-1].start, cell.end, out[-1].text + cell.text)
        else:
            out.append(cell)
    return out


def _table_unit(cells: list[Cell]) -> str:
    for cell in cells:
        m = _UNIT_CELL.search(cell.text)
        if m and m.group("unit"):  # 单位:万元, also after a year: (2002年) 单位:万元
            return m.group("unit")
    return ""


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


def table_values(table: Table):
    """(row label cell, value cell, column, group label, row unit) for every statistic."""
    group = ""
    for row in table.rows:
        label = row[0]
        if _GROUP_WORDS.search(label.text):
            group = label.text
            continue
        if _INDEX_LABEL.search(label.text):
            continue  # 总产出指数(上年=100): an index, not a level or a growth rate
        row_unit = ""
        for k, cell in enumerate(row[1:]):
            if k < len(table.columns) and table.columns[k].measure == "unit":
                row_unit = cell.text
                continue
            if cell.number is None or k >= len(table.columns) or table.columns[k].skip:
                continue
            yield label, cell, table.columns[k], group, row_unit
