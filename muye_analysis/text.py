"""Text normalisation shared by the report reader and the quarterly ingester."""

from __future__ import annotations

import re

# Full-width ASCII (０-９, ．, ％, －, ＋, ，…) maps to half-width by a fixed offset; the
# ideographic space and CJK marks that stand for ASCII in numbers are mapped explicitly.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({0x3000: 0x20, 0x3002: 0x2E})  # ideographic space, 。 used as a decimal point


def to_halfwidth(text: str) -> str:
    """Replace full-width digits, letters and ASCII punctuation with their half-width forms.

    Chinese punctuation that has no ASCII twin (、《》) is left alone; note that full-width
    commas and parentheses do become ASCII.

    >>> to_halfwidth("１２．５％")
    '12.5%'
    """
    return text.translate(_FULLWIDTH)


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")


def parse_chinese_numeral(text: str) -> int:
    """Parse a Chinese numeral such as 三, 十二, 二十五, 一百零八 or 两万 into an int.

    >>> parse_chinese_numeral("十二")
    12
    >>> parse_chinese_numeral("一百零八")
    108
    """
    if not text or not CHINESE_NUMERAL.fullmatch(text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[ch]
            digit = None
        else:  # 万 / 亿 close a section
            section += digit or 0
            total = (total + section) * _BIG_UNITS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


# How text breaks into lines on a slide or chart (PowerPoint, WPS, LibreOffice, matplotlib alike):
# a run of narrow characters (a word, a number, a URL) with its trailing space stays whole; a
# wide (CJK) character may break anywhere, opening punctuation stays with what follows and
# closing punctuation with what precedes.
_OPENING = "（《「“‘(["
LINE_TOKEN = re.compile(
    rf"[{_OPENING}]*[^\s\u2e80-\uffef{_OPENING}]+\s*"
    rf"|[{_OPENING}]*[\u2e80-\uffef][，。；：、）》」”’！？%]*"
    r"|\s+"
    r"|\S"  # anything else (a lone opening bracket), so no character is ever dropped
)


def line_tokens(paragraph: str) -> list[str]:
    """The pieces a line may break between (:data:`LINE_TOKEN`), in order; joined, the
    paragraph."""
    return LINE_TOKEN.findall(paragraph)
