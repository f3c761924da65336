"""Reader, round fifteen (helper a): the bulletins and plan reports of blind_v15, each rule tested
on a short sentence of the form."""

from __future__ import annotations

from tests.extract.conftest import fact_rows


def _rows(text: str, *columns: str) -> list[tuple]:
    return fact_rows(text, *(columns or ("subject", "value", "unit", "measure")))


def test_a_single_spaced_header_of_words_each_with_its_unit_gives_a_column_each():
    text = (
        "表一：全县主要农产品产量\n\n"
        "指标 产量(吨) 比上年增长(%)\n"
        "粮食 52310.5 1.8\n"
        "油料 6120.0 -2.4\n"
        "蔬菜 80455.2 3.6\n"
    )
    rows = _rows(text)
    assert ("粮食", 52310.5, "吨", "level") in rows
    assert ("粮食", 1.8, "%", "growth_rate") in rows
    assert ("油料", -2.4, "%", "growth_rate") in rows
    assert ("蔬菜", 80455.2, "吨", "level") in rows
    assert not any(unit == "%" and value > 1000 for _, value, unit, _ in rows)


def test_a_structure_ratio_led_by_a_colon_is_read_as_three_shares():
    text = "全年全县三次产业结构调整为:9.8:40.1:50.1。"
    assert _rows(text, "value", "measure", "rule") == [
        (9.8, "share", "structure"),
        (40.1, "share", "structure"),
        (50.1, "share", "structure"),
    ]


def test_a_structure_ratio_of_percentages_apart_by_colons_is_read_as_shares_not_rates():
    text = "全年三大产业结构为22.4%:35.1%:42.5%，与上年相比，分别提高-0.6、0.2、0.4个百分点。"
    rows = _rows(text, "value", "measure")
    assert rows[:3] == [(22.4, "share"), (35.1, "share"), (42.5, "share")]
    assert (-0.6, "change_pp") in rows
    assert not any(measure == "rate" for _, measure in rows)


def test_percentages_listed_after_shares_are_named_before_a_colon_are_each_parts_share():
    text = "全年工业总产值120亿元。占工业总产值的比重分别为:轻工业38.2%,重工业61.8%。"
    rows = _rows(text)
    assert ("轻工业", 38.2, "%", "share") in rows
    assert ("重工业", 61.8, "%", "share") in rows


def test_a_percentage_after_a_colon_that_names_no_share_stays_a_rate():
    text = "全县森林覆盖率:62.5%。"
    assert _rows(text, "value", "measure") == [(62.5, "rate")]


_GOALS = (
    "表一  2023年某市主要目标完成情况\n\n指标名称\n\n属性\n\n年度计划\n\n执行情况\n\n"
    "地区生产总值\n\n预期性\n\n增长6%左右\n\n增长6.3%\n\n"
    "城镇调查失业率\n\n预期性\n\n5.5%以内\n\n5.1%\n\n"
    "单位生产总值能耗\n\n约束性\n\n下降3%\n\n下降3.2%\n"
)


def test_a_target_against_result_table_one_cell_per_line_gives_each_cell_its_row_and_kind():
    rows = _rows(_GOALS, "subject", "value", "measure", "kind")
    assert ("地区生产总值", 6.0, "growth_rate", "target") in rows
    assert ("地区生产总值", 6.3, "growth_rate", "actual") in rows
    assert ("城镇调查失业率", 5.1, "rate", "actual") in rows
    assert ("单位生产总值能耗", -3.0, "growth_rate", "target") in rows
    assert ("单位生产总值能耗", -3.2, "growth_rate", "actual") in rows
    assert all(subject for subject, *_ in rows)


def test_cells_one_per_line_without_a_target_column_are_no_goal_table():
    text = "指标名称\n\n全年完成\n\n地区生产总值\n\n增长6.3%\n\n财政收入\n\n增长4.1%\n"
    assert all(kind == "actual" for (kind,) in _rows(text, "kind"))


def test_a_cumulative_figure_after_a_plan_word_in_its_clause_is_a_target():
    text = "2025年主要预期目标是：地区生产总值增长6%左右，力争“十四五”以来累计下降12%左右。"
    rows = _rows(text, "value", "kind")
    assert (6.0, "target") in rows
    assert (-12.0, "target") in rows


def test_a_cumulative_outcome_after_the_targets_still_ends_their_reach():
    text = "2025年主要预期目标是：地区生产总值增长6%左右，1-11月累计完成投资80亿元。"
    rows = _rows(text, "value", "kind")
    assert (6.0, "target") in rows
    assert (80.0, "actual") in rows


def test_tasks_announced_by_their_count_are_targets_through_each_numbered_paragraph():
    text = (
        "2025年工作安排。重点抓好6方面工作：\n"
        "一是壮大创新主体，新增高新技术企业达到300家。\n"
        "二是推进产业升级，规上工业增加值增长7%。\n"
        "全市去年新增企业210家。\n"
    )
    rows = _rows(text, "value", "kind")
    assert (300.0, "target") in rows
    assert (7.0, "target") in rows
    assert (210.0, "actual") in rows


def test_an_exchange_rate_in_brackets_is_no_statistic():
    text = "人均地区生产总值81200元。按年平均汇率(1美元兑6.9元人民币)折合11768美元。"
    rows = _rows(text, "value", "unit")
    assert (81200.0, "元") in rows
    assert (11768.0, "美元") in rows
    assert (1.0, "美元") not in rows
    assert (6.9, "元") not in rows


def test_a_figure_after_bytes_a_mirror_page_lost_is_dropped_as_its_first_digits_are_gone():
    text = "全县户籍总人口为52310人。戶籍總?cè)丝跒?2310人,其中城镇人口21000人。"
    rows = _rows(text, "value")
    assert (52310.0,) in rows
    assert (2310.0,) not in rows
    assert (21000.0,) in rows


def test_a_figure_after_a_question_mark_of_a_lost_space_is_kept():
    assert _rows("集中开工项目总投资?62.16亿元。", "value") == [(62.16,)]


def test_the_pool_of_targets_counted_before_those_met_is_no_count_of_its_own():
    rows = _rows("计划执行总体良好，15项主要预期目标中12项能够完成。", "value", "unit")
    assert (15.0, "项") not in rows
    assert (12.0, "项") in rows
