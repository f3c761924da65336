"""Claims on the report alone: the district's size, its ranks, its targets against last year,
what the report leaves out, and the takeaways of the report's charts.

Each function takes the curated tables (``data``: an object with ``indicators``, ``targets``,
``rankings``, ``registry`` and ``context``, such as ``briefing.catalogue.ReportData``) and
returns a :class:`~muye_analysis.claims.base.Claim`: numbers, indicator ids and codes, and
whether it may be said. Nothing here is worded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from muye_analysis.claims.base import (
    RISK,
    STRENGTH,
    WEAKNESS,
    Amount,
    Claim,
    silent,
)
from muye_analysis.claims.ytd import goal_of

if TYPE_CHECKING:
    import pandas as pd

HEADLINE_LEVEL = "gdp"  # the district's size: level, rank and share of the city


# -- numbers ----------------------------------------------------------------------------------


def base_year(data: Any) -> int:
    """The year the report's outcomes are of (its origin record)."""
    from muye_analysis.reports import years_of

    return years_of(data.targets)[0]


def actual_row(data: Any, indicator: str, measure: str) -> pd.Series | None:
    """The base year's published row of ``indicator`` (``measure``), or None if not stated."""
    ind = data.indicators
    rows = ind[(ind["indicator"] == indicator) & (ind["period"] == base_year(data))
               & (ind["kind"] == "actual") & (ind["measure"] == measure)]  # fmt: skip
    if "stage" in rows:
        rows = rows[rows["stage"].isna()]
    return None if rows.empty else rows.iloc[0]


def actual(data: Any, indicator: str, measure: str) -> float | None:
    """The base year's published value of ``indicator`` (``measure``), or None."""
    row = actual_row(data, indicator, measure)
    return None if row is None else float(row["value"])


def published(row: Any) -> Amount:
    """A published figure with the decimals it is printed with (2.0% keeps its 0; 27% none)."""
    import re

    printed = str(row.get("printed") or "")
    match = re.search(r"\d+(?:\.(\d+))?", printed)
    decimals = len(match.group(1) or "") if match else None
    return Amount(float(row["value"]), str(row.get("unit") or "%"), decimals)


def target_row(data: Any, indicator: str) -> pd.Series | None:
    """The plan year's target of ``indicator`` (its first row), or None."""
    rows = data.targets[data.targets["indicator"] == indicator]
    return None if rows.empty else rows.iloc[0]


def goal(row: Any) -> dict[str, Any]:
    """A target row as the renderer's ``goal`` (with whether it is a 预期目标)."""
    from muye_analysis.targets import is_indicative

    return goal_of(row, indicative=is_indicative(str(row["indicator"])))


def ranked(data: Any, frame_size: int) -> pd.DataFrame:
    """Numeric ranks among the city's county-level units, with their third of the frame."""
    from muye_analysis.views import rank_view

    view = rank_view(data.rankings, frame_size)
    return view[view["kind"] == "rank"].reset_index(drop=True)


def rank_facts(row: Any) -> dict[str, Any]:
    """What a rank claim shows of one rank: the indicator, what is ranked, the rank, its third."""
    return {"indicator": str(row["indicator"]), "on": str(row["ranked_on"]),
            "rank": int(row["rank"]), "third": str(row["third"])}  # fmt: skip


# -- the district ------------------------------------------------------------------------------


def scale_claim(data: Any) -> Claim:
    """The size of the district: its GDP level, rank and share of the city, e.g.
    YYYY年地区生产总值232.1亿元，总量居全市第5位，占全市6.9%。 (the share only with the city's
    figures of the base year)."""
    from muye_analysis.errors import MissingYear
    from muye_analysis.views import city_view

    level = actual(data, HEADLINE_LEVEL, "level")
    rank = actual(data, HEADLINE_LEVEL, "rank")
    if level is None or rank is None:
        return silent("report.scale", "no_level_or_rank")
    facts = {"name": HEADLINE_LEVEL, "year": base_year(data), "level": level, "rank": int(rank)}
    try:
        view = city_view(data.indicators, data.context, data.registry).set_index("indicator")
        share = view["share_pct"].get(HEADLINE_LEVEL)
    except MissingYear:  # no city figures for the base year: the share is not said
        share = None
    if share is None or _missing(share):
        return Claim("report.scale", True, facts, variant="no_share")
    return Claim("report.scale", True, facts | {"share": float(share)}, variant="share")


