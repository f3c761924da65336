"""Reading rules for the patterns real documents use everywhere (issue 14).

Every sentence here is written for these tests in the style of the genre; the numbers are
invented. Each test names the rule it pins down: targets known from the paragraph, comparisons in
个百分点 with comparator and sign, ranks over lists, a growth after an intervening clause,
structure ratios, multiples and shares, and the noise of mirror sites.
"""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis import cli
from muye_analysis.extract import explain_facts, extract_facts
from muye_analysis.extract.normalise import normalise_text, strip_residue

COLS = ["subject", "value", "unit", "measure", "kind"]


def _rows(text: str, cols: list[str] = COLS) -> list[tuple]:
    facts = extract_facts(text)[cols].astype(object)
    return [tuple(None if pd.isna(v) else v for v in row) for row in facts.to_numpy()]


# --- targets known from the paragraph ---------------------------------------------------------


def test_every_figure_after_an_announcement_of_targets_is_a_target():
    text = (
        "二、工作回顾\n全区地区生产总值增长5.1%。\n"
        "会议提出了明年指标安排：地区生产总值增长6%左右；规上工业增加值增长8%；"
        "社会消费品零售总额增长7%以上。\n"
    )
    facts = extract_facts(text)
    assert facts["kind"].tolist() == ["actual", "target", "target", "target"]
    assert facts["value"].tolist() == [5.1, 6.0, 8.0, 7.0]
    assert "指标安排" in facts["evidence"].iloc[2]


def test_an_announcement_ending_its_line_makes_the_next_paragraph_targets():
    text = (
        "提出2025年经济社会发展主要预期目标：\n"
        "一是稳增长。预期全县生产总值增长5.5%左右；投资增长6%。\n"
    )
    facts = extract_facts(text)
    assert facts["kind"].tolist() == ["target", "target"]
    assert facts["period"].tolist() == [2025, 2025]


def test_qualified_figure_is_a_target_only_where_the_sentence_speaks_of_targets():
    planned = extract_facts("全年预期目标中,一般公共预算收入增长5%左右。")
    estimated = extract_facts("预计全年地区生产总值增长5%左右。")
    assert planned["kind"].tolist() == ["target"]
    assert estimated["kind"].tolist() == ["actual"]


def test_planned_amount_in_its_clause_is_a_target_and_the_completion_an_actual():
    text = "重点项目年度计划投资56.2亿元，1-6月完成投资30.1亿元，占年度计划的53.6%。"
    assert _rows(text, ["value", "measure", "kind"]) == [
        (56.2, "level", "target"),
        (30.1, "level", "actual"),
        (53.6, "rate", "actual"),
    ]


def test_a_target_inside_a_completion_gives_the_target_and_the_completion_rate():
    facts = extract_facts("固定资产投资完成年计划710亿元的89.4%。")
    assert facts[["value", "unit", "measure", "kind"]].to_numpy().tolist() == [
        [710.0, "亿元", "level", "target"],
        [89.4, "%", "rate", "actual"],
    ]
    assert facts["rule"].tolist() == ["level", "completion"]


# --- comparisons in 个百分点 ----------------------------------------------------------------------


def test_percentage_point_comparisons_keep_their_comparator_and_sign():
    text = "全区地区生产总值增长6.5%，高于目标2.1个百分点，低于全市1.3个百分点。"
    facts = extract_facts(text)
    pp = facts[facts["measure"] == "change_pp"]
    assert pp[["value", "comparator", "kind"]].to_numpy().tolist() == [
        [2.1, "目标", "actual"],  # compared with its target, still an actual
        [-1.3, "全市", "actual"],
    ]
    assert set(pp["subject"]) == {"地区生产总值"}


def test_one_comparison_over_several_comparators_gives_one_fact_each():
    text = "固定资产投资增长12.6%，较全国、全省、全市分别高8.2、8.0、7.5个百分点。"
    pp = extract_facts(text).query("measure == 'change_pp'")
    assert pp[["value", "unit", "comparator"]].to_numpy().tolist() == [
        [8.2, "个百分点", "全国"],
        [8.0, "个百分点", "全省"],
        [7.5, "个百分点", "全市"],
    ]
    assert set(pp["subject"]) == {"固定资产投资"}


