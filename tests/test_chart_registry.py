"""One chart registry: notebooks, muye charts and the briefing read the same list."""

from __future__ import annotations

import pytest

from muye_analysis import vocab
from muye_analysis.charts import registry as chart_registry
from muye_analysis.suite import NOTEBOOKS


def test_each_notebook_promises_exactly_its_registered_charts():
    promised = {spec.stem: spec.figures for spec in NOTEBOOKS}
    assert promised == {
        "01_indicators": (),
        "02_city_rankings": ("rank_scorecard", "muye_in_city"),
        "03_targets": ("growth_gap", "projected_levels", "task_targets"),
        "04_growth_gap_forecasts": ("required_growth_grid", "forecast_fan_henan_gdp"),
    }
    # the progress chart only once a target has a figure for the year: never an all-grey chart
    data = {spec.stem: spec.data_figures for spec in NOTEBOOKS}
    assert data["04_growth_gap_forecasts"] == ("progress",)


def test_report_charts_are_the_registered_report_charts_in_deck_order():
    from muye_analysis.charts.export import REPORT_CHARTS

    assert REPORT_CHARTS == (
        "rank_scorecard", "muye_in_city", "growth_gap", "projected_levels", "task_targets"
    )  # fmt: skip
    assert REPORT_CHARTS is chart_registry.REPORT_CHARTS


@pytest.mark.parametrize("spec", chart_registry.CHARTS, ids=lambda s: s.name)
def test_every_registered_title_is_a_chart_string(spec):
    assert spec.title_key in vocab.STRINGS


def test_an_unknown_chart_is_named_in_the_error():
    with pytest.raises(KeyError, match="no chart 'pie'; known: rank_scorecard"):
        chart_registry.chart("pie")


def test_every_chart_module_is_collected_by_the_registry():
    # a chart declared in its module but left out of charts.registry would never be exported
    import importlib
    import pkgutil

    import muye_analysis.charts as package

    declared = {
        importlib.import_module(f"{package.__name__}.{m.name}").CHART.name
        for m in pkgutil.iter_modules(package.__path__)
        if hasattr(importlib.import_module(f"{package.__name__}.{m.name}"), "CHART")
    }
    assert declared == {c.name for c in chart_registry.CHARTS}


def test_each_report_chart_declares_its_spec_and_takeaway():
    report = [c for c in chart_registry.CHARTS if c.report]
    assert [c.name for c in report] == list(chart_registry.REPORT_CHARTS)
    assert all(c.spec is not None and c.takeaway is not None for c in report)
