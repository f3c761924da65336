"""Periods as spans: every label form maps to (year, first month, last month)."""

from __future__ import annotations

import pytest

from muye_analysis.periods import (
    CUMULATIVE,
    MONTH_ALONE,
    QUARTER_ALONE,
    BareMonthError,
    FoundSpan,
    Period,
    PeriodError,
    compilation_periods,
    cumulative_growth,
    find_period,
    find_span,
    find_year,
    parse_period,
    parse_ytd_period,
    quarter_ends,
    span_context,
    span_growth,
)

# -- year to date: every cumulative form starts in January ------------------------------------


@pytest.mark.parametrize(
    ("label", "end_month"),
    [
        ("1-3月", 3),
        ("一季度", 3),
        ("第一季度", 3),
        ("1季度", 3),
        ("Q1", 3),
        ("q1", 3),
        ("1-2月", 2),
        ("1月", 1),
        ("上半年", 6),
        ("1-6月", 6),
        ("H1", 6),
        ("前两季度", 6),
        ("前三季度", 9),
        ("1-9月", 9),
        ("一至三季度", 9),
        ("1-3季度", 9),
        ("1-11月", 11),
        ("全年", 12),
        ("1-12月", 12),
        ("年度", 12),
        ("一至三月", 3),
        ("一至五月份", 5),
        ("1月-3月", 3),
        ("1～5月", 5),
        ("1—5月", 5),
        ("１－３月", 3),
        ("1-9月累计", 9),
        ("1-9月止", 9),
        (" 1 - 9 月 ", 9),
        ("截至9月", 9),
        ("截至9月底", 9),
        ("截止到9月", 9),
        ("9月累计", 9),
        ("二季度累计", 6),
        ("第四季度累计", 12),
    ],
)
def test_year_to_date_labels_start_in_january(label, end_month):
    assert parse_period(label, year=2024) == Period(2024, end_month)
    assert parse_period(label, year=2024).start_month == 1


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2024年1-3月", Period(2024, 3)),
        ("2024年1-5月", Period(2024, 5)),
        ("2024Q1", Period(2024, 3)),
        ("2024年一季度", Period(2024, 3)),
        ("2024年前三季度", Period(2024, 9)),
        ("2023年全年", Period(2023, 12)),
        ("２０２４年１－９月", Period(2024, 9)),
        ("FY2023", Period(2023, 12)),
        ("2024-Q3", Period.span(2024, 7, 9)),
        ("Q2 2024", Period.span(2024, 4, 6)),
        ("2024年四季度", Period.span(2024, 10, 12)),
    ],
)
def test_year_in_the_label_wins_over_the_argument(label, expected):
    assert parse_period(label) == expected
    assert parse_period(label, year=1999) == expected


# -- single spans: the quarter, the months or the half alone ----------------------------------


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("二季度", 4, 6),
        ("第二季度", 4, 6),
        ("2季度", 4, 6),
        ("三季度", 7, 9),
        ("第三季度", 7, 9),
        ("四季度", 10, 12),
        ("第四季度", 10, 12),
        ("Q2", 4, 6),
        ("Q4", 10, 12),
        ("2024Q2", 4, 6),
        ("4-6月", 4, 6),
        ("10-12月", 10, 12),
        ("7月-9月", 7, 9),
        ("下半年", 7, 12),
        ("H2", 7, 12),
        ("二至四季度", 4, 12),
        ("二季度当季", 4, 6),
        ("9月当月", 9, 9),
        ("3月份当月", 3, 3),
    ],
)
def test_single_span_labels_are_that_span_alone(label, start, end):
    period = parse_period(label, year=2024)
    assert (period.start_month, period.end_month) == (start, end)
    assert not period.is_cumulative


def test_four_quarter_is_october_to_december_never_the_full_year():
    q4 = parse_period("四季度", year=2024)
    assert q4 != parse_period("全年", year=2024)
    assert q4.label("zh") == "2024年10-12月"
    assert q4.year_to_date() == Period(2024, 12)


# -- context: a header or title saying 累计 / 当季 / 当月 decides ----------------------------


