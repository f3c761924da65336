"""One-line takeaways, computed from the same views the charts draw (never typed in).

Each function takes the tables the chart takes and returns one sentence in ``lang``; the tests
check them against values worked out by hand from the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis.briefing.text import ordinal, pct, target_text, text
from muye_analysis.charts import labels

if TYPE_CHECKING:
    import pandas as pd

# What a rank is of, as a word after the indicator's short name (a share needs none).
_RANKED_ON_WORD = {
    "level": {"zh": "总量", "en": " (level)"},
    "growth_rate": {"zh": "增速", "en": " growth"},
    "share": {"zh": "", "en": ""},
}


def _sep(lang: str) -> str:
    return "；" if lang == "zh" else "; "


def _list_sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def ranked_name(row: pd.Series, lang: str) -> str:
    """'规上工业增速', '税占比' / 'Industry growth', 'Tax share'."""
    word = _RANKED_ON_WORD.get(str(row["ranked_on"]), {"zh": "", "en": ""})[lang]
    return labels.indicator_name(row, lang) + word


def scorecard_takeaway(rankings: pd.DataFrame, lang: str, *, frame_size: int = 13) -> str:
    """Best and worst numeric rank among county-level units: '税占比居全市第1位，…居第12位'.

    Qualitative standings and ranks among other things (projects in a bond batch) are left out,
    as on the scorecard. Ties keep the report's order.
    """
    from muye_analysis.views import rank_view

    view = rank_view(rankings, frame_size)
    ranked = view[view["kind"] == "rank"].reset_index(drop=True)
    if ranked.empty:
        raise ValueError("no numeric rank among county-level units to summarise")
    ranks = ranked["rank"].astype(int)
    best, worst = ranked.loc[ranks.idxmin()], ranked.loc[ranks.idxmax()]
    fmt = (lambda r: str(r)) if lang == "zh" else ordinal
    return text(
        "take_rank",
        lang,
        best=ranked_name(best, lang),
        best_rank=fmt(int(best["rank"])),
        worst=ranked_name(worst, lang),
        worst_rank=fmt(int(worst["rank"])),
    )


def city_takeaway(
    indicators: pd.DataFrame, context: pd.DataFrame, registry: pd.DataFrame, lang: str
) -> str:
    """Shares of the city's totals, and the largest growth difference from the city:
    '<基年>年GDP占全市6.9%、社零占全市7.0%…；财政收入增速2.0%，低于全市的6.4%'."""
    from muye_analysis.views import city_view

    view = city_view(indicators, context, registry)
    with_share = view[view["share_pct"].notna()]
    shares = _list_sep(lang).join(
        text("take_city_share", lang, name=labels.indicator_name(r, lang),
             share=pct(float(r["share_pct"])))
        for _, r in with_share.iterrows()
    )  # fmt: skip
    years = _years(view)
    parts = [text("take_city_shares", lang, shares=shares, **years)] if len(with_share) else []
    both = view[view["muye_growth"].notna() & view["city_growth"].notna()]
    if len(both):
        diff = (both["muye_growth"] - both["city_growth"]).astype(float)
        row = both.loc[diff.abs().idxmax()]
        d = float(row["muye_growth"]) - float(row["city_growth"])
        key = "take_city_growth_equal" if abs(d) < 1e-9 else (
            "take_city_growth_below" if d < 0 else "take_city_growth_above"
        )  # fmt: skip
        parts.append(
            text(key, lang, name=labels.indicator_name(row, lang),
                 muye=pct(float(row["muye_growth"])), city=pct(float(row["city_growth"])))
        )  # fmt: skip
    if not parts:
        raise ValueError("no share or growth comparison with the city to summarise")
    return _sep(lang).join(parts)


def growth_gap_takeaway(targets: pd.DataFrame, lang: str) -> str:
    """The largest gap between a plan-year growth target and base-year growth, and what was not
    stated: '规上工业增速目标8%，比<基年>年完成0.2%高7.8个百分点；GDP、固投<基年>年增速未公布'."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(targets)
    with_gap = view[view["gap_pp"].notna()]
    parts = []
    if len(with_gap):
        gaps = with_gap["gap_pp"].astype(float)
        row = with_gap.loc[gaps.abs().idxmax()]
        gap = float(row["gap_pp"])
        parts.append(
            text(
                "take_gap" if gap >= 0 else "take_gap_below",
                lang,
                name=labels.indicator_name(row, lang),
                goal=target_text(float(row["target"]), row["qualifier"], row["bound"], lang),
                actual=pct(float(row["actual"])),
                gap=f"{abs(gap):.1f}",
                **_years(view),
            )
        )
    missing = view[view["actual"].isna()]
    if len(missing):
        names = labels.join_names([labels.indicator_name(r, lang) for _, r in missing.iterrows()],
                                  lang)  # fmt: skip
        parts.append(text("take_gap_missing", lang, names=names, **_years(view)))
    return _sep(lang).join(parts)


