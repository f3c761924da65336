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
# # 02 City rankings · 全市排名
#
# 报告给出了牧野区若干指标在全市的位次。本 notebook 把它们画成“排名记分卡”，
# 并把牧野区的总量和增速放到新乡市全市的背景中看。
#
# *Muye's positions within Xinxiang in the report's base year, and Muye beside the city.*
#
# **排名能说明什么、不能说明什么 / What ranks can and cannot tell**
#
# - 报告没有说明参与排名的单位有多少个。新乡市有12个县级单位（4区5县3市），
#   全市通报常按“四区八县（市）及平原示范区”排13个单位，有的指标把高新区、经开区单列，最多15个。
#   因此“第12位”可能是倒数第一，也可能是倒数第二，**排名框架大小是一个假设**，图上会写明。
# - 同一句里的两个位次要分清：社会消费品零售总额“居全市第6位”说的是总量，“同比增长4.9%，居全市第9位”说的是增速。
# - “保持全市第一方阵”“位居全市前列”是定性表述，不能换算成数字。

# %% tags=["parameters"]
LANG = "zh"  # zh or en: the language of labels
AS_OF = None  # year-to-date period to analyse, e.g. 前三季度; None means the latest
FIGURES_DIR = None  # folder for exported charts; None means figures/ in the project
FRAME_SIZE = None  # ranked units: None means from data/league/ if a table is there, else 13

# %% [markdown]
# ## 总体判断 · Summary
#
# 由数据计算，不手写 / computed from the data, never typed.

# %%
import muye_analysis as ma
from muye_analysis.tables import show_table

r = ma.Report.open(LANG, AS_OF, frame_size=FRAME_SIZE)  # the report, tables and period, once
r.summary("02")

# %%
import matplotlib.pyplot as plt
import pandas as pd

from muye_analysis import league, vocab
from muye_analysis.charts import save_figure, show_saved
from muye_analysis.errors import MissingYear
from muye_analysis.views import city_view, rank_third, rank_view

name = "name_zh" if LANG == "zh" else "name_en"
BASE = r.base_year  # the year the latest report's ranks are of
print(r.text("nb.city_ranks", year=BASE))

# %% [markdown]
# ## Ranks as printed · 报告中的位次

# %%
rankings = r.rankings
show_table(rankings[[name, "ranked_on", "rank", "standing_text", "printed", "quote"]], LANG)

# %% [markdown]
# ## Checking the ranks against the city's league table · 用全市排名表核对
#
# 把统计局的全市各县（市、区）指标表放进 `data/league/`（格式见该目录的 README），
# 这里就会计算每个单位的位次，与报告中的位次逐一核对，并用表中的实际单位数代替假设。

# %%
table = league.load_league_tables()
if table is None:
    print(r.text("nb.no_league_table"))
else:
    compared = league.compare_with_report(league.rank_league(table))
    shown = [name, "ranked_on", "report_rank", "table_rank", "frame_size", "agrees"]
    display(show_table(compared[shown], LANG))  # noqa: F821 (IPython's display)
frame, from_table = league.scorecard_frame(r.frame_size)
print(r.text("nb.frame_from_table" if from_table else "nb.frame_assumed", n=frame))

# %% [markdown]
# ## Every period: the district among the city's units · 各期全市位次与对标
#
# 市统计局每月（季）发布《各县（市、区）主要经济指标》表：各单位的绝对值、增长和位次。把表（.xlsx 或
# GBK 编码的 CSV，原样即可）放进 `data/quarterly/` 并运行 `muye ingest data/quarterly/`，这里就会按
# 全市口径给出牧野区每一期的位次表（位次、较上期变化、与全市的差距、与前一位的差距）、位次变化图和
# 各单位增速点图。排名单位数写在每张表和图上：四区（红旗区含经开区、卫滨区含高新区，表中单列时另行
# 排名）、八县（市）和平原示范区，长垣市为省直管县级市、仍在全市排名之内；全市不参与排名。增速按公布数
# （一位小数）排名，相同者并列。表中自带的位次与数据不符时会标出。
#
# *With the city bureau's monthly table of every unit ingested, the district's ranks, changes and
# gaps every period; the number of units ranked is stated on every table and chart.*

# %%
from muye_analysis.charts.city_ranks import plot_growth_dots, plot_rank_history
from muye_analysis.charts.rank_words import rank_table, rule_notes, source_text

# the city table of AS_OF (or the last one published before it), else the latest
city_ranks = r.city_ranks()
if city_ranks.empty:
    print(r.text("cr_none"))
else:
    muye_ranks = league.district_ranks(city_ranks)
    period = city_ranks.attrs["as_of"]
    print(r.text("cr_table_title", period=period.label(LANG)))
    display(show_table(rank_table(muye_ranks, LANG), LANG, name=None))  # noqa: F821
    for note in [*rule_notes(city_ranks, LANG), source_text(muye_ranks, LANG)]:
        print(note)

