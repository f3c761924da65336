"""Moved: the analysis tables behind the charts now live in :mod:`muye_analysis.views`.

This thin re-export keeps the old import path working.
"""

from muye_analysis.views import (  # noqa: F401
    CITY_COMPARISON,
    HEADLINE_GROWTH,
    THIRDS,
    UNIT_RANKED_ON,
    city_sources,
    city_view,
    fan_view,
    growth_gap_view,
    projection_view,
    rank_third,
    rank_view,
    task_target_view,
)
