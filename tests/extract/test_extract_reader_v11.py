"""Reader, round eleven (helper s): the forms the blind_v11 documents printed, each rule tested."""

from __future__ import annotations

from muye_analysis.extract import extract_facts
from tests.extract.conftest import fact_rows


def _rows(text: str, *columns: str) -> list[tuple]:
    return fact_rows(text, *columns)


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


def test_more_or_fewer_than_last_year_is_a_signed_change_of_the_count():
    facts = extract_facts(
        "城镇新增就业2100人,比上年多增108人。农村劳动力转移1200人,比上年少增36人。"
    ).fillna({"comparator": ""})
    rows = list(zip(facts["value"], facts["measure"], facts["comparator"], strict=True))
    assert (2100.0, "count", "") in rows
    assert (108.0, "change", "上年") in rows
    assert (-36.0, "change", "上年") in rows


def _ranks(text: str) -> list[tuple]:
    facts = extract_facts(text)
    facts = facts[facts["measure"] == "rank"].fillna({"ranked_on": ""})
    return list(
        zip(*(facts[c] for c in ("subject", "value", "rank_scope", "ranked_on")), strict=True)
    )


def test_first_place_is_a_rank_of_one_among_the_pool_named():
    assert _ranks("增加值增长15.4%，增速位居全市首位。") == [("增加值", 1.0, "全市", "growth_rate")]
    assert _ranks("人均地区生产总值稳居国内副省级以上城市首位。") == [
        ("人均地区生产总值", 1.0, "国内副省级以上城市", "level")
    ]
    assert _ranks("一般公共预算收入居全国首位。") == [("一般公共预算收入", 1.0, "全国", "level")]
    assert _ranks("首位度进一步提升。") == []  # a word, no rank


def test_a_steady_or_risen_rank_keeps_its_verb_out_of_the_subject():
    assert _ranks("经济总量稳居全省第一位。") == [("经济总量", 1.0, "全省", "level")]
    assert _ranks("地方一般公共预算收入上升至国内城市第三位。") == [
        ("地方一般公共预算收入", 3.0, "国内城市", "level")
    ]
    assert _ranks("地区生产总值稳居国内大中城市第四位。") == [
        ("地区生产总值", 4.0, "国内大中城市", "level")
    ]
    # the 居 of 居民 is no ranking verb
    assert _ranks("城镇居民人均可支配收入居全市第2位。") == [
        ("城镇居民人均可支配收入", 2.0, "全市", "level")
    ]
