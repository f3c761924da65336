"""The 进度监测 table: every target of the plan year against the latest year-to-date figures.

One row per target of the plan (every target in ``load_targets()``): the target with its
qualifier and commitment, the latest figure of the plan year from the year-to-date store
(``muye ingest``), 序时进度 (how far through the year the figure should be), 完成进度 for level
and count targets, the growth the rest of the year needs for growth targets, a status and a
one-line reason in Chinese and English.

How a target is tracked depends on what it measures (:func:`progress_kind`):

- ``growth``: a growth target (地区生产总值增长6%以上); the growth so far and the growth the rest
  of the year needs (:func:`muye_analysis.targets.required_growth`, weights 上年同期 first);
- ``cumulative``: a level or count that builds up through the year (重点项目完成投资180亿元,
  新增城镇就业8000人, 新增专精特新企业6家); 完成进度 = figure so far ÷ target against 序时进度;
- ``point``: a rate, share or ratio (城镇调查失业率5.5%左右, 研发活动覆盖率80%以上), or a level that
  is a state rather than a sum (粮食生产面积稳定在2.75万亩, a project's total investment, the number
  of key projects on the year's list): the latest figure judged against the target as it stands.

序时进度 for growth and cumulative targets is, in order of preference: the seasonal weights the
caller records (``seasonal_weights``); last year's share of its annual total in the same months,
from the store (上年同期 over last year's full year, or last year's cumulative levels); else
months elapsed ÷ 12. The ``elapsed_basis`` column says which.

Status rules (the thresholds are the named constants below; the README and the note under the
table repeat them):

- R0 ``no_data``: no figure of the plan year in the store up to the period;
- R1 growth, before December: ``on_track`` when the growth so far already meets the target (by
  its qualifier and direction); ``at_risk`` when the rest of the year needs at most
  :data:`AT_RISK_ACCELERATION_PP` points more than the growth so far; else ``off_track``;
- R2 cumulative, before December: ``on_track`` when 完成进度 ≥ 序时进度 (or the target is already
  reached); ``at_risk`` when 完成进度 lags 序时进度 by at most :data:`AT_RISK_LAG_PP` points;
  else ``off_track``;
- R3 point targets, before December: ``on_track`` when the figure meets the target now;
  ``at_risk`` when it misses by at most :data:`AT_RISK_RATE_PP` points (rates, shares) or
  :data:`AT_RISK_LEVEL_SHARE` of the target (levels, counts, ratios); else ``off_track``;
- R4 any target with the full-year figure (1-12月): ``on_track`` if met, else ``off_track``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from muye_analysis import config, units
from muye_analysis.periods import Period, parse_ytd_period
from muye_analysis.targets import (
    PERCENT_MEASURES,
    WEIGHTS_EQUAL_MONTHS,
    WEIGHTS_EQUAL_QUARTERS,
    WEIGHTS_LEVELS,
    WEIGHTS_PRIOR_YEAR,
    WEIGHTS_SEASONAL,
    ElapsedShare,
    assess_target,
    bound_of,
    compilation_frequency,
    is_indicative,
    required_growth,
    seasonal_share,
    target_kind,
    weights_for,
)

if TYPE_CHECKING:
    import pandas as pd

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

COLUMNS = (
    "indicator",
    "name_zh",
    "name_en",
    "measure",
    "progress_kind",
    "target",
    "qualifier",
    "bound",
    "commitment",
    "target_kind",
    "indicative",
    "target_zh",
    "target_en",
    "unit",
    "period",
    "end_month",
    "ytd_value",
    "ytd_growth",
    "elapsed_pct",
    "elapsed_basis",
    "elapsed_basis_zh",
    "elapsed_basis_en",
    "completion_pct",
    "required_growth",
    "weights_source",
    "status",
    "rule",
    "reason_zh",
    "reason_en",
    "synthetic",
    "source",
    "derived",
    "quote",
)


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


# -- the table ----------------------------------------------------------------------------------


_PREFIX_QUALIFIERS = ("不低于", "不少于", "超过", "稳定在", "近")


def _amount_zh(value: float, unit: str, decimals: int | None = None) -> str:
    number = f"{value:g}" if decimals is None else f"{value:.{decimals}f}"
    return f"{number}{unit}"


def _amount_en(value: float, unit: str, decimals: int | None = None) -> str:
    if decimals is not None:
        value = round(value, decimals)
    return units.amount_en(value, unit)  # 亿元 -> billion yuan


def decimals_of(value: float, cap: int = 2) -> int:
    """Decimals a number is printed with (0.2 -> 1, 2.75 -> 2, 180 -> 0), at most ``cap``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0
    text = f"{float(value):.{cap}f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def goal_text(row: Mapping, lang: str, *, commitment: bool = True) -> str:
    """The target as the report words it: 力争180亿元以上, 确保不少于20个, 稳定在2.75万亩,
    增长6%以上 / at least 18 billion yuan (strive for), growth of at least 6%."""
    from muye_analysis.targets import _QUALIFIER_EN  # one wording for qualifiers

    value, unit = float(row["target"]), str(row["unit"])
    qualifier = "" if _missing(row["qualifier"]) else str(row["qualifier"])
    strength = "" if _missing(row["commitment"]) or not commitment else str(row["commitment"])
    growth = row["measure"] == "growth_rate"
    if lang == "zh":
        number = _amount_zh(value, unit)
        if qualifier in _PREFIX_QUALIFIERS:
            number = qualifier + number
        elif qualifier:
            number += qualifier
        return f"{strength}{'增长' if growth else ''}{number}"
    bound = bound_of(qualifier)
    tail = {"力争": " (strive for)", "确保": " (ensure)"}.get(strength, "")
    return f"{'growth of ' if growth else ''}{_QUALIFIER_EN[bound]}{_amount_en(value, unit)}{tail}"


