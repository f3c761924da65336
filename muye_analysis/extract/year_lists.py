"""Years listed for a list of figures: 2011年、2012年，…分别达到16495元、18700.5元.

A sentence may name several years and then give one figure for each with 分别 (respectively):
the k-th figure of the list is of the k-th year. Without 分别, or when the list of figures is
not as long as the list of years, the years say nothing of each figure and the usual rules
(the nearest year before it) apply.
"""

from __future__ import annotations

import re

# 2011年、2012年 / 2011年和2012年 / 2019、2020年 (the 年 printed once, after the last).
_YEAR_LIST = re.compile(
    r"((?:19|20)\d\d)[ \t]?年?(?:[ \t]?[、和与及][ \t]?((?:19|20)\d\d)[ \t]?年?)+(?=[^\d])"
)
_RESPECTIVELY = re.compile(r"分[别別]")
# One member of a list of figures and what separates it from the next: 16495元、 15%、 第三、
_MEMBER = r"第?[ \t]?(?:\d+(?:\.\d+)?|[一二三四五六七八九十]+)[^\d、和及，,；;。\n]{0,4}"
_RUN_BEFORE = re.compile(rf"(?:{_MEMBER}[ \t]?[、和及][ \t]?)+$")
_RUN_AFTER = re.compile(rf"^{_MEMBER}(?:[ \t]?[、和及][ \t]?{_MEMBER})*")
_SEPARATOR = re.compile(r"[、和及]")
_SENTENCE_END = "。\n"  # a list of years reaches over ；: …10.4%；农民人均纯收入分别达到…


def listed_year(scan: str, pos: int) -> tuple[int, str] | None:
    """(year, words) for the figure at ``pos`` when its sentence lists years and then, after
    分别, one figure per year; else None."""
    start = max(scan.rfind(c, 0, pos) for c in _SENTENCE_END) + 1
    lists = list(_YEAR_LIST.finditer(scan, start, pos))
    if not lists:
        return None
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", lists[-1].group())]
    if not _RESPECTIVELY.search(scan, lists[-1].end(), pos):
        return None
    before = _RUN_BEFORE.search(scan, lists[-1].end(), pos)
    k = len(_SEPARATOR.findall(before.group())) if before else 0
    end = min((i for i in (scan.find(c, pos) for c in "，,；;。\n") if i >= 0), default=len(scan))
    after = _RUN_AFTER.match(scan[pos:end])
    members = k + 1 + (len(_SEPARATOR.findall(after.group())) if after else 0)
    if members != len(years):
        return None
    return years[k], f"{lists[-1].group()}…分别 ({k + 1}/{members})"
