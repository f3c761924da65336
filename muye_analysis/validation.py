"""Reading and validating the curated CSV files, row by row and cell by cell.

Each problem raises DataError naming the file, the row (as a spreadsheet numbers it) and the
column, and says how to fix it. Used by the loaders (:mod:`muye_analysis.dataset`,
:mod:`muye_analysis.context`) and by ``muye accept`` (:mod:`muye_analysis.accept`).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from muye_analysis import schema
from muye_analysis.errors import DataError
from muye_analysis.text import parse_chinese_numeral

_PRINTED = re.compile(
    r"(?P<prefix>第|近)?\s*(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*"
    r"(?P<yu>余)?\s*(?P<unit>\S+)"
)
# Plausible ranges by measure: a typo such as 2.0 -> 20 in a growth rate fails the load.
_RANGES = {
    "growth_rate": (-50.0, 100.0),
    "rank": (1.0, 15.0),
    "share": (0.0, 100.0),
    "rate": (0.0, 200.0),
    "ratio": (0.0, 100.0),
    "count": (0.0, 1e7),
    "level": (0.0, 1e7),
}
_OPTIONAL_VOCAB = {
    "ranked_on": schema.RANKED_ON,
    "stage": schema.STAGES,
    "qualifier": schema.QUALIFIERS,
    "commitment": schema.COMMITMENTS,
    "price_basis": schema.PRICE_BASES,
    "rank_scope": schema.RANK_SCOPES,
}


def parse_printed(printed: str) -> tuple[float, str]:
    """Value and unit of a number as the report prints it.

    >>> parse_printed("第三名")
    (3.0, '名')
    >>> parse_printed("40余场次")
    (40.0, '场次')
    >>> parse_printed("5.5 %")
    (5.5, '%')
    """
    match = _PRINTED.fullmatch(printed.strip())
    if match is None:
        raise ValueError(f"cannot read a number and unit from {printed!r}")
    num = match["num"]
    value = float(num) if num[0].isdigit() else float(parse_chinese_numeral(num))
    return value, match["unit"]


def read_csv_records(
    path: Path, *, missing_fix: str = "restore it from git."
) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the text records of a UTF-8 CSV (a byte-order mark is fine)."""
    if not path.exists():
        raise DataError("file not found.", file=path, fix=missing_fix)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            return list(reader.fieldnames or []), list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(
            f"not a readable UTF-8 CSV ({exc}).", file=path, fix="save it as UTF-8 CSV."
        ) from None


