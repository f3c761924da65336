"""Claims of the 经济运行分析: the office's economic-performance analysis, drafted from the data.

The document (:mod:`muye_analysis.document`) is built from these claims and those of
:mod:`~muye_analysis.claims.progress` (each row's reason), :mod:`~muye_analysis.claims.closing`
(the tally, the targets without data) and nothing else. Each claim holds numbers, codes,
indicator ids and :class:`~muye_analysis.periods.Period` objects, and is said only when the data
support it; the words are in ``strings.csv`` under ``claim.doc.*`` and ``doc.*``.

What each claim says, and when:

* :func:`figure_claim` — an indicator's figure of the period (``claim.doc.figure.<kind>``): a
  growth target's level (when the table prints one), its year-on-year growth (下降 when it fell;
  按可比价格计算 only for a real growth rate), the change since the previous cumulative figure
  (提高 / 回落 / 持平, on the figures as published) and where it stands against the annual target
  (高于 / 低于 / 与…持平; a 预期目标 says so); a cumulative target's completion against 序时进度
  (its reason, :func:`~muye_analysis.claims.progress.status_claim`) and its growth over last
  year's same period; a rate judged as it stands.
* :func:`heading_claim` — a group's heading, itself a judgement on the group's lead indicator
  (规上工业增加值增速较上半年回升，低于预期目标 only when the cumulative growth rose and is under
  the target; 重点项目完成投资超序时进度 only when ahead of it).
* :func:`directions_claim` — which headline growth rates rose, fell or held since the previous
  period (总体情况).
* :func:`status_lists_claim` — the targets on track, at risk and off track, by name.
* :func:`rank_claim` (a city table of every unit: rank, units ranked, change, gap to the city)
  and :func:`published_rank_claim` (the district table's own 全市位次 column: rank and change).
* :func:`issue_claims` — 需关注的问题: targets off track and at risk (with why), cumulative
  figures below last year's, growth slowing where the target is met so far, ranks that fell.
* :func:`next_claims` — 下一步需关注: what the next figures must show (the growth the rest of
  the year needs and the months left; the amount still to complete and the monthly pace it
  needs against the pace so far; a rate to bring back within its target); targets without data.
  Never policy advice.

Groups follow the bureau's order (:data:`GROUPS`): 总体 → 工业 → 投资 → 消费 → 财政 → 创新 →
就业与民生 → 城市建设 → 农业农村 → 营商环境.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from muye_analysis.claims.base import RISK, WEAKNESS, Amount, Claim, Phrase, silent
from muye_analysis.claims.progress import status_claim, value_amount
from muye_analysis.claims.ytd import goal_of, goal_phrase, verdict_phrase
from muye_analysis.display import decimals_of, round_half_up

# The bureau's order of the document's groups (总体 first: 总体情况 speaks of it).
GROUPS = ("overall", "industry", "investment", "consumption", "fiscal", "innovation",
          "livelihood", "urban", "rural", "business_environment", "other")  # fmt: skip
# The registry's categories, and the indicators a bureau files elsewhere than their category
# (社会消费品零售总额 is 消费, not a macro aggregate; GDP is 总体).
CATEGORY_GROUPS = {"macro": "overall", "industry": "industry", "investment": "investment",
                   "fiscal": "fiscal", "innovation": "innovation", "livelihood": "livelihood",
                   "urban": "urban", "rural": "rural",
                   "business_environment": "business_environment"}  # fmt: skip
INDICATOR_GROUPS = {"gdp": "overall", "retail_sales": "consumption"}
DECIMALS = 1  # growth rates, points and shares as a bureau prints them
MONTHS = 12


def group_of(indicator: str, category: Any = None) -> str:
    """The document group of an indicator: its own (:data:`INDICATOR_GROUPS`), else its
    registry category's, else ``other``."""
    if indicator in INDICATOR_GROUPS:
        return INDICATOR_GROUPS[indicator]
    return CATEGORY_GROUPS.get(str(category), "other")


def shown(value: float) -> float:
    """A growth, share or gap as printed: one decimal, rounded half up (5.25 → 5.3)."""
    return round_half_up(float(value), DECIMALS)


