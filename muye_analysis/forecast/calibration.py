"""Rolling-origin backtest with interval coverage and the interval score.

At every published figure (the *origin*) each method sees only what was published up to then
and forecasts that year's full-year growth (an origin at 全年 forecasts the next year). The
outcome is the published 全年 figure. Scores, per method:

* ``mae``: mean absolute error of the point forecast (percentage points);
* ``coverage_80`` / ``coverage_95``: share of outcomes inside the 80% / 95% interval (goal: close
  to 0.80 / 0.95);
* ``interval_score``: mean of width + 10 x the miss of the 80% interval (the Winkler score for
  alpha = 0.2: width + (2 / alpha) x distance outside); lower is better, and it rewards
  narrow intervals only while they still cover.

Methods that cannot forecast at an origin (too little consecutive history) are recorded with
NaN and counted in ``refused``. Point-only methods (run_rate, naive_last, naive_seasonal) have
no interval.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis.forecast.core import InsufficientHistory

if TYPE_CHECKING:
    import pandas as pd

INTERVAL_METHODS = ("base_effect", "sarimax", "ets")
POINT_METHODS = ("run_rate", "naive_last", "naive_seasonal")
MISS_PENALTY = 10.0  # 2 / alpha for the 80% interval
MIN_FIGURES = 8  # published figures before the first origin


@dataclass
class CalibratedBacktest:
    """Per-origin forecasts (``errors``) and per-method scores (``summary``)."""

    errors: pd.DataFrame
    summary: pd.DataFrame

    def coverage(self, method: str = "base_effect") -> dict[str, float]:
        """{'n', 'coverage_80', 'coverage_95', 'mae'} of one method, for a fan's caption."""
        row = self.summary.set_index("method").loc[method]
        return {k: float(row[k]) for k in ("n", "coverage_80", "coverage_95", "mae")}


def interval_score(lower: float, upper: float, actual: float, penalty: float = MISS_PENALTY):
    """Width plus ``penalty`` times the distance of ``actual`` outside [lower, upper]."""
    miss = max(lower - actual, 0.0) + max(actual - upper, 0.0)
    return (upper - lower) + penalty * miss


def _point(method: str, upto: pd.DataFrame, year: int, month: int) -> float:
    """Point forecasts that need no model: run-rate and the two naive quarter-end benchmarks."""
    from muye_analysis.forecast import core

    if method == "run_rate":
        return float(upto["growth"].dropna().iloc[-1])
    quarters = core._latest_run(core.single_quarter_growth(upto))
    if len(quarters) < 4:
        raise InsufficientHistory("too little history for a naive benchmark")
    setup = core._setup(quarters, upto, None)
    return core._point_annual(method, setup)


