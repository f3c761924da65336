"""The SQLite store: vintages, revisions, concurrency, migration, damage and leftovers.

Every input is synthetic (written into tmp_path); the numbers are made up.
"""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from muye_analysis import cli, config
from muye_analysis.errors import DataError
from muye_analysis.quarterly import (
    STORE_COLUMNS,
    ingest_quarterly,
    read_history,
    read_store,
    store_path,
)
from muye_analysis.quarterly.export import export_store, history

ROOT = Path(__file__).resolve().parents[2]
HEADER = "indicator,year,period,level,unit,growth_pct,source\n"


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def original(tmp_path) -> Path:
    return write_csv(
        tmp_path / "synthetic_v1.csv",
        [
            "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,synthetic",
            "社会消费品零售总额,2024,1-6月,41.0,亿元,4.8,synthetic",
        ],
    )


@pytest.fixture
def revised(tmp_path) -> Path:
    folder = tmp_path / "rev"
    folder.mkdir()
    return write_csv(
        folder / "synthetic_v2.csv",
        [
            "社会消费品零售总额,2024,1-3月,20.3,亿元,5.4,synthetic",
            "社会消费品零售总额,2024,1-6月,41.0,亿元,4.8,synthetic",
        ],
    )


def current(indicator: str, end_month: int, measure: str) -> list[float]:
    store = read_store()
    rows = store[(store["indicator"] == indicator) & (store["end_month"] == end_month)
                 & (store["measure"] == measure)]  # fmt: skip
    return rows["value"].tolist()


def test_store_is_sqlite_in_the_processed_dir_with_the_agreed_columns(original):
    ingest_quarterly(original)
    path = store_path()
    assert path == config.processed_dir() / "quarterly.sqlite"
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    store = read_store()
    assert list(store.columns) == list(STORE_COLUMNS)
    for column in ("area", "start_month", "prior_year_value", "derived"):
        assert column in store.columns
    assert set(store["area"]) == {"牧野区"}
    assert store["start_month"].tolist() == [1, 1, 1, 1]
    assert store["prior_year_value"].isna().all()
    assert store["derived"].tolist() == ["", "", "", ""]
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_replace_keeps_the_earlier_vintage_and_prints_old_to_new(original, revised):
    ingest_quarterly(original)
    result = ingest_quarterly(revised, replace=True)
    assert (result.added, result.replaced, result.unchanged) == (0, 2, 2)
    assert result.changes == [
        "Total retail sales of consumer goods Jan-Mar 2024 level: 20.1 → 20.3 RMB 100 million "
        "(synthetic_v1.csv → synthetic_v2.csv)",
        "Total retail sales of consumer goods Jan-Mar 2024 growth: 5.2 → 5.4% "
        "(synthetic_v1.csv → synthetic_v2.csv)",
    ]
    assert (
        "替换：社会消费品零售总额 2024年1-3月 总量：20.1 → 20.3亿元（synthetic_v1.csv → "
        "synthetic_v2.csv）" in result.summary()
    )
    assert (
        "replaced: Total retail sales of consumer goods Jan-Mar 2024 level: "
        "20.1 → 20.3 RMB 100 million" in (result.summary("en"))
    )
    assert current("retail_sales", 3, "level") == [20.3]
    vintages = history("retail_sales", "2024年1-3月")
    level = vintages[vintages["measure"] == "level"]
    assert level["value"].tolist() == [20.1, 20.3]
    assert level["file"].tolist() == ["synthetic_v1.csv", "synthetic_v2.csv"]
    assert level["current"].tolist() == [False, True]
    assert level["ingested_at"].is_monotonic_increasing
    with sqlite3.connect(store_path()) as con:
        ingests = con.execute("SELECT files, replace, added, replaced FROM ingest").fetchall()
    assert ingests == [("synthetic_v1.csv", 0, 4, 0), ("synthetic_v2.csv", 1, 0, 2)]


