"""The city bureau's table of every county-level unit, as it comes, through ``muye ingest``.

Every table here is SYNTHETIC (tests/data/city/, written by make_synthetic_city_tables.py, or
written into tmp_path): made-up figures laid out as the city bureau publishes them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from muye_analysis import cli
from muye_analysis.errors import DataError
from muye_analysis.quarterly import ingest_quarterly, read_quarterly, read_store, store_path
from muye_analysis.quarterly.city_table import Unit, canonical_area, unit_of

CITY = Path(__file__).resolve().parents[1] / "data" / "city"
Q1 = CITY / "synthetic_city_2024_1-3.xlsx"  # two-row merged headers, 其中 zones
M5 = CITY / "synthetic_city_2024_1-5.xlsx"  # one header row and a row of units, 市区 subtotal
H1 = CITY / "synthetic_city_2024_1-6.csv"  # GBK, 高新区 listed apart
UNITS13 = {"红旗区", "卫滨区", "凤泉区", "牧野区", "新乡县", "获嘉县", "原阳县", "延津县", "封丘县",
           "卫辉市", "辉县市", "长垣市", "平原示范区"}  # fmt: skip


def _one(frame, **where):
    rows = frame
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, (where, len(rows))
    return rows.iloc[0]


def test_unit_labels_as_tables_write_them():
    assert unit_of("红旗区（含经开区）") == Unit("红旗区", "unit")
    assert unit_of("卫滨区(不含高新区)") == Unit("卫滨区", "unit")
    assert unit_of("  其中：高新区") == Unit("高新区", "zone", of_which=True)
    assert unit_of("#经开区") == Unit("经开区", "zone", of_which=True)
    assert unit_of("平原城乡一体化示范区") == Unit("平原示范区", "unit")
    assert unit_of("全市") == Unit("新乡市", "city")
    assert unit_of("市区").kind == "aggregate"
    assert unit_of("3、长垣市") == Unit("长垣市", "unit")
    assert unit_of("郑州市") is None
    assert canonical_area("市区") is None


def test_merged_two_row_header_stores_every_unit_with_its_area_and_its_rank():
    got = read_quarterly(Q1)
    assert set(got["area"]) == UNITS13 | {"新乡市", "经开区", "高新区"}
    assert set(got["period"]) == {"2024年1-3月"}  # from the title row
    gdp = _one(got, area="牧野区", indicator="gdp", measure="level")
    assert (gdp["value"], gdp["unit"], gdp["price_basis"]) == (55.3, "亿元", "nominal")  # 单位 line
    growth = _one(got, area="牧野区", indicator="gdp", measure="growth")
    assert (growth["value"], growth["price_basis"]) == (4.9, "real")
    rank = _one(got, area="牧野区", indicator="gdp", measure="rank")
    assert (rank["value"], rank["ranked_on"], rank["unit"]) == (8.0, "growth", "位")
    # Provenance of the rank cell: row 11 (title, 单位, two header rows, 全市, 红旗区, 其中：经开区,
    # 卫滨区, 其中：高新区, 凤泉区, 牧野区), under the merged group's name.
    assert (rank["row"], rank["column"]) == (11, "地区生产总值 位次")
    assert _one(got, area="新乡市", indicator="gdp", measure="level")["value"] == 762.0
    assert got.loc[got["area"] == "新乡市", "measure"].isin(["level", "growth"]).all()  # no rank
    # 其中 rows: zones inside their districts, stored as of-which items, never given a rank
    zones = got[got["area"].isin(["经开区", "高新区"])]
    assert zones["sub_item"].all() and not zones["measure"].eq("rank").any()
    assert not got.loc[got["area"].isin(UNITS13), "sub_item"].any()
    # 下降3.2 is -3.2
    assert _one(got, area="延津县", indicator="budget_revenue", measure="growth")["value"] == -3.2


def test_one_row_header_with_a_row_of_units_and_a_subtotal_row():
    got = read_quarterly(M5)
    assert set(got["area"]) == UNITS13 | {"新乡市"}  # 市区 is a sum of units, not stored
    retail = _one(got, area="牧野区", indicator="retail_sales", measure="level")
    assert (retail["value"], retail["unit"]) == (34.9, "亿元")  # unit from the row of units
    assert _one(got, area="红旗区", indicator="retail_sales", measure="level")["value"] == 76.5
    fai = _one(got, area="牧野区", indicator="fixed_asset_investment", measure="rank")
    assert (fai["value"], fai["ranked_on"]) == (13.0, "growth")  # 位次 after 增长(%)
    assert (
        _one(got, area="牧野区", indicator="fixed_asset_investment", measure="growth")["value"]
        == -2.4
    )


def test_gbk_csv_with_a_zone_listed_apart():
    got = read_quarterly(H1)
    apart = got[got["area"] == "高新区"]
    assert set(apart["indicator"]) == {"industrial_value_added", "fixed_asset_investment"}
    assert not apart["sub_item"].any()  # listed apart: a unit of its own in this table
    assert (
        _one(got, area="高新区", indicator="fixed_asset_investment", measure="rank")["value"] == 1.0
    )
    weibin = _one(got, area="卫滨区", indicator="gdp", measure="level")  # 卫滨区（不含高新区）
    assert weibin["value"] == 124.0


def test_ingest_prints_the_subtotal_row_as_not_read(tmp_path, capsys):
    assert cli.main(["ingest", str(M5)]) == 0
    out = capsys.readouterr().out
    assert "“市区”（第5行：小计或全市合计，不是排名单位）" in out  # in Chinese, as asked
    assert "地区：牧野区、" in out
    assert cli.main(["ingest", str(M5), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert '"市区" (row 5: a subtotal or the city\'s own level, not a unit)' in out
    assert "areas: Muye District, Fengquan, " in out


def test_two_periods_go_in_with_muye_ingest_and_ranks_stand_beside_values(tmp_path):
    result = ingest_quarterly(CITY, store_dir=tmp_path)
    assert result.periods == ["2024年1-3月", "2024年1-5月", "2024年1-6月"]
    store = read_store(tmp_path)
    ranks = store[store["measure"] == "rank"]
    assert set(ranks["ranked_on"]) == {"growth"}
    assert set(store.loc[store["measure"] != "rank", "ranked_on"]) == {""}
    muye = store[(store["area"] == "牧野区") & (store["indicator"] == "gdp")]
    assert sorted(zip(muye["period"], muye["measure"], muye["value"], strict=True)) == [
        ("2024年1-3月", "growth", 4.9), ("2024年1-3月", "level", 55.3),
        ("2024年1-3月", "rank", 8.0), ("2024年1-6月", "growth", 5.2),
        ("2024年1-6月", "level", 115.0), ("2024年1-6月", "rank", 6.0),
    ]  # fmt: skip
    again = ingest_quarterly(CITY, store_dir=tmp_path)  # nothing new the second time
    assert (again.added, again.replaced) == (0, 0)


def test_a_level_rank_and_a_growth_rank_are_both_kept(tmp_path):
    table = tmp_path / "synthetic_city.csv"
    rows = ["2024年1-3月各县（市、区）主要经济指标（示例数据）,,,,",
            "单位：亿元,,,,",
            "地区,地区生产总值,,,",
            ",绝对值,总量位次,增长(%),增速位次"]  # fmt: skip
    for i, unit in enumerate(("红旗区", "卫滨区", "凤泉区", "牧野区")):
        rows.append(f"{unit},{100 - 10 * i},{i + 1},{4 + i / 10:.1f},{4 - i}")
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ingest_quarterly(table, store_dir=tmp_path)
    store = read_store(tmp_path)
    muye = store[(store["area"] == "牧野区") & (store["measure"] == "rank")]
    assert sorted(zip(muye["ranked_on"], muye["value"], strict=True)) == [
        ("growth", 1.0), ("level", 4.0),
    ]  # fmt: skip


def _write(tmp_path: Path, body: list[str]) -> Path:
    path = tmp_path / "synthetic_city_bad.csv"
    head = ["2024年1-3月各县（市、区）主要经济指标（示例数据）,,,",
            "地区,地区生产总值,,",
            ",绝对值(亿元),增长(%),位次",
            "全市,300,5.0,"]  # fmt: skip
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8")
    return path


GOOD = ["红旗区,100,4.0,3", "卫滨区,90,5.0,2", "凤泉区,50,6.0,1"]


@pytest.mark.parametrize(
    ("body", "row", "column", "message"),
    [
        ([*GOOD, "北京市,40,3.0,4"], 8, "A", "unknown unit '北京市'"),
        ([*GOOD, "牧野区,40,3.0,前列"], 8, "地区生产总值 位次", "'前列' is not a rank"),
        ([*GOOD, "红旗区,40,3.0,4"], 8, "A", r"红旗区 appears twice \(also row 5\)"),
        ([*GOOD, "牧野区,40,约3,4"], 8, "地区生产总值 增长(%)", "'约' before the number in '约3'"),
        ([*GOOD, ",40,3.0,4"], 8, "A", "figures on a row without a unit name"),
        ([*GOOD, "牧野区,40,3.0,0"], 8, "地区生产总值 位次", "'0' is not a rank"),
    ],
)
def test_bad_cells_are_refused_by_row_and_column(tmp_path, body, row, column, message):
    path = _write(tmp_path, body)
    with pytest.raises(DataError, match=message) as info:
        ingest_quarterly(path, store_dir=tmp_path)
    assert (info.value.row, info.value.column) == (row, column)
    assert not store_path(tmp_path).exists() or read_store(tmp_path).empty  # nothing stored


def test_a_city_table_without_a_period_says_where_to_put_it(tmp_path):
    path = tmp_path / "synthetic_city.csv"
    path.write_text(
        "各县（市、区）主要经济指标,,\n地区,地区生产总值,\n,绝对值(亿元),增长(%)\n"
        "红旗区,100,4.0\n卫滨区,90,5.0\n凤泉区,50,6.0\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="names no period") as info:
        read_quarterly(path, year=2024)  # a year alone does not say which months
    assert "keep the title row with the period" in str(info.value)


def test_an_indicator_group_the_registry_does_not_know_is_listed_not_guessed(tmp_path):
    path = tmp_path / "synthetic_city.csv"
    path.write_text(
        "2024年1-3月各县（市、区）主要经济指标（示例数据）,,,,\n"
        "地区,地区生产总值,,进出口总额,\n,绝对值(亿元),增长(%),绝对值(亿元),增长(%)\n"
        "红旗区,100,4.0,9,30\n卫滨区,90,5.0,8,20\n凤泉区,50,6.0,7,10\n",
        encoding="utf-8",
    )
    result = ingest_quarterly(path, store_dir=tmp_path)
    assert result.indicators == ["gdp"]
    assert any('"进出口总额" (no registry indicator' in s for s in result.skipped_columns)


def test_a_version_1_store_gains_ranks_in_place(tmp_path):
    """A store written before ranks existed is read as it is and upgraded when next written."""
    path = store_path(tmp_path)
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA)
    con.execute(
        "INSERT INTO vintage (area, indicator, year, start_month, end_month, measure, period, "
        "value, unit, ingested_at, current) VALUES ('牧野区', 'gdp', 2024, 1, 3, 'growth', "
        "'2024年1-3月', 4.9, '%', '2024-04-20T00:00:00+00:00', 1)"
    )
    con.commit()
    con.close()
    before = read_store(tmp_path)  # read-only: the old layout, ranked_on read as ""
    assert list(before["ranked_on"]) == [""]
    result = ingest_quarterly(Q1, store_dir=tmp_path)  # the same Muye growth, plus ranks
    assert result.unchanged == 1
    store = read_store(tmp_path)
    assert len(store[(store["area"] == "牧野区") & (store["measure"] == "rank")]) == 4
    con = sqlite3.connect(path)
    # version 3: the table of unregistered rows (issue 26) is created beside the ranks
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("3",)
    assert con.execute("SELECT count(*) FROM unregistered").fetchone() == (0,)
    con.close()


V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO meta VALUES ('schema_version', '1');
CREATE TABLE ingest (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, files TEXT, replace INTEGER NOT NULL DEFAULT 0,
    accept_outlier INTEGER NOT NULL DEFAULT 0, added INTEGER, replaced INTEGER, note TEXT
);
CREATE TABLE vintage (
    id INTEGER PRIMARY KEY,
    area TEXT NOT NULL, indicator TEXT NOT NULL, year INTEGER NOT NULL,
    start_month INTEGER NOT NULL, end_month INTEGER NOT NULL, measure TEXT NOT NULL,
    period TEXT, value REAL NOT NULL, unit TEXT, price_basis TEXT, sub_item INTEGER,
    marker TEXT, source TEXT, file TEXT, sheet TEXT, "row" INTEGER, "column" TEXT,
    checksum TEXT, prior_year_value REAL, derived TEXT,
    release TEXT, ingested_at TEXT NOT NULL, ingest_id INTEGER, outlier_note TEXT,
    current INTEGER NOT NULL DEFAULT 1, superseded_by INTEGER
);
CREATE UNIQUE INDEX vintage_current
    ON vintage (area, indicator, year, start_month, end_month, measure) WHERE current = 1;
"""


