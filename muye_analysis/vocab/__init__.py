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

Conventions, chosen once:

* Chinese growth rates say their price basis as （可比价） or （现价）, never （实际）/（名义）:
  实际 also means "actual outcome".
* English money: "RMB 100 million" as the unit of tables and axes, "RMB bn" in prose and labels
  (232.1亿元 = RMB 23.21 bn). 万斤 becomes tonnes (1万斤 = 5 t).
* No report year is written here: ``{base}`` (the year reported on) and ``{target}`` (the year
  planned) are filled from the report's origin record (:func:`report_years`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from muye_analysis import config, units

LANGS = ("zh", "en")
CATALOG = Path(__file__).with_name("strings.csv")


def load_catalog(path: Path = CATALOG) -> dict[str, dict[str, str]]:
    """Every row of the vocabulary file: key -> {"zh", "en", "where"}. A key given twice is an
    error naming both rows."""
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            key = row["key"]
            if key in rows:
                raise ValueError(f"{path.name} row {line}: key {key!r} is given twice")
            rows[key] = {"zh": row["zh"], "en": row["en"], "where": row["where"], "row": line}
    return rows


CATALOG_ROWS = load_catalog()
_PREFIXED = ("header.", "value.", "name.")
# Placeholders are str.format fields; SAMPLE_FIELDS below fills them for the glyph test.
STRINGS: dict[str, dict[str, str]] = {
    k: {"zh": r["zh"], "en": r["en"]}
    for k, r in CATALOG_ROWS.items()
    if not k.startswith(_PREFIXED)
}
# The briefing's own frames around the charts (title slide, table headers, judgements).
BRIEF_KEYS = frozenset(k for k in STRINGS if CATALOG_ROWS[k]["where"].startswith("brief"))
# Notebook table headers (display.table) and codes inside table cells, in each language.
TABLE_HEADERS = {
    k.removeprefix("header."): {"zh": r["zh"], "en": r["en"]}
    for k, r in CATALOG_ROWS.items()
    if k.startswith("header.")
}
TABLE_VALUES = {
    k.removeprefix("value."): {"zh": r["zh"], "en": r["en"]}
    for k, r in CATALOG_ROWS.items()
    if k.startswith("value.")
}
# The official terms: indicator -> {short_zh, short_en, name_zh, name_en}.
OFFICIAL_NAMES: dict[str, dict[str, str]] = {}
for _key, _row in CATALOG_ROWS.items():
    if _key.startswith("name."):
        _, _indicator, _form = _key.split(".")
        _prefix = "short" if _form == "short" else "name"
        OFFICIAL_NAMES.setdefault(_indicator, {}).update(
            {f"{_prefix}_zh": _row["zh"], f"{_prefix}_en": _row["en"]}
        )
TAX_SHARE_DEFINITION = STRINGS["tax_share_definition"]


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
    "acc": 2.0,
    "lag": 10.0,
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
    },
}

# targets.WEIGHTS_* (the weights' source, recorded in English) -> the label key that says it.
WEIGHTS_KEYS = {
    "last year's cumulative levels": "weights_levels",
    "assumption: equal months": "weights_equal_months",
    "assumption: equal quarters": "weights_equal_quarters",
    "assumption: given seasonal shares": "weights_seasonal",
    "elapsed share given by the caller": "weights_given",
    "same period last year as printed (上年同期) over last year's full-year level": (
        "weights_prior_year"
    ),
}

# English renderings of the comparator sources, so that English charts contain no Chinese.
# Unknown titles fall back to their URL (ASCII) in English.
_CITY_PLAN_TITLE = re.compile(r"^新乡市(\d{4})年国民经济和社会发展计划")


def source_title_en(title: str) -> str | None:
    """'Xinxiang city <year> plan report' for the city's plan reports; None if unknown."""
    match = _CITY_PLAN_TITLE.match(title)
    return f"Xinxiang city {match.group(1)} plan report" if match else None


# English units and amounts live with the conversions (muye_analysis.units): one money
# convention ("RMB 100 million" in tables and on axes, "RMB bn" in prose and labels) and 万斤 in
# tonnes. These names stay for the charts' callers.
UNITS_EN = units.UNITS_EN
_SCALED_UNITS_EN = units.SCALED_UNITS_EN


def unit_label(unit: str, lang: str) -> str:
    """The unit as printed in Chinese, or its English rendering ('' for plain counts)."""
    _check_lang(lang)
    return unit if lang == "zh" else units.unit_en(unit)


def amount(value: float, unit: str, lang: str) -> str:
    """A value with its unit for inline labels: '80亿元' / 'RMB 8 bn', '200个' / '200',
    '3410万斤' / '17,050 t'."""
    from muye_analysis.display import format_number

    _check_lang(lang)
    return f"{format_number(value)}{unit}" if lang == "zh" else units.amount_en(value, unit)


def money(yi: float, lang: str) -> str:
    """An amount given in 亿元, as prose shows it: '232.1亿元' / 'RMB 23.21 bn' (or 'RMB 42.03 mn'
    below one billion)."""
    _check_lang(lang)
    return f"{round(yi, 6):g}亿元" if lang == "zh" else units.money_en(yi)


def yi_yuan(value: float, lang: str) -> str:
    """An amount in 亿元 for a tight label: '232.1' in Chinese (unit given once), 'RMB 23.21 bn'."""
    _check_lang(lang)
    return f"{value:g}" if lang == "zh" else units.money_en(value)


def tonnes(value: float, unit: str) -> float:
    """A weight in 万斤 or 斤 in tonnes (1 jin = 0.5 kg): 3410万斤 = 17,050 t."""
    return value * units.TONNES_PER_UNIT[unit]


_spell_scale = units.spell_scale


