"""How the city ranks its units: on the figures as published (growth to one decimal, rounded half
up), by competition ranking (并列第2位, then 4th), best by the registry's direction. Both the
annual league tables (``league.tables``) and the city bureau's tables in the store
(``league.city``) rank this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# Growth is ranked on the figure as published, to one decimal (5.24 and 5.18 are both 5.2, tied);
# levels as stored (published to the table's own precision).
GROWTH_DECIMALS = 1


def published_figure(value: float, measure: str) -> float:
    """The figure a unit is ranked on: growth to one decimal, rounded half up as bureaus print
    it (5.25 -> 5.3); a level as stored (float noise dropped)."""
    from decimal import ROUND_HALF_UP, Decimal

    if measure in ("growth", "growth_rate"):
        step = Decimal(1).scaleb(-GROWTH_DECIMALS)
        return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))
    return round(float(value), 9)


def competition_ranks(values: list[float], higher_is_better: bool = True) -> list[int]:
    """Competition ranking (1224) of figures as given: a unit's rank is one more than the
    number of units strictly better; equal figures share a rank (并列第2位) and the next rank
    is skipped.

    >>> competition_ranks([18.4, 18.0, 18.0, 16.8])
    [1, 2, 2, 4]
    """
    sign = 1 if higher_is_better else -1
    return [1 + sum(sign * (w - v) > 0 for w in values) for v in values]


def directions(registry: pd.DataFrame | None) -> dict[str, bool]:
    """indicator -> higher is better (the registry's direction; unknown counts as higher)."""
    import pandas as pd

    from muye_analysis.dataset import load_registry

    registry = load_registry() if registry is None else registry
    return {
        str(r["indicator"]): (
            True if pd.isna(r["higher_is_better"]) else bool(r["higher_is_better"])
        )
        for r in registry[["indicator", "higher_is_better"]].to_dict("records")
    }
