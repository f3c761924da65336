"""Read a report sentence by sentence into statements: one dict per numeric statement.

A document is read once for what holds throughout (``_Doc``: its parts, announced targets, the
years and spans it names, its tables), then sentence by sentence. Within a sentence (up to
。；！？ or a line break) the subject carries over from clause to clause until a new one is
named, so in 社会消费品零售总额累计完成78.8亿元，居全市第6位，同比增长4.9%，居全市第9位 both ranks
and the growth rate belong to retail sales, and each rank is on the measure stated just before it.

Reading rules, each named in the row's ``rule`` with the words that decided it in ``evidence``:

- kind (``kinds.py``): targets by the document's own announcements (a paragraph, a heading, a
  plan word in the sentence), completions and shortfalls of a plan as actuals;
- period (``dating.py``): year and months from the sentence, paragraph, heading, title or date;
- tables (``tables.py``): rows × columns with their headers, one statement per value cell;
- each statement (``_statement``): subject rules (carried past words that name nothing, or the
  sentence's topic), plan rules, the measure and its sign, comparisons (个百分点 with comparator
  and sign, 拉动/拉低), a stated basis, and what a rank ranks and among whom;
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
from dataclasses import dataclass, field

from muye_analysis.extract.dating import (
    DocumentDates,
    Timeline,
    document_dates,
    find_spans,
    find_years,
    period_for,
)
from muye_analysis.extract.kinds import kind_of, target_spans
from muye_analysis.extract.mentions import (
    COUNT_UNITS,
    LEVEL_UNITS,
    PERCENT_UNITS,
    PERMILLE_POINTS,
    PP_UNITS,
    PRE_QUALIFIERS,
    QUALIFIER_BOUND,
    RANK_MOVE_WORDS,
    RATIO_UNITS,
    Mention,
    find_mentions,
    find_standings,
    find_structures,
)
from muye_analysis.extract.normalise import mask_quoted, normalise_text, strip_residue
from muye_analysis.extract.sections import Section, find_sections, section_at
from muye_analysis.extract.subjects import (
    GENERIC,
    clean_subject,
    forward_subject,
    generic_hint,
    split_items,
    subject_before_rank,
)
from muye_analysis.extract.tables import UNIT_IN, Table, find_tables, table_values
from muye_analysis.text import parse_chinese_numeral

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_SEP = re.compile(r"[，,：:]")
_FLAT = re.compile(r"(?:与上年|同比|比上年|与去年)?(?<!保)持平")  # not 保持平稳
_DECLINE = re.compile(r"(?:下降|降低|减少|回落|下滑|下跌|收窄|缩小|减产|减收|减|少)了?$")
_GROWTH = re.compile(
    r"(?:增长|增速|增幅|涨幅|提高|提升|上升|上涨|回升|增加|扩大|增|下降|降低|减少|回落|下滑|下跌|收窄|"
    r"缩小|减)"
    r"(?:分别)?(?:了|为|是|达到?)?$"  # 四行业增速分别为-11.6%、4.1%
    r"|(?:增长|增速)(?:预期)?(?:目标|预期)(?:为|是)?$"  # 生产总值增长目标为7.5%以上
)
# Shares of a whole, also of growth: 贡献率 (contribution) and 增长面 (share of sectors growing).
_SHARE = re.compile(r"占|比重|占比|贡献率|增长面|回升面|下降面")
# A level or count compared with a year earlier is a change: 比上年末减少0.3万人.
_CHANGE = re.compile(
    # 比上年末减少0.3万人, 比 2021 年末减少 0.5 万人, 比一季度增加了9个, 比去年同期多完成11亿元
    r"(?:比|较|同比|与)[^，,；;]{0,10}?(?:增加|减少|增长|下降|多完成|少完成|多|少|增收|减收)了?\s*$"
    r"|(?:^|[^新])(?:增加|减少|增收|减收|增产|减产)了?\s*$"  # 收入增加了2191元; 增产0.94亿斤
    r"|净增|净减|(?:超|超出|超过)(?:年度|全年)?(?:计划|目标|预期)$"  # 净增50亿元; 超计划0.65万亩
)
# One value for every member listed: 开工率、投产率均达到…; 一产、三产占比均提高0.1个百分点.
_SHARED_VALUE = re.compile(r"均(?:为|达到|达|是|提高|增长|上升|下降|回落|增加|减少)?$")
_PAIR_GAP = re.compile(
    r"^(?:提升|提高|增加|增长|上升|下降|降低|减少|扩大|缩小|调整|升|降|优化|变|前移|后移)?(?:至|到|为)"
    # …上升到去年的第3位
    r"(?:(?:去年|上年|今年|本年|(?:19|20)\d\d\s?年)的?)?(?:全[市省国区县州])?$"
)
_SCOPE = re.compile(r"全市|全省|全国|全区|全县")
_LIST_GAP = re.compile(r"^[、和及与,，\s]*$")
_PRE_QUALIFIER_INSIDE = re.compile("|".join(PRE_QUALIFIERS))
_COMPARISON = re.compile("不少于|不低于|不超过|超过|高于|低于")
# A counted stock named inside a plan part is a fact of the review year: 3个…未化解项目.
_STATE_WORDS = ("未", "已", "现有", "存量")


@dataclass
class _Carry:
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


def read_statements(text: str) -> list[dict]:
    """All numeric statements of ``text`` as dicts, in reading order (see ``extract_facts``).

    Mirror-site noise is cleaned first: pinyin printed after characters (區(qū)) and thousands
    separators are dropped for reading, and every offset, quote and printed value is mapped back
    to ``text`` as given.
    """
    norm = normalise_text(text)
    compact, keep = strip_residue(norm)
    if keep is None:
        rows = _read(text, norm)
    else:
        rows = _read("".join(text[i] for i in keep), compact)
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


@dataclass
class _Doc:
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
    def read(cls, text: str, norm: str) -> _Doc:
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
            announced=target_spans(scan),
            timeline=Timeline(scan),
            dates=document_dates(scan, heads),
            review_year=actual_years[-1] if actual_years else None,
        )


def _read(text: str, norm: str) -> list[dict]:
    doc = _Doc.read(text, norm)
    tables = find_tables(doc.scan)
    rows: list[dict] = [row for table in tables for row in _table_rows(doc, table)]
    paragraph, recent = -1, []  # subjects read in the paragraph so far (两项指标均位列全市第6)
    for sentence in _SENTENCE.finditer(doc.scan):
        lo, hi = sentence.span()
        if not _CJK.search(doc.scan, lo, hi):
            continue  # English, codes, numbers alone: not the genre this reader knows
        if any(t.start <= lo < t.end for t in tables):
            continue  # read as a table
        if doc.timeline.paragraph_start(lo) != paragraph:
            paragraph, recent = doc.timeline.paragraph_start(lo), []
        section = section_at(doc.sections, doc.starts, lo)
        for row in _read_sentence(doc, lo, hi, section, recent):
            if row["kind"] == "target" and row["subject"].startswith(_STATE_WORDS):
                row["kind"], row["period"], row["commitment"] = "actual", doc.review_year, ""
                row["evidence"] = _join_evidence(row["evidence"], "actual: a stock (未/已/现有)")
            rows.append(row)
    rows.sort(key=lambda r: r["start"])
    return rows


_TARGET_TABLE = re.compile(r"目标|计划|预期")
_YEAR_LABEL = re.compile(r"((?:19|20)\d\d)\s?年?")  # a row labelled by its year
_TITLE_MONTH = re.compile(r"(?:19|20)\d\d\s?年\s?(\d{1,2})\s?月(?!\d|份?[-至到])")


@dataclass(frozen=True)
class _TableDates:
    """What dates a table's cells: years and spans in its title, the month 本月 means."""

    years: list
    spans: list
    month: int | None


