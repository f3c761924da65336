"""The words of the briefing pack (deck and HTML report), in Chinese and English, in one place.

Chart titles, units and indicator names come from :mod:`muye_analysis.charts.labels` and the
registry; these are the briefing's own frames around them (title slide, table headers, notes).
"""

from __future__ import annotations

from typing import Any

from muye_analysis import config

LANGS = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    # Title slide
    "deck_title": {"zh": "{district}经济运行简报", "en": "{district}: economic briefing"},
    "deck_place": {"zh": "河南省{city}", "en": "Xinxiang, Henan province"},
    "deck_period": {
        "zh": "{base}年计划执行情况与{target}年计划",
        "en": "Outcome of the {base} plan and the {target} plan",
    },
    "deck_period_ytd": {"zh": "{period}进度", "en": "progress to {period}"},
    "vintage_report": {
        "zh": "数据来源：《{title}》（{base}年执行情况、{target}年计划）",
        "en": "Data: {title} ({base} outcome, {target} plan)",
    },
    "vintage_issuer": {"zh": "报告单位：{issuer}", "en": "Presented by {issuer}"},
    "vintage_issuer_when": {
        "zh": "报告单位：{issuer}，{when}提交",
        "en": "Presented {when} by {issuer}",
    },
    "vintage_ytd": {
        "zh": "年初至今数据：截至{period}（{sources}）",
        "en": "Year-to-date data: to {period} ({sources})",
    },
    "vintage_no_ytd": {
        "zh": "尚无年初至今统计数据（muye ingest 导入后重新生成）",
        "en": "No year-to-date statistics yet (run muye ingest, then rebuild)",
    },
    # Headline table
    "table_title": {
        "zh": "主要指标：{base}年实际与{target}年目标",
        "en": "Headline indicators: {base} actual and {target} target",
    },
    "col_indicator": {"zh": "指标", "en": "Indicator"},
    "col_level": {"zh": "{base}年总量", "en": "{base} level"},
    "col_actual": {"zh": "{base}年实际", "en": "{base} actual"},
    "col_target": {"zh": "{target}年目标", "en": "{target} target"},
    "col_gap": {"zh": "差距（个百分点）", "en": "Gap (pp)"},
    "col_basis": {"zh": "口径", "en": "Basis"},
    "basis_real": {"zh": "实际增速（可比价）", "en": "real (comparable prices)"},
    "basis_nominal": {"zh": "名义增速（现价）", "en": "nominal (current prices)"},
    "basis_rate": {"zh": "比率", "en": "rate"},
    "not_stated": {"zh": "未公布", "en": "not stated"},
    "not_applicable": {"zh": "—", "en": "—"},
    "growth_value": {"zh": "增长{value}", "en": "{value} growth"},
    "table_gap_note": {
        "zh": "差距 = {target}年目标 − {base}年实际，单位为个百分点（目标为“以上”时是下限）。",
        "en": "Gap = {target} target − {base} actual, in percentage points (a floor where the "
        "target says 'or more').",
    },
    "table_missing_note": {
        "zh": "“未公布”表示报告未给出该数值（{names}），不作推算。",
        "en": "'not stated': the report gives no such figure ({names}); none is estimated.",
    },
    "table_basis_note": {
        "zh": "GDP和规上工业增加值为实际增速（可比价），其余为名义增速（现价）；总量为现价。",
        "en": "GDP and industrial value added grow in real terms (comparable prices), the "
        "others in nominal terms; levels are at current prices.",
    },
    # Target attainment (two reports: last year's targets against this year's outcomes)
    "att_title": {"zh": "{year}年主要目标完成情况", "en": "{year} headline targets: met or not"},
    "att_col_target": {"zh": "{year}年目标", "en": "{year} target"},
    "att_col_outcome": {"zh": "{year}年实际", "en": "{year} outcome"},
    "att_col_status": {"zh": "结果", "en": "Result"},
    "att_met": {"zh": "完成", "en": "met"},
    "att_not_met": {"zh": "未完成", "en": "not met"},
    "att_not_comparable": {"zh": "无法对照", "en": "not comparable"},
    "att_summary": {
        "zh": "全部{n}项{year}年目标：完成{met}项，未完成{missed}项，无法对照{nc}项（明细见notebook 03）。",
        "en": "All {n} targets for {year}: {met} met, {missed} not met, {nc} not comparable "
        "(details in notebook 03).",
    },
    "att_rule_note": {
        "zh": "按限定词判断：“以上”为下限，“以内”为上限，“左右”按±0.5个百分点"
        "（工作约定，无官方区间）；失业率等越低越好的指标以目标为上限。",
        "en": "Judged by the qualifier: 'or more' is a floor, 'within' a ceiling, 'about' "
        "allows ±0.5 points (a working convention; there is no official band); for rates where "
        "lower is better, such as unemployment, the target is a ceiling.",
    },
    # Year to date
    "ytd_title": {
        "zh": "{period}进度：完成全年目标所需增速",
        "en": "{period}: growth needed for the annual targets",
    },
    "ytd_formula_note": {
        "zh": "剩余月份所需增速 =（全年目标 − w × 累计增速）÷（1 − w），"
        "w为上年同期累计值占上年全年的比重。",
        "en": "Growth needed = (annual target − w × growth so far) ÷ (1 − w), where w is last "
        "year's level for the months so far over last year's full-year level.",
    },
    "ytd_weights_note": {"zh": "{names}：{weights}", "en": "{names}: {weights}"},
    "weights_levels": {"zh": "w按上年累计值计算", "en": "w from last year's cumulative levels"},
    "weights_equal_months": {
        "zh": "上年分月数据缺失，假设各月相等",
        "en": "last year's levels missing: equal months assumed",
    },
    "weights_equal_quarters": {
        "zh": "上年分季数据缺失，假设各季度相等",
        "en": "last year's levels missing: equal quarters assumed",
    },
    "weights_seasonal": {"zh": "按给定季节比重", "en": "given seasonal shares"},
    "weights_given": {"zh": "按给定比重", "en": "share given by the user"},
    "ytd_synthetic_ignored": {
        "zh": "已忽略处理库中{n}行示例（合成）数据：简报只使用真实统计数据。",
        "en": "Ignored {n} rows of synthetic (example) data in the store: the briefing uses "
        "real statistics only.",
    },
    "ytd_no_target_year": {
        "zh": "处理库中没有{target}年主要指标的累计增速，未生成年初至今页。",
        "en": "The store has no {target} year-to-date growth for the headline indicators, so "
        "no year-to-date slides.",
    },
    "ytd_too_short": {
        "zh": "{name}：历史数据不足{need}个季度，未作预测。",
        "en": "{name}: fewer than {need} quarters of history, too few for a forecast.",
    },
    "fan_title": {
        "zh": "{name}累计增速：实绩与预测",
        "en": "{name}: cumulative growth, actual and forecast",
    },
    "fan_target_label": {"zh": "全年目标 {goal}", "en": "Annual target {goal}"},
    "fan_takeaway": {
        "zh": "按单季增速走势并考虑上年基数测算，{year}年全年预计增长{mean}"
        "（80%区间{low}至{high}），达到{goal}目标的概率{p}",
        "en": "Projected from quarter-by-quarter growth, allowing for last year's base: "
        "{year} growth {mean} (80% interval {low} to {high}); chance of meeting the {goal} "
        "target {p}",
    },
    # Takeaways of the report charts
    "take_rank": {
        "zh": "{best}居全市第{best_rank}位，{worst}居第{worst_rank}位",
        "en": "{best} ranks {best_rank} in the city; {worst} ranks {worst_rank}",
    },
    "take_city_share": {"zh": "{name}占全市{share}", "en": "{name} {share}"},
    "take_city_shares": {
        "zh": "{base}年{shares}",
        "en": "In {base}, share of the city's total: {shares}",
    },
    "take_city_growth_below": {
        "zh": "{name}增速{muye}，低于全市的{city}",
        "en": "{name} grew {muye}, below the city's {city}",
    },
    "take_city_growth_above": {
        "zh": "{name}增速{muye}，高于全市的{city}",
        "en": "{name} grew {muye}, above the city's {city}",
    },
    "take_city_growth_equal": {
        "zh": "{name}增速{muye}，与全市持平",
        "en": "{name} grew {muye}, as fast as the city",
    },
    "take_gap": {
        "zh": "{name}增速目标{goal}，比{base}年实际{actual}高{gap}个百分点",
        "en": "{name} growth target {goal} is {gap} pp above {base}'s {actual}",
    },
    "take_gap_below": {
        "zh": "{name}增速目标{goal}，比{base}年实际{actual}低{gap}个百分点",
        "en": "{name} growth target {goal} is {gap} pp below {base}'s {actual}",
    },
    "take_gap_missing": {
        "zh": "{names}{base}年增速未公布",
        "en": "no {base} growth stated for {names}",
    },
    "take_projection": {
        "zh": "按目标推算{target}年{items}",
        "en": "Targets imply {target} {items}",
    },
    "take_projection_item": {"zh": "{name}{value}", "en": "{name} {value}"},
    "take_at_base_prices": {"zh": "（按{base}年价格）", "en": " (at {base} prices)"},
    "take_tasks": {
        "zh": "{n}项有{base}年实绩可比的任务目标中{below}项低于上年实绩；"
        "最低为{low}（{low_ratio}），最高为{high}（{high_ratio}）",
        "en": "{below} of {n} task targets with a {base} outcome are below it; lowest "
        "{low} ({low_ratio}), highest {high} ({high_ratio})",
    },
    # Build summary
    "summary_wrote": {"zh": "简报已写入", "en": "briefing written"},
    "summary_slides": {"zh": "{n}页幻灯片", "en": "{n} slides"},
    "summary_seconds": {"zh": "用时{seconds:.1f}秒", "en": "took {seconds:.1f} s"},
    "html_footer": {
        "zh": "由 muye-analysis 生成（muye brief）。图表与数字均来自上列数据来源。",
        "en": "Made with muye-analysis (muye brief). Every chart and number comes from the "
        "sources listed.",
    },
}


