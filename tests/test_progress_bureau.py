"""Issue 26: the 进度监测 table an office signs, on bureau tables as they come.

Every expected number is computed here by hand from the formula in DOMAIN.md
(w = 上年同期 ÷ last year's full year; g_rest = (g_target − w·g_ytd) / (1 − w)), never read back
from the code. The bureau tables are SYNTHETIC (tests/data/quarterly/synthetic_bureau_2024_*):
GBK, 上年同期, 全市位次 and rows the plan has no indicator for. The report's 2023 levels are the
bundled report's: 地区生产总值232.1亿元, 社会消费品零售总额78.8亿元, 一般公共预算收入10.74亿元,
电池产业营业收入70亿元, 重点项目完成投资180亿元, 新增城镇就业8317人.
"""

from __future__ import annotations

import math
import threading
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from muye_analysis import cli, vocab
from muye_analysis.claims.base import Claim
from muye_analysis.dataset import load_targets
from muye_analysis.display import round_half_up
from muye_analysis.errors import DataError
from muye_analysis.periods import Period
from muye_analysis.progress import (
    COLUMNS,
    EFFORTS,
    effort_thresholds,
    growth_status,
    progress_table,
)
from muye_analysis.progress.rendering import format_table, reason_text, rules_note
from muye_analysis.progress.workbook import write_workbook
from muye_analysis.quarterly import (
    ingest_quarterly,
    read_store,
    read_unregistered,
    store_path,
)
from muye_analysis.targets import assess_target, latest_momentum, required_growth
from muye_analysis.vocab import say

DATA = Path(__file__).parent / "data" / "quarterly"
H1 = DATA / "synthetic_bureau_2024_h1_gbk.csv"
Q3 = DATA / "synthetic_bureau_2024_q3_gbk.csv"
TOL = 1e-9


def g_rest(target: float, ytd: float, w: float) -> float:
    """DOMAIN.md's formula, written out again so the tests never trust the code's."""
    return (target - w * ytd) / (1 - w)


@pytest.fixture
def bureau():
    """The store after ingesting the two SYNTHETIC GBK bureau tables (1-6月, then 1-9月)."""
    first = ingest_quarterly(H1)
    second = ingest_quarterly(Q3)
    return first, second


def _row(table: pd.DataFrame, indicator: str) -> dict:
    return table.set_index("indicator").loc[indicator].to_dict() | {"indicator": indicator}


def _reason(table: pd.DataFrame, indicator: str, lang: str = "zh") -> str:
    return reason_text(_row(table, indicator), lang)


# -- weights from the best base available ------------------------------------------------------


def test_retail_h1_weights_come_from_prior_year_over_the_reports_level(bureau):
    # 社零 1-6月: 上年同期 379000万元 = 37.9亿元, the report's 2023 level 78.8亿元
    w = 37.9 / 78.8
    assert round(w, 3) == 0.481
    row = _row(progress_table("1-6月"), "retail_sales")
    assert row["weight"] == pytest.approx(w, abs=TOL)
    assert row["weights_source"] == "prior_year_report"
    # growth 6.2%: the second half needs (9 − 0.481 × 6.2) / 0.519 = 11.59% (equal halves: 11.8%)
    assert row["required_growth"] == pytest.approx(g_rest(9, 6.2, w), abs=TOL)
    assert round(row["required_growth"], 2) == 11.59
    # the 11.69% is the same formula at 6.1%: (9 − 0.481 × 6.1) / 0.519
    assert round(required_growth(9, 6.1, w).required, 2) == 11.69
    assert _reason(progress_table("1-6月"), "retail_sales").startswith(
        "上半年增长6.2%，下半年需增长11.6%，比累计增速高5.4个百分点，完成全年目标难度很大"
    )


def test_gdp_q3_weights_need_7_9_not_the_equal_quarters_8_4(bureau):
    w = 163.3 / 232.1  # 上年同期 1-9月 ÷ the report's 2023 GDP
    row = _row(progress_table("1-9月"), "gdp")
    assert row["required_growth"] == pytest.approx(g_rest(6, 5.2, w), abs=TOL)
    assert round(row["required_growth"], 1) == 7.9
    assert round(g_rest(6, 5.2, 0.75), 1) == 8.4  # what equal quarters said
    assert row["weights_source"] == "prior_year_report"


