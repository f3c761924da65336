"""The project's one vocabulary: every word charts, tables, notebooks and the briefing show,
in Chinese and English.

The words are data, in ``strings.csv`` beside this module: one row per key with its Chinese and
English side by side, and ``where`` (what shows it). Why CSV, and not gettext ``.po`` files or
YAML: the reviewer of a translation here is an economist who reads both languages, and a CSV
puts the two on one row, opens in Excel or WPS (the office's tools), diffs one line per key and
needs no toolchain; ``.po`` catalogues keep one file per language (the pair is never seen
together) and need Babel to compile; YAML reads well for long texts but is indentation-sensitive
to edit by hand. ``tests/test_vocab.py`` checks that every key has both languages with the same
placeholders; ``scripts/port_vocab.py`` appends strings written into an old-style ``vocab.py``.

Keys: plain ones (``rank_title``) are texts for :func:`text`; ``header.<column>`` and
``value.<code>`` are the notebook tables' headers and cell codes; ``name.<indicator>.short`` /
``.full`` are the official terms, which take precedence over the registry's names (地区生产总值
not GDP, 一般公共预算收入 not 财政收入, the national statistics bureau's English).

Modules, one way down: :mod:`~muye_analysis.vocab.catalog` reads the file,
:mod:`~muye_analysis.vocab.speak` renders (:func:`text`, :func:`say`, the format specs),
:mod:`~muye_analysis.vocab.words` words names, amounts and targets and registers their specs into
the renderer; this face re-exports them and holds the tables' words, the sample fields and the
citations.

Conventions, chosen once:

* Chinese growth rates say their price basis as （可比价） or （现价）, never （实际）/（名义）:
  实际 also means "actual outcome".
* English money: "RMB 100 million" as the unit of tables and axes, "RMB bn" in prose and labels
  (232.1亿元 = RMB 23.21 bn). 万斤 becomes tonnes (1万斤 = 5 t).
* No report year is written here: ``{base}`` (the year reported on) and ``{target}`` (the year
  planned) are filled from the report's origin record (:func:`report_years`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from muye_analysis import config
from muye_analysis.periods import Period
from muye_analysis.vocab.catalog import (
    BRIEF_KEYS,
    CATALOG,
    CATALOG_ROWS,
    LANGS,
    OFFICIAL_NAMES,
    STRINGS,
    TABLE_HEADERS,
    TABLE_VALUES,
    TAX_SHARE_DEFINITION,
    load_catalog,
)
from muye_analysis.vocab.speak import (
    Amount,
    Phrase,
    _check_lang,
    claim_key,
    fill,
    register_spec,
    render,
    say,
    say_all,
    show,
    text,
)
from muye_analysis.vocab.words import (
    PREFIX_QUALIFIERS,
    UNITS_EN,
    WEIGHTS_KEYS,
    Words,
    _is_missing,
    amount,
    area_name,
    basis_suffix,
    bound_symbol,
    goal_text,
    has_cjk,
    indicator_name,
    join_names,
    money,
    money_axis,
    ordinal,
    pct,
    qualified,
    said,
    standing_label,
    target_text,
    tonnes,
    unit_label,
    weights_text,
    yi_yuan,
)
from muye_analysis.vocab.years import bound_years, report_years, years_bound


def table_header(column: str, lang: str) -> str:
    """A table column's header in ``lang`` (the code itself when unknown)."""
    entry = TABLE_HEADERS.get(column)
    if entry is None:
        return column
    return entry[lang].format(**_default_fields(lang))


def table_value(value: Any, lang: str) -> Any:
    """A code in a table cell ('actual', 'at_least', 'real') in ``lang``; other values as
    they are."""
    if _is_missing(value):
        return value
    entry = TABLE_VALUES.get(str(value))
    return value if entry is None else entry[lang]


def _default_fields(lang: str) -> dict[str, Any]:
    district = config.DISTRICT_ZH if lang == "zh" else config.DISTRICT_EN
    return {"district": district, **report_years()}


