"""Spans of months a text names (1-9月, 前三季度, 上半年, 截至6月末, 6月份): the months of the
figures that follow, unless the words around them make them a comparison (比上半年, 较1-5月,
较上年四季度, 比2021年同期两年平均、全年两年平均).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.text import parse_chinese_numeral

_CN = "一二两三四五六七八九十"
# Words before a span that make it a comparison or a starting point (比上半年, 较1-5月, 由二季度的).
_NOT_PERIOD_BEFORE = re.compile(r"(?:比|较|與|与|同|自|从|從|到|至|按|由|于|於)\s?$")
# After a span: 全年目标 is a plan, not the months of a figure; 与一季度相比 a comparison.
_NOT_SPAN_AFTER = re.compile(r"\s?(?:相比|相较|以前|之前|的?(?:目标|计划|任务|预期|预算))")
# A span compared with, further back: 较上年四季度, 比去年同期一季度, or a later member of a list
# of bases with no verb between (比2021年同期两年平均、全年两年平均增速高0.2、1.4个百分点).
_COMPARED = re.compile(
    r"(?:(?:比|较|與|与|同)(?:上年|去年)(?:同期)?"
    r"|(?:比|较|與|与)[^，,。；;：:\n增降高低快慢提升回加减]{1,20}[、和及])[ \t]?$"
)


@dataclass(frozen=True)
class Span:
    """A span of months named in the text at ``start``: ``first``-``last`` (1-9 = 前三季度)."""

    start: int
    end: int
    first: int
    last: int
    words: str
    aside: bool = False  # 其中6月份…: one month inside a longer span, for its sentence only


# Spans of months. Each pattern gives the first and last month from its groups.
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_SPAN_PATTERNS = (
    # 1-9月, 1至7月, 1—8月份, 1月-3月, 一至五月, 元至九月
    (
        "range",
        re.compile(
            rf"(?<![\d.])({_NUM}|元)[ \t]?(?:月份?)?[ \t]?[-—–~至到][ \t]?({_NUM})[ \t]?月份?"
        ),
    ),
    ("first_quarters", re.compile(r"前([1-4一二两三四])个?季度")),
    ("first_months", re.compile(rf"(?<!提)前({_NUM})个?月(?!份?[-—至到])")),  # not 提前两个月
    ("quarter_range", re.compile(r"([1-4一二三四])[-—至到]([1-4一二三四])季度")),
    ("quarter", re.compile(r"(?<![前第\d一二三四至到-])(?:第)?([1-4一二三四])季度(?!末|初)")),
    ("half", re.compile(r"([上下])半年")),
    ("half_to_date", re.compile(r"(?<![上下前后多近一两个])半年(?=累计)")),  # 半年累计完成…
    ("full", re.compile(r"全年|1-12月")),
    # 截至8月底, 6月末, 截止5月份: a stock at the end of a month, or the year to date through it
    (
        "month_end",
        re.compile(rf"(?:截至|截止|截止到)?[ \t]?(?<![\d-])({_NUM})[ \t]?月(?:份)?(?:底|末)"),
    ),
    ("through", re.compile(rf"(?:截至|截止|截止到)[ \t]?({_NUM})[ \t]?月份?")),
    # 6月当月, 6月份单月: one month inside a year-to-date text
    ("month_single", re.compile(rf"(?<![\d\-—至到])({_NUM})[ \t]?月份?(?:当月|单月)")),
    # 12月份, 9月份: a month alone when it opens a clause
    ("month", re.compile(rf"(?<![\d\-—至到])(?<!\d月)({_NUM})[ \t]?月份(?=[,，、\s])")),
    # 今年6月全县…, ，6月份全部工业…, 其中10月份增加值…: one month opening a clause
    (
        "month_opens",
        re.compile(
            rf"(?:(?<=[，,。；;：:\n])|(?<=其中)|(?<=今年)|(?<=本年)|^)[ \t]?({_NUM})[ \t]?月份?"
            r"(?![ \t]?[\d日号底末初中上下旬以前后起至到止])",
            re.M,
        ),
    ),
)


def _number(text: str) -> int:
    if text == "元":
        return 1
    return int(text) if text.isdigit() else parse_chinese_numeral(text.replace("两", "二"))


def _months(kind: str, m: re.Match[str]) -> tuple[int, int] | None:
    if kind == "range":
        first, last = _number(m.group(1)), _number(m.group(2))
    elif kind == "first_quarters":
        first, last = 1, 3 * _number(m.group(1))
    elif kind == "first_months":
        first, last = 1, _number(m.group(1))
    elif kind == "quarter_range":
        first, last = 3 * _number(m.group(1)) - 2, 3 * _number(m.group(2))
    elif kind == "quarter":
        # In 经济运行 news a bare 三季度 reports the year to date (三季度，全县实现地区生产总值…)
        first, last = 1, 3 * _number(m.group(1))
    elif kind == "half":
        first, last = (1, 6) if m.group(1) == "上" else (7, 12)
    elif kind == "half_to_date":
        first, last = 1, 6
    elif kind == "full":
        first, last = 1, 12
    elif kind in ("month_end", "through"):
        first, last = 1, _number(m.group(1))
    else:
        first = last = _number(m.group(1))
    if not 1 <= first <= last <= 12:
        return None
    return first, last


def find_spans(scan: str, lo: int = 0, hi: int | None = None) -> list[Span]:
    """Spans of months that give the period of what follows, in reading order.

    Comparisons are left out (比上半年加快, 较一季度、上半年和前三季度分别提高, 较1-5月上升, 由二
    季度的第12位), and so are ranges that are no months (1-3季度 is read as quarters)."""
    hi = len(scan) if hi is None else hi
    raw: list[tuple[int, int, tuple[int, int], str, bool]] = []
    for kind, pattern in _SPAN_PATTERNS:
        for m in pattern.finditer(scan, lo, hi):
            months = _months(kind, m)
            if months is not None:
                aside = kind == "month_opens" and "其中" in scan[max(0, m.start() - 4) : m.start()]
                raw.append((m.start(), m.end(), months, m.group(), aside))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    spans: list[Span] = []
    last_end, compared_until = -1, -1
    for start, end, (first, last), words, aside in raw:
        if start < last_end:
            continue  # inside a longer span already taken (前三季度 holds 三季度)
        last_end = end
        before = scan[max(0, start - 3) : start]
        if (
            _NOT_PERIOD_BEFORE.search(before)
            or _NOT_SPAN_AFTER.match(scan, end)
            or _COMPARED.search(scan, max(0, start - 25), start)
        ):
            compared_until = end
            continue
        if start - compared_until <= 2 and scan[compared_until:start].strip() in ("、", "和", "及"):
            compared_until = end  # 较一季度、上半年和前三季度: the whole list is compared with
            continue
        spans.append(Span(start, end, first, last, words, aside))
    return spans
