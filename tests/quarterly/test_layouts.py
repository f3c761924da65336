"""The layout plugins (``quarterly.layout``): each sheet is read by the first layout that
recognises it, and every layout finishes its rows the same way (``records.finish_row``).

Every table here is SYNTHETIC (made up for the tests, labelled so in its title or source).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from muye_analysis.errors import DataError
from muye_analysis.quarterly import RegistryIndex, Sheet, default_registry
from muye_analysis.quarterly.parse import LAYOUTS, parse_sheet

PATH = Path("synthetic_layouts.csv")
TIDY = [
    ["指标", "时期", "累计值", "单位", "上年同期", "来源"],
    ["社会消费品零售总额", "2024年1-6月", "84", "亿元", "80", "synthetic"],
]
BUREAU = [
    ["2024年1-6月主要经济指标（synthetic）"],
    ["指标", "1-6月累计值(亿元)", "上年同期(亿元)"],
    ["社会消费品零售总额", "84", "80"],
]
CITY = [
    ["2024年1-6月各县（市、区）主要经济指标（synthetic）"],
    ["地区", "社会消费品零售总额", "", ""],
    ["", "绝对值(亿元)", "增长(%)", "位次"],
    ["红旗区", "120", "5.1", "1"],
    ["卫滨区", "80", "4.2", "3"],
    ["牧野区", "90", "4.8", "2"],
]


@pytest.fixture(scope="module")
def registry() -> RegistryIndex:
    return RegistryIndex.from_frame(default_registry())


def _first_layout(rows: list[list]) -> str:
    sheet = Sheet(PATH, "", rows)
    return next(layout.name for layout in LAYOUTS if layout.recognises(sheet))


def test_each_sheet_is_read_by_the_first_layout_that_recognises_it():
    assert [layout.name for layout in LAYOUTS] == ["city table", "tidy", "bureau"]
    assert _first_layout(TIDY) == "tidy"
    assert _first_layout(BUREAU) == "bureau"
    assert _first_layout(CITY) == "city table"  # a city table has an indicator header too


def test_growth_from_the_prior_year_is_derived_once_the_same_in_tidy_and_bureau(registry):
    derived = []
    for rows in (TIDY, BUREAU):
        records, _skipped, _unregistered = parse_sheet(Sheet(PATH, "", rows), "x", registry, None)
        growth = [r for r in records if r["measure"] == "growth"]
        assert len(growth) == 1 and growth[0]["derived"].startswith("(累计值 84 ÷ 上年同期 80")
        derived.append((growth[0]["value"], growth[0]["end_month"], growth[0]["price_basis"]))
    assert derived[0] == derived[1] == ((84 / 80 - 1) * 100, 6, "nominal")


def test_a_city_table_row_keeps_its_unit_and_ranks(registry):
    records, _skipped, _unregistered = parse_sheet(Sheet(PATH, "", CITY), "x", registry, None)
    muye = {r["measure"]: r["value"] for r in records if r["area"] == "牧野区"}
    assert muye == {"level": 90.0, "growth": 4.8, "rank": 2.0}
    assert {r["_parent"] for r in records} == {None}


def test_a_sheet_no_layout_recognises_is_refused_naming_the_cell(registry):
    rows = [["no header here"], ["1", "2"]]
    with pytest.raises(DataError) as caught:
        parse_sheet(Sheet(PATH, "", rows), "x", registry, None)
    message = str(caught.value)
    assert "synthetic_layouts.csv" in message and "no header row" in message
    assert caught.value.row == 1 and caught.value.column == "A"
