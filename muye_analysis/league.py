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

from muye_analysis import config
from muye_analysis.errors import DataError
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
    higher = _directions(None)
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


# -- every unit of the city, every period: the city bureau's tables in the store (issue 27) ---

# The columns of ``city_ranks``, in order.
CITY_RANK_COLUMNS = (
    "area", "indicator", "measure", "period", "year", "start_month", "end_month", "value",
    "unit", "price_basis", "rank", "tied", "frame_size", "frame_complete", "published_rank",
    "rank_disagrees", "previous_period", "previous_rank", "previous_frame", "rank_change",
    "frame_changed", "city_value", "gap_to_city", "gap_to_city_kind", "area_above",
    "gap_to_above", "higher_is_better", "status", "synthetic", "source", "file",
)  # fmt: skip
CITY_MEASURES = ("level", "growth")
# A period is a city table's when at least this many units have a figure for an indicator (a
# district's own table holds one area; a wider series two or three).
MIN_CITY_UNITS = 4
# Growth is ranked on the figure as published, to one decimal (5.24 and 5.18 are both 5.2, tied);
# levels as stored (published to the table's own precision).
GROWTH_DECIMALS = 1
# Codes of ``status``: a unit the city ranks although it is administered by the province.
PROVINCE_ADMINISTERED = "province_administered"
# ``gap_to_city_kind``: growth rows hold points above (+) or below (-) the 全市 row; level rows
# the unit's share of the city total in percent.
GAP_POINTS, GAP_SHARE = "points", "share_pct"


def published_figure(value: float, measure: str) -> float:
    """The figure a unit is ranked on: growth to one decimal, rounded half up as bureaus print
    it (5.25 -> 5.3); a level as stored (float noise dropped)."""
    from decimal import ROUND_HALF_UP, Decimal

    if measure in ("growth", "growth_rate"):
        step = Decimal(1).scaleb(-GROWTH_DECIMALS)
        return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))
    return round(float(value), 9)


def competition_ranks(values: list[float], higher_is_better: bool = True) -> list[int]:
    """Competition ranking (1224) of figures as given: a unit's rank is one more than the
    number of units strictly better; equal figures share a rank (并列第2位) and the next rank
    is skipped.

    >>> competition_ranks([18.4, 18.0, 18.0, 16.8])
    [1, 2, 2, 4]
    """
    sign = 1 if higher_is_better else -1
    return [1 + sum(sign * (w - v) > 0 for w in values) for v in values]


def _directions(registry: pd.DataFrame | None) -> dict[str, bool]:
    """indicator -> higher is better (the registry's direction; unknown counts as higher)."""
    import pandas as pd

    from muye_analysis.dataset import load_registry

    registry = load_registry() if registry is None else registry
    return {
        str(r["indicator"]): (
            True if pd.isna(r["higher_is_better"]) else bool(r["higher_is_better"])
        )
        for r in registry[["indicator", "higher_is_better"]].to_dict("records")
    }


def _ranked_frame(group: pd.DataFrame, published: dict, higher: bool) -> pd.DataFrame:
    """The units of one indicator x measure x period ranked as the city ranks them."""
    units = group[~group["sub_item"].fillna(False).astype(bool)]  # of-which zones sit inside
    ranks_given = {k for k in published if k[0] in set(units["area"])}
    if ranks_given:  # a zone listed apart but given no 位次: the city did not rank it
        keep = units["area"].map(lambda a: a not in city_table.ZONES or (a,) in ranks_given)
        units = units[keep.to_numpy()]
    figures = [published_figure(v, str(m)) for v, m in zip(units["value"], units["measure"],
                                                              strict=True)]  # fmt: skip
    ranks = competition_ranks(figures, higher)
    out = units.assign(_figure=figures, rank=ranks)
    out["tied"] = out.groupby("rank")["rank"].transform("size") > 1
    out["frame_size"] = len(out)
    out["frame_complete"] = set(city_table.CITY_FRAME) <= set(out["area"])
    above_area, above_gap = [], []
    sign = 1 if higher else -1
    for figure in figures:
        better = [(f, a) for f, a in zip(figures, out["area"], strict=True)
                  if sign * (f - figure) > 0]  # fmt: skip
        if not better:
            above_area.append(None)
            above_gap.append(None)
            continue
        nearest = min(better, key=lambda fa: (sign * (fa[0] - figure), _frame_order(fa[1])))
        above_area.append(nearest[1])
        above_gap.append(_round_gap(abs(nearest[0] - figure), str(out["measure"].iloc[0])))
    out["area_above"] = above_area
    out["gap_to_above"] = above_gap
    return out


