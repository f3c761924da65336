"""Ingestion of year-to-date files: parsing, validation, the store, the CLI and the templates.

Every input here is synthetic (tests/data/quarterly/synthetic_*, or workbooks written into
tmp_path): the numbers are made up and are never shown as real statistics.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from muye_analysis import cli, config, quarterly
from muye_analysis.errors import DataError
from muye_analysis.quarterly import (
    STORE_COLUMNS,
    TEMPLATE_COLUMNS,
    clean_indicator_name,
    ingest_quarterly,
    load_quarterly,
    parse_number,
    read_quarterly,
    read_store,
    store_path,
    write_templates,
    ytd_series,
)

DATA = Path(__file__).parent / "data" / "quarterly"
SHOWN = ["indicator", "year", "end_month", "measure", "value", "unit", "price_basis",
         "sub_item", "marker", "row", "column"]  # fmt: skip


def expected_frame(rows: list[tuple]) -> pd.DataFrame:
    """Hand-built rows in the order of SHOWN, typed like the store."""
    df = pd.DataFrame(rows, columns=SHOWN)
    return df.astype(
        {
            "indicator": "string",
            "year": "Int64",
            "end_month": "Int64",
            "measure": pd.CategoricalDtype(["level", "growth", "rank"]),
            "value": "Float64",
            "unit": "string",
            "price_basis": pd.CategoricalDtype(["real", "nominal"]),
            "sub_item": "boolean",
            "marker": "string",
            "row": "Int64",
            "column": "string",
        }
    )


def write_workbook(path: Path, sheets: dict[str, list[list]], merges=(), percent_cells=()):
    """A synthetic .xlsx: rows per sheet, merged ranges as 'Sheet!A1:B1', %-formatted cells."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    for ref in merges:
        sheet, cells = ref.split("!")
        wb[sheet].merge_cells(cells)
    for ref in percent_cells:
        sheet, cell = ref.split("!")
        wb[sheet][cell].number_format = "0.0%"
    wb.save(path)
    return path


def snapshot(path: Path) -> tuple[bytes, int] | None:
    return (path.read_bytes(), path.stat().st_mtime_ns) if path.exists() else None


# -- cells and names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value", "marker", "unit"),
    [
        (12.5, 12.5, "", None),
        ("１２．５", 12.5, "", None),
        ("５．２％", 5.2, "", "%"),
        ("下降3.9%", -3.9, "", "%"),
        ("增长4.5%", 4.5, "", "%"),
        ("持平", 0.0, "", None),
        ("…", 0.0, "tiny", None),
        ("—", None, "", None),
        ("", None, "", None),
        (" - ", None, "", None),
        ("78.8亿元", 78.8, "", "亿元"),
        ("1,234.5", 1234.5, "", None),
        ("-0.3", -0.3, "", None),
    ],
)
def test_parse_number_reads_markers_and_signs(cell, value, marker, unit):
    got = parse_number(cell)
    assert (got.value, got.marker, got.unit) == (value, marker, unit)


def test_clean_indicator_name_strips_of_which_marks_numbering_and_unit():
    assert clean_indicator_name("#税收收入") == ("税收收入", True, None)
    assert clean_indicator_name("  其中：税收（亿元）") == ("税收", True, "亿元")
    assert clean_indicator_name("一、地区生产总值(亿元)") == ("地区生产总值", False, "亿元")


# -- a tidy CSV --------------------------------------------------------------------------------


