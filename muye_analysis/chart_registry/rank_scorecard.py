"""The rank scorecard: the district's base-year rank within the city per ranked indicator, by
third of the frame (drawn by ``charts.scorecard``; takeaway ``claims.charts.scorecard_claim``)."""

from __future__ import annotations

from muye_analysis.chart_registry.base import Assumptions, Chart, ReportData


def _spec(data: ReportData, lang: str, assumed: Assumptions):
    from muye_analysis.charts.scorecard import scorecard_spec

    return scorecard_spec(data.rankings, frame_size=assumed.frame_size,
                          frame_from_table=assumed.frame_from_table, lang=lang)  # fmt: skip


def _takeaway(data: ReportData, assumed: Assumptions):
    from muye_analysis.claims.charts import scorecard_claim

    return scorecard_claim(data.rankings, frame_size=assumed.frame_size)


CHART = Chart("rank_scorecard", notebook="02_city_rankings", title_key="rank_title", report=True,
              spec=_spec, takeaway=_takeaway)  # fmt: skip