def _table_rows(doc: _Doc, table: Table) -> list[dict]:
    """One statement per value cell: row label × column header, dated by the table's title."""
    text, scan = doc.text, doc.scan
    head_end = table.rows[0][0].start if table.rows else table.end
    month = _TITLE_MONTH.search(scan, table.title_start, head_end) or _TITLE_MONTH.search(
        scan, 0, min(len(scan), 80)
    )  # 2022年9月: the month 本月 and 1-本月 columns mean
    dates = _TableDates(
        find_years(scan, table.title_start, head_end),
        find_spans(scan, table.title_start, head_end),
        int(month.group(1)) if month else None,
    )
    kind = "target" if _TARGET_TABLE.search(table.title) else "actual"
    section = section_at(doc.sections, doc.starts, table.start)
    rows, carried_unit = [], ""
    for label, cell, column, group, unit_cell in table_values(table):
        subject = UNIT_IN.sub("", label.text).replace("其中:", "").strip()
        if _YEAR_LABEL.fullmatch(label.text):  # 2021年 | 2311.1 | 11: the row is the period
            subject = UNIT_IN.sub("", column.words).strip() or subject
        row_unit = UNIT_IN.search(label.text)
        if row_unit:
            carried_unit = row_unit["unit"]  # 社会消费品零售总额(亿元), then 批发零售业 in 亿元
        measure, unit = _table_measure(column, table, row_unit, unit_cell, carried_unit)
        year, source, first, last, why = _table_period(doc, table, dates, label, column, kind)
        rows.append({
            "subject": subject, "match_subject": subject, "subject_start": label.start,
            "period": year, "start_month": first, "end_month": last,
            "period_from": source if year is not None else "unknown",
            "kind": kind, "measure": measure, "ranked_on": "", "stage": "",
            "value": cell.number, "value_high": None, "unit": unit,
            "printed": text[cell.start:cell.end],
            "qualifier": "", "bound": "exact", "commitment": "", "rank_scope": "",
            "price_basis": "nominal" if unit.endswith("元") and measure == "level" else "",
            "section": section.label, "quote": text[label.start:cell.end],
            "note": f"group {group}" if group else "", "start": cell.start, "end": cell.end,
            "comparator": column.comparator, "rule": "table",
            "evidence": _join_evidence(f"table: row {label.text}, column {column.words or '?'}",
                                       f"{kind}: table {table.title[:30]}", why),
            "quote_start": label.start, "printed_span": (cell.start, cell.end),
            "sentence": table.title, "clause": f"{label.text} {column.words}",
        })  # fmt: skip
    return rows


def _table_measure(column, table: Table, row_unit, unit_cell: str, carried_unit: str):
    """(measure, unit) of a cell: the column's, a level's unit from the 单位 cell, the row label,
    the column, the table, or the row label above (a level in 亿 or 元 is a level, else a count)."""
    measure, unit = column.measure or "level", column.unit
    if measure == "level":
        unit = unit_cell or (row_unit["unit"] if row_unit else unit or table.unit)
        unit = unit or carried_unit
        base = re.sub(r"^(?:万亿|亿|万|千|百)", "", unit)
        measure = "level" if base in LEVEL_UNITS or not unit else "count"
    return measure, unit


def _table_period(doc: _Doc, table: Table, dates: _TableDates, label, column, kind: str):
    """(year, source, first month, last month, why) of a cell: a row labelled by its year, a
    column of a year, the title's year, else the text around; months from the title's span or
    a 本月 / 1-本月 column."""
    section = section_at(doc.sections, doc.starts, table.start)
    period = period_for(
        doc.timeline, doc.dates, table.start, label.start, kind, section.year, section.year_named
    )
    year, source = period.year, period.source
    labelled = _YEAR_LABEL.fullmatch(label.text)
    if labelled:
        year, source = int(labelled.group(1)), "table row"  # 2021年 | 2311.1 | 11
    elif column.year is not None:
        year, source = column.year, "table column"
    elif dates.years:
        year, source = dates.years[-1].year, "table title"
    first, last = (1, 12) if labelled else (period.first, period.last)  # a year's row: all of it
    if dates.spans and kind == "actual":
        first, last = dates.spans[-1].first, dates.spans[-1].last
    if dates.month and column.period_words:
        last = dates.month  # 本月 is that month, 1-本月 the year to it
        first = 1 if re.match(r"1-|累计|本年", column.period_words) else last
    why = (f"period {year} from the {source}; months {first}-{last}" if year is not None
           else period.why)  # fmt: skip
    return year, source, first, last, why


