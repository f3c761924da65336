"""The default forecast: base effects on the two-year basis, the combination of methods by their
own record, the cold-start scale, scenarios with economic assumptions, and the slide's facts.

Fast tests: real figures where the arithmetic is checked (national GDP 2021, whose two-year
averages the statistics bureau published), hand-made candidate tables elsewhere. The accuracy
of the whole forecast on long real series is measured by benchmarks/bench_forecast_real.py and
checked by benchmarks/test_forecast_accuracy.py, not here.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from muye_analysis.forecast import basis, calibration, combine, presentation, real_data
from muye_analysis.forecast.core import GrowthForecast
from muye_analysis.forecast.scenarios import scenarios
from muye_analysis.periods import Period

GDP = real_data.area_ytd("全国", "gdp")


def upto(frame: pd.DataFrame, year: int, month: int) -> pd.DataFrame:
    keep = (frame["year"] < year) | ((frame["year"] == year) & (frame["end_month"] <= month))
    return frame[keep].reset_index(drop=True)


# -- base effects: the two-year basis ---------------------------------------------------------


def test_two_year_averages_are_the_ones_the_bureau_published():
    two_year = basis.to_basis(upto(GDP, 2021, 12), 2).set_index(["year", "end_month"])["growth"]
    # NBS: 一季度两年平均增长5.0%, 上半年5.3%, 前三季度5.2%, 全年5.1%
    assert [round(two_year[(2021, m)], 1) for m in (3, 6, 9, 12)] == [5.0, 5.3, 5.2, 5.2]
    assert two_year[(2021, 12)] == pytest.approx(100 * (math.sqrt(1.081 * 1.023) - 1))


def test_from_basis_turns_a_two_year_average_back_into_this_year_s_growth():
    # a 5.0% two-year average over 2019 with 2020 at 2.3% is 1.05^2 / 1.023 - 1 = 7.77% in 2021
    assert basis.from_basis(5.0, GDP, 2021, 2) == pytest.approx(100 * (1.05**2 / 1.023 - 1))
    assert basis.from_basis(5.0, GDP, 2021, 1) == 5.0


def test_2021_is_reasoned_on_the_two_year_basis_and_2022_on_the_plain_one():
    first = basis.basis_for(upto(GDP, 2021, 3), 2021, 3)
    assert (first.years, first.reference_year, first.abnormal) == (2, 2019, (2020,))
    # 2021 undid 2020's departure, so 2021 is a normal base for 2022
    assert basis.basis_for(upto(GDP, 2022, 3), 2022, 3).plain
    assert basis.basis_for(upto(GDP, 2019, 3), 2019, 3).plain  # ordinary years: plain
    from_scratch = basis.basis_for(upto(GDP, 2020, 12), 2021, 0)  # at 2020's 全年
    assert from_scratch.years == 2


def test_the_2021_gdp_jump_is_not_extrapolated():
    """2021 Q1: 18.3% on 2020 Q1's -6.8%; the year came in at 8.1%. The simple methods on the
    two-year basis land near it; the structured model is left out of the weights there."""
    recent = GDP[GDP["year"] >= 2014]  # seven years of history are enough, and fit fast
    row = combine._candidates(upto(recent, 2021, 3), 12, None)
    assert row["basis"].years == 2
    assert row["run_rate"] == pytest.approx(100 * (1.183 * 0.932 / 1.023 - 1), abs=1e-9)  # 7.8
    assert abs(row["run_rate"] - 8.1) < 0.5  # the plain run-rate says 18.3
    assert abs(row["sarimax"] - 8.1) < 2.0


# -- the combination, on hand-made candidate tables ------------------------------------------


def _fake_candidates(truth: dict[int, float], forecasts: dict[str, float]):
    """A stand-in for ``combine._candidates``: each method forecasts the truth plus a fixed
    error; the structured model's sd is 1."""

    def candidates(upto_frame, min_quarters, warm):
        y, m = int(upto_frame["year"].iloc[-1]), int(upto_frame["end_month"].iloc[-1])
        year, months = (y + 1, 0) if m == 12 else (y, m)
        row = {"origin": (y, m), "year": year, "months": months, "params": None,
               "basis": basis.Basis(year, months, 1, year - 1, None, ()), "sd": 1.0}  # fmt: skip
        for method, error in forecasts.items():
            row[method] = truth[year] + error
        return row

    return candidates


@pytest.fixture
def fake_table(monkeypatch):
    years = range(2010, 2021)
    truth = {y: 6.0 + 0.1 * (y - 2010) for y in range(2010, 2022)}  # 2021: forecast only
    ytd = pd.DataFrame(
        [(y, m, truth[y]) for y in years for m in (3, 6, 9, 12)],
        columns=["year", "end_month", "growth"],
    )
    errors = {"base_effect": 0.5, "sarimax": 1.0, "run_rate": -2.0}
    monkeypatch.setattr(combine, "_candidates", _fake_candidates(truth, errors))
    monkeypatch.setattr(combine, "_ROWS", {})
    return ytd, combine.combined_table(ytd)


