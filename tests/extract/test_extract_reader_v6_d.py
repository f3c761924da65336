"""Reader, round six (helper d): periods of facts (years and months), each rule tested."""

from __future__ import annotations

from muye_analysis.extract import extract_facts
from muye_analysis.extract.wraps import paragraph_starts


def _periods(text: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(facts["value"], facts["period"], strict=True))


def _months(text: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(facts["value"], facts["start_month"], facts["end_month"], strict=True))


# -- wrapped lines -----------------------------------------------------------------------------

_WRAPPED = (
    "某县人民政府工作报告\n"
    "——2019年11月20日在某县第九届人民代表大会第一次会议上\n"
    "一、过去一年工作回顾\n"
    "过去的一年，面对复杂形势和艰巨任务，全县上下团结一心，攻坚克难，各项事业取得新\n"
    "进展。2019年，预计全县生产总值达到150亿元，完成固定资产投资92亿元，各项指标均\n"
    "比上年有所提高；社会消费品零售总额48亿元，城镇居民人均可支配收入增长8.8%，农村\n"
    "居民人均可支配收入增长9.6%，农村人均可支配收入增速继续快于城镇居民，有力地支撑\n"
    "了经济发展。\n"
)


def test_a_text_wrapped_at_a_fixed_width_keeps_the_year_its_paragraph_named_lines_before():
    # Copied from a PDF: every line breaks at the page's width, inside sentences. The figures
    # on later lines are of 2019 (a report of November 2019), not of the year before it.
    assert _periods(_WRAPPED) == [
        (150.0, 2019), (92.0, 2019), (48.0, 2019), (8.8, 2019), (9.6, 2019),
    ]  # fmt: skip


def test_a_line_that_ends_with_a_stop_still_ends_its_paragraph_in_a_wrapped_text():
    starts = paragraph_starts(_WRAPPED)
    lines = _WRAPPED.split("\n")
    # Paragraphs: the title, the date, the heading, then the wrapped paragraph as one.
    assert [_WRAPPED[s : s + 4] for s in starts[:4]] == [lines[0][:4], lines[1][:4],
                                                         lines[2][:4], lines[3][:4]]  # fmt: skip
    assert len(starts) == 5  # ... and the empty tail after the last line


def test_short_lines_without_stops_are_paragraphs_of_their_own():
    text = "某县统计公报\n一、综合\n全县生产总值120亿元\n二、农业\n粮食产量30万吨\n"
    assert len(paragraph_starts(text)) == 6


# -- a year the title block names as the one to come ---------------------------------------------


def test_a_year_the_lead_says_will_come_is_planned_and_the_past_year_is_the_one_before():
    text = (
        "某省加快建设高标准农田\n"
        "2022-01-20 09:00\n"
        "某省2022年将新建高标准农田900万亩。这是记者从某省人民代表大会第五次会议上了解到的。\n"
        "过去一年，某省粮食总产1500.2亿斤，增产40.1亿斤。\n"
    )
    assert _periods(text) == [(900.0, 2022), (1500.2, 2021), (40.1, 2021)]


# -- the start of a term -----------------------------------------------------------------------


def test_a_pair_under_a_term_of_years_starts_that_many_years_before_it_ends():
    text = (
        "某县人民政府工作报告\n"
        "——2016年11月26日在某县人民代表大会上\n"
        "四年来，我们砥砺奋进。2016年实现地区生产总值99.3亿元；"
        "一般公共预算收入由5.05亿元增加到7.17亿元。\n"
    )
    assert _periods(text) == [(99.3, 2016), (5.05, 2012), (7.17, 2016)]


def test_a_ratio_under_a_term_of_years_starts_that_many_years_before():
    text = (
        "某县人民政府工作报告\n"
        "——2011年1月13日在某县人民代表大会上\n"
        "五年来，我们狠抓产业开发，三次产业结构由23.2:43.4:33.5调整为22.6:41.2:36.2。\n"
    )
    periods = _periods(text)
    assert [p for v, p in periods if v == 23.2] == [2005]
    assert [p for v, p in periods if v == 22.6] == [2010]


