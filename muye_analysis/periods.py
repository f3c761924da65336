"""Periods as the statistics bureau means them: a year, a first month and a last month.

Local statistics arrive cumulative from January (累计): 1-2月 (January and February are
published together), 1-3月 / 一季度, … 1-6月 / 上半年, 1-9月 / 前三季度, 1-12月 / 全年. Bureau
tables and 经济运行 reports also print single spans: a bare 二季度 / 三季度 / 四季度 (当季) is that
quarter alone (四季度 = October–December, never the full year), 4-6月 and 10-12月 are those months
alone, 下半年 is July–December, and a bare 3月 is usually March alone (当月).

:class:`Period` therefore carries ``year``, ``start_month`` and ``end_month``.
``parse_period`` reads every label form seen in bureau tables (2019年1-3月, 一季度, 第一季度, Q1,
2019Q1, 1季度, 上半年, 前三季度, 全年, 一至三月, 二季度, 第四季度, 2019Q2, 4-6月, 下半年, full-width
digits…). A label that could be read both ways (二季度: the quarter alone, or the year to date
through June? 3月: March alone, or January to March?) is settled by a ``context``: the column
header or table title, when it says 累计 (year to date), 当季 (the quarter alone) or 当月 (the
month alone). Without one, a quarter label is the quarter alone (the bureau's reading) and a bare
month other than 1月 is refused.

Single-span and cumulative growth convert into each other only with stated weights
(:func:`span_growth` and :func:`cumulative_growth`); the result carries the formula that made it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from muye_analysis.text import parse_chinese_numeral, to_halfwidth

MONTH_NAMES_EN = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
MONTH_NAMES_EN_FULL = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_QUARTER_ZH = {3: "一季度", 6: "上半年", 9: "前三季度", 12: "全年"}
_QUARTER_EN = {3: "Q1", 6: "H1", 9: "Q1-Q3", 12: "full year"}
_PHRASE_EN = {
    3: "the first quarter",
    6: "the first half",
    9: "the first three quarters",
    12: "the full year",
}
_REST_ZH = {3: "后三个季度", 6: "下半年", 9: "四季度"}
_REST_EN = {3: "the last three quarters", 6: "the second half", 9: "Q4"}
_SINGLE_QUARTER_ZH = {2: "二季度", 3: "三季度", 4: "四季度"}
_SINGLE_QUARTER_EN = {2: "Q2", 3: "Q3", 4: "Q4"}
_SINGLE_QUARTER_PHRASE_EN = {
    2: "the second quarter",
    3: "the third quarter",
    4: "the fourth quarter",
}

# What a header or title can say about the span of an ambiguous label.
CUMULATIVE = "cumulative"  # 累计: from January
QUARTER_ALONE = "quarter"  # 当季: the quarter alone
MONTH_ALONE = "month"  # 当月: the month alone
CONTEXTS = (CUMULATIVE, QUARTER_ALONE, MONTH_ALONE)
CONTEXT_ZH = {CUMULATIVE: "累计", QUARTER_ALONE: "当季", MONTH_ALONE: "当月"}

HOW_TO_GIVE_A_YEAR = (
    "write the year in the label (YYYY年1-3月 or YYYYQ1, e.g. with this year's number), "
    "add a 'year' column, or pass year=YYYY (on the command line: --year YYYY)."
)


class PeriodError(ValueError):
    """A label that is not a period; the message says how to write it."""


class BareMonthError(PeriodError):
    """A single month such as 3月: March alone, or January to March? ``month`` and ``year``
    (when the text gives one) let a caller decide from context, e.g. a monthly report's title."""

    def __init__(self, message: str, month: int, year: int | None = None) -> None:
        super().__init__(message)
        self.month, self.year = month, year