def report_years() -> dict[str, int]:
    """The year the latest report covers (``base``) and the year it plans (``target``), from
    its origin record (``muye_analysis.reports``)."""
    from muye_analysis.reports import latest_report

    latest = latest_report()
    return {"base": latest.base_year, "target": latest.plan_year}


def text(key: str, lang: str, **fields: Any) -> str:
    """The string ``key`` in ``lang``, with ``fields`` filled in.

    ``district`` and ``city`` default to the project's names; ``base`` and ``target`` to the
    report's years (:func:`report_years`).
    """
    _check_lang(lang)
    try:
        template = STRINGS[key][lang]
    except KeyError:
        raise KeyError(f"no string {key!r}; add it to muye_analysis.vocab.STRINGS") from None
    if lang == "zh":
        fields.setdefault("district", config.DISTRICT_ZH)
        fields.setdefault("city", config.CITY_ZH)
    else:
        fields.setdefault("district", config.DISTRICT_EN)
        fields.setdefault("city", "Xinxiang")
    _fill_years(fields)
    return template.format(**fields)


def _fill_years(fields: dict[str, Any]) -> None:
    """``base``/``target`` and their aliases ``base_year``/``plan_year`` (the names
    ``Report.years`` uses), one filled from the other, else from the latest report."""
    for short, long in (("base", "base_year"), ("target", "plan_year")):
        if short in fields and long not in fields:
            fields[long] = fields[short]
        elif long in fields and short not in fields:
            fields[short] = fields[long]
    if not all(k in fields for k in ("base", "target")):
        years = report_years()
        fields.setdefault("base", years["base"])
        fields.setdefault("target", years["target"])
        fields.setdefault("base_year", fields["base"])
        fields.setdefault("plan_year", fields["target"])


def indicator_name(row: Mapping[str, Any], lang: str, *, short: bool = True) -> str:
    """The name of the indicator in ``row`` (a record with short_/name_ columns): the official
    term of :data:`OFFICIAL_NAMES` where there is one, else the registry's."""
    _check_lang(lang)
    keys = [f"short_{lang}", f"name_{lang}"] if short else [f"name_{lang}", f"short_{lang}"]
    official = OFFICIAL_NAMES.get(str(row.get("indicator")), {})
    names = [
        official.get(k) or str(row.get(k))
        for k in keys
        if official.get(k) or (not _is_missing(row.get(k)) and str(row.get(k)).strip())
    ]
    if lang == "en":
        # An English chart must render without a CJK font: prefer a name with no Chinese in it.
        names = sorted(names, key=has_cjk)  # stable: keeps the preferred order among equals
    return names[0] if names else str(row.get("indicator"))


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains CJK characters or full-width punctuation."""
    return any("\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef"
               for c in text)  # fmt: skip


def basis_suffix(price_basis: Any, lang: str) -> str:
    """'（可比价）' / '（现价）' (or English) for a growth rate's price basis; '' if unknown."""
    if _is_missing(price_basis) or price_basis not in ("real", "nominal"):
        return ""
    return text(f"basis_{price_basis}", lang)


def qualified(value_text: str, bound: Any, lang: str) -> str:
    """``value_text`` marked with its target qualifier: ≥ for floors, ≤ ceilings, ≈ about."""
    if _is_missing(bound) or bound == "exact":
        return value_text
    return text(str(bound), lang, text=value_text)


def join_names(names: list[str], lang: str) -> str:
    """'地区生产总值、固定资产投资' / 'GDP and Investment' / 'A, B and C'."""
    if lang == "zh" or len(names) < 2:
        return "、".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def bound_symbol(bound: Any) -> str:
    """'≥' for a floor, '≤' for a ceiling, '≈' for 'about', '' for an exact figure."""
    return {"at_least": "≥", "at_most": "≤", "about": "≈"}.get(str(bound), "")


def standing_label(standing: str, lang: str) -> str:
    """A qualitative standing (第一方阵, 前列) in ``lang``; an unknown one as printed (zh)."""
    key = f"standing_{standing}"
    if key in STRINGS:
        return text(key, lang)
    return standing if lang == "zh" else "qualitative standing"


def source_line(lang: str, extra: Iterable[str] = (), **years: Any) -> str:
    """'资料来源：<the report>；<extra>…' — the line printed under every chart.

    ``years`` are the report's ``base_year`` and ``plan_year`` (``Report.years``); by default
    the latest report's.
    """
    parts = [text("report_source", lang, **years), *[e for e in extra if e]]
    return text("source_prefix", lang) + text("source_sep", lang).join(parts)


def context_source(title: str, url: str, lang: str) -> str:
    """How a comparator source is cited: its title (English rendering in English) and URL."""
    if lang == "zh":
        return f"{title}（{url}）" if url else title
    english = source_title_en(title)
    if english is None:
        return url or "see data/raw/context/xinxiang_context.csv"
    return f"{english} ({url})" if url else english


def all_chart_strings(lang: str) -> list[str]:
    """Every chart string in ``lang`` with sample values filled in (for the glyph test)."""
    return [text(key, lang, **SAMPLE_FIELDS[lang]) for key in STRINGS if key not in BRIEF_KEYS]


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pct(value: float, decimals: int = 1) -> str:
    """'4.9%': a percentage as the report prints it."""
    return f"{value:.{decimals}f}%"


def target_text(value: float, qualifier: Any, bound: Any, lang: str) -> str:
    """A target with its qualifier: '6%以上', '5.5%左右' / '≥6%', '≈5.5%'."""
    number = f"{value:g}%"
    if lang == "zh":
        return number + ("" if _is_missing(qualifier) else str(qualifier))
    return bound_symbol(bound) + number


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def _is_missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))
