"""Required growth: the weights (last year's share of its total in the months so far) and the
growth the rest of the year needs. See :mod:`muye_analysis.targets` for the formula."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis import schema
from muye_analysis.periods import Period

if TYPE_CHECKING:
    import pandas as pd

# Where the weights came from: codes, worded by the vocabulary (weights_<code>).
WEIGHTS_LEVELS = "levels"  # last year's cumulative levels for the same months
WEIGHTS_EQUAL_MONTHS = "equal_months"  # an assumption: months ÷ 12
WEIGHTS_EQUAL_QUARTERS = "equal_quarters"  # an assumption: quarters ÷ 4
WEIGHTS_SEASONAL = "seasonal"  # an assumption: the seasonal shares the caller gives
WEIGHTS_GIVEN = "given"  # a share the caller gives
WEIGHTS_PRIOR_YEAR = "prior_year"  # 上年同期 as the table prints it ÷ last year's full year (store)
WEIGHTS_PRIOR_YEAR_REPORT = "prior_year_report"  # 上年同期 ÷ the report's base-year level
# The sources that come from data (last year's own levels), best first; the others are assumptions.
DATA_WEIGHTS = (WEIGHTS_PRIOR_YEAR, WEIGHTS_PRIOR_YEAR_REPORT, WEIGHTS_LEVELS)

# How each indicator is compiled: district GDP quarterly in the city's unified accounting
# (统一核算: 一季度, 上半年, 前三季度, 全年); everything else monthly (1-2月 first). The list lives
# in ``schema`` because the reader refuses a monthly label for these indicators.
QUARTERLY_COMPILED = schema.QUARTERLY_COMPILED


# -- weights -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElapsedShare:
    """Last year's share of the annual total that falls in the months so far, and its source."""

    value: float
    source: str

    def __float__(self) -> float:
        return self.value


def _check_share(value: float) -> float:
    if not (isinstance(value, (int, float)) and 0 < value < 1):
        raise ValueError(
            f"the elapsed share must be strictly between 0 and 1, got {value!r}: at 0 nothing "
            "has happened yet (the required growth is the target), at 1 the year is over "
            "(compare the annual figure with the target directly)."
        )
    return float(value)


def share_from_levels(ytd_level_last_year: float, full_year_level_last_year: float) -> ElapsedShare:
    """w = L_ytd / L_year from last year's cumulative level for the months so far and its total.

    >>> share_from_levels(160, 220).value
    0.7272727272727273
    """
    if full_year_level_last_year <= 0:
        raise ValueError(
            f"last year's full-year level must be positive, got {full_year_level_last_year}"
        )
    return ElapsedShare(
        _check_share(ytd_level_last_year / full_year_level_last_year), WEIGHTS_LEVELS
    )


def share_from_quarter_levels(
    last_year_quarters: Sequence[float], quarters_elapsed: int
) -> ElapsedShare:
    """w from last year's four single-quarter levels, e.g. (50, 55, 55, 60) after 3 quarters."""
    if len(last_year_quarters) != 4 or any(q < 0 for q in last_year_quarters):
        raise ValueError("give last year's four quarterly levels, none negative")
    return share_from_levels(sum(last_year_quarters[:quarters_elapsed]), sum(last_year_quarters))


def equal_share(months_elapsed: int, *, by: str = "months") -> ElapsedShare:
    """w under equal months (months/12) or equal quarters (the shortcut's assumption)."""
    if by == "quarters":
        if months_elapsed % 3:
            raise ValueError(f"{months_elapsed} months is not a whole number of quarters")
        return ElapsedShare(_check_share(months_elapsed / 12), WEIGHTS_EQUAL_QUARTERS)
    if by != "months":
        raise ValueError("by must be 'months' or 'quarters'")
    return ElapsedShare(_check_share(months_elapsed / 12), WEIGHTS_EQUAL_MONTHS)


