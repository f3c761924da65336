"""Muye in the city: the district's share of the city's totals, and its growth beside the
city's (drawn by ``charts.city``; takeaway ``claims.charts.city_claim``)."""

from __future__ import annotations

from muye_analysis.chart_registry.base import Assumptions, Chart, ReportData


def _spec(data: ReportData, lang: str, assumed: Assumptions):
    from muye_analysis.charts.city import city_spec

    return city_spec(data.indicators, data.context, data.registry, lang=lang)


def _takeaway(data: ReportData, assumed: Assumptions):
    from muye_analysis.claims.charts import city_claim

    return city_claim(data.indicators, data.context, data.registry)


CHART = Chart("muye_in_city", notebook="02_city_rankings", title_key="city_title", report=True,
              spec=_spec, takeaway=_takeaway)  # fmt: skip
