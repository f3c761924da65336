"""Which subject each figure of a clause is about: the sentence's topic, the mentions read
together (a from/to pair 由40%提升至70%, a 分别 list, a list that prints its unit once), and the
subjects they go to — the words before, the members of a list in order, or, for ranks, each
subject listed (A、B等指标均居全市第一), each of the clause before, or the subjects a count names
(两项指标增速均排名全市第三 over the paragraph's last two statistics).
"""

from __future__ import annotations

import re

from muye_analysis.extract.clause import (
    NO_SUBJECT,
    RANK_VERB_AT,
    RANKED_WORDS,
    SCOPE_WORD,
    Carry,
    end_of_clause,
    subject_offset,
)
from muye_analysis.extract.mentions import (
    COUNT_UNITS,
    Mention,
)
from muye_analysis.extract.subjects import (
    clean_subject,
    forward_subject,
    generic_hint,
    split_items,
    subject_before_rank,
)
from muye_analysis.text import parse_chinese_numeral

# One value for every member listed: 开工率、投产率均达到…; 一产、三产占比均提高0.1个百分点.
# Places listed, then one figure for them all: 濮阳、漯河、信阳则是7%以上; 开封、洛阳、许昌等市也将
# 2023年GDP增速目标定为7%.
_PLACE_LIST = re.compile(
    r"(?:^|[，,；;:：])\s*(?P<items>[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3}?)+)"
    r"(?:等(?:[市县区州地]|地市|县市|县区))?(?:也|则|都)?(?:是|为|将[^，,。；;、%]*?(?:定为|为|是))$"
)
_SHARED_VALUE = re.compile(
    r"(?<![年人平])均(?:为|达到|达|是|提高|增长|上升|下降|回落|增加|减少)?$"
    r"|(?<=[市县区])各$"  # 南阳市、信阳市各2个: so many for each place listed
)

_PAIR_GAP = re.compile(
    # 从179.92亿元预计增加到245亿元: an estimate of where it ends stays the pair's end
    r"^(?:预计|预期|有望)?(?:提升|提高|增加|增长|上升|下降|降低|减少|扩大|缩小|调整|升|降|优化|变|前移|后移"
    r"|跃升|攀升|跌|滑落|回落|落|前进|后退|发展|壮大|增|减)?(?:至|到|为)"  # 从第十二名落至第十三名
    # …上升到去年的第3位
    r"(?:(?:去年|上年|今年|本年|(?:19|20)\d\d\s?年)的?)?(?:全[市省国区县州])?$"
)

_LIST_GAP = re.compile(r"^[、和及与,，\s]*$")

# Where a sentence's topic ends: a verb or an appraisal (交通运输业恢复强劲, 财政收入实现…).
_TOPIC_END = re.compile(
    r"恢复|稳步|较快|快速|持续|平稳|稳定|保持|增势|稳中|回升|回暖|企稳|下滑|承压|运行|发展|向好|增长|"
    r"提升|实现|完成|达到|稳居|居于|居|位居|跃居|位列|排名|取得|呈现|继续"
)


def sentence_topic(norm: str, scan: str, lo: int, first: int) -> tuple[str, int | None]:
    """What the sentence is about, from its opening clause when that names something before
    its first figure: 交通运输业恢复强劲，增速达14.8% -> 交通运输业."""
    clause_end = end_of_clause(scan, lo, first)
    opening = norm[lo:clause_end]
    cut = _TOPIC_END.search(opening)
    topic = clean_subject(opening[: cut.start()] if cut else opening)
    if len(topic) < 2 or generic_hint(topic)[0] or NO_SUBJECT.match(topic):
        return "", None
    if _PERIOD_ONLY.fullmatch(topic):  # 2024年一季度，…: when, not what
        return "", None
    return topic, subject_offset(norm, topic, lo)


_PERIOD_ONLY = re.compile(
    r"(?:第?[一二三四1-4]季度|[上下]半年|前[一二三1-3]季度|前\d{1,2}个月|"
    r"[\d一二三四五六七八九十元]{1,2}[-—–至到~][\d一二三四五六七八九十]{1,2}月份?|全年|当年|年内|今年)"
)


