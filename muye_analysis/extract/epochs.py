"""The year of a text that prints none: a publication date the user gives (``given_date``), or
the words officials name the year by (``epoch_year``).

Some news items never print their year but name it the way officials do: 今年是“十四五”开局之年
(2021), 今年是“十三五”收官之年 (2020), 今年是建党100周年 (2021), or a growth 比2019年同期 beside a
两年平均 (a two-year average against 2019: the text is of 2021). Each cue fixes the year exactly;
a 两年平均 alone does not (2021 releases used it most, some 2022 and 2023 ones too), so it is no
cue. ``dating.document_dates`` takes the year from here only when the text prints no date and the
user gave none (``--published``).
"""

from __future__ import annotations

import re

from muye_analysis.text import parse_chinese_numeral

# The n-th five-year plan (十五 = the tenth, 2001-2005; 十四五 = the fourteenth, 2021-2025).
_PLAN = r"[“\"「]?十([一二三四五])?五[”\"」]?(?:规划|時期|时期)?"
_PLAN_YEAR = re.compile(
    rf"(?:今年|本年|明年)(?:是|为|將是|将是|是实施|是实现)?{_PLAN}(?P<role>开局之年|開局之年|起步之年"
    rf"|开篇之年|收官之年|收官年|决胜之年)"
)
# Anniversaries officials name the year by (今年是建党100周年): the founding year plus the years
# named (the Party 1921, the People's Republic 1949, reform and opening 1978).
_THIS_YEAR_IS = r"(?:今年|本年)(?:是|为|恰逢|正值)?"
_ANNIVERSARIES = (
    (re.compile(rf"{_THIS_YEAR_IS}(?:中国共产党)?(?:建党|成立)(?P<n>\d{{2,3}})周年"), 1921),
    (re.compile(rf"{_THIS_YEAR_IS}(?:新中国|中华人民共和国)成立(?P<n>\d{{2,3}})周年"), 1949),
    (re.compile(rf"{_THIS_YEAR_IS}改革开放(?P<n>\d{{2}})周年"), 1978),
    (re.compile(r"建党百年之年"), 1921 + 100),
)  # fmt: skip
_TWO_YEAR_AVERAGE = re.compile(r"两年平均|兩年平均")
# A growth on a base year two years back (比2019年同期增长13.5%), not a comparison with that
# year's own figure (比2021年同期两年平均…高0.2个百分点: the text is of 2022).
_BASE_YEAR = re.compile(
    r"(?:比|较|與|与|同)[ \t]?((?:19|20)\d\d)[ \t]?年同期(?:相比)?[，,]?(?:增长|增|下降|提高)"
)


def epoch_year(scan: str) -> tuple[int, str] | None:
    """(year, words) the text names its year by, or None."""
    m = _PLAN_YEAR.search(scan)
    if m:
        first = plan_last_year(m.group(1) or "") - 4  # 十五 (no numeral): the tenth, 2001-2005
        year = first if m["role"] in ("开局之年", "開局之年", "起步之年", "开篇之年") else first + 4
        if m.group().startswith("明年"):
            year -= 1
        return year, m.group()
    for pattern, founded in _ANNIVERSARIES:
        found = pattern.search(scan)
        if found:
            years = int(found["n"]) if "n" in pattern.groupindex else 0
            return founded + years, found.group()
    average = _TWO_YEAR_AVERAGE.search(scan)
    bases = {int(b.group(1)) for b in _BASE_YEAR.finditer(scan)}
    if average and len(bases) == 1:
        base = bases.pop()
        return base + 2, f"{average.group()}, 比{base}年同期"
    return None


_GIVEN = re.compile(
    r"\s*((?:19|20)\d\d)\s*(?:[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?)?\s*年?\s*"
)


def given_date(published: object) -> tuple[int, int, int | None, str] | None:
    """A publication date the user gives, as ``document_dates`` takes it: (-1, year, month, words).

    Accepts a ``datetime.date`` or text: 2021-07-20, 2021/7/20, 2021年7月20日, 2021-07, 2021.
    A year alone gives no month (a 全年 figure is then not moved to the year before).
    """
    import datetime as dt

    if published is None:
        return None
    if isinstance(published, dt.date):
        return -1, published.year, published.month, published.isoformat()
    m = _GIVEN.fullmatch(str(published))
    month = int(m.group(2)) if m and m.group(2) else None
    day = int(m.group(3)) if m and m.group(3) else 1
    if m is None or (month is not None and not 1 <= month <= 12) or not 1 <= day <= 31:
        raise ValueError(
            f"publication date {published!r} not understood: write it as 2021-07-20, "
            "2021年7月20日, 2021-07 or 2021"
        )
    return -1, int(m.group(1)), month, str(published).strip()


# A five-year plan by its number (“十二五”, 十四五规划); not 十五年 or 十五个. From the third
# (1966-1970) on, the n-th ends in 1955 + 5n; a target set for it is for its last year
# (十二五时期年均增速将达到11%).
FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五(?![年个])")


def plan_last_year(numeral: str) -> int:
    """The last year of the plan 十{numeral}五 (十五 has none: the tenth, 2005; 十四五: 2025)."""
    return 1955 + 5 * (10 + (parse_chinese_numeral(numeral) if numeral else 0))


def plan_end_year(text: str, lo: int, hi: int) -> int | None:
    """The last year of the five-year plan last named in ``text[lo:hi]`` (“十四五”目标: 2025)."""
    named = list(FIVE_YEAR_PLAN.finditer(text, lo, hi))
    return plan_last_year(named[-1].group(1)) if named else None
