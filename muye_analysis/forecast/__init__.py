"""Where will the year land? Forecasts of year-to-date growth with honest uncertainty.

Year to date is 累计: every figure runs from January.

``forecast_growth(ytd)`` takes a cumulative frame (year, end_month, growth, optional level) and
by default uses ``base_effect`` (``muye_analysis.forecast.base_effect``): single-quarter (or
single-month) growth with a seasonal MA base-effect term, an AR(1) term and a larger innovation
variance in the COVID quarters, observed through *every* published cumulative figure (1-10月
included, gaps allowed). Its intervals are then recalibrated on its own past errors on the
same series (``calibration.recalibrate``; ``recalibrate=False`` turns it off). Its result keeps
``annual_mean`` and ``annual_interval(level)``.

Also here:

* ``run_rate``, ``ets``, ``sarimax`` (``core``): yesterday's methods, kept as benchmarks.
* ``backtest`` (``core``): point errors of the quarter-end methods (as before);
  ``calibration.rolling_backtest``: every method at every published figure, with the coverage
  of the 80%/95% intervals and the interval score.
* ``scenarios``: 乐观 / 基准 / 悲观 with their stated assumptions.
* ``anchor.anchored_nowcast``: a district's year from its city's or province's forecast plus the
  district's usual gap.
* ``real_data``: real provincial and city series from ``data/raw/ytd_real/``.

statsmodels and scipy are imported inside the functions, so importing this package is light.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from muye_analysis.forecast import (  # the submodules, as attributes of the package
    anchor,  # noqa: F401
    calibration,
    real_data,  # noqa: F401
    scenarios,  # noqa: F401
)
from muye_analysis.forecast.core import (
    BENCHMARKS,
    FORECAST_COLUMNS,
    MIN_QUARTERS,
    N_PATHS,
    Backtest,
    GrowthForecast,
    InsufficientHistory,
    backtest,
    probability_of_meeting_target,
    publish_round,
    run_rate,
    single_quarter_growth,
    year_weights,
)
from muye_analysis.forecast.core import forecast_growth as _legacy_forecast

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_METHOD = "base_effect"
METHODS = ("base_effect", "run_rate", "ets", "sarimax")
PREVIOUS_DEFAULT = "sarimax"  # AR(1) on consecutive quarter ends: the default until issue 11

__all__ = [
    "BENCHMARKS",
    "DEFAULT_METHOD",
    "FORECAST_COLUMNS",
    "METHODS",
    "MIN_QUARTERS",
    "N_PATHS",
    "Backtest",
    "GrowthForecast",
    "InsufficientHistory",
    "backtest",
    "forecast_growth",
    "probability_of_meeting_target",
    "publish_round",
    "run_rate",
    "single_quarter_growth",
    "year_weights",
]


def forecast_growth(
    ytd: pd.DataFrame,
    *,
    method: str = DEFAULT_METHOD,
    n_paths: int = N_PATHS,
    seed: int = 0,
    seasonal_shares: Sequence[float] | None = None,
    min_quarters: int = MIN_QUARTERS,
    periods_per_year: int | None = None,
    recalibrate: bool = True,
) -> GrowthForecast:
    """Forecast the rest of the year from the latest published cumulative figure.

    ``ytd``: year, end_month, growth (cumulative %), optional level, as
    ``quarterly.ytd_series`` returns. ``method``: "base_effect" (default), "sarimax", "ets" or
    "run_rate". Raises ``InsufficientHistory`` ("too little history: …") when the series is too
    short: for base_effect fewer than ``base_effect.MIN_OBSERVATIONS`` figures, fewer than
    ``base_effect.MIN_YEARS`` years, or a span shorter than ``min_quarters`` quarters.
    ``seasonal_shares`` applies to the quarter-end methods only.
    ``recalibrate`` (base_effect, default True): the intervals are widened or narrowed by the
    scale its own past errors on this series call for, with no look-ahead (point unchanged;
    ``interval_scale`` on the result; ``calibration.recalibrate``).
    """
    if method != DEFAULT_METHOD:
        return _legacy_forecast(
            ytd, method=method, n_paths=n_paths, seed=seed, seasonal_shares=seasonal_shares,
            min_quarters=min_quarters,
        )  # fmt: skip
    from muye_analysis.forecast.engine import forecast_base_effect

    fc = forecast_base_effect(
        ytd, n_paths=n_paths, seed=seed, min_quarters=min_quarters,
        periods_per_year=periods_per_year,
    )  # fmt: skip
    return calibration.recalibrate(fc, ytd) if recalibrate else fc
