"""What a figure is compared with, and the sign the comparison gives it: 高于全市0.5个百分点 ->
(全市, +1); 比全省和全国分别高0.7、1.4个百分点 -> 全省 then 全国; 同比提高 -> 上年同期; 是…的1.6倍;
超计划; 与上年相比. A garbled verb before 于 (mirror sites) keeps the comparator and leaves the
sign as printed.
"""

from __future__ import annotations

import re

_NEG_VERB = ("低", "慢", "回落", "下降", "减少", "收窄", "缩小", "少", "放缓", "落后",
             "降低", "下滑", "后移", "后退", "下移")  # fmt: skip

_CMP_VERB_FIRST = re.compile(
    r"(?P<verb>高于|低于|快于|慢于|超过|超出|高出|落后于?|领先于?|欠|塌|[^\s，,；;\d]于)"
    r"(?P<cmp>[^，,；;]{1,24}?)(?:平均水平|平均)?(?:分别)?$"
)

# X于 that is no comparison (由于, 位于, 处于全省前列…).
_NOT_COMPARISON = ("由于", "对于", "位于", "属于", "处于", "居于", "用于", "在于", "基于", "至于",
                   "关于", "等于", "趋于", "相当于", "达于", "始于", "利于", "善于", "勇于",
                   "敢于")  # fmt: skip

_CMP_VERB_LAST = re.compile(
    r"(?:(?<![占同])比(?![重例率])|较|与)(?P<cmp>[^，,；;]{1,30}?)(?:分别)?(?:相比)?(?P<verb>高出?|低|快|慢|提高|加快|"
    r"回落|下降|减少|新增|净增|净减|增加|增长|上升|提升|扩大|收窄|缩小|多完成|少完成|多增|少增|多|少|回升|放缓|降低|下滑|"
    r"前移|后移|前进|后退|上移|下移)了?$"
)

_KNOWN_FIRST = (
    "高于",
    "低于",
    "快于",
    "慢于",
    "超过",
    "超出",
    "高出",
    "落后于",
    "落后",
    "领先于",
    "领先",
    "欠",
    "塌",
)  # 欠目标任务8.9个百分点, 塌目标1.8个百分点: short of the target

_YEAR_BEFORE = re.compile(
    r"与(上年|去年|上年同期|上月|上半年|[一二三四]季度|前三季度|\d{1,2}-\d{1,2}月|(?:19|20)\d\d\s?年(?:末)?)"
    r"(?:相)?比|由(上年|去年)(?:的|同期)"
)

# Ahead of or short of the plan: 超计划0.65万亩, 超计划目标6.7个百分点, 超目标任务2个百分点,
# 差计划目标3.1个百分点 (差 only right before the plan word: 差距 is no comparison).
_PLAN_VERB = re.compile(
    r"(?P<verb>超出|超过|超|差|欠)"
    r"(?P<cmp>(?:年度|全年)?(?:计划|目标|预期)(?:目标|任务)?|时序进度|序时进度)$"
)

_PAREN = re.compile(r"[(（][^()（）]*[)）]")

# A list member before the figure, with the verb of the next one: 分别下降0.2个、下降|0.6.
_LIST_MEMBER = re.compile(
    r"-?\d+(?:\.\d+)?(?:个百分点|个|%)?[、和及与]"
    r"(?:提高|提升|上升|增加|加快|下降|降低|减少|回落|放缓)?\s*$"
)


# A member of a list of points over places, its place printed before it: 高于全国0.7、全省|2.3.
_PLACE_MEMBER = re.compile(r"\d(?:个百分点|个)?[、和及与](?P<place>全[国省市区县州])$")


def find_comparators(
    norm: str, lo: int, clause_lo: int, pos: int, n: int
) -> list[tuple[str, int, str]]:
    """What a statement is compared with (``_find_comparators``), a year earlier named one way:
    比去年同期加快 and 同比加快 are both against 上年同期, 比去年 against 上年."""
    return [(canonical_comparator(c), sign, words) for c, sign, words in
            _find_comparators(norm, lo, clause_lo, pos, n)]  # fmt: skip


def canonical_comparator(name: str) -> str:
    """去年 and 上年 name the same year: the comparator is written 上年 (上年同期, 上年末); a span
    of months is written one way whatever dash the page used (1—9月份, 1~9月 -> 1-9月)."""
    name = _MONTH_SPAN.sub(r"\1-\2月", name)
    return "上年" + name[2:] if name.startswith("去年") else name


_MONTH_SPAN = re.compile(r"^(\d{1,2})\s?(?:月份?)?\s?[-—–~至到]\s?(\d{1,2})\s?月份?")


