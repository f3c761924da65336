"""The progress workbook the office sends upward (Excel and WPS)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.display import fixed, is_missing, round_half_up
from muye_analysis.progress.rendering import (
    PERCENT_COLUMNS,
    display_table,
    header,
    heading,
    value_decimals,
)
from muye_analysis.progress.rules import (
    AT_RISK_LAG_PP,
    AT_RISK_LEVEL_SHARE,
    AT_RISK_RATE_PP,
    EFFORT_HARD_PP,
    EFFORT_REFERENCE_SHARE,
    EFFORT_SMALL_PP,
    PRIOR_PACE_LEVEL_PP,
    RULE_IDS,
    THRESHOLDS,
)

if TYPE_CHECKING:
    import pandas as pd

# -- the workbook the office sends upward -------------------------------------------------------

STATUS_FILL = {  # Excel's own good / neutral / bad fills, which WPS shows the same way
    "on_track": "C6EFCE",
    "at_risk": "FFEB9C",
    "off_track": "FFC7CE",
    "no_data": "E7E6E6",
}


def _safe(value: object) -> object:
    """Text that a spreadsheet would read as a formula is kept as text, and control characters
    a workbook cannot hold are escaped (outputs.workbook_cell)."""
    from muye_analysis.outputs import workbook_cell

    return workbook_cell(value)


def _text_width(text: object) -> float:
    """Column width in Excel units: CJK characters count double."""
    s = "" if text is None else str(text)
    return sum(2.0 if ord(ch) > 0x2E7F else 1.0 for ch in s)


def write_workbook(table: pd.DataFrame, path, *, lang: str = "zh"):
    """Write the table as a formatted .xlsx for Excel and WPS; return the path.

    Sheet 1 (进度监测 / Progress): a title row with the district, year and period, a frozen
    header in ``lang``, numbers at the data's precision (counts whole, levels as printed,
    percentages to one decimal), the status cell filled green / amber / red / grey, widths that
    fit. Sheet 2 (说明 / Notes): the status rules with their thresholds, the 左右 convention,
    how 序时进度 and the weights are computed, and the sources (the plan report and the store's
    files). Written
    atomically: an error leaves any earlier file as it was.
    """

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from muye_analysis.atomic import save_workbook

    shown = display_table(table, lang)
    headers = list(shown.columns)
    wb = Workbook()
    ws = wb.active
    ws.title = vocab.text("progress.sheet", lang)
    ws.append([heading(table, lang, key="progress.workbook_title")])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(headers)
    thin = Side(style="thin", color="BFBFBF")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    names = {
        c: header(c, lang)
        for c in ("ytd_value", *PERCENT_COLUMNS, "status_text", "reason", "source")
    }
    percent = {names[c] for c in PERCENT_COLUMNS}
    col_of = {h: j + 1 for j, h in enumerate(headers)}
    widths = {h: _text_width(h) for h in headers}
    for r, (row_shown, row) in enumerate(
        zip(shown.itertuples(index=False), table.to_dict("records"), strict=True), start=3
    ):
        for h, value in zip(headers, row_shown, strict=True):
            cell = ws.cell(row=r, column=col_of[h])
            cell.value = (
                None
                if is_missing(value)
                else _safe(float(value) if isinstance(value, (int, float)) else value)
            )
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            cell.alignment = Alignment(vertical="center")
            shown_text = value
            if h == names["ytd_value"] and not is_missing(value):
                decimals = value_decimals(row)
                cell.number_format = "0" if decimals == 0 else "0." + "0" * decimals
                cell.value = round_half_up(float(value), decimals)  # 8.4, not 8.399999999999999
                shown_text = fixed(float(value), decimals)
            elif h in percent:
                cell.number_format = "0.0"
                cell.value = None if is_missing(value) else round_half_up(float(value), 1)
                shown_text = "" if is_missing(value) else fixed(float(value), 1)
            elif h == names["status_text"]:
                cell.fill = PatternFill("solid", fgColor=STATUS_FILL[row["status"]])
                cell.alignment = Alignment(horizontal="center", vertical="center")
            widths[h] = max(widths[h], _text_width(shown_text))
    lines = dict.fromkeys(range(3, ws.max_row + 1), 1)  # text lines of each data row
    for h, j in col_of.items():
        cap = 60 if h in (names["reason"], names["source"]) else 40
        width = min(widths[h] + 2, cap)
        ws.column_dimensions[get_column_letter(j)].width = width
        if widths[h] + 2 > cap:
            for row in ws.iter_rows(min_row=3, min_col=j, max_col=j):
                row[0].alignment = Alignment(vertical="center", wrap_text=True)
                needed = math.ceil(_text_width(row[0].value) / (width - 1))
                lines[row[0].row] = max(lines[row[0].row], needed)
    for r, n in lines.items():  # wrapped text gets the height it needs (LibreOffice, WPS)
        if n > 1:
            ws.row_dimensions[r].height = 15 * n
    ws.freeze_panes = "B3"  # header rows and the indicator column stay in view
    _print_setup(ws)
    ws.print_title_rows = "1:2"  # the header on every printed page
    ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{ws.max_row}"
    _notes_sheet(wb, table, lang)
    wb.properties.creator = "muye-analysis"
    from muye_analysis.outputs import check_output_path

    path = check_output_path(path, example="build/progress.xlsx")  # never over data/ inputs
    return save_workbook(wb, path)  # every cell through the neutraliser, written atomically


def _notes_sheet(wb, table: pd.DataFrame, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    from muye_analysis.claims.progress import about_convention_claim
    from muye_analysis.reports import find_report
    from muye_analysis.targets import ABOUT_TOLERANCE_PP, ABOUT_TOLERANCE_REL

    t = lambda key, **fields: vocab.text(f"progress.notes.{key}", lang, **fields)  # noqa: E731
    ws = wb.create_sheet(vocab.text("progress.sheet_notes", lang))
    lines: list[tuple[str, str]] = [(t("rules"), "")]
    lines += [(vocab.text(f"progress.rule_id.{r}", lang),
               vocab.text(f"progress.rule.{r}", lang, **THRESHOLDS)) for r in RULE_IDS]  # fmt: skip
    lines += [("", ""), (t("parameters"), "")]
    params = [
        ("EFFORT_SMALL_PP", EFFORT_SMALL_PP),
        ("EFFORT_HARD_PP", EFFORT_HARD_PP),
        ("EFFORT_REFERENCE_SHARE", EFFORT_REFERENCE_SHARE),
        ("AT_RISK_LAG_PP", AT_RISK_LAG_PP),
        ("PRIOR_PACE_LEVEL_PP", PRIOR_PACE_LEVEL_PP),
        ("AT_RISK_RATE_PP", AT_RISK_RATE_PP),
        ("AT_RISK_LEVEL_SHARE", AT_RISK_LEVEL_SHARE),
        ("ABOUT_TOLERANCE_PP", ABOUT_TOLERANCE_PP),
        ("ABOUT_TOLERANCE_REL", ABOUT_TOLERANCE_REL),
    ]
    lines += [(vocab.text(f"progress.param.{name}", lang), f"{value:g}") for name, value in params]
    lines += [("", ""), (t("targets_and_time"), vocab.text("progress.general_note", lang))]
    lines += [(t("about"), vocab.say(about_convention_claim(), lang))]
    lines += [(t("colours"), t("colours_text")), ("", ""), (t("sources"), "")]
    document = table.attrs.get("report")
    if document:
        report = find_report(document)
        lines.append((t("targets"), report.title_zh if lang == "zh" else report.title_en))
    lines += [(t("data_file"), name) for name in sorted(set(table["file"].dropna()))]
    if bool(table["synthetic"].fillna(False).any()):
        lines.append((t("caution"), vocab.text("progress.synthetic_note", lang)))
    lines += [("", ""), (t("quotes"), "")]
    for row in table.to_dict("records"):
        quote = "" if is_missing(row["quote"]) else str(row["quote"])
        lines.append((vocab.indicator_name(row["indicator"], lang, short=False), _safe(quote)))
    for a, b in lines:
        ws.append([_safe(a), _safe(b)])  # b holds file names and quotes: never a formula
        if a and not b:
            ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 110
    for row in ws.iter_rows(min_col=1, max_col=2):
        row[0].alignment = Alignment(vertical="top")
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
        lines = math.ceil(_text_width(row[1].value) / 108)
        if lines > 1:  # the height wrapped text needs (LibreOffice and WPS do not grow rows)
            ws.row_dimensions[row[1].row].height = 15 * lines
    _print_setup(ws)


def _print_setup(ws) -> None:
    """Printed (or exported to PDF) on A4 landscape, one page wide."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
