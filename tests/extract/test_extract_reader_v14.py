"""Reader, round fourteen (lead): the years blind_v14's documents printed, each rule tested."""

from __future__ import annotations

from tests.extract.conftest import fact_rows


def test_years_listed_then_figures_respectively_give_each_figure_its_year():
    text = (
        "2011年、2012年，全省城镇居民人均可支配收入分别达到16495元、18700.5元，"
        "分别增长10.8%、10.4%；农民人均纯收入分别达到4145.4元、4753元。"
    )
    assert fact_rows(text, "value", "period") == [
        (16495.0, 2011), (18700.5, 2012), (10.8, 2011), (10.4, 2012),
        (4145.4, 2011), (4753.0, 2012),
    ]  # fmt: skip
    # a list of figures not one per year says nothing of each figure's year
    uneven = fact_rows("2011年、2012年，全省生产总值分别增长15%、13.6%、12.1%。", "period")
    assert {year for (year,) in uneven} == {2012}


def test_a_figure_over_a_range_of_years_is_of_the_year_the_range_ends_in():
    text = "2011年至2013年上半年，全省累计新增城镇就业95.75万人，城镇登记失业率控制在4.2%以内。"
    assert {year for (year,) in fact_rows(text, "period")} == {2013}


def test_a_five_year_plan_named_in_the_parts_heading_dates_the_start_of_its_pairs():
    text = (
        "2020年12月29日在县人民代表大会上\n一、十三五工作回顾\n"
        "2016年以来，全县上下砥砺奋进。\n农业机械化率达到98%。\n"
        "绿色和有机产品认证从45个发展到117个。\n"
    )
    rows = fact_rows(text, "value", "stage", "period")
    assert (45.0, "from", 2015) in rows and (117.0, "to", 2020) in rows
    # a heading of another plan than the one ending in the year reviewed dates nothing
    other = text.replace("十三五", "十二五")
    assert (45.0, "from", 2020) in fact_rows(other, "value", "stage", "period")


def test_a_year_naming_an_honour_dates_nothing_after_it():
    text = (
        "2022年4月26日在县人民代表大会上\n一、本届政府工作回顾\n"
        "五年来，我县成功获选2022年省级现代农业产业园。新型农业经营主体达到3800多家。\n"
    )
    assert fact_rows(text, "value", "period") == [(3800.0, 2021)]


def test_a_place_s_year_named_after_a_quarter_in_the_same_run_is_the_full_year():
    text = (
        "2018年 我州全力以赴确保实现一季度“开门红” 2017年,全州地区生产总值同比增长11%,"
        "固定资产投资同比增长15.5%。"
    )
    assert fact_rows(text, "value", "period", "start_month", "end_month") == [
        (11.0, 2017, 1, 12), (15.5, 2017, 1, 12),
    ]  # fmt: skip


def test_targets_under_a_five_year_plans_heading_are_for_its_last_year():
    text = "2020年成就:\n地区生产总值增长6%\n“十四五”目标:\n人均生产总值达到9万元左右\n"
    rows = fact_rows(text, "value", "kind", "period")
    assert (9.0, "target", 2025) in rows
    # a plan named in a long sentence announcing this year's targets does not date them
    long = (
        "2024年1月20日\n今年是实现“十四五”规划目标任务的关键一年。报告也定下了今年经济社会发展"
        "主要预期目标：地区生产总值增长5%以上。\n"
    )
    assert (5.0, "target", 2024) in fact_rows(long, "value", "kind", "period")
