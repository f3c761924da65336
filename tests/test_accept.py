"""muye accept: a reviewed draft of a new report joins the curated table, or nothing changes.

The draft is the CONSTRUCTED next-year report's (tests/data/next_report/, invented figures)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from muye_analysis import config
from muye_analysis.accept import accept_draft
from muye_analysis.dataset import load_indicators
from muye_analysis.errors import DataError

NEXT = Path(__file__).parent / "data" / "next_report"


@pytest.fixture
def setup(tmp_path, monkeypatch):
    """data/raw with the constructed report added, a curated copy and a writable draft."""
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW, raw)
    shutil.copytree(NEXT / "report_2024", raw / "report_2024")
    monkeypatch.setattr(config, "RAW", raw)
    curated = tmp_path / "indicators.csv"
    shutil.copy(config.INDICATORS_CSV, curated)
    draft = tmp_path / "draft.csv"
    shutil.copy(NEXT / "draft_reviewed.csv", draft)
    return draft, curated


def _edit(path: Path, line: int, column: str, value: str) -> None:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df.loc[line - 2, column] = value
    df.to_csv(path, index=False)


def test_reviewed_rows_are_appended_with_their_document(setup):
    draft, curated = setup
    before = curated.read_text(encoding="utf-8").splitlines()
    done = accept_draft(draft, "report_2024", curated=curated)
    after = curated.read_text(encoding="utf-8").splitlines()
    assert (done.rows, done.base_year, done.plan_year) == (29, 2024, 2025)
    assert after[: len(before)] == before  # appended: the curated rows are untouched
    assert len(after) == len(before) + 29
    both = load_indicators(curated, report="all")
    latest = load_indicators(curated)
    assert set(latest["document"]) == {"report_2024/muye_plan_report_2024_2025.txt"}
    gdp = latest.query("indicator == 'gdp' and kind == 'actual' and measure == 'growth_rate'")
    assert gdp["value"].tolist() == [5.6]
    assert len(both) > len(latest)


@pytest.mark.parametrize(
    ("line", "column", "value", "message"),
    [
        (3, "reviewed", "", "not marked reviewed"),
        (3, "reviewed", "no", "not marked reviewed"),
        (2, "indicator", "gross_product", "unknown indicator"),
        (2, "quote", "地区生产总值245.9亿元", "not in the report"),
        (2, "document", "report_2023/muye_plan_report_2023_2024.txt", "accept one report's rows"),
    ],
)
def test_a_bad_draft_names_row_and_column_and_writes_nothing(setup, line, column, value, message):
    draft, curated = setup
    before = curated.read_bytes()
    _edit(draft, line, column, value)
    with pytest.raises(DataError, match=message) as info:
        accept_draft(draft, "report_2024", curated=curated)
    assert (info.value.file, info.value.row, info.value.column) == (draft, line, column)
    assert curated.read_bytes() == before


def test_a_duplicate_row_within_the_draft_is_refused(setup):
    draft, curated = setup
    lines = draft.read_text(encoding="utf-8").splitlines()
    draft.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="duplicate key"):
        accept_draft(draft, "report_2024", curated=curated)


def test_a_draft_without_the_plan_years_targets_is_refused(setup):
    draft, curated = setup
    df = pd.read_csv(draft, dtype=str, keep_default_na=False)
    df[df["kind"] == "actual"].to_csv(draft, index=False)
    with pytest.raises(DataError, match="year_planned 2025, but no curated target row"):
        accept_draft(draft, "report_2024", curated=curated)


def test_a_report_not_in_data_raw_is_named(setup):
    draft, curated = setup
    with pytest.raises(DataError, match="no report 'report_2030' in data/raw/"):
        accept_draft(draft, "report_2030", curated=curated)


def test_a_draft_without_a_reviewed_column_says_how_to_add_it(setup):
    draft, curated = setup
    pd.read_csv(draft, dtype=str).drop(columns="reviewed").to_csv(draft, index=False)
    with pytest.raises(DataError, match="missing column") as info:
        accept_draft(draft, "report_2024", curated=curated)
    assert info.value.column == "reviewed" and "'reviewed' column" in str(info.value)


def test_a_year_to_date_row_is_refused_and_a_full_year_one_accepted(setup):
    # muye extract's draft gives each row its months (issue 22): the curated table is annual.
    draft, curated = setup
    df = pd.read_csv(draft, dtype=str, keep_default_na=False)
    df["start_month"], df["end_month"] = "1", "12"
    df.to_csv(draft, index=False)
    before = curated.read_bytes()
    _edit(draft, 3, "end_month", "9")
    with pytest.raises(DataError, match="covers months 1-9") as info:
        accept_draft(draft, "report_2024", curated=curated)
    assert (info.value.row, info.value.column) == (3, "end_month")
    assert curated.read_bytes() == before
    _edit(draft, 3, "end_month", "12")
    assert accept_draft(draft, "report_2024", curated=curated).rows == 29


# -- the curated table under the store's discipline ------------------------------------------------


@pytest.mark.slow
def test_two_accepts_at_once_both_land(setup, monkeypatch):
    # The probe: two `muye accept` at once both printed 已加入 and one report's rows vanished
    # (each read the table, then each wrote it back with only its own rows added). The delay
    # below widens that window to certainty; the lock makes the second wait and read the first's.
    import threading
    import time

    from muye_analysis import atomic

    draft, curated = setup
    rows = pd.read_csv(draft, dtype=str, keep_default_na=False)
    halves = [draft.with_name("half_a.csv"), draft.with_name("half_b.csv")]
    rows.iloc[0::2].to_csv(halves[0], index=False)
    rows.iloc[1::2].to_csv(halves[1], index=False)
    real_write = atomic.write_text_atomic

    def slow_write(*args, **kwargs):
        time.sleep(0.3)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(atomic, "write_text_atomic", slow_write)
    before = len(pd.read_csv(curated, dtype=str))
    done, failed = [], []

    def accept(half):
        try:
            done.append(accept_draft(half, "report_2024", curated=curated).rows)
        except Exception as exc:
            failed.append(exc)

    threads = [threading.Thread(target=accept, args=(h,)) for h in halves]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failed and sorted(done) == [14, 15]
    assert len(pd.read_csv(curated, dtype=str)) == before + 29


def test_a_document_outside_data_raw_is_refused(setup, tmp_path):
    # The probe: an absolute path, or report_2024/../../.., appended rows naming a document
    # that every later load could not find.
    draft, curated = setup
    outside = tmp_path / "elsewhere"
    shutil.copytree(NEXT / "report_2024", outside)
    before = curated.read_bytes()
    for document in (str(outside / "muye_plan_report_2024_2025.txt"),
                     "report_2024/../../elsewhere"):  # fmt: skip
        with pytest.raises(DataError, match="outside data/raw/") as info:
            accept_draft(draft, document, curated=curated)
        assert "copy the report's text and its .origin.yml into data/raw/" in info.value.fix
    assert curated.read_bytes() == before


def test_a_gbk_draft_is_read_like_extract_reads_reports(setup):
    draft, curated = setup
    draft.write_bytes(draft.read_text(encoding="utf-8").encode("gbk"))
    assert accept_draft(draft, "report_2024", curated=curated).rows == 29


def test_the_apostrophe_extract_puts_before_a_formula_like_quote_is_taken_off(setup):
    # muye extract writes a quote starting with + as '+… so Excel keeps it text; accept refused
    # it as "not in the report" before.
    draft, curated = setup
    report = config.RAW / "report_2024" / "muye_plan_report_2024_2025.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("签约项目22个", "+签约项目22个"),
                      encoding="utf-8")  # fmt: skip
    _edit(draft, 19, "quote", "'+签约项目22个")
    accept_draft(draft, "report_2024", curated=curated)
    added = pd.read_csv(curated, dtype=str, keep_default_na=False)
    assert "+签约项目22个" in added["quote"].tolist()
    assert not any(q.startswith("'") for q in added["quote"])


def test_a_report_whose_origin_record_lacks_issuing_body_zh_is_refused_naming_it(setup):
    # What a newcomer wrote from the README's field list before issue 24: accept passed, then
    # notebook 01 stopped with KeyError: 'issuing_body_zh'.
    draft, curated = setup
    before = curated.read_bytes()
    sidecar = config.RAW / "report_2024" / "muye_plan_report_2024_2025.txt.origin.yml"
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(text.replace("issuing_body_zh:", "# issuing_body_zh:"), encoding="utf-8")
    with pytest.raises(DataError, match="gives no issuing_body_zh") as info:
        accept_draft(draft, "report_2024", curated=curated)
    assert (info.value.file, info.value.column) == (sidecar, "issuing_body_zh")
    assert curated.read_bytes() == before
