"""What the reader's rules share: the document read once (``Doc``), what carries over between
the clauses of a sentence (``Carry``), where a mention stands in its document (``Context``: its
kind, period and part), the statement being read (``Statement``, which the rules of
``statement.py`` and ``ranks.py`` fill in), the bounds of a clause, and the words several rules
look for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from muye_analysis.extract.dating import (
    DocumentDates,
    Timeline,
    document_dates,
)
from muye_analysis.extract.epochs import epoch_year
from muye_analysis.extract.kinds import target_spans
from muye_analysis.extract.mentions import Mention
from muye_analysis.extract.normalise import mask_quoted
from muye_analysis.extract.sections import Section, find_sections


@dataclass
class Doc:
    """What is read once per document: its text three ways, parts, announcements and dates."""

    text: str  # as given (offsets and quotes point here)
    norm: str  # normalised, same length
    scan: str  # normalised, quotations masked
    sections: list[Section]
    starts: list[int]
    announced: list  # paragraph parts announced as targets (kinds.target_spans)
    timeline: Timeline
    dates: DocumentDates
    review_year: int | None  # the year the last review part covers

    @classmethod
    def read(cls, text: str, norm: str, published: tuple | None = None) -> Doc:
        scan = mask_quoted(norm)
        sections = find_sections(norm)
        heads = [(s.start, s.kind, s.year if s.year_named else None) for s in sections[1:]]
        # The year a review part covers; a stock named inside a plan part (3个…未化解项目) is of it.
        actual_years = [s.year for s in sections if s.kind == "actual" and s.year is not None]
        return cls(
            text=text,
            norm=norm,
            scan=scan,
            sections=sections,
            starts=[s.start for s in sections],
            announced=target_spans(scan, norm),
            timeline=Timeline(scan, norm),
            dates=document_dates(scan, heads, published, epoch_year(norm)),
            review_year=actual_years[-1] if actual_years else None,
        )


@dataclass
class Carry:
    """What carries over between clauses of one sentence."""

    subject: str = ""
    subject_start: int | None = None
    measure: str | None = None
    kind: str | None = None
    items: list = field(default_factory=list)  # subjects of the last list (分别, 、)
    rank_scope: str = ""  # 位列全国…百强第3，…百强第5: the scope carries to the next rank
    ranked_on: str = ""  # 列全国第4、中部第1: the second rank is on what the first was
    pct_measure: str = ""  # the last measure read in % (growth_rate, rate, share)
    topic: str = ""  # what the sentence is about (交通运输业恢复强劲，增速达14.8%)
    topic_start: int | None = None
    recent: list = field(default_factory=list)  # subjects read so far (两项指标…均排名…)
    # (subject, offset, measure) of the statistics read in the sentence since its last rank:
    # A增长6.1%、B增长20.1%，均排名全国第1 ranks each of them
    since_rank: list = field(default_factory=list)
    # the period the paragraph's last change in points was against (较1-7月提高0.2个百分点), for a
    # later one that names none (制造业增长11.9%，提高0.6个百分点): shared by its sentences
    period_compared: list = field(default_factory=list)
    # what the paragraph's last change of a level was against (比上年增加950公顷), for a later one
    # with a bare verb (粮食种植面积23.98千公顷，增加173公顷): shared by its sentences
    change_compared: list = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """Where a mention stands: its kind, period and commitment from its part, paragraph,
    sentence and clause (``reader.mention_context``), with the words that decided them."""

    kind: str
    kind_why: str
    period: int | None
    start_month: int | None
    end_month: int | None
    period_from: str
    period_why: str
    commitment: str
    commitment_start: int | None
    section: str
    completion: bool  # a completion of a plan (完成…的): a rate of the subject before
    clause_text: str  # the clause up to the mention (quotations masked)
    sentence_text: str  # the sentence up to the mention (quotations masked)


# -- clauses -----------------------------------------------------------------------------------

_CLAUSE_SEP = re.compile(r"[，,：:]")


def end_of_clause(scan: str, pos: int, hi: int) -> int:
    """Where the clause holding ``pos`` ends (at ，：), at most at ``hi``."""
    sep = _CLAUSE_SEP.search(scan, pos, hi)
    return sep.start() if sep else hi


def start_of_clause(scan: str, lo: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after ，：), at least at ``lo``."""
    seps = [m.end() for m in _CLAUSE_SEP.finditer(scan, lo, pos)]
    return seps[-1] if seps else lo


def subject_offset(norm: str, subject: str, before_lo: int) -> int | None:
    """Where ``subject`` is printed from ``before_lo`` on (its first two characters), or None."""
    if not subject:
        return None
    pos = norm.find(subject[:2], before_lo)
    return pos if pos != -1 else None


def join_evidence(*parts: str) -> str:
    """The words that decided a row, as ``muye extract --explain`` shows them."""
    return " | ".join(p for p in parts if p)


