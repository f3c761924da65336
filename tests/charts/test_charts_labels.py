"""Chart text in two languages: completeness, English without Chinese, units and amounts."""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis import schema, vocab


def test_every_chart_string_exists_in_both_languages():
    assert all(set(pair) == {"zh", "en"} for pair in vocab.STRINGS.values())


def test_english_chart_strings_contain_no_chinese():
    # An English chart must render on a machine without any CJK font.
    chinese = [s for s in vocab.all_chart_strings("en") if vocab.has_cjk(s)]
    assert chinese == []


def test_text_fills_the_district_and_sample_fields():
    years = {"base_year": 2023, "plan_year": 2024}  # the report's, passed in: never written in
    assert vocab.text("rank_title", "zh", **years) == "牧野区2023年主要指标全市排名"
    assert vocab.text("rank_title", "en", **years) == "Muye District: 2023 ranks in Xinxiang"
    assert vocab.text("rank_title", "zh", base_year=2024) == "牧野区2024年主要指标全市排名"
    assert vocab.text("frame_assumption", "zh", n=13) == "假设排名单位数：13"
    assert vocab.text("pp", "zh", value=7.8) == "+7.8个百分点"
    assert vocab.text("pp", "en", value=-0.5) == "-0.5 pp"


def test_unknown_strings_and_languages_are_refused():
    with pytest.raises(KeyError, match="no string 'nope'"):
        vocab.text("nope", "zh")
    with pytest.raises(ValueError, match="'zh' or 'en'"):
        vocab.text("rank_title", "de")


def test_every_unit_of_the_schema_has_an_english_rendering():
    assert set(schema.UNITS) <= set(vocab.UNITS_EN)
    assert all(not vocab.has_cjk(v) for v in vocab.UNITS_EN.values())


@pytest.mark.parametrize(
    ("value", "unit", "zh", "en"),
    [
        (80, "亿元", "80亿元", "RMB 8 bn"),
        (10.74, "亿元", "10.74亿元", "RMB 1.074 bn"),
        (3410, "万斤", "3410万斤", "17,050 t"),
        (2, "万人", "2万人", "20,000 people"),
        (8317, "人", "8317人", "8317 people"),
        (200, "个", "200个", "200"),
        (80, "%", "80%", "80%"),
        (3, "倍", "3倍", "3 times"),
    ],
)
def test_amounts_read_naturally_in_each_language(value, unit, zh, en):
    assert vocab.amount(value, unit, "zh") == zh
    assert vocab.amount(value, unit, "en") == en


def test_qualifiers_become_symbols_and_words():
    assert vocab.qualified("6%", "at_least", "zh") == "≥6%（以上）"
    assert vocab.qualified("6%", "at_least", "en") == "≥6% (or more)"
    assert vocab.qualified("5.5%", "about", "zh") == "≈5.5%（左右）"
    assert vocab.qualified("8%", "exact", "zh") == "8%"
    assert vocab.qualified("8%", pd.NA, "en") == "8%"
    assert vocab.bound_symbol("at_most") == "≤"


def test_basis_suffix_says_real_or_nominal():
    assert vocab.basis_suffix("real", "zh") == "（可比价）"
    assert vocab.basis_suffix("nominal", "en") == " (nominal)"
    assert vocab.basis_suffix(pd.NA, "zh") == ""


def test_names_are_joined_as_each_language_lists_them():
    assert vocab.join_names(["GDP", "固投"], "zh") == "GDP、固投"
    assert vocab.join_names(["GDP", "Investment"], "en") == "GDP and Investment"
    assert vocab.join_names(["A", "B", "C"], "en") == "A, B and C"


def test_indicator_name_uses_the_short_name_and_avoids_chinese_in_english():
    row = {
        "indicator": "new_provincial_specialised_smes",
        "short_zh": "新增专精特新",
        "short_en": "New 专精特新 firms",
        "name_zh": "新增省级专精特新企业",
        "name_en": "New provincial specialised and innovative SMEs",
    }
    assert vocab.indicator_name(row, "zh") == "新增专精特新"
    assert vocab.indicator_name(row, "en") == "New provincial specialised and innovative SMEs"
    assert vocab.indicator_name({**row, "short_en": "New SMEs"}, "en") == "New SMEs"
    assert vocab.indicator_name({"indicator": "x", "short_zh": pd.NA}, "zh") == "x"


def test_source_line_starts_with_the_report_and_adds_other_sources():
    assert vocab.source_line("zh") == "资料来源：牧野区2023年计划执行情况与2024年计划报告"
    assert vocab.source_line("en", ["City plan (http://x)"]) == (
        "Source: Muye District report on the 2023 plan and the 2024 plan; City plan (http://x)"
    )


def test_context_sources_are_cited_in_english_without_chinese():
    title = "新乡市2024年国民经济和社会发展计划 (section 一)"
    assert vocab.context_source(title, "http://a", "zh") == f"{title}（http://a）"
    assert (
        vocab.context_source(title, "http://a", "en") == "Xinxiang city 2024 plan report (http://a)"
    )
    assert vocab.context_source("某县统计公报", "http://b", "en") == "http://b"


def test_standings_are_translated_and_unknown_ones_kept():
    assert vocab.standing_label("第一方阵", "en") == "Leading group"
    assert vocab.standing_label("前列", "zh") == "全市前列"
    assert vocab.standing_label("先进", "zh") == "先进"
    assert vocab.standing_label("先进", "en") == "qualitative standing"
