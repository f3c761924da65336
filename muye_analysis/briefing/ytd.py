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

from muye_analysis.briefing.model import ChartSlide, Slide, TextSlide
from muye_analysis.briefing.takeaways import fan_takeaway
from muye_analysis.briefing.text import target_text, text
from muye_analysis.charts import labels
from muye_analysis.forecast import DEFAULT_METHOD
from muye_analysis.quarterly import is_synthetic
from muye_analysis.targets import headline_ytd_gaps
from muye_analysis.vocab import pct

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.periods import Period
    from muye_analysis.targets import YtdGap

# The forecast's default: single-quarter (or single-month) growth with base effects, shock
# years and every published month (``forecast.base_effect``).
FORECAST_METHOD = DEFAULT_METHOD
MAX_SOURCES = 3  # source names listed on a slide before "…"

_SYNTHETIC_TITLE = {"zh": "（示例数据）", "en": " (synthetic data)"}


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
) -> YtdPart:
    """Slides for the target year's year-to-date data in ``store`` (default: the processed
    store), or an empty part with notes saying why there are none."""
    from muye_analysis.quarterly import district_rows, read_store

    store = district_rows(read_store() if store is None else store)  # not the city's series
    if store.empty:
        return YtdPart()
    fake = is_synthetic(store)
    notes: list[str] = []
    if fake.any() and not allow_synthetic:
        notes.append(text("ytd_synthetic_ignored", lang, n=int(fake.sum())))
        store = store[~fake]
    synthetic = bool(fake.any()) and allow_synthetic
    gaps = headline_ytd_gaps(store, targets=targets)
    progress = _progress_slide(store, targets, figure_dir, synthetic, lang)
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
    title = text("ytd_title", lang, period=latest.label(lang))
    notes = [text("ytd_formula_note", lang)]
    by_weights: dict[str, list[str]] = {}
    for gap in gaps:
        if gap.required is not None:
            key = "ytd_" + labels.WEIGHTS_KEYS.get(gap.required.weights_source, "weights_given")
            by_weights.setdefault(key, []).append(names[gap.indicator])
    for key, names in by_weights.items():
        notes.append(
            text("ytd_weights_note", lang, names=labels.join_names(names, lang),
                 weights=text(key, lang))
        )  # fmt: skip
    extra = [sources]
    if synthetic:
        title += _SYNTHETIC_TITLE[lang]
        notes.insert(0, labels.text("synthetic_stamp", lang))
        extra.append(labels.text("synthetic_stamp", lang))
    return TextSlide(
        name="ytd_required_growth",
        title=title,
        lines=tuple(g.sentence(lang) for g in gaps),
        notes=tuple(notes),
        source=labels.source_line(lang, extra),
    )


