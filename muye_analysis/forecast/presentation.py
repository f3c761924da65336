"""What a slide may say about a forecast, as numbers and codes (the words are the vocabulary's).

``fan_facts(forecast, ...)`` gathers, for the fan slide and the notebook:

* the forecast (mean, 80% interval) and how it was made (the combination's weights, the basis
  of the simple methods, the interval scale and how many past errors set it);
* the backtest behind it: origins and the coverage of the 80% and 95% intervals;
* the chance of meeting the target, only when the backtest has at least
  ``MIN_BACKTEST_ORIGINS`` origins, and its coarse band (``PROBABILITY_BANDS``: likely when two
  in three or more, unlikely when one in three or less, possible in between);
* the scenarios with their assumptions (``forecast.scenarios``) and the anchored forecast from
  the city or province, when given;
* ``drawn``: which elements the slide's charts show, so that the notes describe only those.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from muye_analysis.forecast.anchor import AnchoredNowcast
    from muye_analysis.forecast.core import GrowthForecast
    from muye_analysis.forecast.scenarios import Scenario

# A probability is printed only over a backtest of at least this many origins (three years of
# quarterly origins): fewer past forecasts cannot show whether the intervals hold.
MIN_BACKTEST_ORIGINS = 12
# (lower bound, code): the first band whose bound the probability reaches.
PROBABILITY_BANDS = ((2 / 3, "likely"), (1 / 3 + 1e-12, "possible"), (0.0, "unlikely"))


@dataclass(frozen=True)
class FanFacts:
    """The facts of one forecast's slide (numbers and codes only)."""

    year: int
    months_known: int
    mean: float
    interval_80: tuple[float, float]
    backtest_origins: int
    coverage_80: float  # NaN without a backtest
    coverage_95: float
    min_origins: int = MIN_BACKTEST_ORIGINS
    target: float | None = None
    bound: str | None = None
    probability: float | None = None  # None: no target, or too few backtest origins
    band: str | None = None  # likely / possible / unlikely (None with probability None)
    scenarios: tuple[Scenario, ...] = ()
    anchored: AnchoredNowcast | None = None
    wider_area: str | None = None  # the area the anchored forecast starts from
    weights: dict[str, float] = field(default_factory=dict)
    candidates: dict[str, float] = field(default_factory=dict)
    basis_years: int = 1
    reference_year: int | None = None
    abnormal_years: tuple[int, ...] = ()
    scale: float | None = None
    scale_errors: int = 0
    prior_scale: float | None = None
    drawn: tuple[str, ...] = ()  # history, forecast, band_80, target, anchored, scenarios
    weights_source: str = ""  # the shares behind the scenarios (targets.WEIGHTS_*)

    @property
    def has_backtest(self) -> bool:
        return self.backtest_origins > 0


def _known(values: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in values.items() if not math.isnan(v)}


def probability_band(probability: float) -> str:
    """'likely', 'possible' or 'unlikely' (``PROBABILITY_BANDS``)."""
    for bound, code in PROBABILITY_BANDS:
        if probability >= bound:
            return code
    return PROBABILITY_BANDS[-1][1]


def fan_facts(
    forecast: GrowthForecast,
    *,
    target: float | None = None,
    bound: str = "at_least",
    higher_is_better: bool | None = True,
    anchored: AnchoredNowcast | None = None,
    wider_area: str | None = None,
) -> FanFacts:
    """The slide facts of ``forecast`` (its ``coverage`` is the backtest behind it)."""
    from muye_analysis.forecast.scenarios import scenarios

    coverage = forecast.coverage or {}
    origins = int(coverage.get("n", 0) or 0)
    probability = band = None
    paths = forecast.annual_paths
    if target is not None and origins >= MIN_BACKTEST_ORIGINS and paths is not None:
        probability = forecast.probability_of_meeting(
            target, bound, higher_is_better=higher_is_better
        )
        band = probability_band(probability)
    try:
        rows = tuple(scenarios(forecast, target))
    except ValueError:
        rows = ()
    combination = forecast.combination
    basis = combination.basis if combination is not None else None
    drawn = ["history", "forecast", "band_80"] + (["target"] if target is not None else [])
    drawn += ["anchored"] if anchored is not None else []
    drawn += ["scenarios"] if rows else []
    return FanFacts(
        year=forecast.year,
        months_known=forecast.months_known or 3 * forecast.quarters_known,
        mean=forecast.annual_mean,
        interval_80=forecast.annual_interval(80),
        backtest_origins=origins,
        coverage_80=float(coverage.get("coverage_80", math.nan)),
        coverage_95=float(coverage.get("coverage_95", math.nan)),
        target=target,
        bound=bound if target is not None else None,
        probability=probability,
        band=band,
        scenarios=rows,
        anchored=anchored,
        wider_area=wider_area if anchored is not None else None,
        weights=dict(combination.weights) if combination is not None else {},
        candidates=_known(combination.candidates if combination is not None else {}),
        basis_years=basis.years if basis is not None else 1,
        reference_year=basis.reference_year if basis is not None else None,
        abnormal_years=basis.abnormal if basis is not None else (),
        scale=forecast.interval_scale,
        scale_errors=combination.scale_errors if combination is not None else 0,
        prior_scale=combination.prior_scale if combination is not None else None,
        drawn=tuple(drawn),
        weights_source=forecast.weights_source,
    )
