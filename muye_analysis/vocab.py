"""The project's one vocabulary: every word charts, tables, notebooks and the briefing show,
in Chinese and English.

Indicator names come from the registry (``short_zh`` / ``short_en``), with the official terms of
:data:`OFFICIAL_NAMES` taking precedence (地区生产总值 not GDP, 一般公共预算收入 not 财政收入, the
national statistics bureau's English); everything else (titles, axis labels, notes, source lines,
slide frames) comes from :data:`STRINGS`. Keeping them together lets a test render every label
and fail on a missing glyph, and lets a reviewer check the English against the Chinese.

Conventions, chosen once:

* Chinese growth rates say their price basis as （可比价） or （现价）, never （实际）/（名义）:
  实际 also means "actual outcome".
* English money: "RMB 100 million" as the unit of tables and axes, "RMB bn" in prose and labels
  (232.1亿元 = RMB 23.21 bn). 万斤 becomes tonnes (1万斤 = 5 t).
* No report year is written here: ``{base}`` (the year reported on) and ``{target}`` (the year
  planned) are filled from the report's origin record (:func:`report_years`).
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
        "zh": "{district}{base}年计划执行情况与{target}年计划报告",
        "en": "{district} report on the {base} plan and the {target} plan",
    },
    "synthetic_stamp": {
        "zh": "示例数据（合成），非真实统计",
        "en": "Synthetic data, for illustration only",
    },
    "not_stated": {"zh": "{base}年未公布", "en": "{base}: not stated"},
    "basis_real": {"zh": "（可比价）", "en": " (real)"},
    "basis_nominal": {"zh": "（现价）", "en": " (nominal)"},
    "pp": {"zh": "{value:+.1f}个百分点", "en": "{value:+.1f} pp"},
    "percent": {"zh": "{value:.1f}%", "en": "{value:.1f}%"},
    "yi_yuan": {"zh": "亿元", "en": "RMB 100 million"},
    "at_least": {"zh": "≥{text}（以上）", "en": "≥{text} (or more)"},
    "at_most": {"zh": "≤{text}（以内）", "en": "≤{text} (ceiling)"},
    "about": {"zh": "≈{text}（左右）", "en": "≈{text} (about)"},
    # Rank scorecard
    "rank_title": {
        "zh": "{district}{base}年主要指标全市排名",
        "en": "{district}: {base} ranks in Xinxiang",
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
        "zh": "{base}年：占全市比重，及与全市增速对比",
        "en": "{base}: share of the city's total, and growth beside the city's",
    },
    "city_share_axis": {"zh": "占全市比重（%）", "en": "Share of the city's total (%)"},
    "city_growth_axis": {"zh": "{base}年增速（%）", "en": "Growth in {base} (%)"},
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
        "zh": "增速口径：地区生产总值、规上工业增加值按可比价计算，其余按现价计算；"
        "比重按现价总量计算。",
        "en": "GDP and industrial value added grow at comparable prices (real), the others at "
        "current "
        "prices (nominal); "
        "shares use current-price levels.",
    },
    "city_preliminary_note": {
        "zh": "全市{base}年数据为初步核算数。",
        "en": "City figures for {base} are preliminary.",
    },
    # Growth gap
    "gap_title": {
        "zh": "{target}年增长目标与{base}年增速",
        "en": "{target} growth targets against {base} growth",
    },
    "gap_subtitle": {
        "zh": "{district}主要指标；标注为目标与上年增速之差",
        "en": "{district}, headline indicators; labels show target minus {base} growth",
    },
    "gap_axis": {"zh": "增速（%）", "en": "Growth (%)"},
    "gap_actual": {"zh": "{base}年完成", "en": "{base} outcome"},
    "gap_target": {"zh": "{target}年目标", "en": "{target} target"},
    "gap_note": {
        "zh": "（可比价）为扣除价格因素的增速，（现价）为按当年价格计算的增速；"
        "差值单位为个百分点。",
        "en": "(real) = at comparable prices, (nominal) = at current prices; gaps in "
        "percentage points (pp).",
    },
    "gap_missing_note": {
        "zh": "报告未给出{names}的{base}年增速，故无差值。",
        "en": "The report gives no {base} growth for {names}, so no gap is shown.",
    },
    # Projected levels
    "proj_title": {
        "zh": "按增长目标推算的{target}年总量",
        "en": "{target} levels implied by the growth targets",
    },
    "proj_subtitle": {
        "zh": "{district}：{base}年基数加目标增速对应的增量",
        "en": "{district}: the {base} base plus the increment the target implies",
    },
    "proj_base": {"zh": "{base}年基数", "en": "{base} base"},
    "proj_increment": {"zh": "目标对应增量", "en": "Increment implied by the target"},
    "proj_axis": {"zh": "亿元", "en": "RMB 100 million"},
    "proj_panel": {
        "zh": "{name}{basis}\n目标：增长{target}",
        "en": "{name}{basis}\ntarget: {target}",
    },
    "proj_at_base_prices": {"zh": "按{base}年价格", "en": "at {base} prices"},
    "proj_nominal": {"zh": "现价", "en": "current prices"},
    "proj_real_note": {
        "zh": "{names}目标为可比价增速：换算为现价总量需要价格（平减指数）假设；"
        "此处未作价格假设，按{base}年价格推算。",
        "en": "{names}: the target is real growth (comparable prices); a current-price level "
        "needs a price (deflator) assumption. None is made here: the projection is at {base} "
        "prices.",
    },
    "proj_deflator_note": {
        "zh": "{names}目标为可比价增速：按假设平减指数上涨{deflator:g}%换算为现价总量。",
        "en": "{names}: the target is real growth, converted to current prices assuming "
        "the deflator rises {deflator:g}%.",
    },
    "proj_floor_note": {
        "zh": "“以上”为下限：箭头表示目标允许更高。",
        "en": "A floor target ('or more'): the arrow means a higher level is within the target.",
    },
    # Task targets
    "task_title": {
        "zh": "{target}年任务目标相当于{base}年完成值的比例",
        "en": "{target} task targets as a share of {base} outcomes",
    },
    "task_subtitle": {
        "zh": "{district}：目标值 ÷ 上年完成值；100%表示与上年持平",
        "en": "{district}: target ÷ last year's outcome; 100% = same as last year",
    },
    "task_axis": {
        "zh": "目标占{base}年完成值的比例（%）",
        "en": "Target as % of the {base} outcome",
    },
    "task_reference": {"zh": "与{base}年持平", "en": "Same as {base}"},
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
        "zh": "{district}累计增速：已公布值与预测",
        "en": "{district}: cumulative growth, actual and forecast",
    },
    "fan_subtitle": {
        "zh": "阴影为80%和95%预测区间",
        "en": "Shaded: 80% and 95% forecast intervals",
    },
    "fan_axis": {"zh": "累计同比增速（%）", "en": "Cumulative year-on-year growth (%)"},
    "fan_history": {"zh": "已公布", "en": "Published"},
    "fan_mean": {"zh": "预测", "en": "Forecast"},
    "fan_80": {"zh": "80%区间", "en": "80% interval"},
    "fan_95": {"zh": "95%区间", "en": "95% interval"},
    "fan_target": {"zh": "目标 {value:g}%", "en": "Target {value:g}%"},
    "fan_period_axis": {"zh": "时期", "en": "Period"},
    "fan_title_indicator": {
        "zh": "{name}累计增速：已公布值与预测",
        "en": "{name}: cumulative growth, actual and forecast",
    },
    "fan_title_example": {
        "zh": "示例：{name}累计增速预测（合成数据）",
        "en": "Example: {name} cumulative growth forecast (synthetic data)",
    },
    "fan_source_ytd": {"zh": "累计数据：{name}", "en": "Year-to-date data: {name}"},
    # issue 21: the forecast's fan slide (coverage, probability band, scenarios, anchored
    # forecast); numbers and codes come from forecast.presentation.FanFacts
    "f21_coverage": {
        "zh": "回测{n}次，实际值落入80%区间{c80}、95%区间{c95}",
        "en": "backtest of {n} forecasts: {c80} inside the 80% interval, {c95} inside the 95%",
    },
    "f21_no_backtest": {
        "zh": "历史数据不足，尚无回测",
        "en": "too little history for a backtest of the intervals",
    },
    "f21_scale": {
        "zh": "区间按以往误差校准×{scale}",
        "en": "intervals scaled on past errors x{scale}",
    },
    "f21_side_title": {
        "zh": "全年增速（%）：预测、锚定与情景",
        "en": "Full-year growth (%): forecast, anchored, scenarios",
    },
    "f21_bar_model": {"zh": "预测（{k}种方法加权）", "en": "Forecast ({k} methods weighted)"},
    "f21_bar_anchored": {
        "zh": "锚定：{area}预测+常年差距",
        "en": "Anchored: {area} forecast + usual gap",
    },
    "f21_bar_latest_period": {
        "zh": "情景：余下月份同{span}（{rest}）",
        "en": "Scenario: rest of year as {span} ({rest})",
    },
    "f21_bar_last_year": {
        "zh": "情景：余下月份同上年同期（{rest}）",
        "en": "Scenario: rest of year as last year's ({rest})",
    },
    "f21_area_city": {"zh": "{city}", "en": "Xinxiang"},
    "f21_area_province": {"zh": "河南省", "en": "Henan"},
    "f21_area_nation": {"zh": "全国", "en": "China"},
    "f21_col_label": {"zh": "预测与情景", "en": "Forecast and scenarios"},
    "f21_col_rest": {"zh": "余下月份增速（%）", "en": "Rest of year (%)"},
    "f21_col_reference": {"zh": "外推基期", "en": "Base year used"},
    "f21_col_two_year": {"zh": "两年平均增速（%）", "en": "Two-year average (%)"},
    "f21_col_run_rate": {"zh": "累计增速外推（%）", "en": "Run-rate (%)"},
    "f21_col_sarimax": {"zh": "季度AR(1)（%）", "en": "Quarterly AR(1) (%)"},
    "f21_col_actual": {"zh": "公布全年增速（%）", "en": "Published full year (%)"},
    "f21_more_sites": {"zh": "{names} 等{n}个网站", "en": "{names} and {more} more sites"},
    "f21_side_label": {"zh": "{name}，全年{value}", "en": "{name}: {value} for the year"},
    "f21_bar_target_pace": {
        "zh": "情景：余下月份按目标所需（{rest}）",
        "en": "Scenario: rest of year at the target's pace ({rest})",
    },
    "f21_takeaway": {
        "zh": "{year}年全年预计增长{mean}（80%区间{low}至{high}），{band}{goal}目标",
        "en": "{year}: {mean} expected (80% interval {low} to {high}); {band} the {goal} target",
    },
    "f21_band_likely": {"zh": "很可能达到", "en": "likely to meet"},
    "f21_band_possible": {"zh": "有可能达到", "en": "may meet"},
    "f21_band_unlikely": {"zh": "难以达到", "en": "unlikely to meet"},
    "f21_takeaway_no_band": {
        "zh": "{year}年全年预计增长{mean}（80%区间{low}至{high}）；"
        "回测不足{need}次，不判断能否达到目标",
        "en": "{year}: {mean} expected (80% interval {low} to {high}); fewer than {need} past "
        "forecasts, no judgement on the target",
    },
    "f21_note_drawn": {
        "zh": "左图：已公布的累计增速（蓝色实线）、预测（蓝色虚线）、80%预测区间上下限（灰色虚线）"
        "和全年目标（橙色虚线）。右图：全年增速的预测{extra}和{k}种情景。",
        "en": "Left: published cumulative growth (solid blue), the forecast (dashed blue), the "
        "80% interval's bounds (dashed grey) and the annual target (dashed orange). Right: the "
        "full-year forecast{extra} and {k} scenarios.",
    },
    "f21_note_drawn_anchored": {"zh": "、锚定预测", "en": ", the anchored forecast"},
    "f21_note_probability": {
        "zh": "达到{goal}目标的概率{p}（按公布口径保留一位小数判断；回测{n}次）。“很可能”指概率"
        "不低于三分之二，“有可能”介于三分之一与三分之二之间，“难以”指不高于三分之一。",
        "en": "Chance of meeting the {goal} target {p} (judged on the published one-decimal "
        "figure; {n} past forecasts). Likely: two in three or more; may: between one in three "
        "and two in three; unlikely: one in three or less.",
    },
    "f21_note_no_probability": {
        "zh": "回测仅{n}次，少于{need}次，不给出达到目标的概率。",
        "en": "Only {n} past forecasts, fewer than {need}: no chance of meeting the target given.",
    },
    "f21_note_method": {
        "zh": "预测为各方法全年预测的加权平均，"
        "权重按各方法在本序列以往回测的误差确定：{weight_list}。",
        "en": "The forecast is the weighted mean of the methods' full-year forecasts, weighted by "
        "their past errors on this series: {weight_list}.",
    },
    "f21_weight": {"zh": "{name}{w}（{value}）", "en": "{name} {w} ({value})"},
    "f21_method_base_effect": {"zh": "结构模型", "en": "structured model"},
    "f21_method_sarimax": {"zh": "季度AR(1)", "en": "quarterly AR(1)"},
    "f21_method_run_rate": {"zh": "累计增速外推", "en": "run-rate"},
    "f21_method_anchored": {"zh": "锚定预测", "en": "anchored forecast"},
    "f21_note_basis": {
        "zh": "上年同期基数异常（{years}年），外推类方法按与{reference}年相比的{k}年平均增速推算，"
        "再换算回同比增速；结构模型此时不参与加权。",
        "en": "Last year's same months were abnormal ({years}): the simple methods work on the "
        "{k}-year average growth over {reference} and convert back; the structured model is left "
        "out of the weights.",
    },
    "f21_note_scale": {
        "zh": "预测区间为结构模型的标准差乘以{scale}（{how}）。",
        "en": "The interval is the structured model's sd times {scale} ({how}).",
    },
    "f21_scale_own": {
        "zh": "按本序列{n}个以往误差校准，并向长序列学得的先验倍数{prior}收缩",
        "en": "from {n} past errors on this series, shrunk toward the prior {prior} learned on "
        "long series",
    },
    "f21_scale_prior": {
        "zh": "本序列以往误差不足，用长序列学得的先验倍数{prior}",
        "en": "too few past errors on this series, so the prior {prior} learned on long series",
    },
    "f21_note_no_backtest": {
        "zh": "历史数据不足，尚无回测，不给出达到目标的概率。",
        "en": "Too little history for a backtest: no chance of meeting the target given.",
    },
    "f21_note_anchored": {
        "zh": "锚定预测：{area}全年预测{wider}，加上{years}年{district}与{area}的平均差距{gap}。",
        "en": "Anchored forecast: {area}'s forecast {wider} plus {district}'s mean gap to it in "
        "{years}, {gap}.",
    },
    "f21_note_scenarios": {
        "zh": "情景的全年增速=余下月份增速×剩余比重+已公布累计增速×已过比重，比重：{weights}。",
        "en": "A scenario's year = growth of the rest x its share + growth so far x the share "
        "elapsed; shares: {weights}.",
    },
}

# The briefing's own frames around the charts (title slide, table headers, judgements).
BRIEF_STRINGS: dict[str, dict[str, str]] = {
    # Title slide
    "deck_title": {"zh": "{district}经济运行简报", "en": "{district}: economic briefing"},
    "deck_place": {"zh": "河南省{city}", "en": "Xinxiang, Henan province"},
    "deck_period": {
        "zh": "{base}年计划执行情况与{target}年计划",
        "en": "Implementation of the {base} plan and the {target} plan",
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
        "zh": "{target}年月度、季度统计数据尚未纳入",
        "en": "No {target} monthly or quarterly statistics included yet",
    },
    "cover_as_of": {"zh": "数据截至：{when}", "en": "Data as of: {when}"},
    "cover_made": {"zh": "编制日期：{date}", "en": "Prepared: {date}"},
    "as_of_report": {
        "zh": "{base}年全年（{when}报告）",
        "en": "full year {base} (report of {when})",
    },
    "page_number": {"zh": "{n} / {total}", "en": "{n} / {total}"},
    # Headline table
    "table_title": {
        "zh": "主要指标：{base}年完成情况与{target}年目标",
        "en": "Headline indicators: {base} outcome and {target} target",
    },
    "col_indicator": {"zh": "指标", "en": "Indicator"},
    "col_level": {"zh": "{base}年总量", "en": "{base} level (RMB 100 million)"},
    "col_actual": {"zh": "{base}年增速", "en": "{base} growth"},
    "col_target": {"zh": "{target}年目标", "en": "{target} target"},
    "col_gap": {"zh": "差距（个百分点）", "en": "Gap (pp)"},
    "col_basis": {"zh": "口径", "en": "Basis"},
    "col_basis_real": {"zh": "可比价", "en": "comparable prices"},
    "col_basis_nominal": {"zh": "现价", "en": "current prices"},
    "col_basis_rate": {"zh": "比率", "en": "rate"},
    "cell_not_stated": {"zh": "未公布", "en": "not stated"},
    "not_applicable": {"zh": "—", "en": "—"},
    "growth_value": {"zh": "增长{value}", "en": "{value} growth"},
    "table_gap_note": {
        "zh": "差距 = {target}年目标 − {base}年增速，单位为个百分点（目标为“以上”时是下限）。",
        "en": "Gap = {target} target − {base} growth, in percentage points (a floor where the "
        "target says 'or more').",
    },
    "table_missing_note": {
        "zh": "“未公布”表示报告未给出该数值（{names}），不作推算。",
        "en": "'not stated': the report gives no such figure ({names}); none is estimated.",
    },
    "table_basis_note": {
        "zh": "地区生产总值和规上工业增加值增速按可比价计算，其余按现价计算；总量为现价。",
        "en": "GDP and industrial value added grow at comparable prices (real), the "
        "others at current prices (nominal); levels are at current prices.",
    },
    # Target attainment (two reports: last year's targets against this year's outcomes)
    "att_title": {"zh": "{year}年主要目标完成情况", "en": "{year} headline targets: met or not"},
    "att_col_target": {"zh": "{year}年目标", "en": "{year} target"},
    "att_col_outcome": {"zh": "{year}年完成", "en": "{year} outcome"},
    "att_col_status": {"zh": "结果", "en": "Result"},
    "att_met": {"zh": "完成", "en": "met"},
    "att_not_met": {"zh": "未完成", "en": "not met"},
    "att_not_comparable": {"zh": "无法对照", "en": "not comparable"},
    "att_summary": {
        "zh": "全部{n}项{year}年目标：完成{met}项，未完成{missed}项，无法对照{nc}项"
        "（明细见notebook 03）。",
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
    "ytd_weights_levels": {"zh": "w按上年累计值计算", "en": "w from last year's cumulative levels"},
    "ytd_weights_equal_months": {
        "zh": "上年分月数据缺失，假设各月相等",
        "en": "last year's levels missing: equal months assumed",
    },
    "ytd_weights_equal_quarters": {
        "zh": "上年分季数据缺失，假设各季度相等",
        "en": "last year's levels missing: equal quarters assumed",
    },
    "ytd_weights_seasonal": {"zh": "按给定季节比重", "en": "given seasonal shares"},
    "ytd_weights_given": {"zh": "按给定比重", "en": "share given by the user"},
    "ytd_weights_prior_year": {
        "zh": "w按上年同期数占上年全年的比重计算",
        "en": "w from last year's same-period value over its full-year total",
    },
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
    "fan_target_label": {"zh": "全年目标 {goal}", "en": "Annual target {goal}"},
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
        "zh": "{name}增速目标{goal}，比{base}年增速{actual}高{gap}个百分点",
        "en": "{name} growth target {goal} is {gap} pp above {base}'s {actual}",
    },
    "take_gap_below": {
        "zh": "{name}增速目标{goal}，比{base}年增速{actual}低{gap}个百分点",
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
        "zh": "{n}项有{base}年完成值可比的任务目标中{below}项低于上年完成值；"
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
    # Summary (总体判断), plan consistency and closing slides (briefing.judgements)
    "summary_title": {"zh": "总体判断", "en": "Overall assessment"},
    "judge_scale": {
        "zh": "{base}年{name}{level}，总量居全市第{rank}位，占全市{share}。",
        "en": "{name} was {level} in {base}, {rank} in the city by size, {share} of the city's "
        "total.",
    },
    "judge_scale_no_share": {
        "zh": "{base}年{name}{level}，总量居全市第{rank}位。",
        "en": "{name} was {level} in {base}, {rank} in the city by size.",
    },
    "judge_ranks": {
        "zh": "全市排名有强有弱：{best}居第{best_rank}位，{worst}居第{worst_rank}位。",
        "en": "Ranks in the city are uneven: {best} {best_rank}, {worst} {worst_rank}.",
    },
    "judge_targets_up": {
        "zh": "{target}年{n}项可比主要指标的增长目标均高于{base}年增速，差距最大的是{name}"
        "（{goal}对{actual}，高{gap}个百分点）。",
        "en": "All {n} comparable headline growth targets for {target} exceed {base} growth; the "
        "widest gap is {name} ({goal} against {actual}, {gap} pp).",
    },
    "judge_targets_mixed": {
        "zh": "{target}年{n}项可比主要指标中{up}项增长目标高于{base}年增速，差距最大的是{name}"
        "（高{gap}个百分点）。",
        "en": "{up} of {n} comparable headline growth targets for {target} exceed {base} growth; "
        "the widest gap is {name} ({gap} pp).",
    },
    "judge_missing": {
        "zh": "报告未给出{base}年{names}增速，{target}年这些目标无法与上年比较。",
        "en": "The report gives no {base} growth for {names}, so their {target} targets cannot be "
        "compared with last year.",
    },
    "judge_dataset": {
        "zh": "数据集收录{n}个指标：完成值{actual}条、目标{target}条、推算值{derived}条，"
        "每条带原文出处。",
        "en": "The dataset holds {n} indicators: {actual} outcomes, {target} targets and "
        "{derived} derived values, each with its quote.",
    },
    "ytd_no_forecast": {
        "zh": "没有{target}年累计数据，不作预测（下面的示例用标注为合成的数据）。",
        "en": "No {target} year-to-date data, so no forecast (the example below uses data "
        "labelled synthetic).",
    },
    "judge_no_ytd": {
        "zh": "处理库中尚无{target}年年内统计数据：年内缺口与预测需在data/quarterly/"
        "放入累计数据后生成。",
        "en": "No {target} in-year statistics in the store yet: in-year gaps and forecasts appear "
        "once year-to-date files are in data/quarterly/.",
    },
    "plan_title": {"zh": "计划目标的内在一致性", "en": "Internal consistency of the plan targets"},
    "plan_investment": {
        "zh": "投资：{fai_name}目标增长{fai}，但重点项目投资目标仍为{kpi_target}（{base}年完成"
        "{kpi_actual}），项目个数由{n_base}个降至{n_target}个以上——增量要靠更少、更大的项目，"
        "或重点项目以外的投资。",
        "en": "Investment: {fai_name} is to grow {fai}, yet the key-project investment target "
        "stays at {kpi_target} ({base}: {kpi_actual}) while the project count falls from "
        "{n_base} to {n_target} or more: the increase must come from fewer, larger projects or "
        "from investment outside the key-project list.",
    },
    "judge_investment": {
        "zh": "投资目标与项目安排不匹配：{fai_name}目标增长{fai}，重点项目投资目标仍为{kpi_target}"
        "（{base}年完成{kpi_actual}），项目个数由{n_base}个降至{n_target}个以上。",
        "en": "Investment targets and projects do not match: {fai_name} is to grow {fai}, but "
        "key-project investment stays at {kpi_target} ({base}: {kpi_actual}) with the project "
        "count down from {n_base} to {n_target} or more.",
    },
    "plan_revenue": {
        "zh": "财力：{rev_name}目标增长{rev}（{base}年增长{rev_actual}），税收占比已达{share}，"
        "非税收入无调节空间；非税收入持平时，税收需增长约{tax_need}（{base}年{tax_actual}）。",
        "en": "Revenue: {rev_name} is to grow {rev} ({base}: {rev_actual}) with a tax share of "
        "{share}, so there is no non-tax lever; with non-tax revenue flat, tax revenue must grow "
        "about {tax_need} ({base}: {tax_actual}).",
    },
    "plan_battery": {
        "zh": "产业：电池产业链营业收入增长{battery}，规上工业增加值仅增长{industry}"
        "（{industry_basis}），相差{diff}个百分点——电池链以外的工业偏弱。",
        "en": "Industry: battery-chain revenue grew {battery} while {industry_name} grew "
        "{industry} ({industry_basis}), a {diff} pp difference: industry outside the battery "
        "chain is weak.",
    },
    "plan_missing": {
        "zh": "缺口：报告未给出{base}年{names}增速，{target}年目标的力度无从判断。",
        "en": "Gaps: the report gives no {base} growth for {names}, so how demanding their "
        "{target} targets are cannot be judged.",
    },
    "plan_caveat_investment": {
        "zh": "重点项目投资与固定资产投资统计口径不同，前者不是后者的子集合计。",
        "en": "Key-project investment and investment in fixed assets are measured differently; "
        "the first is not a component total of the second.",
    },
    "plan_caveat_revenue": {
        "zh": "所需税收增速 =（收入 ×（1 + 目标）− 非税收入）÷ 税收 − 1，假设非税收入持平。",
        "en": "Tax growth needed = (revenue × (1 + target) − non-tax revenue) ÷ tax − 1, "
        "assuming non-tax revenue stays flat.",
    },
    "plan_caveat_battery": {
        "zh": "口径不同：营业收入为现价、含中间投入，增加值为可比价；两者不能直接相减，"
        "但差距之大使结论成立。",
        "en": "Different measures: revenue is nominal and includes intermediate inputs, value "
        "added is real; the two do not subtract, but the difference is too large to be a "
        "measurement effect.",
    },
    "closing_title": {"zh": "亮点、短板与风险", "en": "Strengths, weaknesses and risks"},
    "closing_strengths": {"zh": "亮点：{items}", "en": "Strengths: {items}"},
    "closing_weaknesses": {"zh": "短板：{items}", "en": "Weaknesses: {items}"},
    "closing_risks": {"zh": "风险：{items}", "en": "Risks: {items}"},
    "closing_rank_item": {"zh": "{name}第{rank}位", "en": "{name} {rank}"},
    "closing_growth_item": {"zh": "{name}增长{value}", "en": "{name} {value} growth"},
    "closing_gap_item": {
        "zh": "{name}需从{actual}提速到{goal}",
        "en": "{name} must speed up from {actual} to {goal}",
    },
    "closing_tax_item": {
        "zh": "收入目标几乎全靠税收（需增长约{tax_need}）",
        "en": "the revenue target rests on tax alone (about {tax_need} growth needed)",
    },
    "closing_missing_item": {
        "zh": "{names}缺少{base}年增速基准",
        "en": "no {base} growth baseline for {names}",
    },
    "note_chart_data": {
        "zh": "图表数据已嵌入，可在PowerPoint或WPS中右键“编辑数据”查看。",
        "en": "The chart's data are embedded: right-click, Edit Data in PowerPoint or WPS.",
    },
    "note_colours": {
        "zh": "配色（全篇一致）：蓝色为{district}完成值，橙色为{target}年目标，"
        "灰色为全市、参照或中间段；"
        "排名图中绿色、灰色、朱红色分别为前、中、后三分之一。",
        "en": "Colours (the same on every slide): blue = {district} outcomes, orange = {target} "
        "targets, grey = the city, a reference or the middle; on the ranking chart green, grey "
        "and vermilion = top, middle and bottom thirds.",
    },
    "rank_label": {"zh": "第{rank}位", "en": "No. {rank}"},
    "progress_so_far": {"zh": "累计增速", "en": "Growth so far"},
    "progress_target": {"zh": "全年目标", "en": "Annual target"},
    "progress_needed": {"zh": "剩余时期所需增速", "en": "Growth the rest of the year needs"},
    "progress_completion": {"zh": "完成进度（%）", "en": "Completed (%)"},
    "progress_elapsed": {"zh": "序时进度（%）", "en": "Time elapsed (%)"},
    "progress_pct_axis": {"zh": "占全年目标（%）", "en": "Share of the annual target (%)"},
    "progress_note": {
        "zh": "状态（正常、预警、滞后）写在指标名后；所需增速按上年同期基数加权计算，"
        "权重来源见上页。",
        "en": "The status (on track, at risk, off track) follows each name; the growth needed "
        "weights the rest of the year by last year's levels (weights: see the previous slide).",
    },
    "series_share": {"zh": "占全市比重（%）", "en": "Share of the city (%)"},
    "series_ratio": {"zh": "目标占{base}年完成值（%）", "en": "Target as % of {base}"},
}
BRIEF_KEYS = frozenset(BRIEF_STRINGS)
STRINGS.update(BRIEF_STRINGS)

# Notebook table headers (display.table): column codes in each language.
TABLE_HEADERS: dict[str, dict[str, str]] = {
    "name": {"zh": "指标", "en": "Indicator"},
    "indicator": {"zh": "指标代码", "en": "Indicator code"},
    "period": {"zh": "时期", "en": "Period"},
    "year": {"zh": "年份", "en": "Year"},
    "kind": {"zh": "类型", "en": "Kind"},
    "measure": {"zh": "度量", "en": "Measure"},
    "ranked_on": {"zh": "排名对象", "en": "Ranked on"},
    "rank": {"zh": "位次", "en": "Rank"},
    "standing_text": {"zh": "定性表述", "en": "Standing"},
    "printed": {"zh": "原文数值", "en": "As printed"},
    "value": {"zh": "数值", "en": "Value"},
    "unit": {"zh": "单位", "en": "Unit"},
    "qualifier": {"zh": "限定词", "en": "Qualifier"},
    "bound": {"zh": "目标性质", "en": "Bound"},
    "commitment": {"zh": "承诺程度", "en": "Commitment"},
    "price_basis": {"zh": "价格口径", "en": "Price basis"},
    "quote": {"zh": "原文", "en": "Quote"},
    "formula": {"zh": "计算公式", "en": "Formula"},
    "inputs": {"zh": "所用数据", "en": "Inputs"},
    "note": {"zh": "说明", "en": "Note"},
    "category": {"zh": "类别", "en": "Category"},
    "target": {"zh": "目标", "en": "Target"},
    "actual": {"zh": "基年完成", "en": "Base-year outcome"},
    "base_year": {"zh": "基年", "en": "Base year"},
    "plan_year": {"zh": "计划年", "en": "Plan year"},
    "level": {"zh": "总量", "en": "Level"},
    "growth": {"zh": "增速（%）", "en": "Growth (%)"},
    "base": {"zh": "基数", "en": "Base"},
    "outcome": {"zh": "完成值", "en": "Outcome"},
    "status": {"zh": "完成情况", "en": "Status"},
    "reason": {"zh": "原因", "en": "Reason"},
    "gap_pp": {"zh": "差距（个百分点）", "en": "Gap (pp)"},
    "ratio_pct": {"zh": "目标占上年完成（%）", "en": "Target as % of outcome"},
    "muye_level": {"zh": "{district}总量", "en": "{district} level"},
    "city_level": {"zh": "全市总量", "en": "City level"},
    "share_pct": {"zh": "占全市比重（%）", "en": "Share of the city (%)"},
    "muye_growth": {"zh": "{district}增速（%）", "en": "{district} growth (%)"},
    "city_growth": {"zh": "全市增速（%）", "en": "City growth (%)"},
    "source_title": {"zh": "来源", "en": "Source"},
    "source_url": {"zh": "网址", "en": "URL"},
    "url": {"zh": "网址", "en": "URL"},
    "derived": {"zh": "推算方法", "en": "How derived"},
    "region": {"zh": "地区", "en": "Area"},
    "robust": {"zh": "结论稳健", "en": "Robust"},
    "sha256": {"zh": "SHA-256", "en": "SHA-256"},
    "actual_unit": {"zh": "完成值单位", "en": "Outcome unit"},
    "target_to_actual": {"zh": "目标÷上年完成", "en": "Target ÷ outcome"},
    "section": {"zh": "报告章节", "en": "Section"},
    "n": {"zh": "指标个数", "en": "Indicators"},
    # forecast backtests (forecast.calibration.summary_table)
    "method": {"zh": "方法", "en": "Method"},
    "origins": {"zh": "回测次数", "en": "Origins"},
    "refused": {"zh": "历史不足未预测", "en": "Refused (too little history)"},
    "mae": {"zh": "平均绝对误差（个百分点）", "en": "MAE (pp)"},
    "rmse": {"zh": "均方根误差（个百分点）", "en": "RMSE (pp)"},
    "coverage_80_pct": {"zh": "80%区间覆盖率（%）", "en": "80% interval coverage (%)"},
    "coverage_95_pct": {"zh": "95%区间覆盖率（%）", "en": "95% interval coverage (%)"},
    "interval_score": {
        "zh": "区间得分（宽度+10×落空）",
        "en": "Interval score (width + 10 × miss)",
    },
    "increment": {"zh": "目标对应增量", "en": "Increment"},
    "projected": {"zh": "推算{target}年总量", "en": "Implied {target} level"},
    "at_base_prices": {"zh": "按{base}年价格", "en": "At {base} prices"},
    "measure_zh": {"zh": "度量", "en": "Measure"},
    "annual": {"zh": "全年增速（%）", "en": "Full-year growth (%)"},
}
# Codes inside table cells, shown in each language (anything else is shown as it is).
TABLE_VALUES: dict[str, dict[str, str]] = {
    # forecast methods (the backtest tables)
    # issue 21: the default is the combination; base_effect is one of its methods
    "combined": {
        "zh": "多方法加权（默认）",
        "en": "weighted methods (default)",
    },
    "base_effect": {
        "zh": "基数效应结构模型（区间已校准）",
        "en": "base-effect model (recalibrated)",
    },
    "base_effect_raw": {
        "zh": "基数效应模型（区间未校准）",
        "en": "base-effect model (not recalibrated)",
    },
    "sarimax": {"zh": "季度AR(1)（旧默认）", "en": "quarterly AR(1) (old default)"},
    "ets": {"zh": "指数平滑", "en": "exponential smoothing"},
    "run_rate": {"zh": "按当前累计增速", "en": "run rate (growth so far)"},
    "naive_last": {"zh": "其余季度同最近一季", "en": "rest like the latest quarter"},
    "naive_seasonal": {"zh": "其余季度同上年同季", "en": "rest like last year's quarters"},
    "actual": {"zh": "完成值", "en": "outcome"},
    "target": {"zh": "目标", "en": "target"},
    "derived": {"zh": "推算值", "en": "derived"},
    "level": {"zh": "总量", "en": "level"},
    "growth_rate": {"zh": "增速", "en": "growth"},
    "share": {"zh": "占比", "en": "share"},
    "rank": {"zh": "位次", "en": "rank"},
    "rate": {"zh": "比率", "en": "rate"},
    "count": {"zh": "个数", "en": "count"},
    "ratio": {"zh": "倍数", "en": "ratio"},
    "amount": {"zh": "额度", "en": "amount"},
    "at_least": {"zh": "下限（以上）", "en": "floor (or more)"},
    "at_most": {"zh": "上限（以内）", "en": "ceiling"},
    "about": {"zh": "左右", "en": "about"},
    "exact": {"zh": "确定值", "en": "exact"},
    "real": {"zh": "可比价", "en": "comparable prices"},
    "nominal": {"zh": "现价", "en": "current prices"},
    "top": {"zh": "前三分之一", "en": "top third"},
    "middle": {"zh": "中间三分之一", "en": "middle third"},
    "bottom": {"zh": "后三分之一", "en": "bottom third"},
    "True": {"zh": "是", "en": "yes"},
    "False": {"zh": "否", "en": "no"},
}


def table_header(column: str, lang: str) -> str:
    """A table column's header in ``lang`` (the code itself when unknown)."""
    entry = TABLE_HEADERS.get(column)
    if entry is None:
        return column
    return entry[lang].format(**_default_fields(lang))


