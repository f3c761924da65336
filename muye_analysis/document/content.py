"""What the 经济运行分析 says: its sections, paragraphs, tables and pictures, built from the data
and worded by the one renderer — no Word here (:mod:`muye_analysis.document.word` lays it out).

Every paragraph is a list of rendered claims (:mod:`muye_analysis.claims.analysis`,
:mod:`~muye_analysis.claims.progress`, :mod:`~muye_analysis.claims.closing`); every table a
DataFrame of display texts built from :func:`muye_analysis.progress.progress_table` and
:func:`muye_analysis.league.city_ranks` (or the district table's own 全市位次); every figure's
source goes to the numbered notes (注释), referenced from the sentence that uses it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from muye_analysis import vocab
from muye_analysis.claims import analysis
from muye_analysis.claims.base import Amount, Claim
from muye_analysis.display import MISSING, is_missing

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from muye_analysis.periods import Period


class NoYearToDateData(ValueError):
    """The store holds no figure of the plan year up to the period asked for: there is no
    period to analyse (the report's own year is the plan report, not an analysis)."""


# -- the document's parts ---------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    """Body text: rendered sentences, each with the numbers of the notes citing its sources.
    ``kind``: ``body`` (indented first line) or ``item`` (a numbered point, 1．…)."""

    sentences: tuple[str, ...]
    notes: tuple[tuple[int, ...], ...] = ()
    kind: str = "body"

    @property
    def text(self) -> str:
        return "".join(self.sentences) if _cjk(self.sentences) else " ".join(self.sentences)


@dataclass(frozen=True)
class Heading:
    """A heading: ``level`` 1 (一、 黑体) or 2 (（一） 楷体); ``text`` with its numeral."""

    text: str
    level: int


@dataclass(frozen=True)
class Table:
    """A table of display texts (``frame``: the header is its columns), its caption above and
    its note below; ``widths`` are the columns' shares of the text width; ``group_rows`` the
    indices of rows that name a group (spanning every column)."""

    caption: str
    frame: pd.DataFrame
    widths: tuple[float, ...]
    note: str = ""
    group_rows: tuple[int, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Picture:
    """A chart drawn when the document is written (``draw`` returns a matplotlib Figure),
    with its caption and source line under it."""

    name: str
    caption: str
    draw: Callable[[], Figure]
    source: str = ""


Block = Paragraph | Heading | Table | Picture


@dataclass(frozen=True)
class Section:
    """One numbered part (一、总体情况 …): its heading and what follows."""

    key: str
    heading: Heading
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class AnalysisDocument:
    """The whole document: the front matter, the numbered sections, the fixed 附注 and the
    numbered notes (注释) with every figure's source."""

    lang: str
    title: str
    as_of_line: str
    issuer_line: str
    date_line: str
    draft_line: str
    synthetic_line: str | None
    sections: tuple[Section, ...]
    appendix_head: str
    appendix: tuple[str, ...]
    notes_head: str
    notes: tuple[str, ...]
    period: Period
    plan_year: int
    made_on: date
    issuer: str
    properties: dict[str, str] = field(default_factory=dict)

    @property
    def synthetic(self) -> bool:
        return self.synthetic_line is not None

    def headings(self) -> list[str]:
        """Every heading in order (一、… and （一）…)."""
        out = []
        for section in self.sections:
            out.append(section.heading.text)
            out += [b.text for b in section.blocks if isinstance(b, Heading)]
        return out

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def pictures(self) -> list[Picture]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Picture)]

    def paragraphs(self) -> list[Paragraph]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Paragraph)]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def text(self) -> str:
        """Every word of the document, in order (for tests and the language check)."""
        parts = [self.title, self.as_of_line, self.issuer_line, self.date_line, self.draft_line]
        parts += [self.synthetic_line] if self.synthetic_line else []
        for section in self.sections:
            parts.append(section.heading.text)
            for block in section.blocks:
                if isinstance(block, Table):
                    parts += [block.caption, *map(str, block.frame.columns)]
                    parts += [str(v) for v in block.frame.to_numpy().ravel()]
                    parts.append(block.note)
                elif isinstance(block, Picture):
                    parts += [block.caption, block.source]
                else:
                    parts.append(block.text)
        return "\n".join([*parts, self.appendix_head, *self.appendix, self.notes_head,
                          *self.notes])  # fmt: skip


