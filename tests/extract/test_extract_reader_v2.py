"""Reader v2 (issue 22): targets however announced, tables, shared ranks, carried subjects, a
period on every fact, and signs.

Every text here is written for these tests in the style of the genre (the sentences the issue
quotes from unseen documents among them); the numbers are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis.extract import FACT_COLUMNS, explain_facts, extract_facts
from muye_analysis.extract.dating import find_spans, find_years


def _rows(text: str, cols: list[str]) -> list[tuple]:
    facts = extract_facts(text)[cols].astype(object)
    return [tuple(None if pd.isna(v) else v for v in row) for row in facts.to_numpy()]


# --- targets by the document's own announcements ------------------------------------------------


def test_a_target_list_announced_as_an_indicator_system_is_read_as_targets():
    text = (
        "会议提出了2021年全市经济社会高质量发展指标体系安排,具体为:总量支撑型指标方面,"
        "地区生产总值增长6.5%左右,一般公共预算收入增长7%;质量效益型指标方面,"
        "研发经费投入增长12%。"
    )
    assert _rows(text, ["value", "kind", "period"]) == [
        (6.5, "target", 2021),
        (7.0, "target", 2021),
        (12.0, "target", 2021),
    ]


def test_a_plan_announced_with_jihua_makes_its_sentence_targets():
    facts = extract_facts("2013年,某县计划年内实施总投资35亿元的80项城建重点工程。")
    assert facts["kind"].tolist() == ["target", "target"]
    assert facts["value"].tolist() == [35.0, 80.0]
    assert facts["period"].tolist() == [2013, 2013]


def test_a_completion_never_turns_the_actual_growth_beside_it_into_a_target():
    text = (
        "初步预计,全区地区生产总值635亿元,完成年计划710亿元的89.4%(主要是二产未达预期),增长2.0%。"
    )
    assert _rows(text, ["value", "measure", "kind"]) == [
        (635.0, "level", "actual"),
        (710.0, "level", "target"),
        (89.4, "rate", "actual"),
        (2.0, "growth_rate", "actual"),
    ]


def test_an_outcome_clause_ends_the_reach_of_a_plan_word():
    text = "2020年计划实施重点项目71个,年度计划完成投资56.2亿元,1-6月份累计完成投资35.9亿元。"
    assert _rows(text, ["value", "kind", "start_month", "end_month"]) == [
        (71.0, "target", 1, 12),
        (56.2, "target", 1, 12),
        (35.9, "actual", 1, 6),
    ]


def test_a_category_named_plan_in_a_list_stays_an_actual_count():
    text = "今年重点项目1-6月完成投资30亿元;计划新开工项目57项,总投资56亿元。"
    assert extract_facts(text)["kind"].tolist() == ["actual", "actual", "actual"]


def test_one_target_per_line_after_an_announcement_are_all_targets():
    text = (
        "政府工作报告提出,今年发展主要预期目标是:\n\n国内生产总值增长5.5%左右;\n\n"
        "城镇新增就业1100万人以上;\n\n粮食产量保持在1.3万亿斤以上。\n\n记者注意到,去年增长8.1%。"
    )
    assert extract_facts(text)["kind"].tolist() == ["target", "target", "target", "actual"]


def test_a_heading_of_targets_announces_the_paragraph_under_it():
    text = "2024年目标任务\n\n实现GDP增速6.2%以上;规上工业增加值增长9%左右。\n\n一 打造新标杆\n"
    facts = extract_facts(text)
    assert facts["kind"].tolist() == ["target", "target"]
    assert facts["period"].tolist() == [2024, 2024]


def test_the_tasks_a_report_announces_are_targets():
    text = (
        "2023年,该县获评多项称号。\n该县将重点抓好七个方面工作。一是壮大优势产业,"
        "实现卫浴产值150亿元以上。全年新增规上工业企业25家。"
    )
    assert _rows(text, ["value", "kind"]) == [(150.0, "target"), (25.0, "target")]


def test_a_shortfall_against_target_is_an_actual_with_a_negative_sign():
    text = "规上工业增加值增长3.1%,塌目标1.8个百分点;投资增长5%,欠目标任务(10亿元)2个百分点。"
    assert _rows(text, ["value", "measure", "kind", "comparator"]) == [
        (3.1, "growth_rate", "actual", None),
        (-1.8, "change_pp", "actual", "目标"),
        (5.0, "growth_rate", "actual", None),
        (10.0, "level", "target", None),
        (-2.0, "change_pp", "actual", "目标任务"),
    ]


# --- tables ------------------------------------------------------------------------------------


def test_a_pipe_table_with_pinyin_residue_is_read_as_rows_by_columns():
    text = (
        "2023年全縣地區生產總值\n| 指標 | 增加值(億元) | 增長(%) |\n"
        "| 地區(qū)生產(chǎn)總值 | 301.20 | 5.1 |\n| 工業(yè) | 176.90 | 3.8 |\n"
        "| 建築業(yè) | 20.10 | -2.1 |\n"
    )
    facts = extract_facts(text)
    assert _rows(text, ["subject", "value", "unit", "measure", "period"])[2:4] == [
        ("工业", 176.9, "亿元", "level", 2023),
        ("工业", 3.8, "%", "growth_rate", 2023),
    ]
    assert set(facts["rule"]) == {"table"}
    assert facts["quote"].iloc[2] == "工業(yè) | 176.90"  # the text as printed
    assert facts["value"].iloc[5] == -2.1


def test_a_table_of_one_cell_per_line_between_pipe_lines_is_read():
    text = (
        "2022年全区生产总值及其增长速度\n|\n单位:亿元\n|\n指 标\n|\n绝对数\n|\n比上年增长%\n|\n"
        "生产总值\n|\n295.4\n|\n7.7\n|\n交通运输、仓储和邮政业\n|\n11.1\n|\n-0.5\n|\n"
        "据统计,全区城镇新增就业岗位6007个。"
    )
    assert _rows(text, ["subject", "value", "unit", "measure", "period", "rule"]) == [
        ("生产总值", 295.4, "亿元", "level", 2022, "table"),
        ("生产总值", 7.7, "%", "growth_rate", 2022, "table"),
        ("交通运输、仓储和邮政业", 11.1, "亿元", "level", 2022, "table"),
        ("交通运输、仓储和邮政业", -0.5, "%", "growth_rate", 2022, "table"),
        ("城镇新增就业岗位", 6007.0, "个", "count", 2022, "count"),
    ]


def test_one_cell_per_line_with_headers_split_over_lines_and_group_rows():
    text = (
        "某市生产总值\n\n2022年上半年\n\n总量\n\n(亿元)\n\n比上年同期\n\n增长(%)\n\n"
        "地区生产总值\n\n1934.31\n\n-5.7\n\n  按产业分\n\n    第一产业\n\n34.52\n\n1.7\n\n"
        "    # 工业\n\n421.11\n\n-13.3\n"
    )
    assert _rows(text, ["subject", "value", "unit", "measure", "period", "end_month"]) == [
        ("地区生产总值", 1934.31, "亿元", "level", 2022, 6),
        ("地区生产总值", -5.7, "%", "growth_rate", 2022, 6),
        ("第一产业", 34.52, "亿元", "level", 2022, 6),
        ("第一产业", 1.7, "%", "growth_rate", 2022, 6),
        ("工业", 421.11, "亿元", "level", 2022, 6),
        ("工业", -13.3, "%", "growth_rate", 2022, 6),
    ]


def test_table_columns_that_are_years_date_each_value_and_units_come_from_labels():
    text = (
        "| 项目 | 2021年 | 2022年 |\n| 地区生产总值(亿元) | 100.1 | 110.2 |\n"
        "| 人均GDP(元) | 30000 | 32000 |\n"
    )
    assert _rows(text, ["subject", "value", "unit", "period"]) == [
        ("地区生产总值", 100.1, "亿元", 2021),
        ("地区生产总值", 110.2, "亿元", 2022),
        ("人均GDP", 30000.0, "元", 2021),
        ("人均GDP", 32000.0, "元", 2022),
    ]


def test_a_unit_column_and_a_header_row_lacking_its_label_cell():
    with_unit = (
        "| 指标 | 单位 | 绝对数 | 比上年增长% |\n|---|---|---|---|\n"
        "| 常住人口 | 万人 | 30.2 | -0.4 |\n| 人均收入 | 元 | 28000 | 7.2 |\n"
    )
    assert _rows(with_unit, ["value", "unit", "measure"]) == [
        (30.2, "万人", "count"),
        (-0.4, "%", "growth_rate"),
        (28000.0, "元", "level"),
        (7.2, "%", "growth_rate"),
    ]
    shifted = (
        "表1:2013年1-3季度数据\n| 绝对额(亿元) | 比去年同期增长(%) | |\n"
        "| 第一产业 | 35669 | 3.4 |\n| 工业 | 149000 | 7.6 |\n"
    )
    assert _rows(shifted, ["value", "unit", "period", "start_month", "end_month"]) == [
        (35669.0, "亿元", 2013, 1, 9),
        (3.4, "%", 2013, 1, 9),
        (149000.0, "亿元", 2013, 1, 9),
        (7.6, "%", 2013, 1, 9),
    ]


def test_an_ordering_column_is_no_statistic_and_prose_is_no_table():
    text = (
        "排行 | 各区县 | 2023年GDP(亿元) | 2023年增速(%) |\n"
        "1 | 甲区 | 249.74 | 4.6 |\n2 | 乙县 | 197.39 | 4.2 |\n"
    )
    assert _rows(text, ["subject", "value", "measure", "period"]) == [
        ("甲区", 249.74, "level", 2023),
        ("甲区", 4.6, "growth_rate", 2023),
        ("乙县", 197.39, "level", 2023),
        ("乙县", 4.2, "growth_rate", 2023),
    ]
    prose = "全年粮食产量20万吨,增长2%。\n全年油料产量3万吨,增长1%。\n全年蔬菜产量9万吨,增长4%。\n"
    assert set(extract_facts(prose)["rule"]) == {"level", "growth"}


# --- shared ranks ------------------------------------------------------------------------------


def test_one_rank_over_two_indicators_named_before_goes_to_each():
    text = "规上工业增加值增长8%,固定资产投资增长10%,兩項指標增速均排名全市第三。"
    ranks = extract_facts(text).query("measure == 'rank'")
    assert ranks["subject"].tolist() == ["规上工业增加值增速", "固定资产投资增速"]
    assert ranks["value"].tolist() == [3.0, 3.0]
    assert ranks["ranked_on"].tolist() == ["growth_rate", "growth_rate"]
    assert ranks["rank_scope"].tolist() == ["全市", "全市"]


def test_total_and_growth_share_one_rank_each_on_its_own_measure():
    text = "地区生产总值完成120亿元,增长6%,总量和增幅均列全市第三。"
    ranks = extract_facts(text).query("measure == 'rank'")
    assert ranks["subject"].tolist() == ["地区生产总值总量", "地区生产总值增幅"]
    assert ranks["ranked_on"].tolist() == ["level", "growth_rate"]


def test_a_rank_kept_is_the_subject_befores_and_a_list_of_ranks_is_fanned_out():
    kept = extract_facts("社会消费品零售总额完成50亿元,增长9%,保持全市第一。")
    assert kept.query("measure == 'rank'")["subject"].tolist() == ["社会消费品零售总额"]
    listed = extract_facts("工业增加值和固定资产投资總量全市第二、第三。")
    assert _rows("工业增加值和固定资产投资總量全市第二、第三。", ["subject", "value"]) == [
        ("工业增加值总量", 2.0),
        ("固定资产投资总量", 3.0),
    ]
    assert listed["ranked_on"].tolist() == ["level", "level"]


def test_a_rank_shared_by_a_growth_and_a_progress_within_a_named_pool():
    text = "规模以上工业增加值增长36%,增速和达目标任务进度在市区县中均排名第一位。"
    ranks = extract_facts(text).query("measure == 'rank'")
    assert ranks["subject"].tolist() == [
        "规模以上工业增加值增速",
        "规模以上工业增加值达目标任务进度",
    ]
    assert ranks["rank_scope"].tolist() == ["市区县", "市区县"]
    assert ranks["kind"].tolist() == ["actual", "actual"]


# --- subjects past intervening phrases ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("财政收入实现三个全市第一,其中:总量26.42亿元,增长15%。", 26.42, "财政收入"),
        ("税收收入完成8亿元,增收6253万元,总量居全市第二位。", 2.0, "税收收入"),
        ("税收收入完成全年总量目标的107%,同比增长15%。", 15.0, "税收收入"),
        ("交通运输业恢复强劲,增速达14.8%。", 14.8, "交通运输业"),
    ],
)
def test_a_subject_is_carried_past_intervening_words(text, value, subject):
    facts = extract_facts(text)
    row = facts[facts["value"] == value].iloc[0]
    assert row["subject"] == subject


def test_explain_says_where_a_subject_came_from():
    facts = extract_facts("交通运输业恢复强劲,增速达14.8%;税收收入完成8亿元,增收6253万元。")
    assert "subject from the sentence's topic: 交通运输业" in facts["evidence"].iloc[0]
    assert "subject carried: 税收收入" in facts["evidence"].iloc[2]
    assert facts["measure"].iloc[2] == "change"
    assert "交通运输业" in explain_facts(facts, lang="en")


# --- a period on every fact --------------------------------------------------------------------


def test_the_year_comes_from_the_title_and_the_months_from_the_headline():
    text = "2022年某县国民经济和社会发展统计公报\n一、综合\n全年地区生产总值95亿元,增长4.1%。"
    assert _rows(text, ["period", "start_month", "end_month", "period_from"]) == [
        (2022, 1, 12, "title"),
        (2022, 1, 12, "title"),
    ]
    news = "前三季度某区经济运行情况\n全区实现地区生产总值129.2亿元,同比增长6.2%。"
    assert _rows(news, ["start_month", "end_month"]) == [(1, 9), (1, 9)]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("1-8月,全县规模以上工业增加值增长5%。", (1, 8)),
        ("上半年,全县规模以上工业增加值增长5%。", (1, 6)),
        ("一季度,全县规模以上工业增加值增长5%。", (1, 3)),
        ("元至九月,全县规模以上工业增加值增长5%。", (1, 9)),
        ("12月份,全县规模以上工业增加值增长5%。", (12, 12)),
        ("截至6月末,全县各项存款余额150亿元。", (1, 6)),
    ],
)
def test_year_to_date_spans_are_read_from_the_sentence(text, months):
    facts = extract_facts(text)
    assert (facts["start_month"].iloc[0], facts["end_month"].iloc[0]) == months


def test_comparisons_never_set_a_period():
    text = (
        "2023年,全县规上工业增加值增长6.6%,较一季度、上半年和前三季度分别提高7.9个、3.4个和"
        "1.7个百分点,扭转了2015年以来增速偏低的局面。"
    )
    facts = extract_facts(text)
    assert facts["period"].tolist() == [2023] * 4
    assert facts["end_month"].tolist() == [12] * 4
    assert facts["comparator"].astype(object).tolist()[1:] == ["一季度", "上半年", "前三季度"]
    assert [y.year for y in find_years("与2020年相比,按2017年平均汇率,2015年以来")] == []
    assert find_spans("比上半年加快0.5个百分点,完成全年目标的107%") == []


def test_a_report_date_dates_the_review_and_the_plan():
    text = (
        "政府工作报告\n——2024年1月10日在某区人民代表大会第三次会议上\n"
        "过去一年,全年预计完成地区生产总值760亿元、增长5.6%。\n"
        "今年主要预期目标是:地区生产总值增长5%左右。"
    )
    assert _rows(text, ["value", "kind", "period"]) == [
        (760.0, "actual", 2023),
        (5.6, "actual", 2023),
        (5.0, "target", 2024),
    ]


def test_a_target_takes_the_plan_year_and_last_years_figure_the_year_before():
    text = (
        "关于2022年计划执行情况与2023年计划的报告\n一、2022年计划执行情况\n"
        "完成投资75.3亿元,比去年同期73.8亿元增加了1.5亿元。\n二、2023年主要目标\n投资增长8%。"
    )
    assert _rows(text, ["value", "kind", "period"]) == [
        (75.3, "actual", 2022),
        (73.8, "actual", 2021),
        (1.5, "actual", 2022),
        (8.0, "target", 2023),
    ]


def test_a_structure_from_last_year_is_dated_the_year_before():
    text = "2022年,三产结构比由10.2:40.1:49.7调整为9.8:39.5:50.7。"
    facts = extract_facts(text)
    assert facts["subject"].tolist()[:3] == ["第一产业比重", "第二产业比重", "第三产业比重"]
    assert facts["period"].tolist() == [2021] * 3 + [2022] * 3
    assert facts["stage"].tolist() == ["from"] * 3 + ["to"] * 3


def test_a_fact_whose_year_cannot_be_known_says_so():
    facts = extract_facts("上半年,全县规上工业增加值增长1.3%。")
    assert pd.isna(facts["period"].iloc[0])
    assert facts["period_from"].iloc[0] == "unknown"
    assert "period unknown" in facts["evidence"].iloc[0]
    assert (facts["start_month"].iloc[0], facts["end_month"].iloc[0]) == (1, 6)


def test_the_period_columns_are_part_of_every_fact():
    assert {"start_month", "end_month", "period_from"} <= set(FACT_COLUMNS)


# --- signs -------------------------------------------------------------------------------------


def test_declines_and_changes_keep_their_sign():
    text = (
        "年末常住人口50.2万人,比 2021 年末减少 0.5 万人;比一季度增加了9个;"
        "第二产业增加值下降6.3%,拉低全市GDP增速0.8个百分点;人口自然增长率回落0.2个千分点。"
    )
    rows = _rows(text, ["value", "measure", "comparator"])
    assert (-0.5, "change", "2021 年末") in rows
    assert (-6.3, "growth_rate", None) in rows
    assert (-0.8, "change_pp", None) in rows


def test_a_growth_in_multiples_is_read_as_percent_and_flagged():
    facts = extract_facts("第二产业投资增长3倍,基础设施投资增长1.4倍。")
    assert facts["value"].tolist() == [300.0, 140.0]
    assert facts["unit"].tolist() == ["%", "%"]
    assert "written as 3倍" in facts["note"].iloc[0]


def test_a_plan_word_reaches_past_semicolons_but_not_into_the_past():
    text = "2024年,力争地区生产总值增长7%;固定资产投资增长10%。"
    assert _rows(text, ["value", "kind", "period"]) == [
        (7.0, "target", 2024),
        (10.0, "target", 2024),
    ]
    after = "今年主要目标是地区生产总值增长7%;固定资产投资增长10%。去年完成投资50亿元。"
    assert extract_facts(after)["kind"].tolist() == ["target", "target", "actual"]


# --- what the blind half of round two found (rules added after its one scoring) -----------------


def test_look_alike_signs_read_as_percent_and_colon():
    facts = extract_facts("全县生产总值同比增长15℅;三次产业比重为21.5∶36.1∶42.4。")
    assert _rows("全县生产总值同比增长15℅。", ["value", "unit", "measure"]) == [
        (15.0, "%", "growth_rate")
    ]
    assert facts.query("rule == 'structure'")["value"].tolist() == [21.5, 36.1, 42.4]
    assert facts["quote"].iloc[0].endswith("15℅")  # quotes keep the text as printed


def test_an_abbreviation_glued_to_its_figure_is_no_code():
    assert _rows("据悉,2024年,某市完成GDP2917.85亿元。", ["value", "unit", "period"]) == [
        (2917.85, "亿元", 2024)
    ]


def test_this_year_named_in_brackets_dates_the_targets():
    text = (
        "省长作政府工作报告时表示,今年(2024年)预期地区生产总值增长5%。\n主要预期目标是:投资增长4%。"
    )
    assert extract_facts(text)["period"].tolist() == [2024, 2024]


def test_moves_in_a_ranking_are_changes_with_their_sign_and_comparators():
    text = "增速居全省第7位,位次分别较一季度、上半年分别前移7位、8位;投资位次较上月后退2位。"
    moves = extract_facts(text).query("measure == 'change'")
    assert moves["value"].tolist() == [7.0, 8.0, -2.0]
    assert moves["unit"].tolist() == ["位"] * 3
    assert moves["comparator"].astype(object).tolist() == ["一季度", "上半年", "上月"]


def test_flat_against_a_place_is_a_gap_of_zero_points():
    text = "第二产业增加值同比增长6.9%,与全省平均水平持平;社会消费品零售总额与上年持平。"
    assert _rows(text, ["value", "unit", "measure", "comparator"]) == [
        (6.9, "%", "growth_rate", None),
        (0.0, "个百分点", "change_pp", "全省"),
        (0.0, "%", "growth_rate", None),
    ]


def test_permille_points_mega_volt_amperes_and_higher_by():
    text = (
        "人口自然增长率为-3.19‰,比上年下降3.18个千分点;变压器产量2828.08万千伏安;"
        "固定资产投资增速高出全市6.6个百分点;累计完成投资313.6亿元,较去年同期增长153.3亿元。"
    )
    assert _rows(text, ["value", "unit", "measure", "comparator"]) == [
        (-3.19, "‰", "rate", None),
        (-3.18, "个千分点", "change", "上年"),
        (2828.08, "万千伏安", "level", None),
        (6.6, "个百分点", "change_pp", "全市"),
        (313.6, "亿元", "level", None),
        (153.3, "亿元", "change", "上年同期"),  # 去年 and 上年: one comparator
    ]


def test_a_threshold_defines_a_subject_and_a_percent_of_something_is_a_share():
    text = "力争实现20%的村集体年收入较快增长,新增年收入超50万元的经济强村5个。"
    assert _rows(text, ["value", "unit", "measure", "kind"]) == [
        (20.0, "%", "share", "target"),
        (5.0, "个", "count", "target"),
    ]
