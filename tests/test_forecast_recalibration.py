"""Recalibration of base_effect's intervals from its own past errors (issue 11c).

Synthetic series here are SIMULATED (tests only), from the generator in test_forecast_base_effect.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from muye_analysis.charts.fan import coverage_text
from muye_analysis.forecast import calibration, forecast_growth
from tests.test_forecast_base_effect import cumulative, simulate

SCALE_TOL = 0.3  # on the model's own long data the scale stays within 1 +- this (0.94-1.21)
WIDER = 1.2  # errors twice the model's sd over 5 years: 2 ** (5 / 8) = 1.54 expected
Z80 = 1.2815515655446004


def test_scale_is_the_conformal_quantile_shrunk_toward_one_by_hand():
    # 10 errors over 5 years: rank ceil(0.8 x 11) = 9, the 9th smallest |z| is 2 x 1.28155,
    # raw scale 2, shrunk by 5 / (5 + 3): 2 ** 0.625 = 1.5422
    z = [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, 0.8, -2 * Z80, 9.0]
    years = [2001, 2001, 2002, 2002, 2003, 2003, 2004, 2004, 2005, 2005]
    assert calibration.interval_scale(z, years) == pytest.approx(2**0.625, rel=1e-9)
    # the single largest error (9.0) does not matter
    z[-1] = 90.0
    assert calibration.interval_scale(z, years) == pytest.approx(1.5422, abs=1e-4)


def test_scale_stays_one_until_enough_past_errors():
    assert calibration.interval_scale([3.0] * 8, [2001] * 4 + [2002] * 4) == 1.0  # 8 < 9 errors
    assert calibration.interval_scale([3.0] * 12, [2001] * 12) == 1.0  # one year only
    assert calibration.interval_scale([], []) == 1.0


def test_scale_is_above_one_when_past_errors_are_larger_than_predicted():
    rng = np.random.default_rng(0)
    z = rng.normal(0.0, 2.0, 40)  # errors twice the model's sd, 10 years of 4 origins
    years = np.repeat(np.arange(2010, 2020), 4)
    assert calibration.interval_scale(z, years) > WIDER  # 1.26: the latest 5 years count
    assert calibration.interval_scale(z, years, window_years=None) > WIDER


def test_scale_is_about_one_when_the_model_is_right():
    rng = np.random.default_rng(0)
    z = rng.normal(0.0, 1.0, 40)
    years = np.repeat(np.arange(2010, 2020), 4)
    assert abs(calibration.interval_scale(z, years) - 1.0) < SCALE_TOL


@pytest.mark.slow
def test_scale_stays_near_one_on_the_model_s_own_long_data():
    # 24 simulated years without shock quarters (labelled 1995-2018); origins 2010-12 … 2018-09
    # each have more than 15 years of history, where the model's own sd is about right
    ytd = cumulative(simulate(24, seed=3, first_year=1970))
    bt = calibration.rolling_backtest(ytd, methods=("base_effect",), min_figures=64)
    scales = bt.errors["scale"]
    assert len(scales) == 32
    assert ((scales - 1.0).abs() < SCALE_TOL).all()  # 0.94 … 1.21 with this seed


@pytest.mark.slow
def test_scale_widens_after_a_shock_the_model_was_not_told_about():
    g = simulate(12, seed=1, first_year=2000)
    g[32:36] -= 6.0  # 2008 falls 6 points: a shock year outside config.SHOCK_SPAN
    bt = calibration.rolling_backtest(cumulative(g, 2000), methods=("base_effect",),
                                      min_figures=24)  # fmt: skip
    by_origin = dict(zip(bt.errors["origin"], bt.errors["scale"], strict=True))
    # before 2008's outcome the scale is 1.60 (forecasts from 2-5 years of history are too
    # confident); once 2008's 全年 is published its four wide misses raise it to 2.06
    assert by_origin["2008-12"] > by_origin["2008-09"] + 0.3
    assert by_origin["2011-09"] < by_origin["2008-12"]  # calm years shrink it back (1.33)


@pytest.mark.slow
def test_recalibration_never_uses_outcomes_after_the_origin():
    g = simulate(12, seed=1, first_year=2000)
    g[32:36] -= 6.0
    ytd = cumulative(g, 2000)
    before = calibration.rolling_backtest(ytd, methods=("base_effect",), min_figures=24).errors
    changed = ytd.copy()
    after_origin = changed["year"] >= 2010  # every figure after the 2009-12 origin
    changed.loc[after_origin, "growth"] += 5.0
    after = calibration.rolling_backtest(changed, methods=("base_effect",), min_figures=24).errors
    row_b = before.set_index("origin").loc["2009-12"]
    row_a = after.set_index("origin").loc["2009-12"]
    assert row_b["scale"] > 1.0  # the check is not trivial: the scale is in use there
    # the outcome (2010 全年) changed, the interval at the origin did not
    assert row_a["actual"] == pytest.approx(row_b["actual"] + 5.0)
    for column in ("forecast", "scale", "lower_80", "upper_80", "lower_95", "upper_95"):
        assert row_a[column] == pytest.approx(row_b[column], rel=1e-6)


@pytest.mark.slow
def test_the_base_effect_forecast_carries_the_backtest_s_scale():
    g = simulate(12, seed=1, first_year=2000)
    g[32:36] -= 6.0
    ytd = cumulative(g, 2000)
    upto = ytd[(ytd["year"] < 2010)]  # the 2009-12 origin
    bt = calibration.rolling_backtest(ytd, methods=("base_effect",), min_figures=24).errors
    row = bt.set_index("origin").loc["2009-12"]
    fc = forecast_growth(upto, method="base_effect")
    assert fc.interval_scale == pytest.approx(row["scale"], rel=1e-3)
    last = fc.forecast.iloc[-1]
    assert last["mean"] == pytest.approx(row["forecast"], abs=1e-3)  # the point is unchanged
    assert last["upper_80"] - last["mean"] == pytest.approx(row["upper_80"] - row["forecast"],
                                                            rel=1e-3)  # fmt: skip
    uncalibrated = calibration.rolling_backtest(ytd, methods=("base_effect_raw",),
                                                min_figures=24).errors  # fmt: skip
    raw_row = uncalibrated.set_index("origin").loc["2009-12"]
    width, raw_width = row["upper_80"] - row["lower_80"], raw_row["upper_80"] - raw_row["lower_80"]
    assert width == pytest.approx(raw_width * row["scale"], rel=1e-9)
    assert raw_row["forecast"] == row["forecast"]


def test_fan_subtitle_says_the_intervals_were_recalibrated():
    coverage = {"n": 18, "coverage_80": 0.889, "coverage_95": 0.944}
    assert "校准" not in coverage_text(coverage, "zh")
    assert coverage_text({**coverage, "scale": 1.0}, "zh") == coverage_text(coverage, "zh")
    text = coverage_text({**coverage, "scale": 1.234}, "zh")
    assert text.endswith("；区间按以往误差校准×1.23")
    assert coverage_text({**coverage, "scale": 1.234}, "en").endswith(
        "; intervals scaled on past errors x1.23"
    )


def synthetic_monthly_shift(seed: int = 0) -> pd.DataFrame:
    """SYNTHETIC monthly year-to-date growth 2012-2024 (1-2月 … 1-12月, one decimal): single
    months 8 + u_t, u_t = 0.6 u_{t-1} + e_t - 0.5 e_{t-12}, a level shift of -3 points from
    2016 and innovations x6 in 2017, a shock year config.SHOCK_SPAN does not name."""
    rng = np.random.default_rng(seed)
    n, first = 13 * 12, 2012
    e = rng.normal(0, 1.0, n + 12)
    e[12:] *= np.array([6.0 if first + t // 12 == 2017 else 1.0 for t in range(n)])
    u, g = 0.0, np.empty(n)
    for t in range(n):
        u = 0.6 * u + e[t + 12] - 0.5 * e[t]
        g[t] = 8.0 - (3.0 if first + t // 12 >= 2016 else 0.0) + u
    rows = [(first + t // 12, t % 12 + 1, round(float(g[t - t % 12 : t + 1].mean()), 1))
            for t in range(n) if t % 12]  # fmt: skip
    return pd.DataFrame(rows, columns=["year", "end_month", "growth"])


COVERAGE_BAND = (0.75, 0.95)  # ~100 overlapping monthly origins estimate coverage to about +-0.1


@pytest.mark.slow
def test_monthly_series_with_a_level_shift_and_a_shock_year_is_recalibrated():
    ytd = synthetic_monthly_shift()
    bt = calibration.rolling_backtest(ytd, methods=("base_effect", "base_effect_raw"),
                                      first_origin_year=2015)  # fmt: skip
    summary = bt.summary.set_index("method")
    cal, raw = summary.loc["base_effect"], summary.loc["base_effect_raw"]
    assert cal["n"] == 109 and cal["mae"] == raw["mae"]  # the point forecast is unchanged
    assert COVERAGE_BAND[0] <= cal["coverage_80"] <= COVERAGE_BAND[1]  # 0.91 (raw 0.88)
    scale = bt.errors[bt.errors["method"] == "base_effect"].groupby("year")["scale"].mean()
    assert scale[2018] > scale[2017] > 1.0  # 2017's wide misses, once published, widen 2018's


def test_each_history_is_fitted_once_and_a_revised_figure_is_fitted_again(monkeypatch):
    from muye_analysis.forecast import engine

    calls = []
    real = engine.forecast_base_effect

    def counting(upto, **options):
        calls.append(len(upto))
        return real(upto, **options)

    monkeypatch.setattr(engine, "forecast_base_effect", counting)
    monkeypatch.setattr(calibration, "_RAW_CACHE", {})
    ytd = cumulative(simulate(5, seed=11, first_year=2001))
    first = calibration.rolling_backtest(ytd, methods=("base_effect",)).errors
    fitted = len(calls)
    assert fitted == len(ytd) - calibration.MIN_FIGURES  # one fit per origin
    again = calibration.rolling_backtest(ytd, methods=("base_effect",)).errors
    assert len(calls) == fitted  # the fan caption's second pass refits nothing
    pd.testing.assert_frame_equal(first, again)
    revised = ytd.copy()
    revised.loc[9, "growth"] = revised.loc[9, "growth"] + 0.5  # a revised figure at row 9
    calibration.rolling_backtest(revised, methods=("base_effect",))
    assert sorted(set(calls[fitted:])) == list(range(10, len(ytd)))  # prefixes holding row 9


def test_errors_of_shock_years_do_not_set_the_scale():
    # 2019 and 2023 errors at twice the sd; the 2020-2022 errors (small against the model's
    # shock variance) would otherwise pull the scale under 1
    z = [2 * Z80] * 5 + [0.1] * 45 + [2 * Z80] * 5
    years = [2019] * 5 + [2020] * 15 + [2021] * 15 + [2022] * 15 + [2023] * 5
    assert calibration.shock_years() == frozenset({2020, 2021, 2022})
    # kept: 10 errors over 2019 and 2023, all 2 x Z80: raw 2, shrunk by 2 / (2 + 3)
    assert calibration.interval_scale(z, years) == pytest.approx(2**0.4, rel=1e-9)
    # counted (55 errors, conformal rank 45), the 45 small shock-year errors set the 80%
    # quantile: 0.1 / Z80, shrunk by 5 / (5 + 3)
    kept_all = calibration.interval_scale(z, years, skip_years=())
    assert kept_all == pytest.approx((0.1 / Z80) ** 0.625, rel=1e-9)


def test_the_backtest_table_shows_origins_and_coverage_in_percent_in_both_languages():
    from muye_analysis.tables import show_table

    summary = pd.DataFrame(
        {"method": ["base_effect", "run_rate"], "n": [18, 19], "refused": [1, 0],
         "mae": [1.14, 1.13], "rmse": [1.73, 1.78], "coverage_80": [0.889, np.nan],
         "coverage_95": [0.944, np.nan], "interval_score": [3.82, np.nan]}
    )  # fmt: skip
    table = calibration.summary_table(summary)
    columns = ["method", "origins", "refused", "mae", "rmse", "coverage_80_pct",
               "coverage_95_pct", "interval_score"]  # fmt: skip
    assert list(table.columns) == columns
    assert table["coverage_80_pct"].iloc[0] == pytest.approx(88.9)
    zh = show_table(table, "zh").data
    assert list(zh.columns[:3]) == ["方法", "回测次数", "历史不足未预测"]
    assert "80%区间覆盖率（%）" in zh.columns
    assert zh.iloc[0, 0] == "基数效应结构模型（区间已校准）"
    en = show_table(table, "en").data
    assert list(en.columns[:2]) == ["Method", "Origins"]
    assert en.iloc[1, 0] == "run rate (growth so far)"
    assert np.isnan(en.iloc[1]["80% interval coverage (%)"])  # a point method has no interval,
    assert "—" in show_table(table, "en").to_html()  # shown as the one missing marker
    shown = show_table(table, "zh", decimals=calibration.SUMMARY_DECIMALS).to_html()
    assert ">89<" in shown and ">94<" in shown and ">1.14<" in shown  # whole percents, 0.01 pp
