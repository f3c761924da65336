"""Claims of the 经济运行分析 (issue 28): each sentence changes or disappears when the data no
longer support it. Rows are written here by hand (SYNTHETIC numbers), in the columns of
``progress_table``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muye_analysis.claims import analysis
from muye_analysis.claims.base import Amount
from muye_analysis.periods import Period
from muye_analysis.vocab import say

Q3, H1 = Period(2024, 9), Period(2024, 6)
FAST = settings(max_examples=25, deadline=None)


def growth_row(**over) -> dict:
    row = {
        "indicator": "industrial_value_added", "progress_kind": "growth", "status": "at_risk",
        "annual": True, "measure": "growth_rate", "target": 8.0, "qualifier": "", "bound": "exact",
        "unit": "%", "commitment": None, "indicative": True, "target_kind": "floor",
        "period": Q3, "ytd_value": 7.6, "previous_period": H1, "previous_growth": 7.2,
        "required_growth": 9.2, "effort": "small", "reason": "growth_small",
        "momentum": None, "latest_growth": None, "latest_span": None, "need_vs_latest": None,
        "derived": None, "compiled_by": "district", "figure_area": "牧野区", "verdict": None,
        "about_tolerance": 0.0, "ytd_growth": None,
    }  # fmt: skip
    return row | over


def cumulative_row(**over) -> dict:
    row = growth_row(
        indicator="battery_industry_revenue", progress_kind="cumulative", measure="level",
        target=80.0, unit="亿元", indicative=False, ytd_value=55.0, completion_pct=68.75,
        elapsed_pct=75.0, gap=6.25, pace_reference="elapsed", reason="cumulative_behind",
        prior_pace_pct=None, prior_pace_code=None, previous_growth=None, previous_period=None,
        required_growth=None, effort=None,
    )  # fmt: skip
    return row | over


def zh(claim) -> str | None:
    return say(claim, "zh")


# -- an indicator's figure ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "before", "words"),
    [(7.6, 7.2, "增速较上半年提高0.4个百分点"), (6.8, 7.2, "增速较上半年回落0.4个百分点"),
     (7.24, 7.16, "增速与上半年持平")],  # 7.2 and 7.2 as published
)  # fmt: skip
def test_the_change_since_the_last_period_follows_the_published_figures(now, before, words):
    text = zh(analysis.figure_claim(growth_row(ytd_value=now, previous_growth=before)))
    assert words in text


def test_without_a_previous_figure_no_change_is_said():
    row = growth_row(previous_growth=None, previous_period=None)
    text = zh(analysis.figure_claim(row, price_basis="real"))
    assert "较上半年" not in text and "持平" not in text
    assert text.startswith("前三季度，全区规模以上工业增加值按可比价格计算，同比增长7.6%")


def test_a_fall_reads_下降_and_a_shortfall_低于预期目标():
    text = zh(analysis.figure_claim(growth_row(ytd_value=-1.25)))
    assert "同比下降1.3%" in text and "增长-" not in text
    assert "低于全年8%的预期目标9.3个百分点" in text and "未完成" not in text


@pytest.mark.parametrize(
    ("ytd", "words"),
    [(8.3, "高于全年8%的预期目标0.3个百分点"), (8.04, "与全年8%的预期目标持平"),
     (7.9, "低于全年8%的预期目标0.1个百分点")],
)  # fmt: skip
def test_the_standing_against_the_target_follows_the_figure(ytd, words):
    assert words in zh(analysis.figure_claim(growth_row(ytd_value=ytd)))


def test_comparable_prices_are_said_only_for_a_real_growth_rate():
    row = growth_row(indicator="retail_sales")
    nominal = zh(analysis.figure_claim(row, price_basis="nominal"))
    real = zh(analysis.figure_claim(row, price_basis="real"))
    assert "可比价" not in nominal and "同比增长7.6%" in nominal
    assert "按可比价格计算，同比增长7.6%" in real


def test_a_level_is_said_only_when_the_table_prints_one():
    row = growth_row(indicator="retail_sales")
    assert "61.0亿元" in zh(analysis.figure_claim(row, level=Amount(61.0, "亿元", 1)))
    assert "亿元" not in zh(analysis.figure_claim(row))


def test_no_figure_is_said_without_data():
    assert analysis.figure_claim(growth_row(status="no_data", ytd_value=None)).holds is False


def test_a_cumulative_figure_says_its_growth_over_last_year_with_its_sign():
    down = zh(analysis.figure_claim(cumulative_row(ytd_growth=-2.38)))
    up = zh(analysis.figure_claim(cumulative_row(ytd_growth=14.58)))
    assert "比上年同期下降2.4%" in down and "比上年同期增长14.6%" in up
    assert "同期" not in zh(analysis.figure_claim(cumulative_row()))


# -- headings that are judgements ---------------------------------------------------------------


def test_a_heading_says_回升_only_when_the_growth_rose():
    rose = zh(analysis.heading_claim([growth_row()]))
    fell = zh(analysis.heading_claim([growth_row(ytd_value=6.9)]))
    assert rose == "规模以上工业增加值增速较上半年回升，低于预期目标"
    assert fell == "规模以上工业增加值增速较上半年回落，低于预期目标"


def test_a_heading_says_above_the_target_only_when_it_is():
    assert zh(analysis.heading_claim([growth_row(ytd_value=8.4)])).endswith("高于全年目标")
    task = growth_row(indicative=False)
    assert zh(analysis.heading_claim([task])).endswith("低于全年目标")


def test_a_heading_without_a_previous_period_states_the_growth():
    row = growth_row(previous_growth=None, previous_period=None, ytd_value=-1.2)
    assert zh(analysis.heading_claim([row])) == "规模以上工业增加值下降1.2%，低于预期目标"


def test_a_cumulative_heading_follows_its_pace():
    behind = zh(analysis.heading_claim([cumulative_row()]))
    ahead = zh(analysis.heading_claim([cumulative_row(reason="cumulative_ahead")]))
    assert behind == "电池产业营业收入低于序时进度"
    assert ahead == "电池产业营业收入超序时进度"


def test_a_heading_judges_the_growth_target_before_a_level_and_is_silent_without_data():
    rows = [cumulative_row(), growth_row()]
    assert analysis.lead_row(rows)["indicator"] == "industrial_value_added"
    assert analysis.heading_claim([growth_row(status="no_data", ytd_value=None)]).holds is False


@FAST
@given(now=st.floats(-10, 20), before=st.floats(-10, 20))
def test_the_heading_move_is_the_published_difference(now, before):
    text = zh(analysis.heading_claim([growth_row(ytd_value=now, previous_growth=before)]))
    text = text.split("，")[0]  # the move; the standing follows the comma
    diff = analysis.shown(now) - analysis.shown(before)
    assert ("回升" in text) == (diff > 0)
    assert ("回落" in text) == (diff < 0)
    assert ("持平" in text) == (diff == 0)


# -- 总体情况 -----------------------------------------------------------------------------------


def test_directions_list_what_rose_and_what_fell():
    rows = [growth_row(), growth_row(indicator="retail_sales", ytd_value=6.0, previous_growth=6.2)]
    assert zh(analysis.directions_claim(rows)) == (
        "与上半年相比，规模以上工业增加值增速回升，社会消费品零售总额增速回落"
    )
    alone = [growth_row(previous_growth=None, previous_period=None)]
    assert analysis.directions_claim(alone).holds is False


def test_status_lists_name_the_targets_worst_first():
    rows = [growth_row(status="on_track"), cumulative_row(status="off_track")]
    assert zh(analysis.status_lists_claim(rows)) == (
        "从目标进度看，进度滞后的有电池产业营业收入，进度正常的有规模以上工业增加值"
    )


# -- 位次 ---------------------------------------------------------------------------------------


def test_a_published_rank_says_its_move_and_only_a_fall_is_an_issue():
    up = analysis.published_rank_claim("gdp", 5, Q3, 6, H1)
    down = analysis.published_rank_claim("budget_revenue", 4, Q3, 3, H1)
    first = analysis.published_rank_claim("gdp", 5, Q3)
    assert zh(up) == "地区生产总值增速居全市第5位，较上半年前移1位"
    assert zh(down) == "一般公共预算收入增速居全市第4位，较上半年后移1位"
    assert zh(first) == "地区生产总值增速居全市第5位"
    issues = analysis.issue_claims([], [up, down, first])
    assert [c.subject for c in issues] == ["budget_revenue"]
    assert zh(issues[0]) == "一般公共预算收入增速全市位次较上半年后移1位，居第4位"


def test_a_city_rank_says_the_units_ranked_and_the_gap_to_the_city():
    row = {"indicator": "industrial_value_added", "measure": "growth", "rank": 13, "tied": False,
           "frame_size": 14, "rank_change": -2, "gap_to_city": -2.5,
           "gap_to_city_kind": "points"}  # fmt: skip
    text = zh(analysis.rank_claim(row, Period(2024, 5), Period(2024, 3)))
    assert text == ("1-5月，规模以上工业增加值增速居全市第13位（共14个单位参与排名），"
                    "较一季度后移2位，低于全市2.5个百分点")  # fmt: skip


# -- 需关注的问题 ---------------------------------------------------------------------------------


def test_issues_follow_the_statuses_worst_first():
    rows = [growth_row(status="at_risk"), growth_row(indicator="retail_sales", status="off_track",
                                                      effort="hard", ytd_value=6.3, target=9.0),
            growth_row(indicator="gdp", status="on_track", effort="hold")]  # fmt: skip
    issues = analysis.issue_claims(rows)
    assert [c.subject for c in issues] == ["retail_sales", "industrial_value_added"]
    assert zh(issues[0]) == ("社会消费品零售总额进度滞后：前三季度累计增长6.3%，低于全年9%的预期"
                             "目标2.7个百分点，完成全年目标难度很大")  # fmt: skip
    on_track = [growth_row(status="on_track", effort="hold")]
    assert analysis.issue_claims(on_track) == []
    none = zh(analysis.no_issue_claim(on_track, []))
    assert none.startswith("2024年1-9月有数据的1项目标进度均正常")
    assert analysis.no_issue_claim(rows, issues).holds is False


def test_a_decline_is_an_issue_only_when_the_published_growth_is_negative():
    tiny = cumulative_row(status="on_track", ytd_growth=-0.04)  # prints as 0.0
    assert analysis.issue_claims([tiny]) == []
    fell = analysis.issue_claims([cumulative_row(status="on_track", ytd_growth=-2.38)])
    assert zh(fell[0]) == "电池产业营业收入前三季度累计55亿元，比上年同期下降2.4%"


# -- 下一步需关注 ---------------------------------------------------------------------------------


def test_the_next_figures_must_show_the_growth_needed_and_the_months_left():
    text = zh(analysis.next_claim(growth_row()))
    assert text == ("规模以上工业增加值：完成全年8%的预期目标，四季度（余3个月）需增长9.2%，"
                    "比前三季度累计增速高1.6个百分点")  # fmt: skip
    assert "即使下降1.0%" in zh(analysis.next_claim(growth_row(required_growth=-1.0)))
    assert analysis.next_claim(growth_row(period=Period(2024, 12))).holds is False


def test_a_cumulative_target_needs_a_monthly_pace_said_apart_from_the_pace_so_far():
    # 签约项目: 14 of 20 after nine months: 2 a month against 1.6 so far (not "2 against 2")
    row = cumulative_row(indicator="signed_projects", target=20.0, unit="个", ytd_value=14.0)
    text = zh(analysis.next_claim(row))
    assert "月均需完成2.0个，高于前三季度月均1.6个" in text
    ahead = zh(analysis.next_claim(cumulative_row(ytd_value=66.0)))
    assert "月均完成4.7亿元即可（前三季度月均7.3亿元）" in ahead


def test_targets_without_figures_are_listed_to_collect():
    rows = [growth_row(), growth_row(indicator="gdp", status="no_data", ytd_value=None)]
    claims = analysis.next_claims(rows, plan_year=2024)
    assert claims[-1].id == "next.no_data" and "尚无2024年数据" in zh(claims[-1])


def test_groups_follow_the_bureau_order():
    assert analysis.GROUPS[:5] == ("overall", "industry", "investment", "consumption", "fiscal")
    assert analysis.group_of("retail_sales", "macro") == "consumption"
    assert analysis.group_of("gdp", "macro") == "overall"
    assert analysis.group_of("new_urban_jobs", "livelihood") == "livelihood"