def _read_sentence(
    doc: _Doc, lo: int, hi: int, section: Section, recent: list | None = None
) -> list[dict]:
    """Statements of the sentence ``[lo, hi)``; ``recent`` holds the subjects read earlier in its
    paragraph and takes this sentence's."""
    text, norm, scan = doc.text, doc.norm, doc.scan
    structures = find_structures(scan, lo, hi)
    taken = [(m.start, m.end) for m in structures]
    found = find_mentions(scan, lo, hi) + _flat_mentions(scan, lo, hi)
    found = [m for m in found if not any(a <= m.start < b for a, b in taken)]
    mentions = sorted(found + find_standings(scan, lo, hi), key=lambda m: m.start)
    carry, rows, i, consumed = _Carry(), [], 0, lo
    if recent is not None:
        carry.recent = recent
    if mentions:
        carry.topic, carry.topic_start = _topic(norm, scan, lo, mentions[0].start)
    for row in _structure_rows(doc, lo, structures, section):
        row["sentence"], row["clause"] = norm[lo:hi], norm[lo:hi]
        rows.append(row)
    while i < len(mentions):
        m = mentions[i]
        clause_lo = _clause_start(scan, lo, m.start)
        before_lo = max(clause_lo, consumed)
        before = norm[before_lo : m.start]
        group = _group(norm, mentions, i, before)
        ctx = _context(doc, lo, clause_lo, m.start, section, carry, before)
        assigned = _assign(norm, group, before, before_lo, carry)
        comparators = (
            _comparators(norm, lo, clause_lo, m.start, len(group))
            if _may_compare(group[0], scan, clause_lo)
            else []
        )
        items = []
        for k, (mention, subject, subject_start, stage) in enumerate(assigned):
            cmp = comparators[min(k, len(comparators) - 1)] if comparators else None
            own_ctx = ctx
            if stage == "to":  # 由2011年的第5位上升到去年的第3位: each end of a change has its year
                own_ctx = _context(doc, lo, clause_lo, mention.start, section, carry, before)
            row = _statement(
                text, norm, mention, subject, subject_start, stage, before, carry, own_ctx, cmp
            )
            row["sentence"] = norm[lo:hi]
            row["clause"] = norm[clause_lo : _clause_end(scan, mention.end, hi)]
            rows.append(row)
            if row.pop("keeps_carry"):
                continue
            items.append((row["match_subject"], row["subject_start"]))
            _remember_subject(carry, row)
        if rows and items:
            _carry_over(carry, rows[-1], items, group)
        consumed = group[-1].end + _forward_length(norm, group[-1], hi)
        i += len(group)
    rows.sort(key=lambda r: r["start"])
    return rows


def _remember_subject(carry: _Carry, row: dict) -> None:
    """A statistic's subject, for a later 两项指标…均 to mean."""
    subject = row["match_subject"]
    if row["measure"] in _STATISTICS and subject and subject not in [s for s, _ in carry.recent]:
        carry.recent.append((subject, row["subject_start"]))


def _carry_over(carry: _Carry, last: dict, items: list, group: list[Mention]) -> None:
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