def test_tidy_csv_is_normalised_to_registry_units_and_percent():
    got = read_quarterly(DATA / "synthetic_tidy.csv")
    expected = expected_frame(
        [
            ("budget_revenue", 2024, 3, "growth", 1.0, "%", "nominal", False, None, 7,
             "growth_pct"),
            ("gdp", 2024, 3, "growth", 4.5, "%", "real", False, None, 5, "growth_pct"),
            ("retail_sales", 2024, 3, "level", 20.1, "亿元", "nominal", False, None, 2, "level"),
            ("retail_sales", 2024, 3, "growth", 5.2, "%", "nominal", False, None, 2,
             "growth_pct"),
            # 410000万元 -> 41亿元; 下降1.5% -> -1.5
            ("retail_sales", 2024, 6, "level", 41.0, "亿元", "nominal", False, None, 3, "level"),
            ("retail_sales", 2024, 6, "growth", -1.5, "%", "nominal", False, None, 3,
             "growth_pct"),
            ("retail_sales", 2024, 9, "level", 60.3, "亿元", "nominal", False, None, 4, "level"),
            ("retail_sales", 2024, 9, "growth", 0.0, "%", "nominal", False, None, 4,
             "growth_pct"),  # 持平
            # '#' marks an of-which item: kept, flagged; … is a tiny value, not a missing one
            ("tax_revenue", 2024, 3, "level", 2.5, "亿元", "nominal", True, None, 6, "level"),
            ("tax_revenue", 2024, 3, "growth", 0.0, "%", "nominal", True, "tiny", 6,
             "growth_pct"),
        ]
    )  # fmt: skip
    assert_frame_equal(got[SHOWN], expected)
    assert list(got.columns) == list(STORE_COLUMNS)
    assert set(got["file"]) == {"synthetic_tidy.csv"}
    assert got["period"].iloc[0] == "2024年1-3月"


def test_gbk_csv_with_chinese_headers_reads_like_utf8(tmp_path):
    text = (
        "指标,年份,时期,累计值,单位,累计增长(%),价格口径,来源\n"
        "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,现价,合成数据\n"
        "社会消费品零售总额,2024,上半年,41.0,亿元,4.8,现价,合成数据\n"
    )
    path = tmp_path / "synthetic_gbk.csv"
    path.write_bytes(text.encode("gb18030"))
    got = read_quarterly(path)
    assert got["value"].tolist() == [20.1, 5.2, 41.0, 4.8]
    assert got["column"].tolist() == ["累计值", "累计增长(%)", "累计值", "累计增长(%)"]
    assert got["source"].unique().tolist() == ["合成数据"]


def test_year_argument_completes_labels_without_year(tmp_path):
    path = tmp_path / "synthetic_no_year.csv"
    path.write_text("indicator,period,growth_pct\nretail_sales,1-3月,5.2\n", encoding="utf-8")
    got = read_quarterly(path, year=2024)
    assert (got["year"].iloc[0], got["end_month"].iloc[0]) == (2024, 3)


# -- bureau tables in Excel ------------------------------------------------------------------


def bureau_workbook(path: Path) -> Path:
    """Title row, 单位 row, 指标|单位 merged over two rows, periods merged over 累计值|增长%."""
    rows = [
        ["2024年牧野区主要经济指标（合成数据）", None, None, None, None, None, None],
        [None, None, None, None, None, "单位：亿元、%", None],
        ["指标", "单位", "1-3月", None, "1-6月", None, "全年目标"],
        [None, None, "累计值", "增长%", "累计值", "增长%", None],
        ["一、主要指标", None, None, None, None, None, None],
        ["地区生产总值", "亿元", 55.1, "4.8", 112, 5.1, "6"],
        ["社会消费品零售总额（万元）", None, 201000, 5.2, 405000, "下降1.0%", None],
        ["  其中：税收", "亿元", "…", "—", 5, "持平", None],
        ["注：合成数据，仅供测试", None, None, None, None, None, None],
    ]
    merges = ["主要指标!A1:F1", "主要指标!A3:A4", "主要指标!B3:B4", "主要指标!C3:D3",
              "主要指标!E3:F3", "主要指标!G3:G4"]  # fmt: skip
    return write_workbook(path, {"主要指标": rows}, merges=merges)


