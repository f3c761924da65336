"""The columns of a table: what its header cells say each value column holds.

A header cell names a measure (a level, a growth rate, a share, a rank, a change in points), a
unit (绝对额(亿元), 单位:亿元), a year (2023年GDP) or the months it covers (本月, 1-本月, a row of
months 11月 | 1—11月 over groups of columns); header cells cut over lines are joined again
(总量⏎(亿元)⏎比上年同期⏎增长(%) are two columns). ``tables.py`` finds the tables and their cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# a number, with thousands separators or not (24,899.30)
NUMBER = re.compile(r"[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


# A cell holding its number with its unit (162817吨, 44383头): a value in that unit.
_NUMBER_WITH_UNIT = re.compile(
    r"(?P<number>[-−+]?\d+(?:\.\d+)?)\s?(?P<unit>(?:万|千)?(?:吨|头|只|羽|匹|亩|公顷|元|人|户|个|家))"
)


_EMPTY = re.compile(r"[-—–…\s]*")


YEAR_CELL = re.compile(r"((?:19|20)\d\d)年?")
# A header cell naming one month of a year (2020年11月): the column is that month.
_YEAR_MONTH_CELL = re.compile(r"((?:19|20)\d\d)\s?年\s?(1[0-2]|0?[1-9])\s?月份?")


_UNIT_CELL = re.compile(
    r"(?:计量)?单位[:：]\s*(?P<unit>[^\s|,，;；]{1,6})|^[(（](?P<unit2>[^()（）]{1,6})[)）]$"
)


# A unit in brackets, in a header (增加值(亿元)) or a row label (人均地区生产总值(元)), also a
# yield per area (单位面积产量 (公斤/公顷)), areas in thousands (播种面积 (千公顷)), volumes
# and energy (木材采伐(立方米), 发电量(亿千瓦时)).
UNIT_IN = re.compile(
    r"[(（](?P<unit>%|‰|(?:万亿|亿|万)?元|(?:万亿|亿)?美元|万?吨|万?人|万?亩|千?公顷"
    r"|(?:公斤|千克|吨)/(?:公顷|亩)|万?(?:个|家|户|辆|件|人次)|万?(?:人|吨)公里|万?立方米"
    r"|(?:万|亿)?千瓦时)[)）]"
)


LABEL_HEAD = re.compile(
    r"^(?:指\s*标(?:名称)?|项\s*目|名\s*称|地\s*区|各区县|区县|县\s*区|行业|类别|产品|年\s*份|省市|省份"
    r"|区\s*域)"
)


_RANK_HEAD = re.compile(r"位次|名次|排名|排位")


_ORDER_HEAD = re.compile(r"^[^\d|]{0,6}?(?:排行|序号|排序)$|^序$")  # GDP排行: an ordering


# 涨跌幅(%) | 升降幅度: a price index's change, a growth in %.
_GROWTH_HEAD = re.compile(r"增长|增速|增幅|比上年|比去年|同比|±|上涨|涨幅|涨跌幅|升降幅")


# A change in points against a year earlier: 增速与去年同期比较, 增减百分点.
_CHANGE_HEAD = re.compile(
    r"(?:与|比|较)(?P<cmp>去年|上年)(?:同期)?(?:比较|相比)|增减百分点|百分点|拉动"
)


# A header cell cut in two over lines: 增速与去年⏎同期比较.
_OPEN_COMPARISON = re.compile(r"(?:与|比|较)(?:去年|上年)$")


_SHARE_HEAD = re.compile(r"比重|占|构成|贡献|结构")
# An increment in the level's unit, against the year before: 增量 (元), 增加额, 增减额.
_INCREMENT_HEAD = re.compile(r"增量|增加额|增减额|增减量")


_LEVEL_HEAD = re.compile(
    r"总量|绝对数|绝对额|绝对值|绝对量|数值|数量|金额|总额|产值|增加值|完成|本年|累计|本月|GDP|产量"
)


_SPACES = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


@dataclass
class Cell:
    start: int  # offset of the stripped cell text
    end: int
    text: str

    @property
    def number(self) -> float | None:
        if NUMBER.fullmatch(self.text):
            return float(self.text.rstrip("%").replace("−", "-").replace(",", ""))
        if self.text == "持平":  # no change: 0 (a growth or a change in points)
            return 0.0
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


_MONTH_CELL = re.compile(r"(?:1\s?[-—–~至]\s?)?(\d{1,2})月份?")


def month_row(row: list[Cell]) -> list[tuple[int, int]]:
    """A header row of months (11月 | 1—11月), each over a group of columns; else []."""
    cells = [c for c in row if c.text]
    found = [_MONTH_CELL.fullmatch(c.text) for c in cells]
    if len(cells) < 2 or not all(found):
        return []
    months = [(1 if m.start(1) > 0 else int(m.group(1)), int(m.group(1))) for m in found]
    return months if all(1 <= a <= b <= 12 for a, b in months) else []


def with_months(columns: list[Column], months: list[tuple[int, int]]) -> list[Column]:
    """Columns in equal groups under a header row of months each take their group's months."""
    if not months or len(columns) % len(months):
        return columns
    per = len(columns) // len(months)
    for k, col in enumerate(columns):
        col.months = months[k // per]
    return columns


def names_measures(header: list[Cell]) -> bool:
    """At least two header cells name what their column measures."""
    return sum(1 for c in header if header_column([c]).measure) >= 2


def header_column(cells: list[Cell]) -> Column:
    col = Column(words="".join(c.text for c in cells))
    # a header spaced out to the cell's width (增 幅, 构 成): read without its spaces
    words = _SPACES.sub("", col.words)
    year = YEAR_CELL.match(words)
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
        col.comparator = f"{cmp}同期" if cmp and "同期" in words else (cmp or "上年")
    elif _INCREMENT_HEAD.search(words):
        col.measure = "change"
    elif _GROWTH_HEAD.search(words):
        col.measure, col.unit = "growth_rate", "%"
    elif _SHARE_HEAD.search(words):
        col.measure, col.unit = "share", "%"
    elif (year and year.end() == len(words.strip())) or _LEVEL_HEAD.search(words) or col.unit:
        col.measure = "level"
    if year:
        col.year = int(year.group(1))
    one_month = _YEAR_MONTH_CELL.fullmatch(words.strip())
    if one_month:
        col.months = (int(one_month.group(2)), int(one_month.group(2)))
    return col


def header_columns(header: list[Cell], width: int) -> list[Column]:
    """Value columns from header cells, which may be split over lines: 总量⏎(亿元)⏎比上年同期⏎
    增长(%) are two columns."""
    spanning = _spanning_names(header, width)
    if spanning:
        return spanning
    groups: list[list[Cell]] = []
    categories = 0
    for cell in _joined(header):
        text = cell.text
        if LABEL_HEAD.match(text) or (_UNIT_CELL.search(text) and not _UNIT_CELL.fullmatch(text)):
            continue
        col = header_column([cell])
        if groups and (
            (_UNIT_CELL.fullmatch(text) and text.startswith(("(", "（"))) or text in ("%", "‰")
        ):
            groups[-1].append(cell)  # (亿元) under 总量, % under 同比增长
            continue
        if not col.measure and not col.year:
            categories += 1
            continue  # a title line (上海市生产总值, 2022年上半年)
        if _continues(groups, col):
            groups[-1].append(cell)  # 比上年同期 + 增长(%)
            continue
        groups.append([cell])
    if (
        not groups
        and categories >= MIN_CATEGORIES
        and not _GROWTH_HEAD.search("".join(c.text for c in header))
    ):
        # a header of kinds and no measure (牛 | 马 | 驴 | 山羊 …): every column a level
        return [Column("level") for _ in range(width)]
    return _fitted([header_column(g) for g in groups], width)


MIN_CATEGORIES = 3


def _years_under(columns: list[Column], width: int) -> list[Column]:
    """A second header row of years under the one level column of a first row of measures
    (现价(亿元) | 增速% | 构成% ⏎ 2015年 | 2016年): the level column spans the years, a column
    each (现价(亿元) 2015年, 现价(亿元) 2016年); else ``columns`` as they are."""
    years = 0
    while years < len(columns) and _BARE_YEAR.fullmatch(columns[-1 - years].words.strip()):
        years += 1
    named = columns[: len(columns) - years]
    levels = [k for k, c in enumerate(named) if c.measure == "level" and c.year is None]
    if years < 2 or len(named) - 1 + years != width or len(levels) != 1:
        return columns
    level = named[levels[0]]
    spanned = [
        Column("level", level.unit, col.year, f"{level.words} {col.words}")
        for col in columns[len(named) :]
    ]
    return named[: levels[0]] + spanned + named[levels[0] + 1 :]


_BARE_YEAR = re.compile(r"(?:19|20)\d\d\s?年?")


def measures_over_years(measures: list[Cell], years: list[Cell], width: int) -> list[Column]:
    """A header row of measures, each over a group of year columns in the row below (增长% |
    结构% ⏎ 2024年 | 2023年 | 2024年 | 2023年): a column per measure and year (增长% 2024年,
    增长% 2023年, 结构% 2024年, 结构% 2023年); else [] (the row below is no such row of years)."""
    if len(years) != width or not all(_BARE_YEAR.fullmatch(c.text.strip()) for c in years):
        return []
    named = [c for c in measures if header_column([c]).measure not in ("", "unit")]
    if not named or width % len(named) or width // len(named) < 2:
        return []
    per = width // len(named)
    if any(c.text != years[k % per].text for k, c in enumerate(years)):
        return []  # the years do not repeat under each measure
    columns = []
    for k, cell in enumerate(years):
        col = header_column([named[k // per]])
        col.year, col.words = int(cell.text.strip()[:4]), f"{col.words} {cell.text}"
        columns.append(col)
    return columns


def _fitted(columns: list[Column], width: int) -> list[Column]:
    """Header columns fitted to the rows' ``width`` values."""
    columns = _years_under(columns, width)
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


def _spanning_names(header: list[Cell], width: int) -> list[Column]:
    """A row of names each over a group of columns, then the groups' own header cells repeated
    (地区生产总值 | 第一产业 | … | (亿元) | 增长% | (亿元) | 增长% | …): a column per name and
    sub-header (地区生产总值 (亿元), 地区生产总值 增长%); else []."""
    for per in (2, 3):
        cells = header
        names = width // per
        if width % per or names < 2 or len(cells) - names - width not in (0, 1):
            continue
        cells = cells[len(cells) - names - width :]  # without the label column's head (城 市)
        tops, subs = cells[:names], cells[names:]
        if all(s.text == subs[k % per].text for k, s in enumerate(subs)) and not any(
            header_column([c]).unit for c in tops
        ):
            return [header_column([n, s]) for n in tops for s in subs[:per]]
    return []


def _continues(groups: list[list[Cell]], col: Column) -> bool:
    """A header cell continues the column before when it names the same measure and no year
    and the two do not each carry a unit (单位面积产量 (公斤/公顷) | 总产量 (万吨) are two, and
    so are 构成% | 贡献%)."""
    if not groups or col.year is not None:
        return False
    before = header_column(groups[-1])
    return before.measure == col.measure and not (_has_unit(before.words) and _has_unit(col.words))


def _has_unit(words: str) -> bool:
    """A header cell printing its own unit: (公斤/公顷), (万吨), %."""
    return bool(UNIT_IN.search(words)) or "%" in words


_SHARE_TITLE = re.compile(r"构成|比重")
_PERIOD_ONLY = re.compile(r"(?:19|20)\d\d\s?年?(?:\s?(?:1[0-2]|0?[1-9])\s?月份?)?")


def shares_by_title(columns: list[Column], title: list[Cell]) -> list[Column]:
    """Under a title naming a composition (2、本地生产总值构成), level columns without a unit
    hold shares in %; under a title naming a growth in % (指标:工业增加值_同比增长(%)),
    columns headed by periods only (2020年11月 | 2020年10月) hold growth rates."""
    words = " ".join(c.text for c in title)
    if _SHARE_TITLE.search(words):
        for col in columns:
            if col.measure == "level" and not col.unit:
                col.measure, col.unit = "share", "%"
    periods = columns and all(_PERIOD_ONLY.fullmatch(c.words.strip()) for c in columns)
    if periods and _GROWTH_HEAD.search(words) and "%" in words:
        for col in columns:
            col.measure, col.unit = "growth_rate", "%"
    return columns


MONTH_COLUMN = re.compile(r"本月|当月|^累计$")


def with_periods(columns: list[Column]) -> list[Column]:
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
        if out and (
            (_OPEN_COMPARISON.search(out[-1].text) and cell.text.startswith("同期"))
            or _measure_in_brackets(out[-1], cell)
        ):
            out[-1] = Cell(out[-1].start, cell.end, out[-1].text + cell.text)
        else:
            out.append(cell)
    return out


def _measure_in_brackets(before: Cell, cell: Cell) -> bool:
    """A measure in brackets on a line of its own, (增速%, under a header of words naming no
    measure, unit nor year, or an outcome only (预计全年完成情况): the two are one header cell."""
    if not cell.text.startswith(("(", "（")) or LABEL_HEAD.match(before.text):
        return False
    col, head = header_column([cell]), header_column([before])
    plain = head.measure in ("", "level") and not head.unit and head.year is None
    return col.measure not in ("", "level") and plain


def table_unit(cells: list[Cell]) -> str:
    for cell in cells:
        m = _UNIT_CELL.search(cell.text)
        if m and m.group("unit"):  # 单位:万元, also after a year: (2002年) 单位:万元
            return m.group("unit")
    return ""


def printed_decimals(number: str) -> int:
    """Decimals of a number as printed: 1564.49 -> 2, 12 -> 0."""
    return len(number.split(".")[1]) if "." in number else 0
