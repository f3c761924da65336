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
import muye_analysis as ma
from muye_analysis.tables import show_table

r = ma.Report.open(LANG, AS_OF)  # AS_OF: one period, parsed once, the plan year implied
r.summary("04")

# %%
import matplotlib.pyplot as plt
import pandas as pd

from muye_analysis import config, forecast, quarterly, targets, vocab
from muye_analysis.charts import has_tracked, plot_growth_forecast, save_figure, show_saved
from muye_analysis.claims.ytd import gap_claim
from muye_analysis.periods import Period
from muye_analysis.progress import rendering as progress_words

# %% [markdown]
# ## 1. On the bundled annual data · 仅用报告年度数据
#
# ### Base-year actual versus plan-year target · 基年实际与计划年目标
#
# 差值为个百分点（`base_year` 为基年，`plan_year` 为计划年，均来自报告的来源记录）。
# 报告没有给出的基年增速（如首份报告的地区生产总值和固定资产投资增速）无法计算差值，`note` 列会说明。

# %%
annual = targets.annual_gaps(r.targets)
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
    targets.implied_bases(r.indicators)[
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
grid = targets.headline_sensitivity("gdp", wide=True, targets=r.targets)
sensitivity = grid.rename(columns=lambda m: r.text("nb.months_gone",
                                                   span=Period(r.plan_year, int(m))))  # fmt: skip
caption = r.text("nb.grid_caption", name=vocab.indicator_name("gdp", LANG),
                 goal=grid.attrs["target"],
                 weights=vocab.weights_text(grid.attrs["weights_source"], LANG))  # fmt: skip
show_table(sensitivity, LANG, decimals=dict.fromkeys(sensitivity.columns, 1), caption=caption)

# %%
fig = r.chart("required_growth_grid")  # the grid above, drawn
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
    print(r.text("nb.no_ytd"))
else:
    r = r.with_store(store)  # the session sees the files just ingested
    periods = store.drop_duplicates(["year", "end_month"]).sort_values(["year", "end_month"])
    first, last = (Period(int(r["year"]), int(r["end_month"]))
                   for _, r in periods.iloc[[0, -1]].iterrows())  # fmt: skip
    print(r.text("nb.ytd_store", n=store["indicator"].nunique(), first=first, last=last))
    if quarterly.is_synthetic(store).any():
        print(r.text("nb.synthetic_rows"))

# %%
period = r.period  # the same period the summary and the briefing use
gaps = [] if store is None else r.ytd_gaps()
if not gaps:  # no silent cell: say why nothing follows
    print(r.text("judge_no_ytd"))
for gap in gaps:
    print(r.say(gap_claim(gap)))
    if gap.required is not None:
        weights = vocab.weights_text(gap.required.weights_source, LANG)
        print("  " + r.text("nb.weights", weights=weights))

# %% [markdown]
# 预测（默认方法）：结构模型、季度AR(1)、累计增速外推，以及有新乡市或河南省数据时的“锚定预测”，
# 按各自在本序列以往滚动回测的误差加权；上年同期基数异常时，外推类方法按两年平均增速推算再换回同比。
# 每个预测列出：回测次数和区间覆盖率、各方法权重、三种情景（余下月份同最近一个季度、同上年同期、
# 按目标所需）和锚定预测。回测不足12次时不给出达标概率。
#
# *The default forecast weighs the structured model, quarterly AR(1), the run-rate and, when the
# city's or province's series exists, the anchored forecast by their own past errors on the
# series; after an abnormal base year the simple methods reason on the two-year basis.*

# %%
from muye_analysis.claims.charts import fan_claim, fan_notes
from muye_analysis.claims.ytd import gap_goal
from muye_analysis.forecast.presentation import fan_facts
from muye_analysis.tables import fan_side_table


def said_notes(facts, goal, area=None):
    """The fan slide's notes without the first (it describes the deck's panels); ``area``: the
    series' own area when it is not the district's."""
    notes = fan_notes(facts, goal, area=area)
    return vocab.say_all([c for c in notes if c.id != "fan_note.drawn"], LANG)


if not gaps:
    print(r.text("ytd_no_forecast"))
for gap in (g for g in gaps if g.measure == "growth_rate"):  # forecasts of growth only
    series = r.ytd_series(gap.indicator)  # up to AS_OF
    # the city's, else the province's series: from the store, else data/raw/ytd_real
    wider, area = r.wider_series(gap.indicator)
    try:
        result = r.forecast(gap.indicator)  # the default: combined, anchored on `wider`
    except forecast.InsufficientHistory:  # said in words, with the run rate beside it
        name = vocab.indicator_name(gap.indicator, LANG)
        print(r.text("ytd_too_short", name=name, need=forecast.core.MIN_QUARTERS))
        print("  " + r.text("nb.run_rate_only", rate=forecast.run_rate(series).annual_mean))
        continue
    try:
        anchored = forecast.anchor.nowcast_from_wider(series, wider) if wider is not None else None
    except (ValueError, forecast.InsufficientHistory):
        anchored = None
    facts = fan_facts(result, target=gap.target, bound=gap.bound, anchored=anchored,
                      wider_area=area)  # fmt: skip
    goal = gap_goal(gap)
    print(r.say(fan_claim(facts, goal, gap.indicator)))
    for note in said_notes(facts, goal):
        print("  " + note)
    display(show_table(fan_side_table(facts, LANG), LANG,  # noqa: F821 (IPython's display)
                       decimals={"rest_growth": 1, "annual": 1}))  # fmt: skip
    title = r.text("fan_title_indicator",
                   name=vocab.indicator_name(gap.indicator, LANG, short=False))  # fmt: skip
    own = quarterly.district_rows(r.store)  # the district's rows, not the city's or province's
    files = ", ".join(sorted(set(own.loc[own["indicator"] == gap.indicator, "file"].astype(str))))
    source = r.text("fan_source_ytd", name=files)
    synthetic = bool(quarterly.is_synthetic(own[own["indicator"] == gap.indicator]).any())
    fig = plot_growth_forecast(result, target=gap.target, lang=LANG, title=title, source=source,
                               synthetic=synthetic, facts=facts)  # fmt: skip
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
table = r.progress()  # at r.period, from the session's store
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
if has_tracked(table):  # the targets with figures, coloured by status
    fig = r.chart("progress")
    paths = save_figure(fig, f"progress_{LANG}", directory=FIGURES_DIR)
    plt.close(fig)
    display(show_saved(paths))  # noqa: F821 (IPython's display) the PNG, as the slide shows it
else:  # no target has a figure for the year: no chart (an all-grey one would say nothing)
    print(r.text("progress_no_chart"))

# %% [markdown]
# ## 4. A worked example on real data: Henan's GDP · 实例：河南省地区生产总值（真实数据）
#
# **以下是河南省公开发布的真实累计数据**（2017—2025年地区生产总值累计增速，每个数字附网址和原文，
# 见 `data/raw/ytd_real/`；标注 DERIVED 的几个数由“比上半年加快0.1个百分点”之类的句子推算）。
# 全省数据用来检验预测方法，也是区县“锚定”到上级数据的基础。
#
# 方法（默认 `combined`，`forecast.combine`）：四种方法各自预测全年增速——
# 结构模型（`base_effect`：把每个公布的累计增速看作各季度单季增速按上年基数加权的平均，单季增速含
# 上年同期的基数效应、惯性、缓慢漂移的水平和2020—2022年疫情冲击期单独的波动）、季度AR(1)、
# 累计增速外推（全年同目前累计增速），以及“锚定预测”（上级地区的预测加本地区常年差距；这里把
# 河南省锚定到全国）——再按各方法在本序列以往滚动回测中的误差加权（只用当时已公布全年数的回测，
# 不用未来信息；权重见下）。上年同期基数异常时（如2021年一季度同比18.3%建立在2020年一季度
# 下降6.8%之上），外推类方法按两年平均增长推算再换回同比，结构模型不参与加权。
# 预测区间为结构模型的标准差乘以按本序列以往误差校准的倍数；以往误差不足时用长序列学得的先验倍数
# （`combine.PRIOR_SCALE`）。概率按公布口径（保留一位小数）判断，回测不足12次时不给出。

# %%
real = forecast.real_data.load_real_series()
HENAN, CHINA, GUANGDONG = "河南省", "全国", "广东省"  # the areas as the real series name them
henan = forecast.real_data.area_ytd(HENAN, "gdp", real)
china = forecast.real_data.area_ytd(CHINA, "gdp", real)  # first releases since 2010
show_table(henan[["period", "growth", "level", "derived", "url"]].tail(8), LANG)

# %%
methods = ("combined", "base_effect", "run_rate")
check = forecast.combine.rolling_backtest(henan, methods=methods)
# one row per method: origins, MAE, coverage of the 80% / 95% intervals, interval score
show_table(
    forecast.calibration.summary_table(check.summary),
    LANG,
    decimals=forecast.calibration.SUMMARY_DECIMALS,
)

# %% [markdown]
# 下面假设只公布到最近一年的前三季度，看方法如何预测全年，并与公布的全年数比较。
# 右侧列出锚定预测（全国预测+河南常年差距）和三种情景：余下月份同最近一个季度、同上年同期、
# 按全年目标所需的增速（这里以5.5%为例）。

# %%
latest_year = int(henan["year"].max())
upto = henan[(henan["year"] < latest_year) | (henan["end_month"] <= 9)]
china_upto = china[(china["year"] < latest_year) | (china["end_month"] <= 9)]
result = forecast.forecast_growth(upto, wider=china_upto)
anchored = forecast.anchor.nowcast_from_wider(upto, china_upto)
# an illustrative target for the scenarios, not Henan's plan
example_goal = {"target": 5.5, "unit": "%", "qualifier": None, "bound": "at_least"}
facts = fan_facts(result, target=example_goal["target"], anchored=anchored, wider_area=CHINA)
published = henan.loc[(henan["year"] == latest_year) & (henan["end_month"] == 12), "growth"]
low, high = facts.interval_80
numbers = {"mean": facts.mean, "lower_80": low, "upper_80": high,
           "published_annual": published.iloc[0] if len(published) else None,
           "origins": facts.backtest_origins, "coverage_80_pct": 100 * facts.coverage_80}  # fmt: skip
one_decimal = dict.fromkeys(("mean", "lower_80", "upper_80", "published_annual"), 1)
show_table(pd.DataFrame([numbers]), LANG, decimals={**one_decimal, "coverage_80_pct": 0})

# %%
# what the slide would say, and its notes: weights, interval scale, anchored forecast, scenarios
print(vocab.say(fan_claim(facts, example_goal), LANG))
for note in said_notes(facts, example_goal, area=HENAN):
    print("  " + note)

# %%
# the forecast, the anchored forecast and the scenarios: the growth of the rest of the year a
# scenario assumes, and the annual figure each gives
show_table(fan_side_table(facts, LANG), LANG, decimals={"rest_growth": 1, "annual": 1})

# %%
title = vocab.text("fan_title_indicator", LANG, name=vocab.text("nb.area_gdp", LANG, area=HENAN))
# cited by its issuer: the pages the figures were read from stay with each row (url, quote)
source = vocab.series_source(HENAN, LANG)
fig = plot_growth_forecast(result, lang=LANG, title=title, source=source, cite_report=False,
                           history_quarters=10, target=example_goal["target"],
                           facts=facts)  # fmt: skip
paths = save_figure(fig, f"forecast_fan_henan_gdp_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ### 留作检验的广东省数据 · A held-out check: Guangdong's GDP
#
# 广东省2013—2025年地区生产总值累计增速（27个公布数，每个附网址和原文，`data/raw/ytd_real/guangdong_gdp.csv`）
# 是在模型定型之后才收集的，没有据此调整任何设定，用来检验方法在“没见过”的数据上的表现。
# 下表同样是滚动回测：每个公布数作为一个预测起点，只用当时已公布的数据预测当年全年增速。
# 这条序列较短、缺数较多，以往误差不足时区间用长序列学得的先验倍数；结构模型单独使用时
# 80%区间覆盖率低于80%（漏掉疫情前的2019年末起点、2022年春季疫情冲击，以及2022—2023年
# 基数效应带来的反弹弱于预期的几个起点）。

# %%
guangdong = forecast.real_data.area_ytd(GUANGDONG, "gdp", real)
held_out = forecast.combine.rolling_backtest(guangdong, methods=methods)
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
for area, ytd in ((HENAN, henan), (GUANGDONG, guangdong)):
    both = forecast.calibration.rolling_backtest(ytd, methods=("base_effect_raw", "base_effect"))
    scores = both.summary.set_index("method")
    before_after[area] = scores
    raw, cal = scores.loc["base_effect_raw"], scores.loc["base_effect"]
    print(vocab.text("nb.recalibration", LANG, area=area, n=int(cal["n"]),
                     raw80=100 * raw["coverage_80"], cal80=100 * cal["coverage_80"],
                     raw_score=raw["interval_score"], cal_score=cal["interval_score"],
                     mae=cal["mae"]))  # fmt: skip

# %% [markdown]
# ## 5. 基数效应：2021年全国GDP · Base effects: China's GDP in 2021
#
# 2021年一季度国内生产总值同比增长18.3%，建立在2020年一季度下降6.8%的低基数上；全年增长8.1%
# （均为初步核算首次发布数，`data/raw/ytd_real/national_gdp.csv`）。按一季度增速外推全年会得到18.3%。
# 国家统计局当年同时发布“两年平均增长”：√(1.183×0.932)−1 = 5.0%。下表由数据自动判断基期：
# 上年同期的累计增速相对全年的格局偏离常年（超过本序列常年波动的4倍）且尚未恢复时，改以之前的
# 正常年份为基期。2021年以2019年为基期（两年平均），2022年因2021年已恢复常态而回到普通同比。
#
# *Against an abnormal base, the simple methods forecast the two-year average and convert it
# back: at 2021 Q1 the year lands near the published 8.1%, where the plain run-rate says 18.3%.*

# %%
rows = []
rebound = config.SHOCK_SPAN[0][0] + 1  # the year after the shock began (2021)
for year, month in ((rebound, 3), (rebound, 6), (rebound, 9), (rebound + 1, 3)):
    known = china[
        (china["year"] < year) | ((china["year"] == year) & (china["end_month"] <= month))
    ]
    recent = known[known["year"] >= year - 7]  # seven years behind the origin are enough here
    row = forecast.combine.candidates_at(recent)
    two_year = forecast.basis.to_basis(known, 2).set_index(["year", "end_month"])["growth"]
    rows.append({
        "period": Period(year, month).label(LANG),
        "growth": float(known["growth"].iloc[-1]),
        "reference": row["basis"].reference_year,
        # the two-year average where the simple methods use it
        "two_year": round(float(two_year[(year, month)]), 2) if not row["basis"].plain else None,
        "run_rate": round(row["run_rate"], 2),
        "sarimax": round(row["sarimax"], 2),
        "published_annual": float(china.loc[(china["year"] == year)
                                            & (china["end_month"] == 12), "growth"].iloc[0]),
    })  # fmt: skip
# growth = the published cumulative figure; reference = the base year the simple methods use;
# two_year = the two-year average; run_rate and sarimax = their annual forecasts on that basis
one_decimal = dict.fromkeys(("growth", "two_year", "run_rate", "sarimax", "published_annual"), 1)
show_table(pd.DataFrame(rows), LANG, decimals=one_decimal)

# %% [markdown]
# ### 更长的检验 · Longer real series
#
# 上面两条省级季度序列较短。`data/raw/ytd_real/` 还收有全国国内生产总值（2010—2025年，初步核算首次
# 发布数）以及2012—2026年全国固定资产投资、规上工业增加值、社会消费品零售总额的累计增速，每个数附网址
# 和原文。默认方法的设定只参考了固定资产投资和社会消费品零售总额（季末数）；国内生产总值和规上工业
# 增加值留作检验，在设定冻结后只评分一次。这些回测需数分钟，不在本 notebook 中运行：
# `python benchmarks/bench_forecast_real.py --held-out --short`，结果见 docs/forecasts.md “Accuracy on real series”。
