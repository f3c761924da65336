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
    growth: bool = False,
    tolerance: float = 0.0,
) -> Phrase:
    """A verdict (a :class:`~muye_analysis.targets.Verdict` status) as a clause, as officials
    word it: a growth 实现全年6%以上的预期目标，高于目标0.8个百分点 / 低于全年6%以上的预期目标
    0.5个百分点 (a 预期目标's shortfall: never 完成, never 未完成) / 控制在…以内 /
    高于…目标X个百分点 (above a ceiling, never 以内); a level 超额完成全年8000人以上目标; for
    rates and shares
    (``rate``) 达到 … and the gap in points. ``tolerance`` is the 左右 tolerance the verdict used
    (stated when a 左右 target was met within it)."""
    from muye_analysis.targets import ABOUT_TOLERANCE_REL

    kind = "growth." if growth else "rate." if rate else ""
    key = "verdict_clause." + kind + status
    if indicative and status in ("missed", "above_ceiling") and not rate:
        key += ".indicative"
    gap = abs(value - target)
    return Phrase(key, {"goal": goal_phrase(goal | {"indicative": indicative}), "gap": gap,
                        "tol": tolerance, "rel": ABOUT_TOLERANCE_REL * 100,
                        "share": gap / abs(target) * 100 if target else 0.0})  # fmt: skip


def momentum_words(
    span: Any,
    growth: float,
    previous: Any,
    previous_growth: float,
    code: str,
    *,
    need_vs_latest: float | None = None,
    period: Any = None,
) -> Phrase:
    """The latest single period (``span``, 当季/当月, derived) against the cumulative growth
    before it (``previous``) and, when given, against the growth the rest of the year needs:
    三季度当季增长6.2%（推算），快于上半年累计1.2个百分点，增势加快；四季度所需增速比三季度当季高
    2.5个百分点. ``code`` is a ``targets.Momentum`` code (accelerating, slowing, steady)."""
    kind = span.kind if span.kind in ("quarter", "month") else "span"
    named = Phrase(f"progress.span.{kind}", {"span": span})
    versus: Phrase | str = ""
    if need_vs_latest is not None:
        key = f"progress.need_vs_latest.{'above' if need_vs_latest > 0 else 'below'}"
        versus = Phrase(key, {"gap": abs(need_vs_latest), "span": named, "period": period})
    return Phrase(f"progress.momentum.{code}", {"span": named, "growth": growth,
                                                "before": previous,
                                                "diff": abs(growth - previous_growth),
                                                "versus": versus})  # fmt: skip


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
    facts |= {"need": need, "fall": -need, "goal": goal_phrase(goal), "momentum": ""}
    if gap.momentum is not None:
        m = gap.momentum
        facts["momentum"] = momentum_words(m.span, m.growth, m.previous, m.previous_growth,
                                           m.code)  # fmt: skip
    if gap.bound == "at_most":
        variant = "ceiling"
    elif need < 0:
        variant = "can_fall"
    else:
        variant = "need_about" if gap.bound == "about" else "need"
    return Claim(GAP, True, facts, variant=variant, subject=gap.indicator)


def _verdict(gap: YtdGap, goal: Mapping[str, Any], *, rate: bool = False) -> Phrase:
    v = gap.verdict
    return verdict_phrase(
        v.status,
        v.value,
        v.target,
        goal,
        indicative=v.indicative,
        rate=rate,
        growth=not rate,
        tolerance=v.band,
    )
