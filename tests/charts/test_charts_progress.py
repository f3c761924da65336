"""The 进度监测 chart: the targets with figures, in their status colours, with their values;
tested by the spec both renderers draw and by what the picture shows. SYNTHETIC figures."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from chart_helpers import all_text, text_by_gid
from matplotlib.colors import to_hex

from muye_analysis.chart_spec import STATUS_COLOURS, undrawn_notes
from muye_analysis.charts import plot_progress
from muye_analysis.charts.draw import BAR_GID, label_texts
from muye_analysis.charts.layout import SUBTITLE_GID
from muye_analysis.charts.progress import has_tracked, progress_spec
from muye_analysis.progress import progress_table
from muye_analysis.quarterly import ingest_quarterly, read_store
from muye_analysis.vocab import has_cjk


@pytest.fixture
def table(tmp_path, monkeypatch):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "processed"))
    path = tmp_path / "synthetic_lights.csv"
    path.write_text(
        "indicator,year,period,level,unit,growth_pct\n"
        "gdp,2024,1-9月,,,6.5\n"
        "重点项目完成投资,2024,1-8月,100,亿元,\n"
        "新增城镇就业,2024,1-8月,6500,人,\n",
        "utf-8",
    )
    ingest_quarterly(path)
    return progress_table(store=read_store())


def test_only_targets_with_figures_are_drawn_and_the_rest_are_counted(table):
    spec = progress_spec(table)
    growth, levels = spec.panels
    assert [c.split("，")[0] for c in growth.categories] == ["地区生产总值"]
    assert [c.split("，")[0] for c in levels.categories] == ["重点项目投资", "新增就业"]
    annual = table[table["annual"].fillna(True).astype(bool)]  # a project's size is no target
    waiting = int((annual["status"] == "no_data").sum())
    assert waiting == 20
    assert f"另有{waiting}项暂无本年数据" in spec.subtitle
    assert any(note.text.startswith(f"暂无本年数据（{waiting}项）") for note in spec.notes)
    assert undrawn_notes(spec) == []


def test_bars_carry_values_and_status_colours(table):
    spec = progress_spec(table)
    growth, levels = spec.panels
    so_far, needed = growth.series
    assert so_far.values == (6.5,) and so_far.labels == ("6.5%",)
    assert needed.values == (4.5,)  # equal quarters: (6 - 0.75 × 6.5) / 0.25 = 4.5
    done, elapsed = levels.series
    # 100/180 = 55.6% (investment), 6500/8000 = 81.25% (jobs): values as labelled, half up
    assert done.values == (55.6, 81.3)
    assert done.labels == ("55.6%", "81.3%")
    assert elapsed.values == (66.7, 66.7)  # 8 months ÷ 12
    statuses = list(table.loc[table["status"] != "no_data", "status"])
    assert so_far.point_colours == (STATUS_COLOURS[statuses[0]],)
    assert done.point_colours == tuple(STATUS_COLOURS[s] for s in statuses[1:])
    assert "growth" not in str(done.colour)  # a status colour, never target orange
    assert "E69F00" not in (*so_far.point_colours, *done.point_colours)


def test_the_picture_draws_the_spec_with_its_stamp(table, close):
    fig = plot_progress(table)
    close(fig)
    bars = [p for ax in fig.axes for p in ax.patches if (p.get_gid() or "").startswith(BAR_GID)]
    first = [p for p in bars if p.get_gid() == f"{BAR_GID}-0"]
    colours = sorted(to_hex(p.get_facecolor()) for p in first)
    spec = progress_spec(table)
    expected = sorted(f"#{c}".lower() for p in spec.panels for c in p.series[0].point_colours)
    assert colours == expected
    assert "6.5%" in label_texts(fig) and "81.3%" in label_texts(fig)
    # two panels with titles: the stamp opens the subtitle, clear of the panels' titles
    assert text_by_gid(fig, SUBTITLE_GID)[0].startswith("示例数据（合成），非真实统计")


def test_english_chart_has_no_chinese(table, close):
    fig = plot_progress(table, lang="en")
    close(fig)
    chinese = [t for t in all_text(fig) if has_cjk(t)]
    assert chinese == []


def test_draws_into_a_callers_axes_and_returns_its_figure(table):
    fig, ax = plt.subplots()
    try:
        assert plot_progress(table, ax=ax) is fig
    finally:
        plt.close(fig)


def test_an_empty_store_gives_no_chart(tmp_path, monkeypatch):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "empty"))
    table = progress_table()
    assert not has_tracked(table)
    assert progress_spec(table) is None
    with pytest.raises(ValueError, match="no target has a figure"):
        plot_progress(table)
