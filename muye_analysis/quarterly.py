"""Ingest year-to-date statistics (CSV or Excel) into the processed store.

Two layouts are read (``data/quarterly/README.md`` shows both):

* **tidy**, as in ``data/quarterly/template.csv``: one row per indicator and period, columns
  ``indicator, year, period, level, unit, growth_pct, price_basis, source`` (Chinese headers such
  as 指标, 时期, 累计值, 单位, 累计增长(%) are accepted);
* **bureau tables**: indicators down the side, periods or 累计值/增长% pairs across, a title row
  above (which may carry the period, the year and 单位：亿元), header cells merged over two rows.

Every value is normalised (full-width digits, 万元 -> the registry unit, 持平 = 0, 下降3.9% = -3.9,
"…" = below the table's unit, "—" or blank = no data), validated (known indicator, no duplicate
period, cumulative flow levels not falling within a year, growth in a plausible range and in
percent rather than fractions) and written to ``config.processed_dir() / "quarterly.csv"``: one
row per indicator x year x period-end month x measure, with the file, sheet, row, column and
SHA-256 of the raw file it came from. The store is replaced atomically and only after everything
has passed, so an error leaves it exactly as it was; raw files are only ever read.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis import config, schema, units
from muye_analysis.atomic import atomic_path
from muye_analysis.errors import DataError
from muye_analysis.periods import (
    HOW_TO_GIVE_A_YEAR,
    BareMonthError,
    Period,
    PeriodError,
    find_period,
    find_year,
    parse_period,
)
from muye_analysis.text import to_halfwidth

if TYPE_CHECKING:
    import pandas as pd

STORE_NAME = "quarterly.csv"
STORE_COLUMNS = (
    "indicator", "year", "end_month", "period", "measure", "value", "unit", "price_basis",
    "sub_item", "marker", "source", "file", "sheet", "row", "column", "checksum",
)  # fmt: skip
KEY = ("indicator", "year", "end_month", "measure")
MEASURES = ("level", "growth")
TEMPLATE_COLUMNS = (
    "indicator", "year", "period", "level", "unit", "growth_pct", "price_basis", "source",
)  # fmt: skip
DATA_SUFFIXES = (".csv", ".xlsx", ".xls")

# Year-to-date growth below -100% is impossible (the level would be negative); above +500% is
# a typo in practice (a district's cumulative growth, even in 1-2月 from a small base).
GROWTH_RANGE_PCT = (-100.0, 500.0)
# Tolerance when a stored value is compared with a re-ingested one (values pass through unit
# conversion and a CSV round trip).
SAME_VALUE_RTOL = 1e-9
# How far down a sheet the header row may sit (title and unit rows come above it).
HEADER_SEARCH_ROWS = 30
ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")  # gb18030 last: it decodes UTF-8 bytes as garbage

_ALIASES = {
    "indicator": {"indicator", "指标", "指标名称", "指标名", "项目", "项目名称", "名称"},
    "period": {"period", "时期", "期间", "时间", "报告期", "统计期", "期别"},
    "year": {"year", "年份", "年"},
    "level": {"level", "累计值", "本年累计", "累计", "绝对值", "数值", "完成值", "累计完成",
              "本期累计", "本年累计完成"},
    "unit": {"unit", "单位", "计量单位"},
    "growth": {"growth", "growth_pct", "growthpct", "增长", "增速", "累计增长", "同比增长",
               "累计同比", "累计同比增长", "增长率", "累计增速", "同比增速", "比上年同期增长",
               "比上年增长"},
    "price_basis": {"price_basis", "价格口径", "口径", "价格基础"},
    "source": {"source", "来源", "资料来源", "数据来源"},
    "note": {"note", "备注", "说明", "注"},
    "ignore": {"序号", "编号", "no", "no.", "rank", "位次", "排名", "名次", "排序", "全市位次"},
}  # fmt: skip
_ALIAS_OF = {alias: role for role, aliases in _ALIASES.items() for alias in aliases}

# Bureau-table header words. Growth first: 比上年同期增长% is a growth rate, 上年同期 alone is
# last year's level (not stored: a revised base would clash with the published one).
_SKIP_WORDS = re.compile(r"目标|计划|位次|排名|名次|排序|备注|说明|序号|本月(?!止)|当月")
_GROWTH_WORDS = re.compile(r"增长|增速|同比|增减|增幅|GROWTH", re.IGNORECASE)
_LAST_YEAR_WORDS = re.compile(r"上年|去年|上年同期|去年同期")
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


# -- the registry --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Indicator:
    id: str
    unit: str | None
    flow: bool
    growth_basis: str | None


@dataclass
class RegistryIndex:
    """Registry ids, Chinese names, short names and synonyms -> indicator."""

    by_name: dict[str, _Indicator | None]
    examples: list[str]

    @classmethod
    def from_frame(cls, registry: pd.DataFrame) -> RegistryIndex:
        by_name: dict[str, _Indicator | None] = {}
        for row in registry.to_dict("records"):
            info = _Indicator(
                id=str(row["indicator"]),
                unit=_str_or_none(row.get("unit")),
                flow=_is_true(row.get("flow")),
                growth_basis=_str_or_none(row.get("growth_basis")),
            )
            synonyms = _str_or_none(row.get("synonyms_zh")) or ""
            names = {info.id, row.get("name_zh"), row.get("short_zh"), *synonyms.split("|")}
            for name in names:
                name = _str_or_none(name)
                if name is None:
                    continue
                key = clean_indicator_name(name)[0].lower()
                # A name two indicators share cannot identify either.
                if key in by_name and by_name[key] is not None and by_name[key] != info:
                    by_name[key] = None
                else:
                    by_name.setdefault(key, info)
        examples = [str(n) for n in registry["name_zh"].head(6)]
        return cls(by_name, examples)

    def lookup(self, name: str) -> _Indicator | str | None:
        """The indicator, None if unknown, or "ambiguous"."""
        key = name.lower()
        if key not in self.by_name:
            return None
        return self.by_name[key] or "ambiguous"


def _is_true(value: Any) -> bool:
    """True for True, "true", "True" or "1" (a registry read as text or typed); else False."""
    return (_str_or_none(value) or "").lower() in ("true", "1")


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or None


def default_registry() -> pd.DataFrame:
    """The project's indicator registry (``muye_analysis.dataset.load_registry``)."""
    from muye_analysis.dataset import load_registry

    return load_registry()


