"""Structure ratios whose colons a page lost: 三次产业比例由上年的21.64236.4调整为20.245.334.5 is
21.6:42:36.4 changed to 20.2:45.3:34.5 (a yearbook copied without its colons). The digits after
由…的 or 调整为, before no unit, are cut into three shares of at most one decimal where exactly one
cut sums to 100 (whole numbers only where the ratio is named just before: 产业结构由2007年的223741);
``structures.find_structures`` reads them as any other ratio.
"""

from __future__ import annotations

import re

_GLUED_STRUCTURE = re.compile(
    r"(?:由|的|调整为|变为|优化为)(?P<digits>\d[\d.]{5,15})(?![\d.%‰万亿元个])"
)
_PART = re.compile(r"(?:0|[1-9]\d?)(?:\.\d)?")
# Whole-number shares (由2007年的223741: 22:37:41) only right after the ratio is named.
_NAMED_BEFORE = re.compile(
    r"(?:产业|三产|投资)(?:结构|比例|之比)[^，,。；;\d]{0,4}(?:(?:19|20)\d\d年)?[^，,。；;\d]{0,10}$"
)
TOLERANCE = 0.15


def glued_ratios(scan: str, lo: int, hi: int) -> list[tuple[int, int, tuple]]:
    """(start, end, parts) of each glued ratio in ``scan[lo:hi]``; parts as (start, end, value)."""
    out = []
    for m in _GLUED_STRUCTURE.finditer(scan, lo, hi):
        named = _NAMED_BEFORE.search(scan, max(0, m.start() - 24), m.start("digits"))
        cuts = _all_cuts(m["digits"]) if "." in m["digits"] or named else []
        if len(cuts) != 1:
            continue
        parts, pos = [], m.start("digits")
        for piece in cuts[0]:
            parts.append((pos, pos + len(piece), float(piece)))
            pos += len(piece)
        out.append((m.start("digits"), m.end("digits"), tuple(parts)))
    return out


def _all_cuts(digits: str) -> list[tuple[str, str, str]]:
    """Every cut of ``digits`` into three shares (at most one decimal) summing to 100."""
    out = []
    for i in range(1, len(digits) - 1):
        for j in range(i + 1, len(digits)):
            cut = (digits[:i], digits[i:j], digits[j:])
            if not all(_PART.fullmatch(x) for x in cut):
                continue
            if abs(sum(map(float, cut)) - 100) <= TOLERANCE:
                out.append(cut)
    return out
