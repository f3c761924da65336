"""Actual or target: the document's own announcements decide, rule by rule.

A figure is a target when something announces a plan before it, at the narrowest level that
says so, and an actual otherwise. Each rule below is named; the first that applies decides, and
its name and words go into the row's evidence (what ``muye extract --explain`` shows):

- ``completion``: a completion of a plan is an actual (占年计划投资的64.49%, 完成年计划710亿元的
  89.4%), and the actual growth next to it stays one;
- ``against_plan``: a comparison with a plan is an actual (高于目标2.1个百分点,
  欠目标任务8.9个百分点, 塌目标1.8个百分点);
- ``plan_figure``: the plan's own figure is a target (年度计划投资561.86亿元, 目标任务(23.9亿元));
- ``announced_paragraph``: a paragraph or list announced as targets (主要预期目标是：…,
  指标体系安排，具体为：…, a heading 2024年目标任务, 将重点抓好七个方面工作。一是…);
- ``announced_sentence``: a plan word earlier in the sentence (计划, 安排, 力争, 确保, 预期,
  目标是, 要实现, 拟, 争取), until a clause reports what was done (累计完成, 实际, 已, 预计全年,
  截至9月末, a year-to-date span such as 前三季度: ``scope_end``, which also ends an announced
  paragraph's reach);
- ``target_after``: a figure named a target by the words after it (年度增长6%目标任务, 高于6%的
  预期目标);
- ``carried``: a figure that only points back (增速, 总量) after a target;
- ``qualified``: 左右/以上 with 预期/目标/计划 in the sentence;
- ``part``: the part of the report (a plan part holds targets, a review part actuals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.extract.dating import find_spans, find_years
from muye_analysis.extract.epochs import plan_end_year

# A paragraph that announces targets: every figure after it, to the end of the paragraph, is one.
ANNOUNCE = re.compile(
    r"(?:预期目标|(?:指标体系|指标|目标)安排[^。；;\n]{0,8}?(?:具体为|如下|是|为)?|主要(?:发展)?目标"
    r"|具体目标)(?:是|为|如下)?[:：]|(?:主要预期|发展预期|主要发展|主要|预期)目标(?:是|为)"
    # 将重点抓好七个方面工作。/ 重点做好10个方面工作: the plan's tasks follow
    r"|(?:将|要|今年|明年)重点(?:抓好|做好|推进)[^。；;\n]{0,12}工作[。:：]?"
    r"|重点(?:抓好|做好)以下[^。；;\n]{0,8}工作[。:：]?"
    r"|重点(?:抓好|做好)(?:\d{1,2}|[一二三四五六七八九十]{1,3})个?方面工作[。:：]?"
    # 《计划》提出，今年GDP增长将保持10%: a news item quoting a plan document (its title is
    # masked in the scan, as every quotation is)
    r"|《[^》\n]{1,30}》(?:还|也|进一步)?(?:提出|明确)[，,:：]"
)
# Marks opening the items of a list, one per line: ●经济增长6%左右.
BULLETS = "●•◆◇▲△■□○◎★☆▪▶►·"
# A heading line that announces the targets of the next paragraph: 2024年目标任务; also a heading
# over a list of one target per line (■ 2025年经济社会发展的主要预期目标 ⏎ ●经济增长6%左右 ⏎ ●…).
# Reprint sites scatter ASCII junk against copying (预期目标; P1 |( q" ~6 S( i, 4 o* d, v6 ●…): a
# heading or a list item keeps its meaning with it.
ASCII_JUNK = r"[\x20-\x7e]{0,40}"
ANNOUNCE_LINE = re.compile(
    r"(?m)^[ \t]*(?:[" + BULLETS + r"][ \t]*)?(?:(?:19|20)\d\d年?)?[^\n，,。；;\d]{0,12}?"
    # in a bracketed heading, a proposal's too: 【经济社会发展主要预期目标建议】
    r"(?:目标任务|预期目标|主要目标|发展目标)(?:建议)?[】\]]?[ \t:：]*(?:[;,]" + ASCII_JUNK + r")?$"
    # a headline box: 回顾2017年 ⏎ …actuals… ⏎ 展望2018年 ⏎ 生产总值增长9%左右 ⏎ …
    r"|^[ \t]*展望(?:19|20)\d\d年?[ \t]*$"
    # a news item's headings over one figure a line: 2021年目标: ⏎ 生产总值增长6.5%左右 ⏎ …, and
    # “十四五”目标: (a year or a plan's period, masked as every quotation, then 目标 and a colon,
    # alone on its line)
    r"|^[ \t]*(?:(?:19|20)\d\d[ \t]?年|十[一二三四五六]五(?:时期)?|“[^”\n]{1,8}”)"
    r"[^\n，,。；;\d]{0,6}?目标[:：][ \t]*$"
)
# Words that make a figure of their own clause a target: 年度计划投资561.86亿元, 目标为1300亿元.
CLAUSE_TARGET = re.compile(
    r"计划(?:实施|完成|新增|投资)|拟(?:新增|实施|建设|安排)|(?:年度|全年|当年|年)(?:投资)?计划"
    # 增速目标定为7%, 目标明确为6.5%, 目标便是7%
    r"|目标(?:拟?定为|明确为|设定为|便是|就是|为|是)?$|预算(?:为|是)?$"
)
# 争取 + funds or projects is what was secured, no plan (争取资金10.1亿元, 争取增发国债项目69个,
# 争取“两重”项目18个、21.1亿元, 争取中央下达…预算内投资5.5亿元), unless a verb of attainment
# follows (争取项目投资增长10%).
SECURED = (
    r"[^，,。；;\d]{0,20}?(?:资金|项目|国债|债券|到位|力度|支持|下达|预算内)"
    r"(?![^，,。；;\d]{0,10}(?:增长|实现|达到|突破|超过))"
)
# A plan word that makes the rest of its sentence targets (until a clause reports an outcome).
SENTENCE_TARGET = re.compile(
    r"(?<![超比较于完成占为达欠塌是差])(?:力争(?!目标)|确保(?!目标)|(?<![稳及])预期(?!目标的|性指标中|[，,、；;。])|目标(?:是|为|任务是)|要实现|将实现"
    r"|争取(?!" + SECURED + r")"
    # 今后五年，全县地区生产总值年均增长7%以上: a plan's horizon
    r"|(?:今后|未来)(?:[一二三四五两]|\d)年|今后一个时期"
    # 2022年将新建高标准农田1100万亩: a year, then what it will do
    r"|(?:(?:19|20)\d\d[ \t]?年|今年|明年|年内)(?:全[省市县区])?将"
    r"(?![^，,。；;]{0,6}(?:纳入|列为|作为))"
    # 年均增长指标由12%左右调整为11%左右: a plan's indicator set or changed
    r"|(?:增长|增速|预期性?|发展)指标(?=由|调整为|定为|为\d))"
)
# 计划, 安排 announce when they open the sentence's figures after a time word or before a verb
# (2020年计划实施…71个, 本年度计划新开工项目270项); otherwise they name a list's category
# (…；计划新开工项目157项).
OPENING_PLAN = re.compile(
    r"(?:(?:19|20)\d\d[ \t]?年|今年|本年度?|年内|全年|明年|当年)[，,]?[^，,。；;\d]{0,5}?"
    r"(?:计划(?!执行|完成情况|内|外|的)|安排(?!部署))"
    r"|(?<![超比较于完成占为达欠塌是年度资])计划(?=(?:年内|今年|全年)?(?:实施|建设|安排|投资))"
)
_FIGURE = re.compile(r"(?<!\d)(?!(?:19|20)\d\d[ \t]?年)\d")
# A clause that reports an outcome ends the plan words' reach: 1-6月份累计完成投资35.9亿元.
OUTCOME = re.compile(r"累计|实际|已(?:完成|开工|建成|实现)|(?<!计划)(?<!计划新)完成(?!.{0,4}目标)")
# A completion of a plan is an actual: 占年计划投资的64.49%, 为年度目标的66.2%, 完成年计划710亿元的,
# 占预算调整数的100.11%.
COMPLETION = re.compile(
    r"(?:占|为|是|完成|达到?|实现)了?(?:全年|年度|年初|本年|当年|年|预计|调整|上级下达)?(?:投资)?"
    r"(?:计划|目标|预算|任务|考核任务)(?:调整)?(?:任务|投资|数|目标)?(?:\d+(?:\.\d+)?(?:万亿|亿|万)?元)?的$"
    # 占年计划42.1%, 占该计划39.6%: a share of the plan printed without 的
    r"|占(?:该|全年|年度|年|本年|当年)?(?:投资)?(?:计划|目标|任务)(?:任务|投资)?$"
)
# 稳预期, 不及预期, 超预期: expectations as a noun, no plan.
QUALIFIED_TARGET = re.compile(r"(?<![稳及超])预期(?![，,、；;。])|目标|计划|争取")
PAST = re.compile(r"去年|过去一年|已完成|实际完成(?!率)")
# An actual compared with its plan: 高于目标2.1个百分点, 欠…目标任务(23.9亿元)8.9个百分点, 塌目标,
# 差计划目标3.1个百分点 (差 right before the plan word).
AGAINST_PLAN = re.compile(
    r"(?:高于|低于|超过|超出|超|快于|慢于|(?<!占)比|较|欠|塌|落后于?|差(?=计划|目标|年度|全年))"
    r"[^，,；;]{0,14}?"
    r"(?:目标|计划|预期|进度)(?:任务)?(?:[(（][^)）]*[)）])?$"
)
# The plan's own figure printed in brackets after it: 目标任务(23.9亿元).
PLAN_FIGURE = re.compile(r"(?:目标|计划|任务)[(（]$")
COMMITMENT = re.compile(r"力争|确保")
# A figure named a target by the words right after it: 年度增长6%目标任务, 高于6%的预期目标.
TARGET_AFTER = re.compile(
    r"[^\d，,；;。]{0,4}?[-\d.]+\s?(?:%|个百分点|(?:万亿|亿|万)?元)(?:左右|以上)?"
    # …of a list named so as one: 能耗降低3.2%、二氧化硫排放量下降1.5%的节能减排目标
    r"(?:[、和][^\d，,；;。、]{0,12}?[-\d.]+\s?%(?:左右|以上)?)*"
    r"(?:的?((?:年度|全年)?(?:预期|发展)?目标(?:任务)?)|的([\u4e00-\u9fff]{2,6}?目标))"
)


# Words of a clause that reports what was done, not what is planned: it ends an announcement's
# reach (…主要预期目标为…。前三季度，全市地区生产总值增长5.1%; 预计全年; 截至9月末; 已完成).
SCOPE_END = re.compile(
    r"预计|累计|截至|截止|目前|已(?:完成|开工|建成|实现|经)|实际完成|去年|过去一年|上年全年"
)
_CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:\n]")


_HEADING_WORDS = 16  # the longest announcing heading a five-year plan's name dates


def target_spans(scan: str, norm: str | None = None) -> list[tuple[int, int, str, int | None]]:
    """Paragraph parts announced as targets: (start, end, announcing words, year named).

    An announcement runs to the end of its paragraph; one that ends its line announces the next
    paragraph, and a list of one target per line (国内生产总值增长5.5%左右；⏎城镇新增就业…；)
    runs while its lines end with ；. It stops at the first clause that reports an outcome
    (``scope_end``): a year-to-date span (前三季度, 1-9月, 上半年), an estimate of the year
    (预计全年) or a completion (累计, 已完成).
    """
    spans = []
    found = [(m.start(), m.end(), m.group()) for m in ANNOUNCE.finditer(scan)]
    found += [(m.start(), m.end(), m.group().strip()) for m in ANNOUNCE_LINE.finditer(scan)]
    for start, end_word, words in sorted(found):
        end = _line_end(scan, end_word)
        if not scan[end_word:end].strip(" \t\u3000:：,，"):  # it ends its line: the next paragraph
            first = _next_line(scan, end)
            blanks = scan.count("\n", end, first) - 1  # 主要预期目标 ⏎⏎ 地区生产总值增长7%以上 ⏎⏎ …
            end = _line_end(scan, first)
            while scan[:end].rstrip().endswith(("；", ";")) and end < len(scan):
                end = _line_end(scan, _next_line(scan, end))
            end = _bullets_end(scan, end)
            end = _enumerated_end(scan, first, end)
            end = _headlines_end(scan, end, blanks)
        line_start = scan.rfind("\n", 0, start) + 1
        years = find_years(scan, line_start, end_word)
        end = min(scope_end(scan, end_word, end), _bracket_end(scan, start, end))
        # a year named on the announcing line, or a five-year plan's last (“十四五”目标: 2025,
        # read in ``norm``, where quotes are not masked)
        heading = end_word - line_start <= _HEADING_WORDS  # “十四五”目标: on a line of its own
        plan = plan_end_year(norm or scan, line_start, end_word) if heading else None
        year = years[-1].year if years else plan
        spans.append((end_word, end, words, year))
    return spans


def _headlines_end(scan: str, end: int, blanks: int = 0) -> int:
    """The end of headline lines (figures, no sentence end 。) that follow one another from the
    paragraph ending at ``end``, with as many blank lines between them as ``blanks`` (those
    between the heading and its first line); ``end`` when that paragraph is no headline."""
    line = scan[scan.rfind("\n", 0, end) + 1 : end]
    nxt = _next_line(scan, end) if blanks > 0 else end + 1
    while (
        "。" not in line
        and nxt < len(scan)
        and scan[nxt] != "\n"
        and scan.count("\n", end, nxt) - 1 == max(blanks, 0)
    ):
        line = scan[nxt : _line_end(scan, nxt)]
        # the next heading of one figure a line (2020年成就:) ends the list
        if "。" in line or not re.search(r"\d", line) or line.rstrip().endswith((":", "：")):
            break
        end = _line_end(scan, nxt)
        nxt = _next_line(scan, end) if blanks > 0 else end + 1
    return end


_NUMERALS = "一二三四五六七八九十"
_ENUMERATED = re.compile(rf"[ \t\u3000]*(?P<n>[{_NUMERALS}])是")


def _enumerated_end(scan: str, first: int, end: int) -> int:
    """The end of a run of paragraphs 一是…⏎二是…⏎三是… (the tasks an announcement of N areas of
    work lists) starting at ``first``; ``end`` when that paragraph opens no such run."""
    opened = _ENUMERATED.match(scan, first)
    if not opened or opened["n"] != _NUMERALS[0]:
        return end
    n, nxt = 1, _next_line(scan, end)
    while n < len(_NUMERALS) and nxt < len(scan):
        item = _ENUMERATED.match(scan, nxt)
        if not item or item["n"] != _NUMERALS[n]:
            break
        end, n = _line_end(scan, nxt), n + 1
        nxt = _next_line(scan, end)
    return end


def _bracket_end(scan: str, start: int, end: int) -> int:
    """The closing bracket of an announcement printed inside brackets after an actual (增长9.5%,
    排名全市第1位(预期目标为10%以上);…): it announces only what the brackets hold; ``end`` when
    the announcement is no bracket's."""
    line_start = scan.rfind("\n", 0, start) + 1
    opened = max(scan.rfind("(", line_start, start), scan.rfind("（", line_start, start))
    if opened == -1 or re.search(r"[)）]", scan[opened:start]):
        return end
    closed = re.compile(r"[)）]").search(scan, start, end)
    return closed.start() + 1 if closed else end


