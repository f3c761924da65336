"""The city bureau's table of every county-level unit (各县（市、区）主要经济指标), as it comes.

Units down the side (a 全市 row first; sometimes 开发区 / 示范区 rows, or zones as 其中 rows
under their district), indicator groups across with merged two-row headers (地区生产总值 over
绝对值 | 增长(%) | 位次), a title row naming the period (YYYY年1-6月…), a 单位 row (单位：亿元、%
as a line, or a row of units under the headers); .xlsx with merged cells, or CSV (GBK included).
A merged cell keeps its text in its first column only, so a group's name is carried rightwards
until the next one.

Every unit's figures go into the store with its ``area`` (the 全市 row as ``config.CITY_ZH``);
a published 位次 is stored as measure ``rank`` beside the value, with ``ranked_on`` saying
whether it ranks the level (总量位次) or the growth (增速位次; a plain 位次 ranks the value
column just before it). Zones written as of-which rows (其中：高新区, #经开区) are stored as
of-which items (``sub_item``): the district's figure includes them. Aggregate rows (市区,
县(市)合计) are not units and are listed as not read, as are columns that are no store measure
(占全市比重, 目标) and indicator groups the registry does not know.

``muye_analysis.league.city_ranks`` ranks what this reader stores.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from muye_analysis import config, schema
from muye_analysis.quarterly.cells import (
    ALIAS_OF,
    GROWTH_WORDS,
    HEADER_SEARCH_ROWS,
    KNOWN_UNITS,
    LEVEL_WORDS,
    cell_text,
    column_letter,
    header_key,
    is_blank,
    is_empty,
    unit_in_parens,
)
from muye_analysis.quarterly.layout import Cell, Context, Sheet, SheetRows
from muye_analysis.quarterly.records import (
    RANK_WORDS,
    RANKS_GROWTH,
    RANKS_LEVEL,
    finish_row,
    make_record,
    parse_cell,
    rank_number,
    rank_record,
    resolve_unit,
)
from muye_analysis.quarterly.registry import Indicator
from muye_analysis.quarterly.spans import find_span_or_none, read_title, with_year
from muye_analysis.quarterly.store import RANK
from muye_analysis.text import to_halfwidth
from muye_analysis.vocab import Words

# Xinxiang's county-level units as the city ranks them: 4 districts, 5 counties, 3 county-level
# cities and 平原示范区 (四区八县(市)及平原示范区, 13 units).
DISTRICTS = ("红旗区", "卫滨区", "凤泉区", "牧野区")
COUNTIES = ("新乡县", "获嘉县", "原阳县", "延津县", "封丘县", "卫辉市", "辉县市", "长垣市")
DEMONSTRATION_ZONE = "平原示范区"
CITY_FRAME = (*DISTRICTS, *COUNTIES, DEMONSTRATION_ZONE)
# Zones the city counts inside a district unless its table lists them apart.
ZONES = {"经开区": "红旗区", "高新区": "卫滨区"}
# Units every list of Xinxiang's units may name (the annual league template uses the same).
UNITS = (*CITY_FRAME, *ZONES)
# A province-administered county-level city (省直管) that the city's own rankings include.
PROVINCE_ADMINISTERED = ("长垣市",)
ALIASES = {
    "平原城乡一体化示范区": DEMONSTRATION_ZONE,
    "平原新区": DEMONSTRATION_ZONE,
    "示范区": DEMONSTRATION_ZONE,
    "高新技术产业开发区": "高新区",
    "高新技术开发区": "高新区",
    "新乡高新技术开发区": "高新区",
    "经济开发区": "经开区",
    "新乡高新区": "高新区",
    "新乡高新技术产业开发区": "高新区",
    "经济技术开发区": "经开区",
    "新乡经开区": "经开区",
    "新乡经济技术开发区": "经开区",
    "开发区": "经开区",
    "长垣县": "长垣市",  # a county until 2019
}
# The city's own row: never a unit, never ranked; stored as the city's figures.
CITY_TOTAL = ("全市", "全市合计", "全市总计", "合计", "总计", config.CITY_ZH)
# Sums of several units, or the city's own level (市本级): not units, not stored (listed as
# not read).
AGGREGATES = ("市区", "市辖区", "新乡市区", "县(市)", "八县(市)", "县(市)合计", "县市合计",
              "各县(市)合计", "县域合计", "四区合计", "市本级", "市直")  # fmt: skip
# The words of the annual league template (league.read_league_table): measure -> store measure.
MEASURE_WORDS = schema.MEASURE_WORDS  # the template's measure words, one list

# How many distinct units a column must name before a sheet is read as a city table.
MIN_UNITS = 3
# Header words of a city table's columns.
_RANK_WORDS, _RANKS_GROWTH, _RANKS_LEVEL = RANK_WORDS, RANKS_GROWTH, RANKS_LEVEL
_NOT_READ = re.compile(r"比重|占比|占全市|目标|计划|备注|说明|序号|当月|本月(?!止)")
_PRIOR_YEAR = re.compile(r"上年|去年|同期")  # after the growth words: 比上年增长 is a growth
_OF_WHICH = re.compile(r"^(?:#|其中[:：]?|内[:：]|含[:：])")
_NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）])"
)
_INCLUDES = re.compile(r"[(（](?:含|包括|不含)[^()（）]*[)）]$")


@dataclass(frozen=True)
class Unit:
    """A row's unit: its area as stored, and whether it is a unit, the city, an aggregate."""

    area: str
    kind: str  # "unit", "zone", "city", "aggregate"
    of_which: bool = False  # written as 其中 / # under a district