@dataclass(frozen=True, order=True)
class Period:
    """A span of months of one year: ``start_month`` to ``end_month`` of ``year``.

    ``Period(2019, 9)`` is the year to date 1-9月 (``start_month`` defaults to 1);
    ``Period.span(2019, 10, 12)`` is 四季度 alone. Periods sort by year, then end month.
    """

    year: int
    end_month: int
    start_month: int = field(default=1)

    def __post_init__(self) -> None:
        if not 1 <= self.end_month <= 12:
            raise PeriodError(f"end month must be 1..12, got {self.end_month}")
        if not 1 <= self.start_month <= self.end_month:
            raise PeriodError(
                f"start month must be 1..{self.end_month} (the end month), got {self.start_month}"
            )
        if not 1900 <= self.year <= 2100:
            raise PeriodError(f"implausible year {self.year}")

    @classmethod
    def span(cls, year: int, start_month: int, end_month: int) -> Period:
        """The months ``start_month``..``end_month`` of ``year``: ``Period.span(2019, 4, 6)``."""
        return cls(year, end_month, start_month)

    @property
    def is_cumulative(self) -> bool:
        """True for a year-to-date span (累计, from January)."""
        return self.start_month == 1

    @property
    def months(self) -> int:
        """How many months the span covers."""
        return self.end_month - self.start_month + 1

    @property
    def kind(self) -> str:
        """``cumulative`` (from January), ``quarter`` (a calendar quarter alone), ``month``
        (one month alone) or ``span`` (other months alone, e.g. 下半年)."""
        if self.is_cumulative:
            return CUMULATIVE
        if self.start_month == self.end_month:
            return MONTH_ALONE
        if self.months == 3 and self.end_month % 3 == 0:
            return QUARTER_ALONE
        return "span"

    @property
    def quarter(self) -> int | None:
        """The quarter the span ends with (1-4), or None when it ends mid-quarter."""
        return self.end_month // 3 if self.end_month % 3 == 0 else None

    @property
    def elapsed_months(self) -> int:
        """Months of the year gone by at the end of the span."""
        return self.end_month

    def year_to_date(self) -> Period:
        """The cumulative span ending where this one ends (四季度 -> 1-12月)."""
        return Period(self.year, self.end_month)

    @property
    def code(self) -> str:
        """Compact sortable identifier (not an input label). The year to date keeps its
        codes: 2019Q3 = 1-9月累计 at a quarter end, 2019M05 = 1-5月; a span alone names its
        months: 2019M07-09 (三季度 alone), 2019M09-09 (September alone)."""
        if self.is_cumulative:
            if self.quarter is not None:
                return f"{self.year}Q{self.quarter}"
            return f"{self.year}M{self.end_month:02d}"
        return f"{self.year}M{self.start_month:02d}-{self.end_month:02d}"

    def label(self, lang: str = "zh") -> str:
        """Full label with year: 2019年1-3月 / Jan-Mar 2019; 2019年4-6月 for a quarter alone."""
        if lang == "zh":
            return f"{self.year}年{self.months_zh()}"
        return f"{self.months_en()} {self.year}"

    def months_zh(self) -> str:
        """The month span without a year: 1-3月, 4-6月, 1月; a month alone: 3月当月."""
        if self.start_month == self.end_month:
            return "1月" if self.end_month == 1 else f"{self.end_month}月当月"
        return f"{self.start_month}-{self.end_month}月"

    def months_en(self) -> str:
        """The month span without a year: Jan-Mar, Apr-Jun, Mar."""
        if self.start_month == self.end_month:
            return MONTH_NAMES_EN[self.end_month - 1]
        return f"{MONTH_NAMES_EN[self.start_month - 1]}-{MONTH_NAMES_EN[self.end_month - 1]}"

    def name(self, lang: str = "zh") -> str:
        """What economists call the span: 一季度, 上半年, 前三季度, 全年, 二季度, 下半年, else the
        months (1-5月, 4-5月) (Q1, H1, Q1-Q3, Q2, H2…)."""
        zh = lang == "zh"
        if self.is_cumulative:
            table = _QUARTER_ZH if zh else _QUARTER_EN
            return table.get(self.end_month, self.months_zh() if zh else self.months_en())
        if self.kind == QUARTER_ALONE:
            q = self.end_month // 3
            return _SINGLE_QUARTER_ZH[q] if zh else _SINGLE_QUARTER_EN[q]
        if (self.start_month, self.end_month) == (7, 12):
            return "下半年" if zh else "H2"
        return self.months_zh() if zh else self.months_en()

    def phrase(self, lang: str = "zh") -> str:
        """The span inside a sentence: 前三季度 / the first three quarters / January-May."""
        if lang == "zh":
            return self.name("zh")
        if self.is_cumulative:
            if self.end_month in _PHRASE_EN:
                return _PHRASE_EN[self.end_month]
            if self.end_month == 1:
                return "January"
            return f"January–{MONTH_NAMES_EN_FULL[self.end_month - 1]}"
        if self.kind == QUARTER_ALONE:
            return _SINGLE_QUARTER_PHRASE_EN[self.end_month // 3]
        if (self.start_month, self.end_month) == (7, 12):
            return "the second half"
        first, last = (MONTH_NAMES_EN_FULL[m - 1] for m in (self.start_month, self.end_month))
        return first if self.months == 1 else f"{first}–{last}"

    def rest_phrase(self, lang: str = "zh") -> str:
        """The rest of the year: 四季度 / 下半年 / 6-12月 (Q4 / the second half / June–December)."""
        if self.end_month == 12:
            raise PeriodError("the full year has no remaining months")
        first = self.end_month + 1
        if lang == "zh":
            if self.end_month in _REST_ZH:
                return _REST_ZH[self.end_month]
            return "12月" if first == 12 else f"{first}-12月"
        if self.end_month in _REST_EN:
            return _REST_EN[self.end_month]
        if first == 12:
            return "December"
        return f"{MONTH_NAMES_EN_FULL[first - 1]}–December"

    def rest(self) -> Period:
        """The months after this span, to December, as a Period (1-9月 -> 10-12月)."""
        if self.end_month == 12:
            raise PeriodError("the full year has no remaining months")
        return Period.span(self.year, self.end_month + 1, 12)

    def __str__(self) -> str:
        return self.label("zh")


# -- context: 累计 / 当季 / 当月 --------------------------------------------------------------

_CONTEXT_PATTERNS = (
    # 本月止 / 截至9月 / 1-9月止 are the year to date through that month.
    (CUMULATIVE, re.compile(r"累计|本年|止|截至|截止|YTD|CUMULATIVE", re.IGNORECASE)),
    (QUARTER_ALONE, re.compile(r"当季|本季(?!度?止)|单季|季度值|QUARTERALONE", re.IGNORECASE)),
    (MONTH_ALONE, re.compile(r"当月|本月(?!止)|单月|MONTHALONE", re.IGNORECASE)),
)


def span_context(text: object) -> str | None:
    """What a header or title says about its spans: ``cumulative`` (累计, 本年, 止, 截至),
    ``quarter`` (当季, 本季, 单季), ``month`` (当月, 本月, 单月), or None when it says none or
    more than one (a merged header over 当月 and 累计 decides nothing).

    >>> span_context("1-9月累计值(亿元)"), span_context("二季度当季增速"), span_context("增长%")
    ('cumulative', 'quarter', None)
    """
    if text is None:
        return None
    if isinstance(text, str) and text in CONTEXTS:
        return text
    normal = normalise_label(str(text))
    found = {kind for kind, pattern in _CONTEXT_PATTERNS if pattern.search(normal)}
    return found.pop() if len(found) == 1 else None


# -- parsing -----------------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_QNUM = "[1-4一二三四]"
_ALTERNATIVES = (
    rf"(?P<m1>{_NUM})月?份?-(?P<m2>{_NUM})月份?",  # 1-3月, 1月-3月, 一至三月, 4-6月
    rf"(?P<q1>{_QNUM})-(?P<q2>{_QNUM})季度",  # 一至三季度, 1-3季度, 二至四季度
    r"前(?P<qn>[2-4二两三四])个?季度",  # 前三季度
    rf"(?P<first>第)?(?P<q>{_QNUM})季度",  # 一季度, 第一季度, 1季度, 二季度
    r"Q(?P<ql>[1-4])",  # Q1, 2019Q1, 2019Q2
    r"(?P<h1>上半年|H1)",
    r"(?P<h2>下半年|H2)",
    r"(?P<full>全年|年度|FY|FULLYEAR)",
    rf"(?P<m>{_NUM})月份?",  # a bare month: 1月 is both; others need a context
)
_YEAR = r"(?P<year>(?:19|20)\d{2})(?:年|-|/|\.)?"
_TRAILING_YEAR = r"(?:-?(?P<year2>(?:19|20)\d{2})年?)"  # Q1 2019, FY2019
_PERIOD = re.compile(rf"(?:{_YEAR})?(?:{'|'.join(_ALTERNATIVES)}){_TRAILING_YEAR}?")
_YEAR_ONLY = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|$|(?!\d))")
# Words around a label that do not change its months (the context words are read first):
# 2019年1-9月累计, 1-9月止, 截至9月底, 二季度当季, 9月当月.
_SUFFIX = re.compile(r"(?:累计值?|止|合计|份|底|末|当季|当月|单季|单月|本季|本月)+$")
_PREFIX = re.compile(r"^截止")  # 截至 and 截止到 are normalised to 截止
_DASHES = re.compile(r"[－—–~〜～至到]")


