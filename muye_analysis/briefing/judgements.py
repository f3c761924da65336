"""The briefing's judgement slides — 总体判断, the plan's consistency, 亮点 / 短板 / 风险 and
下一步需关注 — and the notebooks' opening summaries.

Every sentence is a claim of :mod:`muye_analysis.claims` (computed from the data, said only
when its condition holds), rendered by :func:`muye_analysis.vocab.say`; this module only
chooses which claims a slide carries and in what order. The latest data speak first: with
year-to-date figures of the plan year in the store (:func:`latest`), 总体判断 and the closing
slides lead with the period.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.briefing.model import TextSlide
from muye_analysis.claims import closing, plan, report
from muye_analysis.claims.base import RISK, STRENGTH, WEAKNESS, Claim

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.briefing.catalogue import ReportData
    from muye_analysis.periods import Period

_CLOSING_KEYS = {
    STRENGTH: "closing.strengths",
    WEAKNESS: "closing.weaknesses",
    RISK: "closing.risks",
}


def latest(
    data: ReportData,
    store: pd.DataFrame | None = None,
    *,
    as_of: Period | None = None,
    allow_synthetic: bool = False,
) -> closing.Latest:
    """What the year-to-date store says of the plan year, at ``as_of`` (default: the latest
    period), from real figures only: synthetic and example rows never speak in a briefing
    unless ``allow_synthetic`` (tests and demonstrations; the slides then say so)."""
    from muye_analysis.progress import progress_table
    from muye_analysis.quarterly import district_rows, is_synthetic, read_store
    from muye_analysis.targets import headline_ytd_gaps

    store = closing.upto(district_rows(read_store() if store is None else store), as_of)
    real = store[~is_synthetic(store)] if len(store) and not allow_synthetic else store
    if real.empty:
        return closing.Latest(period=as_of)
    table = progress_table(as_of, store=real, targets=data.targets,
                           include_synthetic=allow_synthetic)  # fmt: skip
    period = table.attrs["as_of"]
    if period is None:
        return closing.Latest(period=as_of)
    gaps = headline_ytd_gaps(real, period=as_of, targets=data.targets)
    return closing.Latest(period=period, table=table, gaps=tuple(gaps))


def summary_slide(
    data: ReportData, lang: str, *, frame_size: int, now: closing.Latest | None = None
) -> TextSlide:
    """总体判断: the period first when the latest data speak, else the report's year."""
    now = closing.Latest() if now is None else now
    claims = closing.summary_claims(data, now, frame_size=frame_size)
    return TextSlide(
        name="summary",
        title=vocab.say(closing.summary_title_claim(data, now), lang) + _stamp(lang, now),
        lines=tuple(_end(s, lang) for s in vocab.say_all(claims, lang)),
        notes=(),
        source=_source(lang, now),
        kind="summary",
        speaker=(vocab.text("note_colours", lang), *_caveats(claims, lang)),
    )


def plan_slide(data: ReportData, lang: str) -> TextSlide:
    """The plan's internal consistency: each claim that holds; questions of 口径 are worded as
    questions, their caveats in the notes."""
    claims = [c for c in plan.plan_claims(data) if c.holds]
    questions = sum(1 for c in claims if c.caveat)
    title = Claim("title.plan", True, {"n": len(claims), "questions": questions},
                  variant="questions" if questions else "plain")  # fmt: skip
    notes = (*_caveats(claims, lang),
             vocab.text("caveat.revenue_formula", lang, room=plan.NON_TAX_ROOM_PCT),
             vocab.TAX_SHARE_DEFINITION[lang])  # fmt: skip
    return TextSlide(
        name="plan_consistency",
        title=vocab.say(title, lang),
        lines=tuple(vocab.say_all(claims, lang)),
        notes=notes,
        source=vocab.source_line(lang),
        kind="judgement",
        speaker=notes,
    )


def closing_slide(
    data: ReportData, lang: str, *, frame_size: int, now: closing.Latest | None = None
) -> TextSlide:
    """亮点 / 短板 / 风险, the latest data first."""
    now = closing.Latest() if now is None else now
    items = closing.closing_items(data, now, frame_size=frame_size)
    sep = vocab.text("sep.items", lang)
    lines = []
    for tone, claims in items.items():
        if not claims:
            continue
        shown = sep.join(vocab.say_all(claims[: closing.MAX_ITEMS], lang))
        if len(claims) > closing.MAX_ITEMS:  # the title counts them all: say there are more
            shown += vocab.text("closing.more", lang, n=len(claims))
        lines.append(vocab.text(_CLOSING_KEYS[tone], lang, items=shown))
    return TextSlide(
        name="closing",
        title=vocab.say(closing.closing_title_claim(items, now), lang) + _stamp(lang, now),
        lines=tuple(lines),
        notes=(),
        source=_source(lang, now),
        kind="closing",
        speaker=(vocab.text("frame_assumption", lang, n=frame_size),),
    )