# Values used to fill the placeholders when every label is rendered in a test, per language.
_SAMPLE_COMMON: dict[str, Any] = {
    "value": -12.3,
    "text": "6%",
    "rank": 12,
    "n": 13,
    "deflator": 1.5,
    "goal": 6,
    "m": 9,
    "base_year": 2030,  # sample years: any four digits render the same glyphs
    "plan_year": 2031,
    "ytd": 5.0,
    "need": 8.7,
    "small": 1.0,
    "hard": 2.5,
    "tol": 0.1,
    "lag": 10.0,
    "c80": 83.0,  # the forecast fan (chart: forecast fan)
    "c95": 93.0,
    "scale": 1.43,
    "k": 3,
    "rest_growth": 5.2,
    "area": "河南省",  # a wider area as the data name it (the ``area`` spec words it)
}
SAMPLE_FIELDS: dict[str, dict[str, Any]] = {
    "zh": {
        **_SAMPLE_COMMON,
        "standing": "第一方阵",
        "name": "国债资金",
        "names": "地区生产总值、固定资产投资",
        "muye_level": "232.1",
        "city_level": "3347.6",
        "target": "≥8000人",
        "actual": "8317人",
        "basis": "（可比价）",
        "weights": "假设各月基数相等",
        "period": "2031年1-9月",
        "rest": "四季度",
        "files": "月报.xlsx",
        "span": Period.span(2031, 7, 9),
        "count": "共13个单位参与排名",
        "how": "单位数为假设",
        "third": "前三分之一",
        "lo": 1,
        "hi": 4,
        "year": 2031,
        "status": "正常",
        "topic": "牧野区在新乡市中的份额与增速",
        "issuer": "牧野区统计局",
        "document": "2031年1-9月牧野区主要经济指标",
        "date": "2031年10月15日",
    },
    "en": {
        **_SAMPLE_COMMON,
        "standing": "Leading group",
        "name": "Treasury-bond funds",
        "names": "GDP and Investment",
        "muye_level": "RMB 23.21 bn",
        "city_level": "RMB 334.76 bn",
        "target": "≥8000 people",
        "actual": "8317 people",
        "basis": " (real)",
        "weights": "assumption: equal months",
        "period": "Jan-Sep 2031",
        "rest": "Q4",
        "files": "report.xlsx",
        "span": Period.span(2031, 7, 9),
        "count": "13 units ranked",
        "how": "number assumed",
        "third": "Top third",
        "lo": 1,
        "hi": 4,
        "year": 2031,
        "status": "on track",
        "topic": "Muye District within Xinxiang",
        "issuer": "Muye District Bureau of Statistics",
        "document": "Main economic indicators of Muye District, Jan-Sep 2031",
        "date": "15 October 2031",
    },
}

# English renderings of the comparator sources, so that English charts contain no Chinese.
# Unknown titles fall back to their URL (ASCII) in English.
_CITY_PLAN_TITLE = re.compile(r"^新乡市(\d{4})年国民经济和社会发展计划")


def source_title_en(title: str) -> str | None:
    """'Xinxiang city <year> plan report' for the city's plan reports; None if unknown."""
    match = _CITY_PLAN_TITLE.match(title)
    return f"Xinxiang city {match.group(1)} plan report" if match else None


# A part of a source named after its title, as the comparator data write it: "(section 一)".
_SECTION = re.compile(r"\s*\(section\s+([一二三四五六七八九十]+)\)\s*$")
_NUMERALS = "一二三四五六七八九十"


def source_title(title: str, lang: str) -> str:
    """A comparator source's title in ``lang``: 新乡市2024年国民经济和社会发展计划（第一部分） /
    Xinxiang city 2024 plan report (section 1); an English title unknown here stays as the
    source wrote it (it is the source's name)."""
    _check_lang(lang)
    match = _SECTION.search(title)
    bare = title[: match.start()] if match else title
    if lang == "en":
        english = source_title_en(bare)
        if english is None:
            return title
        bare = english
    if match is None:
        return bare
    number = match.group(1) if lang == "zh" else _NUMERALS.index(match.group(1)) + 1
    return bare + text("source_section", lang, n=number)


def source_line(lang: str, extra: Iterable[str] = (), **years: Any) -> str:
    """'资料来源：<the report, cited by issuer>；<extra>…' — the line printed under every chart.

    ``years`` are the report's ``base_year`` and ``plan_year`` (``Report.years``); by default
    the latest report's. The report is cited by its issuer, title and date
    (:func:`report_cite`); ``extra`` are further citations, already worded.
    """
    parts = [report_cite(lang, **years), *[e for e in extra if e]]
    return text("source_prefix", lang) + text("source_sep", lang).join(dict.fromkeys(parts))


def cite(citation: Any, lang: str) -> str:
    """A :class:`~muye_analysis.sources.Citation` worded: 牧野区统计局《…》（YYYY年10月15日）
    / 'Muye District Bureau of Statistics, … (15 October YYYY)'."""
    key = "cite" if citation.document else "cite_issuer"
    worded = text(key, lang, issuer=citation.issuer, document=citation.document)
    if citation.date:
        worded += text("cite_date", lang, date=citation.date)
    return worded


