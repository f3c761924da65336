"""Cells and numbers: normalised text, header keys, indicator names, numeric cells."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from muye_analysis import schema
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
_ALIAS_OF = {alias: role for role, aliases in _ALIASES.items() for alias in aliases}
# The tidy layout's headers as a Chinese office writes them (area series written for ingest,
# muye_analysis.forecast.real_data.tidy_table): role -> header.
TIDY_HEADERS = {"area": "地区", "indicator": "指标", "period": "时期", "level": "累计值",
                "unit": "单位", "growth": "累计增长(%)", "source": "来源"}  # fmt: skip

# Bureau-table header words. Growth first: 比上年同期增长% is a growth rate; 上年同期 alone is
# last year's same-period value on the comparable basis (stored beside this year's level as
# prior_year_value); other 上年 columns (上年全年, 上年实际) are not read.
_SKIP_WORDS = re.compile(r"目标|计划|位次|排名|名次|排序|备注|说明|序号|本月(?!止)|当月")
_GROWTH_WORDS = re.compile(r"增长|增速|同比|增减|增幅|比上年|比去年|±|GROWTH", re.IGNORECASE)
_LAST_YEAR_WORDS = re.compile(r"上年|去年|上年同期|去年同期")
# Checked after the growth words: 比上年同期增长 is growth; 上年同期, 去年同期数 and a bare 同期
# (本期 | 同期 | 增减%) are last year's same-period value.
_PRIOR_YEAR_WORDS = re.compile(r"同期|PRIOR", re.IGNORECASE)
_LEVEL_WORDS = re.compile(r"累计|绝对|完成|总量|金额|数值|本年|本期|LEVEL|值", re.IGNORECASE)

_NO_DATA = {"", "-", "--", "—", "——", "–", "/", "—-", "-—", "NA", "N/A", "NAN", "NONE", "无"}
_TINY = {"…", "……", "...", "⋯", "…."}
_SIGN_WORDS = {"增长": 1, "增加": 1, "上升": 1, "提高": 1, "下降": -1, "减少": -1, "回落": -1,
               "降低": -1}  # fmt: skip
_NUMBER = re.compile(
    r"(?P<word>增长|增加|上升|提高|下降|减少|回落|降低)?"
    r"(?P<num>[+-]?(?:\d+(?:\.\d*)?|\.\d+))(?P<unit>%|[^\d%]+)?"
)
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
_PAREN_UNIT = re.compile(r"\(([^()]*)\)\s*$")
_TABLE_UNIT = re.compile(r"单位[:：]\s*([^\s,，、;；)]+)")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.、]|\([一二三四五六七八九十\d]+\))")
_SUB_ITEM = re.compile(r"^(?:#|其中[:：]?|内:)")
_PRICE_BASIS = {
    **dict.fromkeys(("real", "可比价", "不变价", "实际"), "real"),
    **dict.fromkeys(("nominal", "现价", "当年价", "名义"), "nominal"),
}
_KNOWN_UNITS = {*schema.UNITS, "公斤"}  # as printed; conversions in muye_analysis.units
_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
_NOTE_SHEETS = re.compile(r"^(说明|注|notes?|readme)", re.IGNORECASE)


# -- small pure helpers --------------------------------------------------------------------------


def _is_empty(cell: Any) -> bool:
    if cell is None:
        return True
    if isinstance(cell, float) and math.isnan(cell):
        return True
    return isinstance(cell, str) and not cell.strip()


def _text(cell: Any) -> str:
    """A cell as normalised text (half-width, stripped); numbers as written."""
    if _is_empty(cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return to_halfwidth(str(cell)).strip()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _header_key(text: str) -> str:
    """Header text reduced for alias matching: no spaces, no (unit), no %, lower case."""
    key = re.sub(r"\s+", "", text)
    key = re.sub(r"\([^()]*\)", "", key)
    return key.replace("%", "").replace("％", "").lower()


def _unit_in_parens(text: str) -> str | None:
    match = _PAREN_UNIT.search(re.sub(r"\s+", "", text))
    if match and match.group(1) in _KNOWN_UNITS:
        return match.group(1)
    return None


def clean_indicator_name(text: str) -> tuple[str, bool, str | None]:
    """(name, is of-which sub-item, unit in parentheses) of an indicator cell.

    >>> clean_indicator_name("  #其中：税收收入（亿元）")
    ('税收收入', True, '亿元')
    """
    name = re.sub(r"\s+", "", to_halfwidth(text))
    sub = False
    while True:
        stripped = _SUB_ITEM.sub("", name)
        if stripped == name:
            break
        sub, name = True, stripped
    unit = _unit_in_parens(name)
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
class BadCell:
    """A spreadsheet cell that shows an error (#DIV/0!) or a formula with no saved result: read
    as no text, and refused, with ``problem`` and ``fix``, where a number is wanted."""

    problem: str
    fix: str

    def __str__(self) -> str:
        return ""


class _CellError(ValueError):
    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.problem, self.fix = problem, fix


def parse_number(cell: Any) -> ParsedNumber:
    """Read a statistical-table cell: 12.5, "１２．５", "78.8亿元", "下降3.9%", "持平", "…", "—".

    >>> parse_number("下降3.9%")
    ParsedNumber(value=-3.9, marker='', unit='%', percent_sign=True)
    >>> parse_number("…").marker
    'tiny'
    """
    if _is_empty(cell):
        return ParsedNumber(None)
    if isinstance(cell, BadCell):
        raise _CellError(cell.problem, cell.fix)
    if isinstance(cell, bool) or not isinstance(cell, (int, float, str)):
        raise _CellError(
            f"{cell!r} is not a number.", "type the number (a date or formula is not one)."
        )
    if isinstance(cell, (int, float)):
        return ParsedNumber(float(cell))
    text = re.sub(r"\s+", "", to_halfwidth(cell))
    if text.upper() in _NO_DATA:
        return ParsedNumber(None)
    if text in _TINY:  # smaller than the table's unit: a tiny value, not a missing one
        return ParsedNumber(0.0, marker="tiny")
    if text == "持平":
        return ParsedNumber(0.0)
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise _CellError(
            f"text {cell!r} in a numeric cell.",
            "type a number (12.5, 下降3.9%, 持平), … for a value below the table's unit, "
            "or — / leave it blank for no data.",
        )
    value = float(match["num"])
    if match["word"]:
        if value < 0:
            raise _CellError(f"{cell!r} has both a sign word and a minus sign.", "keep one.")
        value *= _SIGN_WORDS[match["word"]]
    unit = match["unit"]
    if unit is not None and unit not in _KNOWN_UNITS:
        raise _CellError(
            f"unknown unit {unit!r} in {cell!r}.",
            f"use one of {', '.join(sorted(_KNOWN_UNITS))}, or convert the value.",
        )
    return ParsedNumber(value, unit=unit, percent_sign=unit == "%")


def parse_price_basis(text: str) -> str | None:
    """real / nominal from real, 可比价, 不变价 / nominal, 现价, 当年价; None when blank."""
    key = re.sub(r"\s+", "", text).lower()
    if not key:
        return None
    if key not in _PRICE_BASIS:
        raise _CellError(
            f"unknown price basis {text!r}.",
            "write real (可比价) or nominal (现价), or leave it blank.",
        )
    return _PRICE_BASIS[key]


def parse_number_or_none(cell: Any) -> float | None:
    """The value of a cell, or None when it is blank, a no-data mark or not a number."""
    try:
        return parse_number(cell).value
    except _CellError:
        return None


def _blank(cell: Any) -> bool:
    """Blank or a no-data mark (—, -, /): nothing to store."""
    if _is_empty(cell):
        return True
    return isinstance(cell, str) and re.sub(r"\s+", "", to_halfwidth(cell)).upper() in _NO_DATA
