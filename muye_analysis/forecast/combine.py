"""The default forecast: simple and structured methods combined by their own record on the series.

At every published figure of a series (an *origin*) four candidate methods forecast the year's
annual growth from what was published by then:

* ``base_effect``: the structured model (single-period growth with base effects and shock
  years, ``forecast.base_effect``);
* ``sarimax``: AR(1) on single-quarter growth at quarter ends (the default before issue 11);
* ``run_rate``: the rest of the year grows as the year so far;
* ``anchored``: the city's or province's forecast plus the district's usual gap, when a wider
  area's series is given.

**Base effects** (``forecast.basis``): when last year's same months were abnormal, the simple
methods reason on the two-year (or k-year) basis — the growth over a normal reference year —
and convert back, so that a jump such as 2021's first quarter (18.3% on 2020's −6.8%) is not
extrapolated. The structured model, which extrapolates single-period jumps, is left out at
those origins (its weight is shared among the others); its standard deviation still sets the
width of the interval.

**Weights** (no look-ahead): at an origin, the candidates' errors at the earlier origins whose
target year's annual figure was published by then, within the last ``WEIGHT_WINDOW_YEARS``
target years and outside the shock years (``config.SHOCK_SPAN``: every method fails there and
the failures say nothing about ordinary years). Each squared error is taken relative to the
candidates' mean squared error at the same origin (a first-quarter origin is harder than a
third-quarter one for every method; relative errors let all origins count equally), and the
weights are proportional to the inverse of the mean relative squared error to the power
``WEIGHT_POWER``, shrunk toward equal weights by n / (n + ``WEIGHT_PRIOR_ERRORS``) (n = past
origins where all candidates forecast); equal weights below ``MIN_WEIGHT_ERRORS`` such origins.
The weights used are kept in the result.

**Interval**: the structured model's standard deviation (which knows the horizon and the shock
years) times a scale from the combination's own past standardised errors (split-conformal 80%
quantile over ``calibration.Z80``, latest ``calibration.RECALIBRATION_WINDOW_YEARS`` target
years, shock years left out), shrunk on the log scale toward ``PRIOR_SCALE`` by years / (years +
``calibration.RECALIBRATION_PRIOR_YEARS``). ``PRIOR_SCALE`` is the cold start: with no past
errors of its own a series gets the scale learned across the long real tuning series (national
fixed-asset investment and retail sales, monthly and at quarter ends, 2012-2026:
``benchmarks/bench_forecast_real.py --learn-prior``).

Every prefix of a series is computed once per process (cached by the published figures
themselves), so a forecast costs one pass over its history the first time and little after.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from muye_analysis.forecast import basis as basis_mod
from muye_analysis.forecast import calibration
from muye_analysis.forecast.core import InsufficientHistory

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.forecast.core import GrowthForecast

METHOD = "combined"
CANDIDATES = ("base_effect", "sarimax", "run_rate", "anchored")
WEIGHT_WINDOW_YEARS = 10  # target years whose errors set the weights
WEIGHT_PRIOR_ERRORS = 4.0  # pseudo-origins of "all candidates are equally good"
WEIGHT_POWER = 2.0  # weights ~ 1 / (relative mean squared error)^2: a clearly worse method fades
MIN_WEIGHT_ERRORS = 2  # fewer common past origins: equal weights
# Cold-start scale of the structured model's sd, learned across the long real tuning series:
# the split-conformal 80% scale of the combination's standardised errors outside the shock
# years on national fixed-asset investment and retail sales, monthly and at quarter ends
# (1.17, 1.99, 1.20, 1.48), each series counted once (geometric mean 1.425); the benchmark's
# --learn-prior prints it. Series with few past errors of their own start here.
PRIOR_SCALE = 1.43
MIN_SCALE_ERRORS = 6  # past errors (over two target years) before a series' own scale counts
CACHE_SIZE = 8192


@dataclass(frozen=True)
class Combination:
    """How a combined forecast was made: the candidates' annual forecasts and their weights."""

    weights: dict[str, float]  # method -> weight (sums to 1)
    candidates: dict[str, float]  # method -> annual forecast (NaN: the method refused)
    basis: basis_mod.Basis  # the reference year of the simple methods
    excluded: tuple[str, ...] = ()  # candidates left out at this origin (and why: basis)
    errors_used: dict[str, int] = field(default_factory=dict)  # past errors behind each weight
    scale: float = 1.0  # multiplier of the structured model's sd
    prior_scale: float = PRIOR_SCALE
    scale_errors: int = 0  # past errors behind the scale (0: the prior alone)


