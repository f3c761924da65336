"""Claims on the report alone, perturbed until their sentence must change or disappear:
有强有弱 only across thirds of the stated frame; targets against last year's growth; what the
report leaves out; the district's size; the takeaways of the charts."""

from __future__ import annotations

import dataclasses

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from muye_analysis.claims import charts, report
from muye_analysis.views import rank_third
from muye_analysis.vocab import say
from tests.claims.conftest import with_actual, with_ranks, with_target

FAST = settings(max_examples=15, deadline=None)


def test_ranks_of_the_report_are_uneven_across_thirds(data):
    claim = report.ranks_claim(data, frame_size=13)  # 税收占比 1st (top), 规上增速 12th (bottom)
    assert claim.variant == "mixed"
    assert say(claim, "zh") == (
        "全市排名有强有弱（按13个排名单位三等分）：税收占比第1位，处前三分之一；"
        "规上工业增加值增速第12位，处后三分之一。"
    )


@FAST
@given(ranks=st.lists(st.integers(min_value=1, max_value=13), min_size=5, max_size=5))
def test_uneven_is_said_only_when_best_and_worst_fall_in_different_thirds(data, ranks):
    keys = [
        ("gdp", "level"),
        ("industrial_value_added", "growth_rate"),
        ("retail_sales", "level"),
        ("retail_sales", "growth_rate"),
        ("tax_share", "share"),
    ]
    claim = report.ranks_claim(with_ranks(data, dict(zip(keys, ranks, strict=True))),
                               frame_size=13)  # fmt: skip
    thirds = {rank_third(min(ranks), 13), rank_third(max(ranks), 13)}
    assert (claim.variant == "mixed") == (len(thirds) == 2)
    zh = say(claim, "zh")
    assert ("有强有弱" in zh) == (len(thirds) == 2)
    assert f"第{min(ranks)}位" in zh and f"第{max(ranks)}位" in zh


def test_ranks_5_and_8_are_both_middle_third_and_never_uneven(data):
    # The next-year report's case: best 5th, worst 8th of 13 (both middle third).
    changed = with_ranks(data, {("gdp", "level"): 5, ("industrial_value_added", "growth_rate"): 8,
                                ("retail_sales", "level"): 6, ("retail_sales", "growth_rate"): 7,
                                ("tax_share", "share"): 6})  # fmt: skip
    zh = say(report.ranks_claim(changed, frame_size=13), "zh")
    assert "有强有弱" not in zh and zh.startswith("全市排名均处中间三分之一")


def test_a_larger_stated_frame_moves_a_rank_between_thirds(data):
    # 12th of 13 is the bottom third; of 15 units (高新区、经开区 listed) it is still bottom,
    # but 9th of 15 is middle while 9th of 13 is bottom: the frame is stated in the sentence.
    assert "按15个排名单位" in say(report.ranks_claim(data, frame_size=15), "zh")


@FAST
@given(actual=st.floats(min_value=-5, max_value=15, allow_nan=False))
def test_targets_against_last_year_follow_the_gaps(data, actual):
    actual = round(actual, 1)
    claim = report.targets_claim(with_target(data, "industrial_value_added", actual=actual))
    gaps = [8 - actual, 8 - 2.0, 9 - 4.9]  # 规上, 财政收入, 社零
    up = sum(g > 0 for g in gaps)
    assert claim.facts["up"] == up
    assert claim.variant == ("all_up" if up == 3 else "some_up" if up else "none_up")
    assert "均高于" not in say(claim, "zh") or up == 3


def test_missing_baselines_are_named_and_disappear_once_given(data):
    claim = report.missing_claim(data)
    assert claim.facts["names"] == ["gdp", "fixed_asset_investment"]
    filled = with_target(with_target(data, "gdp", actual=5.5), "fixed_asset_investment",
                         actual=7.0)  # fmt: skip
    assert not report.missing_claim(filled).holds


def test_scale_states_the_share_only_with_the_citys_figures(data):
    assert report.scale_claim(data).variant == "share"
    no_city = dataclasses.replace(data, context=data.context.iloc[0:0])
    claim = report.scale_claim(no_city)
    assert claim.variant == "no_share" and "占全市" not in say(claim, "zh")
    assert not report.scale_claim(with_actual(data, "gdp", "level", None)).holds


def test_achievements_the_report_states(data):
    items = {c.facts["indicator"]: c for c in report.achievement_claims(data)}
    assert say(items["key_project_completion_rate"], "zh") == "重点项目投资完成率104.6%"
    assert say(items["new_urban_jobs"], "zh") == "新增城镇就业8317人，超额完成目标任务"
    lower = with_actual(data, "key_project_completion_rate", "rate", 95.0)  # below plan
    assert "key_project_completion_rate" not in {
        c.facts["indicator"] for c in report.achievement_claims(lower)
    }


def test_rank_items_are_strengths_in_the_top_third_and_weaknesses_in_the_bottom(data):
    tones = {(c.facts["indicator"], c.facts["on"]): c.tone
             for c in report.rank_item_claims(data, frame_size=13)}  # fmt: skip
    assert tones == {("tax_share", "share"): "strength",
                     ("industrial_value_added", "growth_rate"): "weakness",
                     ("retail_sales", "growth_rate"): "weakness"}  # fmt: skip


def test_gap_risks_are_positive_gaps_only(data):
    assert [c.facts["indicator"] for c in report.gap_risk_claims(data)] == [
        "industrial_value_added", "budget_revenue"]  # fmt: skip
    fast = with_target(data, "industrial_value_added", actual=9.5)  # last year beat the target
    assert "industrial_value_added" not in [c.facts["indicator"]
                                            for c in report.gap_risk_claims(fast)]  # fmt: skip


# -- chart takeaways -----------------------------------------------------------------------------


def test_rates_are_never_in_the_task_ratio_chart(data):
    claim = charts.tasks_claim(data.targets)
    assert claim.facts["n"] == 6  # levels and counts; R&D coverage (a rate) left out
    assert "研发活动覆盖率" not in say(claim, "zh")
    extra = data.targets.copy()
    extra.loc[extra["indicator"] == "surveyed_unemployment_rate", "actual"] = 5.3
    assert charts.tasks_claim(extra).facts["n"] == 6  # a rate with an outcome: still left out


@FAST
@given(growth=st.floats(min_value=-3, max_value=12, allow_nan=False))
def test_growth_gap_takeaway_says_above_or_below(data, growth):
    growth = round(growth, 1)
    targets = with_target(data, "industrial_value_added", actual=growth).targets
    claim = charts.growth_gap_claim(targets)
    gap = claim.facts["gap"]
    zh = say(claim, "zh")
    assert ("目标高" in zh) == (gap >= 0) and ("目标低" in zh) == (gap < 0)
    assert "-" not in zh.split("；")[0]  # never 增速-1.0% nor 高-1.0个百分点
    assert ("下降" in zh) == (growth < 0)


def test_city_growth_compares_each_indicator_with_the_citys_own(data):
    claim = charts.city_claim(data.indicators, data.context, data.registry)
    growth = claim.facts["growth"]
    assert growth.key == "city_growth.below"  # 一般公共预算收入 2.0% against the city's 6.4%
    assert growth.fields["name"]["indicator"] == "budget_revenue"


def test_a_rank_table_without_numeric_ranks_gives_no_scorecard_claim(data):
    standings = data.rankings[data.rankings["rank"].isna()]
    assert not charts.scorecard_claim(standings).holds
    assert not pd.isna(data.rankings["rank"]).all()
