"""What the briefing leads and closes with, assembled from the other claims.

The latest data speak first: with year-to-date figures of the plan year (a 进度监测 table with
any status but ``no_data``), 总体判断 and the closing slide lead with the period — which targets
are 正常 / 预警 / 滞后 and why, the growth the rest of the year needs, achievements as well as
risks; the report's year follows. Without them, the report's year speaks.

* 亮点 (strengths): a target met or on track, a top-third rank, an achievement the report states;
* 短板 (weaknesses): a target missed or off track, a bottom-third rank;
* 风险 (risks): a target at risk, a steep acceleration the plan asks for, a question of 口径;
* 下一步需关注: what to watch next, computed from the same claims (never policy advice).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from muye_analysis.claims import plan, report
from muye_analysis.claims.base import RISK, STRENGTH, WEAKNESS, Amount, Claim
from muye_analysis.claims.progress import TONE, status_claim, tally_claim, value_amount
from muye_analysis.claims.ytd import gap_claim

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.periods import Period
    from muye_analysis.targets import YtdGap

MAX_SUMMARY = 5  # sentences on the 总体判断 slide
MAX_ITEMS = 4  # items per line of the closing slide


@dataclass(frozen=True)
class Latest:
    """What the year-to-date store says about the plan year: the 进度监测 table (real figures
    only) and the headline gaps, at ``period``; empty when the store has none."""

    period: Period | None = None
    table: pd.DataFrame | None = None
    gaps: tuple[YtdGap, ...] = field(default_factory=tuple)

    @property
    def speaks(self) -> bool:
        """Whether the latest data have anything to say (any target with a figure)."""
        return self.table is not None and bool((self.table["status"] != "no_data").any())

    def rows(self, *statuses: str) -> list[dict[str, Any]]:
        """The table's annual targets in ``statuses``, in the report's order (a project's
        size is no annual target: never listed as lacking data)."""
        if self.table is None:
            return []
        return [r for r in self.table.to_dict("records")
                if r["status"] in statuses and r.get("annual", True) is not False]  # fmt: skip


def upto(store: pd.DataFrame, period: Period | None) -> pd.DataFrame:
    """The store's rows published by ``period`` (its year's later months and later years left
    out), so that analysing 1-6月 never sees 1-9月; all rows when ``period`` is None."""
    if period is None or store.empty:
        return store
    year, month = store["year"].astype(int), store["end_month"].astype(int)
    return store[(year < period.year) | ((year == period.year) & (month <= period.end_month))]


# -- 总体判断 --------------------------------------------------------------------------------


def summary_claims(data: Any, latest: Latest, *, frame_size: int) -> list[Claim]:
    """The 总体判断: with year-to-date data, the period first (the tally, the targets behind
    and why, those on track), then the district's size; otherwise the report's year."""
    if latest.speaks:
        behind = [g for g in latest.gaps if _behind(latest, g.indicator) and g.required is not None]
        worst = max(behind, key=lambda g: float(g.required) - g.ytd, default=None)
        claims = [
            period_tally_claim(latest),
            list_claim(latest, "off_track"),
            *([gap_claim(worst)] if worst is not None else []),  # why: the steepest ask
            list_claim(latest, "at_risk"),
            list_claim(latest, "on_track"),  # achievements as well as risks
            report.scale_claim(data),
        ]
    else:
        claims = [
            Claim("ytd.none", latest.period is not None, {"period": latest.period}),
            report.scale_claim(data),
            *report.attainment_summary_claims(),  # with two reports: last year's targets
            report.ranks_claim(data, frame_size=frame_size),
            report.targets_claim(data),
            plan.investment_claim(data),
            report.missing_claim(data),
        ]
    return [c for c in claims if c.holds][:MAX_SUMMARY]


def summary_title_claim(data: Any, latest: Latest) -> Claim:
    """The 总体判断 slide's title: the period's tally, or how the targets compare with last
    year's growth (the period asked for, when it has no figures yet)."""
    if latest.speaks:
        return Claim("title.summary.ytd", True, _tally_facts(latest))
    if latest.period is not None:
        return Claim("title.summary.none", True, {"period": latest.period})
    targets = report.targets_claim(data)
    if targets.holds:
        return Claim("title.summary.report", True, dict(targets.facts), variant=targets.variant)
    return Claim("title.summary.plain", True, {})


def period_tally_claim(latest: Latest) -> Claim:
    """'YYYY年1-9月，25项目标中正常3项、预警0项、滞后3项、暂无数据19项。'"""
    return Claim("ytd.tally", latest.speaks, _tally_facts(latest))


def list_claim(latest: Latest, status: str, *, exclude: list[str] = ()) -> Claim:
    """The targets in ``status`` by name (those already said, ``exclude``, left out)."""
    names = [r["indicator"] for r in latest.rows(status) if r["indicator"] not in exclude]
    shown = names[:MAX_ITEMS]
    facts = {"names": shown, "n": len(names), "period": latest.period,
             "more": len(names) > MAX_ITEMS}  # fmt: skip
    return Claim(f"ytd.list.{status}", bool(names), facts, variant="more" if facts["more"] else "",
                 tone=TONE[status])  # fmt: skip


def _tally_facts(latest: Latest) -> dict[str, Any]:
    return dict(tally_claim(latest.table).facts) | {"period": latest.period}


def _behind(latest: Latest, indicator: str) -> bool:
    return any(r["indicator"] == indicator for r in latest.rows("off_track", "at_risk"))


# -- 亮点 / 短板 / 风险 ---------------------------------------------------------------------


