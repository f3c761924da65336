"""Full-width digits and Chinese numerals."""

from __future__ import annotations

import pytest

from muye_analysis.text import parse_chinese_numeral, to_halfwidth


def test_to_halfwidth_converts_digits_and_percent():
    assert to_halfwidth("１２．５％") == "12.5%"
    assert to_halfwidth("增长５．５％左右") == "增长5.5%左右"
    assert to_halfwidth("１－３月") == "1-3月"


@pytest.mark.parametrize(
    ("text", "value"),
    [("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("两", 2), ("一百零八", 108),
     ("三千五百", 3500), ("两万", 20000), ("一万二千", 12000), ("四", 4)],
)  # fmt: skip
def test_parse_chinese_numeral(text, value):
    assert parse_chinese_numeral(text) == value


def test_parse_chinese_numeral_rejects_other_text():
    with pytest.raises(ValueError, match="not a Chinese numeral"):
        parse_chinese_numeral("第三")
