"""Reader, round five: forms found by probing before the blind_v5 scoring, each tested."""

from __future__ import annotations

import pytest

from muye_analysis.extract import extract_facts


def _rows(text: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(facts["subject"], facts["value"], facts["unit"], facts["measure"],
                    facts["period"], strict=True))  # fmt: skip


@pytest.mark.parametrize(
    "sep", ["\t", "    ", "\u3000\u3000"], ids=["tab", "wide spaces", "ideographic spaces"]
)
def test_a_table_with_cells_apart_by_tabs_or_wide_spaces_reads_as_rows_and_columns(sep):
    text = (
        "表1  2023年主要农产品产量\n"
        f"产品名称{sep}产量(万吨){sep}比上年增长(%)\n"
        f"粮食{sep}52.3{sep}2.1\n"
        f"油料{sep}3.4{sep}-1.5\n"
    )
    assert _rows(text) == [
        ("粮食", 52.3, "万吨", "level", 2023), ("粮食", 2.1, "%", "growth_rate", 2023),
        ("油料", 3.4, "万吨", "level", 2023), ("油料", -1.5, "%", "growth_rate", 2023),
    ]  # fmt: skip


def test_a_spaced_table_with_a_unit_column_gives_each_row_its_unit():
    text = (
        "2023年规模以上工业主要产品产量\n"
        "产品名称        单位      产量       比上年增长(%)\n"
        "原煤            万吨      1234.5     3.2\n"
        "\n"
        "发电量          亿千瓦时  56.7       -2.1\n"
    )
    assert _rows(text) == [
        ("原煤", 1234.5, "万吨", "level", 2023), ("原煤", 3.2, "%", "growth_rate", 2023),
        ("发电量", 56.7, "亿千瓦时", "level", 2023), ("发电量", -2.1, "%", "growth_rate", 2023),
    ]  # fmt: skip


def test_prose_with_wide_spaces_is_no_table():
    text = "2023年，全县地区生产总值增长6.1%，  高于全市0.3个百分点。\n一般公共预算收入  增长5%。"
    facts = extract_facts(text)
    assert list(facts["rule"]) == ["growth", "pp_change", "growth"]


def test_a_growth_named_before_a_colon_is_a_growth():
    text = "主要指标\n规上工业增加值增速：7.2%\n固定资产投资增长：-3.1%\n工业增速达到：5%\n"
    assert [(s, v, m) for s, v, _, m, _ in _rows(text)] == [
        ("规上工业增加值", 7.2, "growth_rate"), ("固定资产投资", -3.1, "growth_rate"),
        ("工业", 5.0, "growth_rate"),
    ]  # fmt: skip


def test_a_rank_leapt_to_belongs_to_the_subject_before_and_ranks_its_growth():
    facts = extract_facts("2023年，全市规模以上工业增加值同比增长7.1%，增速跃居全省第一位。")
    rank = facts[facts["measure"] == "rank"].iloc[0]
    assert (rank["subject"], rank["value"], rank["rank_scope"], rank["ranked_on"]) == (
        "规模以上工业增加值", 1.0, "全省", "growth_rate"
    )  # fmt: skip


def test_unnamed_columns_of_amounts_are_levels_in_the_tables_unit_not_growth_rates():
    # a yearbook table whose header rows the copy misaligned: the columns cannot be named
    text = (
        "| 规模以上工业主要经济指标 | |||\n"
        "| (2002年) 单位:万元 | |||\n"
        "| 类 别 | 工 业 | 工 业 |\n"
        "| 总 产 值 | 增 加 值 | ||\n"
        "| 轻工业 | 24290034 | 6816995 | 18697035 |\n"
        "| 重工业 | 21171684 | 6051362 | 17252567 |\n"
    )
    facts = extract_facts(text)
    assert set(facts["measure"]) == {"level"}
    assert set(facts["unit"]) == {"万元"}
    assert set(facts["period"]) == {2002}
    assert len(facts) == 6


def test_an_unnamed_column_of_small_figures_stays_the_growth_after_a_level():
    text = (
        "2023年主要指标\n| 指标 | 总量(亿元) | |\n| 工业 | 176.90 | 3.8 |\n"
        "| 建筑业 | 42.10 | -2.5 |\n"
    )
    facts = extract_facts(text)
    assert list(zip(facts["measure"], facts["value"], strict=True)) == [
        ("level", 176.9), ("growth_rate", 3.8), ("level", 42.1), ("growth_rate", -2.5)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "measure"),
    [
        ("2023年，港口集装箱吞吐量120.5万标箱，增长6.1%。", 120.5, "万标箱", "level"),
        ("2023年，全年茶叶产量1.5万担，增长2.0%。", 1.5, "万担", "level"),
        ("2023年，新增造船订单12艘，增长20%。", 12.0, "艘", "count"),
        ("2023年，机场起降航班1.2万架次，增长15%。", 1.2, "万架次", "count"),
        ("2023年，发放创业担保贷款356笔，增长8%。", 356.0, "笔", "count"),
    ],
)
def test_units_of_ports_crops_ships_flights_and_loans_are_read(sentence, value, unit, measure):
    facts = extract_facts(sentence)
    first = facts.iloc[0]
    assert (first["value"], first["unit"], first["measure"]) == (value, unit, measure)


