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
