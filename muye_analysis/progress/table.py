"""The progress-monitoring table: one row per target of the plan year (see
:mod:`muye_analysis.progress`).

Numbers, codes and :class:`~muye_analysis.periods.Period` objects only: the status, the rule
and the reason are codes (:mod:`muye_analysis.progress.rules`); the words are rendered by
:mod:`muye_analysis.progress.rendering` from the vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from muye_analysis import units
from muye_analysis.periods import Period, parse_ytd_period
from muye_analysis.progress.rules import (
    _BASIS_OF_SOURCE,
    CUMULATIVE,
    GROWTH,
    NO_DATA,
    POINT,
    STATUSES,
    Status,
    cumulative_status,
    growth_status,
    point_status,
    progress_kind,
    year_end_status,
)
from muye_analysis.targets import (
    WEIGHTS_EQUAL_MONTHS,
    WEIGHTS_EQUAL_QUARTERS,
    ElapsedShare,
    assess_target,
    bound_of,
    compilation_frequency,
    is_indicative,
    required_growth,
    seasonal_share,
    target_kind,
    weights_for,
)

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = (
    "indicator",
    "measure",
    "progress_kind",
    "target",
    "qualifier",
    "bound",
    "commitment",
    "target_kind",
    "indicative",
    "unit",
    "period",  # a Period (the latest year-to-date span with a figure), or None
    "end_month",
    "ytd_value",
    "ytd_growth",
    "elapsed_pct",
    "elapsed_basis",
    "completion_pct",
    "required_growth",
    "weights_source",
    "status",
    "rule",
    "reason",  # a code of progress.rules (the renderer words it)
    "gap",  # the miss or lag behind the reason, in points (R2, R3)
    "gap_share",  # a point target's miss as % of the target (levels and counts)
    "verdict",  # the target verdict at year end (R4), a targets.Verdict status
    "synthetic",
    "source",
    "file",
    "sheet",
    "source_row",
    "source_column",
    "derived",
    "quote",
)


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _plan_rows(store: pd.DataFrame, year: int, include_synthetic: bool) -> pd.DataFrame:
    from muye_analysis.quarterly import district_rows, is_synthetic

    rows = district_rows(store)  # city / province series in the store are not the district's
    rows = rows[(rows["year"] == year) & ~rows["sub_item"].fillna(False).astype(bool)]
    # year-to-date figures only: 二季度 alone is no progress
    if "start_month" in rows.columns:
        rows = rows[rows["start_month"].fillna(1).astype(int) == 1]
    rows = rows.assign(_synthetic=is_synthetic(rows).to_numpy())
    if not include_synthetic:
        rows = rows[~rows["_synthetic"]]
    return rows


def latest_period(store: pd.DataFrame | None = None, *, year: int | None = None) -> Period | None:
    """The latest year-to-date period of the plan year in the store, or None."""
    from muye_analysis.quarterly import read_store
    from muye_analysis.reports import latest_report

    store = read_store() if store is None else store
    year = latest_report().plan_year if year is None else year
    rows = _plan_rows(store, year, True)
    return None if rows.empty else Period(year, int(rows["end_month"].max()))


def _elapsed(
    kind: str,
    indicator: str,
    period: Period,
    series: pd.DataFrame,
    seasonal: Sequence[float] | None,
) -> ElapsedShare | None:
    if kind == POINT:
        return None
    if period.end_month == 12:
        return ElapsedShare(1.0, WEIGHTS_EQUAL_MONTHS)
    if seasonal is not None:
        return seasonal_share(seasonal, period.end_month)
    frequency = compilation_frequency(indicator) if kind == GROWTH else "monthly"
    try:
        share = weights_for(series, period, frequency=frequency)
    except ValueError:  # a quarterly indicator at a month end: months elapsed, said so
        share = ElapsedShare(period.end_month / 12, WEIGHTS_EQUAL_MONTHS)
    if kind == CUMULATIVE and share.source == WEIGHTS_EQUAL_QUARTERS:
        share = ElapsedShare(share.value, WEIGHTS_EQUAL_MONTHS)  # same number: months ÷ 12
    return share


def progress_table(
    as_of: Period | str | None = None,
    *,
    store: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    seasonal_weights: Mapping[str, Sequence[float]] | None = None,
    include_synthetic: bool = True,
) -> pd.DataFrame:
    """The progress-monitoring table: one row per target of the plan year (see the module
    docstring).

    ``as_of`` (a Period or a label such as 2019年1-9月 / 前三季度) caps the figures used; by
    default the latest year-to-date period of the plan year in the store. ``seasonal_weights``
    maps an indicator to its 12 monthly (or 4 quarterly) shares of the year, used for 序时进度
    instead of months ÷ 12. Rows from synthetic or example files are kept and flagged in the
    ``synthetic`` column unless ``include_synthetic=False`` (the briefing drops them).

    ``attrs`` hold ``as_of`` (a Period or None), ``plan_year`` and ``report`` (the document the
    targets come from).
    """
    import pandas as pd

    from muye_analysis.dataset import load_registry, load_targets
    from muye_analysis.quarterly import read_store, ytd_series
    from muye_analysis.reports import report_of, years_of

    store = read_store() if store is None else store
    targets = load_targets() if targets is None else targets
    year = years_of(targets)[1]  # the plan year of the report the targets come from
    if isinstance(as_of, str):
        as_of = parse_ytd_period(as_of, year=year)
    if as_of is not None and as_of.year != year:
        raise ValueError(f"the targets are for {year}; --as-of {as_of.code} is another year.")
    plan = _plan_rows(store, year, include_synthetic)
    if as_of is not None:
        plan = plan[plan["end_month"] <= as_of.end_month]
    as_of = as_of or (Period(year, int(plan["end_month"].max())) if not plan.empty else None)
    registry = load_registry().set_index("indicator")
    seasonal_weights = seasonal_weights or {}
    rows = []
    for target_row in targets.to_dict("records"):
        indicator = str(target_row["indicator"])
        reg = registry.loc[indicator] if indicator in registry.index else None
        flow = None if reg is None else bool(reg["flow"]) if not _missing(reg["flow"]) else None
        higher = None
        if reg is not None and not _missing(reg["higher_is_better"]):
            higher = bool(reg["higher_is_better"])
        rows.append(
            _progress_row(
                target_row, plan, store, higher, flow, seasonal_weights.get(indicator), ytd_series
            )
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    out = out.astype(
        {
            "target": "Float64",
            "end_month": "Int64",
            "ytd_value": "Float64",
            "ytd_growth": "Float64",
            "elapsed_pct": "Float64",
            "completion_pct": "Float64",
            "required_growth": "Float64",
            "gap": "Float64",
            "gap_share": "Float64",
            "indicative": "boolean",
            "synthetic": "boolean",
            "source_row": "Int64",
            "status": pd.CategoricalDtype(list(STATUSES)),
        }
    )
    document = report_of(targets).document if "document" in targets.columns else None
    out.attrs.update({"as_of": as_of, "plan_year": year, "report": document})
    return out


def _latest(plan: pd.DataFrame, indicator: str, measure: str) -> pd.Series | None:
    rows = plan[(plan["indicator"] == indicator) & (plan["measure"] == measure)]
    if rows.empty:
        return None
    return rows.sort_values("end_month").iloc[-1]


def _progress_row(
    t: Mapping,
    plan: pd.DataFrame,
    store: pd.DataFrame,
    higher: bool | None,
    flow: bool | None,
    seasonal: Sequence[float] | None,
    ytd_series,
) -> dict:
    indicator, measure = str(t["indicator"]), str(t["measure"])
    kind = progress_kind(indicator, measure, flow)
    qualifier = "" if _missing(t["qualifier"]) else str(t["qualifier"])
    bound = bound_of(qualifier)
    target, unit = float(t["target"]), str(t["unit"])
    indicative = is_indicative(indicator)
    row = dict.fromkeys(COLUMNS) | {
        "indicator": indicator,
        "measure": measure,
        "progress_kind": kind,
        "target": target,
        "qualifier": qualifier,
        "bound": bound,
        "commitment": None if _missing(t["commitment"]) else t["commitment"],
        "target_kind": target_kind(bound, higher),
        "indicative": indicative,
        "unit": unit,
        "elapsed_basis": "not_applicable" if kind == POINT else None,
        "synthetic": False,
        "quote": t.get("quote"),
    }
    found = _latest(plan, indicator, "growth" if kind == GROWTH else "level")
    if found is None:
        return _with_status(row, NO_DATA)
    period = Period(int(found["year"]), int(found["end_month"]))
    value = float(found["value"])
    stored_unit = (
        "%" if kind == GROWTH else str(found["unit"]) if not _missing(found["unit"]) else unit
    )
    if kind != GROWTH and stored_unit != unit and unit != "%":
        value = units.convert(value, stored_unit, unit)
    growth = _latest(plan[plan["end_month"] == period.end_month], indicator, "growth")
    row |= {
        "period": period,
        "end_month": period.end_month,
        "ytd_value": value,
        "ytd_growth": None if growth is None or kind == GROWTH else float(growth["value"]),
        "synthetic": bool(found["_synthetic"]),
        **_source_of(found),
    }
    series = ytd_series(indicator, store)
    share = _elapsed(kind, indicator, period, series, seasonal)
    if share is not None:
        row |= {
            "elapsed_pct": share.value * 100,
            "elapsed_basis": _BASIS_OF_SOURCE.get(share.source, "months"),
            "weights_source": share.source,
        }
    verdict = assess_target(
        value, target, bound, higher_is_better=higher, measure=measure, indicative=indicative
    )
    # 完成进度: level and count targets only
    if measure in ("level", "count"):
        row["completion_pct"] = value / target * 100 if target else None
    if period.end_month == 12:
        return _with_status(row, year_end_status(verdict.met, verdict.status))
    if kind == GROWTH:
        need = required_growth(target, value, share).required
        row["required_growth"] = need
        return _with_status(row, growth_status(value, target, need, met_now=verdict.met))
    if kind == CUMULATIVE:
        status = cumulative_status(
            row["completion_pct"], row["elapsed_pct"], ceiling=row["target_kind"] == "ceiling"
        )
        return _with_status(row, status)
    status = point_status(value, target, verdict.met, kind=row["target_kind"], measure=measure)
    return _with_status(row, status)


def _with_status(row: dict, status: Status) -> dict:
    facts = status.facts
    gap_share = facts.get("gap_share") if not facts.get("in_points", True) else None
    return row | {
        "status": status.status,
        "rule": status.rule,
        "reason": status.reason,
        "gap": facts.get("gap"),
        "gap_share": gap_share,
        "verdict": facts.get("verdict"),
    }


def _source_of(found: pd.Series) -> dict:
    """Where the figure came from: the file's stated source, the file, sheet, row and column;
    the formula of the store when the figure was derived (growth from level and 上年同期)."""
    derived = found.get("derived")
    return {
        "source": None if _missing(found["source"]) else str(found["source"]),
        "file": None if _missing(found["file"]) else str(found["file"]),
        "sheet": None if _missing(found["sheet"]) else str(found["sheet"]),
        "source_row": None if _missing(found["row"]) else int(found["row"]),
        "source_column": None if _missing(found["column"]) else str(found["column"]),
        "derived": None if _missing(derived) or not str(derived) else str(derived),
    }