# -- candidate forecasts at one origin (cached) -------------------------------------------------

_ROWS: dict[tuple, dict] = {}


def _key(upto: pd.DataFrame, min_quarters: int, wider_key) -> tuple:
    return calibration._history_key(upto, min_quarters), wider_key


def _sarimax_point(frame: pd.DataFrame, year: int, min_quarters: int) -> float:
    from muye_analysis.forecast import core

    quarters = core._quarters(frame, None, min_quarters)
    setup = core._setup(quarters, frame, None)
    if setup.year != year:
        raise InsufficientHistory("the quarter-end history forecasts another year")
    return core._point_annual("sarimax", setup)


def _candidates(upto: pd.DataFrame, min_quarters: int, warm: dict | None) -> dict:
    """Annual forecasts of base_effect, sarimax and run_rate from ``upto`` (NaN: refused)."""
    import warnings

    y, m = int(upto["year"].iloc[-1]), int(upto["end_month"].iloc[-1])
    year, months = (y + 1, 0) if m == 12 else (y, m)
    basis = basis_mod.basis_for(upto, year, months)
    row = {"origin": (y, m), "year": year, "months": months, "basis": basis}
    raw = calibration._raw_forecast(upto, min_quarters, warm)
    ok = raw is not None and raw.year == year
    row["base_effect"] = raw.mean if ok else math.nan
    row["sd"] = raw.sd if ok else math.nan
    row["params"] = raw.params if raw is not None else None
    frame = upto if basis.plain else basis_mod.to_basis(upto, basis.years)
    if frame.empty or (int(frame["year"].iloc[-1]), int(frame["end_month"].iloc[-1])) != (y, m):
        frame = frame.iloc[:0]  # the latest figure has no k-year average: nothing to carry
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            point = _sarimax_point(frame, year, min_quarters)
        row["sarimax"] = float(basis_mod.from_basis(point, upto, year, basis.years))
    except (InsufficientHistory, ValueError, KeyError, IndexError, ZeroDivisionError):
        row["sarimax"] = math.nan
    try:
        last = float(frame["growth"].dropna().iloc[-1])
        row["run_rate"] = float(basis_mod.from_basis(last, upto, year, basis.years))
    except (IndexError, KeyError):
        row["run_rate"] = math.nan
    return row


def candidates_at(ytd: pd.DataFrame, min_quarters: int | None = None) -> dict:
    """Each candidate's annual forecast from all of ``ytd`` (NaN: refused), with the basis the
    simple methods used and the structured model's sd: what the combination weighs there."""
    from muye_analysis.forecast.core import MIN_QUARTERS

    frame = calibration.published(ytd)
    row = _candidates(frame, MIN_QUARTERS if min_quarters is None else min_quarters, None)
    return {k: v for k, v in row.items() if k != "params"}


def candidate_table(
    ytd: pd.DataFrame,
    *,
    wider: pd.DataFrame | None = None,
    min_figures: int = calibration.MIN_FIGURES,
    min_quarters: int | None = None,
) -> pd.DataFrame:
    """One row per origin (every published figure from the ``min_figures``-th): the target year,
    months known, the basis, each candidate's annual forecast, the structured model's sd and the
    published outcome (NaN where not yet published)."""
    import pandas as pd

    from muye_analysis.forecast.core import MIN_QUARTERS

    min_quarters = MIN_QUARTERS if min_quarters is None else min_quarters
    frame = calibration.published(ytd)
    annual = calibration.annual_growth(frame)
    wider_rows = _wider_forecasts(wider, min_quarters) if wider is not None else None
    wider_key = calibration._history_key(wider, min_quarters) if wider is not None else None
    rows, warm = [], None
    for end in range(min(min_figures, len(frame)), len(frame) + 1):
        if end == 0:
            continue
        upto = frame.iloc[:end]
        key = _key(upto, min_quarters, wider_key)
        if key not in _ROWS:
            row = _candidates(upto, min_quarters, warm)
            row["anchored"] = _anchored(row, frame.iloc[:end], wider_rows)
            if len(_ROWS) >= CACHE_SIZE:
                _ROWS.clear()
            _ROWS[key] = row
        row = dict(_ROWS[key])
        warm = row["params"] or warm
        row["actual"] = annual.get(row["year"], math.nan)
        rows.append(row)
    return pd.DataFrame(rows)