# -- reading files into grids ------------------------------------------------------------------


@dataclass
class _Sheet:
    path: Path
    name: str  # sheet name; "" for CSV
    rows: list[list[Any]]


def decode_csv_bytes(data: bytes, path: Path) -> str:
    """Decode a CSV: utf-8-sig, then utf-8, then gb18030 (GBK exports of Chinese Windows)."""
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


def _read_csv(path: Path, data: bytes) -> list[_Sheet]:
    text = decode_csv_bytes(data, path)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return [_Sheet(path, "", rows)]


def _read_excel(path: Path) -> list[_Sheet]:
    import pandas as pd

    try:
        frames = pd.read_excel(path, sheet_name=None, header=None, engine="calamine")
    except Exception as exc:  # calamine raises its own types for broken or encrypted files
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
        sheets.append(_Sheet(path, str(name), rows))
    return sheets


def read_sheets(path: Path) -> tuple[list[_Sheet], str]:
    """The sheets of a CSV or Excel file as lists of rows, and the file's SHA-256."""
    data = path.read_bytes()  # read once: the checksum and the parse see the same bytes
    checksum = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, data), checksum
    if suffix in (".xlsx", ".xls", ".xlsm"):
        return _read_excel(path), checksum
    raise DataError(
        f"unsupported file type {suffix!r}.",
        file=path,
        row=1,
        column="A",
        fix="give a .csv, .xlsx or .xls file.",
    )


# -- locating cells ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    path: Path
    sheet: str
    row: int  # as a spreadsheet shows it (first row = 1)
    column: str  # header text (or a column letter when there is no header)

    def fail(self, problem: str, fix: str) -> DataError:
        prefix = f"sheet {self.sheet!r}: " if self.sheet else ""
        return DataError(
            prefix + problem, file=self.path, row=self.row, column=self.column, fix=fix
        )


@dataclass
class _Context:
    """What a sheet says once for all its cells."""

    sheet: _Sheet
    checksum: str
    registry: RegistryIndex
    year: int | None  # the caller's year= default
    title_year: int | None = None
    title_period: tuple[int | None, int] | None = None
    table_unit: str | None = None
    title: str = ""


def _record(
    ctx: _Context,
    where: _Where,
    info: _Indicator,
    period: Period,
    measure: str,
    number: ParsedNumber,
    *,
    unit: str | None,
    price_basis: str | None,
    sub_item: bool,
    source: str,
    period_column: str | None = None,
) -> dict[str, Any]:
    """One validated store row from one cell (plus private keys used while validating)."""
    value = number.value
    if measure == "growth":
        value, stored_unit, basis = _check_growth(where, info, number, price_basis)
    else:
        value, stored_unit = _convert_level(where, info, number, unit)
        basis = "nominal" if units.dimension(stored_unit or "") == "money" else None
    return {
        "indicator": info.id,
        "year": period.year,
        "end_month": period.end_month,
        "period": period.label("zh"),
        "measure": measure,
        "value": value,
        "unit": stored_unit,
        "price_basis": basis,
        "sub_item": sub_item,
        "marker": number.marker,
        "source": source,
        "file": where.path.name,
        "sheet": where.sheet,
        "row": where.row,
        "column": where.column,
        "checksum": ctx.checksum,
        "_percent_sign": number.percent_sign,
        "_period_column": period_column or where.column,
    }


def _check_growth(
    where: _Where, info: _Indicator, number: ParsedNumber, price_basis: str | None
) -> tuple[float, str, str | None]:
    if number.unit not in (None, "%"):
        raise where.fail(
            f"a growth rate cannot be in {number.unit}.",
            "put the level in the level (累计值) column and the growth in percent here.",
        )
    low, high = GROWTH_RANGE_PCT
    value = float(number.value)  # type: ignore[arg-type]
    if not low < value <= high:
        raise where.fail(
            f"growth of {value:g}% is outside the plausible range ({low:g}%, {high:g}%].",
            "check the sign, the decimal point and that the column holds growth in percent.",
        )
    return value, "%", price_basis or info.growth_basis


