"""Claims on the year-to-date store: where each target stands after the latest period.

``gap_claim`` words a :class:`~muye_analysis.targets.YtdGap` (the growth the rest of the year
needs, or the verdict at year end, or a rate judged as it stands); the 进度监测 claims word the
rows of :func:`muye_analysis.progress.progress_table`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from muye_analysis.claims.base import Claim, Phrase

if TYPE_CHECKING:
    from muye_analysis.targets import YtdGap

GAP = "ytd.gap"


def goal_of(row: Mapping[str, Any], **override: Any) -> dict[str, Any]:
    """The target of a record (``load_targets()`` row, progress row, YtdGap) as the renderer's
    ``goal`` specs read it."""
    goal = {
        k: row.get(k)
        for k in ("target", "unit", "qualifier", "bound", "commitment", "measure", "indicative")
    }
    goal["unit"] = goal["unit"] or "%"
    return goal | override


def gap_goal(gap: YtdGap) -> dict[str, Any]:
    """The annual target of a :class:`~muye_analysis.targets.YtdGap` as the renderer's ``goal``
    specs read it."""
    return goal_of(
        {"target": gap.target, "unit": "%", "qualifier": gap.qualifier, "bound": gap.bound,
         "measure": gap.measure, "indicative": gap.indicative}
    )  # fmt: skip


def goal_phrase(goal: Mapping[str, Any]) -> Phrase:
    """全年6%以上目标 / 全年6%以上的预期目标 (a 预期目标 says so)."""
    return Phrase("goal_year.indicative" if goal.get("indicative") else "goal_year", {"goal": goal})


def verdict_phrase(
    status: str,
    value: float,
    target: float,
    goal: Mapping[str, Any],
    *,
    indicative: bool = False,
    rate: bool = False,
) -> Phrase:
    """A verdict (a :class:`~muye_analysis.targets.Verdict` status) as a clause: 超额完成全年6%以上
    目标 / 低于全年6%以上的预期目标 / 控制在全年5.5%左右的预期目标以内; for rates and shares
    (``rate``) 达到 … and the gap in points. A 预期目标's shortfall is 低于, never 未完成."""
    key = "verdict_clause." + ("rate." if rate else "") + status
    if indicative and status in ("missed", "above_ceiling") and not rate:
        key += ".indicative"
    return Phrase(key, {"goal": goal_phrase(goal | {"indicative": indicative}),
                        "gap": abs(value - target)})  # fmt: skip


def gap_claim(gap: YtdGap) -> Claim:
    """Where one indicator stands against its annual target after ``gap.period``.

    Variants: ``need`` (the rest of the year must grow X%), ``need_about`` (a 左右 target),
    ``can_fall`` (already safe: the rest could fall by up to X%), ``ceiling`` (a ceiling: grow
    no more than X%), ``year`` (the full-year verdict), ``rate`` (a rate judged as it stands,
    never as a growth).
    """
    goal = gap_goal(gap)
    facts: dict[str, Any] = {"name": gap.indicator, "period": gap.period, "ytd": gap.ytd}
    if gap.measure != "growth_rate":
        facts["clause"] = _verdict(gap, goal, rate=True)
        return Claim(GAP, True, facts, variant="rate", subject=gap.indicator)
    if gap.required is None:
        facts["clause"] = _verdict(gap, goal)
        return Claim(GAP, True, facts, variant="year", subject=gap.indicator)
    need = float(gap.required)
    facts |= {"need": need, "fall": -need, "goal": goal_phrase(goal)}
    if gap.bound == "at_most":
        variant = "ceiling"
    elif need < 0:
        variant = "can_fall"
    else:
        variant = "need_about" if gap.bound == "about" else "need"
    return Claim(GAP, True, facts, variant=variant, subject=gap.indicator)


def _verdict(gap: YtdGap, goal: Mapping[str, Any], *, rate: bool = False) -> Phrase:
    v = gap.verdict
    return verdict_phrase(v.status, v.value, v.target, goal, indicative=v.indicative, rate=rate)