def unit_of(name: object) -> Unit | None:
    """The unit a row label names, or None when it names none.

    >>> unit_of("红旗区（含经开区）")
    Unit(area='红旗区', kind='unit', of_which=False)
    >>> unit_of("  其中：高新区")
    Unit(area='高新区', kind='zone', of_which=True)
    """
    text = re.sub(r"\s+", "", to_halfwidth(str(name or "")))
    of_which = False
    while (stripped := _OF_WHICH.sub("", text)) != text:
        text, of_which = stripped, True
    text = _NUMBERING.sub("", text)
    text = _INCLUDES.sub("", text)  # 红旗区(含经开区) is 红旗区 as the city counts it
    text = text.replace("（", "(").replace("）", ")")
    if text.replace("(", "").replace(")", "") in {a.replace("(", "").replace(")", "")
                                                  for a in AGGREGATES}:  # fmt: skip
        return Unit(text, "aggregate", of_which)
    if text in CITY_TOTAL:
        return Unit(config.CITY_ZH, "city", of_which)
    area = ALIASES.get(text, text)
    if area in CITY_FRAME:
        return Unit(area, "unit", of_which)
    if area in ZONES:
        return Unit(area, "zone", of_which)
    return None


def canonical_area(name: object) -> str | None:
    """The area a label names as the store keeps it (红旗区(含经开区) -> 红旗区, 全市 -> 新乡市),
    or None when it names no unit of the city."""
    unit = unit_of(name)
    return None if unit is None or unit.kind == "aggregate" else unit.area


# -- detection -----------------------------------------------------------------------------------


def _unit_column(sheet: Sheet) -> tuple[int, int] | None:
    """(column, first row) of the column naming the units, or None."""
    width = min(3, max((len(r) for r in sheet.rows), default=0))
    for j in range(width):
        first, seen = None, set()
        for i, row in enumerate(sheet.rows):
            unit = unit_of(cell_text(row[j])) if j < len(row) else None
            if unit is None or unit.kind == "aggregate":
                continue
            first = i if first is None else first
            seen.add(unit.area)
        if len(seen - {config.CITY_ZH}) >= MIN_UNITS and first is not None:
            return j, first
    return None


def is_city_table(sheet: Sheet) -> bool:
    """Whether a sheet is a city table: a column names at least three of the city's units and
    no header above them names an indicator or period column elsewhere (a tidy or bureau table
    with an area column keeps its own layout)."""
    found = _unit_column(sheet)
    if found is None:
        return False
    col, first = found
    for row in sheet.rows[: min(first, HEADER_SEARCH_ROWS)]:
        for k, cell in enumerate(row):
            role = ALIAS_OF.get(header_key(cell_text(cell)))
            if k != col and role in ("indicator", "period"):
                return False
    return True


class CityTableLayout:
    """The city's table of every county-level unit (``is_city_table``)."""

    name = "city table"

    def recognises(self, sheet: Sheet) -> bool:
        return is_city_table(sheet)

    def read(self, ctx: Context) -> SheetRows:
        records, skipped = parse_city_table(ctx)
        return SheetRows(records, skipped)


LAYOUT = CityTableLayout()


# -- the header --------------------------------------------------------------------------------