def text(key: str, lang: str, **fields: Any) -> str:
    """The briefing string ``key`` in ``lang``, with ``fields`` filled in.

    ``district`` and ``city`` default to the project's constants, ``base`` and ``target`` (the
    base and plan year) to the latest report's (``muye_analysis.reports``).
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    try:
        template = STRINGS[key][lang]
    except KeyError:
        raise KeyError(f"no briefing string {key!r}; add it to briefing/text.py") from None
    fields.setdefault("district", config.DISTRICT_ZH if lang == "zh" else config.DISTRICT_EN)
    fields.setdefault("city", config.CITY_ZH if lang == "zh" else "Xinxiang")
    if "base" not in fields or "target" not in fields:
        from muye_analysis.reports import latest_report

        latest = latest_report()
        fields.setdefault("base", latest.base_year)
        fields.setdefault("target", latest.plan_year)
    return template.format(**fields)


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pct(value: float, decimals: int = 1) -> str:
    """'4.9%': a percentage as the report prints it."""
    return f"{value:.{decimals}f}%"


def target_text(value: float, qualifier: Any, bound: Any, lang: str) -> str:
    """A target with its qualifier: '6%以上', '5.5%左右' / '≥6%', '≈5.5%'."""
    from muye_analysis.charts import labels

    number = f"{value:g}%"
    if lang == "zh":
        return number + ("" if _missing(qualifier) else str(qualifier))
    return labels.bound_symbol(bound) + number


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))
