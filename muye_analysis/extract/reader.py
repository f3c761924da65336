"""Read a report sentence by sentence into statements: one dict per numeric statement.

A document is read once for what holds throughout (``clause.Doc``: its parts, announced targets,
the years and spans it names, its tables), then sentence by sentence. Within a sentence (up to
。；！？ or a line break) the subject carries over from clause to clause until a new one is
named, so in 社会消费品零售总额累计完成78.8亿元，居全市第6位，同比增长4.9%，居全市第9位 both ranks
and the growth rate belong to retail sales, and each rank is on the measure stated just before it.

Reading rules, each named in the row's ``rule`` with the words that decided it in ``evidence``:

- kind (``kinds.py``): targets by the document's own announcements (a paragraph, a heading, a
  plan word in the sentence), completions and shortfalls of a plan as actuals;
- period (``dating.py``, spans of months in ``spans.py``): year and months from the sentence,
  paragraph, heading, title or date; a publication date the user gives or the year named in
  officials' words (``epochs.py``); the start of a term for the from-end of a change
  (``terms.py``); lines wrapped at a page's width are no paragraph breaks (``wraps.py``);
- tables (``tables.py`` finds them, ``table_columns.py`` reads their headers into columns,
  ``table_inline.py`` rows of months inside a line and rows whose cells run together,
  ``table_bilingual.py`` bilingual yearbook rows, ``table_rows.py`` one statement per value
  cell, dated by its row, column or title);
- subjects (``assign.py``): the sentence's topic, mentions read together, which subject each goes
  to;
- each statement (``statement.py``, ``RULES``: one function per rule, named for what it
  recognises): subject rules (carried past words that name nothing, or the sentence's topic), plan
  rules, the measure and its sign (``measure.py``), comparisons (``comparators.py``: 个百分点
  with comparator and sign, 拉动/拉低), a stated basis, and what a rank ranks and among whom;
- lists: a unit printed once serves the whole list (0.7、1.4个百分点; 7.9个、3.4个和1.7个百分点),
  values of one measure listed together keep it (增长7.8%、9.2%), and ranks go to each subject
  listed or named before (A、B等指标均居全市第一; 两项指标增速均排名全市第三, also over the
  paragraph's earlier sentences; 总量和增幅均列全市第三; 分别居全市第二、第三; A、B等重要指标，保持
  全市第一); a rank that moved between years is a from/to pair, each end with its year
  (由2011年的全省第5位上升到去年的第3位); regions are scopes (中部第1, 西部第10位);
- structure ratios (结构由14.9:33.2:51.9调整为…) are shares, from and to; 增长2.5倍 is a growth of
  250% noted as written; 贡献率 and 增长面 are shares;
- mirror-site noise (區(qū), 增(zeng)长, 1·8%, 15℅, 321,676) is cleaned before reading, and every
  offset is mapped back to the text as given.
"""

from __future__ import annotations

import re
from itertools import pairwise

from muye_analysis.extract.assign import (
    assign_subjects,
    forward_length,
    group_mentions,
    sentence_topic,
)
from muye_analysis.extract.clause import (
    CHANGE,
    COMPARE_WORD,
    Carry,
    Context,
    Doc,
    end_of_clause,
    join_evidence,
    start_of_clause,
)
from muye_analysis.extract.comparators import find_comparators
from muye_analysis.extract.dating import period_for
from muye_analysis.extract.epochs import given_date
from muye_analysis.extract.kinds import kind_of
from muye_analysis.extract.mentions import (
    PERCENT_UNITS,
    PP_UNITS,
    RATIO_UNITS,
    Mention,
    find_mentions,
    find_standings,
)
from muye_analysis.extract.normalise import normalise_text, strip_residue
from muye_analysis.extract.ranks import listed_ordinals
from muye_analysis.extract.sections import Section, section_at
from muye_analysis.extract.statement import read_statement
from muye_analysis.extract.structures import find_structures, two_sectors_named
from muye_analysis.extract.subjects import (
    clean_subject,
    generic_hint,
)
from muye_analysis.extract.table_goals import GoalCell, goal_cells, in_goal_column
from muye_analysis.extract.table_rows import table_statements
from muye_analysis.extract.tables import find_tables
from muye_analysis.extract.terms import start_of_rank_move, start_of_term, term_years
from muye_analysis.extract.year_lists import listed_year

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")

