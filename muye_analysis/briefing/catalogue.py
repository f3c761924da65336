"""The slide charts: one entry per chart, with its title, its spec, its takeaway.

The order is the deck's order; the names and titles are those of the chart registry
(``muye_analysis.chart_registry``). Every entry draws from the same tables
(:class:`ReportData`, loaded once), so the chart and its takeaway always agree, and from one
spec (:mod:`muye_analysis.chart_spec`), so the picture, the native chart, the notes and the
source line always agree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.errors import MissingYear
from muye_analysis.reports import year_fields

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from muye_analysis.chart_spec import ChartSpec, Panel


@dataclass(frozen=True)
class ReportData:
    """The bundled tables the report charts are drawn from."""

    indicators: pd.DataFrame
    targets: pd.DataFrame
    rankings: pd.DataFrame
    registry: pd.DataFrame
    context: pd.DataFrame

    @classmethod
    def load(cls) -> ReportData:
        """Load every table from the curated data."""
        import muye_analysis as ma

        return cls(
            indicators=ma.load_indicators(),
            targets=ma.load_targets(),
            rankings=ma.load_rankings(),
            registry=ma.load_registry(),
            context=ma.load_context(),
        )


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
    """The report's charts in deck order: the report charts of ``muye_analysis.chart_registry``,
    each with its registered name and title.

    The city comparison is left out when the context data hold no city figures for the
    report's base year (:func:`missing_charts` says why).
    """
    from muye_analysis import league
    from muye_analysis.chart_registry import REPORT_CHARTS, chart
    from muye_analysis.charts.city import city_spec
    from muye_analysis.charts.growth import growth_gap_spec
    from muye_analysis.charts.projection import projection_spec
    from muye_analysis.charts.scorecard import scorecard_spec
    from muye_analysis.charts.tasks import task_spec
    from muye_analysis.claims import charts as claims

    d = ReportData.load() if data is None else data
    years = year_fields(d.targets)
    frame, from_table = league.scorecard_frame()  # the league table's, else the assumed 13
    # name -> (spec, takeaway claim); names and topics come from the chart registry
    parts: dict[str, tuple[Callable, Callable]] = {
        "rank_scorecard": (
            lambda lang: scorecard_spec(
                d.rankings, frame_size=frame, frame_from_table=from_table, lang=lang
            ),
            lambda: claims.scorecard_claim(d.rankings, frame_size=frame),
        ),
        "muye_in_city": (
            lambda lang: city_spec(d.indicators, d.context, d.registry, lang=lang),
            lambda: claims.city_claim(d.indicators, d.context, d.registry),
        ),
        "growth_gap": (
            lambda lang: growth_gap_spec(d.targets, lang=lang),
            lambda: claims.growth_gap_claim(d.targets),
        ),
        "projected_levels": (
            lambda lang: projection_spec(d.indicators, d.targets, lang=lang),
            lambda: claims.projection_claim(d.indicators, d.targets),
        ),
        "task_targets": (
            lambda lang: task_spec(d.targets, lang=lang),
            lambda: claims.tasks_claim(d.targets),
        ),
    }
    skip = set(missing_charts(d))
    return tuple(
        ChartEntry(
            name=name,
            # the defaults bind this chart's claim and key now, not the loop's last one
            title=lambda lang, c=parts[name][1]: _say(claims.title_claim(c()), lang),
            spec=_cached(parts[name][0]),
            takeaway=lambda lang, c=parts[name][1]: _say(c(), lang),
            topic=lambda lang, key=chart(name).title_key: vocab.text(key, lang, **years),  # noqa: B008
        )
        for name in REPORT_CHARTS
        if name not in skip
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
    from muye_analysis.chart_registry import chart
    from muye_analysis.views import city_view

    try:
        city_view(data.indicators, data.context, data.registry)
    except MissingYear:
        years = year_fields(data.targets)
        topic = vocab.text(chart("muye_in_city").title_key, lang, **years)
        return {"muye_in_city": vocab.text("chart_left_out_city", lang, topic=topic, **years)}
    return {}