def test_a_period_under_the_group_is_the_level_and_an_indented_zone_sits_inside(tmp_path):
    path = tmp_path / "synthetic_city.csv"
    rows = ["2024年上半年各县（市、区）主要经济指标（示例数据）,,,",
            "单位：万元、%,,,",
            "县（市、区）,社会消费品零售总额,,",
            ",1-6月,比上年同期增长(%),排名",
            "全市,4728000,5.1,",
            "卫滨区,613000,4.5,3",
            "\u3000高新区,120000,6.0,",
            "凤泉区,164000,4.1,4",
            "牧野区,420000,5.0,2",
            "红旗区,920000,5.4,1"]  # fmt: skip
    path.write_text("\n".join(rows) + "\n", encoding="gb18030")
    got = read_quarterly(path)
    muye = _one(got, area="牧野区", measure="level")
    assert (muye["value"], muye["unit"], muye["period"]) == (42.0, "亿元", "2024年1-6月")  # 万元
    assert _one(got, area="牧野区", measure="rank")["ranked_on"] == "growth"
    assert _one(got, area="高新区", measure="level")["sub_item"]  # indented: inside 卫滨区


def test_a_city_table_naming_two_periods_is_refused(tmp_path):
    path = tmp_path / "synthetic_city.csv"
    path.write_text(
        "各县（市、区）主要经济指标（示例数据）,,\n地区,社会消费品零售总额,\n"
        ",2024年1-5月(亿元),2024年1-6月(亿元)\n红旗区,76.5,92.0\n卫滨区,51.0,61.3\n"
        "凤泉区,13.6,16.4\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="the columns name two periods") as info:
        read_quarterly(path)
    assert info.value.column == "社会消费品零售总额 2024年1-6月(亿元)"
