"""Column vocabularies of the curated tables.

Categoricals carry explicit categories so that an unknown label is caught when the data are
loaded instead of passing silently (see ``muye_analysis.dataset``).
"""

from __future__ import annotations

KINDS = ("actual", "target", "derived")

# level: an amount (亿元, 万斤…); growth_rate: % change on a year earlier; share: part of a whole
# (税占比); rate: a ratio reported as % that is not a share (completion rate, unemployment rate);
# ratio: "N倍"; count: number of things; rank: position in a league (1 = top);
# standing: a qualitative position with no number (保持全市第一方阵).
MEASURES = ("level", "growth_rate", "share", "rate", "ratio", "count", "rank", "standing")

# exact: the number as stated; at_least: 以上/不少于/不低于/超过/余; at_most: 以内/近;
# about: 左右/稳定在.
BOUNDS = ("exact", "at_least", "at_most", "about")

# Real growth is at comparable prices (GDP, 规上工业增加值); nominal at current prices (retail
# sales, investment, fiscal revenue, incomes). Levels are always nominal.
PRICE_BASES = ("real", "nominal")
# Indicators compiled quarterly, never monthly: district GDP in the city's unified accounting
# (统一核算: 一季度, 上半年, 前三季度, 全年 only). A monthly label (1-8月) for them is refused.
QUARTERLY_COMPILED = frozenset({"gdp"})
# Targets the district does not compile itself: whose figure is used instead. 城镇调查失业率 is
# a sample survey of the city (and above); a district has no representative sample of its own.
COMPILED_BY = {"surveyed_unemployment_rate": "city"}

COMMITMENTS = ("力争", "确保")  # strive for / ensure; empty for a plain target

RANKED_ON = ("level", "growth_rate", "share", "amount")
RANK_SCOPES = ("全市", "全省", "全国")
# Reading the report's own words for the claims (muye_analysis.claims.report): where a sentence
# ends, what says a target was over-fulfilled, and the ids of plan-completion rates.
SENTENCE_END = r"[。！？\n]"
OVER_FULFILLED_WORDS = ("超额完成",)
COMPLETION_SUFFIXES = ("completion_rate", "investment_rate")
# How a measure is written in an input table's measure column (league tables, templates).
MEASURE_WORDS = {
    "level": "level", "总量": "level", "growth": "growth_rate", "growth_pct": "growth_rate",
    "growth_rate": "growth_rate", "增速": "growth_rate", "增长": "growth_rate",
}  # fmt: skip
STAGES = ("from", "to")  # before -> after pairs such as 由40%提升至70%

CATEGORIES = (
    "macro",
    "fiscal",
    "investment",
    "industry",
    "innovation",
    "urban",
    "rural",
    "business_environment",
    "livelihood",
    "risk",
)

# Units exactly as the report prints them. A new unit must be added here *and* to
# ``muye_analysis.units`` so that conversions stay explicit.
UNITS = (
    "亿元", "万元", "元",
    "%",
    "位", "名",
    "个", "家", "项", "类", "场次", "所", "件", "户", "天", "期", "处", "座", "批", "人", "万人",
    "万平方米", "平方米",
    "万斤", "斤", "吨", "万吨",
    "亿安时",
    "万亩", "亩", "公顷",
    "倍",
)  # fmt: skip

QUALIFIERS = ("以上", "左右", "不少于", "不低于", "超过", "以内", "近", "余", "稳定在")

# Which bound each printed qualifier implies.
QUALIFIER_BOUND = {
    "": "exact",
    "以上": "at_least",
    "不少于": "at_least",
    "不低于": "at_least",
    "超过": "at_least",
    "余": "at_least",
    "以内": "at_most",
    "近": "at_most",
    "左右": "about",
    "稳定在": "about",
}

# Columns of data/curated/indicators.csv, in order. The key identifies one observation;
# ``document`` is the raw report (path under data/raw/) the row quotes.
INDICATOR_COLUMNS = (
    "indicator", "period", "kind", "measure", "ranked_on", "stage",
    "value", "unit", "printed", "qualifier", "bound", "commitment", "price_basis",
    "rank_scope", "section", "quote", "note", "document",
)  # fmt: skip
KEY = ("document", "indicator", "period", "kind", "measure", "ranked_on", "stage")

REGISTRY_COLUMNS = (
    "indicator", "name_zh", "name_en", "short_zh", "short_en", "category", "unit",
    "higher_is_better", "flow", "growth_basis", "synonyms_zh", "description_en",
)  # fmt: skip
