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