# -- the anchored candidate ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Wider:
    """The wider area's combined forecast at each of its origins and its annual figures."""

    forecasts: dict  # (year, month) -> (target year, mean)
    annual: dict  # year -> growth


def _wider_forecasts(wider: pd.DataFrame, min_quarters: int) -> _Wider:
    table = combined_table(wider, min_quarters=min_quarters)
    forecasts = {} if table.empty else {
        tuple(o): (int(t), float(mean))
        for o, t, mean in zip(table["origin"], table["year"], table["mean"], strict=True)
        if not math.isnan(mean)
    }  # fmt: skip
    return _Wider(forecasts, calibration.annual_growth(wider))


def _anchored(row: dict, district: pd.DataFrame, wider: _Wider | None) -> float:
    """The wider area's forecast from what it had published by this origin, plus the district's
    mean gap (district minus wider area) over the full years published before the target year."""
    if wider is None:
        return math.nan
    origin = row["origin"]
    earlier = [o for o, (t, _) in wider.forecasts.items() if o <= origin and t == row["year"]]
    if not earlier:
        return math.nan
    _, wider_mean = wider.forecasts[max(earlier)]
    own = {y: g for y, g in calibration.annual_growth(district).items() if y < row["year"]}
    gaps = [own[y] - wider.annual[y] for y in own if y in wider.annual]
    return wider_mean + sum(gaps) / len(gaps) if gaps else math.nan


# -- weights and the combined forecast ---------------------------------------------------------


def _weights(past: pd.DataFrame, available: list[str]) -> tuple[dict, dict]:
    """Weights of ``available`` from their errors at the ``past`` origins where all of them
    forecast: each squared error relative to the mean of the candidates' squared errors at
    that origin (so that a hard origin — a first quarter, a turning point — does not outweigh
    the others), averaged; weights proportional to its inverse squared, shrunk toward equal by
    n / (n + ``WEIGHT_PRIOR_ERRORS``); equal below ``MIN_WEIGHT_ERRORS`` common origins."""
    import numpy as np

    common = past[[*available, "actual"]].dropna()
    n = len(common)
    equal = 1.0 / len(available)
    counts = dict.fromkeys(available, n)
    if n < MIN_WEIGHT_ERRORS:
        return dict.fromkeys(available, equal), counts
    squared = common[available].sub(common["actual"], axis=0) ** 2
    relative = squared.div(squared.mean(axis=1).clip(lower=1e-9), axis=0).mean()
    inverse = 1.0 / np.maximum(relative.to_numpy(dtype=float), 1e-6) ** WEIGHT_POWER
    inverse /= inverse.sum()
    shrink = n / (n + WEIGHT_PRIOR_ERRORS)
    weights = shrink * inverse + (1 - shrink) * equal
    return {m: float(w) for m, w in zip(available, weights, strict=True)}, counts


def combined_table(
    ytd: pd.DataFrame,
    *,
    wider: pd.DataFrame | None = None,
    min_figures: int = calibration.MIN_FIGURES,
    min_quarters: int | None = None,
    prior_scale: float = PRIOR_SCALE,
) -> pd.DataFrame:
    """``candidate_table`` plus, at every origin, the combined mean, its weights, the scale and
    sd, and the 80% / 95% intervals — each made only from what was published by then."""
    table = candidate_table(ytd, wider=wider, min_figures=min_figures, min_quarters=min_quarters)
    if table.empty:
        return table
    shock = calibration.shock_years()
    means, infos = [], []
    for _, row in table.iterrows():
        available = [
            m for m in CANDIDATES
            if not math.isnan(row[m]) and not (m == "base_effect" and not row["basis"].plain)
        ]  # fmt: skip
        excluded = ("base_effect",) if not row["basis"].plain else ()
        if not available or math.isnan(row["sd"]):
            means.append(math.nan)
            infos.append(None)
            continue
        past = table[
            (table["year"] < row["year"]) & table["actual"].notna()
            & ~table["year"].isin(shock) & (table["year"] >= row["year"] - WEIGHT_WINDOW_YEARS)
        ]  # fmt: skip
        weights, counts = _weights(past, available)
        means.append(float(sum(weights[m] * row[m] for m in available)))
        infos.append((weights, counts, excluded))
    table["mean"] = means
    scales, errors_behind = [], []
    for _, row in table.iterrows():
        past = table[(table["year"] < row["year"]) & table["actual"].notna()
                     & table["mean"].notna()]  # fmt: skip
        z = (past["actual"] - past["mean"]) / past["sd"]
        scale = calibration.interval_scale(
            z, past["year"], min_errors=MIN_SCALE_ERRORS, prior_scale=prior_scale
        )
        scales.append(scale)
        errors_behind.append(calibration.scale_errors(z, past["year"], min_errors=MIN_SCALE_ERRORS))
    table["scale"] = scales
    table["sd_combined"] = table["sd"] * table["scale"]
    z80, z95 = calibration.Z80, calibration.Z95
    table["lower_80"] = table["mean"] - z80 * table["sd_combined"]
    table["upper_80"] = table["mean"] + z80 * table["sd_combined"]
    table["lower_95"] = table["mean"] - z95 * table["sd_combined"]
    table["upper_95"] = table["mean"] + z95 * table["sd_combined"]
    table["combination"] = [
        None if info is None else Combination(
            weights=info[0], candidates={m: float(row[m]) for m in CANDIDATES},
            basis=row["basis"], excluded=info[2], errors_used=info[1], scale=float(s),
            prior_scale=prior_scale, scale_errors=int(n),
        )
        for info, (_, row), s, n in zip(infos, table.iterrows(), scales, errors_behind,
                                        strict=True)
    ]  # fmt: skip
    table["covered_80"] = (table["actual"] >= table["lower_80"]) & (
        table["actual"] <= table["upper_80"]
    )
    table["covered_95"] = (table["actual"] >= table["lower_95"]) & (
        table["actual"] <= table["upper_95"]
    )
    return table


