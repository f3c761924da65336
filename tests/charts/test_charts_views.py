"""The numbers behind the charts, from hand-built frames of the loaders' shapes."""

from __future__ import annotations

import chart_frames as F
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal, assert_series_equal

from muye_analysis.charts import views


@pytest.mark.parametrize(
    ("rank", "frame_size", "third"),
    [
        (1, 13, "top"),
        (4, 13, "top"),
        (5, 13, "middle"),
        (8, 13, "middle"),
        (9, 13, "bottom"),
        (13, 13, "bottom"),
        (4, 12, "top"),
        (8, 12, "middle"),
        (9, 12, "bottom"),
        (5, 15, "top"),
        (10, 15, "middle"),
        (11, 15, "bottom"),
    ],
)
def test_rank_third_splits_the_frame_into_thirds(rank, frame_size, third):
    assert views.rank_third(rank, frame_size) == third


def test_rank_third_rejects_a_rank_outside_the_frame():
    with pytest.raises(ValueError, match=r"outside 1\.\.13"):
        views.rank_third(14, 13)


def test_rank_view_places_report_ranks_in_thirds_of_thirteen_units():
    view = views.rank_view(F.rankings(), 13)
    ranked = view[view["kind"] == "rank"]
    assert ranked["indicator"].tolist() == [
        "gdp",
        "industrial_value_added",
        "retail_sales",
        "retail_sales",
        "tax_share",
    ]
    assert ranked["rank"].tolist() == [5, 12, 6, 9, 1]
    assert ranked["third"].tolist() == ["middle", "bottom", "middle", "bottom", "top"]


def test_rank_view_keeps_standings_and_sets_aside_ranks_among_projects():
    view = views.rank_view(F.rankings(), 13)
    assert view.set_index("indicator")["kind"].to_dict() == {
        "gdp": "rank",
        "industrial_value_added": "rank",
        "retail_sales": "rank",
        "tax_share": "rank",
        "treasury_bond_funds": "other_frame",  # 第三名 among the batch's projects
        "poverty_alleviation_standing": "standing",
    }
    standing = view[view["kind"] == "standing"].iloc[0]
    assert standing["standing_text"] == "第一方阵"
    assert pd.isna(standing["third"])


def test_rank_view_sets_aside_ranks_outside_the_city():
    rankings = F.rankings()
    rankings.loc[0, "rank_scope"] = "全省"  # a province-wide rank has another frame
    view = views.rank_view(rankings, 13)
    assert view["kind"].tolist()[0] == "other_frame"


def test_rank_view_third_depends_on_the_assumed_frame():
    twelve = views.rank_view(F.rankings(), 12)
    fifteen = views.rank_view(F.rankings(), 15)
    pick = twelve["kind"] == "rank"
    assert twelve.loc[pick, "third"].tolist() == ["middle", "bottom", "middle", "bottom", "top"]
    assert fifteen.loc[pick, "third"].tolist() == ["top", "bottom", "middle", "middle", "top"]


@pytest.mark.parametrize("frame_size", [11, 2, 12.5, True])
def test_rank_view_rejects_a_frame_smaller_than_the_worst_rank_or_not_whole(frame_size):
    with pytest.raises(ValueError, match="frame_size"):
        views.rank_view(F.rankings(), frame_size)


def test_growth_gap_view_gives_gaps_in_points_and_leaves_unstated_growth_missing():
    view = views.growth_gap_view(F.targets())
    expected = pd.DataFrame(
        {
            "indicator": pd.array(list(views.HEADLINE_GROWTH), dtype="string"),
            "actual": pd.array([pd.NA, 0.2, pd.NA, 2.0, 4.9], dtype="Float64"),
            "target": pd.array([6.0, 8.0, 9.0, 8.0, 9.0], dtype="Float64"),
            "gap_pp": pd.array([pd.NA, 7.8, pd.NA, 6.0, 4.1], dtype="Float64"),
            "bound": pd.array(["at_least", "exact", "exact", "exact", "exact"], dtype="string"),
            "price_basis": pd.array(
                ["real", "real", "nominal", "nominal", "nominal"], dtype="string"
            ),
        }
    )
    assert_frame_equal(view[expected.columns], expected, check_exact=False, rtol=1e-12)


def test_growth_gap_view_names_a_missing_headline_indicator():
    targets = F.targets()
    targets = targets[targets["indicator"] != "retail_sales"]
    with pytest.raises(ValueError, match="retail_sales"):
        views.growth_gap_view(targets)


