"""Growth-gap arithmetic, verdicts and slide sentences, checked against hand-computed values.

The worked examples are DOMAIN.md's: last year's quarters 50, 55, 55, 60 (total 220), target 6%.
Year-to-date figures fed through the store are synthetic.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from muye_analysis.dataset import load_indicators
from muye_analysis.periods import Period
from muye_analysis.quarterly import ingest_quarterly, read_quarterly
from muye_analysis.targets import (
    ABOUT_TOLERANCE_PP,
    WEIGHTS_EQUAL_MONTHS,
    WEIGHTS_EQUAL_QUARTERS,
    WEIGHTS_GIVEN,
    WEIGHTS_LEVELS,
    WEIGHTS_SEASONAL,
    annual_gaps,
    assess_target,
    bound_of,
    elapsed_share_for,
    equal_share,
    gap_pp,
    gap_sentence,
    headline_sensitivity,
    headline_ytd_gaps,
    implied_bases,
    required_growth,
    seasonal_share,
    sensitivity_grid,
    share_from_levels,
    share_from_quarter_levels,
    ytd_gap,
)

TOL = 1e-9  # the arithmetic is exact up to floating point
QUARTERS = (50, 55, 55, 60)


# -- required growth ---------------------------------------------------------------------------


def test_required_growth_with_unequal_quarters():
    # w = 160/220; (6 - 160/220 * 5) / (60/220) = (1320 - 800) / 60 = 8.666…
    result = required_growth(6, 5.0, share_from_quarter_levels(QUARTERS, 3))
    assert result.required == pytest.approx(26 / 3, abs=TOL)
    assert round(result.required, 2) == 8.67
    assert result.weights_source == WEIGHTS_LEVELS
    assert result.elapsed_share == pytest.approx(160 / 220, abs=TOL)


def test_required_growth_after_first_half():
    # w = 105/220; (6*220 - 105*4.5) / 115 = (1320 - 472.5) / 115 = 7.3696
    result = required_growth(6, 4.5, share_from_levels(105, 220))
    assert result.required == pytest.approx(847.5 / 115, abs=TOL)
    assert round(result.required, 2) == 7.37


def test_equal_quarters_give_the_shortcut():
    result = required_growth(6, 5.0, equal_share(9, by="quarters"))
    assert result.required == pytest.approx(4 * 6 - 3 * 5, abs=TOL)
    assert result.weights_source == WEIGHTS_EQUAL_QUARTERS


def test_bare_share_is_recorded_as_given_by_the_caller():
    assert required_growth(6, 5.0, 0.75).weights_source == WEIGHTS_GIVEN
    assert required_growth(6, 5.0, 0.75, weights_source="city pattern").weights_source == (
        "city pattern"
    )
    assert float(required_growth(6, 5.0, 0.75)) == pytest.approx(9.0, abs=TOL)


@pytest.mark.parametrize("share", [0, 1, 1.2, -0.1, math.nan])
def test_elapsed_share_must_be_strictly_between_0_and_1(share):
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        required_growth(6, 5.0, share)


def test_full_year_share_from_levels_is_refused():
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        share_from_levels(220, 220)


def test_seasonal_shares_are_normalised_and_labelled():
    quarterly = seasonal_share(QUARTERS, 9)  # levels work as shares: they are normalised
    assert quarterly.value == pytest.approx(160 / 220, abs=TOL)
    assert quarterly.source == WEIGHTS_SEASONAL
    monthly = seasonal_share([1] * 11 + [2], 11)  # December twice a normal month
    assert monthly.value == pytest.approx(11 / 13, abs=TOL)
    with pytest.raises(ValueError, match="cannot split 5 months"):
        seasonal_share(QUARTERS, 5)


def test_elapsed_share_prefers_levels_then_seasonal_then_equal():
    q3, m5 = Period(2024, 9), Period(2024, 5)
    assert elapsed_share_for(q3, last_year_ytd_level=160, last_year_full_level=220).source == (
        WEIGHTS_LEVELS
    )
    assert elapsed_share_for(q3, seasonal_shares=QUARTERS).source == WEIGHTS_SEASONAL
    assert elapsed_share_for(q3).source == WEIGHTS_EQUAL_QUARTERS
    equal_months = elapsed_share_for(m5)
    assert (equal_months.value, equal_months.source) == (5 / 12, WEIGHTS_EQUAL_MONTHS)


def test_gap_is_target_minus_actual_in_points():
    assert gap_pp(6, 5.0) == pytest.approx(1.0)
    assert gap_pp(8, 0.2) == pytest.approx(7.8)
    assert gap_pp(6, 6.5) == pytest.approx(-0.5)  # ahead of target


# -- verdicts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "target", "bound", "status", "met"),
    [
        (6.0, 6.0, "at_least", "met", True),  # 6%以上: a floor, reached exactly
        (5.9, 6.0, "at_least", "missed", False),
        (7.5, 6.0, "at_least", "met", True),
        (5.4, 5.5, "at_most", "met", True),  # 以内: a ceiling
        (5.6, 5.5, "at_most", "missed", False),
        (5.9, 5.5, "about", "within_band", True),  # 5.5%左右, default band 0.5 point
        (6.0, 5.5, "about", "within_band", True),
        (6.1, 5.5, "about", "above_band", False),
        (4.9, 5.5, "about", "below_band", False),
    ],
)
def test_verdicts_respect_the_qualifier(value, target, bound, status, met):
    verdict = assess_target(value, target, bound)
    assert (verdict.status, verdict.met) == (status, met)


def test_about_band_is_a_named_parameter():
    assert ABOUT_TOLERANCE_PP == 0.5
    assert assess_target(5.8, 5.5, "about", tolerance_pp=0.2).status == "above_band"
    assert assess_target(5.8, 5.5, "about", tolerance_pp=0.3).tolerance_pp == 0.3


def test_bare_target_reads_as_floor_or_ceiling_by_direction():
    assert assess_target(8.1, 8.0, "exact", higher_is_better=True).met
    assert not assess_target(7.9, 8.0, "exact", higher_is_better=True).met
    assert assess_target(5.4, 5.5, "exact", higher_is_better=False).met
    assert assess_target(5.7, 5.5, "exact", higher_is_better=None).status == "within_band"


def test_verdict_text_in_both_languages():
    verdict = assess_target(5.9, 6.0, "at_least")
    assert (verdict.text("zh"), verdict.text("en")) == ("未完成", "missed")


@pytest.mark.parametrize(
    ("qualifier", "bound"),
    [("以上", "at_least"), ("不低于", "at_least"), ("左右", "about"), ("以内", "at_most"),
     ("", "exact"), (None, "exact")],
)  # fmt: skip
def test_bound_of_qualifier(qualifier, bound):
    assert bound_of(qualifier) == bound


# -- sentences ---------------------------------------------------------------------------------


def test_sentence_of_the_worked_example():
    result = required_growth(6, 5.0, share_from_quarter_levels(QUARTERS, 3))
    q3 = Period(2024, 9)
    assert gap_sentence(q3, 5.0, result, 6, "以上") == (
        "前三季度增长5.0%，四季度需增长8.7%方能完成全年6%以上目标"
    )
    assert gap_sentence(q3, 5.0, result, 6, "以上", lang="en") == (
        "Growth of 5.0% in the first three quarters; Q4 needs 8.7% to meet the full-year "
        "target of at least 6%."
    )


def test_sentence_after_the_first_half_with_a_name():
    result = required_growth(6, 4.5, share_from_levels(105, 220))
    assert gap_sentence(Period(2024, 6), 4.5, result, 6, "以上", name="地区生产总值") == (
        "地区生产总值上半年增长4.5%，下半年需增长7.4%方能完成全年6%以上目标"
    )
    assert gap_sentence(Period(2024, 6), 4.5, result, 6, "以上", lang="en", name="GDP") == (
        "GDP: growth of 4.5% in the first half; the second half needs 7.4% to meet the "
        "full-year target of at least 6%."
    )


def test_sentence_when_growth_so_far_is_negative_or_the_target_already_safe():
    assert gap_sentence(Period(2024, 3), -1.2, 8.4, 9, "") == (
        "一季度下降1.2%，后三个季度需增长8.4%方能完成全年9%目标"
    )
    assert gap_sentence(Period(2024, 11), 7.0, -3.0, 6, "以上", lang="en") == (
        "Growth of 7.0% in January–November; December could fall by up to 3.0% and still "
        "meet the full-year target of at least 6%."
    )
    assert gap_sentence(Period(2024, 11), 7.0, -3.0, 6, "以上") == (
        "1-11月增长7.0%，12月即使下降3.0%也能完成全年6%以上目标"
    )


# -- from the store ----------------------------------------------------------------------------


@pytest.fixture
def synthetic_gdp(tmp_path):
    """Synthetic GDP: 2023 cumulative levels 50, 105, 160, 220 (DOMAIN.md's quarters)."""
    path = tmp_path / "synthetic_gdp.csv"
    path.write_text(
        "indicator,year,period,level,unit,growth_pct\n"
        "gdp,2023,1-3月,50,亿元,\ngdp,2023,1-6月,105,亿元,\n"
        "gdp,2023,1-9月,160,亿元,\ngdp,2023,1-12月,220,亿元,\n"
        "gdp,2024,1-6月,,,4.5\ngdp,2024,1-9月,,,5.0\n",
        encoding="utf-8",
    )
    ingest_quarterly(path)
    return path


def test_ytd_gap_uses_last_years_levels_from_the_store(synthetic_gdp):
    gap = ytd_gap("gdp")  # latest: 2024年1-9月, target 6%以上 from the bundled report
    assert gap.period == Period(2024, 9)
    assert (gap.target, gap.qualifier, gap.bound) == (6.0, "以上", "at_least")
    assert gap.gap_pp == pytest.approx(1.0, abs=TOL)
    assert gap.required.required == pytest.approx(26 / 3, abs=TOL)
    assert gap.required.weights_source == WEIGHTS_LEVELS
    assert gap.sentence() == "地区生产总值前三季度增长5.0%，四季度需增长8.7%方能完成全年6%以上目标"


def test_ytd_gap_for_an_earlier_period(synthetic_gdp):
    gap = ytd_gap("gdp", period=Period(2024, 6))
    assert gap.required.required == pytest.approx(847.5 / 115, abs=TOL)


def test_ytd_gap_without_last_years_levels_states_the_assumption(tmp_path):
    path = tmp_path / "synthetic_retail.csv"
    path.write_text("indicator,year,period,growth_pct\n社零,2024,前三季度,5.0\n", "utf-8")
    ingest_quarterly(path)
    gap = ytd_gap("retail_sales")  # target 9%: 4 x 9 - 3 x 5 = 21
    assert gap.required.required == pytest.approx(21.0, abs=TOL)
    assert gap.required.weights_source == WEIGHTS_EQUAL_QUARTERS
    seasonal = ytd_gap("retail_sales", seasonal_shares=QUARTERS)
    assert seasonal.required.weights_source == WEIGHTS_SEASONAL


def test_ytd_gap_at_year_end_gives_the_verdict(tmp_path):
    path = tmp_path / "synthetic_full_year.csv"
    path.write_text("indicator,year,period,growth_pct\ngdp,2024,全年,5.8\n", "utf-8")
    ingest_quarterly(path)
    gap = ytd_gap("gdp")
    assert gap.required is None
    assert (gap.verdict.status, gap.verdict.met) == ("missed", False)
    assert gap.sentence() == "地区生产总值全年增长5.8%，全年6%以上目标未完成"


# -- the bundled annual data -------------------------------------------------------------------


def test_annual_gaps_2023_actual_vs_2024_target():
    gaps = annual_gaps().set_index("indicator")
    expected = {"industrial_value_added": 8 - 0.2, "budget_revenue": 8 - 2.0,
                "retail_sales": 9 - 4.9, "rd_coverage_rate": 80 - 70}  # fmt: skip
    for indicator, value in expected.items():
        assert gaps.loc[indicator, "gap_pp"] == pytest.approx(value, abs=TOL)
    # No 2023 GDP growth is published: the gap stays a gap.
    assert pd.isna(gaps.loc["gdp", "gap_pp"]) and pd.isna(gaps.loc["gdp", "actual"])
    assert "no 2023 figure" in gaps.loc["gdp", "note"]
    assert gaps.loc["gdp", "qualifier"] == "以上"


def test_implied_2022_bases_for_nominal_growth_only():
    bases = implied_bases().set_index("indicator")
    assert bases.loc["retail_sales", "base"] == pytest.approx(78.8 / 1.049, abs=TOL)
    assert bases.loc["budget_revenue", "base"] == pytest.approx(10.74 / 1.02, abs=TOL)
    assert bases.loc["tax_revenue", "base"] == pytest.approx(10.23 / 1.021, abs=TOL)
    assert pd.isna(bases.loc["gdp", "base"])
    assert bases.loc["gdp", "note"] == "no 2023 growth rate is published"
    assert pd.isna(bases.loc["industrial_value_added", "base"])
    assert "surveyed_unemployment_rate" not in bases.index  # a rate has no base level


def test_implied_bases_agree_with_the_datasets_derived_rows():
    ind = load_indicators()
    derived = ind[(ind["kind"] == "derived") & (ind["period"] == 2022)].set_index("indicator")
    bases = implied_bases(ind).dropna(subset=["base"]).set_index("indicator")
    assert set(bases.index) == set(derived.index)
    for indicator in bases.index:
        assert bases.loc[indicator, "base"] == pytest.approx(
            derived.loc[indicator, "value"], abs=TOL
        )


def test_real_growth_cannot_give_a_nominal_base():
    ind = load_indicators()
    fake_level = ind[(ind["indicator"] == "retail_sales") & (ind["measure"] == "level")].copy()
    fake_level["indicator"] = "industrial_value_added"  # give 规上 a level to reach the rule
    bases = implied_bases(pd.concat([ind, fake_level], ignore_index=True)).set_index("indicator")
    assert pd.isna(bases.loc["industrial_value_added", "base"])
    assert "cannot give a nominal base" in bases.loc["industrial_value_added", "note"]


def test_sensitivity_grid_under_equal_months():
    grid = sensitivity_grid(6, growth_so_far=[4.5, 5.0], months_elapsed=[6, 9])
    expected = pd.DataFrame(
        {
            "target": [6.0] * 4,
            "growth_so_far": [4.5, 5.0, 4.5, 5.0],
            "months_elapsed": [6, 6, 9, 9],
            "period_zh": pd.array(["1-6月", "1-6月", "1-9月", "1-9月"], dtype="string"),
            "elapsed_share": [0.5, 0.5, 0.75, 0.75],
            # (6 - 0.5 g) / 0.5 and (6 - 0.75 g) / 0.25
            "required_growth": [7.5, 7.0, 10.5, 9.0],
            "weights_source": pd.array([WEIGHTS_EQUAL_MONTHS] * 4, dtype="string"),
        }
    )
    assert_frame_equal(grid, expected, atol=TOL)


def test_sensitivity_grid_wide_with_seasonal_shares():
    table = sensitivity_grid(6, growth_so_far=[5.0], months_elapsed=[9], seasonal_shares=QUARTERS,
                             wide=True)  # fmt: skip
    assert table.loc[5.0, 9] == pytest.approx(26 / 3, abs=TOL)
    assert table.attrs["weights_source"] == WEIGHTS_SEASONAL


def test_headline_sensitivity_takes_the_bundled_target():
    grid = headline_sensitivity("gdp", months_elapsed=[9])
    assert set(grid["target"]) == {6.0}
    assert grid["growth_so_far"].tolist() == [3.0, 3.5, 4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0]
    row = grid[grid["growth_so_far"] == 5.0]
    assert row["required_growth"].iloc[0] == pytest.approx(9.0, abs=TOL)


def test_headline_ytd_gaps_takes_each_indicator_at_its_latest_target_year_period():
    """Synthetic store: GDP and budget revenue through 1-3月, retail sales through 1-9月; the
    of-which 税收 row is not a headline; gaps come in the report's order."""
    store = read_quarterly(Path(__file__).parent / "data" / "quarterly" / "synthetic_tidy.csv")
    gaps = headline_ytd_gaps(store)
    assert [(g.indicator, g.period.end_month) for g in gaps] == [
        ("gdp", 3),
        ("budget_revenue", 3),
        ("retail_sales", 9),
    ]
    retail = gaps[2]
    assert retail.ytd == 0.0  # 持平
    # No 2023 levels in this store: equal quarters, 3 of 4 elapsed -> (9 - 0.75 * 0) / 0.25 = 36
    assert retail.required.required == pytest.approx(36.0)
    assert retail.required.weights_source == WEIGHTS_EQUAL_QUARTERS
