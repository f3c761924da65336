"""The 全市位次 sheet of the 进度监测 workbook (``muye progress --xlsx``).

When the store holds a city table of every unit (``quarterly.city_table``), the workbook gains a
second sheet: the district's 位次 table for the latest period (every indicator: figure, rank,
units ranked, change since the previous table, gap to the city and to the unit above), then
every unit's rank, and the ranking rules and sources. The words come from the vocabulary
(``charts.rank_words``); the numbers from ``league.city_ranks``. Rows of synthetic files are
kept and said to be synthetic, as on the progress sheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config, vocab
from muye_analysis.charts import rank_words

if TYPE_CHECKING:
    import pandas as pd

HEADER_FILL = "D9E1F2"  # the progress sheet's header fill
SHEET_POSITION = 1  # second, after 进度监测 and before 说明


def add_rank_sheet(
    path: str | Path,
    *,
    lang: str = "zh",
    store: pd.DataFrame | None = None,
    area: str = config.DISTRICT_ZH,
    as_of: object = None,
) -> bool:
    """Add the 全市位次 sheet to the workbook at ``path`` (written by
    ``progress.write_workbook``) as its second sheet, for the latest city table up to ``as_of``
    (the workbook's period); True when added, False when the store holds no such table (the
    workbook is then left as it was). Written atomically."""
    from openpyxl import load_workbook

    from muye_analysis import league
    from muye_analysis.atomic import save_workbook

    period = league.latest_city_period(store, as_of)
    if period is None:
        return False
    ranks = league.city_ranks(as_of=period, store=store)
    mine = league.district_ranks(ranks, area)
    if mine.empty:
        return False
    path = Path(path)
    wb = load_workbook(path)
    ws = wb.create_sheet(vocab.text("cr_sheet_name", lang), SHEET_POSITION)
    _fill(ws, mine, ranks, lang)
    save_workbook(wb, path)  # the one gate: atomic, every text cell made harmless
    return True


def _fill(ws, mine: pd.DataFrame, ranks: pd.DataFrame, lang: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from muye_analysis.display import is_missing
    from muye_analysis.outputs import workbook_cell

    thin = Side(style="thin", color="BFBFBF")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    period = ranks.attrs["as_of"].label(lang)
    widths: dict[int, float] = {}

    def put(values: list[object], *, header: bool = False, bold: bool = False) -> None:
        ws.append([workbook_cell(v) for v in values])
        for j, cell in enumerate(ws[ws.max_row], start=1):
            if header:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif bold:
                cell.font = Font(bold=True)
            if header or (values and cell.value is not None and len(values) > 1):
                cell.border = box
            widths[j] = max(widths.get(j, 0.0), _width(cell.value) if len(values) > 1 else 0)

    title = vocab.text("cr_table_title", lang, period=period)
    if bool(ranks["synthetic"].fillna(False).any()):
        title += vocab.text("cr_with_measure", lang, text=vocab.text("synthetic_stamp", lang))
    put([title])
    ws["A1"].font = Font(bold=True, size=14)
    table = rank_words.rank_table(mine, lang)
    put(list(table.columns), header=True)
    for row in table.itertuples(index=False):
        put(list(row))
    put([])
    put([vocab.text("cr_sheet_all_units", lang, period=period)], bold=True)
    columns = ["cr_col_indicator", "cr_col_unit", "cr_col_figure", "cr_col_rank", "cr_col_frame",
               "cr_col_published", "cr_col_city"]  # fmt: skip
    put([vocab.text(c, lang) for c in columns], header=True)
    from muye_analysis.dataset import HEADLINE

    order = {indicator: i for i, indicator in enumerate(HEADLINE)}
    ordered = ranks.assign(_o=ranks["indicator"].map(lambda i: order.get(i, len(order))))
    ordered = ordered.sort_values(["_o", "indicator", "measure", "rank"], kind="stable")
    for row in ordered.to_dict("records"):
        published = row["published_rank"]
        put([
            rank_words.indicator_label(row, lang),
            rank_words.area_name(row["area"], lang),
            rank_words.value_text(row, lang),
            rank_words.rank_text(row["rank"], bool(row["tied"]), lang),
            str(int(row["frame_size"])),
            "" if is_missing(published) else str(int(published)),
            rank_words.city_text(row, lang),
        ])  # fmt: skip
    put([])
    for note in [*rank_words.rule_notes(ranks, lang), rank_words.source_text(ranks, lang)]:
        put([note])
    for j, width in widths.items():
        ws.column_dimensions[ws.cell(row=2, column=j).column_letter].width = min(width + 2, 40)
    ws.freeze_panes = "B3"


def _width(value: object) -> float:
    """Column width in Excel units: CJK characters count double."""
    text = "" if value is None else str(value)
    return sum(2.0 if ord(ch) > 0x2E7F else 1.0 for ch in text)


__all__ = [
    "HEADER_FILL", "SHEET_POSITION", "add_rank_sheet",
]  # fmt: skip
