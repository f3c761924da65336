"""The slide charts: one entry per chart, with its title, how to draw it, its takeaway and source.

The order is the deck's order; the names and titles are those of the chart registry
(``muye_analysis.chart_registry``). Every entry draws from the same tables
(:class:`ReportData`, loaded once), so the chart and its takeaway always agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.briefing import native
from muye_analysis.errors import MissingYear
from muye_analysis.reports import year_fields

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure


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
    """One slide chart. Each callable takes ``lang`` ("zh" or "en"): ``title`` is the
    message (the short form of the takeaway claim), ``takeaway`` the full sentence, ``topic``
    what the chart shows (its registry title)."""

    name: str
    title: Callable[[str], str]
    build: Callable[[str], Figure]
    takeaway: Callable[[str], str]
    source: Callable[[str], str]
    topic: Callable[[str], str] = lambda lang: ""
    native: Callable[[str], tuple] = lambda lang: ()  # editable deck charts (briefing.native)
    notes: Callable[[str], tuple[str, ...]] = lambda lang: ()  # speaker notes: assumptions


def report_catalogue(data: ReportData | None = None) -> tuple[ChartEntry, ...]:
    """The report's charts in deck order: the report charts of ``muye_analysis.chart_registry``,
    each with its registered name and title.

    The city comparison is left out when the context data hold no city figures for the
    report's base year (:func:`missing_charts` says why).
    """
    from muye_analysis import charts, league
    from muye_analysis.chart_registry import REPORT_CHARTS, chart

    d = ReportData.load() if data is None else data
    years = year_fields(d.targets)
    report_source = lambda lang: vocab.source_line(lang, **years)  # noqa: E731
    frame, from_table = league.scorecard_frame()  # the league table's, else the assumed 13
    from muye_analysis.claims import charts as claims

    # name -> (build, takeaway claim, source); names and topics come from the chart registry
    parts: dict[str, tuple[Callable, Callable, Callable]] = {
        "rank_scorecard": (
            lambda lang: charts.plot_rank_scorecard(
                d.rankings, frame_size=frame, frame_from_table=from_table, lang=lang, size="slide"
            ),
            lambda: claims.scorecard_claim(d.rankings, frame_size=frame),
            report_source,
        ),
        "muye_in_city": (
            lambda lang: charts.plot_muye_in_city(
                d.indicators, d.context, d.registry, lang=lang, size="slide"
            ),
            lambda: claims.city_claim(d.indicators, d.context, d.registry),
            lambda lang: city_source_line(d, lang),
        ),
        "growth_gap": (
            lambda lang: charts.plot_growth_gap(d.targets, lang=lang, size="slide"),
            lambda: claims.growth_gap_claim(d.targets),
            report_source,
        ),
        "projected_levels": (
            lambda lang: charts.plot_projected_levels(
                d.indicators, d.targets, lang=lang, size="slide"
            ),
            lambda: claims.projection_claim(d.indicators, d.targets),
            report_source,
        ),
        "task_targets": (
            lambda lang: charts.plot_task_targets(d.targets, lang=lang, size="slide"),
            lambda: claims.tasks_claim(d.targets),
            report_source,
        ),
    }
    # name -> (native deck charts, speaker notes with the chart's assumptions)
    deck: dict[str, tuple[Callable, Callable]] = {
        "rank_scorecard": (
            lambda lang: native.scorecard_native(d.rankings, lang, frame_size=frame),
            lambda lang: scorecard_notes(frame, from_table, lang),
        ),
        "muye_in_city": (
            lambda lang: native.city_native(d.indicators, d.context, d.registry, lang),
            lambda lang: (
                vocab.text("growth_basis_note", lang),
                vocab.text("city_preliminary_note", lang),
            ),
        ),
        "growth_gap": (
            lambda lang: native.growth_gap_native(d.targets, lang),
            lambda lang: gap_notes(d, lang),
        ),
        "projected_levels": (
            lambda lang: native.projection_native(d.indicators, d.targets, lang),
            lambda lang: projection_notes(d, lang),
        ),
        "task_targets": (
            lambda lang: native.task_native(d.targets, lang),
            lambda lang: (vocab.text("task_note", lang),),
        ),
    }
    skip = set(missing_charts(d))
    return tuple(
        ChartEntry(
            name=name,
            # the defaults bind this chart's claim and key now, not the loop's last one
            title=lambda lang, c=parts[name][1]: _say(claims.title_claim(c()), lang),
            build=parts[name][0],
            takeaway=lambda lang, c=parts[name][1]: _say(c(), lang),
            source=parts[name][2],
            topic=lambda lang, key=chart(name).title_key: vocab.text(key, lang, **years),  # noqa: B008
            native=deck[name][0] if name in deck else (lambda lang: ()),
            notes=deck[name][1] if name in deck else (lambda lang: ()),
        )
        for name in REPORT_CHARTS
        if name not in skip
    )


def _say(claim, lang: str) -> str:
    """A takeaway claim's sentence ('' when its condition does not hold)."""
    return vocab.say(claim, lang) or ""


def missing_charts(data: ReportData) -> dict[str, str]:
    """Report charts the data cannot draw, each with the reason (e.g. no city figures for the
    base year in the context data)."""
    from muye_analysis.views import city_view

    try:
        city_view(data.indicators, data.context, data.registry)
    except MissingYear as exc:
        return {"muye_in_city": str(exc)}
    return {}


def city_source_line(data: ReportData, lang: str) -> str:
    """The report plus the comparator sources behind the city figures (as the chart cites them)."""
    from muye_analysis.views import city_sources, city_view

    view = city_view(data.indicators, data.context, data.registry)
    extra = [vocab.context_source(title, url, lang) for title, url in city_sources(view)]
    return vocab.source_line(lang, extra, **year_fields(data.targets))


def scorecard_notes(frame: int, from_table: bool, lang: str) -> tuple[str, ...]:
    """The ranking chart's assumption: how many units were ranked, and why it is assumed."""
    if from_table:
        return (vocab.text("frame_from_table", lang, n=frame),)
    return (vocab.text("frame_assumption", lang, n=frame), vocab.text("frame_explained", lang))


def gap_notes(data: ReportData, lang: str) -> tuple[str, ...]:
    """Price basis of the growth rates, and the base-year rates the report does not give."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(data.targets)
    missing = view[view["actual"].isna()]
    notes = [vocab.text("gap_note", lang)]
    if len(missing):
        names = vocab.join_names([vocab.indicator_name(r, lang) for _, r in missing.iterrows()],
                                  lang)  # fmt: skip
        notes.append(vocab.text("gap_missing_note", lang, names=names))
    return tuple(notes)


def projection_notes(data: ReportData, lang: str) -> tuple[str, ...]:
    """Real targets projected at base-year prices (no deflator assumed); floors."""
    from muye_analysis.views import projection_view

    view = projection_view(data.indicators, data.targets)
    notes = []
    real = view[view["at_base_prices"].astype(bool)]
    if len(real):
        names = vocab.join_names([vocab.indicator_name(r, lang) for _, r in real.iterrows()],
                                  lang)  # fmt: skip
        notes.append(vocab.text("proj_real_note", lang, names=names))
    if (view["bound"] == "at_least").any():
        notes.append(vocab.text("proj_floor_note", lang))
    return tuple(notes)
