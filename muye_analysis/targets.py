"""Growth-gap arithmetic: how far from the target, what the rest of the year needs, was it met.

Percent in, percent out. Annual growth is the base-weighted average of the growth of its parts,
so with ``w`` = last year's cumulative level for the months so far over last year's full-year
level, growth so far ``g_ytd`` and the annual target ``g_target``::

    g_rest = (g_target - w * g_ytd) / (1 - w)

The weights matter: last year's quarters 50, 55, 55, 60 and 5.0% growth in the first three
quarters leave 8.67% for Q4 to reach 6%, not the 9% of the shortcut 4 x 6 - 3 x 5 (which assumes
equal quarters). Every result therefore records where its weights came from: last year's
cumulative levels when known, otherwise a stated assumption.

Differences of growth rates are percentage points (个百分点), not percent.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis import schema
from muye_analysis.periods import Period

if TYPE_CHECKING:
    import pandas as pd

WEIGHTS_LEVELS = "last year's cumulative levels"
WEIGHTS_EQUAL_MONTHS = "assumption: equal months"
WEIGHTS_EQUAL_QUARTERS = "assumption: equal quarters"
WEIGHTS_SEASONAL = "assumption: given seasonal shares"
WEIGHTS_GIVEN = "elapsed share given by the caller"
WEIGHTS_PRIOR_YEAR = "same period last year as printed (上年同期) over last year's full-year level"

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

# How each indicator is compiled: district GDP quarterly in the city's unified accounting
# (统一核算: 一季度, 上半年, 前三季度, 全年); everything else monthly (1-2月 first).
QUARTERLY_COMPILED = frozenset({"gdp"})

_QUALIFIER_EN = {"at_least": "at least ", "at_most": "at most ", "about": "about ", "exact": ""}


# -- weights -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ElapsedShare:
    """Last year's share of the annual total that falls in the months so far, and its source."""

    value: float
    source: str

    def __float__(self) -> float:
        return self.value


def _check_share(value: float) -> float:
    if not (isinstance(value, (int, float)) and 0 < value < 1):
        raise ValueError(
            f"the elapsed share must be strictly between 0 and 1, got {value!r}: at 0 nothing "
            "has happened yet (the required growth is the target), at 1 the year is over "
            "(compare the annual figure with the target directly)."
        )
    return float(value)


def share_from_levels(ytd_level_last_year: float, full_year_level_last_year: float) -> ElapsedShare:
    """w = L_ytd / L_year from last year's cumulative level for the months so far and its total.

    >>> share_from_levels(160, 220).value
    0.7272727272727273
    """
    if full_year_level_last_year <= 0:
        raise ValueError(
            f"last year's full-year level must be positive, got {full_year_level_last_year}"
        )
    return ElapsedShare(
        _check_share(ytd_level_last_year / full_year_level_last_year), WEIGHTS_LEVELS
    )


def share_from_quarter_levels(
    last_year_quarters: Sequence[float], quarters_elapsed: int
) -> ElapsedShare:
    """w from last year's four single-quarter levels, e.g. (50, 55, 55, 60) after 3 quarters."""
    if len(last_year_quarters) != 4 or any(q < 0 for q in last_year_quarters):
        raise ValueError("give last year's four quarterly levels, none negative")
    return share_from_levels(sum(last_year_quarters[:quarters_elapsed]), sum(last_year_quarters))


def equal_share(months_elapsed: int, *, by: str = "months") -> ElapsedShare:
    """w under equal months (months/12) or equal quarters (the shortcut's assumption)."""
    if by == "quarters":
        if months_elapsed % 3:
            raise ValueError(f"{months_elapsed} months is not a whole number of quarters")
        return ElapsedShare(_check_share(months_elapsed / 12), WEIGHTS_EQUAL_QUARTERS)
    if by != "months":
        raise ValueError("by must be 'months' or 'quarters'")
    return ElapsedShare(_check_share(months_elapsed / 12), WEIGHTS_EQUAL_MONTHS)


