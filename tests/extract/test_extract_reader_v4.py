"""Reader, round four: rules made from causes of the blind_v4 misses, each tested.

Every text here is written for these tests in the style of the genre; the numbers are invented.
"""

from __future__ import annotations

import pandas as pd

from muye_analysis.extract import extract_facts


def _rows(text: str, cols: list[str]) -> list[tuple]:
    facts = extract_facts(text)[cols].astype(object)
    return [tuple(None if pd.isna(v) else v for v in row) for row in facts.to_numpy()]


# --- tables ---------------------------------------------------------------------------------------


def test_a_pipe_table_with_a_unit_in_each_header_cell_reads_one_column_per_cell():
    text = (
        "表 1 2021 年某县粮食播种面积、单位面积产量及总产量 | |||\n"
        "播种面积 (千公顷) | 单位面积产量 (公斤/公顷) | 总产量 (万吨) | |\n"
        "全年粮食 | 120.5 | 5400.2 | 65.1 |\n"
        "一、分季节 | |||\n"
        "1、夏粮 | 30.2 | 5100.0 | 15.4 |\n"
        "2、秋粮 | 90.3 | 5500.6 | 49.7 |\n"
    )
    rows = _rows(text, ["value", "unit", "measure", "period"])
    assert rows[:3] == [
        (120.5, "千公顷", "level", 2021),
        (5400.2, "公斤/公顷", "level", 2021),
        (65.1, "万吨", "level", 2021),
    ]
    assert len(rows) == 9


def test_a_cell_per_line_table_whose_cells_carry_their_unit():
    text = (
        "某县2023年统计公报\n全年粮食总产量16.1万吨。\n\n主要产品产量\n\n\n2023年\n\n"
        "较上年增长(%)\n\n粮食总产量\n\n161000吨\n\n0.5\n\n其中:谷物\n\n97000吨\n\n-9.7\n\n"
        "当年出栏猪\n\n44000头\n\n4.4\n"
    )
    rows = _rows(text, ["subject", "value", "unit", "measure", "rule"])
    assert [r for r in rows if r[4] == "table"] == [
        ("粮食总产量", 161000.0, "吨", "level", "table"),
        ("粮食总产量", 0.5, "%", "growth_rate", "table"),
        ("谷物", 97000.0, "吨", "level", "table"),
        ("谷物", -9.7, "%", "growth_rate", "table"),
        ("当年出栏猪", 44000.0, "头", "count", "table"),
        ("当年出栏猪", 4.4, "%", "growth_rate", "table"),
    ]


def test_a_header_cut_over_lines_still_makes_one_column():
    text = (
        "2022年上半年某市生产总值\n\n总量\n\n(亿元)\n\n比上年同期\n\n增长(%)\n\n"
        "地区生产总值\n\n1934.3\n\n-5.7\n\n第一产业\n\n34.5\n\n1.7\n\n第二产业\n\n445.2\n\n-13.7\n"
    )
    rows = _rows(text, ["value", "unit", "measure"])
    assert rows[:2] == [(1934.3, "亿元", "level"), (-5.7, "%", "growth_rate")]


# --- changes in points and their comparators ------------------------------------------------------


def test_points_listed_with_a_verb_before_each_member_are_all_points():
    text = (
        "三次产业结构调整为12.1:34.8:53.1,其中三次产业占GDP的比重较上年"
        "分别下降0.2个、下降0.6个、提高0.8个百分点。"
    )
    rows = [r for r in _rows(text, ["value", "unit", "measure", "comparator"]) if r[2] != "share"]
    assert rows == [
        (-0.2, "个百分点", "change_pp", "上年"),
        (-0.6, "个百分点", "change_pp", "上年"),
        (0.8, "个百分点", "change_pp", "上年"),
    ]


def test_same_period_changes_listed_with_fenbie_compare_with_the_same_period():
    text = "1-9月，江苏、北京营业收入增速同比分别提高24.1和23.1个百分点。"
    assert _rows(text, ["value", "measure", "comparator"]) == [
        (24.1, "change_pp", "上年同期"),
        (23.1, "change_pp", "上年同期"),
    ]


def test_ahead_of_schedule_is_a_gap_to_the_schedule():
    text = "省级重点项目1-5月完成投资12亿元，占年度投资计划45.2%，超时序进度3.5个百分点。"
    rows = _rows(text, ["value", "measure", "comparator"])
    assert rows[-1] == (3.5, "change_pp", "时序进度")


def test_a_variant_character_of_jingzeng_is_a_net_change():
    text = "2022年，全县地区生产总值达到417亿元，凈增110.8亿元，增长9.4%。"
    assert _rows(text, ["value", "measure"]) == [
        (417.0, "level"),
        (110.8, "change"),
        (9.4, "growth_rate"),
    ]


