"""Reader, round ten (helper q): the forms the blind_v10 documents printed, each rule tested."""

from __future__ import annotations

from tests.extract.conftest import fact_rows


def _rows(text: str, *columns: str) -> list[tuple]:
    return fact_rows(text, *columns)


# -- a yearbook table of indices on a base of 100 (单位:以上年为100) ---------------------

_INDICES = """表3 各县农业产值指数(2021年)
Indices of Agricultural Output(2021)
单位:以上年为100 (preceding year=100)
县 County
农业
总产值
            种植业 林业
Gross Output Farming Forestry
    甲县   Jiaxian 104.2 103.1 99.6
    乙县   Yixian 101.5 102.8 96.3
    丙县   Bingxian 98.7 100.4 103.9
"""


def test_a_table_on_a_base_of_100_prints_indices_in_every_column_as_rates():
    rows = _rows(_INDICES, "subject", "value", "unit", "measure")
    assert ("甲县", 104.2, "%", "rate") in rows  # the first column, no header naming it
    assert ("甲县", 99.6, "%", "rate") in rows
    assert ("丙县", 98.7, "%", "rate") in rows
    assert ("丙县", 103.9, "%", "rate") in rows
    assert {(u, m) for _, _, u, m in rows} == {("%", "rate")}


def test_a_base_named_in_prose_before_a_table_is_not_the_tables():
    base = "单位:以上年为100 (preceding year=100)\n"
    text = "全年价格指数以上年为100计算。\n" + _INDICES.replace(base, "")
    rows = _rows(text, "subject", "value", "measure")
    assert ("甲县", 104.2, "level") in rows


# -- an index printed bare after its name ---------------------------------------------------------


def test_a_bare_index_after_its_name_is_a_rate_in_percent():
    rows = _rows("全县居民消费价格指数为101.6,单位生产总值能耗下降3%。", "value", "unit", "measure")
    assert (101.6, "%", "rate") in rows
    assert (-3.0, "%", "growth_rate") in rows


def test_a_bare_number_after_an_index_far_from_100_is_no_statistic():
    rows = _rows("景气指数为36,全年完成投资50亿元。", "value", "unit")
    assert rows == [(50.0, "亿元")]
