"""Every notebook runs top to bottom on a fresh kernel and exports the figures it promises.

The notebooks run once per module, two at a time (as ``muye run`` does), into temporary build
and figure folders; the tests below then look at what each produced.
"""

from __future__ import annotations

import nbformat
import pytest

from muye_analysis import config, runner
from muye_analysis.charts.fan import SYNTHETIC_GID
from muye_analysis.suite import NOTEBOOKS, notebook

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Run the whole suite in Chinese once; return results by stem and the folders used."""
    root = tmp_path_factory.mktemp("suite")
    mp = pytest.MonkeyPatch()
    mp.setenv("MUYE_BUILD_DIR", str(root / "build"))
    mp.setenv("MUYE_FIGURES_DIR", str(root / "figures"))
    mp.setenv("MUYE_PROCESSED_DIR", str(root / "processed"))
    results = runner.run_notebooks(NOTEBOOKS, lang="zh", workers=2, progress=lambda _: None)
    yield {r.stem: r for r in results}, root
    mp.undo()


@pytest.mark.parametrize("spec", NOTEBOOKS, ids=lambda s: s.stem)
def test_notebook_runs_without_errors(outputs, spec):
    results, _ = outputs
    result = results[spec.stem]
    assert result.ok, result.error
    executed = nbformat.read(result.executed, as_version=4)
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    assert result.html.exists() and result.html.stat().st_size > 10_000


@pytest.mark.parametrize("spec", NOTEBOOKS, ids=lambda s: s.stem)
def test_notebook_exports_the_figures_it_promises(outputs, spec):
    _, root = outputs
    promised = spec.figure_files("zh", root / "figures")
    missing = [p.name for p in promised if not p.exists() or p.stat().st_size == 0]
    assert missing == []


def test_executed_notebook_shows_each_chart_once(outputs):
    results, _ = outputs
    executed = nbformat.read(results["03_targets"].executed, as_version=4)
    images = [
        o for c in executed.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    ]
    assert len(images) == len(notebook("03").figures)


def test_forecast_example_is_real_data_not_stamped_synthetic(outputs):
    _, root = outputs
    svg = (root / "figures" / "forecast_fan_henan_gdp_zh.svg").read_text(encoding="utf-8")
    # Text is drawn as paths, so the stamp would be found by its id in the SVG.
    assert f'id="{SYNTHETIC_GID}' not in svg
    assert not list((root / "figures").glob("forecast_fan_example_*"))  # nothing synthetic drawn


def test_forecast_notebook_says_its_worked_example_is_real_data(outputs):
    # Before issue 24 it said the example below used data labelled synthetic: it is Henan's.
    results, _ = outputs
    executed = nbformat.read(results["04_growth_gap_forecasts"].executed, as_version=4)
    printed = "".join(
        o.get("text", "") for c in executed.cells for o in c.get("outputs", [])
        if o.output_type == "stream"
    )  # fmt: skip
    assert "不作预测（第4节的实例用河南省公开发布的真实数据）" in printed
    assert "合成" not in printed  # no year-to-date store here: nothing synthetic is used


def test_without_year_to_date_data_every_notebook_speaks_chinese_only(outputs):
    """The run above has no year-to-date store: the notebooks' other branch (what is missing,
    said as such) has no English either. (Every notebook in English, with data:
    tests/test_leaks.py.)"""
    from leaks import check, notebook_parts

    results, _ = outputs
    parts = []
    for stem, result in results.items():
        executed = nbformat.read(result.executed, as_version=4)
        parts += [(f"notebook {stem} {where}", text) for where, text in notebook_parts(executed)]
    check(parts, "zh", stale=False)  # no forecast or progress section runs without data


def test_notebooks_read_no_shared_folder_and_no_cwd_paths():
    for spec in NOTEBOOKS:
        text = spec.path.read_text(encoding="utf-8")
        assert "../shared" not in text
        # paths come from muye_analysis.config: no open() (ma.Report.open is the session)
        assert "open(" not in text.replace("ma.Report.open(", "")
    assert config.NOTEBOOKS.is_dir()


def test_growth_gap_notebook_uses_year_to_date_files_when_present(tmp_path, monkeypatch):
    """Drop a year-to-date file in the quarterly folder: notebook 04 states the gap and forecasts.

    The file is the SYNTHETIC example (examples/): it stands in for a bureau table here only.
    """
    import shutil

    folder = tmp_path / "quarterly"
    folder.mkdir()
    shutil.copy(config.EXAMPLES / "synthetic_quarterly_retail.csv", folder / "2024年1-9月.csv")
    monkeypatch.setenv("MUYE_QUARTERLY_DIR", str(folder))
    monkeypatch.setenv("MUYE_FIGURES_DIR", str(tmp_path / "figures"))
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "processed"))
    result = runner.execute_notebook(notebook("04"), build_dir=tmp_path / "build", html=False)
    assert result.ok, result.error
    executed = nbformat.read(result.executed, as_version=4)
    printed = "".join(
        o.get("text", "") for c in executed.cells for o in c.get("outputs", [])
        if o.output_type == "stream"
    )  # fmt: skip
    # 4.6% after three quarters against the 9% target: Q4 needs (9 - w*4.6)/(1 - w), w from 2023.
    assert "社会消费品零售总额前三季度增长4.6%，四季度需增长" in printed
    assert "（权重：上年" in printed and "weights:" not in printed  # the weights in words
    fan = tmp_path / "figures" / "forecast_fan_retail_sales_zh.svg"
    assert f'id="{SYNTHETIC_GID}' in fan.read_text(encoding="utf-8")  # its source says synthetic
    assert (tmp_path / "processed" / "quarterly.sqlite").exists()


def test_rankings_notebook_checks_the_report_against_a_league_table(tmp_path, monkeypatch):
    """With a (SYNTHETIC) league table in the league folder, notebook 02 compares the ranks."""
    import shutil
    from pathlib import Path

    folder = tmp_path / "league"
    folder.mkdir()
    table = Path(__file__).parent / "data" / "league" / "synthetic_league_2023.csv"
    shutil.copy(table, folder / "县区主要指标2023.csv")
    monkeypatch.setenv("MUYE_LEAGUE_DIR", str(folder))
    monkeypatch.setenv("MUYE_FIGURES_DIR", str(tmp_path / "figures"))
    result = runner.execute_notebook(notebook("02"), build_dir=tmp_path / "build", html=False)
    assert result.ok, result.error
    executed = nbformat.read(result.executed, as_version=4)
    shown = "".join(
        o.get("text", "") + o.get("data", {}).get("text/html", "")
        for c in executed.cells
        for o in c.get("outputs", [])
    )
    assert "排名单位数：13（取自全市排名表）" in shown  # the frame size, said as a sentence
    assert ">报告中的位次<" in shown and ">排名表计算的位次<" in shown and ">是<" in shown


def test_notebook_html_shows_no_number_with_five_or_more_decimals(outputs):
    """Derived values print at display precision (muye_analysis.display), never 2.380952."""
    import html
    import re

    results, _ = outputs
    offenders = {}
    for stem, result in results.items():
        page = result.html.read_text(encoding="utf-8")
        page = re.sub(r"<(script|style)[\s\S]*?</\1>", "", page)
        page = re.sub(r"data:[a-z]+/[^\"']+", "", page)  # embedded images and fonts
        visible = html.unescape(re.sub(r"<[^>]+>", " ", page))
        found = re.findall(r"(?<![\w.])-?\d+\.\d{5,}", visible)
        if found:
            offenders[stem] = found
    assert offenders == {}


def test_notebook_tables_show_one_missing_marker(outputs):
    import html
    import re

    results, _ = outputs
    for stem, result in results.items():
        page = result.html.read_text(encoding="utf-8")
        cells = [html.unescape(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", page, re.S)]
        assert not {"NaN", "<NA>", "nan", "None"} & set(cells), stem


def test_no_cell_runs_silently(outputs):
    """Every code cell shows something (a table, a chart, a sentence saying why nothing
    follows), except imports and the parameters papermill injects."""
    results, _ = outputs
    silent = {}
    for stem, result in results.items():
        cells = nbformat.read(result.executed, as_version=4).cells
        quiet = [
            c.source.splitlines()[0]
            for c in cells
            if c.cell_type == "code"
            and not c.get("outputs")
            and not {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))
            and not c.source.lstrip().startswith(("import", "from"))
        ]
        if quiet:
            silent[stem] = quiet
    assert silent == {}