def ranks_claim(data: Any, *, frame_size: int) -> Claim:
    """The best and the worst numeric rank, and whether they fall in different thirds of the
    stated frame: 有强有弱 only then (``mixed``); ``same`` names the one third they share;
    ``single`` when the report gives one rank."""
    ranks = ranked(data, frame_size)
    if ranks.empty:
        return silent("report.ranks", "no_numeric_rank")
    order = ranks["rank"].astype(int)
    best, worst = ranks.loc[order.idxmin()], ranks.loc[order.idxmax()]
    facts = {"best": rank_facts(best), "worst": rank_facts(worst), "frame": frame_size,
             "best_third": str(best["third"]), "worst_third": str(worst["third"])}  # fmt: skip
    if len(ranks) == 1:
        return Claim("report.ranks", True, facts, variant="single")
    variant = "mixed" if best["third"] != worst["third"] else "same"
    return Claim("report.ranks", True, facts, variant=variant,
                 conditions=(f"best_{best['third']}", f"worst_{worst['third']}"))  # fmt: skip


def targets_claim(data: Any) -> Claim:
    """How the plan year's headline growth targets compare with the base year's growth (same
    indicator, same price basis): ``all_up``, ``some_up`` or ``none_up``, with the widest gap
    (or, when none is above, the closest)."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(data.targets)
    with_gap = view[view["gap_pp"].notna()]
    if with_gap.empty:
        return silent("report.targets", "no_comparable_growth")
    gaps = with_gap["gap_pp"].astype(float)
    row = with_gap.loc[gaps.idxmax()]
    up = int((gaps > 0).sum())
    variant = "all_up" if up == len(with_gap) else "some_up" if up else "none_up"
    facts = {"n": len(with_gap), "up": up, "name": str(row["indicator"]), "goal": goal(row),
             "actual": float(row["actual"]), "gap": float(row["gap_pp"]),
             "base": int(row["base_year"]), "target": int(row["plan_year"])}  # fmt: skip
    return Claim("report.targets", True, facts, variant=variant)


def missing_claim(data: Any, claim_id: str = "report.missing") -> Claim:
    """Headline growth rates the report leaves out for the base year (never filled in)."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(data.targets)
    missing = [str(i) for i in view.loc[view["actual"].isna(), "indicator"]]
    facts = {"names": missing, "base": int(view["base_year"].iloc[0]),
             "target": int(view["plan_year"].iloc[0])}  # fmt: skip
    return Claim(claim_id, bool(missing), facts, tone=RISK)


def dataset_claim(data: Any) -> Claim:
    """How many indicators, outcomes, targets and derived values the dataset holds."""
    kinds = data.indicators["kind"].astype(str).value_counts()
    facts = {"n": int(data.indicators["indicator"].nunique())}
    facts |= {k: int(kinds.get(k, 0)) for k in ("actual", "target", "derived")}
    return Claim("report.dataset", True, facts)


# -- 亮点 and 短板 of the report year -----------------------------------------------------------


def rank_item_claims(data: Any, *, frame_size: int) -> list[Claim]:
    """A strength per top-third rank, a weakness per bottom-third rank (of the stated frame)."""
    out = []
    for _, row in ranked(data, frame_size).iterrows():
        third = str(row["third"])
        if third == "middle":
            continue
        out.append(Claim("item.rank", True, rank_facts(row) | {"year": base_year(data)},
                         tone=STRENGTH if third == "top" else WEAKNESS,
                         subject=str(row["indicator"])))  # fmt: skip
    return out


