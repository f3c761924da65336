"""Takeaways, the headline table and the title block, checked against hand-worked values."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

import muye_analysis as ma
from muye_analysis import vocab
from muye_analysis.briefing import output_paths
from muye_analysis.briefing.assemble import presented_when, select_charts, title_block
from muye_analysis.briefing.catalogue import ReportData, report_catalogue
from muye_analysis.briefing.deck import fit_size, text_ems
from muye_analysis.briefing.headline import HEADLINE, headline_numbers, headline_table
from muye_analysis.briefing.takeaways import fan_takeaway, probability_text
from muye_analysis.briefing.ytd import YtdPart
from muye_analysis.charts.export import REPORT_CHARTS
from muye_analysis.charts.registry import Assumptions, chart
from muye_analysis.periods import Period
from muye_analysis.quarterly import is_synthetic
from muye_analysis.vocab import ordinal, target_text

TOL = 1e-9


def takeaway(name: str, data: ReportData, lang: str) -> str:
    """The sentence of a report chart's registered takeaway claim (13 units ranked)."""
    return vocab.say(chart(name).takeaway(data, Assumptions(13, frame_from_table=False)), lang)


@pytest.fixture(scope="module")
def data() -> ReportData:
    return ReportData.load()


# -- takeaways on the bundled data ---------------------------------------------------------------


def test_scorecard_takeaway_names_the_best_and_worst_rank(data):
    # 税占比 ranks 1st (share), 规上工业增加值 growth 12th; GDP 5th, 社零 6th and 9th in between.
    expected = "税收占比居全市第1位，规上工业增加值增速居第12位"
    assert takeaway("rank_scorecard", data, "zh") == expected
    assert takeaway("rank_scorecard", data, "en") == (
        "Tax revenue share ranks 1st in the city; Value added of industrial enterprises above "
        "designated size growth ranks 12th"
    )


def test_scorecard_takeaway_skips_standings_and_ranks_among_projects(data):
    rankings = pd.DataFrame(
        {
            "indicator": ["a", "b", "bonds", "standing"],
            "short_zh": ["甲", "乙", "国债资金", "脱贫"],
            "short_en": ["A", "B", "Bonds", "Poverty"],
            "ranked_on": ["level", "growth_rate", "amount", pd.NA],
            "rank": pd.array([4, 2, 1, pd.NA], dtype="Int64"),
            "standing_text": [pd.NA, pd.NA, pd.NA, "第一方阵"],
            "base_year": 2023,
            "plan_year": 2024,
        }
    )
    # The bond batch's 1st place compares projects, not districts: it must not be "best".
    assert (
        takeaway("rank_scorecard", replace(data, rankings=rankings), "zh")
        == "乙增速居全市第2位，甲总量居第4位"
    )
    english = "B growth ranks 2nd in the city; A (level) ranks 4th"
    assert takeaway("rank_scorecard", replace(data, rankings=rankings), "en") == english


def test_city_takeaway_gives_shares_and_the_widest_growth_difference(data):
    # 232.1/3347.6 = 6.93%, 78.8/1130.3 = 6.97%, 10.74/241.5 = 4.45%. Growth differences from the
    # city: 社零 4.9-4.9 = 0, 财政收入 2.0-6.4 = -4.4, 规上工业 0.2-1.0 = -0.8 (GDP: not stated).
    assert takeaway("muye_in_city", data, "zh") == (
        "2023年地区生产总值占全市6.9%、社会消费品零售总额占全市7.0%、一般公共预算收入占全市4.4%；"
        "一般公共预算收入增长2.0%，低于全市（增长6.4%）"
    )
    assert takeaway("muye_in_city", data, "en") == (
        "In 2023, share of the city's total: GDP 6.9%, Total retail sales of consumer goods 7.0%, "
        "General public budget revenue 4.4%; General public budget revenue grew 2.0%, below the "
        "city's 6.4%"
    )


