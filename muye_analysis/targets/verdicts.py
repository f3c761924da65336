"""Target verdicts: a value against a target, read by the qualifier's bound and the indicator's
direction (floors, ceilings, 左右 bands)."""

from __future__ import annotations

from dataclasses import dataclass

from muye_analysis import schema

# How officials word an outcome against a 左右 ("about") target (../shared/DOMAIN.md collects the
# cases): no official tolerance exists. At or above a growth target: 实现/完成 (高于目标X个百分点
# when above); a tenth short of a 左右 target has been called 实现 nationally (7.4% against
# 7.5%左右 in 2014), so a small named tolerance below a 左右 floor still reads 实现; further
# short: 低于预期目标X个百分点, never 完成. A ceiling (失业率, CPI) takes no tolerance: at or below
# it 控制在…以内, above it 高于…目标X个百分点, never 以内. The tolerance is in the indicator's own
# unit and is stated wherever a verdict is shown:
# - percentages (growth rates, rates, shares): ABOUT_TOLERANCE_PP points below a 左右 floor
#   (6%左右 -> 5.9% still 实现; 5.8% is 低于预期目标0.2个百分点);
# - levels and counts (亿元, 万亩, 人 …): ABOUT_TOLERANCE_REL of the target
#   (稳定在2.75万亩 -> 2.695万亩 still 实现). Points would mean nothing for a level in 万亩.
# A 左右 target whose direction is unknown is a band of the same half-width either side.
ABOUT_TOLERANCE_PP = 0.1
ABOUT_TOLERANCE_REL = 0.02
ABOUT_BAND_PP = ABOUT_TOLERANCE_PP  # earlier names of the two tolerances
ABOUT_BAND_REL = ABOUT_TOLERANCE_REL
# Measures compared in percentage points (their tolerance is in points, not relative).
PERCENT_MEASURES = ("growth_rate", "growth", "rate", "share")


def bound_of(qualifier: str | None) -> str:
    """The bound a printed qualifier implies:
    以上 -> at_least, 左右 -> about, 以内 -> at_most."""
    try:
        return schema.QUALIFIER_BOUND[qualifier or ""]
    except KeyError:
        raise ValueError(f"unknown qualifier {qualifier!r}; known: {schema.QUALIFIERS}") from None


# -- verdicts ----------------------------------------------------------------------------------

FLOOR, CEILING, BAND = "floor", "ceiling", "band"


def about_band(target: float, measure: str = "growth_rate") -> float:
    """The tolerance of a 左右 target in the indicator's own unit: :data:`ABOUT_TOLERANCE_PP`
    points for percentages (``measure`` in :data:`PERCENT_MEASURES`), else
    :data:`ABOUT_TOLERANCE_REL` of the target (a level in 万亩 or 亿元, a count). It applies
    below a 左右 floor and on both sides of a 左右 target of unknown direction; never above a
    ceiling.

    >>> about_band(5.5, "rate"), round(about_band(2.75, "level"), 3)
    (0.1, 0.055)
    """
    if measure in PERCENT_MEASURES:
        return ABOUT_TOLERANCE_PP
    return abs(float(target)) * ABOUT_TOLERANCE_REL


def target_kind(bound: str, higher_is_better: bool | None) -> str:
    """How a target works, from its qualifier's bound and the indicator's direction.

    - 以上, 不低于, 不少于, 超过 (``at_least``): a floor; 以内, 控制在…以下 (``at_most``): a
      ceiling;
    - 左右 / 稳定在 (``about``) and a bare number (``exact``): a floor when higher is better
      (6%左右 for growth: more is over-fulfilment, not a miss), a ceiling when lower is better
      (城镇调查失业率5.5%左右: lower is fine), a two-sided band when the direction is unknown.
    """
    if bound == "at_least":
        return FLOOR
    if bound == "at_most":
        return CEILING
    if bound in ("about", "exact"):
        return {True: FLOOR, False: CEILING, None: BAND}[higher_is_better]
    raise ValueError(f"unknown bound {bound!r}; use one of {schema.BOUNDS}")


_EPS = 1e-9  # values and targets are printed to one or two decimals

# Verdict codes (``Verdict.status``), worded by the vocabulary's verdict_clause.* rows.
VERDICTS = (
    "exceeded",  # above a floor: 实现/完成, 高于目标X个百分点 (超额完成 for levels and counts)
    "met",  # at the target: 实现/完成
    "met_about",  # a 左右 floor missed by at most the tolerance: 实现, the shortfall stated
    "missed",  # below a floor: 低于(预期)目标X个百分点; a task target 未完成
    "within_ceiling",  # at or below a ceiling: 控制在…以内
    "above_ceiling",  # above a ceiling: 高于…目标X个百分点, never 以内
    "within_band",  # a 左右 target of unknown direction, within the tolerance either side
    "above_band",
    "below_band",
)


