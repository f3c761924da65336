"""The judgements a briefing draws: the summary (总体判断), the plan-consistency slide and the
closing slide (亮点 / 短板 / 风险). Every number comes from the curated tables; nothing is typed.

Each function returns a :class:`~muye_analysis.briefing.model.TextSlide`; the sentences are
built from the same views the charts draw, so a slide and a chart cannot disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.briefing.model import TextSlide
from muye_analysis.display import format_number

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.briefing.catalogue import ReportData

HEADLINE_LEVEL = "gdp"  # the district's size: level, rank and share of the city


# -- numbers ----------------------------------------------------------------------------------


def actual(indicators: pd.DataFrame, indicator: str, measure: str) -> float | None:
    """The base year's published value of ``indicator`` (``measure``), or None if not stated."""
    years = vocab.report_years()
    rows = indicators[
        (indicators["indicator"] == indicator)
        & (indicators["period"] == years["base"])
        & (indicators["kind"] == "actual")
        & (indicators["measure"] == measure)
    ]
    if "stage" in rows:
        rows = rows[rows["stage"].isna()]
    return None if rows.empty else float(rows["value"].iloc[0])


def target_row(targets: pd.DataFrame, indicator: str) -> pd.Series | None:
    """The target year's target of ``indicator`` (first row), or None."""
    rows = targets[targets["indicator"] == indicator]
    return None if rows.empty else rows.iloc[0]


def tax_growth_needed(revenue: float, tax: float, target_pct: float) -> float:
    """Tax growth (%) that meets a budget-revenue growth target with non-tax revenue flat:
    (R × (1 + g) − (R − T)) ÷ T − 1. 10.74亿元, 10.23亿元 and 8% give 8.40%."""
    non_tax = revenue - tax
    return 100 * ((revenue * (1 + target_pct / 100) - non_tax) / tax - 1)


def _pct(value: float, *, inputs: tuple[float | str, ...] = ()) -> str:
    return format_number(value, inputs=inputs) + "%" if inputs else f"{value:.1f}%"


def _pct_or_missing(value: float | None, lang: str) -> str:
    return _pct(value) if value is not None else vocab.text("cell_not_stated", lang)


def _name(registry_like: pd.Series | dict, lang: str) -> str:
    return vocab.indicator_name(registry_like, lang)


def _names_by_id(data: ReportData, ids: list[str], lang: str) -> list[str]:
    reg = data.registry.set_index("indicator")
    return [_name({"indicator": i, **reg.loc[i].to_dict()}, lang) for i in ids]


def _goal(row: pd.Series, lang: str) -> str:
    return vocab.target_text(float(row["target"]), row["qualifier"], row["bound"], lang)


def _rank_text(rank: int, lang: str) -> str:
    return str(rank) if lang == "zh" else vocab.ordinal(rank)


# -- slides -----------------------------------------------------------------------------------


def summary_slide(data: ReportData, lang: str, *, frame_size: int) -> TextSlide:
    """总体判断: three to five sentences an analyst would open with, each from the data."""
    lines = [
        s
        for s in (
            scale_sentence(data, lang),
            ranks_sentence(data, lang, frame_size=frame_size),
            targets_sentence(data, lang),
            plan_investment_sentence(data, lang),
            missing_sentence(data, lang, key="judge_missing"),
        )
        if s
    ]
    return TextSlide(
        name="summary",
        title=vocab.text("summary_title", lang),
        lines=tuple(lines[:5]),
        notes=(),
        source=vocab.source_line(lang),
        kind="summary",
        speaker=(vocab.text("note_colours", lang),),
    )


def plan_slide(data: ReportData, lang: str) -> TextSlide:
    """The plan's internal consistency: investment, revenue, industry, what is missing; the
    caveats go in the notes."""
    lines, caveats = [], []
    for sentence, caveat in (
        (plan_investment_sentence(data, lang, long=True), "plan_caveat_investment"),
        (plan_revenue_sentence(data, lang), "plan_caveat_revenue"),
        (plan_battery_sentence(data, lang), "plan_caveat_battery"),
    ):
        if sentence:
            lines.append(sentence)
            caveats.append(vocab.text(caveat, lang))
    missing = missing_sentence(data, lang, key="plan_missing")
    if missing:
        lines.append(missing)
    caveats.append(vocab.TAX_SHARE_DEFINITION[lang])
    return TextSlide(
        name="plan_consistency",
        title=vocab.text("plan_title", lang),
        lines=tuple(lines),
        notes=tuple(caveats),
        source=vocab.source_line(lang),
        kind="judgement",
        speaker=tuple(caveats),
    )


