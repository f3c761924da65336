"""Reader, round five (ranks and comparisons): forms behind blind_v5's misses, each tested on a
short sentence modelled on the form."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _ranks(text: str) -> list[tuple]:
    facts = extract_facts(text)
    facts = facts[facts["measure"] == "rank"]
    return list(zip(facts["subject"], facts["value"], facts["rank_scope"], facts["ranked_on"],
                    strict=True))  # fmt: skip


def _points(text: str) -> list[tuple]:
    facts = extract_facts(text)
    facts = facts[facts["measure"] == "change_pp"]
    return list(zip(facts["subject"], facts["value"], facts["comparator"].fillna(""), strict=True))


def test_a_rank_said_of_all_ranks_each_growth_listed_before_it():
    text = "上半年，全省投资增长12.5%、工业增加值增长8.1%、出口增长20.3%，均排名全国第2。"
    assert _ranks(text) == [
        ("投资", 2.0, "全国", "growth_rate"),
        ("工业增加值", 2.0, "全国", "growth_rate"),
        ("出口", 2.0, "全国", "growth_rate"),
    ]


def test_a_shared_rank_on_growth_skips_the_levels_before_it():
    text = "全县生产总值完成300.5亿元、增长5.2%，财政收入增长7.4%，增速均居全市第一。"
    assert _ranks(text) == [
        ("生产总值增速", 1.0, "全市", "growth_rate"),
        ("财政收入增速", 1.0, "全市", "growth_rate"),
    ]


def test_a_shared_rank_counts_only_what_was_read_since_the_last_rank():
    text = "工业增长6%，排名全省第4；投资增长9%、消费增长7%，均排名全省第3。"
    assert _ranks(text) == [
        ("工业", 4.0, "全省", "growth_rate"),
        ("投资", 3.0, "全省", "growth_rate"),
        ("消费", 3.0, "全省", "growth_rate"),
    ]


def test_ranks_joined_by_and_are_each_read():
    text = "存款和贷款余额分别增长12%和15%，分别排名全省第5和第7。"
    assert [r[1] for r in _ranks(text)] == [5.0, 7.0]


def test_a_rank_among_a_pool_of_counties_is_of_the_subject_before():
    text = "全县工业增加值同比增长6.5%，较上年同期加快1.2个百分点，八县区排名第四。"
    assert _ranks(text) == [("工业增加值", 4.0, "八县区", "growth_rate")]


def test_a_rank_after_points_against_a_place_ranks_the_growth_named_in_the_sentence():
    text = "全市累计增速高于全省(4.1%)2.3个百分点，居全省第3位。"
    facts = extract_facts(text)
    rows = zip(facts["value"], facts["measure"], facts["ranked_on"].fillna(""), strict=True)
    assert list(rows) == [
        (4.1, "growth_rate", ""), (2.3, "change_pp", ""), (3.0, "rank", "growth_rate"),
    ]  # fmt: skip


def test_a_rank_after_a_move_in_the_ranking_ranks_the_growth_named_before():
    text = "累计增幅位次较上半年前移3位至全市并列第五。"
    assert [r[1:] for r in _ranks(text)] == [(5.0, "全市", "growth_rate")]


def test_points_said_of_the_year_before_are_against_the_same_period_a_year_earlier():
    text = "地方财政收入增长21.5%，同比高3.2个百分点；投资增长8%，同比低1.5个百分点。"
    assert _points(text) == [("地方财政收入", 3.2, "上年同期"), ("投资", -1.5, "上年同期")]


def test_last_year_and_the_year_before_name_one_comparator():
    text = "工业增加值增长5.0%，比去年同期加快1.1个百分点，较去年回落0.3个百分点。"
    assert [(v, c) for _, v, c in _points(text)] == [(1.1, "上年同期"), (-0.3, "上年")]


def test_a_places_own_figure_in_brackets_is_its_growth_and_keeps_the_subject():
    text = "全县固定资产投资同比增长6.4%(全市8.2%)，较上年同期加快3.1个百分点。"
    facts = extract_facts(text)
    assert list(zip(facts["subject"], facts["value"], facts["measure"], strict=True)) == [
        ("固定资产投资", 6.4, "growth_rate"),
        ("全市固定资产投资", 8.2, "growth_rate"),
        ("固定资产投资", 3.1, "change_pp"),
    ]


def test_points_with_a_bare_verb_are_against_the_period_named_earlier_in_the_paragraph():
    text = (
        "三大门类中，采矿业同比增长4.2%，较1-5月提高0.3个百分点；"
        "制造业增长8.9%，提高0.5个百分点；电力业增长6.1%，回落0.2个百分点。"
    )
    assert [(v, c) for _, v, c in _points(text)] == [
        (0.3, "1-5月"), (0.5, "1-5月"), (-0.2, "1-5月"),
    ]  # fmt: skip


def test_points_with_a_bare_verb_and_no_period_before_name_no_comparator():
    text = "全县投资增长5%，高于全省1.2个百分点；消费增长6%，提高0.6个百分点。"
    assert [(v, c) for _, v, c in _points(text)] == [(1.2, "全省"), (0.6, "")]


def test_a_streak_is_no_count_and_leaves_the_rank_to_the_growth_before_it():
    text = "开展系列促销活动，消费增速连续6个月全市第一。"
    facts = extract_facts(text)
    assert list(zip(facts["value"], facts["unit"], facts["ranked_on"], strict=True)) == [
        (1.0, "位", "growth_rate")
    ]


def test_listed_subjects_before_a_count_of_indicators_are_each_ranked():
    text = "地区生产总值、固定资产投资、财政收入等5项指标增速排名全市第2。"
    assert [r[0] for r in _ranks(text)] == ["地区生产总值增速", "固定资产投资增速", "财政收入增速"]


def test_a_mirror_pages_stray_commas_do_not_break_a_list():
    text = "主要指标中,,地区生产总值,、固定资产投资,、财政收入等3项指标增速排名全市第2。"
    assert [r[0] for r in _ranks(text)] == ["地区生产总值增速", "固定资产投资增速", "财政收入增速"]


def test_ranks_of_nothing_but_a_count_of_indicators_are_not_read():
    text = "12项细分指标中，7项指标增速排名全市第1、3项第2、2项第3。"
    facts = extract_facts(text)
    assert "rank" not in set(facts["measure"])
    assert 3.0 in set(facts["value"])  # 3项: the count is still read