def achievement_claims(data: Any) -> list[Claim]:
    """Achievements the report states: a plan completion rate at or above 100% (投资完成率
    104.6%), and outcomes in a sentence saying the targets were over-fulfilled (…均超额完成目标
    任务), found in the report's own text by the outcome's quote."""
    from muye_analysis import schema

    ind = data.indicators
    year = base_year(data)
    actuals = ind[(ind["kind"] == "actual") & (ind["period"] == year)]
    out = []
    rates = actuals[actuals["indicator"].astype(str).str.endswith(schema.COMPLETION_SUFFIXES)
                    & (actuals["measure"] == "rate")]  # fmt: skip
    for _, row in rates[rates["value"].astype(float) > 100].iterrows():
        out.append(Claim("item.completion", True,
                         {"indicator": str(row["indicator"]), "value": float(row["value"])},
                         tone=STRENGTH, subject=str(row["indicator"])))  # fmt: skip
    sentences = _report_sentences(data)
    for _, row in actuals.iterrows():
        quote = str(row.get("quote") or "")
        said = [s for s in sentences if quote and quote in s]
        if said and any(word in said[0] for word in schema.OVER_FULFILLED_WORDS):
            out.append(Claim("item.over_fulfilled", True,
                             {"indicator": str(row["indicator"]),
                              "value": Amount(float(row["value"]), str(row["unit"]))},
                             tone=STRENGTH, subject=str(row["indicator"])))  # fmt: skip
    return out


def attainment_claims() -> list[Claim]:
    """With two reports: each of last year's targets met (a strength) or missed (a weakness),
    judged by its qualifier; not comparable ones are left out."""
    from muye_analysis.attainment import attainment_table
    from muye_analysis.reports import list_reports

    if len(list_reports()) < 2:
        return []
    table = attainment_table()
    out = []
    for row in table.to_dict("records"):
        if row["status"] == "not_comparable":
            continue
        met = row["status"] == "met"
        facts = {"indicator": str(row["indicator"]), "year": int(row["year"]),
                 "goal": goal_of(row, commitment=None),
                 "outcome": Amount(float(row["outcome"]), str(row["unit"])),
                 "verdict": str(row["detail"]) + (".indicative" if row["indicative"] and not met
                                                  and row["detail"] in ("missed", "above_ceiling")
                                                  else "")}  # fmt: skip
        growth = row["measure"] == "growth_rate"  # an outcome growth reads 增长5.6% / 下降1.0%
        facts["growth"] = float(row["outcome"])
        out.append(Claim("item.attainment", True, facts, tone=STRENGTH if met else WEAKNESS,
                         variant="growth" if growth else "level",
                         subject=str(row["indicator"])))  # fmt: skip
    return out


def attainment_summary_claims() -> list[Claim]:
    """[the attainment claim] with two reports in data/, else []."""
    from muye_analysis.attainment import attainment_table
    from muye_analysis.reports import list_reports

    return [attainment_claim(attainment_table())] if len(list_reports()) >= 2 else []


def attainment_claim(table: pd.DataFrame) -> Claim:
    """How many of last year's targets were met, below target or not comparable."""
    counts = table["status"].value_counts()
    facts = {"n": len(table), "year": int(table["year"].iloc[0]) if len(table) else None,
             "met": int(counts.get("met", 0)), "missed": int(counts.get("not_met", 0)),
             "nc": int(counts.get("not_comparable", 0))}  # fmt: skip
    return Claim("report.attainment", len(table) > 0, facts)


def gap_risk_claims(data: Any, *, limit: int = 2) -> list[Claim]:
    """The growth targets furthest above last year's growth (same indicator, same basis):
    '规上工业增加值需从0.2%提速到8%'. Only positive gaps are a risk."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(data.targets)
    with_gap = view[view["gap_pp"].notna() & (view["gap_pp"].astype(float) > 0)]
    with_gap = with_gap.sort_values("gap_pp", ascending=False).head(limit)
    return [
        Claim("item.gap", True, {"indicator": str(r["indicator"]), "actual": float(r["actual"]),
                                 "goal": goal(r), "gap": float(r["gap_pp"]),
                                 "year": int(r["base_year"])},
              tone=RISK, subject=str(r["indicator"]))
        for _, r in with_gap.iterrows()
    ]  # fmt: skip


def _report_sentences(data: Any) -> list[str]:
    """The sentences (。-separated) of the report the rows come from."""
    import re

    from muye_analysis import schema
    from muye_analysis.reports import report_of

    try:
        text = report_of(data.indicators).path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return []
    return [s for s in re.split(schema.SENTENCE_END, text) if s]


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))