def test_projection_view_multiplies_the_2023_level_by_the_target_growth():
    view = views.projection_view(F.indicators(), F.targets())
    # 规上工业 has no published level and 固投 no 2023 level: they cannot be projected.
    assert view["indicator"].tolist() == ["gdp", "budget_revenue", "retail_sales"]
    expected = pd.Series(
        [232.1 * 1.06, 10.74 * 1.08, 78.8 * 1.09], dtype="Float64", name="projected"
    )
    assert_series_equal(view["projected"], expected, check_exact=False, rtol=1e-12)
    assert [round(v, 4) for v in view["increment"]] == [13.926, 0.8592, 7.092]
    assert view["at_base_prices"].tolist() == [True, False, False]  # GDP growth is real


def test_projection_view_converts_real_growth_with_a_stated_deflator_only():
    view = views.projection_view(F.indicators(), F.targets(), deflator_pct=2.0)
    assert round(float(view["projected"].iloc[0]), 5) == round(232.1 * 1.06 * 1.02, 5)  # 251.04652
    # Nominal targets are already at current prices: the deflator does not touch them.
    assert round(float(view["projected"].iloc[1]), 4) == 11.5992
    assert round(float(view["projected"].iloc[2]), 3) == 85.892
    assert view["at_base_prices"].tolist() == [False, False, False]


def test_task_target_view_expresses_targets_as_percent_of_2023_outcomes():
    view = views.task_target_view(F.targets())
    # Levels and counts only: the R&D coverage rate (80% against 70%) is never a ratio.
    assert view["indicator"].tolist() == [
        "battery_industry_revenue",
        "grain_output",
        "key_projects",
    ]
    assert [round(v, 2) for v in view["ratio_pct"]] == [114.29, 87.98, 46.40]
    assert view["gap_pp"].isna().all()
    assert "gdp" not in view["indicator"].tolist()  # headline growth goes to the gap chart


def test_city_view_divides_muye_levels_by_the_citys_2023_totals():
    view = views.city_view(F.indicators(), F.context(), F.registry())
    assert view["indicator"].tolist() == list(views.CITY_COMPARISON)
    shares = [None if pd.isna(v) else round(v, 3) for v in view["share_pct"]]
    # 232.1/3347.6, 78.8/1130.3, 10.74/241.5; no 规上工业 level is published.
    assert shares == [6.933, 6.972, 4.447, None]
    assert view["city_level"].tolist()[:3] == [3347.6, 1130.3, 241.5]  # 2023, not 2022's 3464


def test_city_view_puts_both_growth_rates_side_by_side():
    view = views.city_view(F.indicators(), F.context(), F.registry())
    muye = [None if pd.isna(v) else v for v in view["muye_growth"]]
    assert muye == [None, 4.9, 2.0, 0.2]  # no 2023 GDP growth in the report
    assert view["city_growth"].tolist() == [1.5, 4.9, 6.4, 1.0]
    assert views.city_sources(view) == [(F.CITY_SOURCE, F.CITY_URL)]


def test_city_view_accepts_the_raw_files_growth_pct_measure():
    context = F.context()
    context["measure"] = context["measure"].replace({"growth_rate": "growth_pct"})
    view = views.city_view(F.indicators(), context, F.registry())
    assert view["city_growth"].tolist() == [1.5, 4.9, 6.4, 1.0]


def test_fan_view_puts_history_and_forecast_on_one_axis():
    history, forecast = F.fan_frames()
    view = views.fan_view(history, forecast)
    assert view["period"].tolist() == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    assert view["x"].tolist() == [0, 1, 2, 3]
    assert view["value"].tolist()[:2] == [4.0, 4.6]
    assert view["value"].iloc[2:].isna().all()
    assert view["upper_95"].tolist()[2:] == [6.2, 7.1]


def test_fan_view_rejects_intervals_that_do_not_nest():
    history, forecast = F.fan_frames()
    forecast.loc[1, "lower_80"] = 5.5  # above the mean 5.4
    with pytest.raises(ValueError, match="2024Q4"):
        views.fan_view(history, forecast)


def test_fan_view_names_a_missing_forecast_column():
    history, forecast = F.fan_frames()
    with pytest.raises(ValueError, match="lower_95"):
        views.fan_view(history, forecast.drop(columns="lower_95"))