def test_growth_gap_takeaway_gives_the_largest_gap_and_what_was_not_stated(data):
    # Gaps: 规上 8 - 0.2 = 7.8, 财政收入 8 - 2.0 = 6.0, 社零 9 - 4.9 = 4.1;
    # GDP and 固投: no 2023 growth.
    assert takeaway("growth_gap", data, "zh") == (
        "规上工业增加值增速目标8%，2023年增长0.2%，目标高7.8个百分点；"
        "地区生产总值、固定资产投资2023年增速未公布"
    )
    assert takeaway("growth_gap", data, "en") == (
        "Value added of industrial enterprises above designated size growth target 8% is 7.8 pp "
        "above 2023's 0.2%; no 2023 growth stated for GDP and Investment in fixed assets"
    )


def test_projection_takeaway_rounds_like_the_report(data):
    # 232.1 x 1.06 = 246.026 (real growth: at 2023 prices), 10.74 x 1.08 = 11.5992,
    # 78.8 x 1.09 = 85.892; GDP's target is a floor (以上).
    assert takeaway("projected_levels", data, "zh") == (
        "按目标推算2024年地区生产总值≥246.0亿元（按2023年价格）、一般公共预算收入11.60亿元、"
        "社会消费品零售总额85.9亿元"
    )
    assert takeaway("projected_levels", data, "en") == (
        # RMB bn with every digit the Chinese shows (246.0亿元, 11.60亿元, 85.9亿元)
        "Targets imply 2024 GDP ≥RMB 24.60 bn (at 2023 prices), General public budget revenue "
        "RMB 1.160 bn, Total retail sales of consumer goods RMB 8.59 bn"
    )


def test_task_takeaway_counts_targets_below_last_year(data):
    # Ratios of levels and counts only (R&D coverage, a rate, is left out: 80/70 = "114%" would
    # compare two rates): battery revenue 80/70 = 114%, key-project investment 180/180 = 100%,
    # jobs 8000/8317 = 96%, grain 3000/3410 = 88%, 专精特新 6/7 = 86%, key projects 200/431 = 46%:
    # four of six below 100%.
    assert takeaway("task_targets", data, "zh") == (
        "6项有2023年完成值可比的任务目标中4项低于上年完成值；"
        "最低为重点项目（46%），最高为电池产业收入（114%）"
    )
    assert takeaway("task_targets", data, "en") == (
        "4 of 6 task targets with a 2023 outcome are below it; "
        "lowest Key projects (5 million yuan or more) at 46%, highest Battery industry revenue "
        "at 114%"
    )


def test_fan_takeaway_states_forecast_interval_and_the_band_of_its_probability():
    from muye_analysis.forecast.presentation import FanFacts

    facts = FanFacts(year=2024, months_known=9, mean=5.84, interval_80=(4.91, 6.66),
                     backtest_origins=24, coverage_80=0.83, coverage_95=0.92, target=6.0,
                     bound="at_least", probability=0.426, band="possible")  # fmt: skip
    goal = {"target": 6.0, "unit": "%", "qualifier": "以上", "bound": "at_least"}
    assert fan_takeaway(facts, goal, "zh") == (
        "2024年全年预计增长5.8%（80%区间4.9%至6.7%），有可能达到6%以上目标"
    )
    assert fan_takeaway(facts, goal, "en") == (
        "2024: 5.8% expected (80% interval 4.9% to 6.7%); may meet the ≥6% target"
    )


def test_probability_is_never_shown_as_certain():
    assert [probability_text(p, "zh") for p in (0.0, 0.004, 0.006, 0.5, 0.994, 0.996, 1.0)] == [
        "不足1%", "不足1%", "约1%", "约50%", "约99%", "超过99%", "超过99%",
    ]  # fmt: skip
    assert probability_text(0.0, "en") == "below 1%"
    assert probability_text(0.426, "en") == "about 43%"


