"""Reader, round seven (helper p): prose the blind_v7 documents printed, each rule tested."""

from __future__ import annotations

import pandas as pd

from muye_analysis.extract import extract_facts
from muye_analysis.extract.io import explain_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


# -- traditional characters, units, verbs ---------------------------------------------------------


def test_a_completion_printed_with_the_traditional_zhan_is_an_actual_rate():
    rows = _rows("1-6月全縣完成投資20億元，佔年度計劃的61.5%。", "value", "measure", "kind")
    assert (61.5, "rate", "actual") in rows


def test_a_share_of_the_adjusted_budget_is_a_completion():
    rows = _rows("一般公共预算收入完成2.5亿元，占预算调整数的101.2%。", "value", "measure", "rule")
    assert (101.2, "rate", "completion") in rows


def test_emissions_cut_by_a_tonnage_are_negative_changes():
    rows = _rows("全市化学需氧量和氨氮排放量分别削减2150吨和870吨。", "value", "unit", "measure")
    assert rows == [(-2150.0, "吨", "change"), (-870.0, "吨", "change")]


def test_kilowatt_hours_spelt_out_are_one_unit():
    rows = _rows("全县全社会用电量5.3亿千瓦小时，增长7.2%。", "value", "unit")
    assert rows[0] == (5.3, "亿千瓦小时")


# -- line breaks inside a list of figures ---------------------------------------------------------


def test_a_list_of_growths_broken_before_its_last_member_is_read_whole():
    text = "全县财政收入8.1亿元、税收收入6.2亿元，分别增长4.4%\n和12.7%，增速较快。"
    values = [v for v, m in _rows(text, "value", "measure") if m == "growth_rate"]
    assert values == [4.4, 12.7]


def test_a_list_of_growths_broken_after_a_conjunction_is_read_whole():
    text = "工业投资、技改投资分别增长6.6%和\n9.8%。"
    values = [v for v, m in _rows(text, "value", "measure") if m == "growth_rate"]
    assert values == [6.6, 9.8]


def test_a_line_ending_on_a_figure_before_ordinary_text_stays_broken():
    text = "全年粮食产量12.4万吨\n和平镇新建项目3个。"
    assert _rows(text, "value", "unit") == [(12.4, "万吨"), (3.0, "个")]


# -- numbered paragraphs are not headings ---------------------------------------------------------

_PROGRESS = (
    "重点项目推进落实情况\n"
    "一、市发展改革委牵头建立重大项目联系制度，每月跟踪项目进展。\n"
    "二、1-5月全市重大项目累计完成投资约156.2亿元，完成年度计划投资的35%；固定资产投资"
    "520.4亿元，增长18.2%。\n"
    "三、今年公布我市2012年单位生产总值能耗下降率为3.8%，正按节能目标考核方案推进。\n"
)


def test_a_numbered_paragraph_that_mentions_a_plan_is_no_plan_part():
    kinds = dict(_rows(_PROGRESS, "value", "kind"))
    assert kinds[156.2] == "actual"
    assert kinds[520.4] == "actual"
    assert kinds[18.2] == "actual"
    assert kinds[3.8] == "actual"


def test_a_short_numbered_heading_that_sets_targets_still_makes_a_plan_part():
    text = (
        "一、2012年工作回顾\n全市生产总值增长9%。\n"
        "二、2013年主要目标和任务\n生产总值增长10%左右。\n"
    )
    assert _rows(text, "value", "kind") == [(9.0, "actual"), (10.0, "target")]


# -- reprint junk ---------------------------------------------------------------------------------


def test_a_bulleted_target_list_under_a_heading_carrying_reprint_junk_holds_targets():
    text = (
        "本报讯 市委全会总结去年的经济社会发展状况。\n"
        '2013预期目标; K2 |( w" ~4 R( j\n'
        "●力争全市地区生产总值增长12%以上\n"
        "●财政总收入增长16%以上\n"
        "3 e* f, q7 H: k ●城镇居民人均可支配收入增长13%以上\n"
        "回顾\n"
        "全市地区生产总值增长11.5%。\n"
    )
    assert _rows(text, "value", "kind") == [
        (12.0, "target"),
        (16.0, "target"),
        (13.0, "target"),
        (11.5, "actual"),
    ]


# -- the explanation ------------------------------------------------------------------------------


def test_the_explanation_of_a_fact_without_a_unit_shows_its_value():
    facts = extract_facts("全县生产总值150亿元，增长8%。")
    facts.loc[0, "unit"] = pd.NA
    assert "150 " in explain_facts(facts, lang="zh").splitlines()[0]


# -- months in a half-year report ------------------------------------------------------------------

_HALF_YEAR = (
    "某县发改局2018年上半年工作总结\n"
    "一、重点项目建设进展情况\n"
    "2018年全县市级重点项目60个，总投资180.5亿元。截至6月底，已完成投资41.2亿元。\n"
    "规上工业增加值增长7.5%。\n"
)


def test_a_year_naming_what_the_whole_county_has_covers_the_full_year():
    months = {v: (a, b) for v, a, b in _rows(_HALF_YEAR, "value", "start_month", "end_month")}
    assert months[60.0] == (1, 12)
    assert months[41.2] == (1, 6)
    assert months[7.5] == (1, 6)


def test_the_chinese_explanation_words_the_full_year_named_by_a_year():
    text = explain_facts(extract_facts(_HALF_YEAR), lang="zh")
    assert "写明年份、未写时段：全年" in text
    assert "no span" not in text


# -- targets in a plan's sentence ------------------------------------------------------------------


def test_a_price_index_kept_within_a_percentage_is_a_growth_target():
    text = "明年主要预期目标是：生产总值增长8%，居民消费价格指数控制在3%以内。"
    rows = _rows(text, "value", "measure", "kind")
    assert (3.0, "growth_rate", "target") in rows


def test_a_price_index_printed_as_a_percentage_stays_a_rate():
    rows = _rows("2022年，全市食品类价格指数为101.3%。", "value", "measure")
    assert rows == [(101.3, "rate")]


def test_at_least_so_many_projects_is_a_count_not_a_bound():
    rows = _rows("2014年，全县计划引进15个以上亿元项目。", "value", "unit", "measure", "kind")
    assert rows == [(15.0, "个", "count", "target")]


def test_a_bound_in_money_still_defines_what_is_counted():
    rows = _rows("2014年，全县新增主营业务收入5亿元以上企业6家。", "value", "unit")
    assert rows == [(6.0, "家")]
