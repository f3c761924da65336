"""Reader, round fourteen (set b): the causes of blind_v14's misses in work reports and news,
each rule tested on a short sentence of its form."""

from __future__ import annotations

from muye_analysis.extract import extract_facts
from tests.extract.conftest import fact_rows


def _rows(text: str) -> list[tuple]:
    return fact_rows(text, "value", "unit", "measure", "stage")


def test_a_move_of_two_figures_at_once_gives_each_its_from_and_to():
    text = "全镇低收入人口由2310户6120人减至415户980人，发生率降至0.8%。"
    rows = _rows(text)
    assert (2310.0, "户", "count", "from") in rows
    assert (6120.0, "人", "count", "from") in rows
    assert (415.0, "户", "count", "to") in rows
    assert (980.0, "人", "count", "to") in rows


def test_a_move_broken_over_lines_after_its_unit_is_still_a_pair():
    text = "全县粮食生产稳定。果园面积从12.4万亩\n增加到30.5万亩。"
    rows = _rows(text)
    assert (12.4, "万亩", "level", "from") in rows
    assert (30.5, "万亩", "level", "to") in rows


def test_a_structure_ratio_whose_colons_were_lost_is_cut_where_its_parts_sum_to_100():
    text = "全市三次产业结构由2015年的185131调整为15.848.635.6，结构持续优化。"
    shares = [(v, s) for v, _, m, s in _rows(text) if m == "share"]
    assert shares == [
        (18.0, "from"), (51.0, "from"), (31.0, "from"),
        (15.8, "to"), (48.6, "to"), (35.6, "to"),
    ]  # fmt: skip
    # a long number after the same words that cuts no way into shares stays unread as one
    assert not [m for *_, m, _ in _rows("三次产业结构调整为123456。") if m == "share"]


def test_a_growth_rate_level_with_an_earlier_one_is_zero_points_on_it():
    facts = extract_facts("8月份，全省工业增加值增长5.2%，增速与7月份持平。")
    flat = facts[facts["value"] == 0.0]
    assert list(zip(flat["measure"], flat["unit"], flat["comparator"], strict=True)) == [
        ("change_pp", "个百分点", "7月份")
    ]
    # a level with last year stays a growth of zero
    kept = extract_facts("财政收入与上年持平。")
    assert list(zip(kept["measure"], kept["unit"], strict=True)) == [("growth_rate", "%")]


def test_a_heading_over_targets_spaced_by_blank_lines_covers_each_of_them():
    text = "  主要预期目标\n\n  生产总值增长6%左右\n\n  城镇新增就业5万人\n\n  物价涨幅3%左右\n"
    facts = extract_facts(text)
    assert list(facts["kind"]) == ["target"] * 3
    # two blank lines close the list: what follows is no target
    after = text + "\n\n  回顾\n\n  去年投资增长8%\n"
    assert list(extract_facts(after)["kind"]) == ["target"] * 3 + ["actual"]


def test_a_list_of_figures_named_a_target_after_its_last_member_is_targets():
    text = "全年实现财政收入90亿元。单位产值能耗降低3%、二氧化硫排放下降2%的减排目标可以完成。"
    facts = extract_facts(text)
    kinds = dict(zip(facts["value"], facts["kind"], strict=True))
    assert kinds == {90.0: "actual", -3.0: "target", -2.0: "target"}


def test_ranks_listed_after_one_ordinal_mark_are_each_a_rank_on_the_figure_given_after():
    text = "排在全省第三、四、五位的是甲县、乙县、丙县，产量分别为9.1亿斤、8.7亿斤、8.2亿斤。"
    facts = extract_facts(text)
    ranks = facts[facts["measure"] == "rank"]
    assert list(zip(ranks["value"], ranks["unit"], ranks["ranked_on"], strict=True)) == [
        (3.0, "位", "level"), (4.0, "位", "level"), (5.0, "位", "level"),
    ]  # fmt: skip
    grown = extract_facts("位居全市第一、第二位的是甲区和乙区，增速分别为9.3%和8.8%。")
    ranks = grown[grown["measure"] == "rank"]
    assert list(ranks["ranked_on"]) == ["growth_rate", "growth_rate"]


def test_a_gap_to_a_figure_compared_with_and_a_stock_grown_by_so_much_are_changes():
    rows = _rows("全县小麦单产为420.5公斤，比全市398.2公斤的平均水平多22.3公斤。")
    assert (22.3, "公斤", "change", "") in rows
    assert (398.2, "公斤", "level", "") in rows
    assert (48.0, "公里", "change", "") in _rows("全市公路通车里程新增48公里。")
    assert (3.2, "亿元", "change", "") in _rows("全县一般公共预算支出比上年增支3.2亿元。")


def test_a_contribution_to_a_growth_is_a_share_not_a_growth():
    rows = _rows("汽车产业对全市工业增长的贡献达38.6%。")
    assert rows == [(38.6, "%", "share", "")]


def test_a_firms_investment_and_what_its_project_does_are_no_statistics_of_the_place():
    text = "全县生产总值增长7%。某某集团追加投资20亿元，带动8万亩基地建设，产能位居全国第一。"
    assert _rows(text) == [(7.0, "%", "growth_rate", "")]


def test_places_listed_with_so_many_each_give_one_count_per_place():
    facts = extract_facts("分布上，甲市5个，乙市、丙县各2个。")
    counts = facts[facts["measure"] == "count"]
    assert list(zip(counts["subject"], counts["value"], strict=True)) == [
        ("甲市", 5.0), ("乙市", 2.0), ("丙县", 2.0),
    ]  # fmt: skip
