"""Forecast accuracy and calibration on real published series (not a speed test; asserts nothing).

For every long-enough Henan series in ``data/raw/ytd_real/`` a rolling-origin backtest refits each
method at every published figure and scores its full-year forecast against the published 全年:

- base_effect: the default since issue 11 (every figure used, base effects, COVID variance);
- sarimax: yesterday's default, AR(1) on consecutive quarter ends (needs 12 of them);
- sarimax_short: the same AR(1) allowed on runs of only 4 quarters (its most generous form);
- ets, run_rate, naive_last: the other methods and benchmarks.

Prints per series: n origins, refusals, MAE, RMSE, 80%/95% coverage and the mean interval score
(width + 10 x miss of the 80% interval); then base_effect against sarimax_short on the origins
both could forecast. Goals (issue 11): 80% coverage 0.75-0.90, interval score >= 10% below
yesterday's, MAE no worse per indicator.
Run: .venv/bin/python benchmarks/bench_forecast_real.py
"""

from __future__ import annotations

import time

import pandas as pd

from muye_analysis.forecast import calibration, real_data

SERIES = [
    ("河南省", "gdp"),
    ("河南省", "industrial_value_added"),
    ("河南省", "fixed_asset_investment"),
]


def backtest_all(ytd: pd.DataFrame) -> pd.DataFrame:
    base = calibration.rolling_backtest(
        ytd, methods=("base_effect", "sarimax", "ets", "run_rate", "naive_last")
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
        except Exception as err:  # noqa: BLE001 (report and go on)
            print(f"\n{area} {indicator}: {err}")
            continue
        errors["series"] = f"{area} {indicator}"
        pooled.append(errors)
        seconds = time.perf_counter() - start
        print(f"\n== {area} {indicator}: {len(ytd)} figures, "
              f"{errors['origin'].nunique()} origins ({seconds:.0f} s)")  # fmt: skip
        print(calibration.summarise(errors).round(3).to_string(index=False))
        wide = errors.pivot(index="origin", columns="method", values="lower_80")
        both = wide.dropna(subset=[c for c in ("base_effect", "sarimax_short") if c in wide]).index
        if len(both):
            common = errors[errors["origin"].isin(both)
                            & errors["method"].isin(["base_effect", "sarimax_short"])]  # fmt: skip
            print(f"-- on the {len(both)} origins where sarimax_short also forecasts:")
            print(calibration.summarise(common).round(3).to_string(index=False))
    if pooled:
        everything = pd.concat(pooled, ignore_index=True)
        print("\n== pooled over the series")
        print(calibration.summarise(everything).round(3).to_string(index=False))


if __name__ == "__main__":
    main()
