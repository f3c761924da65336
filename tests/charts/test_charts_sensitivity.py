"""The required-growth grid: cells are the formula's values, labels say the weights used."""

from __future__ import annotations

import numpy as np
import pytest

from muye_analysis import targets
from muye_analysis.charts import plot_required_growth_grid
from muye_analysis.charts.sensitivity import CELL_GID


@pytest.fixture(scope="module")
def grid():
    return targets.headline_sensitivity("gdp", wide=True)


def _cells(fig, shape):
    mesh = next(c for c in fig.axes[0].collections if c.get_gid() == CELL_GID)
    return np.asarray(mesh.get_array()).reshape(shape)


def test_cells_hold_required_growth_from_the_formula(grid, close):
    fig = plot_required_growth_grid(grid)
    close(fig)
    cells = _cells(fig, grid.shape)
    np.testing.assert_allclose(cells, grid.to_numpy(dtype=float))
    # Hand-computed: 6% target, 5.0% after 1-9月 with equal quarters -> (6 - 0.75*5) / 0.25 = 9.0
    row = list(grid.index).index(5.0)
    col = list(grid.columns).index(9)
    assert cells[row, col] == pytest.approx(9.0)
    texts = {t.get_text() for t in fig.axes[0].texts}
    # 3.0% after 1-3月 needs (6 - 0.25*3) / 0.75 = 7.0 in the last three quarters
    assert "9.0" in texts and "7.0" in texts


def test_labels_name_indicator_target_months_and_weights_in_chinese(grid, close):
    fig = plot_required_growth_grid(grid)
    close(fig)
    words = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
    assert "完成全年6%目标，剩余月份需要的增速" in words
    assert "地区生产总值" in words
    assert "权重：假设各季度基数相等" in words
    assert "四季度往往最大" in words  # when the equal-weights shortcut over- or under-states
    # GDP is compiled quarterly: the grid has quarter ends only, never 1-2月 or 1-11月.
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ticks == ["1-3月", "1-6月", "1-9月"]


def test_english_labels_have_no_chinese(grid, close):
    fig = plot_required_growth_grid(grid, lang="en")
    close(fig)
    words = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
    assert "Weights: assumption: equal quarters" in words
    assert "overstate" in words and "understate" in words
    assert "Growth the rest of the year needs for a 6% year" in words
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in words)
