"""Notebook 02's section on the city's tables runs when they are in the store, and says so when
they are not. The tables are SYNTHETIC (tests/data/city/); every chart they touch is stamped."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from muye_analysis import runner
from muye_analysis.charts.layout import SYNTHETIC_GID
from muye_analysis.quarterly import ingest_quarterly
from muye_analysis.suite import notebook

pytestmark = pytest.mark.notebook

CITY = Path(__file__).parent / "data" / "city"


def _outputs(executed: Path) -> str:
    book = nbformat.read(executed, as_version=4)
    texts = []
    for cell in book.cells:
        for output in cell.get("outputs", []):
            texts.append(output.get("text", ""))
            texts += [str(v) for k, v in output.get("data", {}).items() if k.startswith("text/")]
    return "\n".join(texts)


def test_notebook_02_shows_the_districts_ranks_when_city_tables_are_ingested(tmp_path, monkeypatch):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "processed"))
    monkeypatch.setenv("MUYE_FIGURES_DIR", str(tmp_path / "figures"))
    ingest_quarterly(CITY)
    result = runner.execute_notebook(notebook("02"), lang="zh", build_dir=tmp_path / "build",
                                     html=False)  # fmt: skip
    assert result.ok, result.error
    text = _outputs(result.executed)
    assert "2024年1-6月牧野区主要指标全市位次" in text
    assert "并列第6位" in text and "较一季度前移2位" in text and "高于全市0.4个百分点" in text
    assert "报道写明的18个位次中，按本工具的排名规则计算得到18个。" in text  # the real check
    figures = tmp_path / "figures"
    assert (figures / "city_rank_history_zh.png").exists()
    dots = figures / "city_growth_dots_gdp_zh.svg"
    assert f'id="{SYNTHETIC_GID}' in dots.read_text(encoding="utf-8")  # stamped synthetic


def test_notebook_02_says_where_city_tables_go_when_there_are_none(tmp_path, monkeypatch):
    monkeypatch.setenv("MUYE_FIGURES_DIR", str(tmp_path / "figures"))
    result = runner.execute_notebook(notebook("02"), lang="en", build_dir=tmp_path / "build",
                                     html=False)  # fmt: skip
    assert result.ok, result.error
    assert "No city table of every unit in the store" in _outputs(result.executed)
    assert not list((tmp_path / "figures").glob("city_*"))
