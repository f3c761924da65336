"""Every unit of the city ranked, every period: ``league.city_ranks`` against hand computations.

The city tables are SYNTHETIC (tests/data/city/): three periods of made-up figures, 2024年1-3月,
1-5月 and 1-6月. Every expected value below was worked out by hand from the tables (sorted by
eye, differences taken on the published figures), not by running the code.
"""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis import league
from muye_analysis.periods import Period


@pytest.fixture(scope="module")
def store(city_store):
    return city_store


@pytest.fixture(scope="module")
def latest(store):
    return league.city_ranks(store=store)


def _row(ranks, area, indicator, measure):
    rows = ranks[(ranks["area"] == area) & (ranks["indicator"] == indicator)
                 & (ranks["measure"] == measure)]  # fmt: skip
    assert len(rows) == 1
    return rows.iloc[0]


# Muye at 2024年1-6月, by hand. Columns: rank, tied, frame, published, previous period, change,
# gap to the city (points; for levels the share of the city, %), unit above, gap to it.
MUYE_H1 = {
    ("gdp", "level"): (6, False, 13, None, "2024年1-3月", 0, 115.0 / 1579.0 * 100, "卫滨区", 9.0),
    ("gdp", "growth"): (6, True, 13, 6, "2024年1-3月", 2, 0.4, "获嘉县", 0.4),
    ("industrial_value_added", "growth"): (13, False, 14, 13, "2024年1-5月", -1, -2.5, "卫滨区",
                                           1.0),
    ("fixed_asset_investment", "growth"): (14, False, 14, 14, "2024年1-5月", -1, -7.3, "长垣市",
                                           4.6),
    ("budget_revenue", "level"): (10, False, 13, None, "2024年1-5月", 0, 6.1 / 121.0 * 100,
                                  "卫辉市", 0.1),
    ("budget_revenue", "growth"): (8, False, 13, 8, "2024年1-5月", 0, -0.6, "红旗区", 0.3),
    ("retail_sales", "level"): (5, False, 13, None, "2024年1-5月", 0, 42.0 / 472.8 * 100, "辉县市",
                                4.0),
    ("retail_sales", "growth"): (7, True, 13, 7, "2024年1-5月", 1, -0.1, "辉县市", 0.1),
}  # fmt: skip


@pytest.mark.parametrize(("key", "expected"), MUYE_H1.items(), ids=lambda k: str(k))
def test_muye_ranks_changes_and_gaps_match_the_hand_computation(latest, key, expected):
    rank, tied, frame, published, previous, change, gap_city, above, gap_above = expected
    row = _row(latest, "牧野区", *key)
    assert row["period"] == "2024年1-6月"
    assert (row["rank"], bool(row["tied"]), row["frame_size"]) == (rank, tied, frame)
    assert (None if pd.isna(row["published_rank"]) else row["published_rank"]) == published
    assert (row["previous_period"], row["rank_change"]) == (previous, change)
    assert row["gap_to_city"] == pytest.approx(gap_city, abs=1e-9)
    assert (row["area_above"], row["gap_to_above"]) == (above, pytest.approx(gap_above))
    assert row["gap_to_city_kind"] == ("points" if key[1] == "growth" else "share_pct")


def test_district_ranks_is_muyes_table_in_the_headline_order(latest):
    table = league.district_ranks(latest)
    assert list(zip(table["indicator"], table["measure"], strict=True)) == [
        ("gdp", "level"), ("gdp", "growth"), ("industrial_value_added", "growth"),
        ("fixed_asset_investment", "growth"), ("budget_revenue", "level"),
        ("budget_revenue", "growth"), ("retail_sales", "level"), ("retail_sales", "growth"),
    ]  # fmt: skip
    assert table.attrs["as_of"] == Period(2024, 6)


