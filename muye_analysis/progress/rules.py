"""Status rules of the progress table: the thresholds, how a target is tracked, one function
per rule.

Each rule returns a :class:`Status`: the status code, the rule id and a reason code with the
numbers behind it. No words: :mod:`muye_analysis.progress.rendering` (through the claims of
:mod:`muye_analysis.claims.progress`) says them, from the vocabulary (``claim.progress.*``,
``progress.rule.*``). A new rule is one more function returning a Status with its own reason
code, and one more row per language in the vocabulary. See :mod:`muye_analysis.progress` for
the rules in words.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from muye_analysis.targets import (
    ABOUT_TOLERANCE_PP,
    ABOUT_TOLERANCE_REL,
    PERCENT_MEASURES,
)

ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA_STATUS = "on_track", "at_risk", "off_track", "no_data"
STATUSES = (ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA_STATUS)

# -- thresholds (working conventions of this table, not official ones; stated under it) --------

# Growth targets: the effort the rest of the year needs, graded by how much faster than the
# growth so far (and than the latest 当季/当月 growth) the remaining months must grow. The
# thresholds are stated for half the year left and scale with 1/√(share of the year left): the
# growth of a shorter remainder is an average of fewer months, so it swings more and a given
# acceleration is easier to find in it. With half the year left: up to 1 point is 需小幅加快, up
# to 2.5 points 需明显加快, more 难度很大; with a quarter left 1.41 / 3.54; with a month left
# (1-11月, equal months) 2.45 / 6.12; with three quarters left 0.82 / 2.04.
EFFORT_SMALL_PP = 1.0
EFFORT_HARD_PP = 2.5
EFFORT_REFERENCE_SHARE = 0.5  # the share of the year left the two thresholds are stated for
HOLD, SMALL, MARKED, HARD = "hold", "small", "marked", "hard"
EFFORTS = (HOLD, SMALL, MARKED, HARD)  # 保持即可 / 需小幅加快 / 需明显加快 / 难度很大
STATUS_OF_EFFORT = {HOLD: ON_TRACK, SMALL: AT_RISK, MARKED: AT_RISK, HARD: OFF_TRACK}

# Cumulative levels and counts: 完成进度 against 序时进度 (months ÷ 12, or a recorded plan curve).
AT_RISK_LAG_PP = 10.0  # 完成进度 may lag 序时进度 by up to 10 points
ON_PACE_PP = 0.05  # 完成进度 within this of 序时进度 prints as equal at one decimal: 达到序时进度
# 上年同期进度 (last year's progress at the same point), the second reference: 完成进度 within
# this of it is 与上年同期进度基本持平.
PRIOR_PACE_LEVEL_PP = 0.5
# Rates, ratios and stocks judged as they stand.
AT_RISK_RATE_PP = 1.0  # rates and shares: a miss of up to 1 point
AT_RISK_LEVEL_SHARE = 0.10  # levels, counts and ratios: a miss up to 10% of the target

THRESHOLDS = {
    "small": EFFORT_SMALL_PP,
    "hard": EFFORT_HARD_PP,
    "half": EFFORT_REFERENCE_SHARE * 100,
    "lag": AT_RISK_LAG_PP,
    "level_pp": PRIOR_PACE_LEVEL_PP,
    "rate": AT_RISK_RATE_PP,
    "share": AT_RISK_LEVEL_SHARE * 100,
    "tol": ABOUT_TOLERANCE_PP,
    "rel": ABOUT_TOLERANCE_REL * 100,
}  # the numbers the rules' descriptions show (progress.rule.*, the 左右 convention)

GROWTH, CUMULATIVE, POINT, PROJECT = "growth", "cumulative", "point", "project"
KINDS = (GROWTH, CUMULATIVE, POINT, PROJECT)
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
# A project's size (its planned total investment over the years it takes): not a flow of the
# plan year and not an annual target; tracked as a project (产业园总投资10亿元, 冷链物流园5亿元).
PROJECT_SIZES = frozenset(
    {
        "battery_park_total_investment",
        "cold_chain_park_total_investment",
        "three_batches_total_investment",
    }
)
RULE_IDS = ("R0", "R1", "R2", "R3", "R4", "R5")
_EPS = 1e-9


def progress_kind(indicator: str, measure: str, flow: bool | None) -> str:
    """``growth``, ``cumulative``, ``point`` or ``project``: how a target of ``measure`` is
    tracked (a project's total investment is a size, not a flow of the year)."""
    if indicator in PROJECT_SIZES:
        return PROJECT
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


# -- R1 growth targets -------------------------------------------------------------------------


def effort_thresholds(share_left: float) -> tuple[float, float]:
    """The two thresholds (points of acceleration: 需小幅加快 up to the first, 需明显加快 up to the
    second, 难度很大 beyond) for ``share_left`` of the year still to come (its share of last
    year's total, 1 − w).

    >>> [round(x, 2) for x in effort_thresholds(0.5)]
    [1.0, 2.5]
    >>> [round(x, 2) for x in effort_thresholds(1 / 12)]  # 1-11月, equal months
    [2.45, 6.12]
    """
    if not 0 < share_left < 1:
        raise ValueError(f"the share of the year left must be in (0, 1), got {share_left!r}")
    scale = math.sqrt(EFFORT_REFERENCE_SHARE / share_left)
    return EFFORT_SMALL_PP * scale, EFFORT_HARD_PP * scale


def effort_grade(extra: float, share_left: float) -> str:
    """``hold`` (no acceleration needed), ``small``, ``marked`` or ``hard``: ``extra`` points of
    acceleration graded by :func:`effort_thresholds`."""
    small, hard = effort_thresholds(share_left)
    if extra <= _EPS:
        return HOLD
    if extra <= small + _EPS:
        return SMALL
    return MARKED if extra <= hard + _EPS else HARD


def _toward(grade: str, other: str | None) -> str:
    """``grade`` moved one step toward ``other`` (the latest period's own grade)."""
    if other is None or other == grade:
        return grade
    i, j = EFFORTS.index(grade), EFFORTS.index(other)
    return EFFORTS[i + (1 if j > i else -1)]


def growth_status(
    ytd: float,
    target: float,
    required: float,
    *,
    share_left: float,
    latest: float | None = None,
    ceiling: bool = False,
) -> Status:
    """R1: growth so far ``ytd`` (%), the rest of the year (``share_left`` of last year's
    total) needs ``required`` (%) for the year to reach ``target``.

    The effort is graded (:func:`effort_grade`) on the acceleration over the growth so far,
    ``required − ytd``, which is comparable through the year; the latest single-period growth
    (``latest``, 当季/当月), when known, is graded the same way and pulls the grade one step
    toward its own: a year whose latest quarter already grows as fast as needed is one step
    easier, one whose latest quarter slowed one step harder. Status: ``hold`` on track,
    ``small`` and ``marked`` at risk, ``hard`` off track. For a ceiling (growth 控制在…以内)
    the effort is the slowdown needed.

    Reasons: ``growth_met`` (at the target so far; the rest needs ``required`` to hold it),
    ``growth_met_can_fall`` (the rest could even fall), ``growth_met_slowing`` (at the target
    so far, but the latest period grew slower than the rest needs), ``growth_small``,
    ``growth_marked``, ``growth_hard`` (需小幅加快 / 需明显加快 / 难度很大), ``growth_ceiling``
    (a ceiling growth target).
    """
    sign = -1.0 if ceiling else 1.0
    extra = required - ytd
    grade_ytd = effort_grade(sign * extra, share_left)
    grade_latest = None if latest is None else effort_grade(sign * (required - latest), share_left)
    grade = _toward(grade_ytd, grade_latest)
    small, hard = effort_thresholds(share_left)
    facts = {
        "ytd": ytd, "need": required, "extra": extra, "share_left": share_left,
        "latest": latest, "latest_extra": None if latest is None else required - latest,
        "effort": grade, "effort_ytd": grade_ytd, "effort_latest": grade_latest,
        "small": small, "hard": hard,
    }  # fmt: skip
    if ceiling:
        reason = "growth_ceiling"
    elif grade == HOLD:
        reason = "growth_met_can_fall" if required < 0 else "growth_met"
    elif grade_ytd == HOLD:
        reason = "growth_met_slowing"
    else:
        reason = f"growth_{grade}"
    return Status(STATUS_OF_EFFORT[grade], "R1", reason, facts)


# -- R2 cumulative levels and counts ------------------------------------------------------------


def pace_comparison(completion_pct: float, reference_pct: float, level_pp: float) -> str:
    """``ahead``, ``level`` or ``behind``: 完成进度 against a reference progress, equal within
    ``level_pp`` points."""
    diff = completion_pct - reference_pct
    if abs(diff) < level_pp:
        return "level"
    return "ahead" if diff > 0 else "behind"


def cumulative_status(
    completion_pct: float,
    elapsed_pct: float,
    *,
    ceiling: bool = False,
    prior_pace_pct: float | None = None,
    plan: bool = False,
) -> Status:
    """R2: 完成进度 against 序时进度, both in percent (of the target, of the year): months
    elapsed ÷ 12, or a recorded plan curve (``plan``), the reference every bureau report uses
    (超序时进度X个百分点 / 达到序时进度 / 低于序时进度X个百分点). ``prior_pace_pct`` (上年同期进度:
    last year's same-period value ÷ its full year) is stated beside it as a second reference
    (reaching it means the target is on course if the rest of the year follows last year's
    pattern) but does not change the status.

    Reasons: ``cumulative_done`` (the year's target reached), ``cumulative_on_pace``,
    ``cumulative_ahead`` / ``cumulative_behind`` (by ``gap`` points); for a cap on a flow
    ``cap_within`` / ``cap_over``.
    """
    lag = elapsed_pct - completion_pct
    facts: dict[str, Any] = {
        "completion": completion_pct, "elapsed": elapsed_pct, "gap": abs(lag),
        "pace_gap": -lag, "reference": "plan" if plan else "elapsed",
        "prior_pace": prior_pace_pct,
        "prior_gap": None if prior_pace_pct is None else completion_pct - prior_pace_pct,
        "prior_code": None if prior_pace_pct is None
        else pace_comparison(completion_pct, prior_pace_pct, PRIOR_PACE_LEVEL_PP),
    }  # fmt: skip
    if ceiling:  # a cap on a flow: ahead of time is the risk
        if lag >= 0:
            return Status(ON_TRACK, "R2", "cap_within", facts)
        status = AT_RISK if -lag <= AT_RISK_LAG_PP + _EPS else OFF_TRACK
        return Status(status, "R2", "cap_over", facts)
    if completion_pct >= 100 - _EPS:
        return Status(ON_TRACK, "R2", "cumulative_done", facts)
    if abs(lag) < ON_PACE_PP:
        return Status(ON_TRACK, "R2", "cumulative_on_pace", facts)
    if lag <= _EPS:
        return Status(ON_TRACK, "R2", "cumulative_ahead", facts)
    status = AT_RISK if lag <= AT_RISK_LAG_PP + _EPS else OFF_TRACK
    return Status(status, "R2", "cumulative_behind", facts)


# -- R3 rates, ratios and stocks ----------------------------------------------------------------


def point_status(
    value: float, target: float, verdict_met: bool, *, kind: str, measure: str
) -> Status:
    """R3: a rate, share, ratio or stock judged as it stands.

    Reasons: ``point_within_ceiling``, ``point_met``, ``point_short`` / ``point_over`` (below
    a floor / above a ceiling or band: 高于…目标X个百分点, never 以内) with the miss in points
    (``gap``, rates and shares) or as a share of the target (``gap_share``, levels and counts).
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


# -- R4 the full year, R5 projects, R0 no data ---------------------------------------------------


def year_end_status(met: bool, verdict: str) -> Status:
    """R4: the full-year figure is in; ``verdict`` is the target verdict's status code."""
    return Status(ON_TRACK if met else OFF_TRACK, "R4", "year_met" if met else "year_missed",
                  {"verdict": verdict})  # fmt: skip


def project_status(value: float | None = None) -> Status:
    """R5: a project's total investment is its size over the years it takes, not a target of
    the plan year: no status (grey), not counted among the annual targets; the figure stored
    for it, if any, is shown as it stands."""
    return Status(NO_DATA_STATUS, "R5", "project_size", {"value": value})


NO_DATA = Status(NO_DATA_STATUS, "R0", "no_data")