def test_bureau_table_with_merged_headers_title_and_markers(tmp_path):
    got = read_quarterly(bureau_workbook(tmp_path / "synthetic_bureau.xlsx"))
    expected = expected_frame(
        [
            ("gdp", 2024, 3, "level", 55.1, "亿元", "nominal", False, None, 6, "1-3月 累计值"),
            ("gdp", 2024, 3, "growth", 4.8, "%", "real", False, None, 6, "1-3月 增长%"),
            ("gdp", 2024, 6, "level", 112.0, "亿元", "nominal", False, None, 6, "1-6月 累计值"),
            ("gdp", 2024, 6, "growth", 5.1, "%", "real", False, None, 6, "1-6月 增长%"),
            ("retail_sales", 2024, 3, "level", 20.1, "亿元", "nominal", False, None, 7,
             "1-3月 累计值"),
            ("retail_sales", 2024, 3, "growth", 5.2, "%", "nominal", False, None, 7,
             "1-3月 增长%"),
            ("retail_sales", 2024, 6, "level", 40.5, "亿元", "nominal", False, None, 7,
             "1-6月 累计值"),
            ("retail_sales", 2024, 6, "growth", -1.0, "%", "nominal", False, None, 7,
             "1-6月 增长%"),
            ("tax_revenue", 2024, 3, "level", 0.0, "亿元", "nominal", True, "tiny", 8,
             "1-3月 累计值"),
            ("tax_revenue", 2024, 6, "level", 5.0, "亿元", "nominal", True, None, 8,
             "1-6月 累计值"),
            ("tax_revenue", 2024, 6, "growth", 0.0, "%", "nominal", True, None, 8,
             "1-6月 增长%"),
        ]
    )  # fmt: skip
    assert_frame_equal(got[SHOWN], expected)
    assert set(got["sheet"]) == {"主要指标"}


def test_period_in_the_title_applies_to_measure_columns(tmp_path):
    rows = [
        ["牧野区2024年1-9月主要经济指标（合成数据）"],
        ["指标名称", "计量单位", "本年累计", "比上年同期增长(%)", "上年同期", "全市位次"],
        ["社会消费品零售总额", "万元", 603000, 3.9, 580000, 6],
    ]
    got = read_quarterly(write_workbook(tmp_path / "synthetic_title.xlsx", {"S": rows}))
    assert got[["end_month", "measure", "value"]].astype(object).to_numpy().tolist() == [
        [9, "level", 60.3],
        [9, "growth", 3.9],
        [9, "rank", 6.0],  # 全市位次: the rank of the growth (the value column on its left)
    ]
    assert got["ranked_on"].tolist() == ["", "", "growth"]
    # 上年同期 is kept beside the level, in the level's unit: 580000万元 = 58亿元.
    assert got["prior_year_value"].tolist()[0] == pytest.approx(58.0)
    result = ingest_quarterly(tmp_path / "synthetic_title.xlsx")
    assert not any("上年同期" in s or "全市位次" in s for s in result.skipped_columns)


def test_a_title_becomes_the_source_line_without_its_unit_row(tmp_path):
    # The 单位 row says what the numbers are in, not where they come from: before issue 24 the
    # source line read "…主要经济指标（合成数据） 制表日期：2024年10月15日 单位：万元".
    rows = [
        ["牧野区2024年1-9月主要经济指标（合成数据）"],
        ["制表日期：2024年10月15日", None, None, "单位：万元"],
        ["指标名称", "计量单位", "本年累计", "比上年同期增长(%)"],
        ["社会消费品零售总额", "万元", 603000, 3.9],
    ]
    got = read_quarterly(write_workbook(tmp_path / "synthetic_unit_row.xlsx", {"S": rows}))
    assert got["source"].unique().tolist() == [
        "牧野区2024年1-9月主要经济指标(合成数据) 制表日期:2024年10月15日"  # half-width, as read
    ]
    assert got["value"].tolist() == [60.3, 3.9]  # the 单位 row still sets the unit


def test_monthly_report_title_dates_its_year_to_date_columns(tmp_path):
    rows = [
        ["2024年9月牧野区主要经济指标（合成数据）"],
        ["制表日期：2024年10月15日", None, None, None, "单位：万元"],
        ["指标", "本月", "本年累计", "累计增长%", "备注"],
        ["社会消费品零售总额", 70000, 603000, 3.9, None],
    ]
    path = write_workbook(tmp_path / "synthetic_monthly.xlsx", {"S": rows})
    got = read_quarterly(path)
    # 本月 (September alone) is not year to date; 本年累计 is January-September.
    assert got[["end_month", "measure", "value", "column"]].astype(object).to_numpy().tolist() == [
        [9, "level", 60.3, "本年累计"],
        [9, "growth", 3.9, "累计增长%"],
    ]
    skipped = ingest_quarterly(path).skipped_columns
    assert any(s.endswith('"本月" (not year-to-date data (a target, note or a single month))')
               for s in skipped)  # fmt: skip


