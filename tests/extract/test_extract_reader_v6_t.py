"""Reader, round six (helper t): bulletin tables of the shapes blind_v6 missed."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _cells(text: str) -> list[tuple]:
    facts = extract_facts(text)
    facts = facts[facts["rule"] == "table"]
    return list(zip(facts["value"], facts["unit"], facts["measure"], facts["period"],
                    strict=True))  # fmt: skip


def test_a_header_over_lines_of_one_cell_each_names_years_increments_and_contributions():
    text = (
        "项 目 | 2021年 数额 (元) |\n"
        "2020年 数额 (元) |\n"
        "增量 (元) |\n"
        "增长 (%) |\n"
        "贡献率 (%) |\n"
        "城镇居民 | — | ||||\n"
        "工资收入 | 3000 | 2800 | 200 | 7.1 | 60.0 |\n"
        "经营收入 | 1500 | 1400 | 100 | 7.1 | 30.0 |\n"
    )
    assert _cells(text)[:5] == [
        (3000.0, "元", "level", 2021), (2800.0, "元", "level", 2020),
        (200.0, "元", "change", 2021), (7.1, "%", "growth_rate", 2021),
        (60.0, "%", "share", 2021),
    ]  # fmt: skip
    assert len(_cells(text)) == 10


def _dated(text: str) -> list[tuple]:
    facts = extract_facts(text)
    facts = facts[facts["rule"] == "table"]
    return list(zip(facts["value"], facts["unit"], facts["period"], facts["start_month"],
                    facts["end_month"], strict=True))  # fmt: skip


def test_rows_run_together_on_one_pipe_line_are_split_at_each_label():
    text = (
        "主要指标表 | 全市 | 2015.3 |\n"
        "| 单位:户、万元 | 指标 | 本月 | 同比% | 累计 | 同比% | 企业户数\n"
        "| 120 | 2.5 | 118 | 1.7 | 营业收入 | 5400 | 6.1 | 15200 | 5.3 | 利润总额 | 610 | -2.4"
        " | 1700 | 3.2 |\n"
    )
    assert _dated(text) == [
        (120.0, "户", 2015, 3, 3), (2.5, "%", 2015, 3, 3),
        (118.0, "户", 2015, 1, 3), (1.7, "%", 2015, 1, 3),
        (5400.0, "万元", 2015, 3, 3), (6.1, "%", 2015, 3, 3),
        (15200.0, "万元", 2015, 1, 3), (5.3, "%", 2015, 1, 3),
        (610.0, "万元", 2015, 3, 3), (-2.4, "%", 2015, 3, 3),
        (1700.0, "万元", 2015, 1, 3), (3.2, "%", 2015, 1, 3),
    ]  # fmt: skip


def test_a_listed_table_unit_gives_counting_rows_the_first_and_their_sub_rows_too():
    text = (
        "| 单位:个、亿元 | 项目 | 本月 | 同比% | 企业单位数\n"
        "| 300 | 4.0 | 其中:国有 | 40 | 1.0 | 工业产值 | 52.5 | 7.5 | 其中:国有 | 12.5 | 3.0 |\n"
    )
    assert [r[:2] for r in _dated(text)] == [
        (300.0, "个"), (4.0, "%"), (40.0, "个"), (1.0, "%"),
        (52.5, "亿元"), (7.5, "%"), (12.5, "亿元"), (3.0, "%"),
    ]  # fmt: skip


def test_month_rows_run_into_a_line_of_text_are_a_table_of_rates_for_those_months():
    text = (
        "非制造业商务活动指数继续回升。 表2 非制造业主要分类指数 单位:% 商务活动 新订单 "
        "2019年1月 54.7 51.0 2019年2月 54.3 50.7 2019年3月 54.8 52.5"
    )
    assert _dated(text) == [
        (54.7, "%", 2019, 1, 1), (51.0, "%", 2019, 1, 1), (54.3, "%", 2019, 2, 2),
        (50.7, "%", 2019, 2, 2), (54.8, "%", 2019, 3, 3), (52.5, "%", 2019, 3, 3),
    ]  # fmt: skip
    facts = extract_facts(text)
    assert set(facts[facts["rule"] == "table"]["measure"]) == {"rate"}
    assert list(facts[facts["rule"] == "table"]["subject"])[:2] == ["商务活动", "新订单"]


def test_two_month_rows_in_a_sentence_are_no_table():
    text = "2019年1月 54.7 51.0 2019年2月 54.3 50.7,指数回升。"
    assert _dated(text) == []


def test_a_numbered_heading_naming_a_composition_makes_its_columns_shares():
    text = (
        "1、地区生产总值 | |||\n"
        "项目 | 累计 | 增长% |\n"
        "生产总值(亿元) | 820.5 | 6.1 |\n"
        "第一产业 | 60.2 | 3.0 |\n"
        "2、地区生产总值构成 | |||\n"
        "项目 | 累计 | 增减百分点 |\n"
        "第一产业 | 7.3 | 持平 |\n"
        "第二产业 | 41.2 | -0.6 |\n"
    )
    facts = extract_facts(text)
    facts = facts[facts["rule"] == "table"]
    got = list(zip(facts["value"], facts["measure"], facts["unit"], facts["comparator"].fillna(""),
                   strict=True))  # fmt: skip
    assert got[-4:] == [
        (7.3, "share", "%", ""), (0.0, "change_pp", "个百分点", "上年"),
        (41.2, "share", "%", ""), (-0.6, "change_pp", "个百分点", "上年"),
    ]  # fmt: skip
    assert got[0][:3] == (820.5, "level", "亿元")


def test_names_over_pairs_of_columns_and_thousands_separators_in_a_cell_per_line_table():
    text = "城 市\n|\n生产总值\n|\n工业\n|\n(亿元)\n|\n增长%\n|\n(亿元)\n|\n增长%\n|\n" + (
        "甲市\n|\n12,345.60\n|\n6.5\n|\n4,100.20\n|\n5.1\n|\n乙市\n|\n9,876.50\n|\n7.0\n|\n"
        "3,050.00\n|\n-1.2\n|\n"
    )
    facts = extract_facts(text)
    facts = facts[facts["rule"] == "table"]
    got = list(zip(facts["subject"], facts["value"], facts["unit"], facts["measure"],
                   strict=True))  # fmt: skip
    assert got[:4] == [
        ("甲市", 12345.6, "亿元", "level"), ("甲市", 6.5, "%", "growth_rate"),
        ("甲市", 4100.2, "亿元", "level"), ("甲市", 5.1, "%", "growth_rate"),
    ]  # fmt: skip
    assert len(got) == 8
    assert "column 工业增长%" in facts["evidence"].iloc[3]


def test_a_table_printing_no_unit_takes_the_unit_in_which_the_text_gives_its_cells():
    text = (
        "1-6月全市工业累计完成产值1523.4亿元,其中6月完成产值268.1亿元。\n"
        "产业 |\n本月 |\n累计 |\n合计 |\n2681234 |\n15234012 |\n"
        "装备制造 |\n1200345 |\n7012345 |\n"
    )
    facts = extract_facts(text)
    facts = facts[facts["rule"] == "table"]
    assert list(zip(facts["value"], facts["unit"], strict=True)) == [
        (2681234.0, "万元"), (15234012.0, "万元"), (1200345.0, "万元"), (7012345.0, "万元"),
    ]  # fmt: skip


def test_a_single_coincidence_with_the_text_gives_no_unit():
    text = (
        "全市完成产值152.3亿元。\n"
        "产业 |\n本月 |\n累计 |\n合计 |\n1523000 |\n15234012 |\n"
        "装备制造 |\n1200345 |\n7012345 |\n"
    )
    facts = extract_facts(text)
    assert set(facts[facts["rule"] == "table"]["unit"].fillna("")) == {""}


def test_rows_labelled_by_a_bare_year_under_a_unit_line_are_that_years_levels():
    text = (
        "地区生产总值\n"
        "单位:亿元 (100 million yuan)\n"
        "      第一产业     第二产业\n"
        "Year  Primary  Secondary\n"
        "2000 824.55 2514.96\n"
        "2001 913.82 2696.63\n"
    )
    assert _cells(text) == [
        (824.55, "亿元", "level", 2000), (2514.96, "亿元", "level", 2000),
        (913.82, "亿元", "level", 2001), (2696.63, "亿元", "level", 2001),
    ]  # fmt: skip