def test_weights_follow_each_method_s_own_record_by_hand(fake_table):
    _, table = fake_table
    last = table.iloc[-1]
    info = last["combination"]
    # relative squared errors: 0.25, 1, 4 over their mean 1.75 -> 1/7, 4/7, 16/7; weights
    # proportional to their inverse squared, shrunk toward 1/3 by n / (n + 4)
    relative = np.array([0.25, 1.0, 4.0]) / 1.75
    inverse = 1 / relative**2
    inverse /= inverse.sum()
    n = info.errors_used["base_effect"]
    shrink = n / (n + combine.WEIGHT_PRIOR_ERRORS)
    expected = shrink * inverse + (1 - shrink) / 3
    got = [info.weights[m] for m in ("base_effect", "sarimax", "run_rate")]
    assert got == pytest.approx(expected)
    assert info.weights["base_effect"] > info.weights["sarimax"] > info.weights["run_rate"]
    assert sum(info.weights.values()) == pytest.approx(1.0)
    # the latest ten target years count, the shock years (2020) not: the origins of 2012-2019
    # (the first origin is the eighth figure, 2011's 全年, forecasting 2012)
    counted = table["year"].between(2011, 2019) & table["actual"].notna()
    assert n == counted.sum() == 32


def test_early_origins_weigh_equally_and_start_from_the_prior_scale(fake_table):
    _, table = fake_table
    first = table.iloc[0]
    assert list(first["combination"].weights.values()) == pytest.approx([1 / 3] * 3)
    assert first["scale"] == combine.PRIOR_SCALE
    assert first["combination"].scale_errors == 0


def test_the_combination_uses_no_outcome_after_its_origin(fake_table, monkeypatch):
    ytd, table = fake_table
    changed = ytd.copy()
    changed.loc[changed["year"] == 2020, "growth"] += 5.0  # the last year's figures move
    monkeypatch.setattr(combine, "_ROWS", {})
    again = combine.combined_table(changed)
    before = table[table["year"] <= 2020]
    after = again[again["year"] <= 2020]
    # forecasts made before 2020's figures were published are unchanged (same candidates)
    early = [o < (2020, 3) for o in before["origin"]]
    assert after.loc[early, "mean"].tolist() == pytest.approx(before.loc[early, "mean"].tolist())
    assert after.loc[early, "scale"].tolist() == before.loc[early, "scale"].tolist()
    assert sum(early) >= 30  # the origins up to 2019's 全年


def test_the_scale_is_shrunk_toward_the_prior_not_toward_one():
    z, years = [3.0] * 12, [2015] * 4 + [2016] * 4 + [2017] * 4
    raw = 3.0 / calibration.Z80
    weight = 3 / (3 + calibration.RECALIBRATION_PRIOR_YEARS)
    expected = math.exp(weight * math.log(raw) + (1 - weight) * math.log(1.43))
    assert calibration.interval_scale(z, years, prior_scale=1.43) == pytest.approx(expected)
    assert calibration.interval_scale(z[:3], years[:3], prior_scale=1.43) == 1.43  # too few
    assert (
        calibration.scale_errors(z, years) == 12 and calibration.scale_errors(z[:3], years[:3]) == 0
    )


# -- scenarios with economic assumptions -----------------------------------------------------


def _forecast(history: list[tuple[int, int, float]], year: int, months: int) -> GrowthForecast:
    frame = pd.DataFrame(history, columns=["year", "end_month", "value"])
    return GrowthForecast(
        method="combined", year=year, quarters_known=months // 3, history=frame,
        forecast=pd.DataFrame(), annual_mean=5.0, weights=(0.25,) * 4, weights_source="",
        n_quarters=0, months_known=months,
    )  # fmt: skip


def test_scenarios_carry_the_latest_quarter_last_year_s_months_or_the_target_s_pace():
    history = [(2023, 9, 4.0), (2023, 12, 5.0), (2024, 6, 6.0), (2024, 9, 5.0)]
    fc = _forecast(history, 2024, 9)
    rows = {s.code: s for s in scenarios(fc, target=6.0)}
    # equal quarters: Q3 alone = 3 x 5.0 - 2 x 6.0 = 3.0; the year = 0.75 x 5 + 0.25 x 3 = 4.5
    assert rows["latest_period"].rest_growth == pytest.approx(3.0)
    assert rows["latest_period"].annual == pytest.approx(4.5)
    assert rows["latest_period"].span == Period.span(2024, 7, 9)  # 三季度 alone
    assert rows["latest_period"].rest == Period.span(2024, 10, 12)
    # last year's Q4 = 4 x 5.0 - 3 x 4.0 = 8.0; the year = 0.75 x 5 + 0.25 x 8 = 5.75
    assert rows["last_year"].rest_growth == pytest.approx(8.0)
    assert rows["last_year"].annual == pytest.approx(5.75)
    # the target needs Q4 = (6 - 0.75 x 5) / 0.25 = 9.0 and lands on 6.0
    assert rows["target_pace"].rest_growth == pytest.approx(9.0)
    assert rows["target_pace"].annual == pytest.approx(6.0)