def test_growth_column_takes_the_period_of_the_column_before_it(tmp_path):
    rows = [
        ["新乡市主要经济指标（合成数据）"],
        ["指标名称", "单位", "2024年1-9月", "增长(%)", "位次"],
        ["地区生产总值", "亿元", 180.5, 4.6, 5],
    ]
    got = read_quarterly(write_workbook(tmp_path / "synthetic_beside.xlsx", {"S": rows}))
    shown = got[["year", "end_month", "measure", "value"]].astype(object).to_numpy().tolist()
    assert shown == [[2024, 9, "level", 180.5], [2024, 9, "growth", 4.6], [2024, 9, "rank", 5.0]]
    assert got["ranked_on"].tolist()[-1] == "growth"  # 位次 ranks the value on its left


def test_periods_across_with_unit_column_and_year_argument(tmp_path):
    rows = [
        ["指标", "单位", "1-2月", "一季度", "1-4月"],
        ["固定资产投资", "%", 12.0, "下降2.0", 3.5],
        ["城镇调查失业率", "%", 5.4, 5.3, 5.2],
    ]
    got = read_quarterly(write_workbook(tmp_path / "synthetic_across.xlsx", {"S": rows}), year=2024)
    shown = got[["indicator", "end_month", "measure", "value"]].astype(object).to_numpy().tolist()
    # % for an indicator measured in 亿元 is a growth rate; for the unemployment rate, its level.
    assert shown == [
        ["fixed_asset_investment", 2, "growth", 12.0],
        ["fixed_asset_investment", 3, "growth", -2.0],
        ["fixed_asset_investment", 4, "growth", 3.5],
        ["surveyed_unemployment_rate", 2, "level", 5.4],
        ["surveyed_unemployment_rate", 3, "level", 5.3],
        ["surveyed_unemployment_rate", 4, "level", 5.2],
    ]


def test_note_sheets_and_empty_sheets_beside_data_are_skipped(tmp_path):
    rows = [["indicator", "year", "period", "growth_pct"], ["gdp", 2024, "一季度", 4.5]]
    path = write_workbook(
        tmp_path / "synthetic_sheets.xlsx", {"说明": [["填表说明"]], "data": rows, "Sheet2": []}
    )
    assert read_quarterly(path)["value"].tolist() == [4.5]


# -- malformed inputs: a precise error and an untouched store --------------------------------

MALFORMED_CSV = [
    ("synthetic_bad_period_without_year.csv", 2, "period", "has no year"),
    ("synthetic_bad_duplicate_period.csv", 3, "period", "duplicate period"),
    ("synthetic_bad_fractions.csv", 2, "growth_pct", "look like fractions"),
    ("synthetic_bad_text_in_number.csv", 3, "level", "'约' before the number in '约41'"),
    ("synthetic_bad_missing_value_columns.csv", 1, "level", "no value column"),
    ("synthetic_bad_missing_unit_column.csv", 1, "unit", "missing column 'unit'"),
    ("synthetic_bad_falling_level.csv", 3, "level", "falls from 20.1"),
    ("synthetic_bad_incompatible_unit.csv", 2, "level", "cannot convert 吨 to 亿元"),
    ("synthetic_bad_conflicting_units.csv", 2, "level", "conflicting units"),
    ("synthetic_bad_growth_out_of_range.csv", 2, "growth_pct", "outside the plausible range"),
    ("synthetic_bad_price_basis.csv", 2, "price_basis", "published as real"),
    ("synthetic_bad_year_conflict.csv", 2, "period", "says 2023 but the year column says 2024"),
    ("synthetic_bad_unknown_unit.csv", 2, "unit", "unknown unit '万美元'"),
    ("synthetic_bad_value_without_indicator.csv", 3, "indicator", "without an indicator name"),
    ("synthetic_bad_header_only.csv", 2, "A", "no data rows"),
    ("synthetic_bad_no_header.csv", 1, "A", "no header row"),
    ("synthetic_bad_wide_column_without_period.csv", 1, "累计值", "has no period"),
    (
        "synthetic_bad_fullwidth_decimal_comma.csv",
        3,
        "level",
        "thousands commas must separate groups of three digits, but '0' is not",
    ),
]


