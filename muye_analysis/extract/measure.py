"""What a figure measures, its sign, the rule that read it and the deciding words: by its unit
alone (ranks, standings, 持平, points, moves in a ranking), for a figure in % (a completion, a
named rate, a share, a growth and its sign, a comparator's own figure, a rate), or for a figure in
units (a multiple, a change, a level or a count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.extract.clause import CHANGE, FLAT_VERSUS, SHARE, Carry, Context
from muye_analysis.extract.mentions import (
    LEVEL_UNITS,
    OUTPUT_UNITS,
    PERCENT_UNITS,
    PERMILLE_POINTS,
    PP_UNITS,
    RANK_MOVE_WORDS,
    RATIO_UNITS,
    Mention,
)

_DECLINE = re.compile(
    r"(?:负增长|下降|降低|减少|回落|下滑|下跌|收窄|缩小|减产|减收|下调|调低|减|少|少增)了?$"
    # a decline named by its size: 累计降幅分别为7.5%、7.8% (falls of 7.5% and 7.8%)
    r"|(?:降幅|跌幅)(?:分别)?(?:为|是|达到?)?$"
)

# A rate in ‰ that rose or fell (出生率比去年下降1.62‰, 死亡率较上年提高0.3‰): the figure is its
# change in ‰.
_RATE_MOVED_PERMILLE = re.compile(
    r"率(?:(?:比|较)[^，,；;\d]{1,8}?)?(?:下降|降低|减少|回落|提高|上升|增加|回升)了?$"
)

_GROWTH = re.compile(
    r"(?:增长|增速|增幅|涨幅|降幅|跌幅|提高|提升|上升|上涨|回升|增加|扩大|增|下降|降低|减少|回落|下滑|下跌|收窄|"
    r"缩小|增产|减产|减)"  # 稻谷产量7.0万吨，增产0.6%: an output's growth
    r"(?:分别)?(?:了|为|是|达到?)?(?:\s?[:：])?\s?$"  # 四行业增速分别为-11.6%、4.1%; 增速：7.2%
    # 生产总值增长目标为7.5%以上, 增速目标定为7%
    r"|(?:增长|增速)(?:预期)?(?:目标|预期)(?:拟?定为|明确为|设定为|便是|就是|为|是)?$"
)

# A rate named in brackets before its value: 占常住人口比重(常住人口城镇化率)为67.31%.
_NAMED_RATE_IN_BRACKETS = re.compile(r"[(（][^()（）]{1,12}率[)）](?:为|是|达到?)?$")

# A note in brackets between a verb and its value: 下降(同口径)19.59%.
_TRAILING_NOTE = re.compile(r"[(（][^()（）\d]{1,10}[)）]$")

# A level compared with a place or plan, as a gap: 高于全市平均水平12645元.
_LEVEL_VERSUS = re.compile(r"(?P<verb>高于|低于|高出|多于|少于)[^，,；;\d]{1,12}$")

# Rates whose name says 增长 but that are no growth: 人口自然增长率.
_NAMED_RATE = re.compile(r"自然增长率")

_GROWTH_SUBJECT = re.compile(r"增速|增幅|涨幅|增长")
# A price index kept within a figure in % is kept to a rise (居民消费价格指数控制在3.5%以内), where
# the index itself is printed as 100.8%.
_INDEX_CAPPED = re.compile(r"价格(?:总)?指数[^，,；;\d]{0,4}?(?:控制|保持)(?:在|为)?$")

# 高于6%的预期目标: a target of the measure the sentence is about, not a share.
_TARGET_NAMED_AFTER = re.compile(r"(?:左右|以上)?的?(?:年度|全年)?(?:预期|发展)?目标")

# The fastest or slowest growth, its figure in the next clause: 以南京的增速最快，为5.2%.
_GROWTH_SUPERLATIVE = re.compile(r"(?:增速|增幅)(?:最快|最高|最慢|最低)[，,]\s?(?:为|是|达到?)\s?$")

# Shares listed after a colon, each a part's name and its figure: 占农林牧渔业总产值的比重分别为：
# 农业61.9%，林业4.5%，牧业27.6%.
_SHARES_LISTED = re.compile(
    r"(?P<opener>(?:比重|占比|构成)(?:分别)?(?:为|是)?[:：])"
    r"(?:[\u4e00-\u9fff]{1,12}\d+(?:\.\d+)?%[，,、;；])*[\u4e00-\u9fff]{1,12}$"
)

# 保持30%以上的快速增长: a growth named right after the figure (or after the list it opens:
# 分别以15%、13.6%的增速).
_GROWTH_AFTER = re.compile(
    r"(?:[、和][ \t]?\d+(?:\.\d+)?%)*(?:以上|左右)?的(?:快速|高速|较快|平稳)?(?:增长|增速)"
)


def read_measure(
    m: Mention, before: str, subject: str, ctx: Context, carry: Carry, paren_value, after: str = ""
) -> tuple[str, int, str, str]:
    """The measure a mention reports, its sign, the rule that read it and the deciding words."""
    tail = before.rstrip()
    named_rate = _NAMED_RATE_IN_BRACKETS.search(tail)  # 占常住人口比重(常住人口城镇化率)为67.31%
    tail = _TRAILING_NOTE.sub("", tail)  # 下降(同口径)19.59%: the note is no part of the verb
    decline = _DECLINE.search(tail)
    special = _unit_measure(m, tail, decline)
    if special is not None:
        return special
    if m.base in PERCENT_UNITS:
        words = _PercentWords(before, tail, subject, after, named_rate, decline)
        return _percent_measure(words, ctx, carry, paren_value)
    return _amount_measure(m, tail, decline)


def _unit_measure(m: Mention, tail: str, decline) -> tuple[str, int, str, str] | None:
    """Measures the unit alone decides: ranks, standings, 持平, points, moves in a ranking."""
    sign = -1 if decline else 1
    if m.ordinal:
        return "rank", 1, "rank", ""
    if m.base == "standing":
        return "standing", 1, "standing", ""
    if m.base == "持平":
        versus = FLAT_VERSUS.search(tail)
        if versus:  # 与全省平均水平持平: no gap to the province, 0 points
            return "change_pp", 1, "flat_versus", versus.group()
        return "growth_rate", 1, "flat", "持平"
    if m.base in PERMILLE_POINTS:
        return "change", sign, "permille_change", decline.group() if decline else ""
    moved = _RATE_MOVED_PERMILLE.search(tail) if m.base == "‰" else None
    if moved:  # 出生率比去年下降1.62‰: a rate in ‰ that moved changed by 1.62‰, no growth
        return "change", sign, "permille_change", moved.group()
    if m.base == "位":
        moved = re.search("|".join(RANK_MOVE_WORDS), tail)
        down = moved is not None and moved.group() in ("后移", "下降", "后退", "下移")
        return "change", -1 if down else 1, "rank_move", moved.group() if moved else ""
    if m.base in PP_UNITS:
        return "change_pp", sign, "pp_change", decline.group() if decline else ""
    return None


@dataclass(frozen=True)
class _PercentWords:
    """The words around a figure in % that say what it measures."""

    before: str  # the clause before the value
    tail: str  # the same, stripped, without a trailing note in brackets
    subject: str
    after: str  # a few characters after the value
    named_rate: re.Match | None  # (…城镇化率)为
    decline: re.Match | None


def _percent_measure(
    w: _PercentWords, ctx: Context, carry: Carry, paren_value: bool
) -> tuple[str, int, str, str]:
    """A figure in %: a completion, a named rate, a share, a growth (with its sign), a
    comparator's own figure, or a rate."""
    sign = -1 if w.decline else 1
    growth = _GROWTH.search(w.tail)
    # a share named in this clause, or carried from the clause before unless a growth verb
    # stands here (工业投资75.11亿元(占总投资的32.1%)，增长103.2% is the investment's growth)
    share = SHARE.search(w.before) or (not growth and SHARE.search(w.subject))
    if ctx.completion:
        return "rate", 1, "completion", "完成…的"
    if w.named_rate:
        return "rate", 1, "rate", w.named_rate.group()
    if share:
        return "share", 1, "share", share.group()
    if _NAMED_RATE.search(w.subject):
        return "rate", 1, "rate", _NAMED_RATE.search(w.subject).group()
    if growth or _GROWTH_SUBJECT.search(w.subject):
        return "growth_rate", sign, "growth", growth.group() if growth else "增速"
    if _INDEX_CAPPED.search(w.tail):
        return "growth_rate", 1, "growth", _INDEX_CAPPED.search(w.tail).group()
    if paren_value:
        # 比全省(7.7%)…高: the comparator's own figure, of the measure being compared
        # (累计增速高于全国(3.9%): a growth, named in the clause)
        named = "growth_rate" if re.search("增速|增幅", ctx.clause_text) else "rate"
        return carry.pct_measure or named, 1, "comparator_value", "(…) after a comparator"
    return _percent_by_context(w, ctx, carry)