def test_the_first_months_of_a_year_date_a_figure_and_are_no_count():
    facts = extract_facts("2023年前2个月，全市社会消费品零售总额43.2亿元，同比增长6.6%。")
    assert list(zip(facts["value"], facts["period"], facts["end_month"], strict=True)) == [
        (43.2, 2023, 2), (6.6, 2023, 2)
    ]  # fmt: skip


def test_a_comparison_before_the_points_is_no_part_of_the_subject():
    facts = extract_facts(
        "2023年上半年，全市规模以上工业增加值同比增长5.1%，增速分别比全国、全省高1.3和0.8个百分点。"
        "2023年末城镇化率达到58.2%，增速比全省高1.2个百分点。"
    )
    assert list(zip(facts["subject"], facts["comparator"].fillna(""), strict=True)) == [
        ("规模以上工业增加值", ""), ("规模以上工业增加值", "全国"), ("规模以上工业增加值", "全省"),
        ("城镇化率", ""), ("城镇化率", "全省"),
    ]  # fmt: skip


def test_a_plan_horizon_makes_targets_and_the_speaker_is_no_part_of_the_subject():
    facts = extract_facts("今后五年，全县地区生产总值年均增长7%以上，到2027年突破500亿元。")
    assert list(zip(facts["subject"], facts["value"], facts["kind"], facts["period"],
                    strict=True)) == [
        ("地区生产总值", 7.0, "target", 2027), ("地区生产总值", 500.0, "target", 2027)
    ]  # fmt: skip
    said = extract_facts("2024年，我们将确保地区生产总值增长6%。")
    assert list(said["subject"]) == ["地区生产总值"]


def test_a_move_in_places_after_a_rank_is_that_ranks_move_with_its_comparator():
    facts = extract_facts(
        "2024年一季度，全县GDP增速在全市10个县区中排名第3位，较去年同期前进5个位次。"
    )
    assert list(zip(facts["subject"], facts["value"], facts["unit"], facts["measure"],
                    facts["comparator"].fillna(""), strict=True)) == [
        ("GDP", 3.0, "位", "rank", ""), ("GDP", 5.0, "位", "change", "上年同期"),
    ]  # fmt: skip


def test_a_stated_basis_and_thousands_of_hectares_are_read():
    facts = extract_facts(
        "2023年一般公共预算收入16.78亿元，同口径增长9.1%。2023年粮食种植面积45.6千公顷。"
    )
    assert list(zip(facts["subject"], facts["value"], facts["unit"], strict=True)) == [
        ("一般公共预算收入", 16.78, "亿元"), ("一般公共预算收入", 9.1, "%"),
        ("粮食种植面积", 45.6, "千公顷"),
    ]  # fmt: skip


def test_a_growth_averaged_over_two_years_keeps_its_subject_and_says_so():
    facts = extract_facts("2023年，全市规上工业增加值同比增长9.2%，两年平均增长6.1%。")
    assert list(zip(facts["subject"], facts["value"], strict=True)) == [
        ("规上工业增加值", 9.2), ("规上工业增加值两年平均", 6.1)
    ]  # fmt: skip


def test_a_rank_after_subjects_sharing_a_measure_word_is_each_ones_rank():
    facts = extract_facts(
        "1-10月份，房地产开发投资、制造业技改投资增速全市排名第2；生产总值、固投增幅继续保持全市第1。"
    )
    ranks = facts[facts["measure"] == "rank"]
    assert list(zip(ranks["subject"], ranks["value"], ranks["ranked_on"], strict=True)) == [
        ("房地产开发投资增速", 2.0, "growth_rate"), ("制造业技改投资增速", 2.0, "growth_rate"),
        ("生产总值增幅", 1.0, "growth_rate"), ("固投增幅", 1.0, "growth_rate"),
    ]  # fmt: skip


def test_a_pages_clock_with_its_weekday_dates_nothing_the_labelled_date_does():
    text = (
        "欢迎访问统计局网站\n2021-8-11 星期三   14:13:52 设为首页\n前三季度县域经济运行情况\n"
        "时间:2023年11月09日\n前三季度，县域地区实现地区生产总值443.9亿元。"
    )
    facts = extract_facts(text)
    assert list(zip(facts["period"], facts["end_month"], strict=True)) == [(2023, 9)]