# 由40%…, 由二季度的第12位…, 由2011年的全省第5位…
_PAIR_LEAD = re.compile(
    r"(?:由|从)(?:[^，,；;\d]{0,8}的|(?:19|20)\d\d\s?年的?)?(?:全[市省国区县州])?"
    # a ranking pool named by its size: 从山区26县第12位提升到第10位
    r"(?:[^，,；;\d]{0,6}?\d{1,3}个?(?:县市区|县区|区县|县市|县|市|区))?$"
)

_STRICT_LIST_GAP = re.compile(r"^[、和及与\s]*$")

# A growth that turned: 由下降1.3%、9.8%转为增长28.7%和17.9% (from, then to, member by member).
_TURN_LEAD = re.compile(r"(?:由|从)(?:下降|增长|负增长)?$")
_TURN_GAP = re.compile(r"^(?:转为|转而|变为|转)(?:增长|下降|负增长)?$")


def _turn_group(norm: str, mentions: list[Mention], i: int, before: str) -> list[Mention]:
    """The figures of a turn (由下降A、B转为增长C和D): as many after 转为 as before it."""
    if not _TURN_LEAD.search(before.rstrip()):
        return []
    group, j = [mentions[i]], i + 1
    while j < len(mentions) and _STRICT_LIST_GAP.match(norm[group[-1].end : mentions[j].start]):
        group.append(mentions[j])
        j += 1
    if j >= len(mentions) or not _TURN_GAP.match(norm[group[-1].end : mentions[j].start].strip()):
        return []
    after = [mentions[j]]
    for nxt in mentions[j + 1 : j + len(group)]:
        if not _STRICT_LIST_GAP.match(norm[after[-1].end : nxt.start]):
            break
        after.append(nxt)
    return group + after if len(after) == len(group) else []


def _turn_at(norm: str, group: list[Mention]) -> int:
    """Where a turn's figures after 转为 begin in ``group`` (0: no turn)."""
    half = len(group) // 2
    if len(group) < 2 or len(group) % 2:
        return 0
    return half if _TURN_GAP.match(norm[group[half - 1].end : group[half].start].strip()) else 0


def _pair_of_pairs(norm: str, four: list[Mention]) -> bool:
    """由13677户49479人减至887户1472人: two figures of different units moved together."""
    if len(four) != 4:
        return False
    a, b, c, d = four
    return (
        not norm[a.end : b.start].strip()
        and not norm[c.end : d.start].strip()
        and bool(_PAIR_GAP.match(norm[b.end : c.start].strip()))
        and (a.base, b.base) == (c.base, d.base) != (a.base, a.base)
    )


def group_mentions(norm: str, mentions: list[Mention], i: int, before: str) -> list[Mention]:
    """Mentions read together: a before/after pair (由40%提升至70%), a 分别 list, or a list that
    prints its unit once or repeats it (增长7.8%、9.2%; 第二、第三)."""
    first, group = mentions[i], [mentions[i]]
    turn = _turn_group(norm, mentions, i, before)
    if turn:
        return turn
    if _PAIR_LEAD.search(before.rstrip()) and i + 1 < len(mentions):
        gap = norm[first.end : mentions[i + 1].start].strip()
        if _PAIR_GAP.match(gap) and mentions[i + 1].ordinal == first.ordinal:
            return [first, mentions[i + 1]]
        if _pair_of_pairs(norm, mentions[i : i + 4]):
            return mentions[i : i + 4]
    gap_ok = _LIST_GAP if "分别" in before else _STRICT_LIST_GAP
    j = i + 1
    while j < len(mentions) and gap_ok.match(norm[group[-1].end : mentions[j].start]):
        nxt = mentions[j]
        if "分别" not in before and (nxt.base != first.base or nxt.ordinal != first.ordinal):
            break
        group.append(nxt)
        j += 1
    return group