def backtest_summary(table: pd.DataFrame) -> dict[str, float]:
    """{'n', 'coverage_80', 'coverage_95', 'mae'} of the combined forecasts whose outcome is
    published (n = 0 and NaN rates when none is)."""
    scored = table[table["actual"].notna() & table["mean"].notna()] if len(table) else table
    if scored.empty:
        return {"n": 0, "coverage_80": math.nan, "coverage_95": math.nan, "mae": math.nan}
    return {
        "n": len(scored),
        "coverage_80": float(scored["covered_80"].mean()),
        "coverage_95": float(scored["covered_95"].mean()),
        "mae": float((scored["mean"] - scored["actual"]).abs().mean()),
    }


# -- the forecast ------------------------------------------------------------------------------


def forecast_combined(
    ytd: pd.DataFrame,
    *,
    wider: pd.DataFrame | None = None,
    n_paths: int = 10_000,
    seed: int = 0,
    min_quarters: int | None = None,
    prior_scale: float = PRIOR_SCALE,
) -> GrowthForecast:
    """The combined forecast of the year from everything in ``ytd`` (see the module doc).

    Raises ``InsufficientHistory`` when the structured model refuses the series (too short):
    without its sd there is no interval to calibrate.
    """
    from dataclasses import replace

    import numpy as np

    from muye_analysis.forecast import engine
    from muye_analysis.forecast.core import MIN_QUARTERS

    min_quarters = MIN_QUARTERS if min_quarters is None else min_quarters
    engine.check_history(ytd, min_quarters)
    table = combined_table(ytd, wider=wider, min_quarters=min_quarters, prior_scale=prior_scale)
    last = table.iloc[-1]
    if math.isnan(last["mean"]):
        raise InsufficientHistory("too little history: the structured model refuses the series")
    year, months = int(last["year"]), int(last["months"])
    mean, sd = float(last["mean"]), float(last["sd_combined"])
    shares, source, per_year = _shares(ytd, year)
    elapsed = 1.0 - engine._remaining_share(shares, months, per_year)
    known = float(ytd.dropna(subset=["growth"]).sort_values(["year", "end_month"])
                  ["growth"].iloc[-1]) if months else 0.0  # fmt: skip
    frame = _fan_frame(year, months, mean, sd, shares, per_year, elapsed, known)
    paths = np.random.default_rng(seed).normal(mean, sd, size=n_paths)
    history = table[table["mean"].notna()]
    coverage = backtest_summary(history.iloc[:-1] if len(history) else history)
    base = engine.forecast_base_effect(ytd, n_paths=1, min_quarters=min_quarters,
                                       smoothed=False, start=last["params"])  # fmt: skip
    return replace(
        base,
        method=METHOD,
        forecast=frame,
        annual_mean=mean,
        annual_paths=paths,
        weights=tuple(shares),
        weights_source=source,
        remaining_share=1.0 - elapsed,
        interval_scale=float(last["scale"]),
        coverage=coverage,
        combination=last["combination"],
    )


