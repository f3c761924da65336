"""Claims on the 进度监测 table: each row's reason, and what the table says as a whole.

``status_claim`` words one row of :func:`muye_analysis.progress.progress_table` from its reason
code and numbers (the rules of :mod:`muye_analysis.progress.rules` decide, this says why);
``tally_claim`` counts the statuses; ``status_list_claim`` names the targets in one status.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from muye_analysis.claims.base import NEUTRAL, RISK, STRENGTH, WEAKNESS, Amount, Claim, Phrase
from muye_analysis.claims.ytd import goal_of, verdict_phrase
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


def status_claim(row: Mapping[str, Any]) -> Claim:
    """Why a row has its status, as a claim ``progress.<reason>`` (its facts are the row's
    numbers). A row whose figure was derived (growth from the level and 上年同期) says so."""
    reason = str(row["reason"])
    goal = goal_of(row, commitment=None)
    facts: dict[str, Any] = {"period": row["period"]}
    variant = ""
    if reason.startswith("growth"):
        need = float(row["required_growth"])
        facts |= {"ytd": float(row["ytd_value"]), "need": need, "fall": -need,
                  "extra": need - float(row["ytd_value"])}  # fmt: skip
        variant = str(row["status"]) if reason == "growth_behind" else ""
    elif reason.startswith(("cumulative", "cap")):
        facts |= {"value": value_amount(row), "completion": float(row["completion_pct"]),
                  "elapsed": float(row["elapsed_pct"]), "gap": _number(row["gap"])}  # fmt: skip
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
                rate=row["measure"] in ("rate", "share"),
            ),
        }  # fmt: skip
        variant = "growth" if growth else "level"
    facts["derived"] = Phrase("progress.derived_note") if row.get("derived") else ""
    return Claim(f"{REASON}.{reason}", True, facts, variant=variant,
                 tone=TONE.get(str(row["status"]), NEUTRAL),
                 subject=str(row["indicator"]))  # fmt: skip


def tally_claim(table: Any) -> Claim:
    """How many targets are in each status: 25项目标中正常3项、预警0项、滞后3项、暂无数据19项."""
    counts = table["status"].value_counts()
    facts = {s: int(counts.get(s, 0)) for s in TONE} | {"n": len(table)}
    return Claim("progress.tally", len(table) > 0, facts)


def status_list_claim(table: Any, status: str, *, max_names: int = 4) -> Claim:
    """The targets in ``status`` by name (the first ``max_names``, then …)."""
    names = list(table.loc[table["status"] == status, "indicator"])
    shown = names[:max_names]
    facts = {"names": shown, "more": Phrase("more") if len(names) > max_names else ""}
    return Claim(f"progress.list.{status}", bool(names), facts, tone=TONE[status])


def _number(value: Any) -> float | None:
    import pandas as pd

    return None if value is None or pd.isna(value) else float(value)
