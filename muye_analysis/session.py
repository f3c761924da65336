"""One analysis session: the report, its tables, the store and the period, loaded once.

``ma.Report.open(lang, as_of)`` is where a notebook, the command line and the runner start::

    import muye_analysis as ma

    r = ma.Report.open("zh", "前三季度")
    r.progress()                  # the 进度监测 table at 前三季度 of the plan year
    r.gap("retail_sales")         # plan-year target minus base-year actual, points
    r.chart("growth_gap")         # a matplotlib Figure, words in r.lang
    r.briefing(); r.docx("build/经济运行分析.docx"); r.workbook("build/进度监测.xlsx")

The session holds data, never hidden loads: every method passes the frames it holds to the
analysis functions (``progress_table(store=, targets=)``, ``plot_growth_gap(targets)``, ...).
The period is parsed once (:func:`parse_as_of`: the plan year of the latest report is implied,
a period of another year or one that does not start in January is refused naming what is
accepted) and reaches the progress table, the deck, the workbook and the Word document.
The vocabulary is bound to the report's years while a method runs (``vocab.years_bound``), so
no text reads the latest report from disk behind the session's back.

Tests build a session from frames with :meth:`Report.from_frames`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis import vocab
from muye_analysis.periods import Period, PeriodError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from muye_analysis.briefing import BriefingResult
    from muye_analysis.briefing.catalogue import ReportData
    from muye_analysis.forecast.core import GrowthForecast
    from muye_analysis.reports import Report as PlanReport
    from muye_analysis.targets.gaps import YtdGap

__all__ = ["ACCEPTED_PERIODS", "Report", "parse_as_of"]

# What an as_of may be, said in every refusal (the plan year filled in).
ACCEPTED_PERIODS = (
    "Accepted: a year-to-date span of {year} starting in January, written 1-3月 / 一季度, "
    "1-6月 / 上半年, 1-9月 / 前三季度, 1-12月 / 全年 (any month: 1-5月), or with the year, "
    "{year}年1-9月; or none for the latest period in the store."
)


def parse_as_of(label: object, reports: Sequence[PlanReport]) -> Period | None:
    """The one year-to-date period of a session (``--as-of``, the notebooks' ``AS_OF``):
    a Period or a label, the plan year of the latest of ``reports`` implied; None for none.

    Raises PeriodError for a label that is not a period, a span not starting in January, or a
    year other than the plan year (naming the latest report, and notebook 03 when an earlier
    report plans that year), each followed by what is accepted.
    """
    from muye_analysis.reports import as_of_period

    report = reports[-1]
    accepted = ACCEPTED_PERIODS.format(year=report.plan_year)
    try:
        period = as_of_period(label, year=report.plan_year)
    except PeriodError as exc:
        raise PeriodError(f"{str(exc).rstrip('.')}. {accepted}") from None
    if period is not None and period.year != report.plan_year:
        earlier = any(r.plan_year == period.year for r in reports)
        raise PeriodError(
            f"the targets are for {report.plan_year} (the latest report, {report.name}); "
            f"{period.label('zh')} is another year. Give a period of {report.plan_year}"
            + (f"; notebook 03 sets {period.year}'s targets against its outcomes."
               if earlier else ".")
            + f" {accepted}"
        )  # fmt: skip
    return period


@dataclass(frozen=True, eq=False)
class Report:
    """The latest plan report with its curated tables, the year-to-date store and one period,
    in one language. Build it with :meth:`open` (from the data folder) or :meth:`from_frames`.

    ``document`` is the plan report (``reports.Report``: its file, base and plan years);
    ``reports`` every report of the curated rows, oldest first. ``period`` is the parsed
    ``as_of`` (None: the latest period in the store). ``frame_size`` (units the city ranks) and
    ``deflator_pct`` (plan-year GDP deflator) are the charts' stated assumptions.
    """

    lang: str
    document: PlanReport
    reports: tuple[PlanReport, ...]
    indicators: pd.DataFrame
    targets: pd.DataFrame
    rankings: pd.DataFrame
    registry: pd.DataFrame
    context: pd.DataFrame
    store: pd.DataFrame
    period: Period | None = None
    frame_size: int | None = None
    deflator_pct: float | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        lang: str = "zh",
        as_of: object = None,
        data_dir: str | Path | None = None,
        frame_size: int | None = None,
        deflator_pct: float | None = None,
    ) -> Report:
        """Load the latest report, its curated tables and the store view once, and parse
        ``as_of`` once (a label such as 前三季度 or YYYY年1-9月, or a Period: the plan year
        implied). ``data_dir`` points the process at another data folder (as ``MUYE_DATA_DIR``).
        Raises PeriodError for a bad period, naming what is accepted; DataError for bad data
        (file, row and column)."""
        from muye_analysis import config
        from muye_analysis.context import load_context
        from muye_analysis.dataset import (
            load_indicators,
            load_rankings,
            load_registry,
            load_targets,
        )
        from muye_analysis.quarterly import read_store
        from muye_analysis.reports import list_reports

        _check_lang(lang)
        if data_dir is not None:
            config.use_data_dir(data_dir)
        reports = tuple(list_reports())
        period = parse_as_of(as_of, reports)  # before any table: a bad period costs nothing
        indicators = load_indicators()
        return cls(
            lang=lang,
            document=reports[-1],
            reports=reports,
            indicators=indicators,
            targets=load_targets(indicators),
            rankings=load_rankings(indicators),
            registry=load_registry(),
            context=load_context(),
            store=read_store(),
            period=period,
            frame_size=frame_size,
            deflator_pct=deflator_pct,
        )

    @classmethod
    def from_frames(
        cls,
        indicators: pd.DataFrame,
        *,
        lang: str = "zh",
        as_of: object = None,
        targets: pd.DataFrame | None = None,
        rankings: pd.DataFrame | None = None,
        registry: pd.DataFrame | None = None,
        context: pd.DataFrame | None = None,
        store: pd.DataFrame | None = None,
        reports: Sequence[PlanReport] | None = None,
        frame_size: int | None = None,
        deflator_pct: float | None = None,
    ) -> Report:
        """A session over frames the caller holds (tests, a notebook trying a scenario):
        ``indicators`` is one report's rows (``load_indicators()`` shape); the other tables
        default to what the loaders derive from them (targets, rankings) or the bundled ones
        (registry, context); ``store`` defaults to an empty store. ``reports`` defaults to the
        report the rows name."""
        import pandas as pd

        from muye_analysis.context import load_context
        from muye_analysis.dataset import load_rankings, load_registry, load_targets
        from muye_analysis.quarterly.store import STORE_COLUMNS
        from muye_analysis.reports import report_of

        _check_lang(lang)
        reports = tuple(reports) if reports else (report_of(indicators),)
        return cls(
            lang=lang,
            document=reports[-1],
            reports=reports,
            indicators=indicators,
            targets=load_targets(indicators) if targets is None else targets,
            rankings=load_rankings(indicators) if rankings is None else rankings,
            registry=load_registry() if registry is None else registry,
            context=load_context() if context is None else context,
            store=pd.DataFrame(columns=list(STORE_COLUMNS)) if store is None else store,
            period=parse_as_of(as_of, reports),
            frame_size=frame_size,
            deflator_pct=deflator_pct,
        )

    def with_store(self, store: pd.DataFrame | None = None) -> Report:
        """The same session over ``store`` (default: the store read again, after an ingest)."""
        import dataclasses

        from muye_analysis.quarterly import read_store

        store = read_store() if store is None else store
        return dataclasses.replace(self, store=store, _cache={})

    def __repr__(self) -> str:
        period = "latest" if self.period is None else self.period.label("en")
        return (
            f"Report({self.lang}, {self.document.document}: {self.base_year} outcomes, "
            f"{self.plan_year} targets; as of {period}; store of {len(self.store)} figures)"
        )

    # -- what the session is -------------------------------------------------------------------

    @property
    def base_year(self) -> int:
        """The year the report gives outcomes for."""
        return self.document.base_year

    @property
    def plan_year(self) -> int:
        """The year the report plans (the targets' year; the period's year)."""
        return self.document.plan_year

    @property
    def years(self) -> dict[str, int]:
        """``base_year`` and ``plan_year``: the fields chart and slide texts take."""
        return self.document.years

    @property
    def as_of(self) -> str | None:
        """The period as the notebooks and the runner pass it on (YYYY年1-9月), or None."""
        return None if self.period is None else self.period.label("zh")

    @property
    def data(self) -> ReportData:
        """The report's tables as the briefing's claims take them."""
        from muye_analysis.briefing.catalogue import ReportData

        return ReportData(indicators=self.indicators, targets=self.targets,
                          rankings=self.rankings, registry=self.registry,
                          context=self.context)  # fmt: skip

    @contextlib.contextmanager
    def words(self) -> Iterator[None]:
        """The vocabulary bound to this report's years while the block runs."""
        with vocab.years_bound(base=self.base_year, target=self.plan_year):
            yield

    def text(self, key: str, **fields: Any) -> str:
        """The vocabulary's string ``key`` in the session's language and years."""
        with self.words():
            return vocab.text(key, self.lang, **fields)

    def say(self, claim: Any) -> str:
        """A claim (``muye_analysis.claims``) said in the session's language."""
        with self.words():
            return vocab.say(claim, self.lang)

    def summary(self, notebook: str) -> Any:
        """The 总体判断 a notebook opens with (Markdown), at the session's period."""
        from muye_analysis.briefing.judgements import notebook_summary

        with self.words():
            return notebook_summary(notebook, self.lang, self.data, as_of=self.period)

    # -- analysis ----------------------------------------------------------------------------

    def progress(self) -> pd.DataFrame:
        """The 进度监测 table (``progress.progress_table``) at the session's period, from the
        session's store and targets (computed once; a copy each call)."""
        if "progress" not in self._cache:
            from muye_analysis.progress import progress_table

            with self.words():
                self._cache["progress"] = progress_table(self.period, store=self.store,
                                                         targets=self.targets)  # fmt: skip
        table = self._cache["progress"]
        out = table.copy()
        out.attrs = dict(table.attrs)
        return out

    def gap(self, indicator: str, measure: str | None = None) -> float:
        """The plan-year target of ``indicator`` minus its base-year actual, in percentage
        points (``targets.annual_gaps``); NaN where the report gives no base-year figure.
        ``measure`` picks one when the indicator has several percentage targets."""
        from muye_analysis.targets import annual_gaps

        rows = annual_gaps(self.targets)
        rows = rows[rows["indicator"] == indicator]
        if measure is not None:
            rows = rows[rows["measure"] == measure]
        if len(rows) != 1:
            known = ", ".join(dict.fromkeys(annual_gaps(self.targets)["indicator"]))
            raise KeyError(
                f"{indicator!r}" + (f" ({measure})" if measure else "")
                + f": {len(rows)} percentage targets in {self.document.name}; known: {known}"
                + ("; pass measure=" if len(rows) > 1 else "")
            )  # fmt: skip
        import pandas as pd

        value = rows["gap_pp"].iloc[0]
        return float("nan") if pd.isna(value) else float(value)

    def ytd_gap(self, indicator: str) -> YtdGap:
        """Where ``indicator`` stands against its target at the session's period (latest in the
        store when none), from the store (``targets.ytd_gap``)."""
        from muye_analysis.targets import ytd_gap

        return ytd_gap(indicator, period=self.period, store=self.store, targets=self.targets)

    def ytd_gaps(self) -> list[YtdGap]:
        """:meth:`ytd_gap` of every headline indicator the store has plan-year figures for."""
        from muye_analysis.targets import headline_ytd_gaps

        return headline_ytd_gaps(self.store, period=self.period, targets=self.targets)

    def ytd_series(self, indicator: str) -> pd.DataFrame:
        """``indicator``'s year-to-date series of the district in the store
        (``quarterly.ytd_series``), up to the session's period."""
        from muye_analysis.quarterly import ytd_series

        return self._upto_period(ytd_series(indicator, self.store))

    def wider_series(self, indicator: str) -> tuple[pd.DataFrame | None, str | None]:
        """The city's, else the province's series of ``indicator`` (the store's, else the
        bundled real series: ``forecast.anchor.first_wider_series``) up to the session's
        period, with the area's name; (None, None) when there is none."""
        from muye_analysis.forecast import anchor

        wider, area = anchor.first_wider_series(indicator, self.store)
        return (None, None) if wider is None else (self._upto_period(wider), area)

    def forecast(self, indicator: str, **options: Any) -> GrowthForecast:
        """The default forecast of ``indicator``'s annual growth (``forecast.forecast_growth``)
        from :meth:`ytd_series`, anchored on :meth:`wider_series` where there is one. Raises
        ``forecast.InsufficientHistory`` when the series is too short. ``options`` go to
        ``forecast_growth``."""
        from muye_analysis.forecast import forecast_growth

        options.setdefault("wider", self.wider_series(indicator)[0])
        return forecast_growth(self.ytd_series(indicator), **options)

    def city_ranks(self, indicator: str | None = None) -> pd.DataFrame:
        """Every unit of the city ranked (``league.city_ranks``) in the city table of the
        session's period, or the last one published before it (as the briefing and the
        workbook show); the latest without a period; empty without city tables."""
        from muye_analysis import league

        period = league.latest_city_period(self.store, as_of=self.period)
        if period is None and self.period is not None:  # none up to the period: say none
            return league.city_ranks(store=self.store.iloc[0:0], registry=self.registry)
        return league.city_ranks(period, indicator, store=self.store, registry=self.registry)

    def _upto_period(self, series: pd.DataFrame) -> pd.DataFrame:
        if self.period is None or series.empty:
            return series
        keep = (series["year"] < self.period.year) | (
            (series["year"] == self.period.year) & (series["end_month"] <= self.period.end_month)
        )
        return series[keep].reset_index(drop=True)

    # -- charts and documents ---------------------------------------------------------------

    def chart(self, name: str, *, size: str | None = None) -> Figure:
        """The chart ``name`` of the one chart registry (``charts.registry.CHARTS``: rank_scorecard,
        muye_in_city, growth_gap, projected_levels, task_targets, progress, required_growth_grid,
        forecast_fan_henan_gdp) drawn from the session's data in its language: a matplotlib Figure
        (``charts.save_figure`` saves it). A chart declared from a spec is drawn from the
        session's tables and assumptions; the progress chart and the grid from the session's
        period and targets. The Henan fan is drawn by its notebook (04: ``r.forecast`` and
        ``charts.plot_growth_forecast``); asked for here, it is refused with that said."""
        from muye_analysis import league
        from muye_analysis.charts import chart as declared
        from muye_analysis.charts import registry

        known = [c.name for c in registry.CHARTS]
        if name not in known:
            raise KeyError(f"no chart {name!r} drawn from a session; known: {', '.join(known)}")
        size = size or "slide"
        own = self._own_plotters()
        with self.words():
            if name in own:
                return own[name](lang=self.lang, size=size)
            frame, from_table = league.scorecard_frame(self.frame_size)
            data = declared.ReportData(self.indicators, self.targets, self.rankings,
                                       self.registry, self.context)  # fmt: skip
            assumed = declared.Assumptions(frame, from_table, self.deflator_pct)
            return registry.chart(name).figure(self.lang, size, assumed, data=data)

    def _own_plotters(self) -> dict[str, Callable[..., Figure]]:
        """Charts whose registry declaration reads the bundled data as it stands; a session
        draws them from its own period and targets."""
        from muye_analysis import charts, targets

        def grid(**kw: Any) -> Figure:
            table = targets.headline_sensitivity("gdp", wide=True, targets=self.targets)
            return charts.plot_required_growth_grid(table, **kw)

        return {
            "progress": lambda **kw: charts.plot_progress(self.progress(), **kw),
            "required_growth_grid": grid,
        }

    def briefing(self, build_dir: str | Path | None = None, **options: Any) -> BriefingResult:
        """Write the briefing deck and HTML report (``muye brief``) at the session's period;
        ``options`` go to ``briefing.build_briefing`` (charts=, allow_synthetic=)."""
        from muye_analysis.briefing import build_briefing

        with self.words():
            return build_briefing(
                self.lang, build_dir=build_dir, as_of=self.period, data=self.data, **options
            )

    def docx(self, path: str | Path | None = None, **options: Any) -> Path:
        """Write the 经济运行分析 as a Word document (``muye report --docx``) at the session's
        period from its store, to ``path`` (default: the build folder's 经济运行分析.docx, or
        economic_analysis_en.docx in English); ``options`` go to ``document.write_analysis``
        (issuer=, today=, charts=). Raises ``document.NoYearToDateData`` without plan-year
        figures."""
        from muye_analysis import config
        from muye_analysis.document import write_analysis

        path = config.build_dir() / self.text("file.analysis_docx") if path is None else path
        with self.words():
            return write_analysis(path, as_of=self.period, lang=self.lang, store=self.store,
                                  **options)  # fmt: skip

    def workbook(self, path: str | Path | None = None) -> tuple[Path, bool]:
        """Write the 进度监测 workbook (``muye progress --xlsx``) at the session's period, with
        the 全市位次 sheet when the store holds a city table, to ``path`` (default: the build
        folder's 进度监测.xlsx, or progress_en.xlsx in English): (path, whether the sheet was
        added)."""
        from muye_analysis import config, rank_workbook
        from muye_analysis.progress.workbook import write_workbook

        path = config.build_dir() / self.text("file.progress_xlsx") if path is None else path

        with self.words():
            written = write_workbook(self.progress(), path, lang=self.lang)
            ranks = rank_workbook.add_rank_sheet(written, lang=self.lang, as_of=self.period)
        return written, bool(ranks)


def _check_lang(lang: str) -> None:
    if lang not in vocab.LANGS:
        raise ValueError(f"lang must be one of {', '.join(vocab.LANGS)}, not {lang!r}")