def normalise_label(text: str) -> str:
    """Half-width, no spaces, one kind of dash, upper-case Latin letters."""
    text = to_halfwidth(str(text)).replace("截至", "截止").replace("截止到", "截止")  # no dash
    text = _DASHES.sub("-", text)
    text = re.sub(r"\s+", "", text)
    return text.upper()


def _number(text: str) -> int:
    return int(text) if text.isdigit() else parse_chinese_numeral(text.replace("两", "二"))


def _check_month(month: int, original: str) -> int:
    if not 1 <= month <= 12:
        raise PeriodError(f"{original!r}: no month {month}.")
    return month


def _months(match: re.Match[str], original: str, context: str | None) -> tuple[int, int]:
    """(first month, last month) of the span a regex match describes, read with ``context``."""
    g = match.groupdict()
    if g["m1"] is not None:
        start = _check_month(_number(g["m1"]), original)
        end = _check_month(_number(g["m2"]), original)
        if start > end:
            raise PeriodError(f"{original!r} runs backwards (month {start} to {end}).")
        return start, end
    if g["q1"] is not None:
        start, end = _number(g["q1"]), _number(g["q2"])
        if start > end:
            raise PeriodError(f"{original!r} runs backwards (quarter {start} to {end}).")
        return 3 * start - 2, 3 * end
    if g["qn"] is not None:
        return 1, 3 * _number(g["qn"])
    for group in ("q", "ql"):
        if g[group] is not None:
            q = _number(g[group])
            # The bureau's reading: a bare 二季度 is April-June alone (当季); a header or title
            # saying 累计 makes it the year to date through June.
            return (1 if context == CUMULATIVE else 3 * q - 2), 3 * q
    if g["h1"] is not None:
        return 1, 6
    if g["h2"] is not None:
        return (1 if context == CUMULATIVE else 7), 12
    if g["full"] is not None:
        return 1, 12
    month = _check_month(_number(g["m"]), original)
    if month == 1 or context == CUMULATIVE:
        return 1, month
    if context == MONTH_ALONE:
        return month, month
    name = MONTH_NAMES_EN_FULL[month - 1]
    raise BareMonthError(
        f"{original!r} could be {name} alone or January–{name}; write the cumulative span "
        f"1-{month}月 (or {month}月当月 for the month alone), or say 累计 or 当月 in the header.",
        month,
    )


