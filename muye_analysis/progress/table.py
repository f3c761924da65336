"""The 进度监测 table: one row per target of the plan year (see :mod:`muye_analysis.progress`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from muye_analysis import units
from muye_analysis.periods import Period, parse_ytd_period
from muye_analysis.progress.rules import (
    _BASIS_OF_SOURCE,
    BASIS_TEXT,
    CUMULATIVE,
    GENERAL_NOTE,
    GROWTH,
    NO_DATA,
    POINT,
    RULES,
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
    "name_zh",
    "name_en",
    "measure",
    "progress_kind",
    "target",
    "qualifier",
    "bound",
    "commitment",
    "target_kind",
    "indicative",
    "target_zh",
    "target_en",
    "unit",
    "period",
    "end_month",
    "ytd_value",
    "ytd_growth",
    "elapsed_pct",
    "elapsed_basis",
    "elapsed_basis_zh",
    "elapsed_basis_en",
    "completion_pct",
    "required_growth",
    "weights_source",
    "status",
    "rule",
    "reason_zh",
    "reason_en",
    "synthetic",
    "source",
    "derived",
    "quote",
)


# -- the table ----------------------------------------------------------------------------------


_PREFIX_QUALIFIERS = ("不低于", "不少于", "超过", "稳定在", "近")


def _amount_zh(value: float, unit: str, decimals: int | None = None) -> str:
    number = f"{value:g}" if decimals is None else f"{value:.{decimals}f}"
    return f"{number}{unit}"


def _amount_en(value: float, unit: str, decimals: int | None = None) -> str:
    if decimals is not None:
        value = round(value, decimals)
    return units.amount_en(value, unit)  # 亿元 -> billion yuan


def decimals_of(value: float, cap: int = 2) -> int:
    """Decimals a number is printed with (0.2 -> 1, 2.75 -> 2, 180 -> 0), at most ``cap``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    text = f"{float(value):.{cap}f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def goal_text(row: Mapping, lang: str, *, commitment: bool = True) -> str:
    """The target as the report words it: 力争180亿元以上, 确保不少于20个, 稳定在2.75万亩,
    增长6%以上 / at least 18 billion yuan (strive for), growth of at least 6%."""
    from muye_analysis.targets import _QUALIFIER_EN  # one wording for qualifiers

    value, unit = float(row["target"]), str(row["unit"])
    qualifier = "" if _missing(row["qualifier"]) else str(row["qualifier"])
    strength = "" if _missing(row["commitment"]) or not commitment else str(row["commitment"])
    growth = row["measure"] == "growth_rate"
    if lang == "zh":
        number = _amount_zh(value, unit)
        if qualifier in _PREFIX_QUALIFIERS:
            number = qualifier + number
        elif qualifier:
            number += qualifier
        return f"{strength}{'增长' if growth else ''}{number}"
    bound = bound_of(qualifier)
    tail = {"力争": " (strive for)", "确保": " (ensure)"}.get(strength, "")
    return f"{'growth of ' if growth else ''}{_QUALIFIER_EN[bound]}{_amount_en(value, unit)}{tail}"


def _target_text(row: Mapping, lang: str) -> str:
    return goal_text(row, lang)


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _plan_rows(store: pd.DataFrame, year: int, include_synthetic: bool) -> pd.DataFrame:
    from muye_analysis.quarterly import district_rows, is_synthetic

    rows = district_rows(store)  # city / province series in the store are not the district's
    rows = rows[(rows["year"] == year) & ~rows["sub_item"].fillna(False).astype(bool)]
    if "start_month" in rows.columns:  # year-to-date figures only: 二季度 alone is no progress
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
    """The 进度监测 table: one row per target of the plan year (see the module docstring).

    ``as_of`` (a Period or a label such as 2019年1-9月 / 前三季度) caps the figures used; by
    default the latest year-to-date period of the plan year in the store. ``seasonal_weights``
    maps an indicator to its 12 monthly (or 4 quarterly) shares of the year, used for 序时进度
    instead of months ÷ 12. Rows from synthetic or example files are kept and flagged in the
    ``synthetic`` column unless ``include_synthetic=False`` (the briefing drops them).

    ``attrs`` hold ``as_of``, ``plan_year``, ``note_zh`` / ``note_en`` (the rules) and
    ``rules`` (rule id -> (zh, en)).
    """
    import pandas as pd

    from muye_analysis.dataset import load_registry, load_targets
    from muye_analysis.quarterly import read_store, ytd_series
    from muye_analysis.reports import years_of

    store = read_store() if store is None else store
    targets = load_targets() if targets is None else targets
    year = years_of(targets)[1]  # the plan year of the report the targets come from
    report = _report_titles(targets)
    if isinstance(as_of, str):
        as_of = parse_ytd_period(as_of, year=year)
    if as_of is not None and as_of.year != year:
        raise ValueError(
            f"the targets are for {year}; --as-of {as_of.label('zh')} is another year."
        )
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
            "indicative": "boolean",
            "synthetic": "boolean",
            "status": pd.CategoricalDtype(list(STATUSES)),
        }
    )
    out.attrs.update(
        {
            "as_of": as_of,
            "plan_year": year,
            **report,
            "rules": dict(RULES),
            "note_zh": GENERAL_NOTE["zh"]
            + " 状态规则："
            + " ".join(f"{k} {v[0]}" for k, v in RULES.items()),
            "note_en": GENERAL_NOTE["en"]
            + " Status rules: "
            + " ".join(f"{k} {v[1]}" for k, v in RULES.items()),
        }
    )
    return out