def _convert_level(
    where: _Where, info: _Indicator, number: ParsedNumber, unit: str | None
) -> tuple[float, str | None]:
    value = float(number.value)  # type: ignore[arg-type]
    if unit is None:
        if info.unit in (None, "%") or units.dimension(info.unit) is None:
            unit = info.unit  # a rate or a count: its unit cannot be confused
        else:
            raise where.fail(
                f"the level has no unit (the registry unit of {info.id} is {info.unit}).",
                "fill the unit column (亿元 or 万元), or write the unit in the header "
                "(累计值(亿元)) or in the title row (单位：亿元).",
            )
    if unit == "%" and info.unit != "%":
        raise where.fail(
            f"a percentage in the level of {info.id} (measured in {info.unit}).",
            "put growth rates in the growth column (增长%), and levels with their unit here.",
        )
    if unit != info.unit:
        try:
            value = units.convert(value, unit, info.unit or "")
        except ValueError as exc:
            raise where.fail(
                f"cannot convert {unit} to {info.unit}, the unit of {info.id} ({exc}).",
                f"give the level in {info.unit} or a unit of the same kind.",
            ) from None
    if info.flow and value < 0:
        raise where.fail(
            f"a negative cumulative level ({value:g}) for a flow indicator.", "check the sign."
        )
    return value, info.unit


def _resolve_unit(
    where: _Where, explicit: dict[str, str | None], default: str | None
) -> str | None:
    """The one unit the cell, row and column agree on; the table's 单位 is only a default."""
    given = {source: u for source, u in explicit.items() if u}
    if len(set(given.values())) > 1:
        listed = ", ".join(f"{u} ({source})" for source, u in given.items())
        raise where.fail(f"conflicting units: {listed}.", "make them agree, or remove one.")
    return next(iter(given.values()), default)


def _lookup(ctx: _Context, where: _Where, raw_name: str) -> tuple[_Indicator, bool, str | None]:
    name, sub, unit = clean_indicator_name(raw_name)
    found = ctx.registry.lookup(name)
    if found == "ambiguous":
        raise where.fail(
            f"indicator name {name!r} belongs to more than one registry indicator.",
            "use the registry id (e.g. retail_sales) instead.",
        )
    if found is None:
        examples = "、".join(ctx.registry.examples)
        raise where.fail(
            f"unknown indicator {raw_name.strip()!r}.",
            f"use a registry id or Chinese name (e.g. {examples}), add the name to synonyms_zh "
            "in data/curated/registry.csv, or delete the row.",
        )
    return found, sub, unit  # type: ignore[return-value]


def _parse_cell(where: _Where, cell: Any) -> ParsedNumber:
    try:
        return parse_number(cell)
    except _CellError as exc:
        raise where.fail(exc.problem, exc.fix) from None


def _resolve_period(where: _Where, label: Any, year: int | None) -> Period:
    try:
        return parse_period(_text(label), year=year)
    except PeriodError as exc:
        raise where.fail(str(exc), "write a year-to-date label such as 2024年1-3月.") from None


def _parse_year(where: _Where, cell: Any) -> int | None:
    text = _text(cell)
    if not text:
        return None
    found = find_year(text)
    if found is None or not re.fullmatch(r"\d{4}年?", text):
        raise where.fail(f"{text!r} is not a year.", "write a four-digit year such as 2024.")
    return found


# -- sheet layouts -------------------------------------------------------------------------------


def _blank(cell: Any) -> bool:
    """Blank or a no-data mark (—, -, /): nothing to store."""
    if _is_empty(cell):
        return True
    return isinstance(cell, str) and re.sub(r"\s+", "", to_halfwidth(cell)).upper() in _NO_DATA


def _find_header(sheet: _Sheet) -> int:
    for i, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        if any(_ALIAS_OF.get(_header_key(_text(c))) == "indicator" for c in row):
            return i
    raise _Where(sheet.path, sheet.name, 1, "A").fail(
        "no header row with an indicator column (indicator / 指标 / 指标名称 / 项目) "
        f"in the first {HEADER_SEARCH_ROWS} rows.",
        "start the table with a header row; see data/quarterly/template.csv.",
    )


def _roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for j, text in enumerate(header):
        role = _ALIAS_OF.get(_header_key(text))
        if role is not None and role not in roles:
            roles[role] = j
    return roles


def _read_title(ctx: _Context, rows: list[list[Any]]) -> None:
    """Period, year and 单位 from the rows above the header (a title such as 2024年1-9月…)."""
    texts = []
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            text = _text(cell)
            if not text:
                continue
            texts.append(text)
            try:
                found = find_period(_DATE.sub("", text))  # 制表日期 2024年10月15日 is no period
            except BareMonthError as exc:
                # A monthly report's title (2024年9月主要经济指标) dates its 本年累计 columns:
                # the year to date through that month.
                found = (exc.year, exc.month)
            except PeriodError as exc:
                where = _Where(ctx.sheet.path, ctx.sheet.name, i + 1, _column_letter(j))
                raise where.fail(str(exc), "give the year-to-date span in the title.") from None
            if found and ctx.title_period is None:
                ctx.title_period = found
            if ctx.title_year is None:
                ctx.title_year = find_year(text)
            unit = _TABLE_UNIT.search(text)
            if unit and ctx.table_unit is None and unit.group(1) in _KNOWN_UNITS:
                ctx.table_unit = unit.group(1)
    ctx.title = " ".join(texts)
    if ctx.title_period and ctx.title_period[0] is not None:
        ctx.title_year = ctx.title_period[0]