def test_a_pair_that_names_its_own_start_keeps_it_under_a_term():
    text = (
        "某县人民政府工作报告\n"
        "——2016年11月26日在某县人民代表大会上\n"
        "四年来，2016年一般公共预算收入由上年的6.5亿元增加到7.17亿元。\n"
    )
    assert _periods(text) == [(6.5, 2015), (7.17, 2016)]


# -- spans of months ---------------------------------------------------------------------------


def test_a_later_member_of_a_list_of_bases_is_no_span_of_the_figure():
    # 全年 here is one of two bases compared with, not the months of the figures that follow.
    text = (
        "1-2月，全省工业增加值增长8.8%，分别比2021年同期两年平均、全年两年平均增速高0.2、"
        "1.4个百分点。分门类看，采矿业增长6.8%。\n"
    )
    assert {(f, last) for _, f, last in _months(text)} == {(1, 2)}


def test_a_quarter_of_last_year_compared_with_is_no_span():
    text = "一季度，全市地区生产总值增长5.5%，增速较上年四季度提高0.9个百分点。\n"
    assert [(v, f, last) for v, f, last in _months(text)] == [(5.5, 1, 3), (0.9, 1, 3)]


def test_ahead_of_schedule_by_two_months_is_no_span():
    text = "1-10月份，10个重点项目完成投资103.1亿元，提前两个月完成年度任务，完成投资80.5亿元。\n"
    assert {(f, last) for _, f, last in _months(text)} == {(1, 10)}


def test_a_month_opening_a_clause_and_half_a_year_to_date_are_spans():
    text = (
        "据统计，今年6月全县实现工业产值20.67亿元，半年累计完成工业产值108.7亿元；"
        "6月份全部工业出口交货值8.83亿元。\n"
    )
    assert _months(text) == [(20.67, 6, 6), (108.7, 1, 6), (8.83, 6, 6)]


def test_a_date_on_the_first_line_is_no_span():
    text = "1 月 23 日上午，某省人民代表大会开幕。过去一年，某省地区生产总值达 12.82 万亿元。\n"
    assert _months(text) == [(12.82, 1, 12)]


def test_one_month_set_aside_with_qizhong_holds_for_its_sentence_only():
    text = (
        "上半年，全市工业增加值增长13.3%。其中，6月份全市工业增加值增长6.9%。"
        "工业技改投资增长22.0%。\n"
    )
    assert _months(text) == [(13.3, 1, 6), (6.9, 6, 6), (22.0, 1, 6)]


def test_a_total_to_date_after_one_month_runs_from_january_to_that_month():
    text = (
        "前11个月全市产业累计完成产值4251.2亿元，其中11月份当月完成产值444.8亿元。"
        "新能源产业当月完成产值33.8亿元；累计完成产值273.1亿元，同比增长61.3%。\n"
    )
    assert _months(text) == [
        (4251.2, 1, 11), (444.8, 11, 11), (33.8, 11, 11), (273.1, 1, 11), (61.3, 1, 11),
    ]  # fmt: skip


_SO_FAR = (
    "今年以来，全县主要指标保持较快增长。\n"
    "一、主要经济指标完成情况\n"
    "规上工业增加值47.5亿元，同比增长28.2%；\n"
    "二、经济运行主要特点\n"
    "1-7月，全县规上工业增加值增长28.2%。\n"
)


def test_a_text_on_the_year_so_far_that_names_one_span_dates_its_list_by_it():
    assert _months(_SO_FAR)[:2] == [(47.5, 1, 7), (28.2, 1, 7)]


def test_a_text_on_the_year_so_far_that_names_two_spans_leaves_its_list_to_the_full_year():
    text = _SO_FAR + "上半年，全县规上工业增加值增长20.1%。\n"
    assert _months(text)[:2] == [(47.5, 1, 12), (28.2, 1, 12)]