def _shares(ytd: pd.DataFrame, year: int) -> tuple[tuple[float, ...], str, int]:
    from muye_analysis.forecast import base_effect as be

    design = be.build_design(ytd, last_year=year)
    shares, source = design.weights[year]
    return tuple(shares), source, design.periods_per_year


def _fan_frame(year, months, mean, sd, shares, per_year, elapsed, known) -> pd.DataFrame:
    """Cumulative growth at the remaining quarter ends: the rest of the year grows at one steady
    rate that gives the annual figure (for the mean and for each quantile of it)."""
    import pandas as pd

    from muye_analysis.forecast import base_effect as be
    from muye_analysis.forecast.core import FORECAST_COLUMNS
    from muye_analysis.periods import Period

    ends = [m for m in (3, 6, 9, 12) if m > months]
    z80, z95 = calibration.Z80, calibration.Z95
    annual = {"mean": mean, "lower_80": mean - z80 * sd, "upper_80": mean + z80 * sd,
              "lower_95": mean - z95 * sd, "upper_95": mean + z95 * sd}  # fmt: skip
    frame = {"period": [Period(year, m).code for m in ends]}
    for column, value in annual.items():
        rest = (value - elapsed * known) / (1 - elapsed) if elapsed < 1 else value
        values = []
        for m in ends:
            share = 1.0 - _remaining(shares, m, per_year, be)
            values.append((elapsed * known + (share - elapsed) * rest) / share)
        frame[column] = values
    return pd.DataFrame(frame)[list(FORECAST_COLUMNS)]


def _remaining(shares, month, per_year, be) -> float:
    from muye_analysis.forecast import engine

    return engine._remaining_share(shares, month, per_year) if month < 12 else 0.0


# -- backtests in the format of calibration.rolling_backtest ----------------------------------


def rolling_backtest(ytd: pd.DataFrame, *, methods=(METHOD, "sarimax", "run_rate"), **options):
    """``calibration.rolling_backtest`` with the default among the methods: the other methods'
    rows from there, then the default's own (``_backtest_rows``), in one table."""
    import pandas as pd

    others = tuple(m for m in methods if m != METHOD)
    parts = [calibration.rolling_backtest(ytd, methods=others, **options).errors] if others else []
    if METHOD in methods:
        parts.append(_backtest_rows(ytd, options.get("min_figures", calibration.MIN_FIGURES),
                                    options.get("first_origin_year"),
                                    options.get("min_quarters")))  # fmt: skip
    parts = [part for part in parts if len(part)]
    if not parts:
        raise InsufficientHistory("too little history: no origin with a later annual figure")
    errors = pd.concat(parts, ignore_index=True)
    return calibration.CalibratedBacktest(errors=errors, summary=calibration.summarise(errors))


def fan_coverage(ytd: pd.DataFrame) -> dict[str, float]:
    """The default's backtest on ``ytd`` for a fan's caption ({'n', 'coverage_80',
    'coverage_95', 'mae'}; n = 0 and NaN rates when no origin can be scored)."""
    return backtest_summary(combined_table(ytd))


def _backtest_rows(ytd, min_figures, first_origin_year, min_quarters):
    """The default's forecasts at every origin, in ``calibration.rolling_backtest``'s rows."""
    import pandas as pd

    table = combined_table(ytd, min_figures=min_figures, min_quarters=min_quarters)
    if table.empty:
        return pd.DataFrame()
    table = table[table["actual"].notna()]
    if first_origin_year:
        table = table[[o[0] >= first_origin_year for o in table["origin"]]]
    rows = pd.DataFrame({
        "origin": [f"{y}-{m:02d}" for y, m in table["origin"]], "year": table["year"],
        "months_known": table["months"], "method": "combined", "forecast": table["mean"],
        "actual": table["actual"], "error": table["mean"] - table["actual"],
        "lower_80": table["lower_80"], "upper_80": table["upper_80"],
        "lower_95": table["lower_95"], "upper_95": table["upper_95"],
        "sd": table["sd_combined"], "scale": table["scale"],
        "covered_80": table["covered_80"], "covered_95": table["covered_95"],
    })  # fmt: skip
    rows["interval_score"] = [
        calibration.interval_score(lo, hi, a) if lo == lo and hi == hi else float("nan")
        for lo, hi, a in zip(rows["lower_80"], rows["upper_80"], rows["actual"], strict=True)
    ]
    return rows.reset_index(drop=True)