def _parse_tidy(ctx: _Context, header_at: int, roles: dict[str, int]) -> list[dict[str, Any]]:
    """One row per indicator and period (the template's layout)."""
    sheet = ctx.sheet
    header = [_text(c) for c in sheet.rows[header_at]]
    name_of = {role: header[j] for role, j in roles.items()}
    level_unit = _unit_in_parens(name_of.get("level", ""))
    if "level" not in roles and "growth" not in roles:
        raise _Where(sheet.path, sheet.name, header_at + 1, "level").fail(
            "no value column: neither a level (累计值) nor a growth (增长%) column.",
            f"use the template's header: {','.join(TEMPLATE_COLUMNS)}.",
        )
    if "level" in roles and "unit" not in roles and not level_unit and not ctx.table_unit:
        raise _Where(sheet.path, sheet.name, header_at + 1, "unit").fail(
            "missing column 'unit': the levels need their unit.",
            "add a unit column (亿元, 万元…), or write it in the header: level(亿元).",
        )
    records = []
    for i in range(header_at + 1, len(sheet.rows)):
        row = sheet.rows[i]

        def cell(role: str, row: list[Any] = row) -> Any:
            j = roles.get(role)
            return row[j] if j is not None and j < len(row) else None

        if all(_blank(cell(r)) for r in ("level", "growth")):
            continue  # blank rows, section headings and rows with no data store nothing
        at = {role: _Where(sheet.path, sheet.name, i + 1, name) for role, name in name_of.items()}
        raw_name = _text(cell("indicator"))
        if not raw_name:
            raise at["indicator"].fail("a value without an indicator name.", "fill in the name.")
        info, sub, name_unit = _lookup(ctx, at["indicator"], raw_name)
        year = _parse_year(at["year"], cell("year")) if "year" in at else None
        period = _resolve_period(at["period"], cell("period"), year or ctx.title_year or ctx.year)
        if year is not None and period.year != year:
            raise at["period"].fail(
                f"the label says {period.year} but the year column says {year}.",
                "make the year column and the period label agree.",
            )
        basis = _price_basis_of(at.get("price_basis"), cell("price_basis"), info)
        source = _text(cell("source")) or ctx.title
        unit_cell = _text(cell("unit")) or None
        for measure in MEASURES:
            if measure not in roles:
                continue
            number = _parse_cell(at[measure], cell(measure))
            if number.value is None:
                continue
            unit = None
            if measure == "level":
                if unit_cell is not None and unit_cell not in _KNOWN_UNITS:
                    raise at["unit"].fail(
                        f"unknown unit {unit_cell!r}.",
                        f"use one of {', '.join(sorted(_KNOWN_UNITS))}.",
                    )
                explicit = {"cell": number.unit, "unit column": unit_cell,
                            "indicator name": name_unit, "header": level_unit}  # fmt: skip
                unit = _resolve_unit(at[measure], explicit, ctx.table_unit)
            records.append(
                _record(
                    ctx,
                    at[measure],
                    info,
                    period,
                    measure,
                    number,
                    unit=unit,
                    price_basis=basis,
                    sub_item=sub,
                    source=source,
                    period_column=at["period"].column,
                )
            )
    return records


def parse_number_or_none(cell: Any) -> float | None:
    """The value of a cell, or None when it is blank, a no-data mark or not a number."""
    try:
        return parse_number(cell).value
    except _CellError:
        return None


def _price_basis_of(where: _Where | None, cell: Any, info: _Indicator) -> str | None:
    """The price basis of the row's growth rate, which must be the indicator's published one."""
    if where is None:
        return None
    try:
        basis = parse_price_basis(_text(cell))
    except _CellError as exc:
        raise where.fail(exc.problem, exc.fix) from None
    if basis and info.growth_basis and basis != info.growth_basis:
        zh = "可比价" if info.growth_basis == "real" else "现价"
        raise where.fail(
            f"{info.id} growth is published as {info.growth_basis} ({zh}), not {basis}.",
            f"give the {info.growth_basis} growth rate, or correct the price basis.",
        )
    return basis


@dataclass
class _Header:
    """The header block of a bureau table: one row, or two with merged cells above."""

    upper: list[str]  # merged cells filled rightwards
    lower: list[str]
    top: int  # 0-based index of the first header row
    first_data: int  # 0-based index of the first data row
    roles: dict[str, int]  # indicator, unit, … -> its (first) column
    role_columns: dict[int, str]  # every column that holds no values -> its role

    @property
    def row(self) -> int:
        """The last header row as a spreadsheet numbers it."""
        return self.first_data

    def text(self, j: int) -> str:
        return " ".join(t for t in (self.upper[j], self.lower[j]) if t)


def _looks_like_column_header(text: str) -> bool:
    try:
        has_period = find_period(text) is not None
    except PeriodError:
        has_period = True
    return has_period or bool(_GROWTH_WORDS.search(text) or _LEVEL_WORDS.search(text))


def _is_lower_header(row: list[Any], indicator_col: int) -> bool:
    """A second header row: no indicator name, some text, and no numbers."""
    if indicator_col < len(row) and _text(row[indicator_col]):
        return False
    cells = [c for c in row if not _is_empty(c)]
    return bool(cells) and all(
        isinstance(c, str) and parse_number_or_none(c) is None for c in cells
    )


def _header_block(sheet: _Sheet, at: int) -> _Header:
    rows = sheet.rows
    width = max(len(r) for r in rows)

    def texts(i: int) -> list[str]:
        row = rows[i] if 0 <= i < len(rows) else []
        return [_text(row[j]) if j < len(row) else "" for j in range(width)]

    here = texts(at)
    ind = _roles(here)["indicator"]
    above = texts(at - 1)
    if sum(_looks_like_column_header(t) for t in above[ind + 1 :] if t) >= 2:
        upper, lower, top, first = above, here, at - 1, at + 1  # periods above 累计值|增长%
    elif at + 1 < len(rows) and _is_lower_header(rows[at + 1], ind):
        upper, lower, top, first = here, texts(at + 1), at, at + 2
    else:
        upper, lower, top, first = here, [""] * width, at, at + 1
    roles: dict[str, int] = {}
    role_columns: dict[int, str] = {}
    for j in range(width):
        role = _ALIAS_OF.get(_header_key(lower[j])) or _ALIAS_OF.get(_header_key(upper[j]))
        if role in _WIDE_ROLES:
            role_columns[j] = role
            roles.setdefault(role, j)
    filled, last = [], ""
    for j, text in enumerate(upper):  # a merged cell keeps its text in its first column only
        if j <= ind or j in role_columns:
            last = ""
            filled.append(text)
        else:
            last = text or last
            filled.append(last)
    return _Header(filled, lower, top, first, roles, role_columns)


