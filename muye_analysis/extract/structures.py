"""Structure ratios: the shares of a whole printed together after a word such as 结构 (三次产业结构
由14.9:33.2:51.9调整为15.3:31.3:53.4, 结构为30.5%:18.5%:51%, 二、三产业比例53.5:46.5), found apart
from other mentions (``mentions``) as their parts are shares, not figures of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.extract.ratios_glued import glued_ratios

# Structure ratios: 三次产业结构由14.9:33.2:51.9调整为15.3:31.3:53.4 (shares that sum to 100); a
# colon may lead the parts (结构调整优化为:12.2:43.6:44.2).
_STRUCTURE = re.compile(
    r"(?<![\d.])(?<![\d.][:：])\d+(?:\.\d+)?(?:[ \t]*[:：][ \t]*\d+(?:\.\d+)?){2,3}(?![\d:：])"
)
# 三次产业比达到38.8:19.3:41.9; 三次产业投资之比由…
_STRUCTURE_LEAD = re.compile(r"结构|比例|构成|结构比|比重|产业比|之比")
_STRUCTURE_PART = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Structure:
    """A structure ratio as printed: its span and each part's (start, end, value)."""

    start: int
    end: int
    parts: tuple[tuple[int, int, float], ...]


# The same written in percent: 结构由上年的22.26%、28.63%和49.11%调整为21.35%、27.92%和50.73%,
# or apart by colons (结构为30.5%:18.5%:51%).
_STRUCTURE_PERCENT = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?[ \t]*%(?:[ \t]*[、和:：][ \t]*\d+(?:\.\d+)?[ \t]*%){2,3}"
)
_PERCENT_LEAD = re.compile(r"(?:结构|构成|比例)(?:比|构成|为|由|调整为|[^，,；;\d]){0,8}$")


def find_structures(scan: str, lo: int, hi: int) -> list[Structure]:
    """Ratios of three or four parts after a word such as 结构 in the same sentence; also three
    or four percentages listed right after 结构/构成 (and after 调整为 in the same sentence)."""
    found: list[Structure] = []
    if not _STRUCTURE_LEAD.search(scan, lo, hi):
        return found
    for m in _STRUCTURE_PERCENT.finditer(scan, lo, hi):
        lead = scan[max(lo, m.start() - 14) : m.start()]
        earlier = found and re.search(r"调整为|变为|优化为|调整到", scan[found[-1].end : m.start()])
        if not (_PERCENT_LEAD.search(lead) or earlier):
            continue
        parts = tuple(
            (p.start(), p.end(), float(p.group()))
            for p in _STRUCTURE_PART.finditer(scan, m.start(), m.end())
        )
        found.append(Structure(m.start(), m.end(), parts))
    for m in _STRUCTURE.finditer(scan, lo, hi):
        if not _STRUCTURE_LEAD.search(scan, lo, m.start()):
            continue
        parts = tuple(
            (p.start(), p.end(), float(p.group()))
            for p in _STRUCTURE_PART.finditer(scan, m.start(), m.end())
        )
        found.append(Structure(m.start(), m.end(), parts))
    if _TWO_SECTORS.search(scan, lo, hi):
        found += _two_part_structures(scan, lo, hi, found)
    found += [
        Structure(a, b, parts)
        for a, b, parts in glued_ratios(scan, lo, hi)
        if not any(st.start <= a < st.end for st in found)
    ]
    return sorted(found, key=lambda st: st.start)


# Two parts after the second and third sectors named: 二、三产业结构比例由2005年的53.5:46.5…
_TWO_SECTORS = re.compile(r"(?:第?二、三|二三)(?:次)?产业(?:结构|比例|之比|比)")
_TWO_PARTS = re.compile(r"(?<![\d.:：])\d+(?:\.\d+)?[ \t]*[:：][ \t]*\d+(?:\.\d+)?(?![\d.:：])")


def two_sectors_named(text: str) -> bool:
    """Whether the text names the second and third sectors alone (二、三产业结构)."""
    return _TWO_SECTORS.search(text) is not None


def _two_part_structures(scan: str, lo: int, hi: int, found: list[Structure]) -> list[Structure]:
    """Ratios of two parts that sum to 100 after 二、三产业…, not inside a longer ratio."""
    two = []
    for m in _TWO_PARTS.finditer(scan, _TWO_SECTORS.search(scan, lo, hi).end(), hi):
        parts = tuple(
            (p.start(), p.end(), float(p.group()))
            for p in _STRUCTURE_PART.finditer(scan, m.start(), m.end())
        )
        inside = any(st.start <= m.start() < st.end for st in found)
        if not inside and abs(sum(p[2] for p in parts) - 100) <= 0.5:
            two.append(Structure(m.start(), m.end(), parts))
    return two