_CJK = re.compile(r"[\u4e00-\u9fff]")

_FLAT = re.compile(r"(?:与上年|同比|比上年|与去年)?(?<!保)持平")  # not 保持平稳

# A counted stock named inside a plan part is a fact of the review year: 3个…未化解项目.
_STATE_WORDS = ("未", "已", "现有", "存量")


def read_statements(text: str, published: object = None) -> list[dict]:
    """All numeric statements of ``text`` as dicts, in reading order (see ``extract_facts``;
    ``published``: the publication date the user knows, ``epochs.given_date``).

    Mirror-site noise is cleaned first: pinyin printed after characters (區(qū)) and thousands
    separators are dropped for reading, and every offset, quote and printed value is mapped back
    to ``text`` as given.
    """
    given = given_date(published)
    norm = normalise_text(text)
    compact, keep = strip_residue(norm)
    if keep is None:
        rows = _read(text, norm, given)
    else:
        rows = _read("".join(text[i] for i in keep), compact, given)
        for row in rows:
            _map_back(row, text, keep)
    for row in rows:
        del row["quote_start"], row["printed_span"]
    return rows


def _map_back(row: dict, text: str, keep: list[int]) -> None:
    """Offsets of a row read in the compact text, as offsets (and quotes) of ``text``."""
    start, end = keep[row["start"]], keep[row["end"] - 1] + 1
    row["start"], row["end"] = start, end
    row["quote"] = text[keep[row["quote_start"]] : end]
    ps, pe = row["printed_span"]
    row["printed"] = text[keep[ps] : keep[pe - 1] + 1] if pe > ps else ""
    if row["subject_start"] is not None:
        row["subject_start"] = keep[row["subject_start"]]


def _read(text: str, norm: str, published: tuple | None = None) -> list[dict]:
    doc = Doc.read(text, norm, published)
    tables = find_tables(doc.scan)
    rows: list[dict] = [row for table in tables for row in table_statements(doc, table)]
    goals = goal_cells(doc.scan)  # 指标名称⏎属性⏎全年目标⏎全年完成⏎…: each cell read as a sentence
    paragraph, recent = -1, []  # subjects read in the paragraph so far (两项指标均位列全市第6)
    compared: list = []  # the period its last change in points was against
    changed: list = []  # what its last change of a level was against
    for sentence in _SENTENCE.finditer(doc.scan):
        lo, hi = sentence.span()
        goal = next((g for g in goals if g.start <= lo < g.end), None)
        if not _CJK.search(doc.scan, lo, hi) and goal is None:
            continue  # English, codes, numbers alone: not the genre this reader knows
        if any(t.start <= lo < t.end for t in tables):
            continue  # read as a table
        if doc.timeline.paragraph_start(lo) != paragraph:
            paragraph, recent = doc.timeline.paragraph_start(lo), []
            compared, changed = [], []
        section = section_at(doc.sections, doc.starts, lo)
        roll_call, firm = _roll_call(doc.scan, lo, hi), False
        for row in _read_sentence(doc, lo, hi, section, recent, (compared, changed), goal):
            if roll_call and row["measure"] == "count":
                continue  # 应出席代表164人，实到149人: the session's quorum, no statistic
            firm = firm or bool(_FIRM_INVESTS.search(row["subject"] or ""))
            if firm:
                continue  # 某集团追加投资30亿元，…位居亚洲第一: its project, from there on
            if row["unit"] == "百分点":
                row["unit"] = "个百分点"  # 提升了1.3百分点: the same unit as 1.3个百分点
            if goal is not None:
                in_goal_column(row, goal)
            if row["kind"] == "target" and row["subject"].startswith(_STATE_WORDS):
                row["kind"], row["period"], row["commitment"] = "actual", doc.review_year, ""
                row["evidence"] = join_evidence(row["evidence"], "actual: a stock (未/已/现有)")
            rows.append(row)
    rows.sort(key=lambda r: r["start"])
    return rows


# A firm's investment in its project (东方希望集团投资40亿元, 伊利集团追加投资30亿元): the sentence
# tells of that project from there on, no statistic of the place.
_FIRM_INVESTS = re.compile(r"(?:集团|团队|公司)(?:追加|计划|拟|总)?投资$")