# Columns of a bureau table that are not values (累计值 and 增长% are values there).
_WIDE_ROLES = {"indicator", "unit", "year", "price_basis", "source", "note", "ignore"}


def _classify_column(
    ctx: _Context, where: _Where, j: int, upper: str, lower: str, beside: Period | None
) -> _Column | str:
    """The period, measure and unit a data column holds, or why it is skipped.

    A column's period is its header's; else, for a measure header such as 增长% right after a
    period column (1-9月 | 增长%), that column's (``beside``); else the title's.
    """
    text = f"{upper} {lower}".strip()
    if _SKIP_WORDS.search(text):
        return "not year-to-date data (a target, rank, note or a single month)"
    measure = None
    if _GROWTH_WORDS.search(text):
        measure = "growth"
    elif _LAST_YEAR_WORDS.search(text):
        return "last year's figure (not stored: it may be a revised base)"
    elif _LEVEL_WORDS.search(text):
        measure = "level"
    try:
        found = find_period(upper) or find_period(lower)
    except PeriodError as exc:
        raise where.fail(str(exc), "label the column with a year-to-date span.") from None
    if found is None and measure is not None and beside is not None:
        found = (beside.year, beside.end_month)
    found = found or ctx.title_period
    if found is None:
        raise where.fail(
            f"column {text!r} has no period.",
            "put the period in the header (1-3月累计值), in the title row above the header "
            "(2024年1-3月主要经济指标), or use one row per indicator and period with a "
            "'period' column (see data/quarterly/template.csv).",
        )
    year = found[0] or ctx.title_year or ctx.year
    if year is None:
        raise where.fail(f"the period of column {text!r} has no year.", HOW_TO_GIVE_A_YEAR)
    unit = _unit_in_parens(lower) or _unit_in_parens(upper)
    return _Column(j, text, Period(year, found[1]), measure, unit)


@dataclass
class _Column:
    index: int
    header: str
    period: Period
    measure: str | None  # level, growth, or None: decided by the row's unit
    unit: str | None


def _parse_wide(ctx: _Context, header_at: int) -> tuple[list[dict[str, Any]], list[str]]:
    """Indicators down the side; periods, or 累计值/增长% pairs, across."""
    sheet = ctx.sheet
    head = _header_block(sheet, header_at)
    _read_title(ctx, sheet.rows[: head.top])
    columns, skipped = [], []
    for j in range(len(head.upper)):
        if head.role_columns.get(j) in ("note", "ignore"):
            skipped.append(f"{head.text(j)} (not data: a number, rank or note)")
        if j in head.role_columns:
            continue
        text = head.text(j)
        if not text:
            if any(j < len(r) and not _is_empty(r[j]) for r in sheet.rows[head.first_data :]):
                raise _Where(sheet.path, sheet.name, head.row, _column_letter(j)).fail(
                    "values under an empty header.", "write the period and measure in the header."
                )
            continue
        where = _Where(sheet.path, sheet.name, head.row, text)
        beside = columns[-1].period if columns else None
        col = _classify_column(ctx, where, j, head.upper[j], head.lower[j], beside)
        if isinstance(col, str):
            skipped.append(f"{text} ({col})")
        else:
            columns.append(col)
    return _wide_records(ctx, head, columns), skipped


def _wide_records(ctx: _Context, head: _Header, columns: list[_Column]) -> list[dict[str, Any]]:
    sheet = ctx.sheet
    ind = head.roles["indicator"]
    optional = {r: head.roles.get(r) for r in ("unit", "year", "price_basis", "source")}
    records = []
    for i in range(head.first_data, len(sheet.rows)):
        row = sheet.rows[i]

        def cell(j: int | None, row: list[Any] = row) -> Any:
            return row[j] if j is not None and j < len(row) else None

        if all(_blank(cell(c.index)) for c in columns):
            continue  # section headings (一、工业), 其中：, footnotes, blank rows

        def at(column: str, i: int = i) -> _Where:
            return _Where(sheet.path, sheet.name, i + 1, column)

        raw_name = _text(cell(ind))
        if not raw_name:
            raise at(head.text(ind)).fail("values without an indicator name.", "fill in the name.")
        info, sub, name_unit = _lookup(ctx, at(head.text(ind)), raw_name)
        row_unit = None
        if optional["unit"] is not None:
            row_unit = _text(cell(optional["unit"])) or None
            if row_unit is not None and row_unit not in _KNOWN_UNITS:
                raise at(head.text(optional["unit"])).fail(
                    f"unknown unit {row_unit!r}.", f"use one of {', '.join(sorted(_KNOWN_UNITS))}."
                )
        row_year = None
        if optional["year"] is not None:
            row_year = _parse_year(at(head.text(optional["year"])), cell(optional["year"]))
        basis = None
        if optional["price_basis"] is not None:
            j = optional["price_basis"]
            basis = _price_basis_of(at(head.text(j)), cell(j), info)
        source = _text(cell(optional["source"])) or ctx.title
        for col in columns:
            where = at(col.header)
            number = _parse_cell(where, cell(col.index))
            if number.value is None:
                continue
            unit = None
            if col.measure != "growth":
                explicit = {"cell": number.unit, "header": col.unit, "unit column": row_unit,
                            "indicator name": name_unit}  # fmt: skip
                unit = _resolve_unit(where, explicit, ctx.table_unit)
            measure = col.measure or ("growth" if unit == "%" and info.unit != "%" else "level")
            period = col.period if row_year is None else Period(row_year, col.period.end_month)
            records.append(
                _record(
                    ctx,
                    where,
                    info,
                    period,
                    measure,
                    number,
                    unit=unit,
                    price_basis=basis,
                    sub_item=sub,
                    source=source,
                )
            )
    return records


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