def test_ties_are_competition_ranked_as_published(latest):
    gdp = latest[(latest["indicator"] == "gdp") & (latest["measure"] == "growth")]
    by_area = dict(zip(gdp["area"], gdp["rank"], strict=True))
    # 获嘉县 5.6 (5), 凤泉区 and 牧野区 5.2 (并列第6位), 辉县市 5.0 (8: the 7th place is skipped)
    assert [by_area[a] for a in ("获嘉县", "凤泉区", "牧野区", "辉县市")] == [5, 6, 6, 8]
    industry = latest[latest["indicator"] == "industrial_value_added"]
    top = industry[industry["rank"] == 1]
    assert set(top["area"]) == {"高新区", "平原示范区"} and top["tied"].all()  # 10.5 and 10.5
    assert set(industry.loc[industry["area"] == "原阳县", "rank"]) == {3}


def test_a_published_rank_the_figures_do_not_give_is_flagged(latest):
    flagged = latest[latest["rank_disagrees"].fillna(False)]
    got = zip(flagged["area"], flagged["indicator"], flagged["rank"], flagged["published_rank"],
              strict=True)  # fmt: skip
    assert list(got) == [("延津县", "gdp", 12, 11)]


def test_frame_is_the_citys_13_units_with_a_zone_listed_apart_added(latest, store):
    sizes = latest.groupby(["indicator", "measure"], observed=True)["frame_size"].first()
    assert sizes.to_dict() == {
        ("budget_revenue", "level"): 13, ("budget_revenue", "growth"): 13,
        ("fixed_asset_investment", "growth"): 14, ("gdp", "level"): 13, ("gdp", "growth"): 13,
        ("industrial_value_added", "growth"): 14, ("retail_sales", "level"): 13,
        ("retail_sales", "growth"): 13,
    }  # fmt: skip
    assert "新乡市" not in set(latest["area"])  # 全市 never ranked
    assert latest["frame_complete"].all()
    q1 = league.city_ranks("2024年1-3月", store=store)
    assert not q1["area"].isin(["高新区", "经开区"]).any()  # 其中 rows sit inside their districts
    assert set(q1["frame_size"]) == {13}
    assert _row(latest, "长垣市", "gdp", "level")["status"] == "province_administered"
    assert set(latest.loc[latest["area"] != "长垣市", "status"]) == {""}


def test_a_zone_listed_apart_without_a_rank_is_left_out_when_others_have_one(store):
    no_rank = store[~((store["area"] == "高新区") & (store["measure"] == "rank"))]
    ranks = league.city_ranks(store=no_rank)
    fai = ranks[ranks["indicator"] == "fixed_asset_investment"]
    assert "高新区" not in set(fai["area"]) and set(fai["frame_size"]) == {13}
    assert _row(ranks, "牧野区", "fixed_asset_investment", "growth")["rank"] == 13


def test_rank_change_compares_with_the_last_period_that_ranked_the_indicator(store):
    history = league.rank_history(store=store)
    gdp = history[(history["indicator"] == "gdp") & (history["measure"] == "growth")]
    assert list(zip(gdp["period"], gdp["rank"], gdp["rank_change"].astype("object"),
                    strict=True)) == [("2024年1-3月", 8, pd.NA), ("2024年1-6月", 6, 2)]  # fmt: skip
    retail = history[(history["indicator"] == "retail_sales") & (history["measure"] == "growth")]
    assert list(retail["rank"]) == [9, 8, 7]
    industry = history[history["indicator"] == "industrial_value_added"]
    assert list(industry["frame_changed"].astype("object")) == [pd.NA, False, True]  # 13, 13, 14


