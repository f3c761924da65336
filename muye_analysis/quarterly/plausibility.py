"""Plausibility: values that parse but cannot be right (a typo, a unit slip, a future period).

The rules come from the indicator registry (``data/curated/registry.csv``): an indicator's
``unit`` says whether its level is a rate (%), money, or a count; ``growth_basis`` and
``category`` say which growth range is plausible. Every refusal says why, and how to override
it for the rare real case: ``muye ingest --accept-outlier`` stores the value with the reason
beside it (column ``outlier_note`` of the store's history). A future period is never accepted.

* **growth** (year-to-date, % on the same period last year) within a range per kind of
  indicator (``GROWTH_RULES``; e.g. retail sales -50..100%, budget revenue -80..200%);
* **rates** (levels in %) within 0..100, or per indicator (``RATE_RULES``: unemployment 0..20%,
  plan completion 0..300%); counts never negative;
* **magnitude** of levels: money never above ``MONEY_CAP_YUAN`` (more than China's GDP); a
  level within a factor ``MAGNITUDE_FACTOR`` of last year's same period and of the other periods
  of its year (month for month): 万元 labelled 亿元 is 10,000 times too big, 元 as 亿元 10^8;
* **of-which items** (#其中) not above their parent for the same period;
* **no future periods**: a period that ends after today cannot have been published.
"""

from __future__ import annotations

import calendar
import datetime as dt
import statistics
from typing import TYPE_CHECKING, Any

from muye_analysis import units
from muye_analysis.errors import DataError
from muye_analysis.periods import Period
from muye_analysis.quarterly.validate import describe, record_key, where_of

if TYPE_CHECKING:
    import pandas as pd

# (registry column, value, low %, high %, why). The first matching rule applies; an indicator
# no rule matches keeps the parser's hard range (-100%, +500%].
GROWTH_RULES: tuple[tuple[str, str, float, float, str], ...] = (
    ("growth_basis", "real", -50.0, 60.0, "real growth of output"),
    ("category", "macro", -50.0, 100.0, "growth of a district aggregate"),
    ("category", "fiscal", -80.0, 200.0, "growth of fiscal revenue or spending"),
    ("category", "investment", -90.0, 300.0, "growth of investment"),
)
# Levels in %: (indicator id or a word in it, low, high, why); other rates lie in 0..100.
RATE_RULES: tuple[tuple[str, float, float, str], ...] = (
    ("unemployment", 0.0, 20.0, "an unemployment rate"),
    ("completion_rate", 0.0, 300.0, "completion of a plan (it can exceed 100%)"),
    ("investment_rate", 0.0, 300.0, "completion of an investment plan (it can exceed 100%)"),
)
RATE_RANGE = (0.0, 100.0)
# China's GDP is about 1.3e14 元 a year: no figure of one district, city or province exceeds it.
MONEY_CAP_YUAN = 2e14
# No count or quantity of a district, city or province (people, projects, tonnes, 亩…) reaches
# 10^12 in the registry's units.
QUANTITY_CAP = 1e12
# A level more than this many times (or less than 1/this) last year's same period or the other
# periods of its year, month for month, is a unit slip rather than growth.
MAGNITUDE_FACTOR = 20.0
# No ranking of a city's or province's units has more places than this (Henan has 18 cities and
# 100-odd counties; a city ranks its dozen or so county-level units).
MAX_RANK = 200
# Parts the registry knows without a #其中 row: the part's id -> its whole's id.
PARTS = {"tax_revenue": "budget_revenue"}

_OVERRIDE = (
    "check the number, its sign, its unit (万元 or 亿元, 元) and the column; if the figure is "
    "really right, ingest again with --accept-outlier: it is then stored with this reason."
)


def period_end(year: int, end_month: int) -> dt.date:
    """The last day of a period ending in ``end_month`` of ``year``."""
    return dt.date(year, end_month, calendar.monthrange(year, end_month)[1])


def refuse_future(records: list[dict[str, Any]], today: dt.date) -> None:
    """A period that ends after ``today`` cannot have been published: DataError naming the cell."""
    for record in records:
        end = period_end(record["year"], record["end_month"])
        if end > today:
            raise where_of(record).fail(
                f"{describe(record)}: the period ends on {end.isoformat()}, after today "
                f"({today.isoformat()}); no figure for it can have been published.",
                "check the year of the period label (and the year column or title).",
            )


def refusal(problems: list[tuple[dict[str, Any], str]]) -> DataError:
    """The DataError for the first implausible value (and how many more there are)."""
    record, reason = problems[0]
    more = len(problems) - 1
    extra = f" ({more} more implausible value{'s' if more > 1 else ''} in this ingest.)"
    return where_of(record).fail(
        f"implausible: {describe(record)} {record['value']:.10g}"
        f"{' ' + record['unit'] if record.get('unit') else ''}: {reason}."
        + (extra if more else ""),
        _OVERRIDE,
    )


def _registry_rows(registry: pd.DataFrame) -> dict[str, dict[str, Any]]:
    rows = {}
    for row in registry.to_dict("records"):
        rows[str(row["indicator"])] = {k: ("" if _missing(v) else str(v)) for k, v in row.items()}
    return rows


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _growth_range(info: dict[str, str]) -> tuple[float, float, str] | None:
    for column, wanted, low, high, why in GROWTH_RULES:
        if info.get(column, "") == wanted:
            return low, high, why
    return None


def _rate_range(indicator: str) -> tuple[float, float, str]:
    for word, low, high, why in RATE_RULES:
        if word in indicator:
            return low, high, why
    return (*RATE_RANGE, "a share or rate of a whole")