# -- notes ------------------------------------------------------------------------------------


class _Notes:
    """The numbered notes: one per distinct source text, numbered in order of first use."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def cite(self, text: str | None) -> tuple[int, ...]:
        if not text:
            return ()
        if text not in self.texts:
            self.texts.append(text)
        return (self.texts.index(text) + 1,)


# -- the builder ------------------------------------------------------------------------------


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
    ctx = _Context(lang, period, plan_year, rows, store, registry, report, _Notes(), synthetic)
    issuer = issuer or vocab.text("doc.issuer.default", lang)

    sections = [("overall", _overall(ctx)), ("indicators", _indicators(ctx, table, charts))]
    ranks = _ranks(ctx)  # after the indicators: the notes are numbered in order of first use
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


@dataclass
class _Context:
    lang: str
    period: Period
    plan_year: int
    rows: list[dict[str, Any]]
    store: pd.DataFrame
    registry: pd.DataFrame
    report: Any
    notes: _Notes
    synthetic: bool
    rank_notes: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def say(self, claim: Claim) -> str | None:
        sentence = vocab.say(claim, self.lang)
        return None if sentence is None else _end(sentence, self.lang)

    def rows_of(self, group: str) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["group"] == group]


def _paragraph(pairs: Sequence[tuple[str | None, tuple[int, ...]]], kind: str = "body"):
    said = [(s, n) for s, n in pairs if s]
    if not said:
        return None
    return Paragraph(tuple(s for s, _ in said), tuple(n for _, n in said), kind)


# -- 一、总体情况 --------------------------------------------------------------------------------


def _overall(ctx: _Context) -> tuple[Block, ...]:
    import pandas as pd

    from muye_analysis.claims.closing import Latest, period_tally_claim

    frame = pd.DataFrame(ctx.rows)
    latest = Latest(period=ctx.period, table=frame)
    targets_note = ctx.notes.cite(_report_note(ctx))
    pairs: list[tuple[str | None, tuple[int, ...]]] = [
        (ctx.say(period_tally_claim(latest)), targets_note)
    ]
    for row in ctx.rows_of("overall"):  # the district's size and growth first (GDP)
        pairs.append((ctx.say(_figure(ctx, row)), _figure_note(ctx, row)))
    pairs.append((ctx.say(analysis.directions_claim(ctx.rows)), ()))
    pairs.append((ctx.say(analysis.status_lists_claim(ctx.rows)), ()))
    paragraph = _paragraph(pairs)
    return (paragraph,) if paragraph else ()


def _figure(ctx: _Context, row: dict[str, Any]) -> Claim:
    level = _level(ctx, row) if row["progress_kind"] == "growth" else None
    basis = _reg(ctx.registry, row["indicator"], "growth_basis")
    return analysis.figure_claim(row, level=level, price_basis=basis)


def _level(ctx: _Context, row: dict[str, Any]) -> Amount | None:
    """A growth target's cumulative level of the period, when the table prints one."""
    found = _store_row(ctx, row["indicator"], "level", row.get("figure_area"), row["period"])
    if found is None:
        return None
    from muye_analysis.display import decimals_of

    value = float(found["value"])
    return Amount(value, str(found["unit"]), max(decimals_of(value), 1))


def _store_row(ctx: _Context, indicator: str, measure: str, area: Any, period: Any):
    from muye_analysis.quarterly import DEFAULT_AREA, district_rows

    if period is None:
        return None
    area = DEFAULT_AREA if is_missing(area) else str(area)
    rows = district_rows(ctx.store, area)
    rows = rows[(rows["indicator"] == indicator) & (rows["measure"] == measure)
                & (rows["year"].astype(int) == period.year)
                & (rows["end_month"].astype(int) == period.end_month)
                & (rows["start_month"].fillna(1).astype(int) == 1)]  # fmt: skip
    return None if rows.empty else rows.iloc[0]


