"""Ranks: what a rank ranks (增速位居全市第2位 the growth, 总量全市第二 the level) and among whom
(全市, 中部, 16个县市区, 国内大中城市, 百强区). Two of the reader's rules (``statement.RULES``)."""

from __future__ import annotations

import re

from muye_analysis.extract.clause import (
    RANK_VERB_AT,
    RANKED_WORDS,
    SCOPE_WORD,
    Carry,
    Statement,
    end_of_clause,
    start_of_clause,
)
from muye_analysis.extract.mentions import Mention
from muye_analysis.text import parse_chinese_numeral

# 是2016年的2.5倍，由全省第48位上升到第29位: a multiple of a level ranks the level.
_RANKED_ON = {"level": "level", "growth_rate": "growth_rate", "share": "share", "rate": "share",
              "count": "amount", "ratio": "level"}  # fmt: skip

# A ranking pool named by its size: 在16个县市区…综合排名中.
POOL = re.compile(
    r"(?:\d+|[一二三四五六七八九十]+)个?(?:县市区|县（市、区）|县\(市、区\)|县\(市\)|区县|县区|县市|市州|设区市|区|县)"
    r"|在(?P<within>[^，,；;\d]{2,14}?)中"
)

# A pool named by its kind, opening the rank's clause or after 在: 第二平台市县增速排名第6,
# 增速在苏南五市排第一.
_NAMED_POOL = re.compile(
    r"[^，,；;。\s\d在]{2,10}?(?:市县|县市区|县市|区县|县区|地市|市州|设区市|[两二三四五六七八九十]{1,2}[市县区])"
    r"(?=(?:累计)?(?:增速|增幅|总量)?在?(?:排名|排在|排|位列|位居|居))"
)

# A league named by its list (中国中小城市综合实力百强区第三名): its scope when no other is known.
_LEAGUE = re.compile(r"[^，,；;\d第]{0,14}百强[区县市]?")

# Where a rank is among: 全市…, or a region (列全国第4、中部第1; 位列西部第10位).
_RANK_SCOPE = re.compile(
    r"全市|全省|全国|全区|全县|全州|全盟"
    r"|(?<=[名居列])[省市](?=第)"  # 排名省第二位: the province (全省)
    r"|(?:东部|中部|西部|中西部|东北|西北|西南|华东|华北|华中|华南)(?:地区|市州|地市|城市)?(?=第)"
    # regions within a province or across a few: 位列苏南第一, 珠三角第2
    r"|(?:苏南|苏中|苏北|皖南|皖北|浙东|浙西|粤东|粤西|粤北|珠三角|长三角|京津冀|成渝)(?:地区)?(?=第)"
    # pools of cities: 稳居国内大中城市第四位, 国内副省级以上城市首位, 全国省会城市第5
    r"|(?:国内|全国)(?:大中|副省级(?:以上)?|省会|地级及?以上|同类|主要)?城市(?=第|首位)"
    r"|(?:大中|副省级(?:以上)?|省会|地级及?以上|同类)城市(?=第|首位)"
)


# Ranks listed after one 第 and closed by one 位: 分列第四、五、六、七位 (members after the first).
_LISTED_ORDINALS = re.compile(
    r"(?<=第[一二三四五六七八九十\d])(?:[、和][一二三四五六七八九十\d]{1,2})+(?=[位名])"
)
_ORDINAL_MEMBER = re.compile(r"[一二三四五六七八九十\d]{1,2}")


def listed_ordinals(scan: str, lo: int, hi: int) -> list[Mention]:
    """The ranks after the first of 第四、五、六、七位, none printed with its own 第."""
    found = []
    for listed in _LISTED_ORDINALS.finditer(scan, lo, hi):
        unit = scan[listed.end()]
        for m in _ORDINAL_MEMBER.finditer(scan, listed.start(), listed.end()):
            value = float(m.group()) if m.group().isdigit() else parse_chinese_numeral(m.group())
            found.append(
                Mention(
                    m.start(), m.end(), m.start(), m.end(), value, None, unit, unit, True, "", ""
                )
            )
    return found


def rank_scope(norm: str, m: Mention) -> str:
    lo = start_of_clause(norm, max(0, m.start - 60), m.start)
    scopes = _RANK_SCOPE.findall(norm, lo, m.end)
    if scopes:
        return "全" + scopes[-1] if len(scopes[-1]) == 1 else scopes[-1]
    named = _NAMED_POOL.search(norm, lo, m.start)
    if named:  # 第二平台市县增速排名第6: the clause opens with the pool
        return named.group()
    sentence_lo = max(norm.rfind(c, 0, m.start) for c in "。；;\n") + 1
    pools = list(POOL.finditer(norm, sentence_lo, m.start))
    if not pools:
        return ""
    last = pools[-1]
    return last["within"] or last.group()