# A congress's roll call: 代表名额为338名, 应到代表319名，实到301名, 出席会议的代表318名.
_DELEGATES = re.compile(r"代表")
_ATTENDANCE = re.compile(r"出席|缺席|列席|应到|实到|名额|法定人数")


def _roll_call(scan: str, lo: int, hi: int) -> bool:
    return bool(_DELEGATES.search(scan, lo, hi) and _ATTENDANCE.search(scan, lo, hi))


def _read_sentence(
    doc: Doc,
    lo: int,
    hi: int,
    section: Section,
    recent: list | None = None,
    compared: tuple[list, list] | None = None,
    goal: GoalCell | None = None,
) -> list[dict]:
    """Statements of the sentence ``[lo, hi)``; ``recent`` holds the subjects read earlier in its
    paragraph and takes this sentence's, ``compared`` what its last points and its last change of
    a level were against; a ``goal`` cell's row label is its topic."""
    text, norm, scan = doc.text, doc.norm, doc.scan
    structures = find_structures(scan, lo, hi)
    taken = [(m.start, m.end) for m in structures]
    found = find_mentions(scan, lo, hi) + _flat_mentions(scan, lo, hi)
    found += listed_ordinals(scan, lo, hi)
    found = [m for m in found if not any(a <= m.start < b for a, b in taken)]
    mentions = sorted(found + find_standings(scan, lo, hi), key=lambda m: m.start)
    carry, rows, i, consumed = Carry(), [], 0, lo
    if recent is not None:
        carry.recent = recent
    if compared is not None:
        carry.period_compared, carry.change_compared = compared
    if mentions:
        carry.topic, carry.topic_start = sentence_topic(norm, scan, lo, mentions[0].start)
    if goal is not None:
        carry.topic, carry.topic_start = goal.label, goal.label_start
    for row in _structure_rows(doc, lo, structures, section):
        row["sentence"], row["clause"] = norm[lo:hi], norm[lo:hi]
        rows.append(row)
    while i < len(mentions):
        m = mentions[i]
        clause_lo = start_of_clause(scan, lo, m.start)
        before_lo = max(clause_lo, consumed)
        before = norm[before_lo : m.start]
        group = group_mentions(norm, mentions, i, before)
        ctx = mention_context(doc, lo, clause_lo, m.start, section, carry, before)
        assigned = assign_subjects(norm, group, before, before_lo, carry)
        comparators = (
            find_comparators(norm, lo, clause_lo, m.start, len(group))
            if _may_compare(group[0], scan, clause_lo)
            else []
        )
        items = []
        for k, (mention, subject, subject_start, stage) in enumerate(assigned):
            cmp = comparators[min(k, len(comparators) - 1)] if comparators else None
            own_ctx = ctx
            if stage == "from":  # 四年来…由5.05亿元增加到…: the start of the term
                paragraph = doc.timeline.paragraph_start(lo)
                own_ctx = start_of_term(ctx, doc.scan, paragraph, mention.start, before, norm)
                if mention.ordinal and own_ctx.period == ctx.period:
                    own_ctx = start_of_rank_move(own_ctx, before)
            if stage == "to":  # 由2011年的第5位上升到去年的第3位: each end of a change has its year
                own_ctx = mention_context(doc, lo, clause_lo, mention.start, section, carry, before)
            elif k and listed_year(doc.scan, mention.start) is not None:
                # 2011年、2012年，…分别达到16495元、18700.5元: each figure its year
                own_ctx = mention_context(doc, lo, clause_lo, mention.start, section, carry, before)
            row = read_statement(
                text, norm, mention, subject, subject_start, stage, before, carry, own_ctx, cmp
            )
            row["sentence"] = norm[lo:hi]
            row["clause"] = norm[clause_lo : end_of_clause(scan, mention.end, hi)]
            rows.append(row)
            if row.pop("keeps_carry"):
                continue
            items.append((row["match_subject"], row["subject_start"]))
            _remember_subject(carry, row)
        if rows and items:
            _carry_over(carry, rows[-1], items, group)
        consumed = group[-1].end + forward_length(norm, group[-1], hi)
        i += len(group)
    rows.sort(key=lambda r: r["start"])
    _moves_of_ranks(rows)
    return rows


