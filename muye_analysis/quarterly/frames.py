"""The store as pandas frames: the current view (``read_store``), every vintage
(``read_history``), one indicator's year-to-date series (``ytd_series``), the district's rows
and the rows marked as made up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis import schema
from muye_analysis.periods import Period
from muye_analysis.quarterly.store import (
    DEFAULT_AREA,
    KEY,
    MEASURES,
    STORE_COLUMNS,
    STORE_MEASURES,
    all_vintages,
    current_records,
)

if TYPE_CHECKING:
    import pandas as pd


def _typed(df: pd.DataFrame, *, sort: bool = True) -> pd.DataFrame:
    import pandas as pd

    out = df.reindex(columns=list(STORE_COLUMNS))
    out = out.astype(
        {
            "indicator": "string",
            "year": "Int64",
            "end_month": "Int64",
            "period": "string",
            "measure": pd.CategoricalDtype(list(STORE_MEASURES)),
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
            "area": "string",
            "start_month": "Int64",
            "prior_year_value": "Float64",
            "derived": "string",
            "ranked_on": "string",
        }
    )
    return out.sort_values([*KEY, "ranked_on"], ignore_index=True) if sort else out


def _store_row(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record.get(k) for k in STORE_COLUMNS}


def _defaults(df: pd.DataFrame) -> pd.DataFrame:
    """The agreed defaults of the columns a record may lack (area, start_month, derived)."""
    df = df.fillna({"area": DEFAULT_AREA, "start_month": 1, "derived": "", "ranked_on": ""})
    for column in ("marker", "sheet", "source", "unit", "price_basis"):
        df[column] = df[column].replace("", None)
    return df


def records_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    clean = [_store_row(r) for r in records]
    df = pd.DataFrame(clean, columns=list(STORE_COLUMNS))
    return _typed(_defaults(df))


def read_store(store_dir: str | Path | None = None) -> pd.DataFrame:
    """The current value of every year-to-date figure ingested so far (the latest accepted
    vintage per key), with ``STORE_COLUMNS``; empty, with the columns, when there is none."""
    return records_frame(list(current_records(store_dir).values()))


def read_history(store_dir: str | Path | None = None) -> pd.DataFrame:
    """Every vintage ever accepted, oldest first: ``STORE_COLUMNS`` plus id, release,
    ingested_at, outlier_note and current (True for the value the store uses now)."""
    import pandas as pd

    rows = all_vintages(store_dir)
    base = _defaults(pd.DataFrame([_store_row(r) for r in rows], columns=list(STORE_COLUMNS)))
    out = _typed(base, sort=False)
    out["id"] = pd.array([r["id"] for r in rows], dtype="Int64")
    for column in ("release", "ingested_at", "outlier_note"):
        out[column] = pd.array([r[column] for r in rows], dtype="string")
    out["current"] = pd.array([bool(r["current"]) for r in rows], dtype="boolean")
    return out


# Words that mark made-up figures in a store row's source or file name (the project's own test
# and example files say "synthetic"; Chinese users write 示例 / 模拟 / 测试).
SYNTHETIC_PATTERN = r"synthetic|合成|示例|模拟|虚构|测试|illustrat|example|dummy|fake|test data"


def is_synthetic(store: pd.DataFrame) -> pd.Series:
    """Boolean mask of store rows whose ``source`` or ``file`` marks them as made up: such rows
    never reach a briefing, and any chart drawn from them is stamped as synthetic."""
    words = store["source"].fillna("").astype(str) + " " + store["file"].fillna("").astype(str)
    return words.str.contains(SYNTHETIC_PATTERN, case=False, regex=True).astype(bool)


def district_rows(store: pd.DataFrame, area: str = DEFAULT_AREA) -> pd.DataFrame:
    """The rows of one area (the district by default; a row without an area is the district's):
    gaps, progress and the briefing judge the district's targets on its own figures, never on
    the city's or province's series stored beside them."""
    if "area" not in store.columns:
        return store
    return store[store["area"].fillna(DEFAULT_AREA) == area]


def ytd_series(
    indicator: str, store: pd.DataFrame | None = None, *, area: str = DEFAULT_AREA
) -> pd.DataFrame:
    """One indicator's year-to-date figures in one area (the district by default), one row per
    period: year, end_month, period, level, growth (NA where not given) and prior_year (上年同期
    printed beside the level, NA where not given). Spans that do not start in January (二季度
    alone) are left out. The input of ``muye_analysis.forecast`` and of the weights in
    ``targets.weights_for``."""
    import pandas as pd

    store = read_store() if store is None else store
    rows = store[(store["indicator"] == indicator) & ~store["sub_item"].fillna(False)]
    rows = rows[rows["measure"].isin(MEASURES)]  # values only: a published rank is no figure
    if "area" in rows.columns:  # a row without an area is the district's (the agreed default)
        rows = rows[rows["area"].fillna(DEFAULT_AREA) == area]
    if "start_month" in rows.columns:
        rows = rows[rows["start_month"].fillna(1).astype(int) == 1]
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
    out["prior_year"] = pd.array([pd.NA] * len(out), dtype="Float64")
    if "prior_year_value" in rows.columns:
        prior = rows[rows["measure"] == "level"].dropna(subset=["prior_year_value"])
        keys = zip(prior["year"], prior["end_month"], prior["prior_year_value"], strict=True)
        lookup = {(int(y), int(m)): float(v) for y, m, v in keys}
        periods = zip(out["year"], out["end_month"], strict=True)
        out["prior_year"] = pd.array(
            [lookup.get((int(y), int(m)), pd.NA) for y, m in periods], dtype="Float64"
        )
    out["period"] = out["period"].astype("string")
    return out.sort_values(["year", "end_month"], ignore_index=True)
