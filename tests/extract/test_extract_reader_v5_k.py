"""Reader, round five (helper k): units, kinds and measures in prose from blind_v5's misses."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(facts["value"], facts["unit"], facts["measure"], facts["kind"],
                    strict=True))  # fmt: skip


def test_outputs_in_wan_of_made_things_are_levels_and_plain_ones_counts():
    text = (
        "2023年，全县生产电视机12.5万台，汽车3.2万辆，芯片800万片，多晶硅1600万千克，"
        "新建沼气池2.4万口。新增公交车50辆，打机井12口。"
    )
    assert _rows(text) == [
        (12.5, "万台", "level", "actual"), (3.2, "万辆", "level", "actual"),
        (800.0, "万片", "level", "actual"), (1600.0, "万千克", "level", "actual"),
        (2.4, "万口", "level", "actual"), (50.0, "辆", "count", "actual"),
        (12.0, "口", "count", "actual"),
    ]  # fmt: skip


def test_kinds_of_product_count_and_their_pool_is_left_out():
    text = "2023年，全市120种主要工业产品中有85种产量增长；在300种产品中，有140种实现增长。"
    assert _rows(text) == [(85.0, "种", "count", "actual"), (140.0, "种", "count", "actual")]


def test_kinds_and_mouths_in_words_are_names_not_counts():
    text = "2023年，十种有色金属产量58万吨，推广两种模式，三口之家人均收入3万元。"
    assert [r[:2] for r in _rows(text)] == [(58.0, "万吨"), (3.0, "万元")]
