"""Statements of a table: one per value cell, named by its row label and column header, dated
by a row labelled with its year, a column of a year, the table's title or the text around, and
measured by the column (增速 in %) or the unit of the 单位 cell, the row label or the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.extract.clause import Doc, join_evidence
from muye_analysis.extract.dating import (
    find_spans,
    find_years,
    period_for,
)
from muye_analysis.extract.mentions import (
    INDEX_BAND,
    LEVEL_UNITS,
)
from muye_analysis.extract.sections import section_at
from muye_analysis.extract.table_columns import UNIT_IN, printed_decimals
from muye_analysis.extract.tables import Table, table_values

_TARGET_TABLE = re.compile(r"目标|计划|预期")

# A column of outcomes beside one of targets: 预计全年完成情况, 实际完成, 执行数.
_OUTCOME_HEAD = re.compile(r"完成|实际|执行|实绩")


def column_kind(words: str, table_kind: str) -> str:
    """A column's kind: a target where its header names one (全年预期目标), an actual where it
    names an outcome and no target (预计全年完成情况), else the table's."""
    if _TARGET_TABLE.search(words):
        return "target"
    return "actual" if _OUTCOME_HEAD.search(words) else table_kind


_YEAR_LABEL = re.compile(r"((?:19|20)\d\d)\s?年?")  # a row labelled by its year
_MONTH_LABEL = re.compile(r"((?:19|20)\d\d)年(1[0-2]|0?[1-9])月")  # or by its month

# A year and month printed with a dot in a table's title (全县 | 2010.6): that month.
_TITLE_YEAR_MONTH = re.compile(r"(?<![\d.])((?:19|20)\d\d)\.(1[0-2]|0?[1-9])(?![\d.])")
_TITLE_MONTH = re.compile(r"(?:19|20)\d\d\s?年\s?(\d{1,2})\s?月(?!\d|份?[-至到])")


@dataclass(frozen=True)
class _TableDates:
    """What dates a table's cells: years and spans in its title, the month 本月 means."""

    years: list
    spans: list
    month: int | None
    year: int | None = None  # the year of a dotted 2010.6 in the title


def table_statements(doc: Doc, table: Table) -> list[dict]:
    """One statement per value cell: row label × column header, dated by the table's title."""
    text, scan = doc.text, doc.scan
    head_end = table.rows[0][0].start if table.rows else table.end
    month = _TITLE_MONTH.search(scan, table.title_start, head_end) or _TITLE_MONTH.search(
        scan, 0, min(len(scan), 80)
    )  # 2022年9月: the month 本月 and 1-本月 columns mean
    dates = _TableDates(
        find_years(scan, table.title_start, head_end),
        find_spans(scan, table.title_start, head_end),
        int(month.group(1)) if month else None,
    )
    dotted = _TITLE_YEAR_MONTH.search(scan, table.title_start, head_end)
    if dotted and not dates.years and dates.month is None:
        dates = _TableDates([], dates.spans, int(dotted.group(2)), int(dotted.group(1)))
    kind = "target" if _TARGET_TABLE.search(table.title) else "actual"
    section = section_at(doc.sections, doc.starts, table.start)
    rows, carried_unit, parent = [], "", ""
    _amount_columns(table)
    _pulls_in_points(table)
    _indices_as_rates(table, _on_base_100(scan, table))
    if not table.unit:
        table.unit = _unit_from_prose(scan, table)
    table_kind = kind
    for label, cell, column, group, unit_cell in table_values(table):
        kind = column_kind(column.words, table_kind)
        subject = UNIT_IN.sub("", label.text).replace("其中:", "").strip()
        if _YEAR_LABEL.fullmatch(label.text) or _MONTH_LABEL.fullmatch(label.text):
            # 2021年 | 2311.1 | 11: the row is the period, the column the subject
            subject = UNIT_IN.sub("", column.words).strip() or subject
        row_unit = UNIT_IN.search(label.text)
        if row_unit:
            carried_unit = row_unit["unit"]  # 社会消费品零售总额(亿元), then 批发零售业 in 亿元
        in_cell = cell.unit or unit_cell  # 162817吨, or the 单位 column's cell
        parent = parent if label.text.startswith("其中") else label.text
        listed = _listed_unit(table.unit, parent)
        measure, unit = _table_measure(column, listed, row_unit, in_cell, carried_unit)
        year, source, first, last, why = _table_period(doc, table, dates, label, column, kind)
        rows.append({
            "subject": subject, "match_subject": subject, "subject_start": label.start,
            "period": year, "start_month": first, "end_month": last,
            "period_from": source if year is not None else "unknown",
            "kind": kind, "measure": measure, "ranked_on": "", "stage": "",
            "value": cell.number, "value_high": None, "unit": unit,
            "printed": text[cell.start:cell.end],
            "qualifier": "", "bound": "exact", "commitment": "", "rank_scope": "",
            "price_basis": "nominal" if unit.endswith("元") and measure == "level" else "",
            "section": section.label, "quote": text[label.start:cell.end],
            "note": f"group {group}" if group else "", "start": cell.start, "end": cell.end,
            "comparator": column.comparator, "rule": "table",
            "evidence": join_evidence(f"table: row {label.text}, column {column.words or '?'}",
                                       f"{kind}: table {table.title[:30]}", why),
            "quote_start": label.start, "printed_span": (cell.start, cell.end),
            "sentence": table.title, "clause": f"{label.text} {column.words}",
        })  # fmt: skip
    return rows