def test_budget_revenue_growth_derived_then_weighted(bureau):
    # 1-6月: 58600万元 against 55600万元: growth (5.86 / 5.56 − 1) = 5.396%, derived;
    # w = 5.56 / 10.74; the second half needs 10.80%.
    ytd, w = (5.86 / 5.56 - 1) * 100, 5.56 / 10.74
    row = _row(progress_table("1-6月"), "budget_revenue")
    assert row["ytd_value"] == pytest.approx(ytd, abs=1e-9)
    assert row["required_growth"] == pytest.approx(g_rest(8, ytd, w), abs=1e-9)
    assert round(row["required_growth"], 2) == 10.80
    assert row["derived"].startswith("(累计值 5.86 ÷ 上年同期 5.56 − 1) × 100")


def test_a_full_year_in_the_store_beats_the_reports_level_and_recorded_weights_beat_both(
    tmp_path,
):
    path = tmp_path / "synthetic_retail_full_year.csv"
    path.write_text(
        "indicator,year,period,level,unit,上年同期,growth_pct,source\n"
        "社零,2023,全年,80.0,亿元,,,synthetic\n"
        "社零,2024,1-6月,40.25,亿元,37.9,6.2,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    row = _row(progress_table(), "retail_sales")
    assert row["weights_source"] == "prior_year"  # 37.9 ÷ the bureau's own 80.0
    assert row["weight"] == pytest.approx(37.9 / 80.0, abs=TOL)
    shares = [1, 1, 1, 3]  # a recorded seasonal pattern comes first
    row = _row(progress_table(seasonal_weights={"retail_sales": shares}), "retail_sales")
    assert (row["weights_source"], row["weight"]) == ("seasonal", pytest.approx(2 / 6, abs=TOL))


def test_the_basis_column_names_the_weights_in_an_economists_words(bureau):
    from muye_analysis.progress.rendering import basis_text

    table = progress_table("1-9月")
    assert basis_text(_row(table, "gdp"), "zh") == "权重：上年同期÷上年全年（报告）"
    assert basis_text(_row(table, "industrial_value_added"), "zh") == (
        "权重：假设各季度基数相等（无上年同期数据）"
    )
    assert basis_text(_row(table, "key_project_investment"), "zh") == "序时进度：月数÷12"


# -- 序时进度 and 上年同期进度 -------------------------------------------------------------------


def test_battery_revenue_behind_time_elapsed_but_level_with_last_years_pace(bureau):
    table = progress_table("1-9月")
    row = _row(table, "battery_industry_revenue")
    assert row["completion_pct"] == pytest.approx(55 / 80 * 100, abs=TOL)  # 68.75%
    assert row["elapsed_pct"] == pytest.approx(75.0, abs=TOL)  # 9 ÷ 12
    assert row["pace_gap"] == pytest.approx(68.75 - 75, abs=TOL)
    assert row["prior_pace_pct"] == pytest.approx(48 / 70 * 100, abs=TOL)  # 68.57%
    assert (row["prior_pace_basis"], row["prior_pace_code"]) == ("prior_year_report", "level")
    assert (row["status"], row["pace_reference"]) == ("at_risk", "elapsed")
    assert _reason(table, "battery_industry_revenue") == (
        "累计完成55亿元，完成进度68.8%，低于序时进度6.3个百分点（序时进度75.0%）；"
        "与上年同期进度（68.6%）基本持平"
    )


def test_time_elapsed_is_months_over_twelve(tmp_path):
    path = tmp_path / "synthetic_months.csv"
    path.write_text(
        "indicator,year,period,level,unit,source\n"
        "新增城镇就业,2024,1-11月,7500,人,synthetic\n签约项目,2024,1-11月,18,个,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    table = progress_table()
    jobs = _row(table, "new_urban_jobs")
    assert jobs["elapsed_pct"] == pytest.approx(11 / 12 * 100, abs=TOL)  # 91.7%
    # 7500 / 8000 = 93.75%: 2.08 points ahead
    assert _reason(table, "new_urban_jobs") == (
        "累计完成7500人，完成进度93.8%，超序时进度2.1个百分点（序时进度91.7%）"
    )
    signed = _row(table, "signed_projects")  # 18 / 20 = 90%: 1.67 behind
    assert signed["pace_gap"] == pytest.approx(90 - 11 / 12 * 100, abs=TOL)
    assert "低于序时进度1.7个百分点（序时进度91.7%）" in _reason(table, "signed_projects")


def test_cumulative_rows_name_time_elapsed_and_last_years_pace(bureau):
    table = progress_table("1-6月")
    key = _row(table, "key_project_investment")  # 96.4 / 180 = 53.56% against 50%
    assert key["pace_gap"] == pytest.approx(96.4 / 1.8 - 50, abs=TOL)
    assert key["prior_pace_pct"] == pytest.approx(92.0 / 180 * 100, abs=TOL)
    assert _reason(table, "key_project_investment") == (
        "累计完成96.4亿元，完成进度53.6%，超序时进度3.6个百分点（序时进度50.0%）；"
        "快于上年同期进度（51.1%）2.4个百分点"
    )
    jobs = _row(table, "new_urban_jobs")  # 3900 / 8000 = 48.75%; last year 4100 / 8317
    assert jobs["prior_pace_pct"] == pytest.approx(4100 / 8317 * 100, abs=TOL)
    assert jobs["prior_pace_code"] == "behind"  # 0.55 points, beyond the 0.5 of 基本持平


def test_on_pace_reads_reached_time_elapsed(tmp_path):
    path = tmp_path / "synthetic_on_pace.csv"
    path.write_text("indicator,year,period,level,unit\n签约项目,2024,1-6月,10,个\n", "utf-8")
    ingest_quarterly(path)
    table = progress_table()
    assert _row(table, "signed_projects")["status"] == "on_track"
    assert _reason(table, "signed_projects") == (
        "累计完成10个，完成进度50.0%，达到序时进度（50.0%）"
    )


def test_growth_targets_are_never_judged_against_time_elapsed(bureau):
    table = progress_table("1-9月")
    growth = table[table["progress_kind"] == "growth"]
    assert growth["elapsed_pct"].isna().all()
    assert set(growth["elapsed_basis"]) == {"not_applicable"}


# -- 左右 as officials word it -------------------------------------------------------------------


@pytest.mark.parametrize(("rate", "gap"), [(5.9, "0.4"), (6.0, "0.5")])
def test_unemployment_above_its_about_target_is_above_never_within(tmp_path, rate, gap):
    path = tmp_path / "synthetic_jobless.csv"
    path.write_text(
        f"indicator,year,period,level,unit,source\n城镇调查失业率,2024,1-9月,{rate},%,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    table = progress_table()
    row = _row(table, "surveyed_unemployment_rate")
    assert (row["verdict"], row["status"]) == ("above_ceiling", "at_risk")
    text = _reason(table, "surveyed_unemployment_rate")
    assert text.startswith(f"当前{rate}%，高于5.5%左右的预期目标{gap}个百分点")
    assert "以内" not in text


def _gdp_about_targets() -> pd.DataFrame:
    """The report's targets with GDP read as 6%左右 (the 2023 national wording), for the
    verdict cases; the bundled target is 6%以上."""
    targets = load_targets().copy()
    gdp = targets["indicator"] == "gdp"
    targets.loc[gdp, "qualifier"] = "左右"
    targets.loc[gdp, "bound"] = "about"
    return targets


@pytest.mark.parametrize(
    ("growth", "verdict", "words"),
    [
        (5.5, "missed", "全年增长5.5%，低于全年6%左右的预期目标0.5个百分点"),
        (5.9, "met_about", "全年增长5.9%，实现全年6%左右的预期目标（低于目标0.1个百分点，"
                           "在“左右”0.1个百分点的容差内）"),
        (6.0, "met", "全年增长6.0%，实现全年6%左右的预期目标"),
        (6.8, "exceeded", "全年增长6.8%，实现全年6%左右的预期目标，高于目标0.8个百分点"),
    ],
)  # fmt: skip
def test_gdp_against_an_about_target_at_year_end(tmp_path, growth, verdict, words):
    path = tmp_path / "synthetic_year.csv"
    path.write_text(f"indicator,year,period,growth_pct\ngdp,2024,全年,{growth}\n", "utf-8")
    ingest_quarterly(path)
    table = progress_table(targets=_gdp_about_targets())
    row = _row(table, "gdp")
    assert row["verdict"] == verdict
    assert _reason(table, "gdp") == words
    assert "完成" not in _reason(table, "gdp") or verdict != "missed"


def test_the_about_tolerance_is_named_and_configurable():
    assert assess_target(5.8, 6.0, "about").status == "missed"
    assert assess_target(5.8, 6.0, "about", tolerance_pp=0.2).status == "met_about"
    # a ceiling never takes one
    assert assess_target(5.6, 5.5, "about", higher_is_better=False, measure="rate",
                         tolerance_pp=0.5).status == "above_ceiling"  # fmt: skip


def test_the_convention_is_stated_wherever_a_verdict_is_shown(bureau, tmp_path):
    table = progress_table("1-9月")
    convention = "“左右”目标无官方容差"
    assert convention in rules_note("zh") and "no official tolerance" in rules_note("en")
    assert convention in format_table(table, "zh")
    wb = load_workbook(write_workbook(table, tmp_path / "p.xlsx"))
    notes = " ".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    tolerance = vocab.text("progress.param.ABOUT_TOLERANCE_PP", "zh")  # the threshold, in words
    assert convention in notes and f"{tolerance} 0.1" in notes


# -- status by the effort the rest of the year needs --------------------------------------------


def test_first_quarter_and_november_are_judged_on_one_scale():
    # GDP 一季度 4.6% against 6%: equal quarters, the rest needs (6 − 0.25 × 4.6) / 0.75 = 6.47%,
    # 1.87 points faster, with three quarters left (thresholds 0.82 / 2.04): 需明显加快.
    q1_need = g_rest(6, 4.6, 0.25)
    q1 = growth_status(4.6, 6, q1_need, share_left=0.75)
    assert q1_need - 4.6 == pytest.approx(1.4 / 0.75, abs=TOL)
    assert [round(x, 2) for x in effort_thresholds(0.75)] == [0.82, 2.04]
    # 规上工业 1-11月 7.8% against 8%: December needs (8 − 11/12 × 7.8) × 12 = 10.2%, 2.4 points
    # faster, with a month left (thresholds 2.45 / 6.12): 需小幅加快, not 难度很大.
    nov_need = g_rest(8, 7.8, 11 / 12)
    nov = growth_status(7.8, 8, nov_need, share_left=1 / 12)
    assert nov_need == pytest.approx(10.2, abs=1e-9)
    assert (q1.reason, q1.status) == ("growth_marked", "at_risk")
    assert (nov.reason, nov.status) == ("growth_small", "at_risk")
    # the bigger shortfall gets the heavier grade, whatever the month
    assert EFFORTS.index(q1.facts["effort"]) > EFFORTS.index(nov.facts["effort"])
    # needing 2.4 points more and needing 50 more are no longer alike
    far = growth_status(3.8, 8, g_rest(8, 3.8, 11 / 12), share_left=1 / 12)
    assert far.reason == "growth_hard" and far.facts["extra"] > 45


def test_thresholds_scale_with_the_share_of_the_year_left():
    for share in (0.75, 0.5, 0.25, 1 / 12):
        small, hard = effort_thresholds(share)
        assert small == pytest.approx(math.sqrt(0.5 / share), abs=TOL)
        assert hard == pytest.approx(2.5 * math.sqrt(0.5 / share), abs=TOL)


def test_the_table_grades_the_cases_the_same_way(tmp_path):
    path = tmp_path / "synthetic_effort.csv"
    path.write_text(
        "indicator,year,period,growth_pct,source\n"
        "gdp,2024,1-3月,4.6,synthetic\n规上工业,2024,1-11月,7.8,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    gdp = _row(progress_table("1-3月"), "gdp")
    assert (gdp["effort"], gdp["required_growth"]) == (
        "marked",
        pytest.approx(g_rest(6, 4.6, 0.25)),
    )
    table = progress_table("1-11月")
    industry = _row(table, "industrial_value_added")
    assert industry["effort"] == "small"
    assert _reason(table, "industrial_value_added") == (
        "1-11月增长7.8%，12月需增长10.2%，比累计增速高2.4个百分点，需小幅加快"
    )


# -- momentum --------------------------------------------------------------------------------


def test_third_quarter_alone_from_the_cumulative_figures(bureau):
    # 1-6月 4.6%, 1-9月 5.2%; w = 上年同期 108.6 / 163.3 (the quarter's weight 54.7 / 163.3):
    # 三季度 = (5.2 − w × 4.6) / (1 − w) = 6.39%, 1.79 points faster than the first half.
    w = 108.6 / 163.3
    q3 = (5.2 - w * 4.6) / (1 - w)
    row = _row(progress_table("1-9月"), "gdp")
    assert row["latest_span"] == Period.span(2024, 7, 9)
    assert row["latest_growth"] == pytest.approx(q3, abs=TOL)
    assert (row["latest_weights_source"], row["momentum"]) == ("prior_year", "accelerating")
    assert row["growth_change"] == pytest.approx(0.6, abs=TOL)
    need = g_rest(6, 5.2, 163.3 / 232.1)
    assert row["need_vs_latest"] == pytest.approx(need - q3, abs=TOL)
    # 2.70 points faster than so far, 1.51 than the third quarter: both 需明显加快 (1.30 / 3.25)
    assert (row["effort_ytd"], row["effort_latest"], row["effort"]) == ("marked",) * 3
    assert _reason(progress_table("1-9月"), "gdp") == (
        "前三季度增长5.2%，四季度需增长7.9%，比累计增速高2.7个百分点，需明显加快；"
        "三季度当季增长6.4%（推算），快于上半年累计1.8个百分点，增势加快；"
        "四季度所需增速比三季度当季高1.5个百分点"
    )


def test_a_month_alone_from_levels_and_prior_year(tmp_path):
    # 社零 1-8月 54.0 (上年同期 51.0), 1-9月 61.0 (57.4): 9月 alone (61 − 54) / (57.4 − 51) − 1
    path = tmp_path / "synthetic_months.csv"
    path.write_text(
        "indicator,year,period,level,unit,上年同期,source\n"
        "社零,2024,1-8月,54.0,亿元,51.0,synthetic\n社零,2024,1-9月,61.0,亿元,57.4,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    table = progress_table()
    row = _row(table, "retail_sales")
    september = (61 - 54) / (57.4 - 51) - 1
    assert row["latest_span"] == Period.span(2024, 9, 9)
    assert row["latest_growth"] == pytest.approx(september * 100, abs=1e-9)
    assert "9月当月增长9.4%（推算），快于1-8月累计3.5个百分点，增势加快" in _reason(
        table, "retail_sales"
    )


def test_momentum_moves_the_grade_one_step_toward_the_latest_period():
    # behind, but the latest quarter already grows as fast as the rest needs: one step easier
    easier = growth_status(5.0, 6.0, 7.5, share_left=0.5, latest=8.0)
    assert (easier.facts["effort_ytd"], easier.facts["effort"]) == ("marked", "small")
    # at the target so far, but the latest quarter grew slower than the rest needs
    slowing = growth_status(6.5, 6.0, 5.5, share_left=0.5, latest=4.0)
    assert (slowing.reason, slowing.status) == ("growth_met_slowing", "at_risk")


def test_momentum_needs_two_periods_of_the_year():
    first = pd.DataFrame({"year": [2024], "end_month": [3], "level": [None], "growth": [4.6],
                          "prior_year": [None]})  # fmt: skip
    assert latest_momentum(first, Period(2024, 3), frequency="quarterly") is None


# -- bureau tables as they come ---------------------------------------------------------------


def test_unregistered_rows_are_kept_listed_and_never_block(bureau):
    first, second = bureau
    assert first.added == 21 and second.added == 21
    kept = read_unregistered()
    assert set(kept["label"]) == {"规模以上工业企业数", "房地产开发投资", "商品房销售面积"}
    estate = kept[(kept["label"] == "房地产开发投资") & (kept["end_month"] == 9)]
    cells = dict(zip(estate["measure"], estate["value"], strict=True))
    assert cells == {"level": 18.9, "prior_year": 21.0, "growth": -10.0, "rank": 8.0}
    assert set(estate["unit"].dropna()) == {"亿元", "位"}
    assert set(estate["row"]) == {9} and set(estate["file"]) == {Q3.name}
    assert bool(kept.loc[kept["label"] == "商品房销售面积", "sub_item"].all())
    # the row's words as the file writes them, quoted (English output never shows them bare)
    assert any(line.startswith('"房地产开发投资" ("亿元"): "1-6月累计" = 12.3') for line in
               first.unregistered)  # fmt: skip
    assert "未登记指标 3 行" in first.summary("zh")
    assert "房地产开发投资" not in set(read_store()["indicator"])  # never a figure
    again = ingest_quarterly(Q3)  # the same file again: nothing new, nothing doubled
    assert (again.added, again.unregistered_added, len(read_unregistered())) == (0, 0, len(kept))
    assert "（存储未改动）" in again.summary("zh") and "（存储未改动）" not in second.summary("zh")


def test_an_unregistered_row_of_the_template_layout_is_kept_too():
    result = ingest_quarterly(DATA / "synthetic_tidy_unregistered_row.csv")
    assert (result.added, result.indicators) == (2, ["retail_sales"])
    kept = read_unregistered()
    shown = kept[["label", "measure", "value", "row", "column"]].astype(object).to_numpy().tolist()
    assert shown == [
        ["出口总额", "level", 3.2, 3, "level"],
        ["出口总额", "growth", 8.0, 3, "growth_pct"],
    ]
    assert kept["unit"].iloc[0] == "亿元" and pd.isna(kept["unit"].iloc[1])  # a growth has none


def test_the_city_rank_column_is_stored_as_measure_rank(bureau):
    store = read_store()
    ranks = store[store["measure"] == "rank"].set_index(["indicator", "end_month"])
    assert ranks.loc[("gdp", 6), "value"] == 6 and ranks.loc[("gdp", 9), "value"] == 5
    assert set(ranks["ranked_on"]) == {"growth"}  # 增长(%) | 全市位次: the growth's rank
    assert set(ranks["unit"]) == {"位"}
    assert len(ranks) == 10  # five indicators with a 位次 in each table
    # a rank is no figure: the series and the progress table never read it
    assert progress_table("1-9月").set_index("indicator").loc["gdp", "ytd_value"] == 5.2


def test_a_monthly_label_for_quarterly_gdp_is_refused(tmp_path):
    path = tmp_path / "synthetic_gdp_months.csv"
    path.write_text("indicator,year,period,growth_pct\ngdp,2024,1-8月,5.0\n", "utf-8")
    with pytest.raises(DataError) as info:
        ingest_quarterly(path)
    assert (info.value.row, info.value.column) == (2, "growth_pct")
    assert "compiled quarterly" in str(info.value) and "1-8月" in str(info.value)
    assert not store_path().exists()  # refused: no store file left behind


def test_a_monthly_bureau_table_with_gdp_blank_is_read(tmp_path):
    rows = ("2024年1-8月牧野区主要经济指标（合成数据）\n"
            "指标名称,计量单位,本年累计,增长(%),全市位次\n"
            "地区生产总值,亿元,—,—,\n社会消费品零售总额,亿元,54.0,6.0,7\n")  # fmt: skip
    blank = tmp_path / "synthetic_month_blank_gdp.csv"
    blank.write_bytes(rows.encode("gbk"))
    assert ingest_quarterly(blank).indicators == ["retail_sales"]
    filled = tmp_path / "synthetic_month_gdp.csv"
    filled.write_bytes(rows.replace("—,—,", "150.2,4.6,5").encode("gbk"))
    with pytest.raises(DataError, match="compiled quarterly"):
        ingest_quarterly(filled)


def test_a_refused_first_ingest_leaves_no_file(tmp_path):
    path = tmp_path / "synthetic_implausible.csv"
    path.write_text("indicator,year,period,growth_pct\n社零,2024,1-3月,150\n", "utf-8")
    folder = tmp_path / "fresh"
    with pytest.raises(DataError):
        ingest_quarterly(path, store_dir=folder)  # refused by plausibility, after parsing
    assert not folder.exists()


def test_a_refused_first_ingest_beside_a_concurrent_writer_loses_nothing(tmp_path):
    good = tmp_path / "synthetic_good.csv"
    good.write_text("indicator,year,period,growth_pct\n社零,2024,1-3月,5.0\n", "utf-8")
    bad = tmp_path / "synthetic_bad.csv"
    bad.write_text("indicator,year,period,growth_pct\n社零,2024,1-6月,150\n", "utf-8")
    folder = tmp_path / "shared"
    errors: list[Exception] = []

    def run(path):
        try:
            ingest_quarterly(path, store_dir=folder)
        except DataError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in (bad, good, bad)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(errors) == 2  # the bad file twice, the good one stored
    assert read_store(folder)["value"].tolist() == [5.0]


# -- target kinds -------------------------------------------------------------------------------


def test_projects_total_investment_is_not_an_annual_target(bureau):
    table = progress_table("1-9月")
    park = _row(table, "battery_park_total_investment")
    assert (park["progress_kind"], park["annual"], park["rule"]) == ("project", False, "R5")
    assert _reason(table, "battery_park_total_investment").startswith("10亿元为项目总投资")
    tally = say(Claim("progress.tally", True, {"n": 1, "on_track": 0, "at_risk": 0,
                                                "off_track": 0, "no_data": 1,
                                                "projects": ""}), "zh")  # fmt: skip
    assert tally.startswith("1项年度目标")
    assert "23项年度目标中" in format_table(table, "zh")
    assert "另有2项为项目总投资" in format_table(table, "zh")


def test_the_citys_unemployment_rate_says_whose_figure_it_is(tmp_path):
    path = tmp_path / "synthetic_city.csv"
    path.write_text(
        "地区,指标,时期,累计值,单位,来源\n新乡市,城镇调查失业率,2024年1-9月,5.2,%,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    table = progress_table()
    row = _row(table, "surveyed_unemployment_rate")
    assert (row["compiled_by"], row["figure_area"], row["ytd_value"]) == ("city", "新乡市", 5.2)
    assert _reason(table, "surveyed_unemployment_rate") == (
        "当前5.2%，控制在5.5%左右的预期目标以内（区级不单独开展调查，采用新乡市数据）"
    )


# -- what users see ------------------------------------------------------------------------------


def test_the_workbook_shows_the_new_columns(bureau, tmp_path):
    out = tmp_path / "进度监测.xlsx"
    assert cli.main(["progress", "--as-of", "1-9月", "--xlsx", str(out)]) == 0
    ws = load_workbook(out)["进度监测"]
    header = [c.value for c in ws[2]]
    for name in ("完成进度(%)", "序时进度(%)", "上年同期进度(%)", "其余月份需增长(%)",
                 "当季/当月增速(%)", "口径"):  # fmt: skip
        assert name in header
    rows = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1)}
    latest = ws.cell(rows["地区生产总值"], header.index("当季/当月增速(%)") + 1)
    # stored at the one decimal it shows (6.4, not 6.3912248628884845)
    assert latest.value == round_half_up((5.2 - 108.6 / 163.3 * 4.6) / (1 - 108.6 / 163.3), 1)
    assert latest.number_format == "0.0"
    park = ws.cell(rows["锂离子动力电池产业园总投资"], header.index("状态") + 1)
    assert park.value == "项目（不考核）"


def test_every_column_is_documented_for_the_next_reader():
    doc = progress_table.__doc__
    missing = [c for c in COLUMNS if f"``{c}``" not in doc]
    assert missing == []