# %% [markdown]
# 位次变化图（各期位次，第1位在上），以及每个指标各单位增速的点图（竖线为全市，蓝色为牧野区）。

# %%
if city_ranks.empty:
    print(r.text("cr_no_charts"))
else:
    fig = plot_rank_history(league.rank_history(store=r.store, registry=r.registry), lang=LANG)
    paths = save_figure(fig, f"city_rank_history_{LANG}", directory=FIGURES_DIR)
    plt.close(fig)
    display(show_saved(paths))  # noqa: F821
    growth_indicators = list(
        dict.fromkeys(muye_ranks.loc[muye_ranks["measure"] == "growth", "indicator"])
    )
    for indicator in growth_indicators:
        fig = plot_growth_dots(city_ranks, indicator, lang=LANG)
        paths = save_figure(fig, f"city_growth_dots_{indicator}_{LANG}", directory=FIGURES_DIR)
        plt.close(fig)
        display(show_saved(paths))  # noqa: F821

# %% [markdown]
# ### Real published ranks · 用真实公布的位次检验排名规则
#
# 没有找到全市各单位的完整公开表；新乡日报对2020、2021年结果的报道列出了各表的前几名及其位次
# （含“并列第2位”“并列第5位”和单列的高新区）。用本工具的排名规则对报道列出的单位排名，与报道写明的
# 位次逐一对照（来源与原文见 `data/raw/context/xinxiang_county_ranks.csv`）。

# %%
from muye_analysis.charts.rank_words import real_check_summary, real_check_table

real_check = league.real_rank_check()
print(real_check_summary(real_check, LANG))
show_table(real_check_table(real_check, LANG), LANG, name=None)

# %% [markdown]
# ## Rank scorecard · 排名记分卡
#
# 颜色按假设的排名框架分为前、中、后三段（13个单位时：1-4位、5-8位、9-13位）。
# “第三名”是全市第二批国债项目中的排名，不是县级单位之间的排名，图中单独注明。

# %%
fig = r.chart("rank_scorecard")  # the frame above: FRAME_SIZE, a league table's, else 13
paths = save_figure(fig, f"rank_scorecard_{LANG}", directory=FIGURES_DIR)
plt.close(fig)
show_saved(paths)  # the exported PNG, as the slide will show it

# %% [markdown]
# ### How the frame size changes the reading · 框架大小如何改变解读
#
# 同一个位次，在12、13、15个单位的框架下可能落在不同的三分段。只有落段不随假设变化的结论才稳健。

# %%
view = rank_view(rankings, frame)
ranked = view[view["kind"] == "rank"]
thirds = {r.text("nb.frame_units", n=n): [rank_third(int(k), n) for k in ranked["rank"]]
          for n in (12, 13, 15)}  # fmt: skip
robustness = pd.DataFrame({
    "rank_item": [r.text("nb.rank_row", name=vocab.indicator_name(row, LANG),
                         rank=int(row["rank"])) for _, row in ranked.iterrows()],
    **thirds,
})  # fmt: skip
robustness["robust"] = robustness[list(thirds)].nunique(axis=1).eq(1)
show_table(robustness, LANG)

# %% [markdown]
# ## Muye in the city · 牧野区在全市中的位置
#
# 份额用同一年的现价总量计算；增速并列比较（地区生产总值、规上工业增加值为实际增速，其余为名义增速）。
# 全市数字来自公开资料，部分为转载页面，来源写在图下方和下表中。报告没有给出的数字（如首份报告中的
# GDP增速；规上工业增加值只公布增速、不公布总量）留空而不补造。`data/raw/context/` 中没有基年的全市数字时，
# 这里会说明缺少什么，不画图。

# %%
indicators, context, registry = r.indicators, r.context, r.registry
try:
    city = city_view(indicators, context, registry)
except MissingYear as exc:
    city = None
    print(exc)
if city is not None:
    display(  # noqa: F821 (IPython's display)
        show_table(
            city[[name, "muye_level", "city_level", "share_pct", "muye_growth", "city_growth"]],
            LANG,
            decimals={"share_pct": 1},
        )
    )

# %%
if city is not None:
    fig = r.chart("muye_in_city")
    paths = save_figure(fig, f"muye_in_city_{LANG}", directory=FIGURES_DIR)
    plt.close(fig)
    display(show_saved(paths))  # noqa: F821 (inside an if, a bare expression shows nothing)
else:
    print(r.text("nb.no_city_figures"))

# %% [markdown]
# ### Sources of the city figures · 全市数据来源

# %%
# the curators' notes are in English, quoting their sources (data/raw/context/): shown as
# written in the English notebook only
columns = ["indicator", "measure", "value", "unit", "price_basis", "source_title", "source_url"]
show_table(
    context.query("region == '新乡市' and year == @BASE")[
        columns + (["note"] if LANG == "en" else [])
    ],
    LANG,
    verbatim=("note",),
)
