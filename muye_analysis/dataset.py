"""Load and type the curated dataset: the loaders (``load_indicators``, ``load_targets``,
``load_rankings``, ``load_registry``).

``data/curated/indicators.csv`` holds every quantitative statement of each plan report, typed by
hand; each row names its report (``document``). Every load checks the rows against their report's
text (:mod:`muye_analysis.validation`: each quote in the report, each printed value in its quote,
the value what the printed text says) and the report's years (:mod:`muye_analysis.reports`).
Derived values (:mod:`muye_analysis.derive`) are appended with their formula and inputs. The
text summaries of ``muye check`` live in :mod:`muye_analysis.summary`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config, schema
from muye_analysis.errors import DataError
from muye_analysis.validation import (  # noqa: F401 (re-exported: the validation's old home)
    parse_printed,
    read_curated_rows,
    validate_indicators,
    validate_registry,
)

if TYPE_CHECKING:
    import pandas as pd

INDICATOR_DTYPES = {
    "period": "Int64",
    "value": "Float64",
    "kind": ("category", schema.KINDS),
    "measure": ("category", schema.MEASURES),
    "ranked_on": ("category", schema.RANKED_ON),
    "stage": ("category", schema.STAGES),
    "unit": ("category", schema.UNITS),
    "bound": ("category", schema.BOUNDS),
    "price_basis": ("category", schema.PRICE_BASES),
    "rank_scope": ("category", schema.RANK_SCOPES),
    "source": ("category", ("report", "derived")),
}


def parse_indicator_row(row: dict[str, str]) -> dict:
    """A validated text record with Python types: int period, float value, None for blanks."""
    out: dict = {k: (v if v != "" else None) for k, v in row.items()}
    out["period"] = int(row["period"])
    out["value"] = float(row["value"]) if row["value"] else None
    return out


def frame_from_records(records: list[dict], columns: list[str], dtypes: dict) -> pd.DataFrame:
    """One DataFrame, typed in one pass: explicit categoricals, nullable numbers, strings."""
    import pandas as pd

    df = pd.DataFrame.from_records(records, columns=columns)
    types = {
        c: pd.CategoricalDtype(list(t[1])) if isinstance(t, tuple) else t
        for c, t in dtypes.items()
        if c in df.columns
    }
    types |= {c: "string" for c in df.columns if c not in types}
    return df.astype(types)


@functools.cache
def _report_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


REGISTRY_DTYPES = {
    "higher_is_better": "boolean",
    "flow": "boolean",
    "category": ("category", schema.CATEGORIES),
    "growth_basis": ("category", schema.PRICE_BASES),
}


@functools.cache
def _load_registry(path: Path) -> pd.DataFrame:
    rows = read_curated_rows(path, schema.REGISTRY_COLUMNS)
    validate_registry(rows, path)
    flags = {"true": True, "false": False, "": None}
    records = [
        {k: flags[v] if k in ("higher_is_better", "flow") else (v or None) for k, v in r.items()}
        for r in rows
    ]
    return frame_from_records(records, list(schema.REGISTRY_COLUMNS), REGISTRY_DTYPES)


def load_registry(path: Path | None = None) -> pd.DataFrame:
    """The indicator registry: names (zh, en, short labels), category, unit, direction, synonyms."""
    return _load_registry(Path(path or config.REGISTRY_CSV)).copy()


def indicator_ids_by_name() -> dict[str, str]:
    """Every Chinese name, short name and synonym in the registry -> its indicator id."""
    lookup = {}
    for row in load_registry().to_dict("records"):
        names = [row["name_zh"], row["short_zh"], *str(row["synonyms_zh"] or "").split("|")]
        lookup.update({n: row["indicator"] for n in names if isinstance(n, str) and n})
    return lookup


@functools.cache
def _load_curated(
    path: Path, registry_path: Path, report_path: Path | None, derived: bool
) -> pd.DataFrame:
    from muye_analysis.derive import derive_records
    from muye_analysis.reports import check_rows, read_report

    registry = read_curated_rows(registry_path, schema.REGISTRY_COLUMNS)
    names = {r["indicator"]: (r["name_zh"], r["name_en"]) for r in registry}
    rows = read_curated_rows(path, schema.INDICATOR_COLUMNS)
    reports = {}
    for i, row in enumerate(rows):
        if row["document"] not in reports:
            try:
                reports[row["document"]] = read_report(row["document"])
            except DataError as exc:
                raise DataError(
                    f"document {row['document']!r}: {exc}",
                    file=path,
                    row=i + 2,
                    column="document",
                    fix="name a raw report under data/raw/ that has an origin record.",
                ) from None
    texts = {doc: _report_text(report_path or report.path) for doc, report in reports.items()}
    validate_indicators(rows, report=texts, registry_ids=set(names), path=path)
    records = []
    for doc, report in reports.items():
        mine = [parse_indicator_row(r) | {"source": "report"} for r in rows if r["document"] == doc]
        check_rows(report, mine, file=path)
        records += mine
        if derived:
            extra = derive_records(mine, base_year=report.base_year, plan_year=report.plan_year)
            records += [r | {"document": doc} for r in extra]
    for record in records:
        record["name_zh"], record["name_en"] = names[record["indicator"]]
    columns = [
        "indicator", "name_zh", "name_en", *schema.INDICATOR_COLUMNS[1:-1],
        "formula", "inputs", "source", "document",
    ]  # fmt: skip
    return frame_from_records(records, columns, INDICATOR_DTYPES)


def load_indicators(
    path: Path | None = None,
    *,
    registry_path: Path | None = None,
    report_path: Path | None = None,
    derived: bool = True,
    report: str | None = None,
) -> pd.DataFrame:
    """Every figure of a plan report, one row per observation, with names and provenance.

    ``report`` picks the report (its folder under ``data/raw/`` or its document path, see
    :mod:`muye_analysis.reports`): by default the latest one, the one with the latest plan
    year; ``"all"`` gives every report's rows. ``report_path`` checks the quotes against that
    text instead of each row's document (for tests of damaged text).

    Columns: indicator, name_zh, name_en, period, kind, measure, ranked_on, stage, value, unit,
    printed, qualifier, bound, commitment, price_basis, rank_scope, section, quote, note, formula,
    inputs, source, document (the raw file under ``data/raw/``, whose ``.origin.yml`` gives its
    title, date and years: the vintage). ``kind`` is actual or target for the report's own
    figures (``source == "report"``) and derived for values computed from them
    (``muye_analysis.derive``), which carry their formula and inputs instead of a quote.
    Validated on load; a bad cell raises DataError.
    """
    from muye_analysis.reports import find_report

    path = Path(path or config.INDICATORS_CSV)
    frame = _load_curated(
        path,
        Path(registry_path or config.REGISTRY_CSV),
        Path(report_path) if report_path else None,
        derived,
    )
    if report != "all":
        chosen = find_report(report, path)
        frame = frame[frame["document"] == chosen.document].reset_index(drop=True)
    return frame.copy()


def load_targets(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """A report's targets (its plan year) beside the actual of the same indicator and measure in
    its base year.

    ``indicators`` is one report's ``load_indicators()`` (the default: the latest report).
    ``actual`` is the base-year figure, NA where the report gives none (e.g. GDP growth);
    ``gap_pp`` is target minus actual in percentage points for percentage measures;
    ``target_to_actual`` is target over actual for levels and counts; ``base_year`` and
    ``plan_year`` say which years they are.
    """
    from muye_analysis.reports import report_of

    ind = load_indicators() if indicators is None else indicators
    vintage = report_of(ind)
    report = ind[ind["source"] == "report"]
    targets = report[(report["kind"] == "target") & (report["period"] == vintage.plan_year)]
    if targets.empty:
        raise ValueError(
            f"{vintage.document}: no targets for {vintage.plan_year} in the rows given"
        )
    # The base-year figure of the same measure; for a before->after pair, the "after" value.
    actuals = report[
        (report["kind"] == "actual")
        & (report["period"] == vintage.base_year)
        & (report["measure"] != "rank")
        & (report["stage"].isna() | (report["stage"] == "to"))
    ]
    actuals = actuals[["indicator", "measure", "value", "unit"]].rename(
        columns={"value": "actual", "unit": "actual_unit"}
    )
    out = targets.merge(actuals, on=["indicator", "measure"], how="left", validate="one_to_one")
    out = out.rename(columns={"value": "target"})
    pct = out["measure"].isin(["growth_rate", "rate", "share"])
    absolute = out["measure"].isin(["level", "count"]) & (out["unit"] == out["actual_unit"])
    out["gap_pp"] = (out["target"] - out["actual"]).where(pct)
    out["target_to_actual"] = (out["target"] / out["actual"]).where(absolute)
    out["base_year"] = vintage.base_year
    out["plan_year"] = vintage.plan_year
    registry = _load_registry(config.REGISTRY_CSV)
    out = out.merge(
        registry[["indicator", "short_zh", "short_en", "category"]], on="indicator", how="left"
    )
    columns = [
        "indicator", "name_zh", "name_en", "short_zh", "short_en", "category", "measure",
        "target", "unit", "qualifier", "bound", "commitment", "price_basis", "actual",
        "actual_unit", "gap_pp", "target_to_actual", "base_year", "plan_year", "section",
        "quote", "document",
    ]  # fmt: skip
    out = out[columns].reset_index(drop=True)
    return out.astype(
        {
            "actual": "Float64",
            "gap_pp": "Float64",
            "target_to_actual": "Float64",
            "base_year": "Int64",
            "plan_year": "Int64",
        }
    )


def load_rankings(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Muye's positions within the city in the report's base year: numeric ranks and qualitative
    standings (``period`` says the year)."""
    from muye_analysis.reports import report_of

    ind = load_indicators() if indicators is None else indicators
    base_year = report_of(ind).base_year
    rows = ind[
        ind["measure"].isin(["rank", "standing"])
        & (ind["source"] == "report")
        & (ind["period"] == base_year)
    ].copy()
    if rows.empty:
        raise ValueError(f"no rank or standing for {base_year} in the report's rows")
    rows["rank"] = rows["value"].round().astype("Int64")
    rows["standing_text"] = rows["printed"].where(rows["measure"] == "standing")
    registry = _load_registry(config.REGISTRY_CSV)
    rows = rows.merge(registry[["indicator", "short_zh", "short_en"]], on="indicator", how="left")
    columns = [
        "indicator", "name_zh", "name_en", "short_zh", "short_en", "ranked_on", "rank",
        "standing_text", "rank_scope", "period", "printed", "quote", "document",
    ]  # fmt: skip
    return rows[columns].reset_index(drop=True)


# The six headline targets of part 二 of the report, in its order.
HEADLINE = (
    "gdp",
    "industrial_value_added",
    "fixed_asset_investment",
    "budget_revenue",
    "retail_sales",
    "surveyed_unemployment_rate",
)
# The five of them set as growth rates (the unemployment rate is a ceiling, not a growth).
HEADLINE_GROWTH = HEADLINE[:5]


__all__ = [
    "HEADLINE", "HEADLINE_GROWTH", "INDICATOR_DTYPES", "REGISTRY_DTYPES", "frame_from_records",
    "indicator_ids_by_name", "load_indicators", "load_rankings", "load_registry", "load_targets",
    "parse_indicator_row",
]  # fmt: skip