# -- 二、主要指标完成情况 --------------------------------------------------------------------------


def _indicators(ctx: _Context, table: pd.DataFrame, charts: bool) -> tuple[Block, ...]:
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
        pairs = [(ctx.say(_figure(ctx, r)), _figure_note(ctx, r))
                 for r in ordered if analysis.has_figure(r)]  # fmt: skip
        paragraph = _paragraph(pairs)
        if paragraph:
            blocks.append(paragraph)
    return tuple(blocks)


def _progress_table(ctx: _Context, number: int) -> Table:
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
        note += _space(lang) + vocab.text("synthetic_stamp", lang)
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


def _pictures(ctx: _Context, table: pd.DataFrame) -> list[Picture]:
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


# -- 三、位次 ------------------------------------------------------------------------------------


def _ranks(ctx: _Context) -> tuple[tuple[Block, ...], list[Claim]] | None:
    """The district's ranks: from the city's table of every unit at or before the period, else
    the 全市位次 printed in the district's own table; None when the store has neither."""
    from muye_analysis import league

    city_period = league.latest_city_period(ctx.store, ctx.period)
    if city_period is not None:
        ranks = league.city_ranks(as_of=city_period, store=ctx.store)
        mine = league.district_ranks(ranks)
        if len(mine):
            return _city_ranks(ctx, ranks, mine, city_period)
    published = league.published_ranks(ctx.store, ctx.period)
    if published.empty:
        return None
    return _published_ranks(ctx, published)


def _city_ranks(ctx, ranks, mine, city_period) -> tuple[tuple[Block, ...], list[Claim]]:
    from muye_analysis.charts import rank_words
    from muye_analysis.periods import parse_period

    lang = ctx.lang
    files = sorted({str(f) for f in ranks["file"].dropna()})
    note = ctx.notes.cite(vocab.text("doc.note.ranks_city", lang, period=city_period,
                                     files=vocab.join_names(files, lang)))  # fmt: skip
    claims = []
    for row in mine.to_dict("records"):
        previous = None if is_missing(row["previous_period"]) else parse_period(
            str(row["previous_period"]))  # fmt: skip
        claims.append(analysis.rank_claim(row, city_period, previous))
        ctx.rank_notes[str(row["indicator"])] = note
    intro = Claim("doc.ranks_intro", True, {"period": city_period}, variant="city")
    pairs = [(ctx.say(intro), note)] + [(ctx.say(c), note) for c in claims]
    frame = rank_words.rank_table(mine, lang, frame_column=True)
    table_note = vocab.text("cr_slide_frame", lang, text=rank_words.frames_text(mine, lang))
    if bool(ranks["synthetic"].fillna(False).any()):
        table_note += _space(lang) + vocab.text("synthetic_stamp", lang)
    n = len(frame.columns)
    table = Table(vocab.text("doc.table.ranks_caption", lang, n=2, period=city_period),
                  frame, tuple([0.28] + [0.72 / (n - 1)] * (n - 1)), table_note,
                  name="ranks")  # fmt: skip
    blocks = [p for p in (_paragraph(pairs),) if p] + [table]
    return tuple(blocks), claims


