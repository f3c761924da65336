"""Reader, round eight (helper p): prose the blind_v8 documents printed, each rule tested."""

from __future__ import annotations

from muye_analysis.extract import extract_facts
from muye_analysis.extract.io import explain_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


# -- the Chinese explanation ----------------------------------------------------------------------


def test_a_garbled_comparison_verb_is_explained_in_chinese():
    text = explain_facts(extract_facts("全县生产总值增长8%，增速阿于全市0.5个百分点。"), lang="zh")
    assert "比较词无法识别，符号按原文" in text
    assert "verb not read" not in text


# -- signs and verbs ------------------------------------------------------------------------------


def test_a_negative_growth_is_a_decline():
    rows = _rows("6月全县规上工业产值12.5亿元，同比负增长2.6%。", "value", "measure", "rule")
    assert (-2.6, "growth_rate", "growth") in rows


def test_more_or_less_output_in_percent_is_the_outputs_growth():
    text = "早稻产量3.1万吨，增产1.4%；玉米产量6.2万吨，比上年减产0.8%。"
    rows = _rows(text, "value", "measure")
    assert (1.4, "growth_rate") in rows
    assert (-0.8, "growth_rate") in rows


# -- the text's year ------------------------------------------------------------------------------


def test_a_text_compared_only_with_a_years_end_speaks_of_the_year_after():
    text = (
        "1至2月份，全省工业生产延续2018年四季度走势。规上工业增加值增长5.1%，"
        "比2018年12月份回升0.7个百分点。"
    )
    facts = extract_facts(text)
    assert set(facts["period"]) == {2019}
    assert "所比较年份的次年" in explain_facts(facts, lang="zh")


def test_a_comparison_with_the_same_period_years_back_dates_nothing():
    facts = extract_facts("一季度社会消费品零售总额增长7.9%，比2019年同期增加53亿元。")
    assert facts["period"].isna().all()


# -- targets of places listed ---------------------------------------------------------------------


def test_a_growth_target_set_for_listed_cities_is_one_target_per_city():
    text = "除省会以外，甲州、乙阳、丙山等市也将2024年GDP增速目标定为6%。"
    rows = _rows(text, "subject", "value", "measure", "kind", "period")
    assert rows == [(city, 6.0, "growth_rate", "target", 2024) for city in ("甲州", "乙阳", "丙山")]


def test_cities_then_said_to_be_at_a_figure_share_the_target_just_read():
    text = "丁城2024年GDP增速目标为6%左右，甲州、乙阳则是6.5%以上。"
    rows = _rows(text, "subject", "value", "measure", "kind")
    assert rows[1:] == [
        ("甲州", 6.5, "growth_rate", "target"),
        ("乙阳", 6.5, "growth_rate", "target"),
    ]


def test_a_target_fixed_at_a_figure_is_a_growth_target():
    rows = _rows("某市则将2024年GDP增速目标明确为5.5%。", "value", "measure", "kind")
    assert rows == [(5.5, "growth_rate", "target")]
