"""Year-to-date slides: only from real data in the processed store, never from synthetic rows.

The store here is written from SYNTHETIC values (made up for the test, labelled so). The
briefing must ignore them unless ``allow_synthetic=True``, which tests and demonstrations use,
and then stamp every slide that shows them.
"""

from __future__ import annotations

import re

import matplotlib.pyplot as plt
import pytest
from briefing_helpers import all_text, charts, pictures, shape_named, slide_title
from pptx import Presentation

from muye_analysis.briefing import build_briefing
from muye_analysis.briefing.catalogue import ReportData
from muye_analysis.briefing.ytd import backtest_coverage, ytd_part
from muye_analysis.chart_spec import STATUS_COLOURS
from muye_analysis.charts.fan import coverage_text
from muye_analysis.quarterly import ingest_quarterly, read_store, ytd_series

pytestmark = pytest.mark.slow  # builds year-to-date decks from a store

# Synthetic GDP: cumulative growth every quarter from 2021 to 2024Q3 (15 quarters, enough for a
# forecast), 2023 cumulative levels 50, 105, 160, 220 (the worked example of test_targets.py);
# synthetic retail sales: 1-9月 2024 growth only (too short for a forecast, no levels: equal
# quarters).
GROWTH = {
    2021: (5.0, 5.2, 5.1, 5.0),
    2022: (4.0, 4.3, 4.5, 4.4),
    2023: (4.8, 5.0, 5.1, 5.2),
    2024: (5.3, 5.1, 5.0),
}
LEVELS_2023 = (50, 105, 160, 220)
SOURCE = "synthetic test data"


def _store_csv() -> str:
    lines = ["indicator,year,period,level,unit,growth_pct,source"]
    for year, values in GROWTH.items():
        for quarter, growth in enumerate(values, start=1):
            level = LEVELS_2023[quarter - 1] if year == 2023 else ""
            unit = "亿元" if level else ""
            lines.append(f"gdp,{year},1-{3 * quarter}月,{level},{unit},{growth},{SOURCE}")
    lines.append(f"社零,2024,前三季度,,,5.0,{SOURCE}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def store_env(tmp_path_factory):
    """A processed store of synthetic rows, in a temporary folder for the whole module."""
    root = tmp_path_factory.mktemp("ytd")
    raw = root / "synthetic_ytd.csv"
    raw.write_text(_store_csv(), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MUYE_PROCESSED_DIR", str(root / "processed"))
        mp.setenv("MUYE_FIGURES_DIR", str(root / "figures"))
        ingest_quarterly(raw)
        yield root


@pytest.fixture(scope="module")
def guarded(store_env):
    """The default: synthetic rows are ignored (English and no report chart: quick)."""
    return build_briefing("en", build_dir=store_env / "guarded", charts=[])


@pytest.fixture(scope="module")
def stamped(store_env):
    """allow_synthetic=True: the year-to-date slides appear, stamped as synthetic."""
    result = build_briefing(
        "zh", build_dir=store_env / "stamped", charts=["growth_gap"], allow_synthetic=True
    )
    assert not plt.get_fignums(), "the briefing left figures open"
    return result, Presentation(str(result.pptx))


def test_bundled_data_alone_gives_no_year_to_date_slides(tmp_path, monkeypatch):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "empty"))
    data = ReportData.load()
    part = ytd_part("zh", tmp_path, targets=data.targets, registry=data.registry)
    assert (part.period, part.slides, part.notes) == (None, (), ())


def test_synthetic_rows_never_reach_a_real_briefing(guarded, store_env):
    titles = [slide_title(s) for s in Presentation(str(guarded.pptx)).slides]
    assert titles[:4] == [  # the report's year speaks: synthetic rows never do
        "Muye District: economic briefing",
        "Overall: all 3 comparable 2024 growth targets exceed 2023 growth",
        "All 3 comparable 2024 growth targets exceed 2023 growth",
        "Internal consistency of the plan: 2 points to check across different measures",
    ]
    assert titles[4].startswith("Strengths, weaknesses and risks: ")
    assert titles[5].startswith("To watch next: ") and "Jan-Sep" not in titles[5]
    n_rows = len(read_store(store_env / "processed"))
    note = (
        f"Ignored {n_rows} rows of synthetic (example) data in the store: the briefing uses "
        "real statistics only."
    )
    assert guarded.notes == [note]
    page = guarded.html.read_text(encoding="utf-8")
    assert note in page  # shown at the end of the report
    assert "data:image/png" not in page
    assert "No 2024 monthly or quarterly statistics included yet" in all_text(
        Presentation(str(guarded.pptx)).slides[0]
    )