def _published_ranks(ctx, published) -> tuple[tuple[Block, ...], list[Claim]]:
    import pandas as pd

    lang = ctx.lang
    period = published.attrs["as_of"]
    claims, pairs, records = [], [], []
    for row in published.to_dict("records"):
        claim = analysis.published_rank_claim(str(row["indicator"]), int(row["rank"]),
                                              row["period"], row["previous_rank"],
                                              row["previous_period"])  # fmt: skip
        claims.append(claim)
        cell = _cell_text(lang, row["file"], row["sheet"], row["row"], row["column"])
        note = ctx.notes.cite(vocab.text("doc.note.ranks_published", lang,
                                         name=vocab.indicator_name(row["indicator"], lang),
                                         period=row["period"], cell=cell))  # fmt: skip
        pairs.append((ctx.say(claim), note))
        ctx.rank_notes[str(row["indicator"])] = note
        change = row["rank_change"]
        records.append([
            vocab.indicator_name(row["indicator"], lang, short=False),
            vocab.text("doc.rank_plain", lang, rank=int(row["rank"])),
            MISSING if row["previous_rank"] is None
            else vocab.text("doc.rank_plain", lang, rank=int(row["previous_rank"])),
            MISSING if change is None else vocab.render(
                analysis.rank_change_phrase(change, row["previous_period"]), lang),
        ])  # fmt: skip
    intro = Claim("doc.ranks_intro", True, {"period": period}, variant="published")
    columns = [vocab.text(f"doc.col.{c}", lang)
               for c in ("indicator", "rank", "rank_previous", "rank_change")]  # fmt: skip
    note = vocab.text("synthetic_stamp", lang) if bool(published["synthetic"].any()) else ""
    table = Table(vocab.text("doc.table.ranks_caption", lang, n=2, period=period),
                  pd.DataFrame(records, columns=columns), (0.34, 0.18, 0.18, 0.30), note,
                  name="ranks")  # fmt: skip
    blocks = [p for p in (_paragraph([(ctx.say(intro), ()), *pairs]),) if p] + [table]
    return tuple(blocks), claims


# -- 四、需关注的问题 / 五、下一步需关注 ------------------------------------------------------


def _issues(ctx: _Context, rank_claims: list[Claim]) -> tuple[Block, ...]:
    issues = analysis.issue_claims(ctx.rows, rank_claims)
    if not issues:
        none = ctx.say(analysis.no_issue_claim(ctx.rows, issues))
        return tuple(p for p in (_paragraph([(none, ())]),) if p)
    return _items(ctx, issues)


def _next(ctx: _Context) -> tuple[Block, ...]:
    return _items(ctx, analysis.next_claims(ctx.rows, plan_year=ctx.plan_year))


def _items(ctx: _Context, claims: list[Claim]) -> tuple[Block, ...]:
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
            notes = _figure_note(ctx, row)
        else:
            notes = ()
        text = vocab.text("doc.item", ctx.lang, n=len(out) + 1, text=sentence)
        out.append(Paragraph((text,), (notes,), "item"))
    return tuple(out)


# -- 附注 and 注释 --------------------------------------------------------------------------------


def _appendix(ctx: _Context, ranks: bool) -> tuple[str, ...]:
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


