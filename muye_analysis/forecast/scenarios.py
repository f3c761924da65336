"""Three scenarios with stated assumptions (optimistic, baseline, pessimistic), the way
officials discuss risk.

Each scenario says how fast the rest of the year grows compared with the baseline forecast:

* baseline: the model's central forecast;
* optimistic / pessimistic: the months still to come grow ``shift`` points faster /
  slower on average than in the baseline, where ``shift`` is chosen so that the year lands on
  the 90th / 10th percentile of the forecast distribution (the edges of the 80% interval).

The shift is the percentile gap divided by the weight of the remaining months in the annual
total (``GrowthForecast.remaining_share``): a 0.3-point gap in the annual figure with a quarter
of the year to come means the last quarter 1.2 points faster or slower.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

SCENARIOS = {"optimistic": 0.90, "baseline": None, "pessimistic": 0.10}  # name: quantile


def scenarios(forecast) -> pd.DataFrame:
    """Scenarios of a ``GrowthForecast`` with a distribution, one row each: scenario (code),
    annual (%), shift_pp (remaining months versus baseline), quantile (None for the baseline),
    year and rest (the Period of the months still to come). Numbers and codes only:
    ``muye_analysis.tables.scenario_table`` words them."""
    import numpy as np
    import pandas as pd

    if forecast.annual_paths is None:
        raise ValueError(f"the {forecast.method} projection has no distribution for scenarios")
    share = forecast.remaining_share
    if not share:
        raise ValueError("no months left to differ: the year is complete")
    rest = _rest(forecast)
    rows = []
    for key, q in SCENARIOS.items():
        annual = forecast.annual_mean if q is None else float(np.quantile(forecast.annual_paths, q))
        shift = (annual - forecast.annual_mean) / share
        rows.append({"scenario": key, "annual": annual, "shift_pp": shift, "quantile": q,
                     "year": forecast.year, "rest": rest})  # fmt: skip
    return pd.DataFrame(rows)


def _rest(forecast):
    """The months still to come as a Period (None when nothing is known yet: the whole year)."""
    from muye_analysis.periods import Period

    months = forecast.months_known
    if months is None:
        months = 3 * forecast.quarters_known
    return None if months == 0 else Period(forecast.year, months).rest()
