"""Rolling-origin backtest with interval coverage and the interval score.

At every published figure (the *origin*) each method sees only what was published up to then
and forecasts that year's full-year growth (an origin at a year's end forecasts the next year).
The outcome is the published 全年 figure. Scores, per method:

* ``mae``: mean absolute error of the point forecast (percentage points);
* ``coverage_80`` / ``coverage_95``: share of outcomes inside the 80% / 95% interval (goal: close
  to 0.80 / 0.95);
* ``interval_score``: mean of width + 10 x the miss of the 80% interval (the Winkler score for
  alpha = 0.2: width + (2 / alpha) x distance outside); lower is better, and it rewards
  narrow intervals only while they still cover.

**Recalibration** (``base_effect``, the default): the model's own sd is multiplied by a scale
taken from its past errors on the same series, with no look-ahead. At an origin, every earlier
origin whose target year's annual figure had already been published gives a standardised error
z = (actual - mean) / sd of the *uncalibrated* forecast. The raw scale is the split-conformal
80% quantile of |z| divided by 1.2816 (the normal 80% point), so that past intervals scaled by
it would have covered 80% of past outcomes; only the latest ``RECALIBRATION_WINDOW_YEARS``
target years count. It is shrunk toward 1 on the log scale with weight
years / (years + ``RECALIBRATION_PRIOR_YEARS``) (years = past target years with an outcome), and
stays 1 until ``RECALIBRATION_MIN_YEARS`` such years and ``RECALIBRATION_MIN_ERRORS`` errors
exist. The point forecast is unchanged. ``base_effect_raw`` is the same model without it.

Methods that cannot forecast at an origin (too little consecutive history) are recorded with
NaN and counted in ``refused``. Point-only methods (run_rate, naive_last, naive_seasonal) have
no interval.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis.forecast.core import MIN_QUARTERS, InsufficientHistory
from muye_analysis.forecast.core import forecast_growth as core_forecast

if TYPE_CHECKING:
    import pandas as pd

INTERVAL_METHODS = ("base_effect", "base_effect_raw", "sarimax", "ets")
POINT_METHODS = ("run_rate", "naive_last", "naive_seasonal")
MISS_PENALTY = 10.0  # 2 / alpha for the 80% interval
MIN_FIGURES = 8  # published figures before the first origin
Z80 = 1.2815515655446004  # normal quantile at 0.9: the 80% interval is mean +/- Z80 sd
Z95 = 1.959963984540054  # normal quantile at 0.975
RAW_CACHE_SIZE = 4096  # remembered raw base_effect forecasts (a few hundred bytes each)
RECALIBRATION_LEVEL = 0.8  # the interval whose past coverage the scale restores
RECALIBRATION_PRIOR_YEARS = 3.0  # pseudo-years of "the model's sd is right" (scale 1)
RECALIBRATION_MIN_YEARS = 2  # past target years with a published outcome before it kicks in
RECALIBRATION_WINDOW_YEARS = 5  # only the latest 5 target years' errors: regimes change, and
# the errors of forecasts made from very short early histories should not widen later ones
RECALIBRATION_MIN_ERRORS = 9  # past errors before it kicks in (n >= 9: the conformal 80% rank
# ceil(0.8 (n + 1)) is below n, so the single largest error, e.g. a COVID onset, cannot set it)
_BASE = ("base_effect", "base_effect_raw")
BACKTEST_METHODS = INTERVAL_METHODS + POINT_METHODS


@dataclass
class CalibratedBacktest:
    """Per-origin forecasts (``errors``) and per-method scores (``summary``)."""

    errors: pd.DataFrame
    summary: pd.DataFrame

    def coverage(self, method: str = "base_effect") -> dict[str, float]:
        """{'n', 'coverage_80', 'coverage_95', 'mae'} of one method, for a fan's caption."""
        row = self.summary.set_index("method").loc[method]
        return {k: float(row[k]) for k in ("n", "coverage_80", "coverage_95", "mae")}


def published(ytd: pd.DataFrame) -> pd.DataFrame:
    """The published growth figures of ``ytd``, in time order."""
    return ytd.dropna(subset=["growth"]).sort_values(["year", "end_month"], ignore_index=True)


def annual_growth(ytd: pd.DataFrame) -> dict[int, float]:
    """{year: growth} of the published full-year (1-12) figures of ``ytd``."""
    known = ytd.dropna(subset=["growth"])
    return {
        int(y): float(g)
        for y, m, g in zip(known["year"], known["end_month"], known["growth"], strict=True)
        if int(m) == 12
    }


