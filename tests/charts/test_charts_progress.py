"""The 进度监测 traffic lights: one light per target in its status colour, bars at the
completion, the tick at 序时进度; tested by the plotted data, not pixels. SYNTHETIC figures."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from chart_helpers import all_text
from matplotlib.colors import to_hex

from muye_analysis.charts import plot_progress
from muye_analysis.charts.progress import (
    BAR_GID,
    ELAPSED_GID,
    LIGHT_GID,
    STATUS_COLOURS,
    SYNTHETIC_GID,
)
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


def _lights(fig):
    return [line for line in fig.axes[0].get_lines() if line.get_gid() == LIGHT_GID]


def test_one_light_per_target_in_its_status_colour(table, close):
    fig = plot_progress(table)
    close(fig)
    lights = _lights(fig)
    assert len(lights) == 25
    colours = [to_hex(light.get_color()) for light in lights]
    expected = [to_hex(STATUS_COLOURS[s]) for s in table["status"]]
    assert colours == expected
    ys = [light.get_ydata()[0] for light in lights]
    assert ys == list(range(24, -1, -1))  # the table's order, top down


def test_bars_are_completion_and_ticks_are_time_elapsed(table, close):
    fig = plot_progress(table)
    close(fig)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_gid() == BAR_GID]
    widths = sorted(round(b.get_width(), 6) for b in bars)
    # 100/180 = 55.6% (investment), 6500/8000 = 81.25% (jobs)
    assert widths == [round(100 / 180 * 100, 6), 81.25]
    ticks = [line.get_xdata()[0] for line in ax.get_lines() if line.get_gid() == ELAPSED_GID]
    assert ticks == pytest.approx([8 / 12 * 100] * 2)  # months ÷ 12 for both
    words = all_text(fig)
    assert "累计6.5%，四季度需4.5%" in words  # equal quarters: (6 - 0.75 × 6.5) / 0.25 = 4.5
    assert "示例数据（合成），非真实统计" in words
    assert any(t.get_gid() == SYNTHETIC_GID for t in ax.texts)


def test_english_chart_has_no_chinese(table, close):
    fig = plot_progress(table, lang="en")
    close(fig)
    chinese = [t for t in all_text(fig) if has_cjk(t)]
    assert chinese == []


def test_draws_into_a_callers_axes_and_returns_its_figure(table):
    fig, ax = plt.subplots()
    try:
        assert plot_progress(table, ax=ax) is fig
        assert len(_lights(fig)) == 25
    finally:
        plt.close(fig)


def test_an_empty_store_gives_grey_lights_only(tmp_path, monkeypatch, close):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "empty"))
    fig = plot_progress()
    close(fig)
    colours = {to_hex(light.get_color()) for light in _lights(fig)}
    assert colours == {to_hex(STATUS_COLOURS["no_data"])}
    assert "暂无本年数据" in " ".join(all_text(fig))