def test_reingesting_the_original_with_replace_warns_that_an_older_vintage_wins(original, revised):
    ingest_quarterly(original)
    ingest_quarterly(revised, replace=True)
    result = ingest_quarterly(original, replace=True)
    assert result.replaced == 2
    assert current("retail_sales", 3, "level") == [20.1]
    older = [n for n in result.notes if n.startswith("an older vintage replaces a newer one")]
    assert len(older) == 2
    assert "goes back to 20.1 from synthetic_v1.csv" in older[0]
    assert "over 20.3 from synthetic_v2.csv" in older[0]


def test_a_revision_giving_only_the_level_is_noted(original, tmp_path):
    ingest_quarterly(original)
    level_only = tmp_path / "synthetic_v2_level.csv"
    level_only.write_text(
        "indicator,year,period,level,unit\n社会消费品零售总额,2024,1-3月,20.3,亿元\n",
        encoding="utf-8",
    )
    result = ingest_quarterly(level_only, replace=True)
    assert result.replaced == 1
    (note,) = result.notes
    assert note.startswith("retail_sales 2024年1-3月 level is revised but the file gives no growth")
    assert "the stored growth 5.2 is from synthetic_v1.csv" in note
    assert current("retail_sales", 3, "growth") == [5.2]


def test_original_and_revised_side_by_side_rerun_after_the_revision_is_accepted(
    original, revised, tmp_path
):
    folder = tmp_path / "quarterly"
    folder.mkdir()
    (folder / original.name).write_bytes(original.read_bytes())
    (folder / revised.name).write_bytes(revised.read_bytes())
    with pytest.raises(DataError, match="ingest the files one at a time, with --replace"):
        ingest_quarterly(folder)  # nothing accepted yet: which one is right is not known
    ingest_quarterly(folder / original.name)
    ingest_quarterly(folder / revised.name, replace=True)
    for _ in range(2):  # what `muye run` does on every run
        result = ingest_quarterly(folder)
        assert (result.added, result.replaced) == (0, 0)
        assert result.unchanged == 4
    assert current("retail_sales", 3, "level") == [20.3]
    # The original alone is an earlier vintage now: kept as history, not an error.
    alone = ingest_quarterly(folder / original.name)
    assert (alone.kept_older, alone.unchanged, alone.added) == (2, 2, 0)
    assert "旧版本 2（存储保留其修订值）" in alone.summary()
    assert current("retail_sales", 3, "level") == [20.3]