def _find_comparators(
    norm: str, lo: int, clause_lo: int, pos: int, n: int
) -> list[tuple[str, int, str]]:
    """What a statement is compared with, for each of the group's ``n`` members.

    (comparator, sign, words): 高于全市0.5个百分点 -> ("全市", +1, "高于"); 比全省和全国分别高
    0.7、1.4个百分点 -> 全省 then 全国; 同比提高 -> ("上年同期", +1, "同比提高"). A garbled verb
    before 于 keeps the comparator and leaves the sign as printed.
    """
    clause = _PAREN.sub("", norm[clause_lo:pos]).rstrip()
    clause = _LIST_MEMBER.sub("", clause)  # 4.6、|2.4
    while True:
        stripped = _LIST_MEMBER.sub("", clause)
        if stripped == clause:
            break
        clause = stripped
    m = _CMP_VERB_FIRST.search(clause)
    sign, words, names = 1, "", []
    if m and m["verb"] not in _NOT_COMPARISON:
        verb = m["verb"]
        if verb in _KNOWN_FIRST:
            sign, words = (-1 if verb.startswith(("低", "慢", "落后", "欠", "塌")) else 1), verb
            names = _split_names(m["cmp"])
        elif m["cmp"].startswith(("全", "上年", "去年", "同期")):
            # a garbled verb (mirror sites): the comparator is read, the sign stays as printed
            sign, words = 0, f"{verb} (verb not read: sign as printed)"
            names = _split_names(m["cmp"])
    if not names:
        m = _CMP_VERB_LAST.search(clause)
        if m:
            sign = -1 if m["verb"].startswith(_NEG_VERB) else 1
            words, names = m["verb"], _split_names(m["cmp"])
    if not names:
        multiple = re.search(r"(?:是|为|相当于)(?P<cmp>[^，,；;是为]{1,20})的$", clause)
        if multiple:  # 是“十一五”末的1.6倍: a multiple of what
            return [(multiple["cmp"], 1, "是…的")] * n
        same = re.search(
            r"同比(?:分别)?(?P<verb>提高|加快|回落|下降|减少|增加|上升|提升|扩大|收窄|缩小|回升|放缓"
            r"|高出?|低|快|慢)?$",
            clause,
        )
        if same and same["verb"]:
            sign = -1 if same["verb"].startswith(_NEG_VERB) else 1
            return [("上年同期", sign, same.group())] * n
        plan = _against_plan(norm, clause, pos)
        if plan:  # 超计划0.65万亩: more than planned; 超时序进度3.5个百分点: ahead of schedule;
            return [plan] * n  # 差计划目标3.1个百分点: short of the plan
        year = _YEAR_BEFORE.search(norm, lo, pos)
        if year:
            return [(year.group(1) or year.group(2), 0, year.group())] * n
        return []
    place = _PLACE_MEMBER.search(clause)
    if place and names:  # 高于全国0.7、全省|2.3个百分点: this member's own place
        names = [place["place"]]
    if len(names) != n:
        names = [names[0]] * n if len(names) == 1 else ["、".join(names)] * n
    return [(name, sign, words) for name in names]


def _against_plan(norm: str, clause: str, pos: int) -> tuple[str, int, str] | None:
    """(plan, sign, words) when ``clause`` ends ahead of or short of the plan, or a bare 高/低
    before points has its target in brackets (高2个百分点(与年度预期目标6%以上相比，下同)), else
    None."""
    gap = _gap_to_target(norm, clause, pos)
    if gap:
        return gap
    plan = _PLAN_VERB.search(clause)
    if not plan:
        return None
    return plan["cmp"], -1 if plan["verb"] in ("差", "欠") else 1, plan.group()


# A bare 高/低 before points whose target follows in brackets: 高2个百分点(与年度预期目标6%以上
# 相比，下同), then 低1.7个百分点(8%左右) against the same target (the bracket's 下同).
_BARE_GAP = re.compile(r"(?:分别)?(?P<verb>高出?|低|快|慢|超出?)")
_GAP_BRACKET = re.compile(r"[\d.]+\s?个百分点\s?[(（](?P<inside>[^()（）]{1,40})[)）]")
_TARGET_COMPARED = re.compile(
    r"与(?P<cmp>[^()（）\d，,；;]{1,14}?)[\d.]+%?(?:以上|左右|以内|以下)?(?:相比|比较)(?P<same>[，,]?下同)?"
)
_FIGURE_ALONE = re.compile(r"[\d.]+%(?:以上|左右|以内|以下)?")
_SAME_BELOW_REACH = 3000  # how far back a (与…相比，下同) is looked for


def _gap_to_target(norm: str, clause: str, pos: int) -> tuple[str, int, str] | None:
    """(target, sign, words) for a bare 高/低 N个百分点 whose bracket names what it is against:
    (与年度预期目标6%以上相比) there, or a figure alone (8%左右) under an earlier (…，下同)."""
    verb = _BARE_GAP.fullmatch(clause.strip(" ，,、"))
    bracket = _GAP_BRACKET.match(norm, pos)
    if not verb or not bracket:
        return None
    sign = -1 if verb["verb"].startswith(("低", "慢")) else 1
    named = _TARGET_COMPARED.search(bracket["inside"])
    if named:
        return named["cmp"], sign, verb.group() + "(与…相比)"
    if not _FIGURE_ALONE.fullmatch(bracket["inside"].strip()):
        return None
    earlier = [
        m
        for m in _TARGET_COMPARED.finditer(norm, max(0, pos - _SAME_BELOW_REACH), pos)
        if m["same"]
    ]
    if earlier:
        return earlier[-1]["cmp"], sign, verb.group() + "(下同)"
    return None


def _split_names(text: str) -> list[str]:
    text = re.sub(r"^(?:的)", "", text.strip())
    parts = [p for p in re.split(r"[、和及与]", text) if p]
    parts = [re.sub(r"-?\d+(?:\.\d+)?(?:万亿|亿|万)?(?:元|%)?$", "", p) or p for p in parts]
    return [re.sub(r"(?:平均水平|平均|同期水平|的)$", "", p) or p for p in parts]
