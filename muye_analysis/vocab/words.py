"""The words of numbers, names and targets: indicators by their official names, amounts with
their units, targets as the report words them, and the specs that show them in a template
(``{name:name}``, ``{value:money}``, ``{goal:goal}`` …), registered into the renderer
(:func:`muye_analysis.vocab.speak.register_spec`).

This module imports the renderer; the renderer never imports it (nor the package's face): the
flow goes one way, and :mod:`muye_analysis.vocab` re-exports both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from muye_analysis import config, units
from muye_analysis.claims.base import Amount, Phrase
from muye_analysis.vocab.catalog import OFFICIAL_NAMES, STRINGS
from muye_analysis.vocab.speak import _check_lang, register_spec, render, show, text

# targets.WEIGHTS_* (codes of where the weights came from) -> the label key that says it.
WEIGHTS_KEYS = {
    code: f"weights_{code}"
    for code in (
        "levels",
        "equal_months",
        "equal_quarters",
        "seasonal",
        "given",
        "prior_year",
        "prior_year_report",
    )
}


def weights_text(source: str, lang: str) -> str:
    """Where the weights of a required growth came from, in ``lang``; a source the caller
    described in its own words is shown as given."""
    key = WEIGHTS_KEYS.get(source)
    return text(key, lang) if key else str(source)


# English units and amounts live with the conversions (muye_analysis.units): one money
# convention ("RMB 100 million" in tables and on axes, "RMB bn" in prose and labels) and 万斤 in
# tonnes. These names stay for the charts' callers.
UNITS_EN = units.UNITS_EN


def unit_label(unit: str, lang: str) -> str:
    """The unit as printed in Chinese, or its English rendering ('' for plain counts)."""
    _check_lang(lang)
    return unit if lang == "zh" else units.unit_en(unit)


def amount(value: float, unit: str, lang: str, *, decimals: int | None = None) -> str:
    """A value with its unit for inline labels: '80亿元' / 'RMB 8 bn', '200个' / '200',
    '3410万斤' / '17,050 t'. ``decimals`` fixes the decimals (rounded half up); by default the
    value shows as published (:func:`muye_analysis.display.format_number`)."""
    from muye_analysis.display import format_number, round_half_up

    _check_lang(lang)
    if lang == "zh":
        return f"{format_number(value, decimals=decimals)}{unit}"
    return units.amount_en(
        value if decimals is None else round_half_up(value, decimals), unit, decimals
    )


def money(yi: float, lang: str, decimals: int | None = None) -> str:
    """An amount given in 亿元, as prose shows it: '232.1亿元' / 'RMB 23.21 bn' (English money is
    always in RMB bn, with every published digit: :func:`muye_analysis.units.money_en`)."""
    from muye_analysis.display import format_number

    _check_lang(lang)
    if lang == "zh":
        return f"{format_number(yi, decimals=decimals)}亿元"
    return units.money_en(yi, decimals)


def yi_yuan(value: float, lang: str) -> str:
    """An amount in 亿元 for a tight label: '232.1' in Chinese (unit given once), 'RMB 23.21 bn'."""
    _check_lang(lang)
    return f"{value:g}" if lang == "zh" else units.money_en(value)


def money_axis(unit: str, lang: str) -> tuple[float, str, int]:
    """How a chart or table shows amounts in ``unit``: (factor, unit label, extra decimals).
    Chinese keeps the report's unit; English shows money in RMB bn (one convention on every
    slide), with one more decimal than the 亿元 figure."""
    _check_lang(lang)
    if lang == "en" and unit in units.MONEY_EN:
        return units.money_scale(unit), "RMB bn", {"亿元": 1, "万元": 5, "元": 9}[unit]
    return 1.0, unit_label(unit, lang), 0


def tonnes(value: float, unit: str) -> float:
    """A weight in 万斤 or 斤 in tonnes (1 jin = 0.5 kg): 3410万斤 = 17,050 t."""
    return value * units.TONNES_PER_UNIT[unit]


class Words(str):
    """A message for a person that can be said in either language: a ``str`` holding its
    English (for logs, errors and the tests that read it), and :meth:`say` in ``lang``.

    Built from a vocabulary key and its fields, like a :class:`Phrase`; the renderer shows a
    Words field in the sentence's language (a skipped column inside "file[sheet]: …"). Modules
    that collect messages before anyone knows the language (the year-to-date ingest) keep
    these, and the summary says them in the language asked for (:func:`said`).
    """

    phrase: Phrase

    def __new__(cls, key: str, **fields: Any) -> Words:
        phrase = Phrase(key, fields)
        self = super().__new__(cls, render(phrase, "en"))
        self.phrase = phrase
        return self

    def say(self, lang: str) -> str:
        return render(self.phrase, lang)


def said(message: Any, lang: str) -> str:
    """A message in ``lang``: a :class:`Words` said in it, any other text as it is."""
    return message.say(lang) if isinstance(message, Words) else str(message)


def indicator_name(row: Mapping[str, Any] | str, lang: str, *, short: bool = True) -> str:
    """The name of the indicator in ``row`` (a record with short_/name_ columns, or an
    indicator id, whose names come from the registry): the official term of
    :data:`OFFICIAL_NAMES` where there is one, else the registry's. Chinese has a short form
    (规上工业增加值) and the full one (规模以上工业增加值), both official; English has one name per
    indicator, the NBS term (Value added of industrial enterprises above designated size),
    whatever ``short`` says."""
    _check_lang(lang)
    if isinstance(row, str):
        row = _registry_row(row)
    keys = [f"short_{lang}", f"name_{lang}"] if short else [f"name_{lang}", f"short_{lang}"]
    if lang == "en":  # one English name per indicator, the full (NBS) term: never an abbreviation
        keys = ["name_en", "short_en"]
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


def _registry_row(indicator: str) -> dict[str, Any]:
    from muye_analysis.dataset import load_registry

    registry = load_registry()
    found = registry[registry["indicator"] == indicator]
    return {"indicator": indicator, **(found.iloc[0].to_dict() if len(found) else {})}


def goal_text(
    goal: Mapping[str, Any], lang: str, *, commitment: bool = True, growth_word: bool = True
) -> str:
    """A target as the report words it, from a record with target, unit, qualifier,
    commitment and measure: 力争180亿元以上, 确保不少于20个, 稳定在2.75万亩, 增长6%以上 /
    at least RMB 18 bn (strive for), growth of at least 6%."""
    from muye_analysis.display import format_number

    value, unit = float(goal["target"]), str(goal["unit"])
    qualifier = "" if _is_missing(goal.get("qualifier")) else str(goal["qualifier"])
    strength = goal.get("commitment")
    strength = "" if _is_missing(strength) or not commitment else str(strength)
    growth = goal.get("measure") == "growth_rate" and growth_word
    if lang == "zh":
        number = f"{format_number(value)}{unit}"
        number = qualifier + number if qualifier in PREFIX_QUALIFIERS else number + qualifier
        return f"{strength}{text('goal_growth_of', lang) if growth else ''}{number}"
    bound = goal.get("bound")
    bound = "exact" if _is_missing(bound) else str(bound)
    head = text("goal_growth_of", lang) if growth else ""
    tail = text(f"commitment_{strength}", lang) if strength else ""
    word = "" if bound == "exact" else text(f"bound_word.{bound}", lang)
    return f"{head}{word}{units.amount_en(value, unit)}{tail}"


# Qualifiers printed before the number (不少于20个, 稳定在2.75万亩); the others follow it.
PREFIX_QUALIFIERS = ("不低于", "不少于", "超过", "稳定在", "近")


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


def area_name(area: Any, lang: str) -> str:
    """An area as the data name it (the district, its city, a province, the nation: 河南省,
    全国; the city's units: 凤泉区) in ``lang``, from the vocabulary's ``area.<name>`` rows (and
    the units' ``area_<name>`` in English); an unknown area as it is named."""
    if area == config.DISTRICT_ZH:
        return config.DISTRICT_ZH if lang == "zh" else config.DISTRICT_EN
    key = f"area.{area}"
    if key in STRINGS:
        return text(key, lang)
    if lang == "en" and f"area_{area}" in STRINGS:  # the city's units (凤泉区: Fengquan)
        return text(f"area_{area}", lang)
    return str(area or "")


def standing_label(standing: str, lang: str) -> str:
    """A qualitative standing (第一方阵, 前列) in ``lang``; an unknown one as printed (zh)."""
    key = f"standing_{standing}"
    if key in STRINGS:
        return text(key, lang)
    return standing if lang == "zh" else "qualitative standing"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pct(value: float, decimals: int = 1) -> str:
    """'4.9%': a percentage as the report prints it, rounded half up (81.25 → '81.3%')."""
    from muye_analysis.display import fixed

    return f"{fixed(value, decimals)}%"


def target_text(value: float, qualifier: Any, bound: Any, lang: str) -> str:
    """A target with its qualifier: '6%以上', '5.5%左右' / '≥6%', '≈5.5%'."""
    number = f"{value:g}%"
    if lang == "zh":
        return number + ("" if _is_missing(qualifier) else str(qualifier))
    return bound_symbol(bound) + number


def _is_missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


# The specs that show values with these words ({name:name}, {value:money} …; the table in
# muye_analysis.vocab.speak), registered into the renderer at import.


def _name(short: bool):
    def shown(indicator: Any, lang: str) -> str:
        return indicator_name(indicator, lang, short=short)

    return shown


def _join(sep_key: str | None, named: bool = False, short: bool = True):
    def shown(items: Sequence[Any], lang: str) -> str:
        texts = [indicator_name(i, lang, short=short) if named else show(i, "", lang)
                 for i in items if i]  # fmt: skip
        if sep_key is None:
            return join_names(texts, lang)
        return text(sep_key, lang).join(texts)

    return shown


def _rank(value: int, lang: str) -> str:
    return str(int(value)) if lang == "zh" else ordinal(int(value))


def _area(value: Any, lang: str) -> str:
    return area_name(value, lang)


def _weights(value: Any, lang: str) -> str:
    return weights_text(str(value), lang)


def _money(value: float, lang: str) -> str:
    return money(value, lang)


def _amount(value: Any, lang: str) -> str:
    if isinstance(value, Amount):
        return amount(value.value, value.unit, lang, decimals=value.decimals)
    number, unit = value
    return amount(number, unit, lang)


def _goal(commitment: bool, short: bool = False, growth_word: bool = True):
    def shown(goal: Any, lang: str) -> str:
        if short:
            return target_text(goal["target"], goal["qualifier"], goal["bound"], lang)
        return goal_text(goal, lang, commitment=commitment, growth_word=growth_word)

    return shown


def _unit(unit: Any, lang: str) -> str:
    """A unit right after a number: 亿元 / ' RMB 100 million' (a word after a space, % without
    one); nothing for a plain count in English (个, 家)."""
    word = unit_label(str(unit), lang) if unit else ""
    return f" {word}" if lang == "en" and word and word != "%" else word


_WORD_SPECS = {
    "unit": _unit,
    "name": _name(short=True),
    "fullname": _name(short=False),
    "names": _join(None, named=True),
    "fullnames": _join(None, named=True, short=False),
    "list": _join(None),
    "items": _join("sep.items"),
    "commas": _join("sep.commas"),
    "clauses": _join("sep.clauses"),
    "rank": _rank,
    "area": _area,
    "weights": _weights,
    "money": _money,
    "amount": _amount,
    "goal": _goal(commitment=True),
    "goal_plain": _goal(commitment=False),
    "goal_value": _goal(commitment=False, growth_word=False),
    "target": _goal(commitment=False, short=True),
}
for _spec, _handler in _WORD_SPECS.items():
    register_spec(_spec, _handler)