def test_comparator_named_after_bi_decides_the_sign_and_its_own_figure_is_read_too():
    text = "全市生产总值增长8.4%，比全省(7.7%)低0.3个百分点，比上年同期回落1.2个百分点。"
    facts = extract_facts(text)
    assert facts[["value", "measure", "comparator"]].astype(object).fillna(
        ""
    ).to_numpy().tolist() == [
        [8.4, "growth_rate", ""],
        [7.7, "growth_rate", ""],  # the comparator's own growth, printed in brackets
        [-0.3, "change_pp", "全省"],
        [-1.2, "change_pp", "上年同期"],
    ]


def test_garbled_comparison_verb_keeps_the_comparator_and_says_the_sign_was_not_read():
    facts = extract_facts("地区生产总值增长4.2%，氐于全市1.3个百分点。")
    row = facts.iloc[1]
    assert (row["value"], row["comparator"], row["subject"]) == (1.3, "全市", "地区生产总值")
    assert "sign as printed" in row["note"]


def test_change_of_a_share_on_the_year_before_takes_the_year_as_comparator():
    text = "与上年比，第一产业比重上升0.8个百分点，第二、第三产业比重分别回落0.3和0.5个百分点。"
    facts = extract_facts(text)
    assert facts[["value", "comparator"]].to_numpy().tolist() == [
        [0.8, "上年"], [-0.3, "上年"], [-0.5, "上年"],
    ]  # fmt: skip
    assert facts["note"].iloc[1] == "unit from the list's last member"


# --- ranks over lists ------------------------------------------------------------------------


def test_a_rank_shared_by_a_list_of_indicators_is_one_rank_each():
    facts = extract_facts("人均地区生产总值、居民人均可支配收入等指标均居全市第一。")
    assert facts[["subject", "value", "rank_scope"]].to_numpy().tolist() == [
        ["人均地区生产总值", 1.0, "全市"],
        ["居民人均可支配收入", 1.0, "全市"],
    ]


def test_level_rank_and_growth_rank_in_one_sentence():
    facts = extract_facts("地区生产总值完成232亿元，总量全市第二，增速全市第一。")
    ranks = facts[facts["measure"] == "rank"]
    assert ranks[["value", "ranked_on"]].to_numpy().tolist() == [
        [2.0, "level"],
        [1.0, "growth_rate"],
    ]
    assert set(ranks["subject"]) == {"地区生产总值"}


def test_ranks_listed_with_fenbie_go_to_their_subjects_in_order():
    facts = extract_facts("一般公共预算收入、税收收入分别居全市第二、第三。")
    assert facts[["subject", "value"]].to_numpy().tolist() == [
        ["一般公共预算收入", 2.0], ["税收收入", 3.0],
    ]  # fmt: skip


def test_counted_indicators_before_a_rank_are_not_a_statistic():
    facts = extract_facts("工业投资、税收收入2项指标增速全市第一。")
    assert facts[["subject", "measure", "ranked_on"]].to_numpy().tolist() == [
        ["工业投资增速", "rank", "growth_rate"],
        ["税收收入增速", "rank", "growth_rate"],
    ]


def test_values_listed_then_ranked_together_give_one_rank_per_subject():
    text = "财政总收入、一般公共预算收入分别达到107.3亿元和63.8亿元，均保持全省第三。"
    ranks = extract_facts(text).query("measure == 'rank'")
    assert ranks["subject"].tolist() == ["财政总收入", "一般公共预算收入"]
    assert ranks["ranked_on"].tolist() == ["level", "level"]


def test_rank_moving_from_one_place_to_another_in_a_pool():
    text = "在12个县市区综合排名中，我县由上季度的第9位上升到第4位。"
    facts = extract_facts(text)
    assert facts[["value", "stage", "rank_scope"]].to_numpy().tolist() == [
        [9.0, "from", "12个县市区"], [4.0, "to", "12个县市区"],
    ]  # fmt: skip


# --- a growth after an intervening clause ------------------------------------------------------


def test_growth_after_a_completion_rate_is_of_the_subject_before_it():
    facts = extract_facts("税收收入完成全年目标的107%，同比增长15%。")
    assert facts[["value", "measure", "kind"]].to_numpy().tolist() == [
        [107.0, "rate", "actual"], [15.0, "growth_rate", "actual"],
    ]  # fmt: skip
    assert facts["subject"].iloc[1] == "税收收入"


def test_growth_on_a_stated_basis_keeps_its_subject_and_notes_the_basis():
    facts = extract_facts("一般公共预算收入扣除留抵退税因素后增长3.2%。")
    row = facts.iloc[0]
    assert (row["subject"], row["value"], row["measure"]) == (
        "一般公共预算收入",
        3.2,
        "growth_rate",
    )
    assert row["note"] == "basis: 扣除留抵退税因素后"
    assert row["indicator"] == "budget_revenue"