def _moves_of_ranks(rows: list[dict]) -> None:
    """A move in a ranking with no subject of its own is the move of the rank read just before
    it (排名第3位，较去年同期前进5个位次)."""
    for before, row in pairwise(rows):
        if row["rule"] == "rank_move" and not row["subject"] and before["measure"] == "rank":
            for key in ("subject", "match_subject", "subject_start"):
                row[key] = before[key]
            row["evidence"] = join_evidence(
                row["evidence"], f"subject carried: {before['subject']}"
            )


def _remember_subject(carry: Carry, row: dict) -> None:
    """A statistic's subject, for a later 两项指标…均 to mean."""
    subject = row["match_subject"]
    if row["measure"] in ("rank", "standing"):
        carry.since_rank = []
    elif row["measure"] in _STATISTICS and subject:
        carry.since_rank.append((subject, row["subject_start"], row["measure"]))
    if row["measure"] in _STATISTICS and subject and subject not in [s for s, _ in carry.recent]:
        carry.recent.append((subject, row["subject_start"]))


def _carry_over(carry: Carry, last: dict, items: list, group: list[Mention]) -> None:
    """What the next clause of the sentence inherits from the statements just read: measure,
    kind, subject (not a rank's) and the subjects of a list."""
    carry.measure, carry.kind = last["measure"], last["kind"]
    if last["measure"] in ("growth_rate", "rate", "share"):
        carry.pct_measure = last["measure"]
    if last["measure"] not in ("rank", "standing"):
        carry.subject, carry.subject_start = items[-1]
    distinct = list(dict.fromkeys(items))
    if len(distinct) > 1:
        carry.items = distinct
    elif last["measure"] not in ("rank", "standing") and not group[0].ordinal:
        carry.items = []


# Measures whose subjects a later 两项指标 can mean (not ranks, comparisons or changes).
_STATISTICS = ("level", "count", "growth_rate", "rate", "share")

_ORDINAL_PARTS = ("第一产业", "第二产业", "第三产业")

# The three sectors named before a ratio: 三次产业结构, 一、二、三产业, 产业结构, 三产结构比由….
_THREE_SECTORS = re.compile(r"三次产业|一、二、三产业|一二三产|产业结构|三产|三大产业")

_FROM_TO = re.compile(r"调整为|调整到|优化为|变为|转变为|变化为|演变为|调整至")
_FROM_TO_END = re.compile(r"(?:" + _FROM_TO.pattern + r")\s*$")
_TO_YEAR = re.compile(r"(?:为|到|至)\s?((?:19|20)\d\d)[ \t]?年(?:底|末)?的?\s*$")


def _lone_stage(lead: str, after: str) -> str:
    """The one ratio of a change: 产业结构调整为26:32.5:41.5 (to), 由53.5:46.5转变为… (from)."""
    if _FROM_TO_END.search(lead):
        return "to"
    if re.search(r"(?:由|从)(?:(?:19|20)\d\d\s?年|上年|去年)?的?\s*$", lead) and re.match(
        r"\s*(?:" + _FROM_TO.pattern + ")", after
    ):
        return "from"
    return ""


