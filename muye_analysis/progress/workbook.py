"""The 进度监测 workbook the office sends upward (Excel and WPS)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.progress.rendering import DISPLAY_COLUMNS, display_table
from muye_analysis.progress.rules import (
    AT_RISK_ACCELERATION_PP,
    AT_RISK_LAG_PP,
    AT_RISK_LEVEL_SHARE,
    AT_RISK_RATE_PP,
    GENERAL_NOTE,
    GROWTH,
    RULES,
    STATUS_TEXT,
    SYNTHETIC_NOTE,
)
from muye_analysis.progress.table import _missing, decimals_of

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
    """Text that a spreadsheet would read as a formula is kept as text (outputs.neutralise)."""
    from muye_analysis.outputs import neutralise

    return neutralise(value)


def _text_width(text: object) -> float:
    """Column width in Excel units: CJK characters count double."""
    s = "" if text is None else str(text)
    return sum(2.0 if ord(ch) > 0x2E7F else 1.0 for ch in s)


def write_workbook(table: pd.DataFrame, path, *, lang: str = "zh"):
    """Write the table as a formatted .xlsx for Excel and WPS; return the path.

    Sheet 1 (进度监测 / Progress): a title row with the district, year and period, a frozen
    header in ``lang``, numbers at the data's precision (counts whole, levels as printed,
    percentages to one decimal), the status cell filled green / amber / red / grey, widths that
    fit. Sheet 2 (说明 / Notes): the status rules with their thresholds, the 左右 band, how
    序时进度 is computed, and the sources (the plan report and the store's files). Written
    atomically: an error leaves any earlier file as it was.
    """

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from muye_analysis.atomic import atomic_path

    zh = lang == "zh"
    i = 0 if zh else 1
    shown = display_table(table, lang)
    headers = list(shown.columns)
    wb = Workbook()
    ws = wb.active
    ws.title = "进度监测" if zh else "Progress"
    as_of, year = table.attrs.get("as_of"), table.attrs.get("plan_year")
    if zh:
        title = f"{config.DISTRICT_ZH}{year}年主要目标进度监测表" + (
            f"（截至{as_of.label('zh')}）" if as_of else "（暂无本年数据）"
        )
    else:
        title = f"{config.DISTRICT_EN}: progress on the {year} targets" + (
            f" (as of {as_of.label('en')})" if as_of else " (no figures for the year yet)"
        )
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(headers)
    thin = Side(style="thin", color="BFBFBF")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    names = {k: v[i] for k, v in DISPLAY_COLUMNS.items()}
    col_of = {h: j + 1 for j, h in enumerate(headers)}
    widths = {h: _text_width(h) for h in headers}
    for r, (row_shown, row) in enumerate(
        zip(shown.itertuples(index=False), table.to_dict("records"), strict=True), start=3
    ):
        for h, value in zip(headers, row_shown, strict=True):
            cell = ws.cell(row=r, column=col_of[h])
            cell.value = (
                None
                if _missing(value)
                else _safe(float(value) if isinstance(value, (int, float)) else value)
            )
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            cell.alignment = Alignment(vertical="center")
            shown_text = value
            if h == names["ytd_value"] and not _missing(value):
                if row["progress_kind"] == GROWTH or row["unit"] == "%":
                    decimals = 1
                else:
                    decimals = max(decimals_of(float(value)), decimals_of(float(row["target"])))
                cell.number_format = "0" if decimals == 0 else "0." + "0" * decimals
                shown_text = f"{float(value):.{decimals}f}"
            elif h in (names["elapsed_pct"], names["completion_pct"], names["required_growth"]):
                cell.number_format = "0.0"
                shown_text = "" if _missing(value) else f"{float(value):.1f}"
            elif h == names["status_text"]:
                cell.fill = PatternFill("solid", fgColor=STATUS_FILL[row["status"]])
                cell.alignment = Alignment(horizontal="center", vertical="center")
            widths[h] = max(widths[h], _text_width(shown_text))
    for h, j in col_of.items():
        cap = 60 if h in (names["reason"], names["source"]) else 40
        ws.column_dimensions[get_column_letter(j)].width = min(widths[h] + 2, cap)
        if widths[h] + 2 > cap:
            for row in ws.iter_rows(min_row=3, min_col=j, max_col=j):
                row[0].alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = "B3"  # header rows and the indicator column stay in view
    ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{ws.max_row}"
    _notes_sheet(wb, table, lang)
    wb.properties.creator = "muye-analysis"
    from muye_analysis.outputs import check_output_path

    path = check_output_path(path, example="build/进度监测.xlsx")  # never over data/ inputs
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def _notes_sheet(wb, table: pd.DataFrame, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    from muye_analysis.targets import ABOUT_BAND_PP, ABOUT_BAND_REL

    zh = lang == "zh"
    i = 0 if zh else 1
    ws = wb.create_sheet("说明" if zh else "Notes")
    lines: list[tuple[str, str]] = []
    lines.append(("状态规则" if zh else "Status rules", ""))
    for rule, text in RULES.items():
        lines.append((rule, text[i]))
    lines.append(("", ""))
    lines.append(("参数" if zh else "Parameters", ""))
    params = [
        ("AT_RISK_ACCELERATION_PP", AT_RISK_ACCELERATION_PP),
        ("AT_RISK_LAG_PP", AT_RISK_LAG_PP),
        ("AT_RISK_RATE_PP", AT_RISK_RATE_PP),
        ("AT_RISK_LEVEL_SHARE", AT_RISK_LEVEL_SHARE),
        ("ABOUT_BAND_PP", ABOUT_BAND_PP),
        ("ABOUT_BAND_REL", ABOUT_BAND_REL),
    ]
    lines += [(name, f"{value:g}") for name, value in params]
    lines.append(("", ""))
    lines.append(
        ("目标与序时进度" if zh else "Targets and time elapsed", GENERAL_NOTE[lang if zh else "en"])
    )
    status_zh = "；".join(f"{v[0]}={k}" for k, v in STATUS_TEXT.items())
    lines.append(
        (
            "状态颜色" if zh else "Status colours",
            (
                "绿=正常，黄=预警，红=滞后，灰=暂无数据"
                if zh
                else "green = on track, amber = at risk, red = off track, grey = no data"
            )
            + ("（" + status_zh + "）" if zh else ""),
        )
    )
    lines.append(("", ""))
    lines.append(("来源" if zh else "Sources", ""))
    title = table.attrs.get("report_title_zh" if zh else "report_title_en", "")
    lines.append(("目标" if zh else "Targets", title))
    files = sorted({s.split("；")[-1].split(" 第")[0] for s in table["source"].dropna()})
    for name in files:
        lines.append(("数据文件" if zh else "Data file", name))
    if bool(table["synthetic"].fillna(False).any()):
        lines.append(("注意" if zh else "Caution", SYNTHETIC_NOTE[i].removeprefix("注意：")))
    lines.append(("", ""))
    lines.append(("各目标原文" if zh else "Each target as printed", ""))
    for row in table.to_dict("records"):
        quote = "" if _missing(row["quote"]) else str(row["quote"])
        lines.append((row["name_zh"] if zh else row["name_en"], _safe(quote)))
    for a, b in lines:
        ws.append([_safe(a), b])
        if a and not b:
            ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 110
    for row in ws.iter_rows(min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
