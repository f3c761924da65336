"""Every real year-to-date figure bundled in data/raw/ytd_real appears in its quote.

The forecasts' worked example and backtests run on these published figures; a figure that is not
in the sentence it cites would be invented. Rows whose quote starts ``DERIVED (…)`` are arithmetic
on a published sentence: their quote must say the rule and carry the published numbers used.
"""

from __future__ import annotations

import re

import pytest

from muye_analysis.forecast.real_data import DERIVED_PREFIX, load_real_series
from muye_analysis.text import to_halfwidth

SERIES = load_real_series()
PUBLISHED = SERIES[SERIES["derived"] == ""]
DERIVED = SERIES[SERIES["derived"] != ""]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _numbers_in(quote: str) -> set[float]:
    text = to_halfwidth(quote).replace("·", ".")
    text = re.sub(r"(?<=\d),(?=\d%)", ".", text)  # a decimal comma (French, Portuguese): 20,9%
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # a thousands separator: 59,132.39
    return {float(n) for n in _NUMBER.findall(text)}


# A fall is printed as a positive number after a falling word, or with a minus sign.
_FALL = re.compile(
    r"下降|下滑|减少|回落|降幅|-\s*\d|−\s*\d|fell|fall|drop|declin|contract|down|shr[aiu]nk|"
    r"decreas|dip|minus|negative|slump|plunge|recul|baiss|queda|caiu|減",
    re.IGNORECASE,
)


def test_the_bundled_real_series_are_not_empty():
    assert len(PUBLISHED) >= 20
    assert set(SERIES["area"]) >= {"河南省", "新乡市"}


@pytest.mark.parametrize(
    "row", PUBLISHED.to_dict("records"), ids=lambda r: f"{r['file']}:{r['row']}"
)
def test_each_published_figure_is_in_its_quote(row):
    value = abs(row["value"])  # 下降3.9% is stored as -3.9 and printed 3.9
    assert value in _numbers_in(row["quote"]), (
        f"{row['file']} row {row['row']}: {row['value']} not in {row['quote']!r}"
    )
    # Where the source gave no address, the file says so and names the release instead.
    assert row["url"].startswith(("http://", "https://")) or row["url"].startswith("(no URL")


@pytest.mark.parametrize("row", DERIVED.to_dict("records"), ids=lambda r: f"{r['file']}:{r['row']}")
def test_each_derived_figure_says_how_and_cites_numbers(row):
    assert row["quote"].startswith(DERIVED_PREFIX)
    assert row["derived"]  # the rule, e.g. the sentence "比…加快x个百分点"
    assert len(_numbers_in(row["quote"])) >= 2  # the published inputs of the arithmetic


@pytest.mark.parametrize(
    "row", PUBLISHED[PUBLISHED["value"] < 0].to_dict("records"),
    ids=lambda r: f"{r['file']}:{r['row']}",
)  # fmt: skip
def test_each_negative_figure_is_a_fall_in_its_quote(row):
    assert _FALL.search(row["quote"]), f"{row['file']} row {row['row']}: no fall in the quote"


def test_a_decimal_comma_is_read_but_a_thousands_separator_is_not():
    assert _numbers_in("augmenté de 20,9% en glissement annuel") == {20.9}
    assert _numbers_in("5.809,2 milliards; 59,132.39亿元") >= {59132.39}
    assert 20.9 not in _numbers_in("20,900 yuan")
