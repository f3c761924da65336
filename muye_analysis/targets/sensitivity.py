"""Sensitivity of the required growth to the growth so far and the months elapsed, and the
error of the equal-weights shortcut."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from muye_analysis.targets.gaps import _target_row
from muye_analysis.targets.required import (
    WEIGHTS_EQUAL_MONTHS,
    WEIGHTS_EQUAL_QUARTERS,
    ElapsedShare,
    compilation_frequency,
    equal_share,
    required_growth,
    seasonal_share,
)

if TYPE_CHECKING:
    import pandas as pd


def equal_weights_bias(
    target: float, ytd: float, share: float | ElapsedShare, months_elapsed: int
) -> float:
    """How far the equal-weights shortcut is off, in points: required growth under equal
    months (months/12) minus required growth under ``share`` (e.g. 上年同期 levels).

    Positive: the shortcut overstates the effort. With last year's quarters 50, 55, 55, 60,
    target 6% and 5.0% after 1-9月 the shortcut says 9.0% and the weights 8.67%:

    >>> round(equal_weights_bias(6, 5.0, 160 / 220, 9), 2)
    0.33
    """
    true = required_growth(target, ytd, share).required
    return required_growth(target, ytd, equal_share(months_elapsed)).required - true


def sensitivity_grid(
    target: float,
    *,
    growth_so_far: Sequence[float] | None = None,
    months_elapsed: Sequence[int] | None = None,
    seasonal_shares: Sequence[float] | None = None,
    wide: bool = False,
    frequency: str = "monthly",
) -> pd.DataFrame:
    """Required rest-of-year growth for each growth so far x months elapsed.

    The months follow the compilation ``frequency`` of the indicator: ``monthly`` 1-2 … 1-11月,
    ``quarterly`` (district GDP) 1-3, 1-6, 1-9月 only; a monthly grid of GDP would be wrong by
    construction. Weights are equal months (equal quarters for a quarterly grid) unless
    ``seasonal_shares`` (12 monthly or 4 quarterly) are given; the ``weights_source`` column
    says which. ``growth_so_far`` defaults to target - 3 … target + 1 in half points.
    ``wide=True`` returns the slide table (rows: growth so far, columns: months elapsed) with
    ``attrs``: ``weights_source``, ``target``, ``frequency`` and ``shortcut``: True when the
    weights are the equal-weights shortcut (whose bias the chart's note explains,
    :func:`equal_weights_bias`).
    """
    import numpy as np
    import pandas as pd

    from muye_analysis.periods import compilation_periods

    if growth_so_far is None:
        growth_so_far = np.round(np.arange(target - 3, target + 1.001, 0.5), 10).tolist()
    if months_elapsed is None:
        # Any year will do: only the months of the compilation calendar are used.
        months_elapsed = [p.end_month for p in compilation_periods(2000, frequency)]
    rows = []
    for months in months_elapsed:
        if seasonal_shares is not None:
            share = seasonal_share(seasonal_shares, months)
        else:
            share = equal_share(months, by="quarters" if frequency == "quarterly" else "months")
        for g in growth_so_far:
            result = required_growth(target, float(g), share)
            rows.append(
                {
                    "target": float(target),
                    "growth_so_far": float(g),
                    "months_elapsed": int(months),
                    "elapsed_share": share.value,
                    "required_growth": result.required,
                    "weights_source": share.source,
                }
            )
    out = pd.DataFrame(rows).astype({"weights_source": "string"})
    attrs = {
        "target": float(target),
        "frequency": frequency,
        "weights_source": out["weights_source"].iloc[0],
        "shortcut": out["weights_source"].iloc[0] in (WEIGHTS_EQUAL_MONTHS, WEIGHTS_EQUAL_QUARTERS),
    }
    if not wide:
        out.attrs.update(attrs)
        return out
    table = out.pivot_table(
        index="growth_so_far", columns="months_elapsed", values="required_growth", aggfunc="first"
    )
    table.attrs.update(attrs)
    return table


def headline_sensitivity(
    indicator: str = "gdp", *, targets: pd.DataFrame | None = None, **kwargs
) -> pd.DataFrame:
    """:func:`sensitivity_grid` for an indicator's growth target in ``targets`` (default: the
    latest report's), on the compilation calendar of the indicator (GDP quarterly: 1-3, 1-6,
    1-9月; others monthly)."""
    from muye_analysis.dataset import load_targets

    found = _target_row(indicator, load_targets() if targets is None else targets)
    kwargs.setdefault("frequency", compilation_frequency(indicator))
    out = sensitivity_grid(float(found["target"]), **kwargs)
    if kwargs.get("wide"):
        out.attrs["indicator"] = indicator
    else:
        out.insert(0, "indicator", indicator)
    return out
