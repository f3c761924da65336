"""Each chart, tested by what it plots and what it says (hand-built frames, Agg backend)."""

from __future__ import annotations

import io

import chart_frames as F
import matplotlib.pyplot as plt
import pytest
from chart_helpers import (
    all_text,
    plot_overlaps_header_or_footer,
    text_by_gid,
    texts_off_the_figure,
)
from matplotlib.colors import to_hex

from muye_analysis.charts import (
    city,
    fan,
    growth,
    plot_forecast_fan,
    plot_growth_gap,
    plot_muye_in_city,
    plot_projected_levels,
    plot_rank_scorecard,
    plot_task_targets,
    projection,
    tasks,
)
from muye_analysis.charts.layout import (
    FOOTER_GID,
    NOT_STATED_GID,
    NOTE_GID,
    SOURCE_GID,
    SUBTITLE_GID,
    TITLE_GID,
)
from muye_analysis.charts.style import THIRD_COLOURS

SOURCE_ZH = "资料来源：牧野区2023年计划执行情况与2024年计划报告"
SOURCE_EN = "Source: Muye District report on the 2023 plan and the 2024 plan"


def _draw(name: str, lang: str):
    history, forecast = F.fan_frames()
    makers = {
        "rank": lambda: plot_rank_scorecard(F.rankings(), lang=lang),
        "gap": lambda: plot_growth_gap(F.targets(), lang=lang),
        "proj": lambda: plot_projected_levels(F.indicators(), F.targets(), lang=lang),
        "task": lambda: plot_task_targets(F.targets(), lang=lang),
        "city": lambda: plot_muye_in_city(F.indicators(), F.context(), F.registry(), lang=lang),
        "fan": lambda: plot_forecast_fan(history, forecast, target=6.0, synthetic=True, lang=lang),
    }
    return makers[name]()


@pytest.fixture(scope="module")
def charts():
    """Every chart in both languages, drawn once for the module's tests."""
    figs = {(n, lang): _draw(n, lang) for n in ("rank", "gap", "proj", "task", "city", "fan")
            for lang in ("zh", "en")}  # fmt: skip
    yield figs
    for fig in figs.values():
        plt.close(fig)


def _offsets(ax, gid):
    return [tuple(float(v) for v in xy) for c in ax.collections if c.get_gid() == gid
            for xy in c.get_offsets()]  # fmt: skip


def _bars(ax, gid):
    return [p for p in ax.patches if p.get_gid() == gid]


def _ticklabels(axis):
    return [t.get_text() for t in axis.get_ticklabels()]


# Rank scorecard ---------------------------------------------------------------------------


def test_rank_scorecard_places_each_rank_on_its_row(charts):
    ax = charts["rank", "zh"].axes[0]
    dots = [(tuple(c.get_offsets()[0]), to_hex(c.get_facecolor()[0])) for c in ax.collections
            if len(c.get_offsets())]  # fmt: skip
    # Rows top to bottom: GDP level 5, industry growth 12, retail level 6, retail growth 9, tax 1.
    assert dots == [
        ((5.0, 5.0), THIRD_COLOURS["middle"].lower()),
        ((12.0, 4.0), THIRD_COLOURS["bottom"].lower()),
        ((6.0, 3.0), THIRD_COLOURS["middle"].lower()),
        ((9.0, 2.0), THIRD_COLOURS["bottom"].lower()),
        ((1.0, 1.0), THIRD_COLOURS["top"].lower()),
    ]


def test_rank_scorecard_labels_rows_with_what_was_ranked(charts):
    assert _ticklabels(charts["rank", "zh"].axes[0].yaxis) == [
        "地区生产总值（总量）", "规上工业增加值（增速）", "社会消费品零售总额（总量）",
        "社会消费品零售总额（增速）", "税收占比", "脱贫成果巩固",
    ]  # fmt: skip
    assert _ticklabels(charts["rank", "en"].axes[0].yaxis) == [
        "GDP (level)", "Industrial value added (growth)", "Retail sales (level)",
        "Retail sales (growth)", "Tax share", "Poverty gains",
    ]  # fmt: skip


def test_rank_scorecard_states_the_frame_size_as_an_assumption(charts):
    assert text_by_gid(charts["rank", "zh"], NOTE_GID)[0] == "假设排名单位数：13"
    assert text_by_gid(charts["rank", "en"], NOTE_GID)[0] == "Assumed number of ranked units: 13"
    assert _ticklabels(charts["rank", "zh"].axes[0].xaxis) == [str(i) for i in range(1, 14)]


