"""Reader, round three (issue 22, second round): rules made from causes of misses, each tested.

Every text here is written for these tests in the style of the genre; the numbers are invented.
"""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis.extract import extract_facts


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
