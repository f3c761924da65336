"""One numeric statement read from its mention, subject and clause: ``RULES``, the reader's rules
in the order they apply, one function each, named for what it recognises — subjects carried
or taken from the sentence's topic, plans, the measure and its sign, comparisons (个百分点 with
comparator and sign, 拉动/拉低), a growth that turned (由下降…转为增长…), a stated basis, what a
rank ranks and among whom — then the statement as a row with the words that decided it
(``evidence``, what ``muye extract --explain`` shows).
"""

from __future__ import annotations

import re
from dataclasses import replace

from muye_analysis.extract.clause import (
    CHANGE,
    COMPARE_WORD,
    NO_SUBJECT,
    SHARE,
    Carry,
    Context,
    Statement,
    flat_comparator,
    join_evidence,
)
from muye_analysis.extract.measure import read_measure
from muye_analysis.extract.mentions import (
    PP_UNITS,
    PRE_QUALIFIERS,
    QUALIFIER_BOUND,
    Mention,
)
from muye_analysis.extract.ranks import POOL, among_whom, what_a_rank_ranks
from muye_analysis.extract.subjects import (
    GENERIC,
    generic_hint,
)

_PRE_QUALIFIER_INSIDE = re.compile("|".join(PRE_QUALIFIERS))

_COMPARISON = re.compile("不少于|不低于|不超过|超过|高于|低于")


# -- the rules ----------------------------------------------------------------------------------
# Each rule recognises one thing and fills in what it decides, with the words that decided it in
# ``evidence``; ``RULES`` applies them in order. ``carry`` holds what the sentence's earlier
# clauses read.

# subjects


def subject_naming_a_measure(st: Statement, carry: Carry) -> None:
    """A subject that names only a measure is of the subject before (``carried``): 总量居全市第5位
    is GDP's rank; 投资规模 after 签约项目 is the signed projects' investment."""
    if st.generic and carry.subject:
        own = st.own_subject
        st.carry_subject(carry, carry.subject + (own if own not in GENERIC else ""), "")


_AVERAGED = re.compile(r"(?:两|兩|三|四|五)年平均|年均")


def subject_averaged_over_years(st: Statement, carry: Carry) -> None:
    """A growth averaged over years with no subject of its own is of the subject before, and says
    so: 同比增长9.2%，两年平均增长6.1% -> 规上工业增加值两年平均."""
    if carry.subject and _AVERAGED.fullmatch(st.own_subject):
        st.carry_subject(carry, carry.subject + st.own_subject, "")


def subject_pointing_back(st: Statement, carry: Carry) -> None:
    """Words that compare, change or rank what came before and name nothing take the subject
    before: 较全国、全省、全市分别高…个百分点; 比2021年末减少0.5万人; 增收6253万元; 保持全市第一."""
    if carry.subject and not st.generic and _points_back(st):
        st.carry_subject(carry, carry.subject, f" ({st.own_subject or 'no subject'} names none)")


def share_of_subject_before(st: Statement, carry: Carry) -> None:
    """占… is a share of the subject before: 民生支出…，占…支出的67.25%."""
    if st.own_subject.startswith("占") and carry.subject:
        st.subject = st.match_subject = carry.subject + st.own_subject
        st.subject_start = carry.subject_start
        st.evidence.append(f"subject carried: {carry.subject}")


def subject_from_topic(st: Statement, carry: Carry) -> None:
    """A clause with no words of its own, first in its sentence, is about the sentence's topic
    (``topic``): 交通运输业恢复强劲，增速达14.8%; 财政收入实现三个全市第一，其中：总量26.42亿元."""
    own = st.own_subject
    if st.generic and own not in GENERIC and carry.topic.endswith(own[:2]):
        return  # 生产总值、固投增幅: 固投 is named, the topic is no subject of it
    if not carry.subject and carry.topic and (not own or NO_SUBJECT.match(own) or st.generic):
        st.subject = carry.topic + (own if st.generic and own not in GENERIC else "")
        st.match_subject, st.subject_start = carry.topic, carry.topic_start
        st.evidence.append(f"subject from the sentence's topic: {carry.topic}")


# plans


def comparator_figure_in_brackets(st: Statement, carry: Carry) -> None:
    """A comparator's own figure in brackets (比全省(7.7%)…高) is no new subject: the subject
    before carries on past it."""
    st.paren_value = bool(
        st.before.rstrip().endswith(("(", "（")) and COMPARE_WORD.search(st.ctx.clause_text)
    )
    if st.paren_value:
        st.keeps_carry = True


