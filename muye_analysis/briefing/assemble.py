"""Put a briefing together: title block, headline table, year-to-date slides, report charts."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from muye_analysis import vocab
from muye_analysis.briefing.attainment import attainment_slide
from muye_analysis.briefing.catalogue import (
    ChartEntry,
    ReportData,
    missing_charts,
    report_catalogue,
)
from muye_analysis.briefing.city_ranks import city_rank_part
from muye_analysis.briefing.headline import headline_table
from muye_analysis.briefing.model import Briefing, ChartSlide, TitleBlock
from muye_analysis.briefing.pictures import chart_notes, draw_pictures
from muye_analysis.briefing.ytd import YtdPart, ytd_part
from muye_analysis.periods import Period
from muye_analysis.vocab import text


def assemble_briefing(
    lang: str,
    figure_dir: Path,
    *,
    charts: Sequence[str] | None = None,
    allow_synthetic: bool = False,
    data: ReportData | None = None,
    as_of: Period | None = None,
    demo: bool = False,
) -> Briefing:
    """Draw every chart into ``figure_dir`` (PNG, 200 dpi) and return the briefing's content.

    Order: title, 总体判断 (the latest data first), headline table, last year's targets met or
    not (only with two reports in data/), year-to-date slides (only with real data in the
    processed store, at ``as_of`` or the latest period), the report's charts (``charts`` picks
    some of them by name), the plan's consistency, 亮点 / 短板 / 风险, 下一步需关注. Every
    slide's title states its message.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    from muye_analysis import league
    from muye_analysis.briefing import judgements

    data = ReportData.load() if data is None else data
    entries = select_charts(report_catalogue(data), charts)
    chart_slides = [render_chart(entry, lang, figure_dir) for entry in entries]
    ytd = ytd_part(lang, figure_dir, targets=data.targets, registry=data.registry,
                   allow_synthetic=allow_synthetic, as_of=as_of)  # fmt: skip
    now = judgements.latest(data, as_of=as_of, allow_synthetic=allow_synthetic)
    city = city_rank_part(lang, figure_dir, allow_synthetic=allow_synthetic, as_of=as_of)  # 位次
    frame, _ = league.scorecard_frame()
    attainment = attainment_slide(lang)  # with two reports: last year's targets met or not
    slides = (
        judgements.summary_slide(data, lang, frame_size=frame, now=now),
        headline_table(data.targets, data.indicators, lang),
        *((attainment,) if attainment is not None else ()),
        *ytd.slides,
        *city.slides,
        *chart_slides,
        judgements.plan_slide(data, lang),
        judgements.closing_slide(data, lang, frame_size=frame, now=now),
        judgements.next_steps_slide(data, lang, now=now),
    )
    missing = missing_charts(data, lang).values()  # charts the data cannot draw, and why
    notes = (*ytd.notes, *city.notes, *missing)
    return Briefing(lang=lang, title=title_block(lang, ytd, demo=demo), slides=slides, notes=notes)


def select_charts(
    entries: Sequence[ChartEntry], names: Sequence[str] | None
) -> tuple[ChartEntry, ...]:
    """The entries named in ``names`` (in catalogue order), or all of them."""
    if names is None:
        return tuple(entries)
    known = [e.name for e in entries]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown chart(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return tuple(e for e in entries if e.name in names)


def render_chart(entry: ChartEntry, lang: str, figure_dir: Path) -> ChartSlide:
    """Draw one chart's spec, save it as ``<name>_<lang>.png`` (and ``…_phone.png`` for narrow
    screens) and pair it with its words."""
    spec = entry.spec(lang)
    image, phone = draw_pictures(spec, f"{entry.name}_{lang}", figure_dir)
    topic, title, takeaway = entry.topic(lang), entry.title(lang), entry.takeaway(lang)
    natives = spec.panels
    if takeaway == title:  # the message once: the line under the title names the chart
        takeaway = topic
    elif len(natives) == 1 and not natives[0].title:  # the chart names what it shows
        natives = (dataclasses.replace(natives[0], title=topic),)
    return ChartSlide(
        name=entry.name,
        title=title or topic,
        takeaway=takeaway,
        image=image,
        source=spec.source,
        charts=natives,
        notes=chart_notes(spec, topic, lang),
        topic=topic,
        spec=spec,
        phone_image=phone,
    )


def presented_when(presented: str, lang: str) -> str:
    """'early YYYY' from the sidecar's ``presented`` field, as 'YYYY年初' in Chinese; '' if none
    (the sources' date wording: :func:`muye_analysis.sources.date_text`)."""
    from muye_analysis.sources import date_text

    return date_text(presented, lang)


def title_block(lang: str, ytd: YtdPart, *, demo: bool = False) -> TitleBlock:
    """District, period and data vintage (the report's origin record; the year-to-date data)."""
    from muye_analysis.provenance import read_sidecar
    from muye_analysis.reports import latest_report

    report = latest_report()  # the latest report drives the briefing
    meta = read_sidecar(report.path)
    years = {"base": report.base_year, "target": report.plan_year}
    title = report.title_zh if lang == "zh" else report.title_en
    vintage = [text("vintage_report", lang, title=title, **years)]
    issuer = meta.get(f"issuing_body_{lang}")
    when = presented_when(str(meta.get("presented", "")), lang)
    if issuer:
        key = "vintage_issuer_when" if when else "vintage_issuer"
        vintage.append(text(key, lang, issuer=issuer, when=when))
    period = text("deck_period", lang, **years)
    as_of = text("as_of_report", lang, when=when, **years) if when else str(years["base"])
    if ytd.period is not None:
        label = ytd.period.label(lang)
        period += ("，" if lang == "zh" else "; ") + text("deck_period_ytd", lang, period=label)
        line = text("vintage_ytd", lang, period=label, sources=ytd.sources)
        if ytd.synthetic:
            line += ("；" if lang == "zh" else "; ") + vocab.text("synthetic_stamp", lang)
        vintage.append(line)
        as_of = label
    else:
        vintage.append(text("vintage_no_ytd", lang, **years))
    return TitleBlock(
        title=text("deck_title", lang) + (text("deck_title_demo", lang) if demo else ""),
        place=text("deck_place", lang),
        period=period,
        vintage=tuple(vintage),
        as_of=text("cover_as_of", lang, when=as_of),
        made=text("cover_made", lang, date=made_on(lang)),
    )


def made_on(lang: str, today: date | None = None) -> str:
    """The date the briefing is prepared: '2014年3月5日' / '5 March 2014'."""
    today = today or date.today()
    if lang == "zh":
        return f"{today.year}年{today.month}月{today.day}日"
    return f"{today.day} {today.strftime('%B')} {today.year}"
