"""Canonical year-to-date periods.

Local statistics arrive cumulative from January: 1-2月 (January and February are published
together), 1-3月 / 一季度, … 1-6月 / 上半年, 1-9月 / 前三季度, 1-12月 / 全年. A period is therefore
fully described by its year and the last month of the span; the start month is always 1.

``parse_period`` reads every label form seen in bureau tables (2024年1-3月, 一季度, 第一季度, Q1,
2024Q1, 1季度, 上半年, 前三季度, 全年, 一至三月, full-width digits…) into a :class:`Period`.
A quarter label means the year to date *through* that quarter (二季度 = 1-6月), the convention of
data.stats.gov.cn for its 累计值 series; a single-quarter or single-month span such as 4-6月 or
3月 is refused because it is not year to date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.text import parse_chinese_numeral, to_halfwidth

MONTH_NAMES_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")  # fmt: skip
MONTH_NAMES_EN_FULL = ("January", "February", "March", "April", "May", "June", "July",
                       "August", "September", "October", "November", "December")  # fmt: skip
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

HOW_TO_GIVE_A_YEAR = (
    "write the year in the label (2024年1-3月 or 2024Q1), add a 'year' column, "
    "or pass year=2024 (on the command line: --year 2024)."
)


class PeriodError(ValueError):
    """A label that is not a year-to-date period; the message says how to write it."""


class BareMonthError(PeriodError):
    """A single month such as 3月: March alone, or January to March? ``month`` and ``year``
    (when the text gives one) let a caller decide from context, e.g. a monthly report's title."""

    def __init__(self, message: str, month: int, year: int | None = None) -> None:
        super().__init__(message)
        self.month, self.year = month, year


@dataclass(frozen=True, order=True)
class Period:
    """A year-to-date span: January to ``end_month`` of ``year``."""

    year: int
    end_month: int

    def __post_init__(self) -> None:
        if not 1 <= self.end_month <= 12:
            raise PeriodError(f"end month must be 1..12, got {self.end_month}")
        if not 1900 <= self.year <= 2100:
            raise PeriodError(f"implausible year {self.year}")

    @property
    def start_month(self) -> int:
        """Always 1: every period is cumulative from January."""
        return 1

    @property
    def quarter(self) -> int | None:
        """The quarter the span ends with (1-4), or None when it ends mid-quarter."""
        return self.end_month // 3 if self.end_month % 3 == 0 else None

    @property
    def elapsed_months(self) -> int:
        """Months covered so far."""
        return self.end_month

    @property
    def code(self) -> str:
        """Compact sortable code: 2024Q3 at quarter ends, else 2024M05."""
        if self.quarter is not None:
            return f"{self.year}Q{self.quarter}"
        return f"{self.year}M{self.end_month:02d}"

    def label(self, lang: str = "zh") -> str:
        """Full label with year: 2024年1-3月 / Jan-Mar 2024."""
        if lang == "zh":
            return f"{self.year}年{self.months_zh()}"
        return f"{self.months_en()} {self.year}"

    def months_zh(self) -> str:
        """The month span without a year: 1-3月 (just 1月 for January alone)."""
        return "1月" if self.end_month == 1 else f"1-{self.end_month}月"

    def months_en(self) -> str:
        """The month span without a year: Jan-Mar."""
        if self.end_month == 1:
            return "Jan"
        return f"Jan-{MONTH_NAMES_EN[self.end_month - 1]}"

    def name(self, lang: str = "zh") -> str:
        """What economists call the span: 一季度, 上半年, 前三季度, 全年, else 1-5月 (Q1, H1…)."""
        if lang == "zh":
            return _QUARTER_ZH.get(self.end_month, self.months_zh())
        return _QUARTER_EN.get(self.end_month, self.months_en())

    def phrase(self, lang: str = "zh") -> str:
        """The span inside a sentence: 前三季度 / the first three quarters / January-May."""
        if lang == "zh":
            return self.name("zh")
        if self.end_month in _PHRASE_EN:
            return _PHRASE_EN[self.end_month]
        if self.end_month == 1:
            return "January"
        return f"January–{MONTH_NAMES_EN_FULL[self.end_month - 1]}"

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

    def __str__(self) -> str:
        return self.label("zh")


# -- parsing -----------------------------------------------------------------------------------