def closing_slide(data: ReportData, lang: str, *, frame_size: int) -> TextSlide:
    """亮点 / 短板 / 风险: top-third ranks and the fastest growth; bottom-third ranks and the
    slowest; the widest target gaps, the revenue target's reliance on tax, missing baselines."""
    from muye_analysis.views import growth_gap_view, rank_view

    sep = "；" if lang == "zh" else "; "
    ranks = rank_view(data.rankings, frame_size)
    ranks = ranks[ranks["kind"] == "rank"]

    def rank_items(third: str) -> list[str]:
        rows = ranks[ranks["third"] == third]
        return [
            vocab.text("closing_rank_item", lang, name=_ranked_name(r, lang),
                       rank=_rank_text(int(r["rank"]), lang))
            for _, r in rows.iterrows()
        ]  # fmt: skip

    growth = _base_growth(data)
    strengths = rank_items("top")
    weaknesses = rank_items("bottom")
    listed = set(ranks["indicator"][ranks["third"].isin(["top", "bottom"])])
    if not growth.empty:
        fastest, slowest = growth.iloc[0], growth.iloc[-1]
        for items, row in ((strengths, fastest), (weaknesses, slowest)):
            if row["indicator"] not in listed:  # one mention per indicator
                items.append(vocab.text("closing_growth_item", lang, name=_name(row, lang),
                                        value=_printed(row)))  # fmt: skip
    risks = []
    gaps = growth_gap_view(data.targets)
    with_gap = gaps[gaps["gap_pp"].notna()].sort_values("gap_pp", ascending=False)
    for _, row in with_gap.head(2).iterrows():
        risks.append(
            vocab.text("closing_gap_item", lang, name=_name(row, lang),
                       actual=_pct(float(row["actual"])), goal=_goal(row, lang))
        )  # fmt: skip
    need = _tax_need(data)
    if need is not None:
        risks.append(vocab.text("closing_tax_item", lang, tax_need=_pct(need)))
    missing = gaps[gaps["actual"].isna()]
    if len(missing):
        names = vocab.join_names([_name(r, lang) for _, r in missing.iterrows()], lang)
        risks.append(vocab.text("closing_missing_item", lang, names=names))
    lines = [
        vocab.text(key, lang, items=sep.join(items))
        for key, items in (
            ("closing_strengths", strengths),
            ("closing_weaknesses", weaknesses),
            ("closing_risks", risks),
        )
        if items
    ]
    return TextSlide(
        name="closing",
        title=vocab.text("closing_title", lang),
        lines=tuple(lines),
        notes=(),
        source=vocab.source_line(lang),
        kind="closing",
        speaker=(vocab.text("frame_assumption", lang, n=frame_size),),
    )


# -- sentences --------------------------------------------------------------------------------


def scale_sentence(data: ReportData, lang: str) -> str | None:
    """'YYYY年地区生产总值232.1亿元，总量居全市第5位，占全市6.9%。'"""
    from muye_analysis.views import city_view

    level = actual(data.indicators, HEADLINE_LEVEL, "level")
    rank = actual(data.indicators, HEADLINE_LEVEL, "rank")
    if level is None or rank is None:
        return None
    from muye_analysis.errors import MissingYear

    (name,) = _names_by_id(data, [HEADLINE_LEVEL], lang)
    try:
        view = city_view(data.indicators, data.context, data.registry).set_index("indicator")
        share = view["share_pct"].get(HEADLINE_LEVEL)
    except MissingYear:  # no city figures for the base year: the share is not said
        share = None
    fields = {"name": name, "level": vocab.money(level, lang), "rank": _rank_text(int(rank), lang)}
    if share is None or vocab._is_missing(share):
        return vocab.text("judge_scale_no_share", lang, **fields)
    return vocab.text("judge_scale", lang, share=f"{float(share):.1f}%", **fields)


def ranks_sentence(data: ReportData, lang: str, *, frame_size: int) -> str | None:
    """Best and worst numeric rank among the county-level units."""
    from muye_analysis.views import rank_view

    view = rank_view(data.rankings, frame_size)
    ranked = view[view["kind"] == "rank"].reset_index(drop=True)
    if ranked.empty:
        return None
    ranks = ranked["rank"].astype(int)
    best, worst = ranked.loc[ranks.idxmin()], ranked.loc[ranks.idxmax()]
    return vocab.text(
        "judge_ranks", lang,
        best=_ranked_name(best, lang), best_rank=_rank_text(int(best["rank"]), lang),
        worst=_ranked_name(worst, lang), worst_rank=_rank_text(int(worst["rank"]), lang),
    )  # fmt: skip


