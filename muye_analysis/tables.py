"""Notebook tables: a DataFrame as a reader should see it (a pandas ``Styler``).

One formatter for every table a notebook shows (:func:`show_table`):

* **Words in the notebook's language**: headers, codes in cells (actual, at_least, met …),
  qualifiers and commitments (以上 / "or more", 力争 / "strive for"), units (亿元 / "RMB 100
  million") and indicator names, all from :mod:`muye_analysis.vocab`; indicator ids never show.
  Verbatim source text (a quote of the report, a figure as printed, a file name, a web address:
  :data:`SOURCE_TEXT`) is shown as written in every language and marked with the class
  ``source-text``, so that a reader (and ``tests/test_leaks.py``) can tell a quote from a label.
* **Fixed decimals per column**, from the data's precision (:func:`display.column_decimals`,
  rounded half up): 4.9, 2.0 and 27 show as 4.9, 2.0 and 27.0. Percentages and points show at
  most one decimal, other numbers at most two. A column whose rows are in different units (the
  long tables, with a ``unit`` column: 232.1亿元 beside 5位) is a list of different quantities,
  not a column of one: each value shows as published (:func:`display.format_number`).
* **Widths that fit the page**: numbers right-aligned and never broken across lines; text wraps
  between words only, long text columns keep a readable width; headers wrap; the table is no
  wider than the page. One missing marker (—), no stray index column.
"""

from __future__ import annotations

import math
import re
from typing import Any

from muye_analysis.display import MISSING, column_decimals, fixed, format_number, is_missing

_NAME_COLUMNS = ("name_zh", "name_en", "short_zh", "short_en", "indicator_zh", "indicator_en")
# Columns that hold text as the source wrote it: never translated, marked ``source-text``.
SOURCE_TEXT = ("quote", "printed", "url", "source_url", "file", "sheet", "source_column",
               "source_title")  # fmt: skip
# Columns of units as printed (亿元, 万斤), shown in the table's language.
UNIT_COLUMNS = ("unit", "actual_unit", "to_unit")
# Columns whose values are in the row's own unit: a table with a ``unit`` column varying by row
# shows them as published, row by row (232.1亿元, 5位, 2.38万元), not at one column precision.
ROW_UNIT_COLUMNS = ("value", "target", "actual", "level", "base", "outcome", "printed_value",
                    "increment", "projected", "ytd_value", "converted")  # fmt: skip
# Columns in percent or percentage points: at most one decimal, as the bureau prints them.
_PERCENT_WORDS = ("_pct", "_pp", "growth", "share", "ratio_pct", "coverage")
_TABLE_CSS = [
    {
        "selector": "",
        "props": "width: auto; max-width: 100%; table-layout: auto; border-collapse: collapse; "
        "font-size: 0.9em;",
    },
    {
        "selector": "th",
        "props": "text-align: left; vertical-align: bottom; white-space: normal; "
        "overflow-wrap: normal; word-break: keep-all; padding: 2px 5px;",
    },
    {
        "selector": "td",
        "props": "text-align: left; vertical-align: baseline; white-space: normal; "
        "overflow-wrap: break-word; word-break: normal; max-width: 36em; padding: 2px 5px;",
    },
    {  # numbers: right-aligned, figures of equal width, never broken across lines
        "selector": "td.number",
        "props": "text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;",
    },
]


