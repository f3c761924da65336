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
# # 03 Targets · 计划目标
#
# 报告第二部分列出6项主要预期目标，第三部分的各项任务中还有几十个数字目标。
# 本 notebook 把最新报告的计划年目标与基年实际值对照：增速差多少个百分点，目标隐含的计划年总量是多少，
# 任务目标相当于基年实绩的几成；`data/` 中有上一份报告时，再看上一年的目标完成了没有（目标完成情况）。
# 年份来自报告的来源记录，下面第一格会打印出来。
#
# *The latest report's targets against its base-year outcomes: growth gaps, implied levels, task
# targets; with an earlier report in data/, whether last year's targets were met.*
#
# **口径提醒 / Real versus nominal**
#
# - 地区生产总值、规上工业增加值的增速是**实际增速**（可比价），总量是现价。用6%的实际增速乘以基年总量，
#   得到的是**按基年价格计算**的计划年总量；要换算成现价总量，还需要一个价格（平减指数）假设，报告没有给出。
# - 社会消费品零售总额、固定资产投资、一般公共预算收入的增速是**名义增速**，可直接推算现价总量。
# - 目标的限定词决定怎样算“完成”：“以上”是下限，“左右”是一个没有官方区间的点，“不少于/不低于/超过”也是下限。

# %% tags=["parameters"]
LANG = "zh"  # zh or en: the language of labels
AS_OF = None  # year-to-date period to analyse, e.g. 前三季度; None means the latest
FIGURES_DIR = None  # folder for exported charts; None means figures/ in the project
DEFLATOR_PCT = None  # assumed plan-year GDP deflator in percent; None keeps base-year prices

# %% [markdown]
# ## 总体判断 · Summary
#
# 由数据计算，不手写 / computed from the data, never typed.

# %%
import muye_analysis as ma
from muye_analysis.tables import show_table

# the report, its tables and the period, loaded once; DEFLATOR_PCT is the projection's assumption
r = ma.Report.open(LANG, AS_OF, deflator_pct=DEFLATOR_PCT)
r.summary("03")

# %%
import matplotlib.pyplot as plt

from muye_analysis.attainment import attainment_table
from muye_analysis.charts import save_figure, show_saved
from muye_analysis.claims.report import attainment_claim
from muye_analysis.views import growth_gap_view, projection_view, task_target_view

name = "name_zh" if LANG == "zh" else "name_en"
indicators, targets = r.indicators, r.targets
BASE, PLAN = r.base_year, r.plan_year
print(r.text("nb.report_years", document=r.document.document))

# %% [markdown]
# ## Headline targets · 主要预期目标

# %%
headline = targets[targets["section"] == "二"]
show_table(
    headline[[name, "target", "unit", "qualifier", "bound", "price_basis", "actual", "gap_pp"]],
    LANG,
)

# %% [markdown]
# ## Growth gap · 增速差距
#
# 计划年目标减去基年实际增速，单位是**个百分点**（不是百分比）。
# 报告没有给出的基年增速（如首份报告的地区生产总值和固定资产投资增速），图上标注“未公布”，不作推算。

# %%
show_table(
    growth_gap_view(targets)[[name, "actual", "target", "gap_pp", "qualifier", "price_basis"]], LANG
)

# %%
fig = r.chart("growth_gap")
paths = save_figure(fig, f"growth_gap_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ## Projected plan-year levels · 目标隐含的计划年总量
#
# 计划年总量 = 基年总量 × (1 + 目标增速)。“以上”的目标给出的是下限。
# 地区生产总值按基年价格计算，除非在参数中给出平减指数假设 `DEFLATOR_PCT`。

# %%
# levels in 亿元 at the base's two decimals (10.74): one precision per column
show_table(projection_view(indicators, targets, deflator_pct=r.deflator_pct), LANG,
           decimals={"projected": 2, "increment": 2})  # fmt: skip

# %%
fig = r.chart("projected_levels")  # at r.deflator_pct, as the table above
paths = save_figure(fig, f"projected_levels_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ## Task targets versus base-year outcomes · 任务目标与基年实绩
#
# 第三部分的数字目标中，有基年同口径实绩可比的，计算“目标 ÷ 基年实绩”。
# 低于100%的目标并不代表松懈：例如首份报告中重点项目个数目标200个以上，而上年实施431个，
# 这可能反映项目门槛或统计口径的变化，报告没有说明，需要结合项目库核实。
# 口径不完全相同的也在注释中说明（如首份报告的电池产业：上年为主营业务收入，目标为产业集群营业收入）。

# %%
show_table(task_target_view(targets), LANG, decimals={"ratio_pct": 0})

# %%
fig = r.chart("task_targets")
paths = save_figure(fig, f"task_targets_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ## Targets without a base-year comparison · 没有基年对照的目标
#
# 下列目标在报告中找不到同口径的基年实绩（例如首份报告“确保全年签约项目不少于20个”，上年只报告了数智谷推介会签约8个），
# 不宜强行对比。

# %%
show_table(
    targets[targets["actual"].isna() & (targets["section"] != "二")][
        [name, "target", "unit", "qualifier", "commitment", "quote"]
    ],
    LANG,
)

# %% [markdown]
# ## Were last year's targets met? · 上年目标完成情况
#
# `data/` 中有两份报告时，上一份报告的计划年目标与最新报告的基年实绩逐项对照：
# “以上/不低于/超过”为下限，“以内”为上限，“左右/稳定在”按±0.5个百分点（水平值按目标的±2%）判断——这是工作约定，
# 没有官方区间；没有限定词的目标按登记表中的方向（越高越好/越低越好）判断。
# 最新报告没有给出同口径实绩、单位或价格口径（可比价/现价）不同的，列为“无法对照”（not_comparable），`reason` 说明原因。

# %%
if len(r.reports) < 2:
    print(r.text("nb.one_report", document=r.document.document))
    attainment = None
else:
    attainment = attainment_table()
    print(r.say(attainment_claim(attainment)))
    display(  # noqa: F821 (IPython's display)
        show_table(
            attainment[
                [
                    "indicator",
                    "measure",
                    "target",
                    "qualifier",
                    "unit",
                    "outcome",
                    "status",
                    "reason",
                ]
            ],
            LANG,
        )
    )
