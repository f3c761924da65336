"""Momentum: the growth of the latest single period (当季 / 当月) behind two cumulative figures.

Bureaus publish growth year to date (累计); what the economy is doing now is the growth of the
months since the previous figure: 三季度当季 from 1-9月 and 1-6月, 9月当月 from 1-9月 and 1-8月. It
is the base-weighted difference of the two cumulative rates::

    g_span = (g_ytd - w * g_earlier) / (1 - w),   w = last year's level for the earlier
                                                      months ÷ last year's level for all of them

so it needs weights, and says which it used (:mod:`muye_analysis.periods` ``span_growth``):
上年同期 of both periods as this year's tables print them, else last year's cumulative levels
from the store, else the caller's seasonal shares, else equal months (equal quarters for GDP) —
an assumption, named. The result is derived, never published: it carries its formula.

Accelerating or slowing is the single period against the growth before it (the previous
cumulative rate): faster means the cumulative rate rises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis.periods import Period, span_growth
from muye_analysis.targets.required import (
    WEIGHTS_EQUAL_MONTHS,
    WEIGHTS_EQUAL_QUARTERS,
    WEIGHTS_LEVELS,
    WEIGHTS_PRIOR_YEAR,
    WEIGHTS_SEASONAL,
    _number_or_none,
)

if TYPE_CHECKING:
    import pandas as pd

ACCELERATING, SLOWING, STEADY = "accelerating", "slowing", "steady"
# The single period counts as steady when it differs from the growth before it by less than
# this (it prints as 0.0 points at one decimal).
STEADY_PP = 0.05


@dataclass(frozen=True)
class Momentum:
    """The latest single period's growth and how it compares with the growth before it."""

    span: Period  # the single span (三季度 alone = 7-9月)
    growth: float  # its growth (%), derived from the two cumulative figures
    previous: Period  # the cumulative period before (1-6月)
    previous_growth: float  # its cumulative growth (%)
    ytd_growth: float  # the cumulative growth now (%)
    weight: float  # w: last year's level for ``previous`` ÷ for the period now
    weights_source: str  # targets.WEIGHTS_* code
    derived: str  # the formula, with the weight and its source

    @property
    def vs_before(self) -> float:
        """The single period's growth minus the cumulative growth before it, in points."""
        return self.growth - self.previous_growth

    @property
    def ytd_change(self) -> float:
        """The cumulative growth now minus before (较上半年提高/回落X个百分点), in points."""
        return self.ytd_growth - self.previous_growth

    @property
    def code(self) -> str:
        """``accelerating``, ``slowing`` or ``steady``."""
        if abs(self.vs_before) < STEADY_PP:
            return STEADY
        return ACCELERATING if self.vs_before > 0 else SLOWING


def _span_weight(
    series: pd.DataFrame,
    period: Period,
    earlier: Period,
    seasonal_shares: Sequence[float] | None,
    frequency: str,
) -> tuple[float, str] | None:
    """w = last year's level for ``earlier`` ÷ for ``period``, and its source."""
    this_year = series[series["year"] == period.year].set_index("end_month")
    if "prior_year" in series.columns:
        now = _number_or_none(this_year["prior_year"].get(period.end_month))
        before = _number_or_none(this_year["prior_year"].get(earlier.end_month))
        if now is not None and before is not None and 0 < before < now:
            return before / now, WEIGHTS_PRIOR_YEAR
    last_year = series[series["year"] == period.year - 1].set_index("end_month")["level"]
    now = _number_or_none(last_year.get(period.end_month))
    before = _number_or_none(last_year.get(earlier.end_month))
    if now is not None and before is not None and 0 < before < now:
        return before / now, WEIGHTS_LEVELS
    if seasonal_shares is not None:
        per_month = 12 // len(seasonal_shares)
        if period.end_month % per_month == 0 and earlier.end_month % per_month == 0:
            now = sum(seasonal_shares[: period.end_month // per_month])
            before = sum(seasonal_shares[: earlier.end_month // per_month])
            if 0 < before < now:
                return before / now, WEIGHTS_SEASONAL
    source = WEIGHTS_EQUAL_QUARTERS if frequency == "quarterly" else WEIGHTS_EQUAL_MONTHS
    return earlier.end_month / period.end_month, source


def latest_momentum(
    series: pd.DataFrame,
    period: Period,
    *,
    frequency: str = "monthly",
    seasonal_shares: Sequence[float] | None = None,
) -> Momentum | None:
    """The growth of the months between the latest earlier cumulative figure of the year and
    ``period`` (one indicator's :func:`quarterly.ytd_series`), or None when the year has no
    earlier growth figure (1-2月, 一季度) or ``period`` has none. For a quarterly-compiled
    indicator only quarter ends count.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"year": [2030, 2030], "end_month": [6, 9], "level": [None, None],
    ...                   "growth": [4.5, 5.0], "prior_year": [None, None]})
    >>> m = latest_momentum(s, Period(2030, 9), frequency="quarterly")
    >>> m.span.months_zh(), round(m.growth, 2), m.weights_source, m.code
    ('7-9月', 6.0, 'equal_quarters', 'accelerating')
    """
    rows = series[(series["year"] == period.year) & series["growth"].notna()]
    now = rows[rows["end_month"] == period.end_month]
    if now.empty:
        return None
    earlier_months = [int(m) for m in rows["end_month"] if int(m) < period.end_month]
    if frequency == "quarterly":
        earlier_months = [m for m in earlier_months if m % 3 == 0]
    if not earlier_months:
        return None
    earlier = Period(period.year, max(earlier_months))
    weight, source = _span_weight(series, period, earlier, seasonal_shares, frequency)
    g_now = float(now["growth"].iloc[0])
    g_before = float(rows.loc[rows["end_month"] == earlier.end_month, "growth"].iloc[0])
    single = span_growth(period, g_now, earlier, g_before, weight, weights_source=source)
    return Momentum(single.period, single.value, earlier, g_before, g_now, weight, source,
                    single.derived)  # fmt: skip
