"""The curated dataset: every figure traces to its quote, and bad edits fail loudly."""

from __future__ import annotations

import csv
import re
import shutil

import pandas as pd
import pytest

from muye_analysis import config, schema
from muye_analysis.dataset import (
    load_indicators,
    load_rankings,
    load_registry,
    load_targets,
    parse_printed,
)
from muye_analysis.errors import DataError
from muye_analysis.text import parse_chinese_numeral

REPORT = config.REPORT_TEXT.read_text(encoding="utf-8")
ROWS = list(csv.DictReader(config.INDICATORS_CSV.open(encoding="utf-8")))


def _row_id(row: dict) -> str:
    return "-".join(row[c] for c in schema.KEY if row[c])


# --- every number is in its source -------------------------------------------------------


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_every_curated_quote_is_in_the_report_and_shows_the_value(row):
    assert row["quote"] in REPORT
    assert row["printed"] in row["quote"]
    if row["measure"] == "standing":
        assert row["value"] == ""
        return
    # An independent reading of the printed number: Arabic digits or a Chinese numeral.
    number = re.search(r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+", row["printed"]).group()
    read = float(number) if number[0].isdigit() else parse_chinese_numeral(number)
    assert read == pytest.approx(float(row["value"]))
    assert row["printed"].rstrip().endswith(row["unit"])


def test_every_report_figure_of_part_two_is_curated():
    """Part 二 lists six headline targets; all six are in the dataset with their qualifiers."""
    targets = load_targets().set_index("indicator")
    expected = {
        "gdp": (6.0, "以上", "at_least", "real"),
        "industrial_value_added": (8.0, None, "exact", "real"),
        "fixed_asset_investment": (9.0, None, "exact", "nominal"),
        "budget_revenue": (8.0, None, "exact", "nominal"),
        "retail_sales": (9.0, None, "exact", "nominal"),
        "surveyed_unemployment_rate": (5.5, "左右", "about", None),
    }
    for indicator, (value, qualifier, bound, basis) in expected.items():
        row = targets.loc[indicator]
        assert row["target"] == value
        assert (None if pd.isna(row["qualifier"]) else row["qualifier"]) == qualifier
        assert row["bound"] == bound
        assert (None if pd.isna(row["price_basis"]) else row["price_basis"]) == basis


def test_report_gives_no_2023_gdp_growth_and_none_is_filled_in():
    ind = load_indicators()
    gdp_growth = ind[(ind["indicator"] == "gdp") & (ind["measure"] == "growth_rate")]
    assert list(gdp_growth["kind"]) == ["target"]
    assert pd.isna(load_targets().set_index("indicator").loc["gdp", "actual"])


def test_second_rank_in_a_shared_clause_belongs_to_the_growth_rate():
    ranks = load_rankings().set_index(["indicator", "ranked_on"])["rank"]
    assert ranks[("retail_sales", "level")] == 6
    assert ranks[("retail_sales", "growth_rate")] == 9
    assert ranks[("industrial_value_added", "growth_rate")] == 12
    assert ranks[("treasury_bond_funds", "amount")] == 3  # printed 第三名


def test_qualitative_standings_are_kept_as_text_not_numbers():
    rankings = load_rankings()
    standings = rankings[rankings["rank"].isna()].set_index("indicator")["standing_text"]
    assert standings.to_dict() == {
        "poverty_alleviation_standing": "第一方阵",
        "rural_infrastructure_standing": "前列",
    }


def test_before_after_pair_is_two_rows_and_targets_compare_with_the_after_value():
    ind = load_indicators()
    pair = ind[(ind["indicator"] == "rd_coverage_rate") & (ind["kind"] == "actual")]
    assert dict(zip(pair["stage"], pair["value"], strict=True)) == {"from": 40.0, "to": 70.0}
    target = load_targets().set_index("indicator").loc["rd_coverage_rate"]
    assert target["actual"] == 70.0
    assert target["gap_pp"] == pytest.approx(10.0)


def test_approximate_figures_keep_their_bounds():
    ind = load_indicators().set_index(["indicator", "period", "kind"])
    near = ind.loc[("old_community_beneficiaries", 2023, "actual")]
    more_than = ind.loc[("bank_firm_matchmaking_events", 2023, "actual")]
    assert (near["value"], near["unit"], near["bound"]) == (2.0, "万人", "at_most")
    assert (more_than["value"], more_than["bound"]) == (40.0, "at_least")


def test_keys_are_unique_and_columns_typed():
    ind = load_indicators()
    assert not ind.duplicated([*schema.KEY, "source"]).any()
    assert ind["value"].dtype == "Float64"
    assert ind["period"].dtype == "Int64"
    assert list(ind["kind"].cat.categories) == list(schema.KINDS)
    assert list(ind["unit"].cat.categories) == list(schema.UNITS)
    assert ind["unit"].notna().sum() == ind["value"].notna().sum()


def test_values_are_in_plausible_ranges():
    ind = load_indicators()
    growth = ind.loc[ind["measure"] == "growth_rate", "value"]
    ranks = ind.loc[ind["measure"] == "rank", "value"]
    assert growth.between(-50, 100).all()
    assert ranks.between(1, 15).all()
    assert (ind.loc[ind["measure"].isin(["level", "count"]), "value"] > 0).all()


def test_registry_covers_every_indicator_including_derived_ones():
    ind = load_indicators()
    registry = load_registry()
    assert set(ind["indicator"]) <= set(registry["indicator"])
    assert registry["indicator"].is_unique
    assert registry[["name_zh", "name_en", "short_zh", "short_en"]].notna().all().all()


def test_every_growth_rate_states_its_price_basis():
    ind = load_indicators()
    growth = ind[ind["measure"] == "growth_rate"]
    assert growth["price_basis"].notna().all()
    basis = growth.drop_duplicates("indicator").set_index("indicator")["price_basis"]
    assert basis["gdp"] == "real"
    assert basis["industrial_value_added"] == "real"
    assert basis["retail_sales"] == "nominal"


def test_load_returns_a_fresh_copy_each_time():
    first = load_indicators()
    first.loc[0, "value"] = -1.0
    assert load_indicators().loc[0, "value"] != -1.0


def test_parse_printed_reads_chinese_numerals_approximations_and_spaces():
    assert parse_printed("第三名") == (3.0, "名")
    assert parse_printed("近2万人") == (2.0, "万人")
    assert parse_printed("40余场次") == (40.0, "场次")
    assert parse_printed("5.5 %") == (5.5, "%")
    assert parse_printed("四期") == (4.0, "期")


# --- bad input ----------------------------------------------------------------------------


@pytest.fixture
def curated_copy(tmp_path):
    """A writable copy of the curated table, to damage."""
    target = tmp_path / "indicators.csv"
    shutil.copy(config.INDICATORS_CSV, target)
    return target


def _edit(path, line: int, column: str, value: str) -> None:
    """Set one cell; ``line`` is the spreadsheet line number (header = 1)."""
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df.loc[line - 2, column] = value
    df.to_csv(path, index=False)


def _load(path):
    return load_indicators(path)


@pytest.mark.parametrize(
    ("line", "column", "value", "message"),
    [
        (2, "unit", "亿美元", "unknown unit"),
        (2, "quote", "全年完成地区生产总值232.1亿美元", "not in the report"),
        (2, "value", "23.21", "does not match the printed"),
        (2, "indicator", "gross_product", "unknown indicator"),
        (4, "value", "20", "does not match"),
        (102, "bound", "", "a target without a qualifier bound"),
        (102, "bound", "exact", "contradicts qualifier"),
        (4, "price_basis", "", "needs its price basis"),
        (3, "ranked_on", "", "ranked_on is set exactly for ranks"),
        (2, "kind", "forecast", "not actual or target"),
    ],
)
def test_damaged_cell_names_file_row_and_column(curated_copy, line, column, value, message):
    _edit(curated_copy, line, column, value)
    with pytest.raises(DataError, match=message) as info:
        _load(curated_copy)
    err = info.value
    assert (err.file, err.row, err.column) == (curated_copy, line, column)
    assert str(curated_copy) in str(err) and f"row {line}" in str(err) and "How to fix" in str(err)


def test_duplicate_key_names_both_rows(curated_copy):
    lines = curated_copy.read_text(encoding="utf-8").splitlines()
    lines.append(lines[1])  # GDP level again, as the last row
    curated_copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="duplicate key") as info:
        _load(curated_copy)
    assert info.value.row == len(lines)
    assert "also on row 2" in str(info.value)


