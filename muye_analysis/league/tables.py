"""The annual league tables (各县(市、区)主要经济指标) a user puts in ``data/league/`` in the
template's columns: read and checked cell by cell, ranked, and compared with the ranks the report
states; the number of units they rank is the rank scorecard's frame.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.errors import DataError
from muye_analysis.league.ranking import competition_ranks, directions, published_figure
from muye_analysis.quarterly import city_table
from muye_analysis.text import to_halfwidth

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("region", "year", "indicator", "measure", "value", "unit", "source")
# Xinxiang's county-level units and the zones some city round-ups rank beside them, the other
# names tables give them, and the measure words of the template: the city table's reader owns
# the names (``quarterly.city_table``).
UNITS = city_table.UNITS
ALIASES = city_table.ALIASES
MEASURES = city_table.MEASURE_WORDS
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
    registry says lower is better); competition ranking on the figures as published (growth to
    one decimal, :func:`published_figure`): ties share the better rank and the next is skipped
    (并列第2位, then 4th). ``frame_size`` is how many units the table ranks for that
    indicator."""
    higher = directions(None)
    out = table.copy()
    ranks = {}
    for (_year, indicator, measure), group in out.groupby(
        ["year", "indicator", "measure"], sort=False
    ):
        figures = [published_figure(v, str(measure)) for v in group["value"]]
        ranks.update(zip(group.index, competition_ranks(figures, higher.get(indicator, True)),
                         strict=True))  # fmt: skip
    out["rank"] = out.index.map(ranks).astype("Int64")
    groups = out.groupby(["year", "indicator", "measure"], sort=False)["value"]
    out["frame_size"] = groups.transform("size").astype("Int64")
    return out


def real_rank_check(published: pd.DataFrame | None = None) -> pd.DataFrame:
    """The league's ranking rules on real published ranks of the city's units.

    ``published`` is ``context.load_published_ranks()`` (the default): the top of the city's
    annual tables as 新乡日报 reported them, 2020 and 2021, with the rank each report writes.
    The units listed for a year, indicator and measure are ranked with :func:`rank_league`;
    as each list starts at first place and leaves no unit out, a unit's rank among them is its
    rank in the city. Returns one row per listed unit: region, year, indicator, measure, value,
    rank (computed), published_rank (NA where the report writes none), agrees, listed (units
    listed), city_value (全市, where the report gives it) and source_url.
    """
    from muye_analysis.context import load_published_ranks

    published = load_published_ranks() if published is None else published
    units = published[published["region"] != config.CITY_ZH].rename(
        columns={"source_url": "source"}
    )  # fmt: skip
    ranked = rank_league(units[list(COLUMNS)])
    city = published[published["region"] == config.CITY_ZH]
    city_of = {(r["year"], r["indicator"], r["measure"]): r["value"]
               for r in city.to_dict("records")}  # fmt: skip
    out = ranked.assign(published_rank=units["published_rank"].to_numpy())
    out["agrees"] = (out["published_rank"] == out["rank"]).astype("boolean")
    out["listed"] = out["frame_size"]
    out["city_value"] = [city_of.get(k) for k in zip(out["year"], out["indicator"],
                                                      out["measure"], strict=True)]  # fmt: skip
    out = out.rename(columns={"source": "source_url"})
    columns = ["region", "year", "indicator", "measure", "value", "rank", "published_rank",
               "agrees", "listed", "city_value", "source_url"]  # fmt: skip
    return (
        out[columns]
        .astype({"city_value": "Float64", "published_rank": "Int64"})
        .reset_index(drop=True)
    )


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