def targets_sentence(data: ReportData, lang: str) -> str | None:
    """How many comparable headline growth targets exceed last year's growth, and the widest."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(data.targets)
    with_gap = view[view["gap_pp"].notna()]
    if with_gap.empty:
        return None
    gaps = with_gap["gap_pp"].astype(float)
    row = with_gap.loc[gaps.idxmax()]
    up = int((gaps > 0).sum())
    fields = {"n": len(with_gap), "name": _name(row, lang), "gap": f"{float(row['gap_pp']):.1f}"}
    if up == len(with_gap):
        return vocab.text("judge_targets_up", lang, goal=_goal(row, lang),
                          actual=_pct(float(row["actual"])), **fields)  # fmt: skip
    return vocab.text("judge_targets_mixed", lang, up=up, **fields)


def plan_investment_sentence(data: ReportData, lang: str, *, long: bool = False) -> str | None:
    """Investment to grow while the key-project investment target stays flat and the project
    count falls."""
    fai = target_row(data.targets, "fixed_asset_investment")
    kpi = target_row(data.targets, "key_project_investment")
    count = target_row(data.targets, "key_projects")
    kpi_actual = actual(data.indicators, "key_project_investment", "level")
    count_actual = actual(data.indicators, "key_projects", "count")
    if any(v is None for v in (fai, kpi, count, kpi_actual, count_actual)):
        return None
    sentence = vocab.text(
        "plan_investment" if long else "judge_investment", lang,
        fai_name=_name(fai, lang), fai=_goal(fai, lang),
        kpi_target=vocab.bound_symbol(kpi["bound"]) + vocab.money(float(kpi["target"]), lang)
        if lang == "en" else vocab.money(float(kpi["target"]), lang) + _qualifier(kpi),
        kpi_actual=vocab.money(kpi_actual, lang),
        n_base=format_number(count_actual), n_target=format_number(float(count["target"])),
    )  # fmt: skip
    return sentence


def plan_revenue_sentence(data: ReportData, lang: str) -> str | None:
    """Budget revenue to grow with almost all of it tax: the tax growth it needs."""
    rev = target_row(data.targets, "budget_revenue")
    share = actual(data.indicators, "tax_share", "share")
    rev_growth = actual(data.indicators, "budget_revenue", "growth_rate")
    tax_growth = actual(data.indicators, "tax_revenue", "growth_rate")
    need = _tax_need(data)
    if rev is None or share is None or need is None:
        return None
    return vocab.text(
        "plan_revenue", lang,
        rev_name=_name(rev, lang), rev=_goal(rev, lang),
        rev_actual=_pct_or_missing(rev_growth, lang),
        share=_pct(share), tax_need=_pct(need),
        tax_actual=_pct_or_missing(tax_growth, lang),
    )  # fmt: skip


def plan_battery_sentence(data: ReportData, lang: str) -> str | None:
    """Battery-chain revenue growth against industrial value-added growth."""
    battery = actual(data.indicators, "battery_industry_revenue", "growth_rate")
    industry = actual(data.indicators, "industrial_value_added", "growth_rate")
    if battery is None or industry is None:
        return None
    (industry_name,) = _names_by_id(data, ["industrial_value_added"], lang)
    basis = vocab.basis_suffix("real", lang).strip(" （）()")
    return vocab.text(
        "plan_battery", lang, battery=_printed_value(data, "battery_industry_revenue"),
        industry=_printed_value(data, "industrial_value_added"),
        industry_name=industry_name, industry_basis=basis,
        diff=format_number(battery - industry, decimals=1),
    )  # fmt: skip


def missing_sentence(data: ReportData, lang: str, *, key: str) -> str | None:
    """Headline growth rates the report leaves out for the base year."""
    from muye_analysis.views import growth_gap_view

    view = growth_gap_view(data.targets)
    missing = view[view["actual"].isna()]
    if missing.empty:
        return None
    names = vocab.join_names([_name(r, lang) for _, r in missing.iterrows()], lang)
    return vocab.text(key, lang, names=names)


def _printed_value(data: ReportData, indicator: str, measure: str = "growth_rate") -> str:
    years = vocab.report_years()
    ind = data.indicators
    rows = ind[(ind["indicator"] == indicator) & (ind["period"] == years["base"])
               & (ind["kind"] == "actual") & (ind["measure"] == measure)]  # fmt: skip
    return _printed(rows.iloc[0])


def _tax_need(data: ReportData) -> float | None:
    rev = target_row(data.targets, "budget_revenue")
    revenue = actual(data.indicators, "budget_revenue", "level")
    tax = actual(data.indicators, "tax_revenue", "level")
    if rev is None or revenue is None or tax is None:
        return None
    return tax_growth_needed(revenue, tax, float(rev["target"]))


def _base_growth(data: ReportData) -> pd.DataFrame:
    """The base year's published growth rates, fastest first, with registry names."""
    years = vocab.report_years()
    ind = data.indicators
    rows = ind[
        (ind["period"] == years["base"]) & (ind["kind"] == "actual")
        & (ind["measure"] == "growth_rate")
    ]  # fmt: skip
    names = data.registry[["indicator", "short_zh", "short_en"]]
    rows = rows.drop(columns=[c for c in ("short_zh", "short_en") if c in rows]).merge(
        names, on="indicator", how="left"
    )
    return rows.sort_values("value", ascending=False, kind="stable").reset_index(drop=True)