@dataclass
class _Column:
    index: int
    group: str  # the indicator group's header text
    info: Indicator
    measure: str  # level, growth or rank
    header: str  # the column's header text, as errors and provenance name it
    unit: str | None  # a unit written in the header or the unit row
    ranked_on: str = ""


def _is_unit_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return bool(filled) and all(c.strip("()（）") in (*KNOWN_UNITS, "位", "名", "%")
                                for c in filled)  # fmt: skip


# A header that names only a measure (绝对值, 增长(%), 增速位次, 比上年±%): under a group.
_MEASURE_LABEL = re.compile(
    r"(?:本年|本期|累计|绝对值|绝对数|总量|总额|金额|数值|完成|增长|增速|增幅|幅度|同比|比上年|比去年"
    r"|上年|同期|±|率|位次|排名|名次|排序|排位|全市|占全市|比重|占比|%|[-+])+"
)


def _is_measure_label(text: str) -> bool:
    bare = re.sub(r"[(（][^()（）]*[)）]|\s+", "", text)
    return bool(bare) and _MEASURE_LABEL.fullmatch(bare) is not None


def _header_rows(ctx: Context, col: int, first: int) -> list[int]:
    """The header rows right above the first unit row: rows with two or more filled cells (a
    title or 单位 line has one), from the first that names an indicator group."""
    sheet = ctx.sheet
    rows = []
    i = first - 1
    while i >= 0 and sum(not is_empty(c) for c in sheet.rows[i]) >= 2:
        rows.insert(0, i)
        i -= 1
    while rows and not any(
        _lookup_group(ctx, cell_text(c)) for k, c in enumerate(sheet.rows[rows[0]]) if k != col
    ):
        rows.pop(0)  # a date or 单位 line beside the title
    if not rows:
        raise Cell(sheet.path, sheet.name, first + 1, column_letter(col)).fail(
            "no header row naming an indicator above the units.",
            "keep the table's header rows (indicator names over 绝对值 | 增长(%) | 位次).",
        )
    return rows


def _strip_measure(text: str) -> str:
    """An indicator group's name without its measure words, unit and period."""
    name = re.sub(r"[(（][^()（）]*[)）]", "", text)
    name = re.sub(r"\d{4}年|\d{1,2}-\d{1,2}月|\d{1,2}月|一季度|上半年|前三季度|全年", "", name)
    name = re.sub(r"(累计)?(增速|增长率?|增幅|总量|绝对值|完成值?|位次|排名)$", "", name)
    return re.sub(r"\s+", "", name).strip("：:")


def _lookup_group(ctx: Context, text: str) -> Indicator | None:
    for name in (re.sub(r"\s+", "", text), _strip_measure(text)):
        found = ctx.registry.lookup(name.lower()) if name else None
        if found not in (None, "ambiguous"):
            return found  # type: ignore[return-value]
    return None


def _measure(text: str) -> str | None:
    """rank, growth or level by the header's words; "" when it has none; None for a column
    that is no store measure (占全市比重, 目标, 上年同期…)."""
    if _RANK_WORDS.search(text):
        return RANK
    if _NOT_READ.search(text):
        return None
    if GROWTH_WORDS.search(text):
        return "growth"
    if _PRIOR_YEAR.search(text):
        return None
    if LEVEL_WORDS.search(text):
        return "level"
    return ""


def _columns(ctx: Context, col: int, header_rows: list[int]) -> tuple[list[_Column], list[str]]:
    """The value columns of the table and the headers not read (with why)."""
    sheet = ctx.sheet
    texts, unit_row = _header_grid(sheet, header_rows, col)
    last_row = header_rows[-1] + 1
    columns: list[_Column] = []
    skipped: list[str] = []
    for j, top, group, info, sub in _grouped_headers(ctx, texts, col):
        if not top and not sub:  # blank under a carried group: a column only if it has data
            _refuse_figures_without_header(sheet, last_row, j)
            continue
        header = " ".join(t for t in (group, sub) if t)
        if info is None:
            note = Words("skip.no_indicator", header=group)
            skipped += [] if note in skipped else [note]
            continue
        where = Cell(sheet.path, sheet.name, last_row, header)
        unit = (unit_row[j] if unit_row else "") or unit_in_parens(sub) or unit_in_parens(group)
        measure = _column_measure(ctx, where, info, (group, sub), unit)
        if measure is None:
            skipped.append(Words("skip.not_measure", header=header))
            continue
        ranked_on = _ranked_on(where, sub or group, columns, group) if measure == RANK else ""
        level_unit = unit if measure == "level" and unit not in ("", "%") else None
        columns.append(_Column(j, group, info, measure, header, level_unit, ranked_on))
    return columns, skipped