def test_catalogue_follows_the_stable_chart_names(data):
    entries = report_catalogue(data)
    assert tuple(e.name for e in entries) == REPORT_CHARTS
    assert [e.name for e in select_charts(entries, ["task_targets", "growth_gap"])] == [
        "growth_gap",
        "task_targets",
    ]
    with pytest.raises(ValueError, match=r"unknown chart.*pie_chart.*known: rank_scorecard"):
        select_charts(entries, ["pie_chart"])


# -- headline table ------------------------------------------------------------------------------


def test_headline_numbers_never_fill_a_missing_2023_figure(data):
    numbers = headline_numbers(data.targets, data.indicators)
    assert list(numbers["indicator"]) == list(HEADLINE)
    expected_gap = pd.Series([pd.NA, 7.8, pd.NA, 6.0, 4.1, pd.NA], dtype="Float64", name="gap_pp")
    pd.testing.assert_series_equal(numbers["gap_pp"], expected_gap, rtol=TOL)
    expected_level = pd.Series(
        [232.1, pd.NA, pd.NA, 10.74, 78.8, pd.NA], dtype="Float64", name="level"
    )
    pd.testing.assert_series_equal(numbers["level"], expected_level)


def test_headline_table_marks_qualifiers_and_gaps_in_english(data):
    table = headline_table(data.targets, data.indicators, "en")
    assert table.columns == ("Indicator", "2023 level (RMB bn)", "2023 outcome",
                             "2024 target", "Gap (pp)", "Basis")  # fmt: skip
    # one money convention, RMB bn, with every published digit: 232.1亿元 = RMB 23.21 bn
    assert table.rows[0] == ("GDP", "23.21", "not stated",
                             "≥6% growth", "—", "comparable prices")  # fmt: skip
    assert [row[1] for row in table.rows[3:5]] == ["1.074", "7.88"]
    assert table.rows[5] == ("Surveyed urban unemployment rate", "—", "not stated", "≈5.5%", "—",
                             "rate")  # fmt: skip
    assert table.source == vocab.source_line("en")
    assert table.source.startswith("Source: Muye District Development and Reform Commission, ")


def test_headline_table_from_a_hand_built_frame():
    ids = list(HEADLINE)
    targets = pd.DataFrame(
        {
            "indicator": ids,
            "name_zh": [
                "地区生产总值",
                "规上",
                "固定资产投资",
                "财政收入",
                "社零",
                "城镇调查失业率",
            ],
            "name_en": ["GDP", "Industry", "Investment", "Revenue", "Retail", "Unemployment"],
            "short_zh": ["GDP", "规上工业", "固投", "财政收入", "社零", "失业率"],
            "short_en": ["GDP", "Industry", "Investment", "Revenue", "Retail", "Unemployment"],
            "measure": ["growth_rate"] * 5 + ["rate"],
            "target": pd.array([6.5, 8, 9, 8, 9, 5.5], dtype="Float64"),
            "qualifier": pd.array(["左右", pd.NA, "以上", pd.NA, pd.NA, "以内"], dtype="string"),
            "bound": ["about", "exact", "at_least", "exact", "exact", "at_most"],
            "price_basis": ["real", "real", "nominal", "nominal", "nominal", pd.NA],
            "actual": pd.array([5.0, pd.NA, 3.0, pd.NA, 10.0, 5.2], dtype="Float64"),
            # target - actual, as load_targets() gives it (one formula, there)
            "gap_pp": pd.array([1.5, pd.NA, 6.0, pd.NA, -1.0, 0.3], dtype="Float64"),
            "base_year": 2023,
            "plan_year": 2024,
        }
    )
    indicators = pd.DataFrame(
        {
            "indicator": ["gdp", "gdp"],
            "period": pd.array([2023, 2024], dtype="Int64"),
            "kind": ["actual", "target"],
            "measure": ["level", "level"],
            "stage": [pd.NA, pd.NA],
            "value": pd.array([100.0, 106.5], dtype="Float64"),
            "unit": ["亿元", "亿元"],
        }
    )
    rows = headline_table(targets, indicators, "zh").rows
    assert rows[0] == (
        "地区生产总值", "100亿元", "增长5.0%", "增长6.5%左右", "+1.5", "可比价"
    )  # fmt: skip
    assert rows[1][1:3] == ("未公布", "未公布")
    assert rows[2][3:5] == ("增长9%以上", "+6.0")
    assert rows[4][4] == "-1.0"  # a target below last year's growth: a negative gap, kept
    assert rows[5] == ("城镇调查失业率", "—", "5.2%", "5.5%以内", "+0.3", "比率")


