"""Hand-built frames in the shapes the curated loaders return, with the report's real figures.

They keep the chart tests independent of the curated CSVs' other rows: each number here is
checked against the report text in tests that use the real loaders.
"""

from __future__ import annotations

import pandas as pd

NA = pd.NA

REGISTRY_NAMES = {
    # indicator: (name_zh, name_en, short_zh, short_en, growth_basis)
    "gdp": ("地区生产总值", "Gross domestic product", "GDP", "GDP", "real"),
    "industrial_value_added": (
        "规模以上工业增加值",
        "Value added of industry above designated size",
        "规上工业",
        "Industry",
        "real",
    ),
    "fixed_asset_investment": (
        "固定资产投资",
        "Fixed-asset investment",
        "固投",
        "Investment",
        "nominal",
    ),
    "budget_revenue": (
        "一般公共预算收入",
        "General public budget revenue",
        "财政收入",
        "Budget revenue",
        "nominal",
    ),
    "retail_sales": (
        "社会消费品零售总额",
        "Retail sales of consumer goods",
        "社零",
        "Retail sales",
        "nominal",
    ),
    "tax_share": (
        "税收占一般公共预算收入比重",
        "Tax share of budget revenue",
        "税占比",
        "Tax share",
        NA,
    ),
    "treasury_bond_funds": (
        "获批国债资金",
        "Treasury-bond funds",
        "国债资金",
        "Treasury-bond funds",
        "nominal",
    ),
    "poverty_alleviation_standing": (
        "巩固拓展脱贫攻坚成果",
        "Consolidating poverty-alleviation gains",
        "脱贫成果巩固",
        "Poverty gains",
        NA,
    ),
    "key_projects": ("500万元以上重点项目个数", "Key projects", "重点项目", "Key projects", NA),
    "grain_output": ("粮食总产量", "Grain output", "粮食产量", "Grain output", NA),
    "rd_coverage_rate": (
        "规上工业企业研发活动覆盖率",
        "R&D coverage",
        "研发活动覆盖率",
        "R&D coverage",
        NA,
    ),
    "battery_industry_revenue": (
        "电池产业营业收入",
        "Battery industry revenue",
        "电池产业收入",
        "Battery revenue",
        "nominal",
    ),
}


def _names(ids: list[str]) -> dict[str, list]:
    rows = [REGISTRY_NAMES[i] for i in ids]
    return {
        "indicator": ids,
        "name_zh": [r[0] for r in rows],
        "name_en": [r[1] for r in rows],
        "short_zh": [r[2] for r in rows],
        "short_en": [r[3] for r in rows],
    }


def registry() -> pd.DataFrame:
    ids = list(REGISTRY_NAMES)
    df = pd.DataFrame(_names(ids))
    df["growth_basis"] = pd.array([REGISTRY_NAMES[i][4] for i in ids], dtype="string")
    return df.astype(
        dict.fromkeys(("indicator", "name_zh", "name_en", "short_zh", "short_en"), "string")
    )


def rankings() -> pd.DataFrame:
    ids = [
        "gdp",
        "industrial_value_added",
        "retail_sales",
        "retail_sales",
        "tax_share",
        "treasury_bond_funds",
        "poverty_alleviation_standing",
    ]
    df = pd.DataFrame(_names(ids))
    df["ranked_on"] = ["level", "growth_rate", "level", "growth_rate", "share", "amount", NA]
    df["rank"] = pd.array([5, 12, 6, 9, 1, 3, NA], dtype="Int64")
    df["standing_text"] = pd.array([NA] * 6 + ["第一方阵"], dtype="string")
    df["rank_scope"] = "全市"
    df["base_year"], df["plan_year"] = 2023, 2024  # the years are data: the report's vintage
    return df


