"""Task targets: each task target as a % of last year's outcome, with the 100% line (drawn by
``charts.tasks``; takeaway ``claims.charts.tasks_claim``)."""

from __future__ import annotations

from muye_analysis.chart_registry.base import Assumptions, Chart, ReportData


def _spec(data: ReportData, lang: str, assumed: Assumptions):
    from muye_analysis.charts.tasks import task_spec

    return task_spec(data.targets, lang=lang)


def _takeaway(data: ReportData, assumed: Assumptions):
    from muye_analysis.claims.charts import tasks_claim

    return tasks_claim(data.targets)


CHART = Chart("task_targets", notebook="03_targets", title_key="task_title", report=True,
              spec=_spec, takeaway=_takeaway)  # fmt: skip
