"""A publication date the user gives dates the facts of a text that prints no year."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from muye_analysis import cli
from muye_analysis.extract import extract_facts
from muye_analysis.extract.epochs import given_date

NEWS = (
    "上半年，全市地区生产总值完成1200亿元，同比增长6.5%。全年一般公共预算收入完成80亿元，增长3%。"
)


def _periods(facts):
    return list(zip(facts["period"], facts["start_month"], facts["end_month"],
                    facts["period_from"], strict=True))  # fmt: skip


def test_a_text_naming_no_year_stays_unknown_without_a_publication_date():
    facts = extract_facts(NEWS)
    assert facts["period"].isna().all()
    assert set(facts["period_from"]) == {"unknown"}


def test_a_given_publication_date_dates_the_half_year_and_puts_an_unended_full_year_before():
    facts = extract_facts(NEWS, published="2021-07-20")
    assert _periods(facts) == [
        (2021, 1, 6, "given"), (2021, 1, 6, "given"),  # 上半年 published in July: this year's
        (2020, 1, 12, "given"), (2020, 1, 12, "given"),  # 全年 in July: the year before
    ]  # fmt: skip
    january = extract_facts(NEWS, published=dt.date(2022, 1, 15))
    assert list(january["period"]) == [2021, 2021, 2021, 2021]


def test_a_year_alone_dates_every_fact_to_it_and_chinese_dates_read_the_same():
    assert list(extract_facts(NEWS, published="2021")["period"]) == [2021] * 4
    assert list(extract_facts(NEWS, published="2021年7月20日")["period"]) == [
        2021,
        2021,
        2020,
        2020,
    ]


def test_a_date_the_text_prints_comes_before_the_given_one():
    text = "发布时间：2023-08-01\n" + NEWS
    facts = extract_facts(text, published="2021-07-20")
    assert list(facts["period"]) == [2023, 2023, 2022, 2022]
    assert set(facts["period_from"]) == {"date"}


def test_a_year_in_the_sentence_comes_before_the_given_date():
    facts = extract_facts("2019年全市地区生产总值增长6.5%。", published="2021-07-20")
    assert list(facts["period"]) == [2019]
    assert list(facts["period_from"]) == ["sentence"]


@pytest.mark.parametrize("bad", ["July", "2021-13-01", "2021-07-40", "21-07-20", ""])
def test_a_publication_date_not_understood_is_refused_with_the_forms_accepted(bad):
    with pytest.raises(ValueError, match="2021-07-20, 2021年7月20日, 2021-07 or 2021"):
        given_date(bad)


def test_muye_extract_published_dates_the_draft_and_explains_where_the_year_came_from(
    tmp_path, capsys
):
    report = tmp_path / "news.txt"
    report.write_text(NEWS, encoding="utf-8")
    out = tmp_path / "draft.csv"
    argv = ["extract", str(report), "-o", str(out), "--published", "2021-07-20", "--explain"]
    assert cli.main(argv) == 0
    shown = capsys.readouterr().out
    assert "时期 2021，取自给定的发布日期 (2021-07-20)" in shown
    draft = pd.read_csv(out, encoding="utf-8-sig")
    assert list(draft["period"]) == [2021, 2021, 2020, 2020]
    assert set(draft["period_from"]) == {"given"}
    assert cli.main(["extract", str(report), "-o", str(out), "--published", "2021-13"]) == 2
    assert "not understood" in capsys.readouterr().err


def test_a_target_set_for_the_year_is_of_the_year_it_is_published_in():
    text = "全社会固定资产投资目标为1300亿元，上半年完成585.3亿元。"
    facts = extract_facts(text, published="2014-08-18")
    assert list(zip(facts["kind"], facts["period"], strict=True)) == [
        ("target", 2014), ("actual", 2014)
    ]  # fmt: skip