def test_rank_scorecard_follows_another_assumed_frame(close):
    fig = plot_rank_scorecard(F.rankings(), frame_size=15, lang="zh")
    close(fig)
    ax = fig.axes[0]
    assert text_by_gid(fig, NOTE_GID)[0] == "假设排名单位数：15"
    assert _ticklabels(ax.xaxis)[-1] == "15"
    # Rank 5 of 15 is in the top third (5 ≤ 15/3).
    assert to_hex(ax.collections[0].get_facecolor()[0]) == THIRD_COLOURS["top"].lower()


def test_rank_scorecard_lists_standings_without_a_position_and_notes_the_project_rank(charts):
    texts = all_text(charts["rank", "zh"])
    assert "第一方阵（无具体名次）" in texts
    assert any(
        "国债资金" in t and "第3名" in t for t in text_by_gid(charts["rank", "zh"], NOTE_GID)
    )
    assert "前三分之一" in texts and "后三分之一" in texts


# Growth gap -------------------------------------------------------------------------------


def test_growth_gap_plots_targets_and_the_2023_growth_that_exists(charts):
    ax = charts["gap", "zh"].axes[0]
    assert _offsets(ax, growth.TARGET_GID) == [(6.0, 4.0), (8.0, 3.0), (9.0, 2.0), (8.0, 1.0),
                                               (9.0, 0.0)]  # fmt: skip
    assert _offsets(ax, growth.ACTUAL_GID) == [(0.2, 3.0), (2.0, 1.0), (4.9, 0.0)]


def test_growth_gap_labels_gaps_in_percentage_points(charts):
    assert text_by_gid(charts["gap", "zh"], growth.GAP_GID) == [
        "+7.8个百分点", "+6.0个百分点", "+4.1个百分点",
    ]  # fmt: skip
    assert text_by_gid(charts["gap", "en"], growth.GAP_GID) == ["+7.8 pp", "+6.0 pp", "+4.1 pp"]


def test_growth_gap_marks_years_without_a_2023_figure(charts):
    assert text_by_gid(charts["gap", "zh"], NOT_STATED_GID) == ["2023年未公布"] * 2
    assert text_by_gid(charts["gap", "en"], NOT_STATED_GID) == ["2023: not stated"] * 2
    notes = text_by_gid(charts["gap", "zh"], NOTE_GID)
    assert "报告未给出地区生产总值、固定资产投资的2023年增速，故无差值。" in notes


def test_growth_gap_shows_the_price_basis_and_the_floor(charts):
    ax = charts["gap", "zh"].axes[0]
    assert _ticklabels(ax.yaxis) == [
        "地区生产总值（可比价）", "规上工业增加值（可比价）", "固定资产投资（现价）",
        "一般公共预算收入（现价）", "社会消费品零售总额（现价）",
    ]  # fmt: skip
    assert ax.get_xlabel() == "增速（%）"
    assert "≥6%（以上）" in all_text(charts["gap", "zh"])
    assert "0.2%" in all_text(charts["gap", "zh"])  # 2023 growth as the report prints it


# Projected levels -------------------------------------------------------------------------


def test_projected_levels_stack_the_increment_on_the_2023_base(charts):
    panels = charts["proj", "zh"].axes
    bases = [_bars(ax, projection.BASE_GID)[0] for ax in panels]
    increments = [_bars(ax, projection.INCREMENT_GID)[0] for ax in panels]
    assert [b.get_height() for b in bases] == [232.1, 10.74, 78.8]
    assert [round(b.get_height(), 4) for b in increments] == [13.926, 0.8592, 7.092]
    assert [b.get_y() for b in increments] == [232.1, 10.74, 78.8]


def test_projected_levels_mark_the_floor_and_the_price_assumption(charts):
    fig = charts["proj", "zh"]
    arrows = [len([c for c in ax.get_children() if c.get_gid() == projection.FLOOR_GID])
              for ax in fig.axes]  # fmt: skip
    assert arrows == [1, 0, 0]  # only GDP's target is 以上
    assert "≥246.0" in all_text(fig)
    assert _ticklabels(fig.axes[0].xaxis) == ["按2023年价格"]
    assert _ticklabels(fig.axes[1].xaxis) == ["现价"]
    assert [ax.get_ylabel() for ax in fig.axes] == ["亿元"] * 3
    notes = text_by_gid(fig, NOTE_GID)
    assert "平减指数" in notes[0] and "按2023年价格推算" in notes[0]


def test_projected_levels_with_a_stated_deflator_are_at_current_prices(close):
    fig = plot_projected_levels(F.indicators(), F.targets(), deflator_pct=2.0, lang="en")
    close(fig)
    increment = _bars(fig.axes[0], projection.INCREMENT_GID)[0]
    assert round(increment.get_height(), 5) == round(232.1 * 1.06 * 1.02 - 232.1, 5)
    assert _ticklabels(fig.axes[0].xaxis) == ["current prices"]
    assert "assuming the deflator rises 2%" in text_by_gid(fig, NOTE_GID)[0]


