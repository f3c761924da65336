"""Reader, round five (helper f): periods of bulletins and five-year plans, each tested."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _periods(text: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(facts["value"], facts["kind"], facts["period"], facts["period_from"],
                    strict=True))  # fmt: skip


def test_a_month_of_publication_under_a_title_without_a_legible_year_dates_the_year_before():
    # The title's year is garbled (?023年); the line (2025年3月) is when it was published.
    text = (
        "(某省?。?023年某县国民经济和社会发展统计公报\n"
        "(2025年3月)\n"
        "全年全县财政总收入86771万元，同比下降8.2%。\n"
    )
    assert _periods(text) == [
        (86771.0, "actual", 2024, "date"), (-8.2, "actual", 2024, "date"),
    ]  # fmt: skip


def test_a_year_and_month_inside_a_sentence_still_names_the_period():
    text = "某县经济运行简况\n2023年6月，全县工业增加值12.5亿元，增长4.1%。\n"
    assert {p for _, _, p, _ in _periods(text)} == {2023}


def test_a_clause_opening_with_to_a_year_gives_a_target_that_year():
    text = "某市“十三五”规划中期评估\n建议调整预期目标，到2020年全市地区生产总值可达到3.1万亿元。\n"
    assert _periods(text) == [(3.1, "target", 2020, "sentence")]


def test_to_a_year_inside_a_phrase_is_no_period():
    # 和到2018年全面建成小康: a goal named in passing, not the period of the figure.
    text = "2015年，全县围绕扶贫攻坚和到2018年全面建成小康社会目标，地区生产总值增长9.1%。\n"
    assert _periods(text) == [(9.1, "actual", 2015, "sentence")]


def test_a_target_of_a_numbered_five_year_plan_is_for_its_last_year():
    # The n-th plan from the third on ends in 1955 + 5n: 十二五 in 2015, 十四五 in 2025.
    text = (
        "某省规划中期评估报告\n"
        "力争“十二五”时期地区生产总值年均增长11%左右。\n"
        "力争十四五时期全省研发经费投入年均增长12%以上。\n"
    )
    assert [(v, p) for v, k, p, _ in _periods(text) if k == "target"] == [
        (11.0, 2015),
        (12.0, 2025),
    ]


def _table_rows(text: str) -> list[tuple]:
    facts = extract_facts(text)
    facts = facts[facts["rule"] == "table"]
    return list(zip(facts["subject"], facts["value"], facts["measure"], facts["start_month"],
                    facts["end_month"], strict=True))  # fmt: skip


def test_a_cell_per_line_table_under_a_row_of_months_reads_its_growths_by_month():
    # Blank lines between cells; 月 lost from the header (6 | 1-6); the 绝对量 cells are empty.
    cells = [
        "2023年1-6月全省工业生产主要数据", "6", "1-6", "绝对量", "同比增长", "%", "绝对量",
        "同比增长", "%", "规模以上工业增加值", "6.2", "4.1", "制造业", "7.0", "5.3",
    ]  # fmt: skip
    text = "上半年全省工业平稳运行。\n\n" + "\n\n".join(cells) + "\n"
    assert _table_rows(text) == [
        ("规模以上工业增加值", 6.2, "growth_rate", 6, 6),
        ("规模以上工业增加值", 4.1, "growth_rate", 1, 6),
        ("制造业", 7.0, "growth_rate", 6, 6),
        ("制造业", 5.3, "growth_rate", 1, 6),
    ]


def test_a_pipe_table_of_one_row_under_months_over_column_pairs_reads_its_printed_cells():
    # 8月 over 绝对量 | 同比增长(%), 1—8月 over the next pair; the header lacks its label cell;
    # … marks a cell not given.
    text = (
        "2024年8月份全省工业生产主要数据\n"
        "8月 | 1—8月 | |||\n"
        "绝对量 | 同比增长(%) | 绝对量 | 同比增长(%) | |\n"
        "规模以上工业增加值 | … | 4.5 | … | 5.8\n"
    )
    assert _table_rows(text) == [
        ("规模以上工业增加值", 4.5, "growth_rate", 8, 8),
        ("规模以上工业增加值", 5.8, "growth_rate", 1, 8),
    ]