@pytest.fixture
def seeded_store():
    """A store holding synthetic 2023 data, so 'unchanged' means more than 'still absent'."""
    ingest_quarterly(DATA / "synthetic_seed_2023.csv")
    path = store_path()
    before = snapshot(path)
    assert before is not None
    return path, before


def assert_fails_cleanly(path: Path, row: int, column: str, message: str, store) -> DataError:
    store_file, before = store
    raw_before = snapshot(path)
    with pytest.raises(DataError) as info:
        ingest_quarterly(path)
    exc = info.value
    assert (exc.file.name, exc.row, exc.column) == (path.name, row, column)
    assert message in str(exc)
    assert f"row {row}" in str(exc) and f"column '{column}'" in str(exc)
    assert exc.fix, "every error says how to fix it"
    assert snapshot(store_file) == before, "the store must be left exactly as it was"
    assert snapshot(path) == raw_before, "the raw file must never be modified"
    return exc


@pytest.mark.parametrize(("name", "row", "column", "message"), MALFORMED_CSV)
def test_malformed_csv_names_file_row_column_and_leaves_store(
    name, row, column, message, seeded_store
):
    assert_fails_cleanly(DATA / name, row, column, message, seeded_store)


def test_malformed_gbk_csv(tmp_path, seeded_store):
    text = (
        "指标,年份,时期,累计值,单位,累计增长(%)\n"
        "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2\n"
        "一般公共预算收入,2024,1-3月,3.3.1,亿元,2.0\n"
    )
    path = tmp_path / "synthetic_bad_gbk.csv"
    path.write_bytes(text.encode("gb18030"))
    assert_fails_cleanly(path, 3, "累计值", "3.3.1", seeded_store)


def test_merged_header_with_a_single_quarter_stores_that_quarter(tmp_path):
    rows = [
        ["2024年主要指标（合成数据）"],
        ["指标", "1-3月", None, "4-6月", None],
        [None, "累计值(亿元)", "增长%", "累计值(亿元)", "增长%"],
        ["社会消费品零售总额", 20.1, 5.2, 20.9, 5.0],
    ]
    path = write_workbook(
        tmp_path / "synthetic_merged.xlsx", {"S": rows}, merges=["S!B2:C2", "S!D2:E2"]
    )
    got = read_quarterly(path)
    spans = got[["start_month", "end_month", "measure", "value"]].astype(object)
    # 4-6月 is April-June alone (start_month 4), never the year to date through June.
    assert sorted(spans.to_numpy().tolist()) == [
        [1, 3, "growth", 5.2],
        [1, 3, "level", 20.1],
        [4, 6, "growth", 5.0],
        [4, 6, "level", 20.9],
    ]


def test_malformed_empty_workbook(tmp_path, seeded_store):
    path = write_workbook(tmp_path / "synthetic_bad_empty.xlsx", {"Sheet1": []})
    exc = assert_fails_cleanly(path, 1, "A", "the sheet is empty", seeded_store)
    assert "sheet 'Sheet1'" in str(exc)


def test_percent_formatted_cells_are_read_as_the_percentage_they_show(tmp_path):
    # Excel shows 0.052 with the format 0.0% as 5.2%: the cell means 5.2%, not 0.052%
    rows = [
        ["指标", "时期", "增长%"],
        ["社会消费品零售总额", "2024年1-3月", 0.052],
        ["一般公共预算收入", "2024年1-3月", 0.031],
    ]
    path = write_workbook(
        tmp_path / "synthetic_percent.xlsx", {"S": rows}, percent_cells=["S!C2", "S!C3"]
    )
    frame = read_quarterly(path)
    assert sorted(frame["value"].tolist()) == [3.1, 5.2]  # not 0.052 or 0.031
    assert set(frame["unit"]) == {"%"}


def test_malformed_mixed_units_in_header_and_unit_column(tmp_path, seeded_store):
    rows = [
        ["指标", "单位", "2024年1-3月累计(亿元)"],
        ["社会消费品零售总额", "万元", 201000],
    ]
    path = write_workbook(tmp_path / "synthetic_bad_units.xlsx", {"S": rows})
    assert_fails_cleanly(path, 2, "2024年1-3月累计(亿元)", "conflicting units", seeded_store)