def test_year_to_date_slides_follow_the_table(stamped):
    result, prs = stamped
    titles = [slide_title(s) for s in prs.slides]
    # Every title states its message, the latest data first; synthetic data say so.
    assert titles[:8] == [
        "牧野区经济运行简报",
        "总体判断：2024年1-9月，正常0项、预警0项、滞后2项（示例数据）",
        "2024年3项可比增长目标均高于2023年增速",
        "2024年1-9月：2项主要指标其余月份需加快增长（示例数据）",
        "2024年1-9月：正常0项、预警0项、滞后2项、暂无数据21项（示例数据）",
        # no backtest behind the forecast: no judgement on the target (the takeaway says why)
        "地区生产总值全年预计增长5.1%（示例数据）",
        "规上工业增加值增速目标比2023年增速高7.8个百分点",
        "计划目标的内在一致性：2处口径不同值得核实",
    ]
    assert titles[8].startswith("亮点、短板与风险（2024年1-9月）") and titles[8].endswith(
        "（示例数据）"
    )
    assert (
        titles[9]
        == "下一步需关注（2024年1-9月）：2项目标进度、2个口径问题、2项数据缺口（示例数据）"
    )
    assert result.slide_titles == [slide_title(s) for s in prs.slides]


def test_required_growth_sentences_use_last_years_weights_or_say_they_assume(stamped):
    _, prs = stamped
    text = all_text(prs.slides[3])
    # GDP: w = 160/220, (6 - w x 5.0) / (1 - w) = 8.67; retail: no levels, equal quarters,
    # 4 x 9 - 3 x 5.0 = 21.
    assert "地区生产总值前三季度增长5.0%，四季度需增长8.7%方能完成全年6%以上的预期目标" in text
    assert "社会消费品零售总额前三季度增长5.0%，四季度需增长21.0%方能完成全年9%的预期目标" in text
    assert "地区生产总值：w按上年累计值计算" in text
    assert "社会消费品零售总额：无上年同期数和上年分季数据，假设各季度基数相等" in text
    assert "示例数据（合成），非真实统计" in text  # stamped in the notes and the source line
    assert "synthetic test data" in shape_named(prs.slides[3], "Source").text_frame.text


def test_progress_slide_counts_the_targets_by_status(stamped):
    _, prs = stamped
    slide = prs.slides[4]
    assert pictures(slide) == []  # native bars, their data embedded
    (frame,) = charts(slide)  # growth targets only: the store has no level target's figure
    # Horizontal bars are stored bottom up (first category and series drawn on top).
    needed, so_far = frame.chart.plots[0].series
    categories = list(frame.chart.plots[0].categories)
    assert categories == ["社会消费品零售总额，目标9%（滞后）", "地区生产总值，目标6%以上（滞后）"]
    assert (list(so_far.values), list(needed.values)) == ([5.0, 5.0], [21.0, 8.7])
    # values as data labels, each bar in its status colour (滞后: vermilion; never target orange)
    labels = ["".join(t.text for t in d.xpath(".//a:t"))
              for d in so_far._element.xpath("./c:dLbls/c:dLbl")]  # fmt: skip
    # GDP's label carries its momentum: the third quarter alone, derived from 1-6月 and 1-9月
    assert labels == ["5.0%", "5.0%；三季度当期4.8%，放缓"]
    fills = so_far._element.xpath("./c:dPt/c:spPr/a:solidFill/a:srgbClr/@val")
    assert fills == [STATUS_COLOURS["off_track"]] * 2
    # GDP 5.0% after 1-9月 needs 8.67% (3.7 points faster); retail 5.0% needs 21%: both behind.
    assert shape_named(slide, "Takeaway").text_frame.text == (
        "23项年度目标中正常0项、预警0项、滞后2项、暂无数据21项；滞后：地区生产总值、社会消费品零售总额"
    )
    # how many targets await data, and the stamp, with the chart on the slide
    caption = frame.chart.chart_title.text_frame.text
    assert "另有21项暂无本年数据" in caption and "示例数据（合成），非真实统计" in caption
    assert "synthetic test data" in shape_named(slide, "Source").text_frame.text