def _structure_rows(doc: Doc, lo: int, structures: list, section: Section) -> list[dict]:
    """One share per part of each structure ratio; 由A调整为B gives A as from and B as to."""
    text, norm = doc.text, doc.norm
    rows = []
    for k, st in enumerate(structures):
        lead = norm[lo : st.start]
        stage = ""
        if len(structures) == 2:
            between = norm[structures[0].end : structures[1].start]
            if _FROM_TO.search(between) and re.search(r"由|从", lead):
                stage = "from" if k == 0 else "to"
        elif len(structures) == 1:
            stage = _lone_stage(lead, norm[st.end : st.end + 6])
        ctx = mention_context(doc, lo, lo, st.start, section, Carry(), lead)
        period = ctx.period  # 由上年的…: period_for gives the year before
        if stage == "from" and period is not None and not re.search(r"上年|去年", lead):
            named = re.search(r"(?:由|从)\s?((?:19|20)\d\d)[ \t]?年", lead)
            # 由2.7:54.8:42.5调整为…: the year before the one reported, unless 由2015年的…,
            # or the start of a term the paragraph names (四年来，…由23.2:43.4:33.5调整为…)
            term = term_years(doc.scan, doc.timeline.paragraph_start(lo), st.start)
            period = int(named.group(1)) if named else period - (term[0] if term else 1)
        if stage == "to" and period is not None:
            named = _TO_YEAR.search(
                between if len(structures) == 2 else lead
            )  # …调整为2016年的13.3:…
            period = int(named.group(1)) if named else period
        three = bool(_THREE_SECTORS.search(lead))
        first = 1 if len(st.parts) == 2 and two_sectors_named(lead) else 0  # 二、三产业
        what = re.split(r"结构|比例|构成", lead)[0]
        what = clean_subject(re.split(r"[，,]", what)[-1]) or "结构"
        for j, (a, b, value) in enumerate(st.parts):
            part = j + first
            subject = (
                f"{_ORDINAL_PARTS[part]}比重" if three and part < 3 else f"{what}第{j + 1}部分比重"
            )
            rows.append({
                "subject": subject, "match_subject": subject, "subject_start": None,
                "period": period, "start_month": ctx.start_month, "end_month": ctx.end_month,
                "period_from": ctx.period_from, "kind": ctx.kind, "measure": "share",
                "ranked_on": "",
                "stage": stage, "value": value, "value_high": None, "unit": "%",
                "printed": text[a:b], "qualifier": "", "bound": "exact", "commitment": "",
                "rank_scope": "", "price_basis": "", "section": ctx.section,
                "quote": text[lo:b].lstrip(),
                "note": f"part {j + 1} of the ratio {norm[st.start:st.end]}",
                "start": a, "end": b, "comparator": "", "rule": "structure",
                "evidence": join_evidence(f"ratio after {lead[-12:].strip()}",
                                           f"stage {stage}" if stage else "", ctx.kind_why,
                                           ctx.period_why),
                "quote_start": lo + len(text[lo:b]) - len(text[lo:b].lstrip()),
                "printed_span": (a, b),
            })  # fmt: skip
    return rows


def _may_compare(m: Mention, scan: str, clause_lo: int) -> bool:
    """Only points, multiples and changes of levels carry a comparator (only they pay for it)."""
    if m.ordinal or m.base in PERCENT_UNITS or m.base in ("standing", "持平"):
        return False
    if m.base in PP_UNITS or m.base in RATIO_UNITS:
        return True
    if CHANGE.search(scan[clause_lo : m.start].rstrip()):
        return True  # a change is against something (与一季度相比，收入增加了2191元)
    return COMPARE_WORD.search(scan, clause_lo, m.start) is not None


def _flat_mentions(scan: str, lo: int, hi: int) -> list[Mention]:
    """持平 (unchanged on a year earlier) is a growth rate of zero with no digit printed."""
    return [
        Mention(m.start(), m.end(), m.start(), m.end(), 0.0, None, "%", "持平", False, "", "")
        for m in _FLAT.finditer(scan, lo, hi)
    ]


def mention_context(
    doc: Doc, lo: int, clause_lo: int, pos: int, section: Section, carry: Carry, before: str
) -> Context:
    """Kind, period and commitment of a mention from its part, paragraph, sentence and clause."""
    carried_target = carry.kind == "target" and generic_hint(clean_subject(before))[0]
    full_lo = max(doc.scan.rfind(c, 0, lo) for c in "。！？!?\n") + 1
    kind = kind_of(
        doc.scan, lo, clause_lo, pos, section.kind, section.label, doc.announced, carried_target,
        full_lo,
    )  # fmt: skip
    period = period_for(
        doc.timeline, doc.dates, lo, pos, kind.kind, section.year, section.year_named,
        kind.span_year,
    )  # fmt: skip
    return Context(
        kind=kind.kind,
        kind_why=kind.why,
        period=period.year,
        start_month=period.first,
        end_month=period.last,
        period_from=period.source,
        period_why=period.why,
        commitment=kind.commitment,
        commitment_start=kind.commitment_start,
        section=section.label,
        completion=kind.completion,
        clause_text=doc.scan[clause_lo:pos],
        sentence_text=doc.scan[lo:pos],
    )
