"""The one renderer: codes, numbers and periods into words, from the one vocabulary.

Analysis returns numbers, codes and :class:`~muye_analysis.periods.Period` objects; claims
(:mod:`muye_analysis.claims`) return the numbers and the condition under which a sentence may be
said. This module is the only place that turns them into Chinese or English. A template in
``strings.csv`` says how each value is shown with a format spec after its name::

    {name:name}{period:phrase}{ytd:grew}，{period:rest}需增长{need:pct}

================  ==========================================================================
spec              shows
================  ==========================================================================
``.1f`` …         a number at fixed decimals, rounded half up (81.25 → 81.3)
``pct``           a percentage at one decimal ('5.0%'); ``pct0`` whole, ``pct2`` two decimals
``pp``            percentage points at one decimal, no sign ('7.8'); ``num`` as published
``grew``          a signed growth as a verb: 增长5.0% / 下降3.5%; grew 5.0% / fell 3.5%
``growth``        the same as a noun: 增长5.0% / 下降3.5%; growth of 5.0% / a fall of 3.5%;
                  ``grew_as`` a published figure as printed (增长27%)
``name``          an indicator id as its official short name; ``fullname`` the full name
``names``         a list of indicator ids, joined (地区生产总值、固定资产投资 / GDP and …);
                  ``fullnames`` by their full names
``list``          a list of texts or phrases, joined the same way; ``items`` with ；/ ;,
                  ``commas`` with 、/ , (no 'and')
``?sep``          an optional clause after ；/ ; (nothing when empty); ``?clause`` after ，/ ,
``clauses``       a list of texts or phrases joined as clauses of one sentence (，/ , )
``label``         a Period: YYYY年1-9月 / Jan-Sep YYYY; ``phrase`` 前三季度; ``rest`` 四季度;
                  ``span`` 1-9月 (no year)
``rank``          a rank: 5 / 5th
``weights``       where a required growth's weights came from (``targets.WEIGHTS_*``):
                  上年累计值 / last year's cumulative levels
``area``          a wider area as the data name it: 河南省 / Henan, 全国 / China
``money``         an amount in 亿元 in prose: 232.1亿元 / RMB 23.21 bn
``amount``        an :class:`Amount` (value, unit): 8317人 / 8317 people; ``unit`` a unit
                  alone (亿元 / RMB 100 million; nothing for a count)
``goal``          a target as the report words it (力争180亿元以上 / at least RMB 18 bn);
                  ``goal_plain`` without 力争/确保, ``goal_value`` nor 增长;
                  ``target`` the short form (6%以上 / ≥6%)
``prob``          a probability: 约43% / about 43% (不足1% / 超过99% at the ends)
``>key``          a mapping of facts worded by the template ``key`` (``{best:>rank_item}``)
``@prefix``       a code looked up as the key ``prefix.<code>`` (``{status:@status}``);
                  ``@prefix?`` shows nothing when there is no such key
================  ==========================================================================

The specs that word names, amounts and targets (``unit``, ``name`` … ``names``, ``list`` …
``clauses``, ``rank``, ``area``, ``weights``, ``money``, ``amount``, ``goal`` … ``target``) are
registered (:func:`register_spec`) by :mod:`muye_analysis.vocab.words`, which holds those words
and imports this module; this module imports neither it nor the package's face.

A value that is itself a :class:`Phrase` (a key and its values) or a claim is rendered in
place, so a sentence can hold a clause chosen by the data (仍为 / 提高到 / 降至).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from muye_analysis import config
from muye_analysis.claims.base import Amount, Phrase
from muye_analysis.display import fixed, format_number
from muye_analysis.vocab.catalog import LANGS, STRINGS
from muye_analysis.vocab.years import fill_years

_FIXED = re.compile(r"^(?P<sign>[+]?)(?P<comma>,?)\.(?P<decimals>\d+)f$")


def say(claim: Any, lang: str) -> str | None:
    """The sentence of ``claim`` in ``lang``, or None when its condition does not hold.

    The key is ``claim.<id>``, then ``.<variant>`` when the claim names one, then ``.question``
    when its inputs differ in 口径 (``caveat``): such a claim is worded as a question to check
    (值得关注), never as a finding.
    """
    if not getattr(claim, "holds", True):
        return None
    return render(Phrase(claim_key(claim), claim.facts), lang)


def claim_key(claim: Any) -> str:
    """The vocabulary key of a claim (see :func:`say`)."""
    key = f"claim.{claim.id}"
    if getattr(claim, "variant", ""):
        key += f".{claim.variant}"
    if getattr(claim, "caveat", None):
        key += ".question"
    return key


def say_all(claims: Sequence[Any], lang: str) -> list[str]:
    """The sentences of the claims that hold, in order."""
    return [s for s in (say(c, lang) for c in claims) if s]


def render(phrase: Phrase, lang: str) -> str:
    """A phrase's template in ``lang`` with its values shown by their specs."""
    return text(phrase.key, lang, **phrase.fields)