YTD_EXAMPLE = "YYYY年1-9月"  # how a year-to-date label is written, for error messages
_FORMS = (
    "use forms such as YYYY年1-3月, 1-6月, 一季度, 上半年, 前三季度, 全年 (year to date), "
    "二季度 or YYYYQ2 (the quarter alone), 4-6月 or 下半年."
)


def parse_period(label: object, *, year: int | None = None, context: object = None) -> Period:
    """Read a period label into a :class:`Period`.

    ``year`` is used when the label carries none; a year in the label wins. ``context`` is the
    column header or table title the label sits under (or one of :data:`CONTEXTS`); when it
    says 累计 / 当季 / 当月 it settles a label that could be read both ways. A word in the label
    itself (二季度累计, 9月当月) wins over the context.

    >>> parse_period("2019年1-3月")
    Period(year=2019, end_month=3, start_month=1)
    >>> parse_period("二季度", year=2019).label()   # the quarter alone
    '2019年4-6月'
    >>> parse_period("二季度", year=2019, context="本年累计").label()
    '2019年1-6月'
    >>> parse_period("一至五月", year=2019).label("en")
    'Jan-May 2019'
    """
    original = str(label).strip()
    normal = normalise_label(original)
    context = span_context(normal) or span_context(context)
    text = _SUFFIX.sub("", _PREFIX.sub("", normal))
    match = _PERIOD.fullmatch(text)
    if match is None:
        raise PeriodError(f"{original!r} is not a period label; {_FORMS}")
    start, end = _months(match, original, context)
    found = match["year"] or match["year2"]
    chosen = int(found) if found else year
    if chosen is None:
        raise PeriodError(f"period {original!r} has no year: {HOW_TO_GIVE_A_YEAR}")
    return Period(chosen, end, start)