_CN = "一二三四五六七八九十"
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_QNUM = "[1-4一二三四]"
_ALTERNATIVES = (
    rf"(?P<m1>{_NUM})月?份?-(?P<m2>{_NUM})月份?",  # 1-3月, 1月-3月, 一至三月
    rf"(?P<q1>{_QNUM})-(?P<q2>{_QNUM})季度",  # 一至三季度, 1-3季度
    r"前(?P<qn>[2-4二两三四])个?季度",  # 前三季度
    rf"第?(?P<q>{_QNUM})季度",  # 一季度, 第一季度, 1季度
    r"Q(?P<ql>[1-4])",  # Q1, 2024Q1
    r"(?P<h1>上半年|H1)",
    r"(?P<h2>下半年|H2)",
    r"(?P<full>全年|年度|FY|FULLYEAR)",
    rf"(?P<m>{_NUM})月份?",  # a bare month: only 1月 is year to date
)
_YEAR = r"(?P<year>(?:19|20)\d{2})(?:年|-|/|\.)?"
_TRAILING_YEAR = r"(?:-?(?P<year2>(?:19|20)\d{2})年?)"  # Q1 2024, FY2024
_PERIOD = re.compile(rf"(?:{_YEAR})?(?:{'|'.join(_ALTERNATIVES)}){_TRAILING_YEAR}?")
_YEAR_ONLY = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|$|(?!\d))")
# Words that may follow a label without changing it: 2024年1-3月累计, 1-9月止.
_SUFFIX = re.compile(r"(?:累计值?|止|合计|份)+$")
_DASHES = re.compile(r"[－—–~〜～至到]")


def normalise_label(text: str) -> str:
    """Half-width, no spaces, one kind of dash, upper-case Latin letters."""
    text = to_halfwidth(str(text))
    text = _DASHES.sub("-", text)
    text = re.sub(r"\s+", "", text)
    return text.upper()


def _number(text: str) -> int:
    return int(text) if text.isdigit() else parse_chinese_numeral(text.replace("两", "二"))


def _end_month(match: re.Match[str], original: str) -> int:
    """The last month of the span a regex match describes, or PeriodError if not year to date."""
    g = match.groupdict()
    if g["m1"] is not None:
        start, end = _number(g["m1"]), _number(g["m2"])
        if start != 1:
            raise PeriodError(
                f"{original!r} does not start in January, so it is not a year-to-date figure; "
                f"give the cumulative value from January (1-{end}月)."
            )
        return end
    if g["q1"] is not None:
        start, end = _number(g["q1"]), _number(g["q2"])
        if start != 1:
            raise PeriodError(
                f"{original!r} does not start with the first quarter; give the cumulative "
                f"value (1-{3 * end}月)."
            )
        return 3 * end
    for group in ("qn", "q", "ql"):
        if g[group] is not None:
            return 3 * _number(g[group])
    if g["h1"] is not None:
        return 6
    if g["h2"] is not None:
        raise PeriodError(
            f"{original!r} is the second half alone, not a year-to-date figure; "
            "give the full-year (全年) cumulative value."
        )
    if g["full"] is not None:
        return 12
    month = _number(g["m"])
    if month != 1:
        raise BareMonthError(
            f"{original!r} could be {MONTH_NAMES_EN_FULL[month - 1]} alone or "
            f"January–{MONTH_NAMES_EN_FULL[month - 1]}; write the cumulative span 1-{month}月.",
            month,
        )
    return 1


def _make(year: int | None, end_month: int, original: str) -> Period:
    if not 1 <= end_month <= 12:
        raise PeriodError(f"{original!r}: no month {end_month}.")
    if year is None:
        raise PeriodError(f"period {original!r} has no year: {HOW_TO_GIVE_A_YEAR}")
    return Period(year, end_month)


def parse_period(label: object, *, year: int | None = None) -> Period:
    """Read a year-to-date label into a :class:`Period`.

    ``year`` is used when the label carries none; a year in the label wins.

    >>> parse_period("2024年1-3月")
    Period(year=2024, end_month=3)
    >>> parse_period("前三季度", year=2024)
    Period(year=2024, end_month=9)
    >>> parse_period("一至五月", year=2024).label("en")
    'Jan-May 2024'
    """
    original = str(label).strip()
    text = _SUFFIX.sub("", normalise_label(original))
    match = _PERIOD.fullmatch(text)
    if match is None:
        raise PeriodError(
            f"{original!r} is not a year-to-date period label; use forms such as 2024年1-3月, "
            "1-6月, 一季度, 上半年, 前三季度, 全年 or 2024Q3."
        )
    end = _end_month(match, original)
    found = match["year"] or match["year2"]
    return _make(int(found) if found else year, end, original)


def find_period(text: object) -> tuple[int | None, int] | None:
    """Search free text (a table title or header) for a period: (year or None, end month).

    Returns None when the text names no period; raises PeriodError when it names one that is
    not year to date (4-6月, 下半年, a bare 3月).

    >>> find_period("2024年1-9月牧野区主要经济指标")
    (2024, 9)
    >>> find_period("1-3月累计值(亿元)")
    (None, 3)
    """
    original = str(text)
    match = _PERIOD.search(normalise_label(original))
    if match is None:
        return None
    found = match["year"] or match["year2"]
    year = int(found) if found else None
    try:
        return year, _end_month(match, original)
    except BareMonthError as exc:
        exc.year = year
        raise


def find_year(text: object) -> int | None:
    """The first four-digit year (19xx/20xx) in free text, or None."""
    match = _YEAR_ONLY.search(normalise_label(str(text)))
    return int(match.group(1)) if match else None


def quarter_ends(year: int) -> list[Period]:
    """The four quarter-end periods of ``year``: 1-3月, 1-6月, 1-9月, 1-12月."""
    return [Period(year, m) for m in (3, 6, 9, 12)]
