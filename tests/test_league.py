"""League tables: ranks computed from every unit's figure, checked against the report's ranks.

The table used here is SYNTHETIC (tests/data/league/): made-up values arranged so that Muye's
ranks equal the report's.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from muye_analysis import league
from muye_analysis.errors import DataError

TABLE = Path(__file__).parent / "data" / "league" / "synthetic_league_2023.csv"


@pytest.fixture(scope="module")
def ranked():
    return league.rank_league(league.read_league_table(TABLE))


def test_names_and_synonyms_map_to_registry_ids_and_measures(ranked):
    muye = ranked[ranked["region"] == "牧野区"].set_index(["indicator", "measure"])
    assert muye.loc[("gdp", "level"), "value"] == 232.1
    assert muye.loc[("retail_sales", "growth_rate"), "value"] == 4.9  # written 社零 / 增速


def test_ranks_are_one_for_the_highest_with_the_frame_size(ranked):
    gdp = ranked[(ranked["indicator"] == "gdp")].set_index("region")
    assert gdp.loc["长垣市", "rank"] == 1  # 560, the largest
    assert gdp.loc["平原示范区", "rank"] == 13
    assert gdp.loc["牧野区", "rank"] == 5
    assert set(gdp["frame_size"]) == {13}
    assert league.frame_size_for_scorecard(ranked) == 13


def test_report_ranks_agree_with_the_table(ranked):
    compared = league.compare_with_report(ranked)
    assert compared["agrees"].all()
    assert sorted(zip(compared["ranked_on"], compared["table_rank"], strict=True)) == [
        ("growth_rate", 9), ("growth_rate", 12), ("level", 5), ("level", 6),
    ]  # fmt: skip


def test_a_disagreeing_table_is_flagged(ranked):
    changed = ranked.copy()
    changed.loc[(changed["region"] == "牧野区") & (changed["indicator"] == "gdp"), "value"] = 999.0
    compared = league.compare_with_report(league.rank_league(changed)).set_index("indicator")
    assert compared.loc["gdp", "table_rank"] == 1
    assert not compared.loc["gdp", "agrees"]


def test_ties_share_the_better_rank():
    table = pd.DataFrame({
        "region": ["红旗区", "牧野区", "卫滨区"], "year": [2023] * 3, "indicator": ["gdp"] * 3,
        "measure": ["level"] * 3, "value": [10.0, 10.0, 5.0], "unit": ["亿元"] * 3,
        "source": ["synthetic"] * 3,
    }).astype({"year": "Int64", "value": "Float64"})  # fmt: skip
    assert league.rank_league(table)["rank"].tolist() == [1, 1, 3]


@pytest.mark.parametrize(
    ("line", "column", "value", "message"),
    [
        (2, "region", "北京市", "unknown unit"),
        (3, "indicator", "GDP增长质量", "unknown indicator"),
        (4, "value", "约80", "is not a number"),
        (5, "measure", "占比", "unknown measure"),
        (2, "year", "去年", "is not a year"),
    ],
)
def test_bad_cell_names_file_row_and_column(tmp_path, line, column, value, message):
    df = pd.read_csv(TABLE, dtype=str, keep_default_na=False)
    df.loc[line - 2, column] = value
    bad = tmp_path / "league.csv"
    df.to_csv(bad, index=False, encoding="gb18030")  # GBK, as Chinese Windows exports it
    with pytest.raises(DataError, match=message) as info:
        league.read_league_table(bad)
    assert (info.value.file, info.value.row, info.value.column) == (bad, line, column)


def test_duplicate_unit_rows_are_refused(tmp_path):
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "league.csv"
    bad.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"appears twice \(also row 2\)") as info:
        league.read_league_table(bad)
    assert info.value.row == len(lines) + 1


def test_scorecard_frame_comes_from_a_league_table_only_when_one_is_present(tmp_path):
    assert league.scorecard_frame(folder=tmp_path) == (13, False)  # nothing there: assumed
    (tmp_path / "template.csv").write_text(",".join(league.COLUMNS) + "\n", encoding="utf-8")
    assert league.scorecard_frame(folder=tmp_path) == (13, False)  # the template is skipped
    (tmp_path / "县区指标2023.csv").write_bytes(TABLE.read_bytes())
    assert league.scorecard_frame(folder=tmp_path) == (13, True)
    assert league.scorecard_frame(12, folder=tmp_path) == (12, False)  # stated by the user
    assert league.load_league_tables(tmp_path)["region"].nunique() == 13


def test_scorecard_says_where_its_frame_comes_from():
    import matplotlib.pyplot as plt

    from muye_analysis.charts import plot_rank_scorecard

    def words(fig):
        return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))

    assumed = plot_rank_scorecard(frame_size=13)
    measured = plot_rank_scorecard(frame_size=13, frame_from_table=True)
    try:
        assert "假设排名单位数：13" in words(assumed)
        assert "排名单位数：13（据全市排名表计算）" in words(measured)
        assert "假设排名单位数" not in words(measured)
    finally:
        plt.close(assumed)
        plt.close(measured)
