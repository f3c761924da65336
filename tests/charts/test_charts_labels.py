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
        (80, "亿元", "80亿元", "RMB 8.0 bn"),  # one more decimal than the 亿元 figure
        (10.74, "亿元", "10.74亿元", "RMB 1.074 bn"),
        (6.1, "亿元", "6.1亿元", "RMB 0.61 bn"),  # below a billion, still RMB bn
        (350, "万元", "350万元", "RMB 3.5 mn"),
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


def test_indicator_name_uses_the_short_name_in_chinese_and_one_full_name_in_english():
    row = {
        "indicator": "new_provincial_specialised_smes",
        "short_zh": "新增专精特新",
        "short_en": "New 专精特新 firms",
        "name_zh": "新增省级专精特新企业",
        "name_en": "New provincial specialised and innovative SMEs",
    }
    assert vocab.indicator_name(row, "zh") == "新增专精特新"
    assert vocab.indicator_name(row, "en") == "New provincial specialised and innovative SMEs"
    assert vocab.indicator_name(row, "en", short=False) == vocab.indicator_name(row, "en")
    assert vocab.indicator_name({**row, "name_en": pd.NA, "short_en": "New SMEs"}, "en") == (
        "New SMEs"
    )
    # The official English terms (NBS): one per indicator, short or full alike.
    assert {
        vocab.indicator_name("industrial_value_added", "en", short=s) for s in (True, False)
    } == {"Value added of industrial enterprises above designated size"}
    assert {
        vocab.indicator_name("fixed_asset_investment", "en", short=s) for s in (True, False)
    } == {"Investment in fixed assets"}
    assert vocab.indicator_name({"indicator": "x", "short_zh": pd.NA}, "zh") == "x"


def test_source_line_cites_the_report_by_its_issuer_document_and_date():
    assert vocab.source_line("zh") == (
        "资料来源：牧野区发展和改革委员会《关于牧野区2023年国民经济和社会发展计划执行情况与2024年"
        "国民经济和社会发展计划的报告》（2024年初）"
    )
    assert vocab.source_line("en", ["City plan"]) == (
        "Source: Muye District Development and Reform Commission, Report on the execution of Muye "
        "District's 2023 national economic and social development plan and on the 2024 plan "
        "(early 2024); City plan"
    )


def test_context_sources_are_cited_by_issuer_never_by_a_mirrors_url():
    title = "新乡市2024年国民经济和社会发展计划 (section 一)"
    url = "http://henan.kjzch.com/xinxiang/2024-04-02/841501.html"
    zh, en = vocab.context_source(title, url, "zh"), vocab.context_source(title, url, "en")
    assert zh == "新乡市人民政府《新乡市2024年国民经济和社会发展计划》（2024年3月19日）"
    assert en == (
        "Xinxiang Municipal People's Government, Xinxiang's 2024 national economic and social "
        "development plan (19 March 2024)"
    )
    for cited in (zh, en):
        assert "http" not in cited and "kjzch" not in cited and "section" not in cited
    # A title the issuer table does not know: the title without its bracketed remark, no URL.
    assert vocab.context_source("某县统计公报 (mirror)", "http://b", "zh") == "某县统计公报"
    assert not vocab.has_cjk(vocab.context_source("某县统计公报", "http://b", "en"))


def test_standings_are_translated_and_unknown_ones_kept():
    assert vocab.standing_label("第一方阵", "en") == "Leading group"
    assert vocab.standing_label("前列", "zh") == "全市前列"
    assert vocab.standing_label("先进", "zh") == "先进"
    assert vocab.standing_label("先进", "en") == "qualitative standing"


def test_a_unit_labels_values_as_stored_and_money_shown_in_bn_is_converted():
    # a workbook cell keeps the stored 亿元 figure: its unit says so
    assert vocab.unit_label("亿元", "en") == "RMB 100 million"
    # a chart or slide shows money in RMB bn: the factor and the extra decimal come with it
    assert vocab.money_axis("亿元", "en") == (0.1, "RMB bn", 1)
    assert vocab.money_axis("亿元", "zh") == (1.0, "亿元", 0)
