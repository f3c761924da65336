"""Periods as spans and 上年同期 in both table layouts, with hand-computed expectations.

Every table here is SYNTHETIC (made up for the tests, labelled so in its title or source).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from muye_analysis.errors import DataError
from muye_analysis.progress import progress_table
from muye_analysis.quarterly import ingest_quarterly, read_quarterly, read_store, ytd_series
from muye_analysis.targets import WEIGHTS_PRIOR_YEAR, ytd_gap

DATA = Path(__file__).parent.parent / "data" / "quarterly"
TOL = 1e-9


def _xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    wb.save(path)
    return path


def _gbk_csv(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def _cells(frame: pd.DataFrame) -> list[list]:
    cols = ["indicator", "start_month", "end_month", "measure", "value"]
    return sorted(frame[cols].astype(object).to_numpy().tolist())


# -- spans ----------------------------------------------------------------------------------------


def test_a_tidy_single_quarter_is_stored_as_that_quarter():
    got = read_quarterly(DATA / "synthetic_single_quarter.csv")  # 4-6月, level 20.9, growth 5.0
    assert _cells(got) == [
        ["retail_sales", 4, 6, "growth", 5.0],
        ["retail_sales", 4, 6, "level", 20.9],
    ]
    assert set(got["period"]) == {"2024年4-6月"}


def test_a_tidy_period_column_saying_cumulative_reads_quarters_as_year_to_date(tmp_path):
    path = tmp_path / "synthetic_cumulative_header.csv"
    path.write_text(
        "指标,年份,时期（累计）,增长%\n社零,2024,二季度,4.1\n社零,2024,三季度,4.5\n", "utf-8"
    )
    assert _cells(read_quarterly(path)) == [
        ["retail_sales", 1, 6, "growth", 4.1],
        ["retail_sales", 1, 9, "growth", 4.5],
    ]


def test_bureau_columns_read_by_their_own_words_or_the_titles(tmp_path):
    rows = [
        ["2024年牧野区主要经济指标（合成数据）"],
        ["指标", "二季度当季增速(%)", "二季度累计增速(%)", "四季度增速(%)"],
        ["社会消费品零售总额", 6.0, 5.1, 7.0],
    ]
    got = read_quarterly(_xlsx(tmp_path / "synthetic_spans.xlsx", rows))
    # 当季: April-June alone; 累计: January-June; a bare 四季度: October-December, not 全年.
    assert _cells(got) == [
        ["retail_sales", 1, 6, "growth", 5.1],
        ["retail_sales", 4, 6, "growth", 6.0],
        ["retail_sales", 10, 12, "growth", 7.0],
    ]


def test_a_title_saying_cumulative_makes_a_quarter_header_year_to_date(tmp_path):
    rows = [
        ["2024年牧野区主要经济指标（累计，合成数据）"],
        ["指标", "三季度增速(%)"],
        ["社会消费品零售总额", 4.5],
    ]
    got = read_quarterly(_xlsx(tmp_path / "synthetic_title_cumulative.xlsx", rows))
    assert _cells(got) == [["retail_sales", 1, 9, "growth", 4.5]]


def test_a_title_quarter_is_read_with_the_columns_words(tmp_path):
    rows = [
        ["2024年三季度牧野区主要经济指标（合成数据）"],
        ["指标", "本年累计(亿元)", "增长(%)"],
        ["社会消费品零售总额", 60.3, 3.9],
    ]
    got = read_quarterly(_xlsx(tmp_path / "synthetic_title_quarter.xlsx", rows))
    # 本年累计 under a 三季度 title is the year to date through September.
    assert _cells(got) == [
        ["retail_sales", 1, 9, "growth", 3.9],
        ["retail_sales", 1, 9, "level", 60.3],
    ]


def test_single_span_levels_do_not_trip_the_falling_level_check(tmp_path):
    path = tmp_path / "synthetic_quarters.csv"
    path.write_text(
        "indicator,year,period,level,unit\n社零,2024,1-3月,20.1,亿元\n"
        "社零,2024,1-6月,41.0,亿元\n社零,2024,4-6月,20.9,亿元\n",
        "utf-8",
    )
    ingest_quarterly(path)  # 20.9 (二季度 alone) after 41.0 (1-6月) is no fall
    series = ytd_series("retail_sales")
    assert series["end_month"].tolist() == [3, 6]  # the quarter alone is not year to date
    assert series["level"].tolist() == [20.1, 41.0]


# -- 上年同期 -------------------------------------------------------------------------------------


def test_bureau_gbk_table_with_title_row_and_prior_year_column(tmp_path):
    path = _gbk_csv(
        tmp_path / "synthetic_bureau.csv",
        [
            "2024年1-9月牧野区主要经济指标（合成数据，仅供测试）,,,,",
            "指标名称,计量单位,本年累计,上年同期,比上年同期增长(%)",
            "社会消费品零售总额,万元,603000,580000,3.9",
            "重点项目完成投资,亿元,150.5,140.0,",
            "地区生产总值,亿元,170.2,160.0,",
        ],
    )
    got = read_quarterly(path)
    levels = got[got["measure"] == "level"].set_index("indicator")
    # converted like the level: 580000万元 = 58亿元
    assert levels.loc["retail_sales", "value"] == pytest.approx(60.3, abs=TOL)
    assert levels.loc["retail_sales", "prior_year_value"] == pytest.approx(58.0, abs=TOL)
    assert levels.loc["key_project_investment", "prior_year_value"] == pytest.approx(140.0)
    growth = got[got["measure"] == "growth"].set_index("indicator")
    assert growth.loc["retail_sales", "value"] == 3.9  # as printed, not derived
    assert growth.loc["retail_sales", "derived"] == ""
    # No growth printed: derived from level and 上年同期, (150.5 / 140 - 1) x 100 = 7.5
    invest = growth.loc["key_project_investment"]
    assert invest["value"] == pytest.approx((150.5 / 140.0 - 1) * 100, abs=TOL)
    assert invest["derived"].startswith("(累计值 150.5 ÷ 上年同期 140 − 1) × 100")
    assert invest["price_basis"] == "nominal"
    # GDP growth is real (comparable prices): never derived from current-price levels.
    assert "gdp" not in growth.index
    assert levels.loc["gdp", "prior_year_value"] == pytest.approx(160.0)


def test_two_row_bureau_header_with_prior_year_under_each_period(tmp_path):
    rows = [
        ["2024年牧野区主要经济指标（合成数据）", None, None, None, None, None, None],
        ["单位：亿元", None, None, None, None, None, None],
        ["指标", "1-6月", None, None, "1-9月", None, None],
        [None, "累计", "去年同期", "增长%", "累计", "上年同期累计", "增长%"],
        ["社会消费品零售总额", 41.0, 40.0, None, 60.3, 58.0, 3.9],
    ]
    path = _xlsx(tmp_path / "synthetic_two_rows.xlsx", rows, merges=("B3:D3", "E3:G3"))
    got = read_quarterly(path)
    level = got[got["measure"] == "level"].set_index("end_month")
    assert level["prior_year_value"].tolist() == [40.0, 58.0]
    growth = got[got["measure"] == "growth"].set_index("end_month")
    assert growth.loc[6, "value"] == pytest.approx(2.5, abs=TOL)  # (41 / 40 - 1) x 100, derived
    assert growth.loc[6, "derived"] != "" and growth.loc[9, "derived"] == ""


def test_tidy_prior_year_column_and_derived_growth(tmp_path):
    path = tmp_path / "synthetic_tidy_prior.csv"
    path.write_text(
        "indicator,year,period,level,unit,prior_year,growth_pct,source\n"
        "新增城镇就业,2024,1-9月,6500,人,6000,,synthetic\n",
        "utf-8",
    )
    got = read_quarterly(path).set_index("measure")
    assert got.loc["level", "prior_year_value"] == 6000
    assert got.loc["growth", "value"] == pytest.approx(100 / 12, abs=TOL)  # 6500/6000 - 1
    assert got.loc["growth", "derived"] != ""


def test_prior_year_without_a_level_is_refused_with_its_place(tmp_path):
    path = tmp_path / "synthetic_prior_alone.csv"
    path.write_text(
        "indicator,year,period,level,unit,上年同期,growth_pct\n社零,2024,1-9月,,亿元,58,3.9\n",
        "utf-8",
    )
    with pytest.raises(DataError) as info:
        ingest_quarterly(path)
    assert (info.value.row, info.value.column) == (2, "上年同期")
    assert "without this year's level" in str(info.value)
    assert read_store().empty  # nothing half-written


def test_prior_year_comes_first_for_the_weights(tmp_path):
    # 2023 full year 220 (stored); 2024 1-9月 printed with 上年同期 160 and growth 5.0:
    # w = 160 / 220, Q4 needs (6 - w x 5) / (1 - w) = 8.67, weights from 上年同期.
    path = tmp_path / "synthetic_prior_weights.csv"
    path.write_text(
        "indicator,year,period,level,unit,上年同期,growth_pct,source\n"
        "gdp,2023,1-12月,220,亿元,,,synthetic\n"
        "gdp,2023,1-9月,150,亿元,,,synthetic\n"  # a different (unrevised) base: not used
        "gdp,2024,1-9月,172,亿元,160,5.0,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    gap = ytd_gap("gdp")
    assert gap.required.elapsed_share == pytest.approx(160 / 220, abs=TOL)
    assert gap.required.required == pytest.approx(26 / 3, abs=TOL)
    assert gap.required.weights_source == WEIGHTS_PRIOR_YEAR
    assert ytd_series("gdp").set_index("end_month")["prior_year"].tolist()[-1] == 160.0


def test_progress_compares_with_time_elapsed_and_last_years_pace(tmp_path):
    # 2023 full year 180亿元; 2024 1-8月 100亿元 with 上年同期 110. 序时进度 is the bureaus'
    # months ÷ 12 = 66.7%: 55.6% done is 11.1 points behind (off track); last year had done
    # 110/180 = 61.1% by August, the second reference, 5.6 points ahead of this year.
    path = tmp_path / "synthetic_prior_progress.csv"
    path.write_text(
        "indicator,year,period,level,unit,上年同期,source\n"
        "重点项目完成投资,2023,全年,180,亿元,,synthetic\n"
        "重点项目完成投资,2024,1-8月,100,亿元,110,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    row = progress_table().set_index("indicator").loc["key_project_investment"]
    assert row["elapsed_pct"] == pytest.approx(8 / 12 * 100, abs=TOL)
    assert (row["elapsed_basis"], row["pace_reference"]) == ("months", "elapsed")
    assert row["prior_pace_pct"] == pytest.approx(110 / 180 * 100, abs=TOL)
    assert row["prior_pace_basis"] == "prior_year"  # the full year from the store
    assert row["prior_pace_gap"] == pytest.approx(100 / 1.8 - 110 / 1.8, abs=TOL)
    assert (row["prior_pace_code"], row["status"]) == ("behind", "off_track")


# -- the templates' task rows ------------------------------------------------------------------


def test_every_task_row_of_the_template_ingests_once_filled(tmp_path):
    import csv

    from muye_analysis import config
    from muye_analysis.quarterly import TEMPLATE_COLUMNS, template_rows

    rows = template_rows()
    assert len(rows) == 17  # the task targets with a level or a count
    filled = tmp_path / "synthetic_filled_template.csv"
    with filled.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(TEMPLATE_COLUMNS)
        for row in rows:
            values = dict(zip(TEMPLATE_COLUMNS, row, strict=True))
            values.update(year="2024", period="1-6月", level="1", source="synthetic")
            writer.writerow([values[c] for c in TEMPLATE_COLUMNS])
    ingest_quarterly(filled)
    store = read_store()
    assert store["indicator"].nunique() == 17
    table = progress_table(store=store)
    assert (table["status"] != "no_data").sum() == 15
    # the two projects' total investment are shown as they stand, with no status (R5)
    projects = table[table["progress_kind"] == "project"]
    assert len(projects) == 2 and set(projects["rule"]) == {"R5"}
    assert projects["ytd_value"].notna().all()
    assert (config.QUARTERLY / "template.csv").read_text("utf-8-sig").count("\n") == 18


def test_a_compared_with_last_year_header_is_growth_not_prior_year(tmp_path):
    rows = [
        ["2024年1-9月牧野区主要经济指标（合成数据）"],
        ["指标", "本年累计(亿元)", "去年同期数(亿元)", "比上年同期±%"],
        ["社会消费品零售总额", 60.3, 58.0, 3.9],
    ]
    got = read_quarterly(_xlsx(tmp_path / "synthetic_plusminus.xlsx", rows))
    assert _cells(got) == [
        ["retail_sales", 1, 9, "growth", 3.9],
        ["retail_sales", 1, 9, "level", 60.3],
    ]
    assert got.set_index("measure").loc["level", "prior_year_value"] == 58.0


def test_monthly_report_with_this_month_year_to_date_and_prior_year_columns(tmp_path):
    rows = [
        ["2024年9月牧野区主要经济指标完成情况（合成测试数据）"],
        [None, None, None, None, None, "单位：万元"],
        ["指标名称", "计量单位", "本月", "本年累计", "上年同期累计", "累计增长%"],
        ["社会消费品零售总额", "万元", 70000, 603000, 580000, 3.9],
        ["固定资产投资（不含农户）", "万元", None, None, None, "-2.1"],
        ["城镇调查失业率", "%", None, 4.9, 5.1, None],
    ]
    got = read_quarterly(_xlsx(tmp_path / "synthetic_monthly_prior.xlsx", rows))
    # 本月 (September alone) is not read; 本年累计 and 上年同期累计 are January-September.
    assert _cells(got) == [
        ["fixed_asset_investment", 1, 9, "growth", -2.1],
        ["retail_sales", 1, 9, "growth", 3.9],
        ["retail_sales", 1, 9, "level", 60.3],
        ["surveyed_unemployment_rate", 1, 9, "level", 4.9],  # a rate: no derived growth
    ]
    prior = got[got["measure"] == "level"].set_index("indicator")["prior_year_value"]
    assert prior.to_dict() == {"retail_sales": 58.0, "surveyed_unemployment_rate": 5.1}


def test_this_period_and_same_period_columns(tmp_path):
    rows = [
        ["2024年1-9月主要经济指标（合成数据）"],
        ["指标", "单位", "本期", "同期", "增减%"],
        ["社会消费品零售总额", "亿元", 60.3, 58.0, 3.9],
    ]
    got = read_quarterly(_xlsx(tmp_path / "synthetic_same_period.xlsx", rows))
    level = got.set_index("measure").loc["level"]
    assert (level["value"], level["prior_year_value"]) == (60.3, 58.0)
