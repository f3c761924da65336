# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 04 Growth gaps and forecasts · 增速缺口与预测
#
# 每个季度统计局发来累计数据后，经济分析最常问三个问题：离全年目标还差多少？剩下的月份需要多快的增长？
# 全年大概落在哪里？本 notebook 先用报告自带的年度数据回答能回答的部分，
# 再在 `data/quarterly/` 有累计数据时自动计算缺口、所需增速和预测。
#
# *How far behind the target, what growth the rest of the year needs, and where the year may
# land: first on the bundled annual data, then automatically on year-to-date files.*
#
# **所需增速公式 / The required-growth formula**
#
# 全年增速是各段增速按上年基数加权的平均。设上年前几个月累计值占上年全年的比重为 $w$，
# 今年累计增速为 $g_{ytd}$，全年目标为 $g$，则剩余月份需要的增速为
#
# $$g_{rest} = \frac{g - w \cdot g_{ytd}}{1 - w}$$
#
# 常用的简便算法“4×6−3×5=9%”只在四个季度基数相等时成立。四季度基数通常最大：累计增速低于目标时，
# 简便算法高估所需增速；高于目标时低估。剩余月份基数偏小时相反（`targets.equal_weights_bias` 给出差多少）。

# %% tags=["parameters"]
LANG = "zh"  # zh or en: the language of labels
AS_OF = None  # year-to-date period to analyse, e.g. 前三季度; None means the latest
FIGURES_DIR = None  # folder for exported charts; None means figures/ in the project
QUARTERLY_DIR = None  # folder of year-to-date files; None means data/quarterly/ in the project

# %% [markdown]
# ## 总体判断 · Summary
#
# 由数据计算，不手写 / computed from the data, never typed.

# %%
from muye_analysis.briefing.judgements import notebook_summary
from muye_analysis.tables import scenario_table, show_table

notebook_summary("04", LANG, as_of=AS_OF)  # AS_OF: one period, the plan year implied

# %%
import matplotlib.pyplot as plt
import pandas as pd

from muye_analysis import config, forecast, progress, quarterly, targets, vocab
from muye_analysis.charts import (
    plot_progress,
    plot_required_growth_grid,
    save_figure,
    show_saved,
)
from muye_analysis.claims.ytd import gap_claim
from muye_analysis.periods import Period
from muye_analysis.progress import rendering as progress_words
from muye_analysis.reports import as_of_period, latest_report

# %% [markdown]
# ## 1. On the bundled annual data · 仅用报告年度数据
#
# ### Base-year actual versus plan-year target · 基年实际与计划年目标
#
# 差值为个百分点（`base_year` 为基年，`plan_year` 为计划年，均来自报告的来源记录）。
# 报告没有给出的基年增速（如首份报告的地区生产总值和固定资产投资增速）无法计算差值，`note` 列会说明。

# %%
annual = targets.annual_gaps()
show_table(
    annual[["indicator", "base_year", "actual", "plan_year", "target", "qualifier", "price_basis",
            "gap_pp", "note"]],
    LANG,
)  # fmt: skip

# %% [markdown]
# ### Implied bases of the year before · 隐含的上年基数
#
# 基年前一年的基数 = 基年总量 ÷ (1 + 基年增速)。只有名义增速能推出现价基数；实际增速（地区生产总值、
# 规上工业增加值）需要价格假设，这里不推算。推出的基数可能与后来修订的公布数不同。

# %%
show_table(
    targets.implied_bases()[
        ["indicator", "year", "level", "unit", "growth", "price_basis", "base_year", "base", "note"]
    ],
    LANG,
)

# %% [markdown]
# ### The worked example · 算例
#
# 上年四个季度分别为50、55、55、60（合计220），全年目标6%，前三季度增长5.0%：
# 四季度需增长8.67%；若按四个季度相等的简便算法，则是9%。

# %%
quarters, goal, so_far = [50, 55, 55, 60], 6, 5.0
share = targets.share_from_quarter_levels(quarters, 3)
exact = targets.required_growth(goal, so_far, share)
shortcut = targets.required_growth(goal, so_far, targets.equal_share(9, by="quarters"))
for result in (exact, shortcut):  # the same target and growth so far, weighted two ways
    print(vocab.text("nb.worked_example", LANG, levels=vocab.join_names([str(q) for q in quarters], LANG),
                     goal=goal, ytd=so_far, need=result.required,
                     weights=vocab.weights_text(result.weights_source, LANG)))  # fmt: skip

# %% [markdown]
# ### Sensitivity: growth so far × months elapsed · 敏感性：累计增速 × 已过月份
#
# 以地区生产总值“增长6%以上”为例：横轴为已过月份，纵轴为累计增速，格中为剩余月份需要的增速。
# 地区生产总值按季度统一核算，只有一季度、上半年、前三季度三个累计期（按月的表格对它没有意义）；
# 按月统计的指标（社零、固投等）则从1-2月起逐月列出。这里假设各季度基数相等（图上注明）；
# 有上年同期数时，第2节会用实际基数。

