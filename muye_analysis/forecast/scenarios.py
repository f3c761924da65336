"""Scenarios with economic assumptions: how the year ends if the rest of it grows as ...

* ``latest_period``: ... the latest single period published (三季度 alone after 前三季度; the
  first quarter itself after 一季度);
* ``last_year``: ... last year's same months grew (the rest of last year, from last year's
  annual figure and its figure for the months so far);
* ``target_pace``: ... the pace the annual target needs (the required-growth formula), which
  lands the year on the target.

Each gives the growth of the rest of the year and the annual figure it implies. The arithmetic
is the required-growth formula read forwards: annual = w x growth so far + (1 - w) x growth of
the rest, with w the share of the months so far in last year's total (the forecast's own weights,
``GrowthForecast.weights``; where last year's levels are unknown, equal months or quarters, as
the forecast says in ``weights_source``). Last year's rest uses the same shares.

Scenarios are numbers, codes and periods (:class:`~muye_analysis.periods.Period`); the words
are the vocabulary's (``fan.bar.<code>``), shown by ``charts.fan.side_rows`` and
``tables.scenario_table``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis.periods import Period

if TYPE_CHECKING:
    import pandas as pd

SCENARIOS = ("latest_period", "last_year", "target_pace")


@dataclass(frozen=True)
class Scenario:
    """One scenario: its code, the growth of the rest of the year it assumes and the annual
    growth that follows. ``span`` is the single period whose growth is carried (the latest
    quarter or months alone) for ``latest_period``; ``year`` is the forecast's year."""

    code: str
    year: int
    months_known: int
    rest_growth: float
    annual: float
    span: Period | None = None

    @property
    def rest(self) -> Period:
        """The months still to come (known through September: October to December)."""
        return Period(self.year, self.months_known).rest()


def elapsed_share(weights, month: int) -> float:
    """Share of months 1..``month`` in the annual total, from the unit shares ``weights`` (4
    quarters or 12 months; a month inside a quarter counts its share of the quarter)."""
    if month <= 0:
        return 0.0
    if month >= 12:
        return 1.0
    step = 12 // len(weights)
    elapsed = [min(max((month - j * step) / step, 0.0), 1.0) for j in range(len(weights))]
    return float(sum(w * e for w, e in zip(weights, elapsed, strict=True)) / sum(weights))


def scenarios(forecast, target: float | None = None) -> list[Scenario]:
    """The scenarios of ``forecast`` (a ``GrowthForecast`` made after at least one month of its
    year, with ``history`` holding year and end_month); ``target_pace`` only with a
    ``target``, ``last_year`` only when last year's figure for the same months and its annual
    figure are published."""
    history = forecast.history
    if "year" not in history or "end_month" not in history:
        raise ValueError(f"the {forecast.method} forecast keeps no dated history for scenarios")
    months = forecast.months_known
    if months is None:
        months = 3 * forecast.quarters_known
    if not months:
        raise ValueError("no month of the year is published yet: no scenario to state")
    year, weights = forecast.year, forecast.weights
    figures = _figures(history)
    if (year, months) not in figures:
        raise ValueError(f"the history lacks the latest figure ({year}, 1-{months})")
    so_far = figures[(year, months)]
    w = elapsed_share(weights, months)
    out = []
    earlier = [m for (y, m) in figures if y == year and m < months]
    start = max(earlier) if earlier else 0
    w_start = elapsed_share(weights, start)
    before = figures[(year, start)] if start else 0.0
    latest = (w * so_far - w_start * before) / (w - w_start)
    out.append(_scenario("latest_period", year, months, latest, w, so_far,
                         span=Period.span(year, start + 1, months)))  # fmt: skip
    if (year - 1, months) in figures and (year - 1, 12) in figures:
        rest = (figures[(year - 1, 12)] - w * figures[(year - 1, months)]) / (1 - w)
        out.append(_scenario("last_year", year, months, rest, w, so_far))
    if target is not None:
        rest = (float(target) - w * so_far) / (1 - w)
        out.append(_scenario("target_pace", year, months, rest, w, so_far))
    return out


def _scenario(code, year, months, rest, w, so_far, *, span=None) -> Scenario:
    return Scenario(code, year, months, float(rest), float(w * so_far + (1 - w) * rest), span)


def _figures(history: pd.DataFrame) -> dict[tuple[int, int], float]:
    import pandas as pd

    return {
        (int(y), int(m)): float(v)
        for y, m, v in zip(history["year"], history["end_month"], history["value"], strict=True)
        if not pd.isna(v)
    }


SCENARIO_COLUMNS = ("scenario", "rest_growth", "annual", "year", "span", "rest")


def scenario_frame(forecast, target: float | None = None) -> pd.DataFrame:
    """``scenarios`` as a frame, one row each (``SCENARIO_COLUMNS``): the code, the growth of
    the rest of the year, the annual figure, the year, the single period carried (a Period, for
    ``latest_period``) and the months still to come (a Period). ``tables.scenario_table`` words
    it."""
    import pandas as pd

    rows = [
        {"scenario": s.code, "rest_growth": s.rest_growth, "annual": s.annual, "year": s.year,
         "span": s.span, "rest": s.rest}
        for s in scenarios(forecast, target)
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=list(SCENARIO_COLUMNS))
