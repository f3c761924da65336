"""Find numbers with units in normalised report text and decide which are statistics.

A *mention* is a number as printed with its unit and qualifiers (近2万人, 6%以上, 第三名,
4.5%至5%). Numbers that are names rather than statistics (years, 第二批, 10大项, 中电科22所,
500万元以上 as a threshold, anything inside quotation marks) are dropped here, before any subject
is looked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.extract.names import names_by_count
from muye_analysis.text import parse_chinese_numeral

# Units grouped by the measure they imply. Magnitude prefixes (万, 亿) combine with the base unit
# and stay part of the unit as printed: 2.5万元 has value 2.5 and unit 万元.
LEVEL_UNITS = (
    "元", "美元", "斤", "公斤", "吨", "亩", "公顷", "平方米", "平方公里", "公里", "千米", "米",
    "安时", "千瓦小时", "千瓦时", "千瓦", "千伏安", "伏安", "立方米", "标准箱", "千克", "千公顷",
    "标箱", "升", "担", "欧元", "港元",  # 集装箱吞吐量120万标箱, 成品油3.2万升, 茶叶1.5万担
    "度",  # electricity in 万/亿 kWh: 工业用电量5.39亿度 (bare 度 is an angle or a temperature)
    "微克/立方米", "毫克/立方米",  # a concentration: PM2.5浓度37微克/立方米
    "人/平方公里", "公斤/亩",  # a density, a yield: 人口密度549人/平方公里, 单产451公斤/亩
    "元/人",  # a product per worker: 全员劳动生产率为103797元/人
    "m2", "m²",  # square metres in Latin letters: 供热能力达800万m2
)  # fmt: skip
PEOPLE_UNITS = ("人次", "人")
COUNT_UNITS = (
    "个", "家", "项", "类", "场次", "场", "所", "件", "户", "天", "期", "处", "座", "批", "名",
    "辆", "台", "套", "张", "条", "篇", "部", "间", "栋", "幢", "株", "头", "只", "支", "宗",
    "匹", "羽", "尾",  # livestock, poultry and fish: 马驴骡2.2万匹, 家禽196.8万羽
    "种", "片", "口",  # 有67种 (kinds of product), 液晶显示屏59557.8万片, 沼气池24.8万口
    "艘", "架次", "笔", "起", "棵",  # 船舶12艘, 航班1.2万架次, 贷款356笔, 事故3起, 植树5万棵
)  # fmt: skip
# Units of things made or built: printed in 万 or 亿 they are an output, a level like 万吨
# (汽车242.3万辆, 智能电视190.1万台, 液晶显示屏59557.8万片, 新建沼气池24.8万口); without a magnitude
# they count (新增公交车50辆, 打机井12口).
OUTPUT_UNITS = ("台", "辆", "片", "口")
# Counted in digits only: 十种有色金属, 两种模式, 一片, 三口之家 are names or words.
DIGITS_ONLY_UNITS = ("种", "片", "口")
PERCENT_UNITS = ("%", "‰")
PP_UNITS = ("个百分点", "百分点")
PERMILLE_POINTS = ("个千分点", "千分点")  # a rate in ‰ changed: 比上年下降3.18个千分点
RATIO_UNITS = ("倍",)
RANK_UNITS = ("位", "名")

_BASES = sorted(
    {
        *LEVEL_UNITS,
        *PEOPLE_UNITS,
        *COUNT_UNITS,
        *PERCENT_UNITS,
        *PP_UNITS,
        *PERMILLE_POINTS,
        *RATIO_UNITS,
        "位",
    },
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
PRE_QUALIFIERS = (
    "不少于", "不低于", "不超过", "稳定在", "超过", "高于", "低于", "近", "约", "超", "逾",
)  # fmt: skip
PRE_QUALIFIER = re.compile(rf"(?:{'|'.join(PRE_QUALIFIERS)})$")
PRINTED_PRE = ("近", "约")  # part of the printed value (近2万人); the others are verbs
QUALIFIER_BOUND = {
    "": "exact",
    "以上": "at_least", "不少于": "at_least", "不低于": "at_least", "超过": "at_least",
    "高于": "at_least", "余": "at_least", "多": "at_least", "超": "at_least", "逾": "at_least",
    "以内": "at_most", "以下": "at_most", "之内": "at_most", "不超过": "at_most", "低于": "at_most",
    "近": "at_most",
    "左右": "about", "稳定在": "about", "约": "about",
}  # fmt: skip

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Words after a counted number that make it a name: 两个方面, 19条具体举措, 三位一体.
_LABEL_AFTER = re.compile(
    r"(?:具体)?(?:方面|方向|举措|措施|确保|维护|确立|意识|自信|一体|全会|战略|职能|底线|部分)"
    # 3项指标增速全市第一, 16个县市区…排名: how many are ranked, not a statistic
    r"|(?:主要)?(?:经济)?指标|县市区|县\(市|区县|县区|市州|设区市"
)
_POOL_COUNTED = re.compile(r"县市区|县\(市|区县|县区|市州|设区市")
# A quotation mark opening a slogan that starts with a count in words: " 四个走在前 " (not
# 四期“三个一批”活动, four rounds of a campaign).
_QUOTE_BEFORE = re.compile(r"[\"“「]\s?$")
# A sample fraction naming a survey: 5‰人口变动抽样调查, 1%人口抽样调查.
_SURVEY_NAME = re.compile(r"人口(?:变动)?抽样调查|抽样调查")
_RANK_VERB = re.compile(r"(?:居|位居|跃居|跃升至|跃升到|位列|排名|排在|排|列|名列|保持)")
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
    # How the unit was read when it is not printed with the number: "list" (0.7、1.4个百分点: the
    # last member's unit), "implied" (56.7亿 is 亿元 in a money sentence), else "".
    unit_from: str = ""


# Members of a list before the one that prints the unit: 0.7、1.4个百分点, 2.16和1.66个百分点.
_LIST_UNIT = re.compile(
    rf"(?:[、和及与]{_SP}-?\d+(?:\.\d+)?)*[、和及与]{_SP}-?\d+(?:\.\d+)?{_SP}"
    r"(?P<unit>个百分点|百分点|%|‰|倍|(?:万亿|亿|万)?元)"
)
# Points over places, each named before its figure: 高于全国0.7、全省2.3个百分点.
_PLACES_LIST_PP = re.compile(
    rf"(?:[、和及与]{_SP}全[国省市区县州]{_SP}-?\d+(?:\.\d+)?)*[、和及与]{_SP}全[国省市区县州]{_SP}"
    rf"-?\d+(?:\.\d+)?{_SP}(?P<unit>个百分点|百分点)"
)
# 提高7.9个、3.4个和1.7个百分点, also with a verb before each member: 分别下降0.2个、下降0.6个、
# 提高0.8个百分点.
_LIST_VERB = r"(?:提高|提升|上升|增加|加快|下降|降低|减少|回落|放缓)?"
_PP_LIST = re.compile(
    rf"(?:[、和及与]{_LIST_VERB}{_SP}-?\d+(?:\.\d+)?个)*[、和及与]{_LIST_VERB}{_SP}"
    r"-?\d+(?:\.\d+)?个?百分点"
)
# 56.7亿, at a clause end: a sum of money whose 元 is not printed.
_BARE_MAGNITUDE = re.compile(r"(?:万亿|亿)(?=[，,；;。、)）\s]|$)")
# 万 before the people it counts: 288万农村贫困人口实现脱贫, 1.2万受灾群众, 182万农民享受…
_PEOPLE_AFTER = re.compile(r"万[^，,。；;、\d\s]{0,8}?(?:人口|群众|农民|居民|职工)")
# An index printed bare right after its name (居民消费价格指数为102.9): on a base of 100, in %
_INDEX_BEFORE = re.compile(r"指数\s?(?:为|是|达到?)?\s?$")
# An index against a base of 100 (上年=100) lies in this band: 102.9, 98.4, 106.7.
INDEX_BAND = (80.0, 125.0)
# A rank printed without a ranking verb: 增速全市第一, 百强第3.
# 保持30%以上的快速增长: a growth figure, not a threshold
_GROWTH_NAMED = re.compile(r"的(?:快速|高速|较快|平稳)?(?:增长|增速)")
_RANK_AFTER_RANK = re.compile(r"第[一二三四五六七八九十\d]{1,3}[位名]?[、和]$")
_NEXT_RANK = re.compile(r"[和、及与]第")
_RANK_LEAD = ("全市", "全省", "全国", "全区", "全县", "全州", "百强", "全盟")


def find_mentions(scan: str, lo: int, hi: int) -> list[Mention]:
    """Mentions that read as statistics in ``scan[lo:hi]`` (quoted text already masked)."""
    found = []
    for m in MENTION.finditer(scan, lo, hi):
        mention = _to_mention(scan, m, hi)
        if mention is not None:
            found.append(mention)
    return found


def _to_mention(scan: str, m: re.Match[str], hi: int | None = None) -> Mention | None:
    """The statistic ``m`` prints, or None when the number is none: a code (G20), a name (一期工程,
    第二批), a threshold that defines the subject (500万元以上重点项目), a period (1-3月)."""
    unit, base, unit_from, unit_end = _unit_of(scan, m, hi)
    lost = _is_glued_to_code(scan, m.start("num")) or _after_lost_bytes(scan, m.start("num"))
    value = None if lost else _value_of(scan, m, base)
    if value is None or _is_streak(scan, m):
        return None
    after = scan[m.end() : m.end() + 6]
    ordinal = bool(m["ord"]) or (base == "位" and _is_bare_rank_pair(scan, m))
    if m["ord"]:
        base = unit = _rank_unit(scan, m, base, after)  # None: 第二批, 第一方阵, 第一仗
    elif not ordinal and _names_something(scan, m, unit, base, after):
        return None
    if base is None or _is_threshold(scan, m, base, after) or (base == "度" and not m["mag"]):
        return None
    high = float(m["num2"]) if m["num2"] else None
    if high is not None and not (unit and (m["unit1"] in (None, m["unit"]))):
        return None  # 1-3月, YYYY-YYYY: a period, not a range of values
    start, printed_start, qualifier = _qualified(scan, m, bool(m["ord"]))
    return Mention(
        start=start,
        end=unit_end,
        printed_start=printed_start,
        printed_end=m.end("unit") if m["unit"] else unit_end,
        value=value,
        value_high=high,
        unit=unit,
        base=base,
        ordinal=ordinal,
        qualifier=m["rsep"] if high is not None else qualifier,
        approx=m["approx"] or "",
        unit_from=unit_from,
    )


# A rank moved between two places printed without 第: 我县由99位提升至87位.
_RANK_TO = r"(?:提升|上升|提高|前移|前进|跃升|攀升|下降|后退|后移|下滑|回落|降)(?:至|到)[ \t]?"
_BARE_RANK_FROM = re.compile(r"(?:由|从)[ \t]?$")
_BARE_RANK_FROM_AFTER = re.compile(_RANK_TO + r"\d{1,3}[ \t]?位")
_BARE_RANK_TO = re.compile(r"(?:由|从)[ \t]?\d{1,3}[ \t]?位" + _RANK_TO + "$")


def _is_bare_rank_pair(scan: str, m: re.Match[str]) -> bool:
    """由99位提升至87位: both places are ranks (from, to), though neither prints 第."""
    before = scan[max(0, m.start() - 16) : m.start()]
    if _BARE_RANK_FROM.search(before):
        return bool(_BARE_RANK_FROM_AFTER.match(scan, m.end()))
    return bool(_BARE_RANK_TO.search(before))


_STREAK_SPAN = re.compile(r"个?(?:月|季度|年|周|天|日)")


def _is_streak(scan: str, m: re.Match[str]) -> bool:
    """连续8个月, 连续三年: how long something lasted, not a statistic of it; 前2个月 the months
    a figure covers."""
    before = scan[max(0, m.start() - 2) : m.start()]
    span = _STREAK_SPAN.match(scan, m.end("num"))
    return bool(span) and (before == "连续" or (before[-1:] == "前" and "月" in span.group()))


def _value_of(scan: str, m: re.Match[str], base: str) -> float | None:
    """The number's value, or None when it is no statistic: 一批, 一期工程 (the numeral one is
    almost never one; 第一 after 居 is a rank), 三元材料, 十五五 (names), 第-1 or a dash
    between numbers (no negative value)."""
    num, ordinal = m["num"], bool(m["ord"])
    chinese = not num[0].isdigit()
    counted = ordinal or base in COUNT_UNITS or base in PP_UNITS
    if chinese and ((num == "一" and not ordinal) or not counted or base in DIGITS_ONLY_UNITS):
        return None
    value = float(parse_chinese_numeral(num)) if chinese else float(num)
    if m["neg"]:
        if ordinal or chinese or scan[m.start() - 1 : m.start()].isdigit():
            return None
        value = -value
    return value


def _qualified(scan: str, m: re.Match[str], ordinal: bool) -> tuple[int, int, str]:
    """(start, printed start, qualifier): a qualifier before the number (不少于20个; 近2万人
    is printed with it) or after it (6%以上, 40余场次)."""
    start = printed_start = m.start()
    pre = PRE_QUALIFIER.search(scan, max(0, start - 3), start)
    qualifier = m["post"] or m["approx"] or ""
    if pre is not None and not ordinal:
        start, qualifier = pre.start(), qualifier or pre.group()
        if pre.group() in PRINTED_PRE:
            printed_start = start
    return start, printed_start, qualifier


def _unit_of(scan: str, m: re.Match[str], hi: int | None) -> tuple[str, str, str, int]:
    """(unit, base, where the unit came from, end): as printed, from a list's last member
    (0.7、1.4个百分点), implied (56.7亿 in money), or 个 standing for 个百分点."""
    unit, base, unit_from, unit_end = m["unit"] or "", m["base"] or "", "", m.end()
    if not unit and not m["ord"] and m["num"][0].isdigit() and not m["num2"]:
        end = hi if hi is not None else len(scan)
        listed = _LIST_UNIT.match(scan, m.end(), end) or _PLACES_LIST_PP.match(scan, m.end(), end)
        bare = _BARE_MAGNITUDE.match(scan, m.end())
        if listed:
            unit, unit_from = listed["unit"], "list"
            base = unit if unit in PP_UNITS else ("元" if unit.endswith("元") else unit)
        elif bare:
            unit, base, unit_from, unit_end = bare.group() + "元", "元", "implied", bare.end()
        elif _PEOPLE_AFTER.match(scan, m.end()):  # 18.34万剩余贫困人口: people, 万人
            unit, base, unit_from, unit_end = "万人", "人", "implied", m.end() + 1
        elif _INDEX_BEFORE.search(scan, max(0, m.start() - 6), m.start()) and (
            INDEX_BAND[0] <= float(m["num"].replace(",", "")) <= INDEX_BAND[1]
        ):
            unit, base, unit_from = "%", "%", "implied"
    places = _PLACES.match(scan, m.end())
    if base == "个" and places and _RANK_MOVE.search(scan, max(0, m.start() - 16), m.start()):
        # 较上年前移3个位次: a rank moved by 3 places
        unit = base = "位"
        unit_end = places.end()
    if base == "个" and not m["mag"] and _PP_LIST.match(scan, m.end()):
        # 提高7.9个、3.4个和1.7个百分点: each 个 stands for the 个百分点 printed at the list's end
        unit = base = "个百分点"
        unit_from = "list"
    return unit, base, unit_from, unit_end


def _names_something(scan: str, m: re.Match[str], unit: str, base: str, after: str) -> bool:
    """A number that is no statistic: no unit, a bare 位, a counted label or policy."""
    if base == "位" and _RANK_MOVE.search(scan, max(0, m.start() - 16), m.start()):
        return False  # 位次前移7位、8位和7位: a rank moved, not a rank
    if base in PERCENT_UNITS and _SURVEY_NAME.match(scan, m.end()):
        return True  # 根据5‰人口变动抽样调查推算: the survey's name
    if (
        base in _KINDS_POOL
        and _KINDS_POOL[base].match(scan, m.end())
        and not (base == "个" and _IN_POOL_BEFORE.search(scan, max(0, m.start() - 8), m.start()))
    ):
        return True  # 617种产品中有227种, 21个市州中有16个: the pool looked at, not a statistic
    if base == "项" and _INDICATORS_POOL.match(scan, m.end()):
        return True  # 44项预期性指标中，35项…: the indicators looked at, not a statistic
    if base in COUNT_UNITS and _POINTING_BACK.search(scan, max(0, m.start() - 2), m.start()):
        return True  # 这四座“GDP万亿城市”中: the ones just named, counted again
    if base == "口" and after[:1] in _NOT_MOUTH_UNIT:
        return True  # 3口岸, 口径, 三口之家: 口 is part of a word
    rate = _EXCHANGE_RATE.search(scan, max(0, m.start() - 16), m.end() + 16)
    if rate and rate.start() <= m.start() < rate.end():
        return True  # 按当年平均汇率(1美元兑6.228元人民币): an exchange rate, no statistic
    return not unit or base == "位" or _is_label(m, base, after) or _is_policy_name(scan, m, base)


# The pool a count of kinds is taken from: 617种产品中有227种, 40种主要工业产品中，33种,
# 40个工业行业大类中，34个行业盈利; so for indicators: 12项约束性指标(目标任务均为国家下达)中，
# 10项指标可如期完成; 12项主要预期目标中10项能够达到.
_KINDS_POOL = {
    base: re.compile(r"[^，,。；;\d]{0,12}?(?:中[，,]?有?|有)[ \t]?\d+" + base) for base in "种个"
}
_INDICATORS_POOL = re.compile(
    r"[^，,。；;\d]{0,8}?(?:(?:指标|目标)(?:[(（][^()（）]{0,20}[)）])?中[，,]?|目标[，,]有)"
    r"[ \t]?\d+[项个]"
)
_NOT_MOUTH_UNIT = "岸径之罩"
_EXCHANGE_RATE = re.compile(
    r"\d+(?:\.\d+)?(?:美元|欧元|港元|日元|英镑)(?:兑换?|[=＝]|折合)(?:人民币)?\d+(?:\.\d+)?元"
)
# 在工业19个大类中，10个…: a pool of 个 named with 在 is itself a count (as keyed so far)
_IN_POOL_BEFORE = re.compile(r"在[^，,。；;\d]{0,6}$")
_POINTING_BACK = re.compile(r"(?:这|该|此|上述)$")


# A count of those past a bound, opening the clause: 其中9个市州的增速达到或超过6%.
_COUNTED_PAST_BOUND = re.compile(
    r"(?:^|[，,。；;\n])[^，,。；;\d]{0,4}?[\d一二三四五六七八九十两]+(?:个|家|户|座|所)"
    r"[^，,。；;\d]{0,20}?(?:超过|突破|高于|达到或超过|或超过)$"
)


def _is_threshold(scan: str, m: re.Match[str], base: str, after: str) -> bool:
    """A bound that defines the subject: 500万元以上重点项目 (not 30%以上的快速增长),
    年收入超50万元的经济强村."""
    # (去年经济总量突破3000亿元的宜宾, 逼近2万亿元的成都: a milestone describing a place)
    if after[:1] == "的" and re.search(
        r"(?:超|超过|逾|突破|逼近)$", scan[max(0, m.start() - 2) : m.start()]
    ):
        return True
    if after.startswith(("大关", "的新台阶", "新台阶", "的台阶")):
        return True  # 突破400亿元大关, 登上了3000美元的新台阶: a milestone passed, not the figure
    if after.startswith(("相比", "比较")):
        return False  # (与年度预期目标6%以上相比): the figure compared with, no bound of a subject
    if after.startswith(("的有", "的共有")):
        return True  # GDP在1000至2000亿元的有5座城市: the band that defines what is counted
    if _COUNTED_PAST_BOUND.search(scan, max(0, m.start() - 30), m.start()):
        return True  # 共有7个市州地区生产总值超过500亿元: how many passed the bound, not a figure
    return bool(
        m["post"] in ("以上", "以下")
        and after[:1]
        and _CJK.match(after[:1])
        and not (base in PERCENT_UNITS and _GROWTH_NAMED.match(after))
        # 招引20个以上过亿项目: at least so many of the things named after it, not a bound
        # (in digits: 三类以上 is a class of water, not a count)
        and not (base in COUNT_UNITS and after[:1] != "的" and m.group()[:1].isdigit())
    )


def _is_glued_to_code(scan: str, pos: int) -> bool:
    """G20, PM2.5, 3.5.6: a number stuck to Latin letters or dots is a code."""
    prev = scan[pos - 1 : pos]
    if scan[max(0, pos - 3) : pos] in _ABBREVIATIONS:
        return False  # 完成GDP2917.85亿元: an indicator's abbreviation, then its figure
    return bool(prev) and (prev.isascii() and (prev.isalnum() or prev in "._/"))


_ABBREVIATIONS = ("GDP", "CPI", "PPI", "PMI")
# A mirror page that lost bytes prints ? for them, the opening bracket of its pinyin too
# (總?cè)丝跒?6985人 for 总人口为66985人): a figure right after such a ? lost its first digits.
_LOST_BYTES = re.compile(r"\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)[^\d，,。；;]{0,16}\?$")


def _after_lost_bytes(scan: str, pos: int) -> bool:
    return scan[pos - 1 : pos] == "?" and bool(_LOST_BYTES.search(scan, max(0, pos - 26), pos))


# A move in a ranking: 前移7位, 上升1位, 后退2位 (and the members after it: 、8位和7位).
_PLACES = re.compile(r"位次|位")
RANK_MOVE_WORDS = ("前移", "后移", "上升", "下降", "提升", "前进", "后退", "上移", "下移", "提高")
_RANK_MOVE = re.compile(rf"(?:{'|'.join(RANK_MOVE_WORDS)})了?[ \t]?(?:\d+[ \t]?位[、和及][ \t]?)*$")


def _rank_unit(scan: str, m: re.Match[str], base: str, after: str) -> str | None:
    """The rank unit of an ordinal (第5位, 第三名, 居全市第3), or None if it names something."""
    if base in RANK_UNITS:
        return base
    if base or (after[:1] and _CJK.match(after[:1]) and not _NEXT_RANK.match(after)):
        return None  # 第二批, 第一方阵; not 第3和第4 (a list of ranks)
    if scan[max(0, m.start() - 2) : m.start()] in _RANK_LEAD:
        return "位"  # 增速全市第一, 工业百强第7
    if _RANK_AFTER_RANK.search(scan, max(0, m.start() - 6), m.start()):
        return "位"  # 总量全市第二、第三: the second of a list of ranks
    clause_start = max(scan.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
    return "位" if _RANK_VERB.search(scan, clause_start, m.start()) else None


def _is_label(m: re.Match[str], base: str, after: str) -> bool:
    """Counted things that are names: 两个方面, 19条具体举措, 中电科22所等, 10大项, 三江源二期工程
    (a phase), 千名干部下基层 (a round numeral alone names a campaign)."""
    if m["post"] or m["approx"]:
        return False
    chinese = not m["num"][0].isdigit()
    if chinese and after[:1] and _CJK.match(after[:1]) and (base == "期" or m["num"] in "百千"):
        return True
    if base == "所" and after[:1] in tuple(_NAME_AFTER_SUO):
        return True
    opening_quote = _QUOTE_BEFORE.search(m.string, max(0, m.start() - 2), m.start())
    if chinese and base in COUNT_UNITS and opening_quote:
        return True  # " 四个走在前 ": a count in words opening a quoted slogan names it
    if base in COUNT_UNITS and (
        _names_a_group(m, chinese, after) or names_by_count(m.string, m.end(), base, chinese)
    ):
        return True
    if base in COUNT_UNITS and _LABEL_AFTER.match(after):
        # 有59个县(市)增速高于全省: how many, a statistic; 全省78个县(市)实现…: who
        # (其中9个市州的增速…: how many of them); 10项指标可如期完成, 6项指标未达预期: how many
        # indicators met the plan, a statistic
        if _INDICATORS_MET.match(after) and _indicators_pool_before(m.string, m.start()):
            return False
        return not (
            _POOL_COUNTED.match(after) and m.string[m.start() - 1 : m.start()] in ("有", "中")
        )
    return False


def _names_a_group(m: re.Match[str], chinese: bool, after: str) -> bool:
    """A count that names a group: 《纲要》确定的8类45项主要目标 (the classes the targets are
    grouped in), 城乡三项基本医疗保险参保率 (part of a rate's name), 食品、衣着、居住等三类价格
    分别上涨 (how many were just listed)."""
    if _GROUPED_COUNT.match(m.string, m.end()):
        return True
    if chinese and _NAMED_RATE_AFTER.match(m.string, m.end()):
        return True
    return bool(_COUNT_OF_LIST.match(after)) and _listed_before(m.string, m.start())


_GROUPED_COUNT = re.compile(r"\d+[项个]")
_NAMED_RATE_AFTER = re.compile(r"[^，,。；;、\d]{1,12}?率(?:达到|为|稳定在|保持在)?[ \t]?\d")
# The members of a list counted before their figures: (A、B、C)等三类价格分别上涨, 四项分别增长.
_COUNT_OF_LIST = re.compile(r"[^，,。；;、\d]{0,8}?分别")


def _listed_before(scan: str, pos: int) -> bool:
    """A list (A、B) in the clause before ``pos``."""
    lo = max(0, pos - 80, *(scan.rfind(c, 0, pos) + 1 for c in "，,。；;：:\n"))
    return "、" in scan[lo:pos]


# Indicators counted by how they met the plan: 10项指标可如期完成, 35项指标符合或好于预期
# (matched on the six characters after the number).
_INDICATORS_MET = re.compile(
    r"(?:主要)?指标(?:均|全部|已|可|能)?(?:如期|按期)?(?:完成?|实现|达到|符合|好于|优于|未达|未完|超额?完)"
)


# The pool such counts split (23项主要指标中，20个指标达到…): a count of listed indicators
# (A、B等8项指标达到…) names no pool and stays unread.
_POOL_OF_INDICATORS = re.compile(r"指标(?:[(（][^()（）]{0,20}[)）])?中[，,][ \t]?\d+[项个]")


def _indicators_pool_before(scan: str, pos: int) -> bool:
    """Whether the sentence before ``pos`` splits a pool of indicators (N项…指标中，M项…)."""
    lo = max(0, pos - 80, scan.rfind("。", 0, pos) + 1)
    return bool(_POOL_OF_INDICATORS.search(scan, lo, pos + 4))


# A list of policies named by their article counts: 工业稳增长24条、…发展18条等各项政策措施.
_POLICY_LIST_END = re.compile(r"[^，,。；;]{0,40}?等[^，,。；;]{0,4}(?:政策|措施|举措)")


def _is_policy_name(scan: str, m: re.Match[str], base: str) -> bool:
    """N条 in a list that ends 等…政策措施 names a policy package, not N of something."""
    return base == "条" and bool(_POLICY_LIST_END.match(scan, m.end()))


# Qualitative positions with no number: 保持全市第一方阵, 位居全省前列.
# Also an entry among the first few (进入全市前三) or into a top list (入围全省十强); a place held
# there (均居全省前三位, 稳居全省前十) is left unread, as the keyed documents leave it.
_STANDING = re.compile(
    r"(?:保持|位居|稳居|居于|处于|进入|跻身|位列|居)(?P<scope>全市|全省|全国)"
    r"(?P<text>第一方阵|第一梯队|前列|前茅|上游)"
    r"|(?:进入|跻身|入围|入选)(?P<scope2>全市|全省|全国)"
    r"(?P<text2>前[两二三四五六七八九十]位?(?![季个月年天周])|[二三四五六七八九十百]{1,3}强(?![县市区镇村企]))"
)


# 首位 after a ranking verb and a pool is the first place: 稳居全省首位, 居国内城市首位.
# Also 榜首, a pool by its size (排在21个市州榜首) and a growth's place with no verb
# (战新产业增速五县(市)首位).
_FIRST_PLACE = re.compile(
    r"(?:保持|位居|稳居|居于|居|位列|列|排名?|排在|跃居|升至|上升至|(?<=增速|增幅))"
    r"(?P<scope>全[市省国区县州盟]|(?:[^，,；;。\s\d]{1,12}?|\d{1,3}个)"
    r"(?:城市|县市区?|县区|区县|地市|市州|设区市|县\(市\)))(?P<text>首位|榜首)"
)


def find_standings(scan: str, lo: int, hi: int) -> list[Mention]:
    """Standings such as 保持全市第一方阵: a position without a number (value None); 首位 is
    the first place, a rank of 1."""
    first = [
        Mention(
            m.start("text"), m.end(), m.start("text"), m.end(), 1.0, None, "位", "位", True, "", ""
        )
        for m in _FIRST_PLACE.finditer(scan, lo, hi)
    ]
    return first + [
        Mention(
            start=m.start(),
            end=m.end(),
            printed_start=m.start("text") if m["text"] else m.start("text2"),
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