def _bullets_end(scan: str, end: int) -> int:
    """The end of a list of one item per line, each opened by the mark of the first (●…⏎●…,
    reprint junk before the mark aside), that starts the paragraph ending at ``end``; ``end``
    when it is no such list."""
    first = scan[scan.rfind("\n", 0, end) + 1 : end].lstrip(" \t\u3000")
    mark = first[:1]
    if not mark or mark not in BULLETS:
        return end
    item = re.compile(ASCII_JUNK + re.escape(mark))
    nxt = _next_line(scan, end)
    while nxt < len(scan) and item.match(scan, nxt, _line_end(scan, nxt)):
        end = _line_end(scan, nxt)
        nxt = _next_line(scan, end)
    return end


def scope_end(scan: str, lo: int, hi: int) -> int:
    """Where an announcement's reach ends in ``scan[lo:hi]``: the start of the first clause that
    names a year-to-date span or reports an outcome, else ``hi``."""
    marks = [s.start for s in find_spans(scan, lo, hi) if s.last < 12]
    done = next((m for m in SCOPE_END.finditer(scan, lo, hi) if not _plan_total(scan, m)), None)
    if done:
        marks.append(done.start())
    if not marks:
        return hi
    first = min(marks)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(scan, lo, first)]
    return breaks[-1] if breaks else lo