def show_table(
    df: Any,
    lang: str = "zh",
    *,
    name: str | None = "name",
    sig: dict[str, int] | None = None,
    decimals: dict[str, int] | None = None,
    caption: str | None = None,
    verbatim: tuple[str, ...] = (),
    row_decimals: dict[str, list[int]] | None = None,
) -> Any:
    """``df`` as a notebook should show it: a pandas ``Styler`` with headers in ``lang``, one
    name column, fixed decimals per column, one missing marker (—), fitted to the page width.

    ``name`` picks the name column kept from name_zh/name_en/short_zh/short_en ("name" or
    "short", in ``lang``; None keeps none of them); the other name columns and the indicator id
    are dropped (an id alone becomes its name). A named index (a pivot's rows) becomes the
    first column; an unnamed one is not shown. Known column codes (period, value, gap_pp, …)
    and codes in cells (actual, at_least, real, 以上, 力争, …) are shown in ``lang``
    (:data:`muye_analysis.vocab.TABLE_HEADERS` / ``TABLE_VALUES``), units too; ``sig`` and
    ``decimals`` fix the precision of named columns, otherwise the column's own precision
    decides (see the module's docstring). ``verbatim`` names further columns shown as their
    source wrote them (a curated file's own notes), like :data:`SOURCE_TEXT`. ``row_decimals``
    gives a column whose rows are in different units its decimals row by row (a progress
    table's figures: 5.0%, 150.5亿元, 6500人).
    """
    from muye_analysis import vocab

    row_decimals = row_decimals or {}
    frame, keep = _with_name_column(_plain_frame(df), lang, name)
    source = [c for c in frame.columns if str(c) in SOURCE_TEXT or str(c) in verbatim]
    frame = _in_language(frame, lang, source)
    formatters = _number_formatters(frame, sig or {}, decimals or {}, row_decimals)
    for column, places in row_decimals.items():  # decimals row by row
        frame[column] = [
            MISSING if is_missing(v) else fixed(float(v), d)
            for v, d in zip(frame[column], places, strict=True)
        ]
    headers = {c: vocab.table_header(str(c), lang) for c in frame.columns}
    if keep is not None:
        headers[keep] = vocab.table_header("name", lang)
    widths = {c: _text_em(frame[c]) for c in frame.columns
              if c not in formatters and c not in row_decimals}  # fmt: skip
    frame = frame.rename(columns=headers)
    styler = _styled(
        frame,
        formatters={headers[c]: f for c, f in formatters.items()},
        numbers=[headers[c] for c in [*formatters, *row_decimals]],
        quoted=[headers[c] for c in source],
        widths={headers[c]: w for c, w in widths.items()},
    )
    return styler.set_caption(caption) if caption else styler


def _number_formatters(
    frame: Any, sig: dict[str, int], decimals: dict[str, int], row_decimals: dict
) -> dict:
    """A formatter for each number column not given ``row_decimals`` (see :func:`_formatter`)."""
    row_units = "unit" in frame.columns and len(set(frame["unit"].dropna())) > 1
    return {
        column: _formatter(str(column), frame[column], sig, decimals, row_units)
        for column in frame.columns
        if _is_number(frame[column]) and column not in row_decimals
    }


def _with_name_column(frame: Any, lang: str, name: str | None) -> tuple[Any, str | None]:
    """``frame`` with one name column (``name`` in ``lang``, else the nearest there is), first,
    and the other name columns and the indicator id dropped; and that column's label."""
    from muye_analysis import vocab

    if name and "indicator" in frame.columns and not set(_NAME_COLUMNS) & set(frame.columns):
        # analysis tables carry the indicator id only: its name comes from the vocabulary
        short = name == "short"
        names = [vocab.indicator_name(str(i), lang, short=short) for i in frame["indicator"]]
        frame = frame.assign(indicator=names).rename(columns={"indicator": f"{name}_{lang}"})
    keep = f"{name}_{lang}" if name else None
    if keep is not None and keep not in frame.columns:
        other = "en" if lang == "zh" else "zh"  # a table with names in one language only
        keep = next((c for c in (f"name_{lang}", f"short_{lang}", f"indicator_{lang}",
                                 f"name_{other}", f"short_{other}", f"indicator_{other}")
                     if c in frame.columns), None)  # fmt: skip
    drop = [c for c in _NAME_COLUMNS if c in frame.columns and c != keep]
    if keep is not None and "indicator" in frame.columns:
        drop.append("indicator")  # the name says it; an id is for code, not for readers
    frame = frame.drop(columns=drop)
    if keep is not None:
        frame = frame[[keep, *[c for c in frame.columns if c != keep]]]
    return frame, keep


def _styled(
    frame: Any, *, formatters: dict, numbers: list, quoted: list, widths: dict[str, float]
) -> Any:
    """The Styler of ``frame`` (headers already in the table's language): numbers through
    ``formatters`` and right-aligned (``numbers``), text escaped, source text marked
    (``quoted``), text columns given a least width or kept on one line by their ``widths``."""
    import pandas as pd

    # text is escaped; a long text column's cells sit in a block of a least width (a table
    # cell's own min-width is not kept by browsers when the table is squeezed)
    styler = frame.style.format(formatters, na_rep=MISSING)
    for column in [c for c in frame.columns if c not in formatters]:
        styler = styler.format(_text_formatter(_least_em(widths.get(column, 0))),
                               subset=[column], escape="html")  # fmt: skip
    styler = styler.hide(axis="index")
    classes = pd.DataFrame("", index=frame.index, columns=frame.columns)
    for column in numbers:
        classes[column] = "number"
    for column in quoted:
        classes[column] = "source-text"
    styler = styler.set_td_classes(classes).set_table_styles(_TABLE_CSS)
    # a short text column (a period, a unit, a status: 2024年1-9月) stays on one line
    short = {column: [{"selector": "td", "props": "white-space: nowrap;"}]
             for column, w in widths.items() if w <= SHORT_TEXT_EM}  # fmt: skip
    if short:
        styler = styler.set_table_styles(short, overwrite=False)
    return styler