def interval_score(lower: float, upper: float, actual: float, penalty: float = MISS_PENALTY):
    """Width plus ``penalty`` times the distance of ``actual`` outside [lower, upper]."""
    miss = max(lower - actual, 0.0) + max(actual - upper, 0.0)
    return (upper - lower) + penalty * miss


def interval_scale(
    z,
    years,
    *,
    prior_years: float = RECALIBRATION_PRIOR_YEARS,
    min_years: int = RECALIBRATION_MIN_YEARS,
    min_errors: int = RECALIBRATION_MIN_ERRORS,
    level: float = RECALIBRATION_LEVEL,
    window_years: int | None = RECALIBRATION_WINDOW_YEARS,
    skip_years=None,
    prior_scale: float = 1.0,
) -> float:
    """Multiplier of the model's sd from past standardised errors ``z`` (one per earlier origin,
    ``years`` their target years): split-conformal ``level`` quantile of |z| over the normal
    point, shrunk toward 1 by ``years / (years + prior_years)`` on the log scale; 1 when there
    are fewer than ``min_years`` target years or ``min_errors`` errors. Only the latest
    ``window_years`` target years count (None: all). Errors of ``skip_years`` (default: the
    years of the shock span, ``shock_years()``) do not count: the model gives those years their
    own shock variance, and their errors measured against it say nothing about ordinary years.
    ``prior_scale``: the scale before any error of the series' own (1 for ``base_effect``; the
    combination's cold start is ``combine.PRIOR_SCALE``), which the shrinkage moves toward."""
    import numpy as np
    from scipy.stats import norm

    z, n_years = _kept_errors(z, years, window_years, skip_years)
    if len(z) < min_errors or n_years < min_years:
        return float(prior_scale)
    rank = min(math.ceil((len(z) + 1) * level), len(z))  # finite-sample conformal rank
    raw = float(np.sort(z)[rank - 1]) / float(norm.ppf(0.5 + level / 2))
    weight = n_years / (n_years + prior_years)
    return float(math.exp(weight * math.log(max(raw, 1e-6))
                          + (1 - weight) * math.log(prior_scale)))  # fmt: skip


def _kept_errors(z, years, window_years=RECALIBRATION_WINDOW_YEARS, skip_years=None):
    """|z| of the errors ``interval_scale`` uses (finite, outside ``skip_years``, latest
    ``window_years`` target years) and the number of their target years."""
    import numpy as np

    z, years = np.abs(np.asarray(z, dtype=float)), np.asarray(years)
    skip = shock_years() if skip_years is None else frozenset(skip_years)
    keep = np.isfinite(z) & ~np.isin(years, list(skip))
    if window_years and keep.any():  # the latest ``window_years`` target years only
        keep &= years > years[keep].max() - window_years
    return z[keep], len(set(years[keep].tolist()))


def scale_errors(
    z,
    years,
    *,
    min_errors: int = RECALIBRATION_MIN_ERRORS,
    min_years: int = RECALIBRATION_MIN_YEARS,
) -> int:
    """How many past errors ``interval_scale`` rests on (0 when too few: the prior alone)."""
    kept, n_years = _kept_errors(z, years)
    return len(kept) if len(kept) >= min_errors and n_years >= min_years else 0


def shock_years(span=None) -> frozenset[int]:
    """The calendar years touched by the shock span, ``config.SHOCK_SPAN`` by default."""
    from muye_analysis import config

    (y0, _m0), (y1, _m1) = span or config.SHOCK_SPAN
    return frozenset(range(y0, y1 + 1))


def past_errors(ytd: pd.DataFrame, min_figures: int = MIN_FIGURES) -> pd.DataFrame:
    """Standardised errors (origin, year, z) of the uncalibrated base_effect forecast at every
    earlier origin of ``ytd`` whose target year's annual figure is in ``ytd`` (all before its last
    figure)."""
    try:
        errors = rolling_backtest(ytd, methods=("base_effect_raw",), min_figures=min_figures,
                                  n_paths=10).errors  # fmt: skip
    except InsufficientHistory:
        import pandas as pd

        return pd.DataFrame(columns=["origin", "year", "z"])
    errors = errors.dropna(subset=["forecast"])
    return errors.assign(z=errors["error"] / errors["sd"])[["origin", "year", "z"]]


def scale_at_origin(ytd: pd.DataFrame, min_figures: int = MIN_FIGURES) -> tuple[float, int]:
    """(scale, number of past errors) for a forecast made from all of ``ytd``."""
    past = past_errors(ytd, min_figures)
    return interval_scale(past["z"], past["year"]), len(past)


