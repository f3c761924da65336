"""Canonical year-to-date periods: every label form maps to (year, last month)."""

from __future__ import annotations

import pytest

from muye_analysis.periods import (
    BareMonthError,
    Period,
    PeriodError,
    find_period,
    find_year,
    parse_period,
    quarter_ends,
)


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
    ],
)
def test_labels_without_year_take_the_year_argument(label, end_month):
    assert parse_period(label, year=2024) == Period(2024, end_month)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2024年1-3月", Period(2024, 3)),
        ("2024年1-5月", Period(2024, 5)),
        ("2024Q1", Period(2024, 3)),
        ("2024-Q3", Period(2024, 9)),
        ("2024年一季度", Period(2024, 3)),
        ("2024年前三季度", Period(2024, 9)),
        ("2023年全年", Period(2023, 12)),
        ("２０２４年１－９月", Period(2024, 9)),
        ("Q2 2024", Period(2024, 6)),
        ("FY2023", Period(2023, 12)),
    ],
)
def test_year_in_the_label_wins_over_the_argument(label, expected):
    assert parse_period(label) == expected
    assert parse_period(label, year=1999) == expected


def test_quarter_labels_mean_year_to_date_through_that_quarter():
    # In a year-to-date file 二季度 is the cumulative figure through June (data.stats.gov.cn's
    # convention for 累计值 series), so it is the same period as 上半年.
    assert parse_period("二季度", year=2024) == parse_period("上半年", year=2024)
    assert parse_period("第四季度", year=2024) == Period(2024, 12)
    assert parse_period("Q3", year=2024) == parse_period("前三季度", year=2024)


def test_period_without_year_says_how_to_give_one():
    with pytest.raises(PeriodError, match=r"no year: .*2024年1-3月.*'year' column.*--year 2024"):
        parse_period("1-3月")


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("4-6月", "does not start in January"),
        ("二至四季度", "does not start with the first quarter"),
        ("下半年", "second half alone"),
        ("3月", "March alone or January–March; write the cumulative span 1-3月"),
        ("1-13月", "no month 13"),
        ("本年", "not a year-to-date period label"),
        ("Q5", "not a year-to-date period label"),
    ],
)
def test_labels_that_are_not_year_to_date_are_refused(label, message):
    with pytest.raises(PeriodError, match=message):
        parse_period(label, year=2024)


def test_labels_in_zh_and_en():
    p = Period(2024, 9)
    assert p.label("zh") == "2024年1-9月"
    assert p.label("en") == "Jan-Sep 2024"
    assert p.code == "2024Q3"
    assert Period(2024, 5).code == "2024M05"
    assert Period(2024, 1).label("zh") == "2024年1月"


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


def test_full_year_has_no_rest():
    with pytest.raises(PeriodError):
        Period(2024, 12).rest_phrase()


def test_periods_sort_by_year_then_month():
    periods = [Period(2024, 3), Period(2023, 12), Period(2024, 1)]
    assert sorted(periods) == [Period(2023, 12), Period(2024, 1), Period(2024, 3)]
    assert quarter_ends(2024) == [Period(2024, m) for m in (3, 6, 9, 12)]


def test_find_period_in_titles_and_headers():
    assert find_period("2024年1-9月牧野区主要经济指标") == (2024, 9)
    assert find_period("牧野区主要经济指标（2024年上半年）") == (2024, 6)
    assert find_period("1-3月累计值(亿元)") == (None, 3)
    assert find_period("增长(%)") is None
    assert find_period("牧野区2024年主要经济指标") is None
    assert find_year("牧野区2024年主要经济指标") == 2024
    assert find_year("增长%") is None


def test_find_period_refuses_a_header_that_is_not_year_to_date():
    with pytest.raises(PeriodError, match="does not start in January"):
        find_period("4-6月累计值")


def test_a_bare_month_carries_its_month_and_year_for_the_caller():
    with pytest.raises(BareMonthError) as info:
        find_period("2024年9月主要经济指标")
    assert (info.value.month, info.value.year) == (9, 2024)