def test_forecast_fan_slide_with_its_takeaway(stamped):
    _, prs = stamped
    slide = prs.slides[5]
    assert pictures(slide) == []  # native charts, their data embedded
    fan, side = charts(slide)
    names = [s.name for s in fan.chart.plots[0].series]
    assert names == ["已公布", "预测", "80%区间（下限）", "80%区间（上限）", "全年目标 6%以上"]
    # the backtest behind the intervals is on the slide itself, as the fan's panel title
    assert fan.chart.chart_title.text_frame.text == "历史数据不足，尚无回测"
    # beside the fan: the forecast, the anchored forecast (Henan's bundled real series plus the
    # district's usual gap) and three scenarios, each with its assumption and annual figure
    categories = list(side.chart.plots[0].categories)
    assert categories[-1] == "预测（4种方法加权）"  # bars read top down: the deck reverses them
    assert categories[-2] == "锚定：河南省预测+常年差距"
    assert categories[:3] == [
        "情景：余下月份按目标所需（8.7%）", "情景：余下月份同上年同期（5.5%）",
        "情景：余下月份同2024年7-9月（4.8%）",
    ]  # fmt: skip
    values = list(side.chart.plots[0].series[0].values)
    assert values[0] == 6.0  # the target's pace lands on the target
    # GDP 1-9月 5.0% with 73% of the year known: Q3 alone grew 4.8% and last year's Q4 5.5%,
    # so the scenarios end the year at 5.0% and 5.1%
    assert values[1:3] == pytest.approx([5.13, 4.95], abs=0.01)
    takeaway = shape_named(slide, "Takeaway").text_frame.text
    # No backtest origin (every one has under 12 quarters behind it): the forecast and its
    # interval, but no judgement on the target and no probability anywhere.
    assert takeaway == (
        "2024年全年预计增长5.1%（80%区间5.0%至5.2%）；回测不足12次，不判断能否达到目标"
    )
    notes = slide.notes_slide.notes_text_frame.text
    assert "概率" in notes and "%" not in notes.split("概率")[0][-6:]  # no number given
    assert "历史数据不足，尚无回测，不给出达到目标的概率" in notes
    assert "阴影" not in notes  # the native chart has no shading: the notes do not claim it
    assert "左图" in notes and "锚定预测" in notes
    source = shape_named(slide, "Source").text_frame.text
    assert source.endswith("synthetic test data；示例数据（合成），非真实统计")


def test_the_fan_reports_backtest_coverage_or_that_there_is_none(store_env):
    series = ytd_series("gdp", read_store(store_env / "processed"))
    # Every origin with a later 全年 (2022-12 … 2023-09) has under 12 quarters behind it, so
    # the default method refuses them all: no coverage to report, and the fan says so.
    coverage = backtest_coverage(series)
    assert coverage["n"] == 0
    assert coverage_text(coverage, "zh") == "；历史数据不足，尚无回测"
    shown = {"n": 18, "coverage_80": 16 / 18, "coverage_95": 17 / 18}
    assert coverage_text(shown, "zh") == "；回测18次，实际值落入80%区间89%、95%区间94%"


def test_an_indicator_with_too_little_history_gets_a_note_not_a_fan(stamped):
    result, _ = stamped
    assert result.notes == ["社会消费品零售总额：历史数据不足12个季度，未作预测。"]


def test_title_slide_gives_the_year_to_date_period_and_stamp(stamped):
    _, prs = stamped
    text = all_text(prs.slides[0])
    assert "2023年计划执行情况与2024年计划，2024年1-9月进度" in text
    vintage = "年初至今数据：截至2024年1-9月（synthetic test data）；示例数据（合成），非真实统计"
    assert vintage in text


def test_html_report_carries_the_year_to_date_slides(stamped):
    result, _ = stamped
    page = result.html.read_text(encoding="utf-8")
    # progress, the fan and the growth-gap chart; phone drawings of the two drawn from specs
    assert page.count('<img src="data:image/png') == 3
    assert page.count('srcset="data:image/png') == 2
    assert "四季度需增长8.7%方能完成全年6%以上的预期目标" in page
    assert re.search(r'<section id="forecast_fan_gdp" class="chartslide">', page)