def parse_ytd_period(label: object, *, year: int | None = None, context: object = None) -> Period:
    """:func:`parse_period`, refusing spans that do not start in January (for year-to-date
    inputs such as ``muye run --as-of``)."""
    period = parse_period(label, year=year, context=context)
    if not period.is_cumulative:
        raise PeriodError(
            f"{str(label).strip()!r} is {period.label('zh')} alone, not a year-to-date span; "
            f"write 1-{period.end_month}月 for the year to date."
        )
    return period


@dataclass(frozen=True)
class FoundSpan:
    """A period found in free text: the year when the text gives one, and the months."""

    year: int | None
    start_month: int
    end_month: int

    def period(self, year: int) -> Period:
        return Period(self.year or year, self.end_month, self.start_month)


def find_span(text: object, *, context: object = None) -> FoundSpan | None:
    """Search free text (a table title or header) for a period, read with the text's own
    累计/当季/当月 words or else ``context``. None when the text names no period.

    >>> find_span("2019年4-6月当季")
    FoundSpan(year=2019, start_month=4, end_month=6)
    >>> find_span("二季度", context="累计")
    FoundSpan(year=None, start_month=1, end_month=6)
    """
    original = str(text)
    normal = normalise_label(original)
    match = _PERIOD.search(normal)
    if match is None:
        return None
    found = match["year"] or match["year2"]
    year = int(found) if found else None
    ctx = span_context(normal) or span_context(context)
    try:
        start, end = _months(match, original, ctx)
    except BareMonthError as exc:
        exc.year = year
        raise
    return FoundSpan(year, start, end)


def find_period(text: object, *, context: object = None) -> tuple[int | None, int] | None:
    """Search free text for a year-to-date period: (year or None, end month).

    Returns None when the text names no period; raises PeriodError when it names one that is
    not year to date (4-6月, 下半年, a bare 二季度 without 累计, a bare 3月).

    >>> find_period("2019年1-9月牧野区主要经济指标")
    (2019, 9)
    >>> find_period("1-3月累计值(亿元)")
    (None, 3)
    """
    found = find_span(text, context=context)
    if found is None:
        return None
    if found.start_month != 1:
        label = Period(found.year or 2000, found.end_month, found.start_month).months_zh()
        raise PeriodError(
            f"{str(text)!r} is {label} alone, not a year-to-date figure; give the cumulative "
            f"value from January (1-{found.end_month}月), or say 累计 in the header."
        )
    return found.year, found.end_month


def find_year(text: object) -> int | None:
    """The first four-digit year (19xx/20xx) in free text, or None."""
    match = _YEAR_ONLY.search(normalise_label(str(text)))
    return int(match.group(1)) if match else None


def quarter_ends(year: int) -> list[Period]:
    """The four quarter-end periods of ``year``: 1-3月, 1-6月, 1-9月, 1-12月."""
    return [Period(year, m) for m in (3, 6, 9, 12)]


def compilation_periods(year: int, frequency: str = "monthly") -> list[Period]:
    """The year-to-date periods an indicator is published for, before the full year.

    ``quarterly`` (district GDP in the city's unified accounting): 1-3, 1-6, 1-9月;
    ``monthly`` (industry, investment, retail sales, budget revenue): 1-2月 first (January and
    February are published together), then 1-3 … 1-11月.
    """
    if frequency == "quarterly":
        return [Period(year, m) for m in (3, 6, 9)]
    if frequency == "monthly":
        return [Period(year, m) for m in range(2, 12)]
    raise ValueError("frequency must be 'monthly' or 'quarterly'")


# -- single span <-> year to date, only with stated weights --------------------------------------


