"""The reports in data/ and their years: from the origin record, checked against the rows."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from muye_analysis import config, reports
from muye_analysis.dataset import load_indicators
from muye_analysis.errors import DataError

BUNDLED = "report_2023/muye_plan_report_2023_2024.txt"


def test_the_bundled_report_reports_2023_and_plans_2024():
    report = reports.latest_report()
    assert (report.document, report.base_year, report.plan_year) == (BUNDLED, 2023, 2024)
    assert report.name == "report_2023"
    assert report.years == {"base_year": 2023, "plan_year": 2024}


@pytest.fixture
def raw_copy(tmp_path, monkeypatch):
    """data/raw copied, with config.RAW pointing at the copy (sidecars may be edited there)."""
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW, raw)
    monkeypatch.setattr(config, "RAW", raw)
    return raw


def _edit_sidecar(raw, old: str, new: str) -> None:
    sidecar = raw / (BUNDLED + ".origin.yml")
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_an_origin_record_without_year_reported_is_an_error_naming_the_field(raw_copy):
    _edit_sidecar(raw_copy, "year_reported: 2023\n", "")
    with pytest.raises(DataError, match="gives no year_reported") as info:
        reports.read_report(BUNDLED)
    assert info.value.column == "year_reported"
    assert info.value.file.name.endswith(".origin.yml")


def test_a_plan_year_not_after_the_base_year_is_refused(raw_copy):
    _edit_sidecar(raw_copy, "year_planned: 2024", "year_planned: 2023")
    with pytest.raises(DataError, match="year_planned 2023 is not after year_reported 2023"):
        reports.read_report(BUNDLED)


def test_rows_without_the_base_year_are_an_error_not_an_empty_table(raw_copy, tmp_path):
    # The origin record says 2022, the rows are of 2023: derive and implied_bases would
    # otherwise find nothing and say nothing.
    _edit_sidecar(raw_copy, "year_reported: 2023", "year_reported: 2022")
    curated = tmp_path / "indicators.csv"
    shutil.copy(config.INDICATORS_CSV, curated)
    with pytest.raises(DataError, match="year_reported 2022, but no curated actual row") as info:
        load_indicators(curated)
    assert (info.value.file, info.value.column) == (curated, "period")


def test_years_come_from_year_columns_or_the_document():
    assert reports.years_of(pd.DataFrame({"base_year": [2023], "plan_year": [2024]})) == (
        2023, 2024
    )  # fmt: skip
    assert reports.years_of(pd.DataFrame({"document": [BUNDLED]})) == (2023, 2024)


def test_a_table_mixing_reports_or_without_years_is_refused():
    mixed = pd.DataFrame({"base_year": [2023, 2024], "plan_year": [2024, 2025]})
    with pytest.raises(ValueError, match="one report's rows; it has base years"):
        reports.years_of(mixed)
    with pytest.raises(ValueError, match="neither base_year/plan_year nor document"):
        reports.years_of(pd.DataFrame({"value": [1.0]}))


def test_an_unknown_report_name_lists_the_known_ones():
    with pytest.raises(KeyError, match=r"no report 'report_1999'.*known: report_2023"):
        reports.find_report("report_1999")


def test_one_period_for_every_as_of_with_the_plan_year_implied():
    from muye_analysis.periods import Period, PeriodError
    from muye_analysis.reports import as_of_period, latest_report

    year = latest_report().plan_year  # the bundled report plans its next year
    assert as_of_period("前三季度") == Period(year, 9)  # notebook 04's AS_OF = "前三季度"
    assert as_of_period("1-6月") == as_of_period("上半年") == Period(year, 6)
    assert as_of_period(f"{year}年1-9月") == Period(year, 9)
    assert as_of_period(Period(year, 3)) == Period(year, 3)
    assert as_of_period(None) is None and as_of_period(" ") is None
    with pytest.raises(PeriodError, match="not a year-to-date span"):
        as_of_period("二季度")
    with pytest.raises(PeriodError, match="the year the targets are for"):
        as_of_period(f"{year - 1}年1-9月", plan_year=year)


@pytest.mark.parametrize("field", reports.REPORT_FIELDS)
def test_an_origin_record_missing_a_field_the_code_reads_is_refused_naming_it(raw_copy, field):
    sidecar = raw_copy / (BUNDLED + ".origin.yml")
    kept = [
        line for line in sidecar.read_text(encoding="utf-8").splitlines()
        if not line.startswith(f"{field}:")
    ]  # fmt: skip
    sidecar.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"gives no {field}") as info:
        reports.read_report(BUNDLED)
    assert info.value.column == field
    assert info.value.file == sidecar
