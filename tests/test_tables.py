"""The one notebook table formatter (muye_analysis.tables.show_table): words in the table's
language, fixed decimals per column, quotes as written, widths that fit."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from muye_analysis.display import MISSING, column_decimals
from muye_analysis.tables import formula_text, show_table


def cells(styler) -> list[list[str]]:
    """The table's body as rows of cell texts (the HTML a notebook shows)."""
    page = styler.to_html()
    rows = re.findall(r"<tr>([\s\S]*?)</tr>", page.split("<tbody>")[1])
    return [
        [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in rows
    ]


def headers(styler) -> list[str]:
    return re.findall(r"<th[^>]*>(.*?)</th>", styler.to_html())


def test_a_column_shows_one_precision_from_its_data():
    # 4.9, 2.0 and 27 are one column of growth rates: 27 shows as 27.0 (half up: 0.25 → 0.3)
    table = pd.DataFrame({"growth": [4.9, 2.0, 27.0, 0.25], "share_pct": [6.95, 7.0, 4.4, 12.0]})
    shown = cells(show_table(table, "zh"))
    assert [row[0] for row in shown] == ["4.9", "2.0", "27.0", "0.3"]  # percent: one decimal
    assert [row[1] for row in shown] == ["7.0", "7.0", "4.4", "12.0"]  # 6.95 half up


def test_float_noise_does_not_add_decimals():
    assert column_decimals([8.399999999999999, 7.5, None]) == 1
    assert column_decimals([232.1, 10.74]) == 2
    assert column_decimals([float("nan")]) == 0
    shown = cells(show_table(pd.DataFrame({"level": [8.399999999999999, 12.0]}), "zh"))
    assert shown == [["8.4"], ["12.0"]]


def test_rows_in_different_units_each_show_as_published():
    # a long table: 232.1亿元 beside a rank of 5 is not a column of one quantity
    table = pd.DataFrame({"value": [232.1, 5.0, 2.380952], "unit": ["亿元", "位", "万元"]})
    assert [row[0] for row in cells(show_table(table, "zh"))] == ["232.1", "5", "2.38"]
    same_unit = pd.DataFrame({"value": [232.1, 10.74], "unit": ["亿元", "亿元"]})
    assert [row[0] for row in cells(show_table(same_unit, "zh"))] == ["232.10", "10.74"]


def test_units_qualifiers_and_commitments_in_english_and_quotes_as_written():
    table = pd.DataFrame({
        "name_zh": ["重点项目完成投资", "粮食总产量"],
        "name_en": ["Investment completed in key projects", "Grain output"],
        "indicator": ["key_project_investment", "grain_output"],
        "target": [180.0, 3000.0], "unit": ["亿元", "万斤"], "qualifier": ["以上", "以上"],
        "commitment": ["力争", "确保"], "quote": ["完成投资180亿元以上", "粮食总产量3000万斤以上"],
    })  # fmt: skip
    english = show_table(table, "en")
    assert headers(english) == ["Indicator", "Target", "Unit", "Qualifier", "Commitment", "Quote"]
    assert cells(english)[0] == ["Investment completed in key projects", "180",
                                 "RMB 100 million", "or more", "strive for",
                                 "完成投资180亿元以上"]  # fmt: skip
    assert cells(english)[1][2] == "10,000 jin"  # the unit of the number as printed
    assert 'class="data row0 col5 source-text"' in english.to_html()  # the quote is marked
    chinese = cells(show_table(table, "zh"))
    assert chinese[0] == ["重点项目完成投资", "180", "亿元", "以上", "力争", "完成投资180亿元以上"]


def test_no_indicator_id_and_no_stray_index_column():
    table = pd.DataFrame(
        {"indicator": ["gdp", "retail_sales"], "value": [232.1, 78.8]}, index=[3, 7]
    )
    styler = show_table(table, "zh")
    assert headers(styler) == ["指标", "数值"]
    assert cells(styler) == [["地区生产总值", "232.1"], ["社会消费品零售总额", "78.8"]]
    assert "gdp" not in styler.to_html()


def test_a_labelled_index_becomes_the_first_column():
    grid = pd.DataFrame({"3": [7.0, 6.833333]}, index=pd.Index([3.0, 3.5], name="growth_so_far"))
    styler = show_table(grid, "en", decimals={"3": 1})
    assert headers(styler) == ["Growth so far (%)", "3"]
    assert cells(styler) == [["3.0", "7.0"], ["3.5", "6.8"]]


def test_numbers_are_never_broken_and_long_text_keeps_a_readable_width():
    table = pd.DataFrame({"name_en": ["GDP"], "value": [3347.6], "note": ["word " * 40]})
    page = show_table(table, "en").to_html()
    assert re.search(r"td\.number \{[^}]*white-space: nowrap", page)
    assert "anywhere" not in page  # "overflow-wrap: anywhere" broke 3347.6 into 3347./6
    assert '<div style="min-width: 12em">word word' in page  # the long note column
    assert 'class="data row0 col1 number"' in page
    # a short text column (a period such as 2024年1-9月) is not broken inside
    short = show_table(pd.DataFrame({"period": ["2024年1-9月"], "note": ["x " * 40]}), "zh")
    assert re.search(r"#T_\w+ td\.col0 \{\s*white-space: nowrap;", short.to_html())


def test_text_is_escaped():
    table = pd.DataFrame({"note": ["<b>x</b> & y"]})
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in show_table(table, "en").to_html()


def test_formulas_periods_and_missing_values_in_the_tables_language():
    assert formula_text("level_2023 / (1 + growth_2023 / 100)", "zh") == (
        "2023年总量 ÷ (1 + 2023年增速 ÷ 100)"
    )
    assert (
        formula_text("100 * tax_revenue / budget_revenue", "en")
        == "100 × Tax revenue ÷ General public budget revenue"
    )
    table = pd.DataFrame({"period": ["2024年1-9月", "2024年1-3月"], "growth": [5.2, None]})
    assert cells(show_table(table, "en")) == [["Jan-Sep 2024", "5.2"], ["Jan-Mar 2024", MISSING]]


def test_row_decimals_give_a_mixed_column_its_decimals_row_by_row():
    table = pd.DataFrame({"so_far": [5.0, 150.5, 6500.0]})
    shown = cells(show_table(table, "zh", row_decimals={"so_far": [1, 1, 0]}))
    assert shown == [["5.0"], ["150.5"], ["6500"]]
    with pytest.raises(ValueError):  # one decimals per row
        show_table(table, "zh", row_decimals={"so_far": [1]})