def _frame_order(area: str) -> int:
    order = (*city_table.CITY_FRAME, *city_table.ZONES)
    return order.index(area) if area in order else len(order)


def _round_gap(gap: float, measure: str) -> float:
    """A difference of published figures, without float noise (5.2 - 4.8 is 0.4)."""
    return round(gap, GROWTH_DECIMALS if measure == "growth" else 9)


def _city_rows(store: pd.DataFrame) -> pd.DataFrame:
    """Store rows of the city's units and of the city itself, year to date."""
    areas = {*UNITS, config.CITY_ZH}
    rows = store[store["area"].isin(areas)]
    return rows[rows["start_month"].fillna(1).astype(int) == 1]


def city_ranks_all(
    store: pd.DataFrame | None = None, registry: pd.DataFrame | None = None
) -> pd.DataFrame:
    """:func:`city_ranks` for every period the store holds a city table of (oldest first)."""
    import pandas as pd

    from muye_analysis.periods import Period
    from muye_analysis.quarterly import is_synthetic, read_store

    store = read_store() if store is None else store
    rows = _city_rows(store)
    rows = rows.assign(synthetic=is_synthetic(rows).to_numpy()) if len(rows) else rows
    values = rows[rows["measure"].isin(CITY_MEASURES)]
    units = values[values["area"] != config.CITY_ZH]
    city = values[(values["area"] == config.CITY_ZH) & ~values["sub_item"].fillna(False)]
    city_of = {(r["indicator"], r["year"], r["end_month"], r["measure"]): r["value"]
               for r in city.to_dict("records")}  # fmt: skip
    published: dict[tuple, dict] = {}
    for r in rows[rows["measure"] == "rank"].to_dict("records"):
        key = (r["indicator"], r["year"], r["end_month"], r["ranked_on"])
        published.setdefault(key, {})[(r["area"],)] = int(r["value"])
    higher_of = _directions(registry)
    frames = []
    keys = ["indicator", "year", "end_month", "measure"]
    for (indicator, year, end, measure), group in units.groupby(keys, observed=True, sort=True):
        if (~group["sub_item"].fillna(False).astype(bool)).sum() < MIN_CITY_UNITS:
            continue  # not a city table: a district's own figures, or a wider series
        given = published.get((indicator, year, end, measure), {})
        higher = higher_of.get(str(indicator), True)
        ranked = _ranked_frame(group, given, higher)
        ranked["published_rank"] = [given.get((a,)) for a in ranked["area"]]
        ranked["higher_is_better"] = higher
        city_value = city_of.get((indicator, year, end, measure))
        ranked["city_value"] = city_value
        if city_value is None:
            ranked["gap_to_city"] = None
        elif measure == "growth":
            c = published_figure(city_value, "growth")
            ranked["gap_to_city"] = [_round_gap(f - c, "growth") for f in ranked["_figure"]]
        else:
            ranked["gap_to_city"] = [v / city_value * 100 if city_value else None
                                     for v in ranked["value"]]  # fmt: skip
        ranked["gap_to_city_kind"] = GAP_POINTS if measure == "growth" else GAP_SHARE
        ranked["_order"] = Period(int(year), int(end)).code
        frames.append(ranked)
    if not frames:
        return _empty_city_ranks()
    out = pd.concat(frames, ignore_index=True)
    out = _with_changes(out)
    out["rank_disagrees"] = [
        pd.NA if pd.isna(p) else bool(int(p) != int(r))
        for p, r in zip(out["published_rank"], out["rank"], strict=True)
    ]
    out["status"] = [PROVINCE_ADMINISTERED if a in city_table.PROVINCE_ADMINISTERED else ""
                     for a in out["area"]]  # fmt: skip
    return _typed_city_ranks(out)


