"""Area series in the store: an area (地区) column in the tidy layout, per-area series and
checks, and the forecast's anchoring reading a wider area from the store.

Every input is synthetic (written into tmp_path); the numbers are made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from muye_analysis.errors import DataError
from muye_analysis.forecast import anchor
from muye_analysis.quarterly import DEFAULT_AREA, ingest_quarterly, read_store, ytd_series

HEADER = "地区,指标,年份,时期,累计值,单位,累计增长(%),来源\n"


def write(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_an_area_column_is_stored_and_a_blank_area_is_the_district(tmp_path):
    write(tmp_path / "synthetic_areas.csv", [
        "河南省,地区生产总值,2024,1-3月,14830,亿元,4.7,synthetic",
        ",地区生产总值,2024,1-3月,55,亿元,5.1,synthetic",
    ])  # fmt: skip
    result = ingest_quarterly(tmp_path / "synthetic_areas.csv")
    store = read_store()
    growth = store[store["measure"] == "growth"].set_index("area")["value"]
    assert growth.to_dict() == {"河南省": 4.7, DEFAULT_AREA: 5.1}
    assert result.areas == [DEFAULT_AREA, "河南省"]
    assert "地区：牧野区、河南省" in result.summary("zh").splitlines()


def test_ytd_series_filters_by_area_and_defaults_to_the_district(tmp_path):
    write(tmp_path / "synthetic_areas.csv", [
        "河南省,地区生产总值,2024,1-3月,14830,亿元,4.7,synthetic",
        "河南省,地区生产总值,2024,1-6月,31000,亿元,4.9,synthetic",
        "牧野区,地区生产总值,2024,1-6月,115,亿元,5.3,synthetic",
    ])  # fmt: skip
    ingest_quarterly(tmp_path / "synthetic_areas.csv")
    district = ytd_series("gdp")
    assert district["end_month"].tolist() == [6]
    assert district["growth"].tolist() == [5.3]
    province = ytd_series("gdp", area="河南省")
    assert province["growth"].tolist() == [4.7, 4.9]
    assert province["level"].tolist() == [14830.0, 31000.0]
    assert ytd_series("gdp", area="新乡市").empty


def test_flow_levels_of_two_areas_are_checked_separately(tmp_path):
    # Province 100 -> 200, district 30 -> 60: neither falls. Mixed into one series (sorted by
    # month: 100, 30, 200, 60) they would look like falls.
    write(tmp_path / "synthetic_two.csv", [
        "河南省,社会消费品零售总额,2024,1-3月,100,亿元,5.0,synthetic",
        "牧野区,社会消费品零售总额,2024,1-3月,30,亿元,5.0,synthetic",
        "河南省,社会消费品零售总额,2024,1-6月,200,亿元,5.0,synthetic",
        "牧野区,社会消费品零售总额,2024,1-6月,60,亿元,5.0,synthetic",
    ])  # fmt: skip
    result = ingest_quarterly(tmp_path / "synthetic_two.csv")
    assert result.added == 8


def test_a_falling_level_within_one_area_still_names_the_row(tmp_path):
    path = write(tmp_path / "synthetic_fall.csv", [
        "河南省,社会消费品零售总额,2024,1-3月,100,亿元,5.0,synthetic",
        "牧野区,社会消费品零售总额,2024,1-3月,30,亿元,5.0,synthetic",
        "河南省,社会消费品零售总额,2024,1-6月,90,亿元,5.0,synthetic",
    ])  # fmt: skip
    with pytest.raises(DataError, match=r"falls from 100 .* to 90") as err:
        ingest_quarterly(path)
    assert err.value.row == 4
    assert read_store().empty


def test_a_number_in_the_area_column_is_a_located_error(tmp_path):
    path = write(tmp_path / "synthetic_bad.csv", [
        "4.7,地区生产总值,2024,1-3月,14830,亿元,4.7,synthetic",
    ])  # fmt: skip
    with pytest.raises(DataError, match="not an area name") as err:
        ingest_quarterly(path)
    assert (err.value.row, err.value.column) == (2, "地区")


def test_anchoring_reads_the_wider_area_from_the_store(tmp_path):
    # Two full years of both areas: gaps 6.8-6.1 = 0.7 and 5.2-4.9 = 0.3, mean 0.5.
    write(tmp_path / "synthetic_anchor.csv", [
        "新乡市,地区生产总值,2022,1-12月,3300,亿元,6.1,synthetic",
        "新乡市,地区生产总值,2023,1-12月,3350,亿元,4.9,synthetic",
        "牧野区,地区生产总值,2022,1-12月,220,亿元,6.8,synthetic",
        "牧野区,地区生产总值,2023,1-12月,232,亿元,5.2,synthetic",
    ])  # fmt: skip
    ingest_quarterly(tmp_path / "synthetic_anchor.csv")
    store = read_store()
    wider = anchor.wider_series("新乡市", "gdp", store)
    assert wider["growth"].tolist() == [6.1, 4.9]
    gaps = anchor.usual_gap(ytd_series("gdp", store), wider)
    assert gaps["gap"].round(9).tolist() == [0.7, 0.3]
    assert gaps["gap"].mean() == pytest.approx(0.5)


def test_anchoring_falls_back_to_the_raw_real_series_when_the_store_lacks_the_area():
    wider = anchor.wider_series("河南省", "gdp", read_store())  # the store is empty here
    assert "url" in wider.columns  # the raw loader's frame, with the sources
    assert wider.loc[(wider["year"] == 2023) & (wider["end_month"] == 12), "growth"].item() == 4.1


def test_the_bundled_real_series_ingest_as_area_series(tmp_path):
    from muye_analysis.forecast import real_data

    table = real_data.tidy_table()
    path = tmp_path / "real_area_series.csv"
    table.to_csv(path, index=False)
    ingest_quarterly(path)
    store = read_store()
    assert set(store["area"]) == {"河南省", "新乡市", "广东省", "全国"}
    for area, indicator in (("河南省", "gdp"), ("广东省", "gdp"), ("全国", "retail_sales"),
                            ("全国", "budget_revenue")):  # fmt: skip
        stored = ytd_series(indicator, store, area=area).dropna(subset=["growth"])
        raw = real_data.area_ytd(area, indicator).dropna(subset=["growth"])
        assert stored["growth"].astype(float).tolist() == raw["growth"].tolist()
    # 2020-2021 swings (retail 1-2月 -20.5%, then +33.8%) pass the plausibility ranges
    retail = ytd_series("retail_sales", store, area="全国").set_index(["year", "end_month"])
    assert retail.loc[(2020, 2), "growth"] == -20.5 and retail.loc[(2021, 2), "growth"] == 33.8
    henan_2019 = ytd_series("gdp", store, area="河南省").query("year == 2019 and end_month == 12")
    assert henan_2019["level"].item() == 54259.20  # the level travels with its growth
    # anchoring now takes the province from the store (the store's frame has no url column)
    assert "url" not in anchor.wider_series("河南省", "gdp", store).columns
    assert ytd_series("gdp", store).empty  # nothing of the district: the default area is 牧野区


def test_district_gaps_and_progress_ignore_the_province_beside_them(tmp_path):
    from muye_analysis import progress, targets
    from muye_analysis.periods import Period

    write(tmp_path / "synthetic_mixed.csv", [
        ",地区生产总值,2024,1-9月,,,5.0,synthetic",
        "河南省,地区生产总值,2024,1-12月,,,5.1,synthetic",
    ])  # fmt: skip
    ingest_quarterly(tmp_path / "synthetic_mixed.csv")
    store = read_store()
    (gap,) = targets.headline_ytd_gaps(store)
    assert (gap.indicator, gap.period) == ("gdp", Period(2024, 9))  # not the province's 全年
    assert progress.latest_period(store) == Period(2024, 9)
    province_only = store[store["area"] == "河南省"]
    assert targets.headline_ytd_gaps(province_only) == []
    assert progress.latest_period(province_only) is None


BUREAU = (
    "2024年1-9月主要经济指标（SYNTHETIC）,,,,\n"
    "地区,指标,单位,1-9月累计值,增长%\n"
    "河南省,地区生产总值,亿元,47000,4.8\n"
    "新乡市,地区生产总值,亿元,2600,4.4\n"
    ",地区生产总值,亿元,98,5.1\n"
)


def test_a_bureau_table_with_an_area_column_stores_each_area(tmp_path):
    path = tmp_path / "synthetic_bureau_areas.csv"
    path.write_text(BUREAU, encoding="gbk")  # bureau files often come as GBK
    result = ingest_quarterly(path)
    assert result.areas == [DEFAULT_AREA, "新乡市", "河南省"]  # the district first, then sorted
    store = read_store()
    growth = store[store["measure"] == "growth"].set_index("area")["value"].to_dict()
    assert growth == {"河南省": 4.8, "新乡市": 4.4, DEFAULT_AREA: 5.1}
    assert ytd_series("gdp", area="新乡市")["level"].tolist() == [2600.0]
    assert ytd_series("gdp")["growth"].tolist() == [5.1]  # the blank area is the district


def test_a_number_in_a_bureau_area_column_is_a_located_error(tmp_path):
    path = tmp_path / "synthetic_bureau_bad.csv"
    path.write_text(BUREAU.replace("新乡市,", "4.4,"), encoding="utf-8")
    with pytest.raises(DataError, match="not an area name") as err:
        ingest_quarterly(path)
    assert (err.value.row, err.value.column) == (4, "地区")
