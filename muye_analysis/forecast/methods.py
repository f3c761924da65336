"""The forecast methods, one object each, and ``forecast_growth``: the one dispatcher over them.

Each :class:`Method` names itself and says how it forecasts from the options every method is
given (:class:`Options`): each takes what it uses. ``METHODS`` is the registry, in the order the
documentation lists them; adding a method is one entry here. This module sits above every
method's own module (``combine``, ``engine``, ``core``, ``calibration``) and nothing in the
package imports it but the package's face and ``anchor``, so no submodule reaches back into
``forecast/__init__``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis.forecast.core import MIN_QUARTERS, N_PATHS, GrowthForecast

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_METHOD = "combined"
PREVIOUS_DEFAULT = "sarimax"  # AR(1) on consecutive quarter ends: the default until issue 11


@dataclass(frozen=True)
class Options:
    """What ``forecast_growth`` passes every method; each method reads the fields it uses."""

    n_paths: int = N_PATHS
    seed: int = 0
    seasonal_shares: Sequence[float] | None = None  # quarter-end methods only
    min_quarters: int = MIN_QUARTERS
    periods_per_year: int | None = None  # base_effect only
    recalibrate: bool = True  # base_effect only
    wider: pd.DataFrame | None = None  # combined only: the city's or province's series


@dataclass(frozen=True)
class Method:
    """One forecast method: its name, what it is, and ``run(ytd, options)``."""

    name: str
    about: str
    run: Callable[[pd.DataFrame, Options], GrowthForecast]


def _combined(ytd: pd.DataFrame, o: Options) -> GrowthForecast:
    from muye_analysis.forecast import combine

    return combine.forecast_combined(ytd, wider=o.wider, n_paths=o.n_paths, seed=o.seed,
                                     min_quarters=o.min_quarters)  # fmt: skip


def _base_effect(ytd: pd.DataFrame, o: Options) -> GrowthForecast:
    from muye_analysis.forecast import calibration
    from muye_analysis.forecast.engine import forecast_base_effect

    fc = forecast_base_effect(ytd, n_paths=o.n_paths, seed=o.seed, min_quarters=o.min_quarters,
                              periods_per_year=o.periods_per_year)  # fmt: skip
    return calibration.recalibrate(fc, ytd) if o.recalibrate else fc


def _quarter_ends(name: str) -> Callable[[pd.DataFrame, Options], GrowthForecast]:
    """A method of ``forecast.core`` (run-rate, ETS, AR(1) on quarter ends)."""

    def run(ytd: pd.DataFrame, o: Options) -> GrowthForecast:
        from muye_analysis.forecast import core

        return core.forecast_growth(ytd, method=name, n_paths=o.n_paths, seed=o.seed,
                                    seasonal_shares=o.seasonal_shares,
                                    min_quarters=o.min_quarters)  # fmt: skip

    return run


METHODS: dict[str, Method] = {
    m.name: m
    for m in (
        Method(
            "combined",
            "the methods below weighted by their own record (forecast.combine)",
            _combined,
        ),
        Method(
            "base_effect",
            "single periods with base effects, recalibrated on its own errors",
            _base_effect,
        ),
        Method(
            "run_rate",
            "the latest year-to-date figure held to the year's end",
            _quarter_ends("run_rate"),
        ),
        Method("ets", "ETS(A,N,N) on single quarters", _quarter_ends("ets")),
        Method("sarimax", "AR(1) with a constant on single quarters", _quarter_ends("sarimax")),
    )
}


def find(name: str) -> Method:
    """The registered method called ``name``; ValueError naming the known ones otherwise."""
    try:
        return METHODS[name]
    except KeyError:
        raise ValueError(f"unknown method {name!r}; use one of {tuple(METHODS)}") from None


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
    "base_effect", "sarimax", "ets" or "run_rate" (``METHODS``). Raises ``InsufficientHistory``
    ("too little history: …") when the series is too short: for combined and base_effect fewer
    than ``base_effect.MIN_OBSERVATIONS`` figures, fewer than ``base_effect.MIN_YEARS`` years, or
    a span shorter than ``min_quarters`` quarters.
    ``wider`` (combined only): the city's or province's series, for the anchored candidate.
    ``seasonal_shares`` applies to the quarter-end methods only.
    ``recalibrate`` (base_effect, default True): the intervals are widened or narrowed by the
    scale its own past errors on this series call for, with no look-ahead (point unchanged;
    ``interval_scale`` on the result; ``calibration.recalibrate``).
    """
    options = Options(n_paths=n_paths, seed=seed, seasonal_shares=seasonal_shares,
                      min_quarters=min_quarters, periods_per_year=periods_per_year,
                      recalibrate=recalibrate, wider=wider)  # fmt: skip
    return find(method).run(ytd, options)
