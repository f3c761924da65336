"""Reader, round eight (helper t): tables the blind_v8 bulletins and plans printed, each rule
tested on short tables modelled on their form."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


def test_a_header_spaced_out_to_its_cell_still_names_a_growth_column():
    text = "2023年某县物价涨跌幅度\n指 标 | 涨 幅 |\n居民消费价格 | 0.4 |\n粮 食 | -1.2 |\n"
    rows = _rows(text, "subject", "value", "measure", "unit")
    assert ("居民消费价格", 0.4, "growth_rate", "%") in rows
    assert ("粮 食", -1.2, "growth_rate", "%") in rows


# a cell per line closed by a pipe: 项目 | 现价(亿元) | 增速% | 构成% | 贡献% then a row of years
_SPANNED = "\n".join(
    [
        "附表: 某县生产总值",
        "|",
        "项 目 |",
        "现价(亿元) |",
        "增速% |",
        "构成% |",
        "贡献% |",
        "|",
        "2019年 |",
        "2020年 |",
        "||||",
        "|",
        "生产总值 |",
        "30.10 |",
        "33.00 |",
        "9.0 |",
        "— |",
        "— |",
        "|",
        "第一产业 |",
        "9.00 |",
        "9.90 |",
        "5.0 |",
        "30.0 |",
        "1.5 |",
        "|",
        "第二产业 |",
        "8.00 |",
        "8.60 |",
        "10.0 |",
        "26.1 |",
        "2.5 |",
        "|",
        "第三产业 |",
        "13.10 |",
        "14.50 |",
        "11.0 |",
        "43.9 |",
        "5.0 |",
        "",
    ]
)


def test_a_row_of_years_under_a_level_header_splits_it_into_a_column_per_year():
    rows = _rows(_SPANNED, "subject", "value", "measure", "unit", "period")
    assert ("第一产业", 9.0, "level", "亿元", 2019) in rows
    assert ("第一产业", 9.9, "level", "亿元", 2020) in rows
    assert ("第一产业", 5.0, "growth_rate", "%", 2020) in rows
    assert ("第一产业", 30.0, "share", "%", 2020) in rows


def test_contributions_adding_up_to_the_total_growth_are_pulls_in_points():
    rows = _rows(_SPANNED, "subject", "value", "measure", "unit")
    assert ("第二产业", 2.5, "change_pp", "个百分点") in rows
    assert ("第三产业", 5.0, "change_pp", "个百分点") in rows


def test_contributions_adding_up_to_a_hundred_stay_shares():
    text = _SPANNED.replace("1.5 |", "20.0 |").replace("2.5 |", "30.0 |")
    text = text.replace("43.9 |\n5.0 |", "43.9 |\n50.0 |")
    rows = _rows(text, "subject", "value", "measure", "unit")
    assert ("第二产业", 30.0, "share", "%") in rows


# a target-against-outcome table flattened to one cell per paragraph
_TARGET_AND_OUTCOME = "\n\n".join(
    [
        "2021年主要指标预计完成情况",
        "    全年预期目标(增速%",
        "    预计全年完成情况",
        "    (增速%",
        "    地区生产总值",
        "    7",
        "    6.5",
        "    固定资产投资",
        "    12",
        "    9",
        "    城镇居民人均可支配收入",
        "    8",
        "    7.2",
    ]
)


def test_a_measure_in_brackets_under_an_outcome_header_is_one_column_with_it():
    rows = _rows(_TARGET_AND_OUTCOME, "subject", "value", "measure", "unit")
    assert ("固定资产投资", 9.0, "growth_rate", "%") in rows
    assert len(rows) == 6


def test_the_target_column_is_a_target_and_the_outcome_column_an_actual():
    rows = _rows(_TARGET_AND_OUTCOME, "subject", "value", "kind", "period")
    assert ("地区生产总值", 7.0, "target", 2021) in rows
    assert ("地区生产总值", 6.5, "actual", 2021) in rows
    assert ("城镇居民人均可支配收入", 7.2, "actual", 2021) in rows


# -- bulletins' prose: harvests and negative growth ------------------------------------------------


def test_a_harvest_up_or_down_in_percent_is_a_growth_with_its_sign():
    rows = _rows("全年稻谷产量6.2万吨，增产1.4%；玉米产量3.1万吨，减产0.8%。", "value", "measure")
    assert (1.4, "growth_rate") in rows
    assert (-0.8, "growth_rate") in rows


def test_a_negative_growth_is_a_fall():
    rows = _rows("今年5月全县规上工业产值12.3亿元，同比负增长2.6%。", "value", "measure")
    assert (-2.6, "growth_rate") in rows


def test_points_printed_without_their_measure_word_are_the_usual_unit():
    rows = _rows("第二产业占比提升了1.3百分点。", "value", "unit", "measure")
    assert rows == [(1.3, "个百分点", "change_pp")]