# %%
grid = targets.headline_sensitivity("gdp", wide=True)
plan_year = latest_report().plan_year  # the months' names only are shown
sensitivity = grid.rename(columns=lambda m: vocab.text("nb.months_gone", LANG,
                                                       span=Period(plan_year, int(m))))  # fmt: skip
caption = vocab.text("nb.grid_caption", LANG, name=vocab.indicator_name("gdp", LANG),
                     goal=grid.attrs["target"],
                     weights=vocab.weights_text(grid.attrs["weights_source"], LANG))  # fmt: skip
show_table(sensitivity, LANG, decimals=dict.fromkeys(sensitivity.columns, 1), caption=caption)

# %%
fig = plot_required_growth_grid(grid, lang=LANG)
paths = save_figure(fig, f"required_growth_grid_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ## 2. On year-to-date data · 季度累计数据
#
# 把统计局的累计数据表（CSV 或 Excel，格式见 `data/quarterly/README.md`）放进 `data/quarterly/`，
# 重新运行本 notebook（或 `make run`）即可。下面的单元格在没有数据时只给出提示。

# %%
folder = config.quarterly_dir() if QUARTERLY_DIR is None else QUARTERLY_DIR
store = quarterly.load_quarterly(folder) if quarterly.has_data_files(folder) else None
if store is None:
    print(vocab.text("nb.no_ytd", LANG))
else:
    periods = store.drop_duplicates(["year", "end_month"]).sort_values(["year", "end_month"])
    first, last = (Period(int(r["year"]), int(r["end_month"]))
                   for _, r in periods.iloc[[0, -1]].iterrows())  # fmt: skip
    print(vocab.text("nb.ytd_store", LANG, n=store["indicator"].nunique(), first=first, last=last))
    if quarterly.is_synthetic(store).any():
        print(vocab.text("nb.synthetic_rows", LANG))

# %%
period = as_of_period(AS_OF)  # the same period the summary and the briefing use
gaps = [] if store is None else targets.headline_ytd_gaps(store, period=period)
if not gaps:  # no silent cell: say why nothing follows
    print(vocab.text("judge_no_ytd", LANG))
for gap in gaps:
    print(vocab.say(gap_claim(gap), LANG))
    if gap.required is not None:
        weights = vocab.weights_text(gap.required.weights_source, LANG)
        print("  " + vocab.text("nb.weights", LANG, weights=weights))

# %%
if not gaps:
    print(vocab.text("ytd_no_forecast", LANG))
for gap in (g for g in gaps if g.measure == "growth_rate"):  # forecasts of growth only
    series = quarterly.ytd_series(gap.indicator, store)
    try:
        result = forecast.forecast_growth(series)  # the default: base_effect
    except forecast.InsufficientHistory as refusal:
        print(
            f"{gap.indicator}: {refusal}; run-rate only:",
            round(forecast.run_rate(series).annual_mean, 1),
        )
        continue
    result.coverage = forecast.calibration.fan_coverage(series)  # printed beside the fan
    low, high = result.annual_interval(80)
    p_meet = result.probability_of_meeting(gap.target, gap.bound)  # on the published rounding
    shown = "<1%" if p_meet < 0.005 else ">99%" if p_meet > 0.995 else f"{p_meet:.0%}"
    print(f"{gap.indicator}: {result.annual_mean:.1f}% (80%: {low:.1f} to {high:.1f}); P = {shown}")
    if result.remaining_share:
        display(show_table(scenario_table(result.scenarios(), LANG), LANG))  # noqa: F821
    for area in ("新乡市", "河南省"):  # the city's / province's series: store, else ytd_real
        try:
            wider = forecast.anchor.wider_series(area, gap.indicator, store)
            now = forecast.anchor.nowcast_from_wider(series, wider)
        except (KeyError, ValueError, forecast.InsufficientHistory) as why:
            print(f"  {area}: no anchored nowcast ({why})")
            continue
        low, high = now.interval(80)
        print(
            f"  {area} {now.wider_mean:.1f}% + usual gap {now.gap_mean:+.1f} = {now.mean:.1f}% "
            f"(80%: {low:.1f} to {high:.1f}; {now.note})"
        )
    title = vocab.text(
        "fan_title_indicator", LANG, name=vocab.indicator_name(gap.indicator, LANG, short=False)
    )
    own = quarterly.district_rows(store)  # the district's rows, not the city's or province's
    files = ", ".join(sorted(set(own.loc[own["indicator"] == gap.indicator, "file"].astype(str))))
    source = vocab.text("fan_source_ytd", LANG, name=files)
    synthetic = bool(quarterly.is_synthetic(own[own["indicator"] == gap.indicator]).any())
    fig = result.plot(target=gap.target, lang=LANG, title=title, source=source, synthetic=synthetic)
    paths = save_figure(fig, f"forecast_fan_{gap.indicator}_{LANG}", directory=FIGURES_DIR)
    plt.close(fig)
    display(show_saved(paths))  # noqa: F821 (IPython's display)

# %% [markdown]
# ## 3. Progress on every target · 全部目标进度监测
#
# 报告列出的每一项年度目标（增速、比率、总量和个数）一行：截至最新累计期的数值；总量和个数目标的完成进度、
# 序时进度（月数÷12）和上年同期进度；增速目标的其余月份所需增速（权重按上年同期÷上年全年，口径列于表中）
# 和据累计数推算的当季/当月增速；状态（正常/预警/滞后/暂无数据）和理由（需小幅加快/需明显加快/难度很大）。
# 项目总投资（产业园总投资等）是项目规模，不计入年度目标项数。状态规则、“左右”的约定写在表下；
# 同一张表也由 `muye progress --xlsx 文件名` 写成 Excel 工作簿。示例（合成）数据会被标出，简报中不使用。

# %%
progress_store = quarterly.read_store() if store is None else store
table = progress.progress_table(period, store=progress_store)
print(progress_words.progress_takeaway(table, LANG))
shown = progress_words.display_table(table, LANG)  # headers already in LANG
head = lambda column: progress_words.header(column, LANG)  # noqa: E731
show_table(
    shown.drop(columns=[head("source")]),
    LANG,
    # each row's figure at its own decimals (5.0%, 150.5亿元, 6500人), percentages at one
    row_decimals={head("ytd_value"): [0 if r["ytd_value"] is None or r["ytd_value"] != r["ytd_value"]
                                      else progress_words.value_decimals(r)
                                      for r in table.to_dict("records")]},
    decimals=dict.fromkeys([head(c) for c in progress_words.PERCENT_COLUMNS], 1),
)  # fmt: skip

# %%
print(progress_words.rules_note(LANG))

# %%
fig = plot_progress(table, lang=LANG)
paths = save_figure(fig, f"progress_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ## 4. A worked example on real data: Henan's GDP · 实例：河南省地区生产总值（真实数据）
#
# **以下是河南省公开发布的真实累计数据**（2017—2025年地区生产总值累计增速，每个数字附网址和原文，
# 见 `data/raw/ytd_real/`；标注 DERIVED 的几个数由“比上半年加快0.1个百分点”之类的句子推算）。
# 全省数据用来检验预测方法，也是区县“锚定”到上级数据的基础。
#
# 方法（默认 `base_effect`）：把每一个公布的累计增速（一季度、上半年、1-10月……）看作各季度单季增速按上年基数
# 加权的平均，单季增速含上年同期的基数效应（季节 MA(4)）、惯性（AR(1)）、缓慢漂移的水平，
# 以及2020—2022年疫情冲击期更大的波动（单独的方差）。缺月、缺季都不影响使用其余数据。
# 概率按公布口径（保留一位小数）判断；滚动回测给出区间的实际覆盖率，印在图上。
# 区间宽度还按同一序列以往预测的误差校准：每个预测时点只用当时已公布全年数的以往预测，
# 看实际值偏离预测多少个标准差，据此把区间放宽或收窄（点预测不变；以往误差不足9个时不调整），
# 倍数印在图的副标题里。

# %%
real = forecast.real_data.load_real_series()
henan = forecast.real_data.area_ytd("河南省", "gdp", real)
show_table(henan[["period", "growth", "level", "derived", "url"]].tail(8), LANG)

# %%
methods = ("base_effect", "run_rate", "naive_last")
check = forecast.calibration.rolling_backtest(henan, methods=methods)
# one row per method: origins, MAE, coverage of the 80% / 95% intervals, interval score
show_table(
    forecast.calibration.summary_table(check.summary),
    LANG,
    decimals=forecast.calibration.SUMMARY_DECIMALS,
)

# %% [markdown]
# 下面假设只公布到最近一年的前三季度，看模型如何预测全年，并与公布的全年数比较。

# %%
latest_year = int(henan["year"].max())
upto = henan[(henan["year"] < latest_year) | (henan["end_month"] <= 9)]
result = forecast.forecast_growth(upto)
result.coverage = check.coverage("base_effect")
published = henan.loc[(henan["year"] == latest_year) & (henan["end_month"] == 12), "growth"]
low, high = result.annual_interval(80)
weights_text = vocab.weights_text(result.weights_source, LANG)
summary_rows = {
    "zh": [
        ("全年增速预测（%）", f"{result.annual_mean:.1f}"),
        ("80%预测区间（%）", f"{low:.1f}至{high:.1f}"),
        ("已公布全年增速（%）", f"{published.iloc[0]:.1f}" if len(published) else "—"),
        ("季度权重", weights_text),
    ],
    "en": [
        ("Full-year growth forecast (%)", f"{result.annual_mean:.1f}"),
        ("80% interval (%)", f"{low:.1f} to {high:.1f}"),
        ("Published full-year growth (%)", f"{published.iloc[0]:.1f}" if len(published) else "—"),
        ("Quarter weights", weights_text),
    ],
}
show_table(pd.DataFrame(summary_rows[LANG], columns=["name", "value"]), LANG)

# %%
show_table(scenario_table(result.scenarios(), LANG), LANG)

# %%
henan_name = "河南省地区生产总值" if LANG == "zh" else "Henan province GDP"
title = vocab.text("fan_title_indicator", LANG, name=henan_name)
shown, total = forecast.real_data.source_hosts(upto)
hosts = vocab.text("hosts_more" if total > len(shown) else "hosts", LANG,
                   hosts=vocab.join_names(shown, LANG), n=total)  # fmt: skip
intro = {
    "zh": "河南省真实公开数据（省统计局发布，经转载网页摘录）：",
    "en": "Real published data of Henan province (statistics bureau releases, as quoted by): ",
}
source = intro[LANG] + hosts
fig = result.plot(lang=LANG, title=title, source=source, cite_report=False, history_quarters=10)
paths = save_figure(fig, f"forecast_fan_henan_gdp_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ### 留作检验的广东省数据 · A held-out check: Guangdong's GDP
#
# 广东省2013—2025年地区生产总值累计增速（27个公布数，每个附网址和原文，`data/raw/ytd_real/guangdong_gdp.csv`）
# 是在模型定型之后才收集的，没有据此调整任何设定，用来检验方法在“没见过”的数据上的表现。
# 下表同样是滚动回测：每个公布数作为一个预测起点，只用当时已公布的数据预测当年全年增速。
# 80%区间的实际覆盖率低于80%：漏掉的是疫情前的2019年末起点、2022年春季疫情冲击，
# 以及2022—2023年基数效应带来的反弹实际弱于模型预期的几个起点。区间宽度应据此理解为偏窄。

# %%
guangdong = forecast.real_data.area_ytd("广东省", "gdp", real)
held_out = forecast.calibration.rolling_backtest(guangdong, methods=methods)
# held out: nothing was tuned on this series
show_table(
    forecast.calibration.summary_table(held_out.summary),
    LANG,
    decimals=forecast.calibration.SUMMARY_DECIMALS,
)

# %% [markdown]
# 区间校准前后对比（同一模型、同一点预测，只是区间宽度不同；“校准前”即不按以往误差调整）：

# %%
before_after = {}
for area_name, ytd in (("河南省", henan), ("广东省", guangdong)):
    both = forecast.calibration.rolling_backtest(ytd, methods=("base_effect_raw", "base_effect"))
    scores = both.summary.set_index("method")
    before_after[area_name] = scores
    raw, cal = scores.loc["base_effect_raw"], scores.loc["base_effect"]
    if LANG == "zh":
        print(
            f"{area_name}：回测{int(cal['n'])}次，80%区间覆盖率校准前{raw['coverage_80']:.0%}、"
            f"校准后{cal['coverage_80']:.0%}；区间得分（宽度+10×落空距离）"
            f"{raw['interval_score']:.2f} → {cal['interval_score']:.2f}；平均绝对误差不变"
            f"（{cal['mae']:.2f}个百分点）"
        )
    else:
        english = {"河南省": "Henan", "广东省": "Guangdong"}[area_name]
        print(
            f"{english}: {int(cal['n'])} origins, 80% coverage {raw['coverage_80']:.0%} before "
            f"and {cal['coverage_80']:.0%} after recalibration; interval score (width + 10 x "
            f"miss) {raw['interval_score']:.2f} -> {cal['interval_score']:.2f}; MAE unchanged "
            f"({cal['mae']:.2f} points)"
        )

# %% [markdown]
# ### 更长的检验 · Longer real series
#
# 上面两条省级季度序列较短。`data/raw/ytd_real/` 还收有2012—2026年全国固定资产投资、规上工业增加值、
# 社会消费品零售总额（国家统计局）和一般公共预算收入（财政部）的逐月累计增速，每个数附网址和原文，
# 每条序列约100个预测起点；其中只有固定资产投资用于调整设定，其余在设定冻结后才检验。
# 这些回测约需1分钟，不在本 notebook 中运行：`python benchmarks/bench_forecast_real.py`，结果见 README
# “Accuracy on real series”。
