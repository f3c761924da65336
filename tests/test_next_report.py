"""Next year's report through the same code: a CONSTRUCTED report (tests/data/next_report/,
invented figures) is accepted beside the bundled one and drives check, brief and run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from muye_analysis import config

pytestmark = pytest.mark.slow  # runs muye in a copy of the project (subprocesses)

HERE = Path(__file__).parent / "data" / "next_report"
DRAFT = HERE / "draft_reviewed.csv"


def _muye(*args: str, root: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = os.environ | {
        "MUYE_DATA_DIR": str(root / "data"),
        "MUYE_FIGURES_DIR": str(root / "figures"),
        "MUYE_BUILD_DIR": str(root / "build"),
        "MUYE_PROCESSED_DIR": str(root / "processed"),
        "MUYE_QUARTERLY_DIR": str(root / "quarterly"),
        "PYTHONPATH": str(config.ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-m", "muye_analysis.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        cwd=root,
    )
    if check:
        assert done.returncode == 0, done.stderr + done.stdout
    return done


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory) -> Path:
    """A copy of data/ with the constructed next-year report accepted beside the bundled one."""
    root = tmp_path_factory.mktemp("next")
    shutil.copytree(config.DATA, root / "data", ignore=shutil.ignore_patterns("processed"))
    (root / "quarterly").mkdir()
    shutil.copytree(HERE / "report_2024", root / "data" / "raw" / "report_2024")
    out = _muye("accept", str(DRAFT), "--document", "report_2024", "--lang", "en", root=root)
    added = "added 29 rows (report_2024/muye_plan_report_2024_2025.txt: 2024 outcome, 2025 plan)"
    assert added in out.stdout
    return root


def test_check_reports_both_reports_and_the_latest_years(two_reports):
    out = _muye("check", root=two_reports).stdout
    latest = "最新 report_2024/muye_plan_report_2024_2025.txt（2024年执行情况、2025年计划）"
    assert f"报告：2；{latest}" in out
    assert "2025年主要目标 / 2024年完成" in out
    assert "地区生产总值: 5.5%以上 / 5.6%" in out  # the constructed report's numbers


def test_accepting_the_same_draft_twice_is_refused_as_duplicate(two_reports):
    before = (two_reports / "data" / "curated" / "indicators.csv").read_bytes()
    done = _muye("accept", str(DRAFT), "--document", "report_2024", root=two_reports, check=False)
    assert done.returncode == 2
    assert "duplicate key" in done.stderr and "row 2" in done.stderr
    assert (two_reports / "data" / "curated" / "indicators.csv").read_bytes() == before


def test_brief_carries_the_next_reports_years_on_every_slide(two_reports):
    _muye("brief", "--lang", "en", root=two_reports)
    from pptx import Presentation

    deck = Presentation(str(two_reports / "build" / "briefing_en.pptx"))
    slides = [
        "\n".join(
            [s.text_frame.text for s in slide.shapes if s.has_text_frame]
            + [c.text for s in slide.shapes if s.has_table for r in s.table.rows for c in r.cells]
            + [
                s.chart.chart_title.text_frame.text
                for s in slide.shapes
                if s.has_chart and s.chart.has_title
            ]  # the chart names what it shows
        )
        for slide in deck.slides
    ]
    # Slide 4 (after the cover, the summary and the headline table): last year's (2024)
    # headline targets against the constructed 2024 outcomes.
    attainment = slides.pop(3)
    assert attainment.startswith("2024 targets: 7 met or exceeded, 7 below target")
    assert "All 25 targets for 2024: 7 met or exceeded, 7 below target, 11 not comparable" in (
        attainment
    )
    # a 预期目标 missed is below the indicative target, never "not met" (未完成)
    assert "≥6% growth\n5.6% growth\nbelow the indicative target" in attainment
    assert "≈5.5%\n5.3%\nkept within the target" in attainment  # unemployment, a ceiling
    assert "Surveyed urban unemployment rate" in attainment  # its name, not its id
    text = "\n".join(slides)
    assert "2025 growth targets against 2024 growth" in text  # the chart's own title
    # the ranks 5th and 8th are both in the middle third: never "uneven"
    assert "uneven" not in text and "Every rank is in the middle third" in text
    # the key-project target rose: never "stays" or "still"
    # one precision rule: RMB bn with one more decimal than the 亿元 figure (186, 190亿元)
    assert "rises from RMB 18.6 bn completed in 2024 to at least RMB 19.0 bn" in text
    assert "4 of" not in text or "104%" not in text  # no rate in the task ratios
    assert "2024 outcome, 2025 plan" in text
    # sources by issuer, document and date (the constructed report's origin record)
    assert "Muye District's 2024 plan outcome and 2025 plan (invented figures) (early 2025)" in text
    assert "2023" not in text  # nothing of the earlier report's years on the latest's slides
    # No city figures of 2024 in the context data: that chart is left out and the run says why.
    assert "Muye District within Xinxiang" not in text


def test_attainment_meets_the_earlier_targets_with_the_later_outcomes(two_reports, monkeypatch):
    done = subprocess.run(
        [sys.executable, "-c", (
            "from muye_analysis.attainment import attainment_table\n"
            "from muye_analysis.claims.report import attainment_claim\n"
            "from muye_analysis.vocab import say\n"
            "t = attainment_table().set_index('indicator')\n"
            "print(say(attainment_claim(t.reset_index()), 'en'))\n"
            "for i in ('gdp', 'surveyed_unemployment_rate', 'key_projects', "
            "'battery_industry_revenue', 'new_provincial_specialised_smes', 'grain_area'):\n"
            "    print(i, t.loc[i, 'status'], t.loc[i, 'detail'])\n"
        )],
        env=os.environ | {"MUYE_DATA_DIR": str(two_reports / "data"),
                          "PYTHONPATH": str(config.ROOT)},
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "All 25 targets for 2024: 7 met or exceeded, 7 below target, 11 not comparable."
    )
    assert lines[1:] == [
        "gdp not_met missed",  # 6%以上 (real) vs 5.6% real
        # 5.5%左右 vs 5.3%: lower is better, so 左右 works as a ceiling (up to 6.0%)
        "surveyed_unemployment_rate met within_ceiling",
        "key_projects met exceeded",  # 200个以上 vs 215: over-fulfilment (超额完成)
        "battery_industry_revenue not_met missed",  # 超过80亿元 vs 78亿元
        "new_provincial_specialised_smes not_met missed",  # 6家 (bare: a floor) vs 5
        "grain_area not_comparable <NA>",  # no 2024 outcome in the later report
    ]


def test_run_as_of_the_earlier_plan_year_is_refused_before_any_notebook(two_reports):
    # Before issue 24, notebook 04 crashed here (ValueError: ... pass target= for 2024), while
    # muye progress --as-of refused cleanly. Both now refuse, naming the years.
    run = _muye("run", "--as-of", "2024年1-9月", "--no-brief", root=two_reports, check=False)
    progress = _muye("progress", "--as-of", "2024年1-9月", root=two_reports, check=False)
    assert (run.returncode, progress.returncode) == (2, 2)
    assert run.stderr.startswith("error: --as-of '2024年1-9月': the targets are for 2025")
    assert "2024年1-9月 is another year. Give a period of 2025" in run.stderr
    assert "notebook 03 sets 2024's targets against its outcomes" in run.stderr
    assert "the targets are for 2025" in progress.stderr
    assert not (two_reports / "build" / "notebooks").exists()  # no notebook ran
    assert run.stdout == ""


@pytest.mark.notebook
def test_run_puts_the_next_reports_years_on_the_notebook_charts(two_reports):
    _muye("run", "--lang", "en", "--no-brief", "--no-html", root=two_reports)
    # with two reports notebook 03 sets the earlier targets against the outcomes: in English
    # only (met / below the target / not comparable and their reasons from the vocabulary)
    import nbformat
    from leaks import check, notebook_parts

    executed = nbformat.read(two_reports / "build" / "notebooks" / "03_targets.ipynb", 4)
    shown = notebook_parts(executed)
    assert any("below the target" in text and "not comparable" in text for _, text in shown)
    check([(f"notebook 03_targets {where}", text) for where, text in shown], "en")
    figures = two_reports / "figures"
    svg = (figures / "growth_gap_en.svg").read_text(encoding="utf-8")
    assert "2025 growth targets against 2024 growth" in svg
    tasks = (figures / "task_targets_en.svg").read_text(encoding="utf-8")
    assert "2025 task targets as a share of 2024 outcomes" in tasks
    assert not (figures / "muye_in_city_en.png").exists()  # no city figures of 2024: not drawn