# -- validation across rows ------------------------------------------------------------------


def _key(record: dict[str, Any]) -> tuple:
    return (record["indicator"], record["year"], record["end_month"], record["measure"])


def _where_of(record: dict[str, Any], column: str | None = None) -> _Where:
    return _Where(record["_path"], record["sheet"], record["row"], column or record["column"])


def _describe(record: dict[str, Any]) -> str:
    return f"{record['indicator']} {record['period']} {record['measure']}"


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=SAME_VALUE_RTOL, abs_tol=1e-12)


def _drop_duplicates(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per key: a repeat within a file is an error, across files only if it differs."""
    seen: dict[tuple, dict[str, Any]] = {}
    for record in records:
        key = _key(record)
        first = seen.get(key)
        if first is None:
            seen[key] = record
            continue
        if first["_path"] == record["_path"]:
            raise _where_of(record, record["_period_column"]).fail(
                f"duplicate period: {_describe(record)} is also given on row {first['row']}, "
                f"column {first['_period_column']!r}"
                + (f" of sheet {first['sheet']!r}." if first["sheet"] else "."),
                "keep one of them (一季度 and 1-3月 are the same period).",
            )
        if not _same(first["value"], record["value"]):
            raise _where_of(record).fail(
                f"{_describe(record)} is {record['value']:g} here but {first['value']:g} in "
                f"{first['file']} (row {first['row']}, column {first['column']!r}).",
                "ingest the files one at a time, with --replace for the revised one.",
            )
    return list(seen.values())


def _check_fractions(records: list[dict[str, Any]]) -> None:
    """A growth column with every value inside (-1, 1) holds fractions (0.05), not percent (5)."""
    columns: dict[tuple, list[dict[str, Any]]] = {}
    for record in records:
        if record["measure"] == "growth":
            columns.setdefault((record["_path"], record["sheet"], record["column"]), []).append(
                record
            )
    for group in columns.values():
        values = [r["value"] for r in group]
        if any(r["_percent_sign"] for r in group) or not any(values):
            continue
        if all(-1 < v < 1 for v in values):
            first = next(r for r in group if r["value"] != 0)
            raise _where_of(first).fail(
                f"every growth rate in this column lies between -1 and 1 ({first['value']:g} "
                "here): they look like fractions (0.05 for 5%), not percent.",
                "multiply the column by 100 (Excel percent-formatted cells store fractions); if "
                "the growth really is below 1% everywhere, write it with a percent sign (0.2%).",
            )


def _check_flows_not_falling(
    records: list[dict[str, Any]], stored: dict[tuple, dict[str, Any]], flows: set[str]
) -> None:
    """Year-to-date levels of flow indicators (GDP, retail sales…) cannot fall within a year."""
    merged = dict(stored)
    merged.update({_key(r): r for r in records})
    series: dict[tuple, list[dict[str, Any]]] = {}
    for record in merged.values():
        if record["measure"] == "level" and record["indicator"] in flows:
            series.setdefault((record["indicator"], record["year"]), []).append(record)
    for group in series.values():
        group.sort(key=lambda r: r["end_month"])
        for earlier, later in itertools.pairwise(group):
            if later["value"] >= earlier["value"] or _same(later["value"], earlier["value"]):
                continue
            culprit = later if "_path" in later else earlier
            other = earlier if culprit is later else later
            where_other = (
                f"row {other['row']}" if "_path" in other else f"the store ({other['file']})"
            )
            raise _where_of(culprit).fail(
                f"the cumulative level of {later['indicator']} falls from {earlier['value']:g} "
                f"({earlier['period']}) to {later['value']:g} ({later['period']}; other value: "
                f"{where_other}); year-to-date levels of a flow cannot fall.",
                "check the period labels, the units (万元 vs 亿元) and that the values are "
                "cumulative from January.",
            )


# -- the store -------------------------------------------------------------------------------


def store_path(store_dir: str | Path | None = None) -> Path:
    """Where the processed store lives: ``config.processed_dir() / "quarterly.csv"``."""
    return Path(store_dir or config.processed_dir()) / STORE_NAME


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    out = df.reindex(columns=list(STORE_COLUMNS))
    out = out.astype(
        {
            "indicator": "string",
            "year": "Int64",
            "end_month": "Int64",
            "period": "string",
            "measure": pd.CategoricalDtype(list(MEASURES)),
            "value": "Float64",
            "unit": "string",
            "price_basis": pd.CategoricalDtype(list(schema.PRICE_BASES)),
            "sub_item": "boolean",
            "marker": "string",
            "source": "string",
            "file": "string",
            "sheet": "string",
            "row": "Int64",
            "column": "string",
            "checksum": "string",
        }
    )
    return out.sort_values(list(KEY), ignore_index=True)


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    clean = [{k: r[k] for k in STORE_COLUMNS} for r in records]
    df = pd.DataFrame(clean, columns=list(STORE_COLUMNS))
    for column in ("marker", "sheet", "source", "unit", "price_basis"):
        df[column] = df[column].replace("", None)
    return _typed(df)


def read_store(store_dir: str | Path | None = None) -> pd.DataFrame:
    """Every year-to-date figure ingested so far (empty, with the columns, if none)."""
    return _frame(list(_stored_records(store_path(store_dir)).values()))


def _stored_records(path: Path) -> dict[tuple, dict[str, Any]]:
    """The store as plain records keyed by KEY (the csv module: pandas is slower here)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in STORE_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(
                f"the processed store lacks column(s) {', '.join(missing)}.",
                file=path,
                row=1,
                column=missing[0],
                fix="delete the store and ingest the raw files again (it is rebuilt from them).",
            )
        records = {}
        for line in reader:
            record: dict[str, Any] = {k: (v if v != "" else None) for k, v in line.items()}
            for column in ("year", "end_month", "row"):
                record[column] = int(line[column]) if line[column] else None
            record["value"] = float(line["value"])
            record["sub_item"] = line["sub_item"] == "True"
            records[_key(record)] = record
    return records


def _write_store(records: list[dict[str, Any]], path: Path) -> None:
    """Write the store sorted by KEY, atomically: a temporary file beside it, then a rename."""
    order = {m: i for i, m in enumerate(MEASURES)}
    rows = sorted(records, key=lambda r: (r["indicator"], r["year"], r["end_month"],
                                          order[r["measure"]]))  # fmt: skip
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(STORE_COLUMNS)
        for r in rows:
            # repr() of a float round-trips exactly, so a re-read compares equal.
            writer.writerow(
                repr(r[c]) if c == "value" else ("" if r[c] is None else r[c])
                for c in STORE_COLUMNS
            )


# -- public API --------------------------------------------------------------------------------


@dataclass
class IngestResult:
    """What an ingest did: counts, what was stored, columns skipped, and where."""

    files: list[Path]
    added: int
    replaced: int
    unchanged: int
    indicators: list[str]
    periods: list[str]
    store: Path
    skipped_columns: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)

    def summary(self, lang: str = "zh") -> str:
        """A few lines for the terminal."""
        n = self.added + self.replaced + self.unchanged
        if lang == "zh":
            lines = [
                f"读取 {len(self.files)} 个文件，{n} 个数值：新增 {self.added}，"
                f"替换 {self.replaced}，未变 {self.unchanged}"
                + ("" if self.changed else "（存储未改动）"),
                f"指标：{'、'.join(self.indicators)}",
                f"时期：{'、'.join(self.periods)}",
                f"存储：{self.store}",
            ]
            lines += [f"未读取的列：{s}" for s in self.skipped_columns]
        else:
            lines = [
                f"read {len(self.files)} file(s), {n} values: {self.added} added, "
                f"{self.replaced} replaced, {self.unchanged} unchanged"
                + ("" if self.changed else " (store not modified)"),
                f"indicators: {', '.join(self.indicators)}",
                f"periods: {', '.join(self.periods)}",
                f"store: {self.store}",
            ]
            lines += [f"column not read: {s}" for s in self.skipped_columns]
        return "\n".join(lines)


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