def _report_titles(targets: pd.DataFrame) -> dict[str, str]:
    """The title of the report the targets come from (its origin record), for the sources."""
    from muye_analysis.reports import report_of

    if "document" not in targets.columns:
        return {"report_title_zh": "", "report_title_en": ""}
    report = report_of(targets)
    return {"report_title_zh": report.title_zh, "report_title_en": report.title_en}


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
    row = {
        "indicator": indicator,
        "name_zh": t["name_zh"],
        "name_en": t["name_en"],
        "measure": measure,
        "progress_kind": kind,
        "target": target,
        "qualifier": qualifier,
        "bound": bound,
        "commitment": None if _missing(t["commitment"]) else t["commitment"],
        "target_kind": target_kind(bound, higher),
        "indicative": indicative,
        "target_zh": _target_text(t, "zh"),
        "target_en": _target_text(t, "en"),
        "unit": unit,
        "period": None,
        "end_month": None,
        "ytd_value": None,
        "ytd_growth": None,
        "elapsed_pct": None,
        "elapsed_basis": "not_applicable" if kind == POINT else None,
        "completion_pct": None,
        "required_growth": None,
        "weights_source": None,
        "synthetic": False,
        "source": None,
        "derived": None,
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
    row.update(
        {
            "period": period.label("zh"),
            "end_month": period.end_month,
            "ytd_value": value,
            "ytd_growth": None if growth is None or kind == GROWTH else float(growth["value"]),
            "synthetic": bool(found["_synthetic"]),
            "source": _source_text(found),
            "derived": _derived_text(found),
        }
    )
    series = ytd_series(indicator, store)
    share = _elapsed(kind, indicator, period, series, seasonal)
    if share is not None:
        basis = _BASIS_OF_SOURCE.get(share.source, "months")
        row.update(
            {
                "elapsed_pct": share.value * 100,
                "elapsed_basis": basis,
                "weights_source": share.source,
            }
        )
    verdict = assess_target(
        value, target, bound, higher_is_better=higher, measure=measure, indicative=indicative
    )
    decimals = max(decimals_of(value), decimals_of(target), 1 if unit == "%" else 0)
    value_zh = _amount_zh(value, unit, decimals)
    value_en = _amount_en(value, unit, decimals)
    if measure in ("level", "count"):  # 完成进度: level and count targets only
        row["completion_pct"] = value / target * 100 if target else None
    if period.end_month == 12:
        from muye_analysis.targets import verdict_clause

        clause_zh = verdict_clause(
            verdict, qualifier, lang="zh", unit=unit, rate=measure in ("rate", "share")
        )
        clause_en = verdict_clause(
            verdict, qualifier, lang="en", unit=unit, rate=measure in ("rate", "share")
        )
        shown_zh = f"增长{value:.1f}%" if kind == GROWTH else value_zh
        shown_en = f"growth {value:.1f}%" if kind == GROWTH else value_en
        return _with_status(
            row,
            year_end_status(
                verdict.met, clause_zh, clause_en, value_zh=shown_zh, value_en=shown_en
            ),
        )
    if kind == GROWTH:
        need = required_growth(target, value, share).required
        row["required_growth"] = need
        status = growth_status(
            value,
            target,
            need,
            met_now=verdict.met,
            phrase_zh=period.phrase("zh"),
            rest_zh=period.rest_phrase("zh"),
            phrase_en=period.phrase("en"),
            rest_en=period.rest_phrase("en"),
        )
        return _with_status(row, status)
    if kind == CUMULATIVE:
        status = cumulative_status(
            row["completion_pct"],
            row["elapsed_pct"],
            value_zh=value_zh,
            value_en=value_en,
            ceiling=row["target_kind"] == "ceiling",
        )
        return _with_status(row, status)
    goal_zh = f"{goal_text(t, 'zh', commitment=False)}的{'预期' if indicative else ''}目标"
    goal_en = f"the target of {goal_text(t, 'en', commitment=False)}"
    status = point_status(
        value,
        target,
        verdict.met,
        kind=row["target_kind"],
        measure=measure,
        value_zh=value_zh,
        value_en=value_en,
        goal_zh=goal_zh,
        goal_en=goal_en,
    )
    return _with_status(row, status)


DERIVED_NOTE = (
    "（增速由累计值与上年同期推算）",
    " (growth derived from the level and last year's same-period value)",
)


def _derived_text(found: pd.Series) -> str | None:
    """The store's formula when the figure was derived (growth from level and 上年同期)."""
    value = found.get("derived")
    return None if _missing(value) or not str(value) else str(value)


def _with_status(row: dict, status: Status) -> dict:
    zh, en = BASIS_TEXT.get(row["elapsed_basis"] or "", ("", ""))
    derived = bool(row.get("derived"))
    row.update(
        {
            "status": status.status,
            "rule": status.rule,
            "reason_zh": status.reason_zh + (DERIVED_NOTE[0] if derived else ""),
            "reason_en": status.reason_en + (DERIVED_NOTE[1] if derived else ""),
            "elapsed_basis_zh": zh or None,
            "elapsed_basis_en": en or None,
        }
    )
    return row


def _source_text(found: pd.Series) -> str:
    parts = [str(found["source"]) if not _missing(found["source"]) else ""]
    where = f"{found['file']}" + (f"[{found['sheet']}]" if not _missing(found["sheet"]) else "")
    where += f" 第{found['row']}行 {found['column']}"
    return "；".join(p for p in (parts[0], where) if p)
