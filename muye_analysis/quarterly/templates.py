"""The blank templates users fill in (data/quarterly/template.csv and template.xlsx)."""

from __future__ import annotations

from pathlib import Path

from muye_analysis import config
from muye_analysis.quarterly.cells import _column_letter

TEMPLATE_COLUMNS = (
    "indicator", "year", "period", "level", "unit", "growth_pct", "price_basis", "source",
)  # fmt: skip


def write_templates(folder: str | Path | None = None) -> list[Path]:
    """Write ``template.csv`` and ``template.xlsx`` (headers only, no numbers) into ``folder``.

    Reproducible: the workbook's timestamps are fixed, so rerunning gives the same cells.
    """
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    folder = Path(folder or config.QUARTERLY)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / "template.csv"
    # utf-8-sig: Excel then opens the file as UTF-8 and keeps the Chinese a user types in.
    csv_path.write_text(",".join(TEMPLATE_COLUMNS) + "\n", encoding="utf-8-sig")

    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    ws.append(list(TEMPLATE_COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = {"indicator": 24, "year": 8, "period": 14, "level": 12, "unit": 8,
              "growth_pct": 12, "price_basis": 12, "source": 40}  # fmt: skip
    for j, name in enumerate(TEMPLATE_COLUMNS):
        ws.column_dimensions[_column_letter(j)].width = widths[name]
    ws.freeze_panes = "A2"
    choices = {"unit": '"亿元,万元,%"', "price_basis": '"real,nominal,可比价,现价"'}
    for name, formula in choices.items():
        letter = _column_letter(TEMPLATE_COLUMNS.index(name))
        check = DataValidation(type="list", formula1=formula, allow_blank=True)
        check.add(f"{letter}2:{letter}1000")
        ws.add_data_validation(check)
    fixed = dt.datetime(2024, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    wb.properties.creator = "muye-analysis"
    xlsx_path = folder / "template.xlsx"
    wb.save(xlsx_path)
    return [csv_path, xlsx_path]