# Task targets -----------------------------------------------------------------------------


def test_task_targets_bars_are_target_over_outcome(charts):
    bars = _bars(charts["task", "zh"].axes[0], tasks.BAR_GID)
    # R&D coverage (a rate, 80% against 70%) is never a ratio: not on this chart.
    assert [round(b.get_width(), 2) for b in bars] == [114.29, 87.98, 46.40]


def test_task_targets_label_both_numbers_with_units(charts):
    zh, en = all_text(charts["task", "zh"]), all_text(charts["task", "en"])
    assert "46%（≥200个／431个）" in zh
    assert not any("≥80%／70%" in t for t in zh)  # a rate is never a ratio of targets
    assert "88% (≥15,000 t / 17,050 t)" in en
    assert "114% (≥RMB 8 bn / RMB 7 bn)" in en
    assert _ticklabels(charts["task", "zh"].axes[0].yaxis)[-1] == "重点项目（力争）"
    assert charts["task", "en"].axes[0].get_xlabel() == "Target as % of the 2023 outcome"


# Muye in the city -------------------------------------------------------------------------


def test_city_chart_plots_shares_and_both_growth_rates(charts):
    share_ax, growth_ax = charts["city", "zh"].axes
    assert [round(b.get_width(), 3) for b in _bars(share_ax, city.SHARE_GID)] == [
        6.933,
        6.972,
        4.447,
    ]
    assert [b.get_width() for b in _bars(growth_ax, city.MUYE_GROWTH_GID)] == [4.9, 2.0, 0.2]
    assert [b.get_width() for b in _bars(growth_ax, city.CITY_GROWTH_GID)] == [1.5, 4.9, 6.4, 1.0]


def test_city_chart_marks_unpublished_figures_and_cites_the_city_source(charts):
    fig = charts["city", "zh"]
    assert text_by_gid(fig, NOT_STATED_GID) == ["总量未公布", "2023年未公布"]
    source = text_by_gid(fig, SOURCE_GID)[0].replace("\n", "")
    assert source.startswith(SOURCE_ZH)
    assert F.CITY_SOURCE in source and F.CITY_URL in source
    en_source = text_by_gid(charts["city", "en"], SOURCE_GID)[0].replace("\n", " ")
    assert "Xinxiang city 2024 plan report" in en_source and F.CITY_URL in en_source
    assert "6.9%（232.1/3347.6亿元）" in all_text(fig)
    assert "6.9% (RMB 23.21 bn of RMB 334.76 bn)" in all_text(charts["city", "en"])


# Forecast fan -----------------------------------------------------------------------------


def test_fan_chart_draws_history_then_a_forecast_starting_from_the_last_actual(charts):
    ax = charts["fan", "zh"].axes[0]
    lines = {line.get_gid(): line for line in ax.get_lines()}
    assert list(lines[fan.HISTORY_GID].get_xdata()) == [0.0, 1.0]
    assert list(lines[fan.HISTORY_GID].get_ydata()) == [4.0, 4.6]
    assert list(lines[fan.MEAN_GID].get_xdata()) == [1.0, 2.0, 3.0]
    assert list(lines[fan.MEAN_GID].get_ydata()) == [4.6, 5.0, 5.4]
    assert list(lines[fan.TARGET_GID].get_ydata()) == [6.0, 6.0]
    assert _ticklabels(ax.xaxis) == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]


def test_fan_chart_bands_span_the_intervals(charts):
    ax = charts["fan", "zh"].axes[0]
    bands = {c.get_gid(): c.get_paths()[0].get_extents() for c in ax.collections}
    assert (bands[fan.BAND_95_GID].ymin, bands[fan.BAND_95_GID].ymax) == (3.7, 7.1)
    assert (bands[fan.BAND_80_GID].ymin, bands[fan.BAND_80_GID].ymax) == (4.2, 6.5)


def test_fan_chart_stamps_synthetic_data_on_the_plot_and_in_the_source(charts):
    fig = charts["fan", "zh"]
    assert text_by_gid(fig, fan.SYNTHETIC_GID) == ["示例数据（合成），非真实统计"]
    assert text_by_gid(fig, SOURCE_GID)[0].endswith("示例数据（合成），非真实统计")
    assert text_by_gid(charts["fan", "en"], fan.SYNTHETIC_GID) == [
        "Synthetic data, for illustration only"
    ]
    assert "目标 6%" in all_text(fig)


