"""The `muye` command line."""

from __future__ import annotations

import shutil

import pytest

from muye_analysis import cli, config


def test_check_prints_summary_with_headline_targets(capsys):
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert "数据检查通过" in out
    assert "社会消费品零售总额: 9% / 4.9%" in out
    assert "地区生产总值: 6%以上 / —" in out


def test_check_in_english(capsys):
    assert cli.main(["check", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Retail sales of consumer goods: 9% / 4.9%" in out
    assert "Gross domestic product: at least 6% / —" in out
    assert "Surveyed urban unemployment rate: about 5.5% / —" in out


def test_check_reports_a_damaged_raw_file_and_exits_2(capsys, monkeypatch, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW, raw)
    (raw / "context" / "xinxiang_context.csv").write_text("edited\n", encoding="utf-8")
    monkeypatch.setattr(config, "RAW", raw)
    assert cli.main(["check"]) == 2
    err = capsys.readouterr().err
    assert "xinxiang_context.csv" in err and "raw file was modified" in err


def test_help_lists_subcommands(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert "check" in capsys.readouterr().out
