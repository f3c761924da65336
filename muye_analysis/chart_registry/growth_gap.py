"""Growth gap: base-year growth beside the plan-year target per headline indicator (drawn by
``charts.growth``; takeaway ``claims.charts.growth_gap_claim``)."""

from __future__ import annotations

from muye_analysis.chart_registry.base import Assumptions, Chart, ReportData


def _spec(data: ReportData, lang: str, assumed: Assumptions):
    from muye_analysis.charts.growth import growth_gap_spec

    return growth_gap_spec(data.targets, lang=lang)


def _takeaway(data: ReportData, assumed: Assumptions):
    from muye_analysis.claims.charts import growth_gap_claim

    return growth_gap_claim(data.targets)


CHART = Chart("growth_gap", notebook="03_targets", title_key="gap_title", report=True,
              spec=_spec, takeaway=_takeaway)  # fmt: skip