def plan_named_in_subject(st: Statement, carry: Carry) -> None:
    """A plan named after the subject is matched on the subject: 税收收入完成全年总量目标的107%
    is the revenue's completion."""
    subject = _subject_before_plan(st.own_subject)
    if subject and not st.generic:
        st.match_subject = subject


def completion_of_subject_before(st: Statement, carry: Carry) -> None:
    """A completion of a plan whose clause names no subject is the completion rate of the
    subject before."""
    if st.keeps_carry or not st.ctx.completion or _subject_before_plan(st.own_subject):
        return
    st.keeps_carry = True
    if carry.subject and st.subject_start is None:
        st.subject, st.match_subject = carry.subject + "完成率", carry.subject


def plan_of_subject_before(st: Statement, carry: Carry) -> None:
    """Plan words alone name the plan of the subject before: 完成年计划710亿元."""
    if not st.keeps_carry and _PLAN_WORDS.fullmatch(st.own_subject or "-") and carry.subject:
        st.subject = carry.subject + st.own_subject
        st.match_subject, st.subject_start = carry.subject, carry.subject_start
        st.keeps_carry = True


def comparison_word_in_subject(st: Statement, carry: Carry) -> None:
    """The comparison word is no part of what is compared: 储备项目不低于新开工项目3倍."""
    st.match_subject = _COMPARISON.sub("", st.match_subject)


# measures


def measure_and_sign(st: Statement, carry: Carry) -> None:
    """The measure the figure reports and its sign (``measure.read_measure``), its value and
    unit."""
    m = st.m
    st.measure, st.sign, st.rule, words = read_measure(
        m, st.before, st.subject, st.ctx, carry, st.paren_value, st.after
    )
    st.evidence.append(words)
    st.value = st.sign * m.value if m.value is not None else None
    st.value_high = st.sign * m.value_high if m.value_high is not None else None
    st.unit = m.unit


def place_figure_in_brackets(st: Statement, carry: Carry) -> None:
    """A place's own figure in brackets right after a figure in % (增长7.5%(全市11.1%)) is that
    place's figure of the same measure, no new subject: the subject before carries on."""
    place = _PLACE_IN_BRACKETS.fullmatch(st.before)
    if not place or st.m.unit != "%" or not carry.pct_measure or not carry.subject:
        return
    if carry.measure not in (carry.pct_measure, "change_pp"):
        return
    st.measure, st.rule, st.keeps_carry = carry.pct_measure, "bracketed", True
    st.value = st.m.value  # a place's own figure keeps its printed sign
    st.subject = st.match_subject = place["place"] + carry.subject
    st.subject_start = None
    st.evidence.append(f"{place['place']}: (…) of {st.measure}")


def target_of_a_gap_in_brackets(st: Statement, carry: Carry) -> None:
    """The figure in brackets after a gap in points (增长8%，高2个百分点(与年度预期目标6%以上相比);
    低1.7个百分点(8%左右)) is the target the gap is against: a target of the measure read before
    the gap, of the same subject."""
    if st.m.unit != "%" or carry.measure != "change_pp" or not carry.subject:
        return
    opened = _GAP_BRACKET_OPEN.search(st.norm, max(0, st.m.start - 24), st.m.start)
    if not carry.pct_measure or not opened:
        return
    st.measure, st.rule, st.keeps_carry = carry.pct_measure, "target_named", True
    st.value, st.value_high = st.m.value, st.m.value_high
    st.subject = st.match_subject = carry.subject
    st.subject_start = carry.subject_start
    st.ctx = replace(st.ctx, kind="target", kind_why="target: " + _GAP_TARGET, commitment="")
    st.evidence.append(f"subject carried: {carry.subject}")


_GAP_BRACKET_OPEN = re.compile(r"\d\s?个百分点\s?[(（](?:与[^()（）\d，,]{1,14})?$")
_GAP_TARGET = "the target a gap in points is against, in brackets"


def growth_of_a_share_subject(st: Statement, carry: Carry) -> None:
    """A growth whose subject is a share (工业投资…(占总投资的32.1%)，增长103.2%) is the growth of
    what the share was of."""
    if st.measure == "growth_rate" and "占" in st.subject and not SHARE.search(st.before):
        st.subject = st.subject.split("占")[0]


def completion_rate_named(st: Statement, carry: Carry) -> None:
    """A completion is named as the completion rate of its subject: 完成年计划710亿元的89.4%."""
    if st.rule == "completion" and not _COMPLETION_WORD.search(st.subject):
        st.subject += "完成率"