def assign_subjects(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """(mention, subject, subject offset, stage) for each statement the group makes."""
    first = group[0]
    half = _turn_at(norm, group)
    if half and _TURN_LEAD.search(before.rstrip()):
        return _turned(norm, group, half, before, before_lo)
    paired = _paired(norm, group, before, before_lo)
    if paired:
        return paired
    if first.ordinal or first.base == "standing":
        return _assign_ranks(norm, group, before, before_lo, carry)
    if "分别" in before and len(group) > 1:
        items = split_items(before.split("分别")[0])
        if len(items) != len(group):
            items = _counted_items(before.split("分别")[0])
        if len(items) == len(group):
            return [
                (m, s, subject_offset(norm, s, before_lo), "")
                for m, s in zip(group, items, strict=True)
            ]
    shared = _SHARED_VALUE.search(before)
    if shared and _LIST_MARK.search(before):
        items = split_items(before[: shared.start()])
        return [(first, s, subject_offset(norm, s, before_lo), "") for s in items]
    places = _PLACE_LIST.search(before) if len(group) == 1 else None
    if places:  # 开封、洛阳、许昌等市也将增速目标定为7%: one target for each place
        items = places["items"].split("、")
        return [(first, s, subject_offset(norm, s, before_lo), "") for s in items]
    subject = _single_subject(norm, first, before)
    if len(group) > 1 and len(carry.items) == len(group) and generic_hint(subject)[0]:
        # 高技术制造业、装备制造业…分别增长8.5%、6.3%，快于全部规模以上工业4.6、2.4个百分点
        return [(m, s, st, "") for m, (s, st) in zip(group, carry.items, strict=True)]
    return [(m, subject, subject_offset(norm, subject, before_lo), "") for m in group]


# A list closed by its count: 食品、医疗保健和个人用品、居住等三类价格 (members may hold 和/及).
_COUNTED_TAIL = re.compile(r"等?(?:\d+|[两二三四五六七八九十]+)(?:大类|类|项|个|种)[^、，,]{0,6}$")


def _counted_items(lead: str) -> list[str]:
    """The members of a list closed by how many they are, split at 、 alone."""
    tail = _COUNTED_TAIL.search(lead)
    if tail is None:
        return []
    return [clean_subject(item) for item in lead[: tail.start()].split("、")]


def _paired(
    norm: str, group: list[Mention], before: str, before_lo: int
) -> list[tuple[Mention, str, int | None, str]]:
    """A from/to pair (由40%提升至70%), or two pairs (由13677户49479人减至887户1472人): one
    subject, the first half from and the second to."""
    lead = _PAIR_LEAD.search(before.rstrip())
    if not lead or not (len(group) == 2 or _pair_of_pairs(norm, group)):
        return []
    subject = clean_subject(before.rstrip()[: lead.start()])
    if group[0].ordinal:
        subject = subject_before_rank(before.rstrip()[: lead.start()])
    start = subject_offset(norm, subject, before_lo)
    half = len(group) // 2
    return [(m, subject, start, "from" if k < half else "to") for k, m in enumerate(group)]


def _turned(
    norm: str, group: list[Mention], half: int, before: str, before_lo: int
) -> list[tuple[Mention, str, int | None, str]]:
    """A turn's figures: the first half from, the second to, each member's subject listed
    before 分别 (浙江、海南分别由下降1.3%、9.8%转为增长28.7%和17.9%) or one subject for all."""
    lead = before.rstrip()[: _TURN_LEAD.search(before.rstrip()).start()]
    items = split_items(lead.split("分别")[0]) if "分别" in lead else []
    if len(items) != half:
        items = [clean_subject(lead)] * half
    starts = [subject_offset(norm, s, before_lo) for s in items]
    return [
        (m, items[k % half], starts[k % half], "from" if k < half else "to")
        for k, m in enumerate(group)
    ]


# Words around a list of ranked subjects: 3项指标, 等指标, 均, the scope and what is ranked.
_RANK_LIST_TAIL = re.compile(
    r"等?(?:\d+项|[两二三四五六七八九十]+项)?(?:主要)?(?:经济)?指标.*$|(?:(?<![人平])均|都|分别).*$"
)


def _assign_ranks(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """Ranks: one per subject of a list (A、B等指标均居全市第一; 分别…第二、第三), else one.
    The rules are tried in turn; the first that names the subjects decides."""
    first = group[0]
    own = subject_before_rank(before)
    if first.base == "standing" and not own:
        own = _previous_clause_subject(norm, before_lo)
    assigned = (
        _ranks_of_listed_subjects(norm, group, before, before_lo)
        or _ranks_of_level_and_growth(norm, group, before, before_lo, carry)
        or _ranks_in_order(norm, group, before, before_lo, carry)
        or _shared_rank(norm, group, before, before_lo, carry)
        or _ranks_of_statements_before(group, before, carry)
    )
    if assigned:
        return assigned
    counted_before = _COUNTED_JUST_BEFORE.search(norm, max(0, first.start - 8), first.start)
    if _ONLY_COUNTED.match(own) or counted_before:
        return []  # 10项指标增速排名全省第1、3项第2: how many indicators, no subject ranked
    listed = _listed_before(norm, before_lo) if not own or NO_SUBJECT.match(own) else None
    if listed and len(group) == 1:
        # A、B、C等重要经济社会发展指标，保持全市第一: one rank for each indicator listed
        return [(first, s, st, "") for s, st in listed]
    return [(m, own, subject_offset(norm, own, before_lo), "") for m in group]


def _ranks_of_listed_subjects(
    norm: str, group: list[Mention], before: str, before_lo: int
) -> list[tuple[Mention, str, int | None, str]]:
    """A、B等指标均居全市第一 (one rank each), A、B分别居全市第二、第三 (in order)."""
    lead = RANK_VERB_AT.split(before)[0]
    if "、" not in lead or not _RANK_LIST_TAIL.search(lead):
        return []
    items = split_items(_RANK_LIST_TAIL.sub("", lead))
    if len(items) < 2 or len(group) not in (1, len(items)):
        return []
    tail = before[len(_RANK_LIST_TAIL.sub("", lead)) :]
    word = next((w for w, _ in RANKED_WORDS if w in tail), "")
    if len(group) == len(items):  # 分别居全市第二、第三
        return [(m, s + word, subject_offset(norm, s, before_lo), "")
                for m, s in zip(group, items, strict=True)]  # fmt: skip
    return [(group[0], s + word, subject_offset(norm, s, before_lo), "") for s in items]


# 分居全省第4、第3位 opening its clause: the ranks of the figures just read, in turn.
_RESPECTIVE_RANK = re.compile(r"^(?:分居|分列|分别(?:居|位居|位列|列|排名|排在))")
# The clauses before: a level, then its growth (241.5亿元，增长6.4%，).
_LEVEL_THEN_GROWTH = re.compile(
    r"\d(?:万亿|亿|万)?(?:元|美元|吨|斤)[，,]\s*(?:同比|比上年)?(?:增长|下降)-?\d+(?:\.\d+)?%[，,]\s*$"
)


def _ranks_of_level_and_growth(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """一般公共预算收入241.5亿元，增长6.4%，分居全省第4、第3位: the first rank is the level's,
    the second the growth's, both of the subject just read."""
    if len(group) != 2 or not carry.subject or not _RESPECTIVE_RANK.match(before.strip()):
        return []
    if not _LEVEL_THEN_GROWTH.search(norm, max(0, before_lo - 40), before_lo):
        return []
    return [
        (group[0], carry.subject + "总量", carry.subject_start, ""),
        (group[1], carry.subject + "增速", carry.subject_start, ""),
    ]


def _ranks_in_order(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """Several ranks for the subjects listed before 分别 or in the clause before; one rank for
    each subject just listed (…，均保持全省第三)."""
    if len(group) > 1:
        items = split_items(before.split("分别")[0]) if "分别" in before else []
        if len(items) != len(group) and len(carry.items) == len(group):
            items = [s for s, _ in carry.items]
        if len(items) == len(group):
            return [
                (m, s, subject_offset(norm, s, before_lo), "")
                for m, s in zip(group, items, strict=True)
            ]
    if carry.items and _ALL_OF_THEM.match(before):
        # …分别达到1073.6亿元和638.7亿元，均保持全省第三: one rank per subject just listed
        return [(group[0], s, st, "") for s, st in carry.items]
    return []


# A rank of nothing named but a count of indicators: 10项指标增速排名…第1, 、3项第2.
_ONLY_COUNTED = re.compile(
    r"^[\d两二三四五六七八九十]+项(?:主要)?(?:经济)?(?:细分)?(?:指标)?(?:增速|增幅|总量)?$"
)
_COUNTED_JUST_BEFORE = re.compile(r"(?:^|[、，,；;\s])[\d两二三四五六七八九十]+项\s*$")

_LISTED_INDICATORS = re.compile(r"等[^、，,\d]{0,12}指标$")


def _listed_before(norm: str, clause_lo: int) -> list[tuple[str, int | None]]:
    """The indicators listed by the clause before, when it lists them and says nothing else:
    人均地区生产总值、全员劳动生产率等重要经济社会发展指标，(保持全市第一)."""
    end = clause_lo - 1
    if norm[end : end + 1] not in ("，", ","):
        return []
    window = max(0, end - 80)
    seps = list(re.finditer(r"[，,：:。；;！？\n]", norm[window:end]))
    lo = window + (seps[-1].end() if seps else 0)
    tail = _LISTED_INDICATORS.search(norm, lo, end)
    if tail is None or "、" not in norm[lo : tail.start()]:
        return []
    items = split_items(norm[lo : tail.start()])
    return [(item, subject_offset(norm, item, lo)) for item in items] if len(items) > 1 else []


_COUNTED_INDICATORS = re.compile(
    r"^(?:这|此|以上|上述)?(?P<n>[两二三四五六七八九十\d]+)项(?:主要)?(?:经济)?指标(?P<word>增速|增幅|总量)?"
)

_IN_POOL = re.compile(r"在[^，,；;]{1,12}?中")

# A member of a shared rank that is a measure of the subject before: 达目标任务进度, 完成率, 占比.
_MEASURE_OF = re.compile(r"^(?:达|完成)?[^，,]{0,6}?(?:进度|完成率|占比|比重)$")


def _shared_rank(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """One rank over several subjects, fanned out (``shared_rank``):

    两项指标增速均排名全市第三 -> the two subjects read before; 总量和增幅均列全市第三 -> the level
    and the growth of the subject before; 增速和达目标任务进度在市区县中均排名第一位 -> both;
    A和B总量全市第二、第三 -> A's level second, B's third.
    """
    lead = RANK_VERB_AT.split(before)[0]
    lead = _IN_POOL.sub("", SCOPE_WORD.split(lead)[0]).rstrip("均都 ，,")
    lead = re.sub(r"^[\s，,]*(?:其中[:：]?)?", "", lead)
    lead = _STILL.sub("", lead)  # 生产总值、固投增幅继续(保持全市第1)
    counted = _counted_subjects(lead, carry)
    if counted:
        return [(group[0], s, st, "") for s, st in counted]
    items = [i for i in re.split(r"[、和及与]", lead) if i]
    if len(items) < 2:
        return []
    ranked = dict(RANKED_WORDS)
    tail_word = next((w for w in ranked if items[-1].endswith(w) and items[-1] != w), "")
    out = []
    for item in items:
        if item in ranked or _MEASURE_OF.match(item):
            if not carry.subject:
                return []
            subject, start = carry.subject + item, carry.subject_start
        else:
            subject = clean_subject(item)
            if tail_word and not subject.endswith(tail_word):
                subject += tail_word  # A和B总量: both totals
            start = subject_offset(norm, subject, before_lo)
        out.append((subject, start))
    if len(group) == len(out):
        return [(m, s, st, "") for m, (s, st) in zip(group, out, strict=True)]
    if len(group) == 1 and (re.search(r"均|都", before) or (tail_word and "、" in lead)):
        # 均 says all; so does a measure word the listed subjects share (A、B增速全市排名第2)
        return [(group[0], s, st, "") for s, st in out]
    return []


_STILL = re.compile(r"(?:继续|仍然|仍|依然|依旧|持续|稳定)$")


_ALL_RANKED = re.compile(r"(?:均|都)(?:排名|排在|位居|位列|居于|居|列|保持|稳居|为)?(?:全|第|$)")


def _ranks_of_statements_before(
    group: list[Mention], before: str, carry: Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """A rank said of all (均/都) with no subject of its own ranks each statistic the sentence
    read since its last rank, of the measure ranked: A增长24.6%、B增长6.1%，均排名全国第1 (A and
    B); A完成4704.3亿元、增长6.1%，B增长9.5%，增速均居全省第一 (the two growths)."""
    lead = RANK_VERB_AT.split(before)[0]
    lead = SCOPE_WORD.split(lead)[0].strip(" ，,")
    if len(group) != 1 or not _ALL_RANKED.search(before) or len(carry.since_rank) < 2:
        return []
    lead = re.sub(r"(?:均|都)$", "", lead)
    ranked = dict(RANKED_WORDS)
    if lead and lead not in ranked:
        return []
    measure = ranked.get(lead) or carry.since_rank[-1][2]
    subjects: dict[str, int | None] = {}
    for subject, start, said in carry.since_rank:
        if said == measure:
            subjects.setdefault(subject, start)
    if len(subjects) < 2:
        return []
    return [(group[0], s + lead, st, "") for s, st in subjects.items()]


def _counted_subjects(lead: str, carry: Carry) -> list[tuple[str, int | None]]:
    """The subjects a count of indicators means (两项指标增速: the last two statistics read in
    the paragraph, each with the measure word), or [] when the paragraph has not read as many."""
    counted = _COUNTED_INDICATORS.match(lead)
    if not counted or not carry.recent:
        return []
    n = parse_chinese_numeral(counted["n"]) if not counted["n"].isdigit() else int(counted["n"])
    word = counted["word"] or ""
    subjects = carry.recent[-n:]
    return [(s + word, st) for s, st in subjects] if len(subjects) == n else []


def _previous_clause_subject(norm: str, clause_lo: int) -> str:
    """持续巩固拓展脱贫攻坚成果，整体工作保持全市第一方阵: the standing is of the clause before."""
    end = max(0, clause_lo - 1)
    if norm[end : end + 1] not in ("，", ","):
        return ""  # the standing opens its sentence: nothing before it to borrow
    seps = list(re.finditer(r"[，,：:。；;！？\n]", norm[max(0, end - 60) : end]))
    lo = max(0, end - 60) + (seps[-1].end() if seps else 0)
    return clean_subject(norm[lo:end])


def _single_subject(norm: str, m: Mention, before: str) -> str:
    backward = clean_subject(before)
    if m.base in COUNT_UNITS:
        forward = forward_subject(_forward_text(norm, m))
        if forward:
            return forward
    return backward


def _forward_text(norm: str, m: Mention) -> str:
    """Text right after a counted number up to the clause end: 个区级综合养老服务中心."""
    if not re.match(r"[\u4e00-\u9fff“]", norm[m.end : m.end + 1]):
        return ""
    stop = re.search(r"[，,。；;：:！？\n]|\d|第", norm[m.end : m.end + 40])
    return norm[m.end : m.end + (stop.start() if stop else 40)]


def forward_length(norm: str, m: Mention, hi: int) -> int:
    """How much text after a counted number its forward subject used (not the next subject)."""
    if m.base not in COUNT_UNITS:
        return 0
    forward = forward_subject(_forward_text(norm, m))
    if not forward:
        return 0
    pos = norm.find(forward.rstrip("”"), m.end, hi)
    return pos - m.end + len(forward) if pos != -1 else 0


_LIST_MARK = re.compile(r"[、和及与]")

_ALL_OF_THEM = re.compile(r"^[\s，,]*(?:均|都)")