def targets() -> pd.DataFrame:
    rows = [
        # indicator, measure, target, unit, qualifier, bound, commitment, price_basis, actual
        ("gdp", "growth_rate", 6.0, "%", "以上", "at_least", "", "real", NA),
        ("industrial_value_added", "growth_rate", 8.0, "%", "", "exact", "", "real", 0.2),
        ("fixed_asset_investment", "growth_rate", 9.0, "%", "", "exact", "", "nominal", NA),
        ("budget_revenue", "growth_rate", 8.0, "%", "", "exact", "", "nominal", 2.0),
        ("retail_sales", "growth_rate", 9.0, "%", "", "exact", "", "nominal", 4.9),
        ("key_projects", "count", 200.0, "个", "以上", "at_least", "力争", NA, 431.0),
        ("grain_output", "level", 3000.0, "万斤", "以上", "at_least", "确保", NA, 3410.0),
        ("rd_coverage_rate", "rate", 80.0, "%", "以上", "at_least", "确保", NA, 70.0),
        (
            "battery_industry_revenue",
            "level",
            80.0,
            "亿元",
            "超过",
            "at_least",
            "力争",
            "nominal",
            70.0,
        ),
    ]
    ids = [r[0] for r in rows]
    df = pd.DataFrame(_names(ids))
    df["measure"] = [r[1] for r in rows]
    df["target"] = pd.array([r[2] for r in rows], dtype="Float64")
    df["unit"] = [r[3] for r in rows]
    df["qualifier"] = [r[4] for r in rows]
    df["bound"] = [r[5] for r in rows]
    df["commitment"] = [r[6] for r in rows]
    df["price_basis"] = pd.array([r[7] for r in rows], dtype="string")
    df["actual"] = pd.array([r[8] for r in rows], dtype="Float64")
    pct = df["measure"].isin(["growth_rate", "rate"])
    df["gap_pp"] = (df["target"] - df["actual"]).where(pct)
    df["target_to_actual"] = (df["target"] / df["actual"]).where(~pct)
    df["base_year"], df["plan_year"] = 2023, 2024
    return df


def indicators() -> pd.DataFrame:
    rows = [
        # indicator, measure, value, unit, price_basis
        ("gdp", "level", 232.1, "亿元", "nominal"),
        ("industrial_value_added", "growth_rate", 0.2, "%", "real"),
        ("retail_sales", "level", 78.8, "亿元", "nominal"),
        ("retail_sales", "growth_rate", 4.9, "%", "nominal"),
        ("budget_revenue", "level", 10.74, "亿元", "nominal"),
        ("budget_revenue", "growth_rate", 2.0, "%", "nominal"),
    ]
    return pd.DataFrame(
        {
            "indicator": pd.array([r[0] for r in rows], dtype="string"),
            "period": pd.array([2023] * len(rows), dtype="Int64"),
            "kind": "actual",
            "measure": [r[1] for r in rows],
            "stage": pd.array([NA] * len(rows), dtype="string"),
            "value": pd.array([r[2] for r in rows], dtype="Float64"),
            "unit": [r[3] for r in rows],
            "price_basis": [r[4] for r in rows],
            "base_year": 2023,
            "plan_year": 2024,
        }
    )


CITY_SOURCE = "新乡市2024年国民经济和社会发展计划 (section 一)"
CITY_URL = "http://henan.kjzch.com/xinxiang/2024-04-02/841501.html"


def context() -> pd.DataFrame:
    rows = [
        ("新乡市", 2023, "gdp", "level", 3347.6),
        ("新乡市", 2023, "gdp", "growth_rate", 1.5),
        ("新乡市", 2023, "budget_revenue", "level", 241.5),
        ("新乡市", 2023, "budget_revenue", "growth_rate", 6.4),
        ("新乡市", 2023, "retail_sales", "level", 1130.3),
        ("新乡市", 2023, "retail_sales", "growth_rate", 4.9),
        ("新乡市", 2023, "industrial_value_added", "growth_rate", 1.0),
        ("新乡市", 2022, "gdp", "level", 3464.0),  # another year: must not be used
        ("牧野区", 2020, "gdp", "level", 215.06),  # another region: must not be used
    ]
    return pd.DataFrame(
        {
            "region": [r[0] for r in rows],
            "year": pd.array([r[1] for r in rows], dtype="Int64"),
            "indicator": pd.array([r[2] for r in rows], dtype="string"),
            "measure": [r[3] for r in rows],
            "value": pd.array([r[4] for r in rows], dtype="Float64"),
            "unit": "亿元",
            "source_title": [CITY_SOURCE] * 7 + ["新乡市2023年国民经济和社会发展计划", "copy"],
            "source_url": [CITY_URL] * 7 + ["http://example.org/2022", "http://example.org/m"],
        }
    )


def fan_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Synthetic cumulative growth: illustration only, never a real figure."""
    history = pd.DataFrame({"period": ["2024Q1", "2024Q2"], "value": [4.0, 4.6]})
    forecast = pd.DataFrame(
        {
            "period": ["2024Q3", "2024Q4"],
            "mean": [5.0, 5.4],
            "lower_80": [4.2, 4.3],
            "upper_80": [5.8, 6.5],
            "lower_95": [3.8, 3.7],
            "upper_95": [6.2, 7.1],
        }
    )
    return history, forecast
