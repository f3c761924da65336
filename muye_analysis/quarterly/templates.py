"""The blank templates users fill in (data/quarterly/template.csv and template.xlsx)."""

from __future__ import annotations

from pathlib import Path

from muye_analysis import config
from muye_analysis.quarterly.cells import column_letter

TEMPLATE_COLUMNS = (
    "indicator", "year", "period", "level", "unit", "prior_year", "growth_pct", "price_basis",
    "source",
)  # fmt: skip
# Measures of the report's targets that the statistics bureau rarely publishes but the office
# tracks (重点项目完成投资, 新增城镇就业, 签约项目 …): the templates get a row for each such
# target, with its name and unit, for the office to fill in.
TEMPLATE_TARGET_MEASURES = ("level", "count")


def template_rows(targets=None) -> list[list[str]]:
    """One row per task target with a level or a count (name and unit filled, the rest blank),
    in the report's order. A row left blank is skipped when the file is ingested."""
    from muye_analysis.dataset import HEADLINE, load_registry, load_targets

    targets = load_targets() if targets is None else targets
    units = load_registry().set_index("indicator")["unit"]
    wanted = targets[
        targets["measure"].isin(TEMPLATE_TARGET_MEASURES) & ~targets["indicator"].isin(HEADLINE)
    ]
    rows = []
    for indicator, name in zip(wanted["indicator"], wanted["name_zh"], strict=True):
        row = dict.fromkeys(TEMPLATE_COLUMNS, "")
        row["indicator"], row["unit"] = str(name), str(units.get(indicator, ""))
        rows.append([row[c] for c in TEMPLATE_COLUMNS])
    return rows


def write_templates(folder: str | Path | None = None) -> list[Path]:
    """Write ``template.csv`` and ``template.xlsx`` into ``folder``: the header, then a row
    for each task target with a level or a count (name and unit only, no numbers).

    Reproducible: the workbook's timestamps are fixed, so rerunning gives the same cells.
    """
    import csv
    import datetime as dt
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    folder = Path(folder or config.QUARTERLY)
    folder.mkdir(parents=True, exist_ok=True)
    rows = template_rows()
    csv_path = folder / "template.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TEMPLATE_COLUMNS)
    writer.writerows(rows)
    # utf-8-sig: Excel then opens the file as UTF-8 and keeps the Chinese a user types in.
    csv_path.write_text(buffer.getvalue(), encoding="utf-8-sig")

    wb = Workbook()
    ws = wb.active
    ws.title = "data"
    ws.append(list(TEMPLATE_COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([value or None for value in row])
    widths = {"indicator": 28, "year": 8, "period": 14, "level": 12, "unit": 8,
              "prior_year": 12, "growth_pct": 12, "price_basis": 12, "source": 40}  # fmt: skip
    for j, name in enumerate(TEMPLATE_COLUMNS):
        ws.column_dimensions[column_letter(j)].width = widths[name]
    ws.freeze_panes = "A2"
    choices = {"unit": '"亿元,万元,%,个,家,人,所,处,座,万亩,万斤"',
               "price_basis": '"real,nominal,可比价,现价"'}  # fmt: skip
    for name, formula in choices.items():
        letter = column_letter(TEMPLATE_COLUMNS.index(name))
        check = DataValidation(type="list", formula1=formula, allow_blank=True)
        check.add(f"{letter}2:{letter}1000")
        ws.add_data_validation(check)
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    wb.properties.creator = "muye-analysis"
    xlsx_path = folder / "template.xlsx"
    wb.save(xlsx_path)
    return [csv_path, xlsx_path]
