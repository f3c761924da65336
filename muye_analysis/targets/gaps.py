"""Where each indicator stands: year-to-date gaps from the store, and the report's own annual
gaps and implied bases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis.periods import Period
from muye_analysis.targets.momentum import Momentum, latest_momentum
from muye_analysis.targets.required import (
    RequiredGrowth,
    compilation_frequency,
    gap_pp,
    required_growth,
    weights_for,
)
from muye_analysis.targets.verdicts import Verdict, assess_target, bound_of, is_indicative

if TYPE_CHECKING:
    import pandas as pd

# -- the report's base-year levels: last year's full year, when the store has none ------------


def report_level(
    indicator: str, year: int, *, report: str | None = None, unit: str | None = None
) -> float | None:
    """The full-year level (or count) of ``indicator`` in ``year`` as the plan report states
    it (its base-year actual, e.g. 社会消费品零售总额78.8亿元 in the first report), in ``unit``
    (default the report's own), or None when the report gives none, or only an approximate one
    (近2万人). ``report`` is the report's document (``targets["document"]``); by default the
    latest report, then any. The denominator of 上年同期进度 and of the weights when the store
    holds no full year of its own."""
    from muye_analysis import units
    from muye_analysis.dataset import load_indicators

    found = None
    for which in (report, "all") if report is None else (report,):
        rows = load_indicators(report=which)
        found = rows[(rows["indicator"] == indicator) & (rows["kind"] == "actual")
                     & (rows["source"] == "report") & rows["measure"].isin(["level", "count"])
                     & (rows["period"] == year) & rows["stage"].isna()
                     & (rows["bound"] == "exact")]  # fmt: skip
        if not found.empty:
            break
    if found is None or found.empty:
        return None
    value, stated = float(found["value"].iloc[0]), str(found["unit"].iloc[0])
    if unit is None or unit == stated:
        return value
    try:
        return units.convert(value, stated, unit)
    except ValueError:
        return None


# -- year to date, from the processed store ------------------------------------------------------


@dataclass(frozen=True)
class YtdGap:
    """Where an indicator stands against its annual growth target after ``period``: numbers and
    codes only (``muye_analysis.claims.ytd.gap_claim`` words it)."""

    indicator: str
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
    momentum: Momentum | None = None  # the latest single period (当季/当月), derived


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
    required, verdict, momentum = None, None, None
    if measure != "growth_rate" or period.end_month == 12:
        verdict = assess_target(ytd, target, bound, **judge)
    else:
        document = None
        if targets is not None and "document" in targets.columns and len(targets):
            document = str(targets["document"].iloc[0])
        full = report_level(indicator, period.year - 1, report=document,
                            unit=_registry_unit(names))  # fmt: skip
        share = weights_for(series, period, seasonal_shares=seasonal_shares,
                            frequency=compilation_frequency(indicator),
                            full_year_level=full)  # fmt: skip
        required = required_growth(target, ytd, share)
        momentum = latest_momentum(series, period, frequency=compilation_frequency(indicator),
                                   seasonal_shares=seasonal_shares)  # fmt: skip
    return YtdGap(
        indicator=indicator,
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
        momentum=momentum,
    )


def _registry_unit(row) -> str | None:
    import pandas as pd

    unit = row.get("unit")
    return None if unit is None or pd.isna(unit) else str(unit)


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
    one; in the order of the report. Of-which rows and spans not starting in January (二季度 alone)
    are never used.
    """
    from muye_analysis.dataset import HEADLINE, HEADLINE_GROWTH
    from muye_analysis.quarterly import district_rows, read_store
    from muye_analysis.reports import latest_report, years_of

    store = read_store() if store is None else store
    plan_year = latest_report().plan_year if targets is None else years_of(targets)[1]
    year = plan_year if period is None else period.year
    rows = district_rows(store)  # city / province series in the store are not the district's
    rows = rows[(rows["year"] == year) & ~rows["sub_item"].fillna(False).astype(bool)]
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
    report GDP and investment growth), with ``note`` = ``no_base_figure`` (a code the tables
    word); ``base_year`` and ``plan_year`` say which.
    """
    import pandas as pd

    from muye_analysis.dataset import load_targets

    t = load_targets() if targets is None else targets
    rows = t[t["measure"].isin(["growth_rate", "rate", "share"])]
    out = rows[["indicator", "measure", "target", "qualifier", "bound",
                "commitment", "price_basis", "actual", "gap_pp", "base_year",
                "plan_year"]].copy()  # fmt: skip
    out["note"] = pd.Series(
        [pd.NA if pd.notna(a) else "no_base_figure" for a in out["actual"]],
        index=out.index,
        dtype="string",
    )
    return out.reset_index(drop=True)


def implied_bases(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """The level of the year before the base year implied by each base-year level and growth
    rate: level / (1 + growth / 100).

    Only a *nominal* growth rate gives a nominal base. For real growth (GDP, 规上工业增加值) the
    base would need a deflator the report does not give, so it is left NA and ``note`` says so
    (codes: ``real_needs_deflator``, ``no_level``, ``no_growth``, ``no_level_no_growth``);
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
        if not (ind["indicator"] == indicator).any():
            continue
        base, note = pd.NA, pd.NA
        if level is None and g is None:
            note = "no_level_no_growth"
        elif level is None:
            note = "no_level"
        elif g is None:
            note = "no_growth"
        elif basis == "real":
            note = "real_needs_deflator"
        else:
            base = float(derived_bases[indicator])
        rows.append(
            {
                "indicator": indicator,
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
