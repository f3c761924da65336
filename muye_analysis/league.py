"""City league tables: every county-level unit's figure for an indicator, and the ranks they give.

The report states the ranks of Muye (居全市第5位) but not how many units were ranked; no base-year
table of all units is bundled. When the city statistics bureau's table is at hand
(各县(市、区)主要经济指标), put it in ``data/league/`` in the template's columns: the ranks are
then computed, the number of units ranked becomes a fact instead of an assumption, and each rank
the report states is checked against the table.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config, schema
from muye_analysis.errors import DataError
from muye_analysis.text import to_halfwidth

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("region", "year", "indicator", "measure", "value", "unit", "source")
# Xinxiang's county-level units (and the zones some round-ups rank beside them), their aliases
# and the words of the measure column: data, kept with the config and schema.
UNITS = config.CITY_UNITS
ALIASES = config.CITY_UNIT_ALIASES
MEASURES = schema.MEASURE_WORDS
RANKED_ON = {"level": "level", "growth_rate": "growth_rate"}
DEFAULT_FRAME_SIZE = 13  # 四区八县(市)及平原示范区: the usual city round-up; an assumption


def league_dir() -> Path:
    """Where league tables are read from: ``config.league_dir()`` (``MUYE_LEAGUE_DIR``)."""
    return config.league_dir()


def read_league_table(path: str | Path) -> pd.DataFrame:
    """Read and validate a league table (CSV in UTF-8 or GBK, or .xlsx); one row per unit.

    Columns: region (a county-level unit of Xinxiang), year, indicator (registry id, Chinese
    name or synonym), measure (level / growth_pct, or 总量 / 增速), value, unit, source.
    A bad cell raises DataError naming the file, row and column.
    """
    import pandas as pd

    from muye_analysis.dataset import indicator_ids_by_name, load_registry

    path = Path(path)
    raw = _read_cells(path)
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        header = ",".join(COLUMNS)
        raise DataError(f"missing column(s) {', '.join(missing)}.", file=path, row=1,
                        column=missing[0], fix=f"the header must be: {header}")  # fmt: skip
    ids = indicator_ids_by_name() | {i: i for i in load_registry()["indicator"]}
    records, seen = [], {}
    for i, row in enumerate(raw[list(COLUMNS)].to_dict("records")):
        line = i + 2
        record = _check_row(row, ids, path, line)
        key = (record["region"], record["year"], record["indicator"], record["measure"])
        if key in seen:
            raise DataError(f"{key[0]} {key[2]} {key[3]} {key[1]} appears twice (also row "
                            f"{seen[key]}).", file=path, row=line, column="region",
                            fix="keep one row per unit, indicator, measure and year.")  # fmt: skip
        seen[key] = line
        records.append(record)
    out = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    return out.astype({"year": "Int64", "value": "Float64"})


def _read_cells(path: Path) -> pd.DataFrame:
    import pandas as pd

    from muye_analysis.quarterly import decode_csv_bytes

    if not path.exists():
        raise DataError("file not found.", file=path, fix="check the path.")
    if path.suffix.lower() in (".xlsx", ".xls"):
        return pd.read_excel(path, dtype=str, engine="calamine").fillna("")
    text = decode_csv_bytes(path.read_bytes(), path)
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


def _check_row(row: dict, ids: dict[str, str], path: Path, line: int) -> dict:
    def fail(column: str, problem: str, fix: str) -> None:
        raise DataError(problem, file=path, row=line, column=column, fix=fix)

    region = ALIASES.get(row["region"].strip(), row["region"].strip())
    if region not in UNITS:
        fail("region", f"unknown unit {row['region']!r}.", f"use one of {', '.join(UNITS)}.")
    indicator = ids.get(row["indicator"].strip())
    if indicator is None:
        fail("indicator", f"unknown indicator {row['indicator']!r}.",
             "use a registry id, Chinese name or synonym (data/curated/registry.csv).")  # fmt: skip
    measure = MEASURES.get(row["measure"].strip())
    if measure is None:
        fail("measure", f"unknown measure {row['measure']!r}.", "write level or growth_pct.")
    year = to_halfwidth(row["year"]).strip()
    if not year.isdigit():
        fail("year", f"{row['year']!r} is not a year.", "write the four-digit year.")
    try:
        value = float(to_halfwidth(row["value"]).replace(",", "").rstrip("%"))
    except ValueError:
        fail("value", f"{row['value']!r} is not a number.", "write the number only, e.g. 232.1.")
    unit, source = row["unit"].strip(), row["source"].strip()
    return {"region": region, "year": int(year), "indicator": indicator, "measure": measure,
            "value": value, "unit": unit, "source": source}  # fmt: skip


def rank_league(table: pd.DataFrame) -> pd.DataFrame:
    """Each unit's rank per year, indicator and measure: 1 = best (highest, or lowest where the
    registry says lower is better); ties share the better rank. ``frame_size`` is how many
    units the table ranks for that indicator."""
    from muye_analysis.dataset import load_registry

    lower_better = set(load_registry().query("higher_is_better == False")["indicator"].astype(str))
    out = table.copy()
    groups = out.groupby(["year", "indicator", "measure"], sort=False)["value"]
    descending = ~out["indicator"].isin(lower_better)
    out["rank"] = groups.rank(method="min", ascending=False).where(
        descending, groups.rank(method="min", ascending=True)
    ).astype("Int64")  # fmt: skip
    out["frame_size"] = groups.transform("size").astype("Int64")
    return out


def compare_with_report(
    ranked: pd.DataFrame, rankings: pd.DataFrame | None = None, region: str = config.DISTRICT_ZH
) -> pd.DataFrame:
    """The report's ranks for ``region`` beside the ranks the table gives, and whether they agree.

    Only ranks among units (of a level or a growth rate) are compared; the table's year is the
    report's base year.
    """
    from muye_analysis.dataset import load_rankings

    rankings = load_rankings() if rankings is None else rankings
    stated = rankings[rankings["ranked_on"].isin(list(RANKED_ON))][
        ["indicator", "name_zh", "name_en", "ranked_on", "rank"]
    ].rename(columns={"rank": "report_rank"})
    base_year = (
        int(rankings["period"].iloc[0]) if "period" in rankings and len(rankings) else _base_year()
    )
    mine = ranked[(ranked["region"] == region) & (ranked["year"] == base_year)]
    mine = mine.rename(columns={"measure": "ranked_on", "rank": "table_rank"})
    out = stated.astype({"ranked_on": "string"}).merge(
        mine[["indicator", "ranked_on", "table_rank", "frame_size"]].astype(
            {"ranked_on": "string"}
        ),
        on=["indicator", "ranked_on"],
        how="left",
    )
    out["agrees"] = (out["report_rank"] == out["table_rank"]).astype("boolean")
    return out


def frame_size_for_scorecard(ranked: pd.DataFrame) -> int | None:
    """The number of units the table ranks in the latest report's base year (the most common
    frame), or None."""
    sizes = ranked.loc[ranked["year"] == _base_year(), "frame_size"]
    return None if sizes.empty else int(sizes.mode().iloc[0])


def load_league_tables(folder: str | Path | None = None) -> pd.DataFrame | None:
    """Every league table in ``folder`` (default ``data/league/``) in one frame, or None."""
    import pandas as pd

    from muye_analysis.quarterly import data_files, has_data_files

    folder = Path(folder or league_dir())
    if not has_data_files(folder):
        return None
    return pd.concat([read_league_table(p) for p in data_files(folder)], ignore_index=True)


def scorecard_frame(
    frame_size: int | None = None, folder: str | Path | None = None
) -> tuple[int, bool]:
    """The frame size for the rank scorecard and whether it comes from a league table.

    An explicit ``frame_size`` wins (an assumption the user states); otherwise the league table
    in ``folder`` gives it; otherwise the usual city round-up of 13 units is assumed.
    """
    if frame_size is not None:
        return frame_size, False
    table = load_league_tables(folder)
    size = None if table is None else frame_size_for_scorecard(rank_league(table))
    return (size, True) if size is not None else (DEFAULT_FRAME_SIZE, False)


def _base_year() -> int:
    from muye_analysis.reports import latest_report

    return latest_report().base_year