def test_missing_qualifier_column_is_reported_on_the_header(curated_copy):
    df = pd.read_csv(curated_copy, dtype=str, keep_default_na=False)
    df.drop(columns="qualifier").to_csv(curated_copy, index=False)
    with pytest.raises(DataError, match="missing column") as info:
        _load(curated_copy)
    assert (info.value.row, info.value.column) == (1, "qualifier")


def test_value_out_of_range_is_caught_even_when_printed_matches(curated_copy, tmp_path):
    # A growth rate of 200%: consistent with its own printed text but implausible.
    report = tmp_path / "report.txt"
    report.write_text(REPORT.replace("同比增长0.2%", "同比增长200%"), encoding="utf-8")
    _edit(curated_copy, 4, "value", "200")
    _edit(curated_copy, 4, "printed", "200%")
    _edit(curated_copy, 4, "quote", "规模以上工业增加值同比增长200%")
    with pytest.raises(DataError, match="outside") as info:
        load_indicators(curated_copy, report_path=report)
    assert (info.value.row, info.value.column) == (4, "value")


def test_loading_never_modifies_the_curated_file(curated_copy):
    before = curated_copy.read_bytes()
    load_indicators(curated_copy)
    assert curated_copy.read_bytes() == before


def test_curated_file_saved_by_excel_with_a_byte_order_mark_still_loads(curated_copy):
    curated_copy.write_bytes(b"\xef\xbb\xbf" + curated_copy.read_bytes())
    assert len(load_indicators(curated_copy, derived=False)) == len(ROWS)


def test_every_figure_names_the_raw_document_it_comes_from():
    ind = load_indicators()
    assert set(ind["document"]) == {"report_2023/muye_plan_report_2023_2024.txt"}
    assert (config.RAW / ind["document"].iloc[0]).with_suffix(".txt.origin.yml").exists()
