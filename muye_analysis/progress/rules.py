"""进度监测 status rules: the thresholds, how a target is tracked, one function per rule.

See :mod:`muye_analysis.progress` for the rules in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from muye_analysis.targets import (
    PERCENT_MEASURES,
    WEIGHTS_EQUAL_MONTHS,
    WEIGHTS_EQUAL_QUARTERS,
    WEIGHTS_LEVELS,
    WEIGHTS_PRIOR_YEAR,
    WEIGHTS_SEASONAL,
)

STATUSES = ("on_track", "at_risk", "off_track", "no_data")
STATUS_TEXT = {
    "on_track": ("正常", "on track"),
    "at_risk": ("预警", "at risk"),
    "off_track": ("滞后", "off track"),
    "no_data": ("暂无数据", "no data"),
}
# Rule thresholds (working conventions of this table, not official ones).
AT_RISK_ACCELERATION_PP = 2.0  # growth: the rest of the year may need up to 2 points more
AT_RISK_LAG_PP = 10.0  # cumulative: 完成进度 may lag 序时进度 by up to 10 points
AT_RISK_RATE_PP = 1.0  # rates and shares: a miss of up to 1 point
AT_RISK_LEVEL_SHARE = 0.10  # levels, counts and ratios judged as they stand: a miss up to 10%

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

BASIS_TEXT = {
    "seasonal": ("给定的季节权重", "seasonal weights given"),
    "prior_year": ("上年同期占上年全年比重", "last year's same period over its full year"),
    "last_year_levels": ("上年累计值占上年全年比重", "last year's cumulative share"),
    "months": ("时间进度（月数÷12）", "time elapsed (months ÷ 12)"),
    "quarters": ("时间进度（季度数÷4）", "time elapsed (quarters ÷ 4)"),
    "not_applicable": ("不适用（时点指标）", "not applicable (judged as it stands)"),
}
_BASIS_OF_SOURCE = {
    WEIGHTS_SEASONAL: "seasonal",
    WEIGHTS_PRIOR_YEAR: "prior_year",
    WEIGHTS_LEVELS: "last_year_levels",
    WEIGHTS_EQUAL_MONTHS: "months",
    WEIGHTS_EQUAL_QUARTERS: "quarters",
}

RULES = {
    "R0": (
        "无本年数据：状态为“暂无数据”。",
        "No figure of the plan year in the store up to the period: no_data.",
    ),
    "R1": (
        "增速目标（12月前）：累计增速已达目标为“正常”；其余月份所需增速比累计增速高不超过"
        f"{AT_RISK_ACCELERATION_PP:g}个百分点为“预警”；否则为“滞后”。",
        "Growth targets before December: on_track when growth so far meets the target; at_risk "
        f"when the rest of the year needs at most {AT_RISK_ACCELERATION_PP:g} points more than "
        "growth so far; otherwise off_track.",
    ),
    "R2": (
        "累计量目标（12月前）：完成进度不低于序时进度（或已完成全年目标）为“正常”；落后序时进度不超过"
        f"{AT_RISK_LAG_PP:g}个百分点为“预警”；否则为“滞后”。",
        "Cumulative level and count targets before December: on_track when completion is at or "
        f"ahead of time elapsed (or the target is reached); at_risk when it lags by at most "
        f"{AT_RISK_LAG_PP:g} points; otherwise off_track.",
    ),
    "R3": (
        "时点指标（比率、存量，12月前）：当前值已达目标为“正常”；比率差距不超过"
        f"{AT_RISK_RATE_PP:g}个百分点、其他差距不超过目标的{AT_RISK_LEVEL_SHARE:.0%}为“预警”；"
        "否则为“滞后”。",
        "Point targets (rates, shares, ratios, stocks) before December: on_track when the figure "
        f"meets the target now; at_risk when a rate misses by at most {AT_RISK_RATE_PP:g} point "
        f"or another figure by at most {AT_RISK_LEVEL_SHARE:.0%} of the target; otherwise "
        "off_track.",
    ),
    "R4": (
        "已有全年（1-12月）数据：达到目标为“正常”，否则为“滞后”。",
        "With the full-year (Jan-Dec) figure: on_track if the target is met, else off_track.",
    ),
}
SYNTHETIC_NOTE = (
    "注意：部分数据来自示例（合成）文件，不是实际统计数。",
    "some figures come from synthetic example files, not statistics.",
)
GENERAL_NOTE = {
    "zh": "目标按限定词和指标方向判断：“以上/不低于”为下限，“以内”为上限；“左右”对增速和比率取"
    "±0.5个百分点、对总量取目标的±2%，越高越好的指标高出区间为超额完成，越低越好的指标（如失业率）"
    "按上限判断。序时进度优先用给定的季节权重或上年同期进度，否则为月数÷12，见“序时进度口径”列。",
    "en": "Targets are read by qualifier and direction: 以上/不低于 are floors, 以内 a ceiling; "
    "左右 is ±0.5 points for growth and rates and ±2% of the target for levels; above the band "
    "is over-fulfilment when higher is better, and lower-is-better rates (unemployment) are "
    "ceilings. Time elapsed uses recorded seasonal weights or last year's same-period share "
    "when known, else months ÷ 12; the elapsed-basis column says which.",
}


def progress_kind(indicator: str, measure: str, flow: bool | None) -> str:
    """``growth``, ``cumulative`` or ``point``: how a target of ``measure`` is tracked."""
    if measure == "growth_rate":
        return GROWTH
    if measure in ("level", "count") and (bool(flow) or indicator in ACCUMULATING):
        return CUMULATIVE
    return POINT


# -- status rules, one function each (tested rule by rule) --------------------------------------


@dataclass(frozen=True)
class Status:
    """A status, the rule that gave it and the reason in both languages."""

    status: str
    rule: str
    reason_zh: str
    reason_en: str


def _pp(value: float) -> tuple[str, str]:
    return f"{value:.1f}个百分点", f"{value:.1f} points"


def growth_status(
    ytd: float,
    target: float,
    required: float,
    *,
    met_now: bool,
    phrase_zh: str,
    rest_zh: str,
    phrase_en: str,
    rest_en: str,
) -> Status:
    """R1: growth so far ``ytd`` (%), the rest of the year needs ``required`` (%)."""
    head_zh = f"{phrase_zh}增长{ytd:.1f}%"
    head_en = f"{ytd:.1f}% in {phrase_en}"
    need_zh, need_en = f"{rest_zh}需增长{required:.1f}%", f"{rest_en} needs {required:.1f}%"
    if met_now:
        return Status(
            "on_track",
            "R1",
            f"{head_zh}，已达全年目标；{need_zh}即可",
            f"{head_en}, already at the target; {need_en} to hold it",
        )
    extra = required - ytd
    zh_pts, en_pts = _pp(extra)
    if extra <= AT_RISK_ACCELERATION_PP + 1e-9:
        return Status(
            "at_risk",
            "R1",
            f"{head_zh}，{need_zh}，需加快{zh_pts}",
            f"{head_en}; {need_en}, {en_pts} faster",
        )
    return Status(
        "off_track",
        "R1",
        f"{head_zh}，{need_zh}，需加快{zh_pts}，难度较大",
        f"{head_en}; {need_en}, {en_pts} faster: hard to reach",
    )


def cumulative_status(
    completion_pct: float,
    elapsed_pct: float,
    *,
    value_zh: str,
    value_en: str,
    ceiling: bool = False,
) -> Status:
    """R2: 完成进度 against 序时进度 (both % of the year's target / of the year)."""
    lag = elapsed_pct - completion_pct
    head_zh = f"累计完成{value_zh}，完成进度{completion_pct:.1f}%，序时进度{elapsed_pct:.1f}%"
    head_en = f"{value_en} so far: {completion_pct:.1f}% done, {elapsed_pct:.1f}% of the year gone"
    if ceiling:  # a cap on a flow: ahead of time is the risk
        over = -lag
        if over <= 0:
            return Status("on_track", "R2", f"{head_zh}，未超序时", f"{head_en}, within the pace")
        zh_pts, en_pts = _pp(over)
        status = "at_risk" if over <= AT_RISK_LAG_PP + 1e-9 else "off_track"
        return Status(
            status, "R2", f"{head_zh}，超序时{zh_pts}", f"{head_en}, {en_pts} ahead of the cap"
        )
    if completion_pct >= 100 - 1e-9:
        return Status(
            "on_track",
            "R2",
            f"{head_zh}，已完成全年目标",
            f"{head_en}; the year's target is reached",
        )
    if abs(lag) < 0.05:  # equal at the printed precision
        return Status("on_track", "R2", f"{head_zh}，与序时进度持平", f"{head_en}; on pace")
    if lag <= 1e-9:
        zh_pts, en_pts = _pp(-lag)
        return Status(
            "on_track", "R2", f"{head_zh}，快于序时{zh_pts}", f"{head_en}; {en_pts} ahead of time"
        )
    zh_pts, en_pts = _pp(lag)
    status = "at_risk" if lag <= AT_RISK_LAG_PP + 1e-9 else "off_track"
    return Status(status, "R2", f"{head_zh}，落后序时{zh_pts}", f"{head_en}; {en_pts} behind time")


def point_status(
    value: float,
    target: float,
    verdict_met: bool,
    *,
    kind: str,
    measure: str,
    value_zh: str,
    value_en: str,
    goal_zh: str,
    goal_en: str,
) -> Status:
    """R3: a rate, share, ratio or stock judged as it stands."""
    if verdict_met and kind == "ceiling":
        return Status(
            "on_track",
            "R3",
            f"当前{value_zh}，控制在{goal_zh}以内",
            f"now {value_en}, within {goal_en}",
        )
    if verdict_met:
        return Status(
            "on_track", "R3", f"当前{value_zh}，达到{goal_zh}", f"now {value_en}, meeting {goal_en}"
        )
    miss = abs(value - target)
    if measure in PERCENT_MEASURES:
        close = miss <= AT_RISK_RATE_PP + 1e-9
        zh_gap, en_gap = _pp(miss)
    else:
        close = miss <= abs(target) * AT_RISK_LEVEL_SHARE + 1e-9
        share = miss / abs(target) * 100 if target else math.inf
        zh_gap, en_gap = f"目标的{share:.1f}%", f"{share:.1f}% of the target"
    side_zh = "高于" if kind == "ceiling" or value > target else "低于"
    side_en = "above" if side_zh == "高于" else "below"
    return Status(
        "at_risk" if close else "off_track",
        "R3",
        f"当前{value_zh}，{side_zh}{goal_zh}{zh_gap}",
        f"now {value_en}, {en_gap} {side_en} {goal_en}",
    )


def year_end_status(
    met: bool, verdict_zh: str, verdict_en: str, *, value_zh: str, value_en: str
) -> Status:
    """R4: the full-year figure is in."""
    return Status(
        "on_track" if met else "off_track",
        "R4",
        f"全年{value_zh}，{verdict_zh}",
        f"full year {value_en}: {verdict_en}",
    )


NO_DATA = Status(
    "no_data",
    "R0",
    "暂无本年数据，可按data/quarterly/模板填报",
    "no figure of the plan year yet; fill in the data/quarterly/ template",
)