def test_fan_chart_without_synthetic_data_has_no_stamp(close):
    history, forecast = F.fan_frames()
    fig = plot_forecast_fan(history, forecast, title="规上工业增速", target=8.0,
                            target_label="全年目标8%", y_label="%", source="区统计局")  # fmt: skip
    close(fig)
    assert text_by_gid(fig, fan.SYNTHETIC_GID) == []
    assert text_by_gid(fig, TITLE_GID) == ["规上工业增速"]
    assert text_by_gid(fig, SOURCE_GID) == [SOURCE_ZH + "；区统计局"]
    assert "全年目标8%" in all_text(fig)
    assert fig.axes[0].get_ylabel() == "%"


def test_fan_chart_leaves_an_unpublished_period_as_a_gap_in_the_line(close):
    import math

    import pandas as pd

    history = pd.DataFrame(
        {"period": ["2023Q2", "2023Q3", "2023Q4", "2024Q1"], "value": [3.8, None, 4.1, 4.7]}
    )  # 1-9月 2023 not published
    forecast = pd.DataFrame({"period": ["2024Q2"], "mean": [4.9], "lower_80": [4.7],
                             "upper_80": [5.1], "lower_95": [4.6], "upper_95": [5.2]})  # fmt: skip
    fig = plot_forecast_fan(history, forecast, lang="zh")
    close(fig)
    lines = {line.get_gid(): line for line in fig.axes[0].get_lines()}
    xs, ys = lines[fan.HISTORY_GID].get_xdata(), lines[fan.HISTORY_GID].get_ydata()
    assert list(xs) == [0.0, 1.0, 2.0, 3.0]
    assert ys[0] == 3.8 and math.isnan(ys[1]) and list(ys[2:]) == [4.1, 4.7]  # no line across


# Shared behaviour ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["rank", "gap", "proj", "task", "city", "fan"])
def test_every_chart_has_title_subtitle_and_source_line(charts, name):
    for lang, source in (("zh", SOURCE_ZH), ("en", SOURCE_EN)):
        fig = charts[name, lang]
        assert len(text_by_gid(fig, TITLE_GID)) == 1
        assert len(text_by_gid(fig, SUBTITLE_GID)) == 1
        assert text_by_gid(fig, SOURCE_GID)[0].replace("\n", "").startswith(source)


@pytest.mark.parametrize("name", ["rank", "gap", "proj", "task", "city", "fan"])
def test_slide_charts_keep_text_on_the_figure_and_the_plot_clear_of_header_and_footer(charts, name):
    for lang in ("zh", "en"):
        assert texts_off_the_figure(charts[name, lang]) == []
        assert plot_overlaps_header_or_footer(charts[name, lang]) == []


@pytest.mark.parametrize("name", ["rank", "gap", "proj", "task", "city", "fan"])
def test_every_chart_has_units_on_its_value_axis(charts, name):
    labels = [ax.get_xlabel() + ax.get_ylabel() for ax in charts[name, "zh"].axes]
    assert any(unit in label for label in labels for unit in ("%", "位", "亿元"))


@pytest.mark.parametrize(
    "draw",
    [
        lambda ax: plot_rank_scorecard(F.rankings(), ax=ax),
        lambda ax: plot_growth_gap(F.targets(), ax=ax, lang="en"),
        lambda ax: plot_task_targets(F.targets(), ax=ax),
        lambda ax: plot_projected_levels(F.indicators(), F.targets(), ax=ax),
        lambda ax: plot_muye_in_city(F.indicators(), F.context(), F.registry(), ax=ax),
        lambda ax: plot_forecast_fan(*F.fan_frames(), ax=ax, synthetic=True),
    ],
)
def test_a_chart_drawn_into_a_given_axes_returns_its_figure_with_title_and_source(close, draw):
    fig, (ax, other) = plt.subplots(1, 2, figsize=(16, 6))
    close(fig)
    assert draw(ax) is fig
    assert text_by_gid(fig, TITLE_GID)  # on the axes, since the caller owns the figure
    footer = text_by_gid(fig, FOOTER_GID)[0]
    assert footer.endswith("2024年计划报告") or "Source:" in footer or "资料来源" in footer
    assert not other.has_data()  # the neighbouring axes is left alone
    # Drawn again outside the house style (a notebook's display, a save): every text keeps a
    # font that has its glyphs, although the caller made the axes before the style applied.
    fig.savefig(io.BytesIO(), format="png", dpi=60)  # a new dpi: no cached text metrics


def test_charts_refuse_an_unknown_language():
    with pytest.raises(ValueError, match="'zh' or 'en'"):
        plot_growth_gap(F.targets(), lang="fr")