def next_steps_slide(
    data: ReportData, lang: str, *, now: closing.Latest | None = None
) -> TextSlide:
    """下一步需关注: what to watch next, computed from the claims (never policy advice)."""
    now = closing.Latest() if now is None else now
    claims = closing.next_step_claims(data, now)
    title = closing.next_title_claim(claims, now)
    return TextSlide(
        name="next_steps",
        title=vocab.say(title, lang) + _stamp(lang, now),
        lines=tuple(_end(s, lang) for s in vocab.say_all(claims, lang)),
        notes=(),
        source=_source(lang, now),
        kind="closing",
        speaker=tuple(_caveats(claims, lang)),
    )


def _caveats(claims: list[Claim], lang: str) -> list[str]:
    """The 口径 caveats of the claims that are questions (once each), for the notes."""
    codes = list(dict.fromkeys(c.caveat for c in claims if c.holds and c.caveat))
    return [vocab.text(f"caveat.{code}", lang) for code in codes]


def _stamp(lang: str, now: closing.Latest) -> str:
    """（示例数据） after a title when the latest data include synthetic rows."""
    synthetic = now.speaks and bool(now.table["synthetic"].fillna(False).any())
    return vocab.text("synthetic_title", lang) if synthetic else ""


def _source(lang: str, now: closing.Latest) -> str:
    """The report, and the year-to-date files when the latest data speak."""
    if not now.speaks:
        return vocab.source_line(lang)
    rows = now.table[now.table["status"] != "no_data"]
    extra = vocab.store_citations(rows, lang)  # each table by its issuer, title and date
    if bool(rows["synthetic"].fillna(False).astype(bool).any()):
        extra.append(vocab.text("synthetic_stamp", lang))
    return vocab.source_line(lang, extra)


def _end(sentence: str, lang: str) -> str:
    """The sentence with its full stop (one only)."""
    stop = vocab.text("sentence_end", lang)
    return sentence if sentence.endswith(stop) else sentence + stop


# -- notebooks ----------------------------------------------------------------------------------


def notebook_judgements(
    notebook: str, lang: str, data: ReportData | None = None, *, as_of: Period | str | None = None
) -> list[str]:
    """The 总体判断 a notebook opens with: the claims that concern it, rendered.

    ``notebook`` is the two-digit prefix: "01" (the dataset), "02" (ranks and the city),
    "03" (targets), "04" (growth gaps and forecasts: with year-to-date data, the period first).
    ``as_of`` is the notebook's ``AS_OF`` (a label such as 前三季度: the plan year is implied).
    """
    from muye_analysis.briefing.catalogue import ReportData
    from muye_analysis.claims import charts
    from muye_analysis.errors import MissingYear
    from muye_analysis.league import scorecard_frame
    from muye_analysis.reports import as_of_period

    data = ReportData.load() if data is None else data
    frame, _ = scorecard_frame()
    try:
        city = charts.city_claim(data.indicators, data.context, data.registry)
    except MissingYear as exc:  # no city figures for the base year: say so
        city = None
        city_text = str(exc)
    frame_note = vocab.text("frame_assumption", lang, n=frame)
    claims: dict[str, list] = {
        "01": [report.dataset_claim(data), report.scale_claim(data), report.missing_claim(data)],
        "02": [report.ranks_claim(data, frame_size=frame), city if city else city_text,
               frame_note],
        "03": [report.targets_claim(data), plan.investment_claim(data), plan.revenue_claim(data),
               charts.tasks_claim(data.targets)],
        "04": [],
    }  # fmt: skip
    if notebook not in claims:
        raise ValueError(f"no summary for notebook {notebook!r}; known: {', '.join(claims)}")
    if notebook == "04":
        now = latest(data, as_of=as_of_period(as_of))
        if now.speaks:
            claims["04"] = closing.summary_claims(data, now, frame_size=frame)
        else:
            claims["04"] = [report.targets_claim(data), report.missing_claim(data),
                            "judge_no_ytd"]  # fmt: skip
    out = []
    for item in claims[notebook]:
        if isinstance(item, str):
            out.append(vocab.text(item, lang) if item in vocab.STRINGS else item)
        elif item.holds:
            out.append(vocab.say(item, lang))
    return [_end(s, lang) for s in out if s]


def notebook_summary(
    notebook: str, lang: str, data: ReportData | None = None, *, as_of: Period | str | None = None
):
    """The notebook's opening 总体判断 as Markdown (displayed by Jupyter)."""
    from IPython.display import Markdown

    heading = vocab.text("summary_title", lang)
    lines = "\n".join(f"- {s}" for s in notebook_judgements(notebook, lang, data, as_of=as_of))
    return Markdown(f"**{heading}**\n\n{lines}")
