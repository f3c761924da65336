"""Reader, round five (helper k): units, kinds and measures in prose from blind_v5's misses."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(facts["value"], facts["unit"], facts["measure"], facts["kind"],
                    strict=True))  # fmt: skip


def test_outputs_in_wan_of_made_things_are_levels_and_plain_ones_counts():
    text = (
        "2023年，全县生产电视机12.5万台，汽车3.2万辆，芯片800万片，多晶硅1600万千克，"
        "新建沼气池2.4万口。新增公交车50辆，打机井12口。"
    )
    assert _rows(text) == [
        (12.5, "万台", "level", "actual"), (3.2, "万辆", "level", "actual"),
        (800.0, "万片", "level", "actual"), (1600.0, "万千克", "level", "actual"),
        (2.4, "万口", "level", "actual"), (50.0, "辆", "count", "actual"),
        (12.0, "口", "count", "actual"),
    ]  # fmt: skip


def test_kinds_of_product_count_and_their_pool_is_left_out():
    text = "2023年，全市120种主要工业产品中有85种产量增长；在300种产品中，有140种实现增长。"
    assert _rows(text) == [(85.0, "种", "count", "actual"), (140.0, "种", "count", "actual")]


def test_kinds_and_mouths_in_words_are_names_not_counts():
    text = "2023年，十种有色金属产量58万吨，推广两种模式，三口之家人均收入3万元。"
    assert [r[:2] for r in _rows(text)] == [(58.0, "万吨"), (3.0, "万元")]


def test_funds_and_projects_secured_in_a_review_are_actuals():
    text = (
        "一、2024年工作回顾\n"
        "全年争取上级资金20.5亿元，争取专项债券项目36个、48.2亿元，获得国债资金9.7亿元。\n"
        "二、2025年工作安排\n"
        "争取上级资金30亿元，争取地区生产总值增长6%。\n"
    )
    assert _rows(text) == [
        (20.5, "亿元", "level", "actual"), (36.0, "个", "count", "actual"),
        (48.2, "亿元", "level", "actual"), (9.7, "亿元", "level", "actual"),
        (30.0, "亿元", "level", "target"), (6.0, "%", "growth_rate", "target"),
    ]  # fmt: skip


def test_zhengqu_before_a_growth_stays_a_plan_word_in_a_review():
    text = "2024年，全县争取项目投资增长10%，争取资金到位率达到95%。"
    assert [r[3] for r in _rows(text)] == ["target", "target"]


def test_a_bulleted_list_under_a_heading_of_targets_holds_targets_to_its_last_bullet():
    text = (
        "■ 2023年成绩单\n\n"
        "●地区生产总值增长5.5%\n\n"
        "■ 2024年经济社会发展的主要预期目标\n\n"
        "●地区生产总值增长6%左右\n\n"
        "●城镇新增就业12万人以上\n\n"
        "●粮食产量保持120亿斤以上\n\n"
        "全年新建5G基站3000个。\n"
    )
    facts = extract_facts(text)
    assert list(zip(facts["subject"], facts["value"], facts["kind"], facts["period"],
                    strict=True)) == [
        ("地区生产总值", 5.5, "actual", 2023), ("地区生产总值", 6.0, "target", 2024),
        ("城镇新增就业", 12.0, "target", 2024), ("粮食产量保持", 120.0, "target", 2024),
        ("新建5G基站", 3000.0, "actual", 2023),
    ]  # fmt: skip


def test_the_last_growth_of_a_list_without_its_verb_is_a_growth():
    text = "2023年，教育支出增长8.2%，科学技术支出增长25.1%，农林水支出20.7%，城镇化率55.2%。"
    assert [r[2] for r in _rows(text)] == ["growth_rate"] * 3 + ["rate"]


def test_targets_in_percent_named_only_target_are_growth_targets_and_cut_is_a_fall():
    text = (
        "各地2024年政府工作报告均已出炉。甲省今年目标为6%，比去年的6.5%下调0.5个百分点；"
        "乙省去年的目标为7%，今年则调整为6%左右；丙省设定的目标最高，为8%左右。"
        "丁省城镇调查失业率目标为5.5%。"
    )
    assert _rows(text) == [
        (6.0, "%", "growth_rate", "target"), (6.5, "%", "growth_rate", "target"),
        (-0.5, "个百分点", "change_pp", "target"), (7.0, "%", "growth_rate", "target"),
        (6.0, "%", "growth_rate", "target"), (8.0, "%", "growth_rate", "target"),
        (5.5, "%", "rate", "target"),
    ]  # fmt: skip


def test_a_completion_of_the_years_planned_target_and_the_growth_beside_it_are_actuals():
    text = "2023年上半年，全市完成地区生产总值1200亿元，完成全年计划目标的48.2%，增长6.1%。"
    assert _rows(text) == [
        (1200.0, "亿元", "level", "actual"), (48.2, "%", "rate", "actual"),
        (6.1, "%", "growth_rate", "actual"),
    ]  # fmt: skip


def test_a_growth_indicator_set_or_changed_is_a_target():
    text = "2014年，会议批准全市生产总值年均增长指标由10%左右调整为8%左右。"
    facts = extract_facts(text)
    assert list(zip(facts["value"], facts["kind"], facts["stage"], strict=True)) == [
        (10.0, "target", "from"), (8.0, "target", "to"),
    ]  # fmt: skip