def _target_text(row: Mapping, lang: str) -> str:
    return goal_text(row, lang)


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _plan_rows(store: pd.DataFrame, year: int, include_synthetic: bool) -> pd.DataFrame:
    from muye_analysis.quarterly import district_rows, is_synthetic

    rows = district_rows(store)  # city / province series in the store are not the district's
    rows = rows[(rows["year"] == year) & ~rows["sub_item"].fillna(False).astype(bool)]
    if "start_month" in rows.columns:  # year-to-date figures only: 二季度 alone is no progress
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


def _elapsed(
    kind: str,
    indicator: str,
    period: Period,
    series: pd.DataFrame,
    seasonal: Sequence[float] | None,
) -> ElapsedShare | None:
    if kind == POINT:
        return None
    if period.end_month == 12:
        return ElapsedShare(1.0, WEIGHTS_EQUAL_MONTHS)
    if seasonal is not None:
        return seasonal_share(seasonal, period.end_month)
    frequency = compilation_frequency(indicator) if kind == GROWTH else "monthly"
    try:
        share = weights_for(series, period, frequency=frequency)
    except ValueError:  # a quarterly indicator at a month end: months elapsed, said so
        share = ElapsedShare(period.end_month / 12, WEIGHTS_EQUAL_MONTHS)
    if kind == CUMULATIVE and share.source == WEIGHTS_EQUAL_QUARTERS:
        share = ElapsedShare(share.value, WEIGHTS_EQUAL_MONTHS)  # same number: months ÷ 12
    return share