# Words that mark made-up figures in a store row's source or file name (the project's own test
# and example files say "synthetic"; Chinese users write 示例 / 模拟 / 测试).
SYNTHETIC_PATTERN = r"synthetic|合成|示例|模拟|虚构|测试|illustrat|example|dummy|fake|test data"


def is_synthetic(store: pd.DataFrame) -> pd.Series:
    """Boolean mask of store rows whose ``source`` or ``file`` marks them as made up: such rows
    never reach a briefing, and any chart drawn from them is stamped as synthetic."""
    words = store["source"].fillna("").astype(str) + " " + store["file"].fillna("").astype(str)
    return words.str.contains(SYNTHETIC_PATTERN, case=False, regex=True).astype(bool)


def has_data_files(folder: str | Path) -> bool:
    """Whether ``folder`` holds year-to-date files to ingest (templates and lock files aside)."""
    folder = Path(folder)
    return folder.is_dir() and any(_is_data_file(p) for p in folder.iterdir())


def _is_data_file(path: Path) -> bool:
    return (
        path.is_file()
        and path.suffix.lower() in DATA_SUFFIXES
        and not path.name.startswith(("~$", "."))
        and not path.stem.lower().startswith("template")
    )


def _registry_index(registry: pd.DataFrame | None) -> tuple[RegistryIndex, set[str]]:
    frame = default_registry() if registry is None else registry
    flows = {str(r["indicator"]) for r in frame.to_dict("records") if _is_true(r.get("flow"))}
    return RegistryIndex.from_frame(frame), flows


def _read_validated(
    path: str | Path, year: int | None, registry: pd.DataFrame | None
) -> tuple[list[Path], list[dict[str, Any]], list[str], set[str]]:
    index, flows = _registry_index(registry)
    files = data_files(path)
    records: list[dict[str, Any]] = []
    skipped: list[str] = []
    for file in files:
        got, skip = _parse_file(file, index, year)
        for record in got:
            record["_path"] = file
        records += got
        skipped += skip
    records = _drop_duplicates(records)
    _check_fractions(records)
    return files, records, skipped, flows


