"""Reader, round six (helper p): prose forms from blind_v6's misses and spurious rows (plans, work
reports, news and the prose of bulletins)."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text).astype(object)
    facts = facts.where(facts.notna(), None)
    columns = columns or ("value", "unit", "measure", "kind")
    return list(facts[list(columns)].itertuples(index=False, name=None))


def test_a_span_of_months_compared_with_is_written_one_way_whatever_the_dash():
    text = (
        "1—8月份，全县规模以上工业增加值同比增长4.1%，增速比1—7月份加快0.6个百分点；"
        "服务业增加值增长5.0%，比1~7月回落0.2个百分点。"
    )
    points = [r for r in _rows(text, "value", "measure", "comparator") if r[1] == "change_pp"]
    assert points == [(0.6, "change_pp", "1-7月"), (-0.2, "change_pp", "1-7月")]


def test_a_share_that_moved_with_nothing_named_moved_since_a_year_earlier():
    quarter = "一季度，全市制造业增加值占GDP的比重为13.6%，占比上升2.5个百分点。"
    plan = "2016年主要预期目标：城镇化率提高2个百分点左右。"
    growth = "1-5月，规上工业增加值增长6.1%，增速提高0.4个百分点。"
    assert _rows(quarter, "value", "comparator")[-1] == (2.5, "上年同期")
    assert _rows(plan, "value", "kind", "comparator") == [(2.0, "target", "上年")]
    # a growth rate's change may be on the month before: left without a comparator
    assert _rows(growth, "value", "comparator")[-1] == (0.4, None)


def test_what_a_year_will_do_is_a_target_for_the_rest_of_its_sentence():
    text = (
        "2023年，全省粮食产量1500亿斤。2024年将新建高标准农田800万亩，粮食播种面积稳定在"
        "2.1亿亩以上。今年将争取资金的做法纳入考核。"
    )
    assert _rows(text, "value", "unit", "kind") == [
        (1500.0, "亿斤", "actual"), (800.0, "万亩", "target"), (2.1, "亿亩", "target"),
    ]  # fmt: skip


def test_a_from_to_sentence_broken_over_lines_is_read_whole():
    text = "五年来，全县财政收入由2010年的\n\n3.5亿元增加到6.2亿元，年均增长12.1%。"
    assert _rows(text, "value", "unit", "stage") == [
        (3.5, "亿元", "from"), (6.2, "亿元", "to"), (12.1, "%", None),
    ]  # fmt: skip
    facts = extract_facts(text)
    assert facts["quote"][0].endswith("由2010年的\n\n3.5亿元")  # the quote as printed


def test_a_structure_ratio_moved_to_a_named_year_on_the_next_line():
    text = "2019年，全市三次产业比由2015年的12.1:48.3:39.6\n调整为2019年的10.2:45.5:44.3。"
    rows = _rows(text, "value", "stage", "period")
    assert rows == [
        (12.1, "from", 2015), (48.3, "from", 2015), (39.6, "from", 2015),
        (10.2, "to", 2019), (45.5, "to", 2019), (44.3, "to", 2019),
    ]  # fmt: skip


def test_a_heading_line_still_ends_its_line():
    text = "一、2023年工作回顾\n全年地区生产总值增长5.1%。"
    assert _rows(text, "value", "measure") == [(5.1, "growth_rate")]


def test_new_since_the_start_of_the_year_is_a_change_against_it():
    text = "6月末，全市各项贷款余额980.5亿元，比年初新增86.2亿元。"
    assert _rows(text, "value", "measure", "comparator") == [
        (980.5, "level", None), (86.2, "change", "年初"),
    ]  # fmt: skip


def test_a_concentration_per_cubic_metre_is_a_level_in_its_unit():
    text = "2023年，全市PM2.5平均浓度32微克/立方米，二氧化硫浓度0.01毫克/立方米。"
    assert _rows(text, "value", "unit", "measure") == [
        (32.0, "微克/立方米", "level"), (0.01, "毫克/立方米", "level"),
    ]  # fmt: skip


def test_a_space_after_a_decimal_point_does_not_cut_the_number():
    text = "2014年，全省实现生产总值6835. 27亿元，人口自然增长率6. 2‰。"
    assert _rows(text, "value", "unit", "printed") == [
        (6835.27, "亿元", "6835. 27亿元"), (6.2, "‰", "6. 2‰"),
    ]  # fmt: skip


def test_a_congress_roll_call_is_no_statistic():
    text = (
        "大会应出席代表180人，实到165人，符合法定人数。"
        "2023年，全县新增市场主体3200户，城镇新增就业4100人。"
    )
    assert _rows(text, "value", "unit") == [(3200.0, "户"), (4100.0, "人")]


def test_points_over_places_printed_once_at_the_end_go_to_each_place():
    text = "一季度，全区规上工业增加值增长4.6%，高于全国1.6、全省0.9个百分点。"
    points = [r for r in _rows(text, "value", "unit", "comparator") if r[1] == "个百分点"]
    assert points == [(1.6, "个百分点", "全国"), (0.9, "个百分点", "全省")]
