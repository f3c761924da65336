"""The default forecast: single-period growth with base effects, seen through cumulative figures.

Statistics bureaus publish *cumulative* year-on-year growth (累计同比): 1-3月, 1-6月, 1-10月 …
Behind every figure are the single-quarter (or single-month) growth rates ``g_t`` of the year so
far, weighted by last year's shares of the annual total (the same weights as the required-growth
formula in ``muye_analysis.targets``). This model treats the ``g_t`` as unobserved and every
published figure as a linear observation of them:

    G(year, m) = sum_{units j in 1..m} w_j g_j / sum w_j  + rounding error,

so gaps in the series (a missing 三季度), months between quarter ends (1-10月) and a mix of both
are all used, each by exactly what it says. A month inside a quarter counts the quarter's growth
for the months elapsed (equal months within the quarter; an assumption, stated in
``MID_QUARTER_NOTE``) with an extra observation error ``MID_QUARTER_SD_PP``.

The single-period growth follows

    g_t = mu + l_t + u_t,  u_t = phi u_{t-1} + e_t + theta e_{t-P},  P = 4 (quarters) or 12 (months)
    l_t = l_{t-1} + eta_t,  l_0 = 0  (a slowly drifting level, sd ``level_sd`` per period)

* ``theta`` (seasonal MA(P)) is the **base effect**: year-on-year growth is the seasonal
  difference of log levels, so a weak quarter last year (negative ``e_{t-P}``) lifts this year's
  same quarter when ``theta`` < 0. This is the seasonally differenced log level written in growth
  rates; levels, where published, set the weights ``w_j``.
* ``phi`` carries momentum from one period to the next.
* ``l_t`` lets the level growth returns to drift (Chinese growth rates trend down over a decade;
  a fixed mean would pull every forecast towards the average of years long gone). With
  ``level_sd`` = 0 the model is stationary around ``mu``.
* **Shocks**: innovations in the COVID span (``config.SHOCK_SPAN``) have their own standard
  deviation ``kappa * sigma`` (a variance dummy), so 2020's collapse and 2021's rebound do not
  inflate the uncertainty of ordinary years nor drag the mean; with no data in the span
  ``kappa`` is fixed at 1.
* ``mu`` is estimated by generalised least squares; (phi, theta, sigma, kappa) by restricted
  maximum likelihood on the exact Gaussian likelihood of the published figures (dense matrices:
  a few hundred periods at most). The forecast is the conditional (kriging) distribution of the
  target year's figures given everything published, including the uncertainty of ``mu``.

statsmodels is not needed here; numpy and scipy are imported inside the functions.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from muye_analysis import config

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

METHOD = "base_effect"
# Published figures have one decimal: a uniform rounding error of +-0.05 has variance 0.05^2/3.
ROUNDING_SD_PP = 0.05 / math.sqrt(3)
# A month inside a quarter is read as that quarter's growth for the months elapsed; monthly
# growth within a quarter differs by a few tenths (e.g. Henan's industry 1-4月 6.0%, 1-5月 5.4%,
# 1-6月 5.4% in 2022), so such figures get this extra observation error.
MID_QUARTER_SD_PP = 0.3
MID_QUARTER_NOTE = "months inside a quarter count that quarter's growth (equal months assumed)"
# Monthly latent periods when this share of the figures ends inside a quarter (monthly series).
MONTHLY_SHARE = 0.4
MIN_OBSERVATIONS = 8  # published figures
MIN_YEARS = 3  # distinct years (the seasonal term needs the same period in several years)
BURN_IN_YEARS = 3  # pre-sample periods that start the process near its stationary state
PHI_BOUNDS = (-0.9, 0.97)
THETA_BOUNDS = (-0.95, 0.95)
KAPPA_BOUNDS = (1.0, 30.0)
LEVEL_SD_MIN = 1e-3  # lower bound of the level drift, relative to the spread of the data
WEIGHTS_LEVELS_INTERPOLATED = "last year's cumulative levels, interpolated between published months"


@dataclass
class Fit:
    """A fitted model: parameters and what is needed to condition on the data."""

    params: dict[str, float]
    periods_per_year: int
    first_year: int
    shock_units: frozenset[int] = field(default_factory=frozenset)
    n_observations: int = 0
    loglike: float = math.nan


@dataclass(frozen=True)
class Design:
    """Observation rows over the latent periods of years ``first_year`` .. ``last_year``."""

    periods_per_year: int
    first_year: int
    last_year: int
    matrix: np.ndarray  # (n_obs, n_units) weights
    noise_var: np.ndarray  # (n_obs,)
    values: np.ndarray  # (n_obs,) published growth
    keys: tuple[tuple[int, int], ...]  # (year, end_month) of each row
    weights: dict[int, tuple[tuple[float, ...], str]]  # year -> (unit shares, source)

    @property
    def n_units(self) -> int:
        return (self.last_year - self.first_year + 1) * self.periods_per_year


# -- weights ---------------------------------------------------------------------------------


def unit_weights(
    year: int, levels: dict[tuple[int, int], float], periods_per_year: int
) -> tuple[tuple[float, ...], str]:
    """Shares of ``year``'s periods in the annual total, from last year's cumulative levels.

    Last year's cumulative level at each period end over its annual level gives the cumulative
    share; where some period ends were not published the share is interpolated linearly in
    months between the published ones (0 at the start, 1 at December). Without last year's
    annual level (or with shares that do not increase) the periods are equal: an assumption
    the returned source says.
    """
    import numpy as np

    from muye_analysis.targets import WEIGHTS_EQUAL_MONTHS, WEIGHTS_EQUAL_QUARTERS, WEIGHTS_LEVELS

    equal = WEIGHTS_EQUAL_QUARTERS if periods_per_year == 4 else WEIGHTS_EQUAL_MONTHS
    flat = (tuple([1 / periods_per_year] * periods_per_year), equal)
    annual = levels.get((year - 1, 12))
    if annual is None or not annual > 0:
        return flat
    months = [m for m in range(1, 12) if (year - 1, m) in levels]
    if not months:
        return flat
    xs = [0, *months, 12]
    ys = [0.0, *(levels[(year - 1, m)] / annual for m in months), 1.0]
    step = 12 // periods_per_year
    ends = np.arange(1, periods_per_year + 1) * step
    cumulative = np.interp(ends, xs, ys)
    shares = np.diff(np.concatenate([[0.0], cumulative]))
    if np.any(shares <= 0):
        return flat
    complete = all((year - 1, int(m)) in levels for m in ends[:-1])
    return tuple(float(s) for s in shares), (
        WEIGHTS_LEVELS if complete else WEIGHTS_LEVELS_INTERPOLATED
    )


# -- the design: which combination of latent periods each figure observes ----------------------


def _clean(ytd: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    missing = {"year", "end_month", "growth"} - set(ytd.columns)
    if missing:
        raise ValueError(f"the year-to-date frame lacks columns {sorted(missing)}")
    frame = pd.DataFrame(
        {
            "year": pd.to_numeric(ytd["year"]).astype("Int64"),
            "end_month": pd.to_numeric(ytd["end_month"]).astype("Int64"),
            "growth": pd.to_numeric(ytd["growth"]).astype("Float64"),
            "level": pd.to_numeric(ytd["level"]).astype("Float64")
            if "level" in ytd
            else pd.array([pd.NA] * len(ytd), dtype="Float64"),
        }
    )
    frame = frame.dropna(subset=["year", "end_month"])
    return frame.sort_values(["year", "end_month"], ignore_index=True)


def choose_periods_per_year(ytd: pd.DataFrame) -> int:
    """12 (monthly latent growth) when many figures end inside a quarter, else 4."""
    known = _clean(ytd).dropna(subset=["growth"])
    if known.empty:
        return 4
    inside = (known["end_month"] % 3 != 0).mean()
    return 12 if inside >= MONTHLY_SHARE else 4


def observation_row(
    end_month: int, shares: Sequence[float], periods_per_year: int
) -> tuple[np.ndarray, bool]:
    """Weights of a year's latent periods in the cumulative figure to ``end_month``.

    Returns the row (summing to 1) and whether the figure ends inside a latent period.
    """
    import numpy as np

    step = 12 // periods_per_year
    elapsed = np.clip((end_month - np.arange(periods_per_year) * step) / step, 0.0, 1.0)
    row = np.asarray(shares) * elapsed
    return row / row.sum(), bool(end_month % step)


def build_design(
    ytd: pd.DataFrame,
    *,
    periods_per_year: int | None = None,
    last_year: int | None = None,
) -> Design:
    """Every published growth figure of ``ytd`` as a row over latent single periods."""
    import numpy as np

    frame = _clean(ytd)
    known = frame.dropna(subset=["growth"])
    if known.empty:
        raise ValueError("no growth rate given")
    per_year = periods_per_year or choose_periods_per_year(frame)
    levels = {
        (int(y), int(m)): float(v)
        for y, m, v in zip(frame["year"], frame["end_month"], frame["level"], strict=True)
        if not _is_na(v)
    }
    first = int(known["year"].min())
    last = max(int(known["year"].max()), last_year or 0)
    n_units = (last - first + 1) * per_year
    weights = {y: unit_weights(y, levels, per_year) for y in range(first, last + 1)}
    rows, noise, values, keys = [], [], [], []
    for year, month, growth in zip(known["year"], known["end_month"], known["growth"], strict=True):
        year, month = int(year), int(month)
        row, inside = observation_row(month, weights[year][0], per_year)
        full = np.zeros(n_units)
        start = (year - first) * per_year
        full[start : start + per_year] = row
        rows.append(full)
        noise.append(ROUNDING_SD_PP**2 + (MID_QUARTER_SD_PP**2 if inside else 0.0))
        values.append(float(growth))
        keys.append((year, month))
    return Design(
        periods_per_year=per_year,
        first_year=first,
        last_year=last,
        matrix=np.vstack(rows),
        noise_var=np.asarray(noise),
        values=np.asarray(values),
        keys=tuple(keys),
        weights=weights,
    )


def _is_na(value) -> bool:
    try:
        return value is None or math.isnan(float(value))
    except (TypeError, ValueError):
        return True


# -- covariance of the latent periods --------------------------------------------------------


def shock_units(design: Design, span=None) -> frozenset[int]:
    """Indices of latent periods inside the shock span (``config.SHOCK_SPAN``)."""
    (y0, m0), (y1, m1) = span or config.SHOCK_SPAN
    step = 12 // design.periods_per_year
    out = set()
    for year in range(design.first_year, design.last_year + 1):
        for j in range(design.periods_per_year):
            first_month, last_month = j * step + 1, (j + 1) * step
            if (year, last_month) >= (y0, m0) and (year, first_month) <= (y1, m1):
                out.add((year - design.first_year) * design.periods_per_year + j)
    return frozenset(out)


def latent_loadings(
    n_units: int, periods_per_year: int, phi: float, theta: float, burn_in: int
) -> np.ndarray:
    """Psi: latent deviations u (n_units) as a linear map of innovations (burn_in + n_units)."""
    import numpy as np
    from scipy.linalg import toeplitz

    n = burn_in + n_units
    j = np.arange(n)
    psi = phi**j
    lagged = j >= periods_per_year
    psi[lagged] += theta * phi ** (j[lagged] - periods_per_year)
    full = toeplitz(psi, np.zeros(n))
    return full[burn_in:, :]


def _walk_cov(n_units: int, var: float) -> np.ndarray:
    """Covariance of a random walk started at 0 before the first period: var * min(i, j)."""
    import numpy as np

    steps = np.arange(1, n_units + 1)
    return var * np.minimum.outer(steps, steps)


def _innovation_var(n_units: int, burn_in: int, sigma2: float, kappa: float, shocks) -> np.ndarray:
    import numpy as np

    var = np.full(burn_in + n_units, sigma2)
    for unit in shocks:
        var[burn_in + unit] *= kappa**2
    return var


# -- fitting ---------------------------------------------------------------------------------


def observed_loadings(
    matrix: np.ndarray, periods_per_year: int, phi: float, theta: float, burn_in: int
) -> np.ndarray:
    """``matrix @ Psi`` without forming Psi: observations as a linear map of the innovations.

    With psi_j = phi^j + theta phi^(j-P) [j >= P], column s of matrix @ Psi is
    B_s + theta B_(s+P), where B_s = A_s + phi B_(s+1) (a backward recursion over periods).
    """
    import numpy as np
    from scipy.signal import lfilter

    n_obs, n_units = matrix.shape
    wide = np.zeros((n_obs, burn_in + n_units + periods_per_year))
    wide[:, burn_in : burn_in + n_units] = matrix
    back = lfilter([1.0], [1.0, -phi], wide[:, ::-1], axis=1)[:, ::-1]
    n = burn_in + n_units
    return back[:, :n] + theta * back[:, periods_per_year : periods_per_year + n]


def _one_blas_thread():
    """Small dense matrices: many BLAS threads on a shared machine are hundreds of times slower
    than one (measured: a 140 x 140 Cholesky 110 ms against 0.25 ms)."""
    import numpy  # noqa: F401  (load both BLAS libraries before limiting them)
    import scipy.linalg  # noqa: F401

    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - declared dependency
        from contextlib import nullcontext

        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _reml(theta_vec, design: Design, shocks, burn_in: int, fit_kappa: bool, walk_unit) -> float:
    import numpy as np
    from scipy.linalg import cho_factor, cho_solve

    phi, theta, log_sigma, log_level = theta_vec[:4]
    kappa = math.exp(theta_vec[4]) if fit_kappa else 1.0
    loads = observed_loadings(design.matrix, design.periods_per_year, phi, theta, burn_in)
    var = _innovation_var(design.n_units, burn_in, math.exp(2 * log_sigma), kappa, shocks)
    walk = walk_unit * math.exp(2 * log_level)
    cov = (loads * var) @ loads.T + walk + np.diag(design.noise_var)
    try:
        factor = cho_factor(cov, lower=True)
    except np.linalg.LinAlgError:
        return 1e10
    ones = np.ones(len(design.values))
    c_ones = cho_solve(factor, ones)
    info = float(ones @ c_ones)
    mu = float(c_ones @ design.values) / info
    resid = design.values - mu
    logdet = 2 * float(np.sum(np.log(np.diag(factor[0]))))
    return 0.5 * (logdet + float(resid @ cho_solve(factor, resid)) + math.log(info))


def fit(
    ytd: pd.DataFrame,
    *,
    periods_per_year: int | None = None,
    target_year: int | None = None,
    shock_span=None,
    start: dict[str, float] | None = None,
) -> tuple[Fit, Design]:
    """Estimate (mu, phi, theta, sigma, kappa) from every published figure of ``ytd``.

    ``start``: parameters of an earlier fit (a backtest's previous origin) to start from, tried
    with the first default starting point instead of all three; the likelier optimum wins.
    """
    import numpy as np
    from scipy.optimize import minimize

    design = build_design(ytd, periods_per_year=periods_per_year, last_year=target_year)
    per_year = design.periods_per_year
    burn_in = BURN_IN_YEARS * per_year
    shocks = shock_units(design, shock_span)
    observed_units = set(np.nonzero(design.matrix.any(axis=0))[0])
    fit_kappa = bool(shocks & observed_units)
    spread = float(np.std(design.values)) or 1.0
    bounds = [PHI_BOUNDS, THETA_BOUNDS, (math.log(spread / 50), math.log(spread * 5)),
              (math.log(spread * LEVEL_SD_MIN), math.log(spread))]  # fmt: skip
    if fit_kappa:
        bounds.append((math.log(KAPPA_BOUNDS[0]), math.log(KAPPA_BOUNDS[1])))
    best = None
    walk_unit = design.matrix @ _walk_cov(design.n_units, 1.0) @ design.matrix.T
    starts = [
        [phi0, theta0, math.log(spread / 2), math.log(spread * level0)]
        + ([math.log(3.0)] if fit_kappa else [])
        for phi0, theta0, level0 in ((0.6, -0.3, 0.05), (0.3, -0.7, 0.2), (0.9, 0.0, 0.01))
    ]
    if start:  # warm start beside the first default start: the likelier optimum wins
        warm = [start["ar.L1"], start["seasonal_ma"], 0.5 * math.log(start["sigma2"]),
                math.log(start["level_sd"])] + ([math.log(max(start["shock_scale"], 1.0))]
                                                if fit_kappa else [])  # fmt: skip
        starts = [[min(max(v, lo), hi) for v, (lo, hi) in zip(warm, bounds, strict=True)],
                  starts[0]]  # fmt: skip
    with _one_blas_thread():
        for x0 in starts:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = minimize(
                    _reml, x0, args=(design, shocks, burn_in, fit_kappa, walk_unit),
                    method="L-BFGS-B", bounds=bounds,
                )  # fmt: skip
            if best is None or res.fun < best.fun:
                best = res
    phi, theta, log_sigma, log_level = (float(v) for v in best.x[:4])
    kappa = math.exp(float(best.x[4])) if fit_kappa else 1.0
    params = {"ar.L1": phi, "seasonal_ma": theta, "sigma2": math.exp(2 * log_sigma),
              "level_sd": math.exp(log_level), "shock_scale": kappa}  # fmt: skip
    fitted = Fit(params, per_year, design.first_year, shocks, len(design.values), -best.fun)
    with _one_blas_thread():
        params["mean"] = _gls_mean(fitted, design)[0]
    return fitted, design


def _covariances(fitted: Fit, design: Design):
    """(latent covariance Sigma_g, observation covariance C, cross A Sigma_g)."""
    import numpy as np

    p = fitted.params
    burn_in = BURN_IN_YEARS * fitted.periods_per_year
    psi = latent_loadings(design.n_units, fitted.periods_per_year, p["ar.L1"],
                          p["seasonal_ma"], burn_in)  # fmt: skip
    var = _innovation_var(design.n_units, burn_in, p["sigma2"], p["shock_scale"],
                          fitted.shock_units)  # fmt: skip
    latent = (psi * var) @ psi.T + _walk_cov(design.n_units, p["level_sd"] ** 2)
    cross = design.matrix @ latent
    cov = cross @ design.matrix.T + np.diag(design.noise_var)
    return latent, cov, cross


def _gls_mean(fitted: Fit, design: Design) -> tuple[float, float]:
    """GLS estimate of mu and its variance."""
    import numpy as np

    _, cov, _ = _covariances(fitted, design)
    ones = np.ones(len(design.values))
    c_ones = np.linalg.solve(cov, ones)
    info = float(ones @ c_ones)
    return float(c_ones @ design.values) / info, 1.0 / info


# -- conditional distribution ------------------------------------------------------------------


def conditional(fitted: Fit, design: Design, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and covariance of ``rows @ g`` given the published figures (mu estimated)."""

    with _one_blas_thread():
        return _conditional(fitted, design, rows)


def _conditional(fitted: Fit, design: Design, rows: np.ndarray):
    import numpy as np

    latent, cov, cross = _covariances(fitted, design)
    ones = np.ones(len(design.values))
    solve = np.linalg.solve(cov, np.column_stack([design.values, ones, cross @ rows.T]))
    c_y, c_ones, c_cross = solve[:, 0], solve[:, 1], solve[:, 2:]
    info = float(ones @ c_ones)
    mu = float(c_ones @ design.values) / info
    k = rows @ cross.T  # Cov(rows g, y)
    mean = mu + k @ (c_y - mu * c_ones)
    cov_out = rows @ latent @ rows.T - k @ c_cross
    # uncertainty of the estimated mean (universal kriging)
    lead = rows.sum(axis=1) - k @ c_ones
    cov_out = cov_out + np.outer(lead, lead) / info
    return mean, (cov_out + cov_out.T) / 2


def target_rows(design: Design, year: int, end_months: Sequence[int]) -> np.ndarray:
    """Rows giving ``year``'s cumulative growth at ``end_months`` from the latent periods."""
    import numpy as np

    shares = design.weights[year][0]
    out = np.zeros((len(end_months), design.n_units))
    start = (year - design.first_year) * design.periods_per_year
    for i, month in enumerate(end_months):
        row, _ = observation_row(month, shares, design.periods_per_year)
        out[i, start : start + design.periods_per_year] = row
    return out


def smoothed_periods(fitted: Fit, design: Design) -> pd.DataFrame:
    """Estimated single-period growth (mean and sd) behind the published figures."""
    import numpy as np
    import pandas as pd

    eye = np.eye(design.n_units)
    mean, cov = conditional(fitted, design, eye)
    per_year = design.periods_per_year
    years = design.first_year + np.arange(design.n_units) // per_year
    index = np.arange(design.n_units) % per_year + 1
    tag = "Q" if per_year == 4 else "M"
    labels = [
        f"{y}{tag}{i}" if tag == "Q" else f"{y}{tag}{i:02d}"
        for y, i in zip(years, index, strict=True)
    ]
    return pd.DataFrame(
        {"period": labels, "year": years, "index": index, "growth": mean,
         "sd": np.sqrt(np.clip(np.diag(cov), 0, None))}
    )  # fmt: skip
