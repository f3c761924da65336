"""Reader, round nine (helper p): prose the blind_v9 documents printed, each rule tested."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


# -- against the plan -----------------------------------------------------------------------------


def test_points_short_of_the_plan_are_negative_and_actual():
    text = "全县生产总值增长5.2%，差计划目标2.8个百分点。"
    rows = _rows(text, "value", "measure", "kind", "comparator")
    assert (-2.8, "change_pp", "actual", "计划目标") in rows


def test_points_ahead_of_the_plan_or_its_task_are_positive():
    text = "工业投资增长15%，超计划目标4.5个百分点；项目投资完成12亿元，超目标任务3个百分点。"
    rows = _rows(text, "value", "measure", "kind", "comparator")
    assert (4.5, "change_pp", "actual", "计划目标") in rows
    assert (3.0, "change_pp", "actual", "目标任务") in rows


# -- changes of amounts and rates -----------------------------------------------------------------


def test_an_amount_above_or_below_a_place_is_a_change_against_it():
    text = "人均生产总值6.2万元，比全省高0.8万元；农民人均收入比全市低520元。"
    rows = _rows(text, "value", "measure", "comparator")
    assert (0.8, "change", "全省") in rows
    assert (-520.0, "change", "全市") in rows


def test_an_amount_raised_on_last_year_is_a_change():
    rows = _rows("每亿元投资产出1.3亿元，较上年提高0.2亿元。", "value", "measure")
    assert (0.2, "change") in rows


def test_a_rate_in_permille_that_fell_is_a_change_not_a_growth():
    text = "人口出生率为6.8‰，出生率比去年下降0.9‰；死亡率较上年提高0.2‰。"
    rows = _rows(text, "value", "unit", "measure")
    assert (-0.9, "‰", "change") in rows
    assert (0.2, "‰", "change") in rows
    assert (6.8, "‰", "rate") in rows


def test_a_density_and_a_yield_are_levels_in_their_compound_units():
    rows = _rows("人口密度312人/平方公里，小麦单产420公斤/亩。", "value", "unit", "measure")
    assert (312.0, "人/平方公里", "level") in rows
    assert (420.0, "公斤/亩", "level") in rows


def test_a_change_verb_at_a_lines_end_takes_the_figure_on_the_next_line():
    rows = _rows("税收收入86亿元，下降\n3.5%，非税收入增长2%。", "value", "measure")
    assert (-3.5, "growth_rate") in rows


# -- structures -----------------------------------------------------------------------------------


def test_a_structure_with_the_vertical_form_colon_is_read():
    rows = _rows("三次产业结构为9.1︰40.2︰50.7。", "value", "measure")
    assert rows == [(9.1, "share"), (40.2, "share"), (50.7, "share")]


# -- ranks ----------------------------------------------------------------------------------------


def test_a_rank_in_the_prefecture_has_the_prefecture_as_scope():
    text = "全县生产总值增长5.9%，增速和经济总量均排名全州第3位。"
    rows = _rows(text, "value", "ranked_on", "rank_scope")
    assert (3.0, "growth_rate", "全州") in rows
    assert (3.0, "level", "全州") in rows


def test_a_rank_in_the_bare_province_is_in_the_whole_province():
    rows = _rows("工业增速排名省第四位，中西部市州第二位。", "value", "rank_scope")
    assert (4.0, "全省") in rows
    assert (2.0, "中西部市州") in rows


def test_a_rank_that_moved_within_a_sized_pool_has_from_and_to():
    text = "2022年，云和县经济总量从山区18县第9位提升到第7位。"
    rows = _rows(text, "value", "stage", "rank_scope", "period")
    assert (9.0, "from", "18县", 2021) in rows
    assert (7.0, "to", "18县", 2022) in rows


def test_a_rank_that_fell_to_another_has_from_and_to():
    rows = _rows("2021年，全市经济总量从第八名落至第九名。", "value", "stage")
    assert (8.0, "from") in rows
    assert (9.0, "to") in rows


def test_a_rank_whose_start_names_its_quarter_keeps_the_year():
    text = "2018年，经济指标综合排名中，我县由二季度的第11位上升到第5位。"
    rows = _rows(text, "value", "stage", "period")
    assert (11.0, "from", 2018) in rows
