"""The plan-consistency claims, perturbed until their sentence must change or disappear.

仍为 only when the target equals last year's outcome, 提高/降低 with both figures otherwise;
key-project investment against fixed-asset investment is a question (口径 differ); nominal
revenue and real value added are never subtracted; 非税收入 room only at a high tax share.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from muye_analysis.claims import plan
from muye_analysis.display import fixed
from muye_analysis.vocab import say
from tests.claims.conftest import with_actual, with_target

FAST = settings(max_examples=12, deadline=None)


def test_key_project_target_equal_to_last_years_outcome_reads_still(data):
    claim = plan.investment_claim(data)  # 180亿元以上 against 180 completed, 9% investment growth
    assert claim.holds and claim.caveat == "scope"
    zh = say(claim, "zh")
    assert zh.startswith("值得关注：") and "仍为180亿元以上（2023年完成180亿元）" in zh
    assert "由431个降至200个以上" in zh
    assert "不匹配" not in zh  # 口径 differ: a question, never a finding


@FAST
@given(target=st.sampled_from([150.0, 170.0, 185.0, 190.0, 196.0]))
def test_key_project_target_moved_says_which_way_with_both_figures(data, target):
    claim = plan.investment_claim(with_target(data, "key_project_investment", target=target))
    growth = 100 * (target / 180 - 1)
    assert claim.holds == (growth < 9)  # only a target growing slower than investment is a tension
    if claim.holds:
        zh = say(claim, "zh")
        assert "仍为" not in zh.split("项目个数")[0]
        word = "提高到" if target > 180 else "降至"
        assert f"由2023年完成的180亿元{word}{target:g}亿元以上" in zh


@FAST
@given(count=st.sampled_from([100, 300, 431, 500, 650]))
def test_project_count_falls_rises_or_stays_by_the_numbers(data, count):
    zh = say(plan.investment_claim(with_target(data, "key_projects", target=float(count))), "zh")
    if count < 431:
        assert f"由431个降至{count}个以上" in zh
    elif count > 431:
        assert f"由431个增至{count}个以上" in zh and "降至" not in zh.split("；")[0][-20:]
    else:
        assert f"项目个数仍为{count}个以上" in zh


def test_investment_claim_disappears_when_the_key_project_target_keeps_pace(data):
    raised = with_target(data, "key_project_investment", target=200.0)  # +11% > 9%
    claim = plan.investment_claim(raised)
    assert not claim.holds and claim.conditions == ("kpi_target_keeps_pace",)
    assert say(claim, "zh") is None


def test_revenue_says_little_room_only_at_a_high_tax_share(data):
    claim = plan.revenue_claim(data)  # tax share 95.3%: non-tax 4.7%
    assert claim.variant == "little_room"
    assert "调节余地小" in say(claim, "zh") and "约8.4%" in say(claim, "zh")


@FAST
@given(share=st.floats(min_value=60, max_value=99, allow_nan=False))
def test_revenue_room_follows_the_tax_share(data, share):
    changed = with_actual(data, "tax_share", "share", share)
    claim = plan.revenue_claim(changed)
    zh = say(claim, "zh")
    assert ("调节余地小" in zh) == (100 - share < plan.NON_TAX_ROOM_PCT)
    assert "无调节空间" not in zh  # never the absolute claim


def test_battery_and_industry_are_never_subtracted(data):
    claim = plan.battery_claim(data)
    assert claim.holds and claim.caveat == "nominal_vs_real"
    for lang in ("zh", "en"):
        text = say(claim, lang)
        assert "26.8" not in text and "相差" not in text  # 27 − 0.2 is no comparison
    assert say(claim, "zh").startswith("值得关注：")
    assert "增长27%（现价" in say(claim, "zh") and "增长0.2%（可比价）" in say(claim, "zh")


@FAST
@given(
    battery=st.floats(min_value=-20, max_value=60), industry=st.floats(min_value=-5, max_value=15)
)
@example(battery=1.625, industry=-0.375)  # 1.6 shown as 2 (the report's precision), 2.0 apart
@example(battery=0.25, industry=0.25)  # equal rates
def test_battery_question_never_states_a_difference(data, battery, industry):
    # Every number the sentence shows is one of the two rates (at whatever precision it is
    # shown) or a number of the template (years): a difference of the two never appears.
    battery, industry = round(battery, 1), round(industry, 1)
    numbers_in = lambda text: {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}  # noqa: E731
    template = numbers_in(say(plan.battery_claim(data), "zh"))
    shown = {float(fixed(abs(v), d)) for v in (battery, industry) for d in (0, 1)}
    changed = with_actual(with_actual(data, "battery_industry_revenue", "growth_rate", battery),
                          "industrial_value_added", "growth_rate", industry)  # fmt: skip
    text = say(plan.battery_claim(changed), "zh")
    assert numbers_in(text) <= shown | template  # the two rates are never subtracted
    assert "下降" in text if min(battery, industry) < 0 else "下降" not in text


def test_a_missing_input_silences_the_claim(data):
    assert not plan.battery_claim(with_actual(data, "battery_industry_revenue", "growth_rate",
                                              None)).holds  # fmt: skip
    assert not plan.revenue_claim(with_actual(data, "tax_share", "share", None)).holds


def test_tax_growth_needed_with_non_tax_flat():
    assert round(plan.tax_growth_needed(10.74, 10.23, 8), 2) == 8.40
