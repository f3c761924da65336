"""The year a text names in officials' words when it prints no year."""

from __future__ import annotations

import pytest

from muye_analysis.extract.epochs import epoch_year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("今年是“十四五”开局之年，上半年全市经济稳中向好。", 2021),
        ("今年是十三五规划收官之年。", 2020),
        ("今年是“十二五”开局之年。", 2011),
        ("今年是“十五”开局之年。", 2001),
        ("明年是“十五五”开局之年，今年要…", 2025),
        ("今年是建党100周年。", 2021),
        ("今年是新中国成立70周年。", 2019),
        ("上半年，全市地区生产总值比2019年同期增长13.5%，两年平均增长6.5%。", 2021),
    ],
)
def test_officials_words_for_a_year_give_that_year(text, year):
    assert epoch_year(text)[0] == year


@pytest.mark.parametrize(
    "text",
    [
        "上半年，全市地区生产总值两年平均增长6.5%。",  # 两年平均 alone: 2021, 2022 or 2023
        "一季度，全区地区生产总值比2019年同期增长10.2%。",  # three years on, no average
        "过去一年是“十三五”收官之年。",  # the year reviewed, not this one
        # a comparison with 2021's own two-year average: the text is of 2022, not 2023
        "1-2月，规模以上工业增加值同比增长8.8%，分别比2021年同期两年平均、全年两年平均增速高0.2、1.4个百分点。",
        "上半年，全市经济运行总体平稳。",
    ],
)
def test_no_cue_or_an_ambiguous_one_gives_no_year(text):
    assert epoch_year(text) is None


def test_a_text_naming_its_year_in_words_dates_its_facts_and_says_so():
    from muye_analysis.extract import explain_facts, extract_facts

    text = (
        "今年是“十四五”开局之年。上半年，全市地区生产总值比2019年同期增长13.5%，两年平均增长6.5%。"
    )
    facts = extract_facts(text)
    assert set(facts["period"]) == {2021}
    assert set(facts["period_from"]) == {"words"}
    assert "取自原文对年份的表述" in explain_facts(facts)
    dated = extract_facts("发布时间：2022-08-01\n" + text)  # a date the text prints comes first
    assert set(dated["period_from"]) == {"date"}
    given = extract_facts(text, published="2021-07-20")  # and the date the user gives
    assert set(given["period_from"]) == {"given"}


def test_a_text_naming_no_year_in_any_form_stays_unknown():
    from muye_analysis.extract import extract_facts

    facts = extract_facts("上半年，全市地区生产总值两年平均增长6.5%。")
    assert set(facts["period_from"]) == {"unknown"}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("今年是新中国成立75周年。", 2024),
        ("今年是改革开放45周年。", 2023),
        ("建党百年之年，全市…", 2021),
    ],
)
def test_an_anniversary_gives_the_founding_year_plus_the_years_it_names(text, year):
    assert epoch_year(text)[0] == year