@pytest.mark.parametrize(
    ("label", "context", "start", "end"),
    [
        ("二季度", "本年累计", 1, 6),  # a 累计 column headed 二季度: through June
        ("二季度", "累计增速(%)", 1, 6),
        ("三季度", CUMULATIVE, 1, 9),
        ("下半年", "累计", 1, 12),
        ("二季度", "当季", 4, 6),
        ("二季度", None, 4, 6),  # no context: the bureau's reading, the quarter alone
        ("3月", "本月止累计", 1, 3),
        ("3月", "累计值", 1, 3),
        ("3月", "当月", 3, 3),
        ("3月", "本月", 3, 3),
        ("3月", MONTH_ALONE, 3, 3),
        ("1月", None, 1, 1),  # January is both
        ("1-3月", "当季", 1, 3),  # explicit months are never reinterpreted
        ("4-6月", "累计", 4, 6),
        ("二季度当季", "累计", 4, 6),  # a word in the label wins over its header
        ("9月累计", "当月", 1, 9),
    ],
)
def test_context_settles_labels_that_read_both_ways(label, context, start, end):
    period = parse_period(label, year=2024, context=context)
    assert (period.start_month, period.end_month) == (start, end)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("1-9月累计值(亿元)", CUMULATIVE),
        ("本年累计", CUMULATIVE),
        ("本月止", CUMULATIVE),
        ("截至9月底", CUMULATIVE),
        ("二季度当季增速", QUARTER_ALONE),
        ("本季", QUARTER_ALONE),
        ("当月", MONTH_ALONE),
        ("本月", MONTH_ALONE),
        ("增长%", None),
        ("当月 累计", None),  # a header over both decides nothing
        (None, None),
    ],
)
def test_span_context_reads_the_header_words(text, kind):
    assert span_context(text) == kind


def test_a_bare_month_without_context_is_refused_with_both_fixes():
    with pytest.raises(BareMonthError, match=r"March alone or January–March.*1-3月.*3月当月"):
        parse_period("3月", year=2024)


