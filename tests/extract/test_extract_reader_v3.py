"""Reader, round three (issue 22, second round): rules made from causes of misses, each tested.

Every text here is written for these tests in the style of the genre; the numbers are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis.extract import explain_facts, extract_facts


def _rows(text: str, cols: list[str]) -> list[tuple]:
    facts = extract_facts(text)[cols].astype(object)
    return [tuple(None if pd.isna(v) else v for v in row) for row in facts.to_numpy()]


# --- an announcement's reach ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "after",
    [
        "。前三季度，全市地区生产总值增长5.1%，规上工业增加值增长6.3%。",
        "，1-9月全市地区生产总值增长5.1%，规上工业增加值增长6.3%。",
        "。预计全年地区生产总值增长5.1%，规上工业增加值增长6.3%。",
        "。截至9月末，全市地区生产总值增长5.1%，规上工业增加值增长6.3%。",
    ],
)
def test_an_outcome_after_the_announced_targets_is_an_actual(after):
    text = "关于2023年上半年计划执行情况的报告\n今年全市主要预期目标为：地区生产总值增长6%左右"
    text += after
    assert extract_facts(text)["kind"].tolist() == ["target", "actual", "actual"]


def test_the_targets_after_an_outcome_stay_targets():
    text = "主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，固定资产投资增长8%。"
    assert extract_facts(text)["kind"].tolist() == ["target"] * 3


def test_an_announcement_is_no_part_of_the_subject_and_an_estimate_word_neither():
    text = "我市年初确定的主要预期目标是地区生产总值增长6%左右。预计全年规上工业增加值增长5.5%。"
    assert _rows(text, ["subject", "kind"]) == [
        ("地区生产总值", "target"),
        ("规上工业增加值", "actual"),
    ]


# --- the years of a work report ------------------------------------------------------------------


def test_a_work_report_naming_the_year_reviewed_plans_the_next_one():
    text = (
        "某县十八届人大三次会议开幕\n县长作政府工作报告。报告指出，2023年，全县地区生产总值"
        "完成210亿元、增长6%。\n报告提出，今年全县主要预期目标是：地区生产总值增长6.5%左右。"
    )
    assert _rows(text, ["value", "kind", "period"]) == [
        (210.0, "actual", 2023),
        (6.0, "actual", 2023),
        (6.5, "target", 2024),
    ]


def test_a_mid_year_execution_report_plans_the_year_it_reviews():
    text = (
        "关于某市2023年上半年国民经济和社会发展计划执行情况的报告\n今年全市主要预期目标为：地区"
        "生产总值增长6%左右。上半年，全市地区生产总值增长5.1%。"
    )
    assert _rows(text, ["value", "kind", "period", "end_month"]) == [
        (6.0, "target", 2023, 12),
        (5.1, "actual", 2023, 6),
    ]


# --- a document's date ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["日期：2024/07/20", "发布日期: 2024.07.20", "（2024-07-21 10:20）", "2024年7月21日"]
)
def test_a_date_line_anywhere_dates_a_text_that_names_no_year(line):
    text = "上半年全县经济运行情况\n上半年，全县地区生产总值完成100.5亿元，同比增长5.6%。\n"
    text += f"{line}\n"
    assert _rows(text, ["period", "period_from", "end_month"]) == [(2024, "date", 6)] * 2


def test_a_date_inside_a_sentence_after_the_head_dates_nothing():
    filler = "全县上下坚持稳中求进工作总基调。" * 30  # past the head (title and date lines)
    text = f"上半年全县经济运行情况\n{filler}\n"
    text += "上半年，全县地区生产总值完成100.5亿元，于2024年7月21日公布。\n"
    assert _rows(text, ["period", "period_from"]) == [(None, "unknown")]


def test_a_bulletin_dated_at_its_foot_early_in_the_next_year_reports_the_year_before():
    text = "全县经济运行情况\n全县地区生产总值完成100.5亿元，同比增长5.6%。\n"
    text += "\n某县统计局\n2024年3月20日\n"
    assert _rows(text, ["period", "end_month"]) == [(2023, 12)] * 2


# --- after the one blind scoring of blind_v3: tables ---------------------------------------------


def test_an_ordering_column_before_the_label_and_a_second_table_of_years():
    text = (
        "GDP排行 | 区域 | 2021年GDP(亿元) | 增速(%) |\n"
        "1 | 甲区 | 565.7 | 8 |\n2 | 乙县 | 320.7 | 9.9 |\n3 | 丙县 | 305.2 | 9.8 |\n"
        "年份 | GDP(亿元) | 增速(%) |\n2021年 | 2311.1 | 11 |\n2020年 | 1711.6 | 5.1 |\n"
    )
    assert _rows(text, ["subject", "value", "unit", "measure", "period"]) == [
        ("甲区", 565.7, "亿元", "level", 2021),
        ("甲区", 8.0, "%", "growth_rate", 2021),
        ("乙县", 320.7, "亿元", "level", 2021),
        ("乙县", 9.9, "%", "growth_rate", 2021),
        ("丙县", 305.2, "亿元", "level", 2021),
        ("丙县", 9.8, "%", "growth_rate", 2021),
        ("GDP", 2311.1, "亿元", "level", 2021),
        ("增速", 11.0, "%", "growth_rate", 2021),
        ("GDP", 1711.6, "亿元", "level", 2020),
        ("增速", 5.1, "%", "growth_rate", 2020),
    ]


def test_a_row_labelled_by_its_year_covers_that_whole_year():
    text = (
        "上半年全县经济运行情况\n上半年,全县地区生产总值增长5.1%。\n历年地区生产总值\n"
        "年份 | GDP(亿元) | 增速(%) |\n2021年 | 2311.1 | 11 |\n2020年 | 1711.6 | 5.1 |\n"
    )
    rows = _rows(text, ["period", "start_month", "end_month"])
    assert rows == [(None, 1, 6), (2021, 1, 12), (2021, 1, 12), (2020, 1, 12), (2020, 1, 12)]


def test_a_cell_per_line_closed_by_pipes_with_a_header_cut_over_two_lines():
    text = (
        "2015年1-4月主要指标比较\n规模以上工业增加值\n"
        "省市 |\n增速 |\n增速与去年 |\n同期比较 |\n||\n"
        "甲省 |\n14.7 |\n14.3 |\n乙省 |\n11 |\n-2 |\n全国 |\n6.2 |\n-2.5 |\n"
    )
    assert _rows(text, ["subject", "value", "unit", "measure", "comparator", "end_month"]) == [
        ("甲省", 14.7, "%", "growth_rate", None, 4),
        ("甲省", 14.3, "个百分点", "change_pp", "去年同期", 4),
        ("乙省", 11.0, "%", "growth_rate", None, 4),
        ("乙省", -2.0, "个百分点", "change_pp", "去年同期", 4),
        ("全国", 6.2, "%", "growth_rate", None, 4),
        ("全国", -2.5, "个百分点", "change_pp", "去年同期", 4),
    ]


def test_a_unit_in_the_first_row_label_serves_the_rows_below_and_month_columns_date_cells():
    text = (
        "2022年9月社会消费品零售总额\n\n指标\n\n本月\n\n比去年同月增长(%)\n\n1-本月\n\n"
        "比去年同期增长(%)\n\n社会消费品零售总额(亿元)\n\n1478.53\n\n0.3\n\n11864.63\n\n-10.7\n\n"
        "  # 吃的商品\n\n329.11\n\n-9.7\n\n2635.30\n\n-9.5\n"
    )
    got = _rows(text, ["value", "unit", "measure", "start_month", "end_month"])
    assert got == [
        (1478.53, "亿元", "level", 9, 9),
        (0.3, "%", "growth_rate", 9, 9),
        (11864.63, "亿元", "level", 1, 9),
        (-10.7, "%", "growth_rate", 1, 9),
        (329.11, "亿元", "level", 9, 9),
        (-9.7, "%", "growth_rate", 9, 9),
        (2635.3, "亿元", "level", 1, 9),
        (-9.5, "%", "growth_rate", 1, 9),
    ]


# --- ranks ---------------------------------------------------------------------------------------


def test_a_rank_after_points_ranks_the_growth_and_regions_are_scopes():
    text = (
        "前三季度,全省生产总值增长8.8%,增速比上半年回落0.2个百分点,高于全国平均水平2.1个百分点,"
        "列全国第4、中部第1。"
    )
    facts = extract_facts(text)
    ranks = facts[facts["measure"] == "rank"]
    assert ranks[["value", "rank_scope", "ranked_on"]].to_numpy().tolist() == [
        [4.0, "全国", "growth_rate"],
        [1.0, "中部", "growth_rate"],
    ]


def test_two_indicators_of_earlier_sentences_of_the_paragraph_share_one_rank():
    text = (
        "1-6月,规模以上工业企业完成产值299.44亿元,同比下降4.9%。规上工业增加值同比下降0.3%,"
        "两项指标均位列全市第6。\n"
    )
    facts = extract_facts(text)
    ranks = facts[facts["measure"] == "rank"]
    assert ranks["subject"].tolist() == ["规模以上工业企业完成产值", "规上工业增加值"]


def test_a_rank_that_moved_from_one_year_to_another_is_a_pair_with_its_years():
    text = "预计2016年,全市实现生产总值601.7亿元,经济总量由2011年的全省第5位上升到去年的第3位。"
    facts = extract_facts(text)
    ranks = facts[facts["measure"] == "rank"]
    assert ranks[["value", "stage", "period", "rank_scope", "ranked_on"]].to_numpy().tolist() == [
        [5.0, "from", 2011, "全省", "level"],
        [3.0, "to", 2015, "全省", "level"],
    ]


def test_a_rank_over_the_indicators_listed_in_the_clause_before():
    text = "人均地区生产总值、全员劳动生产率、居民人均可支配收入等重要指标,保持全市第一。"
    facts = extract_facts(text)
    assert facts["subject"].tolist() == ["人均地区生产总值", "全员劳动生产率", "居民人均可支配收入"]
    assert set(facts["value"]) == {1.0} and set(facts["rank_scope"]) == {"全市"}


# --- measures and signs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "measure", "value", "kind"),
    [
        ("地方公共财政预算收入2.5亿元,下降(同口径)19.59%。", "growth_rate", -19.59, "actual"),
        ("2021年全区生产总值增长目标为7.5%以上。", "growth_rate", 7.5, "target"),
        ("全市限上批、零、住、餐四行业增速分别为4.1%、-11.6%。", "growth_rate", -11.6, "actual"),
        ("城镇常住人口491万人,占常住人口比重(常住人口城镇化率)为67.31%。", "rate", 67.31, "actual"),
        ("1至4月,省重点项目完成投资1418.98亿元,占年计划42.1%。", "rate", 42.1, "actual"),
    ],
)
def test_the_measure_of_a_percent_is_read_past_notes_lists_and_named_rates(
    text, measure, value, kind
):
    last = extract_facts(text).iloc[-1]
    assert (last["measure"], last["value"], last["kind"]) == (measure, value, kind)


def test_a_figure_in_brackets_after_a_place_is_the_growth_the_sentence_is_about():
    text = (
        "从规模以上工业增加值增速来看,甲省(14.7%)、乙省(11%)增速位列西部前两位,"
        "丙省(5.6%)位列西部第10位。"
    )
    facts = extract_facts(text)
    assert facts["measure"].tolist()[:4] == ["growth_rate"] * 3 + ["rank"]
    assert facts.iloc[3][["rank_scope", "ranked_on"]].tolist() == ["西部", "growth_rate"]


@pytest.mark.parametrize(
    ("text", "value", "comparator"),
    [
        ("人均地区生产总值99359元,高于全市平均水平12645元。", 12645.0, "全市"),
        ("人均地区生产总值99359元,低于全省平均水平645元。", -645.0, "全省"),
        ("粮食产量实现26.92亿斤,增产0.94亿斤。", 0.94, ""),
    ],
)
def test_a_level_above_a_comparator_or_gained_is_a_change(text, value, comparator):
    last = _rows(text, ["measure", "value", "comparator"])[-1]
    assert last == ("change", value, comparator or None)


@pytest.mark.parametrize(
    ("words", "value"),
    [("降幅较一季度收窄2.7个百分点", 2.7), ("降幅较1-5月份收窄2.6个百分点", 2.6),
     ("降幅较上月扩大3.4个百分点", -3.4), ("增幅较上月收窄1.2个百分点", -1.2)],
)  # fmt: skip
def test_a_narrowing_decline_is_a_rise_and_a_widening_one_a_fall(words, value):
    last = extract_facts(f"1-6月,规上工业增加值同比下降0.3%,{words}。").iloc[-1]
    assert (last["measure"], last["value"]) == ("change_pp", value)


# --- names, structures, units, months, characters ------------------------------------------------


def test_phases_round_campaigns_and_policy_packages_are_names():
    text = (
        "实施投资1.97亿元的三江源二期工程。千名干部下基层,企业反映的134个问题全部办复。"
        "全区落实稳增长24条、促进中小微企业发展18条等各项政策措施。出台政策措施12条。"
    )
    assert extract_facts(text)["value"].tolist() == [1.97, 134.0, 12.0]


def test_a_ratio_named_as_three_sector_proportion_is_a_structure():
    facts = extract_facts("2024年,三次产业比达到38.8:19.3:41.9。")
    assert facts["rule"].tolist() == ["structure"] * 3
    assert facts["value"].tolist() == [38.8, 19.3, 41.9]


def test_livestock_and_poultry_units_and_a_single_month_in_a_year_to_date_text():
    text = "1-6月,马驴骡发展到2.2万匹,家禽发展到196.8万羽。6月当月完成外贸进出口总额14.5亿元。"
    assert _rows(text, ["value", "unit", "start_month", "end_month"]) == [
        (2.2, "万匹", 1, 6),
        (196.8, "万羽", 1, 6),
        (14.5, "亿元", 6, 6),
    ]


def test_common_traditional_characters_fold_so_scopes_and_standings_read():
    text = (
        "今年一季度,新疆實現生產總值3975.30億元,同比增長7.0%,高于全國2.2個百分點,增速居全國前列。"
    )
    facts = extract_facts(text)
    assert facts["comparator"].tolist()[2] == "全国"
    assert facts["measure"].tolist() == ["level", "growth_rate", "change_pp", "standing"]


def test_explain_words_the_new_rules_in_chinese():
    text = (
        "1-6月,规上工业增加值同比下降0.3%,降幅较一季度收窄2.7个百分点。\n"
        "从工业增加值增速来看,甲省(14.7%)位列西部第1位。\n"
        "历年地区生产总值\n年份 | GDP(亿元) | 增速(%) |\n"
        "2021年 | 2311.1 | 11 |\n2020年 | 1711.6 | 5.1 |\n"
    )
    zh = explain_facts(extract_facts(text))
    assert "降幅收窄" in zh and "括号内数值，属于增速" in zh and "取自表行" in zh
    assert "a decline that" not in zh and "from the table row" not in zh
