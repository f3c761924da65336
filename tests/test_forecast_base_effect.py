"""The default forecast (base_effect): it recovers the base-effect and shock structure it was
given, uses every published month, is calibrated in a rolling backtest, and judges targets on
the published rounding. Simulated series are synthetic (np.random.default_rng(0)); the last
tests read the real Henan series in data/raw/ytd_real/.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from muye_analysis.errors import DataError
from muye_analysis.forecast import (
    DEFAULT_METHOD,
    FORECAST_COLUMNS,
    GrowthForecast,
    InsufficientHistory,
    anchor,
    base_effect,
    calibration,
    forecast_growth,
    probability_of_meeting_target,
    publish_round,
    real_data,
)
from muye_analysis.targets import WEIGHTS_LEVELS

# Named tolerances: parameter recovery from 30 simulated years of complete quarterly data.
RECOVERY_TOL = {"ar.L1": 0.2, "seasonal_ma": 0.25, "mean": 0.6}
SHOCK_SCALE_RANGE = (2.5, 7.0)  # true 4: twelve shock quarters estimate it within ~x1.6
MU, PHI, THETA, SIGMA, KAPPA = 6.0, 0.5, -0.6, 1.0, 4.0
FIRST_YEAR = 1995  # 1995-2024 covers the 2020-2022 shock span of config.SHOCK_SPAN


def simulate(years: int, *, seed: int = 0, first_year: int = FIRST_YEAR) -> np.ndarray:
    """Single-quarter growth g_t = MU + u_t, u_t = PHI u_{t-1} + e_t + THETA e_{t-4}, with
    e_t ~ N(0, SIGMA^2), times KAPPA in 2020-2022."""
    rng = np.random.default_rng(seed)
    n = years * 4
    scale = np.array([KAPPA if 2020 <= first_year + t // 4 <= 2022 else 1.0 for t in range(n)])
    e = rng.normal(0.0, SIGMA, n + 4) * np.concatenate([np.ones(4), scale])
    u, g = 0.0, np.empty(n)
    for t in range(n):
        u = PHI * u + e[t + 4] + THETA * e[t]
        g[t] = MU + u
    return g


def cumulative(g: np.ndarray, first_year: int = FIRST_YEAR) -> pd.DataFrame:
    """Published-style cumulative growth at quarter ends (equal quarters, one decimal)."""
    rows = []
    for t in range(len(g)):
        q = t % 4 + 1
        rows.append((first_year + t // 4, 3 * q, round(float(g[t - q + 1 : t + 1].mean()), 1)))
    return pd.DataFrame(rows, columns=["year", "end_month", "growth"])


@pytest.fixture(scope="module")
def simulated_fit():
    g = simulate(30)
    fitted, design = base_effect.fit(cumulative(g))
    return g, fitted, design


def test_recovers_the_base_effect_and_momentum(simulated_fit):
    _, fitted, _ = simulated_fit
    assert fitted.params["ar.L1"] == pytest.approx(PHI, abs=RECOVERY_TOL["ar.L1"])
    assert fitted.params["seasonal_ma"] == pytest.approx(THETA, abs=RECOVERY_TOL["seasonal_ma"])
    assert fitted.params["mean"] == pytest.approx(MU, abs=RECOVERY_TOL["mean"])


def test_recovers_the_shock_variance_of_the_covid_quarters(simulated_fit):
    _, fitted, _design = simulated_fit
    low, high = SHOCK_SCALE_RANGE
    assert low <= fitted.params["shock_scale"] <= high
    assert len(fitted.shock_units) == 12  # 2020Q1 … 2022Q4


def test_single_quarters_are_recovered_from_cumulative_figures(simulated_fit):
    g, fitted, design = simulated_fit
    smoothed = base_effect.smoothed_periods(fitted, design)
    # complete equal-weight quarters: only the one-decimal rounding blurs them (a few tenths)
    assert np.max(np.abs(smoothed["growth"].to_numpy() - g)) < 0.5


def test_observation_row_weights_months_inside_a_quarter():
    # 1-10月 with equal quarters: Q1-Q3 whole, a third of Q4, over 3 1/3 quarters
    row, inside = base_effect.observation_row(10, (0.25,) * 4, 4)
    assert inside
    assert row.tolist() == pytest.approx([0.3, 0.3, 0.3, 0.1])
    row, inside = base_effect.observation_row(6, (0.2, 0.3, 0.25, 0.25), 4)
    assert not inside and row.tolist() == pytest.approx([0.4, 0.6, 0.0, 0.0])


def test_unit_weights_from_last_years_levels_and_interpolation():
    levels = {(2023, 3): 50.0, (2023, 6): 105.0, (2023, 9): 160.0, (2023, 12): 220.0}
    shares, source = base_effect.unit_weights(2024, levels, 4)
    assert shares == pytest.approx((50 / 220, 55 / 220, 55 / 220, 60 / 220))
    assert source == WEIGHTS_LEVELS  # the code: last year's cumulative levels
    del levels[(2023, 3)]  # Q1 interpolated on the straight line from 0 to 105 at June
    shares, source = base_effect.unit_weights(2024, levels, 4)
    assert shares[0] == pytest.approx(52.5 / 220)
    assert source == base_effect.WEIGHTS_LEVELS_INTERPOLATED


@pytest.mark.slow
def test_every_published_month_moves_the_forecast():
    ytd = cumulative(simulate(30)).iloc[:-1]  # 2024 stops after its third quarter
    high = pd.concat([ytd, pd.DataFrame({"year": [2024], "end_month": [10], "growth": [9.0]})])
    low = pd.concat([ytd, pd.DataFrame({"year": [2024], "end_month": [10], "growth": [0.0]})])
    fc_high = forecast_growth(high, method="base_effect")
    fc_low = forecast_growth(low, method="base_effect")
    assert fc_high.year == fc_low.year == 2024
    assert fc_high.months_known == 10
    assert fc_high.annual_mean - fc_low.annual_mean > 1.0  # 1-10月 is used, not dropped


@pytest.mark.slow
def test_gaps_are_used_not_refused():
    ytd = cumulative(simulate(30))
    gappy = ytd[~((ytd["year"] == 2019) & (ytd["end_month"].isin([6, 9])))]
    fc = forecast_growth(gappy.iloc[:-1], method="base_effect")
    assert fc.year == 2024 and fc.quarters_known == 3
    assert fc.history["period"].tolist().count("2019Q2") == 1  # kept on the axis as a gap
    assert np.isnan(fc.history.set_index("period").loc["2019Q2", "value"])


def test_too_little_history_is_refused_plainly():
    ytd = pd.DataFrame({"year": [2023, 2023, 2024], "end_month": [6, 12, 6], "growth": [5, 5, 5]})
    with pytest.raises(InsufficientHistory, match=r"^too little history: 3 published figures"):
        forecast_growth(ytd)


# -- API kept for callers ---------------------------------------------------------------------


@pytest.mark.slow
def test_base_effect_forecast_keeps_the_callers_api():
    ytd = cumulative(simulate(30)).iloc[:-2]  # 2024 after two quarters
    fc = forecast_growth(ytd, method="base_effect", n_paths=4000)
    assert fc.method == "base_effect" and DEFAULT_METHOD == "combined"
    assert isinstance(fc, GrowthForecast) and isinstance(fc.annual_mean, float)
    low, high = fc.annual_interval(80)
    wide_low, wide_high = fc.annual_interval(95)
    assert wide_low < low < fc.annual_mean < high < wide_high
    assert tuple(fc.forecast.columns) == FORECAST_COLUMNS
    assert fc.forecast["period"].tolist() == ["2024Q3", "2024Q4"]  # year to date (1-9月, 全年)
    assert fc.forecast["mean"].iloc[-1] == pytest.approx(fc.annual_mean, abs=0.05)
    assert 0 <= fc.probability_of_meeting(6.0) <= 1
    assert fc.remaining_share == pytest.approx(0.5)


def test_yesterdays_methods_stay_available():
    ytd = cumulative(simulate(30)).iloc[:-2]
    assert forecast_growth(ytd, method="sarimax").method == "sarimax"
    assert forecast_growth(ytd, method="run_rate").annual_mean == ytd["growth"].iloc[-1]


# -- probabilities on the published rounding ----------------------------------------------------


def test_publish_round_rounds_half_up_to_one_decimal():
    assert publish_round([5.95, 5.949, 2.25, -0.05, 6.04]).tolist() == [6.0, 5.9, 2.3, 0.0, 6.0]


def test_targets_are_judged_on_the_published_figure():
    fc = GrowthForecast(
        method="test", year=2024, quarters_known=3, history=pd.DataFrame(),
        forecast=pd.DataFrame(), annual_mean=6.0, weights=(0.25,) * 4,
        weights_source="", n_quarters=0, annual_paths=np.array([5.94, 5.95, 5.96, 6.04]),
    )  # fmt: skip
    # published: 5.9, 6.0, 6.0, 6.0 -> three of four meet "6% 以上"; unrounded only one
    assert probability_of_meeting_target(fc, 6.0) == 0.75
    assert probability_of_meeting_target(fc, 6.0, rounded=False) == 0.25
    assert probability_of_meeting_target(fc, 5.9, "at_most") == 0.25


# -- scenarios and anchoring --------------------------------------------------------------------


def test_district_nowcast_is_the_wider_forecast_plus_the_usual_gap():
    district = pd.DataFrame({"year": [2021, 2022], "end_month": [12, 12], "growth": [7.0, 5.0]})
    city = pd.DataFrame({"year": [2021, 2022], "end_month": [12, 12], "growth": [6.0, 3.5]})
    wider = GrowthForecast(
        method="test", year=2023, quarters_known=3, history=pd.DataFrame(),
        forecast=pd.DataFrame(), annual_mean=5.0, weights=(0.25,) * 4, weights_source="",
        n_quarters=0, annual_paths=np.array([4.0, 6.0]),
    )  # fmt: skip
    now = anchor.anchored_nowcast(district, city, wider)
    assert now.gap_mean == 1.25 and now.mean == 6.25
    gap_sd = np.std([1.0, 1.5], ddof=1)
    assert now.sd == pytest.approx(np.sqrt(1.0 + gap_sd**2 * 1.5))
    assert now.gap_years == (2021, 2022)


# -- backtest and coverage ----------------------------------------------------------------------


def test_interval_score_is_width_plus_ten_times_the_miss():
    assert calibration.interval_score(1.0, 3.0, 2.0) == 2.0
    assert calibration.interval_score(1.0, 3.0, 4.0) == 12.0
    assert calibration.interval_score(1.0, 3.0, 0.5) == 7.0


@pytest.mark.slow
def test_intervals_cover_about_as_often_as_they_say_on_the_model_s_own_data():
    # 2000-2011, no shock quarters (an unforeseen shock is what no interval can promise);
    # 24 overlapping origins estimate coverage to about +-0.1, hence the band.
    ytd = cumulative(simulate(12, seed=1, first_year=2000))
    bt = calibration.rolling_backtest(ytd, methods=("base_effect", "run_rate"), min_figures=24)
    row = bt.summary.set_index("method").loc["base_effect"]
    assert row["n"] == 24 and row["refused"] == 0  # origins 2006Q1 … 2011Q3 with 全年 known
    assert 0.6 <= row["coverage_80"] <= 1.0  # 16 of 24 with this seed
    assert row["coverage_95"] >= row["coverage_80"]
    assert bt.coverage("base_effect")["n"] == 24


# -- real data ----------------------------------------------------------------------------------


def test_real_series_load_with_their_sources():
    series = real_data.load_real_series()
    henan = real_data.area_ytd("河南省", "gdp", series)
    full_2019 = henan[(henan["year"] == 2019) & (henan["end_month"] == 12)].iloc[0]
    assert full_2019["growth"] == 7.0 and full_2019["level"] == 54259.20
    assert "henan100.com" in full_2019["url"]
    h1_2021 = henan[(henan["year"] == 2021) & (henan["end_month"] == 6)].iloc[0]
    assert h1_2021["growth"] == 10.2 and h1_2021["derived"] == "(7.1+3.1)"
    assert set(series["area"]) == {"河南省", "新乡市", "广东省", "全国"}


def test_guangdong_held_out_series_loads_with_its_derived_rows():
    guangdong = real_data.area_ytd("广东省", "gdp")
    assert len(guangdong) == 27  # 2013-2025, 2014 and 2017 missing
    q1_2021 = guangdong[(guangdong["year"] == 2021) & (guangdong["end_month"] == 3)].iloc[0]
    assert q1_2021["growth"] == 18.6 and "globaltimes.cn" in q1_2021["url"]
    derived = guangdong[guangdong["derived"] != ""]
    assert list(zip(derived["year"], derived["end_month"], strict=True)) == [(2013, 3), (2013, 6)]


@pytest.mark.slow
def test_guangdong_held_out_backtest_reports_its_real_coverage():
    # Guangdong was collected after the model was built and nothing was chosen on it. The
    # numbers come from one run: 15 origins 2019-03 … 2023-06, 10 covered by the 80% interval.
    # The recalibration never engages: outside the shock years 2020-2022 (whose errors it
    # leaves out) the series has too few past errors before 2023, so the scale stays 1 and the
    # result is the model's own (issue 11b's 10 of 15). With the shock years counted (issue
    # 11c) the scale reached 1.15 and covered 2022-12 too. The misses are the origin before
    # COVID (2019-12: 2020 came in at 2.3%), 2022-03 (the spring lockdowns), 2022-12 and two
    # 2023 origins where the model expected a stronger rebound from 2022's low base than the
    # 4.8% published for 2023.
    guangdong = real_data.area_ytd("广东省", "gdp")
    bt = calibration.rolling_backtest(guangdong, methods=("base_effect",))
    row = bt.summary.set_index("method").loc["base_effect"]
    assert (row["n"], row["refused"]) == (15, 0)
    assert row["coverage_80"] == pytest.approx(10 / 15)
    assert row["coverage_95"] == pytest.approx(12 / 15)
    assert (bt.errors["scale"] == 1.0).all()
    missed = bt.errors.loc[~bt.errors["covered_80"], "origin"].tolist()
    assert missed == ["2019-12", "2022-03", "2022-12", "2023-03", "2023-06"]
    counted = calibration.interval_scale  # with the shock years counted, as in issue 11c
    past = calibration.past_errors(guangdong[guangdong["year"] <= 2022])
    assert counted(past["z"], past["year"], skip_years=()) > 1.1
    assert counted(past["z"], past["year"]) == 1.0


def test_conflicting_real_figures_name_file_and_row(tmp_path):
    path = tmp_path / "bad.csv"
    header = ",".join(real_data.COLUMNS)
    path.write_text(
        f"{header}\n河南省,地区生产总值,2024年1-9月,growth_pct,5.0,%,u,q\n"
        "河南省,地区生产总值,2024年1-9月,growth_pct,5.1,%,u,q\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="row 3") as info:
        real_data.load_real_series(path)
    assert info.value.column == "value"


@pytest.mark.slow
def test_henan_gdp_backtest_is_calibrated_over_many_origins():
    henan = real_data.area_ytd("河南省", "gdp")
    bt = calibration.rolling_backtest(henan, methods=("base_effect", "run_rate"))
    row = bt.summary.set_index("method").loc["base_effect"]
    # 19 origins 2020-06 … 2025-09; the first is refused (its history spans 11 quarters)
    assert row["n"] == 18 and row["refused"] == 1
    assert 0.75 <= row["coverage_80"] <= 1.0


@pytest.mark.slow
def test_district_nowcast_uses_only_what_the_wider_area_had_published():
    wider = cumulative(simulate(30))  # 1995-2024, quarter ends
    annual = wider[(wider["end_month"] == 12) & (wider["year"] < 2024)]
    district = annual.assign(growth=lambda f: f["growth"] + 1.0)
    district = pd.concat(
        [district, pd.DataFrame({"year": [2024], "end_month": [6], "growth": [7.0]})]
    ).reset_index(drop=True)
    now = anchor.nowcast_from_wider(district, wider, n_paths=2000, method="base_effect")
    assert now.year == 2024
    assert now.gap_mean == pytest.approx(1.0)  # the district ran one point above every year
    assert now.gap_sd == pytest.approx(0.0, abs=1e-9)
    expected = forecast_growth(
        wider[(wider["year"] < 2024) | (wider["end_month"] <= 6)], method="base_effect"
    )
    assert now.wider_mean == pytest.approx(expected.annual_mean)


def test_fan_axis_reads_year_to_date_spans():
    from muye_analysis.periods import axis_label

    assert axis_label("2025M01-09") == "1-9月\n2025"
    assert axis_label("2025Q1", "en") == "Jan-Mar\n2025"
    assert axis_label("2025M01-12", "en") == "Jan-Dec\n2025"
    assert axis_label("2024Q3") == "1-9月\n2024"  # Period.code of 1-9月累计
    assert axis_label("2024M10", "en") == "Jan-Oct\n2024"
    assert axis_label("2024M05", "en") == "Jan-May\n2024"
    assert axis_label("2024M07-09") == "2024M07-09"  # 三季度 alone: not year to date, left alone
