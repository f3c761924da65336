"""Where will the year land? Run-rate and statsmodels forecasts of year-to-date growth.

Statistics arrive as cumulative growth (累计同比) at each quarter end. The models work on the
*single-quarter* growth rates behind them, recovered with the same base weights as the
required-growth formula (``muye_analysis.targets``): with last year's quarter shares ``w_j``
(cumulative ``W_k``), cumulative growth ``G_k = sum_{j<=k} w_j g_j / W_k``, so
``g_k = (W_k G_k - W_{k-1} G_{k-1}) / w_k``. The weights are last year's published quarterly
levels when the store has them, else given seasonal shares, else equal quarters; every result
records which. Year-on-year growth rates carry no seasonal pattern of their own, so the models
are non-seasonal:

* ``run_rate``: the growth so far carried to year end (always available);
* ``ets``: exponential smoothing with additive errors, ETS(A,N,N) (statsmodels ``ETSModel``);
* ``sarimax``: an AR(1) with a constant (statsmodels ``SARIMAX``), which pulls growth back
  towards its mean.

The model forecasts simulate the remaining quarters and aggregate them into the full-year growth,
which gives prediction intervals and the probability of meeting the target. They need
``MIN_QUARTERS`` consecutive quarters; with fewer they refuse in plain words. ``backtest`` refits
every method at every past quarter end (rolling origin) and scores its full-year forecast against
the published outcome, beside two naive benchmarks. statsmodels is imported inside the functions
(it is slow to import).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from muye_analysis.periods import Period
from muye_analysis.targets import (
    ABOUT_TOLERANCE_PP,
    WEIGHTS_EQUAL_QUARTERS,
    WEIGHTS_LEVELS,
    WEIGHTS_SEASONAL,
    meets_target,
)

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

# Three years: enough to estimate a smoothing weight or an AR term and a variance, and still
# leave origins for a backtest. Shorter series are refused rather than fitted.
MIN_QUARTERS = 12
N_PATHS = 10_000  # simulated paths: Monte Carlo error of a probability about 0.005
METHODS = ("run_rate", "ets", "sarimax")
BENCHMARKS = ("naive_last", "naive_seasonal")
FORECAST_COLUMNS = ("period", "mean", "lower_80", "upper_80", "lower_95", "upper_95")
_QUANTILES = {"lower_95": 0.025, "lower_80": 0.10, "upper_80": 0.90, "upper_95": 0.975}


class InsufficientHistory(ValueError):
    """Too few consecutive quarters to fit a model."""


# -- single-quarter growth from year-to-date growth --------------------------------------------


def _quarter_values(ytd: pd.DataFrame, column: str) -> dict[tuple[int, int], float]:
    """{(year, quarter): value} at quarter ends where ``column`` is given."""
    import pandas as pd

    out = {}
    if column not in ytd:
        return out
    for year, month, value in zip(ytd["year"], ytd["end_month"], ytd[column], strict=True):
        if int(month) % 3 == 0 and not pd.isna(value):
            out[(int(year), int(month) // 3)] = float(value)
    return out


def _normalised_quarter_shares(shares: Sequence[float]) -> tuple[float, ...]:
    if len(shares) == 12:
        shares = [sum(shares[3 * q : 3 * q + 3]) for q in range(4)]
    if len(shares) != 4 or any(s < 0 for s in shares) or sum(shares) <= 0:
        raise ValueError("give 12 monthly or 4 quarterly seasonal shares, none negative")
    total = sum(shares)
    return tuple(s / total for s in shares)


def year_weights(
    year: int,
    levels: dict[tuple[int, int], float],
    seasonal_shares: Sequence[float] | None = None,
) -> tuple[tuple[float, ...], str]:
    """Quarter shares (w_1..w_4) for growth in ``year`` and their source.

    Last year's single-quarter levels (differences of its cumulative levels) when all four
    quarter ends of ``year - 1`` are known; else the given seasonal shares; else equal quarters.
    """
    cumulative = [levels.get((year - 1, q)) for q in (1, 2, 3, 4)]
    if all(c is not None for c in cumulative) and cumulative[3] > 0:
        single = [cumulative[0]] + [cumulative[q] - cumulative[q - 1] for q in (1, 2, 3)]
        if all(s > 0 for s in single):
            return tuple(s / cumulative[3] for s in single), WEIGHTS_LEVELS
    if seasonal_shares is not None:
        return _normalised_quarter_shares(seasonal_shares), WEIGHTS_SEASONAL
    return (0.25, 0.25, 0.25, 0.25), WEIGHTS_EQUAL_QUARTERS


def single_quarter_growth(
    ytd: pd.DataFrame, *, seasonal_shares: Sequence[float] | None = None
) -> pd.DataFrame:
    """Single-quarter year-on-year growth (%) behind cumulative growth at quarter ends.

    ``ytd`` has columns year, end_month, growth (cumulative %) and optionally level (cumulative,
    for last year's weights), as ``muye_analysis.quarterly.ytd_series`` returns. Months that are
    not quarter ends are ignored. Returns year, quarter, period (YYYYQ3), cumulative, growth,
    weight, weights_source: one row per quarter whose own and previous cumulative growth are
    known.
    """
    import pandas as pd

    cumulative = _quarter_values(ytd, "growth")
    levels = _quarter_values(ytd, "level")
    rows = []
    for year in sorted({y for y, _ in cumulative}):
        weights, source = year_weights(year, levels, seasonal_shares)
        running = 0.0
        for q in (1, 2, 3, 4):
            w_before, running = running, running + weights[q - 1]
            if (year, q) not in cumulative or (q > 1 and (year, q - 1) not in cumulative):
                continue
            before = cumulative.get((year, q - 1), 0.0) * w_before
            g = (running * cumulative[(year, q)] - before) / weights[q - 1]
            rows.append((year, q, f"{year}Q{q}", cumulative[(year, q)], g, weights[q - 1], source))
    columns = ["year", "quarter", "period", "cumulative", "growth", "weight", "weights_source"]
    return pd.DataFrame(rows, columns=columns)


def _latest_run(quarters: pd.DataFrame) -> pd.DataFrame:
    """The longest run of consecutive quarters that ends with the latest one."""
    if quarters.empty:
        return quarters
    index = (quarters["year"] * 4 + quarters["quarter"]).to_numpy()
    start = len(index) - 1
    while start > 0 and index[start - 1] == index[start] - 1:
        start -= 1
    return quarters.iloc[start:].reset_index(drop=True)


# -- the forecast result -----------------------------------------------------------------------


@dataclass
class GrowthForecast:
    """A forecast of the year's cumulative growth; ``charts.plot_growth_forecast`` draws its fan.

    ``history`` (period, value) is the published cumulative growth at quarter ends; ``forecast``
    (period, mean, lower_80, upper_80, lower_95, upper_95) the cumulative growth at each
    remaining quarter end of ``year`` (bands NaN for the run-rate, which has no error model).
    ``annual_paths`` are simulated full-year growth rates (None for the run-rate).
    """

    method: str
    year: int
    quarters_known: int  # quarters of ``year`` already published
    history: pd.DataFrame
    forecast: pd.DataFrame
    annual_mean: float
    weights: tuple[float, ...]
    weights_source: str
    n_quarters: int  # length of the history the model was fitted on
    annual_paths: np.ndarray | None = None
    params: dict[str, float] = field(default_factory=dict)
    # Share of the year's annual total still to come (the weight of the months not yet
    # published): the lever of the scenarios. None when unknown.
    remaining_share: float | None = None
    months_known: int | None = None  # months of ``year`` already published (10 for 1-10月)
    single_periods: pd.DataFrame | None = None  # estimated single-quarter/month growth
    coverage: dict[str, float] | None = None  # backtest coverage, shown beside the fan
    # Multiplier of the model's sd from its past errors on the same series (base_effect's
    # recalibration, ``forecast.calibration``); None for methods without it.
    interval_scale: float | None = None
    # The default's candidates, weights and basis (``forecast.combine.Combination``); None for
    # the single methods.
    combination: object | None = None

    def annual_interval(self, level: int = 80) -> tuple[float, float]:
        """The central ``level`` % prediction interval of the full-year growth."""
        import numpy as np

        if self.annual_paths is None:
            return (math.nan, math.nan)
        tail = (100 - level) / 200
        low, high = np.quantile(self.annual_paths, [tail, 1 - tail])
        return float(low), float(high)

    def probability_of_meeting(
        self,
        target: float,
        bound: str = "at_least",
        *,
        higher_is_better: bool | None = True,
        tolerance_pp: float = ABOUT_TOLERANCE_PP,
        rounded: bool = True,
    ) -> float:
        """Share of simulated years that meet ``target`` under its bound (see
        ``targets.assess_target``: at_least a floor, at_most a ceiling, about a band of
        ``tolerance_pp`` points, which is a convention, not an official band). With
        ``rounded`` (the default) each year is judged on its published one-decimal figure,
        as a completed 6% is: 5.96 rounds to 6.0 and meets an at-least-6 target."""
        return probability_of_meeting_target(
            self,
            target,
            bound,
            higher_is_better=higher_is_better,
            tolerance_pp=tolerance_pp,
            rounded=rounded,
        )

    def scenarios(self, target: float | None = None):
        """The rest of the year as the latest single period, as last year's same months, or at
        the pace ``target`` needs: ``muye_analysis.forecast.scenarios.scenario_frame`` (numbers,
        codes and periods; ``tables.scenario_table`` words them)."""
        from muye_analysis.forecast.scenarios import scenario_frame

        return scenario_frame(self, target)


def probability_of_meeting_target(
    forecast: GrowthForecast,
    target: float,
    bound: str = "at_least",
    *,
    higher_is_better: bool | None = True,
    tolerance_pp: float = ABOUT_TOLERANCE_PP,
    rounded: bool = True,
) -> float:
    """Probability that the full-year growth meets the target, from the predictive paths.

    ``rounded``: judge each simulated year on its published figure, rounded half up to one
    decimal (``publish_round``), not on the unrounded number.
    """
    import numpy as np

    if forecast.annual_paths is None:
        raise ValueError(
            f"the {forecast.method} projection has no predictive distribution; "
            "use method='ets' or 'sarimax'"
        )
    # The same reading as targets.assess_target (左右 for growth is a floor with a band below),
    # on the published one-decimal figure unless ``rounded`` is False.
    paths = publish_round(forecast.annual_paths) if rounded else forecast.annual_paths
    hits = meets_target(paths, target, bound, higher_is_better=higher_is_better,
                        tolerance_pp=tolerance_pp)  # fmt: skip
    return float(np.mean(hits))


def publish_round(values, decimals: int = 1):
    """Round half up to ``decimals`` as statistics bureaus publish (5.95 -> 6.0, -0.05 -> -0.0).

    A tiny epsilon absorbs binary representation (5.95 is stored as 5.9499999…).
    """
    import numpy as np

    scale = 10.0**decimals
    return np.floor(np.asarray(values, dtype=float) * scale + 0.5 + 1e-9) / scale


# -- building blocks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Setup:
    """What every method needs: the target year, what is known of it, and its weights."""

    year: int
    known: int  # quarters of ``year`` published
    known_cumulative: float  # cumulative growth after ``known`` quarters (0 when none)
    weights: tuple[float, ...]
    weights_source: str
    history: pd.DataFrame  # single-quarter growth up to the origin (the model's data)


def _setup(
    quarters: pd.DataFrame, ytd: pd.DataFrame, seasonal_shares: Sequence[float] | None
) -> _Setup:
    last = quarters.iloc[-1]
    year, known = int(last["year"]), int(last["quarter"])
    if known == 4:  # the year is complete: forecast the next one from scratch
        year, known = year + 1, 0
    weights, source = year_weights(year, _quarter_values(ytd, "level"), seasonal_shares)
    cumulative = float(last["cumulative"]) if known else 0.0
    return _Setup(year, known, cumulative, weights, source, quarters)


def _cumulative_paths(setup: _Setup, quarter_paths: np.ndarray) -> np.ndarray:
    """Cumulative growth at each remaining quarter end from single-quarter paths (h x n)."""
    import numpy as np

    w = np.asarray(setup.weights)
    done = w[: setup.known].sum() * setup.known_cumulative
    weighted = np.cumsum(w[setup.known :, None] * quarter_paths, axis=0)
    totals = np.cumsum(w)[setup.known :, None]
    return (done + weighted) / totals


def _forecast_frame(setup: _Setup, cumulative: np.ndarray) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    periods = [f"{setup.year}Q{q}" for q in range(setup.known + 1, 5)]
    frame = pd.DataFrame({"period": periods, "mean": cumulative.mean(axis=1)})
    for column, q in _QUANTILES.items():
        frame[column] = np.quantile(cumulative, q, axis=1) if cumulative.shape[1] > 1 else np.nan
    return frame[list(FORECAST_COLUMNS)]


def _history_frame(ytd: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    values = _quarter_values(ytd, "growth")
    keys = sorted(values)
    return pd.DataFrame(
        {"period": [f"{y}Q{q}" for y, q in keys], "value": [values[k] for k in keys]}
    )


def _fit(method: str, series: np.ndarray):
    """Fit ETS(A,N,N) or AR(1)+constant; statsmodels is imported here, not at module load."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter on short series
        if method == "ets":
            from statsmodels.tsa.exponential_smoothing.ets import ETSModel

            return ETSModel(series, error="add", trend=None, seasonal=None).fit(disp=False)
        if method == "sarimax":
            from statsmodels.tsa.statespace.sarimax import SARIMAX

            return SARIMAX(series, order=(1, 0, 0), trend="c").fit(disp=False)
    raise ValueError(f"unknown method {method!r}; use one of {METHODS}")


def _params(method: str, fitted) -> dict[str, float]:
    names = list(fitted.model.param_names)
    values = dict(zip(names, (float(v) for v in fitted.params), strict=True))
    if method == "sarimax":
        phi = values["ar.L1"]
        values["mean"] = values["intercept"] / (1 - phi) if abs(phi) < 1 else math.nan
    return values


def _simulate(method: str, fitted, steps: int, n_paths: int, seed: int) -> np.ndarray:
    """Future single-quarter growth paths, shape (steps, n_paths)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    if method == "ets":
        paths = fitted.simulate(steps, anchor="end", repetitions=n_paths, rng=rng)
        return np.asarray(paths).reshape(steps, n_paths)
    # AR(1): the last observation fixes the state, so the future is jointly normal with the
    # covariance of its moving-average form (psi weights): exact, and far faster than
    # simulating the state space.
    mean = np.asarray(fitted.forecast(steps))
    psi = np.asarray(fitted.impulse_responses(steps=max(steps - 1, 0))).ravel()[:steps]
    sigma2 = float(fitted.params[-1])
    cov = np.empty((steps, steps))
    for i in range(steps):
        for j in range(steps):
            lags = range(min(i, j) + 1)
            cov[i, j] = sigma2 * sum(psi[i - k] * psi[j - k] for k in lags)
    return rng.multivariate_normal(mean, cov, size=n_paths, method="cholesky").T


def _quarters(ytd: pd.DataFrame, seasonal_shares, min_quarters: int) -> pd.DataFrame:
    run = _latest_run(single_quarter_growth(ytd, seasonal_shares=seasonal_shares))
    if len(run) < min_quarters:
        raise InsufficientHistory(f"too little history: {len(run)} quarters, need {min_quarters}")
    return run


# -- public forecasts --------------------------------------------------------------------------


def run_rate(ytd: pd.DataFrame) -> GrowthForecast:
    """The year ends where it stands: cumulative growth so far carried to December.

    Uses the latest period of any length (1-5月 too). At a year end it carries that year's
    growth into the next year. Always available; no intervals.
    """
    import numpy as np
    import pandas as pd

    known = ytd.dropna(subset=["growth"]).sort_values(["year", "end_month"])
    if known.empty:
        raise InsufficientHistory("too little history: no growth rate given")
    last = known.iloc[-1]
    period = Period(int(last["year"]), int(last["end_month"]))
    growth = float(last["growth"])
    year = period.year if period.end_month < 12 else period.year + 1
    done_months = period.end_month if period.end_month < 12 else 0
    remaining = [q for q in (1, 2, 3, 4) if 3 * q > done_months]
    frame = pd.DataFrame({"period": [f"{year}Q{q}" for q in remaining]})
    frame["mean"] = growth
    for column in _QUANTILES:
        frame[column] = np.nan
    weights, source = year_weights(year, _quarter_values(ytd, "level"))
    return GrowthForecast(
        method="run_rate",
        year=year,
        quarters_known=done_months // 3,
        history=_history_frame(ytd),
        forecast=frame[list(FORECAST_COLUMNS)],
        annual_mean=growth,
        weights=weights,
        weights_source=source,
        n_quarters=len(single_quarter_growth(ytd)),
    )


def forecast_growth(
    ytd: pd.DataFrame,
    *,
    method: str = "sarimax",
    n_paths: int = N_PATHS,
    seed: int = 0,
    seasonal_shares: Sequence[float] | None = None,
    min_quarters: int = MIN_QUARTERS,
) -> GrowthForecast:
    """Forecast the rest of the year with ``method`` ("ets" or "sarimax"; "run_rate" too).

    ``ytd``: year, end_month, growth (cumulative %), optional level, as
    ``quarterly.ytd_series`` returns. Raises InsufficientHistory ("too little history: N
    quarters, need M") when fewer than ``min_quarters`` consecutive quarters are available.
    """
    if method == "run_rate":
        return run_rate(ytd)
    quarters = _quarters(ytd, seasonal_shares, min_quarters)
    setup = _setup(quarters, ytd, seasonal_shares)
    fitted = _fit(method, quarters["growth"].to_numpy(dtype=float))
    steps = 4 - setup.known
    paths = _simulate(method, fitted, steps, n_paths, seed)
    cumulative = _cumulative_paths(setup, paths)
    return GrowthForecast(
        method=method,
        year=setup.year,
        quarters_known=setup.known,
        history=_history_frame(ytd),
        forecast=_forecast_frame(setup, cumulative),
        annual_mean=float(cumulative[-1].mean()),
        weights=setup.weights,
        weights_source=setup.weights_source,
        n_quarters=len(quarters),
        annual_paths=cumulative[-1],
        params=_params(method, fitted),
    )


# -- backtest ----------------------------------------------------------------------------------


def _point_annual(method: str, setup: _Setup) -> float:
    """Full-year growth forecast by ``method`` from the data in ``setup`` (no simulation)."""
    import numpy as np

    steps = 4 - setup.known
    g = setup.history["growth"].to_numpy(dtype=float)
    if method == "run_rate":
        if setup.known:
            return setup.known_cumulative
        return float(setup.history["cumulative"].iloc[-1])  # last year's annual growth
    if method == "naive_last":
        future = np.full(steps, g[-1])
    elif method == "naive_seasonal":  # each remaining quarter as the same quarter last year
        future = g[len(g) - 4 + np.arange(steps)]
    else:
        future = np.asarray(_fit(method, g).forecast(steps))
    return float(_cumulative_paths(setup, future[:, None])[-1, 0])


@dataclass
class Backtest:
    """Rolling-origin forecast errors of the full-year growth, in percentage points."""

    errors: pd.DataFrame  # one row per origin and method
    summary: pd.DataFrame  # one row per method: n, mae, rmse, and both relative to naive_last


def backtest(
    ytd: pd.DataFrame,
    *,
    methods: Sequence[str] = (*METHODS, *BENCHMARKS),
    min_quarters: int = MIN_QUARTERS,
    seasonal_shares: Sequence[float] | None = None,
) -> Backtest:
    """Refit every method at each past quarter end and score its full-year growth forecast.

    Origins are the quarter ends with at least ``min_quarters`` quarters of history whose
    target year's annual growth is published (an origin at Q4 forecasts the next year from
    scratch). Benchmarks: ``naive_last`` (the remaining quarters grow like the last one) and
    ``naive_seasonal`` (like the same quarters a year earlier). Errors are forecast minus
    outcome in percentage points; ``mae_ratio`` < 1 means better than ``naive_last``.
    """
    import numpy as np
    import pandas as pd

    quarters = _latest_run(single_quarter_growth(ytd, seasonal_shares=seasonal_shares))
    annual = {int(r.year): float(r.cumulative) for r in quarters.itertuples() if r.quarter == 4}
    rows = []
    for end in range(min_quarters, len(quarters) + 1):
        upto = quarters.iloc[:end]
        setup = _setup(upto, ytd, seasonal_shares)
        if setup.year not in annual:
            continue
        for method in methods:
            forecast = _point_annual(method, setup)
            rows.append(
                {
                    "origin": upto["period"].iloc[-1],
                    "year": setup.year,
                    "quarters_known": setup.known,
                    "method": method,
                    "forecast": forecast,
                    "actual": annual[setup.year],
                    "error": forecast - annual[setup.year],
                }
            )
    if not rows:
        raise InsufficientHistory(
            f"too little history: {len(quarters)} quarters, need {min_quarters} plus a "
            "published full year after them"
        )
    errors = pd.DataFrame(rows)
    summary = (
        errors.groupby("method", sort=False)["error"]
        .agg(
            n="size",
            mae=lambda e: float(np.mean(np.abs(e))),
            rmse=lambda e: float(np.sqrt(np.mean(np.square(e)))),
        )
        .reset_index()
    )
    if "naive_last" in set(summary["method"]):
        base = summary.set_index("method").loc["naive_last"]
        summary["mae_ratio"] = summary["mae"] / base["mae"]
        summary["rmse_ratio"] = summary["rmse"] / base["rmse"]
    return Backtest(errors=errors, summary=summary)