def _figure_note(ctx: _Context, row: dict[str, Any] | None) -> tuple[int, ...]:
    """The note citing a row's figure: its file, sheet, row and column (and the previous
    period's, which the change rests on), the formula of a derived growth, the weights of the
    growth needed, and the target as the report prints it."""
    if row is None or not analysis.has_figure(row):
        return ()
    lang = ctx.lang
    cell = _cell_text(lang, row.get("file"), row.get("sheet"), row.get("source_row"),
                      row.get("source_column"))  # fmt: skip
    extra = ""
    stated = row.get("source")
    if not is_missing(stated) and _fits(str(stated), lang):
        extra += vocab.text("doc.note.stated", lang, source=stated)
    if row["progress_kind"] == "growth":
        level = _store_row(ctx, row["indicator"], "level", row.get("figure_area"), row["period"])
        same = level is not None and (level["file"], level["row"], level["column"]) == (
            row.get("file"),
            row.get("source_row"),
            row.get("source_column"),
        )
        if level is not None and not same:  # a derived growth cites its level's cell already
            extra += vocab.text(
                "doc.note.level",
                lang,
                cell=_cell_text(lang, level["file"], level["sheet"], level["row"], level["column"]),
            )
    previous = row.get("previous_period")
    if not is_missing(previous):
        measure = "growth" if row["progress_kind"] in ("growth", "cumulative") else "level"
        found = _store_row(ctx, row["indicator"], measure, row.get("figure_area"), previous)
        if found is not None:
            extra += vocab.text("doc.note.previous", lang, period=previous,
                                cell=_cell_text(lang, found["file"], found["sheet"],
                                                found["row"], found["column"]))  # fmt: skip
    derived = row.get("derived")
    if not is_missing(derived) and derived:
        formula = str(derived) if _fits(str(derived), lang) else ""
        extra += vocab.text("doc.note.derived", lang, formula=formula)
    weights = row.get("weights_source")
    if not is_missing(weights):
        extra += vocab.text("doc.note.weights", lang,
                            weights=vocab.weights_text(str(weights), lang))  # fmt: skip
    quote = row.get("quote")
    quoted = vocab.text("doc.note.quote", lang, quote=quote) if not is_missing(quote) and _fits(
        str(quote), lang) else ""  # fmt: skip
    if quoted:
        extra += vocab.text("doc.note.target", lang, quote=quoted)
    text = vocab.text("doc.note.figure", lang,
                      name=vocab.indicator_name(row["indicator"], lang, short=False),
                      period=row["period"], cell=cell, extra=extra)  # fmt: skip
    return ctx.notes.cite(text)


def _report_note(ctx: _Context) -> str:
    """Where the targets come from: the report (its title, who presented it and when)."""
    from muye_analysis.provenance import read_sidecar

    lang = ctx.lang
    meta = read_sidecar(ctx.report.path)
    title = ctx.report.title_zh if lang == "zh" else ctx.report.title_en
    issuer = str(meta.get(f"issuing_body_{lang}") or "")
    return vocab.text("doc.note.report", lang, title=title, issuer=issuer,
                      file=ctx.report.path.name)  # fmt: skip


def _cell_text(lang: str, file: Any, sheet: Any, row: Any, column: Any) -> str:
    """file[sheet] 第N行“column”列 (English: the column only when it has no Chinese)."""
    if is_missing(file):
        return MISSING
    sheet_text = "" if is_missing(sheet) else f"[{sheet}]"
    column_text = ""
    if not is_missing(column) and _fits(str(column), lang):
        column_text = vocab.text("doc.note.column", lang, column=column)
    return vocab.text("doc.note.cell", lang, file=file, sheet=sheet_text,
                      row=MISSING if is_missing(row) else int(row), column=column_text)  # fmt: skip


# -- small helpers ----------------------------------------------------------------------------


def _fits(text: str, lang: str) -> bool:
    """Whether data text (a table title, a column header, a quote) may be shown in ``lang``:
    always in Chinese; in English only when it has no Chinese in it."""
    return lang == "zh" or not vocab.has_cjk(text)


def _reg(registry: pd.DataFrame, indicator: str, column: str) -> Any:
    if indicator not in registry.index or column not in registry.columns:
        return None
    value = registry.loc[indicator, column]
    return None if is_missing(value) else value


def _numeral(numerals: str, i: int) -> str:
    return numerals[i] if i < len(numerals) else str(i + 1)


def _end(sentence: str, lang: str) -> str:
    stop = vocab.text("sentence_end", lang)
    return sentence if sentence.endswith(stop) else sentence + stop


def _space(lang: str) -> str:
    return "" if lang == "zh" else " "


def _cjk(sentences: Sequence[str]) -> bool:
    return any(vocab.has_cjk(s[-1:]) for s in sentences if s)


def _made_on(lang: str, today: date) -> str:
    from muye_analysis.briefing.assemble import made_on

    return made_on(lang, today)


def _category(lang: str) -> str:
    return vocab.text("doc.type", lang)


def _status(lang: str, synthetic: bool) -> str:
    return vocab.text("doc.status.synthetic" if synthetic else "doc.status", lang)


def _language(lang: str) -> str:
    return "zh-CN" if lang == "zh" else "en-GB"
