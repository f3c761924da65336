"""Reader, round nine (helper t): tables the blind_v9 documents printed, each rule tested."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


# -- rows whose cells are glued together ----------------------------------------------------------

_RANKING = """各县经济排行

排名各县2020年GDP(亿元)增速(%)
1甲县812.3611
2乙县403.129.8
3丙县256.0710.4
4丁县99.815.6
"""


def test_glued_ranking_rows_are_cut_by_the_columns_decimals():
    rows = _rows(_RANKING, "subject", "value", "unit", "measure")
    assert ("甲县", 812.36, "亿元", "level") in rows
    assert ("甲县", 11.0, "%", "growth_rate") in rows
    assert ("乙县", 403.12, "亿元", "level") in rows
    assert ("乙县", 9.8, "%", "growth_rate") in rows
    assert ("丁县", 99.81, "亿元", "level") in rows
    assert ("丁县", 5.6, "%", "growth_rate") in rows


def test_the_ranking_number_of_a_glued_row_is_no_value():
    values = [v for v, rule in _rows(_RANKING, "value", "rule") if rule == "table"]
    assert len(values) == 8
    assert 1.0 not in values


def test_a_glued_row_whose_numbers_the_text_prints_is_cut_as_printed():
    text = (
        "全市生产总值1250.3亿元，增长10.2%。\n\n历年GDP\n\n年份GDP(亿元)增速(%)\n"
        "2021年1250.310.2\n2020年1134.564.1\n2019年1089.027.7\n2018年1000.2312.4\n"
    )
    rows = _rows(text, "value", "measure", "period", "rule")
    assert (1250.3, "level", 2021, "table") in rows
    assert (10.2, "growth_rate", 2021, "table") in rows
    assert (1134.56, "level", 2020, "table") in rows
    assert (4.1, "growth_rate", 2020, "table") in rows


def test_glued_rows_no_one_count_of_decimals_cuts_are_left_alone():
    text = "排名各县GDP(亿元)增速(%)\n1甲县8123\n2乙县40319\n3丙县25614\n"
    assert not [r for r in _rows(text, "rule") if r == ("table",)]


# -- a table of indices under a column of changes -------------------------------------------------


def test_indices_under_a_column_of_changes_are_read_as_rates():
    text = (
        "表3 2022年商品零售价格指数\n指标 | 比上年涨跌(%) |\n商品零售价格总指数 | 101.6 |\n"
        "其中:食品类 | 99.2 |\n服装鞋帽 | 102.3 |\n家用电器 | 97.8 |\n"
    )
    rows = _rows(text, "value", "unit", "measure", "rule")
    assert (101.6, "%", "rate", "table") in rows
    assert (99.2, "%", "rate", "table") in rows
    assert not [r for r in rows if r[2] == "growth_rate"]


def test_changes_under_a_column_of_changes_stay_growth_rates():
    text = (
        "表3 2022年商品零售价格指数\n指标 | 比上年涨跌(%) |\n商品零售价格总指数 | 1.6 |\n"
        "其中:食品类 | -0.8 |\n服装鞋帽 | 2.3 |\n家用电器 | -2.2 |\n"
    )
    rows = _rows(text, "value", "measure", "rule")
    assert (-0.8, "growth_rate", "table") in rows
    assert (2.3, "growth_rate", "table") in rows


# -- a table with an empty 单位 column ------------------------------------------------------------


def test_a_table_without_units_takes_the_unit_the_text_gives_a_row_by_name():
    text = (
        "全年茶叶产量3521.46吨，增产4.2%。\n\n表1 主要农产品产量\n\n产品名称\n\n单位\n\n产量\n\n"
        "比上年±%\n\n茶叶产量\n\n3521.46\n\n4.2\n\n水果\n\n18210.5\n\n-1.3\n\n蔬菜\n\n90210.77\n\n2.6\n"
    )
    rows = _rows(text, "value", "unit", "measure", "rule")
    assert (18210.5, "吨", "level", "table") in rows
    assert (90210.77, "吨", "level", "table") in rows
