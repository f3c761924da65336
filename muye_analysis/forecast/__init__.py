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

The methods are objects in one registry (``methods.METHODS``), and ``forecast_growth`` is
``methods.forecast_growth``: this file only hands names on, and no submodule imports it.

statsmodels and scipy are imported inside the functions, so importing this package is light.
"""

from __future__ import annotations

from muye_analysis.forecast import (  # the submodules, as attributes of the package
    anchor,  # noqa: F401
    basis,  # noqa: F401
    calibration,  # noqa: F401
    combine,  # noqa: F401
    methods,
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
from muye_analysis.forecast.methods import DEFAULT_METHOD, PREVIOUS_DEFAULT, forecast_growth

METHODS = tuple(methods.METHODS)  # the registered methods' names

__all__ = [
    "BENCHMARKS",
    "DEFAULT_METHOD",
    "FORECAST_COLUMNS",
    "METHODS",
    "MIN_QUARTERS",
    "N_PATHS",
    "PREVIOUS_DEFAULT",
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
