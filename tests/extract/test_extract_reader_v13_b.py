"""Reader, round thirteen (set b): the causes of blind_v13's misses in work reports and news,
each rule tested on a short sentence of its form."""

from __future__ import annotations

from muye_analysis.extract import extract_facts
from tests.extract.conftest import fact_rows


def _rows(text: str) -> list[tuple]:
    return fact_rows(text, "value", "unit", "measure", "stage")


def test_a_comparison_right_after_a_decline_narrows_that_decline_a_rise_in_points():
    text = "其中，工业投资下降4.2%，比上月收窄6.5个百分点。"
    assert (6.5, "个百分点", "change_pp", "") in _rows(text)
    # a decline named before: its second comparison narrows it too
    twice = "全县工业产值增长1.1%，降幅较一季度收窄9.3个百分点，较上月收窄2.4个百分点。"
    points = [v for v, _, m, _ in _rows(twice) if m == "change_pp"]
    assert points == [9.3, 2.4]
    # after a growth, a narrowing is no decline's: the sign stays a fall
    after_growth = "消费品零售额增长7.3%，比上月收窄1.2个百分点。"
    assert (-1.2, "个百分点", "change_pp", "") in _rows(after_growth)


def test_a_pair_whose_end_is_an_estimate_keeps_from_and_to():
    text = "五年来，全县财政收入从12.6亿元预计增加到18.4亿元，年均增长7.9%。"
    rows = _rows(text)
    assert (12.6, "亿元", "level", "from") in rows
    assert (18.4, "亿元", "level", "to") in rows


def test_a_lone_ratio_after_adjusted_to_is_the_end_of_a_change():
    text = "2020年，全镇生产总值增长6.2%；三次产业结构调整为18: 35.5: 46.5。"
    shares = [(v, s) for v, _, m, s in _rows(text) if m == "share"]
    assert shares == [(18.0, "to"), (35.5, "to"), (46.5, "to")]


def test_a_two_part_ratio_of_the_second_and_third_sectors_is_read_from_its_start():
    text = "二、三产业结构比例由2015年的58.2:41.8转变为以服务业为主。"
    facts = extract_facts(text)
    shares = facts[facts["measure"] == "share"]
    assert list(
        zip(shares["subject"], shares["value"], shares["stage"], shares["period"], strict=True)
    ) == [
        ("第二产业比重", 58.2, "from", 2015),
        ("第三产业比重", 41.8, "from", 2015),
    ]
    # two numbers that do not sum to 100 are no ratio
    assert extract_facts("二、三产业结构比例为53:40。").empty


def test_the_pool_a_count_is_taken_from_is_no_statistic():
    text = "全市38个工业行业大类中，27个行业盈利。"
    assert [v for v, u, m, _ in _rows(text) if m == "count"] == [27.0]
    # the number of prefectures is who is counted, not a statistic; how many of them is one
    cities = "全省18个市州中有11个市州增速高于全省，其中5个市州的增速超过7%。"
    assert [v for v, u, m, _ in _rows(cities) if m == "count"] == [11.0, 5.0]


def test_a_count_pointing_back_at_what_was_just_named_is_no_new_count():
    text = "甲市、乙市、丙市居前三位。这三座城市中，甲市增长6.1%。"
    rows = _rows(text)
    assert (6.1, "%", "growth_rate", "") in rows
    assert "count" not in [m for _, _, m, _ in rows]


def test_the_first_place_in_a_pool_named_by_its_size_or_after_a_growth_alone():
    facts = extract_facts("全市实现生产总值912.3亿元，排在18个市州榜首。")
    ranks = facts[facts["measure"] == "rank"]
    assert list(zip(ranks["value"], ranks["rank_scope"], strict=True)) == [(1.0, "18个市州")]
    assert "count" not in set(facts["measure"])
    grown = extract_facts("工业增速8.8%，高新产业增速六县(市)首位。")
    ranks = grown[grown["measure"] == "rank"]
    assert list(zip(ranks["value"], ranks["rank_scope"], ranks["ranked_on"], strict=True)) == [
        (1.0, "六县(市)", "growth_rate")
    ]


def test_a_pool_opening_the_rank_clause_is_its_scope_not_the_one_before():
    text = "全县工业增加值增长4.1%，全省增速排名第12，第三平台市县增速排名第4。"
    facts = extract_facts(text)
    ranks = facts[facts["measure"] == "rank"]
    assert list(zip(ranks["value"], ranks["rank_scope"], strict=True)) == [
        (12.0, "全省"),
        (4.0, "第三平台市县"),
    ]
    pooled = extract_facts("该市增长6.3%，增速在苏中三市排第一。")
    ranks = pooled[pooled["measure"] == "rank"]
    assert list(ranks["rank_scope"]) == ["苏中三市"]


def test_the_fastest_growth_named_before_its_figure_is_a_growth():
    text = "三个城市中，二季度以甲市的增速最快，为6.4%。"
    assert (6.4, "%", "growth_rate", "") in _rows(text)


def test_the_bound_that_defines_what_is_counted_is_no_figure():
    text = "全省共有6个市州一季度地区生产总值超过400亿元。"
    assert _rows(text) == [(6.0, "个", "count", "")]
    band = "省内GDP在800至1500亿元的有4座城市。"
    assert _rows(band) == [(4.0, "座", "count", "")]
    milestone = "去年经济总量突破2000亿元的甲市，一季度地区生产总值增长5.1%。"
    assert _rows(milestone) == [(5.1, "%", "growth_rate", "")]
