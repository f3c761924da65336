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

A value that is itself a :class:`Phrase` (a key and its values) or a claim is rendered in
place, so a sentence can hold a clause chosen by the data (仍为 / 提高到 / 降至).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping, Sequence
from typing import Any

from muye_analysis.claims.base import Amount, Phrase
from muye_analysis.display import fixed, format_number

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
    from muye_analysis.vocab import text

    return text(phrase.key, lang, **phrase.fields)


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
    from muye_analysis import vocab

    if spec in _OPTIONAL:  # an optional clause: after its separator, or nothing
        return vocab.text(_OPTIONAL[spec], lang) + show(value, "", lang) if value else ""
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
        if optional and key not in vocab.STRINGS:
            return ""
        return vocab.text(key, lang)
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
    from muye_analysis import vocab

    number = value.value if isinstance(value, Amount) else float(value)
    decimals = value.decimals if isinstance(value, Amount) else None
    key = "growth_as.fall" if number < 0 else "growth_as.rise"
    shown = format_number(abs(number)) if decimals is None else fixed(abs(number), decimals)
    return vocab.text(key, lang, value=shown)


def _pct(decimals: int):
    return lambda value, lang: fixed(value, decimals) + "%"


def _signed(noun: bool):
    def shown(value: float, lang: str) -> str:
        from muye_analysis import vocab

        key = ("growth_noun" if noun else "growth_verb") + (".fall" if value < 0 else ".rise")
        return vocab.text(key, lang, value=fixed(abs(value), 1) + "%")

    return shown


def _period(method: str):
    def shown(period: Any, lang: str) -> str:
        if method == "span":
            return period.months_zh() if lang == "zh" else period.months_en()
        if method == "rest":
            return period.rest_phrase(lang)
        return getattr(period, method)(lang)

    return shown


def _name(short: bool):
    def shown(indicator: Any, lang: str) -> str:
        from muye_analysis import vocab

        return vocab.indicator_name(indicator, lang, short=short)

    return shown


def _join(sep_key: str | None, named: bool = False, short: bool = True):
    def shown(items: Sequence[Any], lang: str) -> str:
        from muye_analysis import vocab

        texts = [vocab.indicator_name(i, lang, short=short) if named else show(i, "", lang)
                 for i in items if i]  # fmt: skip
        if sep_key is None:
            return vocab.join_names(texts, lang)
        return vocab.text(sep_key, lang).join(texts)

    return shown


def _rank(value: int, lang: str) -> str:
    from muye_analysis import vocab

    return str(int(value)) if lang == "zh" else vocab.ordinal(int(value))


def _area(value: Any, lang: str) -> str:
    from muye_analysis import vocab

    return vocab.area_name(value, lang)


def _weights(value: Any, lang: str) -> str:
    from muye_analysis import vocab

    return vocab.weights_text(str(value), lang)


def _money(value: float, lang: str) -> str:
    from muye_analysis import vocab

    return vocab.money(value, lang)


def _amount(value: Any, lang: str) -> str:
    from muye_analysis import vocab

    if isinstance(value, Amount):
        return vocab.amount(value.value, value.unit, lang, decimals=value.decimals)
    number, unit = value
    return vocab.amount(number, unit, lang)


def _goal(commitment: bool, short: bool = False, growth_word: bool = True):
    def shown(goal: Any, lang: str) -> str:
        from muye_analysis import vocab

        if short:
            return vocab.target_text(goal["target"], goal["qualifier"], goal["bound"], lang)
        return vocab.goal_text(goal, lang, commitment=commitment, growth_word=growth_word)

    return shown


def _unit(unit: Any, lang: str) -> str:
    """A unit right after a number: 亿元 / ' RMB 100 million' (a word after a space, % without
    one); nothing for a plain count in English (个, 家)."""
    from muye_analysis import vocab

    word = vocab.unit_label(str(unit), lang) if unit else ""
    return f" {word}" if lang == "en" and word and word != "%" else word


def _probability(probability: float, lang: str) -> str:
    from muye_analysis import vocab

    percent = round(100 * probability)
    if percent <= 0:
        return vocab.text("probability.below", lang)
    if percent >= 100:
        return vocab.text("probability.above", lang)
    return vocab.text("probability.about", lang, value=percent)


_OPTIONAL = {"?sep": "sep.items", "?clause": "sep.clauses"}
_SPECS = {
    "pct": _pct(1),
    "pct0": _pct(0),
    "pct2": _pct(2),
    "pp": lambda value, lang: fixed(abs(value), 1),
    "num": lambda value, lang: format_number(value),
    "unit": _unit,
    "grew": _signed(noun=False),
    "growth": _signed(noun=True),
    "grew_as": _grew_as,
    "name": _name(short=True),
    "fullname": _name(short=False),
    "names": _join(None, named=True),
    "fullnames": _join(None, named=True, short=False),
    "list": _join(None),
    "items": _join("sep.items"),
    "commas": _join("sep.commas"),
    "clauses": _join("sep.clauses"),
    "label": _period("label"),
    "phrase": _period("phrase"),
    "rest": _period("rest"),
    "span": _period("span"),
    "rank": _rank,
    "area": _area,
    "weights": _weights,
    "money": _money,
    "amount": _amount,
    "goal": _goal(commitment=True),
    "goal_plain": _goal(commitment=False),
    "goal_value": _goal(commitment=False, growth_word=False),
    "target": _goal(commitment=False, short=True),
    "prob": _probability,
}
