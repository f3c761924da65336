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

from muye_analysis import vocab
from muye_analysis.charts import (
    draw,
    fan,
    growth,
    plot_forecast_fan,
    plot_growth_gap,
    plot_muye_in_city,
    plot_projected_levels,
    plot_rank_scorecard,
    plot_task_targets,
    projection,
    scorecard,
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

SOURCE_ZH = vocab.source_line("zh")  # the report by its issuer, document and date
SOURCE_EN = vocab.source_line("en")


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


def _squash(text):
    """``text`` without white space: a wrapped line compares with the line it came from."""
    return "".join(text.split())


def _ticklabels(axis):
    return [t.get_text() for t in axis.get_ticklabels()]


# Rank scorecard ---------------------------------------------------------------------------


def _points(fig):
    """(x, y, colour) of every dot drawn, top down."""
    dots = [coll for ax in fig.axes for coll in ax.collections if coll.get_gid() == draw.POINT_GID]
    pairs = [zip(c.get_offsets(), c.get_facecolors(), strict=True) for c in dots]
    found = [(float(x), float(y), to_hex(c)) for pair in pairs for (x, y), c in pair]
    return sorted(found, key=lambda p: -p[1])


def test_rank_scorecard_places_each_rank_on_its_row_in_its_thirds_colour(charts):
    # Rows top to bottom: GDP level 5, industry growth 12, retail level 6, retail growth 9, tax 1.
    assert [(x, c) for x, _, c in _points(charts["rank", "zh"])] == [
        (5.0, THIRD_COLOURS["middle"].lower()),
        (12.0, THIRD_COLOURS["bottom"].lower()),
        (6.0, THIRD_COLOURS["middle"].lower()),
        (9.0, THIRD_COLOURS["bottom"].lower()),
        (1.0, THIRD_COLOURS["top"].lower()),
    ]
    assert THIRD_COLOURS["bottom"].lower() != "#e69f00"  # never the target's orange


def test_rank_scorecard_labels_each_point_with_what_was_ranked(charts):
    labels = draw.label_texts(charts["rank", "zh"])
    assert {"地区生产总值（总量） 第5位", "规上工业增加值（增速） 第12位", "税收占比 第1位"} <= set(
        labels
    )
    en = draw.label_texts(charts["rank", "en"])
    assert "Value added of industrial enterprises above designated size (growth) No. 12" in en


def test_rank_scorecard_draws_the_frame_size_and_the_thirds(charts):
    (panel,) = scorecard.scorecard_spec(F.rankings()).panels
    assert panel.axis_title == "全市排名（位；共13个单位参与排名，单位数为假设）"
    assert [(b.low, b.high, b.label) for b in panel.bands] == [
        (0.5, 4.5, "前三分之一（第1-4位）"), (4.5, 8.5, "中间三分之一（第5-8位）"),
        (8.5, 13.5, "后三分之一（第9-13位）"),
    ]  # fmt: skip
    assert charts["rank", "zh"].axes[0].get_xlabel() == panel.axis_title
    assert text_by_gid(charts["rank", "zh"], NOTE_GID)[0] == "假设排名单位数：13"
    assert _ticklabels(charts["rank", "zh"].axes[0].xaxis) == [str(i) for i in range(1, 14)]


def test_rank_scorecard_follows_another_assumed_frame(close):
    fig = plot_rank_scorecard(F.rankings(), frame_size=15, lang="zh")
    close(fig)
    assert text_by_gid(fig, NOTE_GID)[0] == "假设排名单位数：15"
    assert _ticklabels(fig.axes[0].xaxis)[-1] == "15"
    # Rank 5 of 15 is in the top third (5 ≤ 15/3).
    x, _, colour = _points(fig)[0]
    assert (x, colour) == (5.0, THIRD_COLOURS["top"].lower())


def test_rank_scorecard_lists_standings_without_a_position_and_notes_the_project_rank(charts):
    texts = all_text(charts["rank", "zh"])
    assert any(t.endswith("第一方阵（无具体名次）") for t in texts)
    assert any(
        "国债资金" in t and "第3名" in t for t in text_by_gid(charts["rank", "zh"], NOTE_GID)
    )
    assert "前三分之一（第1-4位）" in texts and "后三分之一（第9-13位）" in texts


# Growth gap -------------------------------------------------------------------------------


def _bars(fig, series):
    return [p for ax in fig.axes for p in ax.patches if p.get_gid() == f"{draw.BAR_GID}-{series}"]


def test_growth_gap_draws_targets_and_the_2023_growth_that_exists(charts):
    fig = charts["gap", "zh"]
    assert [b.get_height() for b in _bars(fig, 1)] == [6.0, 8.0, 9.0, 8.0, 9.0]
    assert [b.get_height() for b in _bars(fig, 0)] == [0.2, 2.0, 4.9]


def test_growth_gap_labels_gaps_in_percentage_points(charts):
    assert [t for t in draw.label_texts(charts["gap", "zh"]) if "个百分点" in t] == [
        "8%\n+7.8个百分点", "8%\n+6.0个百分点", "9%\n+4.1个百分点",
    ]  # fmt: skip
    assert [t for t in draw.label_texts(charts["gap", "en"]) if " pp" in t] == [
        "8%\n+7.8 pp", "8%\n+6.0 pp", "9%\n+4.1 pp",
    ]  # fmt: skip


def test_growth_gap_marks_years_without_a_2023_figure(charts):
    assert text_by_gid(charts["gap", "zh"], NOT_STATED_GID) == ["2023年未公布"] * 2
    assert text_by_gid(charts["gap", "en"], NOT_STATED_GID) == ["2023:\nnot stated"] * 2 or (
        [t.replace("\n", " ") for t in text_by_gid(charts["gap", "en"], NOT_STATED_GID)]
        == ["2023: not stated"] * 2
    )
    notes = text_by_gid(charts["gap", "zh"], NOTE_GID)
    assert "报告未给出地区生产总值、固定资产投资的2023年增速，故无差值。" in notes


def test_growth_gap_shows_the_price_basis_and_the_floor(charts):
    (panel,) = growth.growth_gap_spec(F.targets()).panels
    assert panel.categories == (
        "地区生产总值（可比价）", "规上工业增加值（可比价）", "固定资产投资（现价）",
        "一般公共预算收入（现价）", "社会消费品零售总额（现价）",
    )  # fmt: skip
    assert charts["gap", "zh"].axes[0].get_ylabel() == "增速（%）"
    assert "6%以上" in draw.label_texts(charts["gap", "zh"])
    assert "≥6%" in draw.label_texts(charts["gap", "en"])
    assert "0.2%" in draw.label_texts(charts["gap", "zh"])  # 2023 growth as the report prints it


# Projected levels -------------------------------------------------------------------------


def test_projected_levels_put_the_target_level_beside_the_2023_base(charts):
    panels = charts["proj", "zh"].axes
    heights = [[round(b.get_height(), 4) for b in ax.patches] for ax in panels]
    assert heights == [[232.1, 246.0], [10.74, 11.6], [78.8, 85.9]]  # as labelled


def test_projected_levels_mark_the_floor_and_the_price_assumption(charts):
    fig = charts["proj", "zh"]
    assert "≥246.0\n+13.9" in draw.label_texts(fig)
    assert _ticklabels(fig.axes[0].xaxis) == ["2023年", "2024年\n（按2023年\n价格）"] or (
        _ticklabels(fig.axes[0].xaxis)[1].replace("\n", "") == "2024年（按2023年价格）"
    )
    assert [ax.get_ylabel() for ax in fig.axes] == ["亿元"] * 3
    notes = text_by_gid(fig, NOTE_GID)
    assert "平减指数" in notes[0] and "按2023年价格推算" in notes[0]
    assert notes[1].startswith("标“≥”的总量")  # no arrow is drawn, none is described


def test_projected_levels_with_a_stated_deflator_are_at_current_prices(close):
    spec = projection.projection_spec(F.indicators(), F.targets(), deflator_pct=2.0, lang="en")
    _, projected = spec.panels[0].series[0].values
    assert projected == round(232.1 * 1.06 * 1.02 / 10, 2)  # RMB bn, as labelled
    assert spec.panels[0].categories[1] == "2024\n(current prices)"
    assert "assuming the deflator rises 2%" in spec.note_lines[0]


# Task targets -----------------------------------------------------------------------------


def test_task_targets_bars_are_target_over_outcome(charts):
    # R&D coverage (a rate, 80% against 70%) is never a ratio: not on this chart.
    assert [b.get_height() for b in _bars(charts["task", "zh"], 0)] == [114, 88, 46]  # as labelled
    assert any(line.get_gid() == draw.REFERENCE_GID for line in charts["task", "zh"].axes[0].lines)


def test_task_targets_label_both_numbers_with_units(charts):
    (panel,) = tasks.task_spec(F.targets()).panels
    assert panel.categories[-1] == "重点项目（力争）\n≥200个／431个"
    (en,) = tasks.task_spec(F.targets(), lang="en").panels
    assert "Grain output (ensure)\n≥15,000 t / 17,050 t" in en.categories or any(
        "≥15,000 t / 17,050 t" in c for c in en.categories
    )
    assert any("≥RMB 8.0 bn / RMB 7.0 bn" in c for c in en.categories)
    assert charts["task", "en"].axes[0].get_ylabel() == "Target as % of the 2023 outcome"


# Muye in the city -------------------------------------------------------------------------


def test_city_chart_plots_shares_and_both_growth_rates(charts):
    share_ax, growth_ax = charts["city", "zh"].axes
    assert [b.get_width() for b in share_ax.patches] == [6.9, 7.0, 4.4]  # as labelled
    growth_bars = [p for p in growth_ax.patches if (p.get_gid() or "").startswith(draw.BAR_GID)]
    muye = sorted(b.get_width() for b in growth_bars if b.get_gid().endswith("-0"))
    city = sorted(b.get_width() for b in growth_bars if b.get_gid().endswith("-1"))
    assert (muye, city) == ([0.2, 2.0, 4.9], [1.0, 1.5, 4.9, 6.4])


def test_city_chart_marks_unpublished_figures_and_cites_the_city_source(charts):
    fig = charts["city", "zh"]
    assert text_by_gid(fig, NOT_STATED_GID) == ["总量未公布", "2023年未公布"]
    source = _squash(text_by_gid(fig, SOURCE_GID)[0])
    assert source.startswith(_squash(SOURCE_ZH))
    assert F.CITY_URL not in source  # the URL stays in the data; the issuer is cited
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
    assert _squash(text_by_gid(fig, SOURCE_GID)[0]).endswith("示例数据（合成），非真实统计")
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
        assert _squash(text_by_gid(fig, SOURCE_GID)[0]).startswith(_squash(source))


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
    assert "Source:" in footer or "资料来源" in footer
    assert not other.has_data()  # the neighbouring axes is left alone
    # Drawn again outside the house style (a notebook's display, a save): every text keeps a
    # font that has its glyphs, although the caller made the axes before the style applied.
    fig.savefig(io.BytesIO(), format="png", dpi=60)  # a new dpi: no cached text metrics


def test_charts_refuse_an_unknown_language():
    with pytest.raises(ValueError, match="'zh' or 'en'"):
        plot_growth_gap(F.targets(), lang="fr")
