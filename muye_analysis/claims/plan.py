"""Claims on the plan's internal consistency: do the targets fit together?

Each compares targets and outcomes of the report and holds only when the data show a tension
worth raising. A comparison across different 口径 (key-project investment against fixed-asset
investment; a nominal revenue against a real value added) carries a ``caveat`` and is worded
as a question to check (值得关注), never as a finding; nominal and real growth rates are never
subtracted or ranked against each other.
"""

from __future__ import annotations

from typing import Any

from muye_analysis.claims.base import RISK, Amount, Claim, Phrase, silent
from muye_analysis.claims.report import (
    actual,
    actual_row,
    base_year,
    goal,
    published,
    target_row,
)

# Non-tax revenue under this share of budget revenue leaves little room to make up a shortfall
# in tax (a working convention, stated on the slide's notes).
NON_TAX_ROOM_PCT = 10.0
EQUAL_TOL = 1e-9


def tax_growth_needed(revenue: float, tax: float, target_pct: float) -> float:
    """Tax growth (%) that meets a budget-revenue growth target with non-tax revenue flat:
    (R × (1 + g) − (R − T)) ÷ T − 1. 10.74亿元, 10.23亿元 and 8% give 8.40%."""
    non_tax = revenue - tax
    return 100 * ((revenue * (1 + target_pct / 100) - non_tax) / tax - 1)


def change_phrase(kind: str, before: float, after: dict[str, Any], unit: str) -> Phrase:
    """How a target stands against last year's outcome: 仍为 only when equal, else 提高到 / 降至
    with both figures (``kind``: ``level`` or ``count``)."""
    target = float(after["target"])
    if abs(target - before) <= EQUAL_TOL * max(1.0, abs(before)):
        direction = "equal"
    else:
        direction = "up" if target > before else "down"
    return Phrase(f"change.{kind}.{direction}",
                  {"before": Amount(before, unit), "after": after})  # fmt: skip


def investment_claim(data: Any) -> Claim:
    """Fixed-asset investment to grow while the key-project investment target grows less than
    that over last year's completed investment (or stays, or falls), and the number of key
    projects against last year's. Held only when the key-project target grows more slowly than
    the investment target; the two differ in 口径, so it is a question to check."""
    fai = target_row(data, "fixed_asset_investment")
    kpi = target_row(data, "key_project_investment")
    count = target_row(data, "key_projects")
    kpi_actual = actual_row(data, "key_project_investment", "level")
    count_actual = actual(data, "key_projects", "count")
    if any(v is None for v in (fai, kpi, count, kpi_actual, count_actual)):
        return silent("plan.investment", "inputs_missing")
    kpi_growth = 100 * (float(kpi["target"]) / float(kpi_actual["value"]) - 1)
    facts = {
        "fai_name": "fixed_asset_investment",
        "fai": goal(fai),
        "kpi": change_phrase("level", float(kpi_actual["value"]), goal(kpi), str(kpi["unit"])),
        "count": change_phrase("count", count_actual, goal(count), str(count["unit"])),
        "base": base_year(data),
        "kpi_growth": kpi_growth,
    }
    holds = kpi_growth < float(fai["target"])
    condition = "kpi_target_grows_slower" if holds else "kpi_target_keeps_pace"
    return Claim("plan.investment", holds, facts, caveat="scope", tone=RISK,
                 conditions=(condition,))  # fmt: skip


def revenue_claim(data: Any) -> Claim:
    """Budget revenue to grow by its target with almost all of it tax: the tax growth that needs
    with non-tax revenue flat. ``little_room`` says non-tax revenue leaves little room only
    when its share is under :data:`NON_TAX_ROOM_PCT`."""
    rev = target_row(data, "budget_revenue")
    share = actual(data, "tax_share", "share")
    revenue = actual(data, "budget_revenue", "level")
    tax = actual(data, "tax_revenue", "level")
    if rev is None or share is None or revenue is None or tax is None:
        return silent("plan.revenue", "inputs_missing")
    need = tax_growth_needed(revenue, tax, float(rev["target"]))
    non_tax = 100 - share
    facts = {"rev_name": "budget_revenue", "rev": goal(rev), "share": share, "need": need,
             "non_tax": non_tax, "base": base_year(data),
             "rev_actual": _printed(actual_row(data, "budget_revenue", "growth_rate")),
             "tax_actual": _printed(actual_row(data, "tax_revenue", "growth_rate"))}  # fmt: skip
    variant = "little_room" if non_tax < NON_TAX_ROOM_PCT else "room"
    return Claim("plan.revenue", True, facts, variant=variant, conditions=(variant,),
                 tone=RISK if variant == "little_room" else "neutral")  # fmt: skip


def battery_claim(data: Any) -> Claim:
    """Battery-chain revenue growth (nominal, gross of intermediate inputs) beside industrial
    value-added growth (real): never subtracted or compared; a question for same-basis data."""
    battery = actual_row(data, "battery_industry_revenue", "growth_rate")
    industry = actual_row(data, "industrial_value_added", "growth_rate")
    if battery is None or industry is None:
        return silent("plan.battery", "inputs_missing")
    facts = {"battery": published(battery), "industry": published(industry),
             "industry_name": "industrial_value_added"}  # fmt: skip
    return Claim("plan.battery", True, facts, caveat="nominal_vs_real", tone=RISK)


def _printed(row: Any) -> Any:
    """A published growth as printed (增长2.0%), or 未公布."""
    return (
        Phrase("figure_not_stated")
        if row is None
        else Phrase("grew_pct", {"value": published(row)})
    )


def plan_claims(data: Any) -> list[Claim]:
    """The plan-consistency claims, in slide order."""
    from muye_analysis.claims.report import missing_claim

    return [investment_claim(data), revenue_claim(data), battery_claim(data),
            missing_claim(data, "plan.missing")]  # fmt: skip