def progress_table(
    as_of: Period | str | None = None,
    *,
    store: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    seasonal_weights: Mapping[str, Sequence[float]] | None = None,
    include_synthetic: bool = True,
) -> pd.DataFrame:
    """The 进度监测 table: one row per target of the plan year (see the module docstring).

    ``as_of`` (a Period or a label such as 2019年1-9月 / 前三季度) caps the figures used; by
    default the latest year-to-date period of the plan year in the store. ``seasonal_weights``
    maps an indicator to its 12 monthly (or 4 quarterly) shares of the year, used for 序时进度
    instead of months ÷ 12. Rows from synthetic or example files are kept and flagged in the
    ``synthetic`` column unless ``include_synthetic=False`` (the briefing drops them).

    ``attrs`` hold ``as_of``, ``plan_year``, ``note_zh`` / ``note_en`` (the rules) and
    ``rules`` (rule id -> (zh, en)).
    """
    import pandas as pd

    from muye_analysis.dataset import load_registry, load_targets
    from muye_analysis.quarterly import read_store, ytd_series
    from muye_analysis.reports import years_of

    store = read_store() if store is None else store
    targets = load_targets() if targets is None else targets
    year = years_of(targets)[1]  # the plan year of the report the targets come from
    report = _report_titles(targets)
    if isinstance(as_of, str):
        as_of = parse_ytd_period(as_of, year=year)
    if as_of is not None and as_of.year != year:
        raise ValueError(
            f"the targets are for {year}; --as-of {as_of.label('zh')} is another year."
        )
    plan = _plan_rows(store, year, include_synthetic)
    if as_of is not None:
        plan = plan[plan["end_month"] <= as_of.end_month]
    as_of = as_of or (Period(year, int(plan["end_month"].max())) if not plan.empty else None)
    registry = load_registry().set_index("indicator")
    seasonal_weights = seasonal_weights or {}
    rows = []
    for target_row in targets.to_dict("records"):
        indicator = str(target_row["indicator"])
        reg = registry.loc[indicator] if indicator in registry.index else None
        flow = None if reg is None else bool(reg["flow"]) if not _missing(reg["flow"]) else None
        higher = None
        if reg is not None and not _missing(reg["higher_is_better"]):
            higher = bool(reg["higher_is_better"])
        rows.append(
            _progress_row(
                target_row, plan, store, higher, flow, seasonal_weights.get(indicator), ytd_series
            )
        )
    out = pd.DataFrame(rows, columns=list(COLUMNS))
    out = out.astype(
        {
            "target": "Float64",
            "end_month": "Int64",
            "ytd_value": "Float64",
            "ytd_growth": "Float64",
            "elapsed_pct": "Float64",
            "completion_pct": "Float64",
            "required_growth": "Float64",
            "indicative": "boolean",
            "synthetic": "boolean",
            "status": pd.CategoricalDtype(list(STATUSES)),
        }
    )
    out.attrs.update(
        {
            "as_of": as_of,
            "plan_year": year,
            **report,
            "rules": dict(RULES),
            "note_zh": GENERAL_NOTE["zh"]
            + " 状态规则："
            + " ".join(f"{k} {v[0]}" for k, v in RULES.items()),
            "note_en": GENERAL_NOTE["en"]
            + " Status rules: "
            + " ".join(f"{k} {v[1]}" for k, v in RULES.items()),
        }
    )
    return out


def _report_titles(targets: pd.DataFrame) -> dict[str, str]:
    """The title of the report the targets come from (its origin record), for the sources."""
    from muye_analysis.reports import report_of

    if "document" not in targets.columns:
        return {"report_title_zh": "", "report_title_en": ""}
    report = report_of(targets)
    return {"report_title_zh": report.title_zh, "report_title_en": report.title_en}


def _latest(plan: pd.DataFrame, indicator: str, measure: str) -> pd.Series | None:
    rows = plan[(plan["indicator"] == indicator) & (plan["measure"] == measure)]
    if rows.empty:
        return None
    return rows.sort_values("end_month").iloc[-1]