# 力争“十四五”以来累计降低10%左右: a total the plan aims at, no outcome reported.
_PLAN_BEFORE_TOTAL = re.compile(r"(?:力争|确保|争取)[^，,；;。：:\n]{0,12}$")


def _plan_total(text: str, m: re.Match) -> bool:
    """Whether the 累计 matched by ``m`` follows a plan word in its own clause."""
    return m.group() == "累计" and bool(_PLAN_BEFORE_TOTAL.search(text, 0, m.start()))


def _line_end(scan: str, pos: int) -> int:
    end = scan.find("\n", pos)
    return len(scan) if end == -1 else end


def _next_line(scan: str, end: int) -> int:
    """The start of the next line with text after ``end`` (blank lines are skipped)."""
    pos = end
    while pos < len(scan) and scan[pos] in "\n \t\u3000":
        pos += 1
    return pos


@dataclass(frozen=True)
class Kind:
    """Actual or target, the rule that decided and its words; the announcing span, if any."""

    kind: str
    rule: str
    words: str
    span_year: int | None = None
    completion: bool = False
    commitment: str = ""
    commitment_start: int | None = None

    @property
    def why(self) -> str:
        return f"{self.kind}: {self.words}" if self.words else f"{self.kind}: {self.rule}"


def kind_of(
    scan: str,
    lo: int,
    clause_lo: int,
    pos: int,
    section_kind: str,
    section_label: str,
    announced: list,
    carried_target: bool,
    full_lo: int | None = None,
) -> Kind:
    """Whether the figure at ``pos`` is an actual or a target (rules in the module docstring).

    ``lo`` starts the figure's sentence; ``full_lo`` the sentence up to 。 (a plan word reaches
    past ；: 力争地区生产总值增长7%；固定资产投资增长10%)."""
    prefix, clause = scan[lo:pos], scan[clause_lo:pos]
    reach = scan[full_lo if full_lo is not None else lo : pos]
    decided = (
        _clause_kind(scan, lo, pos, clause)
        or _announced_kind(scan, lo, pos, reach, announced)
        or _sentence_kind(scan, pos, reach)
    )
    if decided is not None:
        return decided
    named_after = TARGET_AFTER.match(scan, pos)
    if named_after:
        words = named_after[1] or named_after[2]
        return _target(scan, lo, pos, "target_after", f"named a target after it ({words})")
    if carried_target:
        return _target(scan, lo, pos, "carried", "carried from the clause before")
    qualified = re.match(r"[^，,；;。]*?(?:左右|以上)", scan[pos : pos + 12])
    if section_kind == "actual" and _qualifier(prefix) and qualified:
        return _target(scan, lo, pos, "qualified", "左右/以上 with 预期/目标/计划 in the sentence")
    label = section_label or "(none)"
    if section_kind == "target":
        return _target(scan, lo, pos, "part", f"part {label} of the report")
    return Kind("actual", "part", f"part {label} of the report")


