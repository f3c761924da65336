"""Find numbers with units in normalised report text and decide which are statistics.

A *mention* is a number as printed with its unit and qualifiers (近2万人, 6%以上, 第三名,
4.5%至5%). Numbers that are names rather than statistics (years, 第二批, 10大项, 中电科22所,
500万元以上 as a threshold, anything inside quotation marks) are dropped here, before any subject
is looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.text import parse_chinese_numeral

# Units grouped by the measure they imply. Magnitude prefixes (万, 亿) combine with the base unit
# and stay part of the unit as printed: 2.5万元 has value 2.5 and unit 万元.
LEVEL_UNITS = (
    "元", "斤", "公斤", "吨", "亩", "公顷", "平方米", "平方公里", "公里", "千米", "米", "安时",
    "千瓦时", "千瓦", "立方米", "标准箱",
)  # fmt: skip
PEOPLE_UNITS = ("人次", "人")
COUNT_UNITS = (
    "个", "家", "项", "类", "场次", "场", "所", "件", "户", "天", "期", "处", "座", "批", "名",
    "辆", "台", "套", "张", "条", "篇", "部", "间", "栋", "幢", "株", "头", "只", "支",
)  # fmt: skip
PERCENT_UNITS = ("%", "‰")
PP_UNITS = ("个百分点", "百分点")
RATIO_UNITS = ("倍",)
RANK_UNITS = ("位", "名")

_BASES = sorted(
    {*LEVEL_UNITS, *PEOPLE_UNITS, *COUNT_UNITS, *PERCENT_UNITS, *PP_UNITS, *RATIO_UNITS, "位"},
    key=len,
    reverse=True,
)
_CN = "零〇一二两三四五六七八九十百千"
_NUMBER = rf"\d+(?:\.\d+)?|[{_CN}]+"
_SP = r"[ \t]*"
MENTION = re.compile(
    rf"(?P<ord>第{_SP})?(?P<neg>[-−])?(?P<num>{_NUMBER})"
    rf"(?:{_SP}(?P<unit1>%|‰)?{_SP}(?P<rsep>至|到|~|—|-){_SP}(?P<num2>\d+(?:\.\d+)?))?"
    rf"{_SP}(?P<approx>余|多)?"
    rf"{_SP}(?P<unit>(?P<mag>万亿|亿|万)?(?P<base>{'|'.join(map(re.escape, _BASES))}))?"
    rf"(?P<post>以上|左右|以内|以下|之内)?"
)
# Qualifiers printed just before the number.
PRE_QUALIFIERS = ("不少于", "不低于", "不超过", "稳定在", "超过", "高于", "低于", "近", "约")
PRE_QUALIFIER = re.compile(rf"(?:{'|'.join(PRE_QUALIFIERS)})$")
PRINTED_PRE = ("近", "约")  # part of the printed value (近2万人); the others are verbs
QUALIFIER_BOUND = {
    "": "exact",
    "以上": "at_least", "不少于": "at_least", "不低于": "at_least", "超过": "at_least",
    "高于": "at_least", "余": "at_least", "多": "at_least",
    "以内": "at_most", "以下": "at_most", "之内": "at_most", "不超过": "at_most", "低于": "at_most",
    "近": "at_most",
    "左右": "about", "稳定在": "about", "约": "about",
}  # fmt: skip

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words after a counted number that make it a name: 两个方面, 19条具体举措, 三位一体.
_LABEL_AFTER = re.compile(
    r"(?:具体)?(?:方面|方向|举措|措施|确保|维护|确立|意识|自信|一体|全会|战略|职能)"
)
_RANK_VERB = re.compile(r"(?:居|位居|位列|排名|排在|排|列|名列|保持)")
_NAME_AFTER_SUO = "等、和与及"  # 中电科22所等: an institute's name, not 22 schools


@dataclass(frozen=True)
class Mention:
    """One number as printed, with its unit and qualifiers; offsets index the report text."""

    start: int  # first character, including an adjacent pre-qualifier (不少于20个)
    end: int  # one past the last character, including a post-qualifier (6%以上)
    printed_start: int  # the value as the curated table prints it: 近2万人, 第5位, 40余场次, 6%
    printed_end: int
    value: float | None
    value_high: float | None
    unit: str
    base: str
    ordinal: bool
    qualifier: str
    approx: str


def find_mentions(scan: str, lo: int, hi: int) -> list[Mention]:
    """Mentions that read as statistics in ``scan[lo:hi]`` (quoted text already masked)."""
    found = []
    for m in MENTION.finditer(scan, lo, hi):
        mention = _to_mention(scan, m)
        if mention is not None:
            found.append(mention)
    return found


def _to_mention(scan: str, m: re.Match[str]) -> Mention | None:
    num, unit, base, ordinal = m["num"], m["unit"] or "", m["base"] or "", bool(m["ord"])
    if _is_glued_to_code(scan, m.start("num")):
        return None
    chinese = not num[0].isdigit()
    if chinese and (num == "一" or not (ordinal or base in COUNT_UNITS or base in PP_UNITS)):
        # 一批, 一期工程: the numeral one is almost never a statistic; 三元材料, 十五五 are names.
        return None
    value = float(parse_chinese_numeral(num)) if chinese else float(num)
    if m["neg"]:
        if ordinal or chinese or scan[m.start() - 1 : m.start()].isdigit():
            return None  # 第-1, a dash between numbers: not a negative value
        value = -value
    after = scan[m.end() : m.end() + 6]
    if ordinal:
        base = _rank_unit(scan, m, base, after)
        if base is None:
            return None  # 第二批, 第一方阵, 第一仗: ordinals that name something
        unit = base
    elif not unit or base == "位" or _is_label(m, base, after):
        return None
    if m["post"] in ("以上", "以下") and after[:1] and _CJK.match(after[:1]):
        return None  # 500万元以上重点项目: a threshold that defines the subject
    start = printed_start = m.start()
    pre = PRE_QUALIFIER.search(scan, max(0, start - 3), start)
    qualifier = m["post"] or m["approx"] or ""
    if pre is not None and not ordinal:
        start, qualifier = pre.start(), qualifier or pre.group()
        if pre.group() in PRINTED_PRE:
            printed_start = start
    high = float(m["num2"]) if m["num2"] else None
    if high is not None and not (unit and (m["unit1"] in (None, m["unit"]))):
        return None  # 1-3月, YYYY-YYYY: a period, not a range of values
    return Mention(
        start=start,
        end=m.end(),
        printed_start=printed_start,
        printed_end=m.end("unit") if m["unit"] else m.end(),
        value=value,
        value_high=high,
        unit=unit,
        base=base,
        ordinal=ordinal,
        qualifier=m["rsep"] if high is not None else qualifier,
        approx=m["approx"] or "",
    )


def _is_glued_to_code(scan: str, pos: int) -> bool:
    """G20, PM2.5, 3.5.6: a number stuck to Latin letters or dots is a code."""
    prev = scan[pos - 1 : pos]
    return bool(prev) and (prev.isascii() and (prev.isalnum() or prev in "._/"))


def _rank_unit(scan: str, m: re.Match[str], base: str, after: str) -> str | None:
    """The rank unit of an ordinal (第5位, 第三名, 居全市第3), or None if it names something."""
    if base in RANK_UNITS:
        return base
    if base or (after[:1] and _CJK.match(after[:1])):
        return None
    clause_start = max(scan.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
    return "位" if _RANK_VERB.search(scan, clause_start, m.start()) else None


def _is_label(m: re.Match[str], base: str, after: str) -> bool:
    """Counted things that are names: 两个方面, 19条具体举措, 中电科22所等, 10大项."""
    if m["post"] or m["approx"]:
        return False
    if base == "所" and after[:1] in tuple(_NAME_AFTER_SUO):
        return True
    return base in COUNT_UNITS and bool(_LABEL_AFTER.match(after))


# Qualitative positions with no number: 保持全市第一方阵, 位居全省前列.
_STANDING = re.compile(
    r"(?:保持|位居|稳居|居于|处于|进入|跻身|位列|居)(?P<scope>全市|全省|全国)"
    r"(?P<text>第一方阵|第一梯队|前列|前茅|上游)"
)


def find_standings(scan: str, lo: int, hi: int) -> list[Mention]:
    """Standings such as 保持全市第一方阵: a position without a number (value None)."""
    return [
        Mention(
            start=m.start(),
            end=m.end(),
            printed_start=m.start("text"),
            printed_end=m.end(),
            value=None,
            value_high=None,
            unit="",
            base="standing",
            ordinal=False,
            qualifier="",
            approx="",
        )
        for m in _STANDING.finditer(scan, lo, hi)
    ]