def seasonal_share(shares: Sequence[float], months_elapsed: int) -> ElapsedShare:
    """w from given seasonal shares: 12 monthly or 4 quarterly weights (normalised to sum 1),
    e.g. the city's or the province's pattern when the district's own is unknown."""
    if len(shares) not in (4, 12) or any(s < 0 for s in shares) or sum(shares) <= 0:
        raise ValueError("give 12 monthly or 4 quarterly shares, none negative")
    per_month = 12 // len(shares)
    if months_elapsed % per_month:
        raise ValueError(f"quarterly shares cannot split {months_elapsed} months")
    elapsed = sum(shares[: months_elapsed // per_month])
    return ElapsedShare(_check_share(elapsed / sum(shares)), WEIGHTS_SEASONAL)


def elapsed_share_for(
    period: Period,
    *,
    last_year_ytd_level: float | None = None,
    last_year_full_level: float | None = None,
    seasonal_shares: Sequence[float] | None = None,
) -> ElapsedShare:
    """The best available weights for ``period``: last year's levels, else seasonal shares,
    else equal quarters (at a quarter end) or equal months."""
    if last_year_ytd_level is not None and last_year_full_level is not None:
        return share_from_levels(last_year_ytd_level, last_year_full_level)
    if seasonal_shares is not None:
        return seasonal_share(seasonal_shares, period.end_month)
    return equal_share(period.end_month, by="quarters" if period.quarter else "months")


# -- required growth and gaps ------------------------------------------------------------------


@dataclass(frozen=True)
class RequiredGrowth:
    """The growth (%) the rest of the year needs, with its inputs and the weights' source."""

    required: float
    target: float
    ytd: float
    elapsed_share: float
    weights_source: str

    def __float__(self) -> float:
        return self.required


def required_growth(
    target: float,
    ytd: float,
    elapsed_share: float | ElapsedShare,
    *,
    weights_source: str | None = None,
) -> RequiredGrowth:
    """Growth (%) the rest of the year needs for the year to grow ``target`` %.

    ``ytd`` is cumulative growth so far (%), ``elapsed_share`` last year's level for the months
    so far over last year's full-year level, strictly between 0 and 1 (an :class:`ElapsedShare`
    carries its source; a bare number is recorded as given by the caller).

    >>> round(required_growth(6, 5.0, 160 / 220).required, 2)  # Q1-Q3 160 of 220
    8.67
    >>> required_growth(6, 5.0, equal_share(9, by="quarters")).required  # the shortcut 4x6-3x5
    9.0
    """
    if isinstance(elapsed_share, ElapsedShare):
        w, source = elapsed_share.value, weights_source or elapsed_share.source
    else:
        w, source = elapsed_share, weights_source or WEIGHTS_GIVEN
    w = _check_share(w)
    for name, value in (("target", target), ("ytd", ytd)):
        if not math.isfinite(value):
            raise ValueError(f"{name} must be a finite percentage, got {value!r}")
    needed = (target - w * ytd) / (1 - w)
    return RequiredGrowth(needed, float(target), float(ytd), w, source)


def gap_pp(target: float, actual: float) -> float:
    """Target minus actual, in percentage points: positive = behind the target."""
    return target - actual


def bound_of(qualifier: str | None) -> str:
    """The bound a printed qualifier implies: 以上 -> at_least, 左右 -> about, 以内 -> at_most."""
    try:
        return schema.QUALIFIER_BOUND[qualifier or ""]
    except KeyError:
        raise ValueError(f"unknown qualifier {qualifier!r}; known: {schema.QUALIFIERS}") from None


# -- verdicts ----------------------------------------------------------------------------------

FLOOR, CEILING, BAND = "floor", "ceiling", "band"


def about_band(target: float, measure: str = "growth_rate") -> float:
    """Half-width of a 左右 band in the indicator's own unit: :data:`ABOUT_BAND_PP` points for
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


# status -> (zh, en); for a missed floor the zh text depends on whether it is a 预期目标.
_VERDICT_TEXT = {
    "exceeded": ("超额完成", "exceeded"),
    "met": ("完成", "met"),
    "within_ceiling": ("控制在目标以内", "kept within the target"),
    "within_band": ("在目标区间内", "within the band"),
    "missed": ("未完成", "missed"),
    "above_ceiling": ("超出控制目标", "above the ceiling"),
    "above_band": ("高于目标区间", "above the band"),
    "below_band": ("低于目标区间", "below the band"),
}
_INDICATIVE_TEXT = {
    "missed": ("低于预期目标", "below the indicative target"),
    "above_ceiling": ("高于预期目标", "above the indicative target"),
}
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

    def text(self, lang: str = "zh") -> str:
        table = _INDICATIVE_TEXT if self.indicative and self.status in _INDICATIVE_TEXT else (
            _VERDICT_TEXT
        )  # fmt: skip
        zh, en = table[self.status]
        return zh if lang == "zh" else en


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

    >>> assess_target(6.8, 6.0, "about").text()   # growth 6.8% against 6%左右
    '超额完成'
    >>> assess_target(4.8, 5.5, "about", higher_is_better=False, measure="rate").text()
    '控制在目标以内'
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


# -- year to date, from the processed store ------------------------------------------------------


@dataclass(frozen=True)
class YtdGap:
    """Where an indicator stands against its annual growth target after ``period``."""

    indicator: str
    name_zh: str
    name_en: str
    period: Period
    ytd: float
    target: float
    qualifier: str
    bound: str
    gap_pp: float  # target - growth so far
    required: RequiredGrowth | None  # None once the year is complete, and for rates
    verdict: Verdict | None  # once the year is complete (for rates: always)
    measure: str = "growth_rate"  # or rate / share: a level in percent, judged as it stands
    higher_is_better: bool | None = True
    indicative: bool = False  # a 预期目标 (the report's headline targets)

    def sentence(self, lang: str = "zh") -> str:
        """The slide sentence; at year end (and for rates), the verdict instead."""
        name = self.name_zh if lang == "zh" else self.name_en
        if self.measure != "growth_rate":
            return rate_sentence(self.period, self.ytd, self.target, self.qualifier,
                                 higher_is_better=self.higher_is_better, lang=lang, name=name,
                                 indicative=self.indicative)  # fmt: skip
        if self.required is not None:
            return gap_sentence(self.period, self.ytd, self.required, self.target,
                                self.qualifier, lang=lang, name=name)  # fmt: skip
        clause = verdict_clause(self.verdict, self.qualifier, lang=lang) if self.verdict else ""
        if lang == "zh":
            return f"{name}全年{'增长' if self.ytd >= 0 else '下降'}{_pct(abs(self.ytd))}，{clause}"
        return f"{name}: {_pct(self.ytd)} for the year, {clause}."


_PERCENT_TARGETS = ("growth_rate", "rate", "share")


def _target_row(indicator: str, targets: pd.DataFrame) -> dict:
    """The indicator's percentage target: its growth target, else its rate or share target."""
    rows = targets[(targets["indicator"] == indicator) & targets["measure"].isin(_PERCENT_TARGETS)]
    if rows.empty:
        raise ValueError(
            f"no growth or rate target for {indicator!r} in the bundled targets; pass target= "
            "(and qualifier=) yourself."
        )
    order = {m: i for i, m in enumerate(_PERCENT_TARGETS)}
    return rows.assign(_o=rows["measure"].map(order)).sort_values("_o").iloc[0].to_dict()


def is_indicative(indicator: str) -> bool:
    """The report's headline targets (part 二) are 预期目标: a shortfall reads 低于预期目标."""
    from muye_analysis.dataset import HEADLINE

    return indicator in HEADLINE


def _number_or_none(value: object) -> float | None:
    import pandas as pd

    return None if value is None or pd.isna(value) else float(value)


def weights_for(
    series: pd.DataFrame, period: Period, *, seasonal_shares: Sequence[float] | None = None,
    frequency: str | None = None,
) -> ElapsedShare:  # fmt: skip
    """The best weights for ``period`` from one indicator's :func:`quarterly.ytd_series`.

    In order: 上年同期 (last year's same-period value as this year's table prints it, on the
    comparable basis) over last year's full-year level; last year's stored cumulative levels for
    the same months and the full year; ``seasonal_shares``; equal quarters (quarterly-compiled
    indicators, or any quarter end) or equal months.
    """
    last_year = series[series["year"] == period.year - 1].set_index("end_month")["level"]
    full = _number_or_none(last_year.get(12))
    if "prior_year" in series.columns and full is not None:
        this = series[(series["year"] == period.year) & (series["end_month"] == period.end_month)]
        prior = _number_or_none(this["prior_year"].iloc[0]) if not this.empty else None
        if prior is not None and 0 < prior < full:
            return ElapsedShare(_check_share(prior / full), WEIGHTS_PRIOR_YEAR)
    ytd_level = _number_or_none(last_year.get(period.end_month))
    share = elapsed_share_for(period, last_year_ytd_level=ytd_level, last_year_full_level=full,
                              seasonal_shares=seasonal_shares)  # fmt: skip
    if share.source == WEIGHTS_EQUAL_MONTHS and frequency == "quarterly":
        raise ValueError(
            f"{period.label('zh')} is not a quarter end; a quarterly-compiled indicator (GDP) "
            "has no monthly figures."
        )
    return share


def compilation_frequency(indicator: str) -> str:
    """``quarterly`` for indicators compiled quarterly (district GDP), else ``monthly``."""
    return "quarterly" if indicator in QUARTERLY_COMPILED else "monthly"


def ytd_gap(
    indicator: str,
    *,
    period: Period | None = None,
    target: float | None = None,
    qualifier: str | None = None,
    store: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    seasonal_shares: Sequence[float] | None = None,
    tolerance_pp: float | None = None,
) -> YtdGap:
    """The growth gap of ``indicator`` from the year-to-date store (``muye ingest``).

    Uses the latest period with a figure unless ``period`` is given; the plan year's target
    and its qualifier from ``load_targets()`` unless ``target`` is given. For a growth target
    the weights come from :func:`weights_for` (上年同期 first) and the result says which; for a
    rate target (城镇调查失业率) the rate itself is judged against the target by its direction.
    """
    import pandas as pd

    from muye_analysis.dataset import load_registry, load_targets
    from muye_analysis.quarterly import ytd_series

    names = load_registry().set_index("indicator").loc[indicator]
    higher = None if pd.isna(names["higher_is_better"]) else bool(names["higher_is_better"])
    measure = "growth_rate"
    bundled = target is None
    if bundled:
        targets = load_targets() if targets is None else targets
        found = _target_row(indicator, targets)
        target, measure = float(found["target"]), str(found["measure"])
        qualifier = qualifier if qualifier is not None else found["qualifier"]
    column = "growth" if measure == "growth_rate" else "level"
    series = ytd_series(indicator, store)
    with_value = series.dropna(subset=[column])
    if with_value.empty:
        raise ValueError(
            f"no year-to-date {column} for {indicator!r} in the store; run muye ingest"
        )
    if period is None:
        last = with_value.iloc[-1]
        period = Period(int(last["year"]), int(last["end_month"]))
    row = with_value[
        (with_value["year"] == period.year) & (with_value["end_month"] == period.end_month)
    ]
    if row.empty:
        raise ValueError(f"no {column} for {indicator!r} in {period.label('zh')}")
    if bundled:
        from muye_analysis.reports import years_of

        plan_year = years_of(targets)[1]
        if period.year != plan_year:
            raise ValueError(
                f"the report's targets are for {plan_year}; pass target= for {period.year}"
            )
    ytd = float(row[column].iloc[0])
    qualifier = "" if qualifier is None or pd.isna(qualifier) else str(qualifier)
    bound = bound_of(qualifier)
    indicative = is_indicative(indicator)
    judge = {"higher_is_better": higher, "tolerance_pp": tolerance_pp, "indicative": indicative,
             "measure": measure}  # fmt: skip
    required, verdict = None, None
    if measure != "growth_rate" or period.end_month == 12:
        verdict = assess_target(ytd, target, bound, **judge)
    else:
        share = weights_for(series, period, seasonal_shares=seasonal_shares,
                            frequency=compilation_frequency(indicator))  # fmt: skip
        required = required_growth(target, ytd, share)
    return YtdGap(
        indicator=indicator,
        name_zh=str(names["name_zh"]),
        name_en=str(names["name_en"]),
        period=period,
        ytd=ytd,
        target=target,
        qualifier=qualifier,
        bound=bound,
        gap_pp=gap_pp(target, ytd),
        required=required,
        verdict=verdict,
        measure=measure,
        higher_is_better=higher,
        indicative=indicative,
    )


def headline_ytd_gaps(
    store: pd.DataFrame | None = None,
    *,
    period: Period | None = None,
    targets: pd.DataFrame | None = None,
) -> list[YtdGap]:
    """:func:`ytd_gap` of every headline indicator the store has plan-year figures for: the
    growth of GDP, industry, investment, budget revenue and retail sales, and the level of the
    unemployment rate (judged as a rate, never as a growth).

    Each at its latest year-to-date period of the plan year, or at ``period`` where it has that
    one; in the report's order. Of-which rows and spans not starting in January (二季度 alone)
    are never used.
    """
    from muye_analysis.dataset import HEADLINE, HEADLINE_GROWTH
    from muye_analysis.quarterly import read_store
    from muye_analysis.reports import latest_report, years_of

    store = read_store() if store is None else store
    plan_year = latest_report().plan_year if targets is None else years_of(targets)[1]
    year = plan_year if period is None else period.year
    rows = store[(store["year"] == year) & ~store["sub_item"].fillna(False).astype(bool)]
    if "start_month" in rows.columns:
        rows = rows[rows["start_month"].fillna(1).astype(int) == 1]
    gaps = []
    for indicator in HEADLINE:
        measure = "growth" if indicator in HEADLINE_GROWTH else "level"  # the rate itself
        mine = rows[(rows["indicator"] == indicator) & (rows["measure"] == measure)]
        months = set(mine["end_month"].astype(int))
        if not months or (period is not None and period.end_month not in months):
            continue
        at = period or Period(year, max(months))
        gaps.append(ytd_gap(indicator, period=at, store=store, targets=targets))
    return gaps


# -- the bundled annual data (no quarterly file needed) ----------------------------------------


def annual_gaps(targets: pd.DataFrame | None = None) -> pd.DataFrame:
    """Base-year actual versus plan-year target for every percentage target (growth, rates,
    shares).

    ``gap_pp`` is target minus actual in percentage points (``load_targets()``'s): the
    acceleration the year asks for. NA where the report gives no base-year figure (in the first
    report GDP and investment growth), with a note; ``base_year`` and ``plan_year`` say which.
    """
    import pandas as pd

    from muye_analysis.dataset import load_targets

    t = load_targets() if targets is None else targets
    rows = t[t["measure"].isin(["growth_rate", "rate", "share"])]
    out = rows[["indicator", "name_zh", "name_en", "measure", "target", "qualifier", "bound",
                "commitment", "price_basis", "actual", "gap_pp", "base_year",
                "plan_year"]].copy()  # fmt: skip
    out["note"] = pd.Series(
        [
            "" if pd.notna(a) else f"the report gives no {y} figure for this measure"
            for a, y in zip(out["actual"], out["base_year"], strict=True)
        ],
        index=out.index,
        dtype="string",
    )
    return out.reset_index(drop=True)


def implied_bases(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """The level of the year before the base year implied by each base-year level and growth
    rate: level / (1 + growth / 100).

    Only a *nominal* growth rate gives a nominal base. For real growth (GDP, 规上工业增加值) the
    base would need a deflator the report does not give, so it is left NA and the note says so;
    likewise where the level or the growth rate is not published. ``indicators`` is
    ``load_indicators()`` with its derived rows, which hold the bases themselves.
    """
    import pandas as pd

    from muye_analysis.dataset import HEADLINE, load_indicators, load_registry
    from muye_analysis.reports import report_of

    ind = load_indicators() if indicators is None else indicators
    year = report_of(ind).base_year
    registry = load_registry()
    flows = set(registry.loc[registry["flow"].fillna(False), "indicator"])
    actual = ind[(ind["source"] == "report") & (ind["kind"] == "actual") & (ind["period"] == year)]
    if actual.empty:
        raise ValueError(f"no actual figures of {year}, the report's base year, in the rows given")
    levels = actual[actual["measure"] == "level"].set_index("indicator")
    growth = actual[actual["measure"] == "growth_rate"].set_index("indicator")
    # The bases themselves are the dataset's derived rows (muye_analysis.derive), one formula.
    derived = ind[
        (ind["kind"] == "derived") & (ind["period"] == year - 1) & (ind["measure"] == "level")
    ]
    derived_bases = derived.set_index("indicator")["value"]
    # Flows only: a base year level means nothing for a rate such as unemployment.
    wanted = [i for i in dict.fromkeys([*HEADLINE, *growth.index]) if i in flows]
    rows = []
    for indicator in wanted:
        level = levels["value"].get(indicator)
        g = growth["value"].get(indicator)
        basis = growth["price_basis"].get(indicator)
        names = ind[ind["indicator"] == indicator][["name_zh", "name_en"]].head(1)
        if names.empty:
            continue
        base, note = pd.NA, ""
        if level is None and g is None:
            note = f"the report gives neither a {year} level nor a {year} growth rate"
        elif level is None:
            note = f"no {year} level is published, only the growth rate"
        elif g is None:
            note = f"no {year} growth rate is published"
        elif basis == "real":
            note = "real growth (comparable prices) cannot give a nominal base without a deflator"
        else:
            base = float(derived_bases[indicator])
        rows.append(
            {
                "indicator": indicator,
                "name_zh": names["name_zh"].iloc[0],
                "name_en": names["name_en"].iloc[0],
                "year": year,
                "level": level,
                "unit": levels["unit"].get(indicator),
                "growth": g,
                "price_basis": basis,
                "base_year": year - 1,
                "base": base,
                "note": note,
            }
        )
    out = pd.DataFrame(rows)
    return out.astype(
        {
            "indicator": "string",
            "name_zh": "string",
            "name_en": "string",
            "year": "Int64",
            "level": "Float64",
            "unit": "string",
            "growth": "Float64",
            "price_basis": "string",
            "base_year": "Int64",
            "base": "Float64",
            "note": "string",
        }
    )


SHORTCUT_NOTE = {
    "zh": "等权重（假设各月或各季基数相等）的简便算法：若剩余月份上年所占比重大于其时间比重"
    "（四季度往往最大），累计增速低于目标时高估所需增速、高于目标时低估；剩余月份比重偏小时相反。",
    "en": "Equal weights (the shortcut): when the remaining months carried more than their share "
    "of last year's total (Q4 often does), they overstate the growth needed while the year is "
    "behind target and understate it when ahead; the reverse when those months carried less.",
}


def equal_weights_bias(
    target: float, ytd: float, share: float | ElapsedShare, months_elapsed: int
) -> float:
    """How far the equal-weights shortcut is off, in points: required growth under equal
    months (months/12) minus required growth under ``share`` (e.g. 上年同期 levels).

    Positive: the shortcut overstates the effort. With last year's quarters 50, 55, 55, 60,
    target 6% and 5.0% after 1-9月 the shortcut says 9.0% and the weights 8.67%:

    >>> round(equal_weights_bias(6, 5.0, 160 / 220, 9), 2)
    0.33
    """
    true = required_growth(target, ytd, share).required
    return required_growth(target, ytd, equal_share(months_elapsed)).required - true


def sensitivity_grid(
    target: float,
    *,
    growth_so_far: Sequence[float] | None = None,
    months_elapsed: Sequence[int] | None = None,
    seasonal_shares: Sequence[float] | None = None,
    wide: bool = False,
    frequency: str = "monthly",
) -> pd.DataFrame:
    """Required rest-of-year growth for each growth so far x months elapsed.

    The months follow the indicator's compilation ``frequency``: ``monthly`` 1-2 … 1-11月,
    ``quarterly`` (district GDP) 1-3, 1-6, 1-9月 only; a monthly grid of GDP would be wrong by
    construction. Weights are equal months (equal quarters for a quarterly grid) unless
    ``seasonal_shares`` (12 monthly or 4 quarterly) are given; the ``weights_source`` column
    says which. ``growth_so_far`` defaults to target - 3 … target + 1 in half points.
    ``wide=True`` returns the slide table (rows: growth so far, columns: months elapsed) with
    ``attrs``: ``weights_source``, ``target``, ``frequency`` and ``shortcut_note_zh/_en``
    (when equal weights over- or under-state the effort).
    """
    import numpy as np
    import pandas as pd

    from muye_analysis.periods import compilation_periods

    if growth_so_far is None:
        growth_so_far = np.round(np.arange(target - 3, target + 1.001, 0.5), 10).tolist()
    if months_elapsed is None:
        # Any year will do: only the months of the compilation calendar are used.
        months_elapsed = [p.end_month for p in compilation_periods(2000, frequency)]
    rows = []
    for months in months_elapsed:
        if seasonal_shares is not None:
            share = seasonal_share(seasonal_shares, months)
        else:
            share = equal_share(months, by="quarters" if frequency == "quarterly" else "months")
        for g in growth_so_far:
            result = required_growth(target, float(g), share)
            rows.append(
                {
                    "target": float(target),
                    "growth_so_far": float(g),
                    "months_elapsed": int(months),
                    "period_zh": "1月" if months == 1 else f"1-{months}月",
                    "elapsed_share": share.value,
                    "required_growth": result.required,
                    "weights_source": share.source,
                }
            )
    out = pd.DataFrame(rows).astype({"period_zh": "string", "weights_source": "string"})
    attrs = {
        "target": float(target),
        "frequency": frequency,
        "weights_source": out["weights_source"].iloc[0],
        "shortcut_note_zh": SHORTCUT_NOTE["zh"],
        "shortcut_note_en": SHORTCUT_NOTE["en"],
    }
    if not wide:
        out.attrs.update(attrs)
        return out
    table = out.pivot_table(
        index="growth_so_far", columns="months_elapsed", values="required_growth", aggfunc="first"
    )
    table.attrs.update(attrs)
    return table


def headline_sensitivity(indicator: str = "gdp", **kwargs) -> pd.DataFrame:
    """:func:`sensitivity_grid` for an indicator's growth target in the latest report, on the
    indicator's compilation calendar (GDP quarterly: 1-3, 1-6, 1-9月; others monthly)."""
    from muye_analysis.dataset import load_targets

    found = _target_row(indicator, load_targets())
    kwargs.setdefault("frequency", compilation_frequency(indicator))
    out = sensitivity_grid(float(found["target"]), **kwargs)
    if kwargs.get("wide"):
        out.attrs["indicator"] = indicator
    else:
        out.insert(0, "indicator", indicator)
    return out