def range_and_printed_subject(st: Statement, carry: Carry) -> None:
    """A range (6%-7%) and a subject printed otherwise than read go to the note."""
    st.notes.append(_note(st.m, st.own_subject, st.subject))


def flat_against_a_place(st: Statement, carry: Carry) -> None:
    """持平 against a place (与全省平均水平持平) is a gap of 0 points to it (``flat_versus``)."""
    if st.rule == "flat_versus":
        st.unit = "个百分点"
        st.cmp_text = flat_comparator(st.before.rstrip())
        st.evidence.append(f"compared with {st.cmp_text} (持平)")


def growth_as_a_multiple(st: Statement, carry: Carry) -> None:
    """增长2.5倍 is a growth of 250% (``multiple``); the note keeps what was printed."""
    if st.rule == "multiple" and st.value is not None:
        st.value, st.unit = round(st.value * 100, 10), "%"
        st.notes.append(f"written as {st.m.value:g}倍 (growth of {st.value:g}%)")


# comparisons


def compared_with(st: Statement, carry: Carry) -> None:
    """What points, a multiple or a change is against, with its verb's sign (``comparator``):
    高于全市0.5个百分点; a change of a level keeps its verb's sign; 增速同比… is on a year ago."""
    if st.comparator is None or st.measure not in ("change_pp", "ratio", "growth_rate", "change"):
        return
    cmp_text, cmp_sign, cmp_words = st.comparator
    own_verb = _LISTED_WITH_ITS_VERB.search(st.before.rstrip())
    if st.measure == "change_pp" and cmp_sign and st.value is not None and not own_verb:
        st.value = cmp_sign * abs(st.value)  # a member with its own verb keeps that verb's sign
    if st.measure == "change_pp" and cmp_sign == 0 and "verb not read" in cmp_words:
        st.notes.append(f"comparison verb not read ({cmp_words.split()[0]}): sign as printed")
    st.evidence.append(f"compared with {cmp_text} ({cmp_words})")
    st.cmp_text = "" if st.measure == "growth_rate" else cmp_text
    if st.measure == "change_pp" and _OVER_TIME.fullmatch(cmp_words) and _PERIOD.match(cmp_text):
        carry.period_compared[:] = [cmp_text]
    if st.measure == "change" and _YEAR_BEFORE.fullmatch(cmp_text):
        carry.change_compared[:] = [cmp_text]
    elif st.unit == PERMILLE_POINTS and _A_YEAR.fullmatch(cmp_text):
        carry.change_compared[:] = [cmp_text]  # 出生率…比2020年下降1.14个千分点


def comparison_elided(st: Statement, carry: Carry) -> None:
    """A change in points with a bare verb (制造业增长11.9%，提高0.6个百分点) after one against a
    period in its paragraph (采矿业…较1-7月提高0.2个百分点) is against that period too."""
    if st.measure != "change_pp" or st.comparator or st.rule != "pp_change":
        return
    if carry.period_compared and _BARE_CHANGE.fullmatch(st.before.strip(" ，,")):
        st.cmp_text = carry.period_compared[0]
        st.evidence.append(f"compared with {st.cmp_text} ({st.before.strip(' ，,')})")


def change_elided(st: Statement, carry: Carry) -> None:
    """A change of a level with a bare verb (粮食种植面积23.98千公顷，增加173公顷) after one
    against the year before in its paragraph (播种面积65.84千公顷，比上年增加950公顷) is against
    that year too."""
    if st.measure != "change" or st.comparator or not carry.change_compared:
        return
    bare = _BARE_CHANGE if st.unit == PERMILLE_POINTS else _BARE_LEVEL_CHANGE
    if bare.fullmatch(st.before.strip(" ，,")):  # 死亡率6.71‰，上升0.10个千分点 too
        st.cmp_text = carry.change_compared[0]
        st.evidence.append(f"compared with {st.cmp_text} ({st.before.strip(' ，,')})")


