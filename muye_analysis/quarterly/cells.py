"""The cell reader's grammar: normalised text, header keys, indicator names, numeric cells.

``parse_number`` is the one reading of a statistical-table cell as a number (the layout readers
and the bureau-table readers built on them all use it). Its grammar is strict, because a
number read wrongly is stored without a word:

* digits with at most one decimal point (``1.2.3`` is refused); thousands commas only where
  every group after the first has three digits (``6,543,2`` — a typo for 6,543.2 — is refused,
  never read as 65432);
* a minus sign (``-``, the typographic ``−`` U+2212, full-width ``－``) or a sign word
  (增长 / 下降 …); a dash (– —) or brackets ``(3.2)`` are refused, naming the character;
* a unit or ``%`` after the number; ``…`` (below the table's unit), ``—`` / blank (no data),
  ``持平`` (zero);
* invisible characters (zero-width spaces, soft hyphens) are dropped; full-width digits read;
* cells the sheet reader typed: ``Percent`` (a number shown with a percent format, read as the
  percentage shown), ``BadCell`` (an error or a formula without a result: refused), a date
  (Excel's auto-date of ``1-9``: refused, saying so).

A refusal raises ``CellError`` with the problem (naming the offending character) and the fix;
the layout readers add the file, row and column.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from muye_analysis import config, schema
from muye_analysis.text import to_halfwidth

# How far down a sheet the header row may sit (title and unit rows come above it).
HEADER_SEARCH_ROWS = 30


_ALIASES = {
    "indicator": {"indicator", "指标", "指标名称", "指标名", "项目", "项目名称", "名称"},
    "period": {"period", "时期", "期间", "时间", "报告期", "统计期", "期别"},
    "year": {"year", "年份", "年"},
    "area": {"area", "地区", "区域", "地区名称", "行政区", "行政区划"},
    "level": {"level", "累计值", "本年累计", "累计", "绝对值", "数值", "完成值", "累计完成",
              "本期累计", "本年累计完成"},
    "unit": {"unit", "单位", "计量单位"},
    "growth": {"growth", "growth_pct", "growthpct", "增长", "增速", "累计增长", "同比增长",
               "累计同比", "累计同比增长", "增长率", "累计增速", "同比增速", "比上年同期增长",
               "比上年增长"},
    "prior_year": {"prior_year", "上年同期", "去年同期", "上年同期累计", "上年同期数",
                   "上年同期值", "上年同期累计值", "去年同期累计", "去年同期数", "上年同期完成",
                   "同期", "同期数", "同期累计"},
    "price_basis": {"price_basis", "价格口径", "口径", "价格基础"},
    "source": {"source", "来源", "资料来源", "数据来源"},
    "note": {"note", "备注", "说明", "注"},
    "ignore": {"序号", "编号", "no", "no.", "rank", "位次", "排名", "名次", "排序", "全市位次"},
}  # fmt: skip
ALIAS_OF = {alias: role for role, aliases in _ALIASES.items() for alias in aliases}
# The tidy layout's headers as a Chinese office writes them (area series written for ingest,
# muye_analysis.forecast.real_data.tidy_table): role -> header.
TIDY_HEADERS = {"area": "地区", "indicator": "指标", "period": "时期", "level": "累计值",
                "unit": "单位", "growth": "累计增长(%)", "source": "来源"}  # fmt: skip

# Bureau-table header words. Growth first: 比上年同期增长% is a growth rate; 上年同期 alone is
# last year's same-period value on the comparable basis (stored beside this year's level as
# prior_year_value); other 上年 columns (上年全年, 上年实际) are not read.
SKIP_WORDS = re.compile(r"目标|计划|位次|排名|名次|排序|备注|说明|序号|本月(?!止)|当月")
GROWTH_WORDS = re.compile(r"增长|增速|同比|增减|增幅|比上年|比去年|±|GROWTH", re.IGNORECASE)
LAST_YEAR_WORDS = re.compile(r"上年|去年|上年同期|去年同期")
# Checked after the growth words: 比上年同期增长 is growth; 上年同期, 去年同期数 and a bare 同期
# (本期 | 同期 | 增减%) are last year's same-period value.
PRIOR_YEAR_WORDS = re.compile(r"同期|PRIOR", re.IGNORECASE)
LEVEL_WORDS = re.compile(r"累计|绝对|完成|总量|金额|数值|本年|本期|LEVEL|值", re.IGNORECASE)

_NO_DATA = {"", "-", "--", "—", "——", "–", "/", "—-", "-—", "NA", "N/A", "NAN", "NONE", "无"}
_TINY = {"…", "……", "...", "⋯", "…."}
_SIGN_WORDS = {"增长": 1, "增加": 1, "上升": 1, "提高": 1, "下降": -1, "减少": -1, "回落": -1,
               "降低": -1}  # fmt: skip
_NUMBER = re.compile(
    r"(?P<word>增长|增加|上升|提高|下降|减少|回落|降低)?"
    r"(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+))(?P<rest>.*)"
)
# Invisible characters pasted from web pages and Word: dropped from every cell.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# The typographic minus and the small minus are minus signs; dashes are not.
_MINUS = {0x2212: "-", 0xFE63: "-"}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015"
_BRACKETED = re.compile(r"\([+-]?[\d.,]+%?\)")
_PAREN_UNIT = re.compile(r"\(([^()]*)\)\s*$")
TABLE_UNIT = re.compile(r"单位[:：]\s*([^\s,，、;；)]+)")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、]|\([一二三四五六七八九十\d]+\))")
_SUB_ITEM = re.compile(r"^(?:#|其中[:：]?|内:)")
_PRICE_BASIS = {
    **dict.fromkeys(("real", "可比价", "不变价", "实际"), "real"),
    **dict.fromkeys(("nominal", "现价", "当年价", "名义"), "nominal"),
}
KNOWN_UNITS = {*schema.UNITS, "公斤"}  # as printed; conversions in muye_analysis.units
DATE_IN_TEXT = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
# Names of sheets that hold notes, not data (the whole name: 注册市场主体 is a data sheet).
NOTE_SHEETS = re.compile(
    r"^(?:说明|填表说明|编制说明|指标解释|注|注释|备注|notes?|readme|read me)\s*\d*$", re.IGNORECASE
)


# -- small pure helpers --------------------------------------------------------------------------


def is_empty(cell: Any) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    if type(cell).__name__ == "NaTType":  # pandas' missing date
        return True
    return isinstance(cell, str) and not cell.translate(_INVISIBLE).strip()


def cell_text(cell: Any) -> str:
    """A cell as normalised text (half-width, stripped, invisible characters dropped); numbers
    as written, a percent-formatted number as shown (5.1%), a date as YYYY-MM-DD."""
    if is_empty(cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        cell = cell.date()
    return to_halfwidth(str(cell).translate(_INVISIBLE)).strip()


def is_date(cell: Any) -> bool:
    """Whether the sheet reader gave a date or time (a date-formatted cell, e.g. Excel's
    auto-date of a label typed as 1-9)."""
    return isinstance(cell, (dt.date, dt.time)) and not is_empty(cell)


def auto_date_problem(cell: Any, wanted: str) -> tuple[str, str]:
    """(problem, fix) for a date cell where ``wanted`` (a period label, a number) belongs."""
    shown = cell_text(cell)
    guess = ""
    if isinstance(cell, (dt.date, dt.datetime)):
        guess = f" (typed as {cell.month}-{cell.day} or {cell.month}/{cell.day}?)"
    return (
        f"the cell holds a date, {shown}, where {wanted} belongs: Excel turns text such as "
        f"1-9 or 1/9 into a date{guess}.",
        "format the column as Text (or type an apostrophe first: '1-9月) and enter the label "
        "again.",
    )


# Kangxi radicals (⼯ U+2F2F), CJK radical supplements and compatibility ideographs look
# like the ordinary character (工) but are different code points: read as the ordinary one.
_HAN_LOOKALIKES = [(0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]


def normalise_name(text: str) -> str:
    """``text`` with look-alike Han code points (Kangxi radicals such as ⼯) replaced by the
    ordinary characters and invisible characters (zero-width spaces) removed.

    >>> normalise_name("规模以上\u2f2f业\u200b增加值")
    '规模以上工业增加值'
    """
    text = text.translate(_INVISIBLE)
    if all(ord(ch) < 0x2E80 for ch in text):
        return text
    return "".join(
        unicodedata.normalize("NFKC", ch)
        if any(lo <= ord(ch) <= hi for lo, hi in _HAN_LOOKALIKES)
        else ch
        for ch in text
    )


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def header_key(text: str) -> str:
    """Header text reduced for alias matching: no spaces, no (unit), no %, lower case."""
    key = re.sub(r"\s+", "", text)
    key = re.sub(r"\([^()]*\)", "", key)
    return key.replace("%", "").replace("％", "").lower()


def unit_in_parens(text: str) -> str | None:
    match = _PAREN_UNIT.search(re.sub(r"\s+", "", text))
    if match and match.group(1) in KNOWN_UNITS:
        return match.group(1)
    return None


def clean_indicator_name(text: str) -> tuple[str, bool, str | None]:
    """(name, is of-which sub-item, unit in parentheses) of an indicator cell.

    >>> clean_indicator_name("  #其中：税收收入（亿元）")
    ('税收收入', True, '亿元')
    """
    name = re.sub(r"\s+", "", to_halfwidth(normalise_name(text)))
    sub = False
    while True:
        stripped = _SUB_ITEM.sub("", name)
        if stripped == name:
            break
        sub, name = True, stripped
    unit = unit_in_parens(name)
    if unit is not None:
        name = _PAREN_UNIT.sub("", name)
    name = _NUMBERING.sub("", name)
    name = name.replace("“", "").replace("”", "").replace('"', "")
    return name, sub, unit


@dataclass(frozen=True)
class ParsedNumber:
    """A numeric cell: value (None = no data), marker ('tiny' for …), unit written in the cell,
    and whether a percent sign was written (0.2% is unambiguous, a bare 0.002 is not)."""

    value: float | None
    marker: str = ""
    unit: str | None = None
    percent_sign: bool = False


@dataclass(frozen=True)
class Percent:
    """A number the workbook shows with a percent format: it holds 0.051 and shows 5.1%.
    ``parse_number`` reads it as 5.1 with a percent sign, as the user sees it."""

    fraction: float

    @property
    def percent(self) -> float:
        """The number shown (0.051 → 5.1), without binary noise (5.1, not 5.1000000000000005)."""
        return float(Decimal(repr(self.fraction)) * 100)

    def __str__(self) -> str:
        return f"{self.percent:g}%"


@dataclass(frozen=True)
class BadCell:
    """A spreadsheet cell that shows an error (#DIV/0!) or a formula with no saved result: read
    as no text, and refused, with ``problem`` and ``fix``, where a number is wanted."""

    problem: str
    fix: str

    def __str__(self) -> str:
        return ""


class CellError(ValueError):
    """A cell that cannot be read as what its column holds: ``problem`` (naming the offending
    character or cause) and ``fix``. The layout readers add file, row and column."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem, self.fix = problem, fix


def parse_number(cell: Any) -> ParsedNumber:
    """Read a statistical-table cell: 12.5, "１２．５", "78.8亿元", "下降3.9%", "持平", "…", "—".

    The grammar is in the module docstring; anything else raises ``CellError`` naming the
    character or part that is wrong.

    >>> parse_number("下降3.9%")
    ParsedNumber(value=-3.9, marker='', unit='%', percent_sign=True)
    >>> parse_number("…").marker
    'tiny'
    >>> parse_number("6,543.2").value
    6543.2
    """
    if is_empty(cell):
        return ParsedNumber(None)
    if isinstance(cell, BadCell):
        raise CellError(cell.problem, cell.fix)
    if isinstance(cell, Percent):
        return ParsedNumber(cell.percent, unit="%", percent_sign=True)
    if is_date(cell):
        raise CellError(*auto_date_problem(cell, "a number"))
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        raise CellError(
            f"{cell!r} is not a number.", "type the number (a date or formula is not one)."
        )
    if isinstance(cell, (int, float)):
        if not math.isfinite(cell):
            raise CellError(f"{cell!r} is not a finite number.", "type the number.")
        return ParsedNumber(float(cell))
    text = re.sub(r"\s+", "", to_halfwidth(cell.translate(_INVISIBLE)).translate(_MINUS))
    if text.upper() in _NO_DATA:
        return ParsedNumber(None)
    if text in _TINY:  # smaller than the table's unit: a tiny value, not a missing one
        return ParsedNumber(0.0, marker="tiny")
    if text == "持平":
        return ParsedNumber(0.0)
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise CellError(*_not_a_number(cell, text))
    rest = match["rest"]
    if rest[:1] in (",", ".") or rest[:1].isdigit():
        raise CellError(*_bad_digits(cell, match["num"] + rest))
    value = float(match["num"].replace(",", ""))
    if match["word"]:
        if value < 0:
            raise CellError(f"{cell!r} has both a sign word and a minus sign.", "keep one.")
        value *= _SIGN_WORDS[match["word"]]
    unit = rest or None
    if unit is not None and unit not in KNOWN_UNITS:
        raise CellError(
            f"unknown unit {unit!r} in {cell!r}.",
            f"use one of {', '.join(sorted(KNOWN_UNITS))}, or convert the value.",
        )
    return ParsedNumber(value, unit=unit, percent_sign=unit == "%")


_TYPE_A_NUMBER = (
    "type a number (12.5, 下降3.9%, 持平), … for a value below the table's unit, "
    "or — / leave it blank for no data."
)


def _char_name(ch: str) -> str:
    return f"{ch!r} ({unicodedata.name(ch, 'unnamed')}, U+{ord(ch):04X})"


def _not_a_number(cell: str, text: str) -> tuple[str, str]:
    """Why text with no number where the grammar wants one cannot be read: the first
    character in the way, named."""
    first_digit = next((i for i, ch in enumerate(text) if ch.isdigit()), None)
    if first_digit is None:
        return f"text {cell!r} in a numeric cell.", _TYPE_A_NUMBER
    if _BRACKETED.fullmatch(text):
        return (
            f"{cell!r} is a number in brackets: accounting style for a negative, or a note? "
            "Brackets are not read as a sign.",
            f"write {text[1:-1].lstrip('+-')} for a rise or -{text[1:-1].lstrip('+-')} "
            "(下降…) for a fall; put notes in a note column.",
        )
    before = text[:first_digit].lstrip("+-")
    dash = next((ch for ch in before if ch in _DASHES), None)
    if dash is not None:
        return (
            f"{cell!r} starts with the dash {_char_name(dash)}, which is not a minus sign.",
            "type a minus sign (-) or write 下降 before the number.",
        )
    if not before:
        return f"text {cell!r} in a numeric cell.", _TYPE_A_NUMBER
    odd = [ch for ch in before if not unicodedata.category(ch).startswith("L")]
    shown = f"{before!r}" + (f" (with {', '.join(map(_char_name, odd))})" if odd else "")
    return f"{shown} before the number in {cell!r}.", _TYPE_A_NUMBER


def _bad_digits(cell: str, number: str) -> tuple[str, str]:
    """A second decimal point, or thousands commas whose groups are not all three digits."""
    digits = re.match(r"[+-]?[\d.,]+", number).group(0).lstrip("+-")  # type: ignore[union-attr]
    if digits.count(".") > 1:
        return (f"{cell!r} has {digits.count('.')} decimal points.",
                "keep one decimal point (12.5).")  # fmt: skip
    whole = digits.split(".")[0]
    groups = whole.split(",")
    bad = [g for g in groups[1:] if len(g) != 3] or [groups[0]]
    return (
        f"{cell!r}: thousands commas must separate groups of three digits, but "
        f"{', '.join(repr(g) for g in bad)} {'is' if len(bad) == 1 else 'are'} not (a decimal "
        "comma, or a typo such as 6,543,2 for 6,543.2?). The number is not guessed.",
        "type the number with a decimal point and no commas (6543.2), or with full groups of "
        "three (6,543,200).",
    )


def parse_price_basis(text: str) -> str | None:
    """real / nominal from real, 可比价, 不变价 / nominal, 现价, 当年价; None when blank."""
    key = re.sub(r"\s+", "", text).lower()
    if not key:
        return None
    if key not in _PRICE_BASIS:
        raise CellError(
            f"unknown price basis {text!r}.",
            "write real (可比价) or nominal (现价), or leave it blank.",
        )
    return _PRICE_BASIS[key]


def parse_number_or_none(cell: Any) -> float | None:
    """The value of a cell, or None when it is blank, a no-data mark or not a number."""
    try:
        return parse_number(cell).value
    except CellError:
        return None


def is_blank(cell: Any) -> bool:
    """Blank or a no-data mark (—, -, /): nothing to store."""
    if is_empty(cell):
        return True
    return isinstance(cell, str) and re.sub(r"\s+", "", to_halfwidth(cell)).upper() in _NO_DATA


# -- areas ---------------------------------------------------------------------------------------

# Units below the district keep their own names (牧野乡, 王村镇): only a name that ends like a
# county-level unit and is close to the district's is taken for a misspelling of it.
_TOWNSHIP_ENDINGS = ("乡", "镇", "街道", "办事处", "社区", "村")
_PROVINCE_PREFIX = re.compile(r"^[\u4e00-\u9fff]{1,3}省")


def canonical_area(text: str) -> str:
    """The area a cell names, with the district's aliases made one: 牧野, 牧野区, 新乡市牧野区,
    新乡牧野区, 河南省新乡市牧野区 and Muye District are all ``config.DISTRICT_ZH``. Other
    areas are returned as written. A name close to the district's but not one of its aliases
    (牧野县, 牧业区) raises CellError with the suggestion, rather than becoming an area of its
    own that no target is judged on.

    >>> canonical_area("新乡市 牧野区"), canonical_area("河南省")
    ('牧野区', '河南省')
    """
    district, city = config.DISTRICT_ZH, config.CITY_ZH
    short = district[:-1] if len(district) > 2 else district  # 牧野区 -> 牧野
    key = re.sub(r"[\s·.•\-]", "", normalise_name(to_halfwidth(text)))
    english = config.DISTRICT_EN.lower().replace(" ", "")
    if key.lower() in (english, english.split("district")[0]):
        return district
    rest = _PROVINCE_PREFIX.sub("", key) if short in key else key
    for prefix in (city, city[:-1]):
        if rest.startswith(prefix) and len(rest) > len(prefix):
            rest = rest[len(prefix) :]
            break
    if rest in (district, short):
        return district
    near = (short in rest and not rest.endswith(_TOWNSHIP_ENDINGS)) or (
        len(rest) == len(district)
        and rest[-1] == district[-1]
        and sum(a != b for a, b in zip(rest, district, strict=True)) == 1
    )
    if near:
        raise CellError(
            f"area {text!r} is close to the district's name but is not one of its names "
            f"({district}, {short}, {city}{district}).",
            f"write {district} if the row is the district's (or leave the area blank); write a "
            "township's full name (…乡, …镇, …街道) if it is one.",
        )
    return text