def test_as_of_picks_a_period_and_refuses_one_without_a_table(store):
    q1 = league.city_ranks("2024年1-3月", store=store)
    assert _row(q1, "牧野区", "industrial_value_added", "growth")["rank"] == 13
    assert _row(q1, "牧野区", "industrial_value_added", "growth")["gap_to_above"] == 1.2
    assert league.city_ranks("上半年", store=store).attrs["as_of"] == Period(2024, 6)
    gdp_latest = league.city_ranks(indicator="gdp", store=store)
    assert set(gdp_latest["period"]) == {"2024年1-6月"}
    by_name = league.city_ranks(indicator="地区生产总值", store=store)  # a name works too
    assert list(by_name["rank"]) == list(gdp_latest["rank"]) and len(by_name) == 26
    with pytest.raises(ValueError, match="no city table for 2024年1-9月"):
        league.city_ranks("2024年1-9月", store=store)


def _store(rows: list[tuple], indicator: str = "gdp", measure: str = "growth") -> pd.DataFrame:
    return pd.DataFrame(
        [{"area": a, "indicator": indicator, "year": 2024, "start_month": 1, "end_month": 3,
          "period": "2024年1-3月", "measure": measure, "ranked_on": "", "value": v, "unit": "%",
          "price_basis": "real", "sub_item": False, "source": "synthetic", "file": "synthetic.csv"}
         for a, v in rows]
    )  # fmt: skip


def test_growth_is_ranked_on_the_published_figure_to_one_decimal():
    assert league.published_figure(5.25, "growth") == 5.3  # half up, as bureaus print
    ranks = league.city_ranks(store=_store([("红旗区", 5.24), ("卫滨区", 5.16), ("凤泉区", 5.3),
                                            ("牧野区", 4.0)]))  # fmt: skip
    by_area = dict(zip(ranks["area"], ranks["rank"], strict=True))
    assert by_area == {"凤泉区": 1, "红旗区": 2, "卫滨区": 2, "牧野区": 4}  # 5.2 and 5.2 tie
    assert _row(ranks, "牧野区", "gdp", "growth")["gap_to_above"] == 1.2  # 5.2 - 4.0


def test_lower_is_better_ranks_the_lowest_first():
    rows = [("红旗区", 5.5), ("卫滨区", 4.8), ("凤泉区", 5.1), ("牧野区", 4.8)]
    ranks = league.city_ranks(store=_store(rows, "surveyed_unemployment_rate", "level"))
    by_area = dict(zip(ranks["area"], ranks["rank"], strict=True))
    assert by_area == {"卫滨区": 1, "牧野区": 1, "凤泉区": 3, "红旗区": 4}
    assert not ranks["higher_is_better"].any()
    assert _row(ranks, "凤泉区", "surveyed_unemployment_rate", "level")["gap_to_above"] == (
        pytest.approx(0.3)
    )


def test_a_districts_own_table_is_no_city_table():
    assert league.city_ranks(store=_store([("牧野区", 5.0), ("新乡市", 4.6)])).empty
    empty = league.city_ranks(store=_store([]).reindex(columns=_store([("红旗区", 1.0)]).columns))
    assert empty.empty and empty.attrs["as_of"] is None
    assert list(empty.columns) == list(league.CITY_RANK_COLUMNS)


def test_real_published_ranks_are_reproduced():
    """Real data: the tops of the city's 2020 and 2021 tables as 新乡日报 reported them."""
    check = league.real_rank_check()
    given = check[check["published_rank"].notna()]
    assert len(given) == 18 and given["agrees"].all()
    fai = check[(check["year"] == 2021) & (check["indicator"] == "fixed_asset_investment")]
    by_area = dict(zip(fai["region"], fai["rank"], strict=True))
    # 获嘉县 and 原阳县 18% 并列第2位; 高新区 (listed apart) 16.8% is 4th, so 新乡县 and 平原示范区
    # are 并列第5位 as the report says: a frame leaving 高新区 out would make them 4th.
    assert by_area == {"延津县": 1, "获嘉县": 2, "原阳县": 2, "高新区": 4, "新乡县": 5,
                       "平原示范区": 5, "卫滨区": 7, "凤泉区": 7}  # fmt: skip
    assert set(fai["city_value"]) == {12.1}