def share_change_a_year_on(st: Statement, carry: Carry) -> None:
    """A share or rate that rose or fell in points with nothing named to compare it with (占比上升
    2.5个百分点, 城镇化率提高2个百分点左右) moved since a year earlier: 上年同期 for part of a year,
    上年 for a year. (A growth rate's change is left alone: a bulletin's may be on the month
    before.)"""
    if st.measure != "change_pp" or st.comparator or st.cmp_text or st.rule != "pp_change":
        return
    growth_moved = _GROWTH_MOVED.fullmatch(st.before.strip(" ，,")) and _GROWTH_ON_A_YEAR.search(
        st.ctx.sentence_text
    )  # 比上年增长15.8%，增速提高4.1个百分点: on the year before's growth
    if not (_SHARE_MOVED.search(st.before.rstrip(" ，,")) or growth_moved):
        return
    part_year = st.ctx.end_month is not None and st.ctx.end_month < 12
    st.cmp_text = "上年同期" if part_year else "上年"
    st.evidence.append(f"compared with {st.cmp_text} ({_A_YEAR_ON})")


_SHARE_MOVED = re.compile(
    r"(?<!增长)(?<!增)(?:占比|比重|比例|[^增]率)[ \t]*(?:分别)?"  # 贫困发生率 下降: a space too
    r"(?:提高|提升|上升|下降|降低|回落|增加|减少)了?$"
)
_A_YEAR_ON = "nothing named: a year earlier"
_GROWTH_MOVED = re.compile(r"(?:增速|增幅)(?:提高|加快|回落|下降|放缓|提升)了?")
_GROWTH_ON_A_YEAR = re.compile(r"(?:比|较)(?:上年|去年)(?:[^同，,。；;\d]{0,2})?(?:增长|下降)\d")


def turned_to(st: Statement, carry: Carry) -> None:
    """The figures after 转为 take its verb's sign, not the one before 由: 由下降1.3%转为增长28.7%
    is a growth of 28.7%, 由增长2%转为下降1% a fall of 1%."""
    if st.stage != "to" or st.measure != "growth_rate" or st.value is None:
        return
    turns = list(_TURNED_TO.finditer(st.norm, max(0, st.m.start - 40), st.m.start))
    if turns:
        down = turns[-1]["verb"] in ("下降", "负增长")
        st.value = -abs(st.value) if down else abs(st.value)
        st.evidence.append(f"turned: {turns[-1].group()}")


def turned_from_a_year_ago(st: Statement, carry: Carry) -> None:
    """Where a growth turned, compared with the same period a year earlier (与上年同期相比，…由
    下降1.3%转为增长28.7%), the figure it turned from is the year before's."""
    year = st.ctx.period
    if st.stage != "from" or st.measure != "growth_rate" or year is None:
        return
    if _SAME_PERIOD_A_YEAR_AGO.search(st.ctx.sentence_text) and not _YEAR_NAMED.search(st.before):
        why = f"{st.ctx.period_why}; turned from a year earlier ({year - 1}, 上年同期)"
        st.ctx = replace(st.ctx, period=year - 1, period_why=why)


def narrowed_decline(st: Statement, carry: Carry) -> None:
    """A decline that narrowed is a rise of the growth rate: 降幅较一季度收窄2.7个百分点."""
    narrowed = _NARROWED_DECLINE.search(st.before) or _narrowed_after_decline(st)
    if st.measure == "change_pp" and st.value is not None and narrowed:
        st.value = -st.value
        st.evidence.append(f"a decline that {narrowed.group()[-2:]}")


def _narrowed_after_decline(st: Statement) -> re.Match | None:
    """收窄 with no rate named, right after a decline: 民间投资下降3.9%，比一季度收窄20.2个百分点
    (the decline narrowed), 降幅较一季度收窄14.1个百分点，较上月收窄1.8个百分点 (its decline)."""
    bare = _NARROWED_BARE.search(st.before)
    if not bare:
        return None
    clauses = re.split(r"([，,；;。])", st.norm[max(0, st.m.start - 60) : st.m.start])
    if len(clauses) < 3 or clauses[-2] == "。":
        return None
    return bare if _DECLINE_BEFORE.search(clauses[-3]) else None


def pull_in_points(st: Statement, carry: Carry) -> None:
    """拉动/拉低 are pulls in points (``pp_pull``); 拉低全市GDP增速0.8个百分点 pulls down."""
    if st.measure != "change_pp" or st.comparator or st.rule != "pp_change":
        return
    pull = _PULL.search(st.before)
    if pull:
        st.rule = "pp_pull"
        if pull.group() in _PULL_DOWN and st.value is not None:
            st.value = -abs(st.value)
            st.evidence.append(f"a pull down ({pull.group()})")