@dataclass(frozen=True)
class DerivedGrowth:
    """A growth rate (%) converted between spans, with the weight used and how it was made."""

    value: float
    period: Period
    weight: float
    weights_source: str
    derived: str  # the formula, for the store's ``derived`` column

    def __float__(self) -> float:
        return self.value


def _check_weight(weight: float) -> float:
    if not (isinstance(weight, (int, float)) and 0 < weight < 1):
        raise ValueError(
            f"the weight must be strictly between 0 and 1, got {weight!r}: last year's level "
            "for the earlier span over last year's level for the longer one."
        )
    return float(weight)


def span_growth(
    ytd: Period,
    ytd_growth: float,
    earlier: Period,
    earlier_growth: float,
    weight: float,
    *,
    weights_source: str,
) -> DerivedGrowth:
    """Growth of the months between two year-to-date spans, e.g. 四季度 from 1-12月 and 1-9月.

    ``weight`` = last year's level for ``earlier`` ÷ last year's level for ``ytd`` (both
    cumulative); ``weights_source`` says where it came from (上年同期 levels, or an assumption).
    g_span = (g_ytd − w·g_earlier) / (1 − w).

    >>> round(span_growth(Period(2019, 12), 6.0, Period(2019, 9), 5.0, 160 / 220,
    ...                   weights_source="上年同期").value, 2)
    8.67
    """
    if not (ytd.is_cumulative and earlier.is_cumulative and ytd.year == earlier.year):
        raise ValueError("both spans must be year to date in the same year")
    if earlier.end_month >= ytd.end_month:
        raise ValueError(f"{earlier.label()} must end before {ytd.label()}")
    w = _check_weight(weight)
    value = (ytd_growth - w * earlier_growth) / (1 - w)
    span = Period.span(ytd.year, earlier.end_month + 1, ytd.end_month)
    formula = (
        f"({ytd.months_zh()}增速 − w×{earlier.months_zh()}增速)/(1 − w), "
        f"w = 上年{earlier.months_zh()}/上年{ytd.months_zh()} = {w:.4f} ({weights_source})"
    )
    return DerivedGrowth(value, span, w, weights_source, formula)


def cumulative_growth(
    earlier: Period,
    earlier_growth: float,
    span: Period,
    span_growth_pct: float,
    weight: float,
    *,
    weights_source: str,
) -> DerivedGrowth:
    """Year-to-date growth from the year to date before a span and the span's own growth, e.g.
    1-6月 from 一季度 and 二季度 alone: g = w·g_earlier + (1 − w)·g_span, with ``weight`` =
    last year's level for ``earlier`` ÷ last year's level through the span's end.

    >>> round(cumulative_growth(Period(2019, 3), 4.0, Period.span(2019, 4, 6), 6.0, 0.45,
    ...                         weights_source="上年同期").value, 2)
    5.1
    """
    if not earlier.is_cumulative or span.year != earlier.year:
        raise ValueError("earlier must be year to date, in the span's year")
    if span.start_month != earlier.end_month + 1:
        raise ValueError(f"{span.label()} must follow {earlier.label()} directly")
    w = _check_weight(weight)
    value = w * earlier_growth + (1 - w) * span_growth_pct
    ytd = Period(span.year, span.end_month)
    formula = (
        f"w×{earlier.months_zh()}增速 + (1 − w)×{span.months_zh()}增速, "
        f"w = 上年{earlier.months_zh()}/上年{ytd.months_zh()} = {w:.4f} ({weights_source})"
    )
    return DerivedGrowth(value, ytd, w, weights_source, formula)


def axis_label(code: str, lang: str = "zh") -> str:
    """A year-to-date period code (:meth:`Period.code`: 2015Q3 is 1-9月累计, 2015M05 is 1-5月,
    2015M01-09 also 1-9月) as a two-line axis label: "1-9月" over "2015" (English "Jan-Sep"
    over "2015"). A span alone (2015M07-09) and other text are returned unchanged."""
    match = re.fullmatch(r"(\d{4})(?:Q([1-4])|M(?:01-)?(\d\d))", str(code))
    if not match:
        return str(code)
    end_month = 3 * int(match[2]) if match[2] else int(match[3])
    period = Period(int(match[1]), end_month)
    months = period.months_zh() if lang == "zh" else period.months_en()
    return f"{months}\n{period.year}"