def read_quarterly(
    path: str | Path, *, year: int | None = None, registry: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Parse and validate a year-to-date file (or every file of a folder) without storing it.

    Returns the store's columns, one row per value. ``year`` is the year of labels that carry
    none (1-3月, 一季度); ``registry`` defaults to the project's indicator registry.
    Raises DataError naming the file, row and column of the first problem.
    """
    _, records, _, flows = _read_validated(path, year, registry)
    _check_flows_not_falling(records, {}, flows)
    return _frame(records)


def ingest_quarterly(
    path: str | Path,
    *,
    year: int | None = None,
    replace: bool = False,
    registry: pd.DataFrame | None = None,
    store_dir: str | Path | None = None,
) -> IngestResult:
    """Validate ``path`` and merge it into the processed store (what ``muye ingest`` runs).

    Values already stored unchanged are left alone, so ingesting a file twice changes nothing.
    A different value for a stored period is a DataError unless ``replace`` is true. The store
    is rewritten atomically and only when something changed; on any error it is untouched.
    """
    files, records, skipped, flows = _read_validated(path, year, registry)
    target = store_path(store_dir)
    stored = _stored_records(target)
    added = replaced = unchanged = 0
    merged = dict(stored)
    for record in records:
        key = _key(record)
        old = stored.get(key)
        if old is None:
            added += 1
        elif _same(old["value"], record["value"]):
            unchanged += 1
            continue  # keep the first provenance of an identical value
        elif replace:
            replaced += 1
        else:
            raise _where_of(record).fail(
                f"{_describe(record)} is {record['value']:g} here but {old['value']:g} in the "
                f"store (from {old['file']}, row {old['row']}, column {old['column']!r}).",
                "if this is a revision, ingest again with --replace (replace=True); "
                "otherwise correct the file.",
            )
        merged[key] = record
    _check_flows_not_falling(records, stored, flows)
    if added or replaced:
        _write_store(list(merged.values()), target)
    periods = sorted({Period(r["year"], r["end_month"]) for r in records})
    return IngestResult(
        files=files,
        added=added,
        replaced=replaced,
        unchanged=unchanged,
        indicators=sorted({r["indicator"] for r in records}),
        periods=[p.label("zh") for p in periods],
        store=target,
        skipped_columns=skipped,
    )


def load_quarterly(
    path: str | Path | None = None,
    *,
    year: int | None = None,
    replace: bool = False,
    registry: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Ingest ``path`` (a file or a folder) into the store, then return the whole store.

    With no path, just the store. The columns are ``STORE_COLUMNS``: indicator, year, end_month,
    period (2024年1-3月), measure (level in the registry unit / growth in percent), value, unit,
    price_basis, sub_item (an of-which item: never add it into a total), marker ("tiny" for a
    value printed as …), source, and file, sheet, row, column and checksum of the raw cell.
    """
    if path is not None:
        ingest_quarterly(path, year=year, replace=replace, registry=registry)
    return read_store()


def ytd_series(indicator: str, store: pd.DataFrame | None = None) -> pd.DataFrame:
    """One indicator's year-to-date figures, one row per period: year, end_month, period,
    level, growth (NA where not given). The input of ``muye_analysis.forecast``."""
    import pandas as pd

    store = read_store() if store is None else store
    rows = store[(store["indicator"] == indicator) & ~store["sub_item"].fillna(False)]
    wide = rows.pivot_table(
        index=["year", "end_month"], columns="measure", values="value", observed=False,
        aggfunc="first", dropna=False,
    ).reset_index()  # fmt: skip
    wide = wide.dropna(subset=[m for m in MEASURES if m in wide.columns], how="all")
    out = pd.DataFrame(
        {
            "year": wide["year"].astype("Int64"),
            "end_month": wide["end_month"].astype("Int64"),
        }
    )
    out["period"] = [
        Period(int(y), int(m)).label("zh")
        for y, m in zip(out["year"], out["end_month"], strict=True)
    ]
    for measure in MEASURES:
        out[measure] = wide[measure].astype("Float64") if measure in wide else pd.NA
    out["period"] = out["period"].astype("string")
    return out.sort_values(["year", "end_month"], ignore_index=True)


def write_templates(folder: str | Path | None = None) -> list[Path]:
    """Write ``template.csv`` and ``template.xlsx`` (headers only, no numbers) into ``folder``.

    Reproducible: the workbook's timestamps are fixed, so rerunning gives the same cells.
    """
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    folder = Path(folder or config.QUARTERLY)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / "template.csv"
    # utf-8-sig: Excel then opens the file as UTF-8 and keeps the Chinese a user types in.
    csv_path.write_text(",".join(TEMPLATE_COLUMNS) + "\n", encoding="utf-8-sig")

    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    ws.append(list(TEMPLATE_COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = {"indicator": 24, "year": 8, "period": 14, "level": 12, "unit": 8,
              "growth_pct": 12, "price_basis": 12, "source": 40}  # fmt: skip
    for j, name in enumerate(TEMPLATE_COLUMNS):
        ws.column_dimensions[_column_letter(j)].width = widths[name]
    ws.freeze_panes = "A2"
    choices = {"unit": '"亿元,万元,%"', "price_basis": '"real,nominal,可比价,现价"'}
    for name, formula in choices.items():
        letter = _column_letter(TEMPLATE_COLUMNS.index(name))
        check = DataValidation(type="list", formula1=formula, allow_blank=True)
        check.add(f"{letter}2:{letter}1000")
        ws.add_data_validation(check)
    fixed = dt.datetime(2024, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    wb.properties.creator = "muye-analysis"
    xlsx_path = folder / "template.xlsx"
    wb.save(xlsx_path)
    return [csv_path, xlsx_path]
