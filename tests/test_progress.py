"""The 进度监测 table: each status rule, 序时进度 and its basis, the workbook and the command.

Year-to-date figures are SYNTHETIC (made up for the tests), written into temporary files.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from muye_analysis import cli
from muye_analysis.dataset import load_targets
from muye_analysis.display import decimals_of
from muye_analysis.periods import Period
from muye_analysis.progress import (
    AT_RISK_LAG_PP,
    AT_RISK_LEVEL_SHARE,
    AT_RISK_RATE_PP,
    COLUMNS,
    CUMULATIVE,
    EFFORT_HARD_PP,
    EFFORT_REFERENCE_SHARE,
    EFFORT_SMALL_PP,
    GROWTH,
    POINT,
    PRIOR_PACE_LEVEL_PP,
    PROJECT,
    cumulative_status,
    growth_status,
    point_status,
    progress_kind,
    progress_table,
    year_end_status,
)
from muye_analysis.progress.rendering import reason_text, rules_note
from muye_analysis.progress.workbook import STATUS_FILL, write_workbook
from muye_analysis.quarterly import ingest_quarterly, read_store
from muye_analysis.targets import WEIGHTS_LEVELS

TOL = 1e-9


def _reason(table, indicator: str, lang: str = "zh") -> str:
    return reason_text(table.reset_index().set_index("indicator").loc[indicator].to_dict()
                       | {"indicator": indicator}, lang)  # fmt: skip


def _store(tmp_path, text: str, name: str = "synthetic_progress.csv"):
    path = tmp_path / name
    path.write_text("indicator,year,period,level,unit,growth_pct,source\n" + text, "utf-8")
    ingest_quarterly(path)
    return read_store()


# -- the rules, one by one --------------------------------------------------------------------


def test_thresholds_are_named_parameters():
    assert (EFFORT_SMALL_PP, EFFORT_HARD_PP, EFFORT_REFERENCE_SHARE) == (1.0, 2.5, 0.5)
    assert (AT_RISK_LAG_PP, PRIOR_PACE_LEVEL_PP, AT_RISK_RATE_PP, AT_RISK_LEVEL_SHARE) == (
        10.0,
        0.5,
        1.0,
        0.10,
    )


def test_r1_growth_already_at_the_target_is_on_track():
    s = growth_status(6.5, 6.0, 4.5, share_left=0.25)
    assert (s.status, s.rule, s.reason) == ("on_track", "R1", "growth_met")
    assert (s.facts["need"], s.facts["effort"]) == (4.5, "hold")
    safe = growth_status(7.0, 6.0, -3.0, share_left=0.25)  # the rest could even fall
    assert safe.reason == "growth_met_can_fall"


@pytest.mark.parametrize(
    ("ytd", "required", "share_left", "status", "reason"),
    [
        # half the year left: 需小幅加快 up to 1 point, 需明显加快 up to 2.5, beyond 难度很大
        (5.0, 5.5, 0.5, "at_risk", "growth_small"),
        (5.0, 6.0, 0.5, "at_risk", "growth_small"),  # exactly 1 point
        (5.0, 7.5, 0.5, "at_risk", "growth_marked"),  # exactly 2.5 points
        (5.0, 7.6, 0.5, "off_track", "growth_hard"),
        # DOMAIN.md's 8.67 (quarters 50, 55, 55, 60): 3.67 points faster with 60/220 of the
        # year left, where the thresholds are 1 and 2.5 x sqrt(0.5 / (60/220)) = 1.35 and 3.39
        (5.0, 26 / 3, 60 / 220, "off_track", "growth_hard"),
    ],
)
def test_r1_growth_behind_by_the_acceleration_needed(ytd, required, share_left, status, reason):
    s = growth_status(ytd, 6.0, required, share_left=share_left)
    assert (s.status, s.rule, s.reason) == (status, "R1", reason)


def test_r1_reason_says_how_much_faster(synthetic):
    table = progress_table(store=synthetic)
    assert _reason(table, "gdp") == (
        "前三季度增长5.0%，四季度需增长8.7%，比累计增速高3.7个百分点，完成全年目标难度很大"
    )
    assert _reason(table, "gdp", "en") == (
        "growth of 5.0% in the first three quarters; Q4 needs 8.7%, 3.7 points above the growth "
        "so far: the year's target is very hard to reach"
    )


@pytest.mark.parametrize(
    ("completion", "elapsed", "status", "words"),
    [
        (70.0, 66.7, "on_track", "cumulative_ahead"),
        (66.7, 66.7, "on_track", "cumulative_on_pace"),
        (60.0, 66.7, "at_risk", "cumulative_behind"),
        (56.7, 66.7, "at_risk", "cumulative_behind"),  # exactly 10 points
        (55.6, 66.7, "off_track", "cumulative_behind"),
        (100.0, 50.0, "on_track", "cumulative_done"),
    ],
)
def test_r2_cumulative_completion_against_time_elapsed(completion, elapsed, status, words):
    s = cumulative_status(completion, elapsed)
    assert (s.status, s.rule, s.reason) == (status, "R2", words)


def test_r2_a_cap_on_a_flow_is_at_risk_when_ahead_of_time():
    assert cumulative_status(60, 66.7, ceiling=True).status == "on_track"
    assert cumulative_status(72, 66.7, ceiling=True).status == "at_risk"
    assert cumulative_status(80, 66.7, ceiling=True).status == "off_track"


@pytest.mark.parametrize(
    ("value", "target", "met", "kind", "measure", "status"),
    [
        (4.8, 5.5, True, "ceiling", "rate", "on_track"),
        (79.2, 80.0, False, "floor", "rate", "at_risk"),  # 0.8 point short
        (78.5, 80.0, False, "floor", "rate", "off_track"),  # 1.5 points short
        (6.3, 5.5, False, "ceiling", "rate", "at_risk"),  # 0.8 point over the 5.5 (band aside)
        (190, 200, False, "floor", "count", "at_risk"),  # 5% short
        (160, 200, False, "floor", "count", "off_track"),  # 20% short
        (2.7, 3.0, False, "floor", "ratio", "at_risk"),  # 10% short, exactly
    ],
)
def test_r3_point_targets_as_they_stand(value, target, met, kind, measure, status):
    s = point_status(value, target, met, kind=kind, measure=measure)
    assert (s.status, s.rule) == (status, "R3")


def test_r3_reason_for_a_ceiling_says_kept_within():
    s = point_status(4.8, 5.5, True, kind="ceiling", measure="rate")
    assert s.reason == "point_within_ceiling"


def test_r4_the_full_year_decides():
    assert year_end_status(True, "exceeded").status == "on_track"
    missed = year_end_status(False, "missed")
    assert (missed.status, missed.rule, missed.facts["verdict"]) == ("off_track", "R4", "missed")


@pytest.mark.parametrize(
    ("indicator", "measure", "flow", "kind"),
    [
        ("gdp", "growth_rate", True, GROWTH),
        ("key_project_investment", "level", True, CUMULATIVE),
        ("new_urban_jobs", "count", True, CUMULATIVE),
        ("signed_projects", "count", False, CUMULATIVE),  # signed in the year: builds up
        ("key_projects", "count", False, POINT),  # the year's list of projects: a stock
        ("grain_area", "level", False, POINT),
        ("surveyed_unemployment_rate", "rate", False, POINT),
        ("project_reserve_ratio", "ratio", False, POINT),
        ("battery_park_total_investment", "level", False, PROJECT),  # 产业园总投资10亿元
        ("cold_chain_park_total_investment", "level", False, PROJECT),
    ],
)
def test_progress_kind(indicator, measure, flow, kind):
    assert progress_kind(indicator, measure, flow) == kind


def test_decimals_follow_the_printed_precision():
    assert [decimals_of(v) for v in (180.0, 0.2, 2.75, 8.666666)] == [0, 1, 2, 2]


# -- the table ----------------------------------------------------------------------------------


def test_every_target_of_the_plan_has_a_row_and_no_data_says_so():
    table = progress_table(store=read_store())  # empty store
    targets = load_targets()
    assert len(table) == len(targets) == 25
    assert table["indicator"].tolist() == targets["indicator"].tolist()
    assert set(table["status"]) == {"no_data"} and set(table["rule"]) == {"R0", "R5"}
    assert table["annual"].sum() == 23  # the two projects' total investment are no annual target
    assert table.attrs["as_of"] is None
    for column in (
        "indicator",
        "target",
        "qualifier",
        "commitment",
        "ytd_value",
        "unit",
        "elapsed_pct",
        "completion_pct",
        "required_growth",
        "status",
        "reason",
        "elapsed_basis",
    ):
        assert column in table.columns
    assert _reason(table, "gdp") == "暂无本年数据，可按data/quarterly/模板填报"


def test_the_table_holds_numbers_and_codes_not_words():
    # Compute, then speak: no language-pair columns, no sentences (issue 19).
    assert [c for c in COLUMNS if c.endswith(("_zh", "_en"))] == []
    table = progress_table(store=read_store())
    assert set(table["reason"]) == {"no_data", "project_size"}


@pytest.fixture
def synthetic(tmp_path):
    """GDP (2023 levels 160/220, 2024 1-9月 +5.0%), and 1-8月 figures of five task targets."""
    return _store(
        tmp_path,
        "gdp,2023,1-9月,160,亿元,,synthetic\ngdp,2023,1-12月,220,亿元,,synthetic\n"
        "gdp,2024,1-9月,,,5.0,synthetic\n"
        "重点项目完成投资,2024,1-8月,100,亿元,,synthetic\n"
        "新增城镇就业,2024,1-6月,3000,人,,synthetic\n"
        "新增城镇就业,2024,1-8月,6500,人,,synthetic\n"
        "城镇调查失业率,2024,1-8月,4.8,%,,synthetic\n"
        "粮食生产面积,2024,1-8月,2.70,万亩,,synthetic\n"
        "规上工业企业研发活动覆盖率,2024,1-8月,78.5,%,,synthetic\n",
    )


def test_growth_row_uses_last_years_levels_and_the_required_growth(synthetic):
    row = progress_table(store=synthetic).set_index("indicator").loc["gdp"]
    assert row["period"] == Period(2024, 9) and row["ytd_value"] == 5.0
    assert row["required_growth"] == pytest.approx(26 / 3, abs=TOL)  # (6 - 160/220*5)/(60/220)
    assert row["weight"] == pytest.approx(160 / 220, abs=TOL)
    assert row["weights_source"] == WEIGHTS_LEVELS
    # a growth target is never judged against 序时进度
    assert pd_isna(row["elapsed_pct"]) and row["elapsed_basis"] == "not_applicable"
    assert (row["status"], row["rule"], row["effort"]) == ("off_track", "R1", "hard")
    assert pd_isna(row["completion_pct"])


def test_cumulative_rows_compare_completion_with_months_elapsed(synthetic):
    table = progress_table(store=synthetic).set_index("indicator")
    invest = table.loc["key_project_investment"]
    assert invest["completion_pct"] == pytest.approx(100 / 180 * 100, abs=TOL)  # 55.6%
    assert invest["elapsed_pct"] == pytest.approx(8 / 12 * 100, abs=TOL)  # 66.7%
    assert invest["elapsed_basis"] == "months"
    assert (invest["status"], invest["rule"]) == ("off_track", "R2")  # 11.1 points behind
    from muye_analysis.progress.rendering import display_table

    shown = display_table(table.reset_index(), "zh").set_index("指标")
    assert shown.loc["重点项目完成投资", "全年目标"] == "力争180亿元以上"
    jobs = table.loc["new_urban_jobs"]
    assert jobs["completion_pct"] == pytest.approx(6500 / 8000 * 100, abs=TOL)  # 81.25%
    assert jobs["status"] == "on_track"
    # 81.25 rounds half up (四舍五入) to 81.3, not to Python's 81.2
    assert _reason(table, "new_urban_jobs") == (
        "累计完成6500人，完成进度81.3%，超序时进度14.6个百分点（序时进度66.7%）"
    )


def test_point_rows_judge_rates_and_stocks_as_they_stand(synthetic):
    table = progress_table(store=synthetic).set_index("indicator")
    jobless = table.loc["surveyed_unemployment_rate"]  # 4.8% against 5.5%左右: a ceiling
    assert (jobless["status"], jobless["target_kind"]) == ("on_track", "ceiling")
    assert _reason(table, "surveyed_unemployment_rate") == (
        "当前4.8%，控制在5.5%左右的预期目标以内（区级不单独开展调查，表列为全市调查数）"
    )
    assert pd_isna(jobless["completion_pct"]) and pd_isna(jobless["elapsed_pct"])
    assert jobless["elapsed_basis"] == "not_applicable"
    grain = table.loc["grain_area"]  # 2.70 against 稳定在2.75万亩: tolerance 2% = 0.055
    assert grain["status"] == "on_track"
    assert grain["completion_pct"] == pytest.approx(2.70 / 2.75 * 100, abs=TOL)
    rd = table.loc["rd_coverage_rate"]  # 78.5% against 80%以上: 1.5 points short
    assert (rd["status"], rd["rule"]) == ("off_track", "R3")


def test_as_of_caps_the_figures_used(synthetic):
    table = progress_table("1-6月", store=synthetic).set_index("indicator")
    assert table.attrs["as_of"] == Period(2024, 6)
    jobs = table.loc["new_urban_jobs"]
    assert (jobs["period"], jobs["ytd_value"]) == (Period(2024, 6), 3000)
    # 3000 / 8000 = 37.5% against 50%: 12.5 points behind
    assert (jobs["status"], jobs["completion_pct"]) == ("off_track", 37.5)
    assert table.loc["gdp", "status"] == "no_data"  # its only figure is 1-9月


def test_as_of_must_be_year_to_date_and_in_the_plan_year(synthetic):
    with pytest.raises(ValueError, match="alone, not a year-to-date span"):
        progress_table("三季度", store=synthetic)
    with pytest.raises(ValueError, match="another year"):
        progress_table(Period(2023, 9), store=synthetic)


def test_a_recorded_plan_curve_replaces_months_elapsed(synthetic):
    # December carries 4 months' worth: 1-8月 is 8/15 of the year, not 8/12.
    shares = [1] * 11 + [4]
    table = progress_table(store=synthetic, seasonal_weights={"new_urban_jobs": shares})
    jobs = table.set_index("indicator").loc["new_urban_jobs"]
    assert jobs["elapsed_pct"] == pytest.approx(8 / 15 * 100, abs=TOL)
    assert (jobs["elapsed_basis"], jobs["pace_reference"]) == ("plan", "plan")
    assert _reason(table, "new_urban_jobs") == (
        # 81.25 - 53.33 = 27.92: the gap from the unrounded figures
        "累计完成6500人，完成进度81.3%，超计划进度27.9个百分点（计划进度53.3%）"
    )


def test_levels_in_another_unit_are_converted(tmp_path):
    store = _store(tmp_path, "重点项目完成投资,2024,1-8月,1200000,万元,,synthetic\n")
    row = progress_table(store=store).set_index("indicator").loc["key_project_investment"]
    assert row["ytd_value"] == pytest.approx(120.0, abs=TOL)  # 1,200,000万元 = 120亿元
    assert row["completion_pct"] == pytest.approx(120 / 180 * 100, abs=TOL)
    assert row["status"] == "on_track"  # 66.7% done, 66.7% of the year gone


def test_full_year_figures_give_the_verdict(tmp_path):
    store = _store(
        tmp_path,
        "社零,2024,全年,,,8.0,synthetic\n新增城镇就业,2024,全年,8317,人,,synthetic\n",
    )
    table = progress_table(store=store).set_index("indicator")
    retail = table.loc["retail_sales"]
    assert (retail["status"], retail["rule"]) == ("off_track", "R4")
    # a 预期目标 missed: 低于…预期目标X个百分点, never 完成 nor 未完成
    assert _reason(table, "retail_sales") == "全年增长8.0%，低于全年9%的预期目标1.0个百分点"
    jobs = table.loc["new_urban_jobs"]
    assert (jobs["status"], _reason(table, "new_urban_jobs")) == (
        "on_track",
        "全年8317人，超额完成全年8000人以上目标",
    )


def test_synthetic_rows_are_flagged_and_can_be_left_out(synthetic):
    table = progress_table(store=synthetic)
    assert table.loc[table["status"] != "no_data", "synthetic"].all()
    clean = progress_table(store=synthetic, include_synthetic=False)
    assert set(clean["status"]) == {"no_data"}


def test_the_note_under_the_table_states_the_rules():
    for rule, zh in zip(("R0", "R1", "R2", "R3", "R4"), "一二三四五", strict=True):
        assert f"（{zh}）" in rules_note("zh") and rule in rules_note("en")
    assert "R0" not in rules_note("zh")  # the rules numbered in Chinese, no Latin ids
    assert "月数÷12" in rules_note("zh")
    # the thresholds, from the constants, and the 左右 convention
    assert "需小幅加快（剩余半年时不超过1个百分点）" in rules_note("zh")
    assert "不超过0.1个百分点" in rules_note("zh") and "不称“以内”" in rules_note("zh")


# -- the workbook and the command ----------------------------------------------------------------


def test_workbook_has_chinese_headers_formats_fills_and_a_rules_sheet(synthetic, tmp_path):
    path = write_workbook(progress_table(store=synthetic), tmp_path / "进度.xlsx")
    wb = load_workbook(path)
    ws = wb["进度监测"]
    assert ws["A1"].value == "牧野区2024年主要目标进度监测表（截至2024年1-9月）"
    header = [c.value for c in ws[2]]
    assert header[:4] == ["指标", "全年目标", "截至", "累计值"]
    assert ws.freeze_panes == "B3"
    rows = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1)}
    assert len(rows) == 25
    status_col = header.index("状态") + 1
    value_col = header.index("累计值") + 1
    invest = rows["重点项目完成投资"]
    assert ws.cell(invest, status_col).value == "滞后"
    assert ws.cell(invest, status_col).fill.fgColor.rgb.endswith(STATUS_FILL["off_track"])
    assert ws.cell(rows["新增城镇就业"], value_col).number_format == "0"  # a count: whole
    assert ws.cell(rows["粮食生产面积"], value_col).number_format == "0.00"  # as printed: 2.75
    assert ws.cell(rows["地区生产总值"], value_col).number_format == "0.0"  # growth, 1 decimal
    assert ws.cell(rows["城镇调查失业率"], status_col).fill.fgColor.rgb.endswith(
        STATUS_FILL["on_track"]
    )
    for j, text in enumerate(header, start=1):  # every header fits its column
        width = ws.column_dimensions[ws.cell(2, j).column_letter].width
        assert width >= sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    notes = " ".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    assert "完成进度低于序时进度的预警上限（个百分点） 10" in notes  # a threshold in words
    assert (
        "AT_RISK_LAG_PP" not in notes and "（三） 累计量目标" in notes and "示例（合成）" in notes
    )
    assert "synthetic_progress.csv" in notes
    assert "完成投资180亿元以上" in notes  # the report's own words for the target


def test_english_workbook(synthetic, tmp_path):
    path = write_workbook(progress_table(store=synthetic), tmp_path / "p.xlsx", lang="en")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Progress", "Notes"]
    assert [c.value for c in wb["Progress"][2]][:2] == ["Indicator", "Target"]


def test_muye_progress_prints_the_table_and_writes_the_workbook(synthetic, tmp_path, capsys):
    out_file = tmp_path / "out.xlsx"
    assert cli.main(["progress", "--xlsx", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert "牧野区2024年目标进度监测（截至2024年1-9月）" in out
    assert "23项年度目标中正常3项、预警0项、滞后3项、暂无数据17项；另有2项为项目总投资" in out
    assert out_file.exists()
    assert cli.main(["progress", "--lang", "en", "--as-of", "1-6月"]) == 0
    assert "as of Jan-Jun 2024" in capsys.readouterr().out
    assert cli.main(["progress", "--as-of", "四季度"]) == 2
    assert "not a year-to-date span" in capsys.readouterr().err


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_growth_derived_from_the_level_and_prior_year_says_so(tmp_path):
    store = _store_with_prior(tmp_path)
    row = progress_table(store=store).set_index("indicator").loc["budget_revenue"]
    assert row["ytd_value"] == pytest.approx((8.2 / 7.6 - 1) * 100)  # 7.9%, derived
    assert row["derived"].startswith("(累计值 8.2 ÷ 上年同期 7.6 − 1) × 100")
    assert _reason(table_of(store), "budget_revenue").endswith("（增速由累计值与上年同期推算）")


def table_of(store):
    return progress_table(store=store)


def _store_with_prior(tmp_path):
    path = tmp_path / "synthetic_prior.csv"
    path.write_text(
        "indicator,year,period,level,unit,上年同期,growth_pct,source\n"
        "一般公共预算收入,2024,1-9月,8.2,亿元,7.6,,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    return read_store()


def test_a_bureau_gbk_table_goes_from_ingest_to_the_workbook(tmp_path, capsys):
    """As a new user: the bureau-style GBK table (title row, 单位 row, 上年同期 column, a section
    heading, an of-which row, a footnote; SYNTHETIC) -> muye ingest -> muye progress --xlsx."""
    from pathlib import Path

    bureau = Path(__file__).parent / "data" / "quarterly" / "synthetic_bureau_gbk_prior_year.csv"
    assert cli.main(["ingest", str(bureau)]) == 0
    assert "24 个数值" in capsys.readouterr().out  # 19 figures and 5 全市位次
    out_file = tmp_path / "进度监测.xlsx"
    assert cli.main(["progress", "--xlsx", str(out_file)]) == 0
    assert "正常5项、预警3项、滞后3项、暂无数据12项" in capsys.readouterr().out
    table = progress_table().set_index("indicator")
    # 一般公共预算收入: growth derived, (82000 / 76000 - 1) x 100 = 7.89%; weights 上年同期 ÷ the
    # report's 2023 level, 7.6 / 10.74: (8 - w x 7.89) / (1 - w) = 8.25%, 0.36 points faster:
    # 需小幅加快 (at risk).
    budget = table.loc["budget_revenue"]
    w = 7.6 / 10.74
    assert budget["required_growth"] == pytest.approx((8 - w * (82 / 76 - 1) * 100) / (1 - w))
    assert (budget["weights_source"], budget["status"]) == ("prior_year_report", "at_risk")
    # 重点项目完成投资 150.5 of 180 = 83.6% against 75% of the year: on track.
    assert table.loc["key_project_investment", "completion_pct"] == pytest.approx(150.5 / 1.8)
    # 电池产业营业收入 55 of 80 = 68.75% against 75%: 6.25 points behind, at risk.
    assert table.loc["battery_industry_revenue", "status"] == "at_risk"
    assert table.loc["surveyed_unemployment_rate", "status"] == "on_track"  # 4.9 vs 5.5左右
    ws = load_workbook(out_file)["进度监测"]
    rows = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1)}
    # stored as shown, at the column's decimals (7.9, not 7.894736842105263)
    assert ws.cell(rows["一般公共预算收入"], 4).value == 7.9
    assert ws.cell(rows["重点项目完成投资"], 4).number_format == "0.0"  # printed as 150.5


def test_the_workbook_is_never_written_over_the_data(tmp_path, capsys):
    from muye_analysis import config

    target = config.processed_dir() / "进度.xlsx"
    assert cli.main(["progress", "--xlsx", str(target)]) == 2
    out, err = capsys.readouterr()
    assert "refusing to write under" in err and out == ""  # stopped before printing
    assert not target.exists()
