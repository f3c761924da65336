"""The takeaway of each report chart, as a claim computed from the same view the chart draws.

Each returns the numbers its sentence says and holds only when the view has them; the title
of a chart's slide is the same claim in its short form (``title.<id>``). Rates and shares are
never in the ratio chart of task targets (a ratio of two rates means nothing), and growth
rates are compared only with the same indicator's (same price basis).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from muye_analysis import config
from muye_analysis.claims.base import Amount, Claim, Phrase, silent
from muye_analysis.claims.ytd import goal_of

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.forecast.presentation import FanFacts


def _years(view: pd.DataFrame) -> dict[str, int]:
    from muye_analysis.reports import years_of

    base, plan = years_of(view)
    return {"base": base, "target": plan}


def _row(row: Any) -> dict[str, Any]:
    """An indicator's names as a view carries them (the renderer's ``name`` spec reads them)."""
    keys = ("indicator", "short_zh", "short_en", "name_zh", "name_en")
    return {k: row[k] for k in keys if k in row}


def scorecard_claim(rankings: pd.DataFrame, *, frame_size: int = 13) -> Claim:
    """The best and the worst numeric rank among county-level units (standings and ranks among
    projects left out, as on the scorecard; ties keep the report's order)."""
    from muye_analysis.views import rank_view

    view = rank_view(rankings, frame_size)
    ranked = view[view["kind"] == "rank"].reset_index(drop=True)
    if ranked.empty:
        return silent("chart.scorecard", "no_numeric_rank")
    ranks = ranked["rank"].astype(int)
    best, worst = ranked.loc[ranks.idxmin()], ranked.loc[ranks.idxmax()]
    facts = {"best": _row(best), "best_on": str(best["ranked_on"]), "best_rank": int(best["rank"]),
             "worst": _row(worst), "worst_on": str(worst["ranked_on"]),
             "worst_rank": int(worst["rank"])}  # fmt: skip
    return Claim("chart.scorecard", True, facts)


def city_claim(indicators: pd.DataFrame, context: pd.DataFrame, registry: pd.DataFrame) -> Claim:
    """Shares of the city's totals, and the largest growth difference from the city (each
    indicator against the city's growth of the same indicator: the same price basis)."""
    from muye_analysis.views import city_view

    view = city_view(indicators, context, registry)
    with_share = view[view["share_pct"].notna()]
    shares = [Phrase("city_share_item", {"name": _row(r), "share": float(r["share_pct"])})
              for _, r in with_share.iterrows()]  # fmt: skip
    both = view[view["muye_growth"].notna() & view["city_growth"].notna()]
    facts: dict[str, Any] = {"shares": shares, **_years(view), "growth": ""}
    if len(both):
        diff = (both["muye_growth"] - both["city_growth"]).astype(float)
        row = both.loc[diff.abs().idxmax()]
        d = float(row["muye_growth"]) - float(row["city_growth"])
        side = "equal" if abs(d) < 1e-9 else "below" if d < 0 else "above"
        facts["growth"] = Phrase(f"city_growth.{side}", {
            "name": _row(row), "muye": float(row["muye_growth"]),
            "city": float(row["city_growth"])})  # fmt: skip
    if not shares and not facts["growth"]:
        return silent("chart.city", "nothing_to_compare")
    variant = "both" if shares and facts["growth"] else "shares" if shares else "growth"
    return Claim("chart.city", True, facts, variant=variant)


def growth_gap_claim(targets: pd.DataFrame) -> Claim:
    """The largest gap (either way) between a growth target and the same indicator's growth
    last year, and the growth rates the report does not state."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(targets)
    with_gap = view[view["gap_pp"].notna()]
    missing = [_row(r) for _, r in view[view["actual"].isna()].iterrows()]
    facts: dict[str, Any] = {**_years(view), "missing": ""}
    if missing:
        facts["missing"] = Phrase("gap_missing", {"names": missing, **_years(view)})
    if with_gap.empty:
        return Claim("chart.growth_gap", bool(missing), facts, variant="missing_only")
    row = with_gap.loc[with_gap["gap_pp"].astype(float).abs().idxmax()]
    gap = float(row["gap_pp"])
    facts |= {"name": _row(row), "goal": goal_of(row), "actual": float(row["actual"]),
              "gap": gap}  # fmt: skip
    return Claim("chart.growth_gap", True, facts, variant="above" if gap >= 0 else "below")


def projection_claim(
    indicators: pd.DataFrame, targets: pd.DataFrame, *, deflator_pct: float | None = None
) -> Claim:
    """The plan-year levels the growth targets imply, rounded as the chart labels them; a
    real target's level is at base-year prices and says so."""
    from muye_analysis.views import projection_view

    view = projection_view(indicators, targets, deflator_pct=deflator_pct)  # raises if empty
    items = []
    for _, row in view.iterrows():
        digits = _decimals(float(row["base"]))
        items.append(Phrase(
            "projection_item.base_prices" if bool(row["at_base_prices"]) else "projection_item",
            {"name": _row(row), "bound": str(row["bound"]), **_years(view),
             "value": Amount(float(row["projected"]), str(row["unit"]), digits)},
        ))  # fmt: skip
    return Claim("chart.projection", bool(items), {"items": items, **_years(view)})


def tasks_claim(targets: pd.DataFrame) -> Claim:
    """How many task targets with a comparable outcome are below last year's outcome, and the
    lowest and highest ratio (levels and counts only: no rates)."""
    from muye_analysis.views import task_target_view

    view = task_target_view(targets)  # sorted by ratio, largest first
    if view.empty:
        return silent("chart.tasks", "no_comparable_task")
    ratios = view["ratio_pct"].astype(float)
    high, low = view.iloc[0], view.iloc[-1]
    facts = {**_years(view), "n": len(view), "below": int((ratios < 100 - 1e-9).sum()),
             "low": _row(low), "low_ratio": float(low["ratio_pct"]),
             "high": _row(high), "high_ratio": float(high["ratio_pct"])}  # fmt: skip
    return Claim("chart.tasks", True, facts)


def title_claim(claim: Claim) -> Claim:
    """The short form of a chart's takeaway, for its slide's title (``title.<id>``): the first
    share or the first projected level only, where the takeaway lists several."""
    facts = dict(claim.facts)
    for listed in ("shares", "items"):
        if facts.get(listed):
            facts["first"] = facts[listed][0]
    return Claim(f"title.{claim.id}", claim.holds, facts, variant=claim.variant)


def fan_claim(facts: FanFacts, goal: Mapping[str, Any] | None = None,
              indicator: str | None = None) -> Claim:  # fmt: skip
    """The forecast's year, mean and 80% interval and, over a backtest of at least
    ``presentation.MIN_BACKTEST_ORIGINS`` origins, the chance of meeting the target in coarse
    words (variant ``band``: ``band`` is likely / possible / unlikely; the number is only in
    the notes). With fewer origins the sentence says it does not judge the target
    (``no_band``); without a target, the forecast alone (``no_target``). ``goal`` is the target
    as ``claims.ytd.goal_of`` gives it; ``indicator`` names the series (for the title)."""
    low, high = facts.interval_80
    said = {"year": facts.year, "mean": facts.mean, "low": low, "high": high,
            "name": indicator, "goal": goal, "need": facts.min_origins}  # fmt: skip
    if facts.target is None or goal is None:
        return Claim("chart.fan", True, said, variant="no_target", conditions=("no_target",))
    if facts.band is None:
        why = "no_backtest" if not facts.has_backtest else "few_origins"
        return Claim("chart.fan", True, said, variant="no_band", conditions=(why,))
    said["band"] = facts.band
    return Claim("chart.fan", True, said, variant="band", conditions=(facts.band,))


def fan_notes(
    facts: FanFacts, goal: Mapping[str, Any] | None = None, *, area: str | None = None
) -> list[Claim]:
    """The fan slide's speaker notes, each a claim that holds only when its element is there:
    what the panels draw, the chance of the target in numbers (over enough backtest origins;
    else why there is none), the methods' weights, the two-year basis after an abnormal year,
    how the interval was scaled, the anchored forecast and the scenarios' arithmetic. ``area``
    is the forecast series' own area as the data name it (default: the district)."""
    notes = [Claim("fan_note.drawn", True, {"k": len(facts.scenarios)},
                   variant="anchored" if "anchored" in facts.drawn else "")]  # fmt: skip
    with_target = facts.target is not None and goal is not None
    notes.append(Claim("fan_note.probability", with_target and facts.probability is not None,
                       {"goal": goal, "p": facts.probability,
                        "n": facts.backtest_origins}))  # fmt: skip
    notes.append(Claim("fan_note.no_probability", with_target and facts.probability is None,
                       {"n": facts.backtest_origins, "need": facts.min_origins},
                       variant="" if facts.has_backtest else "no_backtest"))  # fmt: skip
    ranked = sorted(facts.weights.items(), key=lambda item: -item[1])
    weights = [Phrase("fan.weight", {"method": m, "w": w, "value": facts.candidates[m]})
               for m, w in ranked if m in facts.candidates]  # fmt: skip
    notes.append(Claim("fan_note.method", bool(weights), {"weights": weights}))
    notes.append(Claim("fan_note.basis", facts.basis_years > 1,
                       {"years": list(facts.abnormal_years), "k": facts.basis_years,
                        "reference": facts.reference_year}))  # fmt: skip
    notes.append(Claim("fan_note.scale", facts.scale is not None and facts.prior_scale is not None,
                       {"scale": facts.scale, "n": facts.scale_errors, "prior": facts.prior_scale},
                       variant="" if facts.scale_errors else "prior"))  # fmt: skip
    notes.append(_anchored_note(facts, area or config.DISTRICT_ZH))
    notes.append(Claim("fan_note.scenarios", bool(facts.scenarios),
                       {"source": facts.weights_source}))  # fmt: skip
    return notes


def _anchored_note(facts: FanFacts, own: str) -> Claim:
    now = facts.anchored
    if now is None or not now.gap_years:
        return silent("fan_note.anchored", "no_anchored_forecast")
    said = {"area": facts.wider_area, "own": own, "wider": now.wider_mean, "gap": now.gap_mean,
            "first": min(now.gap_years), "last": max(now.gap_years)}  # fmt: skip
    return Claim("fan_note.anchored", True, said,
                 variant="one_year" if len(now.gap_years) == 1 else "")  # fmt: skip


def _decimals(value: float) -> int:
    """Decimals of ``value`` as the report prints it (232.1 → 1, 10.74 → 2), 1 to 2 — the same
    rounding as the projection chart's labels."""
    shown = f"{value:.2f}".rstrip("0")
    return min(2, max(1, len(shown.split(".")[1])))
