"""Read a report sentence by sentence into statements: one dict per numeric statement.

Within a sentence (up to 。；！？ or a line break) the subject carries over from clause to clause
until a new one is named, so in 社会消费品零售总额累计完成78.8亿元，居全市第6位，同比增长4.9%，
居全市第9位 both ranks and the growth rate belong to retail sales, and each rank is on the measure
stated just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.extract.mentions import (
    COUNT_UNITS,
    LEVEL_UNITS,
    PERCENT_UNITS,
    PP_UNITS,
    PRE_QUALIFIERS,
    QUALIFIER_BOUND,
    RATIO_UNITS,
    Mention,
    find_mentions,
    find_standings,
)
from muye_analysis.extract.normalise import mask_quoted, normalise_text
from muye_analysis.extract.sections import Section, find_sections, section_at
from muye_analysis.extract.subjects import (
    GENERIC,
    clean_subject,
    forward_subject,
    generic_hint,
    split_items,
    subject_before_rank,
)

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_SEP = re.compile(r"[，,：:]")
_FLAT = re.compile(r"(?:与上年|同比|比上年|与去年)?持平")
_DECLINE = re.compile(r"(?:下降|降低|减少|回落|下滑|下跌|收窄|缩小|减|少)了?$")
_GROWTH = re.compile(
    r"(?:增长|增速|增幅|提高|提升|上升|上涨|回升|增加|扩大|增|下降|降低|减少|回落|下滑|下跌|收窄|"
    r"缩小|减)"
    r"(?:了|为|达到?)?$"
)
_SHARE = re.compile(r"占|比重|占比")
# A level or count compared with a year earlier is a change: 比上年末减少0.3万人.
_CHANGE = re.compile(
    r"(?:比|较|同比)(?:上年末|上年|去年|年初)?(?:增加|减少|增长|下降|多|少)了?$|^(?:同比)?(?:增加|减少)了?$"
)
_SHARED_VALUE = re.compile(r"均(?:为|达到|达|是)?$")
_PAIR_GAP = re.compile(
    r"^(?:提升|提高|增加|增长|上升|下降|降低|减少|扩大|缩小|调整|升|降)?(?:至|到|为)$"
)
_TARGET_CUE = re.compile(
    r"力争|确保|预期目标|目标是|目标为|目标任务是|计划(?:实施|完成|新增|投资)|拟(?:新增|实施|建设|安排)"
)
_COMMITMENT = re.compile(r"力争|确保")
_SCOPE = re.compile(r"全市|全省|全国|全区|全县")
_YEAR = re.compile(r"(?<![比较与同])((?:19|20)\d\d)年")
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


def read_statements(text: str) -> list[dict]:
    """All numeric statements of ``text`` as dicts, in reading order (see ``extract_facts``)."""
    norm = normalise_text(text)
    scan = mask_quoted(norm)
    sections = find_sections(norm)
    starts = [s.start for s in sections]
    # The year a review part covers; a stock named inside a plan part (3个…未化解项目) is of it.
    actual_years = [s.year for s in sections if s.kind == "actual" and s.year is not None]
    review_year = actual_years[-1] if actual_years else None
    rows: list[dict] = []
    for sentence in _SENTENCE.finditer(scan):
        lo, hi = sentence.span()
        if not _CJK.search(scan, lo, hi):
            continue  # English, codes, numbers alone: not the genre this reader knows
        section = section_at(sections, starts, lo)
        for row in _read_sentence(text, norm, scan, lo, hi, section):
            if row["kind"] == "target" and row["subject"].startswith(_STATE_WORDS):
                row["kind"], row["period"], row["commitment"] = "actual", review_year, ""
            rows.append(row)
    return rows


def _read_sentence(
    text: str, norm: str, scan: str, lo: int, hi: int, section: Section
) -> list[dict]:
    found = find_mentions(scan, lo, hi) + _flat_mentions(scan, lo, hi)
    mentions = sorted(found + find_standings(scan, lo, hi), key=lambda m: m.start)
    carry, rows, i, consumed = _Carry(), [], 0, lo
    while i < len(mentions):
        m = mentions[i]
        clause_lo = _clause_start(scan, lo, m.start)
        before_lo = max(clause_lo, consumed)
        before = norm[before_lo : m.start]
        ctx = _context(scan, lo, m.start, section)
        group = _group(norm, mentions, i, before)
        for mention, subject, subject_start, stage in _assign(norm, group, before, before_lo):
            row = _statement(text, norm, mention, subject, subject_start, stage, before, carry, ctx)
            row["sentence"] = norm[lo:hi]
            row["clause"] = norm[clause_lo : _clause_end(scan, mention.end, hi)]
            rows.append(row)
            carry.measure = row["measure"]
            if row["measure"] not in ("rank", "standing"):
                carry.subject, carry.subject_start = row["match_subject"], row["subject_start"]
        consumed = group[-1].end + _forward_length(norm, group[-1], hi)
        i += len(group)
    return rows


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


def _context(scan: str, lo: int, pos: int, section: Section) -> dict:
    """Kind, period and commitment of a mention from its part of the report and its sentence."""
    prefix = scan[lo:pos]
    kind = "target" if section.kind == "target" or _TARGET_CUE.search(prefix) else "actual"
    years = _YEAR.findall(prefix)
    period = int(years[-1]) if years else section.year
    commitments = list(_COMMITMENT.finditer(scan, lo, pos)) if kind == "target" else []
    return {
        "kind": kind,
        "period": period,
        "commitment": commitments[-1].group() if commitments else "",
        "commitment_start": commitments[-1].start() if commitments else None,
        "section": section.label,
    }


def _group(norm: str, mentions: list[Mention], i: int, before: str) -> list[Mention]:
    """Mentions read together: a before/after pair (由40%提升至70%) or a 分别 list."""
    first, group = mentions[i], [mentions[i]]
    if before.rstrip().endswith(("由", "从")) and i + 1 < len(mentions):
        gap = norm[first.end : mentions[i + 1].start].strip()
        if _PAIR_GAP.match(gap):
            return [first, mentions[i + 1]]
    if "分别" in before:
        j = i + 1
        while j < len(mentions) and _LIST_GAP.match(norm[group[-1].end : mentions[j].start]):
            group.append(mentions[j])
            j += 1
    return group


def _assign(
    norm: str, group: list[Mention], before: str, before_lo: int
) -> list[tuple[Mention, str, int | None, str]]:
    """(mention, subject, subject offset, stage) for each statement the group makes."""
    first = group[0]
    if first.ordinal or first.base == "standing":
        subject = subject_before_rank(before)
        if first.base == "standing" and not subject:
            subject = _previous_clause_subject(norm, before_lo)
        return [(first, subject, _offset(norm, subject, before_lo), "")]
    if len(group) == 2 and before.rstrip().endswith(("由", "从")):
        subject = clean_subject(before.rstrip()[:-1])
        start = _offset(norm, subject, before_lo)
        return [(group[0], subject, start, "from"), (group[1], subject, start, "to")]
    if "分别" in before and len(group) > 1:
        items = split_items(before.split("分别")[0])
        if len(items) == len(group):
            return [
                (m, s, _offset(norm, s, before_lo), "") for m, s in zip(group, items, strict=True)
            ]
    shared = _SHARED_VALUE.search(before)
    if shared and re.search(r"[、和及与]", before):
        items = split_items(before[: shared.start()])
        return [(first, s, _offset(norm, s, before_lo), "") for s in items]
    subject = _single_subject(norm, first, before)
    return [(m, subject, _offset(norm, subject, before_lo), "") for m in group]


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
) -> dict:
    own_subject = match_subject = subject
    generic, ranked_hint = generic_hint(subject)
    if generic and carry.subject:
        # 总量居全市第5位 is GDP's rank; 投资规模 after 签约项目 is the signed projects' investment.
        match_subject, subject_start = carry.subject, carry.subject_start
        subject = carry.subject + (own_subject if own_subject not in GENERIC else "")
    if own_subject.startswith("占") and carry.subject:
        subject = match_subject = carry.subject + own_subject  # 民生支出…，占…支出的67.25%
        subject_start = carry.subject_start
    # 储备项目不低于新开工项目3倍: the comparison word is no part of what is compared.
    match_subject = _COMPARISON.sub("", match_subject)
    measure, sign = _measure(m, before, subject)
    ranked_on = ""
    if measure == "rank":
        ranked_on = ranked_hint or _RANKED_ON.get(carry.measure or "", "")
    qualifier = m.qualifier or _inner_qualifier(before)
    # The quote runs from the subject (or the commitment word, if earlier) to the value.
    starts = [s for s in (subject_start, ctx["commitment_start"]) if s is not None]
    quote_start = min([m.start, *starts])
    bound = "range" if m.value_high is not None else QUALIFIER_BOUND.get(qualifier, "exact")
    if measure == "standing":
        bound = ""
    return {
        "subject": subject,
        "match_subject": match_subject,
        "subject_start": subject_start,
        "period": ctx["period"],
        "kind": ctx["kind"],
        "measure": measure,
        "ranked_on": ranked_on,
        "stage": stage,
        "value": sign * m.value if m.value is not None else None,
        "value_high": sign * m.value_high if m.value_high is not None else None,
        "unit": m.unit,
        "printed": text[m.printed_start : m.printed_end],
        "qualifier": qualifier,
        "bound": bound,
        "commitment": ctx["commitment"],
        "rank_scope": _rank_scope(norm, m) if measure in ("rank", "standing") else "",
        "price_basis": "nominal" if m.base == "元" and measure == "level" else "",
        "section": ctx["section"],
        "quote": text[quote_start : m.end],
        "note": _note(m, own_subject, subject),
        "start": m.start,
        "end": m.end,
    }


_RANKED_ON = {"level": "level", "growth_rate": "growth_rate", "share": "share", "rate": "share",
              "count": "amount"}  # fmt: skip


def _measure(m: Mention, before: str, subject: str) -> tuple[str, int]:
    """The measure a mention reports, and -1 for declines (下降3.9%)."""
    tail = before.rstrip()
    sign = -1 if _DECLINE.search(tail) else 1
    if m.ordinal:
        return "rank", 1
    if m.base == "standing":
        return "standing", 1
    if m.base == "持平":
        return "growth_rate", 1
    if m.base in PP_UNITS:
        return "change_pp", sign
    if m.base in PERCENT_UNITS:
        if _SHARE.search(subject) or _SHARE.search(before):
            return "share", 1
        if _GROWTH.search(tail) or re.search(r"增速|增幅|增长", subject):
            return "growth_rate", sign
        return "rate", 1
    if m.base in RATIO_UNITS:
        return "ratio", 1
    if _CHANGE.search(tail):
        return "change", sign
    if m.base in LEVEL_UNITS:
        return "level", 1
    return "count", 1  # counted things and people (8317人, 近2万人)


def _inner_qualifier(before: str) -> str:
    """A qualifier separated from its number: 储备项目不低于新开工项目3倍."""
    found = _PRE_QUALIFIER_INSIDE.findall(before)
    return found[-1] if found and found[-1] in ("不少于", "不低于", "不超过", "超过") else ""


def _rank_scope(norm: str, m: Mention) -> str:
    lo = _clause_start(norm, max(0, m.start - 60), m.start)
    scopes = _SCOPE.findall(norm, lo, m.end)
    return scopes[-1] if scopes else ""


def _note(m: Mention, own_subject: str, subject: str) -> str:
    notes = []
    if m.value_high is not None:
        notes.append(f"range {m.value:g} to {m.value_high:g}")
    if own_subject and own_subject != subject:
        notes.append(f"printed subject: {own_subject}")
    return "; ".join(notes)
