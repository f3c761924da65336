"""Every piece of text the charts print, in Chinese and English, in one place.

Indicator names come from the registry (``short_zh`` / ``short_en``); everything else (titles,
axis labels, notes, source lines) comes from :data:`STRINGS`. Keeping them together lets a test
render every label the charts use and fail on a missing glyph, and lets a reviewer check the
English against the Chinese side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from muye_analysis import config, units

LANGS = ("zh", "en")

# Placeholders are str.format fields; SAMPLE_FIELDS below fills them for the glyph test.
STRINGS: dict[str, dict[str, str]] = {
    # Shared
    "source_prefix": {"zh": "资料来源：", "en": "Source: "},
    "source_sep": {"zh": "；", "en": "; "},
    "report_source": {
        "zh": "{district}{base_year}年计划执行情况与{plan_year}年计划报告",
        "en": "{district} report on the {base_year} plan and the {plan_year} plan",
    },
    "synthetic_stamp": {
        "zh": "示例数据（合成），非真实统计",
        "en": "Synthetic data, for illustration only",
    },
    "not_stated": {"zh": "{base_year}年未公布", "en": "{base_year}: not stated"},
    "basis_real": {"zh": "（实际）", "en": " (real)"},
    "basis_nominal": {"zh": "（名义）", "en": " (nominal)"},
    "pp": {"zh": "{value:+.1f}个百分点", "en": "{value:+.1f} pp"},
    "percent": {"zh": "{value:.1f}%", "en": "{value:.1f}%"},
    "yi_yuan": {"zh": "亿元", "en": "100 million yuan"},
    "at_least": {"zh": "≥{text}（以上）", "en": "≥{text} (or more)"},
    "at_most": {"zh": "≤{text}（以内）", "en": "≤{text} (ceiling)"},
    "about": {"zh": "≈{text}（左右）", "en": "≈{text} (about)"},
    # Rank scorecard
    "rank_title": {
        "zh": "{district}{base_year}年主要指标全市排名",
        "en": "{district}: {base_year} ranks in Xinxiang",
    },
    "rank_subtitle": {
        "zh": "第1位为最好；颜色按排名所处三分位（前、中、后）",
        "en": "1 = best; colour shows the top, middle or bottom third of the ranked units",
    },
    "rank_axis": {"zh": "全市排名（位）", "en": "Rank in the city (position)"},
    "third_top": {"zh": "前三分之一", "en": "Top third"},
    "third_middle": {"zh": "中间三分之一", "en": "Middle third"},
    "third_bottom": {"zh": "后三分之一", "en": "Bottom third"},
    "rank_value": {"zh": "第{rank}位", "en": "No. {rank}"},
    "ranked_on_level": {"zh": "（总量）", "en": " (level)"},
    "ranked_on_growth_rate": {"zh": "（增速）", "en": " (growth)"},
    "ranked_on_share": {"zh": "（占比）", "en": " (share)"},
    "ranked_on_amount": {"zh": "（额度）", "en": " (amount)"},
    "standing_no_rank": {"zh": "{standing}（无具体名次）", "en": "{standing} (no numeric rank)"},
    "standing_第一方阵": {"zh": "第一方阵", "en": "Leading group"},
    "standing_前列": {"zh": "全市前列", "en": "Among the best"},
    "frame_assumption": {
        "zh": "假设排名单位数：{n}",
        "en": "Assumed number of ranked units: {n}",
    },
    "frame_from_table": {
        "zh": "排名单位数：{n}（据全市排名表计算）",
        "en": "Number of ranked units: {n} (from the city league table)",
    },
    "frame_explained": {
        "zh": "报告未说明参与排名的单位数：新乡市有12个县级单位，"
        "全市通报常排13个（四区八县(市)及平原示范区），部分指标单列高新区、经开区（最多15个）。",
        "en": "The report does not say how many units were ranked: Xinxiang has 12 county-level "
        "units, city round-ups often rank 13 (4 districts, 8 counties and cities, Pingyuan "
        "demonstration zone), some list the high-tech and development zones too (up to 15).",
    },
    "amount_rank_excluded": {
        "zh": "未计入：{name}排名（第{rank}名）的比较对象是全市同批项目，不是县级单位。",
        "en": "Not shown: the {name} rank (No. {rank}) compares projects in the same batch, "
        "not county-level units.",
    },
    "other_rank_excluded": {
        "zh": "未计入：{name}的排名（第{rank}位）不是全市县级单位之间的排名。",
        "en": "Not shown: the {name} rank (No. {rank}) is not among the city's county-level units.",
    },
    # Muye in the city
    "city_title": {"zh": "{district}在{city}中的份额与增速", "en": "{district} within Xinxiang"},
    "city_subtitle": {
        "zh": "{base_year}年：占全市比重，及与全市增速对比",
        "en": "{base_year}: share of the city's total, and growth beside the city's",
    },
    "city_share_axis": {"zh": "占全市比重（%）", "en": "Share of the city's total (%)"},
    "city_growth_axis": {"zh": "{base_year}年增速（%）", "en": "Growth in {base_year} (%)"},
    "city_share_panel": {"zh": "占全市比重", "en": "Share of the city"},
    "city_growth_panel": {"zh": "增速对比", "en": "Growth compared"},
    "city_muye": {"zh": "{district}", "en": "{district}"},
    "city_city": {"zh": "{city}", "en": "Xinxiang city"},
    "level_not_stated": {"zh": "总量未公布", "en": "Level not published"},
    "share_value": {
        "zh": "{value:.1f}%（{muye_level}/{city_level}亿元）",
        "en": "{value:.1f}% ({muye_level} of {city_level})",
    },
    "growth_basis_note": {
        "zh": "增速口径：GDP、规上工业为实际增速（可比价），其余为名义增速；比重按现价总量计算。",
        "en": "GDP and industry growth are real (comparable prices), the others nominal; "
        "shares use current-price levels.",
    },
    "city_preliminary_note": {
        "zh": "全市{base_year}年数据为初步核算数。",
        "en": "City figures for {base_year} are preliminary.",
    },
    # Growth gap
    "gap_title": {
        "zh": "{plan_year}年增长目标与{base_year}年实际增速",
        "en": "{plan_year} growth targets against {base_year} growth",
    },
    "gap_subtitle": {
        "zh": "{district}主要指标；标注为目标与上年实际之差",
        "en": "{district}, headline indicators; labels show target minus {base_year} growth",
    },
    "gap_axis": {"zh": "增速（%）", "en": "Growth (%)"},
    "gap_actual": {"zh": "{base_year}年实际", "en": "{base_year} actual"},
    "gap_target": {"zh": "{plan_year}年目标", "en": "{plan_year} target"},
    "gap_note": {
        "zh": "（实际）为可比价增速，（名义）为现价增速；差值单位为个百分点。",
        "en": "(real) = at comparable prices, (nominal) = at current prices; gaps in "
        "percentage points (pp).",
    },
    "gap_missing_note": {
        "zh": "报告未给出{names}的{base_year}年增速，故无差值。",
        "en": "The report gives no {base_year} growth for {names}, so no gap is shown.",
    },
    # Projected levels
    "proj_title": {
        "zh": "按增长目标推算的{plan_year}年总量",
        "en": "{plan_year} levels implied by the growth targets",
    },
    "proj_subtitle": {
        "zh": "{district}：{base_year}年基数加目标增速对应的增量",
        "en": "{district}: the {base_year} base plus the increment the target implies",
    },
    "proj_base": {"zh": "{base_year}年基数", "en": "{base_year} base"},
    "proj_increment": {"zh": "目标对应增量", "en": "Increment implied by the target"},
    "proj_axis": {"zh": "亿元", "en": "100 million yuan"},
    "proj_panel": {
        "zh": "{name}{basis}\n目标：增长{target}",
        "en": "{name}{basis}\ntarget: {target}",
    },
    "proj_at_base_prices": {"zh": "按{base_year}年价格", "en": "at {base_year} prices"},
    "proj_nominal": {"zh": "现价", "en": "current prices"},
    "proj_real_note": {
        "zh": "{names}目标为实际增速（可比价）：换算为现价总量需要价格（平减指数）假设；"
        "此处未作价格假设，按{base_year}年价格推算。",
        "en": "{names}: the target is real growth (comparable prices); a current-price level "
        "needs a price (deflator) assumption. None is made here: the projection is at "
        "{base_year} prices.",
    },
    "proj_deflator_note": {
        "zh": "{names}目标为实际增速：按假设平减指数上涨{deflator:g}%换算为现价总量。",
        "en": "{names}: the target is real growth, converted to current prices assuming "
        "the deflator rises {deflator:g}%.",
    },
    "proj_floor_note": {
        "zh": "“以上”为下限：箭头表示目标允许更高。",
        "en": "A floor target ('or more'): the arrow means a higher level is within the target.",
    },
    # Task targets
    "task_title": {
        "zh": "{plan_year}年任务目标相当于{base_year}年实绩的比例",
        "en": "{plan_year} task targets as a share of {base_year} outcomes",
    },
    "task_subtitle": {
        "zh": "{district}：目标值 ÷ 上年实绩；100%表示与上年持平",
        "en": "{district}: target ÷ last year's outcome; 100% = same as last year",
    },
    "task_axis": {
        "zh": "目标占{base_year}年实绩的比例（%）",
        "en": "Target as % of the {base_year} outcome",
    },
    "task_reference": {"zh": "与{base_year}年持平", "en": "Same as {base_year}"},
    "task_value": {"zh": "{target}／{actual}", "en": "{target} / {actual}"},
    "task_note": {
        "zh": "多数目标为“以上”“不少于”等下限（标≥），实际完成可高于目标；"
        "承诺程度（力争、确保）标在名称后。",
        "en": "Most targets are floors ('or more', marked ≥): outcomes may exceed them. The "
        "commitment ('strive for', 'ensure') follows each name.",
    },
    "commitment_力争": {"zh": "（力争）", "en": " (strive for)"},
    "commitment_确保": {"zh": "（确保）", "en": " (ensure)"},
    # Forecast fan
    # Required-growth grid (targets.sensitivity_grid)
    # Progress traffic lights (progress.progress_table)
    "progress_title": {
        "zh": "{plan_year}年目标进度监测：{period}",
        "en": "Progress on the {plan_year} targets: {period}",
    },
    "progress_no_period": {"zh": "暂无本年数据", "en": "no figures for the year yet"},
    "progress_subtitle": {
        "zh": "{n}项目标；条形为完成进度（%），竖线为序时进度；增速目标标注其余月份所需增速",
        "en": "{n} targets; bars: completion (%), tick: time elapsed; growth targets: growth "
        "the rest of the year needs",
    },
    "progress_axis": {
        "zh": "完成进度（占全年目标，%）",
        "en": "Completion (% of the year's target)",
    },
    "progress_growth": {
        "zh": "累计{ytd:.1f}%，{rest}需{need:.1f}%",
        "en": "{ytd:.1f}% so far; rest needs {need:.1f}%",
    },
    "progress_year_growth": {"zh": "全年{ytd:.1f}%", "en": "{ytd:.1f}% for the year"},
    "progress_point": {"zh": "当前{value}（目标{goal}）", "en": "now {value} (target {goal})"},
    "progress_no_data": {"zh": "暂无数据", "en": "no data"},
    "progress_rules": {
        "zh": "状态：增速目标看其余月份所需增速比累计增速高多少（≤{acc:g}个百分点为预警）；"
        "累计量看完成进度落后序时进度多少（≤{lag:g}个百分点为预警）；比率与存量看当前值。"
        "序时进度口径见进度表。",
        "en": "Status: growth targets by how much faster the rest of the year must grow (at risk "
        "up to {acc:g} points); cumulative targets by how far completion lags time elapsed (at "
        "risk up to {lag:g} points); rates and stocks as they stand. Time-elapsed basis: see the "
        "table.",
    },
    "progress_data_source": {"zh": "年度累计数据：{files}", "en": "year-to-date data: {files}"},
    "grid_title": {
        "zh": "完成全年{goal:g}%目标，剩余月份需要的增速",
        "en": "Growth the rest of the year needs for a {goal:g}% year",
    },
    "grid_subtitle": {
        "zh": "{name}；格中为剩余月份所需增速（%），按累计增速和已过月份",
        "en": "{name}; cells: required growth for the remaining months (%), by growth so far",
    },
    "grid_any_indicator": {"zh": "任一指标", "en": "Any indicator"},
    "grid_x": {"zh": "已过月份（累计期）", "en": "Months elapsed (year to date)"},
    "grid_y": {"zh": "累计增速（%）", "en": "Growth so far (%)"},
    "grid_month": {"zh": "1-{m}月", "en": "Jan-{m}"},
    "grid_weights": {"zh": "权重：{weights}", "en": "Weights: {weights}"},
    "grid_note": {
        "zh": "所需增速 = (目标 − 权重 × 累计增速) ÷ (1 − 权重)，"
        "权重为上年同期累计值占上年全年的比重。",
        "en": "Required = (target − w × growth so far) / (1 − w); w is last year's share of the "
        "annual total in the months so far.",
    },
    "weights_levels": {"zh": "上年累计值", "en": "last year's cumulative levels"},
    "weights_equal_months": {"zh": "假设各月基数相等", "en": "assumption: equal months"},
    "weights_equal_quarters": {"zh": "假设各季度基数相等", "en": "assumption: equal quarters"},
    "weights_seasonal": {"zh": "假设给定的季节比重", "en": "assumption: given seasonal shares"},
    "weights_given": {"zh": "按给定比重", "en": "share given by the user"},
    "weights_prior_year": {
        "zh": "上年同期数占上年全年的比重",
        "en": "last year's same-period value over its full-year total",
    },
    "fan_title": {
        "zh": "{district}累计增速：实绩与预测",
        "en": "{district}: cumulative growth, actual and forecast",
    },
    "fan_subtitle": {
        "zh": "阴影为80%和95%预测区间",
        "en": "Shaded: 80% and 95% forecast intervals",
    },
    "fan_axis": {"zh": "累计同比增速（%）", "en": "Cumulative year-on-year growth (%)"},
    "fan_history": {"zh": "实绩", "en": "Actual"},
    "fan_mean": {"zh": "预测", "en": "Forecast"},
    "fan_80": {"zh": "80%区间", "en": "80% interval"},
    "fan_95": {"zh": "95%区间", "en": "95% interval"},
    "fan_target": {"zh": "目标 {value:g}%", "en": "Target {value:g}%"},
    "fan_period_axis": {"zh": "时期", "en": "Period"},
    "fan_title_indicator": {
        "zh": "{name}累计增速：实绩与预测",
        "en": "{name}: cumulative growth, actual and forecast",
    },
    "fan_title_example": {
        "zh": "示例：{name}累计增速预测（合成数据）",
        "en": "Example: {name} cumulative growth forecast (synthetic data)",
    },
    "fan_source_ytd": {"zh": "累计数据：{name}", "en": "Year-to-date data: {name}"},
}

# Values used to fill the placeholders when every label is rendered in a test, per language.
_SAMPLE_COMMON: dict[str, Any] = {
    "value": -12.3,
    "text": "6%",
    "rank": 12,
    "n": 13,
    "deflator": 1.5,
    "goal": 6,
    "m": 9,
    "base_year": 2030,  # sample years: any four digits render the same glyphs
    "plan_year": 2031,
    "ytd": 5.0,
    "need": 8.7,
    "acc": 2.0,
    "lag": 10.0,
}
SAMPLE_FIELDS: dict[str, dict[str, Any]] = {
    "zh": {
        **_SAMPLE_COMMON,
        "standing": "第一方阵",
        "name": "国债资金",
        "names": "GDP、固投",
        "muye_level": "232.1",
        "city_level": "3347.6",
        "target": "≥8000人",
        "actual": "8317人",
        "basis": "（实际）",
        "weights": "假设各月基数相等",
        "period": "2031年1-9月",
        "rest": "四季度",
        "files": "月报.xlsx",
    },
    "en": {
        **_SAMPLE_COMMON,
        "standing": "Leading group",
        "name": "Treasury-bond funds",
        "names": "GDP and Investment",
        "muye_level": "¥23.21bn",
        "city_level": "¥334.76bn",
        "target": "≥8000 people",
        "actual": "8317 people",
        "basis": " (real)",
        "weights": "assumption: equal months",
        "period": "Jan-Sep 2031",
        "rest": "Q4",
        "files": "report.xlsx",
    },
}

# targets.WEIGHTS_* (the weights' source, recorded in English) -> the label key that says it.
WEIGHTS_KEYS = {
    "last year's cumulative levels": "weights_levels",
    "assumption: equal months": "weights_equal_months",
    "assumption: equal quarters": "weights_equal_quarters",
    "assumption: given seasonal shares": "weights_seasonal",
    "elapsed share given by the caller": "weights_given",
    "same period last year as printed (上年同期) over last year's full-year level": (
        "weights_prior_year"
    ),
}

# English renderings of the comparator sources, so that English charts contain no Chinese.
# Unknown titles fall back to their URL (ASCII) in English.
SOURCE_TITLES_EN = (
    (re.compile(r"新乡市(\d{4})年国民经济和社会发展计划.*"), "Xinxiang city {0} plan report"),
)


# Units in English live with the conversions (muye_analysis.units), so the analysis layer can
# word its sentences without importing the charts; these names stay for the charts' callers.
UNITS_EN = units.UNITS_EN
_SCALED_UNITS_EN = units.SCALED_UNITS_EN


def unit_label(unit: str, lang: str) -> str:
    """The unit as printed in Chinese, or its English rendering ('' for plain counts)."""
    _check_lang(lang)
    return unit if lang == "zh" else units.unit_en(unit)


def amount(value: float, unit: str, lang: str) -> str:
    """A value with its unit for inline labels: '80亿元' / '8 billion yuan', '200个' / '200'."""
    _check_lang(lang)
    return f"{value:g}{unit}" if lang == "zh" else units.amount_en(value, unit)


def yi_yuan(value: float, lang: str) -> str:
    """An amount in 亿元 for a tight label: '232.1' in Chinese (unit given once), '¥23.21bn'."""
    _check_lang(lang)
    return f"{value:g}" if lang == "zh" else f"¥{round(value / 10, 6):g}bn"


_spell_scale = units.spell_scale


def text(key: str, lang: str, **fields: Any) -> str:
    """The chart string ``key`` in ``lang``, with ``fields`` filled in."""
    _check_lang(lang)
    try:
        template = STRINGS[key][lang]
    except KeyError:
        raise KeyError(f"no chart string {key!r}; add it to muye_analysis.charts.labels") from None
    if lang == "zh":
        fields.setdefault("district", config.DISTRICT_ZH)
        fields.setdefault("city", config.CITY_ZH)
    else:
        fields.setdefault("district", config.DISTRICT_EN)
        fields.setdefault("city", "Xinxiang")
    return template.format(**fields)


def indicator_name(row: Mapping[str, Any], lang: str, *, short: bool = True) -> str:
    """The registry name of the indicator in ``row`` (a record with short_/name_ columns)."""
    _check_lang(lang)
    keys = [f"short_{lang}", f"name_{lang}"] if short else [f"name_{lang}", f"short_{lang}"]
    names = [
        str(row.get(k)) for k in keys if not _is_missing(row.get(k)) and str(row.get(k)).strip()
    ]
    if lang == "en":
        # An English chart must render without a CJK font: prefer a name with no Chinese in it.
        names = sorted(names, key=has_cjk)  # stable: keeps the preferred order among equals
    return names[0] if names else str(row.get("indicator"))


def has_cjk(text: str) -> bool:
    """Whether ``text`` contains CJK characters or full-width punctuation."""
    return any("\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uffef"
               for c in text)  # fmt: skip


def basis_suffix(price_basis: Any, lang: str) -> str:
    """'（实际）' / '（名义）' (or English) for a growth rate's price basis; '' if unknown."""
    if _is_missing(price_basis) or price_basis not in ("real", "nominal"):
        return ""
    return text(f"basis_{price_basis}", lang)