def has_figure(row: Mapping[str, Any]) -> bool:
    """Whether the row has a figure of the plan year (not ``no_data``, not a project's size)."""
    return (
        row.get("status") != "no_data"
        and row.get("progress_kind") != "project"
        and not (_missing(row.get("ytd_value")))
    )


def lead_row(rows: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The row a group's heading judges: its first growth target with a figure, else its first
    cumulative target, else its first rate or stock (in the report's order)."""
    for kind in ("growth", "cumulative", "point"):
        for row in rows:
            if row["progress_kind"] == kind and has_figure(row):
                return row
    return None


# -- an indicator's figure --------------------------------------------------------------------


def figure_claim(
    row: Mapping[str, Any], *, level: Amount | None = None, price_basis: Any = None
) -> Claim:
    """The period's figure of one target, with its direction and where it stands.

    ``level`` is a growth target's cumulative level of the period (the bureau table's, when it
    prints one); ``price_basis`` the indicator's (``real``: 按可比价格计算). Variants ``growth``,
    ``cumulative`` (its reason, and its growth over last year's same period when known), ``point``
    (a rate or stock judged as it stands). Silent without a figure.
    """
    if not has_figure(row):
        return silent("doc.figure", "no_figure")
    indicator, period = str(row["indicator"]), row["period"]
    facts: dict[str, Any] = {"name": indicator, "period": period}
    kind = str(row["progress_kind"])
    if kind == "growth":
        ytd = float(row["ytd_value"])
        facts |= {
            "ytd": ytd,
            "level": "" if level is None else Phrase("doc.level", {"value": level}),
            "basis": Phrase("doc.basis.real" if price_basis == "real" else "doc.basis.nominal"),
            "change": change_phrase(row),
            "standing": standing_phrase(row),
        }
        return Claim("doc.figure", True, facts, variant="growth", subject=indicator,
                     conditions=_conditions(row))  # fmt: skip
    if kind == "cumulative":
        growth = row.get("ytd_growth")
        facts |= {
            "reason": status_claim(row),
            "growth": "" if _missing(growth) else Phrase("doc.level_growth", {"growth": growth}),
        }
        return Claim("doc.figure", True, facts, variant="cumulative", subject=indicator,
                     conditions=(str(row["reason"]),))  # fmt: skip
    facts |= {"value": value_amount(row), "clause": point_clause(row),
              "compiled": status_claim(row).facts.get("compiled", "")}  # fmt: skip
    return Claim("doc.figure", True, facts, variant="point", subject=indicator,
                 conditions=(str(row.get("verdict")),))  # fmt: skip


def change_phrase(row: Mapping[str, Any]) -> Phrase | str:
    """The cumulative growth against the previous cumulative figure of the year, on the figures
    as published: 增速较上半年提高0.6个百分点 / 回落 / 与上半年持平; '' without a previous one."""
    code = change_code(row)
    if code is None:
        return ""
    diff = abs(shown(row["ytd_value"]) - shown(row["previous_growth"]))
    return Phrase(f"doc.change.{code}", {"before": row["previous_period"], "diff": diff})


def change_code(row: Mapping[str, Any]) -> str | None:
    """``up``, ``down`` or ``same`` (the growth so far against the previous cumulative figure,
    both at one decimal), or None without a previous figure."""
    previous = row.get("previous_growth")
    if _missing(previous) or _missing(row.get("previous_period")):
        return None
    diff = shown(row["ytd_value"]) - shown(previous)
    return "up" if diff > 0 else "down" if diff < 0 else "same"


def standing_phrase(row: Mapping[str, Any]) -> Phrase:
    """Growth so far against the annual target, at one decimal: 高于全年8%的预期目标0.3个百分点
    / 低于全年6%以上的预期目标0.8个百分点 / 与全年目标持平. (A cumulative figure against an
    annual rate, not a verdict: the verdict waits for the year's figure.)"""
    goal = goal_phrase(goal_of(row, indicative=bool(row.get("indicative"))))
    gap = shown(row["ytd_value"]) - shown(row["target"])
    code = standing_code(row)
    return Phrase(f"doc.standing.{code}", {"goal": goal, "gap": abs(gap)})


def standing_code(row: Mapping[str, Any]) -> str:
    """``above``, ``level`` or ``below``: growth so far against the target, at one decimal."""
    gap = shown(row["ytd_value"]) - shown(row["target"])
    return "above" if gap > 0 else "below" if gap < 0 else "level"


def point_clause(row: Mapping[str, Any]) -> Phrase:
    """A rate or stock against its target as it stands (控制在5.5%左右的预期目标以内 / 高于…0.1个
    百分点): the verdict of ``targets.assess_target`` worded as officials word it."""
    goal = goal_of(row, commitment=None)
    return verdict_phrase(
        str(row["verdict"]), float(row["ytd_value"]), float(row["target"]), goal,
        indicative=bool(row.get("indicative")), rate=row["measure"] in ("rate", "share"),
        tolerance=float(row.get("about_tolerance") or 0.0),
    )  # fmt: skip


def _conditions(row: Mapping[str, Any]) -> tuple[str, ...]:
    change = change_code(row)
    return (f"change_{change}" if change else "no_previous", f"standing_{standing_code(row)}")


# -- a group's heading ------------------------------------------------------------------------


def heading_claim(rows: Sequence[Mapping[str, Any]]) -> Claim:
    """A group's heading as a judgement on its lead indicator (:func:`lead_row`):

    * growth: the move since the previous cumulative figure (增速较上半年回升 / 回落 / 持平; without
      one, the growth itself: 增长7.6% / 下降1.2%) and the standing against the target (高于 /
      达到 / 低于全年目标; a 预期目标: 低于预期目标);
    * cumulative: 超序时进度 / 达到序时进度 / 低于序时进度 / 已完成全年目标 (against a recorded
      plan curve: 计划进度);
    * point: the verdict as it stands (控制在目标以内, 高于预期目标, 达到目标, 低于目标).

    Silent when no row of the group has a figure.
    """
    row = lead_row(rows)
    if row is None:
        return silent("doc.heading", "no_figure")
    indicator = str(row["indicator"])
    kind = str(row["progress_kind"])
    facts: dict[str, Any] = {"name": indicator}
    if kind == "growth":
        change = change_code(row)
        move = (
            Phrase("doc.move.grew", {"ytd": float(row["ytd_value"])})
            if change is None
            else Phrase(f"doc.move.{change}", {"before": row["previous_period"]})
        )
        standing = standing_code(row)
        suffix = ".indicative" if standing == "below" and row.get("indicative") else ""
        facts |= {"move": move, "standing": Phrase(f"doc.short.{standing}{suffix}")}
        conditions = (f"change_{change}" if change else "no_previous", f"standing_{standing}")
    elif kind == "cumulative":
        plan = ".plan" if row.get("pace_reference") == "plan" else ""
        facts["standing"] = Phrase(f"doc.pace.{row['reason']}{plan}")
        conditions = (str(row["reason"]),)
    else:
        verdict = str(row["verdict"])
        suffix = (
            ".indicative"
            if row.get("indicative") and verdict in ("missed", "above_ceiling")
            else ""
        )
        facts["standing"] = Phrase(f"doc.verdict.{verdict}{suffix}")
        conditions = (verdict,)
    return Claim("doc.heading", True, facts, variant=kind, subject=indicator,
                 conditions=conditions)  # fmt: skip


# -- 总体情况 -----------------------------------------------------------------------------------


def directions_claim(rows: Iterable[Mapping[str, Any]]) -> Claim:
    """Which growth rates rose, fell or held since the previous cumulative figure (all compared
    with the same earlier period): 与上半年相比，地区生产总值、规上工业增加值增速回升，社会消费品
    零售总额增速回落. Silent when no growth target has two cumulative figures."""
    moves: dict[str, list[str]] = {"up": [], "down": [], "same": []}
    before = None
    for row in rows:
        if row["progress_kind"] != "growth" or not has_figure(row):
            continue
        code = change_code(row)
        if code is None:
            continue
        if before is None:
            before = row["previous_period"]
        if row["previous_period"] != before:  # compared with another period: said alone
            continue
        moves[code].append(str(row["indicator"]))
    parts = [Phrase(f"doc.directions.{code}", {"names": names})
             for code, names in moves.items() if names]  # fmt: skip
    if not parts:
        return silent("doc.directions", "no_previous_period")
    return Claim("doc.directions", True, {"before": before, "parts": parts},
                 conditions=tuple(code for code, names in moves.items() if names))  # fmt: skip


def status_lists_claim(rows: Iterable[Mapping[str, Any]]) -> Claim:
    """The annual targets with a figure by status, worst first: 滞后的有…，预警的有…，正常的有…"""
    by_status: dict[str, list[str]] = {"off_track": [], "at_risk": [], "on_track": []}
    for row in rows:
        if row.get("annual", True) is False or not has_figure(row):
            continue
        if row["status"] in by_status:
            by_status[str(row["status"])].append(str(row["indicator"]))
    parts = [Phrase(f"doc.status_list.{status}", {"names": names})
             for status, names in by_status.items() if names]  # fmt: skip
    return Claim("doc.status_lists", bool(parts), {"parts": parts},
                 conditions=tuple(s for s, names in by_status.items() if names))  # fmt: skip


# -- 位次 ---------------------------------------------------------------------------------------


def rank_claim(row: Mapping[str, Any], period: Any, previous: Any = None) -> Claim:
    """The district's rank among the city's units on one indicator and measure (a row of
    ``league.district_ranks``): 规上工业增加值增速居全市第13位（共13个单位参与排名），较一季度后移
    2位，低于全市2.5个百分点. ``period`` and ``previous`` are the row's periods as Periods."""
    measure = str(row["measure"])
    facts: dict[str, Any] = {
        "name": str(row["indicator"]),
        "period": period,
        "rank": Phrase("doc.rank_tied" if bool(row.get("tied")) else "doc.rank_plain",
                       {"rank": int(row["rank"])}),
        "n": int(row["frame_size"]),
        "change": rank_change_phrase(row.get("rank_change"), previous),
        "city": _city_phrase(row),
    }  # fmt: skip
    return Claim("doc.rank", True, facts, variant=measure, subject=str(row["indicator"]),
                 tone=WEAKNESS if _fell(row.get("rank_change")) else "neutral")  # fmt: skip


def published_rank_claim(
    indicator: str, rank: int, period: Any, previous_rank: int | None = None, previous: Any = None
) -> Claim:
    """A 全市位次 the district's own table prints beside a growth rate (the number of units
    ranked is not printed, so it is not said): 地区生产总值增速居全市第5位，较上半年前移1位."""
    change = None if previous_rank is None else int(previous_rank) - int(rank)
    facts = {"name": indicator, "period": period, "rank": int(rank),
             "change": rank_change_phrase(change, previous)}  # fmt: skip
    return Claim("doc.rank_published", True, facts, subject=indicator,
                 tone=WEAKNESS if _fell(change) else "neutral")  # fmt: skip


def rank_change_phrase(change: Any, previous: Any) -> Phrase | str:
    """较上半年前移1位 / 后移2位 / 与上半年持平; '' without a previous rank."""
    if _missing(change) or previous is None:
        return ""
    change = int(change)
    code = "up" if change > 0 else "down" if change < 0 else "same"
    return Phrase(f"doc.rank_change.{code}", {"before": previous, "m": abs(change)})


def _city_phrase(row: Mapping[str, Any]) -> Phrase | str:
    gap = row.get("gap_to_city")
    if _missing(gap):
        return ""
    if row.get("gap_to_city_kind") == "share_pct":
        return Phrase("doc.city.share", {"share": float(gap)})
    points = shown(gap)
    code = "above" if points > 0 else "below" if points < 0 else "level"
    return Phrase(f"doc.city.{code}", {"gap": abs(points)})


def _fell(change: Any) -> bool:
    return not _missing(change) and int(change) < 0


# -- 需关注的问题 ---------------------------------------------------------------------------------


def issue_claims(
    rows: Sequence[Mapping[str, Any]], rank_claims: Sequence[Claim] = ()
) -> list[Claim]:
    """The problems the figures show, worst first: targets off track, then at risk (each with
    why: its reason), then cumulative figures below last year's same period, growth slowing
    where the target is met so far, and ranks that fell. Each holds only when its numbers say
    so; an empty list when none does."""
    out: list[Claim] = []
    annual = [r for r in rows if r.get("annual", True) is not False and has_figure(r)]
    for status, tone in (("off_track", WEAKNESS), ("at_risk", RISK)):
        for row in (r for r in annual if r["status"] == status):
            out.append(behind_claim(row, status, tone))
    said = {c.subject for c in out}
    for row in annual:
        growth = row.get("ytd_growth")
        if row["progress_kind"] == "cumulative" and not _missing(growth) and shown(growth) < 0:
            out.append(Claim("doc.issue.decline", True,
                             {"name": str(row["indicator"]), "period": row["period"],
                              "value": value_amount(row), "growth": float(growth)},
                             tone=RISK, subject=str(row["indicator"])))  # fmt: skip
        slowing = row.get("momentum") == "slowing" and not _missing(row.get("latest_growth"))
        if slowing and row["indicator"] not in said and row["progress_kind"] == "growth":
            out.append(Claim("doc.issue.slowing", True,
                             {"name": str(row["indicator"]),
                              "momentum": status_claim(row).facts.get("momentum", "")},
                             tone=RISK, subject=str(row["indicator"])))  # fmt: skip
    for claim in rank_claims:
        change = claim.facts.get("change")
        if claim.holds and isinstance(change, Phrase) and change.key.endswith(".down"):
            variant = claim.variant if claim.id == "doc.rank" else "published"
            out.append(Claim("doc.issue.rank_down", True, dict(claim.facts), variant=variant,
                             tone=WEAKNESS, subject=claim.subject))  # fmt: skip
    return out


def behind_claim(row: Mapping[str, Any], status: str, tone: str = RISK) -> Claim:
    """A target off track or at risk and why, without the growth it needs (下一步需关注 says
    that): a growth target's growth so far against the target and the effort the rest of the
    year needs (需小幅加快 / 需明显加快 / 难度很大); a cumulative target's completion against
    序时进度 (its reason); a rate against its target as it stands."""
    indicator, kind = str(row["indicator"]), str(row["progress_kind"])
    facts: dict[str, Any] = {"name": indicator, "period": row["period"]}
    if kind == "growth" and not _missing(row.get("effort")):
        facts |= {"ytd": float(row["ytd_value"]), "standing": standing_phrase(row),
                  "effort": Phrase(f"doc.effort.{row['effort']}")}  # fmt: skip
    elif kind == "point":
        facts |= {"value": value_amount(row), "clause": point_clause(row),
                  "compiled": status_claim(row).facts.get("compiled", "")}  # fmt: skip
    else:
        kind = "cumulative"
        facts["reason"] = status_claim(row)
    return Claim(f"doc.issue.{status}", True, facts, variant=kind, tone=tone, subject=indicator,
                 conditions=(status, str(row.get("effort") or row.get("reason"))))  # fmt: skip


def no_issue_claim(rows: Sequence[Mapping[str, Any]], issues: Sequence[Claim]) -> Claim:
    """Said only when no target with a figure is off track or at risk and nothing else is
    flagged: every target with a figure is on track."""
    annual = [r for r in rows if r.get("annual", True) is not False and has_figure(r)]
    period = max((r["period"] for r in annual), default=None,
                 key=lambda p: (p.year, p.end_month))  # fmt: skip
    return Claim("doc.issue.none", bool(annual) and not issues,
                 {"period": period, "n": len(annual)})  # fmt: skip


# -- 下一步需关注 ---------------------------------------------------------------------------------


def next_claims(rows: Sequence[Mapping[str, Any]], *, plan_year: int | None = None) -> list[Claim]:
    """What the next figures must show, for each target off track or at risk (in that order):
    the growth the rest of the year needs and the months left; the amount still to complete,
    the monthly pace that needs and the pace so far; a rate or stock to bring within its target.
    Then the targets still without figures (to collect). Never advice."""
    out: list[Claim] = []
    annual = [r for r in rows if r.get("annual", True) is not False]
    for status in ("off_track", "at_risk"):
        for row in (r for r in annual if r["status"] == status and has_figure(r)):
            claim = next_claim(row)
            if claim.holds:
                out.append(claim)
    missing = [str(r["indicator"]) for r in annual if r["status"] == "no_data"]
    if missing:
        out.append(Claim("next.no_data", True,
                         {"n": len(missing), "names": missing[:3], "year": plan_year},
                         variant="more" if len(missing) > 3 else ""))  # fmt: skip
    return out


def next_claim(row: Mapping[str, Any]) -> Claim:
    """What one target's next figures must show (see :func:`next_claims`); silent at year end
    (nothing is left to show) and for a target without a figure."""
    period = row.get("period")
    if not has_figure(row) or period is None or period.end_month >= MONTHS:
        return silent("doc.next", "no_months_left")
    indicator, kind = str(row["indicator"]), str(row["progress_kind"])
    left = MONTHS - int(period.end_month)
    facts: dict[str, Any] = {"name": indicator, "period": period, "months": left,
                             "goal": goal_phrase(goal_of(row, indicative=bool(row.get(
                                 "indicative"))))}  # fmt: skip
    if kind == "growth":
        need, ytd = float(row["required_growth"]), float(row["ytd_value"])
        latest = row.get("need_vs_latest")
        facts |= {"need": need, "fall": -need, "ytd": ytd, "extra": abs(shown(need) - shown(ytd)),
                  "latest": "" if _missing(latest) else _latest_phrase(row)}  # fmt: skip
        if row.get("target_kind") == "ceiling":
            variant = "ceiling"
        elif need < 0:
            variant = "can_fall"
        else:
            variant = "faster" if shown(need) > shown(ytd) else "hold"
        return Claim("doc.next.growth", True, facts, variant=variant, subject=indicator,
                     conditions=(variant,))  # fmt: skip
    if kind == "cumulative":
        value, target, unit = float(row["ytd_value"]), float(row["target"]), str(row["unit"])
        remaining = max(target - value, 0.0)
        per_month, so_far = remaining / left, value / int(period.end_month)
        decimals = max(value_amount(row).decimals or 0, decimals_of(per_month, cap=1))
        while (
            decimals < 2
            and per_month != so_far
            and (round_half_up(per_month, decimals) == round_half_up(so_far, decimals))
        ):  # shown apart when they differ: 2个 against 1.6个, not 2个 against 2个
            decimals += 1
        facts |= {"remaining": Amount(remaining, unit, value_amount(row).decimals),
                  "per_month": Amount(per_month, unit, decimals),
                  "so_far": Amount(so_far, unit, decimals)}  # fmt: skip
        variant = "faster" if per_month > so_far else "hold"
        return Claim("doc.next.cumulative", True, facts, variant=variant, subject=indicator,
                     conditions=(variant,))  # fmt: skip
    facts |= {"value": value_amount(row), "target": goal_of(row, commitment=None)}
    variant = "down" if row.get("target_kind") == "ceiling" else "up"
    return Claim("doc.next.point", True, facts, variant=variant, subject=indicator)


def _latest_phrase(row: Mapping[str, Any]) -> Phrase:
    """The growth needed against the latest single period (derived): 比三季度当季高1.5个百分点."""
    span = row["latest_span"]
    kind = span.kind if span.kind in ("quarter", "month") else "span"
    gap = float(row["need_vs_latest"])
    return Phrase(f"doc.next.latest.{'above' if gap > 0 else 'below'}",
                  {"span": Phrase(f"progress.span.{kind}", {"span": span}),
                   "gap": abs(gap)})  # fmt: skip


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


__all__ = [
    "GROUPS", "behind_claim", "directions_claim", "figure_claim", "group_of", "heading_claim",
    "issue_claims", "lead_row", "next_claim", "next_claims", "no_issue_claim",
    "published_rank_claim", "rank_claim", "status_lists_claim",
]  # fmt: skip