def text(key: str, lang: str, **fields: Any) -> str:
    """The string ``key`` in ``lang``, with ``fields`` filled in.

    ``district`` and ``city`` default to the project's names; ``base`` and ``target`` to the
    report's years (:func:`~muye_analysis.vocab.years.report_years`).
    """
    _check_lang(lang)
    try:
        template = STRINGS[key][lang]
    except KeyError:
        raise KeyError(f"no string {key!r}; add it to muye_analysis/vocab/strings.csv") from None
    if lang == "zh":
        fields.setdefault("district", config.DISTRICT_ZH)
        fields.setdefault("city", config.CITY_ZH)
    else:
        fields.setdefault("district", config.DISTRICT_EN)
        fields.setdefault("city", "Xinxiang")
    if "{base" in template or "{target" in template or "{plan_year" in template:
        fill_years(fields)
    return fill(template, lang, fields)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def fill(template: str, lang: str, fields: Mapping[str, Any]) -> str:
    """``template`` with ``fields`` shown by their format specs (the table above)."""
    return _Speaker(lang).vformat(template, (), fields)


class _Speaker(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        return show(value, spec, self.lang)


def show(value: Any, spec: str, lang: str) -> str:
    """One value as its ``spec`` says (see the module docstring)."""
    if spec in _OPTIONAL:  # an optional clause: after its separator, or nothing
        return text(_OPTIONAL[spec], lang) + show(value, "", lang) if value else ""
    if isinstance(value, Phrase):
        return render(value, lang)
    if isinstance(getattr(value, "phrase", None), Phrase):  # vocab.Words: said in this language
        return render(value.phrase, lang)
    if hasattr(value, "holds") and hasattr(value, "facts") and hasattr(value, "id"):
        return say(value, lang) or ""
    if spec.startswith(">"):  # a mapping of facts, worded by the key after '>'
        return render(Phrase(spec[1:], value), lang)
    if spec.startswith("@"):  # a code: its words; '@prefix?' shows nothing for an unknown code
        prefix, optional = spec[1:].removesuffix("?"), spec.endswith("?")
        key = f"{prefix}.{value}"
        if optional and key not in STRINGS:
            return ""
        return text(key, lang)
    if (m := _FIXED.match(spec)) and isinstance(value, (int, float)):
        return fixed(value, int(m["decimals"]), thousands=bool(m["comma"]), sign=bool(m["sign"]))
    handler = _SPECS.get(spec)
    if handler is not None:
        return handler(value, lang)
    if not spec and hasattr(value, "label") and hasattr(value, "end_month"):
        return value.label(lang)  # a Period with no spec: its label, in the reader's language
    return format(value, spec)


def _grew_as(value: Any, lang: str) -> str:
    """A published growth as printed: an Amount keeps its decimals (增长2.0%, 增长27%)."""
    number = value.value if isinstance(value, Amount) else float(value)
    decimals = value.decimals if isinstance(value, Amount) else None
    key = "growth_as.fall" if number < 0 else "growth_as.rise"
    shown = format_number(abs(number)) if decimals is None else fixed(abs(number), decimals)
    return text(key, lang, value=shown)


def _pct(decimals: int):
    return lambda value, lang: fixed(value, decimals) + "%"


def _signed(noun: bool):
    def shown(value: float, lang: str) -> str:
        key = ("growth_noun" if noun else "growth_verb") + (".fall" if value < 0 else ".rise")
        return text(key, lang, value=fixed(abs(value), 1) + "%")

    return shown


def _period(method: str):
    def shown(period: Any, lang: str) -> str:
        if method == "span":
            return period.months_zh() if lang == "zh" else period.months_en()
        if method == "rest":
            return period.rest_phrase(lang)
        return getattr(period, method)(lang)

    return shown


def _probability(probability: float, lang: str) -> str:
    percent = round(100 * probability)
    if percent <= 0:
        return text("probability.below", lang)
    if percent >= 100:
        return text("probability.above", lang)
    return text("probability.about", lang, value=percent)


_OPTIONAL = {"?sep": "sep.items", "?clause": "sep.clauses"}
_SPECS = {
    "pct": _pct(1),
    "pct0": _pct(0),
    "pct2": _pct(2),
    "pp": lambda value, lang: fixed(abs(value), 1),
    "num": lambda value, lang: format_number(value),
    "grew": _signed(noun=False),
    "growth": _signed(noun=True),
    "grew_as": _grew_as,
    "label": _period("label"),
    "phrase": _period("phrase"),
    "rest": _period("rest"),
    "span": _period("span"),
    "prob": _probability,
}


def register_spec(name: str, handler: Callable[[Any, str], str]) -> None:
    """Make ``{field:name}`` show its value as ``handler(value, lang)`` does. The specs that
    need the word helpers (``name``, ``money``, ``goal`` …) are registered by the module that
    holds those helpers (:mod:`muye_analysis.vocab.words`), so that this module, lower down,
    never imports them back."""
    _SPECS[name] = handler