def test_without_a_target_or_last_year_the_scenario_is_not_stated():
    fc = _forecast([(2024, 3, 5.0)], 2024, 3)
    assert [s.code for s in scenarios(fc)] == ["latest_period"]  # the first quarter itself
    assert scenarios(fc)[0].rest_growth == pytest.approx(5.0)


# -- what the slide may say ------------------------------------------------------------------


def _with_backtest(n: int) -> GrowthForecast:
    fc = _forecast([(2023, 9, 4.0), (2023, 12, 5.0), (2024, 9, 5.0)], 2024, 9)
    fc.annual_paths = np.random.default_rng(0).normal(5.0, 0.5, 4000)
    fc.coverage = {"n": n, "coverage_80": 0.8, "coverage_95": 0.9, "mae": 0.5}
    return fc


def test_no_probability_without_enough_backtest_origins():
    short = presentation.fan_facts(_with_backtest(presentation.MIN_BACKTEST_ORIGINS - 1),
                                   target=6.0)  # fmt: skip
    assert short.probability is None and short.band is None
    enough = presentation.fan_facts(_with_backtest(presentation.MIN_BACKTEST_ORIGINS), target=6.0)
    assert enough.probability == pytest.approx(0.03, abs=0.02)  # 6.0 is two sds above 5.0
    assert enough.band == "unlikely"
    assert "target" in enough.drawn and "anchored" not in enough.drawn


def test_probability_bands_are_thirds():
    assert [presentation.probability_band(p) for p in (0.9, 2 / 3, 0.5, 1 / 3, 0.1)] == [
        "likely", "likely", "possible", "unlikely", "unlikely",
    ]  # fmt: skip


def test_the_scenario_table_words_each_assumption_with_its_figures():
    from muye_analysis.tables import scenario_table

    fc = _forecast([(2023, 9, 4.0), (2023, 12, 5.0), (2024, 6, 6.0), (2024, 9, 5.0)], 2024, 9)
    frame = fc.scenarios(target=6.0)
    assert list(frame["scenario"]) == ["latest_period", "last_year", "target_pace"]
    assert frame["rest"].iloc[0] == Period.span(2024, 10, 12)
    words = scenario_table(frame, "zh")
    assert list(words["label"]) == [
        "情景：余下月份同2024年7-9月（3.0%）", "情景：余下月份同上年同期（8.0%）",
        "情景：余下月份按目标所需（9.0%）",
    ]  # fmt: skip
    assert words["annual"].tolist() == pytest.approx([4.5, 5.75, 6.0])
    english = scenario_table(frame, "en")["label"].iloc[0]
    assert english == "Scenario: rest of year as Jul-Sep 2024 (3.0%)"


def test_the_fan_draws_the_anchored_forecast_and_the_scenarios_beside_it():
    import matplotlib.pyplot as plt

    from muye_analysis.charts.fan import ANCHORED_GID, SCENARIO_GID, plot_forecast_fan
    from muye_analysis.forecast.anchor import AnchoredNowcast
    from muye_analysis.vocab import has_cjk

    history = pd.DataFrame({"period": ["2024Q1", "2024Q2", "2024Q3"], "value": [5.0, 6.0, 5.0]})
    forecast = pd.DataFrame({"period": ["2024Q4"], "mean": [4.8], "lower_80": [4.5],
                             "upper_80": [5.1], "lower_95": [4.3], "upper_95": [5.3]})  # fmt: skip
    anchored = AnchoredNowcast(2024, 4.6, 0.5, -0.4, 0.3, (2021, 2022, 2023), 5.0, "")
    facts = presentation.fan_facts(_with_backtest(20), target=6.0, anchored=anchored,
                                   wider_area="河南省")  # fmt: skip
    for lang in ("zh", "en"):
        fig = plot_forecast_fan(history, forecast, target=6.0, lang=lang, side=facts)
        ax = fig.axes[0]
        gids = {artist.get_gid() for artist in ax.get_children()}
        assert ANCHORED_GID in gids
        codes = ("latest_period", "last_year", "target_pace")
        assert {f"{SCENARIO_GID}-{c}" for c in codes} <= gids
        texts = [t.get_text() for t in ax.texts]
        assert any(text.endswith(("全年6.0%", "6.0% for the year")) for text in texts)
        if lang == "en":
            assert not any(has_cjk(text) for text in texts)  # Henan, not 河南省
        plt.close(fig)
