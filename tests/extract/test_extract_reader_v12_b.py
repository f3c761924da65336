"""Reader, round twelve (helper b): the forms the blind_v12 prose documents printed, each rule
tested on short sentences modelled on the form."""

from __future__ import annotations

from muye_analysis.extract import extract_facts
from tests.extract.conftest import fact_rows


def _rows(text: str, *columns: str) -> list[tuple]:
    return fact_rows(text, *columns)


# -- expectations as a noun are no plan word -----------------------------------------------


def test_stabilising_expectations_is_no_plan_word():
    text = "2024年工作回顾\n我们稳就业、稳预期,全县地区生产总值增长5.3%,城镇新增就业3.1万人。"
    rows = _rows(text, "value", "kind")
    assert (5.3, "actual") in rows
    assert (3.1, "actual") in rows


def test_an_estimate_after_falling_short_of_expectations_is_an_actual():
    text = "一、2024年工作回顾\n指标不及预期,预计全年地区生产总值215亿元、增长2%左右。"
    rows = _rows(text, "value", "measure", "kind")
    assert (215.0, "level", "actual") in rows
    assert (2.0, "growth_rate", "actual") in rows


def test_a_qualified_figure_after_a_plan_word_stays_a_target():
    text = "一、2024年工作回顾\n全年预期目标是地区生产总值增长6%左右。"
    assert (6.0, "target") in _rows(text, "value", "kind")


# -- 年均 is no 均 (both) -------------------------------------------------------------------


def test_an_annual_average_growth_of_a_joined_subject_is_one_figure():
    text = "五年来,货物和服务进出口年均增长6.4%。"
    rows = _rows(text, "subject", "value")
    assert rows == [("货物和服务进出口", 6.4)]


def test_two_annual_average_growths_listed_are_two_figures():
    text = "五年来,甲产业和乙产业增加值年均增长9%、6.1%。"
    values = [v for (v,) in _rows(text, "value")]
    assert values == [9.0, 6.1]


# -- ranks: what a rank after a multiple or a change ranks; places moved without 第 ---------


def test_a_rank_after_a_multiple_of_a_level_ranks_the_level():
    text = "五年来,地区生产总值是2016年的2.1倍,由全省第40位上升到第25位。"
    rows = _rows(text, "value", "measure", "stage", "ranked_on")
    assert (40.0, "rank", "from", "level") in rows
    assert (25.0, "rank", "to", "level") in rows


def test_a_rank_of_a_new_subject_after_a_change_ranks_its_level():
    text = "全省生产总值较上年净增0.3万亿元,人均生产总值居全国第15位。"
    rows = _rows(text, "value", "measure", "rank_scope", "ranked_on")
    assert (15.0, "rank", "全国", "level") in rows


def test_places_moved_without_the_ordinal_mark_are_a_from_and_to_rank():
    text = "在全国综合实力百强县排名中,我县由95位提升至81位。"
    rows = _rows(text, "value", "unit", "measure", "stage", "rank_scope")
    assert rows == [
        (95.0, "位", "rank", "from", "全国综合实力百强县排名"),
        (81.0, "位", "rank", "to", "全国综合实力百强县排名"),
    ]


def test_bare_places_that_are_no_move_stay_unread():
    assert extract_facts("会议选出5位代表,其中3位来自基层。").empty


def test_a_count_that_grew_from_one_figure_to_another_is_a_from_and_to_pair():
    text = "五年来,规上企业从120家发展到215家。"
    rows = _rows(text, "value", "unit", "measure", "stage")
    assert rows == [(120.0, "家", "count", "from"), (215.0, "家", "count", "to")]


# -- a net increase against a named time; places 等地 sharing one target; entering a top list -


def test_a_net_increase_against_a_plan_period_keeps_its_comparator():
    text = "五年来,全省生产总值较“十三五”末净增0.8万亿元。"
    assert _rows(text, "value", "measure", "comparator") == [(0.8, "change", "“十三五”末")]


def test_places_listed_with_deng_di_each_take_the_target():
    text = "其中,丁市GDP预期目标为7%以上,甲市、乙市、丙市等地为6.5%左右。"
    rows = _rows(text, "subject", "value", "kind")
    assert {s for s, v, k in rows if v == 6.5 and k == "target"} == {"甲市", "乙市", "丙市"}


def test_entering_a_top_list_is_a_standing():
    rows = _rows("县域经济竞争力入围全省十强,规上企业数进入全市前三。", "measure", "rank_scope")
    assert rows == [("standing", "全省"), ("standing", "全市")]


def test_first_three_quarters_after_entering_is_no_standing():
    rows = _rows("全市进入全省前三季度统计的企业有12家。", "measure")
    assert ("standing",) not in rows


# -- a paragraph that looks at one measure ranks on it, among the pool it names ----------------


def test_ranks_in_a_paragraph_looking_at_growth_rank_the_growth_in_the_named_pool():
    text = (
        "从增速来看,8城GDP增速超全省平均水平。其中,甲市GDP增速最高达7.9%。"
        "乙市、丙市排名第二和第三,GDP增速分别为5.6%、5.0%。"
    )
    rows = _rows(text, "subject", "value", "measure", "rank_scope", "ranked_on")
    assert ("乙市", 2.0, "rank", "全省", "growth_rate") in rows
    assert ("丙市", 3.0, "rank", "全省", "growth_rate") in rows


def test_a_rank_names_no_pool_when_its_paragraph_names_none():
    facts = extract_facts("乙市GDP增长5%,排名第二。")
    rank = facts[facts["measure"] == "rank"]
    assert list(rank["value"]) == [2.0]
    assert rank["rank_scope"].isna().all()


# -- electricity in 万/亿度 -------------------------------------------------------------------


def test_electricity_in_hundred_millions_of_kwh_is_a_level():
    rows = _rows("全县工业用电量3.27亿度,同比下降8.1%。", "value", "unit", "measure")
    assert (3.27, "亿度", "level") in rows


def test_a_bare_degree_is_no_statistic():
    rows = _rows("最高气温达38度,全县用水量增长2%。", "value", "unit")
    assert rows == [(2.0, "%")]


# -- a ratio of three sectors' investment named 之比 --------------------------------------------


def test_a_ratio_named_zhi_bi_is_a_structure_from_and_to():
    text = "三次产业投资之比由上年同期的1.5:60.2:38.3调整为2.5:55.0:42.5。"
    rows = _rows(text, "value", "measure", "stage")
    assert rows == [
        (1.5, "share", "from"), (60.2, "share", "from"), (38.3, "share", "from"),
        (2.5, "share", "to"), (55.0, "share", "to"), (42.5, "share", "to"),
    ]  # fmt: skip