def closing_items(data: Any, latest: Latest, *, frame_size: int) -> dict[str, list[Claim]]:
    """Items for 亮点 (strength), 短板 (weakness) and 风险 (risk), the latest data first; one
    mention per indicator."""
    items: dict[str, list[Claim]] = {STRENGTH: [], WEAKNESS: [], RISK: []}
    said: set[tuple[str, str]] = set()

    def add(claim: Claim) -> None:
        key = (claim.tone, claim.subject or claim.id)
        if claim.holds and claim.tone in items and key not in said:
            said.add(key)
            items[claim.tone].append(claim)

    for row in latest.rows("on_track", "off_track", "at_risk"):
        add(ytd_item_claim(row, latest.period))
    for claim in report.attainment_claims():
        add(claim)
    for claim in report.rank_item_claims(data, frame_size=frame_size):
        add(claim)
    for claim in report.achievement_claims(data):
        add(claim)
    if not latest.speaks:  # the plan's asks, until the year's own figures speak
        for claim in report.gap_risk_claims(data):
            add(claim)
    revenue = plan.revenue_claim(data)
    if revenue.holds and revenue.variant == "little_room":
        add(Claim("item.tax", True, {"need": revenue.facts["need"]}, tone=RISK))
    missing = report.missing_claim(data, "item.missing")
    add(missing)
    return items  # every item; the slide shows the first MAX_ITEMS of each and says how many


def ytd_item_claim(row: dict[str, Any], period: Period | None) -> Claim:
    """One target on the closing slide as the latest figure stands: growth so far against the
    target, completion against time elapsed, or the figure against the target."""
    from muye_analysis.claims.ytd import goal_of
    from muye_analysis.targets import is_indicative

    kind = str(row["progress_kind"])
    target = goal_of(row, indicative=is_indicative(row["indicator"]))
    facts: dict[str, Any] = {"indicator": row["indicator"], "period": row["period"] or period,
                             "goal": target}  # fmt: skip
    if kind == "growth":
        facts |= {"ytd": float(row["ytd_value"])}
    elif kind == "cumulative":
        facts |= {"completion": float(row["completion_pct"]), "elapsed": float(row["elapsed_pct"])}
    else:
        facts |= {"value": value_amount(row)}
    return Claim("item.ytd", True, facts, variant=kind, tone=TONE[str(row["status"])],
                 subject=str(row["indicator"]))  # fmt: skip


def closing_title_claim(items: dict[str, list[Claim]], latest: Latest) -> Claim:
    """The closing slide's title: how many strengths, weaknesses and risks, with the period
    when the latest data speak."""
    facts = {tone: len(claims) for tone, claims in items.items()} | {"period": latest.period}
    return Claim("title.closing", True, facts, variant="ytd" if latest.speaks else "report")


# -- 下一步需关注 ------------------------------------------------------------------------------


def next_step_claims(data: Any, latest: Latest) -> list[Claim]:
    """What to watch next, from the claims: the growth and progress the targets behind still
    need, the questions of 口径 to check, the figures still missing. Never advice."""
    out: list[Claim] = []
    for row in latest.rows("off_track", "at_risk"):
        out.append(next_progress_claim(row))
    if not latest.speaks:
        out.append(Claim("next.no_ytd", True, {"target": _plan_year(data)}))
        out += [Claim("next.gap", True, dict(c.facts), subject=c.subject)
                for c in report.gap_risk_claims(data)]  # fmt: skip
    out += [c for c in plan.plan_claims(data) if c.holds and c.caveat]
    no_data = latest.rows("no_data") if latest.speaks else []
    if no_data:
        names = [r["indicator"] for r in no_data]
        out.append(Claim("next.no_data", True,
                         {"n": len(names), "names": names[:3], "year": _plan_year(data)},
                         variant="more" if len(names) > 3 else ""))  # fmt: skip
    missing = report.missing_claim(data, "next.missing")
    out.append(missing)
    return [c for c in out if c.holds]


def next_title_claim(claims: list[Claim], latest: Latest) -> Claim:
    """The 下一步需关注 slide's title: how many targets to follow, questions of 口径 to check
    and figures missing."""
    progress = sum(c.id.startswith(("next.growth", "next.cumulative", "next.point", "next.gap"))
                   for c in claims)  # fmt: skip
    questions = sum(1 for c in claims if c.caveat)
    gaps = sum(c.id in ("next.no_data", "next.missing", "next.no_ytd") for c in claims)
    facts = {"progress": progress, "questions": questions, "data": gaps, "period": latest.period}
    return Claim("title.next", True, facts, variant="ytd" if latest.speaks else "report")


def next_progress_claim(row: dict[str, Any]) -> Claim:
    """What a target behind needs: the growth for the rest of the year, the amount still to
    complete, or the gap to close."""
    kind = str(row["progress_kind"])
    facts: dict[str, Any] = {"indicator": row["indicator"], "period": row["period"]}
    if kind == "growth" and row.get("required_growth") is not None:
        need = float(row["required_growth"])
        facts |= {"need": need, "ytd": float(row["ytd_value"]),
                  "extra": need - float(row["ytd_value"])}  # fmt: skip
        return Claim("next.growth", True, facts, subject=str(row["indicator"]))
    if kind == "cumulative":
        remaining = float(row["target"]) - float(row["ytd_value"])
        facts |= {"gap": float(row["gap"]) if row["gap"] is not None else 0.0,
                  "remaining": Amount(remaining, str(row["unit"]),
                                      value_amount(row).decimals)}  # fmt: skip
        return Claim("next.cumulative", True, facts, subject=str(row["indicator"]))
    return Claim("next.point", True, facts | {"reason": status_claim(row)},
                 subject=str(row["indicator"]))  # fmt: skip


def _plan_year(data: Any) -> int:
    from muye_analysis.reports import years_of

    return years_of(data.targets)[1]


__all__ = ["Latest", "closing_items", "next_step_claims", "summary_claims"]