def _with_changes(out: pd.DataFrame) -> pd.DataFrame:
    """previous_period / previous_rank / rank_change (previous minus now: + climbed) and
    frame_changed, each unit against the latest earlier period that ranked the same indicator
    and measure."""
    out = out.sort_values(["area", "indicator", "measure", "year", "end_month"])
    grouped = out.groupby(["area", "indicator", "measure"], observed=True, sort=False)
    out["previous_period"] = grouped["period"].shift(1)
    out["previous_rank"] = grouped["rank"].shift(1)
    out["previous_frame"] = grouped["frame_size"].shift(1)
    out["rank_change"] = out["previous_rank"] - out["rank"]
    changed = out["previous_frame"] != out["frame_size"]
    out["frame_changed"] = changed.where(out["previous_frame"].notna())
    return out


def _empty_city_ranks() -> pd.DataFrame:
    import pandas as pd

    return _typed_city_ranks(pd.DataFrame(columns=list(CITY_RANK_COLUMNS)))


def _typed_city_ranks(out: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    order = {a: i for i, a in enumerate((*city_table.CITY_FRAME, *city_table.ZONES))}
    if len(out):
        out = out.assign(_area_order=out["area"].map(order)).sort_values(
            ["year", "end_month", "indicator", "measure", "rank", "_area_order"]
        )
    out = out.reindex(columns=list(CITY_RANK_COLUMNS)).reset_index(drop=True)
    return out.astype(
        {
            "area": "string", "indicator": "string",
            "measure": pd.CategoricalDtype(list(CITY_MEASURES)), "period": "string",
            "year": "Int64", "start_month": "Int64", "end_month": "Int64", "value": "Float64",
            "unit": "string", "price_basis": "string", "rank": "Int64", "tied": "boolean",
            "frame_size": "Int64", "frame_complete": "boolean", "published_rank": "Int64",
            "rank_disagrees": "boolean", "previous_period": "string", "previous_rank": "Int64",
            "previous_frame": "Int64", "rank_change": "Int64", "frame_changed": "boolean",
            "city_value": "Float64",
            "gap_to_city": "Float64", "gap_to_city_kind": "string", "area_above": "string",
            "gap_to_above": "Float64", "higher_is_better": "boolean", "status": "string",
            "synthetic": "boolean", "source": "string", "file": "string",
        }
    )  # fmt: skip


def city_ranks(
    as_of: object = None,
    indicator: str | None = None,
    *,
    store: pd.DataFrame | None = None,
    registry: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every unit of the city ranked for one period, per indicator and measure.

    One row per area x indicator x measure (``level`` or ``growth``) of the period ``as_of``
    (a :class:`~muye_analysis.periods.Period` or a label such as YYYY年1-6月 or 上半年; default:
    the latest period the store holds a city table of; with ``indicator``, that indicator's
    latest). The figures are the city bureau's tables ingested with ``muye ingest``
    (``quarterly.city_table``). Columns (``CITY_RANK_COLUMNS``):

    * ``rank``: 1 = highest, or best by the registry's direction (``higher_is_better``);
      competition ranking on the figures as published (growth to 0.1): equal figures share a
      rank (``tied``: 并列第N位) and the next rank is skipped;
    * ``frame_size``: the units ranked, as the city ranks them: the 4 districts (经开区 inside
      红旗区, 高新区 inside 卫滨区 unless the table lists them apart), the 8 counties and cities
      (长垣市 included, ``status`` = ``province_administered``: 省直管) and 平原示范区; 全市 never.
      A zone listed apart is ranked, unless the table gives others a 位次 and it none.
      ``frame_complete``: all 13 units of the city's usual frame have a figure;
    * ``published_rank``: the 位次 the table publishes for this measure; ``rank_disagrees``
      flags a published rank the figures do not give;
    * ``rank_change``: the previous period's rank minus this one (+ = climbed), against the
      latest earlier period ranking the same indicator and measure (``previous_period``,
      ``previous_rank``); ``frame_changed`` when that period ranked a different number of
      units (``previous_frame``);
    * ``gap_to_city``: growth: points above (+) or below (-) the 全市 row; level: the unit's
      share of the city total in percent (``gap_to_city_kind``);
    * ``gap_to_above``: how far the unit is from the nearest unit ranked above it
      (``area_above``), in points for growth and in the level's unit; NA for the first.

    ``attrs``: ``as_of`` (the Period) and ``periods`` (every period with a city table).
    Raises ValueError when ``as_of`` names a period with no city table.
    """
    from muye_analysis.periods import Period

    ranks = city_ranks_all(store, registry)
    if indicator is not None:
        ranks = ranks[ranks["indicator"] == _indicator_id(indicator)]
    periods = sorted({Period(int(y), int(m)) for y, m in zip(ranks["year"], ranks["end_month"],
                                                               strict=True)})  # fmt: skip
    if not periods:
        out = ranks.iloc[0:0]
        out.attrs.update({"as_of": None, "periods": []})
        return out
    period = periods[-1] if as_of is None else _as_of(as_of, periods)
    out = ranks[(ranks["year"] == period.year) & (ranks["end_month"] == period.end_month)]
    out = out.reset_index(drop=True)
    out.attrs.update({"as_of": period, "periods": periods})
    return out


def latest_city_period(store: pd.DataFrame | None = None, as_of: object = None) -> object:
    """The latest period with a city table at or before ``as_of`` (a Period, or None for the
    latest of all); None when there is none. The briefing and the workbook show the city's
    table of their own period, or the last one published before it."""
    periods = city_ranks(store=store).attrs["periods"]
    if as_of is not None:
        end = (as_of.year, as_of.end_month)
        periods = [p for p in periods if (p.year, p.end_month) <= end]
    return periods[-1] if periods else None


def _indicator_id(indicator: str) -> str:
    """A registry id from an id, a Chinese name or a synonym (the registry's names)."""
    from muye_analysis.dataset import indicator_ids_by_name

    return indicator_ids_by_name().get(indicator, indicator)


def _as_of(as_of: object, periods: list) -> object:
    from muye_analysis.periods import Period, parse_ytd_period

    period = as_of if isinstance(as_of, Period) else parse_ytd_period(
        as_of, year=periods[-1].year
    )  # fmt: skip
    if period not in periods:
        listed = ", ".join(p.label("zh") for p in periods)
        raise ValueError(
            f"no city table for {period.label('zh')}; the store has city tables for {listed}."
        )
    return period


def district_ranks(
    ranks: pd.DataFrame | None = None, area: str = config.DISTRICT_ZH
) -> pd.DataFrame:
    """One area's rows of :func:`city_ranks` (the district by default), in the registry's
    order of the headline indicators, level before growth: the 位次 table of the period."""
    from muye_analysis.dataset import HEADLINE

    ranks = city_ranks() if ranks is None else ranks
    mine = ranks[ranks["area"] == area]
    order = {ind: i for i, ind in enumerate(HEADLINE)}
    mine = mine.assign(_o=mine["indicator"].map(lambda i: order.get(i, len(order))))
    mine = mine.sort_values(["_o", "indicator", "measure"]).drop(columns="_o")
    out = mine.reset_index(drop=True)
    out.attrs.update(ranks.attrs)
    return out


def rank_history(
    area: str = config.DISTRICT_ZH,
    *,
    store: pd.DataFrame | None = None,
    registry: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One area's rank at every period with a city table (the rows of :func:`city_ranks_all`
    for ``area``), oldest first: the data of the rank-over-time chart."""
    ranks = city_ranks_all(store, registry)
    out = ranks[ranks["area"] == area].sort_values(["indicator", "measure", "year", "end_month"])
    return out.reset_index(drop=True)


def published_ranks(
    store: pd.DataFrame | None = None, as_of: object = None, area: str = config.DISTRICT_ZH
) -> pd.DataFrame:
    """The 全市位次 the district's own year-to-date table prints (measure ``rank`` beside a
    value: ``quarterly.bureau``), for the latest period with one up to ``as_of`` (a Period; None:
    the latest of all), with the change against the same indicator's rank in the latest earlier
    table of the same year that printed one.

    Columns: ``indicator``, ``ranked_on``, ``period`` and ``previous_period`` (Periods), ``rank``,
    ``previous_rank``, ``rank_change`` (previous minus now: + climbed), ``synthetic``, ``file``,
    ``sheet``, ``row``, ``column``. The number of units ranked is not printed in such a table, so
    it is not given. Empty when the store holds no such rank (a city table of every unit is
    ranked by :func:`city_ranks` instead). ``attrs["as_of"]``: the period, or None.
    """
    import pandas as pd

    from muye_analysis.dataset import HEADLINE
    from muye_analysis.periods import Period
    from muye_analysis.quarterly import district_rows, is_synthetic, read_store

    store = read_store() if store is None else store
    columns = ["indicator", "ranked_on", "period", "previous_period", "rank", "previous_rank",
               "rank_change", "synthetic", "file", "sheet", "row", "column"]  # fmt: skip
    rows = district_rows(store, area)
    rows = rows[(rows["measure"] == "rank") & (rows["start_month"].fillna(1).astype(int) == 1)]
    if as_of is not None:
        year, month = rows["year"].astype(int), rows["end_month"].astype(int)
        rows = rows[(year < as_of.year) | ((year == as_of.year) & (month <= as_of.end_month))]
    empty = pd.DataFrame(columns=columns)
    empty.attrs["as_of"] = None
    if rows.empty:
        return empty
    rows = rows.assign(synthetic=is_synthetic(rows).to_numpy())
    year = int(rows["year"].max())
    rows = rows[rows["year"].astype(int) == year]
    end = int(rows["end_month"].max())
    order = {ind: i for i, ind in enumerate(HEADLINE)}
    out = []
    for r in rows[rows["end_month"].astype(int) == end].to_dict("records"):
        earlier = rows[(rows["indicator"] == r["indicator"])
                       & (rows["ranked_on"].fillna("") == (r["ranked_on"] or ""))
                       & (rows["end_month"].astype(int) < end)]  # fmt: skip
        before = earlier.sort_values("end_month").iloc[-1] if len(earlier) else None
        previous_rank = None if before is None else int(before["value"])
        out.append({
            "indicator": r["indicator"], "ranked_on": r["ranked_on"],
            "period": Period(year, end),
            "previous_period": None if before is None else Period(year, int(before["end_month"])),
            "rank": int(r["value"]), "previous_rank": previous_rank,
            "rank_change": None if previous_rank is None else previous_rank - int(r["value"]),
            "synthetic": bool(r["synthetic"]), "file": r["file"], "sheet": r["sheet"],
            "row": r["row"], "column": r["column"],
        })  # fmt: skip
    frame = pd.DataFrame(out, columns=columns)
    frame = frame.assign(_o=frame["indicator"].map(lambda i: order.get(i, len(order))))
    frame = frame.sort_values(["_o", "indicator"]).drop(columns="_o").reset_index(drop=True)
    frame.attrs["as_of"] = Period(year, end)
    return frame
