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
# # 03 Targets for 2024 · 2024年目标
#
# 报告第二部分列出6项主要预期目标，第三部分的各项任务中还有几十个数字目标。
# 本 notebook 把目标与2023年的实际值对照：增速差多少个百分点，目标隐含的2024年总量是多少，
# 任务目标相当于2023年实绩的几成。
#
# *The 2024 targets against the 2023 outcomes: growth gaps, implied 2024 levels, task targets.*
#
# **口径提醒 / Real versus nominal**
#
# - 地区生产总值、规上工业增加值的增速是**实际增速**（可比价），总量是现价。用6%的实际增速乘以2023年总量，
#   得到的是**按2023年价格计算**的2024年总量；要换算成现价总量，还需要一个价格（平减指数）假设，报告没有给出。
# - 社会消费品零售总额、固定资产投资、一般公共预算收入的增速是**名义增速**，可直接推算现价总量。
# - 目标的限定词决定怎样算“完成”：“以上”是下限，“左右”是一个没有官方区间的点，“不少于/不低于/超过”也是下限。

# %% tags=["parameters"]
LANG = "zh"  # zh or en: the language of labels
AS_OF = None  # year-to-date period to analyse, e.g. 2024年1-9月; None means the latest
FIGURES_DIR = None  # folder for exported charts; None means figures/ in the project
DEFLATOR_PCT = None  # assumed 2024 GDP deflator in percent; None keeps 2023 prices

# %% [markdown]
# ## 总体判断 · Summary
#
# 由数据计算，不手写 / computed from the data, never typed.

# %%
from muye_analysis.briefing.judgements import notebook_summary
from muye_analysis.display import show_table

notebook_summary("03", LANG)

# %%
import matplotlib.pyplot as plt

import muye_analysis as ma
from muye_analysis.charts import (
    plot_growth_gap,
    plot_projected_levels,
    plot_task_targets,
    save_figure,
    show_saved,
)
from muye_analysis.charts.views import growth_gap_view, projection_view, task_target_view

name = "name_zh" if LANG == "zh" else "name_en"
indicators, targets = ma.load_indicators(), ma.load_targets()

# %% [markdown]
# ## Headline targets · 主要预期目标

# %%
headline = targets[targets["section"] == "二"]
show_table(
    headline[[name, "target", "unit", "qualifier", "bound", "price_basis", "actual_2023", "gap_pp"]],
    LANG,
)

# %% [markdown]
# ## Growth gap · 增速差距
#
# 2024年目标减去2023年实际增速，单位是**个百分点**（不是百分比）。
# 报告没有给出2023年地区生产总值和固定资产投资的增速，图上标注“未公布”，不作推算。

# %%
show_table(
    growth_gap_view(targets)[[name, "actual_2023", "target", "gap_pp", "qualifier", "price_basis"]],
    LANG,
)

# %%
fig = plot_growth_gap(targets, lang=LANG)
paths = save_figure(fig, f"growth_gap_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ## Projected 2024 levels · 目标隐含的2024年总量
#
# 2024年总量 = 2023年总量 × (1 + 目标增速)。“以上”的目标给出的是下限。
# 地区生产总值按2023年价格计算，除非在参数中给出平减指数假设 `DEFLATOR_PCT`。

# %%
show_table(projection_view(indicators, targets, deflator_pct=DEFLATOR_PCT), LANG,
           sig={"projected": 4, "increment": 3})  # fmt: skip

# %%
fig = plot_projected_levels(indicators, targets, deflator_pct=DEFLATOR_PCT, lang=LANG)
paths = save_figure(fig, f"projected_levels_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ## Task targets versus 2023 outcomes · 任务目标与2023年实绩
#
# 第三部分的数字目标中，有2023年同口径实绩可比的，计算“目标 ÷ 2023年实绩”。
# 低于100%的目标并不代表松懈：例如重点项目个数目标200个以上，而2023年实施431个，
# 这可能反映项目门槛或统计口径的变化，报告没有说明，需要结合项目库核实。
# 口径不完全相同的也在注释中说明（如电池产业：2023年为主营业务收入，2024年为产业集群营业收入）。

# %%
show_table(task_target_view(targets), LANG, decimals={"ratio_pct": 0})

# %%
fig = plot_task_targets(targets, lang=LANG)
paths = save_figure(fig, f"task_targets_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ## Targets without a 2023 comparison · 没有2023年对照的目标
#
# 下列目标在报告中找不到同口径的2023年实绩（例如“确保全年签约项目不少于20个”，2023年只报告了数智谷推介会签约8个），
# 不宜强行对比。

# %%
show_table(
    targets[targets["actual_2023"].isna() & (targets["section"] != "二")][
        [name, "target", "unit", "qualifier", "commitment", "quote"]
    ],
    LANG,
)