def recalibrate(fc, ytd: pd.DataFrame, min_figures: int = MIN_FIGURES):
    """``fc`` (base_effect's own forecast from all of ``ytd``) with its bands and annual paths
    widened (or narrowed) about the unchanged mean by ``scale_at_origin(ytd)``; the scale is
    kept in ``fc.interval_scale``."""
    from dataclasses import replace

    scale, _ = scale_at_origin(ytd, min_figures)
    forecast = fc.forecast.copy()
    for column in ("lower_80", "upper_80", "lower_95", "upper_95"):
        forecast[column] = forecast["mean"] + (forecast[column] - forecast["mean"]) * scale
    paths = None
    if fc.annual_paths is not None:
        paths = fc.annual_mean + (fc.annual_paths - fc.annual_mean) * scale
    return replace(fc, forecast=forecast, annual_paths=paths, interval_scale=scale)


def _point(method: str, upto: pd.DataFrame) -> float:
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
    """Refit each method at every published figure and score its full-year forecast.

    ``methods``: any of ``BACKTEST_METHODS``. The default forecast, "combined", is scored by
    ``forecast.combine.rolling_backtest`` (the same rows, with this function's for the others)."""
    import pandas as pd

    unknown = [m for m in methods if m not in BACKTEST_METHODS]
    if unknown:
        raise ValueError(
            f"no backtest here for {unknown}; use {BACKTEST_METHODS} (the combined forecast: "
            "forecast.combine.rolling_backtest)"
        )
    min_quarters = MIN_QUARTERS if min_quarters is None else min_quarters
    frame = published(ytd)
    annual = annual_growth(frame)
    base = _BaseEffectTrack(frame, min_quarters) if any(m in _BASE for m in methods) else None
    # base_effect's past errors start at MIN_FIGURES whatever ``min_figures`` is, so the scale
    # at an origin is the one ``forecast_growth`` gives there
    first = min(min_figures, MIN_FIGURES) if base else min_figures
    rows = []
    for end in range(first, len(frame)):
        upto = frame.iloc[:end]
        year, month = int(upto["year"].iloc[-1]), int(upto["end_month"].iloc[-1])
        target = year + 1 if month == 12 else year
        if target not in annual:
            continue
        actual = annual[target]
        at = base.step(upto, end, target, actual) if base else None
        if end < min_figures or (first_origin_year and year < first_origin_year):
            continue
        for method in methods:
            found = _at_origin(method, upto, target, at, n_paths, min_quarters)
            rows.append({"origin": f"{year}-{month:02d}", "year": target,
                         "months_known": 0 if month == 12 else month, "method": method,
                         "forecast": found["forecast"], "actual": actual,
                         "error": found["forecast"] - actual, **found})  # fmt: skip
    if not rows:
        raise InsufficientHistory(
            f"too little history: {len(frame)} figures, need {min_figures} plus a published "
            "annual figure after them"
        )
    return scored(pd.DataFrame(rows))


class _BaseEffectTrack:
    """The uncalibrated base_effect forecast at each origin in turn, with the scale its earlier
    errors give there: each fit starts from the previous origin's estimates (same answer,
    faster), and only errors whose outcome was published by the origin count (no look-ahead)."""

    def __init__(self, frame: pd.DataFrame, min_quarters: int) -> None:
        self.min_quarters = min_quarters
        self.warm: dict | None = None
        self.position = {
            (int(y), int(m)): i
            for i, (y, m) in enumerate(zip(frame["year"], frame["end_month"], strict=True))
        }
        self.past: list[tuple[int, float]] = []  # (target year, z) of earlier raw forecasts

    def step(self, upto: pd.DataFrame, end: int, target: int, actual: float):
        """(raw forecast or None, scale) at the origin ``end``; then its error is kept."""
        raw = _raw_forecast(upto, self.min_quarters, self.warm)
        if raw is not None:
            self.warm = raw.params
        known = [(y, z) for (y, z) in self.past if self.position[(y, 12)] < end]
        scale = interval_scale([z for _, z in known], [y for y, _ in known])
        if raw is not None:
            self.past.append((target, (raw.mean - actual) / raw.sd))
        return raw, scale


