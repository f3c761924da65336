"""`muye charts`: export the report's charts from the command line."""

from __future__ import annotations

import pytest

from muye_analysis.charts.export import EXPORTED_CHARTS
from muye_analysis.cli import main


@pytest.mark.slow
def test_muye_charts_writes_the_report_charts_and_prints_their_paths(
    figures_dir, capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "empty"))
    assert main(["charts", "--lang", "en", "--size", "document", "--format", "svg"]) == 0
    printed = capsys.readouterr().out.split()
    names = sorted(p.name for p in figures_dir.iterdir())
    # No target has a figure for the year in an empty store: no progress chart is exported.
    assert names == sorted(f"{n}_en_document.svg" for n in EXPORTED_CHARTS if n != "progress")
    assert sorted(printed) == sorted(str(figures_dir / n) for n in names)


def test_muye_charts_refuses_a_frame_smaller_than_the_worst_rank(figures_dir, capsys):
    assert main(["charts", "--frame-size", "10", "--format", "svg"]) == 2
    assert "frame_size 10 is smaller than the largest rank shown (12)" in capsys.readouterr().err
