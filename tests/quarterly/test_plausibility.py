"""Plausibility: values that parse but cannot be right are refused with the reason, unless
``--accept-outlier``, which stores them with that reason. Every number here is synthetic."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from muye_analysis import cli
from muye_analysis.errors import DataError
from muye_analysis.quarterly import ingest_quarterly, read_history, read_quarterly, read_store
from muye_analysis.quarterly.plausibility import period_end

HEADER = "indicator,year,period,level,unit,growth_pct,source\n"


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def refused(path: Path, **kwargs) -> DataError:
    with pytest.raises(DataError) as info:
        ingest_quarterly(path, **kwargs)
    assert "--accept-outlier" in info.value.fix or "year" in info.value.fix
    return info.value


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (
            "社会消费品零售总额,2024,1-3月,,,350",
            "growth_pct",
            "growth of 350% is outside -50%..100%, the plausible range for growth of a "
            "district aggregate",
        ),
        ("一般公共预算收入,2024,1-3月,,,500", "growth_pct", "growth of 500% is outside -80%..200%"),
        (
            "城镇调查失业率,2024,1-3月,55,%,",
            "level",
            "55% is outside 0%..20%, the range of an unemployment rate",
        ),
        ("城镇调查失业率,2024,1-3月,-3,%,", "level", "-3% is outside 0%..20%"),
        (
            "社会消费品零售总额,2024,1-3月,100000000000000000000000,亿元,5.0",
            "level",
            "more than China's GDP",
        ),
        ("规上工业增加值,2024,1-3月,,,75", "growth_pct", "plausible range for real growth"),
    ],
)
def test_implausible_values_are_refused_with_the_reason(tmp_path, row, column, message):
    path = write_csv(tmp_path / "synthetic_outlier.csv", [row + ",synthetic"])
    exc = refused(path)
    assert (exc.file, exc.row, exc.column) == (path, 2, column)
    assert "implausible:" in str(exc) and message in str(exc)
    assert "ingest again with --accept-outlier" in exc.fix
    assert read_store().empty


def test_plausible_values_pass(tmp_path):
    path = write_csv(tmp_path / "synthetic_fine.csv", [
        "社会消费品零售总额,2024,1-3月,20.1,亿元,-12.5,synthetic",
        "城镇调查失业率,2024,1-3月,5.3,%,,synthetic",
        "一般公共预算收入,2024,1-3月,1.2,亿元,150,synthetic",
    ])  # fmt: skip
    assert ingest_quarterly(path).added == 5


def test_a_wan_yuan_figure_labelled_yi_yuan_is_refused_against_other_periods(tmp_path):
    # 1-3月 20.1 亿元; 1-6月 typed as 410000 (万元) but labelled 亿元: 10,000 times too big.
    path = write_csv(tmp_path / "synthetic_unit_slip.csv", [
        "社会消费品零售总额,2024,1-3月,20.1,亿元,5.0,synthetic",
        "社会消费品零售总额,2024,1-6月,410000,亿元,5.0,synthetic",
    ])  # fmt: skip
    exc = refused(path)
    assert (exc.row, exc.column) == (3, "level")
    # month for month: (410000 / 6) / (20.1 / 3) = 10199.0
    assert "month for month, 1.02e+04 times the other periods of 2024" in str(exc)
    assert "万元 labelled 亿元 is 10,000 times too big" in str(exc)


def test_a_level_is_checked_against_last_years_same_period_in_the_store(tmp_path):
    last_year = ["社会消费品零售总额,2023,1-3月,19.0,亿元,4.0,synthetic"]
    ingest_quarterly(write_csv(tmp_path / "synthetic_2023.csv", last_year))
    path = write_csv(tmp_path / "synthetic_2024.csv",
                     ["社会消费品零售总额,2024,1-3月,201000,亿元,5.0,synthetic"])  # fmt: skip
    exc = refused(path)
    assert "1.058e+04 times last year's same period (19 亿元)" in str(exc)


@pytest.mark.parametrize(
    ("indicator", "message"),
    [
        ("signed_investment", "times the other periods of 2024"),  # a stock: magnitude check
        ("企业新增贷款", "falls from 20.5"),  # a flow: its cumulative level cannot fall
    ],
)
def test_yuan_and_yi_yuan_mixed_in_one_year_is_refused(tmp_path, indicator, message):
    # The unit column says 元 for 1-6月 although the figure is in 亿元: 41 元 = 4.1e-7 亿元.
    path = tmp_path / "synthetic_mixed_units.csv"
    path.write_text(
        "indicator,year,period,level,unit\n"
        "新增城镇就业,2024,1-3月,1200,人\n"  # a count, unaffected
        f"{indicator},2024,1-3月,20.5,亿元\n"
        f"{indicator},2024,1-6月,41,元\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        ingest_quarterly(path)
    assert (info.value.row, info.value.column) == (4, "level")
    assert message in str(info.value)


def test_an_of_which_item_larger_than_its_parent_is_refused(tmp_path):
    path = write_csv(tmp_path / "synthetic_of_which.csv", [
        "一般公共预算收入,2024,1-3月,2.0,亿元,3.0,synthetic",
        "#其中：税收收入,2024,1-3月,2.6,亿元,4.0,synthetic",
    ])  # fmt: skip
    exc = refused(path)
    assert exc.row == 3
    assert "an of-which item larger than its whole: budget_revenue 2024年1-3月 is 2 亿元" in str(
        exc
    )


def test_a_future_period_is_refused_even_with_accept_outlier(tmp_path):
    path = write_csv(tmp_path / "synthetic_future.csv",
                     ["社会消费品零售总额,2031,1-3月,20.1,亿元,5.0,synthetic"])  # fmt: skip
    today = dt.date(2026, 11, 30)
    with pytest.raises(DataError) as info:
        ingest_quarterly(path, accept_outlier=True, today=today)
    assert "the period ends on 2031-03-31, after today (2026-11-30)" in str(info.value)
    assert (info.value.row, info.value.column) == (2, "level")
    with pytest.raises(DataError, match="after today"):
        read_quarterly(path, today=today)
    # The period that ended today is published at the earliest today: accepted.
    ok = write_csv(tmp_path / "synthetic_today.csv",
                   ["社会消费品零售总额,2026,1-11月,80.0,亿元,5.0,synthetic"])  # fmt: skip
    assert ingest_quarterly(ok, today=today).added == 2
    assert period_end(2024, 2) == dt.date(2024, 2, 29)


def test_accept_outlier_stores_the_value_with_the_reason(tmp_path, capsys):
    path = write_csv(tmp_path / "synthetic_real_outlier.csv",
                     ["社会消费品零售总额,2024,1-3月,20.1,亿元,350,synthetic"])  # fmt: skip
    assert cli.main(["ingest", str(path)]) == 2
    assert "--accept-outlier" in capsys.readouterr().err
    assert cli.main(["ingest", str(path), "--accept-outlier"]) == 0
    out = capsys.readouterr().out
    assert "注意：retail_sales 2024年1-3月 growth 350 按 --accept-outlier 作为异常值存储" in out
    vintages = read_history()
    growth = vintages[vintages["measure"] == "growth"]
    assert growth["value"].tolist() == [350.0]
    assert growth["outlier_note"].tolist() == [
        "accepted with --accept-outlier: a year-to-date growth of 350% is outside -50%..100%, "
        "the plausible range for growth of a district aggregate"
    ]
    level = vintages[vintages["measure"] == "level"]
    assert level["outlier_note"].isna().all()  # only the refused value carries a note
    assert cli.main(["history", "retail_sales"]) == 0
    assert "accepted with --accept-outlier" in capsys.readouterr().out


def test_every_implausible_value_is_counted_in_the_refusal(tmp_path):
    path = write_csv(tmp_path / "synthetic_many.csv", [
        "社会消费品零售总额,2024,1-3月,,,350,synthetic",
        "一般公共预算收入,2024,1-3月,,,500,synthetic",
    ])  # fmt: skip
    assert "(1 more implausible value in this ingest.)" in str(refused(path))
