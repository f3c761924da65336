"""City league tables: every county-level unit's figure for an indicator, and the ranks they give.

The report states the ranks of Muye (居全市第5位) but not how many units were ranked; no base-year
table of all units is bundled. When the city statistics bureau's table is at hand
(各县(市、区)主要经济指标), put it in ``data/league/`` in the template's columns: the ranks are
then computed, the number of units ranked becomes a fact instead of an assumption, and each rank
the report states is checked against the table. The city bureau's tables of every unit, ingested
into the store, give every unit's rank at every period.

The package's parts: ``league.tables`` (the annual tables in ``data/league/``), ``league.city``
(the city bureau's tables in the store, every period) and ``league.ranking`` (how both rank).
"""

from __future__ import annotations

from muye_analysis.league.city import (
    CITY_MEASURES,
    CITY_RANK_COLUMNS,
    GAP_POINTS,
    GAP_SHARE,
    MIN_CITY_UNITS,
    PROVINCE_ADMINISTERED,
    city_ranks,
    city_ranks_all,
    district_ranks,
    latest_city_period,
    published_ranks,
    rank_history,
)
from muye_analysis.league.ranking import GROWTH_DECIMALS, competition_ranks, published_figure
from muye_analysis.league.tables import (
    ALIASES,
    COLUMNS,
    DEFAULT_FRAME_SIZE,
    MEASURES,
    RANKED_ON,
    UNITS,
    compare_with_report,
    frame_size_for_scorecard,
    league_dir,
    load_league_tables,
    rank_league,
    read_league_table,
    real_rank_check,
    scorecard_frame,
)

__all__ = [
    "ALIASES", "CITY_MEASURES", "CITY_RANK_COLUMNS", "COLUMNS", "DEFAULT_FRAME_SIZE",
    "GAP_POINTS", "GAP_SHARE", "GROWTH_DECIMALS", "MEASURES", "MIN_CITY_UNITS",
    "PROVINCE_ADMINISTERED", "RANKED_ON", "UNITS", "city_ranks", "city_ranks_all",
    "compare_with_report", "competition_ranks", "district_ranks", "frame_size_for_scorecard",
    "latest_city_period", "league_dir", "load_league_tables", "published_figure",
    "published_ranks", "rank_history", "rank_league", "read_league_table", "real_rank_check",
    "scorecard_frame",
]  # fmt: skip
