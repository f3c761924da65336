"""Forecast accuracy and calibration on real published series (not a speed test; asserts nothing).

For every long-enough real series in ``data/raw/ytd_real/`` a rolling-origin backtest refits each
method at every published figure and scores its full-year forecast against the published 全年:

- base_effect: the default since issue 11 (every figure used, base effects, COVID variance),
  with its intervals recalibrated on its own past errors;
- base_effect_raw: the same model without the recalibration;
- sarimax: the default before issue 11 ("today's" in the issue), AR(1) on consecutive quarter
  ends (needs 12 of them);
- ets, run_rate, naive_last: the other methods and benchmarks.

Series and their role (decided before each was collected; see data/raw/ytd_real/*.origin.yml):
- TUNE: national fixed-asset investment (monthly 2012-2026) and the Henan quarterly series;
- HELD OUT (scored once with the settings frozen, commit 8714663): national industry and retail
  sales (monthly 2012-2026), Guangdong GDP (quarterly);
- HELD OUT, round 2 (for settings changed after that commit): the province monthly series and
  national budget revenue, when present.

Prints per series: n origins, refusals, MAE, RMSE, 80%/95% coverage and the mean interval score
(width + 10 x miss of the 80% interval); then base_effect against sarimax on the origins both
could forecast; then pooled tables. Goals (issue 11): 80% coverage 0.75-0.90, interval score
>= 10% below sarimax's, MAE no worse per indicator.
``--synthetic`` adds a clearly labelled SYNTHETIC section (simulated monthly series).
Run: .venv/bin/python benchmarks/bench_forecast_real.py [--quick] [--synthetic]
(--quick: base_effect and sarimax only.)
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

from muye_analysis.forecast import calibration, real_data

TUNE, HELD_OUT, HELD_OUT_2 = "tune", "held out", "held out (round 2)"
SERIES = [
    ("全国", "fixed_asset_investment", TUNE),
    ("河南省", "gdp", TUNE),
    ("河南省", "industrial_value_added", HELD_OUT_2),
    ("河南省", "fixed_asset_investment", HELD_OUT_2),
    ("河南省", "retail_sales", HELD_OUT_2),
    ("全国", "industrial_value_added", HELD_OUT),
    ("全国", "retail_sales", HELD_OUT),
    ("广东省", "gdp", HELD_OUT),
    ("广东省", "industrial_value_added", HELD_OUT_2),
    ("全国", "budget_revenue", HELD_OUT_2),
]
ALL_METHODS = ("base_effect", "base_effect_raw", "sarimax", "ets", "run_rate", "naive_last")
QUICK_METHODS = ("base_effect", "sarimax")


def backtest(ytd: pd.DataFrame, methods) -> pd.DataFrame:
    return calibration.rolling_backtest(ytd, methods=methods).errors


def versus_sarimax(errors: pd.DataFrame) -> dict:
    """base_effect and sarimax on the origins both forecast."""
    wide = errors.pivot_table(index=["series", "origin"], columns="method", values="forecast",
                              dropna=False).reindex(columns=["base_effect", "sarimax"])  # fmt: skip
    both = wide.dropna().index
    if not len(both):
        return {"common": 0}
    keyed = errors.set_index(["series", "origin"])
    common = keyed[keyed.index.isin(both)].reset_index()
    table = calibration.summarise(common).set_index("method")
    be, sx = table.loc["base_effect"], table.loc["sarimax"]
    return {
        "common": len(both), "mae_common": be["mae"], "mae_sarimax": sx["mae"],
        "score": be["interval_score"], "score_sarimax": sx["interval_score"],
        "score_change": be["interval_score"] / sx["interval_score"] - 1,
        "cov80_common": be["coverage_80"],
    }  # fmt: skip


def headline(errors: pd.DataFrame) -> dict:
    ours = calibration.summarise(errors[errors["method"] == "base_effect"]).iloc[0]
    row = {k: ours[k] for k in ("n", "refused", "mae", "coverage_80", "coverage_95",
                                 "interval_score")}  # fmt: skip
    return row | versus_sarimax(errors)


def main() -> None:
    pd.set_option("display.width", 200)
    quick = "--quick" in sys.argv
    methods = QUICK_METHODS if quick else ALL_METHODS
    series = real_data.load_real_series()
    pooled, lines = [], []
    for area, indicator, role in SERIES:
        try:
            ytd = real_data.area_ytd(area, indicator, series)
        except KeyError:
            continue  # not collected (yet)
        if len(ytd) < calibration.MIN_FIGURES + 4:
            continue
        start = time.perf_counter()
        try:
            errors = backtest(ytd, methods)
        except Exception as err:
            print(f"\n{area} {indicator}: {err}")
            continue
        name = f"{area} {indicator}"
        errors["series"], errors["role"] = name, role
        pooled.append(errors)
        seconds = time.perf_counter() - start
        print(f"\n== {name} [{role}]: {len(ytd)} figures, "
              f"{errors['origin'].nunique()} origins ({seconds:.0f} s)")  # fmt: skip
        print(calibration.summarise(errors).round(3).to_string(index=False))
        lines.append({"series": name, "role": role} | headline(errors))
        if not quick:
            before_after(errors)
    if not pooled:
        return
    everything = pd.concat(pooled, ignore_index=True)
    for role in (TUNE, HELD_OUT, HELD_OUT_2):
        part = everything[everything["role"] == role]
        if len(part):
            lines.append({"series": f"pooled: {role}", "role": role} | headline(part))
    print("\n== base_effect (the default) per series; sarimax = the default before issue 11,")
    print("   compared on the origins both forecast (common)")
    table = pd.DataFrame(lines)
    print(table.round(3).to_string(index=False))


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
    if "--synthetic" in sys.argv:
        synthetic_section()