def qualified(value_text: str, bound: Any, lang: str) -> str:
    """``value_text`` marked with its target qualifier: ≥ for floors, ≤ ceilings, ≈ about."""
    if _is_missing(bound) or bound == "exact":
        return value_text
    return text(str(bound), lang, text=value_text)


def join_names(names: list[str], lang: str) -> str:
    """'GDP、固投' / 'GDP and Investment' / 'A, B and C'."""
    if lang == "zh" or len(names) < 2:
        return "、".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def bound_symbol(bound: Any) -> str:
    """'≥' for a floor, '≤' for a ceiling, '≈' for 'about', '' for an exact figure."""
    return {"at_least": "≥", "at_most": "≤", "about": "≈"}.get(str(bound), "")


def standing_label(standing: str, lang: str) -> str:
    """A qualitative standing (第一方阵, 前列) in ``lang``; an unknown one as printed (zh)."""
    key = f"standing_{standing}"
    if key in STRINGS:
        return text(key, lang)
    return standing if lang == "zh" else "qualitative standing"


def source_line(lang: str, extra: Iterable[str] = (), **years: Any) -> str:
    """'资料来源：<the report>；<extra>…' — the line printed under every chart.

    ``years`` are the report's ``base_year`` and ``plan_year`` (``Report.years``); by default
    the latest report's.
    """
    if not years:
        from muye_analysis.reports import latest_report

        years = latest_report().years
    parts = [text("report_source", lang, **years), *[e for e in extra if e]]
    return text("source_prefix", lang) + text("source_sep", lang).join(parts)


def context_source(title: str, url: str, lang: str) -> str:
    """How a comparator source is cited: its title (English rendering in English) and URL."""
    if lang == "zh":
        return f"{title}（{url}）" if url else title
    english = next(
        (name.format(*m.groups()) for rx, name in SOURCE_TITLES_EN if (m := rx.fullmatch(title))),
        None,
    )
    if english is None:
        return url or "see data/raw/context/xinxiang_context.csv"
    return f"{english} ({url})" if url else english


def all_chart_strings(lang: str) -> list[str]:
    """Every chart string in ``lang`` with sample values filled in (for the glyph test)."""
    return [text(key, lang, **SAMPLE_FIELDS[lang]) for key in STRINGS]


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def _is_missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))
