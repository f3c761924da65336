"""Reader, round eleven (helper s): the forms the blind_v11 documents printed, each rule tested."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


def test_a_target_in_brackets_after_an_actual_does_not_reach_the_next_indicator():
    text = (
        "一、2021年计划执行情况\n\n工业增加值增长7.5%,高于全市1.1个百分点,排名全市第2位"
        "(预期目标为9%以上);投资增长12.4%,高于全市3.3个百分点。"
    )
    rows = _rows(text, "value", "kind")
    assert (9.0, "target") in rows
    assert (7.5, "actual") in rows
    assert (12.4, "actual") in rows
    assert (3.3, "actual") in rows


def test_a_news_item_quoting_the_plan_document_announces_its_targets():
    text = (
        "去年全市生产总值增长8%。\n《规划》提出,今年全市GDP增长将保持7%的增幅,财政收入增长9%以上。"
    )
    rows = _rows(text, "value", "kind")
    assert (8.0, "actual") in rows
    assert (7.0, "target") in rows
    assert (9.0, "target") in rows


def test_a_share_of_the_years_task_is_a_completion():
    rows = _rows("重点项目完成投资300亿元,占年任务110.5%。", "value", "kind", "measure")
    assert (110.5, "actual", "rate") in rows


def test_headlines_after_a_look_ahead_heading_are_targets():
    text = (
        "回顾2020年\n生产总值增长6.5%\n展望2021年\n生产总值增长7%左右\n"
        "财政收入增长5%左右\n游客人数超过800万人次\n导读\n"
    )
    rows = _rows(text, "value", "kind")
    assert (6.5, "actual") in rows
    assert (7.0, "target") in rows
    assert (5.0, "target") in rows
    assert (800.0, "target") in rows
