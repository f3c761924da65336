"""Target attainment: an earlier report's targets against a later report's outcomes.

The first question a people's congress asks of an execution report: of last year's plan, what
was met? With two reports in ``data/`` (:mod:`muye_analysis.reports`), the earlier one's targets
for its plan year meet the later one's actuals of the same year, indicator and measure.

Each target gets a status:

- ``met`` / ``not_met`` — judged the way its qualifier says (:func:`targets.assess_target`):
  以上, 不低于, 超过 … are floors, 以内 a ceiling, 左右 / 稳定在 a band of ±0.5 percentage
  points (a working convention: there is no official band; for levels and counts ±2% of the
  target, ``targets.ABOUT_BAND_REL``), read with the indicator's direction (a floor with that
  band when higher is better, a ceiling when lower is better). A bare number is a floor when
  the registry says higher is better, a ceiling when lower is better.
- ``not_comparable`` — the later report gives no outcome of that measure, or gives it in
  another unit or on another price basis (real versus nominal growth); ``reason`` says which,
  as a code (``no_outcome``, ``unit_differs``, ``basis_differs``).

Numbers and codes only; :func:`muye_analysis.claims.report.attainment_claim` and the briefing's
attainment slide word them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.reports import Report

STATUSES = ("met", "not_met", "not_comparable")
_PERCENT = ("growth_rate", "rate", "share")
COLUMNS = [
    "indicator", "measure", "year", "target", "qualifier", "bound", "indicative",
    "commitment", "unit", "price_basis", "outcome", "outcome_unit", "outcome_price_basis",
    "status", "detail", "reason", "higher_is_better", "target_quote", "outcome_quote",
    "target_document", "outcome_document",
]  # fmt: skip


def report_pair(
    earlier: str | Report | None = None, later: str | Report | None = None
) -> tuple[Report, Report]:
    """The two reports to compare: by default the latest and the one before it.

    Raises ValueError when there are fewer than two reports, or when the earlier report's plan
    year is not the later one's base year (its targets would meet no outcome).
    """
    from muye_analysis.reports import find_report, list_reports

    reports = list_reports()
    if later is None and earlier is None and len(reports) < 2:
        raise ValueError(
            f"target attainment needs two reports in data/; there is {len(reports)} "
            f"({reports[0].document}). Add the next one with muye extract and muye accept."
        )
    later_r = find_report(later) if later is not None else reports[-1]
    if earlier is None:
        before = [r for r in reports if r.plan_year == later_r.base_year]
        if not before:
            raise ValueError(
                f"no report plans {later_r.base_year}, the year {later_r.document} reports on"
            )
        earlier_r = before[-1]
    else:
        earlier_r = find_report(earlier)
    if earlier_r.plan_year != later_r.base_year:
        raise ValueError(
            f"{earlier_r.document} plans {earlier_r.plan_year} but {later_r.document} reports "
            f"on {later_r.base_year}: their targets and outcomes do not meet"
        )
    return earlier_r, later_r


def attainment_table(
    earlier: str | Report | None = None,
    later: str | Report | None = None,
    *,
    tolerance_pp: float | None = None,
) -> pd.DataFrame:
    """Every target of ``earlier`` beside its outcome in ``later``, with met / not met / not
    comparable (see the module docstring), in the earlier report's order.

    Columns: indicator, measure, year (the plan year = the outcome's year), target, qualifier,
    bound, indicative (a 预期目标: a shortfall reads 低于预期目标), commitment, unit,
    price_basis, outcome, outcome_unit,
    outcome_price_basis, status, detail (the verdict as judged, ``targets.Verdict.status``:
    exceeded, met, within_ceiling, within_band, missed, above_ceiling, above_band, below_band),
    reason (why not comparable, a code), higher_is_better, target_quote,
    outcome_quote, target_document, outcome_document.
    """
    import pandas as pd

    from muye_analysis.dataset import load_indicators, load_registry, load_targets
    from muye_analysis.targets import ABOUT_TOLERANCE_PP, is_indicative

    tolerance = ABOUT_TOLERANCE_PP if tolerance_pp is None else tolerance_pp
    earlier_r, later_r = report_pair(earlier, later)
    targets = load_targets(load_indicators(report=earlier_r.document))
    later_rows = load_indicators(report=later_r.document)
    outcomes = later_rows[
        (later_rows["source"] == "report")
        & (later_rows["kind"] == "actual")
        & (later_rows["period"] == later_r.base_year)
        & (later_rows["measure"] != "rank")
        & (later_rows["stage"].isna() | (later_rows["stage"] == "to"))
    ].set_index(["indicator", "measure"])
    direction = load_registry().set_index("indicator")["higher_is_better"]
    rows = []
    for t in targets.to_dict("records"):
        key = (t["indicator"], t["measure"])
        higher = direction.get(t["indicator"])
        higher = None if higher is None or pd.isna(higher) else bool(higher)
        row = {
            "indicator": t["indicator"], "indicative": is_indicative(str(t["indicator"])),
            "measure": t["measure"], "year": earlier_r.plan_year, "target": t["target"],
            "qualifier": t["qualifier"], "bound": t["bound"], "commitment": t["commitment"],
            "unit": t["unit"], "price_basis": t["price_basis"], "outcome": None,
            "outcome_unit": None, "outcome_price_basis": None, "higher_is_better": higher,
            "target_quote": t["quote"], "outcome_quote": None,
            "target_document": earlier_r.document, "outcome_document": later_r.document,
        }  # fmt: skip
        if key not in outcomes.index:
            rows.append(row | _not_comparable("no_outcome"))
            continue
        o = outcomes.loc[key]
        row |= {
            "outcome": float(o["value"]),
            "outcome_unit": o["unit"],
            "outcome_price_basis": o["price_basis"],
            "outcome_quote": o["quote"],
        }
        rows.append(row | _judge(t, o, higher, tolerance))
    out = pd.DataFrame(rows, columns=COLUMNS)
    return out.astype(
        {
            "target": "Float64",
            "outcome": "Float64",
            "year": "Int64",
            "higher_is_better": "boolean",
            "indicative": "boolean",
            "status": pd.CategoricalDtype(STATUSES),
            **{
                c: "string"
                for c in COLUMNS
                if c
                not in ("target", "outcome", "year", "higher_is_better", "indicative", "status")
            },
        }
    )


def _not_comparable(reason: str) -> dict:
    return {"status": "not_comparable", "detail": None, "reason": reason}


def _judge(target: dict, outcome, higher: bool | None, tolerance_pp: float) -> dict:
    import pandas as pd

    from muye_analysis.targets import assess_target
    from muye_analysis.units import convert

    value = float(outcome["value"])
    if str(outcome["unit"]) != str(target["unit"]):
        try:
            value = convert(value, str(outcome["unit"]), str(target["unit"]))
        except (KeyError, ValueError):
            return _not_comparable("unit_differs")
    basis_t, basis_o = target["price_basis"], outcome["price_basis"]
    if (
        target["measure"] == "growth_rate"
        and not pd.isna(basis_t)
        and not pd.isna(basis_o)
        and basis_t != basis_o
    ):
        return _not_comparable("basis_differs")
    bound = "exact" if pd.isna(target["bound"]) else str(target["bound"])
    # 左右 band: tolerance_pp points for percentages; for levels and counts the relative band
    # of targets.about_band (ABOUT_BAND_REL of the target), the same reading as everywhere else.
    tolerance = tolerance_pp if target["measure"] in _PERCENT else None
    verdict = assess_target(
        value, float(target["target"]), bound, higher_is_better=higher, tolerance_pp=tolerance,
        measure=str(target["measure"]),
    )  # fmt: skip
    return {"status": "met" if verdict.met else "not_met", "detail": verdict.status, "reason": None}


__all__ = [
    "COLUMNS", "STATUSES", "attainment_table", "report_pair",
]  # fmt: skip