def stated_basis(st: Statement, carry: Carry) -> None:
    """A growth on a stated basis (扣除留抵退税因素后, 同口径): noted, not part of the subject."""
    basis = _BASIS.search(st.before)
    if basis:
        st.notes.append(f"basis: {basis.group().strip('()（）')}")
        st.subject = _BASIS.sub("", st.subject) or st.subject
        st.match_subject = _BASIS.sub("", st.match_subject) or st.match_subject


# The rules in the order they apply: subjects, plans, the measure, comparisons, ranks.
RULES = (
    subject_naming_a_measure, subject_averaged_over_years, subject_pointing_back,
    share_of_subject_before, subject_from_topic,
    comparator_figure_in_brackets, plan_named_in_subject, completion_of_subject_before,
    plan_of_subject_before, comparison_word_in_subject,
    measure_and_sign, place_figure_in_brackets, target_of_a_gap_in_brackets,
    growth_of_a_share_subject, completion_rate_named,
    range_and_printed_subject,
    flat_against_a_place, growth_as_a_multiple,
    compared_with, turned_to, turned_from_a_year_ago, narrowed_decline, pull_in_points,
    comparison_elided, change_elided, share_change_a_year_on,
    stated_basis, what_a_rank_ranks, among_whom,
)  # fmt: skip


def _points_back(st: Statement) -> bool:
    """The clause's own words compare, change or rank what came before, naming nothing."""
    own = st.own_subject
    bare = _COMPARISON_PHRASE.sub("", own)
    if st.m.base in PP_UNITS:
        return not bare or generic_hint(bare)[0] or bare == "分别"
    if NO_SUBJECT.match(own) or not own or (st.m.ordinal and POOL.fullmatch(own)):
        return bool(own) or st.m.ordinal or st.m.base == "standing"  # 六县市排名第五: a pool
    return bool(CHANGE.search(st.before.rstrip())) and (not bare or NO_SUBJECT.match(bare))


def _subject_before_plan(own: str) -> str:
    """The subject a plan phrase follows (税收收入 of 税收收入完成全年总量目标的), or ""."""
    plan = _PLAN_PHRASE.search(own)
    return own[: plan.start()] if plan else ""


def read_statement(
    text: str,
    norm: str,
    m: Mention,
    subject: str,
    subject_start: int | None,
    stage: str,
    before: str,
    carry: Carry,
    ctx: Context,
    comparator: tuple[str, int, str] | None,
) -> dict:
    """The statement ``m`` makes, as a row: ``subject`` as cut from its clause, read by each of
    ``RULES`` in turn."""
    st = Statement(
        m=m, own_subject=subject, subject=subject, match_subject=subject,
        subject_start=subject_start, stage=stage, before=before, norm=norm,
        after=norm[m.end : m.end + 12], ctx=ctx, comparator=comparator,
    )  # fmt: skip
    st.generic, st.ranked_hint = generic_hint(subject)
    for rule in RULES:
        rule(st, carry)
    return _row(st, text)


def _row(st: Statement, text: str) -> dict:
    """The statement as a row (``FACT_COLUMNS`` plus what the reader uses internally)."""
    m, ctx = st.m, st.ctx
    if m.unit_from:
        st.notes.append("unit from the list's last member" if m.unit_from == "list"
                        else f"元 not printed ({m.unit[:-1]})")  # fmt: skip
    qualifier = m.qualifier or _inner_qualifier(st.before)
    # The quote runs from the subject (or the commitment word, if earlier) to the value.
    starts = [s for s in (st.subject_start, ctx.commitment_start) if s is not None]
    quote_start = min([m.start, *starts])
    bound = "range" if m.value_high is not None else QUALIFIER_BOUND.get(qualifier, "exact")
    if st.measure == "standing":
        bound = ""
    st.evidence.append(ctx.kind_why)
    st.evidence.append(ctx.period_why)
    return {
        "subject": st.subject,
        "match_subject": st.match_subject,
        "subject_start": st.subject_start,
        "period": ctx.period,
        "start_month": ctx.start_month,
        "end_month": ctx.end_month,
        "period_from": ctx.period_from,
        "kind": ctx.kind,
        "measure": st.measure,
        "ranked_on": st.ranked_on,
        "stage": st.stage,
        "value": st.value,
        "value_high": st.value_high,
        "unit": st.unit,
        "printed": text[m.printed_start : m.printed_end],
        "qualifier": qualifier,
        "bound": bound,
        "commitment": ctx.commitment,
        "rank_scope": st.rank_scope,
        "price_basis": "nominal" if m.base in ("元", "美元") and st.measure == "level" else "",
        "section": ctx.section,
        "quote": text[quote_start : m.end],
        "note": "; ".join(n for n in st.notes if n),
        "start": m.start,
        "end": m.end,
        "comparator": st.cmp_text,
        "rule": st.rule,
        "evidence": join_evidence(*st.evidence),
        "quote_start": quote_start,
        "printed_span": (m.printed_start, m.printed_end),
        "keeps_carry": st.keeps_carry,
    }


