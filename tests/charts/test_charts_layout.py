"""The shared frame: same title/source positions on every chart, nothing clipped or overlapping."""

from __future__ import annotations

import chart_frames as F
import matplotlib.pyplot as plt
import pytest
from chart_helpers import plot_overlaps_header_or_footer, texts_off_the_figure

from muye_analysis.charts import (
    house_style,
    plot_forecast_fan,
    plot_growth_gap,
    plot_muye_in_city,
    plot_projected_levels,
    plot_rank_scorecard,
    plot_task_targets,
)
from muye_analysis.charts.layout import (
    SOURCE_GID,
    SUBTITLE_GID,
    TITLE_GID,
    text_width_pt,
    ticks_covering,
    wrap_text,
)

DRAW = {
    "rank": lambda **kw: plot_rank_scorecard(F.rankings(), **kw),
    "gap": lambda **kw: plot_growth_gap(F.targets(), **kw),
    "proj": lambda **kw: plot_projected_levels(F.indicators(), F.targets(), **kw),
    "task": lambda **kw: plot_task_targets(F.targets(), **kw),
    "city": lambda **kw: plot_muye_in_city(F.indicators(), F.context(), F.registry(), **kw),
    "fan": lambda **kw: plot_forecast_fan(*F.fan_frames(), target=6.0, synthetic=True, **kw),
}


@pytest.fixture(scope="module")
def document_charts():
    """Every chart at document size, in Chinese and English."""
    figs = {(n, lang): DRAW[n](lang=lang, size="document") for n in DRAW for lang in ("zh", "en")}
    yield figs
    for fig in figs.values():
        plt.close(fig)


def _by_gid(fig, gid):
    (artist,) = [t for t in fig.texts if t.get_gid() == gid]
    return artist


@pytest.mark.slow
def test_title_subtitle_and_source_sit_at_the_same_place_on_every_chart(document_charts):
    places = {
        (_by_gid(fig, TITLE_GID).get_position(), _by_gid(fig, SUBTITLE_GID).get_position()[0],
         _by_gid(fig, SOURCE_GID).get_position())
        for fig in document_charts.values()
    }  # fmt: skip
    assert len(places) == 1
    ((title_xy, subtitle_x, source_xy),) = places
    assert title_xy[0] == subtitle_x == source_xy[0]  # flush left on one margin


@pytest.mark.parametrize("size", ["slide", "document"])
def test_charts_have_the_house_sizes(size, close):
    fig = plot_growth_gap(F.targets(), size=size)
    close(fig)
    expected = {"slide": (13.333, 7.5), "document": (6.3, 4.2)}[size]
    assert tuple(round(v, 3) for v in fig.get_size_inches()) == expected


@pytest.mark.slow
def test_no_text_is_clipped_at_the_figure_edge(document_charts):
    for key, fig in document_charts.items():
        assert texts_off_the_figure(fig) == [], key


@pytest.mark.slow
def test_the_plot_stays_between_the_header_and_the_footer(document_charts):
    for key, fig in document_charts.items():
        assert plot_overlaps_header_or_footer(fig) == [], key


def test_wrap_text_breaks_chinese_between_characters_within_the_width():
    with house_style("document"):
        text = "报告未说明参与排名的单位数：新乡市有12个县级单位，全市通报常排13个。"
        wrapped = wrap_text(text, width_pt=120, fontsize=10)
        lines = wrapped.split("\n")
        assert len(lines) > 1
        assert "".join(lines) == text  # nothing lost, nothing added
        assert all(text_width_pt(line, 10) <= 120 for line in lines)
        assert not any(line.startswith(("，", "。", "）")) for line in lines)


def test_wrap_text_keeps_english_words_and_urls_whole():
    with house_style("document"):
        text = "Source: Xinxiang city 2024 plan report (http://henan.kjzch.com/xinxiang/2024.html)"
        lines = wrap_text(text, width_pt=150, fontsize=8).split("\n")
        assert " ".join(lines) == text
        assert "(http://henan.kjzch.com/xinxiang/2024.html)" in lines


def test_ticks_cover_the_data_range_with_round_steps():
    assert ticks_covering(0.2, 9) == [0, 2, 4, 6, 8, 10]
    assert ticks_covering(0, 114.3) == [0, 20, 40, 60, 80, 100, 120]
    assert ticks_covering(-1.3, 6.4) == [-2, 0, 2, 4, 6, 8]


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DRAW))
def test_a_chart_under_a_heading_leaves_out_only_its_title(name, close):
    from muye_analysis.charts.layout import headed_elsewhere

    titled = DRAW[name](lang="zh")
    close(titled)
    with headed_elsewhere():
        bare = DRAW[name](lang="zh")
    close(bare)
    assert [t for t in bare.texts if t.get_gid() == TITLE_GID] == []
    assert _by_gid(bare, SUBTITLE_GID).get_text() == _by_gid(titled, SUBTITLE_GID).get_text()
    assert _by_gid(bare, SOURCE_GID).get_text() == _by_gid(titled, SOURCE_GID).get_text()
    assert _by_gid(titled, TITLE_GID).get_text()  # outside the block the title is back
    after = DRAW[name](lang="zh")
    close(after)
    assert _by_gid(after, TITLE_GID).get_text() == _by_gid(titled, TITLE_GID).get_text()
