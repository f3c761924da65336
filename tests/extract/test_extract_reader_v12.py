"""Reader, round twelve (lead): the years blind_v12's documents printed, each rule tested."""

from __future__ import annotations

import pandas as pd

from muye_analysis.extract import extract_facts


def _years(text: str, **kwargs) -> list[tuple]:
    facts = extract_facts(text, **kwargs)
    return list(zip(facts["value"], facts["stage"].fillna(""), facts["period"], strict=True))


def test_a_year_listed_after_another_thing_compared_with_does_not_date_the_figure():
    text = (
        "2021年上半年，全区地区生产总值增长12.7%，两年平均增长5.8%，"
        "分别比一季度两年平均和2019年上半年增速高0.3、3.5个百分点。"
    )
    assert {year for *_, year in _years(text)} == {2021}


def test_full_year_results_on_a_page_dated_early_in_the_year_its_head_names_are_the_year_before():
    text = (
        "多地经济目标出炉\n2025-02-19 10:24:44\n近期，多市2025年两会陆续召开。\n"
        "报告显示，该市规上工业增加值增长10.9%，今年GDP预期目标为7%以上。\n"
    )
    facts = extract_facts(text)
    assert dict(zip(facts["kind"], facts["period"], strict=True)) == {
        "actual": 2024,
        "target": 2025,
    }
    # a title that prints the year itself keeps it, whatever date a mirror page shows
    titled = (
        "伊州区2023年国民经济和社会发展统计公报\n2023-05-12 00:00\n全年地区生产总值增长6.5%。\n"
    )
    assert list(extract_facts(titled)["period"]) == [2023]


def test_this_was_the_five_years_of_dates_the_start_of_a_pair_to_the_start_of_the_term():
    text = (
        "2021年12月26日在县人民代表大会上\n一、本届政府和2021年工作回顾\n"
        "这是凝心聚力、奋勇争先,综合实力显著增强的五年。地区生产总值从129.8亿元增长到325亿元。\n"
    )
    assert _years(text) == [(129.8, "from", 2016), (325.0, "to", 2021)]


def test_a_document_number_dates_a_notice_that_prints_no_other_date():
    text = (
        "各县经济运行情况的通报\n辽政办发〔2008〕70号\n前三季度，全省县域地区生产总值增长15.2%。\n"
    )
    assert [year for *_, year in _years(text)] == [2008]
    # a date of its own comes first; a text with neither says it cannot know
    dated = "通报\n2009年10月20日\n辽政办发〔2008〕70号\n前三季度，地区生产总值增长15.2%。\n"
    assert [year for *_, year in _years(dated)] == [2009]
    assert pd.isna(_years("前三季度，全省县域地区生产总值增长15.2%。")[0][2])


def test_a_growth_of_more_than_written_超_or_逾_is_a_growth_with_its_floor():
    for text in ("新能源产业产值增长超200%。", "新能源产业产值同比增长逾200%。"):
        facts = extract_facts(text)
        rows = list(
            zip(facts["subject"], facts["value"], facts["measure"], facts["bound"], strict=True)
        )
        assert rows == [("新能源产业产值", 200.0, "growth_rate", "at_least")], text


def test_a_dash_headed_five_years_names_the_term_of_the_pairs_after_it():
    text = (
        "2022年1月12日在县人民代表大会上\n一、2021年工作回顾\n"
        "——五年奋勇争先，我们交出了一份答卷。一般公共预算收入从7.84亿元增加到9.37亿元。\n"
    )
    assert _years(text) == [(7.84, "from", 2016), (9.37, "to", 2021)]
