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

# There is no official band for a 左右 ("about") target; half a percentage point either side is
# a working convention, to be stated wherever a verdict is shown.
ABOUT_TOLERANCE_PP = 0.5

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

    >>> round(required_growth(6, 5.0, 160 / 220).required, 2)  # DOMAIN.md's worked example
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

_VERDICT_TEXT = {
    "met": ("已完成", "met"),
    "missed": ("未完成", "missed"),
    "within_band": ("在目标区间内", "within the band"),
    "above_band": ("高于目标区间", "above the band"),
    "below_band": ("低于目标区间", "below the band"),
}


@dataclass(frozen=True)
class Verdict:
    """Whether a value meets a target, given the target's bound."""

    status: str  # met, missed, within_band, above_band, below_band
    met: bool
    value: float
    target: float
    bound: str
    tolerance_pp: float | None = None

    def text(self, lang: str = "zh") -> str:
        zh, en = _VERDICT_TEXT[self.status]
        return zh if lang == "zh" else en


def assess_target(
    value: float,
    target: float,
    bound: str = "exact",
    *,
    higher_is_better: bool | None = True,
    tolerance_pp: float = ABOUT_TOLERANCE_PP,
) -> Verdict:
    """Judge ``value`` against ``target`` the way its qualifier says.

    - ``at_least`` (以上, 不低于, 不少于, 超过): met when value >= target (a floor);
    - ``at_most`` (以内, 控制在…以下): met when value <= target (a ceiling);
    - ``about`` (左右, 稳定在): met when within ``tolerance_pp`` percentage points either side.
      There is **no official band** for 左右: the default half a point is a working convention
      and must be stated with the verdict;
    - ``exact`` (a bare number such as 增长8%): read as a floor when higher is better, a ceiling
      when lower is better, and as ``about`` when the direction is unknown.
    """
    if bound == "exact":
        bound_used = {True: "at_least", False: "at_most", None: "about"}[higher_is_better]
    else:
        bound_used = bound
    if bound_used == "at_least":
        met = value >= target
        return Verdict("met" if met else "missed", met, value, target, bound)
    if bound_used == "at_most":
        met = value <= target
        return Verdict("met" if met else "missed", met, value, target, bound)
    if bound_used == "about":
        if tolerance_pp < 0:
            raise ValueError("tolerance_pp must not be negative")
        diff = value - target
        status = "within_band" if abs(diff) <= tolerance_pp + 1e-12 else (
            "above_band" if diff > 0 else "below_band"
        )  # fmt: skip
        return Verdict(status, status == "within_band", value, target, bound, tolerance_pp)
    raise ValueError(f"unknown bound {bound!r}; use one of {schema.BOUNDS}")


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
    required: RequiredGrowth | None  # None once the year is complete
    verdict: Verdict | None  # only once the year is complete

    def sentence(self, lang: str = "zh") -> str:
        """The slide sentence; at year end, the verdict instead."""
        name = self.name_zh if lang == "zh" else self.name_en
        if self.required is not None:
            return gap_sentence(self.period, self.ytd, self.required, self.target,
                                self.qualifier, lang=lang, name=name)  # fmt: skip
        verdict = self.verdict.text(lang) if self.verdict else ""
        if lang == "zh":
            return (
                f"{name}全年增长{_pct(self.ytd)}，全年{self.target:g}%{self.qualifier}目标{verdict}"
            )
        q = _QUALIFIER_EN[self.bound]
        return f"{name}: {_pct(self.ytd)} for the year; target of {q}{self.target:g}% {verdict}."


def _target_row(indicator: str, targets: pd.DataFrame) -> dict:
    rows = targets[(targets["indicator"] == indicator) & (targets["measure"] == "growth_rate")]
    if rows.empty:
        raise ValueError(
            f"no growth target for {indicator!r} in the bundled targets; pass target= "
            "(and qualifier=) yourself."
        )
    return rows.iloc[0].to_dict()


