"""The processed store: where it lives, reading and writing it, and queries of it."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis import config, schema
from muye_analysis.atomic import atomic_path
from muye_analysis.errors import DataError
from muye_analysis.periods import Period
from muye_analysis.quarterly.validate import _key

if TYPE_CHECKING:
    import pandas as pd

STORE_NAME = "quarterly.csv"
STORE_COLUMNS = (
    "indicator", "year", "end_month", "period", "measure", "value", "unit", "price_basis",
    "sub_item", "marker", "source", "file", "sheet", "row", "column", "checksum",
)  # fmt: skip
KEY = ("indicator", "year", "end_month", "measure")
MEASURES = ("level", "growth")

# -- the store -------------------------------------------------------------------------------


def store_path(store_dir: str | Path | None = None) -> Path:
    """Where the processed store lives: ``config.processed_dir() / "quarterly.csv"``."""
    return Path(store_dir or config.processed_dir()) / STORE_NAME


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    out = df.reindex(columns=list(STORE_COLUMNS))
    out = out.astype(
        {
            "indicator": "string",
            "year": "Int64",
            "end_month": "Int64",
            "period": "string",
            "measure": pd.CategoricalDtype(list(MEASURES)),
            "value": "Float64",
            "unit": "string",
            "price_basis": pd.CategoricalDtype(list(schema.PRICE_BASES)),
            "sub_item": "boolean",
            "marker": "string",
            "source": "string",
            "file": "string",
            "sheet": "string",
            "row": "Int64",
            "column": "string",
            "checksum": "string",
        }
    )
    return out.sort_values(list(KEY), ignore_index=True)


def _frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    clean = [{k: r[k] for k in STORE_COLUMNS} for r in records]
    df = pd.DataFrame(clean, columns=list(STORE_COLUMNS))
    for column in ("marker", "sheet", "source", "unit", "price_basis"):
        df[column] = df[column].replace("", None)
    return _typed(df)


def read_store(store_dir: str | Path | None = None) -> pd.DataFrame:
    """Every year-to-date figure ingested so far (empty, with the columns, if none)."""
    return _frame(list(_stored_records(store_path(store_dir)).values()))


def _stored_records(path: Path) -> dict[tuple, dict[str, Any]]:
    """The store as plain records keyed by KEY (the csv module: pandas is slower here)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in STORE_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(
                f"the processed store lacks column(s) {', '.join(missing)}.",
                file=path,
                row=1,
                column=missing[0],
                fix="delete the store and ingest the raw files again (it is rebuilt from them).",
            )
        records = {}
        for line in reader:
            record: dict[str, Any] = {k: (v if v != "" else None) for k, v in line.items()}
            for column in ("year", "end_month", "row"):
                record[column] = int(line[column]) if line[column] else None
            record["value"] = float(line["value"])
            record["sub_item"] = line["sub_item"] == "True"
            records[_key(record)] = record
    return records


def _write_store(records: list[dict[str, Any]], path: Path) -> None:
    """Write the store sorted by KEY, atomically: a temporary file beside it, then a rename."""
    order = {m: i for i, m in enumerate(MEASURES)}
    rows = sorted(records, key=lambda r: (r["indicator"], r["year"], r["end_month"],
                                          order[r["measure"]]))  # fmt: skip
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(STORE_COLUMNS)
        for r in rows:
            # repr() of a float round-trips exactly, so a re-read compares equal.
            writer.writerow(
                repr(r[c]) if c == "value" else ("" if r[c] is None else r[c])
                for c in STORE_COLUMNS
            )


# and example files say "synthetic"; Chinese users write 示例 / 模拟 / 测试).
SYNTHETIC_PATTERN = r"synthetic|合成|示例|模拟|虚构|测试|illustrat|example|dummy|fake|test data"


def is_synthetic(store: pd.DataFrame) -> pd.Series:
    """Boolean mask of store rows whose ``source`` or ``file`` marks them as made up: such rows
    never reach a briefing, and any chart drawn from them is stamped as synthetic."""
    words = store["source"].fillna("").astype(str) + " " + store["file"].fillna("").astype(str)
    return words.str.contains(SYNTHETIC_PATTERN, case=False, regex=True).astype(bool)


def ytd_series(indicator: str, store: pd.DataFrame | None = None) -> pd.DataFrame:
    """One indicator's year-to-date figures, one row per period: year, end_month, period,
    level, growth (NA where not given). The input of ``muye_analysis.forecast``."""
    import pandas as pd

    store = read_store() if store is None else store
    rows = store[(store["indicator"] == indicator) & ~store["sub_item"].fillna(False)]
    wide = rows.pivot_table(
        index=["year", "end_month"], columns="measure", values="value", observed=False,
        aggfunc="first", dropna=False,
    ).reset_index()  # fmt: skip
    wide = wide.dropna(subset=[m for m in MEASURES if m in wide.columns], how="all")
    out = pd.DataFrame(
        {
            "year": wide["year"].astype("Int64"),
            "end_month": wide["end_month"].astype("Int64"),
        }
    )
    out["period"] = [
        Period(int(y), int(m)).label("zh")
        for y, m in zip(out["year"], out["end_month"], strict=True)
    ]
    for measure in MEASURES:
        out[measure] = wide[measure].astype("Float64") if measure in wide else pd.NA
    out["period"] = out["period"].astype("string")
    return out.sort_values(["year", "end_month"], ignore_index=True)
