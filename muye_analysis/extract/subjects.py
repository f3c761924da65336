"""Subjects as written: the words a number describes, cut out of the clause around it.

Chinese reports put the subject before the number (社会消费品零售总额累计完成78.8亿元), after a
counted number (建成1个区级综合养老服务中心), or leave it out when it carries over from the clause
before (…，同比增长4.9%，居全市第9位). These helpers cut the words; ``reader`` decides which to use.
"""

from __future__ import annotations

import re

# Words before a subject that say when, where or how much, not what.
_LEAD = re.compile(
    r"^(?:[\s、，,和及与并且〃“”\"'()●•◆◇▲△■□○◎★☆▪▶►]|其中|全年|全区|全县|全市|全省|全镇|全乡|当年|今年|年内|"
    r"截至目前|截止目前|截至年底|截止年底|目前|预计|累计|共有|共计|合计|总计|共|力争|确保|要|将|还|"
    r"同时|另外|此外|持续|继续|按照|根据|依据|围绕|年末|年初|期末|一是|二是|三是|四是|五是|"
    r"我们|我县|我市|我区|我省|我州|我旗|到(?:19|20)\d\d年(?:底|末)?|"
    r"(?:19|20)\d\d年(?:全年|底前|底|末)?|末(?=[\u4e00-\u9fff]{3}))+"
)
# Verbs stripped at the front only when a real noun phrase (3+ characters) remains.
_LEAD_VERB = re.compile(
    r"^(?:完成|实现|达到|争取|获批|实施|组织开展|开展|组织|梳理|发放|抓好|加快|推进|帮助)"
)
# Words between a subject and its number: verbs, comparisons, rank and qualifier words.
_TRAIL = re.compile(
    r"(?:同比|比上年末|较上年末|比上年|较上年|比去年|较去年|比年初|较年初|与上年|年均|累计|分别|"
    r"均为|均达到|均达|(?<!平)均|共计|共|合计|上涨了?|下跌了?|回升了?|"
    r"增长了?|下降了?|降低了?|减少了?|提高了?|提升了?|上升了?|回落了?|增加了?|增速为?|增幅为?|"
    r"下调了?|上调了?|拟?定为|明确为|设定为|便是|就是|"  # 增速目标定为7%
    r"达到了?|达|为|是|完成了?|实现了?|突破|超过|超|近|约|稳居|居于|居|位居|跃居|跃升至|位列|排名|全市|全省|全国|"
    r"稳定在|保持在|控制在|不少于|不低于|不超过|高于|低于|由|从|在|的|整体工作|同口径|可比口径|"
    r"按可比价格?计算|在[^，,；;]{1,12}中|[\s、，,:：“”〃(（]|"
    r"连续[\d一二三四五六七八九十]+个?(?:月|季度|年|周|天|日))+$"  # 连续8个月: a streak
)
# Subjects that only point back at the one before (总量居全市第5位); value = what a rank is on.
GENERIC = {
    "总量": "level", "总额": "level", "规模": "level", "增速": "growth_rate",
    "增幅": "growth_rate", "降幅": "growth_rate", "涨幅": "growth_rate",
    "额度": "amount", "金额": "amount", "同比": "growth_rate", "": None,
    "净增": None, "净减": None, "超计划": None, "超目标": None,  # 净增50亿元: of the subject before
}  # fmt: skip
# Where a noun phrase after a counted number ends: the next verb.
_FORWARD_STOP = re.compile(
    r"共|完成|全面|全部|实现|对接|包联|化解|争取|纳入|建成|启动|获批|开工|交付|项目建设|受益|惠及|均"
)
_RANK_VERB = re.compile(
    r"跃居|跃升(?:至|到)|(?:上升|提升|前移|后移|下降|回落|下滑|升|降)至(?=全|国内|第)|稳居|居于|"
    r"居(?![民住家])|位居|位列|排名|排在|名列|(?<!排)列(?=全|第)|保持(?=全|第)"
)
# An announcement before the subject it announces: …的主要预期目标是, 目标为：.
_ANNOUNCED = re.compile(r"目标(?:任务)?(?:是|为)[:：]?")
_QUOTES = str.maketrans("", "", '“”〃"')


_COMPARISON_TAIL = re.compile(
    r"(?:分别)?(?:比|较)[^，,；;\d比较]{1,12}?(?:分别)?"
    r"(?:高出?|低|快|慢|多|少|前移|后移|前进|后退|上移|下移)了?$"
)


def clean_subject(text: str) -> str:
    """Strip time, place and verb words around a subject: 全年完成地区生产总值 -> 地区生产总值."""
    if "等" in text:
        # "A、B等惠企资金": the examples name members; the subject is what follows 等.
        tail = text.rsplit("等", 1)[1]
        text = tail or text
    text = _ANNOUNCED.split(text)[-1]  # 年初确定的主要预期目标是地区生产总值 -> 地区生产总值
    text = _COMPARISON_TAIL.sub("", text)  # 增速比全省高(1.2个百分点): the comparison, no subject
    text = _TRAIL.sub("", _LEAD.sub("", text))
    for _ in range(2):  # 组织开展…, 抓好总投资…: at most two verbs in a row
        stripped = _LEAD_VERB.sub("", text)
        if len(stripped) >= 3:
            text = stripped
    return _LEAD.sub("", text).translate(_QUOTES)


def subject_before_rank(text: str) -> str:
    """The subject of a rank clause is what comes before 居/位居: 总量居全市 -> 总量."""
    m = _RANK_VERB.search(text)
    return clean_subject(text[: m.start()] if m else text)


def forward_subject(text: str) -> str:
    """The noun phrase after a counted number: 个区级综合养老服务中心、-> 区级综合养老服务中心."""
    if "的" in text:
        text = text.rsplit("的", 1)[1]  # 3个纳入…台账的未化解项目 -> 未化解项目
    text = text.split("、", 1)[0]  # 11个老旧小区改造、科隆公司…: the next item starts
    stop = _FORWARD_STOP.search(text, 2)  # 未化解项目 keeps its first verb
    if stop is not None:
        text = text[: stop.start()]
    return text.rstrip("、和及与等 ").translate(_QUOTES)


def split_items(text: str) -> list[str]:
    """List members before 均/分别: 开工率、投产率、达效率 -> three subjects."""
    return [clean_subject(item) for item in re.split(r"[、和及与]", text) if clean_subject(item)]


def generic_hint(subject: str) -> tuple[bool, str | None]:
    """Whether ``subject`` only points back (总量, 增速, 争取额度) and what a rank on it ranks."""
    if subject in GENERIC:
        return True, GENERIC[subject]
    for word, ranked_on in GENERIC.items():
        if word and subject.endswith(word) and len(subject) <= len(word) + 2:
            return True, ranked_on
    return False, None
