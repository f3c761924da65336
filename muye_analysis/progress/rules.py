"""Status rules of the progress table: the thresholds, how a target is tracked, one function
per rule.

Each rule returns a :class:`Status`: the status code, the rule id and a reason code with the
numbers behind it. No words: :mod:`muye_analysis.progress.rendering` (through the claims of
:mod:`muye_analysis.claims.progress`) says them, from the vocabulary (``progress.reason.*``,
``progress.rule.*``). A new rule (a graded status, a momentum check) is one more function
returning a Status with its own reason code, and one more row per language in the vocabulary.
See :mod:`muye_analysis.progress` for the rules in words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from muye_analysis.targets import (
    PERCENT_MEASURES,
    WEIGHTS_EQUAL_MONTHS,
    WEIGHTS_EQUAL_QUARTERS,
    WEIGHTS_LEVELS,
    WEIGHTS_PRIOR_YEAR,
    WEIGHTS_SEASONAL,
)

ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA_STATUS = "on_track", "at_risk", "off_track", "no_data"
STATUSES = (ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA_STATUS)
# Rule thresholds (working conventions of this table, not official ones).
AT_RISK_ACCELERATION_PP = 2.0  # growth: the rest of the year may need up to 2 points more
AT_RISK_LAG_PP = 10.0  # cumulative: 完成进度 may lag 序时进度 by up to 10 points
AT_RISK_RATE_PP = 1.0  # rates and shares: a miss of up to 1 point
AT_RISK_LEVEL_SHARE = 0.10  # levels, counts and ratios judged as they stand: a miss up to 10%
ON_PACE_PP = 0.05  # 完成进度 within this of 序时进度 prints as equal at one decimal
THRESHOLDS = {
    "acc": AT_RISK_ACCELERATION_PP,
    "lag": AT_RISK_LAG_PP,
    "rate": AT_RISK_RATE_PP,
    "share": AT_RISK_LEVEL_SHARE * 100,
}  # the numbers the rules' descriptions show (progress.rule.*)

GROWTH, CUMULATIVE, POINT = "growth", "cumulative", "point"
# Level and count targets that are not flows in the registry but still build up through the
# year (things signed, started, delivered or newly recognised in the year).
ACCUMULATING = frozenset(
    {
        "new_provincial_specialised_smes",
        "new_high_tech_enterprises",
        "new_rd_platforms",
        "signed_projects",
        "signed_investment",
        "community_upgrades",
        "street_gardens",
        "tourist_toilets",
        "public_schools_delivered",
    }
)
RULE_IDS = ("R0", "R1", "R2", "R3", "R4")

# How 序时进度 was computed (the ``elapsed_basis`` column), from the weights' source.
_BASIS_OF_SOURCE = {
    WEIGHTS_SEASONAL: "seasonal",
    WEIGHTS_PRIOR_YEAR: "prior_year",
    WEIGHTS_LEVELS: "last_year_levels",
    WEIGHTS_EQUAL_MONTHS: "months",
    WEIGHTS_EQUAL_QUARTERS: "quarters",
}
_EPS = 1e-9


def progress_kind(indicator: str, measure: str, flow: bool | None) -> str:
    """``growth``, ``cumulative`` or ``point``: how a target of ``measure`` is tracked."""
    if measure == "growth_rate":
        return GROWTH
    if measure in ("level", "count") and (bool(flow) or indicator in ACCUMULATING):
        return CUMULATIVE
    return POINT


@dataclass(frozen=True)
class Status:
    """A status, the rule that gave it, and the reason: a code and the numbers behind it."""

    status: str
    rule: str
    reason: str
    facts: Mapping[str, Any] = field(default_factory=dict)


def growth_status(ytd: float, target: float, required: float, *, met_now: bool) -> Status:
    """R1: growth so far ``ytd`` (%), the rest of the year needs ``required`` (%).

    Reasons: ``growth_met`` (already at the target; the rest needs ``required`` to hold it),
    ``growth_met_can_fall`` (already safe: the rest could even fall), ``growth_behind``
    (``extra`` points faster needed: at risk up to :data:`AT_RISK_ACCELERATION_PP`).
    """
    values = {"ytd": ytd, "need": required, "extra": required - ytd}
    if met_now:
        reason = "growth_met_can_fall" if required < 0 else "growth_met"
        return Status(ON_TRACK, "R1", reason, values)
    close = required - ytd <= AT_RISK_ACCELERATION_PP + _EPS
    return Status(AT_RISK if close else OFF_TRACK, "R1", "growth_behind", values)


def cumulative_status(
    completion_pct: float, elapsed_pct: float, *, ceiling: bool = False
) -> Status:
    """R2: completion against time elapsed, both in percent (of the target, of the year):
    完成进度 against 序时进度.

    Reasons: ``cumulative_done`` (the year's target reached), ``cumulative_on_pace``,
    ``cumulative_ahead`` / ``cumulative_behind`` (by ``gap`` points); for a cap on a flow
    ``cap_within`` / ``cap_over``.
    """
    lag = elapsed_pct - completion_pct
    values = {"completion": completion_pct, "elapsed": elapsed_pct, "gap": abs(lag)}
    if ceiling:  # a cap on a flow: ahead of time is the risk
        if lag >= 0:
            return Status(ON_TRACK, "R2", "cap_within", values)
        status = AT_RISK if -lag <= AT_RISK_LAG_PP + _EPS else OFF_TRACK
        return Status(status, "R2", "cap_over", values)
    if completion_pct >= 100 - _EPS:
        return Status(ON_TRACK, "R2", "cumulative_done", values)
    if abs(lag) < ON_PACE_PP:
        return Status(ON_TRACK, "R2", "cumulative_on_pace", values)
    if lag <= _EPS:
        return Status(ON_TRACK, "R2", "cumulative_ahead", values)
    status = AT_RISK if lag <= AT_RISK_LAG_PP + _EPS else OFF_TRACK
    return Status(status, "R2", "cumulative_behind", values)


def point_status(
    value: float, target: float, verdict_met: bool, *, kind: str, measure: str
) -> Status:
    """R3: a rate, share, ratio or stock judged as it stands.

    Reasons: ``point_within_ceiling``, ``point_met``, ``point_short`` / ``point_over`` (below
    a floor / above a ceiling or band) with the miss in points (``gap``, rates and shares) or
    as a share of the target (``gap_share``, levels and counts).
    """
    if verdict_met:
        reason = "point_within_ceiling" if kind == "ceiling" else "point_met"
        return Status(ON_TRACK, "R3", reason, {})
    miss = abs(value - target)
    points = measure in PERCENT_MEASURES
    share = miss / abs(target) * 100 if target else float("inf")
    close = (
        miss <= AT_RISK_RATE_PP + _EPS
        if points
        else miss <= abs(target) * AT_RISK_LEVEL_SHARE + _EPS
    )
    above = kind == "ceiling" or value > target
    values = {"gap": miss, "gap_share": share, "in_points": points}
    return Status(AT_RISK if close else OFF_TRACK, "R3", "point_over" if above else "point_short",
                  values)  # fmt: skip


def year_end_status(met: bool, verdict: str) -> Status:
    """R4: the full-year figure is in; ``verdict`` is the target verdict's status code."""
    return Status(ON_TRACK if met else OFF_TRACK, "R4", "year_met" if met else "year_missed",
                  {"verdict": verdict})  # fmt: skip


NO_DATA = Status(NO_DATA_STATUS, "R0", "no_data")
