"""Forecast accuracy and calibration on real published series (not a speed test; asserts nothing).

For every long-enough Henan and Guangdong series in ``data/raw/ytd_real/`` a rolling-origin
backtest refits each method at every published figure and scores its full-year forecast
against the published 全年:

- base_effect: the default since issue 11 (every figure used, base effects, COVID variance),
  with its intervals recalibrated on its own past errors since issue 11c;
- base_effect_raw: the same model without the recalibration (the default before issue 11c);
- sarimax: yesterday's default, AR(1) on consecutive quarter ends (needs 12 of them);
- sarimax_short: the same AR(1) allowed on runs of only 4 quarters (its most generous form);
- ets, run_rate, naive_last: the other methods and benchmarks.

Prints per series: n origins, refusals, MAE, RMSE, 80%/95% coverage and the mean interval score
(width + 10 x miss of the 80% interval); then base_effect against sarimax_short on the origins
both could forecast. Goals (issue 11): 80% coverage 0.75-0.90, interval score >= 10% below
yesterday's, MAE no worse per indicator.
A last, clearly labelled SYNTHETIC section runs the same comparison on a simulated monthly
series (13 years of 1-2月 … 1-12月 figures with a COVID-like shock, ~100 origins): the real
series are too sparse for a hundred origins, and monthly year-to-date series are what the
bureaus publish for industry, investment and retail. Its numbers measure mechanics, not the
real world. Skip it with --real-only.
Run: .venv/bin/python benchmarks/bench_forecast_real.py [--real-only]
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from muye_analysis.forecast import calibration, real_data

SERIES = [
    ("河南省", "gdp"),
    ("河南省", "industrial_value_added"),
    ("河南省", "fixed_asset_investment"),
    ("广东省", "gdp"),  # HELD OUT (issue 11b): collected last, never used to choose a setting
]


def backtest_all(ytd: pd.DataFrame) -> pd.DataFrame:
    base = calibration.rolling_backtest(
        ytd, methods=("base_effect", "base_effect_raw", "sarimax", "ets", "run_rate", "naive_last")
    ).errors
    short = calibration.rolling_backtest(ytd, methods=("sarimax",), min_quarters=4).errors
    short["method"] = "sarimax_short"
    return pd.concat([base, short], ignore_index=True)


def main() -> None:
    pd.set_option("display.width", 160)
    series = real_data.load_real_series()
    pooled = []
    for area, indicator in SERIES:
        ytd = real_data.area_ytd(area, indicator, series)
        start = time.perf_counter()
        try:
            errors = backtest_all(ytd)
        except Exception as err:
            print(f"\n{area} {indicator}: {err}")
            continue
        errors["series"] = f"{area} {indicator}"
        pooled.append(errors)
        seconds = time.perf_counter() - start
        print(f"\n== {area} {indicator}: {len(ytd)} figures, "
              f"{errors['origin'].nunique()} origins ({seconds:.0f} s)")  # fmt: skip
        print(calibration.summarise(errors).round(3).to_string(index=False))
        wide = errors.pivot(index="origin", columns="method", values="lower_80")  # noqa: PD010 (one value per cell)
        both = wide.dropna(subset=[c for c in ("base_effect", "sarimax_short") if c in wide]).index
        if len(both):
            common = errors[errors["origin"].isin(both)
                            & errors["method"].isin(["base_effect", "sarimax_short"])]  # fmt: skip
            print(f"-- on the {len(both)} origins where sarimax_short also forecasts:")
            print(calibration.summarise(common).round(3).to_string(index=False))
        before_after(errors)
    if pooled:
        everything = pd.concat(pooled, ignore_index=True)
        held_out = everything["series"].str.startswith("广东省")
        print("\n== pooled over the Henan series (the tuning set)")
        print(calibration.summarise(everything[~held_out]).round(3).to_string(index=False))
        before_after(everything[~held_out])
        print("\n== HELD OUT: Guangdong GDP")
        before_after(everything[held_out])
        print("\n== pooled over all series")
        before_after(everything)


def before_after(errors: pd.DataFrame) -> None:
    """base_effect before (raw) and after the issue-11c recalibration, side by side."""
    pick = errors[errors["method"].isin(["base_effect_raw", "base_effect"])]
    if pick.empty:
        return
    table = calibration.summarise(pick).set_index("method")
    table = table.rename(index={"base_effect_raw": "before (raw)", "base_effect": "after (recal.)"})
    cols = ["n", "mae", "coverage_80", "coverage_95", "interval_score"]
    print("-- before / after recalibration:")
    print(table[cols].round(3).to_string())
    scale = errors.loc[errors["method"] == "base_effect", "scale"].dropna()
    if len(scale):
        low, mid, high = scale.min(), scale.median(), scale.max()
        print(f"   scale: min {low:.2f}, median {mid:.2f}, max {high:.2f}")


def synthetic_monthly(
    years=13, first=2012, seed=0, mu=8.0, phi=0.7, theta=-0.5, sigma=1.5, kappa=5.0, drift=0.08
) -> pd.DataFrame:
    """SYNTHETIC monthly year-to-date growth (one decimal; 1-2月 published together)."""
    rng = np.random.default_rng(seed)
    n = years * 12
    scale = np.array([kappa if 2020 <= first + t // 12 <= 2022 else 1.0 for t in range(n)])
    e = rng.normal(0, sigma, n + 12) * np.concatenate([np.ones(12), scale])
    u, level, g = 0.0, mu, np.empty(n)
    for t in range(n):
        u = phi * u + e[t + 12] + theta * e[t]
        level += rng.normal(0, drift)
        g[t] = level + u - 0.02 * t  # a slow decline, as Chinese growth rates show
    rows = [(first + t // 12, t % 12 + 1, round(float(g[t - t % 12 : t + 1].mean()), 1))
            for t in range(n) if t % 12]  # fmt: skip
    return pd.DataFrame(rows, columns=["year", "end_month", "growth"])


def synthetic_shift(seed=0, first=2012, years=13, shift_year=2016, shift=-3.0, shock_year=2017):
    """SYNTHETIC monthly year-to-date growth with a level shift (-3 points from 2016) and a shock
    year (innovations x6) that config.SHOCK_SPAN does not name (2017)."""
    rng = np.random.default_rng(seed)
    n = years * 12
    e = rng.normal(0, 1.0, n + 12)
    e[12:] *= np.array([6.0 if first + t // 12 == shock_year else 1.0 for t in range(n)])
    u, g = 0.0, np.empty(n)
    for t in range(n):
        u = 0.6 * u + e[t + 12] - 0.5 * e[t]
        g[t] = 8.0 + (shift if first + t // 12 >= shift_year else 0.0) + u
    rows = [(first + t // 12, t % 12 + 1, round(float(g[t - t % 12 : t + 1].mean()), 1))
            for t in range(n) if t % 12]  # fmt: skip
    return pd.DataFrame(rows, columns=["year", "end_month", "growth"])


def synthetic_section() -> None:
    for name, ytd, first in (("COVID-like shock in SHOCK_SPAN", synthetic_monthly(), 2016),
                             ("level shift 2016 + unnamed shock year 2017", synthetic_shift(),
                              2015)):  # fmt: skip
        print(f"\n== SYNTHETIC monthly series, {name} (simulated, not real data)")
        start = time.perf_counter()
        bt = calibration.rolling_backtest(
            ytd, methods=("base_effect", "base_effect_raw", "sarimax", "run_rate"),
            first_origin_year=first,
        )  # fmt: skip
        print(f"({time.perf_counter() - start:.0f} s)")
        print(bt.summary.round(3).to_string(index=False))
        before_after(bt.errors)


if __name__ == "__main__":
    main()
    if "--real-only" not in sys.argv:
        synthetic_section()
