"""The slide charts: one entry per report chart of the chart registry, with its title, its
spec, its takeaway.

Each chart is declared once (``muye_analysis.charts.registry``: its spec and takeaway claim);
this module binds the declarations to one load of the tables (:class:`ReportData`), so the chart
and its takeaway always agree, and to one spec per language (:mod:`muye_analysis.chart_spec`),
so the picture, the native chart, the notes and the source line always agree. The order is the
deck's order.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.charts.chart import Assumptions, Chart, ReportData
from muye_analysis.errors import MissingYear
from muye_analysis.reports import year_fields

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from muye_analysis.chart_spec import ChartSpec, Panel


@dataclass(frozen=True)
class ChartEntry:
    """One slide chart. Each callable takes ``lang`` ("zh" or "en"): ``spec`` is the chart as
    data (:class:`~muye_analysis.chart_spec.ChartSpec`: what the picture and the native chart
    both draw, its notes and source), ``title`` the message (the short form of the takeaway
    claim), ``takeaway`` the full sentence, ``topic`` what the chart shows (its registry title).
    """

    name: str
    title: Callable[[str], str]
    spec: Callable[[str], ChartSpec]
    takeaway: Callable[[str], str]
    topic: Callable[[str], str] = lambda lang: ""

    def build(self, lang: str, size: str = "slide") -> Figure:
        """The chart drawn with matplotlib (the picture of the HTML report and ``muye charts``)."""
        from muye_analysis.charts.draw import draw_spec

        return draw_spec(self.spec(lang), size=size)

    def native(self, lang: str) -> tuple[Panel, ...]:
        """The chart's panels, drawn by the deck as editable charts."""
        return self.spec(lang).panels

    def notes(self, lang: str) -> tuple[str, ...]:
        """The chart's notes: each about something the chart draws, or about its data."""
        return self.spec(lang).note_lines

    def source(self, lang: str) -> str:
        """The chart's source line: each source by its issuer, document and date."""
        return self.spec(lang).source


def report_catalogue(data: ReportData | None = None) -> tuple[ChartEntry, ...]:
    """The report's charts in deck order, as the chart registry declares them
    (``muye_analysis.charts.registry``: each chart's spec, takeaway claim and title).

    The city comparison is left out when the context data hold no city figures for the
    report's base year (:func:`missing_charts` says why).
    """
    from muye_analysis.charts.registry import CHARTS

    d = ReportData.load() if data is None else data
    assumed = Assumptions.stated()  # the league table's frame, else the assumed 13
    skip = set(missing_charts(d))
    return tuple(_entry(c, d, assumed) for c in CHARTS if c.report and c.name not in skip)


def _entry(chart: Chart, data: ReportData, assumed: Assumptions) -> ChartEntry:
    """One slide chart from its declaration, drawn from ``data``."""
    from muye_analysis.claims import charts as claims

    years = year_fields(data.targets)

    def claim():
        return chart.takeaway(data, assumed)

    return ChartEntry(
        name=chart.name,
        title=lambda lang: _say(claims.title_claim(claim()), lang),
        spec=_cached(lambda lang: chart.spec(data, lang, assumed)),
        takeaway=lambda lang: _say(claim(), lang),
        topic=lambda lang: vocab.text(chart.title_key, lang, **years),
    )


def _cached(build: Callable[[str], ChartSpec]) -> Callable[[str], ChartSpec]:
    """``build`` run once per language (a spec is immutable)."""
    return functools.lru_cache(maxsize=2)(build)


def _say(claim, lang: str) -> str:
    """A takeaway claim's sentence ('' when its condition does not hold)."""
    return vocab.say(claim, lang) or ""


def missing_charts(data: ReportData, lang: str = "zh") -> dict[str, str]:
    """Report charts the data cannot draw, each with the reason in ``lang`` (e.g. no city
    figures for the base year in the comparator data): the briefing says so instead of
    leaving a slide out in silence."""
    from muye_analysis.charts.registry import chart
    from muye_analysis.views import city_view

    try:
        city_view(data.indicators, data.context, data.registry)
    except MissingYear:
        years = year_fields(data.targets)
        topic = vocab.text(chart("muye_in_city").title_key, lang, **years)
        return {"muye_in_city": vocab.text("chart_left_out_city", lang, topic=topic, **years)}
    return {}
