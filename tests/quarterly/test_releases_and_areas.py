"""Releases ordered by their date, and the district's names as one area.

Every input is SYNTHETIC (written into tmp_path); the numbers and dates are made up."""

from __future__ import annotations

from pathlib import Path

import pytest

from muye_analysis import cli
from muye_analysis.errors import DataError
from muye_analysis.quarterly import DEFAULT_AREA, ingest_quarterly, read_history, read_store

TIDY = "indicator,year,period,level,unit,growth_pct,source\n"


def release(path: Path, date: str, level: float) -> Path:
    title = f"2024年1-9月主要经济指标（合成数据） 发布日期：{date}\n"
    path.write_text(title + TIDY + f"社会消费品零售总额,2024,1-9月,{level},亿元,,synthetic\n",
                    encoding="utf-8")  # fmt: skip
    return path


def test_an_older_release_does_not_replace_a_newer_one_without_force(tmp_path, capsys):
    # The probe: 发布日期 11-18 arriving after 12-20 became current with no warning.
    newer = release(tmp_path / "synthetic_1220.csv", "2024年12月20日", 62.5)
    older = release(tmp_path / "synthetic_1118.csv", "2024年11月18日", 62.0)
    ingest_quarterly(newer)
    before = read_history()
    with pytest.raises(DataError) as info:
        ingest_quarterly(older, replace=True)
    exc = info.value
    assert (exc.row, exc.column) == (3, "level")
    assert "this file is the release of 2024-11-18, older than the stored value's release of " \
        "2024-12-20" in exc.problem  # fmt: skip
    assert "--force" in exc.fix
    assert read_history().equals(before)
    # Without --replace, the conflict names both dates too.
    assert cli.main(["ingest", str(older)]) == 2
    assert "released 2024-11-18 here, 2024-12-20 in the store" in capsys.readouterr().err
    # Forced on purpose: the older release becomes current, the newer stays as a vintage.
    assert cli.main(["ingest", str(older), "--replace", "--force"]) == 0
    assert read_store()["value"].tolist() == [62.0]
    assert len(read_history()) == 2


ORDERED = [("2024年11月18日", "2024年12月20日"), ("2024-11-18", "2024/12/20"),
           ("2024.12", "2024-12-20")]  # fmt: skip


@pytest.mark.parametrize(("older", "newer"), ORDERED)
def test_a_newer_or_same_month_release_replaces_an_older_one(tmp_path, older, newer):
    ingest_quarterly(release(tmp_path / "synthetic_old.csv", older, 62.0))
    result = ingest_quarterly(release(tmp_path / "synthetic_new.csv", newer, 62.5), replace=True)
    assert result.replaced == 1 and read_store()["value"].tolist() == [62.5]


def test_dates_written_with_dashes_are_ordered_too(tmp_path):
    ingest_quarterly(release(tmp_path / "synthetic_new.csv", "2024-12-20", 62.5))
    with pytest.raises(DataError, match="release of 2024-11-18, older than"):
        ingest_quarterly(release(tmp_path / "synthetic_old.csv", "2024/11/18", 62.0), replace=True)


DISTRICT_NAMES = ["牧野", "牧野区", "新乡市牧野区", "新乡牧野区", "河南省新乡市牧野区",
                  "Muye District", " 新乡市 牧野区 "]  # fmt: skip


@pytest.mark.parametrize("name", DISTRICT_NAMES)
def test_the_districts_names_are_one_area(tmp_path, name):
    # The probe: 牧野 or 新乡市牧野区 became an area of their own, so progress said 暂无数据.
    path = tmp_path / "synthetic_area.csv"
    path.write_text("地区,指标,时期,累计值,单位,来源\n"
                    f"{name},社会消费品零售总额,2024年1-3月,20.1,亿元,synthetic\n",
                    encoding="utf-8")  # fmt: skip
    ingest_quarterly(path)
    assert read_store()["area"].tolist() == [DEFAULT_AREA]


@pytest.mark.parametrize("name", ["牧野县", "牧业区", "新乡市牧野区区"])
def test_a_name_close_to_the_districts_is_refused_with_a_suggestion(tmp_path, name):
    path = tmp_path / "synthetic_near.csv"
    path.write_text("地区,指标,时期,累计值,单位,来源\n"
                    f"{name},社会消费品零售总额,2024年1-3月,20.1,亿元,synthetic\n",
                    encoding="utf-8")  # fmt: skip
    with pytest.raises(DataError) as info:
        ingest_quarterly(path)
    assert (info.value.row, info.value.column) == (2, "地区")
    assert "is close to the district's name" in info.value.problem
    assert f"write {DEFAULT_AREA}" in info.value.fix


def test_other_areas_and_townships_keep_their_names(tmp_path):
    path = tmp_path / "synthetic_others.csv"
    path.write_text("地区,指标,时期,累计值,单位,来源\n"
                    "新乡市,社会消费品零售总额,2024年1-3月,300,亿元,synthetic\n"
                    "牧野乡,社会消费品零售总额,2024年1-3月,2,亿元,synthetic\n"
                    "红旗区,社会消费品零售总额,2024年1-3月,25,亿元,synthetic\n",
                    encoding="utf-8")  # fmt: skip
    ingest_quarterly(path)
    assert sorted(read_store()["area"]) == ["新乡市", "牧野乡", "红旗区"]
