"""Reader, round twelve (helper a): the table and plan forms the blind_v12 documents printed."""

from __future__ import annotations

from muye_analysis.extract.normalise import strip_residue
from tests.extract.conftest import fact_rows


def _rows(text: str, *columns: str) -> list[tuple]:
    return fact_rows(text, *columns)


def test_a_row_of_measures_over_repeated_years_gives_a_column_per_measure_and_year():
    text = (
        "表2 某县2023年增加值构成 | ||||\n"
        "行业 | 增速% | 结构% | |\n"
        "2023年 | 2022年 | 2023年 | 2022年 |\n"
        "地区生产总值 | 5.1 | 4.2 | 100 | 100 |\n"
        "第一产业 | 3.3 | 2.9 | 21.4 | 22.6 |\n"
        "建筑业 | -2.5 | 6.0 | 7.7 | 9.8 |\n"
    )
    rows = _rows(text, "subject", "value", "measure", "period")
    assert ("第一产业", 3.3, "growth_rate", 2023) in rows
    assert ("第一产业", 2.9, "growth_rate", 2022) in rows
    assert ("第一产业", 21.4, "share", 2023) in rows
    assert ("第一产业", 22.6, "share", 2022) in rows
    assert ("建筑业", -2.5, "growth_rate", 2023) in rows
    assert ("建筑业", 9.8, "share", 2022) in rows
    assert not any(m == "growth_rate" and v in (21.4, 22.6) for _, v, m, _ in rows)


def test_a_forum_jammer_is_cut_and_a_row_of_small_numbers_is_not():
    compact, keep = strip_residue("主要目标】; q6 |( x, B8 ~0 w\n地区生产总值增长7%")
    assert compact == "主要目标】\n地区生产总值增长7%"
    assert keep is not None
    assert strip_residue("全年 1 2 3 4 5 6 7")[0] == "全年 1 2 3 4 5 6 7"


def test_a_bracketed_heading_proposing_targets_over_jammer_announces_them():
    text = (
        "去年全州生产总值增长7.2%。\n"
        "【经济社会发展主要预期目标建议】+ ~/ k6 `+ p) [' `: d( G+ G\n"
        "生产总值增长8%,财政收入增长5%,城镇登记失业率控制在4%以内。\n"
    )
    rows = _rows(text, "value", "kind")
    assert (7.2, "actual") in rows
    assert (8.0, "target") in rows
    assert (5.0, "target") in rows
    assert (4.0, "target") in rows


def test_declines_named_by_their_size_are_negative_growths():
    rows = _rows("3-6月,水泥产量累计降幅分别为4.2%、5.1%、6.3%。", "value", "measure")
    assert (-4.2, "growth_rate") in rows
    assert (-5.1, "growth_rate") in rows
    assert (-6.3, "growth_rate") in rows


def test_a_named_rate_narrowing_after_a_comparison_with_a_period_keeps_that_period():
    text = (
        "1-9月,采矿业增长8.1%,比1-8月回升1.2个百分点;造纸业下降3.4%,降幅收窄0.9个百分点。"
        "化工业增长6.6%,增幅回落1.5个百分点。"
    )
    rows = _rows(text, "value", "measure", "comparator")
    assert (1.2, "change_pp", "1-8月") in rows
    assert (0.9, "change_pp", "1-8月") in rows
    assert (-1.5, "change_pp", "1-8月") in rows


def test_a_plan_compared_with_sets_no_target_for_the_rest_of_the_sentence():
    text = (
        "一、上半年计划执行情况\n上半年全市生产总值812.5亿元,同比增长8.4%,"
        "比全年预期增长目标高0.9个百分点,三次产业比重为6.1:47.2:46.7。"
    )
    rows = _rows(text, "value", "kind", "comparator")
    assert (0.9, "actual", "全年预期增长目标") in rows
    assert (6.1, "actual", "") in rows
    assert (46.7, "actual", "") in rows


def test_funds_secured_from_above_are_no_target():
    rows = _rows("争取省里下达我市污水处理工程预算内投资3.2亿元。", "value", "kind")
    assert rows == [(3.2, "actual")]


def test_a_bare_change_after_one_against_last_year_is_against_last_year():
    text = "全年蔬菜种植面积12.5千公顷,比上年增加420公顷。其中设施蔬菜2.3千公顷,增加86公顷。"
    rows = _rows(text, "value", "measure", "comparator")
    assert (420.0, "change", "上年") in rows
    assert (86.0, "change", "上年") in rows
    alone = _rows("其中设施蔬菜2.3千公顷,增加86公顷。", "value", "comparator")
    assert (86.0, "") in alone


def test_a_spaced_table_with_a_single_spaced_header_and_spaced_out_labels():
    text = (
        "2023年某县居民消费价格涨跌幅度\n"
        "指 标 比上年涨跌幅度(%)\n"
        "居民消费价格(CPI)      1.2\n"
        "衣着      -0.6\n"
        " #粮 食 3.4\n"
        "  鲜 果 -7.1\n"
    )
    rows = _rows(text, "subject", "value", "measure")
    assert ("衣着", -0.6, "growth_rate") in rows
    assert ("粮 食", 3.4, "growth_rate") in rows  # the subject as printed
    assert ("鲜 果", -7.1, "growth_rate") in rows
    assert not any(m == "level" for _, _, m in rows)