def _progress_row(
    t: Mapping,
    plan: pd.DataFrame,
    store: pd.DataFrame,
    higher: bool | None,
    flow: bool | None,
    seasonal: Sequence[float] | None,
    ytd_series,
) -> dict:
    indicator, measure = str(t["indicator"]), str(t["measure"])
    kind = progress_kind(indicator, measure, flow)
    qualifier = "" if _missing(t["qualifier"]) else str(t["qualifier"])
    bound = bound_of(qualifier)
    target, unit = float(t["target"]), str(t["unit"])
    indicative = is_indicative(indicator)
    row = {
        "indicator": indicator,
        "name_zh": t["name_zh"],
        "name_en": t["name_en"],
        "measure": measure,
        "progress_kind": kind,
        "target": target,
        "qualifier": qualifier,
        "bound": bound,
        "commitment": None if _missing(t["commitment"]) else t["commitment"],
        "target_kind": target_kind(bound, higher),
        "indicative": indicative,
        "target_zh": _target_text(t, "zh"),
        "target_en": _target_text(t, "en"),
        "unit": unit,
        "period": None,
        "end_month": None,
        "ytd_value": None,
        "ytd_growth": None,
        "elapsed_pct": None,
        "elapsed_basis": "not_applicable" if kind == POINT else None,
        "completion_pct": None,
        "required_growth": None,
        "weights_source": None,
        "synthetic": False,
        "source": None,
        "derived": None,
        "quote": t.get("quote"),
    }
    found = _latest(plan, indicator, "growth" if kind == GROWTH else "level")
    if found is None:
        return _with_status(row, NO_DATA)
    period = Period(int(found["year"]), int(found["end_month"]))
    value = float(found["value"])
    stored_unit = (
        "%" if kind == GROWTH else str(found["unit"]) if not _missing(found["unit"]) else unit
    )
    if kind != GROWTH and stored_unit != unit and unit != "%":
        value = units.convert(value, stored_unit, unit)
    growth = _latest(plan[plan["end_month"] == period.end_month], indicator, "growth")
    row.update(
        {
            "period": period.label("zh"),
            "end_month": period.end_month,
            "ytd_value": value,
            "ytd_growth": None if growth is None or kind == GROWTH else float(growth["value"]),
            "synthetic": bool(found["_synthetic"]),
            "source": _source_text(found),
            "derived": _derived_text(found),
        }
    )
    series = ytd_series(indicator, store)
    share = _elapsed(kind, indicator, period, series, seasonal)
    if share is not None:
        basis = _BASIS_OF_SOURCE.get(share.source, "months")
        row.update(
            {
                "elapsed_pct": share.value * 100,
                "elapsed_basis": basis,
                "weights_source": share.source,
            }
        )
    verdict = assess_target(
        value, target, bound, higher_is_better=higher, measure=measure, indicative=indicative
    )
    decimals = max(decimals_of(value), decimals_of(target), 1 if unit == "%" else 0)
    value_zh = _amount_zh(value, unit, decimals)
    value_en = _amount_en(value, unit, decimals)
    if measure in ("level", "count"):  # 完成进度: level and count targets only
        row["completion_pct"] = value / target * 100 if target else None
    if period.end_month == 12:
        from muye_analysis.targets import verdict_clause

        clause_zh = verdict_clause(
            verdict, qualifier, lang="zh", unit=unit, rate=measure in ("rate", "share")
        )
        clause_en = verdict_clause(
            verdict, qualifier, lang="en", unit=unit, rate=measure in ("rate", "share")
        )
        shown_zh = f"增长{value:.1f}%" if kind == GROWTH else value_zh
        shown_en = f"growth {value:.1f}%" if kind == GROWTH else value_en
        return _with_status(
            row,
            year_end_status(
                verdict.met, clause_zh, clause_en, value_zh=shown_zh, value_en=shown_en
            ),
        )
    if kind == GROWTH:
        need = required_growth(target, value, share).required
        row["required_growth"] = need
        status = growth_status(
            value,
            target,
            need,
            met_now=verdict.met,
            phrase_zh=period.phrase("zh"),
            rest_zh=period.rest_phrase("zh"),
            phrase_en=period.phrase("en"),
            rest_en=period.rest_phrase("en"),
        )
        return _with_status(row, status)
    if kind == CUMULATIVE:
        status = cumulative_status(
            row["completion_pct"],
            row["elapsed_pct"],
            value_zh=value_zh,
            value_en=value_en,
            ceiling=row["target_kind"] == "ceiling",
        )
        return _with_status(row, status)
    goal_zh = f"{goal_text(t, 'zh', commitment=False)}的{'预期' if indicative else ''}目标"
    goal_en = f"the target of {goal_text(t, 'en', commitment=False)}"
    status = point_status(
        value,
        target,
        verdict.met,
        kind=row["target_kind"],
        measure=measure,
        value_zh=value_zh,
        value_en=value_en,
        goal_zh=goal_zh,
        goal_en=goal_en,
    )
    return _with_status(row, status)


