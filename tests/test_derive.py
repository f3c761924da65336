"""Derived values: the report's own cross-checks, and what its figures imply."""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis.dataset import load_indicators


@pytest.fixture(scope="module")
def derived():
    ind = load_indicators()
    return ind[ind["kind"] == "derived"].set_index(["indicator", "period"])


def test_tax_share_recomputed_from_levels_matches_the_stated_95_3(derived):
    # 10.23 / 10.74 = 95.25%, which the report rounds to 95.3%.
    assert derived.loc[("tax_share", 2023), "value"] == pytest.approx(95.2514, abs=1e-4)
    assert round(derived.loc[("tax_share", 2023), "value"], 1) == 95.3


def test_problem_housing_left_equals_the_three_named_for_2024(derived):
    ind = load_indicators()
    named = ind[(ind["indicator"] == "problem_housing_unresolved") & (ind["kind"] == "actual")]
    assert derived.loc[("problem_housing_unresolved", 2023), "value"] == 33 - 30
    assert named["value"].tolist() == [3.0]
    assert "美好城、755厂和有机化3个" in named["quote"].iloc[0]


def test_implied_2022_bases_use_nominal_growth_only(derived):
    assert derived.loc[("retail_sales", 2022), "value"] == pytest.approx(78.8 / 1.049)
    assert derived.loc[("budget_revenue", 2022), "value"] == pytest.approx(10.74 / 1.02)
    # GDP has no 2023 growth and industry no level: neither gets an implied base.
    assert ("gdp", 2022) not in derived.index
    assert ("industrial_value_added", 2022) not in derived.index


def test_budget_expenditure_implied_by_livelihood_share(derived):
    assert derived.loc[("budget_expenditure", 2023), "value"] == pytest.approx(6.1 / 0.6725)
    assert derived.loc[("budget_expenditure", 2023), "unit"] == "亿元"


def test_real_growth_target_level_is_flagged_as_at_constant_prices(derived):
    gdp = derived.loc[("gdp", 2024)]
    assert gdp["value"] == pytest.approx(232.1 * 1.06)
    assert gdp["price_basis"] == "real"
    assert gdp["bound"] == "at_least"
    assert "deflator" in gdp["note"]
    retail = derived.loc[("retail_sales", 2024)]
    assert retail["value"] == pytest.approx(78.8 * 1.09)
    assert retail["price_basis"] == "nominal"


def test_every_derived_row_names_formula_and_inputs_that_exist(derived):
    ind = load_indicators()
    keys = {
        f"{r.indicator}/{r.period}/{r.kind}/{r.measure}"
        for r in ind[ind["source"] == "report"].itertuples()
    }
    assert derived["formula"].notna().all()
    for inputs in derived["inputs"]:
        for key in inputs.split("; "):
            assert key in keys, key
    assert derived["quote"].isna().all()
    assert (derived["source"] == "derived").all()


def test_planned_investment_from_completion_rate(derived):
    assert derived.loc[("key_project_planned_investment", 2023), "value"] == pytest.approx(
        180 / 1.046
    )
    assert pd.notna(derived.loc[("provincial_city_key_project_planned_investment", 2023), "value"])