def _at_origin(method: str, upto, target: int, base, n_paths: int, min_quarters: int) -> dict:
    """One method's full-year forecast at one origin: forecast, 80%/95% bounds, sd and scale
    (NaN where the method refuses, or forecasts another year). ``base``: the raw base_effect
    forecast there and its scale (``_BaseEffectTrack.step``)."""
    nan = math.nan
    found = {"forecast": nan, "lower_80": nan, "upper_80": nan, "lower_95": nan,
             "upper_95": nan, "sd": nan, "scale": nan}  # fmt: skip
    try:
        if method in _BASE:
            fc, scale = base
            found["scale"] = scale if fc is not None and method == "base_effect" else 1.0
            if fc is None:
                raise InsufficientHistory("too little history")
            if fc.year != target:
                raise InsufficientHistory("forecasts another year")
            # exact normal quantiles, no Monte Carlo
            mean, sd = fc.mean, fc.sd * found["scale"]
            found.update(forecast=mean, sd=sd, lower_80=mean - Z80 * sd, upper_80=mean + Z80 * sd,
                         lower_95=mean - Z95 * sd, upper_95=mean + Z95 * sd)  # fmt: skip
        elif method in INTERVAL_METHODS:
            fc = core_forecast(upto, method=method, n_paths=n_paths, min_quarters=min_quarters)
            if fc.year != target:  # quarter-end methods ignore a mid-quarter origin's year
                raise InsufficientHistory("forecasts another year")
            (lo80, hi80), (lo95, hi95) = fc.annual_interval(80), fc.annual_interval(95)
            found.update(forecast=fc.annual_mean, lower_80=lo80, upper_80=hi80, lower_95=lo95,
                         upper_95=hi95)  # fmt: skip
        else:
            found["forecast"] = _point(method, upto)
    except InsufficientHistory:
        found.update(forecast=nan, lower_80=nan, upper_80=nan, lower_95=nan, upper_95=nan, sd=nan)
    return found


def scored(errors: pd.DataFrame) -> CalibratedBacktest:
    """Per-origin rows with their coverage and interval score added, and the summary."""
    import numpy as np

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


@dataclass(frozen=True)
class RawForecast:
    """What a backtest needs of one uncalibrated base_effect forecast."""

    year: int
    mean: float
    sd: float
    params: dict


# Raw base_effect forecasts by the content of the history they were made from. A default forecast
# recalibrates on a backtest of its own history, the fan's caption backtests the same series and
# a notebook backtests it again: each prefix of a series is fitted once per process. The key is
# the published figures themselves, so a revised figure is a new key (never a stale answer).
_RAW_CACHE: dict[tuple, RawForecast | None] = {}


def _history_key(upto: pd.DataFrame, min_quarters: int) -> tuple:
    from muye_analysis import config
    from muye_analysis.forecast.base_effect import _is_na

    level = upto["level"] if "level" in upto else [None] * len(upto)
    rows = tuple(
        (int(y), int(m), float(g), None if _is_na(v) else float(v))
        for y, m, g, v in zip(upto["year"], upto["end_month"], upto["growth"], level, strict=True)
    )
    return rows, min_quarters, tuple(map(tuple, config.SHOCK_SPAN))


def _raw_forecast(upto: pd.DataFrame, min_quarters: int, warm: dict | None) -> RawForecast | None:
    """The uncalibrated base_effect forecast from ``upto`` (None when it refuses), cached."""
    from muye_analysis.forecast.engine import forecast_base_effect

    key = _history_key(upto, min_quarters)
    if key in _RAW_CACHE:
        return _RAW_CACHE[key]
    try:
        fc = forecast_base_effect(
            upto, n_paths=1, min_quarters=min_quarters, start=warm, smoothed=False
        )
        raw = RawForecast(fc.year, fc.annual_mean, _annual_sd(fc), dict(fc.params))
    except InsufficientHistory:
        raw = None
    if len(_RAW_CACHE) >= RAW_CACHE_SIZE:
        _RAW_CACHE.clear()
    _RAW_CACHE[key] = raw
    return raw


def _annual_sd(fc) -> float:
    """The sd of the annual growth from the fan's last row (exact normal quantiles)."""
    last = fc.forecast.iloc[-1]
    return float(last["upper_80"] - last["mean"]) / Z80


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


# Display precision of ``summary_table``'s columns (``tables.show_table(..., decimals=...)``):
# errors and scores to 0.01 point, coverage to the whole percent (18 origins: steps of 5.6%).
SUMMARY_DECIMALS = {"mae": 2, "rmse": 2, "coverage_80_pct": 0, "coverage_95_pct": 0,
                    "interval_score": 2}  # fmt: skip


def summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    """``summary`` (``summarise``'s columns) as a reader's table: origins instead of n,
    coverage in percent; ``tables.show_table`` then gives the headers and method names in the
    notebook's language."""
    table = summary.rename(columns={"n": "origins"})
    for level in ("80", "95"):
        column = f"coverage_{level}"
        if column in table:
            table[f"{column}_pct"] = table.pop(column) * 100
    order = ["method", "origins", "refused", "mae", "rmse", "coverage_80_pct", "coverage_95_pct",
             "interval_score"]  # fmt: skip
    return table[[c for c in order if c in table] + [c for c in table if c not in order]]
