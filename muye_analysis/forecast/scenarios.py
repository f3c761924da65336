"""乐观 / 基准 / 悲观: three scenarios with stated assumptions, the way officials discuss risk.

Each scenario says how fast the rest of the year grows compared with the baseline forecast:

* 基准 (baseline): the model's central forecast;
* 乐观 (optimistic) / 悲观 (pessimistic): the months still to come grow ``shift`` points faster /
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

SCENARIOS = {  # name: (zh, en, quantile)
    "optimistic": ("乐观", "Optimistic", 0.90),
    "baseline": ("基准", "Baseline", None),
    "pessimistic": ("悲观", "Pessimistic", 0.10),
}


def scenarios(forecast) -> pd.DataFrame:
    """Scenarios of a ``GrowthForecast`` with a distribution, one row each: scenario,
    name_zh, name_en, annual (%), shift_pp (remaining
    months versus baseline), assumption_zh, assumption_en."""
    import numpy as np
    import pandas as pd

    if forecast.annual_paths is None:
        raise ValueError(f"the {forecast.method} projection has no distribution for scenarios")
    share = forecast.remaining_share
    if not share:
        raise ValueError("no months left to differ: the year is complete")
    rest_zh, rest_en = _rest(forecast)
    rows = []
    for key, (zh, en, q) in SCENARIOS.items():
        annual = forecast.annual_mean if q is None else float(np.quantile(forecast.annual_paths, q))
        shift = (annual - forecast.annual_mean) / share
        if q is None:
            text_zh = f"{rest_zh}按模型中心预测增长"
            text_en = f"{rest_en} grows as the model's central forecast"
        else:
            word_zh, word_en = ("快", "faster") if shift >= 0 else ("慢", "slower")
            text_zh = (f"{rest_zh}增速比基准{word_zh}{abs(shift):.1f}个百分点"
                       f"（预测分布第{q * 100:.0f}百分位）")  # fmt: skip
            text_en = (f"{rest_en} grows {abs(shift):.1f} points {word_en} than the baseline "
                       f"({q * 100:.0f}th percentile of the forecast)")  # fmt: skip
        rows.append({"scenario": key, "name_zh": zh, "name_en": en, "annual": annual,
                     "shift_pp": shift, "assumption_zh": text_zh,
                     "assumption_en": text_en})  # fmt: skip
    return pd.DataFrame(rows)


def _rest(forecast) -> tuple[str, str]:
    from muye_analysis.periods import Period

    months = forecast.months_known
    if months is None:
        months = 3 * forecast.quarters_known
    if months == 0:
        return "全年", "The whole year"
    period = Period(forecast.year, months)
    return f"{forecast.year}年{period.rest_phrase('zh')}", period.rest_phrase("en").capitalize()