@dataclass(frozen=True)
class Verdict:
    """Whether a value meets a target, given the target's bound and the indicator's direction.

    ``status`` is one of :data:`VERDICTS`. ``band`` is the 左右 tolerance used (0 unless the
    target is 左右 / 稳定在 and works as a floor or a band), in the target's unit; ``gap`` the
    value minus the target (positive: above it).
    """

    status: str
    met: bool
    value: float
    target: float
    bound: str
    tolerance_pp: float | None = None  # the tolerance, for percentages (kept for compatibility)
    kind: str = FLOOR
    band: float = 0.0
    indicative: bool = False  # a 预期目标: a shortfall reads 低于预期目标

    @property
    def gap(self) -> float:
        """Value minus target: positive above the target, negative below it."""
        return self.value - self.target


def _tolerance(
    target: float, bound: str, kind: str, measure: str, tolerance_pp: float | None
) -> float:
    """The 左右 tolerance that applies: below a 左右 floor and either side of a band; none for a
    ceiling (above a ceiling is never 以内) and none for 以上 / a bare number."""
    if kind == CEILING or not (bound == "about" or (bound == "exact" and kind == BAND)):
        return 0.0
    band = about_band(target, measure) if tolerance_pp is None else float(tolerance_pp)
    if band < 0:
        raise ValueError("the tolerance (tolerance_pp) must not be negative")
    return band


def assess_target(
    value: float,
    target: float,
    bound: str = "exact",
    *,
    higher_is_better: bool | None = True,
    tolerance_pp: float | None = None,
    measure: str = "growth_rate",
    indicative: bool = False,
) -> Verdict:
    """Judge ``value`` against ``target`` by the qualifier's bound and the indicator's direction.

    The target works as a floor, a ceiling or a band (:func:`target_kind`). A floor is met at
    the target and ``exceeded`` above it; a 左右 / 稳定在 floor is still met (``met_about``) up
    to :func:`about_band` below the target (``tolerance_pp`` overrides it), and ``missed``
    further down. A ceiling is met at or below the target (``within_ceiling``) and missed
    above it (``above_ceiling``), whatever its qualifier: above a ceiling is never 以内. A
    target of unknown direction is met within the tolerance either side. ``indicative`` marks
    a 预期目标 (the report's headline targets), whose shortfall reads 低于预期目标 rather than
    未完成.

    >>> assess_target(6.8, 6.0, "about").status  # growth 6.8% against 6%左右
    'exceeded'
    >>> assess_target(5.9, 6.0, "about").status, assess_target(5.5, 6.0, "about").status
    ('met_about', 'missed')
    >>> assess_target(5.6, 5.5, "about", higher_is_better=False, measure="rate").status
    'above_ceiling'
    """
    kind = target_kind(bound, higher_is_better)
    band = _tolerance(target, bound, kind, measure, tolerance_pp)
    tol_pp = band if measure in PERCENT_MEASURES and band else None
    args = {"value": value, "target": target, "bound": bound, "tolerance_pp": tol_pp,
            "kind": kind, "band": band, "indicative": indicative}  # fmt: skip
    if kind == FLOOR:
        if value > target + _EPS:
            return Verdict("exceeded", True, **args)
        if value >= target - _EPS:
            return Verdict("met", True, **args)
        if band and value >= target - band - _EPS:
            return Verdict("met_about", True, **args)
        return Verdict("missed", False, **args)
    if kind == CEILING:
        if value <= target + _EPS:
            return Verdict("within_ceiling", True, **args)
        return Verdict("above_ceiling", False, **args)
    diff = value - target
    if abs(diff) <= band + _EPS:
        return Verdict("within_band", True, **args)
    return Verdict("above_band" if diff > 0 else "below_band", False, **args)


def meets_target(
    values,
    target: float,
    bound: str = "exact",
    *,
    higher_is_better: bool | None = True,
    tolerance_pp: float | None = None,
    measure: str = "growth_rate",
):
    """Vectorised :func:`assess_target` ``.met`` for an array of values (forecast paths)."""
    import numpy as np

    values = np.asarray(values, dtype=float)
    kind = target_kind(bound, higher_is_better)
    band = _tolerance(target, bound, kind, measure, tolerance_pp)
    if kind == FLOOR:
        return values >= target - band - _EPS
    if kind == CEILING:
        return values <= target + _EPS
    return np.abs(values - target) <= band + _EPS


def is_indicative(indicator: str) -> bool:
    """The headline targets of the report are indicative (part 二 of it):
    预期目标, whose shortfall reads 低于预期目标."""
    from muye_analysis.dataset import HEADLINE

    return indicator in HEADLINE
