"""The year a change over a term starts from: 五年来，…由A增加到B.

A review of a government's term or of a five-year plan states its changes as pairs, the figure
at the start and the one now (四年来，…一般公共预算收入由5.05亿元增加到7.17亿元; 三次产业比例由
23.2:43.4:33.5调整为22.6:41.2:36.2). Where the paragraph names the term's length (四年来, 过去的
五年, 这五年, 任期的四年) and the pair names no year of its own (由2012年的…, 由上年的…), the
figure it starts from is of the year that many years before the one it ends in.
"""

from __future__ import annotations

import re
from dataclasses import replace

from muye_analysis.extract.clause import Context
from muye_analysis.extract.epochs import plan_last_year
from muye_analysis.text import parse_chinese_numeral

_N = r"([二两三四五六七八九十]|[2-9])"
_TERM = re.compile(
    rf"{_N}年来|{_N}年以来|过去的?{_N}年|这{_N}年|{_N}年间|任期的?{_N}年"
    rf"|这是[^；;。]{{0,40}}的{_N}年(?=[。；;，,])"  # 这是…，综合实力显著增强的五年。
    rf"|——{_N}年(?=[\u4e00-\u9fff])"  # ——五年奋勇争先，…从179.92亿元预计增加到245亿元
)
# A start the pair names itself: 由2012年的…, 由上年的…, 比去年…
_OWN_START = re.compile(r"(?:19|20)\d\d[ \t]?年|上年|去年|上一年")


def term_years(scan: str, lo: int, pos: int) -> tuple[int, str] | None:
    """(length in years, words) of the last term named in ``scan[lo:pos]``, or None."""
    found = list(_TERM.finditer(scan, lo, pos))
    if not found:
        return None
    m = found[-1]
    digits = next(g for g in m.groups() if g)
    n = int(digits) if digits.isdigit() else parse_chinese_numeral(digits.replace("两", "二"))
    return n, m.group()


def start_of_term(
    ctx: Context, scan: str, paragraph: int, pos: int, lead: str, norm: str | None = None
) -> Context:
    """The context of a change's start figure: the year a term named in the paragraph (or a
    five-year plan in its part's heading, read in ``norm``: quotes unmasked) began
    (四年来…由5.05亿元: 2016 - 4 = 2012), unless the pair names its own start."""
    if ctx.period is None or _OWN_START.search(lead):
        return ctx
    term = term_years(scan, paragraph, pos) or _plan_heading_term(norm or scan, pos, ctx.period)
    if term is None:
        return ctx
    year = ctx.period - term[0]
    why = f"{ctx.period_why}; the start of the term ({term[1]}: {year})"
    return replace(ctx, period=year, period_why=why)


# A heading naming a five-year plan: 一、十三五工作回顾, “十四五”时期重大成就.
_PLAN_HEADING = re.compile(r"^[^\n。]{0,12}十([一二三四五六七八九])五[^\n。]{0,16}$", re.M)
_HEADING_REACH = 4000  # characters back from the pair to its part's heading


def _plan_heading_term(scan: str, pos: int, period: int) -> tuple[int, str] | None:
    """(5, words) when the nearest heading before ``pos`` names the five-year plan that ends in
    ``period`` (十三五工作回顾 over …从45个发展到117个 in 2020): its pairs start at the year
    before the plan's first."""
    headings = list(_PLAN_HEADING.finditer(scan, max(0, pos - _HEADING_REACH), pos))
    if not headings:
        return None
    last = headings[-1]
    if plan_last_year(last.group(1)) != period:
        return None
    return 5, last.group().strip()


# The time a rank's start names itself: 由二季度的第12位, 从上月的第5位, 由年初的…
_RANK_START_TIME = re.compile(r"季度|月|年|期|初|末")


def start_of_rank_move(ctx: Context, lead: str) -> Context:
    """A rank that moved over a year (从山区26县第12位提升到第10位, 从第十二名落至第十三名), its
    start naming no time of its own, started in the year before the one reported."""
    start = max(lead.rfind("由"), lead.rfind("从"))
    if ctx.period is None or ctx.end_month not in (None, 12) or start < 0:
        return ctx
    if _RANK_START_TIME.search(lead[start:]):
        return ctx
    year = ctx.period - 1
    return replace(ctx, period=year, period_why=f"{ctx.period_why}; a rank's start: {year}")
