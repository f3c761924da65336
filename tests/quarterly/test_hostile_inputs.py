"""Hostile or careless inputs: each is refused with a message naming the real cause (file, row,
column) and leaves the store as it was, or is read correctly. Every input is synthetic."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from muye_analysis import cli, config
from muye_analysis.errors import DataError
from muye_analysis.quarterly import files, ingest_quarterly, read_history, read_store

TIDY = "indicator,year,period,level,unit,growth_pct,source\n"
ROW1 = "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,synthetic\n"
ROW2 = "一般公共预算收入,2024,1-3月,1.2,亿元,3.0,synthetic\n"
ROW3 = "地区生产总值,2024,1-3月,,,4.5,synthetic\n"
DATA = Path(__file__).resolve().parents[1] / "data" / "quarterly"


@pytest.fixture
def seeded():
    """A store holding one synthetic value, to check that refusals leave it untouched."""
    seed = config.processed_dir().parent / "synthetic_seed.csv"
    seed.parent.mkdir(parents=True, exist_ok=True)
    seed.write_text(TIDY + "社会消费品零售总额,2023,1-3月,19.0,亿元,4.0,synthetic\n",
                    encoding="utf-8")  # fmt: skip
    ingest_quarterly(seed)
    return read_history()


def refused(path: Path, seeded: pd.DataFrame, row, column, message: str) -> DataError:
    raw = path.read_bytes() if path.is_file() else None
    with pytest.raises(DataError) as info:
        ingest_quarterly(path)
    exc = info.value
    assert message in str(exc), str(exc)
    assert (exc.row, exc.column) == (row, column), str(exc)
    assert exc.fix
    pd.testing.assert_frame_equal(read_history(), seeded)
    if raw is not None:
        assert path.read_bytes() == raw
    return exc


def workbook(path: Path, rows: list[list], *, setup=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "data"
    for row in rows:
        ws.append(row)
    if setup is not None:
        setup(wb)
    wb.save(path)
    return path


# -- CSV structure -----------------------------------------------------------------------------


def test_a_stray_opening_quote_is_refused_not_swallowing_rows(tmp_path, seeded):
    path = tmp_path / "synthetic_quote.csv"
    path.write_text(TIDY + '"社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,synthetic\n' + ROW2
                    + ROW3 + 'x",2024,1-6月,1,亿元,1,synthetic\n', encoding="utf-8")  # fmt: skip
    exc = refused(path, seeded, 2, "A", 'a quote (") opens this cell and closes only 3 line(s)')
    assert "rows in between are read as part of one cell" in str(exc)


def test_a_quote_never_closed_is_refused(tmp_path, seeded):
    path = tmp_path / "synthetic_open_quote.csv"
    path.write_text(TIDY + ROW1 + '"一般公共预算收入,2024,1-3月,1.2,亿元,3.0,synthetic\n' + ROW3,
                    encoding="utf-8")  # fmt: skip
    refused(path, seeded, 3, None, "opened on line 3 is never closed")


def test_a_field_over_the_csv_limit_is_a_located_error(tmp_path, seeded):
    path = tmp_path / "synthetic_huge_field.csv"
    path.write_text(TIDY + ROW1 + '社会消费品零售总额,2024,1-6月,41,亿元,5.0,"' + "长" * 140_000
                    + '"\n', encoding="utf-8")  # fmt: skip
    refused(path, seeded, 3, None, "a cell on line 3 is longer than 131,072 characters")


def test_huge_cells_above_the_header_are_capped_and_the_store_keeps_reading(tmp_path, seeded):
    path = tmp_path / "synthetic_huge_title.csv"
    huge = "说明" * 35_000  # 70,000 characters
    table = TIDY.replace(",source", "") + ROW1.replace(",synthetic", "")
    path.write_text(f"{huge}\n{huge}\n{table}", encoding="utf-8")
    assert ingest_quarterly(path).added == 2
    store = read_store()
    assert store["source"].str.len().max() == 500
    again = ingest_quarterly(path)  # every later ingest (and read) still works
    assert again.unchanged == 2
    assert len(read_store()) == 4


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("indicator;year;period;level;unit\n社零;2024;1-3月;20,1;亿元\n", "semicolons (;)"),
        (
            "indicator，year，period，level，unit\n社零，2024，1-3月，20.1，亿元\n",
            "full-width commas (，)",
        ),
    ],
)
def test_wrong_delimiters_are_named(tmp_path, seeded, text, message):
    path = tmp_path / "synthetic_delimiter.csv"
    path.write_text(text, encoding="utf-8")
    exc = refused(path, seeded, 1, "A", f"the columns are separated by {message}, not by commas")
    assert "CSV UTF-8 (comma delimited)" in exc.fix


def test_a_utf8_mark_in_front_of_gbk_bytes_is_named(tmp_path, seeded):
    path = tmp_path / "synthetic_bom_gbk.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (TIDY + ROW1).encode("gbk"))
    exc = refused(path, seeded, 2, "A", "starts with a UTF-8 byte-order mark but is not UTF-8")
    assert "GBK text behind a UTF-8 mark" in str(exc)


def test_duplicated_level_columns_are_refused(tmp_path, seeded):
    path = tmp_path / "synthetic_two_levels.csv"
    path.write_text("指标,时期,累计值,单位,本年累计\n社零,2024年1-3月,20.1,亿元,21.5\n",
                    encoding="utf-8")  # fmt: skip
    exc = refused(path, seeded, 1, "本年累计", "duplicated column: '累计值' (column C) and "
                  "'本年累计' (column E) both hold the level")  # fmt: skip
    assert "delete or rename one" in exc.fix


def test_two_growth_columns_are_refused(tmp_path, seeded):
    path = tmp_path / "synthetic_two_growths.csv"
    path.write_text("indicator,period,growth_pct,增速\nretail_sales,2024年1-3月,5.2,5.9\n",
                    encoding="utf-8")  # fmt: skip
    refused(path, seeded, 1, "增速", "both hold the growth")


def test_two_tables_side_by_side_are_refused(tmp_path, seeded):
    path = workbook(tmp_path / "synthetic_side_by_side.xlsx", [
        ["2024年1-3月（合成数据）"],
        ["指标", "累计值(亿元)", "增长%", "指标", "累计值(亿元)", "增长%"],
        ["社会消费品零售总额", 20.1, 5.2, "一般公共预算收入", 1.2, 3.0],
    ])  # fmt: skip
    refused(path, seeded, 2, "D", "a second indicator column (column D)")  # the header row


# -- workbooks ---------------------------------------------------------------------------------


def test_a_hidden_sheet_is_skipped_with_a_note(tmp_path):
    def hide(wb):
        ws = wb.create_sheet("old")
        ws.append(["指标", "时期", "累计值", "单位"])
        ws.append(["社会消费品零售总额", "2024年1-3月", 99.0, "亿元"])
        ws.sheet_state = "hidden"

    path = workbook(tmp_path / "synthetic_hidden.xlsx",
                    [["指标", "时期", "累计值", "单位"],
                     ["社会消费品零售总额", "2024年1-3月", 20.1, "亿元"]], setup=hide)  # fmt: skip
    result = ingest_quarterly(path)
    assert result.added == 1
    assert read_store()["value"].tolist() == [20.1]
    assert result.skipped_columns == [
        "synthetic_hidden.xlsx[old]: hidden sheet, not read (unhide it to ingest it)"
    ]


def test_a_workbook_with_only_hidden_sheets_is_refused(tmp_path, seeded):
    def hide_all(wb):
        wb.create_sheet("visible_blank")
        wb["data"].sheet_state = "hidden"

    rows = [["指标", "时期", "累计值", "单位"], ["社会消费品零售总额", "2024年1-3月", 20.1, "亿元"]]
    path = workbook(tmp_path / "synthetic_all_hidden.xlsx", rows, setup=hide_all)
    # the one visible sheet is blank: the data sits in the hidden one
    refused(path, seeded, 1, "A", "the sheet is empty")


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("=B2*2", "cell C3 holds a formula with no saved result"),
        ("#DIV/0!", "cell C3 shows the error #DIV/0! instead of a number"),
    ],
)
def test_formula_without_result_and_error_cells_are_refused_naming_the_cell(
    tmp_path, seeded, cell, message
):
    def bad_cell(wb):
        wb["data"]["C3"] = cell  # openpyxl saves a formula with no cached value, or an error

    rows = [["指标", "时期", "累计值", "单位"], ["社会消费品零售总额", "2024年1-3月", 20.1, "亿元"],
            ["一般公共预算收入", "2024年1-3月", None, "亿元"]]  # fmt: skip
    path = workbook(tmp_path / "synthetic_formula.xlsx", rows, setup=bad_cell)
    refused(path, seeded, 3, "累计值", message)


def test_an_error_cell_in_a_legacy_xls_is_refused_naming_the_cell(tmp_path, seeded):
    # python-calamine reads an .xls error cell as blank: without the check the figure would be
    # dropped in silence
    path = DATA / "synthetic_bad_error_cell.xls"
    refused(path, seeded, 3, "累计值", "cell C3 shows the error #DIV/0! instead of a number")


def test_a_password_protected_workbook_is_named(tmp_path, seeded):
    # SYNTHETIC stand-in: an encrypted .xlsx is an OLE2 container holding an "EncryptedPackage"
    # stream; these bytes carry the container signature and the stream name, nothing else.
    path = tmp_path / "synthetic_encrypted.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                     + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)  # fmt: skip
    exc = refused(path, seeded, 1, "A", "the workbook is password-protected (encrypted)")
    assert "remove it" in exc.fix


def test_an_old_xls_named_xlsx_is_named(tmp_path, seeded):
    path = tmp_path / "synthetic_old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    refused(path, seeded, 1, "A", "old-format Excel workbook (.xls) with an .xlsx name")


# -- files that are not files -------------------------------------------------------------------


def test_a_link_to_dev_zero_is_refused(tmp_path, seeded):
    link = tmp_path / "synthetic_zero.csv"
    link.symlink_to("/dev/zero")
    refused(link, seeded, None, None, "not a regular file")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "synthetic_zero.csv").symlink_to("/dev/zero")
    refused(folder, seeded, None, None, "not a regular file")  # not skipped in silence


def test_a_fifo_is_refused_without_blocking(tmp_path, seeded):
    fifo = tmp_path / "synthetic_pipe.csv"
    os.mkfifo(fifo)
    refused(fifo, seeded, None, None, "not a regular file")


def test_a_file_above_the_size_cap_is_refused(tmp_path, seeded, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    path = tmp_path / "synthetic_big.csv"
    path.write_text(TIDY + ROW1 + ROW2, encoding="utf-8")
    refused(path, seeded, None, None, "larger than 0 MB")


# -- outputs -----------------------------------------------------------------------------------


@pytest.fixture
def report(tmp_path) -> Path:
    path = tmp_path / "synthetic_report.txt"
    path.write_text("=HYPERLINK(\"http://x\")全区社会消费品零售总额增长5.2%。\n"
                    "@一般公共预算收入完成1.2亿元，增长3.0%。\n", encoding="utf-8")  # fmt: skip
    return path


@pytest.mark.parametrize(
    "target",
    [config.CURATED / "indicators.csv", config.DATA / "processed" / "quarterly.sqlite",
     config.QUARTERLY / "draft.csv"],
)  # fmt: skip
def test_extract_refuses_to_write_under_data(report, target, capsys):
    before = target.read_bytes() if target.exists() else None
    assert cli.main(["extract", str(report), "-o", str(target)]) == 2
    assert "refusing to write under" in capsys.readouterr().err
    assert (target.read_bytes() if target.exists() else None) == before


def test_extract_to_a_folder_is_a_clear_error(report, tmp_path, capsys):
    assert cli.main(["extract", str(report), "-o", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "this is a folder; the output needs a file name" in err
    assert "Traceback" not in err


def test_formula_like_report_text_is_neutralised_in_the_draft(report, tmp_path):
    out = tmp_path / "draft.csv"
    assert cli.main(["extract", str(report), "-o", str(out)]) == 0
    draft = pd.read_csv(out, encoding="utf-8-sig", dtype=str)
    texts = [v for column in draft.columns for v in draft[column].dropna()]
    assert not [v for v in texts if v[0] in "=+@" or (v[0] == "-" and not v[1:2].isdigit())]
    assert any(v.startswith(("'=HYPERLINK", "'@")) for v in texts)


# -- files that are something else than their name says ----------------------------------------


def test_a_workbook_named_csv_is_named(tmp_path, seeded):
    book = workbook(tmp_path / "synthetic_book.xlsx", [["指标", "时期", "累计值", "单位"]])
    path = tmp_path / "synthetic_book.csv"
    path.write_bytes(book.read_bytes())
    exc = refused(path, seeded, 1, "A", "this is an Excel workbook (.xlsx) or another zip file")
    assert exc.fix.startswith("rename it to .xlsx")


def test_a_csv_named_xlsx_is_named(tmp_path, seeded):
    path = tmp_path / "synthetic_text.xlsx"
    path.write_text(TIDY + ROW1, encoding="utf-8")
    refused(path, seeded, 1, "A", "this is a text (CSV) file, whatever its name (.xlsx) says")


def test_binary_bytes_in_a_csv_are_refused(tmp_path, seeded):
    path = tmp_path / "synthetic_binary.csv"
    path.write_bytes((TIDY + ROW1).encode() + b"\x00\x01\x02garbage\n")
    refused(path, seeded, 3, "A", "binary data (NUL bytes), not CSV text")


def test_utf16_unicode_text_from_excel_is_read(tmp_path):
    path = tmp_path / "synthetic_unicode.csv"  # Excel's "Unicode text": UTF-16, tab-separated
    path.write_bytes((TIDY + ROW1).replace(",", "\t").encode("utf-16"))
    assert ingest_quarterly(path).added == 2
    assert sorted(read_store()["value"].tolist()) == [5.2, 20.1]


def test_a_workbook_that_expands_too_far_is_refused_before_it_is_read(
    tmp_path, seeded, monkeypatch
):
    rows = [["指标", "时期", "累计值", "单位"], ["社零", "2024年1-3月", 20.1, "亿元"]]
    path = workbook(tmp_path / "synthetic_bomb.xlsx", rows)
    monkeypatch.setattr(files, "MAX_UNZIPPED_BYTES", 1000)
    refused(path, seeded, 1, "A", "MB): not a table (a zip bomb?)")


def test_a_count_beyond_any_district_is_refused(tmp_path, seeded):
    path = tmp_path / "synthetic_count.csv"
    text = "indicator,year,period,level,unit\n新增城镇就业,2024,1-3月,50000000000000,人\n"
    path.write_text(text, encoding="utf-8")
    refused(path, seeded, 2, "level", "more than any district, city or province counts")


def test_a_huge_cell_is_quoted_short_in_the_error(tmp_path, seeded):
    path = tmp_path / "synthetic_long_cell.csv"
    path.write_text(
        TIDY + "社会消费品零售总额,2024,1-3月," + "长" * 100_000 + ",亿元,5.2,synthetic\n",
        encoding="utf-8",
    )
    exc = refused(path, seeded, 2, "level", "text '" + "长" * 60)
    assert "…'" in str(exc) and len(str(exc)) < 1000


def test_a_huge_unregistered_name_is_kept_short(tmp_path, seeded):
    # A row the registry does not know is kept, never blocking; its label is capped.
    from muye_analysis.quarterly import read_unregistered

    path = tmp_path / "synthetic_long_name.csv"
    path.write_text(
        TIDY + "长" * 100_000 + ",2024,1-3月,20.1,亿元,5.2,synthetic\n", encoding="utf-8"
    )
    result = ingest_quarterly(path)
    kept = read_unregistered()
    assert len(kept) == 2 and kept["label"].str.len().max() <= 500
    assert all(len(line) < 1000 for line in result.unregistered)