def _percent_by_context(w: _PercentWords, ctx: Context, carry: Carry) -> tuple[str, int, str, str]:
    """A figure in % whose own clause names no measure: the words after it, or the sentence."""
    opened = _GROWTH.search(ctx.sentence_text.rstrip())
    if opened and re.search(r"[:：]\s?$", ctx.sentence_text):
        # 规上工业增加值增速：7.2%: the growth named before a colon that opens the figure
        return (
            "growth_rate",
            -1 if _DECLINE.search(opened.group().rstrip(":： ")) else 1,
            ("growth"),
            opened.group(),
        )
    shares = _SHARES_LISTED.search(ctx.sentence_text)
    if shares:  # 占…的比重分别为：农业61.9%，林业4.5%: each part's share, named before the colon
        return "share", 1, "share", shares.group("opener")
    superlative = _GROWTH_SUPERLATIVE.search(ctx.sentence_text)
    if superlative:  # 以南京的增速最快，为5.2%: the growth the clause before names
        return "growth_rate", 1, "growth", superlative.group()
    if _GROWTH_AFTER.match(w.after):
        return "growth_rate", 1, "growth", _GROWTH_AFTER.match(w.after).group()
    if _TARGET_NAMED_AFTER.match(w.after) and carry.pct_measure:
        # 增长6.5%，高于6%的预期目标: the target of the measure just read
        return carry.pct_measure, 1, "target_named", _TARGET_NAMED_AFTER.match(w.after).group()
    carried = _carried_percent(w, carry)
    if carried is not None:
        return carried
    if re.match(r"的[\u4e00-\u9fff]", w.after):
        return "share", 1, "share", "N%的…: a share of what follows"  # 20%的村集体
    about_growth = "增速" in ctx.sentence_text
    if w.tail.endswith(("(", "（")) and (carry.pct_measure or about_growth):
        # 从…增速来看，…西藏(14.7%)、重庆(11%): a place's figure in brackets, of the measure
        # the sentence is about
        measure = "growth_rate" if about_growth else carry.pct_measure
        return measure, 1, "bracketed", f"(…) of {measure}"
    return "rate", 1, "rate", ""