def _header_grid(
    sheet: Sheet, header_rows: list[int], col: int
) -> tuple[list[list[str]], list[str] | None]:
    """The header rows' texts (the row of units under the headers left out), and that row."""
    width = max(len(sheet.rows[i]) for i in header_rows)
    grid = [[cell_text(sheet.rows[i][j]) if j < len(sheet.rows[i]) else "" for j in range(width)]
            for i in header_rows]  # fmt: skip
    unit_row = next((r for r in grid[1:] if _is_unit_row(r[col + 1 :])), None)
    return [r for r in grid if r is not unit_row], unit_row


def _grouped_headers(
    ctx: Context, texts: list[list[str]], col: int
) -> Iterator[tuple[int, str, str, Indicator | None, str]]:
    """(column, its top header text, its group, the group's indicator, the column's own header
    words) of every column right of the units.

    A header cell that names an indicator starts a group, carried rightwards over the empty
    cells a merge leaves; a header naming only a measure (增长(%), 位次) belongs to the group on
    its left, whether it sits under the group's name or beside it in a one-row header.
    """
    group, info = "", None
    for j in range(col + 1, len(texts[0])):
        top, rest = texts[0][j], " ".join(r[j] for r in texts[1:] if r[j])
        if top and not (group and _is_measure_label(top)):
            group, info, sub = top, _lookup_group(ctx, top), rest  # a new group
        else:
            sub = " ".join(t for t in (top, rest) if t)  # under the group on the left
        yield j, top, group, info, sub


def _refuse_figures_without_header(sheet: Sheet, last_row: int, j: int) -> None:
    """Figures in a column whose header cells are all blank (under a carried group)."""
    if any(j < len(r) and not is_blank(r[j]) for r in sheet.rows[last_row:]):
        raise Cell(sheet.path, sheet.name, last_row, column_letter(j)).fail(
            "figures under an empty header.", "write the measure in the header."
        )


def _column_measure(
    ctx: Context, where: Cell, info: Indicator, texts: tuple[str, str], unit: str
) -> str | None:
    """The measure of a group's column (level, growth or rank) by its words (the sub-header's,
    else the group's); without a measure word the unit decides, else a period (1-6月) or the
    table's 单位 (单位：亿元) makes it the level. None: no store measure (占全市比重)."""
    group, sub = texts
    measure = _measure(sub) if sub else _measure(group)
    if measure != "":
        return measure
    if unit == "%" and info.unit != "%":
        return "growth"
    if (unit and unit not in ("位", "名")) or _names_period(sub) or ctx.table_unit:
        return "level"
    raise where.fail(
        f"cannot tell whether column {where.column!r} holds a level, a growth or a rank.",
        "label it 绝对值 (or 总量, with its unit), 增长(%) or 位次.",
    )


def _names_period(text: str) -> bool:
    return find_span_or_none(text) is not None


def _ranked_on(where: Cell, text: str, before: list[_Column], group: str) -> str:
    if _RANKS_GROWTH.search(text):
        return "growth"
    if _RANKS_LEVEL.search(text):
        return "level"
    same = [c for c in before if c.group == group and c.measure != RANK]
    if not same:
        raise where.fail(
            f"a 位次 column {where.column!r} with no level or growth before it in its group.",
            "name what it ranks (总量位次 or 增速位次), or put it after the value it ranks.",
        )
    return same[-1].measure


# -- rows ----------------------------------------------------------------------------------------


def _indented(cell: Any) -> bool:
    """A label written with leading spaces (an of-which row under its district)."""
    return isinstance(cell, str) and cell[:1] in (" ", "\u3000", "\t")


