"""Slide sentences about gaps and verdicts (to be replaced by the one renderer)."""

from __future__ import annotations

from muye_analysis.periods import Period
from muye_analysis.targets.required import RequiredGrowth
from muye_analysis.targets.verdicts import _QUALIFIER_EN, Verdict, assess_target, bound_of

# -- sentences for slides ----------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{value:.1f}%"


def gap_sentence(
    period: Period,
    ytd: float,
    required: float | RequiredGrowth,
    target: float,
    qualifier: str | None = "",
    *,
    lang: str = "zh",
    name: str | None = None,
) -> str:
    """One sentence for a slide, e.g. 前三季度增长5.0%，四季度需增长8.7%方能完成全年6%以上目标 /
    Growth of 5.0% in the first three quarters; Q4 needs 8.7% to meet the full-year target of
    at least 6%."""
    need = float(required)
    bound = bound_of(qualifier)
    qualifier = qualifier or ""
    so_far, rest = period.phrase(lang), period.rest_phrase(lang)
    if lang == "zh":
        head = f"{name or ''}{so_far}{'增长' if ytd >= 0 else '下降'}{_pct(abs(ytd))}"
        goal = f"全年{target:g}%{qualifier}目标"
        if bound == "at_most":
            return f"{head}，{rest}增长不超过{_pct(need)}方能实现{goal}"
        if need < 0:
            return f"{head}，{rest}即使下降{_pct(-need)}也能完成{goal}"
        about = "约" if bound == "about" else ""
        return f"{head}，{rest}需增长{about}{_pct(need)}方能完成{goal}"
    head = f"{'growth' if ytd >= 0 else 'a fall'} of {_pct(abs(ytd))} in {so_far}"
    head = f"{name}: {head}" if name else head[0].upper() + head[1:]
    goal = f"the full-year target of {_QUALIFIER_EN[bound]}{target:g}%"
    if bound == "at_most":
        return f"{head}; {rest} must grow no more than {_pct(need)} to stay within {goal}."
    if need < 0:
        return f"{head}; {rest} could fall by up to {_pct(-need)} and still meet {goal}."
    about = "about " if bound == "about" else ""
    return f"{head}; {rest} needs {about}{_pct(need)} to meet {goal}."


def _goal_zh(target: float, qualifier: str, unit: str = "%", *, indicative: bool = False) -> str:
    return f"全年{target:g}{unit}{qualifier}{'的预期' if indicative else ''}目标"


def _goal_en(target: float, bound: str, unit: str = "%", *, indicative: bool = False) -> str:
    kind = "indicative full-year target" if indicative else "full-year target"
    unit_en = unit if unit == "%" else f" {unit}"
    return f"the {kind} of {_QUALIFIER_EN[bound]}{target:g}{unit_en}"


def verdict_clause(verdict: Verdict, qualifier: str = "", *, lang: str = "zh",
                   unit: str = "%", rate: bool = False) -> str:  # fmt: skip
    """The verdict as a clause: 超额完成全年6%以上目标 / 低于全年6%以上的预期目标 /
    控制在全年5.5%左右目标以内; for rates (``rate=True``) 达到 … and the gap in points."""
    v, t = verdict.value, verdict.target
    gap = abs(v - t)
    pts_zh, pts_en = f"{gap:.1f}个百分点", f"{gap:.1f} points"
    if lang == "zh":
        goal = _goal_zh(t, qualifier, unit, indicative=verdict.indicative)
        if verdict.status in ("exceeded", "met"):
            word = "超额完成" if verdict.status == "exceeded" else "完成"
            return f"{'达到' if rate else word}{goal}"
        if verdict.status == "within_ceiling":
            return f"控制在{goal}以内"
        if verdict.status == "within_band":
            return f"处于{goal}区间内"
        if verdict.status == "missed":
            if rate:
                return f"距{goal}尚差{pts_zh}"
            return f"低于{goal}" if verdict.indicative else f"未完成{goal}"
        if verdict.status == "above_ceiling":
            return f"高于{goal}" + (pts_zh if rate else "")
        return f"{'高于' if verdict.status == 'above_band' else '低于'}{goal}区间"
    goal = _goal_en(t, verdict.bound, unit, indicative=verdict.indicative)
    if verdict.status in ("exceeded", "met"):
        word = "reaching" if rate else ("exceeding" if verdict.status == "exceeded" else "meeting")
        return f"{word} {goal}"
    if verdict.status == "within_ceiling":
        return f"within {goal}"
    if verdict.status == "within_band":
        return f"within the band around {goal}"
    if verdict.status == "missed":
        return f"{pts_en} short of {goal}" if rate else f"below {goal}"
    if verdict.status == "above_ceiling":
        return f"{pts_en} above {goal}" if rate else f"above {goal}"
    return f"{'above' if verdict.status == 'above_band' else 'below'} the band around {goal}"


def rate_sentence(
    period: Period,
    value: float,
    target: float,
    qualifier: str | None = "",
    *,
    higher_is_better: bool | None,
    lang: str = "zh",
    name: str | None = None,
    indicative: bool = False,
) -> str:
    """A rate or share against its target, e.g. 城镇调查失业率前三季度为4.8%，控制在全年5.5%左右的
    预期目标以内. A rate is a level, not a growth: it never "grows 5.2%"."""
    qualifier = qualifier or ""
    verdict = assess_target(value, target, bound_of(qualifier), higher_is_better=higher_is_better,
                            measure="rate", indicative=indicative)  # fmt: skip
    clause = verdict_clause(verdict, qualifier, lang=lang, rate=True)
    if lang == "zh":
        return f"{name or ''}{period.phrase('zh')}为{_pct(value)}，{clause}"
    head = f"{name}: " if name else ""
    return f"{head}{_pct(value)} in {period.phrase('en')}, {clause}."