def _qualifier(prefix: str) -> bool:
    """A plan word before a figure with 左右/以上, no estimate of the outcome after it (主要经济
    指标不及预期，预计全年地区生产总值415亿元、增长1%左右 is an actual)."""
    words = list(QUALIFIED_TARGET.finditer(prefix))
    return bool(words) and not SCOPE_END.search(prefix, words[-1].end())


def _clause_kind(scan: str, lo: int, pos: int, clause: str) -> Kind | None:
    """The figure's own clause: a completion or a comparison with a plan (actuals), the plan's
    own figure (a target)."""
    completion = COMPLETION.search(clause)
    if completion:
        return Kind("actual", "completion", f"completion of a plan ({completion.group()})",
                    completion=True)  # fmt: skip
    against = AGAINST_PLAN.search(clause)
    if against and not PLAN_FIGURE.search(clause):
        return Kind("actual", "against_plan", f"compared with a plan ({against.group()})")
    plan_figure = PLAN_FIGURE.search(clause)
    if plan_figure:
        return _target(scan, lo, pos, "plan_figure", f"the plan's figure ({plan_figure.group()})")
    clause_cue = CLAUSE_TARGET.search(clause)
    if clause_cue:
        return _target(scan, lo, pos, "plan_figure", clause_cue.group())
    return None


