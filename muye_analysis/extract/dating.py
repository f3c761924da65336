"""When a statement is about: its year and its months, from the document's own words.

A fact without its period cannot go into a dataset, and reports rarely print the period next to
each figure. The reader looks for it, nearest first:

1. the sentence: 2022年, 2023年12月份, 1-9月, 前三季度, 上半年, 截至6月末 before the figure;
2. the paragraph: a year or span that opened an earlier sentence of it (上半年，全县…。其中…);
3. the part of the report: a heading that names a year (一、2022年计划执行情况, 三、2024年主要工作
   安排) or, for a part without one, the title's years (the first for a review, the second for a
   plan);
4. the document: its title or headline (2022年…统计公报, 前三季度涪陵区经济运行情况), its report or
   publication date (——2023年1月5日在…会议上, 发布时间：2022-10-25, 2022/10/25, or a date alone on
   a line at its foot), and 今年 read against that date; a report that names only the year it
   reviews plans the next (a mid-year execution report, its own).

Comparisons never set a period: 比上半年加快, 较一季度提高, 与2021年相比, 2015年以来, 按2017年平均
汇率. A target's period is the year it plans. When none of these names a year, the fact says so
(``period_from`` = ``unknown``) instead of borrowing one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from muye_analysis.extract.epochs import FIVE_YEAR_PLAN, plan_last_year
from muye_analysis.extract.spans import Span, find_spans
from muye_analysis.extract.wraps import paragraph_starts
from muye_analysis.extract.year_lists import listed_year

# A year that names the period of what follows (2022年, 2022 年); not part of a longer number.
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)[ \t]?年")
# A date: 2023年1月5日, 2023 年 1 月 1 日, 2022-10-25, 2024年03月01日, 2012年3月19日.
_DATE = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)[ \t]?(?:年[ \t]?(\d{1,2})[ \t]?月[ \t]?(\d{1,2})[ \t]?日"
    r"|-(\d{1,2})-(\d{1,2})(?![\d.])|/(\d{1,2})/(\d{1,2})(?![\d.])|\.(\d{1,2})\.(\d{1,2})(?![\d.]))"
)
# A date that dates the document outside its head: labelled (发布时间：…, 日期：…) or on a line
# of its own, as bulletins and news print it at their foot (某县统计局⏎2024年3月20日).
_DATE_LABEL = re.compile(r"(?:发布|发表|更新|信息)?(?:时间|日期)[ \t]*[:：]?[ \t]*$")
# Words before a year or span that make it a comparison, a starting point or a basis, not
# the period of the figure: 比2021年末, 与上半年相比, 较一季度, 2015年以来, 按2017年平均汇率,
# 由二季度的.
_NOT_PERIOD_BEFORE = re.compile(r"(?:比|较|與|与|同|自|从|從|到|至|按|由|于|於|延续|延續)\s?$")
# A year's end a figure is compared with (比2014年12月份回升, 延续2014年四季度走势, 比2014年末):
# the text speaks of the year after it (比2019年同期 may be years back: not read).
_COMPARED_YEAR = re.compile(
    r"(?:比|较|與|与|同|延续|延續)\s?((?:19|20)\d\d)\s?年\s?(?:12\s?月|十二月|第?四季度|末|底)"
)
_NOT_PERIOD_AFTER = re.compile(
    r"\s?(?:以来|以來|以前|之前|以后|之后|起|前(?![\d一二两三四五六七八九十]{1,2}个?(?:月|季度))|后|的"
    r"|价格|平均|相比|末期)"
)
# A year that names an honour or a list one was chosen for (获选2022年省级…产业园, 入选2021年度…).
_HONOUR_BEFORE = re.compile(r"(?:获选|入选|获评|评为|列入|获批|荣获|跻身)\s?$")
# A range of years: 2011年至2013年上半年 (figures over it are of the year it ends in).
_RANGE_OPENS = re.compile(r"[ \t]?(?:至|到|—|－|-|~)[ \t]?(?:19|20)\d\d[ \t]?年")
_RANGE_ENDS = re.compile(r"(?:19|20)\d\d[ \t]?年[ \t]?(?:至|到|—|－|-|~)[ \t]?$")
# A year listed after another thing compared with: 比一季度和2019年同期高.
_LISTED_IN_COMPARISON = re.compile(r"(?:比|较)[^，,；;。\n\d]{1,12}[和、及与]\s?$")
# Words that a figure's year or months are given in the headline or opening lines of a document.
HEAD_CHARS = 400


@dataclass(frozen=True)
class YearMention:
    start: int
    year: int
    words: str


@dataclass(frozen=True)
class DocumentDates:
    """The years a document speaks of, read once per document.

    ``review_year``: the year a review (or a bulletin) reports on; ``plan_year``: the year its
    targets are for; ``today``: the year 今年 means (the report or publication date's year);
    ``date``: that date as printed; ``head_span``: months named in the headline.
    """

    review_year: int | None
    plan_year: int | None
    today: int | None
    date: str
    date_month: int | None
    head_span: Span | None
    why_review: str
    why_plan: str
    date_from: str = ""  # "given" (--published), "words" (开局之年…), "" the text's date
    only_span: Span | None = None  # the one span a text on the year to date names (今年以来)


# A year and month alone on a line ((2024年4月) under a title): a publication, no period.
_MONTH_LINE = re.compile(
    r"^[ \t\u3000]*[(（]?((?:19|20)\d\d) ?年 ?(\d{1,2}) ?月[)）]?[ \t]*$", re.M
)
# 到2015年 opening a clause (，到2015年全省…; 截至2023年末) names the period (和到2018年 not).
_TO_YEAR_OPENS = re.compile(r"(?:^|[，,。；;：:\s]|截)(?:到|至)\s?$")


def find_years(scan: str, lo: int = 0, hi: int | None = None) -> list[YearMention]:
    """Years that name a period (2022年全县…, 2023年12月份), leaving out dates of documents
    (2023年4月11日, a line of its own (2024年4月)), comparisons (比2021年末, 2015年以来) and
    bases (按2017年平均汇率)."""
    hi = len(scan) if hi is None else hi
    dates = [(m.start(), m.end()) for m in _DATE.finditer(scan, lo, hi)]
    dates += [(m.start(1), m.end()) for m in _MONTH_LINE.finditer(scan, lo, hi)]
    found = []
    for m in _YEAR.finditer(scan, lo, hi):
        if any(a <= m.start() < b for a, b in dates):
            continue
        before = scan[max(0, m.start() - 4) : m.start()]
        if _HONOUR_BEFORE.search(before):
            continue  # 成功获选2022年省级现代农业产业园: the honour's name, no period
        if _RANGE_OPENS.match(scan, m.end()):
            continue  # 2011年至2013年上半年累计…: the range ends in the later year
        ends_range = _RANGE_ENDS.search(scan, max(0, m.start() - 10), m.start())
        if (
            _NOT_PERIOD_BEFORE.search(before[1:])
            and not _TO_YEAR_OPENS.search(before)
            and not ends_range
        ):
            continue
        if _NOT_PERIOD_AFTER.match(scan, m.end()):
            continue
        if _LISTED_IN_COMPARISON.search(scan, max(0, m.start() - 16), m.start()):
            continue  # 分别比一季度两年平均和2019年上半年增速高: a second thing compared with
        found.append(YearMention(m.start(), int(m.group(1)), m.group()))
    return found


_PAGE_CLOCK = re.compile(r"[ \t]*(?:星期|周|礼拜)[一二三四五六日天]")


def find_dates(scan: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, int, str]]:
    """(start, year, month, as printed) of each date in ``scan[lo:hi]``."""
    hi = len(scan) if hi is None else hi
    out = []
    for m in _DATE.finditer(scan, lo, hi):
        month = m.group(2) or m.group(4) or m.group(6) or m.group(8)
        if _PAGE_CLOCK.match(scan, m.end()):
            continue  # 2021-8-11 星期三 14:13:52: the page's clock when it was saved, no date of it
        if month and 1 <= int(month) <= 12:
            out.append((m.start(), int(m.group(1)), int(month), m.group()))
    for m in _MONTH_LINE.finditer(scan, lo, hi):
        if 1 <= int(m.group(2)) <= 12:
            out.append((m.start(1), int(m.group(1)), int(m.group(2)), m.group().strip()))
    return sorted(out)


@dataclass
class _Years:
    """The review and plan years being decided, with the words that decided each."""

    review: int | None = None
    why_review: str = ""
    plan: int | None = None
    why_plan: str = ""


def document_dates(
    scan: str,
    heads: list[tuple[int, str, int | None]],
    published: tuple[int, int, int | None, str] | None = None,
    named_in_words: tuple[int, str] | None = None,
) -> DocumentDates:
    """The document's years from its head (title, date lines) and its headed parts.

    ``heads`` are the document's headings as (offset, kind, year named): a plan part's year
    is the plan year when the title names none. Rules in turn: the title's years by their
    words, 今年(2024年), a report's date, then a report's review and plan years from each other.
    ``published`` (``given_date``) is the publication date the user knows (a page's date, a
    URL's): it dates the document only where the text prints no date of its own; then the year
    named in officials' words (``named_in_words``, ``epochs.epoch_year``: 今年是“十四五”开局之年).
    """
    first_heading = next((pos for pos, _, _ in heads if pos > 0), HEAD_CHARS)
    head_end = min(first_heading, HEAD_CHARS, len(scan))
    dates = find_dates(scan, 0, head_end) or _foot_dates(scan, head_end)
    date = dates[0] if dates else None
    years, reviews, plans = _title_years(scan, head_end, heads)
    report_like = bool(_REPORT.search(scan, 0, head_end))
    named = _this_year_named(scan, years, report_like)
    date = date or named or _document_number(scan)
    date_from = "given" if date is None and published is not None else ""
    date = date or published
    if date is None and named_in_words is not None:
        date, date_from = (-1, named_in_words[0], None, named_in_words[1]), "words"
    if date is not None and report_like:
        # A report to a congress early in the year reviews the year before and plans this one.
        if years.review is None and date[2] is not None and date[2] <= 4:
            years.review, years.why_review = date[1] - 1, f"report date ({date[3]})"
        if years.plan is None:
            years.plan, years.why_plan = date[1], f"report date ({date[3]})"
    if report_like:
        _pair_review_and_plan(scan, head_end, years, bool(reviews), bool(plans))
    spans = find_spans(scan, 0, head_end)
    return DocumentDates(
        review_year=years.review,
        plan_year=years.plan,
        today=date[1] if date else None,
        date=date[3] if date else "",
        date_month=date[2] if date else None,
        head_span=spans[0] if spans else None,
        why_review=years.why_review,
        why_plan=years.why_plan,
        date_from=date_from,
        only_span=_only_span(scan, head_end),
    )


# A document's number names the year it was issued: 辽政办发〔2008〕70号.
_DOCUMENT_NUMBER = re.compile(r"发[〔［\[]((?:19|20)\d\d)[〕］\]][ \t]?\d{1,4}[ \t]?号")


def _document_number(scan: str) -> tuple[int, int, None, str] | None:
    """(start, year, no month, words) of the first document number (〔2008〕70号): the year the
    document was issued, for a text that prints no other date."""
    m = _DOCUMENT_NUMBER.search(scan)
    return (m.start(), int(m.group(1)), None, m.group()) if m else None


# Words that a text reports the year so far (今年以来，全县…) and that a figure is its total.
_SO_FAR = re.compile(r"今年以来|今年以來")
_TO_DATE = re.compile(r"累计")


def _only_span(scan: str, head_end: int) -> Span | None:
    """The span of a text that opens on the year so far (今年以来) and names one span only
    (1-7月, further on): the months of its figures that no nearer words date."""
    if not _SO_FAR.search(scan, 0, head_end):
        return None
    spans = [s for s in find_spans(scan) if not s.aside]
    if not spans or len({(s.first, s.last) for s in spans}) > 1 or spans[0].first != 1:
        return None
    return spans[0]


def _title_years(scan: str, head_end: int, heads) -> tuple[_Years, list, list]:
    """Review and plan years from the title's years and the words after each (执行情况, 计划),
    or a plan part's heading; also the years read as reviews and as plans."""
    found = head_years(scan, 0, head_end)
    reviews = [y for y in found if _title_role(scan, y, head_end) == "review"]
    plans = [y for y in found if _title_role(scan, y, head_end) == "plan"]
    others = [y for y in found if y not in reviews and y not in plans]
    years = _Years()
    review_at = (reviews or others or [None])[0]
    if review_at:
        years.review, years.why_review = review_at.year, f"title ({review_at.words})"
    plan_at = (plans or [y for y in others if years.review is None or y.year > years.review]
               or [None])[0]  # fmt: skip
    if plan_at:
        years.plan, years.why_plan = plan_at.year, f"title ({plan_at.words})"
    plan_heads = [y for _, kind, y in heads if kind == "target" and y is not None]
    if years.plan is None and plan_heads:
        years.plan, years.why_plan = plan_heads[0], "heading of the plan part"
    return years, reviews, plans


def head_years(scan: str, lo: int, hi: int) -> list[YearMention]:
    """Years of a document's head that can date it: not a table row's label (2021年 | 2311.1),
    nor a year a target is set for (，到2015年全省…)."""
    kept = [y for y in find_years(scan, lo, hi) if "|" not in _line_at(scan, y.start)]
    return [y for y in kept if not _TO_YEAR_OPENS.search(scan, max(0, y.start - 4), y.start)]


def _line_at(scan: str, pos: int) -> str:
    end = scan.find("\n", pos)
    return scan[scan.rfind("\n", 0, pos) + 1 : len(scan) if end == -1 else end]


def _this_year_named(scan: str, years: _Years, report_like: bool):
    """今年(2024年): the text says which year is this year; it dates the plan (and a report's
    review the year before). Returns that year as a date, or None."""
    said = _TODAY_NAMED.search(scan)
    if not said:
        return None
    today = int(said.group(1))
    if years.plan is None or years.plan not in (today, today + 1):
        years.plan, years.why_plan = today, said.group()
    if report_like and years.review in (None, today):
        years.review, years.why_review = today - 1, f"the year before {said.group()}"
    return (0, today, 12, said.group())


def _pair_review_and_plan(
    scan: str, head_end: int, years: _Years, reviewed: bool, planned: bool
) -> None:
    """A report reviews one year and plans the next (2023年，全县…；今年主要预期目标是…); a
    mid-year report (2023年上半年计划执行情况) plans the year it reviews."""
    if years.review is not None and years.plan is None:
        title_end = scan.find("\n", 0, head_end)
        title_end = head_end if title_end == -1 else title_end
        mid_year = any(s.last < 12 for s in find_spans(scan, 0, title_end))
        review = years.review
        years.plan = review if mid_year and reviewed else review + 1
        years.why_plan = (
            f"the year {'of' if years.plan == review else 'after'} the one reviewed ({review}年)"
        )
    if years.plan is not None and years.review is None and planned:
        years.review = years.plan - 1
        years.why_review = f"the year before the one planned ({years.plan}年)"


def _foot_dates(scan: str, lo: int) -> list[tuple[int, int, int, str]]:
    """Dates after the head that date the document: labelled, or alone on their line."""
    out = []
    for date in find_dates(scan, lo):
        start = date[0]
        line_lo = scan.rfind("\n", 0, start) + 1
        line_hi = scan.find("\n", start)
        line_hi = len(scan) if line_hi == -1 else line_hi
        lead = scan[line_lo:start]
        rest = scan[start + len(date[3]) : line_hi]
        alone = not lead.strip(" \t\u3000(（[【") and not re.sub(
            r"^[ \t]*(?:[0-2]?\d:[0-5]\d(?::[0-5]\d)?)?", "", rest
        ).strip(" \t\u3000)）]】")
        if alone or _DATE_LABEL.search(lead):
            out.append(date)
    return out


_TODAY_NAMED = re.compile(r"今年[(（]((?:19|20)\d\d)[ \t]?年?[)）]")
_REPORT = re.compile(r"代表大会|人代会|政府工作报告|工作报告|計劃執行|计划执行")
# Words after a title's year that say whether it is the year reviewed or the year planned.
_REVIEW_WORDS = re.compile(r"执行情况|完成情况|回顾|统计公报|公报|工作总结|成绩|进展|经济运行")
_PLAN_WORDS = re.compile(r"计划(?!执行)|目标|预期|安排|草案|政府工作报告|工作要点|力争|确保")
# A year the next words say will come (2022年将新建…, 2022年，全省将…): a plan, not a review.
_WILL = re.compile(r"\d{4}[ \t]?年[，,]?[^，,。；;\d]{0,8}?将(?!近|要求)")


def _title_role(scan: str, year: YearMention, head_end: int) -> str:
    """review, plan or "" for a year of the title, from the words up to the next year."""
    nxt = _YEAR.search(scan, year.start + 4, head_end)
    line_end = scan.find("\n", year.start)
    end = min(
        x
        for x in (
            nxt.start() if nxt else head_end,
            line_end if line_end != -1 else head_end,
            year.start + 40,
        )
    )
    after = scan[year.start : end]
    if _WILL.match(after):
        return "plan"  # 全省2022年将新建…: a year the text plans
    if _REVIEW_WORDS.search(after):
        return "review"
    if _PLAN_WORDS.search(after):
        return "plan"
    return ""


class Timeline:
    """Years and spans of a document in reading order, to find the nearest one before a figure."""

    def __init__(self, scan: str, norm: str | None = None) -> None:
        self.scan = scan
        self.plans = [  # five-year plans by number, read unmasked (quoted: “十二五”)
            (m.start(), m.end(), plan_last_year(m.group(1)), m.group())
            for m in FIVE_YEAR_PLAN.finditer(scan if norm is None else norm)
        ]
        self.years = find_years(scan)
        self.year_starts = [y.start for y in self.years]
        counts: dict[int, int] = {}
        for y in self.years:
            if "|" not in _line_at(scan, y.start):  # a table's row of 2021年 dates that row
                counts[y.year] = counts.get(y.year, 0) + 1
        # The year the document names most (the latest of equals): a last resort for a figure
        # no nearer words date (今年…, with 2012年 named once further on).
        self.main_year = max(counts, key=lambda y: (counts[y], y)) if counts else None
        self.main_why = "the year the text names most"
        if self.main_year is None:  # only compared with 2014年: the text is on a later year
            compared = [int(m.group(1)) for m in _COMPARED_YEAR.finditer(scan)]
            if compared:
                self.main_year = max(compared) + 1
                self.main_why = "the year after the one compared with"
        self.spans = find_spans(scan)
        self.span_starts = [s.start for s in self.spans]
        self.paragraph_starts = paragraph_starts(scan)  # a wrapped line goes on (wraps.py)

    def paragraph_start(self, pos: int) -> int:
        """Start of the paragraph (line, or wrapped lines) holding ``pos``."""
        i = bisect.bisect_right(self.paragraph_starts, pos) - 1
        return self.paragraph_starts[max(i, 0)]

    def plan_before(self, lo: int, pos: int) -> tuple | None:
        """The last five-year plan named in ``scan[lo:pos]``: (start, end, last year, words)."""
        plans = [p for p in self.plans if lo <= p[0] and p[1] <= pos]
        return plans[-1] if plans else None

    def year_before(self, lo: int, pos: int) -> YearMention | None:
        """The last period year in ``scan[lo:pos]``."""
        i = bisect.bisect_left(self.year_starts, pos) - 1
        if i >= 0 and self.years[i].start >= lo:
            return self.years[i]
        return None

    def paragraph_span(self, lo: int, pos: int) -> Span | None:
        """The last span in ``scan[lo:pos]`` that carries to later sentences (not 其中6月份…)."""
        span = self.span_before(lo, pos)
        while span is not None and span.aside:
            span = self.span_before(lo, span.start)
        return span

    def span_before(self, lo: int, pos: int) -> Span | None:
        """The last span of months in ``scan[lo:pos]``."""
        i = bisect.bisect_left(self.span_starts, pos) - 1
        if i >= 0 and self.spans[i].start >= lo:
            return self.spans[i]
        return None


@dataclass(frozen=True)
class FactPeriod:
    """A fact's year and months, where each came from (``source``) and the words."""

    year: int | None
    first: int
    last: int
    source: str  # sentence, paragraph, part, announcement, title, date, given, words, document,
    # unknown
    why: str


_PREVIOUS_YEAR = re.compile(r"(?:比|较)?(?:上年|去年)(?:同期)?(?:的)?(?:全[市省国区县州])?\s*$")
# A figure said to be last year's: 上年同期为下降1.3% (not 比上年下降, a change on it).
_PREVIOUS_YEAR_WAS = re.compile(r"(?<![比较])(?:上年|去年)同期(?:为|是)(?:下降|增长)?\s*$")
# The year a change starts from dates the figure right after it: 由2011年的全省第5位(上升到…).
_FROM_YEAR = re.compile(r"(?:由|从)[ \t]?((?:19|20)\d\d)[ \t]?年(?:的)?[^，,；;\d]{0,6}$")


def _year_for(
    timeline: Timeline,
    dates: DocumentDates,
    lo: int,
    pos: int,
    kind: str,
    part_year: int | None,
    part_year_named: bool,
    announced_year: int | None,
) -> tuple[int | None, str, str]:
    """(year, source, words) of the figure at ``pos``, nearest words first (see the module)."""
    paragraph = timeline.paragraph_start(lo)
    start_year = _FROM_YEAR.search(timeline.scan, max(lo, pos - 16), pos)
    own = timeline.year_before(lo, pos)
    earlier = timeline.year_before(paragraph, lo)
    if start_year is not None:
        return int(start_year.group(1)), "sentence", start_year.group()
    listed = listed_year(timeline.scan, pos)  # 2011年、2012年，…分别达到16495元、18700.5元
    if listed is not None:
        return listed[0], "sentence", listed[1]
    past = _past_year_word(timeline.scan, paragraph, pos, own or earlier)
    if past and kind == "actual" and dates.review_year is not None:
        return dates.review_year, "title", f"{past}: the year reviewed ({dates.why_review})"
    if own is not None:
        return own.year, "sentence", own.words
    plan = timeline.plan_before(lo, pos) if kind == "target" else None
    if plan is not None:
        return plan[2], "sentence", f"{plan[3]}: its last year"
    if kind == "target" and announced_year is not None:
        return announced_year, "announcement", f"{announced_year}年"
    if earlier is not None:
        return earlier.year, "paragraph", earlier.words
    if part_year_named and part_year is not None:
        return part_year, "part", f"{part_year}年"
    if kind == "target" and dates.plan_year is not None:
        return dates.plan_year, "title", dates.why_plan
    if kind == "actual" and dates.review_year is not None:
        return dates.review_year, "title", dates.why_review
    if part_year is not None:
        return part_year, "title", f"{part_year}年"
    if dates.today is not None:
        if dates.date_from:
            return dates.today, dates.date_from, dates.date
        return dates.today, "date", dates.date
    if timeline.main_year is not None:
        return timeline.main_year, "document", timeline.main_why
    return None, "unknown", ""


# 过去一年 (the year under review) opening what follows; 今年 or 明年 after it speaks of another.
_PAST_YEAR_WORD = re.compile(r"过去(?:的)?一年")
_OTHER_YEAR_WORD = re.compile(r"今年|本年|明年")


def _past_year_word(scan: str, paragraph: int, pos: int, year: YearMention | None) -> str:
    """过去一年 before the figure in its paragraph, after any year the paragraph names and with
    no 今年/明年 between: the figure is of the year the report reviews."""
    lo = year.start if year is not None else paragraph
    found = list(_PAST_YEAR_WORD.finditer(scan, lo, pos))
    if not found or _OTHER_YEAR_WORD.search(scan, found[-1].end(), pos):
        return ""
    return found[-1].group()


# A year opening what a whole place did or has: 2019年全县…, 2019年，全市….
_YEAR_OF_PLACE = re.compile(r"(?:19|20)\d\d[ \t]?年[，,]?全[市省县区州国]")


def _months_for(
    timeline: Timeline, dates: DocumentDates, lo: int, pos: int, kind: str, paragraph: int
) -> tuple[int, int, str]:
    """(first, last, words): a target covers its plan year; an actual the span named in its
    sentence, its paragraph or the headline, else the full year."""
    if kind == "target":
        return 1, 12, "the plan's year"
    span = timeline.span_before(lo, pos) or timeline.paragraph_span(paragraph, lo)
    head = dates.head_span
    own = timeline.year_before(lo, pos)
    if (
        span is not None
        and own is not None
        and span.end <= own.start
        and _YEAR_OF_PLACE.match(timeline.scan, own.start)
    ):
        # 确保一季度“开门红” 2017年，全州…增长11%: a year named after the span, none of its own
        return 1, 12, f"{span.words}, {own.words}: a place's year after the span, the full year"
    if span is None and own is not None and _YEAR_OF_PLACE.match(timeline.scan, own.start):
        # 2019年全县省级重点项目4个 in a half-year report: the place's year, no span, is the year
        return 1, 12, "a year named, no span: the full year"
    if span is None and head is not None and head.end <= pos:
        span = head
    span = span or dates.only_span
    if (
        span is not None
        and span.first == span.last
        and _TO_DATE.search(timeline.scan, max(lo, span.end), pos)
    ):
        return 1, span.last, f"{span.words}, 累计"  # 11月份当月…；累计完成…: the year to date
    if span is not None:
        return span.first, span.last, span.words
    return 1, 12, "no span named: the full year"


def period_for(
    timeline: Timeline,
    dates: DocumentDates,
    lo: int,
    pos: int,
    kind: str,
    part_year: int | None,
    part_year_named: bool,
    announced_year: int | None = None,
) -> FactPeriod:
    """The period of the figure at ``pos`` (sentence from ``lo``), nearest words first.

    A target's months are its plan year; an actual's come from the sentence, the paragraph, the
    headline, or else the full year.
    """
    scan = timeline.scan
    paragraph = timeline.paragraph_start(lo)
    year, source, words = _year_for(
        timeline, dates, lo, pos, kind, part_year, part_year_named, announced_year
    )
    first, last, month_words = _months_for(timeline, dates, lo, pos, kind, paragraph)
    # a page dated early in the year whose head names that year (多市2025年两会 on 2025-02-19):
    # the full year it reports as done is the year before
    # (not a year its first line prints: 伊州区2023年…统计公报 on a mirror dated 2023-05-12)
    dated_title = (
        source == "title"
        and year == dates.today
        and not dates.date_from
        and str(year) not in scan.lstrip().split("\n", 1)[0]
    )
    dated = (source in ("date", "given") or dated_title) and dates.date_month is not None
    if dated and kind != "target" and last > dates.date_month:
        year, words = (
            year - 1,
            f"{words}, month {last} not yet reached",
        )  # 全年 published in January (a target is of the year it is set in)
    previous = _PREVIOUS_YEAR.search(scan, max(lo, pos - 8), pos) or _PREVIOUS_YEAR_WAS.search(
        scan, max(lo, pos - 8), pos
    )
    if year is not None and previous:
        year, words = year - 1, f"{words}, 上年"
    if year is None:
        return FactPeriod(None, first, last, "unknown", "period unknown: the text names no year")
    where = {"given": "publication date given", "words": "words naming the year"}.get(
        source, source
    )
    why = f"period {year} from the {where} ({words}); months {first}-{last} ({month_words})"
    return FactPeriod(year, first, last, source, why)