# A table states the unit of the number as printed: 3410万斤 is 3410 in units of 10,000 jin
# (prose and charts say 17,050 t instead).
_TABLE_UNITS_EN = {"万斤": "10,000 jin", "斤": "jin"}


def _in_language(frame: Any, lang: str, source: list[str]) -> Any:
    """The cells' words in ``lang``: codes, qualifiers and commitments (vocabulary values),
    units, periods, formulas and standings; ``source`` columns as written (a source's title in
    its English rendering where one is known)."""
    import pandas as pd

    from muye_analysis import vocab

    frame = frame.copy()
    for column in frame.columns:
        if column in source:
            if column == "source_title":  # the source's name, its English rendering if known
                frame[column] = frame[column].map(
                    lambda v: v if is_missing(v) else vocab.source_title(str(v), lang)
                )
            continue
        if column == "standing_text" and lang == "en":  # 第一方阵: the vocabulary's English
            frame[column] = frame[column].map(
                lambda v: v if is_missing(v) else vocab.standing_label(str(v), lang)
            )
        elif column == "period":
            frame[column] = frame[column].map(lambda v: period_cell(v, lang))
        elif column == "formula":
            frame[column] = frame[column].map(
                lambda v: v if is_missing(v) else formula_text(v, lang)
            )
        elif str(column) in UNIT_COLUMNS:
            frame[column] = frame[column].map(lambda v: unit_cell(v, lang))
        elif pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = frame[column].map(lambda v: vocab.table_value(str(v), lang))
        elif _is_text(frame[column]):
            frame[column] = frame[column].map(lambda v: vocab.table_value(v, lang))
    return frame


def unit_cell(unit: Any, lang: str) -> Any:
    """A unit as a table shows it: as printed in Chinese (亿元, 个); in English its rendering
    (RMB 100 million, people), "number" for counts and "rank" for 位/名."""
    from muye_analysis import units, vocab

    if is_missing(unit) or lang == "zh":
        return unit
    try:
        word = _TABLE_UNITS_EN.get(str(unit)) or units.unit_en(str(unit))
    except KeyError:
        return unit  # an unknown unit stays as printed: the leak test names it
    if word:
        return word
    return vocab.text("unit_rank" if str(unit) in ("位", "名") else "unit_count", lang)


def period_cell(value: Any, lang: str) -> Any:
    """A period as a table shows it: a :class:`~muye_analysis.periods.Period` or a label such as
    2024年1-9月 in ``lang`` (Jan-Sep 2024); a year (2023) as it is."""
    from muye_analysis.periods import Period, PeriodError, parse_period

    if isinstance(value, Period):
        return value.label(lang)
    if isinstance(value, str) and not value.isdigit():
        try:
            return parse_period(value).label(lang)
        except PeriodError:
            return value
    return value


# The names a derived value's formula gives its inputs: <measure>_<year>, or an indicator id.
_FORMULA_TERM = re.compile(r"\b(level|growth|target_growth)_(\d{4})\b|\b([a-z][a-z0-9_]*)\b")
_FORMULA_SIGNS = {"*": "×", "/": "÷"}


def formula_text(formula: str, lang: str) -> str:
    """A derived value's formula in words: ``level_2023 / (1 + growth_2023 / 100)`` is
    2023年总量 ÷ (1 + 2023年增速 ÷ 100) / level in 2023 ÷ (1 + growth in 2023 ÷ 100);
    ``100 * tax_revenue / budget_revenue`` names the indicators."""
    from muye_analysis import vocab

    def term(match: re.Match[str]) -> str:
        if match.group(1):
            return vocab.text(f"formula.{match.group(1)}", lang, year=match.group(2))
        return vocab.indicator_name(match.group(3), lang)

    signs = "".join(_FORMULA_SIGNS.get(c, c) for c in str(formula))  # before names with a /
    return _FORMULA_TERM.sub(term, signs)