def _structure_rows(doc: _Doc, lo: int, structures: list, section: Section) -> list[dict]:
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
        ctx = _context(doc, lo, lo, st.start, section, _Carry(), lead)
        period = ctx["period"]  # 由上年的…: period_for gives the year before
        if stage == "from" and period is not None and not re.search(r"上年|去年", lead):
            named = re.search(r"(?:由|从)\s?((?:19|20)\d\d)[ \t]?年", lead)
            # 由2.7:54.8:42.5调整为…: the year before the one reported, unless 由2015年的…
            period = int(named.group(1)) if named else period - 1
        three = bool(_THREE_SECTORS.search(lead))
        what = re.split(r"结构|比例|构成", lead)[0]
        what = clean_subject(re.split(r"[，,]", what)[-1]) or "结构"
        for j, (a, b, value) in enumerate(st.parts):
            subject = f"{_ORDINAL_PARTS[j]}比重" if three and j < 3 else f"{what}第{j + 1}部分比重"
            rows.append({
                "subject": subject, "match_subject": subject, "subject_start": None,
                "period": period, "start_month": ctx["start_month"], "end_month": ctx["end_month"],
                "period_from": ctx["period_from"], "kind": ctx["kind"], "measure": "share",
                "ranked_on": "",
                "stage": stage, "value": value, "value_high": None, "unit": "%",
                "printed": text[a:b], "qualifier": "", "bound": "exact", "commitment": "",
                "rank_scope": "", "price_basis": "", "section": ctx["section"],
                "quote": text[lo:b].lstrip(),
                "note": f"part {j + 1} of the ratio {norm[st.start:st.end]}",
                "start": a, "end": b, "comparator": "", "rule": "structure",
                "evidence": _join_evidence(f"ratio after {lead[-12:].strip()}",
                                           f"stage {stage}" if stage else "", ctx["kind_why"],
                                           ctx["period_why"]),
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
    if _CHANGE.search(scan[clause_lo : m.start].rstrip()):
        return True  # a change is against something (与一季度相比，收入增加了2191元)
    return _COMPARE_WORD.search(scan, clause_lo, m.start) is not None


def _flat_mentions(scan: str, lo: int, hi: int) -> list[Mention]:
    """持平 (unchanged on a year earlier) is a growth rate of zero with no digit printed."""
    return [
        Mention(m.start(), m.end(), m.start(), m.end(), 0.0, None, "%", "持平", False, "", "")
        for m in _FLAT.finditer(scan, lo, hi)
    ]


def _clause_end(scan: str, pos: int, hi: int) -> int:
    sep = _CLAUSE_SEP.search(scan, pos, hi)
    return sep.start() if sep else hi


def _clause_start(scan: str, lo: int, pos: int) -> int:
    seps = [m.end() for m in _CLAUSE_SEP.finditer(scan, lo, pos)]
    return seps[-1] if seps else lo


# --- kind and period --------------------------------------------------------------------------


def _context(
    doc: _Doc, lo: int, clause_lo: int, pos: int, section: Section, carry: _Carry, before: str
) -> dict:
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
    return {
        "kind": kind.kind,
        "kind_why": kind.why,
        "period": period.year,
        "start_month": period.first,
        "end_month": period.last,
        "period_from": period.source,
        "period_why": period.why,
        "commitment": kind.commitment,
        "commitment_start": kind.commitment_start,
        "section": section.label,
        "completion": kind.completion,
        "clause_text": doc.scan[clause_lo:pos],
        "sentence_text": doc.scan[lo:pos],
    }


# --- grouping and subjects

# Where a sentence's topic ends: a verb or an appraisal (交通运输业恢复强劲, 财政收入实现…).
_TOPIC_END = re.compile(
    r"恢复|稳步|较快|快速|持续|平稳|稳定|保持|增势|稳中|回升|回暖|企稳|下滑|承压|运行|发展|向好|增长|"
    r"提升|实现|完成|达到|居|位居|位列|排名|取得|呈现|继续"
)


def _topic(norm: str, scan: str, lo: int, first: int) -> tuple[str, int | None]:
    """What the sentence is about, from its opening clause when that names something before
    its first figure: 交通运输业恢复强劲，增速达14.8% -> 交通运输业."""
    clause_end = _clause_end(scan, lo, first)
    opening = norm[lo:clause_end]
    cut = _TOPIC_END.search(opening)
    topic = clean_subject(opening[: cut.start()] if cut else opening)
    if len(topic) < 2 or generic_hint(topic)[0] or _NO_SUBJECT.match(topic):
        return "", None
    return topic, _offset(norm, topic, lo)


# 由40%…, 由二季度的第12位…, 由2011年的全省第5位…
_PAIR_LEAD = re.compile(
    r"(?:由|从)(?:[^，,；;\d]{0,8}的|(?:19|20)\d\d\s?年的?)?(?:全[市省国区县州])?$"
)
_STRICT_LIST_GAP = re.compile(r"^[、和及与\s]*$")


def _group(norm: str, mentions: list[Mention], i: int, before: str) -> list[Mention]:
    """Mentions read together: a before/after pair (由40%提升至70%), a 分别 list, or a list that
    prints its unit once or repeats it (增长7.8%、9.2%; 第二、第三)."""
    first, group = mentions[i], [mentions[i]]
    if _PAIR_LEAD.search(before.rstrip()) and i + 1 < len(mentions):
        gap = norm[first.end : mentions[i + 1].start].strip()
        if _PAIR_GAP.match(gap) and mentions[i + 1].ordinal == first.ordinal:
            return [first, mentions[i + 1]]
    gap_ok = _LIST_GAP if "分别" in before else _STRICT_LIST_GAP
    j = i + 1
    while j < len(mentions) and gap_ok.match(norm[group[-1].end : mentions[j].start]):
        nxt = mentions[j]
        if "分别" not in before and (nxt.base != first.base or nxt.ordinal != first.ordinal):
            break
        group.append(nxt)
        j += 1
    return group


def _assign(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: _Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """(mention, subject, subject offset, stage) for each statement the group makes."""
    first = group[0]
    if len(group) == 2 and _PAIR_LEAD.search(before.rstrip()):
        lead = _PAIR_LEAD.search(before.rstrip())
        subject = clean_subject(before.rstrip()[: lead.start()])
        if first.ordinal:
            subject = subject_before_rank(before.rstrip()[: lead.start()])
        start = _offset(norm, subject, before_lo)
        return [(group[0], subject, start, "from"), (group[1], subject, start, "to")]
    if first.ordinal or first.base == "standing":
        return _assign_ranks(norm, group, before, before_lo, carry)
    if "分别" in before and len(group) > 1:
        items = split_items(before.split("分别")[0])
        if len(items) == len(group):
            return [
                (m, s, _offset(norm, s, before_lo), "") for m, s in zip(group, items, strict=True)
            ]
    shared = _SHARED_VALUE.search(before)
    if shared and _LIST_MARK.search(before):
        items = split_items(before[: shared.start()])
        return [(first, s, _offset(norm, s, before_lo), "") for s in items]
    subject = _single_subject(norm, first, before)
    if len(group) > 1 and len(carry.items) == len(group) and generic_hint(subject)[0]:
        # 高技术制造业、装备制造业…分别增长8.5%、6.3%，快于全部规模以上工业4.6、2.4个百分点
        return [(m, s, st, "") for m, (s, st) in zip(group, carry.items, strict=True)]
    return [(m, subject, _offset(norm, subject, before_lo), "") for m in group]


# Words around a list of ranked subjects: 3项指标, 等指标, 均, the scope and what is ranked.
_RANK_LIST_TAIL = re.compile(
    r"(?:等|\d+项|[两二三四五六七八九十]+项)?(?:主要)?(?:经济)?指标.*$|(?:(?<![人平])均|都|分别).*$"
)
# A ranking verb where it ranks (居全市, 位居第): not the 居 of 居民.
_RANK_VERB_AT = re.compile(
    r"(?:均|都|分别)?(?:位居|稳居|并列|位列|排名|排在|名列|保持|居于|居|列)(?=全|第|前|首|[\d]|$)"
)
_RANKED_WORDS = (("增速", "growth_rate"), ("增幅", "growth_rate"), ("总量", "level"),
                 ("规模", "level"))  # fmt: skip


def _assign_ranks(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: _Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """Ranks: one per subject of a list (A、B等指标均居全市第一; 分别…第二、第三), else one.
    The rules are tried in turn; the first that names the subjects decides."""
    first = group[0]
    own = subject_before_rank(before)
    if first.base == "standing" and not own:
        own = _previous_clause_subject(norm, before_lo)
    assigned = (
        _ranks_of_listed_subjects(norm, group, before, before_lo)
        or _ranks_in_order(norm, group, before, before_lo, carry)
        or _shared_rank(norm, group, before, before_lo, carry)
    )
    if assigned:
        return assigned
    listed = _listed_before(norm, before_lo) if not own or _NO_SUBJECT.match(own) else None
    if listed and len(group) == 1:
        # A、B、C等重要经济社会发展指标，保持全市第一: one rank for each indicator listed
        return [(first, s, st, "") for s, st in listed]
    return [(m, own, _offset(norm, own, before_lo), "") for m in group]


def _ranks_of_listed_subjects(
    norm: str, group: list[Mention], before: str, before_lo: int
) -> list[tuple[Mention, str, int | None, str]]:
    """A、B等指标均居全市第一 (one rank each), A、B分别居全市第二、第三 (in order)."""
    lead = _RANK_VERB_AT.split(before)[0]
    if "、" not in lead or not _RANK_LIST_TAIL.search(lead):
        return []
    items = split_items(_RANK_LIST_TAIL.sub("", lead))
    if len(items) < 2 or len(group) not in (1, len(items)):
        return []
    tail = before[len(_RANK_LIST_TAIL.sub("", lead)) :]
    word = next((w for w, _ in _RANKED_WORDS if w in tail), "")
    if len(group) == len(items):  # 分别居全市第二、第三
        return [(m, s + word, _offset(norm, s, before_lo), "")
                for m, s in zip(group, items, strict=True)]  # fmt: skip
    return [(group[0], s + word, _offset(norm, s, before_lo), "") for s in items]


def _ranks_in_order(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: _Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """Several ranks for the subjects listed before 分别 or in the clause before; one rank for
    each subject just listed (…，均保持全省第三)."""
    if len(group) > 1:
        items = split_items(before.split("分别")[0]) if "分别" in before else []
        if len(items) != len(group) and len(carry.items) == len(group):
            items = [s for s, _ in carry.items]
        if len(items) == len(group):
            return [
                (m, s, _offset(norm, s, before_lo), "") for m, s in zip(group, items, strict=True)
            ]
    if carry.items and _ALL_OF_THEM.match(before):
        # …分别达到1073.6亿元和638.7亿元，均保持全省第三: one rank per subject just listed
        return [(group[0], s, st, "") for s, st in carry.items]
    return []


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
    return [(item, _offset(norm, item, lo)) for item in items] if len(items) > 1 else []


_COUNTED_INDICATORS = re.compile(
    r"^(?:这|此|以上|上述)?(?P<n>[两二三四五六七八九十\d]+)项(?:主要)?(?:经济)?指标(?P<word>增速|增幅|总量)?"
)
_IN_POOL = re.compile(r"在[^，,；;]{1,12}?中")
# A member of a shared rank that is a measure of the subject before: 达目标任务进度, 完成率, 占比.
_MEASURE_OF = re.compile(r"^(?:达|完成)?[^，,]{0,6}?(?:进度|完成率|占比|比重)$")


def _shared_rank(
    norm: str, group: list[Mention], before: str, before_lo: int, carry: _Carry
) -> list[tuple[Mention, str, int | None, str]]:
    """One rank over several subjects, fanned out (``shared_rank``):

    两项指标增速均排名全市第三 -> the two subjects read before; 总量和增幅均列全市第三 -> the level
    and the growth of the subject before; 增速和达目标任务进度在市区县中均排名第一位 -> both;
    A和B总量全市第二、第三 -> A's level second, B's third.
    """
    lead = _RANK_VERB_AT.split(before)[0]
    lead = _IN_POOL.sub("", _SCOPE_WORD.split(lead)[0]).rstrip("均都 ，,")
    lead = re.sub(r"^[\s，,]*(?:其中[:：]?)?", "", lead)
    counted = _COUNTED_INDICATORS.match(lead)
    if counted and carry.recent:
        n = parse_chinese_numeral(counted["n"]) if not counted["n"].isdigit() else int(counted["n"])
        word = counted["word"] or ""
        subjects = carry.recent[-n:]
        if len(subjects) == n:
            return [(group[0], s + word, st, "") for s, st in subjects]
    items = [i for i in re.split(r"[、和及与]", lead) if i]
    if len(items) < 2:
        return []
    ranked = dict(_RANKED_WORDS)
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
            start = _offset(norm, subject, before_lo)
        out.append((subject, start))
    if len(group) == len(out):
        return [(m, s, st, "") for m, (s, st) in zip(group, out, strict=True)]
    if len(group) == 1 and re.search(r"均|都", before):
        return [(group[0], s, st, "") for s, st in out]
    return []


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


def _forward_length(norm: str, m: Mention, hi: int) -> int:
    """How much text after a counted number its forward subject used (not the next subject)."""
    if m.base not in COUNT_UNITS:
        return 0
    forward = forward_subject(_forward_text(norm, m))
    if not forward:
        return 0
    pos = norm.find(forward.rstrip("”"), m.end, hi)
    return pos - m.end + len(forward) if pos != -1 else 0


def _offset(norm: str, subject: str, before_lo: int) -> int | None:
    if not subject:
        return None
    pos = norm.find(subject[:2], before_lo)
    return pos if pos != -1 else None


@dataclass
class _Statement:
    """A numeric statement being read. Each reading rule below fills in what it decides and
    adds the words that decided it to ``evidence`` (what ``muye extract --explain`` shows)."""

    m: Mention
    own_subject: str  # the subject as cut from its own clause
    subject: str
    match_subject: str  # what the registry is matched on
    subject_start: int | None
    stage: str
    before: str  # the clause's text before the value
    after: str  # a few characters after the value
    ctx: dict  # kind and period (_context)
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

    def carry_subject(self, carry: _Carry, subject: str, why: str) -> None:
        self.match_subject, self.subject_start = carry.subject, carry.subject_start
        self.subject = subject
        self.evidence.append(f"subject carried: {carry.subject}{why}")


# Words that name no subject of their own: a scope, a verb, a change (增收6253万元 is the revenue's
# increase; 保持全市第一 the rank of what came before).
_NO_SUBJECT = re.compile(
    r"^(?:全[市省国区县州]|增收|减收|增加|减少|净增|净减|多完成|少完成|超收|保持|继续保持|稳居|同比|"
    r"实现|完成|达到|其中|此外|另外|总计|合计)$"
)


def _subject_rules(st: _Statement, carry: _Carry) -> None:
    """Subject rules: a subject that only points back takes the one before (``carried``); one
    with no words of its own takes the sentence's topic (``topic``)."""
    own = st.own_subject
    if st.generic and carry.subject:
        # 总量居全市第5位 is GDP's rank; 投资规模 after 签约项目 is the signed projects' investment.
        st.carry_subject(carry, carry.subject + (own if own not in GENERIC else ""), "")
    elif carry.subject and not st.generic and _points_back(st):
        # 较全国、全省、全市分别高…个百分点; 比2021年末减少0.5万人; 增收6253万元; 保持全市第一
        st.carry_subject(carry, carry.subject, f" ({own or 'no subject'} names none)")
    if own.startswith("占") and carry.subject:
        st.subject = st.match_subject = carry.subject + own  # 民生支出…，占…支出的67.25%
        st.subject_start = carry.subject_start
        st.evidence.append(f"subject carried: {carry.subject}")
    if not carry.subject and carry.topic and (not own or _NO_SUBJECT.match(own) or st.generic):
        # 交通运输业恢复强劲，增速达14.8%; 财政收入实现三个全市第一，其中：总量26.42亿元
        st.subject = carry.topic + (own if st.generic and own not in GENERIC else "")
        st.match_subject, st.subject_start = carry.topic, carry.topic_start
        st.evidence.append(f"subject from the sentence's topic: {carry.topic}")


def _points_back(st: _Statement) -> bool:
    """The clause's own words compare, change or rank what came before, naming nothing."""
    own = st.own_subject
    bare = _COMPARISON_PHRASE.sub("", own)
    if st.m.base in PP_UNITS:
        return not bare or generic_hint(bare)[0] or bare == "分别"
    if _NO_SUBJECT.match(own) or not own:
        return bool(own) or st.m.ordinal or st.m.base == "standing"
    return bool(_CHANGE.search(st.before.rstrip())) and (not bare or _NO_SUBJECT.match(bare))


def _plan_rules(st: _Statement, carry: _Carry) -> None:
    """A plan named in the subject (``plan``): 税收收入完成全年总量目标的107% is the revenue's
    completion; 完成年计划710亿元 the plan of what came before; a comparator's own figure in
    brackets (比全省(7.7%)…) is no new subject."""
    own = st.own_subject
    st.paren_value = bool(
        st.before.rstrip().endswith(("(", "（")) and _COMPARE_WORD.search(st.ctx["clause_text"])
    )
    plan = _PLAN_PHRASE.search(own)
    if plan and plan.start() > 0 and not st.generic:
        st.match_subject = own[: plan.start()]
    if st.paren_value:
        st.keeps_carry = True
    elif st.ctx["completion"] and not (plan and plan.start() > 0):
        st.keeps_carry = True  # a completion rate of the subject before
        if carry.subject and st.subject_start is None:
            st.subject, st.match_subject = carry.subject + "完成率", carry.subject
    elif _PLAN_WORDS.fullmatch(own or "-") and carry.subject:
        st.subject = carry.subject + own  # 完成年计划710亿元: the plan of what came before
        st.match_subject, st.subject_start = carry.subject, carry.subject_start
        st.keeps_carry = True
    # 储备项目不低于新开工项目3倍: the comparison word is no part of what is compared.
    st.match_subject = _COMPARISON.sub("", st.match_subject)


def _measure_rules(st: _Statement, carry: _Carry) -> None:
    """The measure and its sign (``_measure``), then what the measure says of the subject and
    value: 增长2.5倍 is a growth of 250% (``multiple``), a completion rate is named so."""
    m = st.m
    st.measure, st.sign, st.rule, words = _measure(
        m, st.before, st.subject, st.ctx, carry, st.paren_value, st.after
    )
    if st.measure == "growth_rate" and "占" in st.subject and not _SHARE.search(st.before):
        st.subject = st.subject.split("占")[0]  # the growth of what the share was of
    st.evidence.append(words)
    if st.rule == "completion" and not _COMPLETION_WORD.search(st.subject):
        st.subject += "完成率"  # 完成年计划710亿元的89.4%: the completion rate of the subject
    st.value = st.sign * m.value if m.value is not None else None
    st.value_high = st.sign * m.value_high if m.value_high is not None else None
    st.unit = m.unit
    st.notes.append(_note(m, st.own_subject, st.subject))
    if st.rule == "flat_versus":
        st.unit = "个百分点"
        st.cmp_text = _FLAT_VERSUS.search(st.before.rstrip())["cmp"]
        st.evidence.append(f"compared with {st.cmp_text} (持平)")
    if st.rule == "multiple" and st.value is not None:
        # 增长2.5倍 is a growth of 250%; the note keeps what was printed.
        st.value, st.unit = round(st.value * 100, 10), "%"
        st.notes.append(f"written as {m.value:g}倍 (growth of {st.value:g}%)")


def _comparison_rules(st: _Statement) -> None:
    """What a 个百分点, a multiple or a change is against, with its sign (``comparator``);
    拉动/拉低 are pulls in points (``pp_pull``)."""
    if st.comparator is not None and st.measure in ("change_pp", "ratio", "growth_rate", "change"):
        cmp_text, cmp_sign, cmp_words = st.comparator
        if st.measure == "change_pp" and cmp_sign and st.value is not None:
            st.value = cmp_sign * abs(st.value)  # a change of a level keeps its verb's sign
        if st.measure == "change_pp" and cmp_sign == 0 and "verb not read" in cmp_words:
            st.notes.append(f"comparison verb not read ({cmp_words.split()[0]}): sign as printed")
        st.evidence.append(f"compared with {cmp_text} ({cmp_words})")
        st.cmp_text = "" if st.measure == "growth_rate" else cmp_text  # 增速同比…: on a year ago
    if st.measure == "change_pp" and st.value is not None and _NARROWED_DECLINE.search(st.before):
        st.value = -st.value  # 降幅较一季度收窄2.7个百分点: the growth rate rose 2.7 points
        st.evidence.append(f"a decline that {_NARROWED_DECLINE.search(st.before).group()[-2:]}")
    if st.measure == "change_pp" and not st.comparator and st.rule == "pp_change":
        pull = _PULL.search(st.before)
        if pull:
            st.rule = "pp_pull"
            if pull.group() in _PULL_DOWN and st.value is not None:
                st.value = -abs(st.value)  # 拉低全市GDP增速0.8个百分点
                st.evidence.append(f"a pull down ({pull.group()})")


def _basis_rule(st: _Statement) -> None:
    """A growth on a stated basis (扣除留抵退税因素后, 同口径): noted, not part of the subject."""
    basis = _BASIS.search(st.before)
    if basis:
        st.notes.append(f"basis: {basis.group().strip('()（）')}")
        st.subject = _BASIS.sub("", st.subject) or st.subject
        st.match_subject = _BASIS.sub("", st.match_subject) or st.match_subject


def _rank_rule(st: _Statement, carry: _Carry, norm: str) -> None:
    """What a rank ranks (增速位居全市第2位: the growth; 总量全市第二: the level; else the
    measure just read) and among whom (全市, 16个县市区, 7县(市), 在市区县中, 百强区)."""
    if st.measure == "rank":
        lead = _SCOPE_WORD.split(_RANK_VERB_AT.split(st.before)[0])[0]
        said = next((w for w, _ in _RANKED_WORDS if st.own_subject.endswith(w)), "")
        said = said or next((w for w, _ in _RANKED_WORDS if w in lead), "")
        st.ranked_on = dict(_RANKED_WORDS).get(said) or st.ranked_hint or ""
        # after 比全国高4.7个百分点: the points compare the last figure in %, which is ranked
        last = carry.pct_measure if carry.measure == "change_pp" else carry.measure
        st.ranked_on = st.ranked_on or _RANKED_ON.get(last or "", "")
        if not st.ranked_on and carry.measure == "rank":
            st.ranked_on = carry.ranked_on
        carry.ranked_on = st.ranked_on
        if said:
            st.evidence.append(f"ranked on {st.ranked_on} ({said})")
    if st.measure in ("rank", "standing"):
        st.rank_scope = _rank_scope(norm, st.m) or carry.rank_scope or _league(norm, st.m)
        carry.rank_scope = st.rank_scope


def _statement(
    text: str,
    norm: str,
    m: Mention,
    subject: str,
    subject_start: int | None,
    stage: str,
    before: str,
    carry: _Carry,
    ctx: dict,
    comparator: tuple[str, int, str] | None,
) -> dict:
    st = _Statement(
        m=m, own_subject=subject, subject=subject, match_subject=subject,
        subject_start=subject_start, stage=stage, before=before,
        after=norm[m.end : m.end + 12], ctx=ctx, comparator=comparator,
    )  # fmt: skip
    st.generic, st.ranked_hint = generic_hint(subject)
    _subject_rules(st, carry)
    _plan_rules(st, carry)
    _measure_rules(st, carry)
    _comparison_rules(st)
    _basis_rule(st)
    _rank_rule(st, carry, norm)
    return _row(st, text)


def _row(st: _Statement, text: str) -> dict:
    """The statement as a row (``FACT_COLUMNS`` plus what the reader uses internally)."""
    m, ctx = st.m, st.ctx
    if m.unit_from:
        st.notes.append("unit from the list's last member" if m.unit_from == "list"
                        else f"元 not printed ({m.unit[:-1]})")  # fmt: skip
    qualifier = m.qualifier or _inner_qualifier(st.before)
    # The quote runs from the subject (or the commitment word, if earlier) to the value.
    starts = [s for s in (st.subject_start, ctx["commitment_start"]) if s is not None]
    quote_start = min([m.start, *starts])
    bound = "range" if m.value_high is not None else QUALIFIER_BOUND.get(qualifier, "exact")
    if st.measure == "standing":
        bound = ""
    st.evidence.append(ctx["kind_why"])
    st.evidence.append(ctx["period_why"])
    return {
        "subject": st.subject,
        "match_subject": st.match_subject,
        "subject_start": st.subject_start,
        "period": ctx["period"],
        "start_month": ctx["start_month"],
        "end_month": ctx["end_month"],
        "period_from": ctx["period_from"],
        "kind": ctx["kind"],
        "measure": st.measure,
        "ranked_on": st.ranked_on,
        "stage": st.stage,
        "value": st.value,
        "value_high": st.value_high,
        "unit": st.unit,
        "printed": text[m.printed_start : m.printed_end],
        "qualifier": qualifier,
        "bound": bound,
        "commitment": ctx["commitment"],
        "rank_scope": st.rank_scope,
        "price_basis": "nominal" if m.base in ("元", "美元") and st.measure == "level" else "",
        "section": ctx["section"],
        "quote": text[quote_start : m.end],
        "note": "; ".join(n for n in st.notes if n),
        "start": m.start,
        "end": m.end,
        "comparator": st.cmp_text,
        "rule": st.rule,
        "evidence": _join_evidence(*st.evidence),
        "quote_start": quote_start,
        "printed_span": (m.printed_start, m.printed_end),
        "keeps_carry": st.keeps_carry,
    }


_PULL = re.compile(r"拉动|拉低|下拉|拖累")
# A decline rate narrowed (a rise) or widened (a fall): 降幅较一季度收窄, 降幅较上月扩大.
_NARROWED_DECLINE = re.compile(r"降幅[^，,；;]{0,14}(?:收窄|缩小|扩大|加大|加深)了?$")
# 持平 against a place or its average: 与全省平均水平持平, 与省持平 (not 与上年持平).
_FLAT_VERSUS = re.compile(r"与(?P<cmp>(?!上年|去年|同期)[^，,；;\d]{1,10}?)(?:平均水平|平均)?$")
_PULL_DOWN = ("拉低", "下拉", "拖累")


def _join_evidence(*parts: str) -> str:
    return " | ".join(p for p in parts if p)


_COMPARE_WORD = re.compile(r"比|较|高于|低于|快于|慢于|超")
_COMPLETION_WORD = re.compile(r"完成|占|为")
_SCOPE_WORD = re.compile(r"全[市省国区县州]")
_LIST_MARK = re.compile(r"[、和及与]")
_ALL_OF_THEM = re.compile(r"^[\s，,]*(?:均|都)")
_COMPARISON_PHRASE = re.compile(
    r"(?:(?<!占)比(?![重例率])|较|与|高于|低于|快于|慢于|超过|超出|落后于?|领先于?|欠|塌|[^\s]于(?=全)|.于$)"
    r".*$"
)
# Plan words that name a target of the subject before: 完成年计划, 年度计划投资, 全年目标.
_PLAN_WORDS = re.compile(
    r"(?:完成|占|为)?(?:年|年度|全年|当年)?(?:投资)?(?:计划|目标|预算)(?:投资|任务)?"
)
# Words that say on which basis a growth is computed, not what grows.
_PLAN_PHRASE = re.compile(
    r"(?:完成|占|为|是|达到?|实现)了?(?:全年|年度|年初|本年|当年|年|预计|调整|上级下达)?(?:投资)?"
    r"(?:[^\d，,的]{0,4}?)(?:计划|目标|预算|任务)"  # 完成全年总量目标的107%
)
_BASIS = re.compile(
    r"[(（]?(?:扣除|剔除|不含)[^，,)）]{1,16}?(?:因素|影响)后?(?:同口径)?[)）]?|同口径|可比口径"
)


_RANKED_ON = {"level": "level", "growth_rate": "growth_rate", "share": "share", "rate": "share",
              "count": "amount"}  # fmt: skip


# A rate named in brackets before its value: 占常住人口比重(常住人口城镇化率)为67.31%.
_NAMED_RATE_IN_BRACKETS = re.compile(r"[(（][^()（）]{1,12}率[)）](?:为|是|达到?)?$")
# A note in brackets between a verb and its value: 下降(同口径)19.59%.
_TRAILING_NOTE = re.compile(r"[(（][^()（）\d]{1,10}[)）]$")
# A level compared with a place or plan, as a gap: 高于全市平均水平12645元.
_LEVEL_VERSUS = re.compile(r"(?P<verb>高于|低于|高出|多于|少于)[^，,；;\d]{1,12}$")
# Rates whose name says 增长 but that are no growth: 人口自然增长率.
_NAMED_RATE = re.compile(r"自然增长率")
_GROWTH_SUBJECT = re.compile(r"增速|增幅|涨幅|增长")
# 保持30%以上的快速增长: a growth named right after the figure.
_GROWTH_AFTER = re.compile(r"(?:以上|左右)?的(?:快速|高速|较快|平稳)?(?:增长|增速)")


def _measure(
    m: Mention, before: str, subject: str, ctx: dict, carry: _Carry, paren_value, after: str = ""
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
        versus = _FLAT_VERSUS.search(tail)
        if versus:  # 与全省平均水平持平: no gap to the province, 0 points
            return "change_pp", 1, "flat_versus", versus.group()
        return "growth_rate", 1, "flat", "持平"
    if m.base in PERMILLE_POINTS:
        return "change", sign, "permille_change", decline.group() if decline else ""
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
    w: _PercentWords, ctx: dict, carry: _Carry, paren_value: bool
) -> tuple[str, int, str, str]:
    """A figure in %: a completion, a named rate, a share, a growth (with its sign), a
    comparator's own figure, or a rate."""
    sign = -1 if w.decline else 1
    growth = _GROWTH.search(w.tail)
    # a share named in this clause, or carried from the clause before unless a growth verb
    # stands here (工业投资75.11亿元(占总投资的32.1%)，增长103.2% is the investment's growth)
    share = _SHARE.search(w.before) or (not growth and _SHARE.search(w.subject))
    if ctx["completion"]:
        return "rate", 1, "completion", "完成…的"
    if w.named_rate:
        return "rate", 1, "rate", w.named_rate.group()
    if share:
        return "share", 1, "share", share.group()
    if _NAMED_RATE.search(w.subject):
        return "rate", 1, "rate", _NAMED_RATE.search(w.subject).group()
    if growth or _GROWTH_SUBJECT.search(w.subject):
        return "growth_rate", sign, "growth", growth.group() if growth else "增速"
    if paren_value:
        # 比全省(7.7%)…高: the comparator's own figure, of the measure being compared
        return carry.pct_measure or "rate", 1, "comparator_value", "(…) after a comparator"
    return _percent_by_context(w, ctx, carry)


def _percent_by_context(w: _PercentWords, ctx: dict, carry: _Carry) -> tuple[str, int, str, str]:
    """A figure in % whose own clause names no measure: the words after it, or the sentence."""
    if _GROWTH_AFTER.match(w.after):
        return "growth_rate", 1, "growth", _GROWTH_AFTER.match(w.after).group()
    if re.match(r"的[\u4e00-\u9fff]", w.after):
        return "share", 1, "share", "N%的…: a share of what follows"  # 20%的村集体
    about_growth = "增速" in ctx["sentence_text"]
    if w.tail.endswith(("(", "（")) and (carry.pct_measure or about_growth):
        # 从…增速来看，…西藏(14.7%)、重庆(11%): a place's figure in brackets, of the measure
        # the sentence is about
        measure = "growth_rate" if about_growth else carry.pct_measure
        return measure, 1, "bracketed", f"(…) of {measure}"
    return "rate", 1, "rate", ""


def _amount_measure(m: Mention, tail: str, decline) -> tuple[str, int, str, str]:
    """A figure in units: a multiple, a change (比上年增加, 增产, 高于全市…), a level or a count."""
    sign = -1 if decline else 1
    if m.base in RATIO_UNITS:
        growth = _GROWTH.search(tail)
        if growth and not decline:
            return "growth_rate", 1, "multiple", growth.group()
        return "ratio", 1, "ratio", "倍"
    change = _CHANGE.search(tail)
    if change:
        return "change", sign, "change", change.group()
    versus = _LEVEL_VERSUS.search(tail)
    if versus:  # 人均地区生产总值…，高于全市平均水平12645元: a gap to the comparator
        return "change", -1 if versus["verb"] in ("低于", "少于") else 1, "change", versus.group()
    if m.base in LEVEL_UNITS:
        return "level", 1, "level", ""
    return "count", 1, "count", ""


# --- comparisons --------------------------------------------------------------------------------

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
    r"回落|下降|减少|增加|增长|上升|提升|扩大|收窄|缩小|多完成|少完成|多|少|回升|放缓|降低|下滑|"
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
_PAREN = re.compile(r"[(（][^()（）]*[)）]")


def _comparators(
    norm: str, lo: int, clause_lo: int, pos: int, n: int
) -> list[tuple[str, int, str]]:
    """What a statement is compared with, for each of the group's ``n`` members.

    (comparator, sign, words): 高于全市0.5个百分点 -> ("全市", +1, "高于"); 比全省和全国分别高
    0.7、1.4个百分点 -> 全省 then 全国; 同比提高 -> ("上年同期", +1, "同比提高"). A garbled verb
    before 于 keeps the comparator and leaves the sign as printed.
    """
    clause = _PAREN.sub("", norm[clause_lo:pos]).rstrip()
    clause = re.sub(r"-?\d+(?:\.\d+)?(?:个百分点|%)?[、和及与]\s*$", "", clause)  # 4.6、|2.4
    while True:
        stripped = re.sub(r"-?\d+(?:\.\d+)?(?:个百分点|%)?[、和及与]\s*$", "", clause)
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
            r"同比(?P<verb>提高|加快|回落|下降|减少|增加|上升|提升|扩大|收窄|缩小|回升|放缓)?$",
            clause,
        )
        if same and same["verb"]:
            sign = -1 if same["verb"].startswith(_NEG_VERB) else 1
            return [("上年同期", sign, same.group())] * n
        plan = re.search(r"(?:超|超出|超过)(?P<cmp>(?:年度|全年)?(?:计划|目标|预期))$", clause)
        if plan:  # 超计划0.65万亩: more than planned
            return [(plan["cmp"], 1, plan.group())] * n
        year = _YEAR_BEFORE.search(norm, lo, pos)
        if year:
            return [(year.group(1) or year.group(2), 0, year.group())] * n
        return []
    if len(names) != n:
        names = [names[0]] * n if len(names) == 1 else ["、".join(names)] * n
    return [(name, sign, words) for name in names]


def _split_names(text: str) -> list[str]:
    text = re.sub(r"^(?:的)", "", text.strip())
    parts = [p for p in re.split(r"[、和及与]", text) if p]
    parts = [re.sub(r"-?\d+(?:\.\d+)?(?:万亿|亿|万)?(?:元|%)?$", "", p) or p for p in parts]
    return [re.sub(r"(?:平均水平|平均|同期水平|的)$", "", p) or p for p in parts]


def _inner_qualifier(before: str) -> str:
    """A qualifier separated from its number: 储备项目不低于新开工项目3倍."""
    found = _PRE_QUALIFIER_INSIDE.findall(before)
    return found[-1] if found and found[-1] in ("不少于", "不低于", "不超过", "超过") else ""


# A ranking pool named by its size: 在16个县市区…综合排名中.
_POOL = re.compile(
    r"(?:\d+|[一二三四五六七八九十]+)个?(?:县市区|县（市、区）|县\(市、区\)|县\(市\)|区县|县区|县市|区|县)"
    r"|在(?P<within>[^，,；;\d]{2,10}?)中"
)
# A league named by its list (中国中小城市综合实力百强区第三名): its scope when no other is known.
_LEAGUE = re.compile(r"[^，,；;\d第]{0,14}百强[区县市]?")


# Where a rank is among: 全市…, or a region (列全国第4、中部第1; 位列西部第10位).
_RANK_SCOPE = re.compile(
    r"全市|全省|全国|全区|全县|(?:东部|中部|西部|东北|西北|西南|华东|华北|华中|华南)(?:地区)?(?=第)"
)


def _rank_scope(norm: str, m: Mention) -> str:
    lo = _clause_start(norm, max(0, m.start - 60), m.start)
    scopes = _RANK_SCOPE.findall(norm, lo, m.end)
    if scopes:
        return scopes[-1]
    sentence_lo = max(norm.rfind(c, 0, m.start) for c in "。；;\n") + 1
    pools = list(_POOL.finditer(norm, sentence_lo, m.start))
    if not pools:
        return ""
    last = pools[-1]
    return last["within"] or last.group()


def _league(norm: str, m: Mention) -> str:
    lo = _clause_start(norm, max(0, m.start - 30), m.start)
    leagues = _LEAGUE.findall(norm, lo, m.start)
    return leagues[-1] if leagues else ""


def _note(m: Mention, own_subject: str, subject: str) -> str:
    notes = []
    if m.value_high is not None:
        notes.append(f"range {m.value:g} to {m.value_high:g}")
    if own_subject and own_subject != subject:
        notes.append(f"printed subject: {own_subject}")
    return "; ".join(notes)
