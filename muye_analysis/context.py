"""Comparator figures for Xinxiang city and its counties, with their sources and caveats."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.dataset import frame_from_records, indicator_ids_by_name, load_registry
from muye_analysis.errors import DataError
from muye_analysis.validation import read_curated_rows

if TYPE_CHECKING:
    import pandas as pd

CONTEXT_COLUMNS = (
    "region", "year", "indicator_zh", "measure", "value", "unit",
    "source_title", "source_url", "note",
)  # fmt: skip
_MEASURES = {"level": "level", "growth_pct": "growth_rate"}


@functools.cache
def _load_context(path: Path) -> pd.DataFrame:
    rows = read_curated_rows(path, CONTEXT_COLUMNS)
    ids = indicator_ids_by_name()
    basis = {r["indicator"]: r["growth_basis"] for r in load_registry().to_dict("records")}
    records = []
    for i, row in enumerate(rows):
        _check_context_row(row, ids, path, line=i + 2)
        record = {k: v or None for k, v in row.items()}
        record["indicator"] = ids[row["indicator_zh"]]
        record["measure"] = _MEASURES[row["measure"]]
        # Levels are at current prices; growth takes the indicator's basis (GDP, industry: real).
        growth_basis = basis[record["indicator"]]
        record["price_basis"] = growth_basis if record["measure"] == "growth_rate" else "nominal"
        records.append(record)
    columns = ["region", "year", "indicator", *CONTEXT_COLUMNS[2:], "price_basis"]
    dtypes = {
        "year": "Int64",
        "value": "Float64",
        "measure": ("category", tuple(_MEASURES.values())),
    }
    return frame_from_records(records, columns, dtypes)


def _check_context_row(row: dict[str, str], ids: dict[str, str], path: Path, line: int) -> None:
    checks = [
        ("measure", row["measure"] in _MEASURES, "write level or growth_pct."),
        ("value", _is_number(row["value"]), "write the number only."),
        ("year", row["year"].isdigit(), "write the four-digit year."),
        ("indicator_zh", row["indicator_zh"] in ids, "use a registry name or synonym."),
        ("source_url", row["source_url"].startswith("http"), "add the URL it was read from."),
    ]
    for column, ok, fix in checks:
        if not ok:
            problem = (
                "every comparator needs its source URL."
                if column == "source_url"
                else f"bad {column} {row[column]!r}."
            )
            raise DataError(problem, file=path, row=line, column=column, fix=fix)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def load_context(path: Path | None = None) -> pd.DataFrame:
    """Real comparator figures with their sources: region, year, indicator, indicator_zh, measure
    (level / growth_rate), value, unit, source_title, source_url, note, price_basis."""
    return _load_context(Path(path or config.CONTEXT_RAW)).copy()


PUBLISHED_RANK_COLUMNS = (
    "region", "year", "indicator_zh", "measure", "value", "unit", "published_rank",
    "rank_words", "source_title", "source_url", "quote", "note",
)  # fmt: skip


@functools.cache
def _load_published_ranks(path: Path) -> pd.DataFrame:
    from muye_analysis.quarterly.city_table import canonical_area

    rows = read_curated_rows(path, PUBLISHED_RANK_COLUMNS)
    ids = indicator_ids_by_name()
    records = []
    for i, row in enumerate(rows):
        line = i + 2
        checks = [
            ("region", canonical_area(row["region"]) == row["region"], "use the unit's name."),
            ("indicator_zh", row["indicator_zh"] in ids, "use a registry name or synonym."),
            ("measure", row["measure"] in _MEASURES, "write level or growth_pct."),
            ("value", _is_number(row["value"]) and row["value"] in row["quote"],
             "write the figure exactly as the quote prints it."),
            ("published_rank", row["published_rank"] == "" or row["published_rank"].isdigit(),
             "write the rank as a whole number, or leave it blank."),
            ("rank_words", row["rank_words"] in row["quote"]
             and bool(row["rank_words"]) == bool(row["published_rank"]),
             "quote the words that state the rank (they must be in the quote)."),
            ("source_url", row["source_url"].startswith("http"), "add the URL it was read from."),
        ]  # fmt: skip
        for column, ok, fix in checks:
            if not ok:
                raise DataError(f"bad {column} {row[column]!r}.", file=path, row=line,
                                column=column, fix=fix)  # fmt: skip
        record = {k: v or None for k, v in row.items()}
        record["indicator"] = ids[row["indicator_zh"]]
        record["measure"] = _MEASURES[row["measure"]]
        records.append(record)
    columns = ["region", "year", "indicator", *PUBLISHED_RANK_COLUMNS[2:]]
    dtypes = {"year": "Int64", "value": "Float64", "published_rank": "Int64"}
    return frame_from_records(records, columns, dtypes)


def load_published_ranks(path: Path | None = None) -> pd.DataFrame:
    """Real published ranks of the city's units (``data/raw/context/xinxiang_county_ranks.csv``):
    region, year, indicator, measure (level / growth_rate), value, published_rank (blank where
    the report lists a unit without writing its rank), rank_words, source_url, quote, note.
    Every figure and rank is checked against its quote on loading."""
    return _load_published_ranks(Path(path or config.CONTEXT_RANKS_RAW)).copy()


__all__ = [
    "CONTEXT_COLUMNS", "PUBLISHED_RANK_COLUMNS", "load_context", "load_published_ranks",
]  # fmt: skip
