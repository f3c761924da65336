"""Projected levels: each headline indicator's base-year level and the level its target implies,
at base-year prices unless a deflator is stated (drawn by ``charts.projection``; takeaway
``claims.charts.projection_claim``)."""

from __future__ import annotations

from muye_analysis.chart_registry.base import Assumptions, Chart, ReportData


def _spec(data: ReportData, lang: str, assumed: Assumptions):
    from muye_analysis.charts.projection import projection_spec

    return projection_spec(data.indicators, data.targets, deflator_pct=assumed.deflator_pct,
                           lang=lang)  # fmt: skip


def _takeaway(data: ReportData, assumed: Assumptions):
    from muye_analysis.claims.charts import projection_claim

    return projection_claim(data.indicators, data.targets, deflator_pct=assumed.deflator_pct)


CHART = Chart("projected_levels", notebook="03_targets", title_key="proj_title", report=True,
              spec=_spec, takeaway=_takeaway)  # fmt: skip