# -- words several rules look for --------------------------------------------------------------

# Shares of a whole, also of growth: 贡献率 (contribution) and 增长面 (share of sectors growing).
SHARE = re.compile(r"占|比重|占比|贡献率|增长面|回升面|下降面|(?:增长|增速)的贡献")

# A level or count compared with a year earlier is a change: 比上年末减少0.3万人.
CHANGE = re.compile(
    # 比上年末减少0.3万人, 比 2021 年末减少 0.5 万人, 比一季度增加了9个, 比去年同期多完成11亿元,
    # 比年初新增125.5亿元, 比全省高1.18万元, 较上年提高0.29亿元
    r"(?:比|较|同比|与)[^，,；;]{0,10}?"
    r"(?:增加|减少|增长|下降|多完成|少完成|多增|少增|多|少|增收|减收|增支|减支|新增|高出?|低|提高|降低)"
    r"了?\s*$"
    # 比全省376.5公斤的平均亩产多63.9公斤: after the figure compared with (read), the gap
    r"|^的[^，,；;\d]{0,8}?(?:多|少|高出|低)了?\s*$"
    # 通车里程新增149公里: a stock grown by so much
    r"|(?:里程|面积|总量|保有量)(?:新增|净增)了?\s*$"
    # 收入增加了2191元; 增产0.94亿斤; 排放量削减3013吨
    r"|(?:^|[^新])(?:增加|减少|增收|减收|增产|减产|削减)了?\s*$"
    r"|净增|净减|(?:超|超出|超过)(?:年度|全年)?(?:计划|目标|预期)$"  # 净增50亿元; 超计划0.65万亩
)

# A ranking verb where it ranks (居全市, 位居第): not the 居 of 居民.
RANK_VERB_AT = re.compile(
    r"(?:均|都|分别)?(?:分居|分列|位居|稳居|跃居|跃升至|跃升到|并列|位列|排名|排在|名列|保持|居于|居|列)"
    r"(?=全|第|前|首|[\d]|$)"
)

# What a rank ranks, by the word before it: 增速位居全市第2位 the growth, 总量全市第二 the level.
RANKED_WORDS = (("增速", "growth_rate"), ("增幅", "growth_rate"), ("总量", "level"),
                 ("规模", "level"))  # fmt: skip

# Words that name no subject of their own: a scope, a verb, a change (增收6253万元 is the revenue's
# increase; 保持全市第一 the rank of what came before).
NO_SUBJECT = re.compile(
    r"^(?:全[市省国区县州]|增收|减收|增加|减少|净增|净减|多完成|少完成|超收|保持|继续保持|稳居|同比|"
    r"实现|完成|达到|其中|此外|另外|总计|合计)$"
)

# 持平 against a place or its average: 与全省平均水平持平, 与省持平 (not 与上年持平).
FLAT_VERSUS = re.compile(
    r"与(?P<cmp>(?!上年|去年|同期)[^，,；;\d]{1,10}?)(?:平均水平|平均)?$"
    # a growth rate level with an earlier one: 增速与6月份持平 (0 points on June's)
    r"|(?:增速|增幅|涨幅)与(?P<rate>[^，,；;]{1,10}?)$"
)


def flat_comparator(before: str) -> str:
    """What a 持平 is level with (``FLAT_VERSUS``), or ""."""
    m = FLAT_VERSUS.search(before)
    return (m["cmp"] or m["rate"]) if m else ""


COMPARE_WORD = re.compile(r"比|较|高于|低于|快于|慢于|超")

SCOPE_WORD = re.compile(r"全[市省国区县州]")


@dataclass
class Statement:
    """A numeric statement being read. Each reading rule below fills in what it decides and
    adds the words that decided it to ``evidence`` (what ``muye extract --explain`` shows)."""

    m: Mention
    own_subject: str  # the subject as cut from its own clause
    subject: str
    match_subject: str  # what the registry is matched on
    subject_start: int | None
    stage: str
    before: str  # the clause's text before the value
    norm: str  # the document, normalised
    after: str  # a few characters after the value
    ctx: Context  # kind and period (reader.mention_context)
    comparator: tuple[str, int, str] | None
    generic: bool = False
    ranked_hint: str | None = None
    paren_value: bool = False
    keeps_carry: bool = False
    measure: str = ""
    sign: int = 1
    rule: str = ""
    value: float | None = None
    value_high: float | None = None
    unit: str = ""
    cmp_text: str = ""
    ranked_on: str = ""
    rank_scope: str = ""
    notes: list = field(default_factory=list)
    evidence: list = field(default_factory=list)

    def carry_subject(self, carry: Carry, subject: str, why: str) -> None:
        self.match_subject, self.subject_start = carry.subject, carry.subject_start
        self.subject = subject
        self.evidence.append(f"subject carried: {carry.subject}{why}")