_PROSE_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.(\d+))?)(万亿|亿|万)?(元|吨)")
_SCALES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "": 1.0}
PROSE_WINDOW = 1500
LABEL_REACH = 8  # 粮食产量129136.05吨: the row's label just before the amount


def _unit_from_prose(scan: str, table: Table) -> str:
    """The unit of a table that prints none, from the text around: two cells or more of its
    unit-less level columns that the text gives in a unit (42512215 and 4448189 beside 产值
    4251.2亿元 and 444.8亿元 are in 万元), or one with decimals the text gives after the row's
    label (粮食产量 | 129136.05 beside 粮食产量129136.05吨); else ""."""
    around = (
        scan[max(0, table.start - PROSE_WINDOW) : table.start]
        + " "
        + scan[table.end :][:PROSE_WINDOW]
    )
    amounts = [
        (
            m[1],
            len(m[2] or ""),
            m[3] or "",
            m[4],
            around[max(0, m.start() - LABEL_REACH) : m.start()],
        )
        for m in _PROSE_AMOUNT.finditer(around)
    ]
    cells = {
        r[k + 1].number: r[0].text
        for r in table.rows
        for k, c in enumerate(table.columns)
        if c.measure == "level" and not c.unit and k + 1 < len(r) and r[k + 1].number
    }
    for prefix, scale in _SCALES.items():
        found = {
            (printed, base, len(label) > 1 and label in before)
            for v, label in cells.items()
            for printed, decimals, p_prefix, base, before in amounts
            if f"{v * scale / _SCALES[p_prefix]:.{decimals}f}" == printed
        }
        bases = {base for _, base, _ in found}
        named = any(by_label and decimals for (printed, _, by_label) in found
                    for decimals in [printed_decimals(printed)])  # fmt: skip
        if (len(found) >= 2 or named) and len(bases) == 1:
            return prefix + bases.pop()
    return ""


_INDEX_WORD = re.compile(r"指数")
MIN_INDICES = 3


# 单位:以上年为100, (上年=100), (preceding year=100): the table prints indices on a base of 100
_BASE_100 = re.compile(r"上年(?:为|=)\s?100|year\s?=\s?100", re.IGNORECASE)
BASE_LINES_ABOVE = 16


def _on_base_100(scan: str, table: Table) -> bool:
    """The lines above a table, up to the prose before it, name its base (单位:以上年为100)."""
    lo = min(table.start, table.title_start)
    lines = scan[max(0, lo - 80 * BASE_LINES_ABOVE) : lo].split("\n")[-BASE_LINES_ABOVE:]
    after_prose = [k for k, line in enumerate(lines) if "。" in line]
    lines = lines[after_prose[-1] + 1 :] if after_prose else lines
    return any(_BASE_100.search(line) for line in lines)


def _indices_as_rates(table: Table, on_base_100: bool = False) -> None:
    """A growth column of a table of indices (2021年居民消费价格指数) whose cells all lie near 100
    (101.0, 98.4, 104.2 under 比上年涨跌(%)) prints the indices (上年=100), not their changes:
    rates in %. A table whose base is named above it (单位:以上年为100) prints indices in every
    such column, the first one too (taken for a level where no header names it)."""
    if not on_base_100 and not _INDEX_WORD.search(table.title):
        return
    measures = ("growth_rate", "level") if on_base_100 else ("growth_rate",)
    for k, column in enumerate(table.columns):
        values = [r[k + 1].number for r in table.rows if k + 1 < len(r)]
        values = [v for v in values if v is not None]
        if (
            (column.measure or "level") in measures
            and len(values) >= MIN_INDICES
            and all(INDEX_BAND[0] <= v <= INDEX_BAND[1] for v in values)
        ):
            column.measure, column.unit = "rate", "%"