def projection_takeaway(
    indicators: pd.DataFrame, targets: pd.DataFrame, lang: str, *, deflator_pct: float | None = None
) -> str:
    """Plan-year levels the targets imply, as the chart rounds them:
    '按目标推算<计划年>年GDP≥246.0亿元（按<基年>年价格）、财政收入11.60亿元、社零85.9亿元'."""
    from muye_analysis.views import projection_view

    view = projection_view(indicators, targets, deflator_pct=deflator_pct)  # raises if empty
    years = _years(view)
    items = []
    for _, row in view.iterrows():
        digits = _decimals(float(row["base"]))
        value = round(float(row["projected"]), digits)
        shown = (
            f"{value:.{digits}f}{row['unit']}"
            if lang == "zh"
            else labels.yi_yuan(value, "en")
            if str(row["unit"]) == "亿元"
            else labels.amount(value, str(row["unit"]), "en")
        )
        shown = labels.bound_symbol(row["bound"]) + shown
        if bool(row["at_base_prices"]):
            shown += text("take_at_base_prices", lang, **years)
        items.append(
            text("take_projection_item", lang, name=labels.indicator_name(row, lang), value=shown)
        )
    return text("take_projection", lang, items=_list_sep(lang).join(items), **years)


def task_takeaway(targets: pd.DataFrame, lang: str) -> str:
    """How many comparable task targets are below last year's outcome, and the extremes:
    '7项…中4项低于上年实绩；最低为重点项目（46%），最高为研发活动覆盖率（114%）'."""
    from muye_analysis.views import task_target_view

    view = task_target_view(targets)  # sorted by ratio, largest first
    if view.empty:
        raise ValueError("no task target of the plan year has a comparable base-year outcome")
    ratios = view["ratio_pct"].astype(float)
    high, low = view.iloc[0], view.iloc[-1]
    return text(
        "take_tasks",
        lang,
        **_years(view),
        n=len(view),
        below=int((ratios < 100 - 1e-9).sum()),
        low=labels.indicator_name(low, lang),
        low_ratio=f"{float(low['ratio_pct']):.0f}%",
        high=labels.indicator_name(high, lang),
        high_ratio=f"{float(high['ratio_pct']):.0f}%",
    )


def fan_takeaway(facts, *, goal: str, lang: str) -> str:
    """'<年份>年全年预计增长5.8%（80%区间4.9%至6.7%），很可能达到6%以上目标': the forecast with
    its interval and, over a backtest of ``presentation.MIN_BACKTEST_ORIGINS`` origins or more,
    the chance of meeting the target in coarse words (很可能 / 有可能 / 难以; the number is in
    the notes). With fewer origins it says that it does not judge the target."""
    from muye_analysis import vocab

    low, high = facts.interval_80
    fields = {"year": facts.year, "mean": pct(facts.mean), "low": pct(low), "high": pct(high)}
    if facts.band is None:
        return vocab.text("f21_takeaway_no_band", lang, need=facts.min_origins, **fields)
    band = vocab.text(f"f21_band_{facts.band}", lang)
    return vocab.text("f21_takeaway", lang, band=band, goal=goal, **fields)


def probability_text(probability: float, lang: str) -> str:
    """'约43%' / 'about 43%'; '不足1%' / 'below 1%' and '超过99%' / 'above 99%' rather than a
    bare 0% or 100%, which simulated paths cannot establish."""
    percent = round(100 * probability)
    if percent <= 0:
        return "不足1%" if lang == "zh" else "below 1%"
    if percent >= 100:
        return "超过99%" if lang == "zh" else "above 99%"
    return f"约{percent}%" if lang == "zh" else f"about {percent}%"


def _decimals(value: float) -> int:
    """Decimals of ``value`` as the report prints it (232.1 → 1, 10.74 → 2), 1 to 2 — the same
    rounding as the projection chart's labels."""
    shown = f"{value:.2f}".rstrip("0")
    return min(2, max(1, len(shown.split(".")[1])))


def _years(view: pd.DataFrame) -> dict[str, int]:
    """The briefing texts' year fields (``base``, ``target``) from a view's year columns."""
    from muye_analysis.reports import years_of

    base, plan = years_of(view)
    return {"base": base, "target": plan}
