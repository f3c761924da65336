"""Reader, round thirteen (helper a): the plan reviews and bulletins of blind_v13, each rule tested
on a short sentence of the form."""

from __future__ import annotations

from muye_analysis.extract import extract_facts
from tests.extract.conftest import fact_rows

_REVIEW = (
    "一、2020年计划执行情况\n"
    "——全市生产总值5.1万亿元、增长7%，高1个百分点（与年度预期目标6%左右相比，下同）。\n"
    "——一般公共预算收入3200亿元、增长2.5%，低2.5个百分点（5%以上）。\n"
)


def _rows(text: str) -> list[tuple]:
    return fact_rows(text, "value", "measure", "kind", "comparator")


def test_a_gap_in_points_with_its_target_in_brackets_is_against_that_target_with_its_sign():
    rows = [r for r in _rows(_REVIEW) if r[1] == "change_pp"]
    assert rows == [
        (1.0, "change_pp", "actual", "年度预期目标"),
        (-2.5, "change_pp", "actual", "年度预期目标"),
    ]


def test_the_figure_in_brackets_after_a_gap_is_the_growth_target_of_the_subject_before():
    facts = extract_facts(_REVIEW)
    targets = facts[facts["kind"] == "target"]
    assert list(zip(targets["value"], targets["measure"], strict=True)) == [
        (6.0, "growth_rate"),
        (5.0, "growth_rate"),
    ]
    assert [s.lstrip("—") for s in targets["subject"]] == ["全市生产总值", "一般公共预算收入"]
    gaps = facts[facts["measure"] == "change_pp"]
    assert [s.lstrip("—") for s in gaps["subject"]] == ["全市生产总值", "一般公共预算收入"]


def test_a_bare_gap_with_no_target_named_anywhere_gets_no_comparator():
    rows = _rows("2020年，全市生产总值增长7%，高1个百分点（8%左右）。")
    assert [r for r in rows if r[1] == "change_pp"] == [(1.0, "change_pp", "actual", "")]


def test_indicators_of_a_pool_counted_by_outcome_are_counts_and_the_pool_is_not():
    text = (
        "2020年，8项约束性指标（均为上级下达）中，7项指标可如期完成，1项待考核。"
        "30项预期性指标中，25项指标符合或好于预期，4项指标未达预期。"
    )
    facts = extract_facts(text)
    counts = facts[facts["measure"] == "count"]
    assert {7.0, 25.0, 4.0} <= set(counts["value"])
    assert not {8.0, 30.0} & set(counts["value"])
    assert set(counts["kind"]) == {"actual"}


def test_a_count_of_listed_indicators_meeting_the_plan_stays_unread_without_a_pool():
    facts = extract_facts("2020年，投资、消费、出口等5项指标达到序时进度。")
    assert 5.0 not in set(facts["value"])


def test_a_price_table_headed_rise_or_fall_reads_growth_rates():
    text = (
        "表1 2023年居民消费价格比上年涨跌幅度\n"
        "指标名称 | 涨跌幅(%) |\n"
        "居民消费价格 | 0.3 |\n"
        "食品烟酒 | -1.2 |\n"
        "衣着 | 0.8 |\n"
    )
    facts = extract_facts(text)
    assert list(zip(facts["value"], facts["measure"], strict=True)) == [
        (0.3, "growth_rate"),
        (-1.2, "growth_rate"),
        (0.8, "growth_rate"),
    ]


def test_a_space_a_page_break_left_inside_a_change_verb_or_a_unit_is_read_through():
    text = "2023年，渔业总产值 5.6 亿元,增 长 2.4%;花生种植面积 3.5 万 亩,下 降 1.2%。"
    facts = extract_facts(text)
    assert list(zip(facts["value"], facts["unit"], facts["measure"], strict=True)) == [
        (5.6, "亿元", "level"),
        (2.4, "%", "growth_rate"),
        (3.5, "万亩", "level"),
        (-1.2, "%", "growth_rate"),
    ]
    assert list(facts["quote"])[1].endswith("增 长 2.4%")


def test_a_product_per_worker_keeps_its_unit_per_person():
    facts = extract_facts("2022年，全员劳动生产率为98765元/人。")
    assert list(zip(facts["value"], facts["unit"], facts["measure"], strict=True)) == [
        (98765.0, "元/人", "level")
    ]
