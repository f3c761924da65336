"""Claims on the 进度监测 table: each row's reason, and what the table says as a whole.

``status_claim`` words one row of :func:`muye_analysis.progress.progress_table` from its reason
code and numbers (the rules of :mod:`muye_analysis.progress.rules` decide, this says why);
``tally_claim`` counts the statuses of the annual targets; ``status_list_claim`` names the
targets in one status; ``momentum_phrase`` the latest single period (当季/当月) against the
growth before it; ``about_convention_claim`` the 左右 convention, said wherever a verdict is.

Vocabulary keys (strings.csv), for a writer building on these claims (the Word 经济运行分析):
``claim.progress.<reason>`` (a reason code of ``progress_table``; ``.plan`` when a cumulative
target is judged against a recorded plan curve; ``.growth`` / ``.level`` for R4), and the
phrases a reason holds: ``progress.momentum.<accelerating|slowing|steady>`` with
``progress.need_vs_latest.<above|below>`` and ``progress.span.<quarter|month|span>``,
``progress.prior_pace.<ahead|level|behind>`` (上年同期进度), ``progress.compiled_by.city.
<district_table|own>`` (whose unemployment figure), ``verdict_clause.[growth.|rate.]<verdict>
[.indicative]`` (R4), ``progress.derived_note``; ``claim.progress.tally`` with
``progress.tally_projects``; ``claim.progress.about_convention[.short]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from muye_analysis.claims.base import NEUTRAL, RISK, STRENGTH, WEAKNESS, Amount, Claim, Phrase
from muye_analysis.claims.ytd import goal_of, momentum_words, verdict_phrase
from muye_analysis.display import decimals_of

REASON = "progress"  # claim ids: progress.<reason code>
# The tone of a status on the closing slide.
TONE = {"on_track": STRENGTH, "at_risk": RISK, "off_track": WEAKNESS, "no_data": NEUTRAL}


def value_amount(row: Mapping[str, Any]) -> Amount:
    """The row's figure with its unit, at the decimals of the figure or the target (one at
    least for percentages): 150.5亿元, 6500人, 4.9%."""
    value, target, unit = float(row["ytd_value"]), float(row["target"]), str(row["unit"])
    decimals = max(decimals_of(value), decimals_of(target), 1 if unit == "%" else 0)
    return Amount(value, unit, decimals)


def momentum_phrase(row: Mapping[str, Any]) -> Phrase | str:
    """The latest single period against the growth before it, and against the growth the rest
    of the year needs: 三季度当季增长6.2%（推算），快于上半年累计1.2个百分点，增势加快；四季度所需
    增速比三季度当季高2.5个百分点. Empty when the row has no derived single period."""
    growth = _number(row.get("latest_growth"))
    if growth is None:
        return ""
    return momentum_words(row["latest_span"], growth, row["previous_period"],
                          float(row["previous_growth"]), str(row["momentum"]),
                          need_vs_latest=_number(row.get("need_vs_latest")),
                          period=row["period"])  # fmt: skip


def status_claim(row: Mapping[str, Any]) -> Claim:
    """Why a row has its status, as a claim ``progress.<reason>`` (its facts are the row's
    numbers). A row whose figure was derived (growth from the level and 上年同期) says so; a
    figure the district does not compile says whose it is."""
    reason = str(row["reason"])
    goal = goal_of(row, commitment=None)
    facts: dict[str, Any] = {"period": row["period"]}
    variant = ""
    if reason.startswith("growth"):
        need = float(row["required_growth"])
        facts |= {"ytd": float(row["ytd_value"]), "need": need, "fall": -need,
                  "extra": need - float(row["ytd_value"]),
                  "momentum": momentum_phrase(row)}  # fmt: skip
    elif reason.startswith(("cumulative", "cap")):
        facts |= {"value": value_amount(row), "completion": float(row["completion_pct"]),
                  "elapsed": float(row["elapsed_pct"]), "gap": _number(row["gap"]),
                  "prior": _prior_pace(row)}  # fmt: skip
        variant = "plan" if row.get("pace_reference") == "plan" else ""
    elif reason.startswith("point"):
        key = "goal_point.indicative" if row.get("indicative") else "goal_point"
        facts |= {"value": value_amount(row), "goal": Phrase(key, {"goal": goal})}
        if reason in ("point_short", "point_over"):
            share = _number(row["gap_share"])
            facts["miss"] = (
                Phrase("miss.points", {"gap": _number(row["gap"])})
                if share is None
                else Phrase("miss.share", {"share": share})
            )
    elif reason.startswith("year"):
        growth = row["progress_kind"] == "growth"
        facts |= {
            "ytd": float(row["ytd_value"]),
            "value": value_amount(row),
            "clause": verdict_phrase(
                str(row["verdict"]), float(row["ytd_value"]), float(row["target"]),
                goal, indicative=bool(row.get("indicative")),
                rate=row["measure"] in ("rate", "share"), growth=growth,
                tolerance=_number(row.get("about_tolerance")) or 0.0,
            ),
        }  # fmt: skip
        variant = "growth" if growth else "level"
    elif reason == "project_size":
        value = _number(row.get("ytd_value"))
        shown = (
            "" if value is None else Phrase("progress.project_value", {"value": value_amount(row)})
        )
        facts |= {"goal": goal, "value": shown}
    derived = row.get("derived")
    facts["derived"] = "" if _missing(derived) or not derived else Phrase("progress.derived_note")
    facts["compiled"] = _compiled_by(row)
    return Claim(f"{REASON}.{reason}", True, facts, variant=variant,
                 tone=TONE.get(str(row["status"]), NEUTRAL),
                 subject=str(row["indicator"]))  # fmt: skip


def _prior_pace(row: Mapping[str, Any]) -> Phrase | str:
    """上年同期进度 beside 序时进度: 与上年同期进度（68.6%）基本持平 / 快于… / 慢于…"""
    prior = _number(row.get("prior_pace_pct"))
    if prior is None or _missing(row.get("prior_pace_code")):
        return ""
    gap = abs(float(row["completion_pct"]) - prior)
    return Phrase(f"progress.prior_pace.{row['prior_pace_code']}", {"prior": prior, "gap": gap})


def _compiled_by(row: Mapping[str, Any]) -> Phrase | str:
    """Whose figure a target the district does not compile is judged on (城镇调查失业率)."""
    from muye_analysis.config import DISTRICT_ZH

    who = row.get("compiled_by")
    if who in (None, "district") or row.get("period") is None:
        return ""
    table = _missing(row.get("figure_area")) or row.get("figure_area") == DISTRICT_ZH
    return Phrase(f"progress.compiled_by.{who}.{'district_table' if table else 'own'}")


def tally_claim(table: Any, *, projects: bool = True) -> Claim:
    """How many annual targets are in each status: 23项年度目标中正常3项、预警0项、滞后3项、暂无
    数据17项；另有2项为项目总投资（项目规模），不计入 (that last clause unless ``projects`` is
    False). A project's size is no annual target."""
    annual = table[table["annual"].fillna(True).astype(bool)] if "annual" in table else table
    counts = annual["status"].value_counts()
    facts = {s: int(counts.get(s, 0)) for s in TONE} | {"n": len(annual)}
    facts["projects"] = (
        Phrase("progress.tally_projects", {"k": len(table) - len(annual)})
        if projects and len(table) > len(annual)
        else ""
    )
    return Claim("progress.tally", len(table) > 0, facts)


def status_list_claim(table: Any, status: str, *, max_names: int = 4) -> Claim:
    """The annual targets in ``status`` by name (the first ``max_names``, then …)."""
    annual = table[table["annual"].fillna(True).astype(bool)] if "annual" in table else table
    names = list(annual.loc[annual["status"] == status, "indicator"])
    shown = names[:max_names]
    facts = {"names": shown, "more": Phrase("more") if len(names) > max_names else ""}
    return Claim(f"progress.list.{status}", bool(names), facts, tone=TONE[status])


def about_convention_claim(*, short: bool = False) -> Claim:
    """The 左右 convention, said wherever a verdict is shown (no official tolerance exists);
    ``short``: in one line, for a slide."""
    from muye_analysis.targets import ABOUT_TOLERANCE_PP, ABOUT_TOLERANCE_REL

    return Claim("progress.about_convention", True,
                 {"tol": ABOUT_TOLERANCE_PP, "rel": ABOUT_TOLERANCE_REL * 100},
                 variant="short" if short else "")  # fmt: skip


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _number(value: Any) -> float | None:
    return None if _missing(value) else float(value)