def _announced_kind(scan: str, lo: int, pos: int, reach: str, announced: list) -> Kind | None:
    """A target of a paragraph announced as targets, unless its sentence is about the past."""
    span = next((a for a in announced if a[0] <= pos < a[1]), None)
    if span is None or (PAST.search(reach) and not SENTENCE_TARGET.search(reach)):
        return None  # 去年完成投资50亿元 after the targets: a sentence about the past
    kind = _target(scan, lo, pos, "announced_paragraph", f"paragraph announced by {span[2]}")
    return Kind(**{**kind.__dict__, "span_year": span[3]})


def _sentence_kind(scan: str, pos: int, reach: str) -> Kind | None:
    """A target after a plan word of its sentence (力争, 计划 after a time word…), unless a
    clause between reports an outcome (累计完成, 前三季度, 预计全年)."""
    cues = [
        m
        for m in SENTENCE_TARGET.finditer(reach)
        if not _closed_bracket(reach, m.start()) and not _PLAN_COMPARED.search(reach, 0, m.start())
    ]
    opening = OPENING_PLAN.search(reach)
    if opening and not _FIGURE.search(reach, 0, opening.start()):
        cues = sorted([*cues, opening], key=lambda m: m.start())
    if not cues:
        return None
    outcome = [
        m
        for m in OUTCOME.finditer(reach)
        if m.start() > cues[-1].end() and not _plan_total(reach, m)
    ]
    cue_end = pos - len(reach) + cues[-1].end()
    if outcome or scope_end(scan, cue_end, pos) != pos:
        return None
    return _target(scan, pos - len(reach), pos, "announced_sentence", cues[-1].group())


# A plan an actual is compared with (比全年预期增长目标高1.2个百分点): its plan word sets no target.
_PLAN_COMPARED = re.compile(r"(?:(?<!占)比|较|高于|低于|超过|超出|快于|慢于)[^，,；;。\d]{0,6}$")


def _closed_bracket(text: str, at: int) -> bool:
    """Whether ``at`` lies in brackets that close before the end of ``text``: a plan word there
    (排名全市第1位(预期目标为10%以上);规模工业增加值增长9.5%) speaks of the brackets only."""
    opened = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    if opened == -1 or re.search(r"[)）]", text[opened:at]):
        return False
    return re.search(r"[)）]", text[at:]) is not None


def _target(scan: str, lo: int, pos: int, rule: str, words: str) -> Kind:
    commitments = list(COMMITMENT.finditer(scan, lo, pos))
    last = commitments[-1] if commitments else None
    return Kind("target", rule, words, commitment=last.group() if last else "",
                commitment_start=last.start() if last else None)  # fmt: skip