def test_growth_printed_before_the_level_it_reaches():
    assert _rows("招商引资增长25.9%达87.7亿元。", ["value", "measure"]) == [
        (25.9, "growth_rate"), (87.7, "level"),
    ]  # fmt: skip


def test_a_list_of_growth_rates_printed_without_fenbie_keeps_its_measure():
    facts = extract_facts("城乡居民人均可支配收入分别达到31250元、16330元，增长6.1%、7.4%。")
    assert facts["measure"].tolist() == ["level", "level", "growth_rate", "growth_rate"]


# --- structure ratios, multiples and shares ---------------------------------------------------


def test_structure_ratio_from_and_to_gives_six_shares():
    facts = extract_facts("三次产业结构由14.9:33.2:51.9调整为15.3:31.3:53.4。")
    assert facts[["subject", "value", "stage", "measure"]].to_numpy().tolist() == [
        ["第一产业比重", 14.9, "from", "share"],
        ["第二产业比重", 33.2, "from", "share"],
        ["第三产业比重", 51.9, "from", "share"],
        ["第一产业比重", 15.3, "to", "share"],
        ["第二产业比重", 31.3, "to", "share"],
        ["第三产业比重", 53.4, "to", "share"],
    ]
    assert facts["printed"].tolist() == ["14.9", "33.2", "51.9", "15.3", "31.3", "53.4"]


def test_a_growth_written_in_bei_is_a_growth_in_percent_flagged_as_written():
    row = extract_facts("全区规上工业增加值增长2.5倍。").iloc[0]
    assert (row["value"], row["unit"], row["measure"], row["rule"]) == (
        250.0, "%", "growth_rate", "multiple",
    )  # fmt: skip
    assert "written as 2.5倍" in row["note"]


def test_a_multiple_of_an_earlier_level_is_a_ratio_with_its_comparator():
    row = extract_facts("全区生产总值达到739亿元，是“十一五”末的1.6倍。").iloc[1]
    assert (row["value"], row["unit"], row["measure"]) == (1.6, "倍", "ratio")
    assert "十一五" in row["comparator"]


def test_contribution_rates_and_breadth_of_growth_are_shares():
    text = "三次产业对经济增长的贡献率分别为10.2%、35.1%和54.7%，工业增长面达61.5%。"
    assert extract_facts(text)["measure"].tolist() == ["share"] * 4


# --- noise of real pages ---------------------------------------------------------------------


def test_pinyin_residue_of_mirror_sites_is_cleaned_before_reading():
    text = "全年全區(qū)實現(xiàn)地區(qū)生產(chǎn)總值261.1億元,增(zeng)长(zhang)2.5%。"
    facts = extract_facts(text)
    assert facts["subject"].tolist() == ["地区生产总值", "地区生产总值"]
    assert facts["indicator"].tolist() == ["gdp", "gdp"]
    # offsets, quotes and printed values point at the page as given, residue and all
    assert facts["printed"].tolist() == ["261.1億元", "2.5%"]
    assert facts["quote"].iloc[0] == "地區(qū)生產(chǎn)總值261.1億元"
    assert [text[s:e] for s, e in zip(facts["start"], facts["end"], strict=True)] == [
        "261.1億元", "2.5%",
    ]  # fmt: skip


def test_residue_stripping_maps_every_kept_character_back():
    norm = normalise_text("增(zeng)长(zhang)1·8%,共1,234万元")
    compact, keep = strip_residue(norm)
    assert compact == "增长1.8%,共1234万元"
    assert "".join(norm[i] for i in keep) == compact


def test_middle_dot_decimal_and_unprinted_yuan_are_read_and_noted():
    facts = extract_facts("医疗保健类价格上涨1·8%。全县完成生产总值56.7亿,增长7.5%。")
    assert facts["value"].tolist() == [1.8, 56.7, 7.5]
    assert facts["unit"].tolist() == ["%", "亿元", "%"]
    assert facts["note"].iloc[1] == "元 not printed (亿)"


# --- explaining each fact ----------------------------------------------------------------------


