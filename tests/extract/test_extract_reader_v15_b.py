"""Reader, round fifteen (helper b): the forms blind_v15's news and work reports missed."""

from __future__ import annotations

from tests.extract.conftest import fact_rows


def test_a_heading_naming_a_year_and_its_targets_makes_the_lines_below_targets():
    text = (
        "去年成绩:\n地区生产总值增长3.1%\n城镇新增就业5.2万人\n"
        "2024年目标:\n地区生产总值增长6%左右\n城镇新增就业5万人\n"
    )
    rows = fact_rows(text, "value", "kind")
    assert rows == [(3.1, "actual"), (5.2, "actual"), (6.0, "target"), (5.0, "target")]


def test_a_plans_period_heading_announces_its_lines_and_the_next_heading_ends_them():
    text = "“十五五”目标:\n人均生产总值达到12万元左右\n2025年成就:\n人均生产总值达到9.6万元\n"
    rows = fact_rows(text, "value", "kind")
    assert rows == [(12.0, "target"), (9.6, "actual")]


def test_wan_before_the_people_it_counts_reads_ten_thousand_people():
    text = "全年12.6万剩余贫困人口全部脱贫，3.5万农民享受新农合补助。"
    rows = fact_rows(text, "value", "unit", "measure")
    assert rows == [(12.6, "万人", "count"), (3.5, "万人", "count")]
    # 万 before a thing, not people, stays unread
    assert fact_rows("新建8万农村公路。", "value") == []


def test_square_metres_printed_in_latin_letters_are_a_level():
    rows = fact_rows("全年新增供热面积达120万m2，绿化提升35.5万m²。", "value", "unit", "measure")
    assert rows == [(120.0, "万m2", "level"), (35.5, "万m²", "level")]


def test_a_change_verb_broken_over_two_lines_keeps_its_figure_a_growth():
    text = "地区生产总值增长7.4%；固定资产投资增\n长12.5%；社会消费品零售总额下\n降2.1%。"
    rows = fact_rows(text, "value", "measure")
    assert rows == [(7.4, "growth_rate"), (12.5, "growth_rate"), (-2.1, "growth_rate")]


def test_a_policy_counted_by_its_articles_and_a_slogans_number_are_names():
    text = (
        "出台稳增长十条政策措施，提出了18条贯彻实施意见，统筹一个阵地、五个平安建设，新建项目5个。"
    )
    assert fact_rows(text, "value", "unit") == [(5.0, "个")]
    # projects counted before 建设 are still counted
    assert fact_rows("推进三个重点项目建设。", "value") == [(3.0,)]


def test_a_rate_moved_in_points_after_a_space_is_against_the_year_before():
    rows = fact_rows("2018年，贫困发生率 下降4.12个百分点，降至2.3%。", "value", "comparator")
    assert (-4.12, "上年") in rows


def test_a_figure_broken_at_its_decimal_point_and_a_list_broken_after_its_unit_are_joined():
    text = (
        "全县生产总值完成88.1亿元，是2015年的1.\n42倍；财政总收入、公共预算收入分别是2015年的1.55倍\n"
        "、1.73倍。"
    )
    rows = fact_rows(text, "value", "unit", "comparator")
    assert [r for r in rows if r[1] == "倍"] == [
        (1.42, "倍", "2015年"), (1.55, "倍", "2015年"), (1.73, "倍", "2015年"),
    ]  # fmt: skip