def _amount_columns(table: Table) -> None:
    """A column no header names is taken for a level, then its growth; one whose cells are
    amounts (1047, 45461718: most of them 200 or more) is no growth rate but a level in the
    table's unit (a yearbook table whose headers the copy misaligned)."""
    for k, column in enumerate(table.columns):
        if column.words or column.measure != "growth_rate":
            continue
        values = sorted(abs(r[k + 1].number) for r in table.rows
                        if k + 1 < len(r) and r[k + 1].number is not None)  # fmt: skip
        if values and values[len(values) // 2] >= 200:
            column.measure, column.unit = "level", ""


_CONTRIBUTION = re.compile(r"贡献(?!率)")
PULL_TOLERANCE = 0.15


def _pulls_in_points(table: Table) -> None:
    """A 贡献 column (not 贡献率) whose parts add up to the first row's growth (第一、二、三产业
    1.8, 4.0, 7.7 under 生产总值 增长13.5) holds each part's pull on that growth in points
    (拉动, 个百分点), not its share of it (those add up to 100)."""
    growth = next((k for k, c in enumerate(table.columns) if c.measure == "growth_rate"), None)
    if growth is None or len(table.rows) < 3 or growth + 1 >= len(table.rows[0]):
        return
    total = table.rows[0][growth + 1].number
    for k, column in enumerate(table.columns):
        if column.measure != "share" or not _CONTRIBUTION.search(column.words) or total is None:
            continue
        parts = [r[k + 1].number for r in table.rows[1:] if k + 1 < len(r)]
        if None not in parts and abs(sum(parts) - total) <= PULL_TOLERANCE:
            column.measure, column.unit = "change_pp", "个百分点"


_COUNT_LABEL = re.compile(r"单位数|企业数|个数|户数|家数|人数")


def _listed_unit(unit: str, label: str) -> str:
    """A table unit that lists two (单位:个、万元): the first for rows counting units (企业单位数)
    and the rows under them (其中:规模以上), the second for the others."""
    if "、" not in unit:
        return unit
    first, *_, last = unit.split("、")
    return first if _COUNT_LABEL.search(label) else last


def _table_measure(column, table_unit: str, row_unit, unit_cell: str, carried_unit: str):
    """(measure, unit) of a cell: the column's, a level's unit from the 单位 cell, the row label,
    the column, the table, or the row label above (a level in 亿 or 元 is a level, else a count)."""
    measure, unit = column.measure or "level", column.unit
    if measure == "level":
        unit = unit_cell or (row_unit["unit"] if row_unit else unit or table_unit)
        unit = unit or carried_unit
        base = re.sub(r"^(?:万亿|亿|万|千|百)", "", unit.split("/")[0])  # 公斤/公顷: a level
        # 万吨公里, 万人公里: a level in kilometres carried, as 公里 is
        measure = "level" if base in LEVEL_UNITS or base.endswith("公里") or not unit else "count"
        measure = "rate" if unit == "%" else measure  # 单位:% over an index (PMI 50.2)
    return measure, unit


def _table_period(doc: Doc, table: Table, dates: _TableDates, label, column, kind: str):
    """(year, source, first month, last month, why) of a cell: a row labelled by its year, a
    column of a year, the title's year, else the text around; months from the title's span or
    a 本月 / 1-本月 column."""
    section = section_at(doc.sections, doc.starts, table.start)
    period = period_for(
        doc.timeline, doc.dates, table.start, label.start, kind, section.year, section.year_named
    )
    year, source = period.year, period.source
    labelled = _YEAR_LABEL.fullmatch(label.text)
    if labelled:
        year, source = int(labelled.group(1)), "table row"  # 2021年 | 2311.1 | 11
    elif column.year is not None:
        year, source = column.year, "table column"
    elif any(c.year is not None for c in table.columns):
        # 2023年 | 2022年 | 增量 | 增长 | 构成: the columns beside the years are of the latest
        year, source = max(c.year for c in table.columns if c.year is not None), "table column"
    elif dates.years:
        year, source = dates.years[-1].year, "table title"
    elif dates.year is not None:
        year, source = dates.year, "table title"
    elif year is None and _year_row_above(table, label) is not None:
        # 2005 | 15947.5 | …, then 北 京 | 26.6 | …: the places under a year's row are of it
        year, source = _year_row_above(table, label), "table row"
    first, last = (1, 12) if labelled else (period.first, period.last)  # a year's row: all of it
    by_month = _MONTH_LABEL.fullmatch(label.text)
    if by_month:  # 2016年6月 50.0 52.5: the row is that month
        year, source = int(by_month.group(1)), "table row"
        first = last = int(by_month.group(2))
    if dates.spans and kind == "actual" and not by_month:
        first, last = dates.spans[-1].first, dates.spans[-1].last
    if column.months and kind == "actual":
        first, last = column.months  # 12 | 1-12 over the columns
    elif dates.month and column.period_words:
        last = dates.month  # 本月 is that month, 1-本月 the year to it
        first = 1 if re.match(r"1-|累计|本年", column.period_words) else last
    why = (f"period {year} from the {source}; months {first}-{last}" if year is not None
           else period.why)  # fmt: skip
    return year, source, first, last, why


def _year_row_above(table: Table, label) -> int | None:
    """The year of the nearest row above ``label``'s labelled by its year, else None."""
    year = None
    for row in table.rows:
        if row[0].start >= label.start:
            break
        labelled = _YEAR_LABEL.fullmatch(row[0].text)
        year = int(labelled.group(1)) if labelled else year
    return year
