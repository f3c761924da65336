"""What a chart's declaration is made of: :class:`Chart`, the tables charts are drawn from
(:class:`ReportData`) and the assumptions a user states (:class:`Assumptions`).

Each chart module of this package ends with its ``CHART``; :mod:`muye_analysis.charts.registry`
collects them. Nothing here imports pandas or matplotlib.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from muye_analysis.chart_spec import ChartSpec
    from muye_analysis.claims.base import Claim


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
class Assumptions:
    """What the report does not settle and a chart states: how many units the city ranks
    (``frame_size``; ``frame_from_table`` when a league table gave it) and the GDP deflator
    (``deflator_pct``, None: the projection stays at base-year prices)."""

    frame_size: int
    frame_from_table: bool
    deflator_pct: float | None = None

    @classmethod
    def stated(
        cls, frame_size: int | None = None, deflator_pct: float | None = None
    ) -> Assumptions:
        """The user's ``frame_size`` if given, else the league table's, else the assumed 13
        (``league.scorecard_frame``), with ``deflator_pct`` as given."""
        from muye_analysis.league import scorecard_frame

        frame, from_table = scorecard_frame(frame_size)
        return cls(frame, from_table, deflator_pct)


@dataclass(frozen=True)
class Chart:
    """One chart of the suite, declared once.

    ``name``: the file stem (``<name>_<lang>.png``) slides and documents link to; ``notebook``:
    the stem of the notebook that draws and exports it; ``title_key``: its title in the
    vocabulary. ``report``: drawn from the report alone, exported by ``muye charts`` and a slide
    of the briefing; ``ytd``: drawn from the year-to-date store (exported once ``ready()``: an
    all-grey chart says nothing, so a notebook does not promise it); ``exported``: ``muye charts``
    draws it (the report's charts and the year-to-date ones always).

    ``spec(data, lang, assumptions)``: the chart as data (:mod:`muye_analysis.chart_spec`), which
    the pictures (``charts.draw.draw_spec``) and the deck's editable chart both draw, with its
    notes and source line. ``takeaway(data, assumptions)``: the claim the slide's title and
    takeaway sentence say (:mod:`muye_analysis.claims.charts`). ``draw(lang, size,
    assumptions)``: the figure of a chart that is not drawn from a spec of the report's tables.
    """

    name: str
    notebook: str
    title_key: str
    report: bool = False
    ytd: bool = False
    exported: bool = False
    spec: Callable[[ReportData, str, Assumptions], ChartSpec] | None = None
    takeaway: Callable[[ReportData, Assumptions], Claim] | None = None
    draw: Callable[[str, str, Assumptions], Figure] | None = None
    ready: Callable[[], bool] | None = None

    def figure(
        self, lang: str, size: str, assumptions: Assumptions, data: ReportData | None = None
    ) -> Figure:
        """The chart drawn with matplotlib (what ``muye charts`` saves)."""
        if self.draw is not None:
            return self.draw(lang, size, assumptions)
        if self.spec is None:
            raise ValueError(f"{self.name} is drawn by its notebook ({self.notebook}) only")
        from muye_analysis.charts.draw import draw_spec

        data = ReportData.load() if data is None else data
        return draw_spec(self.spec(data, lang, assumptions), size=size)
