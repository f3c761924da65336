"""What every section of the analysis shares while it is built (``Context``: the language,
period, rows of the progress table, store, registry and report), the numbered notes (注释,
``Notes``) each figure's source goes to, and how a source is cited: a figure's file, sheet, row
and column, the report a target comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from muye_analysis import vocab
from muye_analysis.claims import analysis
from muye_analysis.claims.base import Claim
from muye_analysis.display import MISSING, is_missing
from muye_analysis.document.parts import Paragraph

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.periods import Period


class Notes:
    """The numbered notes: one per distinct source text, numbered in order of first use."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def cite(self, text: str | None) -> tuple[int, ...]:
        if not text:
            return ()
        if text not in self.texts:
            self.texts.append(text)
        return (self.texts.index(text) + 1,)


@dataclass
class Context:
    """What every section reads (the language, period, plan year, the progress table's rows with
    their group, the store, registry and report) and writes (the notes, and the note of each
    indicator's rank for the issues that cite it)."""

    lang: str
    period: Period
    plan_year: int
    rows: list[dict[str, Any]]
    store: pd.DataFrame
    registry: pd.DataFrame
    report: Any
    notes: Notes
    synthetic: bool
    rank_notes: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def say(self, claim: Claim) -> str | None:
        sentence = vocab.say(claim, self.lang)
        return None if sentence is None else _end(sentence, self.lang)

    def rows_of(self, group: str) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["group"] == group]


def make_paragraph(pairs: Sequence[tuple[str | None, tuple[int, ...]]], kind: str = "body"):
    """A paragraph of the sentences said (None: a claim whose condition does not hold) with
    their notes; None when nothing is said."""
    said = [(s, n) for s, n in pairs if s]
    if not said:
        return None
    return Paragraph(tuple(s for s, _ in said), tuple(n for _, n in said), kind)


def store_row(ctx: Context, indicator: str, measure: str, area: Any, period: Any):
    """The store's year-to-date row of ``indicator`` x ``measure`` for ``area`` at ``period``,
    or None."""
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


def figure_note(ctx: Context, row: dict[str, Any] | None) -> tuple[int, ...]:
    """The note citing a row's figure: its file, sheet, row and column (and the previous
    period's, which the change rests on), the formula of a derived growth, the weights of the
    growth needed, and the target as the report prints it."""
    if row is None or not analysis.has_figure(row):
        return ()
    lang = ctx.lang
    cell = cell_text(lang, row.get("file"), row.get("sheet"), row.get("source_row"),
                      row.get("source_column"))  # fmt: skip
    extra = ""
    stated = row.get("source")
    if not is_missing(stated) and fits(str(stated), lang):
        extra += vocab.text("doc.note.stated", lang, source=stated)
    if row["progress_kind"] == "growth":
        level = store_row(ctx, row["indicator"], "level", row.get("figure_area"), row["period"])
        same = level is not None and (level["file"], level["row"], level["column"]) == (
            row.get("file"),
            row.get("source_row"),
            row.get("source_column"),
        )
        if level is not None and not same:  # a derived growth cites its level's cell already
            extra += vocab.text(
                "doc.note.level",
                lang,
                cell=cell_text(lang, level["file"], level["sheet"], level["row"], level["column"]),
            )
    previous = row.get("previous_period")
    if not is_missing(previous):
        measure = "growth" if row["progress_kind"] in ("growth", "cumulative") else "level"
        found = store_row(ctx, row["indicator"], measure, row.get("figure_area"), previous)
        if found is not None:
            extra += vocab.text("doc.note.previous", lang, period=previous,
                                cell=cell_text(lang, found["file"], found["sheet"],
                                                found["row"], found["column"]))  # fmt: skip
    derived = row.get("derived")
    if not is_missing(derived) and derived:
        formula = str(derived) if fits(str(derived), lang) else ""
        extra += vocab.text("doc.note.derived", lang, formula=formula)
    weights = row.get("weights_source")
    if not is_missing(weights):
        extra += vocab.text("doc.note.weights", lang,
                            weights=vocab.weights_text(str(weights), lang))  # fmt: skip
    quote = row.get("quote")
    quoted = vocab.text("doc.note.quote", lang, quote=quote) if not is_missing(quote) and fits(
        str(quote), lang) else ""  # fmt: skip
    if quoted:
        extra += vocab.text("doc.note.target", lang, quote=quoted)
    text = vocab.text("doc.note.figure", lang,
                      name=vocab.indicator_name(row["indicator"], lang, short=False),
                      period=row["period"], cell=cell, extra=extra)  # fmt: skip
    return ctx.notes.cite(text)


def report_note(ctx: Context) -> str:
    """Where the targets come from: the report (its title, who presented it and when)."""
    from muye_analysis.provenance import read_sidecar

    lang = ctx.lang
    meta = read_sidecar(ctx.report.path)
    title = ctx.report.title_zh if lang == "zh" else ctx.report.title_en
    issuer = str(meta.get(f"issuing_body_{lang}") or "")
    return vocab.text("doc.note.report", lang, title=title, issuer=issuer,
                      file=ctx.report.path.name)  # fmt: skip


def cell_text(lang: str, file: Any, sheet: Any, row: Any, column: Any) -> str:
    """file[sheet] 第N行“column”列 (English: the column only when it has no Chinese)."""
    if is_missing(file):
        return MISSING
    sheet_text = "" if is_missing(sheet) else f"[{sheet}]"
    column_text = ""
    if not is_missing(column) and fits(str(column), lang):
        column_text = vocab.text("doc.note.column", lang, column=column)
    return vocab.text("doc.note.cell", lang, file=file, sheet=sheet_text,
                      row=MISSING if is_missing(row) else int(row), column=column_text)  # fmt: skip


def fits(text: str, lang: str) -> bool:
    """Whether data text (a table title, a column header, a quote) may be shown in ``lang``:
    always in Chinese; in English only when it has no Chinese in it."""
    return lang == "zh" or not vocab.has_cjk(text)


def _end(sentence: str, lang: str) -> str:
    stop = vocab.text("sentence_end", lang)
    return sentence if sentence.endswith(stop) else sentence + stop


def space(lang: str) -> str:
    return "" if lang == "zh" else " "