def test_malformed_text_in_a_bureau_table_names_the_excel_cell(tmp_path, seeded_store):
    rows = [["2024年1-6月（合成数据）"], ["指标", "本年累计(亿元)", "增长%"],
            ["社会消费品零售总额", 41.0, 4.8], ["一般公共预算收入", "待核", 3.0]]  # fmt: skip
    path = write_workbook(tmp_path / "synthetic_bad_text.xlsx", {"S": rows})
    assert_fails_cleanly(path, 4, "本年累计(亿元)", "text '待核'", seeded_store)


# -- the store -------------------------------------------------------------------------------


def test_ingest_writes_store_and_second_ingest_changes_nothing():
    raw = DATA / "synthetic_tidy.csv"
    raw_before = snapshot(raw)
    first = ingest_quarterly(raw)
    assert (first.added, first.replaced, first.unchanged) == (10, 0, 0)
    before = snapshot(store_path())
    second = ingest_quarterly(raw)
    assert (second.added, second.replaced, second.unchanged) == (0, 0, 10)
    assert not second.changed
    assert snapshot(store_path()) == before
    assert snapshot(raw) == raw_before


def test_store_round_trips_with_provenance():
    ingest_quarterly(DATA / "synthetic_tidy.csv")
    store = read_store()
    assert_frame_equal(store, read_quarterly(DATA / "synthetic_tidy.csv"))
    assert store["checksum"].str.len().eq(64).all()
    assert store_path().parent == config.processed_dir()


def test_different_value_is_refused_without_replace_and_stored_with_it(tmp_path):
    ingest_quarterly(DATA / "synthetic_tidy.csv")
    revised = tmp_path / "synthetic_revised.csv"
    revised.write_text(
        "indicator,year,period,level,unit\n社会消费品零售总额,2024,1-3月,20.3,亿元\n",
        encoding="utf-8",
    )
    before = snapshot(store_path())
    with pytest.raises(DataError, match=r"20.3 here but 20.1 in the store.*--replace") as info:
        ingest_quarterly(revised)
    assert (info.value.row, info.value.column) == (2, "level")
    assert snapshot(store_path()) == before
    result = ingest_quarterly(revised, replace=True)
    assert (result.added, result.replaced) == (0, 1)
    row = read_store().query(
        "indicator == 'retail_sales' and end_month == 3 and measure == 'level'"
    )
    assert row["value"].tolist() == [20.3]
    assert row["file"].tolist() == ["synthetic_revised.csv"]