def read_curated_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read a curated CSV as text records, checking that it has exactly the expected columns.

    The standard csv module is used rather than pandas: the files are small, and validation
    works row by row anyway, so this keeps a cold load fast.
    """
    header, rows = read_csv_records(path)
    for problem, names in (
        ("missing", [c for c in columns if c not in header]),
        ("unexpected", [c for c in header if c not in columns]),
    ):
        if names:
            raise DataError(
                f"{problem} column(s) {', '.join(names)}.",
                file=path,
                row=1,
                column=names[0],
                fix=f"the header must be: {','.join(columns)}",
            )
    for i, row in enumerate(rows):
        if None in row or None in row.values():
            raise DataError(
                "wrong number of cells.",
                file=path,
                row=i + 2,
                fix=f"each row needs {len(columns)} cells; quote cells that contain commas.",
            )
    return rows


def _check_row(row: dict[str, str], *, report: str, registry_ids: set[str], err) -> None:
    """Validate one curated observation; ``err(column, problem, fix)`` raises."""
    if row["indicator"] not in registry_ids:
        err("indicator", f"unknown indicator {row['indicator']!r}.", "add it to registry.csv.")
    if not row["period"].isdigit():
        err("period", f"period {row['period']!r} is not a year.", "write the four-digit year.")
    if row["kind"] not in ("actual", "target"):
        err("kind", f"kind {row['kind']!r} is not actual or target.", "derived rows are computed.")
    if row["measure"] not in schema.MEASURES:
        err("measure", f"unknown measure {row['measure']!r}.", f"use {schema.MEASURES}.")
    for column, vocab in _OPTIONAL_VOCAB.items():
        if row[column] and row[column] not in vocab:
            err(column, f"unknown value {row[column]!r}.", f"use one of {vocab} or leave empty.")
    if not row["quote"] or row["quote"] not in report:
        err("quote", "the quote is not in the report text.", "copy it exactly from the report.")
    if not row["printed"] or row["printed"] not in row["quote"]:
        err("printed", f"{row['printed']!r} is not in the quote.", "copy it from the quote.")
    for word in ("qualifier", "commitment"):
        if row[word] and row[word] not in row["quote"]:
            err(word, f"{row[word]!r} is not in the quote.", "quote the words that say it.")
    if row["measure"] == "standing":
        _check_standing(row, err)
    else:
        _check_number(row, err)


def _check_standing(row: dict[str, str], err) -> None:
    if row["value"]:
        err("value", "a qualitative standing has no value.", "leave value empty.")
    if not row["rank_scope"]:
        err("rank_scope", "a standing needs its scope.", "write 全市 (or 全省, 全国).")


def _check_number(row: dict[str, str], err) -> None:
    try:
        value = float(row["value"])
    except ValueError:
        err("value", f"{row['value']!r} is not a number.", "write the number, e.g. 232.1.")
    if row["unit"] not in schema.UNITS:
        err("unit", f"unknown unit {row['unit']!r}.", "use a unit listed in schema.UNITS.")
    try:
        printed_value, printed_unit = parse_printed(row["printed"])
    except ValueError as exc:
        err("printed", str(exc), "write the number with its unit as printed, e.g. 232.1亿元.")
    if abs(printed_value - value) > 1e-9:
        err("value", f"{value:g} does not match the printed {row['printed']!r}.", "fix either.")
    if printed_unit != row["unit"]:
        err("unit", f"{row['unit']!r} differs from the printed {row['printed']!r}.", "fix either.")
    low, high = _RANGES[row["measure"]]
    if not low <= value <= high:
        err("value", f"{value:g} is outside {low:g}..{high:g} for {row['measure']}.", "check it.")
    if not row["bound"]:
        what = "a target" if row["kind"] == "target" else "a value"
        err(
            "bound",
            f"{what} without a qualifier bound.",
            "write exact, at_least, at_most or about.",
        )
    expected = schema.QUALIFIER_BOUND.get(row["qualifier"])
    if row["bound"] != expected:
        err("bound", f"bound {row['bound']!r} contradicts qualifier {row['qualifier']!r}.",
            f"the qualifier means {expected!r}.")  # fmt: skip
    if (row["measure"] == "rank") != bool(row["ranked_on"]):
        err("ranked_on", "ranked_on is set exactly for ranks.", "say what the rank is of.")
    if row["measure"] == "rank" and not row["rank_scope"]:
        err("rank_scope", "a rank needs its scope.", "write 全市 (or 全省, 全国).")
    if row["measure"] == "growth_rate" and not row["price_basis"]:
        err("price_basis", "a growth rate needs its price basis.", "write real or nominal.")


def validate_indicators(
    rows: list[dict[str, str]],
    *,
    report: str | dict[str, str],
    registry_ids: set[str],
    path: Path,
) -> None:
    """Raise DataError at the first bad cell or duplicate key of the curated table.

    ``report`` is the report text every quote must stand in, or a mapping from each row's
    ``document`` to its text.
    """
    seen: dict[tuple[str, ...], int] = {}
    for i, row in enumerate(rows):
        line = i + 2  # header is line 1

        def err(column: str, problem: str, fix: str, line: int = line) -> None:
            raise DataError(problem, file=path, row=line, column=column, fix=fix)

        text = report if isinstance(report, str) else report.get(row.get("document", ""), "")
        _check_row(row, report=text, registry_ids=registry_ids, err=err)
        key = tuple(row.get(c, "") for c in schema.KEY)
        if key in seen:
            err(
                "indicator",
                f"duplicate key {key} (also on row {seen[key]}).",
                "merge them, or tell them apart by period, kind, measure, ranked_on or stage.",
            )
        seen[key] = line


def validate_registry(rows: list[dict[str, str]], path: Path) -> None:
    """Raise DataError at the first bad cell or duplicate id of the registry."""
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        line = i + 2
        checks = [
            ("indicator", bool(re.fullmatch(r"[a-z][a-z0-9_]*", row["indicator"])),
             "ids are lower_snake_case."),
            ("indicator", row["indicator"] not in seen,
             f"duplicate id (also on row {seen.get(row['indicator'])})."),
            ("name_zh", bool(row["name_zh"]), "every indicator needs a Chinese name."),
            ("name_en", bool(row["name_en"]), "every indicator needs an English name."),
            ("short_zh", bool(row["short_zh"]), "every indicator needs a short Chinese label."),
            ("short_en", bool(row["short_en"]), "every indicator needs a short English label."),
            ("category", row["category"] in schema.CATEGORIES,
             f"category must be one of {schema.CATEGORIES}."),
            ("unit", row["unit"] in ("", *schema.UNITS), "unknown unit."),
            ("higher_is_better", row["higher_is_better"] in ("", "true", "false"),
             "write true, false or leave empty."),
            ("flow", row["flow"] in ("true", "false"), "write true or false."),
            ("growth_basis", row["growth_basis"] in ("", *schema.PRICE_BASES),
             "write real, nominal or leave empty."),
            ("description_en", bool(row["description_en"]), "describe the indicator."),
        ]  # fmt: skip
        for column, ok, problem in checks:
            if not ok:
                raise DataError(problem, file=path, row=line, column=column, fix="edit that cell.")
        seen[row["indicator"]] = line
