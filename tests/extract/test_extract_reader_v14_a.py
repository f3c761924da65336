"""Reader, round fourteen (helper a): the bulletins and plan reports of blind_v14, each rule tested
on a short sentence of the form."""

from __future__ import annotations

from tests.extract.conftest import fact_rows


def _rows(text: str, *columns: str) -> list[tuple]:
    return fact_rows(text, *(columns or ("subject", "value", "unit", "measure")))


def test_prose_that_runs_into_a_pipe_table_on_its_line_is_read_as_sentences():
    text = (
        "全县蔬菜产量5200吨，增长4.1%。 表1 主要农产品产量 产品名称 | 产量(吨) | 比上年增长(%) | "
        "蔬菜 | 5200 | 4.1 | 茶叶 | 310 | -2.0 | 水果 | 870 | 6.5 |"
    )
    rows = _rows(text, "value", "measure", "rule")
    assert (5200.0, "level", "level") in rows
    assert (4.1, "growth_rate", "growth") in rows
    assert (-2.0, "growth_rate", "table") in rows
    assert (870.0, "level", "table") in rows


def test_a_row_label_in_cubic_metres_gives_its_row_that_unit():
    text = (
        "表2 林业生产情况 产品名称 | 产量 | 比上年增长(%) | 木材采伐(立方米) | 6524 | 57.1 | "
        "板栗(吨) | 1196 | 2.4 |"
    )
    rows = _rows(text, "subject", "value", "unit")
    assert ("木材采伐", 6524.0, "立方米") in rows
    assert ("板栗", 1196.0, "吨") in rows


def test_a_list_closed_by_its_count_gives_each_member_its_figure_and_the_count_is_no_fact():
    text = "其中，食品、医疗保健和个人用品、居住等三类价格分别上涨2.9%、1.1%和4.7%。"
    assert _rows(text) == [
        ("食品", 2.9, "%", "growth_rate"),
        ("医疗保健和个人用品", 1.1, "%", "growth_rate"),
        ("居住", 4.7, "%", "growth_rate"),
    ]


def test_a_bare_change_in_permille_points_is_against_the_year_the_first_named():
    text = "出生率8.34‰，比2020年下降1.14个千分点；死亡率6.71‰，上升0.10个千分点。"
    rows = [r for r in _rows(text, "value", "measure", "comparator") if r[1] == "change"]
    assert rows == [(-1.14, "change", "2020年"), (0.1, "change", "2020年")]


def test_a_space_between_digit_groups_of_a_figure_is_a_thousands_separator():
    rows = _rows("全年国内生产总值完成2 093亿元，城镇居民收入达到7 010元。")
    assert [r[1:3] for r in rows] == [(2093.0, "亿元"), (7010.0, "元")]


def test_a_structure_ratio_that_lost_its_colons_is_cut_where_the_shares_sum_to_100():
    rows = _rows("三次产业比例由上年的21.64236.4调整为20.245.334.5。", "value", "measure", "stage")
    assert rows == [
        (21.6, "share", "from"),
        (42.0, "share", "from"),
        (36.4, "share", "from"),
        (20.2, "share", "to"),
        (45.3, "share", "to"),
        (34.5, "share", "to"),
    ]


def test_the_first_of_a_list_of_percentages_named_a_growth_after_the_list_is_a_growth():
    rows = _rows("全省生产总值分别以15%、13.6%的增速位列全国第三、第二位。", "value", "measure")
    assert rows[:2] == [(15.0, "growth_rate"), (13.6, "growth_rate")]


def test_classes_of_targets_their_pool_and_a_count_inside_a_rate_name_are_no_facts():
    text = "《纲要》确定的8类45项主要目标，有40项达到进度。城乡三项基本医疗保险参保率达到91.1%。"
    assert _rows(text, "value", "unit") == [(40.0, "项"), (91.1, "%")]


def test_a_faster_growth_after_a_growth_on_the_year_before_is_against_the_year_before():
    text = "全省生产总值比上年增长15.8%，增速提高4.1个百分点。"
    rows = _rows(text, "value", "measure", "comparator")
    assert (4.1, "change_pp", "上年") in rows


def test_a_milestone_reached_is_no_figure_of_its_own():
    rows = _rows("人均生产总值折算为3505美元，登上了3000美元的新台阶。", "value")
    assert rows == [(3505.0,)]