# A target in % named only 目标 (海南今年目标为8%, 西藏设定的目标最高，为12%左右, 预期目标调整为
# 9%左右): a growth target, the way targets in % are set, unless a rate is named.
_TARGET_PERCENT = re.compile(
    r"(?:目标|预期)[^，,；;\d]{0,6}?(?:为|是)$|(?:调整|下调|上调|定|设定)为$"
)
_TARGET_WORD = re.compile(r"目标|预期")
_BARE_IS = re.compile(r"^(?:均|则|将)?(?:为|是)$")  # 西藏设定的目标最高，为12%左右
_THEN_IS = re.compile(r"(?:则|也|都)?(?:是|为)$")
_ADJUSTED_TO = re.compile(r"(?:调整|下调|上调|调)(?:为|到|至)$")
# Named rates and shares, which a target in % may be of: 城镇调查失业率目标为5.5%.
_RATE_NAMED = re.compile(r"率|比重|占比|比例|覆盖|指数")
# The figure compared against, after 比去年: 比去年的8.5%下降1个百分点 (of the measure read).
_BASE_BEFORE = re.compile(r"(?:比|较)(?:去年|上年)(?:同期)?的?$")
# The end of a subject shared along a list: 科学技术支出增长25.1%，农林水支出20.7% (支出).
_LIST_TAIL = 2


