"""The one place a sheet's periods are read (with ``muye_analysis.periods``): the title above
the table, a row's period label and year cells, a column's header.

* the **title** (``read_title``) gives the sheet's default span, year, 单位 and whether its
  figures are 累计 / 当季 / 当月 (a monthly report's 2019年9月 dates its 本年累计 columns
  1-9月);
* a **row label** (``period_of_label``: 1-3月, 上半年, 前三季度, 二季度 under 累计 …) is read
  with its column's or the title's 累计 / 当季 words; a year cell by ``parse_year``;
* a **column header** (``header_span``) names a span or none; ``column_span`` adds the
  fallbacks a bureau table uses (the period column on its left, the title read with the
  column's words, the title's span), and ``with_year`` gives a span its year (its own, the
  title's, else the caller's) or refuses it.

Every refusal names the cell (file, sheet, row, column) and says how to write the period.
"""

from __future__ import annotations

import re
from typing import Any

from muye_analysis.periods import (
    HOW_TO_GIVE_A_YEAR,
    BareMonthError,
    FoundSpan,
    Period,
    PeriodError,
    find_span,
    find_year,
    parse_period,
    span_context,
)
from muye_analysis.quarterly.cells import (
    DATE_IN_TEXT,
    KNOWN_UNITS,
    TABLE_UNIT,
    auto_date_problem,
    cell_text,
    column_letter,
    is_date,
)
from muye_analysis.quarterly.layout import Cell, Context

# 单位：万元 (or （单位：亿元、%）) above a table: what its numbers are in, not their source.
_UNIT_STATEMENT = re.compile(r"[(（]?\s*单位\s*[:：]\s*[^\s)）]*[)）]?")


def read_title(ctx: Context, rows: list[list[Any]]) -> None:
    """Period, year, 单位 and 累计/当季/当月 from the rows above the header (a title such as
    2019年1-9月…), into ``ctx``."""
    texts = []
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            text = cell_text(cell)
            if not text:
                continue
            texts.append(text)
            found = _title_span(Cell(ctx.sheet.path, ctx.sheet.name, i + 1, column_letter(j)), text)
            if found and ctx.title_period is None:
                ctx.title_period = found
                ctx.title_period_text = DATE_IN_TEXT.sub("", text)
            if ctx.title_year is None:
                ctx.title_year = find_year(text)
            unit = TABLE_UNIT.search(text)
            if unit and ctx.table_unit is None and unit.group(1) in KNOWN_UNITS:
                ctx.table_unit = unit.group(1)
    ctx.title = " ".join(texts)
    ctx.source = " ".join(filter(None, (_UNIT_STATEMENT.sub("", t).strip() for t in texts)))
    ctx.title_context = span_context(DATE_IN_TEXT.sub("", ctx.title))
    if ctx.title_period and ctx.title_period.year is not None:
        ctx.title_year = ctx.title_period.year


def _title_span(where: Cell, text: str) -> FoundSpan | None:
    """The span a title cell names; a date (制表日期 2019年10月15日) is no period."""
    try:
        return find_span(DATE_IN_TEXT.sub("", text))
    except BareMonthError as exc:
        # A monthly report's title (2019年9月主要经济指标) dates its 本年累计 columns:
        # the year to date through that month.
        return FoundSpan(exc.year, 1, exc.month)
    except PeriodError as exc:
        raise where.fail(str(exc), "give the year-to-date span in the title.") from None


def period_of_label(
    where: Cell, label: Any, year: int | None, context: str | None = None
) -> Period:
    """The period of a row's label, read with the header's or title's 累计 / 当季 / 当月."""
    if is_date(label):
        raise where.fail(*auto_date_problem(label, "a period label (1-9月)"))
    try:
        return parse_period(cell_text(label), year=year, context=context)
    except PeriodError as exc:
        raise where.fail(
            str(exc), "write a label such as YYYY年1-3月 (year to date) or YYYY年4-6月."
        ) from None


def parse_year(where: Cell, cell: Any) -> int | None:
    """A year cell (YYYY or YYYY年); None when blank."""
    if is_date(cell):
        raise where.fail(*auto_date_problem(cell, "a year"))
    text = cell_text(cell)
    if not text:
        return None
    found = find_year(text)
    if found is None or not re.fullmatch(r"\d{4}年?", text):
        raise where.fail(f"{text!r} is not a year.", "write a four-digit year (YYYY).")
    return found


def find_span_or_none(text: str, context: str | None = None) -> FoundSpan | None:
    """The span a header names, None when it names none or cannot be read as one."""
    try:
        return find_span(text, context=context) if text else None
    except PeriodError:
        return None


def may_name_span(text: str) -> bool:
    """Whether a header text names a span, or tries to (a span written wrongly counts: the
    column is then refused with the reason, not read as a label)."""
    try:
        return find_span(text) is not None
    except PeriodError:
        return True


def header_span(where: Cell, texts: tuple[str, ...], context: str | None) -> FoundSpan | None:
    """The span the first of a column's header texts that names one gives (read with
    ``context``: 累计 / 当季); a header naming a period wrongly is refused."""
    try:
        for text in texts:
            found = find_span(text, context=context)
            if found is not None:
                return found
    except PeriodError as exc:
        raise where.fail(
            str(exc), "label the column with its span (1-6月累计, 二季度当季 or 4-6月)."
        ) from None
    return None


def column_span(
    ctx: Context, where: Cell, texts: tuple[str, ...], context: str | None,
    beside: Period | None,
) -> FoundSpan | None:  # fmt: skip
    """A bureau column's span: its header's; else (a measure header such as 增长% right after a
    period column) the column on its left's, ``beside``; else the title read with the column's
    words (本年累计 under a title's 三季度 is 1-9月); else the title's."""
    found = header_span(where, texts, context)
    if found is None and beside is not None:
        found = FoundSpan(beside.year, beside.start_month, beside.end_month)
    if found is None and ctx.title_period_text:
        found = find_span_or_none(ctx.title_period_text, context)
    return found or ctx.title_period


def with_year(ctx: Context, where: Cell, found: FoundSpan, problem: str) -> Period:
    """The period of a span with its year: its own, the title's, else the caller's; without
    any, ``problem`` is refused at ``where``."""
    year = found.year or ctx.title_year or ctx.year
    if year is None:
        raise where.fail(problem, HOW_TO_GIVE_A_YEAR)
    return found.period(year)
