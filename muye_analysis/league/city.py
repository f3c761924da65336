"""Every unit of the city ranked, every period: the city bureau's tables in the store (issue 27),
ranked as the city ranks them (``city_ranks``, ``city_ranks_all``, ``rank_history``), the district's
rows of them (``district_ranks``), and the 全市位次 the district's own table prints
(``published_ranks``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.league.ranking import (
    GROWTH_DECIMALS,
    competition_ranks,
    directions,
    published_figure,
)
from muye_analysis.quarterly import city_table

if TYPE_CHECKING:
    import pandas as pd

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
# Codes of ``status``: a unit the city ranks although it is administered by the province.
PROVINCE_ADMINISTERED = "province_administered"
# ``gap_to_city_kind``: growth rows hold points above (+) or below (-) the 全市 row; level rows
# the unit's share of the city total in percent.
GAP_POINTS, GAP_SHARE = "points", "share_pct"


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
    areas = {*city_table.UNITS, config.CITY_ZH}
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
    higher_of = directions(registry)
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