def _printed(row: pd.Series) -> str:
    """The value as the report prints it ('27%', '0.2%'), from the dataset's ``printed``."""
    printed = row.get("printed")
    if printed is not None and not vocab._is_missing(printed) and str(printed).strip():
        return str(printed)
    return _pct(float(row["value"]))


def _ranked_name(row: pd.Series, lang: str) -> str:
    from muye_analysis.briefing.takeaways import ranked_name

    return ranked_name(row, lang)


def _qualifier(row: pd.Series) -> str:
    q = row["qualifier"]
    return "" if vocab._is_missing(q) else str(q)


# -- notebooks ----------------------------------------------------------------------------------


def notebook_judgements(notebook: str, lang: str, data: ReportData | None = None) -> list[str]:
    """The 总体判断 a notebook opens with: the sentences of this module that concern it.

    ``notebook`` is the two-digit prefix: "01" (the dataset), "02" (ranks and the city),
    "03" (targets), "04" (growth gaps and forecasts).
    """
    from muye_analysis.briefing.catalogue import ReportData
    from muye_analysis.briefing.takeaways import city_takeaway, task_takeaway
    from muye_analysis.errors import MissingYear
    from muye_analysis.league import scorecard_frame

    data = ReportData.load() if data is None else data
    frame, _ = scorecard_frame()
    try:
        city = _end(city_takeaway(data.indicators, data.context, data.registry, lang), lang)
    except MissingYear as exc:  # no city figures for the base year: say so
        city = str(exc)
    kinds = data.indicators["kind"].astype(str).value_counts()
    dataset = vocab.text(
        "judge_dataset", lang, n=int(data.indicators["indicator"].nunique()),
        actual=int(kinds.get("actual", 0)), target=int(kinds.get("target", 0)),
        derived=int(kinds.get("derived", 0)),
    )  # fmt: skip
    missing = missing_sentence(data, lang, key="judge_missing")
    frame_note = _end(vocab.text("frame_assumption", lang, n=frame), lang)
    sentences = {
        "01": [dataset, scale_sentence(data, lang), missing],
        "02": [ranks_sentence(data, lang, frame_size=frame), city, frame_note],
        "03": [
            targets_sentence(data, lang),
            plan_investment_sentence(data, lang),
            plan_revenue_sentence(data, lang),
            _end(task_takeaway(data.targets, lang), lang),
        ],
        "04": [targets_sentence(data, lang), missing, _ytd_sentence(data, lang)],
    }
    if notebook not in sentences:
        raise ValueError(f"no summary for notebook {notebook!r}; known: {', '.join(sentences)}")
    return [s for s in sentences[notebook] if s]


def notebook_summary(notebook: str, lang: str, data: ReportData | None = None):
    """The notebook's opening 总体判断 as Markdown (displayed by Jupyter)."""
    from IPython.display import Markdown

    heading = vocab.text("summary_title", lang)
    lines = "\n".join(f"- {s}" for s in notebook_judgements(notebook, lang, data))
    return Markdown(f"**{heading}**\n\n{lines}")


def _end(sentence: str, lang: str) -> str:
    stop = "。" if lang == "zh" else "."
    return sentence if sentence.endswith(stop) else sentence + stop


def _ytd_sentence(data: ReportData, lang: str) -> str:
    """Whether year-to-date figures for the target year are in the processed store."""
    from muye_analysis.quarterly import is_synthetic, read_store
    from muye_analysis.targets import headline_ytd_gaps

    store = read_store()
    real = store[~is_synthetic(store)] if len(store) else store
    gaps = headline_ytd_gaps(real, targets=data.targets) if len(real) else []
    if not gaps:
        return vocab.text("judge_no_ytd", lang)
    return " ".join(_end(g.sentence(lang), lang) for g in gaps)
