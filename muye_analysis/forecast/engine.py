"""``forecast_growth(method="base_effect")``: the fitted model turned into a ``GrowthForecast``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis.forecast import base_effect as be
from muye_analysis.forecast.core import (
    _QUANTILES,
    FORECAST_COLUMNS,
    MIN_QUARTERS,
    N_PATHS,
    GrowthForecast,
    InsufficientHistory,
)
from muye_analysis.periods import Period

if TYPE_CHECKING:
    import pandas as pd

QUARTER_ENDS = (3, 6, 9, 12)


def origin_of(ytd: pd.DataFrame) -> tuple[int, int]:
    """(year, end_month) of the latest published growth figure."""
    known = be._clean(ytd).dropna(subset=["growth"])
    if known.empty:
        raise InsufficientHistory("too little history: no growth rate given")
    last = known.iloc[-1]
    return int(last["year"]), int(last["end_month"])


def check_history(ytd: pd.DataFrame, min_quarters: int = MIN_QUARTERS) -> None:
    """Refuse, in plain words, series too short to fit the model."""
    known = be._clean(ytd).dropna(subset=["growth"])
    n, years = len(known), known["year"].nunique()
    if known.empty:
        raise InsufficientHistory("too little history: no growth rate given")
    first = int(known["year"].iloc[0]) * 12 + int(known["end_month"].iloc[0])
    last = int(known["year"].iloc[-1]) * 12 + int(known["end_month"].iloc[-1])
    span_quarters = (last - first) // 3 + 1
    if n < be.MIN_OBSERVATIONS or years < be.MIN_YEARS or span_quarters < min_quarters:
        raise InsufficientHistory(
            f"too little history: {n} published figures over {years} years "
            f"({span_quarters} quarters), need {be.MIN_OBSERVATIONS} figures over "
            f"{be.MIN_YEARS} years spanning {min_quarters} quarters"
        )


def history_frame(ytd: pd.DataFrame) -> pd.DataFrame:
    """Every published cumulative figure: period code (2014Q3, 2014M10), year, end_month, value."""
    import pandas as pd

    known = be._clean(ytd).dropna(subset=["growth"])
    triples = zip(known["year"], known["end_month"], known["growth"], strict=True)
    values = {(int(y), int(m)): float(g) for y, m, g in triples}
    keys = set(values)
    if keys:  # unpublished quarter ends in between keep their place on the axis (value NaN)
        first, last = min(keys), max(keys)
        keys |= {(y, m) for y in range(first[0], last[0] + 1) for m in QUARTER_ENDS
                 if first <= (y, m) <= last}  # fmt: skip
    keys = sorted(keys)
    return pd.DataFrame(
        {
            "period": [Period(y, m).code for y, m in keys],
            "value": [values.get(k, float("nan")) for k in keys],
            "year": [y for y, _ in keys],
            "end_month": [m for _, m in keys],
        }
    )


def forecast_base_effect(
    ytd: pd.DataFrame,
    *,
    n_paths: int = N_PATHS,
    seed: int = 0,
    min_quarters: int = MIN_QUARTERS,
    periods_per_year: int | None = None,
    shock_span=None,
    start: dict[str, float] | None = None,
    smoothed: bool = True,
) -> GrowthForecast:
    """Fit ``base_effect`` on every published figure and forecast the target year.

    The target year is the year of the latest figure, or the next one when that figure is
    全年.
    The fan holds the cumulative growth at the remaining quarter ends; the annual paths are
    draws from the exact conditional normal distribution (seeded).
    These are the model's own intervals; ``forecast_growth`` recalibrates them
    (``calibration.recalibrate``). ``smoothed=False`` skips the estimated single periods
    (``single_periods`` None), which a backtest does not need.
    """
    import numpy as np
    from scipy.stats import norm

    check_history(ytd, min_quarters)
    year, month = origin_of(ytd)
    if month == 12:
        year, month = year + 1, 0
    fitted, design = be.fit(ytd, periods_per_year=periods_per_year, target_year=year,
                            shock_span=shock_span, start=start)  # fmt: skip
    ends = [m for m in QUARTER_ENDS if m > month]
    rows = be.target_rows(design, year, ends)
    mean, cov = be.conditional(fitted, design, rows)
    sd = np.sqrt(np.clip(np.diag(cov), 0, None))
    frame = {"period": [Period(year, m).code for m in ends], "mean": mean}
    for column, q in _QUANTILES.items():
        frame[column] = mean + norm.ppf(q) * sd
    import pandas as pd

    forecast = pd.DataFrame(frame)[list(FORECAST_COLUMNS)]
    rng = np.random.default_rng(seed)
    annual = rng.normal(mean[-1], sd[-1], size=n_paths)
    shares, source = design.weights[year]
    remaining = _remaining_share(shares, month, design.periods_per_year)
    return GrowthForecast(
        method=be.METHOD,
        year=year,
        quarters_known=month // 3,
        history=history_frame(ytd),
        forecast=forecast,
        annual_mean=float(mean[-1]),
        weights=tuple(shares),
        weights_source=source,
        n_quarters=len(design.values),
        annual_paths=annual,
        params=dict(fitted.params),
        remaining_share=remaining,
        months_known=month,
        single_periods=be.smoothed_periods(fitted, design) if smoothed else None,
        interval_scale=1.0,
    )


def _remaining_share(shares, month: int, periods_per_year: int) -> float:
    """Weight in the annual figure of the months after ``month``."""
    if month == 0:
        return 1.0
    _row, _ = be.observation_row(month, shares, periods_per_year)
    step = 12 // periods_per_year
    elapsed = [min(max((month - j * step) / step, 0.0), 1.0) for j in range(periods_per_year)]
    done = sum(s * e for s, e in zip(shares, elapsed, strict=True))
    return float(1.0 - done / sum(shares))