def parse_city_table(ctx: Context) -> tuple[list[dict[str, Any]], list[str]]:
    """Records of every unit's figures in a city table (see the module docstring), and the
    columns and rows not read."""
    sheet = ctx.sheet
    found = _unit_column(sheet)
    assert found is not None, "parse_city_table needs a city table (is_city_table)"
    col, first = found
    header_rows = _header_rows(ctx, col, first)
    read_title(ctx, sheet.rows[: header_rows[0]])
    columns, skipped = _columns(ctx, col, header_rows)
    if not columns:
        raise Cell(sheet.path, sheet.name, header_rows[-1] + 1, column_letter(col)).fail(
            "no column of a known indicator (level, growth or 位次).",
            "name each indicator group as the registry does (地区生产总值, 社会消费品零售总额…).",
        )
    period = _period(ctx, columns, header_rows[-1] + 1)
    records: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i in range(first, len(sheet.rows)):
        row = sheet.rows[i]
        cells = {c.index: (row[c.index] if c.index < len(row) else None) for c in columns}
        raw = row[col] if col < len(row) else None
        label = cell_text(raw)
        has_values = any(not is_blank(v) for v in cells.values())
        if not has_values:
            continue  # blank rows, 注 lines, section headings
        where_name = Cell(sheet.path, sheet.name, i + 1, column_letter(col))
        unit = unit_of(label)
        if unit is not None and unit.kind == "zone" and _indented(raw):
            unit = Unit(unit.area, "zone", of_which=True)  # 　高新区 indented under 卫滨区
        if unit is None:
            known = "、".join((CITY_TOTAL[0], *UNITS))
            raise where_name.fail(
                f"unknown unit {label!r} in the units column." if label
                else "figures on a row without a unit name.",
                f"name the unit as the city does ({known}), or delete the row.",
            )  # fmt: skip
        if unit.kind == "aggregate":
            skipped.append(Words("skip.aggregate_row", label=label, row=i + 1))
            continue
        if unit.area in seen:
            raise where_name.fail(
                f"{unit.area} appears twice (also row {seen[unit.area]}).",
                "keep one row per unit (a zone inside its district goes on a 其中 row).",
            )
        seen[unit.area] = i + 1
        records += _row_records(ctx, i, unit, columns, cells, period)
    if not records:
        raise Cell(sheet.path, sheet.name, first + 1, column_letter(col)).fail(
            "the city table has no figures.", "fill in the figures, or remove the file."
        )
    return records, skipped


def _period(ctx: Context, columns: list[_Column], row: int) -> Any:
    """The table's one period: written in the headers (the same in every header that names
    one), else in the title. A table whose headers name two periods is refused: each unit's
    row would mix them."""
    no_year = "the period of the city table has no year."
    named: dict[Any, str] = {}
    for column in columns:
        found = find_span_or_none(column.header)
        if found is not None:
            where = Cell(ctx.sheet.path, ctx.sheet.name, row, column.header)
            named.setdefault(with_year(ctx, where, found, no_year), column.header)
    if len(named) > 1:
        (first, a), (second, b) = list(named.items())[:2]
        raise Cell(ctx.sheet.path, ctx.sheet.name, row, b).fail(
            f"the columns name two periods ({first.label('zh')} under {a!r}, "
            f"{second.label('zh')} here): a city table holds one period.",
            "put each period's table in its own sheet or file.",
        )
    if named:
        return next(iter(named))
    where = Cell(ctx.sheet.path, ctx.sheet.name, 1, "A")
    if ctx.title_period is None:
        raise where.fail(
            "the city table names no period.",
            "keep the title row with the period (YYYY年1-6月各县（市、区）主要经济指标).",
        )
    return with_year(ctx, where, ctx.title_period, no_year)


def _row_records(
    ctx: Context, i: int, unit: Unit, columns: list[_Column], cells: dict[int, Any], period: Any
) -> list[dict[str, Any]]:
    sheet = ctx.sheet
    source = ctx.title or sheet.path.name
    out = []
    for column in columns:
        cell = cells[column.index]
        where = Cell(sheet.path, sheet.name, i + 1, column.header)
        if column.measure == RANK:
            rank = rank_number(where, cell)
            if rank is None:
                continue
            record = rank_record(ctx, where, column.info, period, rank, column.ranked_on, source)
        else:
            number = parse_cell(where, cell)
            if number.value is None:
                continue
            level_unit = None
            if column.measure == "level":
                explicit = {"cell": number.unit, "header": column.unit}
                level_unit = resolve_unit(where, explicit, ctx.table_unit)
            record = make_record(ctx, where, column.info, period, column.measure, number,
                             unit=level_unit, price_basis=None, sub_item=unit.of_which,
                             source=source)  # fmt: skip
        record["sub_item"] = unit.of_which  # a zone inside its district: never add it in
        out.append(record)
    return finish_row(out, None, parent=None, area=unit.area)
