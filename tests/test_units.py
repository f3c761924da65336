"""Unit conversions keep magnitudes straight and refuse to mix dimensions."""

from __future__ import annotations

import pytest

from muye_analysis.units import convert, dimension


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    [
        (4203, "万元", "亿元", 0.4203),
        (1.64, "亿元", "万元", 16400),
        (2.5, "万元", "元", 25000),
        (3410, "万斤", "吨", 17050),
        (8, "万吨", "吨", 80000),
        (2.75, "万亩", "公顷", 1833.3333),
        (15, "亩", "公顷", 1),
        (45, "万平方米", "平方米", 450000),
        (2, "万人", "人", 20000),
    ],
)
def test_convert_between_magnitudes(value, src, dst, expected):
    assert convert(value, src, dst) == pytest.approx(expected)


def test_convert_round_trip_is_identity():
    assert convert(convert(78.8, "亿元", "万元"), "万元", "亿元") == pytest.approx(78.8)


def test_convert_refuses_mixed_dimensions_and_unknown_units():
    with pytest.raises(ValueError, match="cannot convert 亿元"):
        convert(1, "亿元", "吨")
    with pytest.raises(ValueError, match="unknown unit"):
        convert(1, "亿美元", "亿元")


def test_dimension_of_counts_is_none():
    assert dimension("万斤") == "mass"
    assert dimension("家") is None