def test_real_rows_give_unstamped_slides(store_env, tmp_path):
    """The same numbers labelled as a bureau's (in memory, for this test only): no stamp."""
    store = read_store(store_env / "processed")
    store["source"] = "区统计局月报"
    store["file"] = "2024年1-9月.xlsx"
    data = ReportData.load()
    part = ytd_part("en", tmp_path, targets=data.targets, registry=data.registry, store=store)
    plt.close("all")
    assert not part.synthetic and part.sources == "区统计局月报"
    titles = [s.title for s in part.slides]
    assert titles == [
        "Jan-Sep 2024: 2 headline indicators must grow faster for the rest of the year",
        "Jan-Sep 2024: 0 on track, 0 at risk, 2 off track, 21 no data",
        "GDP: 5.1% expected for the year",  # no backtest: no judgement on the target
    ]
    assert part.slides[0].lines[0] == (
        "GDP: growth of 5.0% in the first three quarters; "
        "Q4 needs 8.7% to meet the indicative full-year target of at least 6%; the third "
        "quarter alone grew 4.8% (derived), 0.3 points slower than the first half: slowing."
    )
    assert "Synthetic" not in part.slides[0].source


def test_a_store_without_target_year_figures_gives_a_note(store_env, tmp_path):
    store = read_store(store_env / "processed")
    store["source"] = "区统计局月报"
    store["file"] = "月报.xlsx"
    store["year"] = store["year"] - 3  # 2018-2021: no 2024 figures, so no target applies
    data = ReportData.load()
    part = ytd_part("zh", tmp_path, targets=data.targets, registry=data.registry, store=store)
    assert part.slides == ()
    assert part.notes == ("处理库中没有2024年主要指标的累计增速，未生成年初至今页。",)


def test_a_rate_gets_its_sentence_but_no_forecast_fan(tmp_path):
    """Synthetic unemployment rate beside GDP growth: one sentence each, no fan (or note) for
    the rate, which is a level in percent, not a growth."""
    from muye_analysis.quarterly import read_quarterly

    path = tmp_path / "synthetic_rate.csv"
    path.write_text(
        "indicator,year,period,level,unit,growth_pct,source\n"
        "城镇调查失业率,2024,1-9月,4.8,%,,区统计局月报\n",
        "utf-8",
    )
    store = read_quarterly(path)
    store["file"] = "月报.xlsx"
    data = ReportData.load()
    part = ytd_part("zh", tmp_path, targets=data.targets, registry=data.registry, store=store)
    plt.close("all")
    assert part.slides[0].lines == (
        "城镇调查失业率前三季度为4.8%，控制在全年5.5%左右的预期目标以内",
    )
    assert not any(s.name.startswith("forecast_fan") for s in part.slides)
    assert part.notes == ()


def test_the_deck_fan_names_year_to_date_spans_and_keeps_the_target_to_its_year():
    import pandas as pd

    from muye_analysis.briefing.native import fan_native

    history = pd.DataFrame({"period": ["2023Q4", "2024Q1", "2024Q2"], "value": [5.1, 4.7, 4.9]})
    forecast = pd.DataFrame({"period": ["2024Q3", "2024Q4"], "mean": [5.0, 5.0],
                             "lower_80": [4.9, 4.8], "upper_80": [5.1, 5.2],
                             "lower_95": [4.8, 4.7], "upper_95": [5.2, 5.3]})  # fmt: skip
    (chart,) = fan_native(history, forecast, "zh", target=6.0)
    # 2024Q2 is 1-6月 累计 (Period.code), not the second quarter alone: the axis says so
    assert chart.categories == ("1-12月\n2023", "1-3月\n2024", "1-6月\n2024", "1-9月\n2024",
                                "1-12月\n2024")  # fmt: skip
    target = chart.series[-1].values  # noqa: PD011 (a NativeChart series, not pandas)
    assert target == (None, 6.0, 6.0, 6.0, 6.0)  # the plan year's target, not 2023's
    (english,) = fan_native(history, forecast, "en", target=6.0)
    assert english.categories[2] == "Jan-Jun\n2024"