def test_explain_names_the_rule_and_the_words_of_each_fact():
    facts = extract_facts("全区地区生产总值增长6.5%，低于全市1.3个百分点。")
    lines = explain_facts(facts, lang="en").splitlines()
    assert lines[3].startswith("2. 地区生产总值 -1.3个百分点 · change_pp · actual · vs 全市")
    assert lines[4].startswith("   rule pp_change | words subject carried: 地区生产总值")
    assert "compared with 全市 (低于)" in lines[4]
    assert lines[5] == "   quote «地区生产总值增长6.5%，低于全市1.3个百分点»"
    zh = explain_facts(facts)
    assert "规则 pp_change" in zh and "比较对象：全市 (低于)" in zh and "原文 «" in zh


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_extract_explain_prints_one_block_per_fact(tmp_path, capsys, lang):
    report = tmp_path / "r.txt"
    report.write_text(
        "地区生产总值增长6.5%，高于全市0.5个百分点，增速居全市第2位。", encoding="utf-8"
    )
    assert cli.main(["extract", str(report), "--explain", "--lang", lang, "-o",
                     str(tmp_path / "d.csv")]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.count("«") == 3
    assert ("规则 rank" if lang == "zh" else "rule rank") in out


# --- rules added after the holdout was scored (see the README: the holdout is no longer blind) ---


def test_price_rise_is_a_growth_and_a_natural_growth_rate_a_rate():
    facts = extract_facts("居民消费价格涨幅控制在3%左右，人口自然增长率控制在6.5%以内。")
    assert facts["measure"].tolist() == ["growth_rate", "rate"]


def test_tongbi_before_a_change_in_points_is_the_year_before_not_a_comparator_name():
    facts = extract_facts("全市生产总值增长8.4%，增速同比提高0.8个百分点。")
    assert facts["comparator"].tolist()[1] == "上年同期"


def test_bracketed_figure_of_a_comparator_keeps_the_measure_compared():
    text = "全市生产总值增长8.4%，增速同比提高0.8个百分点，比全省(7.7%)高0.7个百分点。"
    facts = extract_facts(text)
    assert facts[["value", "measure"]].to_numpy().tolist() == [
        [8.4, "growth_rate"], [0.8, "change_pp"], [7.7, "growth_rate"], [0.7, "change_pp"],
    ]  # fmt: skip


def test_growth_after_a_bracketed_share_is_a_growth_of_the_subject():
    facts = extract_facts("其中工业投资75.1亿元(占总投资的32.1%)，增长10.3%。")
    assert facts[["measure", "value"]].to_numpy().tolist() == [
        ["level", 75.1], ["share", 32.1], ["growth_rate", 10.3],
    ]  # fmt: skip
    assert facts["subject"].iloc[2] == "工业投资"


def test_keeping_steady_is_not_unchanged_and_a_named_growth_is_no_threshold():
    facts = extract_facts(
        "全市经济保持平稳运行，投资每月均保持30%以上的快速增长。报告分为四个部分。"
    )
    assert facts[["value", "measure"]].to_numpy().tolist() == [[30.0, "growth_rate"]]


# --- rules added after the fresh documents were scored blind (93.8% recall and precision) -----


def test_structure_written_in_percent_from_and_to_gives_six_shares():
    facts = extract_facts("产业结构构成由上年的22.3%、28.6%和49.1%调整为21.4%、27.9%和50.7%。")
    assert facts[["subject", "value", "stage", "measure"]].to_numpy().tolist() == [
        ["第一产业比重", 22.3, "from", "share"], ["第二产业比重", 28.6, "from", "share"],
        ["第三产业比重", 49.1, "from", "share"], ["第一产业比重", 21.4, "to", "share"],
        ["第二产业比重", 27.9, "to", "share"], ["第三产业比重", 50.7, "to", "share"],
    ]  # fmt: skip


def test_three_growth_rates_in_a_list_are_no_structure():
    facts = extract_facts("蔬菜、水果、茶叶产量分别增长4.5%、7.4%和6.3%。")
    assert facts["measure"].tolist() == ["growth_rate"] * 3


def test_change_in_share_after_a_structure_from_last_year_is_against_last_year():
    text = "三次产业结构由上年的14.9:33.2:51.9调整为15.3:31.3:53.4，二产业所占比重下降1.9个百分点。"
    row = extract_facts(text).iloc[-1]
    assert (row["value"], row["comparator"]) == (-1.9, "上年")


def test_net_increase_and_more_than_planned_are_changes_of_the_subject_before():
    facts = extract_facts(
        "全年粮食种植面积45.4万亩，超计划0.6万亩。两税收入386.6亿元，净增50亿元。"
    )
    assert facts[["subject", "value", "measure"]].to_numpy().tolist() == [
        ["粮食种植面积", 45.4, "level"], ["粮食种植面积", 0.6, "change"],
        ["两税收入", 386.6, "level"], ["两税收入", 50.0, "change"],
    ]  # fmt: skip
    assert facts["comparator"].iloc[1] == "计划"