def test_falling_level_is_checked_against_the_store(tmp_path):
    ingest_quarterly(DATA / "synthetic_tidy.csv")  # retail 1-9月 = 60.3
    later = tmp_path / "synthetic_later.csv"
    later.write_text(
        "indicator,year,period,level,unit\n社零,2024,1-10月,59.0,亿元\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"falls from 60\.3") as info:
        ingest_quarterly(later)
    assert (info.value.file.name, info.value.row, info.value.column) == (later.name, 2, "level")


def test_folder_ingest_skips_templates_and_reads_every_file(tmp_path):
    folder = tmp_path / "quarterly"
    folder.mkdir()
    shutil.copy(DATA / "synthetic_tidy.csv", folder)
    shutil.copy(DATA / "synthetic_seed_2023.csv", folder)
    write_templates(folder)
    (folder / "README.md").write_text("notes", encoding="utf-8")
    result = ingest_quarterly(folder)
    assert [p.name for p in result.files] == ["synthetic_seed_2023.csv", "synthetic_tidy.csv"]
    assert result.added == 14
    assert "2023年1-3月" in result.periods


def test_load_quarterly_ingests_then_returns_the_store():
    store = load_quarterly(DATA / "synthetic_seed_2023.csv")
    assert len(store) == 4
    assert_frame_equal(load_quarterly(), store)


def test_ytd_series_puts_level_and_growth_side_by_side():
    ingest_quarterly(DATA / "synthetic_tidy.csv")
    got = ytd_series("retail_sales")
    expected = pd.DataFrame(
        {
            "year": pd.array([2024, 2024, 2024], dtype="Int64"),
            "end_month": pd.array([3, 6, 9], dtype="Int64"),
            "period": pd.array(["2024年1-3月", "2024年1-6月", "2024年1-9月"], dtype="string"),
            "level": pd.array([20.1, 41.0, 60.3], dtype="Float64"),
            "growth": pd.array([5.2, -1.5, 0.0], dtype="Float64"),
            "prior_year": pd.array([pd.NA] * 3, dtype="Float64"),  # no 上年同期 in the file
        }
    )
    assert_frame_equal(got, expected)


# -- the command line ------------------------------------------------------------------------


def test_cli_ingest_prints_what_was_stored(capsys):
    assert cli.main(["ingest", str(DATA / "synthetic_tidy.csv"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "10 added, 0 replaced, 0 unchanged" in out
    assert (
        "indicators: General public budget revenue, GDP, "
        "Total retail sales of consumer goods and Tax revenue" in out
    )  # names, never ids
    assert "periods: Jan-Mar 2024, Jan-Jun 2024, Jan-Sep 2024" in out


def test_cli_ingest_error_exits_2_with_the_location(capsys):
    bad = DATA / "synthetic_bad_period_without_year.csv"
    assert cli.main(["ingest", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "synthetic_bad_period_without_year.csv, row 2, column 'period'" in err
    assert cli.main(["ingest", str(bad), "--year", "2024"]) == 0


def test_cli_replace_flag(tmp_path, capsys):
    ingest_quarterly(DATA / "synthetic_seed_2023.csv")
    revised = tmp_path / "synthetic_revised.csv"
    revised.write_text("indicator,year,period,growth_pct\nretail_sales,2023,1-3月,4.0\n", "utf-8")
    assert cli.main(["ingest", str(revised)]) == 2
    assert cli.main(["ingest", str(revised), "--replace"]) == 0
    assert "替换 1" in capsys.readouterr().out


# -- templates -------------------------------------------------------------------------------


def test_templates_have_headers_task_rows_and_no_numbers():
    csv_lines = (config.QUARTERLY / "template.csv").read_text("utf-8-sig").splitlines()
    assert csv_lines[0] == ",".join(TEMPLATE_COLUMNS)
    assert "prior_year" in TEMPLATE_COLUMNS  # 上年同期, read like the level
    # one row per task target with a level or a count: name and unit, nothing else
    assert csv_lines[1:3] == ["500万元以上重点项目个数,,,,个,,,,", "重点项目完成投资,,,,亿元,,,,"]
    assert "新增城镇就业,,,,人,,,," in csv_lines and len(csv_lines) == 1 + 17
    wb = openpyxl.load_workbook(config.QUARTERLY / "template.xlsx")
    values = [c for ws in wb.worksheets for row in ws.iter_rows(min_row=2, values_only=True)
              for c in row[2:4] + row[5:]]  # fmt: skip
    assert all(v is None for v in values)  # no period, level, 上年同期, growth, basis or source


def test_template_xlsx_is_reproduced_by_the_generator(tmp_path):
    write_templates(tmp_path)
    assert (tmp_path / "template.csv").read_bytes() == (
        config.QUARTERLY / "template.csv"
    ).read_bytes()

    def cells(path):
        wb = openpyxl.load_workbook(path)
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}

    assert cells(tmp_path / "template.xlsx") == cells(config.QUARTERLY / "template.xlsx")


def test_a_filled_in_template_ingests(tmp_path):
    write_templates(tmp_path)
    wb = openpyxl.load_workbook(tmp_path / "template.xlsx")
    row = ["社会消费品零售总额", 2024, "一季度", 20.1, "亿元", None, 5.2, "现价", "合成"]
    wb["data"].append(row)  # None: no 上年同期
    wb.save(tmp_path / "synthetic_filled.xlsx")
    got = read_quarterly(tmp_path / "synthetic_filled.xlsx")
    assert got["value"].tolist() == [20.1, 5.2]


def test_has_data_files_ignores_templates_lock_files_and_missing_folders(tmp_path):
    assert not quarterly.has_data_files(tmp_path / "missing")
    (tmp_path / "template.csv").write_text("indicator\n", encoding="utf-8")
    (tmp_path / "~$book.xlsx").write_bytes(b"")
    assert not quarterly.has_data_files(tmp_path)
    assert quarterly.has_data_files(config.QUARTERLY) is False  # the bundled folder: templates only
    (tmp_path / "2024年1-9月.csv").write_text("indicator\n", encoding="utf-8")
    assert quarterly.has_data_files(tmp_path)