def rolling_backtest(
    ytd: pd.DataFrame,
    *,
    methods: Sequence[str] = ("base_effect", "sarimax", "run_rate", "naive_last"),
    min_figures: int = MIN_FIGURES,
    first_origin_year: int | None = None,
    n_paths: int = 2000,
    min_quarters: int | None = None,
) -> CalibratedBacktest:
    """Refit each method at every published figure and score its full-year forecast."""
    import numpy as np
    import pandas as pd

    from muye_analysis.forecast import MIN_QUARTERS, forecast_growth

    min_quarters = MIN_QUARTERS if min_quarters is None else min_quarters
    frame = ytd.dropna(subset=["growth"]).sort_values(["year", "end_month"], ignore_index=True)
    annual = {
        int(y): float(g)
        for y, m, g in zip(frame["year"], frame["end_month"], frame["growth"], strict=True)
        if int(m) == 12
    }
    rows = []
    warm = None  # base_effect starts from the previous origin's estimates (same answer, faster)
    for end in range(min_figures, len(frame)):
        upto = frame.iloc[:end]
        year, month = int(upto["year"].iloc[-1]), int(upto["end_month"].iloc[-1])
        target = year + 1 if month == 12 else year
        if target not in annual or (first_origin_year and year < first_origin_year):
            continue
        actual = annual[target]
        for method in methods:
            lo80 = hi80 = lo95 = hi95 = math.nan
            try:
                if method == "base_effect":
                    from muye_analysis.forecast.engine import forecast_base_effect

                    fc = forecast_base_effect(upto, n_paths=n_paths, min_quarters=min_quarters,
                                              start=warm)  # fmt: skip
                    warm = fc.params
                elif method in INTERVAL_METHODS:
                    fc = forecast_growth(upto, method=method, n_paths=n_paths,
                                         min_quarters=min_quarters)  # fmt: skip
                if method in INTERVAL_METHODS:
                    if fc.year != target:  # quarter-end methods ignore a mid-quarter origin's year
                        raise InsufficientHistory("forecasts another year")
                    mean = fc.annual_mean
                    lo80, hi80 = fc.annual_interval(80)
                    lo95, hi95 = fc.annual_interval(95)
                    if method == "base_effect":  # exact normal quantiles, no Monte Carlo
                        lo80, hi80, lo95, hi95 = _normal_bounds(fc)
                else:
                    mean = _point(method, upto, year, month)
            except InsufficientHistory:
                mean = math.nan
            rows.append(
                {
                    "origin": f"{year}-{month:02d}", "year": target, "months_known":
                    0 if month == 12 else month, "method": method, "forecast": mean,
                    "actual": actual, "error": mean - actual, "lower_80": lo80,
                    "upper_80": hi80, "lower_95": lo95, "upper_95": hi95,
                }
            )  # fmt: skip
    if not rows:
        raise InsufficientHistory(
            f"too little history: {len(frame)} figures, need {min_figures} plus a published "
            "全年 figure after them"
        )
    errors = pd.DataFrame(rows)
    errors["covered_80"] = (errors["actual"] >= errors["lower_80"]) & (
        errors["actual"] <= errors["upper_80"]
    )
    errors["covered_95"] = (errors["actual"] >= errors["lower_95"]) & (
        errors["actual"] <= errors["upper_95"]
    )
    errors["interval_score"] = [
        interval_score(lo, hi, a) if not (np.isnan(lo) or np.isnan(hi)) else np.nan
        for lo, hi, a in zip(errors["lower_80"], errors["upper_80"], errors["actual"], strict=True)
    ]
    return CalibratedBacktest(errors=errors, summary=summarise(errors))


def _normal_bounds(fc) -> tuple[float, float, float, float]:
    """The 80% and 95% bounds of the annual growth from the fan's last row (exact quantiles)."""
    last = fc.forecast.iloc[-1]
    return (float(last["lower_80"]), float(last["upper_80"]), float(last["lower_95"]),
            float(last["upper_95"]))  # fmt: skip


def _mean(values) -> float:
    import numpy as np

    return float(values.mean()) if len(values) else np.nan


def summarise(errors: pd.DataFrame, by: Sequence[str] = ("method",)) -> pd.DataFrame:
    """n, refused, mae, rmse, coverage_80, coverage_95, interval_score per group."""
    import numpy as np

    def agg(group):
        ok = group.dropna(subset=["forecast"])
        has_interval = ok.dropna(subset=["lower_80"])
        return {
            "n": len(ok),
            "refused": len(group) - len(ok),
            "mae": float(np.mean(np.abs(ok["error"]))) if len(ok) else np.nan,
            "rmse": float(np.sqrt(np.mean(np.square(ok["error"])))) if len(ok) else np.nan,
            "coverage_80": _mean(has_interval["covered_80"]),
            "coverage_95": _mean(has_interval["covered_95"]),
            "interval_score": float(has_interval["interval_score"].mean())
            if len(has_interval) else np.nan,
        }  # fmt: skip

    import pandas as pd

    records = []
    for key, group in errors.groupby(list(by), sort=False):
        key = key if isinstance(key, tuple) else (key,)
        records.append({**dict(zip(by, key, strict=True)), **agg(group)})
    return pd.DataFrame(records)