def table_value(value: Any, lang: str) -> Any:
    """A code in a table cell ('actual', 'at_least', 'real') in ``lang``; other values as
    they are."""
    if _is_missing(value):
        return value
    entry = TABLE_VALUES.get(str(value))
    return value if entry is None else entry[lang]


def _default_fields(lang: str) -> dict[str, Any]:
    district = config.DISTRICT_ZH if lang == "zh" else config.DISTRICT_EN
    return {"district": district, **report_years()}


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
    # issue 21: fields of the f21_* strings
    "c80": "83%",
    "c95": "93%",
    "scale": "1.43",
    "k": 3,
    "year": 2031,
    "mean": "5.8%",
    "low": "4.9%",
    "high": "6.7%",
    "w": "0.45",
    "reference": 2029,
    "prior": "1.43",
    "wider": "6.1%",
}
SAMPLE_FIELDS: dict[str, dict[str, Any]] = {
    "zh": {
        **_SAMPLE_COMMON,
        "standing": "第一方阵",
        "name": "国债资金",
        "names": "地区生产总值、固定资产投资",
        "muye_level": "232.1",
        "city_level": "3347.6",
        "target": "≥8000人",
        "actual": "8317人",
        "basis": "（可比价）",
        "weights": "假设各月基数相等",
        "period": "2031年1-9月",
        "rest": "四季度",
        "files": "月报.xlsx",
        # issue 21
        "area": "河南省",
        "span": "2031年7-9月",
        "band": "很可能达到",
        "extra": "、锚定预测",
        "weight_list": "结构模型0.45（5.9%）",
        "years": "2030",
        "how": "本序列以往误差不足",
        "p": "约43%",
        "gap": "-0.3个百分点",
        "more": 2,
    },
    "en": {
        **_SAMPLE_COMMON,
        "standing": "Leading group",
        "name": "Treasury-bond funds",
        "names": "GDP and Investment",
        "muye_level": "RMB 23.21 bn",
        "city_level": "RMB 334.76 bn",
        "target": "≥8000 people",
        "actual": "8317 people",
        "basis": " (real)",
        "weights": "assumption: equal months",
        "period": "Jan-Sep 2031",
        "rest": "Q4",
        "files": "report.xlsx",
        # issue 21
        "area": "Henan",
        "span": "Jul-Sep 2031",
        "band": "likely to meet",
        "extra": ", the anchored forecast",
        "weight_list": "structured model 0.45 (5.9%)",
        "years": "2030",
        "how": "too few past errors",
        "p": "about 43%",
        "gap": "-0.3 pp",
        "more": 2,
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
_CITY_PLAN_TITLE = re.compile(r"^新乡市(\d{4})年国民经济和社会发展计划")


def source_title_en(title: str) -> str | None:
    """'Xinxiang city <year> plan report' for the city's plan reports; None if unknown."""
    match = _CITY_PLAN_TITLE.match(title)
    return f"Xinxiang city {match.group(1)} plan report" if match else None


# English units and amounts live with the conversions (muye_analysis.units): one money
# convention ("RMB 100 million" in tables and on axes, "RMB bn" in prose and labels) and 万斤 in
# tonnes. These names stay for the charts' callers.
UNITS_EN = units.UNITS_EN
_SCALED_UNITS_EN = units.SCALED_UNITS_EN


def unit_label(unit: str, lang: str) -> str:
    """The unit as printed in Chinese, or its English rendering ('' for plain counts)."""
    _check_lang(lang)
    return unit if lang == "zh" else units.unit_en(unit)


def amount(value: float, unit: str, lang: str) -> str:
    """A value with its unit for inline labels: '80亿元' / 'RMB 8 bn', '200个' / '200',
    '3410万斤' / '17,050 t'."""
    from muye_analysis.display import format_number

    _check_lang(lang)
    return f"{format_number(value)}{unit}" if lang == "zh" else units.amount_en(value, unit)


def money(yi: float, lang: str) -> str:
    """An amount given in 亿元, as prose shows it: '232.1亿元' / 'RMB 23.21 bn' (or 'RMB 42.03 mn'
    below one billion)."""
    _check_lang(lang)
    return f"{round(yi, 6):g}亿元" if lang == "zh" else units.money_en(yi)


def yi_yuan(value: float, lang: str) -> str:
    """An amount in 亿元 for a tight label: '232.1' in Chinese (unit given once), 'RMB 23.21 bn'."""
    _check_lang(lang)
    return f"{value:g}" if lang == "zh" else units.money_en(value)


def tonnes(value: float, unit: str) -> float:
    """A weight in 万斤 or 斤 in tonnes (1 jin = 0.5 kg): 3410万斤 = 17,050 t."""
    return value * units.TONNES_PER_UNIT[unit]


_spell_scale = units.spell_scale


def report_years() -> dict[str, int]:
    """The year the latest report covers (``base``) and the year it plans (``target``), from
    its origin record (``muye_analysis.reports``)."""
    from muye_analysis.reports import latest_report

    latest = latest_report()
    return {"base": latest.base_year, "target": latest.plan_year}


def text(key: str, lang: str, **fields: Any) -> str:
    """The string ``key`` in ``lang``, with ``fields`` filled in.

    ``district`` and ``city`` default to the project's names; ``base`` and ``target`` to the
    report's years (:func:`report_years`).
    """
    _check_lang(lang)
    try:
        template = STRINGS[key][lang]
    except KeyError:
        raise KeyError(f"no string {key!r}; add it to muye_analysis.vocab.STRINGS") from None
    if lang == "zh":
        fields.setdefault("district", config.DISTRICT_ZH)
        fields.setdefault("city", config.CITY_ZH)
    else:
        fields.setdefault("district", config.DISTRICT_EN)
        fields.setdefault("city", "Xinxiang")
    _fill_years(fields)
    return template.format(**fields)


def _fill_years(fields: dict[str, Any]) -> None:
    """``base``/``target`` and their aliases ``base_year``/``plan_year`` (the names
    ``Report.years`` uses), one filled from the other, else from the latest report."""
    for short, long in (("base", "base_year"), ("target", "plan_year")):
        if short in fields and long not in fields:
            fields[long] = fields[short]
        elif long in fields and short not in fields:
            fields[short] = fields[long]
    if not all(k in fields for k in ("base", "target")):
        years = report_years()
        fields.setdefault("base", years["base"])
        fields.setdefault("target", years["target"])
        fields.setdefault("base_year", fields["base"])
        fields.setdefault("plan_year", fields["target"])


# The official terms, which take precedence over the registry's names where a briefing audience
# expects them: a congress-facing Chinese text says 地区生产总值 (not GDP) and 一般公共预算收入
# (财政收入 reads as the wider 全口径 to a finance bureau); the English follows the national
# statistics bureau's terms.
OFFICIAL_NAMES: dict[str, dict[str, str]] = {
    "gdp": {"short_zh": "地区生产总值", "name_en": "Gross domestic product (GDP)"},
    "industrial_value_added": {
        "short_zh": "规上工业增加值",
        "name_en": "Value added of industrial enterprises above designated size",
        "short_en": "Industrial value added",
    },
    "fixed_asset_investment": {
        "short_zh": "固定资产投资",
        "name_en": "Investment in fixed assets",
        "short_en": "Fixed-asset investment",
    },
    "budget_revenue": {
        "short_zh": "一般公共预算收入",
        "name_en": "General public budget revenue",
        "short_en": "Budget revenue",
    },
    "retail_sales": {
        "short_zh": "社会消费品零售总额",
        "name_en": "Total retail sales of consumer goods",
        "short_en": "Retail sales",
    },
    "tax_share": {
        "short_zh": "税收占比",
        "name_en": "Tax revenue as a share of general public budget revenue",
        "short_en": "Tax share",
    },
    "budget_expenditure": {"short_zh": "一般公共预算支出"},
}
TAX_SHARE_DEFINITION = {
    "zh": "税收占比 = 税收收入 ÷ 一般公共预算收入。",
    "en": "Tax share = tax revenue ÷ general public budget revenue.",
}


def indicator_name(row: Mapping[str, Any], lang: str, *, short: bool = True) -> str:
    """The name of the indicator in ``row`` (a record with short_/name_ columns): the official
    term of :data:`OFFICIAL_NAMES` where there is one, else the registry's."""
    _check_lang(lang)
    keys = [f"short_{lang}", f"name_{lang}"] if short else [f"name_{lang}", f"short_{lang}"]
    official = OFFICIAL_NAMES.get(str(row.get("indicator")), {})
    names = [
        official.get(k) or str(row.get(k))
        for k in keys
        if official.get(k) or (not _is_missing(row.get(k)) and str(row.get(k)).strip())
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
    """'（可比价）' / '（现价）' (or English) for a growth rate's price basis; '' if unknown."""
    if _is_missing(price_basis) or price_basis not in ("real", "nominal"):
        return ""
    return text(f"basis_{price_basis}", lang)


def qualified(value_text: str, bound: Any, lang: str) -> str:
    """``value_text`` marked with its target qualifier: ≥ for floors, ≤ ceilings, ≈ about."""
    if _is_missing(bound) or bound == "exact":
        return value_text
    return text(str(bound), lang, text=value_text)


def join_names(names: list[str], lang: str) -> str:
    """'地区生产总值、固定资产投资' / 'GDP and Investment' / 'A, B and C'."""
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
    parts = [text("report_source", lang, **years), *[e for e in extra if e]]
    return text("source_prefix", lang) + text("source_sep", lang).join(parts)


def context_source(title: str, url: str, lang: str) -> str:
    """How a comparator source is cited: its title (English rendering in English) and URL."""
    if lang == "zh":
        return f"{title}（{url}）" if url else title
    english = source_title_en(title)
    if english is None:
        return url or "see data/raw/context/xinxiang_context.csv"
    return f"{english} ({url})" if url else english


def all_chart_strings(lang: str) -> list[str]:
    """Every chart string in ``lang`` with sample values filled in (for the glyph test)."""
    return [text(key, lang, **SAMPLE_FIELDS[lang]) for key in STRINGS if key not in BRIEF_KEYS]


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pct(value: float, decimals: int = 1) -> str:
    """'4.9%': a percentage as the report prints it."""
    return f"{value:.{decimals}f}%"


def target_text(value: float, qualifier: Any, bound: Any, lang: str) -> str:
    """A target with its qualifier: '6%以上', '5.5%左右' / '≥6%', '≈5.5%'."""
    number = f"{value:g}%"
    if lang == "zh":
        return number + ("" if _is_missing(qualifier) else str(qualifier))
    return bound_symbol(bound) + number


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def _is_missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))
