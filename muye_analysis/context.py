"""Comparator figures for Xinxiang city and its counties, with their sources and caveats."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.dataset import load_registry, read_curated_csv
from muye_analysis.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

CONTEXT_COLUMNS = (
    "region", "year", "indicator_zh", "measure", "value", "unit",
    "source_title", "source_url", "note",
)  # fmt: skip
_MEASURES = {"level": "level", "growth_pct": "growth_rate"}


def _indicator_ids() -> dict[str, str]:
    """Chinese names and synonyms -> registry id."""
    registry = load_registry()
    lookup = {}
    for row in registry.to_dict("records"):
        names = [row["name_zh"], row["short_zh"], *str(row["synonyms_zh"] or "").split("|")]
        lookup.update({n: row["indicator"] for n in names if isinstance(n, str) and n})
    return lookup


@functools.cache
def _load_context(path: Path) -> pd.DataFrame:
    import pandas as pd

    df = read_curated_csv(path, CONTEXT_COLUMNS)
    ids = _indicator_ids()
    for i, row in enumerate(df.to_dict("records")):
        line = i + 2
        if row["measure"] not in _MEASURES:
            raise DataError(f"unknown measure {row['measure']!r}.", file=path, row=line,
                            column="measure", fix="write level or growth_pct.")  # fmt: skip
        try:
            float(row["value"])
        except ValueError:
            raise DataError(f"{row['value']!r} is not a number.", file=path, row=line,
                            column="value", fix="write the number only.") from None  # fmt: skip
        if row["indicator_zh"] not in ids:
            raise DataError(
                f"unknown indicator {row['indicator_zh']!r}.",
                file=path,
                row=line,
                column="indicator_zh",
                fix="use a registry name or synonym.",
            )
        if not row["source_url"].startswith("http"):
            raise DataError("every comparator needs its source URL.", file=path, row=line,
                            column="source_url", fix="add the URL it was read from.")  # fmt: skip
    out = df.replace("", pd.NA)
    out.insert(2, "indicator", out["indicator_zh"].map(ids).astype("string"))
    out["measure"] = out["measure"].map(_MEASURES)
    registry = load_registry().set_index("indicator")["growth_basis"].astype("string")
    basis = out["indicator"].map(registry)
    # Levels are at current prices; growth takes the indicator's basis (GDP and industry real).
    out["price_basis"] = basis.where(out["measure"] == "growth_rate", "nominal")
    out["unit"] = out["unit"].replace("%", "%")
    return out.astype({"year": "Int64", "value": "Float64", "measure": "category"})


def load_context(path: Path | None = None) -> pd.DataFrame:
    """Real comparator figures with their sources: region, year, indicator, indicator_zh, measure
    (level / growth_rate), value, unit, source_title, source_url, note, price_basis."""
    return _load_context(Path(path or config.CONTEXT_RAW)).copy()
