"""The progress-monitoring table: one row per target of the plan year (see
:mod:`muye_analysis.progress` and :func:`progress_table` for every column).

Numbers, codes and :class:`~muye_analysis.periods.Period` objects only: the status, the rule
and the reason are codes (:mod:`muye_analysis.progress.rules`); the words are rendered by
:mod:`muye_analysis.progress.rendering` from the vocabulary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from muye_analysis import config, schema, units
from muye_analysis.periods import Period, parse_ytd_period
from muye_analysis.progress.rules import (
    CUMULATIVE,
    GROWTH,
    NO_DATA,
    POINT,
    PROJECT,
    STATUSES,
    Status,
    cumulative_status,
    growth_status,
    point_status,
    progress_kind,
    project_status,
    year_end_status,
)
from muye_analysis.targets import (
    WEIGHTS_EQUAL_MONTHS,
    ElapsedShare,
    about_band,
    assess_target,
    bound_of,
    compilation_frequency,
    is_indicative,
    last_year_share,
    latest_momentum,
    report_level,
    required_growth,
    seasonal_share,
    target_kind,
    weights_for,
)

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = (
    # the target
    "indicator", "measure", "progress_kind", "annual", "target", "qualifier", "bound",
    "commitment", "target_kind", "indicative", "about_tolerance", "unit", "compiled_by",
    "figure_area",
    # the latest figure
    "period", "end_month", "ytd_value", "ytd_growth",
    # cumulative levels and counts: 完成进度 against 序时进度 and 上年同期进度
    "completion_pct", "elapsed_pct", "elapsed_basis", "pace_gap", "pace_reference",
    "prior_pace_pct", "prior_pace_basis", "prior_pace_gap", "prior_pace_code",
    # growth targets: the weights, the growth needed and the effort
    "weight", "weights_source", "required_growth", "acceleration", "share_left", "effort",
    "effort_ytd", "effort_latest", "effort_small_pp", "effort_hard_pp",
    # momentum: the latest single period (当季 / 当月), derived
    "latest_span", "latest_growth", "latest_weights_source", "latest_derived",
    "previous_period", "previous_growth", "growth_change", "momentum", "need_vs_latest",
    # the status and why
    "status", "rule", "reason", "gap", "gap_share", "verdict", "verdict_gap",
    # where the figure came from
    "synthetic", "source", "file", "sheet", "source_row", "source_column", "derived", "quote",
)  # fmt: skip


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _plan_rows(
    store: pd.DataFrame, year: int, include_synthetic: bool, *, area: str | None = None
) -> pd.DataFrame:
    from muye_analysis.quarterly import DEFAULT_AREA, district_rows, is_synthetic

    # city / province series in the store are not the district's
    rows = district_rows(store, area or DEFAULT_AREA)
    rows = rows[(rows["year"] == year) & ~rows["sub_item"].fillna(False).astype(bool)]
    # year-to-date figures only: 二季度 alone is no progress
    if "start_month" in rows.columns:
        rows = rows[rows["start_month"].fillna(1).astype(int) == 1]
    rows = rows.assign(_synthetic=is_synthetic(rows).to_numpy())
    if not include_synthetic:
        rows = rows[~rows["_synthetic"]]
    return rows


def latest_period(store: pd.DataFrame | None = None, *, year: int | None = None) -> Period | None:
    """The latest year-to-date period of the plan year in the store, or None."""
    from muye_analysis.quarterly import read_store
    from muye_analysis.reports import latest_report

    store = read_store() if store is None else store
    year = latest_report().plan_year if year is None else year
    rows = _plan_rows(store, year, True)
    return None if rows.empty else Period(year, int(rows["end_month"].max()))


def progress_table(
    as_of: Period | str | None = None,
    *,
    store: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    seasonal_weights: Mapping[str, Sequence[float]] | None = None,
    include_synthetic: bool = True,
) -> pd.DataFrame:
    """The progress-monitoring table (进度监测): one row per target of the plan year.

    ``as_of`` (a Period or a label such as 2019年1-9月 / 前三季度) caps the figures used; by
    default the latest year-to-date period of the plan year in the store.
    ``seasonal_weights`` maps an indicator to 12 monthly (or 4 quarterly) shares of its year:
    for a growth target the weights of the growth the rest of the year needs (before any
    weights from data); for a cumulative target its plan curve, which replaces months ÷ 12 as
    its 序时进度. Rows from synthetic or example files are kept and flagged in ``synthetic``
    unless ``include_synthetic=False`` (the briefing drops them). ``attrs``: ``as_of`` (a
    Period or None), ``plan_year``, ``report`` (the document the targets come from).

    Columns (numbers, codes and Periods; :mod:`muye_analysis.progress.rendering` words them):

    The target
        ``indicator``, ``measure``, ``target``, ``qualifier``, ``bound``, ``commitment``
        (力争/确保), ``unit``; ``progress_kind`` (``growth``, ``cumulative``, ``point``,
        ``project``: :func:`~muye_analysis.progress.rules.progress_kind`); ``annual`` (False
        for a project's size, which the tally leaves out); ``target_kind`` (floor, ceiling,
        band); ``indicative`` (a 预期目标: a shortfall reads 低于预期目标X个百分点, never 完成 nor
        未完成); ``about_tolerance`` (the 左右 convention applied to this target, in its unit:
        ``targets.ABOUT_TOLERANCE_PP`` points or ``ABOUT_TOLERANCE_REL`` of a level, 0 when
        the target is not 左右 or works as a ceiling); ``compiled_by`` (``district`` or, for a
        figure the district does not compile, whose: ``city`` for 城镇调查失业率) and
        ``figure_area`` (the area whose figure the row uses).
    The figure
        ``period`` (a Period, the latest year-to-date span with a figure), ``end_month``,
        ``ytd_value`` (the growth so far for a growth target, else the level in the target's
        unit), ``ytd_growth`` (a level's growth, when given).
    Cumulative targets (R2)
        ``completion_pct`` (完成进度 = figure ÷ target; also for point levels and projects);
        ``elapsed_pct`` (序时进度 = months ÷ 12, e.g. 91.7 at 1-11月, or the recorded plan
        curve) with ``elapsed_basis`` (``months`` / ``plan``; ``not_applicable`` for growth,
        point and project rows: a growth target is never judged against 序时进度);
        ``pace_gap`` (完成进度 − 序时进度, points: + 超序时进度, − 低于序时进度);
        ``pace_reference`` (what the status was judged against: ``elapsed`` or ``plan``);
        ``prior_pace_pct`` (上年同期进度 = 上年同期 ÷ last year's full year, the second
        reference, when known) with ``prior_pace_basis`` (``prior_year``: full year from the
        store, ``prior_year_report``: from the report's base-year actual, ``levels``: last
        year's stored cumulative levels), ``prior_pace_gap`` (完成进度 − 上年同期进度) and
        ``prior_pace_code`` (``ahead`` / ``level`` / ``behind``, level within
        ``rules.PRIOR_PACE_LEVEL_PP``).
    Growth targets (R1)
        ``weight`` (w: last year's share of its total in the months so far) and
        ``weights_source`` (``targets.WEIGHTS_*``: ``seasonal``, ``prior_year``,
        ``prior_year_report``, ``levels``, ``equal_months``, ``equal_quarters``; worded by
        ``vocab.weights_text``, e.g. 上年同期÷上年全年（报告）); ``required_growth`` (the growth
        the rest of the year needs, (target − w·ytd)/(1 − w)); ``acceleration``
        (required − growth so far, points); ``share_left`` (1 − w); ``effort`` (``hold``,
        ``small``, ``marked``, ``hard``: 保持即可 / 需小幅加快 / 需明显加快 / 难度很大) with
        ``effort_ytd`` and ``effort_latest`` (the grade against the growth so far and against
        the latest single period alone) and the two thresholds at this share of the year
        left, ``effort_small_pp`` and ``effort_hard_pp``.
    Momentum (growth and cumulative rows with growth figures for two periods of the year)
        ``latest_span`` (a Period: the months since the previous figure, 7-9月 = 三季度当季),
        ``latest_growth`` (its growth, derived with ``latest_weights_source``;
        ``latest_derived`` holds the formula), ``previous_period`` and ``previous_growth``
        (the cumulative figure before), ``growth_change`` (cumulative growth now − before:
        较上半年提高/回落X个百分点), ``momentum`` (``accelerating`` / ``slowing`` / ``steady``:
        the single period against the growth before it), ``need_vs_latest`` (required growth
        − latest single-period growth, points).
    Status
        ``status`` (on_track 正常, at_risk 预警, off_track 滞后, no_data 暂无数据 — also the
        grey of a project, which has no status), ``rule`` (R0–R5), ``reason`` (the code
        ``claims.progress.status_claim`` words: R0 ``no_data``; R1 ``growth_met``,
        ``growth_met_can_fall``, ``growth_met_slowing``, ``growth_small`` 需小幅加快,
        ``growth_marked`` 需明显加快, ``growth_hard`` 难度很大, ``growth_ceiling``; R2
        ``cumulative_done``, ``cumulative_ahead`` 超序时进度, ``cumulative_on_pace`` 达到序时进度,
        ``cumulative_behind`` 低于序时进度, ``cap_within``, ``cap_over``; R3 ``point_met``,
        ``point_within_ceiling``, ``point_short``, ``point_over``; R4 ``year_met``,
        ``year_missed``; R5 ``project_size``), ``gap`` and ``gap_share`` (a point target's
        miss in points or as % of the target; a cumulative target's lag behind 序时进度),
        ``verdict`` (``targets.VERDICTS``: at year end, and for point targets as they stand)
        and ``verdict_gap`` (figure − target).
    Source
        ``synthetic``, ``source``, ``file``, ``sheet``, ``source_row``, ``source_column``,
        ``derived`` (the formula when the figure was derived), ``quote`` (the target as the
        report prints it).
    """
    import pandas as pd

    from muye_analysis.dataset import load_registry, load_targets
    from muye_analysis.quarterly import read_store
    from muye_analysis.reports import report_of, years_of

    store = read_store() if store is None else store
    targets = load_targets() if targets is None else targets
    year = years_of(targets)[1]  # the plan year of the report the targets come from
    if isinstance(as_of, str):
        as_of = parse_ytd_period(as_of, year=year)
    if as_of is not None and as_of.year != year:
        raise ValueError(f"the targets are for {year}; --as-of {as_of.code} is another year.")
    plan = _plan_rows(store, year, include_synthetic)
    if as_of is not None:
        plan = plan[plan["end_month"] <= as_of.end_month]
    as_of = as_of or (Period(year, int(plan["end_month"].max())) if not plan.empty else None)
    registry = load_registry().set_index("indicator")
    document = report_of(targets).document if "document" in targets.columns else None
    context = _Context(store, plan, registry, document, seasonal_weights or {}, as_of,
                       include_synthetic, year)  # fmt: skip
    rows = [_progress_row(t, context) for t in targets.to_dict("records")]
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    floats = ("target", "about_tolerance", "ytd_value", "ytd_growth", "completion_pct",
              "elapsed_pct", "pace_gap", "prior_pace_pct", "prior_pace_gap", "weight",
              "required_growth", "acceleration", "share_left", "effort_small_pp",
              "effort_hard_pp", "latest_growth", "previous_growth", "growth_change",
              "need_vs_latest", "gap", "gap_share", "verdict_gap")  # fmt: skip
    out = out.astype(
        dict.fromkeys(floats, "Float64")
        | {
            "end_month": "Int64",
            "annual": "boolean",
            "indicative": "boolean",
            "synthetic": "boolean",
            "source_row": "Int64",
            "status": pd.CategoricalDtype(list(STATUSES)),
        }
    )
    out.attrs.update({"as_of": as_of, "plan_year": year, "report": document})
    return out


class _Context:
    """What every row of one table shares."""

    def __init__(self, store, plan, registry, document, seasonal, as_of, include_synthetic, year):
        self.store, self.plan, self.registry, self.document = store, plan, registry, document
        self.seasonal, self.as_of, self.include_synthetic = seasonal, as_of, include_synthetic
        self.year = year

    def reg(self, indicator: str, column: str):
        if indicator not in self.registry.index:
            return None
        value = self.registry.loc[indicator, column]
        return None if _missing(value) else value


def _latest(plan: pd.DataFrame, indicator: str, measure: str) -> pd.Series | None:
    rows = plan[(plan["indicator"] == indicator) & (plan["measure"] == measure)]
    if rows.empty:
        return None
    return rows.sort_values("end_month").iloc[-1]


def _figure_rows(ctx: _Context, indicator: str) -> tuple[pd.DataFrame, str]:
    """The plan-year rows the target is judged on and the area they are of: the district's;
    for a figure the district does not compile (城镇调查失业率), the district table's figure
    when it prints one, else the city's."""
    from muye_analysis.quarterly import DEFAULT_AREA

    if indicator in schema.COMPILED_BY and not (ctx.plan["indicator"] == indicator).any():
        area = config.CITY_ZH
        city = _plan_rows(ctx.store, ctx.year, ctx.include_synthetic, area=area)
        if ctx.as_of is not None:
            city = city[city["end_month"] <= ctx.as_of.end_month]
        return city, area
    return ctx.plan, DEFAULT_AREA


def _progress_row(t: Mapping, ctx: _Context) -> dict:
    """One target's row: the target as the report sets it, the latest figure of the plan year
    and the judgement of the two (the status and the facts it rests on)."""
    row, higher = _target_row(t, ctx)
    indicator, kind = row["indicator"], row["progress_kind"]
    rows, area = _figure_rows(ctx, indicator)
    found = _latest(rows, indicator, "growth" if kind == GROWTH else "level")
    if found is None:
        return _with_status(row, project_status() if kind == PROJECT else NO_DATA)
    row |= _figure_of(found, rows, row, area)
    if row["measure"] in ("level", "count"):  # 完成进度: level and count targets only
        target = row["target"]
        row["completion_pct"] = row["ytd_value"] / target * 100 if target else None
    if kind == PROJECT:
        return _with_status(row, project_status(row["ytd_value"]))
    return _judged_row(row, ctx, area, higher)


def _target_row(t: Mapping, ctx: _Context) -> tuple[dict, bool | None]:
    """The row's target half (what the report sets and how it is judged), and whether higher
    is better for the indicator (None: the registry does not say)."""
    indicator, measure = str(t["indicator"]), str(t["measure"])
    flow = ctx.reg(indicator, "flow")
    higher = ctx.reg(indicator, "higher_is_better")
    flow = None if flow is None else bool(flow)
    higher = None if higher is None else bool(higher)
    kind = progress_kind(indicator, measure, flow)
    qualifier = "" if _missing(t["qualifier"]) else str(t["qualifier"])
    bound = bound_of(qualifier)
    target = float(t["target"])
    tkind = target_kind(bound, higher)
    row = dict.fromkeys(COLUMNS) | {
        "indicator": indicator,
        "measure": measure,
        "progress_kind": kind,
        "annual": kind != PROJECT,
        "target": target,
        "qualifier": qualifier,
        "bound": bound,
        "commitment": None if _missing(t["commitment"]) else t["commitment"],
        "target_kind": tkind,
        "indicative": is_indicative(indicator),
        "about_tolerance": about_band(target, measure) if bound == "about" and tkind != "ceiling"
        else 0.0,
        "unit": str(t["unit"]),
        "compiled_by": schema.COMPILED_BY.get(indicator, "district"),
        "elapsed_basis": "not_applicable" if kind != CUMULATIVE else None,
        "synthetic": False,
        "quote": t.get("quote"),
    }  # fmt: skip
    return row, higher


def _figure_of(found: pd.Series, rows: pd.DataFrame, row: dict, area: str) -> dict:
    """The latest figure's columns: its period, value in the target's unit, the growth beside
    a level, and its source."""
    kind, unit, indicator = row["progress_kind"], row["unit"], row["indicator"]
    period = Period(int(found["year"]), int(found["end_month"]))
    value = float(found["value"])
    stored_unit = (
        "%" if kind == GROWTH else str(found["unit"]) if not _missing(found["unit"]) else unit
    )
    if kind != GROWTH and stored_unit != unit and unit != "%":
        value = units.convert(value, stored_unit, unit)
    growth = _latest(rows[rows["end_month"] == period.end_month], indicator, "growth")
    return {
        "figure_area": area,
        "period": period,
        "end_month": period.end_month,
        "ytd_value": value,
        "ytd_growth": None if growth is None or kind == GROWTH else float(growth["value"]),
        "synthetic": bool(found["_synthetic"]),
        **_source_of(found),
    }


def _judged_row(row: dict, ctx: _Context, area: str, higher: bool | None) -> dict:
    """An annual target's row judged on its figure: the verdict at the year end, else the
    status of a growth, a cumulative or a point target, with the momentum of the latest span."""
    from muye_analysis.quarterly import ytd_series

    indicator, measure, kind = row["indicator"], row["measure"], row["progress_kind"]
    period, value, target = row["period"], row["ytd_value"], row["target"]
    tkind = row["target_kind"]
    series = ytd_series(indicator, ctx.store, area=area)
    seasonal = ctx.seasonal.get(indicator)
    series_unit = ctx.reg(indicator, "unit")
    full = report_level(indicator, period.year - 1, report=ctx.document,
                        unit=None if series_unit is None else str(series_unit))  # fmt: skip
    frequency = compilation_frequency(indicator)
    if kind in (GROWTH, CUMULATIVE):
        row |= _momentum(series, period, frequency, seasonal)
    verdict = assess_target(value, target, row["bound"], higher_is_better=higher,
                            measure=measure, indicative=row["indicative"])  # fmt: skip
    if kind == POINT or period.end_month == 12:
        row |= {"verdict": verdict.status, "verdict_gap": verdict.gap}
    if period.end_month == 12:
        if kind == CUMULATIVE:
            row |= {"elapsed_pct": 100.0, "elapsed_basis": "months"}
        return _with_status(row, year_end_status(verdict.met, verdict.status))
    if kind == GROWTH:
        return _growth_row(row, series, period, frequency, seasonal, full, tkind)
    if kind == CUMULATIVE:
        return _cumulative_row(row, series, period, seasonal, full, tkind)
    status = point_status(value, target, verdict.met, kind=tkind, measure=measure)
    return _with_status(row, status)


def _growth_row(row, series, period, frequency, seasonal, full, tkind) -> dict:
    try:
        share = weights_for(series, period, seasonal_shares=seasonal, frequency=frequency,
                            full_year_level=full)  # fmt: skip
    except ValueError:  # GDP at a month end (a store of earlier versions): months, said so
        share = ElapsedShare(period.end_month / 12, WEIGHTS_EQUAL_MONTHS)
    ytd, target = float(row["ytd_value"]), float(row["target"])
    need = required_growth(target, ytd, share).required
    latest = row["latest_growth"]
    status = growth_status(ytd, target, need, share_left=1 - share.value, latest=latest,
                           ceiling=tkind == "ceiling")  # fmt: skip
    facts = status.facts
    row |= {
        "weight": share.value,
        "weights_source": share.source,
        "required_growth": need,
        "acceleration": need - ytd,
        "share_left": 1 - share.value,
        "effort": facts["effort"],
        "effort_ytd": facts["effort_ytd"],
        "effort_latest": facts["effort_latest"],
        "effort_small_pp": facts["small"],
        "effort_hard_pp": facts["hard"],
        "need_vs_latest": None if latest is None else need - latest,
    }
    return _with_status(row, status)


def _cumulative_row(row, series, period, seasonal, full, tkind) -> dict:
    if seasonal is not None:  # a recorded plan curve replaces months ÷ 12
        elapsed, basis = seasonal_share(seasonal, period.end_month).value, "plan"
    else:
        elapsed, basis = period.end_month / 12, "months"
    prior = last_year_share(series, period, full_year_level=full)
    completion = float(row["completion_pct"])
    status = cumulative_status(
        completion, elapsed * 100, ceiling=tkind == "ceiling",
        prior_pace_pct=None if prior is None else prior.value * 100, plan=basis == "plan",
    )  # fmt: skip
    facts = status.facts
    row |= {
        "elapsed_pct": elapsed * 100,
        "elapsed_basis": basis,
        "pace_gap": facts["pace_gap"],
        "pace_reference": facts["reference"],
        "prior_pace_pct": facts["prior_pace"],
        "prior_pace_basis": None if prior is None else prior.source,
        "prior_pace_gap": facts["prior_gap"],
        "prior_pace_code": facts["prior_code"],
    }
    return _with_status(row, status)


def _momentum(series, period, frequency, seasonal) -> dict:
    found = latest_momentum(series, period, frequency=frequency, seasonal_shares=seasonal)
    if found is None:
        return {}
    return {
        "latest_span": found.span,
        "latest_growth": found.growth,
        "latest_weights_source": found.weights_source,
        "latest_derived": found.derived,
        "previous_period": found.previous,
        "previous_growth": found.previous_growth,
        "growth_change": found.ytd_change,
        "momentum": found.code,
    }


def _with_status(row: dict, status: Status) -> dict:
    facts = status.facts
    gap_share = facts.get("gap_share") if not facts.get("in_points", True) else None
    return row | {
        "status": status.status,
        "rule": status.rule,
        "reason": status.reason,
        "gap": facts.get("gap"),
        "gap_share": gap_share,
        "verdict": facts.get("verdict", row.get("verdict")),
    }


def _source_of(found: pd.Series) -> dict:
    """Where the figure came from: the file's stated source, the file, sheet, row and column;
    the formula of the store when the figure was derived (growth from level and 上年同期)."""
    derived = found.get("derived")
    return {
        "source": None if _missing(found["source"]) else str(found["source"]),
        "file": None if _missing(found["file"]) else str(found["file"]),
        "sheet": None if _missing(found["sheet"]) else str(found["sheet"]),
        "source_row": None if _missing(found["row"]) else int(found["row"]),
        "source_column": None if _missing(found["column"]) else str(found["column"]),
        "derived": None if _missing(derived) or not str(derived) else str(derived),
    }
