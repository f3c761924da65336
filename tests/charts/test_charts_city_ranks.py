"""The district among the city's units: the rank-over-time chart and every unit's growth as dots.

Drawn from the SYNTHETIC city tables in tests/data/city/; checked by their data and labels.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from muye_analysis import league
from muye_analysis.charts.city_ranks import (
    CITY_LINE_GID,
    MUYE_DOT_GID,
    plot_growth_dots,
    plot_rank_history,
)
from muye_analysis.charts.layout import NOTE_GID, SUBTITLE_GID, SYNTHETIC_GID
from tests.charts.chart_helpers import all_text, text_by_gid, texts_off_the_figure


@pytest.fixture(scope="module")
def store(city_store):
    return city_store


def test_growth_dots_in_rank_order_with_the_city_line_and_the_district_in_blue(store):
    fig = plot_growth_dots(league.city_ranks(store=store), "gdp")
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks[:3] == ["1  平原示范区", "2  长垣市", "3  新乡县"]
    assert ticks[5:8] == ["6=  凤泉区", "6=  牧野区", "8  辉县市"]
    (muye,) = [c for c in ax.collections if c.get_gid() == MUYE_DOT_GID]
    assert muye.get_offsets()[0][0] == pytest.approx(5.2)
    (city,) = [line for line in ax.lines if line.get_gid() == CITY_LINE_GID]
    assert city.get_xdata()[0] == pytest.approx(4.8)
    assert "共13个单位参与排名" in text_by_gid(fig, SUBTITLE_GID)[0]
    texts = all_text(fig)
    assert "5.2 并列第6位" in texts and "全市4.8%" in texts
    assert any(t.get_gid() == SYNTHETIC_GID for t in fig.findobj(lambda a: hasattr(a, "get_gid")))
    assert texts_off_the_figure(fig) == []
    plt.close(fig)


def test_growth_dots_say_a_zone_was_listed_apart(store):
    fig = plot_growth_dots(league.city_ranks(store=store), "fixed_asset_investment", lang="en")
    assert "14 units ranked" in text_by_gid(fig, SUBTITLE_GID)[0]
    notes = " ".join(text_by_gid(fig, NOTE_GID))
    assert "High-tech Zone listed apart" in notes and "Changyuan" in notes
    plt.close(fig)


def test_rank_history_has_a_panel_per_indicator_and_the_frames_per_period(store):
    fig = plot_rank_history(league.rank_history(store=store))
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["地区生产总值", "规上工业增加值", "固定资产投资", "一般公共预算收入",
                      "社会消费品零售总额"]  # fmt: skip
    gdp = fig.axes[0]
    growth = gdp.lines[0]  # the solid line: growth ranks 8 then 6
    assert list(growth.get_ydata()) == [8, 6]
    assert gdp.get_ylim()[0] > gdp.get_ylim()[1]  # No. 1 at the top
    notes = text_by_gid(fig, NOTE_GID)
    assert notes[0] == "各期排名单位数：13（2024年1-3月）、13（2024年1-5月）、13–14（2024年1-6月）"
    assert "6=" in all_text(fig)
    assert texts_off_the_figure(fig) == []
    plt.close(fig)