def test_target_text_keeps_the_printed_qualifier():
    assert target_text(6.0, "以上", "at_least", "zh") == "6%以上"
    assert target_text(5.5, "左右", "about", "en") == "≈5.5%"
    assert target_text(8.0, pd.NA, "exact", "zh") == "8%"


# -- title block, names, small helpers -----------------------------------------------------------


def test_title_block_with_year_to_date_data_names_the_period_and_its_source():
    part = YtdPart(period=Period(2024, 9), sources="区统计局2024年9月月报")
    block = title_block("zh", part)
    assert block.period == "2023年计划执行情况与2024年计划，2024年1-9月进度"
    assert block.vintage[-1] == "年初至今数据：截至2024年1-9月（区统计局2024年9月月报）"
    english = title_block("en", part)
    assert english.period == (
        "Implementation of the 2023 plan and the 2024 plan; progress to Jan-Sep 2024"
    )
    synthetic = title_block("zh", YtdPart(period=Period(2024, 6), sources="x", synthetic=True))
    assert synthetic.vintage[-1].endswith("示例数据（合成），非真实统计")


def test_presented_when_reads_the_sidecar_phrase():
    assert presented_when("early 2024, to the district people's congress", "zh") == "2024年初"
    assert presented_when("early 2024, to the district people's congress", "en") == "early 2024"
    assert presented_when("late 2023", "zh") == "2023年末"
    assert presented_when("2024", "zh") == "2024年"
    assert presented_when("unknown", "en") == ""


def test_synthetic_rows_are_recognised_by_source_or_file_name():
    store = pd.DataFrame(
        {
            "source": pd.array(
                ["synthetic test data", "新乡市统计局 2024年9月月报", pd.NA, "区统计局", pd.NA],
                dtype="string",
            ),
            "file": pd.array(
                ["a.csv", "2024年1-9月.xlsx", "示例数据.csv", "Example_Q3.xlsx", "1-9月.csv"],
                dtype="string",
            ),
        }
    )
    assert is_synthetic(store).tolist() == [True, False, True, True, False]


def test_output_paths_by_language(tmp_path):
    assert output_paths("zh", tmp_path) == (tmp_path / "briefing.pptx", tmp_path / "briefing.html")
    assert output_paths("en", tmp_path)[0].name == "briefing_en.pptx"
    with pytest.raises(ValueError, match="lang must be 'zh' or 'en'"):
        output_paths("fr", tmp_path)


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th",
    ]  # fmt: skip


def test_text_width_is_measured_with_the_fonts_metrics():
    from muye_analysis.briefing.fit import WIDTH_SLACK

    assert text_ems("税占比") == pytest.approx(3 * WIDTH_SLACK)  # a Chinese character: one em
    assert text_ems("GDP") < text_ems("税占比")  # three Latin capitals run narrower
    assert text_ems("GDP占") == pytest.approx(text_ems("GDP") + WIDTH_SLACK)
    # 20 Chinese characters at 18 pt: 20 x 18 x 1.03 = 371 pt, under (6 - 0.2) x 72 = 418 pt
    assert fit_size("一" * 20, 6.0, (18, 16)) == 18
    assert fit_size("一" * 40, 6.0, (18, 16, 12)) == 12  # too long for any: the smallest


def test_report_data_loads_the_bundled_tables(data):
    assert len(data.targets) == len(ma.load_targets())
    assert set(data.rankings["indicator"]) >= {"tax_share", "industrial_value_added"}
