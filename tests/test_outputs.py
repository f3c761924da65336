"""The one output gate and harmless cells: every writer, whatever -o, --build-dir or MUYE_*
say, writes only regular files outside data/, and no workbook cell is a formula.

The year-to-date files here are SYNTHETIC (made-up numbers written by the tests)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import openpyxl
import pytest

from muye_analysis import cli, config
from muye_analysis.atomic import atomic_path, save_workbook
from muye_analysis.errors import DataError
from muye_analysis.outputs import neutralise, unneutralise, workbook_cell
from muye_analysis.quarterly import ingest_quarterly

TIDY = "indicator,year,period,level,unit,growth_pct,source\n"


def _store(tmp_path: Path, name: str = "synthetic.csv", source: str = "synthetic") -> Path:
    path = tmp_path / name
    path.write_text(TIDY + f"社会消费品零售总额,2024,1-9月,62.0,亿元,5.0,{source}\n",
                    encoding="utf-8")  # fmt: skip
    ingest_quarterly(path)
    return path


def _tree(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*"))


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can rename over /dev/null")
def test_export_over_a_device_is_refused_and_the_device_kept(capsys):
    # As root, `muye export -o /dev/null` renamed a regular file over the device node.
    assert cli.main(["export", "-o", "/dev/null"]) == 2
    assert "this is a device, a pipe or a socket, not a regular file" in capsys.readouterr().err
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_an_output_over_a_symbolic_link_is_refused(tmp_path):
    target = tmp_path / "real.csv"
    target.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    with pytest.raises(DataError, match="this is a symbolic link"), atomic_path(link) as tmp:
        tmp.write_text("new\n", encoding="utf-8")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "kept\n"


def test_brief_into_a_raw_folder_is_refused_before_anything_is_written(capsys):
    # `muye brief --build-dir data/raw/report_2023` wrote the deck into the raw folder.
    raw = config.RAW / "report_2023"
    before = _tree(raw)
    assert cli.main(["brief", "--build-dir", str(raw)]) == 2
    assert "--build-dir lies under" in capsys.readouterr().err
    assert _tree(raw) == before


@pytest.mark.parametrize(
    ("variable", "command"),
    [("MUYE_BUILD_DIR", "brief"), ("MUYE_FIGURES_DIR", "charts"), ("MUYE_DRAFTS_DIR", "extract")],
)
def test_an_output_folder_variable_pointing_into_data_is_refused(
    variable, command, monkeypatch, capsys
):
    raw = config.RAW / "report_2023"
    before = _tree(raw)
    monkeypatch.setenv(variable, str(raw))
    args = [command, str(config.REPORT_TEXT)] if command == "extract" else [command]
    assert cli.main(args) == 2
    assert f"{variable} lies under" in capsys.readouterr().err
    assert _tree(raw) == before


def test_a_formula_in_a_file_name_stays_text_in_the_progress_workbook(tmp_path):
    # The probe: a file named =HYPERLINK(…) 第3版.csv became a live formula in 说明, column B.
    _store(tmp_path, '=HYPERLINK("synthetic") 第3版.csv')
    out = tmp_path / "进度.xlsx"
    assert cli.main(["progress", "--xlsx", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    names = [c.value for c in book["说明"]["B"] if "HYPERLINK" in str(c.value)]
    assert names and all(n.startswith('\'=HYPERLINK("synthetic")') for n in names)  # text


def test_control_characters_in_a_source_cell_are_escaped_in_the_xlsx_export(tmp_path, capsys):
    # openpyxl refuses \x07 in a cell: the export ended in a traceback.
    _store(tmp_path, source="合成\x07数据")
    out = tmp_path / "store.xlsx"
    assert cli.main(["export", "--xlsx", "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["store"]
    assert "合成\\x07数据" in [c.value for row in sheet.iter_rows() for c in row]


def test_every_workbook_cell_goes_through_the_neutraliser(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.append(["=1+2", "-3.9", workbook_cell("bell\x07"), "@SUM(A1)"])
    save_workbook(wb, tmp_path / "cells.xlsx")
    values = [c.value for c in next(openpyxl.load_workbook(tmp_path / "cells.xlsx").active.rows)]
    assert values == ["'=1+2", "-3.9", "bell\\x07", "'@SUM(A1)"]


def test_the_neutralising_apostrophe_comes_off_only_where_neutralise_put_it():
    for text in ("=HYPERLINK(1)", "+签约项目", "-全年", "@x", "plain", "'tis", "-3.9"):
        assert unneutralise(neutralise(text)) == text
    assert unneutralise("'plain") == "'plain"
    assert workbook_cell("a\x00b") == "a\\x00b"
