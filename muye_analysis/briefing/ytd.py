"""Year-to-date slides: the growth each headline indicator still needs, and forecast fans.

They appear only when the processed store (``muye ingest``) holds real figures for the target
year. Rows whose source or file name says they are synthetic or examples are never shown in a
briefing; ``allow_synthetic=True`` (tests and demonstrations only) keeps them and stamps every
slide that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.briefing.model import ChartSlide, Slide, TextSlide
from muye_analysis.briefing.takeaways import fan_takeaway
from muye_analysis.claims.base import Claim
from muye_analysis.claims.progress import about_convention_claim, status_claim
from muye_analysis.claims.ytd import gap_claim, gap_goal
from muye_analysis.forecast import DEFAULT_METHOD
from muye_analysis.quarterly import is_synthetic
from muye_analysis.targets import headline_ytd_gaps
from muye_analysis.vocab import target_text, text

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.periods import Period
    from muye_analysis.targets import YtdGap

# The forecast's default: single-quarter (or single-month) growth with base effects, shock
# years and every published month (``forecast.base_effect``).
FORECAST_METHOD = DEFAULT_METHOD
MAX_SOURCES = 3  # source names listed on a slide before "…"


@dataclass(frozen=True)
class YtdPart:
    """The year-to-date slides and what the title slide says about them."""

    period: Period | None = None  # the latest period shown; None = no year-to-date slides
    sources: str = ""
    synthetic: bool = False
    slides: tuple[Slide, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


def ytd_part(
    lang: str,
    figure_dir: Path,
    *,
    targets: pd.DataFrame,
    registry: pd.DataFrame,
    store: pd.DataFrame | None = None,
    allow_synthetic: bool = False,
    as_of: Period | None = None,
) -> YtdPart:
    """Slides for the target year's year-to-date data in ``store`` (default: the processed
    store) up to ``as_of`` (default: the latest period), or an empty part with notes saying why
    there are none."""
    from muye_analysis.claims.closing import upto
    from muye_analysis.quarterly import district_rows, read_store

    store = district_rows(read_store() if store is None else store)  # not the city's series
    store = upto(store, as_of)
    if store.empty:
        return YtdPart()
    fake = is_synthetic(store)
    notes: list[str] = []
    if fake.any() and not allow_synthetic:
        notes.append(text("ytd_synthetic_ignored", lang, n=int(fake.sum())))
        store = store[~fake]
    synthetic = bool(fake.any()) and allow_synthetic
    gaps = headline_ytd_gaps(store, targets=targets, period=as_of)
    progress = _progress_slide(store, targets, figure_dir, synthetic, lang, as_of)
    if not gaps:
        if progress is not None:  # task targets only: the 进度监测 slide alone
            slide, period, sources = progress
            return YtdPart(period, sources, synthetic, (slide,), tuple(notes))
        if len(store):
            notes.append(text("ytd_no_target_year", lang))
        return YtdPart(notes=tuple(notes))
    used = store[store["indicator"].isin([g.indicator for g in gaps])]
    sources = _sources_text(used, lang)
    latest = max((g.period for g in gaps), key=lambda p: (p.year, p.end_month))
    names = {g.indicator: _short_name(registry, g.indicator, lang) for g in gaps}
    slides: list[Slide] = [_gap_slide(gaps, names, latest, sources, synthetic, lang)]
    slides += [progress[0]] if progress is not None else []
    for gap in (g for g in gaps if g.measure == "growth_rate"):  # fans forecast growth only
        slide, note = _fan_slide(gap, store, registry, names[gap.indicator], figure_dir,
                                 sources, synthetic, lang)  # fmt: skip
        slides += [slide] if slide is not None else []
        notes += [note] if note else []
    return YtdPart(latest, sources, synthetic, tuple(slides), tuple(notes))


def _gap_slide(
    gaps: list[YtdGap],
    names: dict[str, str],
    latest: Period,
    sources: str,
    synthetic: bool,
    lang: str,
) -> TextSlide:
    behind = [g for g in gaps if g.required is not None and float(g.required) > g.ytd]
    title = vocab.say(Claim("title.ytd.required", True, {"period": latest, "k": len(behind)},
                            variant="behind" if behind else "none"), lang)  # fmt: skip
    notes = [text("ytd_formula_note", lang), text("ytd_title", lang, period=latest.label(lang))]
    by_weights: dict[str, list[str]] = {}
    for gap in gaps:
        if gap.required is not None:
            key = "ytd_" + vocab.WEIGHTS_KEYS.get(gap.required.weights_source, "weights_given")
            by_weights.setdefault(key, []).append(names[gap.indicator])
    for key, names in by_weights.items():
        notes.append(
            text("ytd_weights_note", lang, names=vocab.join_names(names, lang),
                 weights=text(key, lang))
        )  # fmt: skip
    if any(g.verdict is not None or g.bound == "about" for g in gaps):  # a verdict is shown
        notes.append(vocab.say(about_convention_claim(short=True), lang))
    extra = [sources]
    if synthetic:
        title += vocab.text("synthetic_title", lang)
        notes.insert(0, vocab.text("synthetic_stamp", lang))
        extra.append(vocab.text("synthetic_stamp", lang))
    return TextSlide(
        name="ytd_required_growth",
        title=title,
        lines=tuple(vocab.say(gap_claim(g), lang) for g in gaps),
        notes=tuple(notes),
        source=vocab.source_line(lang, extra),
    )


def _progress_slide(
    store: pd.DataFrame,
    targets: pd.DataFrame,
    figure_dir: Path,
    synthetic: bool,
    lang: str,
    as_of: Period | None = None,
) -> tuple[ChartSlide, Period, str] | None:
    """The 进度监测 chart (``progress.progress_table``, drawn from ``charts.progress``'s spec),
    when the store holds figures of the plan year for any target; else None."""
    from muye_analysis.briefing.pictures import chart_notes, draw_pictures
    from muye_analysis.charts.progress import progress_spec
    from muye_analysis.claims.progress import tally_claim
    from muye_analysis.progress import progress_table
    from muye_analysis.progress.rendering import progress_takeaway, progress_title

    table = progress_table(as_of, store=store, targets=targets)
    spec = progress_spec(table, lang=lang) if table.attrs["as_of"] is not None else None
    if spec is None:  # no target has a figure: no chart (an all-grey chart says nothing)
        return None
    period = table.attrs["as_of"]
    used = store[store["indicator"].isin(table.loc[table["status"] != "no_data", "indicator"])]
    sources = _sources_text(used[used["year"] == period.year], lang)
    tally = dict(tally_claim(table).facts) | {"period": period}
    title = vocab.say(Claim("title.progress", True, tally), lang)
    title += vocab.text("synthetic_title", lang) if synthetic else ""
    image, phone = draw_pictures(spec, f"progress_{lang}", figure_dir)
    topic = progress_title(table, lang)
    # the chart's notes, then the 左右 convention and why each target behind is behind (its
    # name and status are drawn; the reason is the words behind its colour)
    behind = table[table["status"].isin(["off_track", "at_risk"])].to_dict("records")
    reasons = [text("progress.name_reason", lang, name=vocab.indicator_name(r["indicator"], lang),
                    reason=vocab.say(status_claim(r), lang)) for r in behind]  # fmt: skip
    *framing, data_note = chart_notes(spec, topic, lang)
    notes = (*framing, vocab.say(about_convention_claim(short=True), lang), *reasons, data_note)
    slide = ChartSlide(name="progress", title=title, takeaway=progress_takeaway(table, lang),
                       image=image, source=spec.source, charts=spec.panels, notes=notes,
                       topic=topic, spec=spec, phone_image=phone)  # fmt: skip
    return slide, period, sources


def _fan_slide(
    gap: YtdGap,
    store: pd.DataFrame,
    registry: pd.DataFrame,
    name: str,
    figure_dir: Path,
    sources: str,
    synthetic: bool,
    lang: str,
) -> tuple[ChartSlide | None, str | None]:
    """The forecast fan of one indicator, or a note saying why there is none.

    Two panels: the fan (published growth, the forecast, its 80% bounds and the target, with
    the backtest coverage as the panel title) and the full-year figures beside it (the
    forecast, the anchored forecast from the city or province when one can be made, and the
    scenarios with their assumptions). The takeaway gives the chance of meeting the target in
    coarse words, and only over a backtest of ``presentation.MIN_BACKTEST_ORIGINS`` origins;
    the notes carry the numbers and describe only what the panels draw."""
    import matplotlib.pyplot as plt

    from muye_analysis.charts import plot_growth_forecast, save_figure
    from muye_analysis.claims.charts import fan_claim, fan_notes, title_claim
    from muye_analysis.forecast import MIN_QUARTERS, InsufficientHistory, forecast_growth
    from muye_analysis.forecast.presentation import fan_facts
    from muye_analysis.quarterly import ytd_series

    series = ytd_series(gap.indicator, store)
    wider, area = _wider_series(gap.indicator, store)
    try:
        fc = forecast_growth(series, method=FORECAST_METHOD, wider=wider)
    except InsufficientHistory:
        return None, text("ytd_too_short", lang, name=name, need=MIN_QUARTERS)
    if fc.year != gap.period.year:  # the year is complete: no target for the next one
        return None, None
    goal = gap_goal(gap)
    goal_words = target_text(gap.target, gap.qualifier, gap.bound, lang)
    higher = _higher_is_better(registry, gap.indicator)
    facts = fan_facts(fc, target=gap.target, bound=gap.bound, higher_is_better=higher,
                      anchored=_anchored(series, wider), wider_area=area)  # fmt: skip
    title = text("fan_title_indicator", lang, name=name)
    title += vocab.text("synthetic_title", lang) if synthetic else ""
    headline = vocab.say(title_claim(fan_claim(facts, goal, gap.indicator)), lang)
    headline += vocab.text("synthetic_title", lang) if synthetic else ""
    target_label = text("fan_target_label", lang, goal=goal_words)
    from muye_analysis.charts.layout import framed_elsewhere

    with framed_elsewhere():  # the slide and the report section print title and source once
        fig = plot_growth_forecast(fc, target=gap.target, target_label=target_label,
                                   synthetic=synthetic, lang=lang, title=title, source=sources,
                                   size="slide", facts=facts)  # fmt: skip
    try:
        stem = f"forecast_fan_{gap.indicator}_{lang}"
        (image,) = save_figure(fig, stem, ("png",), directory=figure_dir)
    finally:
        plt.close(fig)
    extra = [sources] + ([vocab.text("synthetic_stamp", lang)] if synthetic else [])
    from muye_analysis.briefing.native import fan_native, fan_side_native

    slide = ChartSlide(
        name=f"forecast_fan_{gap.indicator}",
        title=headline,
        takeaway=fan_takeaway(facts, goal, lang),
        topic=title,
        image=image,
        source=vocab.source_line(lang, extra),
        charts=fan_native(
            fc.history.tail(12),
            fc.forecast,
            lang,
            target=gap.target,
            target_label=target_label,
            title=_coverage_title(facts, lang),
        )
        + fan_side_native(facts, lang),
        notes=tuple(vocab.say_all(fan_notes(facts, goal), lang)),
    )
    return slide, None


def _wider_series(indicator: str, store: pd.DataFrame) -> tuple[pd.DataFrame | None, str | None]:
    """The city's, else the province's series of ``indicator`` to anchor the district to."""
    from muye_analysis.forecast.anchor import first_wider_series
    from muye_analysis.quarterly import read_store

    return first_wider_series(indicator, read_store() if store is None else store)


def _anchored(series: pd.DataFrame, wider: pd.DataFrame | None):
    """The district's year anchored to the wider area, or None when it cannot be made."""
    from muye_analysis.forecast import InsufficientHistory
    from muye_analysis.forecast.anchor import nowcast_from_wider

    if wider is None:
        return None
    try:
        return nowcast_from_wider(series, wider)
    except (ValueError, KeyError, InsufficientHistory):
        return None


def _coverage_title(facts, lang: str) -> str:
    """The fan panel's title: the backtest behind the intervals, on the slide itself."""
    if not facts.has_backtest:
        words = vocab.text("fan.no_backtest", lang)
    else:
        words = vocab.text("fan.coverage", lang, n=facts.backtest_origins,
                           c80=100 * facts.coverage_80, c95=100 * facts.coverage_95)  # fmt: skip
    return words[:1].upper() + words[1:]  # a title (the same words follow a semicolon elsewhere)


def backtest_coverage(series: pd.DataFrame) -> dict[str, float]:
    """How often the default method's intervals covered the published 全年 in a rolling
    backtest on the same series, shown beside the fan (``forecast.combine.fan_coverage``;
    ``n`` = 0 when the series is too short for any past origin)."""
    from muye_analysis.forecast.combine import fan_coverage

    return fan_coverage(series)


def _short_name(registry: pd.DataFrame, indicator: str, lang: str) -> str:
    row = registry[registry["indicator"] == indicator].iloc[0]
    return vocab.indicator_name(row, lang)


def _higher_is_better(registry: pd.DataFrame, indicator: str) -> bool | None:
    import pandas as pd

    value = registry.set_index("indicator").loc[indicator, "higher_is_better"]
    return None if pd.isna(value) else bool(value)


def _sources_text(rows: pd.DataFrame, lang: str) -> str:
    """The distinct sources of ``rows``, each cited by its issuer, title and tabulation date
    (a bureau table's title row is parsed, never pasted; :func:`vocab.store_citations`)."""
    cited = vocab.store_citations(rows, lang, limit=MAX_SOURCES)
    return ("、" if lang == "zh" else "; ").join(cited)