def test_period_without_year_says_how_to_give_one():
    with pytest.raises(PeriodError, match=r"no year: .*YYYY年1-3月.*'year' column.*--year YYYY"):
        parse_period("1-3月")


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("1-13月", "no month 13"),
        ("6-4月", "runs backwards"),
        ("四至二季度", "runs backwards"),
        ("本年", "not a period label"),
        ("Q5", "not a period label"),
    ],
)
def test_labels_that_are_not_periods_are_refused(label, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(label, year=2024)


def test_parse_ytd_period_refuses_single_spans():
    assert parse_ytd_period("前三季度", year=2024) == Period(2024, 9)
    assert parse_ytd_period("三季度", year=2024, context="累计") == Period(2024, 9)
    with pytest.raises(PeriodError, match=r"2024年7-9月 alone.*1-9月"):
        parse_ytd_period("三季度", year=2024)


# -- names ---------------------------------------------------------------------------------------


def test_labels_in_zh_and_en():
    p = Period(2024, 9)
    assert p.label("zh") == "2024年1-9月"
    assert p.label("en") == "Jan-Sep 2024"
    assert Period(2024, 1).label("zh") == "2024年1月"
    assert Period.span(2024, 4, 6).label("en") == "Apr-Jun 2024"
    assert Period.span(2024, 3, 3).label("zh") == "2024年3月当月"
    assert Period.span(2024, 3, 3).label("en") == "Mar 2024"


@pytest.mark.parametrize(
    ("period", "code"),
    [
        (Period(2024, 3), "2024Q1"),
        (Period(2024, 9), "2024Q3"),  # the year to date through Q3, as before
        (Period(2024, 5), "2024M05"),
        (Period.span(2024, 4, 6), "2024M04-06"),  # 二季度 alone
        (Period.span(2024, 5, 5), "2024M05-05"),  # May alone
        (Period.span(2024, 7, 12), "2024M07-12"),
    ],
)
def test_codes_never_confuse_a_quarter_with_the_year_to_date(period, code):
    assert period.code == code


@pytest.mark.parametrize(
    ("period", "kind", "zh", "en", "phrase_en"),
    [
        (Period(2024, 3), CUMULATIVE, "一季度", "Q1", "the first quarter"),
        (Period(2024, 6), CUMULATIVE, "上半年", "H1", "the first half"),
        (Period(2024, 5), CUMULATIVE, "1-5月", "Jan-May", "January–May"),
        (Period.span(2024, 4, 6), QUARTER_ALONE, "二季度", "Q2", "the second quarter"),
        (Period.span(2024, 10, 12), QUARTER_ALONE, "四季度", "Q4", "the fourth quarter"),
        (Period.span(2024, 7, 12), "span", "下半年", "H2", "the second half"),
        (Period.span(2024, 9, 9), MONTH_ALONE, "9月当月", "Sep", "September"),
        (Period.span(2024, 4, 5), "span", "4-5月", "Apr-May", "April–May"),
    ],
)
def test_names_of_every_kind_of_span(period, kind, zh, en, phrase_en):
    assert period.kind == kind
    assert (period.name("zh"), period.name("en"), period.phrase("en")) == (zh, en, phrase_en)


@pytest.mark.parametrize(
    ("end_month", "zh", "en", "rest_zh", "rest_en"),
    [
        (3, "一季度", "the first quarter", "后三个季度", "the last three quarters"),
        (6, "上半年", "the first half", "下半年", "the second half"),
        (9, "前三季度", "the first three quarters", "四季度", "Q4"),
        (5, "1-5月", "January–May", "6-12月", "June–December"),
        (11, "1-11月", "January–November", "12月", "December"),
    ],
)
def test_names_of_the_span_and_of_the_rest_of_the_year(end_month, zh, en, rest_zh, rest_en):
    p = Period(2024, end_month)
    assert (p.phrase("zh"), p.phrase("en")) == (zh, en)
    assert (p.rest_phrase("zh"), p.rest_phrase("en")) == (rest_zh, rest_en)
    assert p.rest() == Period.span(2024, end_month + 1, 12)


def test_full_year_has_no_rest():
    with pytest.raises(PeriodError):
        Period(2024, 12).rest_phrase()


def test_a_span_must_start_before_it_ends():
    with pytest.raises(PeriodError, match="start month"):
        Period.span(2024, 7, 6)


def test_periods_sort_by_year_then_month():
    periods = [Period(2024, 3), Period(2023, 12), Period(2024, 1)]
    assert sorted(periods) == [Period(2023, 12), Period(2024, 1), Period(2024, 3)]
    assert quarter_ends(2024) == [Period(2024, m) for m in (3, 6, 9, 12)]


def test_compilation_periods_follow_the_frequency():
    assert compilation_periods(2024, "quarterly") == [Period(2024, m) for m in (3, 6, 9)]
    assert compilation_periods(2024)[0] == Period(2024, 2)  # 1-2月 first: no January alone
    assert len(compilation_periods(2024)) == 10


# -- finding periods in titles and headers ---------------------------------------------------


def test_find_period_in_titles_and_headers():
    assert find_period("2024年1-9月牧野区主要经济指标") == (2024, 9)
    assert find_period("牧野区主要经济指标（2024年上半年）") == (2024, 6)
    assert find_period("1-3月累计值(亿元)") == (None, 3)
    assert find_period("三季度累计") == (None, 9)
    assert find_period("增长(%)") is None
    assert find_period("牧野区2024年主要经济指标") is None
    assert find_year("牧野区2024年主要经济指标") == 2024
    assert find_year("增长%") is None


def test_find_span_keeps_single_spans():
    assert find_span("2024年4-6月当季") == FoundSpan(2024, 4, 6)
    assert find_span("二季度") == FoundSpan(None, 4, 6)
    assert find_span("二季度", context="本年累计") == FoundSpan(None, 1, 6)
    assert find_span("增长%") is None


@pytest.mark.parametrize("header", ["4-6月累计值", "二季度", "下半年"])
def test_find_period_refuses_a_header_that_is_not_year_to_date(header):
    with pytest.raises(PeriodError, match="alone, not a year-to-date figure"):
        find_period(header)


def test_a_bare_month_carries_its_month_and_year_for_the_caller():
    with pytest.raises(BareMonthError) as info:
        find_period("2024年9月主要经济指标")
    assert (info.value.month, info.value.year) == (9, 2024)


# -- converting between single spans and the year to date: stated weights only ---------------


def test_span_growth_from_two_year_to_date_figures():
    # DOMAIN.md: last year's quarters 50, 55, 55, 60; 1-9月 +5.0%, full year +6.0% -> Q4 8.67%.
    q4 = span_growth(
        Period(2024, 12), 6.0, Period(2024, 9), 5.0, 160 / 220, weights_source="上年同期累计"
    )
    assert q4.value == pytest.approx((6.0 - 160 / 220 * 5.0) / (60 / 220))
    assert round(q4.value, 2) == 8.67
    assert q4.period == Period.span(2024, 10, 12)
    assert "w = 上年1-9月/上年1-12月 = 0.7273 (上年同期累计)" in q4.derived


def test_cumulative_growth_from_a_quarter_alone():
    # 一季度 +4.0% on last year's 50, 二季度 alone +6.0% on 55: H1 = (50*1.04+55*1.06)/105 - 1.
    h1 = cumulative_growth(
        Period(2024, 3), 4.0, Period.span(2024, 4, 6), 6.0, 50 / 105, weights_source="上年同期累计"
    )
    assert h1.value == pytest.approx(((50 * 1.04 + 55 * 1.06) / 105 - 1) * 100)
    assert h1.period == Period(2024, 6)
    assert h1.derived.startswith("w×1-3月增速 + (1 − w)×4-6月增速")


def test_conversions_refuse_missing_or_impossible_weights():
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        span_growth(Period(2024, 12), 6.0, Period(2024, 9), 5.0, 1.0, weights_source="x")
    with pytest.raises(ValueError, match="must follow"):
        cumulative_growth(
            Period(2024, 3), 4.0, Period.span(2024, 7, 9), 6.0, 0.5, weights_source="x"
        )
    with pytest.raises(TypeError):
        span_growth(Period(2024, 12), 6.0, Period(2024, 9), 5.0, 0.7)  # no weights_source