def find_implausible(
    incoming: list[dict[str, Any]],
    merged: dict[tuple, dict[str, Any]],
    registry: pd.DataFrame,
) -> list[tuple[dict[str, Any], str]]:
    """(record, reason) for each incoming value that breaks a rule; ``merged`` is the store as
    it would be after the ingest (keyed by ``KEY``), the reference for magnitudes and parents."""
    info = _registry_rows(registry)
    problems: list[tuple[dict[str, Any], str]] = []
    by_series: dict[tuple, list[dict[str, Any]]] = {}
    for record in merged.values():
        if record["measure"] == "level" and record["value"] > 0:
            area, indicator, year, start, _end, _m = record_key(record)
            by_series.setdefault((area, indicator, year, start), []).append(record)
    # A value is compared with the store and with the values read before it, so that of two
    # values that disagree the later one (in file order) is named.
    pending = {id(r) for r in incoming}
    for record in incoming:
        pending.discard(id(record))
        row = info.get(record["indicator"], {})
        if record["measure"] == "rank":  # a published 位次: a position, not a figure
            reason = _check_rank(record)
        elif record["measure"] == "growth":
            reason = _check_growth(record, row)
        else:
            reason = _check_level(record, row, merged, by_series, pending)
        if reason:
            problems.append((record, reason))
    return problems


def _check_rank(record: dict[str, Any]) -> str | None:
    value = record["value"]
    if value == int(value) and 1 <= value <= MAX_RANK:
        return None
    return f"a rank (位次) is a whole number from 1 to {MAX_RANK}, not {value:g}"


def _check_growth(record: dict[str, Any], row: dict[str, str]) -> str | None:
    rule = _growth_range(row)
    if rule is None:
        return None
    low, high, why = rule
    if low <= record["value"] <= high:
        return None
    return (
        f"a year-to-date growth of {record['value']:g}% is outside {low:g}%..{high:g}%, the "
        f"plausible range for {why}"
    )


def _check_level(
    record: dict[str, Any],
    row: dict[str, str],
    merged: dict[tuple, dict[str, Any]],
    by_series: dict[tuple, list[dict[str, Any]]],
    pending: set[int],
) -> str | None:
    value, unit = record["value"], record.get("unit") or row.get("unit") or ""
    if unit == "%":
        low, high, why = _rate_range(record["indicator"])
        if not low <= value <= high:
            return f"{value:g}% is outside {low:g}%..{high:g}%, the range of {why}"
        return None
    if value < 0 and units.dimension(unit) != "money":
        return f"a count or quantity cannot be negative ({value:g} {unit})"
    if units.dimension(unit) == "money" and abs(units.convert(value, unit, "元")) > MONEY_CAP_YUAN:
        return (
            f"{value:.4g} {unit} is more than China's GDP (about 1.3e14 元 a year): a unit or "
            "digit slip"
        )
    if units.dimension(unit) != "money" and abs(value) > QUANTITY_CAP:
        return f"{value:.4g} {unit} is more than any district, city or province counts: a slip"
    if value <= 0:
        return None
    return _check_magnitude(record, unit, merged, by_series, pending) or _check_part(record, merged)


def _span(record: dict[str, Any]) -> int:
    return record["end_month"] - (record.get("start_month") or 1) + 1


def _check_magnitude(
    record: dict[str, Any],
    unit: str,
    merged: dict[tuple, dict[str, Any]],
    by_series: dict[tuple, list[dict[str, Any]]],
    pending: set[int],
) -> str | None:
    area, indicator, year, start, end, measure = record_key(record)
    slip = "a unit slip? (万元 labelled 亿元 is 10,000 times too big, 元 as 亿元 10^8)"
    last = merged.get((area, indicator, year - 1, start, end, measure))
    last = None if last is None or id(last) in pending else last
    prior = record.get("prior_year_value")
    refs = [("last year's same period", last["value"])] if last and last["value"] > 0 else []
    if prior is not None and prior == prior and prior > 0:
        refs.append(("上年同期 given beside it", float(prior)))
    for what, ref in refs:
        ratio = record["value"] / ref
        if not 1 / MAGNITUDE_FACTOR <= ratio <= MAGNITUDE_FACTOR:
            return f"{ratio:.4g} times {what} ({ref:.6g} {unit}): {slip}"
    others = [r for r in by_series.get((area, indicator, year, start), []) if r is not record
              and r["end_month"] != end and id(r) not in pending]  # fmt: skip
    if not others:
        return None
    monthly = statistics.median(r["value"] / _span(r) for r in others)
    ratio = (record["value"] / _span(record)) / monthly
    if not 1 / MAGNITUDE_FACTOR <= ratio <= MAGNITUDE_FACTOR:
        periods = "、".join(Period(year, r["end_month"]).label("zh") for r in others[:4])
        values = ", ".join(f"{r['value']:.6g}" for r in others[:4])
        return (
            f"month for month, {ratio:.4g} times the other periods of {year} ({periods}: "
            f"{values} {unit}): {slip}"
        )
    return None


def _check_part(record: dict[str, Any], merged: dict[tuple, dict[str, Any]]) -> str | None:
    """An of-which item (#其中, or a part the registry knows) cannot exceed its whole."""
    parent = record.get("_parent") if record.get("sub_item") else None
    parent = parent or PARTS.get(record["indicator"])
    if not parent:
        return None
    area, _indicator, year, start, end, measure = record_key(record)
    whole = merged.get((area, parent, year, start, end, measure))
    if whole is None or whole.get("unit") != record.get("unit"):
        return None
    if record["value"] > whole["value"] * (1 + 1e-9):
        return (
            f"an of-which item larger than its whole: {parent} {whole['period']} is "
            f"{whole['value']:.6g} {whole.get('unit') or ''}"
        )
    return None
