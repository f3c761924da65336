"""Checks across rows: duplicate periods, fractions for percent, flow levels not falling."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from typing import Any

from muye_analysis.quarterly.records import Cell
from muye_analysis.quarterly.store import DEFAULT_AREA, record_key

# Tolerance when a stored value is compared with a re-ingested one (values pass through unit
# conversion and a CSV round trip).
SAME_VALUE_RTOL = 1e-9

# -- validation across rows ------------------------------------------------------------------


def where_of(record: dict[str, Any], column: str | None = None) -> Cell:
    return Cell(record["_path"], record["sheet"], record["row"], column or record["column"])


def describe(record: dict[str, Any]) -> str:
    return f"{record['indicator']} {record['period']} {record['measure']}"


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=SAME_VALUE_RTOL, abs_tol=1e-12)


def drop_duplicates(
    records: list[dict[str, Any]],
    resolve: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any] | None] | None = None,
) -> list[dict[str, Any]]:
    """One record per key: a repeat within a file is an error, across files only if it differs
    and ``resolve`` (the store's accepted vintage) does not pick one of the two."""
    seen: dict[tuple, dict[str, Any]] = {}
    for record in records:
        key = record_key(record)
        first = seen.get(key)
        if first is None:
            seen[key] = record
            continue
        if first["_path"] == record["_path"]:
            raise where_of(record, record["_period_column"]).fail(
                f"duplicate period: {describe(record)} is also given on row {first['row']}, "
                f"column {first['_period_column']!r}"
                + (f" of sheet {first['sheet']!r}." if first["sheet"] else "."),
                "keep one of them (一季度 and 1-3月 are the same period).",
            )
        if not same_value(first["value"], record["value"]):
            winner = resolve(first, record) if resolve is not None else None
            if winner is not None:
                seen[key] = winner
                continue
            raise where_of(record).fail(
                f"{describe(record)} is {record['value']:g} here but {first['value']:g} in "
                f"{first['file']} (row {first['row']}, column {first['column']!r}).",
                "ingest the files one at a time, with --replace for the revised one.",
            )
    return list(seen.values())


def check_fractions(records: list[dict[str, Any]]) -> None:
    """A growth column with every value inside (-1, 1) holds fractions (0.05), not percent (5)."""
    columns: dict[tuple, list[dict[str, Any]]] = {}
    for record in records:
        if record["measure"] == "growth":
            columns.setdefault((record["_path"], record["sheet"], record["column"]), []).append(
                record
            )
    for group in columns.values():
        values = [r["value"] for r in group]
        if any(r["_percent_sign"] for r in group) or not any(values):
            continue
        if all(-1 < v < 1 for v in values):
            first = next(r for r in group if r["value"] != 0)
            raise where_of(first).fail(
                f"every growth rate in this column lies between -1 and 1 ({first['value']:g} "
                "here): they look like fractions (0.05 for 5%), not percent.",
                "multiply the column by 100 (Excel percent-formatted cells store fractions); if "
                "the growth really is below 1% everywhere, write it with a percent sign (0.2%).",
            )


def check_flows_not_falling(
    records: list[dict[str, Any]], stored: dict[tuple, dict[str, Any]], flows: set[str]
) -> None:
    """Year-to-date levels of flow indicators (GDP, retail sales…) cannot fall within a year."""
    merged = dict(stored)
    merged.update({record_key(r): r for r in records})
    series: dict[tuple, list[dict[str, Any]]] = {}
    for record in merged.values():
        if (record.get("start_month") or 1) != 1:
            continue  # 二季度 alone is smaller than 1-3月 + 二季度: only year-to-date levels
        if record["measure"] == "level" and record["indicator"] in flows:
            area = record.get("area") or DEFAULT_AREA  # each area's year is its own series
            series.setdefault((area, record["indicator"], record["year"]), []).append(record)
    for group in series.values():
        group.sort(key=lambda r: r["end_month"])
        for earlier, later in itertools.pairwise(group):
            if later["value"] >= earlier["value"] or same_value(later["value"], earlier["value"]):
                continue
            culprit = later if "_path" in later else earlier
            other = earlier if culprit is later else later
            where_other = (
                f"row {other['row']}" if "_path" in other else f"the store ({other['file']})"
            )
            raise where_of(culprit).fail(
                f"the cumulative level of {later['indicator']} falls from {earlier['value']:g} "
                f"({earlier['period']}) to {later['value']:g} ({later['period']}; other value: "
                f"{where_other}); year-to-date levels of a flow cannot fall.",
                "check the period labels, the units (万元 vs 亿元) and that the values are "
                "cumulative from January.",
            )
