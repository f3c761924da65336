"""Values computed from the report's own figures, each with its formula and inputs.

Nothing here is a published figure: every row is ``kind == "derived"``, names the observations it
uses and says how. Inputs are rounded as printed, so derived values carry that rounding.
"""

from __future__ import annotations


def _key(indicator: str, period: int, kind: str, measure: str) -> str:
    return f"{indicator}/{period}/{kind}/{measure}"


Index = dict[tuple[str, int, str, str], dict]


def index_observations(records: list[dict]) -> Index:
    """Observations keyed by (indicator, period, kind, measure); before/after pairs left out."""
    return {
        (r["indicator"], r["period"], r["kind"], r["measure"]): r
        for r in records
        if r["stage"] is None and r["measure"] != "rank"
    }


def _get(idx: Index, indicator: str, period: int, kind: str, measure: str) -> float | None:
    row = idx.get((indicator, period, kind, measure))
    return None if row is None else float(row["value"])


def _row(indicator, period, measure, value, unit, formula, inputs, note, **extra) -> dict:
    return {
        "indicator": indicator,
        "period": period,
        "kind": "derived",
        "measure": measure,
        "value": value,
        "unit": unit,
        "bound": extra.get("bound", "exact"),
        "price_basis": extra.get("price_basis"),
        "formula": formula,
        "inputs": "; ".join(inputs),
        "note": note,
        "source": "derived",
    }


def implied_previous_levels(idx: Index, year: int) -> list[dict]:
    """The level of ``year - 1`` implied by ``year``'s level and its *nominal* growth rate.

    Real growth rates (GDP, industry) cannot give a nominal base without a deflator, so those
    indicators are skipped rather than filled in.
    """
    rows = []
    for (indicator, period, kind, measure), g in idx.items():
        if (period, kind, measure) != (year, "actual", "growth_rate"):
            continue
        level = idx.get((indicator, year, "actual", "level"))
        if level is None or g["price_basis"] != "nominal":
            continue
        rows.append(
            _row(
                indicator,
                year - 1,
                "level",
                float(level["value"]) / (1 + g["value"] / 100),
                level["unit"],
                f"level_{year} / (1 + growth_{year} / 100)",
                [
                    _key(indicator, year, "actual", "level"),
                    _key(indicator, year, "actual", "growth_rate"),
                ],
                f"Implied {year - 1} base (nominal); a published {year - 1} figure may be revised.",
                price_basis="nominal",
            )
        )
    return rows


def implied_target_levels(idx: Index, year: int) -> list[dict]:
    """The level a growth target for ``year`` implies: the level of ``year - 1`` times
    (1 + target / 100).

    For a real growth target (GDP) the result is at last year's prices: a nominal level needs a
    price assumption (deflator), which the report does not give.
    """
    rows = []
    for (indicator, period, kind, measure), t in idx.items():
        if (period, kind, measure) != (year, "target", "growth_rate"):
            continue
        base = idx.get((indicator, year - 1, "actual", "level"))
        if base is None:
            continue
        real = t["price_basis"] == "real"
        note = (
            f"At {year - 1} prices: the target is real growth, so a nominal {year} level needs a "
            "deflator assumption."
            if real
            else "Nominal target, so the level follows directly."
        )
        rows.append(
            _row(
                indicator,
                year,
                "level",
                float(base["value"]) * (1 + t["value"] / 100),
                base["unit"],
                f"level_{year - 1} * (1 + target_growth_{year} / 100)",
                [
                    _key(indicator, year - 1, "actual", "level"),
                    _key(indicator, year, "target", "growth_rate"),
                ],
                note,
                bound=t["bound"],
                price_basis=t["price_basis"],
            )
        )
    return rows


def report_cross_checks(idx: Index, year: int) -> list[dict]:
    """Recomputations ``year``'s figures allow (tax share, implied spending, plans…)."""
    rows = []
    tax = _get(idx, "tax_revenue", year, "actual", "level")
    revenue = _get(idx, "budget_revenue", year, "actual", "level")
    if tax is not None and revenue:
        rows.append(
            _row(
                "tax_share",
                year,
                "share",
                100 * tax / revenue,
                "%",
                "100 * tax_revenue / budget_revenue",
                [
                    _key("tax_revenue", year, "actual", "level"),
                    _key("budget_revenue", year, "actual", "level"),
                ],
                "Recomputes the stated 税占比 from the two levels.",
            )
        )
    spending = _get(idx, "livelihood_spending", year, "actual", "level")
    share = _get(idx, "livelihood_spending_share", year, "actual", "share")
    if spending is not None and share:
        rows.append(
            _row(
                "budget_expenditure",
                year,
                "level",
                spending / (share / 100),
                "亿元",
                "livelihood_spending / (livelihood_spending_share / 100)",
                [
                    _key("livelihood_spending", year, "actual", "level"),
                    _key("livelihood_spending_share", year, "actual", "share"),
                ],
                "Budget expenditure implied by livelihood spending and its share; not stated.",
                price_basis="nominal",
            )
        )
    for prefix in ("key_project", "provincial_city_key_project"):
        done = _get(idx, f"{prefix}_investment", year, "actual", "level")
        rate = _get(idx, f"{prefix}_completion_rate", year, "actual", "rate")
        if done is not None and rate:
            rows.append(
                _row(
                    f"{prefix}_planned_investment",
                    year,
                    "level",
                    done / (rate / 100),
                    "亿元",
                    f"{prefix}_investment / ({prefix}_completion_rate / 100)",
                    [
                        _key(f"{prefix}_investment", year, "actual", "level"),
                        _key(f"{prefix}_completion_rate", year, "actual", "rate"),
                    ],
                    "Annual plan implied by investment completed and completion rate; not stated.",
                    price_basis="nominal",
                )
            )
    total = _get(idx, "problem_housing_projects", year, "actual", "count")
    resolved = _get(idx, "problem_housing_resolved", year, "actual", "count")
    if total is not None and resolved is not None:
        rows.append(
            _row(
                "problem_housing_unresolved",
                year,
                "count",
                total - resolved,
                "个",
                "problem_housing_projects - problem_housing_resolved",
                [
                    _key("problem_housing_projects", year, "actual", "count"),
                    _key("problem_housing_resolved", year, "actual", "count"),
                ],
                "Projects not yet resolved at the end of the year (total minus resolved).",
            )
        )
    return rows


def derive_records(records: list[dict], *, base_year: int, plan_year: int) -> list[dict]:
    """All derived rows from one report's own (parsed) records, as plain dicts.

    ``base_year`` and ``plan_year`` are the report's (:mod:`muye_analysis.reports`): bases of the
    year before the base year, cross-checks of the base year, levels the plan-year targets imply.
    """
    idx = index_observations(records)
    return (
        implied_previous_levels(idx, base_year)
        + implied_target_levels(idx, plan_year)
        + report_cross_checks(idx, base_year)
    )