def _progress_slide(
    store: pd.DataFrame, targets: pd.DataFrame, figure_dir: Path, synthetic: bool, lang: str
) -> tuple[ChartSlide, Period, str] | None:
    """The 进度监测 traffic lights (``progress.progress_table``), when the store holds figures
    of the plan year for any target; else None."""
    import matplotlib.pyplot as plt

    from muye_analysis.charts import save_figure
    from muye_analysis.charts.progress import plot_progress
    from muye_analysis.progress import progress_table, progress_takeaway, progress_title

    table = progress_table(store=store, targets=targets)
    if table.attrs["as_of"] is None or (table["status"] == "no_data").all():
        return None
    period = table.attrs["as_of"]
    used = store[store["indicator"].isin(table.loc[table["status"] != "no_data", "indicator"])]
    sources = _sources_text(used[used["year"] == period.year], lang)
    title = progress_title(table, lang) + (_SYNTHETIC_TITLE[lang] if synthetic else "")
    fig = plot_progress(table, lang=lang, size="slide")
    try:
        (image,) = save_figure(fig, f"progress_{lang}", ("png",), directory=figure_dir)
    finally:
        plt.close(fig)
    extra = [sources] + ([labels.text("synthetic_stamp", lang)] if synthetic else [])
    from muye_analysis.briefing.native import progress_native

    slide = ChartSlide(name="progress", title=title, takeaway=progress_takeaway(table, lang),
                       image=image, source=labels.source_line(lang, extra),
                       charts=progress_native(table, lang),
                       notes=(text("progress_note", lang),))  # fmt: skip
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

    from muye_analysis.charts import save_figure
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
    goal = target_text(gap.target, gap.qualifier, gap.bound, lang)
    higher = _higher_is_better(registry, gap.indicator)
    facts = fan_facts(fc, target=gap.target, bound=gap.bound, higher_is_better=higher,
                      anchored=_anchored(series, wider), wider_area=area)  # fmt: skip
    title = text("fan_title_indicator", lang, name=name)
    title += _SYNTHETIC_TITLE[lang] if synthetic else ""
    fig = fc.plot(target=gap.target, target_label=text("fan_target_label", lang, goal=goal),
                  synthetic=synthetic, lang=lang, title=title, source=sources,
                  size="slide", facts=facts)  # fmt: skip
    try:
        stem = f"forecast_fan_{gap.indicator}_{lang}"
        (image,) = save_figure(fig, stem, ("png",), directory=figure_dir)
    finally:
        plt.close(fig)
    extra = [sources] + ([labels.text("synthetic_stamp", lang)] if synthetic else [])
    from muye_analysis.briefing.native import fan_native, fan_side_native

    slide = ChartSlide(
        name=f"forecast_fan_{gap.indicator}",
        title=title,
        takeaway=fan_takeaway(facts, goal=goal, lang=lang),
        image=image,
        source=labels.source_line(lang, extra),
        charts=fan_native(
            fc.history.tail(12),
            fc.forecast,
            lang,
            target=gap.target,
            target_label=text("fan_target_label", lang, goal=goal),
            title=_coverage_title(facts, lang),
        )
        + fan_side_native(facts, lang),
        notes=fan_notes(facts, goal, lang),
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
    from muye_analysis import vocab

    if not facts.has_backtest:
        text = vocab.text("f21_no_backtest", lang)
    else:
        c80, c95 = f"{facts.coverage_80:.0%}", f"{facts.coverage_95:.0%}"
        text = vocab.text("f21_coverage", lang, n=facts.backtest_origins, c80=c80, c95=c95)
    return text[:1].upper() + text[1:]  # a title (the same words follow a semicolon elsewhere)


def fan_notes(facts, goal: str, lang: str) -> tuple[str, ...]:
    """Speaker notes of the fan slide: what the panels draw, the probability in numbers (or why
    there is none), how the forecast and its interval were made."""
    from muye_analysis import vocab
    from muye_analysis.briefing.takeaways import probability_text
    from muye_analysis.charts.fan import area_name

    extra = vocab.text("f21_note_drawn_anchored", lang) if "anchored" in facts.drawn else ""
    notes = [vocab.text("f21_note_drawn", lang, extra=extra, k=len(facts.scenarios))]
    if facts.probability is not None:
        notes.append(vocab.text("f21_note_probability", lang, goal=goal, n=facts.backtest_origins,
                                p=probability_text(facts.probability, lang)))  # fmt: skip
    elif facts.target is not None and not facts.has_backtest:
        notes.append(vocab.text("f21_note_no_backtest", lang))
    elif facts.target is not None:
        notes.append(vocab.text("f21_note_no_probability", lang, n=facts.backtest_origins,
                                need=facts.min_origins))  # fmt: skip
    if facts.weights:
        weights = labels.join_names([
            vocab.text("f21_weight", lang, name=vocab.text(f"f21_method_{m}", lang),
                       w=f"{w:.2f}", value=pct(facts.candidates.get(m, float("nan"))))
            for m, w in sorted(facts.weights.items(), key=lambda item: -item[1])
        ], lang)  # fmt: skip
        notes.append(vocab.text("f21_note_method", lang, weight_list=weights))
    if facts.basis_years > 1:
        years = "、".join(map(str, facts.abnormal_years)) if lang == "zh" else ", ".join(
            map(str, facts.abnormal_years))  # fmt: skip
        notes.append(vocab.text("f21_note_basis", lang, years=years, k=facts.basis_years,
                                reference=facts.reference_year))  # fmt: skip
    if facts.scale is not None and facts.prior_scale is not None:
        prior = f"{facts.prior_scale:.2f}"
        if facts.scale_errors:
            how = vocab.text("f21_scale_own", lang, n=facts.scale_errors, prior=prior)
        else:
            how = vocab.text("f21_scale_prior", lang, prior=prior)
        notes.append(vocab.text("f21_note_scale", lang, scale=f"{facts.scale:.2f}", how=how))
    if facts.anchored is not None:
        now = facts.anchored
        years = f"{min(now.gap_years)}-{max(now.gap_years)}" if len(now.gap_years) > 1 else str(
            now.gap_years[0])  # fmt: skip
        notes.append(vocab.text("f21_note_anchored", lang, area=area_name(facts.wider_area, lang),
                                wider=pct(now.wider_mean), years=years,
                                gap=vocab.text("pp", lang, value=now.gap_mean)))  # fmt: skip
    if facts.scenarios:
        key = labels.WEIGHTS_KEYS.get(facts.weights_source, "weights_given")
        notes.append(vocab.text("f21_note_scenarios", lang, weights=vocab.text(key, lang)))
    return tuple(notes)


def backtest_coverage(series: pd.DataFrame) -> dict[str, float]:
    """How often the default method's intervals covered the published 全年 in a rolling
    backtest on the same series, shown beside the fan (``forecast.calibration.fan_coverage``;
    ``n`` = 0 when the series is too short for any past origin)."""
    from muye_analysis.forecast.combine import fan_coverage

    return fan_coverage(series)


def _short_name(registry: pd.DataFrame, indicator: str, lang: str) -> str:
    row = registry[registry["indicator"] == indicator].iloc[0]
    return labels.indicator_name(row, lang)


def _higher_is_better(registry: pd.DataFrame, indicator: str) -> bool | None:
    import pandas as pd

    value = registry.set_index("indicator").loc[indicator, "higher_is_better"]
    return None if pd.isna(value) else bool(value)


def _sources_text(rows: pd.DataFrame, lang: str) -> str:
    """The distinct sources of ``rows`` (their file names where no source is given)."""
    import pandas as pd

    named = [
        str(s) if pd.notna(s) and str(s).strip() else str(f)
        for s, f in zip(rows["source"], rows["file"], strict=True)
    ]
    distinct = list(dict.fromkeys(n for n in named if n and n != "<NA>"))
    shown = distinct[:MAX_SOURCES] + (["…"] if len(distinct) > MAX_SOURCES else [])
    return ("、" if lang == "zh" else ", ").join(shown)