# --- a growth that turned, and last year's figure -------------------------------------------------


def test_growths_that_turned_are_from_and_to_pairs_with_each_their_year():
    text = (
        "2021年1-9月，东部地区营业收入同比增长21.2%。与上年同期相比，浙江、海南分别由下降"
        "1.3%、9.8%转为增长28.7%和17.9%。"
    )
    rows = _rows(text, ["subject", "value", "stage", "period"])
    assert rows[1:] == [
        ("浙江", -1.3, "from", 2020),
        ("海南", -9.8, "from", 2020),
        ("浙江", 28.7, "to", 2021),
        ("海南", 17.9, "to", 2021),
    ]


def test_a_growth_that_turned_down_is_a_fall():
    text = "2023年，全县工业增加值由增长2.1%转为下降1.5%。"
    assert _rows(text, ["value", "stage", "period"]) == [
        (2.1, "from", 2023),
        (-1.5, "to", 2023),
    ]


def test_the_same_period_last_year_was_is_last_years_figure():
    text = "2021年1-9月，营业收入同比增长21.2%，上年同期为下降1.3%，增速比1-8月回落2个百分点。"
    assert _rows(text, ["value", "measure", "period"]) == [
        (21.2, "growth_rate", 2021),
        (-1.3, "growth_rate", 2020),
        (-2.0, "change_pp", 2021),
    ]


# --- targets named after the figure ---------------------------------------------------------------


def test_a_growth_named_a_target_by_the_words_after_it_is_a_target():
    text = "2025年上半年工作总结：聚焦地区生产总值年度增长6%目标任务。预计上半年全县GDP增长6.3%。"
    assert _rows(text, ["value", "kind"]) == [(6.0, "target"), (6.3, "actual")]


def test_the_target_an_outcome_beats_is_a_target_of_the_same_measure():
    text = "2024年全县地区生产总值增长6.5%，高于6%的预期目标。"
    assert _rows(text, ["value", "measure", "kind"]) == [
        (6.5, "growth_rate", "actual"),
        (6.0, "growth_rate", "target"),
    ]


# --- ranks ----------------------------------------------------------------------------------------


def test_fenju_after_a_level_and_its_growth_ranks_the_level_then_the_growth():
    text = "2023年，一般公共预算收入241.5亿元，增长6.4%，分居全省第4、第3位。"
    rows = [
        r for r in _rows(text, ["value", "measure", "ranked_on", "rank_scope"]) if r[1] == "rank"
    ]
    assert rows == [(4.0, "rank", "level", "全省"), (3.0, "rank", "growth_rate", "全省")]


def test_a_region_within_a_province_is_a_ranking_pool():
    text = "2021年1-9月，常州工业投资同比增长20.8%，位列苏南第一。"
    assert _rows(text, ["value", "measure", "rank_scope"])[-1] == (1.0, "rank", "苏南")


# --- numbers that are no statistics ---------------------------------------------------------------


def test_a_count_in_words_opening_a_quoted_slogan_names_it():
    text = (
        '2023年，全省落实 " 四个走在前 " 重大任务，组织开展四期“三个一批”活动，'
        "推动两个园区提档升级，新增省级园区5个。"
    )
    assert _rows(text, ["value", "measure", "printed"]) == [
        (4.0, "count", "四期"),
        (2.0, "count", "两个"),
        (5.0, "count", "5个"),
    ]


def test_a_milestone_passed_is_no_figure():
    text = "2022年，全县地区生产总值突破400亿元大关，达到417亿元。"
    assert _rows(text, ["value", "measure"]) == [(417.0, "level")]


def test_a_survey_named_by_its_sample_fraction_is_no_rate():
    text = "根据2023年5‰人口变动抽样调查推算，年末全县常住人口40.8万人，城镇化率为60.4%。"
    assert _rows(text, ["value", "measure"]) == [(40.8, "count"), (60.4, "rate")]


# --- the year a report reviews --------------------------------------------------------------------


def test_the_past_year_of_a_work_report_is_the_year_it_reviews():
    text = (
        "省长向大会报告工作。报告回顾了 2023 年工作，同时提出了 2024 年工作总体要求。"
        "过去一年，全省地区生产总值达 12.82 万亿元、增长 5.8%。万亿之城增至 5 座。"
        "今年主要预期目标是：地区生产总值增长 5% 以上。"
    )
    assert _rows(text, ["value", "kind", "period"]) == [
        (12.82, "actual", 2023),
        (5.8, "actual", 2023),
        (5.0, "actual", 2023),
        (5.0, "target", 2024),
    ]
