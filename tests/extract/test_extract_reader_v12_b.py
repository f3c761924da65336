"""Reader, round twelve (helper b): the forms the blind_v12 prose documents printed, each rule
tested on short sentences modelled on the form."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


# -- expectations as a noun are no plan word -----------------------------------------------


def test_stabilising_expectations_is_no_plan_word():
    text = "2024年工作回顾\n我们稳就业、稳预期,全县地区生产总值增长5.3%,城镇新增就业3.1万人。"
    rows = _rows(text, "value", "kind")
    assert (5.3, "actual") in rows
    assert (3.1, "actual") in rows


def test_an_estimate_after_falling_short_of_expectations_is_an_actual():
    text = "一、2024年工作回顾\n指标不及预期,预计全年地区生产总值215亿元、增长2%左右。"
    rows = _rows(text, "value", "measure", "kind")
    assert (215.0, "level", "actual") in rows
    assert (2.0, "growth_rate", "actual") in rows


def test_a_qualified_figure_after_a_plan_word_stays_a_target():
    text = "一、2024年工作回顾\n全年预期目标是地区生产总值增长6%左右。"
    assert (6.0, "target") in _rows(text, "value", "kind")


# -- 年均 is no 均 (both) -------------------------------------------------------------------


def test_an_annual_average_growth_of_a_joined_subject_is_one_figure():
    text = "五年来,货物和服务进出口年均增长6.4%。"
    rows = _rows(text, "subject", "value")
    assert rows == [("货物和服务进出口", 6.4)]


def test_two_annual_average_growths_listed_are_two_figures():
    text = "五年来,甲产业和乙产业增加值年均增长9%、6.1%。"
    values = [v for (v,) in _rows(text, "value")]
    assert values == [9.0, 6.1]