def _carried_percent(w: _PercentWords, carry: Carry) -> tuple[str, int, str, str] | None:
    """A figure in % whose measure comes from the sentence so far: a growth target named only
    目标, the figure compared against after 比去年, or the last member of a list of growths that
    leaves out its verb (…科学技术支出增长25.1%，农林水支出20.7%)."""
    named = _RATE_NAMED.search(w.subject) or _RATE_NAMED.search(w.tail)
    if named:
        return None
    target = _TARGET_PERCENT.search(w.tail) or _BARE_IS.search(w.tail)
    if target and (_TARGET_WORD.search(w.tail) or _TARGET_WORD.search(w.subject)):
        return "growth_rate", 1, "growth_target", target.group()
    adjusted = _ADJUSTED_TO.search(w.tail)
    if adjusted and carry.pct_measure:  # 天津去年的目标为11%，今年则调整为9%左右
        return carry.pct_measure, 1, "adjusted", adjusted.group()
    if carry.kind == "target" and carry.pct_measure and _THEN_IS.search(w.tail):
        # 驻马店增速目标为7%左右，濮阳、信阳则是7%以上: the next places' target of that measure
        return carry.pct_measure, 1, "growth_target", _THEN_IS.search(w.tail).group()
    if carry.pct_measure and _BASE_BEFORE.search(w.tail):
        return carry.pct_measure, 1, "comparator_value", _BASE_BEFORE.search(w.tail).group()
    listed = (
        carry.pct_measure == "growth_rate"
        and carry.measure == "growth_rate"
        and len(w.subject) > _LIST_TAIL
        and w.tail.endswith(w.subject)
        and carry.subject.endswith(w.subject[-_LIST_TAIL:])
    )
    if listed:
        return "growth_rate", 1, "growth", f"a list of growths of …{w.subject[-_LIST_TAIL:]}"
    return None


def _amount_measure(m: Mention, tail: str, decline) -> tuple[str, int, str, str]:
    """A figure in units: a multiple, a change (比上年增加, 增产, 高于全市…), a level or a count."""
    sign = -1 if decline else 1
    if m.base in RATIO_UNITS:
        growth = _GROWTH.search(tail)
        if growth and not decline:
            return "growth_rate", 1, "multiple", growth.group()
        return "ratio", 1, "ratio", "倍"
    change = CHANGE.search(tail)
    if change:  # 比全市低520元: a gap below the comparator
        low = change.group().rstrip(" 了").endswith("低")
        return "change", -1 if low else sign, "change", change.group()
    versus = _LEVEL_VERSUS.search(tail)
    if versus:  # 人均地区生产总值…，高于全市平均水平12645元: a gap to the comparator
        return "change", -1 if versus["verb"] in ("低于", "少于") else 1, "change", versus.group()
    if m.base in LEVEL_UNITS:
        return "level", 1, "level", ""
    if m.base in OUTPUT_UNITS and m.unit != m.base:
        return "level", 1, "level", f"an output in {m.unit}"  # 汽车242.3万辆, like 万吨
    return "count", 1, "count", ""