def _titled(path: Path, title: str, rows: list[str]) -> Path:
    """A tidy file under a title row, as a bureau's table carries one (修订, 发布日期 …)."""
    path.write_text(title + "\n" + HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_revision_named_in_its_title_wins_on_a_store_that_held_neither_file(original, tmp_path):
    # A colleague's clone: both files in data/quarterly/, no store (data/processed is not in
    # git). Before issue 24 this stopped `muye run` with "20.1 here but 20.3 in ...".
    folder = tmp_path / "quarterly"
    folder.mkdir()
    (folder / original.name).write_bytes(original.read_bytes())
    _titled(folder / "synthetic_v2.csv", "2024年1-6月主要经济指标（修订）", [
        "社会消费品零售总额,2024,1-3月,20.3,亿元,5.4,synthetic",
        "社会消费品零售总额,2024,1-6月,41.0,亿元,4.8,synthetic",
    ])  # fmt: skip
    result = ingest_quarterly(folder)
    assert (result.added, result.kept_older, result.unchanged) == (4, 2, 0)
    assert "旧版本 2（存储保留其修订值）" in result.summary()
    assert result.notes == [
        "synthetic_v1.csv: 2 value(s) superseded by synthetic_v2.csv, whose title says it is a "
        'revision ("修订"); the revision is current'
    ]
    assert current("retail_sales", 3, "level") == [20.3]
    assert current("retail_sales", 3, "growth") == [5.4]
    # The original is the earlier vintage, as if ingested first and then replaced.
    level = read_history().query("indicator == 'retail_sales' and end_month == 3")
    level = level[level["measure"] == "level"]
    assert level[["value", "file", "current"]].to_numpy().tolist() == [
        [20.1, "synthetic_v1.csv", False], [20.3, "synthetic_v2.csv", True]
    ]  # fmt: skip
    rerun = ingest_quarterly(folder)  # every later `muye run`: the store decides, same result
    assert (rerun.added, rerun.replaced, rerun.kept_older, rerun.unchanged) == (0, 0, 2, 4)
    assert rerun.notes == []


def test_a_title_saying_revised_replaces_a_stored_original_without_replace(original, tmp_path):
    ingest_quarterly(original)
    revision = _titled(tmp_path / "synthetic_v2.csv", "2024年1-3月主要经济指标（修订）", [
        "社会消费品零售总额,2024,1-3月,20.3,亿元,5.4,synthetic",
    ])  # fmt: skip
    result = ingest_quarterly(revision)
    assert result.replaced == 2
    assert result.changes[0] == (
        "Total retail sales of consumer goods Jan-Mar 2024 level: 20.1 → 20.3 RMB 100 million "
        "(synthetic_v1.csv → synthetic_v2.csv)"
    )
    # A second revision over a first is no longer "revised over original": --replace decides.
    again = _titled(tmp_path / "synthetic_v3.csv", "2024年1-3月主要经济指标（修订）", [
        "社会消费品零售总额,2024,1-3月,20.4,亿元,5.5,synthetic",
    ])  # fmt: skip
    with pytest.raises(DataError, match="ingest again with --replace"):
        ingest_quarterly(again)
    assert current("retail_sales", 3, "level") == [20.3]


def _big_csv(path: Path, years: range) -> int:
    """A synthetic tidy file: two indicators x every year x 11 periods x level and growth."""
    rows = []
    for year in years:
        for month in range(2, 13):
            period = f"{year},{year}年1-{month}月"
            rows.append(f"retail_sales,{period},{month * 10.0},亿元,5.0,synthetic")
            rows.append(f"budget_revenue,{period},{month * 2.0},亿元,3.0,synthetic")
    write_csv(path, rows)
    return len(rows) * 2


@pytest.mark.slow
def test_two_ingests_at_once_lose_nothing(tmp_path):
    """Two processes ingest different files at the same moment, three times over: the
    store must hold every value of both (the CSV store kept only one file's)."""
    first, second = tmp_path / "synthetic_a.csv", tmp_path / "synthetic_b.csv"
    n_first = _big_csv(first, range(1901, 1941))
    n_second = _big_csv(second, range(1941, 1981))
    code = "import sys; from muye_analysis.quarterly import ingest_quarterly; " \
           "ingest_quarterly(sys.argv[1])"  # fmt: skip
    for trial in range(3):
        processed = tmp_path / f"processed{trial}"
        env = {**os.environ, "MUYE_PROCESSED_DIR": str(processed), "PYTHONPATH": str(ROOT)}
        procs = [subprocess.Popen([sys.executable, "-c", code, str(f)], env=env,
                                  stderr=subprocess.PIPE) for f in (first, second)]  # fmt: skip
        errors = [p.communicate(timeout=300)[1].decode() for p in procs]
        assert [p.returncode for p in procs] == [0, 0], errors
        store = read_store(processed)
        assert len(store) == n_first + n_second == 2 * 1760
        assert len(read_history(processed)) == n_first + n_second
        assert sorted(set(store["year"])) == list(range(1901, 1981))


def _legacy_store(folder: Path, rows: list[list[str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "quarterly.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(STORE_COLUMNS[:16])
        writer.writerows(rows)
    return path


LEGACY_ROW = ["retail_sales", "2024", "3", "2024年1-3月", "level", "20.1", "亿元", "nominal",
              "False", "", "synthetic", "synthetic_old.csv", "", "2", "level",
              "ab" * 32]  # fmt: skip


def test_a_csv_store_of_earlier_versions_is_migrated_once():
    legacy = _legacy_store(config.processed_dir(), [
        LEGACY_ROW,
        [*LEGACY_ROW[:4], "growth", "5.2", "%", "nominal", *LEGACY_ROW[8:14], "growth_pct",
         LEGACY_ROW[15]],
    ])  # fmt: skip
    mtime = legacy.stat().st_mtime
    store = read_store()
    assert store[["indicator", "end_month", "measure", "value"]].to_numpy().tolist() == [
        ["retail_sales", 3, "level", 20.1],
        ["retail_sales", 3, "growth", 5.2],
    ]
    assert store["file"].tolist() == ["synthetic_old.csv", "synthetic_old.csv"]
    assert not legacy.exists()
    assert (legacy.parent / "quarterly.csv.migrated").exists()  # kept, never deleted
    vintages = read_history()
    assert len(vintages) == 2
    assert pd.Timestamp(vintages["ingested_at"][0]).timestamp() == pytest.approx(mtime, abs=1)
    assert len(read_history()) == 2  # a second read does not migrate again


@pytest.mark.parametrize(
    ("damage", "row", "column", "message"),
    [
        ("abc", 3, "value", "'abc' is not a number"),
        ("gbk", None, None, "not UTF-8"),
        ("truncated", 3, "checksum", "wrong number of cells"),
    ],
)
def test_a_damaged_csv_store_names_the_row(damage, row, column, message):
    rows = [LEGACY_ROW, [*LEGACY_ROW[:4], "growth", "5.2", *LEGACY_ROW[6:]]]
    if damage == "abc":
        rows[1][5] = "abc"
    legacy = _legacy_store(config.processed_dir(), rows)
    if damage == "gbk":
        legacy.write_bytes(legacy.read_text(encoding="utf-8").encode("gbk"))
    if damage == "truncated":
        text = legacy.read_text(encoding="utf-8")
        legacy.write_text(text[: text.rindex("synthetic_old.csv")], encoding="utf-8")
    with pytest.raises(DataError, match=message) as info:
        read_store()
    assert info.value.file == legacy
    if row is not None:
        assert (info.value.row, info.value.column) == (row, column)
    assert "ingest the raw files again" in info.value.fix


def test_a_hand_edited_value_in_the_store_is_a_located_error(original):
    ingest_quarterly(original)
    with sqlite3.connect(store_path()) as con:
        (row_id,) = con.execute(
            "SELECT id FROM vintage WHERE measure = 'growth' AND end_month = 6"
        ).fetchone()
        con.execute("UPDATE vintage SET value = 'abc' WHERE id = ?", (row_id,))
    with pytest.raises(DataError) as info:
        read_store()
    assert (info.value.row, info.value.column) == (row_id, "value")
    assert f"store row {row_id} (vintage id), column 'value': 'abc' is not a number" in str(
        info.value
    )
    with pytest.raises(DataError, match=f"store row {row_id}"):
        ingest_quarterly(original)  # a later ingest says the same, no traceback


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_database_file_is_a_data_error(original, damage):
    ingest_quarterly(original)
    path = store_path()
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(b"not a database at all" * 50 if damage == "garbage" else data[:100])
    with pytest.raises(DataError, match="not a readable database") as info:
        read_store()
    assert info.value.file == path
    assert "move it away and ingest the raw files again" in info.value.fix


def test_an_error_leaves_no_trace_in_the_store(original, tmp_path):
    ingest_quarterly(original)
    before = read_history()
    bad = write_csv(tmp_path / "synthetic_bad.csv", [
        "社会消费品零售总额,2024,1-9月,62.0,亿元,5.0,synthetic",
        "社会消费品零售总额,2024,1-12月,80.0,亿元,abc,synthetic",
    ])  # fmt: skip
    with pytest.raises(DataError, match="text 'abc'"):
        ingest_quarterly(bad)
    pd.testing.assert_frame_equal(read_history(), before)


def test_read_only_processed_dir_is_a_clear_error_and_the_store_still_reads(
    original, monkeypatch, capsys
):
    ingest_quarterly(original)
    real_connect = sqlite3.connect

    def read_only(target, *args, **kwargs):  # what a read-only folder (or file) does to SQLite
        if not str(target).startswith("file:"):
            target = Path(target).resolve().as_uri() + "?mode=ro"
        kwargs["uri"] = True
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    assert cli.main(["ingest", str(original.with_name("synthetic_v1.csv"))]) == 0  # unchanged
    write_csv(original, ["社会消费品零售总额,2024,1-9月,62.0,亿元,5.0,synthetic"])
    assert cli.main(["ingest", str(original)]) == 2
    err = capsys.readouterr().err
    assert "cannot write the store" in err and "read-only" in err
    assert "set MUYE_PROCESSED_DIR to a writable folder" in err
    assert len(read_store()) == 4


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_processed_dir_for_real(original, tmp_path):
    ingest_quarterly(original)
    folder = config.processed_dir()
    folder.chmod(0o555)
    try:
        write_csv(original, ["社会消费品零售总额,2024,1-9月,62.0,亿元,5.0,synthetic"])
        with pytest.raises(DataError, match="read-only"):
            ingest_quarterly(original)
        assert len(read_store()) == 4
    finally:
        folder.chmod(0o755)


def test_cannot_create_the_processed_dir_is_a_clear_error(original, monkeypatch, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(blocker / "processed"))
    with pytest.raises(DataError, match="cannot create the store folder"):
        ingest_quarterly(original)


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_only_the_suites_own_leftover_temporary_files_are_removed(original):
    folder = config.processed_dir()
    folder.mkdir(parents=True)
    stale = time.time() - 3600
    dead = _dead_pid()
    ours = folder / f".quarterly.csv.muye-{dead}-abc123.tmp"  # a killed ingest's: removed
    others = folder / ".quarterly.csv.abc123.tmp"  # another program's, however old: kept
    running = folder / f".export.csv.muye-{os.getpid()}-def456.tmp"  # a live writer's: kept
    young = folder / f".export.csv.muye-{dead}-ghi789.tmp"  # too young to judge: kept
    for path in (ours, others, running, young):
        path.write_bytes(b"x" * 10)
    for path in (ours, others, running):
        os.utime(path, (stale, stale))
    ingest_quarterly(original)
    assert not ours.exists()
    assert others.exists() and running.exists() and young.exists()


def test_make_clean_keeps_the_store():
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nclean:")[1]
    commands = [line for line in recipe.splitlines()[1:] if line.startswith("\t")]
    assert commands == ["\trm -rf build figures/*.png figures/*.svg figures/*.pdf"]


def test_long_texts_are_capped_in_the_store(tmp_path):
    path = write_csv(tmp_path / "synthetic_long.csv",
                     ["社会消费品零售总额,2024,1-3月,20.1,亿元,5.2," + "长" * 2000])  # fmt: skip
    ingest_quarterly(path)
    (source,) = set(read_store()["source"])  # one row's level and growth
    assert len(source) == 500 and source.endswith("…")


# -- history and export --------------------------------------------------------------------


def test_history_command_lists_every_vintage_with_its_file(original, revised, capsys):
    ingest_quarterly(original)
    ingest_quarterly(revised, replace=True)
    assert cli.main(["history", "社零", "--period", "2024年1-3月"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "社会消费品零售总额 2024年1-3月 总量"  # names, never ids
    assert out[1].split()[:3] == ["旧版", "20.1亿元", "synthetic_v1.csv"]
    assert out[2].split()[:3] == ["当前", "20.3亿元", "synthetic_v2.csv"]
    assert out[3] == "社会消费品零售总额 2024年1-3月 增速"
    assert len(out) == 6
    assert cli.main(["history", "社零", "--period", "2024年1-3月", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Total retail sales of consumer goods Jan-Mar 2024 level"
    assert out[1].split()[:6] == ["earlier", "20.1", "RMB", "100", "million", "synthetic_v1.csv"]
    assert cli.main(["history", "no_such_thing"]) == 2
    assert "unknown indicator 'no_such_thing'" in capsys.readouterr().err


def test_export_writes_a_flat_csv_and_xlsx_with_formula_text_neutralised(tmp_path):
    import openpyxl

    path = write_csv(tmp_path / "synthetic_formula.csv", [
        "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,=HYPERLINK(\"http://x\")",
        "社会消费品零售总额,2024,1-6月,41.0,亿元,-4.8,@SUM(A1)",
    ])  # fmt: skip
    ingest_quarterly(path)
    out = export_store(tmp_path / "out.csv")
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert list(frame.columns) == list(STORE_COLUMNS)
    assert sorted(set(frame["source"])) == ['\'=HYPERLINK("http://x")', "'@SUM(A1)"]
    assert -4.8 in frame["value"].tolist()  # numbers are numbers, not neutralised text
    xlsx = export_store(tmp_path / "out.xlsx", fmt="xlsx")
    sheet = openpyxl.load_workbook(xlsx).active
    header = [c.value for c in sheet[1]]
    sources = {sheet.cell(row=i, column=header.index("source") + 1).value for i in range(2, 6)}
    assert sources == {'\'=HYPERLINK("http://x")', "'@SUM(A1)"}
    assert all(sheet.cell(row=i, column=header.index("source") + 1).data_type == "s"
               for i in range(2, 6))  # fmt: skip


def test_export_refuses_data_dir_and_folders(original, tmp_path, capsys):
    ingest_quarterly(original)
    assert cli.main(["export", "-o", str(config.CURATED / "indicators.csv")]) == 2
    assert "refusing to write under" in capsys.readouterr().err
    assert cli.main(["export", "--xlsx", "-o", str(tmp_path)]) == 2
    assert "this is a folder" in capsys.readouterr().err
    assert cli.main(["export"]) == 0
    assert (config.build_dir() / "quarterly_export.csv").exists()


def test_export_into_a_read_only_build_dir_is_a_clear_error(original, monkeypatch, capsys):
    import tempfile

    ingest_quarterly(original)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(config.build_dir()))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    assert cli.main(["export"]) == 2
    err = capsys.readouterr().err
    assert f"error: {config.build_dir()}: permission denied" in err
    assert "make the folder writable" in err


def test_the_release_a_title_names_is_kept_with_the_vintage(tmp_path, capsys):
    import openpyxl

    path = tmp_path / "synthetic_release.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    title = "2024年1-6月主要经济指标（修订） 发布日期：2024年7月20日"
    for row in ([title], ["指标", "本年累计(亿元)", "增长%"], ["社会消费品零售总额", 41.0, 4.8]):
        ws.append(row)
    wb.save(path)
    ingest_quarterly(path)
    vintages = read_history()
    assert vintages["release"].tolist() == ["(修订)；发布日期:2024年7月20日"] * 2  # half-width
    assert cli.main(["history", "retail_sales", "--period", "2024年1-6月"]) == 0
    shown = capsys.readouterr().out
    assert shown.count("（修订；发布日期:2024年7月20日）") == 2  # once in brackets, not ((修订))
    assert "((" not in shown


@pytest.mark.slow
def test_a_killed_ingest_leaves_all_or_nothing(tmp_path):
    """kill -9 at different moments of an ingest: the store holds every value of the file or
    none of them, and the next ingest completes it."""
    import signal

    path = tmp_path / "synthetic_big.csv"
    n = _big_csv(path, range(1901, 1941))
    code = "import sys; from muye_analysis.quarterly import ingest_quarterly; " \
           "ingest_quarterly(sys.argv[1])"  # fmt: skip
    processed = tmp_path / "processed"
    env = {**os.environ, "MUYE_PROCESSED_DIR": str(processed), "PYTHONPATH": str(ROOT)}
    for delay in (0.5, 1.5, 2.5):
        proc = subprocess.Popen([sys.executable, "-c", code, str(path)], env=env)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        if store_path(processed).exists():
            assert len(read_store(processed)) in (0, n)
    ingest_quarterly(path, store_dir=processed)
    assert len(read_store(processed)) == n