DERIVED_NOTE = (
    "（增速由累计值与上年同期推算）",
    " (growth derived from the level and last year's same-period value)",
)


def _derived_text(found: pd.Series) -> str | None:
    """The store's formula when the figure was derived (growth from level and 上年同期)."""
    value = found.get("derived")
    return None if _missing(value) or not str(value) else str(value)


def _with_status(row: dict, status: Status) -> dict:
    zh, en = BASIS_TEXT.get(row["elapsed_basis"] or "", ("", ""))
    derived = bool(row.get("derived"))
    row.update(
        {
            "status": status.status,
            "rule": status.rule,
            "reason_zh": status.reason_zh + (DERIVED_NOTE[0] if derived else ""),
            "reason_en": status.reason_en + (DERIVED_NOTE[1] if derived else ""),
            "elapsed_basis_zh": zh or None,
            "elapsed_basis_en": en or None,
        }
    )
    return row


def _source_text(found: pd.Series) -> str:
    parts = [str(found["source"]) if not _missing(found["source"]) else ""]
    where = f"{found['file']}" + (f"[{found['sheet']}]" if not _missing(found["sheet"]) else "")
    where += f" 第{found['row']}行 {found['column']}"
    return "；".join(p for p in (parts[0], where) if p)


# -- views for people ---------------------------------------------------------------------------

DISPLAY_COLUMNS = {
    "name": ("指标", "Indicator"),
    "target_text": ("全年目标", "Target"),
    "period": ("截至", "Period"),
    "ytd_value": ("累计值", "So far"),
    "unit": ("单位", "Unit"),
    "elapsed_pct": ("序时进度(%)", "Time elapsed (%)"),
    "completion_pct": ("完成进度(%)", "Completion (%)"),
    "required_growth": ("其余月份需增长(%)", "Rest of year needs (%)"),
    "status_text": ("状态", "Status"),
    "reason": ("说明", "Reason"),
    "elapsed_basis_text": ("序时进度口径", "Time-elapsed basis"),
    "source": ("数据来源", "Data source"),
}