def seasonal_share(shares: Sequence[float], months_elapsed: int) -> ElapsedShare:
    """w from given seasonal shares: 12 monthly or 4 quarterly weights (normalised to sum 1),
    e.g. the city's or the province's pattern when the district's own is unknown."""
    if len(shares) not in (4, 12) or any(s < 0 for s in shares) or sum(shares) <= 0:
        raise ValueError("give 12 monthly or 4 quarterly shares, none negative")
    per_month = 12 // len(shares)
    if months_elapsed % per_month:
        raise ValueError(f"quarterly shares cannot split {months_elapsed} months")
    elapsed = sum(shares[: months_elapsed // per_month])
    return ElapsedShare(_check_share(elapsed / sum(shares)), WEIGHTS_SEASONAL)


def elapsed_share_for(
    period: Period,
    *,
    last_year_ytd_level: float | None = None,
    last_year_full_level: float | None = None,
    seasonal_shares: Sequence[float] | None = None,
) -> ElapsedShare:
    """The best available weights for ``period``: last year's levels, else seasonal shares,
    else equal quarters (at a quarter end) or equal months."""
    if last_year_ytd_level is not None and last_year_full_level is not None:
        return share_from_levels(last_year_ytd_level, last_year_full_level)
    if seasonal_shares is not None:
        return seasonal_share(seasonal_shares, period.end_month)
    return equal_share(period.end_month, by="quarters" if period.quarter else "months")


# -- required growth and gaps ------------------------------------------------------------------


@dataclass(frozen=True)
class RequiredGrowth:
    """The growth (%) the rest of the year needs, with its inputs and the weights' source."""

    required: float
    target: float
    ytd: float
    elapsed_share: float
    weights_source: str

    def __float__(self) -> float:
        return self.required


def required_growth(
    target: float,
    ytd: float,
    elapsed_share: float | ElapsedShare,
    *,
    weights_source: str | None = None,
) -> RequiredGrowth:
    """Growth (%) the rest of the year needs for the year to grow ``target`` %.

    ``ytd`` is cumulative growth so far (%), ``elapsed_share`` last year's level for the months
    so far over last year's full-year level, strictly between 0 and 1 (an :class:`ElapsedShare`
    carries its source; a bare number is recorded as given by the caller).

    >>> round(required_growth(6, 5.0, 160 / 220).required, 2)  # Q1-Q3 160 of 220
    8.67
    >>> required_growth(6, 5.0, equal_share(9, by="quarters")).required  # the shortcut 4x6-3x5
    9.0
    """
    if isinstance(elapsed_share, ElapsedShare):
        w, source = elapsed_share.value, weights_source or elapsed_share.source
    else:
        w, source = elapsed_share, weights_source or WEIGHTS_GIVEN
    w = _check_share(w)
    for name, value in (("target", target), ("ytd", ytd)):
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite percentage, got {value!r}")
    needed = (target - w * ytd) / (1 - w)
    return RequiredGrowth(needed, float(target), float(ytd), w, source)


def gap_pp(target: float, actual: float) -> float:
    """Target minus actual, in percentage points: positive = behind the target."""
    return target - actual


def _number_or_none(value: object) -> float | None:
    import pandas as pd

    return None if value is None or pd.isna(value) else float(value)


def last_year_share(
    series: pd.DataFrame, period: Period, *, full_year_level: float | None = None
) -> ElapsedShare | None:
    """Last year's share of its full-year total that fell in ``period``'s months, from data
    only, or None: 上年同期 (last year's same-period value as this year's table prints it, on
    the comparable basis) over last year's full-year level from the store
    (:data:`WEIGHTS_PRIOR_YEAR`), else over ``full_year_level`` (the report's base-year actual,
    :data:`WEIGHTS_PRIOR_YEAR_REPORT`); else last year's stored cumulative level for the same
    months over its stored full year (:data:`WEIGHTS_LEVELS`). A ratio outside (0, 1) (a
    上年同期 on another basis than the full-year level) is not a share and is passed over.

    ``series`` is one indicator's :func:`quarterly.ytd_series`.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"year": [2030], "end_month": [6], "level": [40.2], "growth": [6.1],
    ...                   "prior_year": [37.9]})
    >>> share = last_year_share(s, Period(2030, 6), full_year_level=78.8)
    >>> round(share.value, 4), share.source
    (0.481, 'prior_year_report')
    """
    last_year = series[series["year"] == period.year - 1].set_index("end_month")["level"]
    stored_full = _number_or_none(last_year.get(12))
    this = series[(series["year"] == period.year) & (series["end_month"] == period.end_month)]
    prior = None
    if "prior_year" in series.columns and not this.empty:
        prior = _number_or_none(this["prior_year"].iloc[0])
    for full, source in ((stored_full, WEIGHTS_PRIOR_YEAR),
                         (full_year_level, WEIGHTS_PRIOR_YEAR_REPORT)):  # fmt: skip
        if prior is not None and full is not None and 0 < prior < full:
            return ElapsedShare(prior / full, source)
    ytd_level = _number_or_none(last_year.get(period.end_month))
    if ytd_level is not None and stored_full is not None and 0 < ytd_level < stored_full:
        return share_from_levels(ytd_level, stored_full)
    return None


def weights_for(
    series: pd.DataFrame, period: Period, *, seasonal_shares: Sequence[float] | None = None,
    frequency: str | None = None, full_year_level: float | None = None,
) -> ElapsedShare:  # fmt: skip
    """The best weights for ``period`` from one indicator's :func:`quarterly.ytd_series`.

    In order: ``seasonal_shares`` the caller records (12 monthly or 4 quarterly); last year's
    own share from data (:func:`last_year_share`: 上年同期 over last year's full year from the
    store or, ``full_year_level``, the report's base-year actual; last year's cumulative
    levels); else an assumption: equal quarters (quarterly-compiled indicators, or any quarter
    end) or equal months. A quarterly-compiled indicator at a month that ends no quarter is a
    ValueError (it has no monthly figures).
    """
    if seasonal_shares is not None:
        return seasonal_share(seasonal_shares, period.end_month)
    share = last_year_share(series, period, full_year_level=full_year_level)
    if share is not None:
        return share
    if frequency == "quarterly" and period.quarter is None:
        raise ValueError(
            f"{period.label('zh')} is not a quarter end; a quarterly-compiled indicator (GDP) "
            "has no monthly figures."
        )
    return equal_share(period.end_month, by="quarters" if period.quarter else "months")


def compilation_frequency(indicator: str) -> str:
    """``quarterly`` for indicators compiled quarterly (district GDP), else ``monthly``."""
    return "quarterly" if indicator in QUARTERLY_COMPILED else "monthly"