def report_cite(lang: str, **years: Any) -> str:
    """The plan report with ``base_year`` and ``plan_year`` (default: the latest), cited by
    its issuer, title and date from its origin record."""
    from muye_analysis.reports import latest_report, list_reports
    from muye_analysis.sources import report_citation

    _check_lang(lang)
    base = years.get("base_year", years.get("base"))
    plan = years.get("plan_year", years.get("target"))
    bound = bound_years()
    if base is None and plan is None and bound is not None:
        base, plan = bound["base"], bound["target"]
    report = latest_report()
    if base is not None or plan is not None:
        matching = [r for r in list_reports()
                    if base in (None, r.base_year) and plan in (None, r.plan_year)]  # fmt: skip
        report = matching[-1] if matching else report
    return cite(report_citation(report, lang), lang)


def table_cite(title: Any, lang: str) -> str | None:
    """A year-to-date table cited by its issuer, title and tabulation date, from the title row
    the store keeps (never the raw row: its unit and remarks stay out); None when the text is
    not a table's title."""
    from muye_analysis.sources import table_citation

    citation = table_citation(title, lang)
    return None if citation is None else cite(citation, lang)


def series_source(area: str, lang: str) -> str:
    """A real published series cited by its issuer (河南省统计局), not by the web pages it was
    read from: those stay with each figure in ``data/raw/ytd_real/`` (URL and quote)."""
    from muye_analysis.sources import area_issuer

    return text("series_source", lang, issuer=area_issuer(area, lang))


def store_citations(rows: Any, lang: str, *, limit: int = 3) -> list[str]:
    """The distinct sources of year-to-date rows (the store's ``source`` and ``file``
    columns), each cited by its issuer, title and tabulation date when ``source`` is a bureau
    table's title row; a source in the user's own words as given (in English, the file's name
    when those words are Chinese). At most ``limit``, then '…'."""
    if {"year", "end_month"} <= set(rows.columns):  # the latest table first
        rows = rows.sort_values(["year", "end_month"], ascending=False, kind="stable")
    cited: list[str] = []
    for source, file in zip(rows["source"], rows["file"], strict=True):
        source = "" if _is_missing(source) else str(source).strip()
        file = "" if _is_missing(file) else str(file)
        worded = (table_cite(source, lang) if source else None) or source or file
        if worded and worded not in cited:
            cited.append(worded)
    return cited[:limit] + (["…"] if len(cited) > limit else [])


def context_source(title: str, url: str, lang: str) -> str:
    """A comparator source cited by its issuer, document and date (``data/curated/issuers.csv``);
    its URL, often a mirror's, stays in the raw data. A title the issuer table does not know is
    printed without its bracketed remark ('(mirror)'), in English by its English rendering."""
    from muye_analysis.sources import titled_citation

    citation = titled_citation(title, lang)
    if citation is not None:
        return cite(citation, lang)
    bare = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", str(title)).strip()
    if lang == "zh":
        return bare
    english = source_title_en(bare)
    return english or "Xinxiang comparator figures (data/raw/context)"


def all_chart_strings(lang: str) -> list[str]:
    """Every chart string in ``lang`` with sample values filled in (for the glyph test)."""
    return [text(key, lang, **SAMPLE_FIELDS[lang]) for key in chart_keys()]


def chart_keys() -> list[str]:
    """The keys of the strings charts draw (``where`` starts with 'chart')."""
    return [k for k in STRINGS if CATALOG_ROWS[k]["where"].startswith("chart")]


__all__ = [
    "BRIEF_KEYS", "CATALOG", "CATALOG_ROWS", "LANGS", "OFFICIAL_NAMES", "PREFIX_QUALIFIERS",
    "SAMPLE_FIELDS", "STRINGS", "TABLE_HEADERS", "TABLE_VALUES", "TAX_SHARE_DEFINITION",
    "UNITS_EN", "WEIGHTS_KEYS", "Amount", "Phrase", "Words", "all_chart_strings", "amount",
    "area_name", "basis_suffix", "bound_symbol", "bound_years", "chart_keys", "cite", "claim_key",
    "context_source", "fill", "goal_text", "has_cjk", "indicator_name", "join_names",
    "load_catalog", "money", "money_axis", "ordinal", "pct", "qualified", "register_spec",
    "render", "report_cite", "report_years", "said", "say", "say_all", "series_source", "show",
    "source_line", "source_title", "source_title_en", "standing_label", "store_citations",
    "table_cite", "table_header", "table_value", "target_text", "text", "tonnes", "unit_label",
    "weights_text", "years_bound", "yi_yuan",
]  # fmt: skip
