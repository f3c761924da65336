"""The cell reader: every cell is stored as it means or refused with the cell and the cause named.

The probe's hostile cases, each rebuilt here as a tiny SYNTHETIC file (made-up numbers, written
by the test): typos in numbers, percent formats, shifted rows, hidden rows and columns, sheets
and files skipped in silence, encodings, Excel's auto-dates, a second header, merged names."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from muye_analysis.errors import DataError
from muye_analysis.quarterly import ingest_quarterly, read_quarterly, read_sheets, read_store
from muye_analysis.quarterly.cells import (
    CellError,
    Percent,
    clean_indicator_name,
    parse_number,
)

TIDY = "indicator,year,period,level,unit,growth_pct,source\n"


def refusal(path: Path, **kwargs) -> DataError:
    with pytest.raises(DataError) as info:
        read_quarterly(path, **kwargs)
    return info.value


def book(path: Path, rows: list[list], setup=None, title: str = "data") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if setup is not None:
        setup(wb, ws)
    wb.save(path)
    return path


# -- the number grammar -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("6,543,2", "but '2' is not"),  # a typo for 6,543.2: was stored as 65432 (10x)
        ("12,34", "but '34' is not"),  # a decimal comma
        ("1234,567", "but '1234' is not"),
        ("1.2.3", "has 2 decimal points"),
        ("（3.2）", "a number in brackets"),
        ("–3.9", "the dash '–' (EN DASH, U+2013), which is not a minus sign"),
        ("约20.1", "'约' before the number"),
    ],
)
def test_a_number_outside_the_grammar_is_refused_naming_the_cause(cell, message):
    with pytest.raises(CellError) as info:
        parse_number(cell)
    assert message in info.value.problem
    assert info.value.fix


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("6,543.2", 6543.2),
        ("1,234,567", 1234567.0),
        ("\u22123.9", -3.9),  # the typographic minus sign is a minus
        ("20\u200b.1", 20.1),  # a zero-width space pasted from a web page is invisible
        ("\ufeff5.2", 5.2),
    ],
)
def test_well_formed_numbers_and_invisible_characters_read_as_meant(cell, value):
    assert parse_number(cell).value == value


def test_a_percent_formatted_number_reads_as_the_percentage_shown():
    got = parse_number(Percent(0.051))
    assert (got.value, got.unit, got.percent_sign) == (5.1, "%", True)


def test_kangxi_radicals_and_zero_width_spaces_in_names_read_as_the_ordinary_characters():
    # ⼯ (U+2F2F KANGXI RADICAL WORK) looks like 工 but was an unknown indicator
    assert clean_indicator_name("规模以上\u2f2f业增加值\u200b")[0] == "规模以上工业增加值"


def test_a_typo_in_thousands_is_refused_in_a_file_naming_the_cell(tmp_path):
    path = tmp_path / "synthetic_thousands.csv"
    path.write_text(TIDY + '社会消费品零售总额,2024,1-3月,"6,543,2",万元,5.2,synthetic\n',
                    encoding="utf-8")  # fmt: skip
    exc = refusal(path)
    assert (exc.row, exc.column) == (2, "level")
    assert "'6,543,2'" in exc.problem and "not guessed" in exc.problem


# -- what a workbook means beyond its values ----------------------------------------------------


def test_percent_formatted_cells_beside_a_typed_percent_are_not_read_as_fractions(tmp_path):
    # The probe: 0.051 shown as 5.1% was stored as 0.051% because another cell had a typed "%"
    rows = [["指标", "时期", "增长%"], ["社会消费品零售总额", "2024年1-3月", 0.051],
            ["一般公共预算收入", "2024年1-3月", "3.2%"]]  # fmt: skip

    def percent(wb, ws):
        ws["C2"].number_format = "0.0%"

    frame = read_quarterly(book(tmp_path / "synthetic_pct.xlsx", rows, percent))
    assert dict(zip(frame["indicator"], frame["value"], strict=True)) == {
        "retail_sales": 5.1,
        "budget_revenue": 3.2,
    }


def test_a_row_longer_than_its_header_is_refused_not_shifted(tmp_path):
    # A doubled comma moved 5.2 from growth_pct into source: the growth was lost without a word
    path = tmp_path / "synthetic_shifted.csv"
    path.write_text(TIDY + "社会消费品零售总额,2024,1-3月,20.1,亿元,,5.2,synthetic\n",
                    encoding="utf-8")  # fmt: skip
    exc = refusal(path)
    assert (exc.row, exc.column) == (2, "H")
    assert "the row has 8 cells but the header only 7" in exc.problem


def test_hidden_rows_and_columns_are_not_read_and_are_listed(tmp_path):
    rows = [["指标", "时期", "累计值", "单位", "增长%"],
            ["社会消费品零售总额", "2024年1-3月", 20.1, "亿元", 5.2],
            ["一般公共预算收入", "2024年1-3月", 99.0, "亿元", 9.9]]  # fmt: skip

    def hide(wb, ws):
        ws.row_dimensions[3].hidden = True
        ws.column_dimensions["E"].hidden = True

    result = ingest_quarterly(book(tmp_path / "synthetic_hidden_rows.xlsx", rows, hide))
    store = read_store()
    assert store[["indicator", "measure", "value"]].values.tolist() == [
        ["retail_sales", "level", 20.1]
    ]
    assert result.skipped_columns == [
        "synthetic_hidden_rows.xlsx[data]: hidden row(s) 3, not read (unhide them to ingest them)",
        "synthetic_hidden_rows.xlsx[data]: hidden column(s) E, not read (unhide them to ingest "
        "them)",
    ]


def test_a_folder_ingest_reads_xlsm_and_lists_files_it_cannot_read(tmp_path):
    folder = tmp_path / "quarterly"
    folder.mkdir()
    rows = [["指标", "时期", "累计值", "单位"], ["社会消费品零售总额", "2024年1-3月", 20.1, "亿元"]]
    book(folder / "synthetic_macro.xlsm", rows)
    (folder / "synthetic_wps.et").write_bytes(b"synthetic")
    result = ingest_quarterly(folder)
    assert result.added == 1 and [p.name for p in result.files] == ["synthetic_macro.xlsm"]
    assert result.skipped_columns == [
        "synthetic_wps.et: a .et file, not read (save it as .xlsx or .csv to ingest it)"
    ]


def test_a_data_sheet_named_like_notes_is_read_and_a_notes_sheet_is_listed(tmp_path):
    # 注册市场主体及投资 starts with 注 but is data; 说明 holds notes
    def sheets(wb, ws):
        notes = wb.create_sheet("说明")
        notes.append(["本表数据为合成数据，仅供测试。"])

    rows = [["指标", "时期", "累计值", "单位"], ["社会消费品零售总额", "2024年1-3月", 20.1, "亿元"]]
    path = book(tmp_path / "synthetic_sheets.xlsx", rows, sheets, title="注册市场主体及投资")
    result = ingest_quarterly(path)
    assert result.added == 1
    assert result.skipped_columns == ["synthetic_sheets.xlsx[说明]: notes sheet, not read"]


# -- text encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "row", "named"),
    [
        ("big5", "retail_sales,2024,1-3月,20.1,億元,5.2,新鄉市統計局發佈（合成）",
         "Big5 (traditional Chinese)"),
        ("big5", "retail_sales,2024,2024Q1,,,5.2,新鄉市統計局發佈",  # few characters to go on
         "Big5 (traditional Chinese)"),
        ("shift_jis", "retail_sales,2024,1-3月,20.1,億円,5.2,統計局の資料（合成）",
         "Shift-JIS (Japanese)"),
        ("utf-16-le", "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,新乡市统计局（合成）",
         "UTF-16 (little-endian, no byte-order mark)"),
    ],
)  # fmt: skip
def test_encodings_other_than_utf8_and_gbk_are_detected_and_named(tmp_path, encoding, row, named):
    # Before: Big5 / Shift-JIS were decoded as GB18030 and stored as mojibake in the provenance;
    # UTF-16 without its mark was refused as binary.
    path = tmp_path / "synthetic_encoding.csv"
    path.write_bytes((TIDY + row + "\n").encode(encoding))
    sheets, _ = read_sheets(path)
    assert sheets[0].encoding.name == named
    assert sheets[0].rows[1] == row.split(",")


def test_gbk_stays_the_default_for_chinese_text(tmp_path):
    path = tmp_path / "synthetic_gbk.csv"
    path.write_bytes(
        (TIDY + "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,新乡市统计局\n").encode("gbk")
    )
    sheets, _ = read_sheets(path)
    assert sheets[0].encoding.name == "GBK/GB18030"
    assert sheets[0].rows[1][0] == "社会消费品零售总额"


# -- messages that name the cause ---------------------------------------------------------------


def test_an_excel_auto_date_in_the_period_column_is_named(tmp_path):
    # Typed 1-9 into a General cell, Excel stores 9 January
    rows = [["指标", "时期", "累计值", "单位"],
            ["社会消费品零售总额", dt.datetime(2024, 1, 9), 20.1, "亿元"]]  # fmt: skip
    exc = refusal(book(tmp_path / "synthetic_autodate.xlsx", rows))
    assert (exc.row, exc.column) == (2, "时期")
    assert "holds a date, 2024-01-09, where a period label (1-9月) belongs" in exc.problem
    assert "typed as 1-9 or 1/9?" in exc.problem and "format the column as Text" in exc.fix


def test_a_second_header_in_one_sheet_is_named(tmp_path):
    path = tmp_path / "synthetic_two_tables.csv"
    first = "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,synthetic\n"
    second = "一般公共预算收入,2024,1-3月,1.2,亿元,3.0,synthetic\n"
    path.write_text(TIDY + first + TIDY + second, encoding="utf-8")
    exc = refusal(path)
    assert (exc.row, exc.column) == (3, "indicator")
    assert "a second header row ('indicator' in the name column)" in exc.problem


def test_a_name_merged_over_two_rows_is_named_as_the_cause(tmp_path):
    rows = [["2024年1-6月（合成数据）"], ["指标", "累计值(亿元)", "增长%"],
            ["社会消费品零售总额", 41.0, 4.8], [None, 41.5, 4.9]]  # fmt: skip

    def merge(wb, ws):
        ws.merge_cells("A3:A4")

    exc = refusal(book(tmp_path / "synthetic_merged_name.xlsx", rows, merge))
    assert exc.row == 4
    assert "the name cell is part of the merged cells A3:A4" in exc.problem
    assert "unmerge" in exc.fix


# -- a file that would abort the interpreter ----------------------------------------------------


def test_a_value_in_xfd1048576_is_refused_before_a_grid_is_built(tmp_path):
    # python-calamine would allocate 549,755,813,888 bytes for this 5 KB file and abort the
    # process (rc 134, no exception): run in a subprocess, so an abort fails the test, not pytest.
    # A merely formatted (empty) cell that far is no value: that file is read as usual.
    rows = [["指标", "时期", "累计值", "单位"], ["社会消费品零售总额", "2024年1-3月", 20.1, "亿元"]]

    def far_value(wb, ws):
        ws["XFD1048576"] = 1

    def far_format(wb, ws):
        ws["XFD1048576"].number_format = "0.0%"

    far = book(tmp_path / "synthetic_far_value.xlsx", rows, far_value)
    formatted = book(tmp_path / "synthetic_far_format.xlsx", rows, far_format)
    assert far.stat().st_size < 10_000
    script = (
        "import sys\nfrom pathlib import Path\nfrom muye_analysis.errors import DataError\n"
        "from muye_analysis.quarterly import read_sheets\n"
        "sheets, _ = read_sheets(Path(sys.argv[2]))\nprint(len(sheets[0].rows))\n"
        "try:\n    read_sheets(Path(sys.argv[1]))\n"
        "except DataError as exc:\n    print(exc)\n    sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(far), str(formatted)],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 3, done.stderr[-2000:]
    assert done.stdout.startswith("2\n")  # the formatted file: its two rows
    assert "a value in cell XFD1048576 makes the sheet span 1,048,576 rows × 16,384 columns" in (
        done.stdout
    )