def _plain_frame(df: Any) -> Any:
    """``df`` with its index made plain: a named index (a pivot's rows) or one of labels becomes
    the first column, row numbers (a RangeIndex, or what a filter left of one) are dropped;
    column labels become strings so that headers can be looked up."""
    import pandas as pd

    named = [n for n in df.index.names if n is not None]
    labels = not named and not pd.api.types.is_integer_dtype(df.index)  # row labels, not numbers
    frame = df.reset_index() if named or labels else df.reset_index(drop=True)
    if labels:
        frame = frame.rename(columns={"index": ""})
    if isinstance(frame.columns, pd.MultiIndex):
        frame.columns = [" ".join(str(p) for p in c if str(p)) for c in frame.columns]
    frame.columns = [str(c) for c in frame.columns]
    frame.columns.name = None
    return frame


def _formatter(column: str, values: Any, sig: dict[str, int], decimals: dict[str, int],
               row_units: bool):  # fmt: skip
    if column in decimals:
        return lambda v: format_number(v, decimals=decimals[column])
    if column in sig:
        return lambda v: format_number(v, sig[column])
    if row_units and column in ROW_UNIT_COLUMNS:
        return format_number  # rows in different units: each as published
    import pandas as pd

    if pd.api.types.is_integer_dtype(values):
        places = 0
    else:
        cap = 1 if any(w in column for w in _PERCENT_WORDS) else 2
        places = column_decimals(values, cap)
    return lambda v: MISSING if is_missing(v) else fixed(float(v), places)


def _text_em(series: Any) -> float:
    """The widest cell of a text column, in em (a Chinese character ~1 em, a Latin one ~0.5)."""
    widest = 0.0
    for value in series:
        text = "" if is_missing(value) else str(value)
        widest = max(widest, sum(1.0 if ord(c) > 0x2E7F else 0.55 for c in text))
    return widest


# A text column whose widest cell is at most this wide (em) is kept on one line.
SHORT_TEXT_EM = 8


def _least_em(widest: float) -> int:
    """The least width (em) of a text column whose widest cell is ``widest`` em: none up to
    12 em (such cells wrap into a line or two anyway), else a quarter of the longest, 6 to 12
    em, so that English wraps into lines of a few words, never one word per line, and a table
    of many columns still fits."""
    if widest <= 12:
        return 0
    return int(min(12, max(6, math.ceil(widest / 4))))


def _text_formatter(least_em: int):
    """A text cell's content (already escaped): the missing marker for a missing value; in a
    long text column, inside a block at least ``least_em`` wide."""

    def shown(value: Any) -> str:
        if is_missing(value):
            return MISSING
        if least_em:
            return f'<div style="min-width: {least_em}em">{value}</div>'
        return str(value)

    return shown


def _is_number(series: Any) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _is_text(series: Any) -> bool:
    import pandas as pd

    return (
        pd.api.types.is_string_dtype(series)
        or isinstance(series.dtype, pd.CategoricalDtype)
        or series.dtype == object
    )


def scenario_table(scenarios: Any, lang: str = "zh") -> Any:
    """The forecast's scenarios (``GrowthForecast.scenarios(target)``: codes, numbers and
    periods) as a reader's table: each scenario's assumption in ``lang`` (the vocabulary's
    ``fan.bar.<code>``), the growth of the rest of the year it assumes and the annual figure it
    gives."""
    import pandas as pd

    from muye_analysis import vocab

    rows = [
        {"label": vocab.text(f"fan.bar.{r['scenario']}", lang, span=r["span"],
                             rest_growth=r["rest_growth"]),
         "rest_growth": r["rest_growth"], "annual": r["annual"]}
        for r in scenarios.to_dict("records")
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["label", "rest_growth", "annual"])


def fan_side_table(facts: Any, lang: str = "zh") -> Any:
    """The full-year figures beside a fan (``forecast.presentation.FanFacts``) as a table: the
    forecast, the anchored forecast when there is one and the scenarios, each with the growth
    of the rest of the year it assumes (scenarios) and its annual figure."""
    import pandas as pd

    from muye_analysis.charts.fan import side_rows

    rows = [{"label": r["label"], "rest_growth": r["rest"], "annual": r["annual"]}
            for r in side_rows(facts, lang)]  # fmt: skip
    return pd.DataFrame(rows, columns=["label", "rest_growth", "annual"])


__all__ = [
    "ROW_UNIT_COLUMNS", "SHORT_TEXT_EM", "SOURCE_TEXT", "UNIT_COLUMNS", "fan_side_table",
    "formula_text", "period_cell", "scenario_table", "show_table", "unit_cell",
]  # fmt: skip
