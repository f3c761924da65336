"""The report's charts from the bundled curated data: the real figures, in both languages."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from chart_helpers import all_text, text_by_gid

from muye_analysis import config
from muye_analysis.charts import (
    city,
    export_report_charts,
    growth,
    plot_growth_gap,
    plot_muye_in_city,
    plot_projected_levels,
    plot_rank_scorecard,
    plot_task_targets,
    tasks,
)
from muye_analysis.charts.export import EXPORTED_CHARTS
from muye_analysis.charts.layout import NOT_STATED_GID, SOURCE_GID
from muye_analysis.vocab import has_cjk

PLOTS = {
    "rank": plot_rank_scorecard,
    "gap": plot_growth_gap,
    "proj": plot_projected_levels,
    "task": plot_task_targets,
    "city": plot_muye_in_city,
}


@pytest.fixture(scope="module")
def report_charts():
    figs = {(name, lang): plot(lang=lang) for name, plot in PLOTS.items() for lang in ("zh", "en")}
    yield figs
    for fig in figs.values():
        plt.close(fig)


def test_scorecard_shows_the_reports_ranks_and_standings(report_charts):
    ax = report_charts["rank", "zh"].axes[0]
    dots = [tuple(float(v) for v in c.get_offsets()[0]) for c in ax.collections
            if len(c.get_offsets())]  # fmt: skip
    # 居全市第5位 (GDP), 第12位 (规上 growth), 第6位 / 第9位 (retail level / growth),
    # 第1位 (tax share)
    assert [x for x, _ in dots] == [5.0, 12.0, 6.0, 9.0, 1.0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-2:] == ["脱贫成果巩固", "三通一规范"]  # 第一方阵 / 前列, no number
    assert "全市前列（无具体名次）" in all_text(report_charts["rank", "zh"])


def test_growth_gap_uses_the_reports_growth_and_targets(report_charts):
    fig = report_charts["gap", "zh"]
    assert text_by_gid(fig, growth.GAP_GID) == ["+7.8个百分点", "+6.0个百分点", "+4.1个百分点"]
    assert text_by_gid(fig, NOT_STATED_GID) == ["2023年未公布", "2023年未公布"]


def test_projected_levels_from_the_reports_2023_levels(report_charts):
    texts = all_text(report_charts["proj", "zh"])
    # 232.1 × 1.06, 10.74 × 1.08, 78.8 × 1.09
    assert {"≥246.0", "11.60", "85.9"} <= set(texts)
    assert {"+13.9", "+0.86", "+7.1"} <= set(texts)


def test_task_targets_cover_every_target_with_a_2023_outcome(report_charts):
    fig = report_charts["task", "zh"]
    bars = [p for p in fig.axes[0].patches if p.get_gid() == tasks.BAR_GID]
    widths = sorted(round(b.get_width(), 2) for b in bars)
    # 200/431, 6/7, 3000/3410, 8000/8317, 180/180, 80/70 (battery); R&D coverage is a rate,
    # and rates are never ratios of targets (issue 19)
    assert widths == [46.40, 85.71, 87.98, 96.19, 100.0, 114.29]
    assert "96%（≥8000人／8317人）" in all_text(fig)
    assert "100%（≥180亿元／180亿元）" in all_text(fig)


def test_city_chart_uses_the_city_totals_and_cites_them(report_charts):
    fig = report_charts["city", "zh"]
    shares = [round(p.get_width(), 2) for p in fig.axes[0].patches if p.get_gid() == city.SHARE_GID]
    assert shares == [6.93, 6.97, 4.45]
    source = text_by_gid(fig, SOURCE_GID)[0].replace("\n", "")
    assert "新乡市2024年国民经济和社会发展计划" in source
    assert "http://henan.kjzch.com/xinxiang/2024-04-02/841501.html" in source


@pytest.mark.parametrize("name", list(PLOTS))
def test_english_charts_contain_no_chinese_characters(report_charts, name):
    chinese = [t for t in all_text(report_charts[name, "en"]) if has_cjk(t)]
    assert chinese == []


def test_export_writes_every_report_chart_under_a_stable_name(figures_dir):
    paths = export_report_charts(langs=("zh", "en"), formats=("svg",))
    expected = [figures_dir / f"{n}_{lang}.svg" for lang in ("zh", "en") for n in EXPORTED_CHARTS]
    assert paths == expected
    assert all(p.stat().st_size > 10_000 for p in paths)
    assert config.figures_dir() == figures_dir