_PULL = re.compile(r"拉动|拉低|下拉|拖累")

# A change over time (较1-7月提高, not 高于全国) against a period: 1-7月, 上月, 一季度, 上半年.
_OVER_TIME = re.compile(r"提高|提升|上升|加快|回落|下降|放缓|回升|降低|下滑")
_PERIOD = re.compile(
    r"\d{1,2}(?:-\d{1,2})?月(?:份)?$|上月$|[一二三四1-4]季度$|上半年$|前三季度$|上年同期$|上年$"
)
_YEAR_BEFORE = re.compile(r"上年|去年|上年末|去年末")
_A_YEAR = re.compile(r"上年|去年|(?:19|20)\d\d年")
PERMILLE_POINTS = "个千分点"
_BARE_LEVEL_CHANGE = re.compile(r"(?:增加|减少|增长|下降)了?")
# also of a rate named (降幅收窄1.8个百分点, 增幅回落2.2个百分点)
_BARE_CHANGE = re.compile(
    r"(?:增幅|降幅|涨幅|增速)?(?:分别)?(?:提高|提升|上升|加快|回落|下降|放缓|回升|降低|下滑|收窄|扩大)"
)

# A place opening brackets before its own figure: (全市11.1%), （全省平均：6.6%).
_PLACE_IN_BRACKETS = re.compile(
    r"\s*[(（](?P<place>全[市省国区县州盟]|[^\d，,()（）:：占比为]{1,6}?[市省县区州盟])"
    r"(?:平均水平|平均|为)?[:：]?\s*"
)

# A list member with its own verb: 分别下降0.2个、下降0.6个、提高0.8个百分点 (the last one rose).
_LISTED_WITH_ITS_VERB = re.compile(
    r"[、和及与](?:提高|提升|上升|增加|加快|下降|降低|减少|回落|放缓)$"
)
# The sentence compares with the same period a year earlier; a year named in the clause.
_SAME_PERIOD_A_YEAR_AGO = re.compile(r"(?:与|比|较)(?:上年|去年)同期(?:相比|比较)?")
_YEAR_NAMED = re.compile(r"(?:19|20)\d\d\s?年")
_TURNED_TO = re.compile(r"(?:转为|转而|变为)(?P<verb>增长|下降|负增长)?")
# A decline rate narrowed (a rise) or widened (a fall): 降幅较一季度收窄, 降幅较上月扩大.
_NARROWED_DECLINE = re.compile(r"降幅[^，,；;]{0,14}(?:收窄|缩小|扩大|加大|加深)了?$")
# … or, after a decline in the clause before, a comparison with no rate of its own named
_NARROWED_BARE = re.compile(r"^(?:比|较)[^，,；;]{0,10}(?:收窄|缩小|扩大|加大|加深)了?$")
_DECLINE_BEFORE = re.compile(r"(?:下降|负增长)\s?\d+(?:\.\d+)?%$|^降幅")

_PULL_DOWN = ("拉低", "下拉", "拖累")

_COMPLETION_WORD = re.compile(r"完成|占|为")

_COMPARISON_PHRASE = re.compile(
    r"(?:同比|(?<!占)比(?![重例率])|较|与|高于|低于|快于|慢于|超过|超出|落后于?|领先于?|欠|塌|[^\s]于(?=全)|.于$"
    r"|^(?:分别)?(?:高出?|低|快|慢)$)"  # 增长8%，高2个百分点: a bare verb names nothing
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


def _inner_qualifier(before: str) -> str:
    """A qualifier separated from its number: 储备项目不低于新开工项目3倍."""
    found = _PRE_QUALIFIER_INSIDE.findall(before)
    return found[-1] if found and found[-1] in ("不少于", "不低于", "不超过", "超过") else ""


def _note(m: Mention, own_subject: str, subject: str) -> str:
    notes = []
    if m.value_high is not None:
        notes.append(f"range {m.value:g} to {m.value_high:g}")
    if own_subject and own_subject != subject:
        notes.append(f"printed subject: {own_subject}")
    return "; ".join(notes)
