"""Target verdicts: a value against a target, read by the qualifier's bound and the indicator's
direction (floors, ceilings, 左右 bands)."""

from __future__ import annotations

from dataclasses import dataclass

from muye_analysis import schema

# There is no official band for a 左右 ("about") target. The half-width used here is a working
# convention, in the indicator's own unit, to be stated wherever a verdict is shown:
# - percentages (growth rates, rates, shares): ABOUT_BAND_PP percentage points either side
#   (6%左右 -> 5.5 … 6.5%);
# - levels and counts (亿元, 万亩, 人 …): ABOUT_BAND_REL of the target either side
#   (稳定在2.75万亩 -> 2.695 … 2.805万亩). Points would mean nothing for a level in 万亩.
ABOUT_BAND_PP = 0.5
ABOUT_BAND_REL = 0.02
ABOUT_TOLERANCE_PP = ABOUT_BAND_PP  # the earlier name of ABOUT_BAND_PP
# Measures compared in percentage points (their band is in points, not relative).
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
    """Half-width of an about band in the own unit of the indicator (a 左右 target):
    :data:`ABOUT_BAND_PP` points for
    percentages (``measure`` in :data:`PERCENT_MEASURES`), else :data:`ABOUT_BAND_REL` of the
    target (a level in 万亩 or 亿元, a count).

    >>> about_band(5.5, "rate"), round(about_band(2.75, "level"), 3)
    (0.5, 0.055)
    """
    if measure in PERCENT_MEASURES:
        return ABOUT_BAND_PP
    return abs(float(target)) * ABOUT_BAND_REL


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


@dataclass(frozen=True)
class Verdict:
    """Whether a value meets a target, given the target's bound and the indicator's direction.

    ``status``: ``exceeded`` (超额完成: beyond a floor, or beyond a 左右 band on the good side),
    ``met`` (完成), ``within_ceiling`` (控制在目标以内), ``within_band`` (direction unknown),
    ``missed`` (a floor not reached), ``above_ceiling``, ``above_band``, ``below_band``.
    ``band`` is the half-width used (0 unless the target is 左右/稳定在), in the target's unit.
    """

    status: str
    met: bool
    value: float
    target: float
    bound: str
    tolerance_pp: float | None = None  # the band, for percentages (kept for compatibility)
    kind: str = FLOOR
    band: float = 0.0
    indicative: bool = False  # a 预期目标: a shortfall reads 低于预期目标


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

    The target works as a floor, a ceiling or a band (:func:`target_kind`). A 左右 / 稳定在
    target (``about``) has a band of :func:`about_band` either side, in the indicator's own unit
    (``tolerance_pp`` overrides it); a floor is then met from ``target - band`` and exceeded
    (超额完成) above ``target + band``, a ceiling met up to ``target + band``. Other floors are
    exceeded by any value above the target. ``indicative`` marks a 预期目标 (the report's
    headline targets), whose shortfall reads 低于预期目标 rather than 未完成.

    >>> # growth 6.8% against 6%左右
    >>> assess_target(6.8, 6.0, "about").status
    'exceeded'
    >>> assess_target(4.8, 5.5, "about", higher_is_better=False, measure="rate").status
    'within_ceiling'
    """
    kind = target_kind(bound, higher_is_better)
    band = 0.0
    if bound == "about" or (bound == "exact" and kind == BAND):
        band = about_band(target, measure) if tolerance_pp is None else float(tolerance_pp)
        if band < 0:
            raise ValueError("the band (tolerance_pp) must not be negative")
    tol_pp = band if measure in PERCENT_MEASURES and band else None
    args = {"value": value, "target": target, "bound": bound, "tolerance_pp": tol_pp,
            "kind": kind, "band": band, "indicative": indicative}  # fmt: skip
    if kind == FLOOR:
        if value > target + band + _EPS:
            return Verdict("exceeded", True, **args)
        if value >= target - band - _EPS:
            return Verdict("met", True, **args)
        return Verdict("missed", False, **args)
    if kind == CEILING:
        if value <= target + band + _EPS:
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
    band = 0.0
    if bound == "about" or (bound == "exact" and kind == BAND):
        band = about_band(target, measure) if tolerance_pp is None else float(tolerance_pp)
    if kind == FLOOR:
        return values >= target - band - _EPS
    if kind == CEILING:
        return values <= target + band + _EPS
    return np.abs(values - target) <= band + _EPS


def is_indicative(indicator: str) -> bool:
    """The headline targets of the report are indicative (part 二 of it):
    预期目标, whose shortfall reads 低于预期目标."""
    from muye_analysis.dataset import HEADLINE

    return indicator in HEADLINE
