"""Forecast accuracy checks on long real series: slow (a few minutes), so not in ``make test``.

Run: .venv/bin/python -m pytest benchmarks/test_forecast_accuracy.py -q

The fast suite checks the arithmetic (tests/test_forecast_combine.py: the two-year basis on 2021
GDP, weights by hand, no look-ahead); these check the behaviour on whole real series, as
regressions of the figures benchmarks/bench_forecast_real.py reports:

* issue 11 (the structured model, ``base_effect``, on national fixed-asset investment, monthly
  2012-2026: the series its settings were tuned on); moved here from tests/ in issue 21;
* issue 21 (the default, ``combined``, at the quarter ends of the national series, origins
  after one, two and three quarters of 2016-2025 as the issue's hidden check): the 2021 GDP
  case, 80% coverage 75-90%, interval score at least 10% below the old default's (AR(1)) on the
  held-out series pooled, and the run-rate beaten. These held-out figures were scored once with
  the settings frozen (commit d38c36e); the checks only guard them against regressions.
"""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis.forecast import calibration, combine, forecast_growth, real_data

COVERAGE_80 = (0.75, 0.90)  # the 80% intervals cover 75-90% of outcomes
SCORE_GAIN = 0.10  # interval score at least 10% below the old default's (sarimax)
HEADLINE = (range(2016, 2026), (3, 6, 9))


@pytest.fixture(scope="module")
def errors():
    ytd = real_data.area_ytd("全国", "fixed_asset_investment")
    return calibration.rolling_backtest(ytd, methods=("base_effect", "sarimax")).errors


def test_the_series_gives_about_a_hundred_origins(errors):
    ours = errors[errors["method"] == "base_effect"].dropna(subset=["forecast"])
    assert len(ours) >= 100  # 119: 1-2月 … 全年 of 2013-2025 less the early refusals
    assert ours["year"].min() <= 2014 and ours["year"].max() == 2025


def test_the_structured_model_s_80_percent_intervals_cover_75_to_90_percent(errors):
    ours = calibration.summarise(errors[errors["method"] == "base_effect"]).iloc[0]
    low, high = COVERAGE_80
    assert low <= ours["coverage_80"] <= high  # 0.815 at the tuned settings
    assert ours["coverage_95"] >= ours["coverage_80"]


def test_the_structured_model_beats_the_old_default_where_both_forecast(errors):
    wide = errors.pivot_table(index="origin", columns="method", values="forecast", dropna=False)
    both = wide.dropna().index
    assert len(both) >= 60  # the old default needs 12 consecutive quarter ends: 77 origins
    table = calibration.summarise(errors[errors["origin"].isin(both)]).set_index("method")
    ours, old = table.loc["base_effect"], table.loc["sarimax"]
    assert ours["interval_score"] <= (1 - SCORE_GAIN) * old["interval_score"]  # 8.37 vs 10.85
    assert ours["mae"] <= old["mae"]  # 1.25 vs 1.98 points


# -- issue 21: the default at quarter ends --------------------------------------------------


def quarter_ends(area: str, indicator: str) -> pd.DataFrame:
    ytd = real_data.area_ytd(area, indicator)
    return ytd[ytd["end_month"] % 3 == 0].reset_index(drop=True)


@pytest.fixture(scope="module")
def held_out():
    frames = []
    for indicator in ("gdp", "industrial_value_added"):
        ytd = quarter_ends("全国", indicator)
        bt = combine.rolling_backtest(ytd, methods=("combined", "sarimax", "run_rate"))
        frames.append(bt.errors.assign(series=indicator))
    errors = pd.concat(frames, ignore_index=True)
    years, months = HEADLINE
    return errors[errors["year"].isin(years) & errors["months_known"].isin(months)]


def test_the_2021_gdp_base_effect_does_not_blow_up():
    """18.3% in 2021 Q1 on 2020 Q1's -6.8%: the year came in at 8.1%. The default reasons on
    the two-year basis and lands within half a point (the plain run-rate says 18.3%, the
    structured model alone 14.3%)."""
    gdp = quarter_ends("全国", "gdp")
    upto = gdp[(gdp["year"] < 2021) | ((gdp["year"] == 2021) & (gdp["end_month"] <= 3))]
    fc = forecast_growth(upto)
    assert fc.year == 2021 and fc.combination.basis.years == 2
    assert "base_effect" not in fc.combination.weights  # it extrapolates the jump
    assert abs(fc.annual_mean - 8.1) < 0.5  # -0.04 at the frozen settings
    low, high = fc.annual_interval(80)
    assert low < 8.1 < high


def test_held_out_coverage_is_within_the_goal(held_out):
    ours = calibration.summarise(held_out[held_out["method"] == "combined"]).iloc[0]
    assert ours["n"] == 60  # 30 origins on each series
    low, high = COVERAGE_80
    assert low <= ours["coverage_80"] <= high  # 0.867 at the frozen settings


def test_held_out_interval_score_is_well_below_the_old_default_s(held_out):
    table = calibration.summarise(held_out).set_index("method")
    ours, old = table.loc["combined"], table.loc["sarimax"]
    assert ours["interval_score"] <= (1 - SCORE_GAIN) * old["interval_score"]  # 3.84 vs 5.37
    assert ours["mae"] < table.loc["run_rate", "mae"]  # 0.85 vs 1.48


def test_held_out_gdp_mae_is_below_the_old_default_s(held_out):
    gdp = calibration.summarise(held_out[held_out["series"] == "gdp"]).set_index("method")
    assert gdp.loc["combined", "mae"] < gdp.loc["sarimax", "mae"]  # 0.68 vs 0.90