def display_table(table: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The table as people read it: headers in ``lang``, target and status as text."""
    import pandas as pd

    zh = lang == "zh"
    i = 0 if zh else 1
    period_en = [None if _missing(p) else _period_en(p) for p in table["period"]]
    out = pd.DataFrame(
        {
            "name": table["name_zh" if zh else "name_en"],
            "target_text": table["target_zh" if zh else "target_en"],
            "period": table["period"] if zh else period_en,
            "ytd_value": table["ytd_value"],
            "unit": [
                "%" if k == GROWTH else u if zh else _unit_en(u)
                for k, u in zip(table["progress_kind"], table["unit"], strict=True)
            ],
            "elapsed_pct": table["elapsed_pct"],
            "completion_pct": table["completion_pct"],
            "required_growth": table["required_growth"],
            "status_text": [STATUS_TEXT[s][i] for s in table["status"]],
            "reason": table["reason_zh" if zh else "reason_en"],
            "elapsed_basis_text": table["elapsed_basis_zh" if zh else "elapsed_basis_en"],
            "source": table["source"],
        }
    )
    return out.rename(columns={k: v[i] for k, v in DISPLAY_COLUMNS.items()})


def _unit_en(unit: str) -> str:
    return units.unit_en(unit) or "count"


def _period_en(label: str) -> str:
    from muye_analysis.periods import parse_period

    return parse_period(label).label("en")


def format_table(table: pd.DataFrame, lang: str = "zh") -> str:
    """Plain text for the terminal: the table, then the basis and the rules under it."""
    shown = display_table(table, lang).drop(
        columns=[DISPLAY_COLUMNS["source"][0 if lang == "zh" else 1]]
    )
    numbers = [
        DISPLAY_COLUMNS[c][0 if lang == "zh" else 1]
        for c in ("ytd_value", "elapsed_pct", "completion_pct", "required_growth")
    ]
    for column in numbers:
        shown[column] = [
            ""
            if _missing(v)
            else f"{float(v):.1f}"
            if column != numbers[0] or (kind != CUMULATIVE and kind != POINT) or unit == "%"
            else f"{float(v):.{decimals_of(float(v))}f}"
            for v, kind, unit in zip(
                shown[column], table["progress_kind"], table["unit"], strict=True
            )
        ]
    shown = shown.fillna("")
    as_of = table.attrs.get("as_of")
    year = table.attrs.get("plan_year")
    if lang == "zh":
        head = f"{config.DISTRICT_ZH}{year}年目标进度监测" + (
            f"（截至{as_of.label('zh')}）" if as_of else "（暂无本年数据）"
        )
    else:
        head = f"{config.DISTRICT_EN}: progress on the {year} targets" + (
            f" (as of {as_of.label('en')})" if as_of else " (no figures for the year yet)"
        )
    counts = table["status"].value_counts()
    if lang == "zh":
        tally = "，".join(f"{STATUS_TEXT[s][0]}{int(counts.get(s, 0))}项" for s in STATUSES)
    else:
        tally = ", ".join(f"{STATUS_TEXT[s][1]} {int(counts.get(s, 0))}" for s in STATUSES)
    lines = [head, tally, shown.to_string(index=False), ""]
    if bool(table["synthetic"].fillna(False).any()):
        lines.append(SYNTHETIC_NOTE[0] if lang == "zh" else "Note: " + SYNTHETIC_NOTE[1])
    lines.append(
        ("注：" if lang == "zh" else "Note: ")
        + table.attrs[f"note_{'zh' if lang == 'zh' else 'en'}"]
    )
    return "\n".join(lines)


# -- the workbook the office sends upward -------------------------------------------------------

STATUS_FILL = {  # Excel's own good / neutral / bad fills, which WPS shows the same way
    "on_track": "C6EFCE",
    "at_risk": "FFEB9C",
    "off_track": "FFC7CE",
    "no_data": "E7E6E6",
}


def _safe(value: object) -> object:
    """Text that a spreadsheet would read as a formula is kept as text, and control characters
    a workbook cannot hold are escaped (outputs.workbook_cell)."""
    from muye_analysis.outputs import workbook_cell

    return workbook_cell(value)


def _text_width(text: object) -> float:
    """Column width in Excel units: CJK characters count double."""
    s = "" if text is None else str(text)
    return sum(2.0 if ord(ch) > 0x2E7F else 1.0 for ch in s)


def write_workbook(table: pd.DataFrame, path, *, lang: str = "zh"):
    """Write the table as a formatted .xlsx for Excel and WPS; return the path.

    Sheet 1 (进度监测 / Progress): a title row with the district, year and period, a frozen
    header in ``lang``, numbers at the data's precision (counts whole, levels as printed,
    percentages to one decimal), the status cell filled green / amber / red / grey, widths that
    fit. Sheet 2 (说明 / Notes): the status rules with their thresholds, the 左右 band, how
    序时进度 is computed, and the sources (the plan report and the store's files). Written
    atomically: an error leaves any earlier file as it was.
    """

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from muye_analysis.atomic import save_workbook

    zh = lang == "zh"
    i = 0 if zh else 1
    shown = display_table(table, lang)
    headers = list(shown.columns)
    wb = Workbook()
    ws = wb.active
    ws.title = "进度监测" if zh else "Progress"
    as_of, year = table.attrs.get("as_of"), table.attrs.get("plan_year")
    if zh:
        title = f"{config.DISTRICT_ZH}{year}年主要目标进度监测表" + (
            f"（截至{as_of.label('zh')}）" if as_of else "（暂无本年数据）"
        )
    else:
        title = f"{config.DISTRICT_EN}: progress on the {year} targets" + (
            f" (as of {as_of.label('en')})" if as_of else " (no figures for the year yet)"
        )
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(headers)
    thin = Side(style="thin", color="BFBFBF")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    names = {k: v[i] for k, v in DISPLAY_COLUMNS.items()}
    col_of = {h: j + 1 for j, h in enumerate(headers)}
    widths = {h: _text_width(h) for h in headers}
    for r, (row_shown, row) in enumerate(
        zip(shown.itertuples(index=False), table.to_dict("records"), strict=True), start=3
    ):
        for h, value in zip(headers, row_shown, strict=True):
            cell = ws.cell(row=r, column=col_of[h])
            cell.value = (
                None
                if _missing(value)
                else _safe(float(value) if isinstance(value, (int, float)) else value)
            )
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            cell.alignment = Alignment(vertical="center")
            shown_text = value
            if h == names["ytd_value"] and not _missing(value):
                if row["progress_kind"] == GROWTH or row["unit"] == "%":
                    decimals = 1
                else:
                    decimals = max(decimals_of(float(value)), decimals_of(float(row["target"])))
                cell.number_format = "0" if decimals == 0 else "0." + "0" * decimals
                shown_text = f"{float(value):.{decimals}f}"
            elif h in (names["elapsed_pct"], names["completion_pct"], names["required_growth"]):
                cell.number_format = "0.0"
                shown_text = "" if _missing(value) else f"{float(value):.1f}"
            elif h == names["status_text"]:
                cell.fill = PatternFill("solid", fgColor=STATUS_FILL[row["status"]])
                cell.alignment = Alignment(horizontal="center", vertical="center")
            widths[h] = max(widths[h], _text_width(shown_text))
    for h, j in col_of.items():
        cap = 60 if h in (names["reason"], names["source"]) else 40
        ws.column_dimensions[get_column_letter(j)].width = min(widths[h] + 2, cap)
        if widths[h] + 2 > cap:
            for row in ws.iter_rows(min_row=3, min_col=j, max_col=j):
                row[0].alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = "B3"  # header rows and the indicator column stay in view
    ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{ws.max_row}"
    _notes_sheet(wb, table, lang)
    wb.properties.creator = "muye-analysis"
    from muye_analysis.outputs import check_output_path

    path = check_output_path(path, example="build/进度监测.xlsx")  # never over data/ inputs
    return save_workbook(wb, path)  # every cell through the neutraliser, written atomically


def _notes_sheet(wb, table: pd.DataFrame, lang: str) -> None:
    from openpyxl.styles import Alignment, Font

    from muye_analysis.targets import ABOUT_BAND_PP, ABOUT_BAND_REL

    zh = lang == "zh"
    i = 0 if zh else 1
    ws = wb.create_sheet("说明" if zh else "Notes")
    lines: list[tuple[str, str]] = []
    lines.append(("状态规则" if zh else "Status rules", ""))
    for rule, text in RULES.items():
        lines.append((rule, text[i]))
    lines.append(("", ""))
    lines.append(("参数" if zh else "Parameters", ""))
    params = [
        ("AT_RISK_ACCELERATION_PP", AT_RISK_ACCELERATION_PP),
        ("AT_RISK_LAG_PP", AT_RISK_LAG_PP),
        ("AT_RISK_RATE_PP", AT_RISK_RATE_PP),
        ("AT_RISK_LEVEL_SHARE", AT_RISK_LEVEL_SHARE),
        ("ABOUT_BAND_PP", ABOUT_BAND_PP),
        ("ABOUT_BAND_REL", ABOUT_BAND_REL),
    ]
    lines += [(name, f"{value:g}") for name, value in params]
    lines.append(("", ""))
    lines.append(
        ("目标与序时进度" if zh else "Targets and time elapsed", GENERAL_NOTE[lang if zh else "en"])
    )
    status_zh = "；".join(f"{v[0]}={k}" for k, v in STATUS_TEXT.items())
    lines.append(
        (
            "状态颜色" if zh else "Status colours",
            (
                "绿=正常，黄=预警，红=滞后，灰=暂无数据"
                if zh
                else "green = on track, amber = at risk, red = off track, grey = no data"
            )
            + ("（" + status_zh + "）" if zh else ""),
        )
    )
    lines.append(("", ""))
    lines.append(("来源" if zh else "Sources", ""))
    title = table.attrs.get("report_title_zh" if zh else "report_title_en", "")
    lines.append(("目标" if zh else "Targets", title))
    files = sorted({s.split("；")[-1].split(" 第")[0] for s in table["source"].dropna()})
    for name in files:
        lines.append(("数据文件" if zh else "Data file", name))
    if bool(table["synthetic"].fillna(False).any()):
        lines.append(("注意" if zh else "Caution", SYNTHETIC_NOTE[i].removeprefix("注意：")))
    lines.append(("", ""))
    lines.append(("各目标原文" if zh else "Each target as printed", ""))
    for row in table.to_dict("records"):
        quote = "" if _missing(row["quote"]) else str(row["quote"])
        lines.append((row["name_zh"] if zh else row["name_en"], _safe(quote)))
    for a, b in lines:
        ws.append([_safe(a), _safe(b)])  # b holds file names and quotes: never a formula
        if a and not b:
            ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 110
    for row in ws.iter_rows(min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


# -- words for slides and notebooks ----------------------------------------------------------------


def progress_title(table: pd.DataFrame, lang: str = "zh") -> str:
    """'2019年1-9月：主要目标进度监测' / 'Jan-Sep 2019: progress on the targets'."""
    as_of = table.attrs.get("as_of")
    if lang == "zh":
        return f"{as_of.label('zh')}：主要目标进度监测" if as_of else "主要目标进度监测"
    return f"{as_of.label('en')}: progress on the targets" if as_of else "Progress on the targets"


def progress_takeaway(table: pd.DataFrame, lang: str = "zh", *, max_names: int = 4) -> str:
    """One line: how many targets are in each status, and which are off track.

    e.g. 25项目标中正常3项、预警0项、滞后3项、暂无数据19项；滞后：地区生产总值、社会消费品零售总额
    """
    counts = table["status"].value_counts()
    behind = table.loc[table["status"] == "off_track", "name_zh" if lang == "zh" else "name_en"]
    names = list(behind)[:max_names] + (["…"] if len(behind) > max_names else [])
    if lang == "zh":
        tally = "、".join(f"{STATUS_TEXT[s][0]}{int(counts.get(s, 0))}项" for s in STATUSES)
        line = f"{len(table)}项目标中{tally}"
        return line + (f"；滞后：{'、'.join(names)}" if names else "")
    tally = ", ".join(f"{int(counts.get(s, 0))} {STATUS_TEXT[s][1]}" for s in STATUSES)
    line = f"Of {len(table)} targets: {tally}"
    return line + (f"; off track: {', '.join(names)}" if names else "")
