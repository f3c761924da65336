"""Forecasts recover known processes from seeded synthetic data (np.random.default_rng(0)).

All series here are synthetic: single-quarter growth simulated from a stated process, turned into
the cumulative growth that statistics bureaus publish.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from muye_analysis.forecast import (
    FORECAST_COLUMNS,
    MIN_QUARTERS,
    InsufficientHistory,
    backtest,
    forecast_growth,
    probability_of_meeting_target,
    run_rate,
    single_quarter_growth,
)
from muye_analysis.targets import WEIGHTS_EQUAL_QUARTERS, WEIGHTS_LEVELS, required_growth

# Named tolerances: parameter recovery from 120 quarters, Monte Carlo error of 10,000 paths.
PARAM_TOL = {"mean": 0.4, "ar.L1": 0.15, "sigma2": 0.25, "smoothing_level": 0.15}
MC_TOL = 0.02
EXACT = 1e-9
MU, PHI, SIGMA = 6.0, 0.6, 1.0


def ar1(n: int, *, mu=MU, phi=PHI, sigma=SIGMA, seed=0) -> np.ndarray:
    """Single-quarter growth g_t = mu + phi (g_{t-1} - mu) + e_t, e_t ~ N(0, sigma^2)."""
    rng = np.random.default_rng(seed)
    g, prev = np.empty(n), mu
    for t in range(n):
        prev = mu + phi * (prev - mu) + rng.normal(0.0, sigma)
        g[t] = prev
    return g


def local_level(n: int, *, alpha=0.3, start=6.0, seed=0) -> np.ndarray:
    """ETS(A,N,N) in innovations form: y_t = l_{t-1} + e_t, l_t = l_{t-1} + alpha e_t."""
    rng = np.random.default_rng(seed)
    y, level = np.empty(n), start
    for t in range(n):
        e = rng.normal()
        y[t], level = level + e, level + alpha * e
    return y


def cumulative_frame(g: np.ndarray, first_year: int = 2000) -> pd.DataFrame:
    """Year-to-date growth under equal quarters: the mean of the year's quarters so far."""
    rows = []
    for t in range(len(g)):
        q = t % 4 + 1
        rows.append((first_year + t // 4, 3 * q, float(g[t - q + 1 : t + 1].mean())))
    return pd.DataFrame(rows, columns=["year", "end_month", "growth"])


# -- single-quarter growth ---------------------------------------------------------------------


def test_single_quarter_growth_inverts_cumulative_growth_with_equal_weights():
    g = ar1(20)
    got = single_quarter_growth(cumulative_frame(g, 2019))
    assert np.allclose(got["growth"], g, atol=EXACT)
    assert got["period"].tolist()[:5] == ["2019Q1", "2019Q2", "2019Q3", "2019Q4", "2020Q1"]
    assert set(got["weights_source"]) == {WEIGHTS_EQUAL_QUARTERS}


def test_single_quarter_growth_weights_by_last_years_levels():
    # 2023 quarters 50, 55, 55, 60 (cumulative 50, 105, 160, 220); 2024 quarters grow 4, 5, 6, 7.
    cumulative_2024 = [4.0, 475 / 105, 805 / 160, 1225 / 220]
    ytd = pd.DataFrame(
        {
            "year": [2023] * 4 + [2024] * 4,
            "end_month": [3, 6, 9, 12] * 2,
            "level": [50, 105, 160, 220] + [None] * 4,
            "growth": [None] * 4 + cumulative_2024,
        }
    )
    got = single_quarter_growth(ytd)
    expected = pd.DataFrame(
        {
            "year": [2024] * 4,
            "quarter": [1, 2, 3, 4],
            "period": ["2024Q1", "2024Q2", "2024Q3", "2024Q4"],
            "cumulative": cumulative_2024,
            "growth": [4.0, 5.0, 6.0, 7.0],
            "weight": [50 / 220, 55 / 220, 55 / 220, 60 / 220],
            "weights_source": [WEIGHTS_LEVELS] * 4,
        }
    )
    assert_frame_equal(got, expected, atol=EXACT)


# -- models recover known processes ------------------------------------------------------------


@pytest.fixture(scope="module")
def ar1_forecast():
    g = ar1(122)  # 2000Q1 … 2030Q2: the last year stops after its second quarter
    ytd = cumulative_frame(g)
    return g, ytd, forecast_growth(ytd, method="sarimax")


def test_sarimax_recovers_the_ar1_process(ar1_forecast):
    _, _, fc = ar1_forecast
    assert fc.params["mean"] == pytest.approx(MU, abs=PARAM_TOL["mean"])
    assert fc.params["ar.L1"] == pytest.approx(PHI, abs=PARAM_TOL["ar.L1"])
    assert fc.params["sigma2"] == pytest.approx(SIGMA**2, abs=PARAM_TOL["sigma2"])
    assert (fc.year, fc.quarters_known, fc.n_quarters) == (2030, 2, 122)
    assert fc.weights_source == WEIGHTS_EQUAL_QUARTERS


def test_forecast_distribution_matches_normal_theory(ar1_forecast):
    g, ytd, fc = ar1_forecast
    c, phi, s2 = fc.params["intercept"], fc.params["ar.L1"], fc.params["sigma2"]
    g2 = g[-1]  # the last observed quarter (2030Q2)
    m3 = c + phi * g2
    m4 = c + phi * m3
    known = float(ytd["growth"].iloc[-1])  # cumulative after two equal quarters
    mean = 0.5 * known + 0.25 * (m3 + m4)
    # g3 + g4 = m3 + m4 + (1 + phi) e3 + e4
    sd = 0.25 * math.sqrt(s2 * ((1 + phi) ** 2 + 1))
    assert fc.annual_mean == pytest.approx(mean, abs=MC_TOL)
    for target in (mean - sd, mean, mean + 1.5 * sd):
        theory = 0.5 * math.erfc((target - mean) / (sd * math.sqrt(2)))
        assert fc.probability_of_meeting(target, rounded=False) == pytest.approx(theory, abs=MC_TOL)
    low, high = fc.annual_interval(80)
    assert (low, high) == pytest.approx((mean - 1.2816 * sd, mean + 1.2816 * sd), abs=MC_TOL)


def test_probabilities_respect_the_bound(ar1_forecast):
    _, _, fc = ar1_forecast
    t = fc.annual_mean
    floor = fc.probability_of_meeting(t, rounded=False)
    ceiling = fc.probability_of_meeting(t, "at_most", rounded=False)
    assert floor + ceiling == pytest.approx(1.0, abs=1e-3)
    band = fc.probability_of_meeting(t, "about", tolerance_pp=0.5)
    wider = fc.probability_of_meeting(t, "about", tolerance_pp=1.0)
    assert 0 < band < wider <= 1
    assert probability_of_meeting_target(fc, t + 50) == 0.0


def test_ets_recovers_the_smoothing_weight():
    ytd = cumulative_frame(local_level(123))  # 2000Q1 … 2030Q3
    fc = forecast_growth(ytd, method="ets")
    assert fc.params["smoothing_level"] == pytest.approx(0.3, abs=PARAM_TOL["smoothing_level"])
    assert fc.quarters_known == 3
    assert fc.forecast["period"].tolist() == ["2030Q4"]


def test_forecast_frame_fits_the_fan_chart(ar1_forecast):
    _, _, fc = ar1_forecast
    assert tuple(fc.forecast.columns) == FORECAST_COLUMNS
    assert fc.forecast["period"].tolist() == ["2030Q3", "2030Q4"]
    f = fc.forecast
    assert (f["lower_95"] <= f["lower_80"]).all() and (f["lower_80"] <= f["mean"]).all()
    assert (f["mean"] <= f["upper_80"]).all() and (f["upper_80"] <= f["upper_95"]).all()
    assert list(fc.history.columns) == ["period", "value"]
    assert fc.history["period"].iloc[-1] == "2030Q2"
    assert f["mean"].iloc[-1] == pytest.approx(fc.annual_mean, abs=EXACT)


def test_forecast_draws_as_a_fan_chart_marked_synthetic(ar1_forecast):
    from muye_analysis.charts import plot_growth_forecast
    from muye_analysis.charts.fan import HISTORY_GID, MEAN_GID, SYNTHETIC_GID, TARGET_GID

    _, _, fc = ar1_forecast
    fig = plot_growth_forecast(fc, target=6.0, synthetic=True, lang="zh", history_quarters=6)
    try:
        ax = fig.axes[0]
        lines = {line.get_gid(): line for line in ax.get_lines()}
        assert lines[HISTORY_GID].get_ydata().tolist() == fc.history["value"].tail(6).tolist()
        # the fan starts at the last published value, then follows the forecast means
        assert lines[MEAN_GID].get_ydata()[1:].tolist() == fc.forecast["mean"].tolist()
        assert lines[TARGET_GID].get_ydata()[0] == 6.0
        stamps = [t.get_text() for t in ax.texts if t.get_gid() == SYNTHETIC_GID]
        assert stamps and "合成" in stamps[0]
        ticks = [t.get_text() for t in ax.get_xticklabels()]
        assert ticks[-2:] == ["2030Q3", "2030Q4"]
    finally:
        plt.close(fig)


def test_a_complete_year_forecasts_the_next_one_from_scratch():
    ytd = cumulative_frame(ar1(16), 2020)
    fc = forecast_growth(ytd, method="sarimax", n_paths=2000)
    assert (fc.year, fc.quarters_known) == (2024, 0)
    assert fc.forecast["period"].tolist() == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]


def test_forecast_and_required_growth_share_their_weights():
    # The probability of meeting 6% equals the probability that the rest of the year grows
    # by at least the required growth: one identity, the same weights.
    ytd = cumulative_frame(ar1(30), 2020).iloc[:-1]  # 2027 after Q2 (30 quarters minus one)
    fc = forecast_growth(ytd, method="sarimax")
    known = float(ytd["growth"].iloc[-1])
    need = required_growth(6.0, known, 0.5).required
    rest = (fc.annual_paths - 0.5 * known) / 0.5
    assert fc.probability_of_meeting(6.0, rounded=False) == pytest.approx(
        float(np.mean(rest >= need)), abs=1e-3
    )


# -- refusals and the run-rate -----------------------------------------------------------------


def test_too_little_history_is_refused_plainly():
    ytd = cumulative_frame(ar1(8), 2022)
    with pytest.raises(InsufficientHistory, match=r"^too little history: 8 quarters, need 12$"):
        forecast_growth(ytd, method="ets")
    assert MIN_QUARTERS == 12


def test_a_gap_in_the_series_counts_only_the_latest_run():
    ytd = cumulative_frame(ar1(20), 2020)
    ytd = ytd[~((ytd["year"] == 2022) & (ytd["end_month"] == 6))]  # 2022年1-6月 missing
    # 2022Q3 cannot be separated from 2022Q2, so the run restarts at 2022Q4: 2022Q4..2024Q4.
    with pytest.raises(InsufficientHistory, match="too little history: 9 quarters, need 12"):
        forecast_growth(ytd, method="sarimax")


def test_run_rate_carries_growth_so_far_to_year_end():
    ytd = pd.DataFrame({"year": [2024, 2024], "end_month": [3, 5], "growth": [4.0, 5.5]})
    fc = run_rate(ytd)
    assert fc.annual_mean == 5.5
    assert (fc.year, fc.quarters_known) == (2024, 1)
    assert fc.forecast["period"].tolist() == ["2024Q2", "2024Q3", "2024Q4"]
    assert fc.forecast["mean"].tolist() == [5.5, 5.5, 5.5]
    assert fc.forecast["lower_80"].isna().all()
    with pytest.raises(ValueError, match="no predictive distribution"):
        fc.probability_of_meeting(6.0)
    assert forecast_growth(ytd, method="run_rate").annual_mean == 5.5


# -- backtest ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def noisy_backtest():
    # i.i.d. quarters around 6%: the last quarter is noise, so carrying it forward is poor and a
    # model that estimates the mean does better.
    ytd = cumulative_frame(ar1(32, phi=0.0), 2016)
    return ytd, backtest(ytd)


@pytest.mark.slow
def test_backtest_reports_every_method_at_every_origin(noisy_backtest):
    _, result = noisy_backtest
    summary = result.summary.set_index("method")
    assert list(summary.index) == ["run_rate", "ets", "sarimax", "naive_last", "naive_seasonal"]
    # origins: quarter ends 12..31 of 32 whose full year is published (all but the last Q4)
    assert set(summary["n"]) == {20}
    assert summary.loc["naive_last", "mae_ratio"] == 1.0
    assert (summary["rmse"] >= summary["mae"]).all()
    assert summary.loc["sarimax", "mae"] < summary.loc["naive_last", "mae"]


@pytest.mark.slow
def test_backtest_naive_forecast_by_hand(noisy_backtest):
    ytd, result = noisy_backtest
    g = single_quarter_growth(ytd)["growth"].to_numpy()
    row = result.errors.query("origin == '2019Q2' and method == 'naive_last'").iloc[0]
    # after 2019Q2: half the year known, Q3 and Q4 repeat Q2's growth (equal quarters)
    expected = 0.5 * (g[12] + g[13]) / 2 + 0.5 * g[13]
    assert row["forecast"] == pytest.approx(expected, abs=EXACT)
    assert row["actual"] == pytest.approx(g[12:16].mean(), abs=EXACT)
    seasonal = result.errors.query("origin == '2019Q2' and method == 'naive_seasonal'").iloc[0]
    assert seasonal["forecast"] == pytest.approx(
        0.5 * (g[12] + g[13]) / 2 + 0.25 * (g[10] + g[11]), abs=EXACT
    )


def test_backtest_refuses_a_short_series():
    with pytest.raises(InsufficientHistory, match="too little history"):
        backtest(cumulative_frame(ar1(10), 2020))


def test_the_methods_are_one_registry_and_an_unknown_one_is_named():
    from muye_analysis.forecast import METHODS, methods

    assert METHODS == ("combined", "base_effect", "run_rate", "ets", "sarimax")
    assert all(methods.find(name).name == name for name in METHODS)
    with pytest.raises(ValueError, match=r"unknown method 'arima'; use one of \('combined'"):
        forecast_growth(pd.DataFrame(), method="arima")


def test_the_single_method_backtest_sends_the_combined_forecast_to_its_own():
    from muye_analysis.forecast import calibration

    with pytest.raises(ValueError, match=r"combine\.rolling_backtest"):
        calibration.rolling_backtest(pd.DataFrame(), methods=("combined",))
