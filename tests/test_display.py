"""Display precision: numbers show no more significant figures than their inputs."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from muye_analysis.display import (
    MISSING,
    fixed,
    format_number,
    input_sig,
    significant_figures,
)
from muye_analysis.tables import show_table


@pytest.mark.parametrize(
    ("printed", "figures"),
    [("78.8", 3), ("10.74", 4), ("0.2", 1), ("431", 3), ("0.4203", 4), ("8.0", 2), ("-5.5", 2)],
)
def test_significant_figures_are_counted_as_printed(printed, figures):
    assert significant_figures(printed) == figures


def test_derived_values_show_the_figures_of_their_inputs():
    # 2.5万元 ÷ 1.05 = 2.380952…: inputs of two figures give 2.4
    assert format_number(2.5 / 1.05, inputs=["2.5", "5.0"]) == "2.4"
    assert input_sig(["78.8", "4.9"]) == 2
    # 80 ÷ 70 = 114.285714%: integer digits are never rounded away
    assert format_number(80 / 70 * 100, sig=2) == "114"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2.380952, "2.38"),  # derived, inputs unknown: three figures
        (75.119161, "75.1"),
        (95.251397, "95.3"),
        (10.74, "10.74"),  # published figures print as they are
        (3347.6, "3347.6"),
        (0.4203, "0.4203"),
        (8317.0, "8317"),
        (float("nan"), MISSING),
        (None, MISSING),
        (pd.NA, MISSING),
    ],
)
def test_values_without_stated_inputs(value, shown):
    assert format_number(value) == shown


def test_fixed_decimals_keep_trailing_zeros():
    assert format_number(246.026, decimals=1) == "246.0"
    assert format_number(11.5992, decimals=2) == "11.60"


def test_table_shows_one_name_column_headers_in_lang_and_one_missing_marker():
    df = pd.DataFrame(
        {
            "name_zh": ["地区生产总值", "规上工业增加值"],
            "name_en": ["GDP", "Industrial value added"],
            "short_zh": ["GDP", "规上工业"],
            "kind": ["actual", "derived"],
            "value": pd.array([232.1, 2.380952], dtype="Float64"),
            "gap_pp": pd.array([pd.NA, 7.8], dtype="Float64"),
            "note": [None, "x"],
        }
    )
    page = show_table(df, "zh").to_html()
    headers = re.findall(r"<th[^>]*>(.*?)</th>", page)
    assert headers == ["指标", "类型", "数值", "差距（个百分点）", "说明"]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", page)
    # one column, one precision: 232.1 beside a derived 2.38 shows as 232.10 (tables.show_table)
    assert cells == ["地区生产总值", "完成值", "232.10", MISSING, MISSING,
                     "规上工业增加值", "推算值", "2.38", "7.8", "x"]  # fmt: skip
    english = re.findall(r"<th[^>]*>(.*?)</th>", show_table(df, "en").to_html())
    assert english == ["Indicator", "Kind", "Value", "Gap (pp)", "Note"]


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [(81.25, 1, "81.3"), (2.675, 2, "2.68"), (0.05, 1, "0.1"), (-0.05, 1, "-0.1"),
     (-0.04, 1, "0.0"), (8.345, 2, "8.35"), (1234.55, 1, "1234.6")],
)  # fmt: skip
def test_display_rounds_half_up_as_printed(value, decimals, shown):
    # Python's format rounds the binary float half to even: f"{81.25:.1f}" is '81.2'.
    assert fixed(value, decimals) == shown
    assert format_number(value, decimals=decimals) == shown


def test_format_number_rounds_half_up_at_its_significant_figures():
    assert format_number(81.25, sig=3) == "81.3"
    assert format_number(2.675, sig=3) == "2.68"
