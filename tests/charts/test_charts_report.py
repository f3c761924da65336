"""The report's charts from the bundled curated data: the real figures, in both languages, in the
spec both renderers draw and in the picture."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from chart_helpers import all_text, text_by_gid

from muye_analysis import config
from muye_analysis.chart_spec import undrawn_notes
from muye_analysis.charts import (
    export_report_charts,
    plot_growth_gap,
    plot_muye_in_city,
    plot_projected_levels,
    plot_rank_scorecard,
    plot_task_targets,
)
from muye_analysis.charts.city import city_spec
from muye_analysis.charts.draw import label_texts
from muye_analysis.charts.export import EXPORTED_CHARTS
from muye_analysis.charts.growth import growth_gap_spec
from muye_analysis.charts.layout import NOT_STATED_GID, SOURCE_GID
from muye_analysis.charts.projection import projection_spec
from muye_analysis.charts.scorecard import scorecard_spec
from muye_analysis.charts.tasks import task_spec
from muye_analysis.vocab import has_cjk

PLOTS = {
    "rank": plot_rank_scorecard,
    "gap": plot_growth_gap,
    "proj": plot_projected_levels,
    "task": plot_task_targets,
    "city": plot_muye_in_city,
}
SPECS = {
    "rank": scorecard_spec,
    "gap": growth_gap_spec,
    "proj": projection_spec,
    "task": task_spec,
    "city": city_spec,
}


@pytest.fixture(scope="module")
def report_charts():
    figs = {(name, lang): plot(lang=lang) for name, plot in PLOTS.items() for lang in ("zh", "en")}
    yield figs
    for fig in figs.values():
        plt.close(fig)


def test_scorecard_shows_the_reports_ranks_and_standings(report_charts):
    (panel,) = scorecard_spec().panels
    ranks = sorted(
        (y, x) for s in panel.series if s.marker for x, y in zip(s.x, s.values, strict=True)
    )
    # top down: 居全市第5位 (GDP), 第12位 (规上 growth), 第6位 / 第9位 (retail level / growth),
    # 第1位 (tax share)
    assert [x for _, x in ranks[::-1]] == [5.0, 12.0, 6.0, 9.0, 1.0]
    (standings,) = [s for s in panel.series if not s.marker]
    assert standings.labels == (
        "脱贫成果巩固：第一方阵（无具体名次）",
        "三通一规范：全市前列（无具体名次）",
    )
    assert "三通一规范：全市前列（无具体名次）" in all_text(report_charts["rank", "zh"])


def test_growth_gap_uses_the_reports_growth_and_targets(report_charts):
    (panel,) = growth_gap_spec().panels
    actual, target = panel.series
    assert actual.values == (None, 0.2, None, 2.0, 4.9)
    assert target.labels == ("6%以上", "8%\n+7.8个百分点", "9%", "8%\n+6.0个百分点",
                             "9%\n+4.1个百分点")  # fmt: skip
    assert text_by_gid(report_charts["gap", "zh"], NOT_STATED_GID) == ["2023年未公布"] * 2


def test_projected_levels_from_the_reports_2023_levels(report_charts):
    labels = [s.labels for p in projection_spec().panels for s in p.series]
    # 232.1 × 1.06, 10.74 × 1.08, 78.8 × 1.09, at the report's decimals, with the increment
    assert labels == [("232.1", "≥246.0\n+13.9"), ("10.74", "11.60\n+0.86"), ("78.8", "85.9\n+7.1")]
    en = [s.labels for p in projection_spec(lang="en").panels for s in p.series]
    assert en[0] == ("23.21", "≥24.60\n+1.39")  # RMB bn, one more decimal than 亿元
    assert {p.axis_title for p in projection_spec(lang="en").panels} == {"RMB bn"}
    assert "≥246.0\n+13.9" in label_texts(report_charts["proj", "zh"])


def test_task_targets_cover_every_target_with_a_2023_outcome(report_charts):
    (panel,) = task_spec().panels
    # 80/70 (battery), 180/180, 8000/8317, 3000/3410, 6/7, 200/431; R&D coverage is a rate,
    # and rates are never ratios of targets (issue 19)
    assert panel.series[0].values == (114, 100, 96, 88, 86, 46)  # whole percent, as labelled
    assert "新增就业\n≥8000人／8317人" in panel.categories
    assert [(r.value, r.label) for r in panel.references] == [(100.0, "与2023年持平")]
    assert "与2023年持平" in all_text(report_charts["task", "zh"])


def test_city_chart_uses_the_city_totals_and_cites_their_issuer(report_charts):
    share, growth = city_spec().panels
    # 232.1/3347.6, 78.8/1130.3, 10.74/241.5 at one decimal, as labelled; 规上 level unpublished
    assert share.series[0].values == (6.9, 7.0, 4.4, None)
    assert share.series[0].labels[-1] == "总量未公布"
    muye = growth.series[0]
    assert muye.values[0] is None and muye.labels[0] == "2023年未公布"
    source = text_by_gid(report_charts["city", "zh"], SOURCE_GID)[0].replace("\n", "")
    assert "新乡市人民政府《新乡市2024年国民经济和社会发展计划》（2024年3月19日）" in source
    assert "http" not in source and "kjzch" not in source


@pytest.mark.parametrize("name", list(PLOTS))
def test_english_charts_contain_no_chinese_characters(report_charts, name):
    chinese = [t for t in all_text(report_charts[name, "en"]) if has_cjk(t)]
    assert chinese == []


@pytest.mark.parametrize("name", list(SPECS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_note_explains_something_the_chart_draws(name, lang):
    spec = SPECS[name](lang=lang)
    assert undrawn_notes(spec) == []
    assert all("箭头" not in n and "arrow" not in n for n in spec.note_lines)


@pytest.mark.slow
def test_export_writes_every_report_chart_under_a_stable_name(figures_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "empty"))
    paths = export_report_charts(langs=("zh", "en"), formats=("svg",))
    drawn = [n for n in EXPORTED_CHARTS if n != "progress"]  # no figure for the year: no chart
    expected = [figures_dir / f"{n}_{lang}.svg" for lang in ("zh", "en") for n in drawn]
    assert paths == expected
    assert all(p.stat().st_size > 10_000 for p in paths)
    assert config.figures_dir() == figures_dir
