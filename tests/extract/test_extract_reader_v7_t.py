"""Reader, round seven (helper t): bulletin and yearbook tables of the shapes blind_v7 missed."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _cells(text: str) -> list[tuple]:
    facts = extract_facts(text)
    facts = facts[facts["rule"] == "table"]
    return list(zip(facts["value"], facts["unit"], facts["measure"], facts["period"],
                    facts["start_month"], facts["end_month"], strict=True))  # fmt: skip


def test_columns_of_single_months_under_an_indicator_line_naming_a_growth_are_monthly_growths():
    text = (
        "指标:社会消费品零售总额_同比增长(%) | |||\n"
        "地区 | 2021年5月 | 2021年4月 | 2021年3月 |\n"
        "甲省 | 6.5 | 12 | -1.3 |\n"
        "乙省 | -0.4 | 3.1 | 8 |\n"
    )
    assert _cells(text) == [
        (6.5, "%", "growth_rate", 2021, 5, 5), (12.0, "%", "growth_rate", 2021, 4, 4),
        (-1.3, "%", "growth_rate", 2021, 3, 3), (-0.4, "%", "growth_rate", 2021, 5, 5),
        (3.1, "%", "growth_rate", 2021, 4, 4), (8.0, "%", "growth_rate", 2021, 3, 3),
    ]  # fmt: skip


def test_columns_of_months_without_a_growth_title_stay_levels():
    text = "地区 | 2021年5月 | 2021年4月 |\n甲省 | 65 | 120 |\n乙省 | 40 | 31 |\n"
    assert [c[2] for c in _cells(text)] == ["level"] * 4
    assert [c[4:] for c in _cells(text)] == [(5, 5), (4, 4)] * 2


def test_a_bilingual_yearbook_table_reads_its_chinese_labels_units_and_year_columns():
    text = (
        "5-2  主要年份邮电业务量\n"
        "Volume of Post and Telecommunications\n"
        "  tem 2018 2019 2020\n"
        "\n"
        "邮件总量 (万件)   Total Mail Items     120 135 150\n"
        " (10 000 pieces)\n"
        "  函件       Letters 40 38 35\n"
        "  包裹       Parcels 80 97 115\n"
        "电话用户 (万户)   Telephone Subscribers   (10 000 subscribers)   300 320 345\n"
    )
    assert _cells(text) == [
        (120.0, "万件", "count", 2018, 1, 12), (135.0, "万件", "count", 2019, 1, 12),
        (150.0, "万件", "count", 2020, 1, 12), (40.0, "万件", "count", 2018, 1, 12),
        (38.0, "万件", "count", 2019, 1, 12), (35.0, "万件", "count", 2020, 1, 12),
        (80.0, "万件", "count", 2018, 1, 12), (97.0, "万件", "count", 2019, 1, 12),
        (115.0, "万件", "count", 2020, 1, 12), (300.0, "万户", "count", 2018, 1, 12),
        (320.0, "万户", "count", 2019, 1, 12), (345.0, "万户", "count", 2020, 1, 12),
    ]  # fmt: skip


def test_a_space_aligned_bilingual_table_keeps_the_number_in_the_english_unit_out_of_its_cells():
    text = (
        "项    目   Item   2020 2021\n"
        "货运量        (万吨)   Freight Traffic          (10000 tons)   500 520\n"
        "# 铁 路              Railways                                20 22\n"
        " 公 路               Highways                               480 498\n"
        "货物周转量    (万吨公里)   Freight Ton-km        (10000 ton-km)   9000 9500\n"
        "民用汽车     (辆)   Civilian Vehicles                     (unit)   30000 31000\n"
    )
    assert [c[:4] for c in _cells(text)] == [
        (500.0, "万吨", "level", 2020), (520.0, "万吨", "level", 2021),
        (20.0, "万吨", "level", 2020), (22.0, "万吨", "level", 2021),
        (480.0, "万吨", "level", 2020), (498.0, "万吨", "level", 2021),
        (9000.0, "万吨公里", "level", 2020), (9500.0, "万吨公里", "level", 2021),
        (30000.0, "辆", "count", 2020), (31000.0, "辆", "count", 2021),
    ]  # fmt: skip


def test_an_english_sentence_with_numbers_after_chinese_words_is_no_table():
    text = "全年完成投资 (亿元) Total investment 12\n经济运行平稳。\n"
    assert _cells(text) == []


def test_a_header_of_kinds_naming_no_measure_gives_level_columns_in_the_table_unit():
    text = (
        "| 单位:万台 | ||||\n"
        "| 地 区 | 拖拉机 | 收割机 | 播种机 | 插秧机 |\n"
        "| 甲 省 | 12.5 | 3.2 | 0.8 | 1.1 |\n"
        "| 乙 省 | 20.1 | 5.4 | 1.6 | 0.2 |\n"
    )
    assert [c[:3] for c in _cells(text)][:4] == [
        (12.5, "万台", "count"), (3.2, "万台", "count"), (0.8, "万台", "count"),
        (1.1, "万台", "count"),
    ]  # fmt: skip
    assert len(_cells(text)) == 8


def test_rows_of_places_under_a_row_labelled_by_its_year_are_of_that_year():
    text = (
        "| 单位:万台 | ||||\n"
        "| 地 区 | 拖拉机 | 收割机 | 播种机 |\n"
        "| 2019 | 125.5 | 32.2 | 80.8 |\n"
        "| 甲 省 | 12.5 | 3.2 | 0.8 |\n"
        "| 乙 省 | 20.1 | 5.4 | 1.6 |\n"
    )
    assert {c[3] for c in _cells(text)} == {2019}
    assert len(_cells(text)) == 9
