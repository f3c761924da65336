"""What the 经济运行分析 says: its sections, paragraphs, tables and pictures, built from the data
and worded by the one renderer — no Word here (:mod:`muye_analysis.document.word` lays it out).

Every paragraph is a list of rendered claims (:mod:`muye_analysis.claims.analysis`,
:mod:`~muye_analysis.claims.progress`, :mod:`~muye_analysis.claims.closing`); every table a
DataFrame of display texts built from :func:`muye_analysis.progress.progress_table` and
:func:`muye_analysis.league.city_ranks` (or the district table's own 全市位次); every figure's
source goes to the numbered notes (注释), referenced from the sentence that uses it.

The parts are :mod:`~muye_analysis.document.parts`; what the sections share and how a source is
cited, :mod:`~muye_analysis.document.context`; the section of ranks (三、位次),
:mod:`~muye_analysis.document.ranks`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from muye_analysis import vocab
from muye_analysis.claims import analysis
from muye_analysis.claims.base import Amount, Claim
from muye_analysis.display import MISSING, is_missing
from muye_analysis.document.context import (
    Context,
    Notes,
    figure_note,
    make_paragraph,
    report_note,
    space,
    store_row,
)
from muye_analysis.document.parts import (
    AnalysisDocument,
    Block,
    Heading,
    Paragraph,
    Picture,
    Section,
    Table,
)
from muye_analysis.document.ranks import rank_section

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.periods import Period


class NoYearToDateData(ValueError):
    """The store holds no figure of the plan year up to the period asked for: there is no
    period to analyse (the report's own year is the plan report, not an analysis)."""


def build_analysis(
    as_of: Period | str | None = None,
    lang: str = "zh",
    *,
    store: pd.DataFrame | None = None,
    issuer: str | None = None,
    today: date | None = None,
    charts: bool = True,
) -> AnalysisDocument:
    """The 经济运行分析 of ``as_of`` (a Period or a label such as 前三季度 / YYYY年1-9月; default:
    the latest year-to-date period of the plan year in the store) in ``lang``, as content.

    Raises :class:`NoYearToDateData` when the store holds no figure of the plan year up to that
    period: the document analyses a period, and there is none (``muye ingest`` the bureau's
    table first). Rows from synthetic or example files are used and the document says so on its
    first page, in every table note and on every chart.
    """
    from muye_analysis.dataset import load_registry
    from muye_analysis.progress import progress_table
    from muye_analysis.quarterly import read_store
    from muye_analysis.reports import as_of_period, latest_report

    if lang not in vocab.LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    period = as_of_period(as_of)
    store = read_store() if store is None else store
    table = progress_table(period, store=store)
    plan_year = int(table.attrs["plan_year"])
    if table.attrs["as_of"] is None or not any(analysis.has_figure(r)
                                               for r in table.to_dict("records")):  # fmt: skip
        if period is None:
            raise NoYearToDateData(vocab.text("doc.error.no_ytd", lang, year=plan_year))
        raise NoYearToDateData(
            vocab.text("doc.error.no_ytd_period", lang, year=plan_year, period=period)
        )
    period = table.attrs["as_of"]
    registry = load_registry().set_index("indicator")
    rows = [r | {"group": analysis.group_of(r["indicator"], _reg(registry, r["indicator"],
                                                                  "category"))}
            for r in table.to_dict("records")]  # fmt: skip
    synthetic = bool(table["synthetic"].fillna(False).any())
    today = today or date.today()
    made = _made_on(lang, today)
    report = latest_report()
    ctx = Context(lang, period, plan_year, rows, store, registry, report, Notes(), synthetic)
    issuer = issuer or vocab.text("doc.issuer.default", lang)

    sections = [("overall", _overall(ctx)), ("indicators", _indicators(ctx, table, charts))]
    ranks = rank_section(ctx)  # after the indicators: the notes are numbered in order of first use
    if ranks is not None:
        sections.append(("ranks", ranks[0]))
    sections += [("issues", _issues(ctx, ranks[1] if ranks is not None else [])),
                 ("next", _next(ctx))]  # fmt: skip
    numerals = vocab.text("doc.numerals", lang)
    built = tuple(
        Section(key, Heading(vocab.text("doc.heading1", lang, numeral=_numeral(numerals, i),
                                        text=vocab.text(f"doc.section.{key}", lang)), 1), blocks)
        for i, (key, blocks) in enumerate(sections)
    )  # fmt: skip
    title = vocab.text("doc.title", lang, period=period)
    return AnalysisDocument(
        lang=lang,
        title=title,
        as_of_line=vocab.text("doc.as_of", lang, period=period),
        issuer_line=vocab.text("doc.issuer_line", lang, issuer=issuer),
        date_line=vocab.text("doc.date_line", lang, date=made),
        draft_line=vocab.text("doc.draft", lang, date=made),
        synthetic_line=vocab.text("doc.synthetic", lang) if synthetic else None,
        sections=built,
        appendix_head=vocab.text("doc.appendix.head", lang),
        appendix=_appendix(ctx, ranks is not None),
        notes_head=vocab.text("doc.notes.head", lang),
        notes=tuple(ctx.notes.texts),
        period=period,
        plan_year=plan_year,
        made_on=today,
        issuer=issuer,
        properties={"title": title, "subject": vocab.text("doc.section.indicators", lang),
                    "category": _category(lang), "keywords": period.label(lang),
                    "author": issuer, "comments": vocab.text("doc.draft", lang, date=made),
                    "status": _status(lang, synthetic), "language": _language(lang)},
    )  # fmt: skip


# -- 一、总体情况 ----------------------------------------------------------------------------------


def _overall(ctx: Context) -> tuple[Block, ...]:
    import pandas as pd

    from muye_analysis.claims.closing import Latest, period_tally_claim

    frame = pd.DataFrame(ctx.rows)
    latest = Latest(period=ctx.period, table=frame)
    targets_note = ctx.notes.cite(report_note(ctx))
    pairs: list[tuple[str | None, tuple[int, ...]]] = [
        (ctx.say(period_tally_claim(latest)), targets_note)
    ]
    for row in ctx.rows_of("overall"):  # the district's size and growth first (GDP)
        pairs.append((ctx.say(_figure(ctx, row)), figure_note(ctx, row)))
    pairs.append((ctx.say(analysis.directions_claim(ctx.rows)), ()))
    pairs.append((ctx.say(analysis.status_lists_claim(ctx.rows)), ()))
    paragraph = make_paragraph(pairs)
    return (paragraph,) if paragraph else ()


def _figure(ctx: Context, row: dict[str, Any]) -> Claim:
    level = _level(ctx, row) if row["progress_kind"] == "growth" else None
    basis = _reg(ctx.registry, row["indicator"], "growth_basis")
    return analysis.figure_claim(row, level=level, price_basis=basis)


def _level(ctx: Context, row: dict[str, Any]) -> Amount | None:
    """A growth target's cumulative level of the period, when the table prints one."""
    found = store_row(ctx, row["indicator"], "level", row.get("figure_area"), row["period"])
    if found is None:
        return None
    from muye_analysis.display import decimals_of

    value = float(found["value"])
    return Amount(value, str(found["unit"]), max(decimals_of(value), 1))


# -- 二、主要指标完成情况 --------------------------------------------------------------------------


def _indicators(ctx: Context, table: pd.DataFrame, charts: bool) -> tuple[Block, ...]:
    blocks: list[Block] = [_progress_table(ctx, 1)]
    if charts:
        blocks += _pictures(ctx, table)
    numerals = vocab.text("doc.numerals", ctx.lang)
    k = 0
    for group in analysis.GROUPS[1:]:  # 总体 is said in 总体情况
        rows = ctx.rows_of(group)
        heading = ctx.say(analysis.heading_claim(rows))
        if heading is None:
            continue
        heading = heading.removesuffix(vocab.text("sentence_end", ctx.lang))
        blocks.append(Heading(vocab.text("doc.heading2", ctx.lang, numeral=_numeral(numerals, k),
                                         text=heading), 2))  # fmt: skip
        k += 1
        lead = analysis.lead_row(rows)  # the row the heading judges speaks first
        ordered = [lead, *(r for r in rows if r is not lead)]
        pairs = [(ctx.say(_figure(ctx, r)), figure_note(ctx, r))
                 for r in ordered if analysis.has_figure(r)]  # fmt: skip
        paragraph = make_paragraph(pairs)
        if paragraph:
            blocks.append(paragraph)
    return tuple(blocks)


def _progress_table(ctx: Context, number: int) -> Table:
    import pandas as pd

    from muye_analysis.claims.ytd import goal_of
    from muye_analysis.progress.rendering import status_text

    lang = ctx.lang
    names = ("indicator", "target", "value", "elapsed", "progress", "status")
    columns = [vocab.text(f"doc.col.{c}", lang) for c in names]
    records: list[list[str]] = []
    groups: list[int] = []
    for group in analysis.GROUPS:
        rows = ctx.rows_of(group)
        if not rows:
            continue
        groups.append(len(records))
        records.append([vocab.text(f"doc.group.{group}", lang)] + [""] * (len(columns) - 1))
        for row in rows:
            records.append([
                vocab.indicator_name(row["indicator"], lang, short=False),
                vocab.goal_text(goal_of(row), lang),
                _value_cell(row, lang),
                _pct_cell(row.get("elapsed_pct"), lang) if row["progress_kind"] == "cumulative"
                else MISSING,
                _progress_cell(row, lang),
                status_text(str(row["status"]), lang, kind=row["progress_kind"]),
            ])  # fmt: skip
    frame = pd.DataFrame(records, columns=columns)
    note = vocab.text("doc.table.note", lang)
    if ctx.synthetic:
        note += space(lang) + vocab.text("synthetic_stamp", lang)
    return Table(
        caption=vocab.text("doc.table.caption", lang, n=number, period=ctx.period),
        frame=frame,
        widths=(0.27, 0.19, 0.14, 0.11, 0.17, 0.12),
        note=note,
        group_rows=tuple(groups),
        name="progress",
    )


def _value_cell(row: dict[str, Any], lang: str) -> str:
    from muye_analysis.claims.progress import value_amount

    if not analysis.has_figure(row):
        return MISSING
    if row["progress_kind"] == "growth":
        return vocab.text("doc.cell.growth", lang, value=float(row["ytd_value"]))
    amount = value_amount(row)
    return vocab.amount(amount.value, amount.unit, lang, decimals=amount.decimals)


def _pct_cell(value: Any, lang: str) -> str:
    return MISSING if is_missing(value) else vocab.text("doc.cell.pct", lang, value=float(value))


def _progress_cell(row: dict[str, Any], lang: str) -> str:
    if not analysis.has_figure(row):
        return MISSING
    if row["progress_kind"] == "growth" and not is_missing(row.get("required_growth")):
        need = float(row["required_growth"])
        if need < 0:
            return vocab.text("doc.cell.can_fall", lang, value=-need)
        return vocab.text("doc.cell.need", lang, value=need)
    return _pct_cell(row.get("completion_pct"), lang)


def _pictures(ctx: Context, table: pd.DataFrame) -> list[Picture]:
    from muye_analysis.document import figures

    lang, period = ctx.lang, ctx.period
    source = figures.source_line(table, lang)
    shown = table[[analysis.has_figure(r) for r in table.to_dict("records")]]
    shown.attrs.update(table.attrs)  # the targets with a figure: a chart that can be read
    out = [Picture("progress", vocab.text("doc.figure.caption", lang, n=1,
                                          title=vocab.text("doc.figure.progress", lang,
                                                           period=period)),
                   lambda: figures.progress_figure(shown, lang), source)]  # fmt: skip
    growth = [r for r in ctx.rows if r["progress_kind"] == "growth" and analysis.has_figure(r)
              and not is_missing(r.get("required_growth"))]  # fmt: skip
    if growth:
        out.append(Picture("growth_needed", vocab.text(
            "doc.figure.caption", lang, n=2,
            title=vocab.text("doc.figure.growth", lang, period=period)),
            lambda: figures.growth_needed_figure(table, lang), source))  # fmt: skip
    return out


# -- 四、需关注的问题 / 五、下一步需关注 -----------------------------------------------------------


def _issues(ctx: Context, rank_claims: list[Claim]) -> tuple[Block, ...]:
    issues = analysis.issue_claims(ctx.rows, rank_claims)
    if not issues:
        none = ctx.say(analysis.no_issue_claim(ctx.rows, issues))
        return tuple(p for p in (make_paragraph([(none, ())]),) if p)
    return _items(ctx, issues)


def _next(ctx: Context) -> tuple[Block, ...]:
    return _items(ctx, analysis.next_claims(ctx.rows, plan_year=ctx.plan_year))


def _items(ctx: Context, claims: list[Claim]) -> tuple[Block, ...]:
    by_subject = {r["indicator"]: r for r in ctx.rows}
    out = []
    for claim in claims:
        sentence = ctx.say(claim)
        if sentence is None:
            continue
        row = by_subject.get(claim.subject) if claim.subject else None
        if claim.id == "doc.issue.rank_down":
            notes = ctx.rank_notes.get(claim.subject or "", ())
        elif row is not None and analysis.has_figure(row):
            notes = figure_note(ctx, row)
        else:
            notes = ()
        text = vocab.text("doc.item", ctx.lang, n=len(out) + 1, text=sentence)
        out.append(Paragraph((text,), (notes,), "item"))
    return tuple(out)


# -- 附注 ------------------------------------------------------------------------------------------


def _appendix(ctx: Context, ranks: bool) -> tuple[str, ...]:
    from muye_analysis.claims.progress import about_convention_claim
    from muye_analysis.progress import RULE_IDS, THRESHOLDS

    lang = ctx.lang
    rules = " ".join(vocab.text(f"progress.rule.{r}", lang, **THRESHOLDS) for r in RULE_IDS)
    items = [vocab.text("doc.appendix.prices", lang), vocab.text("doc.appendix.ytd", lang),
             vocab.say(about_convention_claim(), lang) or "",
             vocab.text("doc.appendix.rules", lang, rules=rules),
             vocab.text("doc.appendix.derived", lang)]  # fmt: skip
    if ranks:
        items += [vocab.text("cr_rule_frame", lang), vocab.text("cr_rule_ties", lang),
                  vocab.text("cr_rule_change", lang)]  # fmt: skip
    if ctx.synthetic:
        items.append(vocab.text("doc.synthetic", lang))
    return tuple(vocab.text("doc.item", lang, n=i + 1, text=t) for i, t in enumerate(items) if t)


# -- small helpers ---------------------------------------------------------------------------------


def _reg(registry: pd.DataFrame, indicator: str, column: str) -> Any:
    if indicator not in registry.index or column not in registry.columns:
        return None
    value = registry.loc[indicator, column]
    return None if is_missing(value) else value


def _numeral(numerals: str, i: int) -> str:
    return numerals[i] if i < len(numerals) else str(i + 1)


def _made_on(lang: str, today: date) -> str:
    from muye_analysis.briefing.assemble import made_on

    return made_on(lang, today)


def _category(lang: str) -> str:
    return vocab.text("doc.type", lang)


def _status(lang: str, synthetic: bool) -> str:
    return vocab.text("doc.status.synthetic" if synthetic else "doc.status", lang)


def _language(lang: str) -> str:
    return "zh-CN" if lang == "zh" else "en-GB"