def ytd_gap(
    indicator: str,
    *,
    period: Period | None = None,
    target: float | None = None,
    qualifier: str | None = None,
    store: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    seasonal_shares: Sequence[float] | None = None,
    tolerance_pp: float = ABOUT_TOLERANCE_PP,
) -> YtdGap:
    """The growth gap of ``indicator`` from the year-to-date store (``muye ingest``).

    Uses the latest period with a growth rate unless ``period`` is given; the plan-year target
    and its qualifier from ``load_targets()`` unless ``target`` is given. The weights are last
    year's cumulative levels when the store holds them (same months and full year), otherwise
    ``seasonal_shares`` if given, otherwise equal quarters or months; the result says which.
    """
    import pandas as pd

    from muye_analysis.dataset import load_registry, load_targets
    from muye_analysis.quarterly import ytd_series

    series = ytd_series(indicator, store)
    with_growth = series.dropna(subset=["growth"])
    if with_growth.empty:
        raise ValueError(f"no year-to-date growth for {indicator!r} in the store; run muye ingest")
    if period is None:
        last = with_growth.iloc[-1]
        period = Period(int(last["year"]), int(last["end_month"]))
    row = with_growth[
        (with_growth["year"] == period.year) & (with_growth["end_month"] == period.end_month)
    ]
    if row.empty:
        raise ValueError(f"no growth for {indicator!r} in {period.label('zh')}")
    ytd = float(row["growth"].iloc[0])
    names = load_registry().set_index("indicator").loc[indicator]
    higher = None if pd.isna(names["higher_is_better"]) else bool(names["higher_is_better"])
    if target is None:
        from muye_analysis.reports import years_of

        targets = load_targets() if targets is None else targets
        plan_year = years_of(targets)[1]
        if period.year != plan_year:
            raise ValueError(
                f"the report's targets are for {plan_year}; pass target= for {period.year}"
            )
        found = _target_row(indicator, targets)
        target = float(found["target"])
        qualifier = qualifier if qualifier is not None else found["qualifier"]
    qualifier = "" if qualifier is None or pd.isna(qualifier) else str(qualifier)
    bound = bound_of(qualifier)
    if period.end_month == 12:
        verdict = assess_target(
            ytd, target, bound, higher_is_better=higher, tolerance_pp=tolerance_pp
        )
        required = None
    else:
        last_year = series[series["year"] == period.year - 1].set_index("end_month")["level"]
        ytd_level = last_year.get(period.end_month)
        full_level = last_year.get(12)
        share = elapsed_share_for(
            period,
            last_year_ytd_level=None
            if ytd_level is None or pd.isna(ytd_level)
            else float(ytd_level),
            last_year_full_level=None
            if full_level is None or pd.isna(full_level)
            else float(full_level),
            seasonal_shares=seasonal_shares,
        )
        required, verdict = required_growth(target, ytd, share), None
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
    )


def headline_ytd_gaps(
    store: pd.DataFrame | None = None,
    *,
    period: Period | None = None,
    targets: pd.DataFrame | None = None,
) -> list[YtdGap]:
    """:func:`ytd_gap` of every headline growth indicator the store has target-year growth for.

    Each at its latest period of the target year, or at ``period`` where it has that one; in the
    report's order (GDP, industry, investment, budget revenue, retail sales). Of-which rows are
    never used.
    """
    from muye_analysis.dataset import HEADLINE_GROWTH
    from muye_analysis.quarterly import read_store
    from muye_analysis.reports import latest_report, years_of

    store = read_store() if store is None else store
    plan_year = latest_report().plan_year if targets is None else years_of(targets)[1]
    year = plan_year if period is None else period.year
    growth = store[
        (store["measure"] == "growth")
        & (store["year"] == year)
        & ~store["sub_item"].fillna(False).astype(bool)
    ]
    gaps = []
    for indicator in HEADLINE_GROWTH:
        months = set(growth.loc[growth["indicator"] == indicator, "end_month"].astype(int))
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


def sensitivity_grid(
    target: float,
    *,
    growth_so_far: Sequence[float] | None = None,
    months_elapsed: Sequence[int] = tuple(range(2, 12)),
    seasonal_shares: Sequence[float] | None = None,
    wide: bool = False,
) -> pd.DataFrame:
    """Required rest-of-year growth for each growth so far x months elapsed.

    Weights are equal months unless ``seasonal_shares`` (12 monthly or 4 quarterly) are given;
    the ``weights_source`` column says which. ``growth_so_far`` defaults to target - 3 … target
    + 1 in half points. ``wide=True`` returns the slide table (rows: growth so far, columns:
    months elapsed) with the weights' source in ``.attrs["weights_source"]``.
    """
    import numpy as np
    import pandas as pd

    if growth_so_far is None:
        growth_so_far = np.round(np.arange(target - 3, target + 1.001, 0.5), 10).tolist()
    rows = []
    for months in months_elapsed:
        share = (
            equal_share(months)
            if seasonal_shares is None
            else seasonal_share(seasonal_shares, months)
        )
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
    if not wide:
        return out
    table = out.pivot_table(
        index="growth_so_far", columns="months_elapsed", values="required_growth", aggfunc="first"
    )
    table.attrs["weights_source"] = out["weights_source"].iloc[0]
    table.attrs["target"] = float(target)
    return table


def headline_sensitivity(indicator: str = "gdp", **kwargs) -> pd.DataFrame:
    """:func:`sensitivity_grid` for an indicator's growth target in the latest report."""
    from muye_analysis.dataset import load_targets

    found = _target_row(indicator, load_targets())
    out = sensitivity_grid(float(found["target"]), **kwargs)
    if kwargs.get("wide"):
        out.attrs["indicator"] = indicator
    else:
        out.insert(0, "indicator", indicator)
    return out
