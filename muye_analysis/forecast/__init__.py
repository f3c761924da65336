"""Where will the year land? Forecasts of year-to-date growth with honest uncertainty.

Year to date is 累计: every figure runs from January.

``forecast_growth(ytd)`` takes a cumulative frame (year, end_month, growth, optional level) and
by default combines four methods by their own rolling record on the same series
(``forecast.combine``): the structured ``base_effect`` model (single-quarter or single-month
growth with base effects and shock years, observed through every published figure), AR(1) on
quarter ends, the run-rate and, when a wider area's series is given, the anchored forecast.
When last year's same months were abnormal the simple methods reason on the two-year basis
(``forecast.basis``). Its intervals are the structured model's, scaled by the combination's
own past errors (a prior scale learned across long real series for cold starts). The result
keeps ``annual_mean``, ``annual_interval(level)``, the weights used (``combination``) and the
backtest coverage (``coverage``).

Also here:

* ``base_effect`` alone (``method="base_effect"``, recalibrated on its own past errors; the
  default of issues 11-20) and ``run_rate``, ``ets``, ``sarimax`` (``core``).
* ``presentation.fan_facts``: what a slide may say about a forecast (coverage, probability
  band, scenarios with their assumptions, the anchored forecast), as numbers and codes.
* ``backtest`` (``core``): point errors of the quarter-end methods (as before);
  ``calibration.rolling_backtest``: every method at every published figure, with the coverage
  of the 80%/95% intervals and the interval score.
* ``scenarios``: the rest of the year as the latest single period, as last year's same months,
  or at the pace the target needs, with the annual figure each gives.
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
    basis,  # noqa: F401
    calibration,
    combine,
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

DEFAULT_METHOD = "combined"
METHODS = ("combined", "base_effect", "run_rate", "ets", "sarimax")
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
    wider: pd.DataFrame | None = None,
) -> GrowthForecast:
    """Forecast the rest of the year from the latest published cumulative figure.

    ``ytd``: year, end_month, growth (cumulative %), optional level, as
    ``quarterly.ytd_series`` returns. ``method``: "combined" (default, ``forecast.combine``),
    "base_effect", "sarimax", "ets" or "run_rate". Raises ``InsufficientHistory`` ("too little
    history: …") when the series is too short: for combined and base_effect fewer than
    ``base_effect.MIN_OBSERVATIONS`` figures, fewer than ``base_effect.MIN_YEARS`` years, or a
    span shorter than ``min_quarters`` quarters.
    ``wider`` (combined only): the city's or province's series, for the anchored candidate.
    ``seasonal_shares`` applies to the quarter-end methods only.
    ``recalibrate`` (base_effect, default True): the intervals are widened or narrowed by the
    scale its own past errors on this series call for, with no look-ahead (point unchanged;
    ``interval_scale`` on the result; ``calibration.recalibrate``).
    """
    if method == combine.METHOD:
        return combine.forecast_combined(ytd, wider=wider, n_paths=n_paths, seed=seed,
                                         min_quarters=min_quarters)  # fmt: skip
    if method != "base_effect":
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