def league(norm: str, m: Mention) -> str:
    lo = start_of_clause(norm, max(0, m.start - 30), m.start)
    leagues = _LEAGUE.findall(norm, lo, m.start)
    return leagues[-1] if leagues else ""


def what_a_rank_ranks(st: Statement, carry: Carry) -> None:
    """What a rank ranks: 增速位居全市第2位 the growth; 总量全市第二 the level; else the measure
    just read (after 比全国高4.7个百分点: the figure in % the points compare), else what the rank
    before ranked."""
    if st.measure != "rank":
        return
    lead = SCOPE_WORD.split(RANK_VERB_AT.split(st.before)[0])[0]
    said = next((w for w, _ in RANKED_WORDS if st.own_subject.endswith(w)), "")
    said = said or next((w for w, _ in RANKED_WORDS if w in lead), "")
    st.ranked_on = dict(RANKED_WORDS).get(said) or st.ranked_hint or _ranked_after(st.norm, st.m)
    last = carry.pct_measure if carry.measure == "change_pp" else carry.measure
    st.ranked_on = st.ranked_on or _RANKED_ON.get(last or "", "")
    if not st.ranked_on and carry.measure == "rank":
        st.ranked_on = carry.ranked_on
    if not st.ranked_on:  # 累计增速高于全国…3.6个百分点，居全国第5位: the sentence's last word
        at, word = max((st.ctx.sentence_text.rfind(w), w) for w, _ in RANKED_WORDS)
        if at >= 0:
            st.ranked_on = dict(RANKED_WORDS)[word]
            st.evidence.append(f"ranked on {st.ranked_on} ({word}, named in the sentence)")
    if not st.ranked_on:  # 从增速来看，…。酒泉、定西排名第二和第三: the paragraph's angle
        angle = _ANGLE.findall(st.norm, _paragraph_start(st.norm, st.m.start), st.m.start)
        if angle:
            st.ranked_on = dict(RANKED_WORDS)[angle[-1]]
            st.evidence.append(f"ranked on {st.ranked_on} (从{angle[-1]}来看, the paragraph's)")
    if not st.ranked_on and st.own_subject and (carry.measure is None or _new_subject(st, carry)):
        # 地区生产总值稳居国内大中城市第四位: the indicator itself; also after a change of another
        # subject (…净增1万亿元，人均生产总值居全国第12位)
        st.ranked_on = "level"
        st.evidence.append("ranked on level (the indicator named, no growth before)")
    carry.ranked_on = st.ranked_on
    if said:
        st.evidence.append(f"ranked on {st.ranked_on} ({said})")


# A rank whose subjects follow it (位居全省第一、第二位的是A和B，总产分别为…): ranked on the figure
# the next clause gives them.
_SUBJECTS_AFTER = re.compile(
    r"(?:[、和]第?[一二三四五六七八九十\d]{1,2})*[位名]?的是?[^，,。；;]*[，,]"
)
_FIGURE_AFTER = re.compile(r"(增速|增幅|增长)|\d+(?:\.\d+)?\s?(%)?")


def _ranked_after(norm: str, m: Mention) -> str:
    subjects = _SUBJECTS_AFTER.match(norm, m.end)
    if not subjects:
        return ""
    end = end_of_clause(norm, subjects.end(), min(len(norm), subjects.end() + 40))
    figure = _FIGURE_AFTER.search(norm, subjects.end(), end)
    if not figure:
        return ""
    return "growth_rate" if figure[1] else "share" if figure[2] else "level"


# A paragraph that looks at one measure: 从增速来看, 从经济总量看.
_ANGLE = re.compile(r"从(?:经济|GDP)?(增速|增幅|总量|规模)(?:上|来)?看")
_PARAGRAPH_SCOPE = re.compile(r"全[市省国区县州盟]")


def _paragraph_start(norm: str, pos: int) -> int:
    return norm.rfind("\n", 0, pos) + 1


def _new_subject(st: Statement, carry: Carry) -> bool:
    """The rank's clause names a subject other than the one just read, after a change."""
    own = st.own_subject
    return carry.measure == "change" and len(own) >= 2 and own not in carry.subject


def among_whom(st: Statement, carry: Carry) -> None:
    """Among whom a rank or standing is: 全市, 中部, 16个县市区, 7县(市), 在市区县中, 百强区; else
    the scope of the rank before in the sentence."""
    if st.measure in ("rank", "standing"):
        st.rank_scope = rank_scope(st.norm, st.m) or carry.rank_scope or league(st.norm, st.m)
        if not st.rank_scope and st.measure == "rank":  # …超全省平均水平。酒泉、定西排名第二
            named = _PARAGRAPH_SCOPE.findall(
                st.norm, _paragraph_start(st.norm, st.m.start), st.m.start
            )
            st.rank_scope = named[-1] if named else ""
        carry.rank_scope = st.rank_scope
