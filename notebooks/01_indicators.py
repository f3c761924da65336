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
# # 01 Indicators and their sources · 指标数据与来源
#
# 本 notebook 介绍由区计划报告（执行情况与下一年计划）整理成的数据集：每个数字都带着原文引文、单位、时期，
# 并标明是**实际值**、**目标值**还是**推算值**。`data/` 中有多份报告时，以最新一份为准；报告的年份
# （基年 = 报告执行情况的年份，计划年 = 报告计划的年份）来自其来源记录，下面第一格会打印出来。
#
# *This notebook introduces the curated dataset: every figure of the latest report with its quote,
# unit, period and kind (actual, target or derived). The report's years come from its origin record.*

# %% tags=["parameters"]
LANG = "zh"  # zh or en: the language of labels
AS_OF = None  # year-to-date period to analyse, e.g. 前三季度; None means the latest
FIGURES_DIR = None  # folder for exported charts; None means figures/ in the project

# %% [markdown]
# ## 总体判断 · Summary
#
# 由数据计算，不手写 / computed from the data, never typed.

# %%
import muye_analysis as ma
from muye_analysis.tables import show_table

r = ma.Report.open(LANG, AS_OF)  # the report, its tables and the period, loaded once
r.summary("01")

# %%
import pandas as pd

from muye_analysis.provenance import read_sidecar
from muye_analysis.summary import summarise_dataset

# %% [markdown]
# ## Provenance · 数据来源
#
# 报告原文存放在 `data/raw/`，从不手工修改；旁边的 `.origin.yml` 记录来源、年份和校验和（SHA-256），
# 每次加载都会核对。

# %%
BASE, PLAN = r.base_year, r.plan_year
print(r.text("nb.reports", n=len(r.reports), document=r.document.document))
origin = read_sidecar(r.document.path)  # the origin record: title, who presents it, years, checksum
fields = ("title", "issuing_body", "year_reported", "year_planned", "sha256")
record = pd.DataFrame({
    "field": [r.text(f"nb.origin.{f}") for f in fields],
    "entry": [str(origin.get(f"{f}_{LANG}", origin.get(f))) for f in fields],
})  # fmt: skip
show_table(record, LANG, name=None)

# %%
print(summarise_dataset(lang=LANG))

# %% [markdown]
# ## The tidy table · 长表
#
# `r.indicators`（即 `load_indicators()`）每行一个观测值。`kind` 区分实际值（actual）、目标值（target）和推算值（derived）；
# `measure` 说明是总量、增速、占比、排名等；`price_basis` 标明增速是实际（可比价）还是名义（现价）。

# %%
ind = r.indicators
name = "name_zh" if LANG == "zh" else "name_en"
show_table(
    ind[[name, "period", "kind", "measure", "value", "unit", "qualifier", "quote"]].head(12), LANG
)

# %% [markdown]
# ## How to query it · 如何查询
#
# 例如：基年所有增速及其价格口径。报告没有给出的增速（如首份报告的地区生产总值增速）数据集中不会补造：
# 下面第二格列出有总量、却没有增速的指标。

# %%
growth = ind.query("period == @BASE and kind == 'actual' and measure == 'growth_rate'")
show_table(growth[[name, "value", "unit", "price_basis", "quote"]], LANG)

# %%
actual = ind.query("period == @BASE and kind == 'actual'")
with_growth = set(growth["indicator"])
level_only = actual[(actual["measure"] == "level") & ~actual["indicator"].isin(with_growth)]
show_table(level_only[[name, "value", "unit", "quote"]], LANG)

# %% [markdown]
# 按类别统计指标个数（类别来自指标登记表 `r.registry`，即 `load_registry()`）：

# %%
registry = r.registry
counts = (
    ind.merge(registry[["indicator", "category"]], on="indicator")
    .groupby("category", observed=True)["indicator"]
    .nunique()
    .sort_values(ascending=False)
)
show_table(counts.rename("n").reset_index(), LANG)

# %% [markdown]
# ## Derived values · 推算值
#
# 推算值不是公布数，每行都写明公式（`formula`）和所用观测（`inputs`）。
# 例如由税收和一般公共预算收入重算的税占比（95.25%，报告四舍五入为95.3%），
# 以及由民生支出及其占比推出的一般公共预算支出。

# %%
derived = ind.query("kind == 'derived'")
show_table(
    derived[[name, "period", "value", "unit", "formula"]], LANG
)  # shown at display precision

# %% [markdown]
# ## Targets and qualifiers · 目标与限定词
#
# 目标值从不是一个裸数字：“以上”是下限，“左右”是大约，“不少于/不低于/超过”也是下限。
# `bound` 列给出机器可读的含义，`commitment` 记录“力争/确保”。

# %%
targets = r.targets
show_table(
    targets[[name, "target", "unit", "qualifier", "bound", "commitment", "actual", "gap_pp"]], LANG
)

# %% [markdown]
# ## Units · 单位换算
#
# 比较前先统一量级，例如中央预算内资金4203万元 = 0.4203亿元。

# %%
from muye_analysis.units import convert

conversions = [(4203, "万元", "亿元"), (3410, "万斤", "吨")]
show_table(pd.DataFrame(
    [{"value": v, "unit": a, "converted": convert(v, a, b), "to_unit": b} for v, a, b in conversions]
), LANG, name=None)  # fmt: skip
