"""The processed store: an SQLite database of every accepted value and its vintage.

``config.processed_dir() / "quarterly.sqlite"`` holds one row per value ever accepted (table
``vintage``): the value with its unit, period and price basis, where it came from (file, sheet,
row, column, SHA-256 of the raw file, the release label when the file gives one), when it was
ingested and, for a value accepted over a plausibility refusal, the reason (``outlier_note``).
A revision never deletes: the earlier row stays with ``current = 0``; the current view is the
latest accepted vintage per key (``KEY``), which ``read_store`` (``frames``) returns as a DataFrame.

Writers take the database's write lock first (``BEGIN IMMEDIATE``), so two ingests at once run
one after the other instead of one overwriting the other; one ingest is one transaction, so an
error or a kill leaves the store exactly as it was. WAL mode lets readers read meanwhile.

A store written by earlier versions (``quarterly.csv``) is migrated once, the first time the
database is opened: its rows become the first vintages, and the CSV is renamed
``quarterly.csv.migrated`` (kept, never deleted).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import math
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis import config
from muye_analysis.atomic import interrupts_deferred, note_committed, remove_stale_temp_files
from muye_analysis.errors import DataError, describe_os_error
from muye_analysis.quarterly.store_errors import (
    BUSY_TIMEOUT_S,
    FIX_DAMAGED,
    check_damage,
    store_error,
)

if TYPE_CHECKING:
    import pandas as pd

STORE_NAME = "quarterly.sqlite"
LEGACY_STORE_NAME = "quarterly.csv"  # the CSV store of earlier versions, migrated once
STORE_COLUMNS = (
    "indicator", "year", "end_month", "period", "measure", "value", "unit", "price_basis",
    "sub_item", "marker", "source", "file", "sheet", "row", "column", "checksum",
    "area", "start_month", "prior_year_value", "derived", "ranked_on",
)  # fmt: skip
KEY = ("area", "indicator", "year", "start_month", "end_month", "measure")
MEASURES = ("level", "growth")  # the measures that hold a value of the indicator
# A published rank (位次, 全市位次) is stored beside the values as measure ``rank``: the value is
# the position (1 = first), the unit 位, and ``ranked_on`` says what was ranked (``level`` or
# ``growth``, one of MEASURES). The key's measure slot of a rank names both ("rank:growth", see
# ``record_key``), so a table giving a 总量位次 and an 增速位次 keeps both; every other row has
# ranked_on "".
RANK = "rank"
STORE_MEASURES = (*MEASURES, RANK)
DEFAULT_AREA = config.DISTRICT_ZH
# Provenance of each vintage, beside the store columns.
VINTAGE_COLUMNS = ("release", "ingested_at", "ingest_id", "outlier_note", "current")
# Longest text kept in a store cell: a title row of 70,000 characters is a mistake, and capping
# it keeps the store small and readable by every tool.
MAX_TEXT_CHARS = 500
# A leftover temporary file older than this is from a killed process, not a running one.
LEFTOVER_AGE_S = 60.0

SCHEMA_VERSION = 3  # in table meta; a later layout of the store raises it and migrates
# Version 2 added ``ranked_on`` (published ranks, measure ``rank``) to the vintage table and its
# unique index of current values; version 3 the table ``unregistered`` (the values of rows a
# bureau table carries that the registry has no indicator for). An older store is upgraded in
# place when next written; readers of an older store see no unregistered rows.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS ingest (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, files TEXT, replace INTEGER NOT NULL DEFAULT 0,
    accept_outlier INTEGER NOT NULL DEFAULT 0, added INTEGER, replaced INTEGER, note TEXT
);
CREATE TABLE IF NOT EXISTS vintage (
    id INTEGER PRIMARY KEY,
    area TEXT NOT NULL, indicator TEXT NOT NULL, year INTEGER NOT NULL,
    start_month INTEGER NOT NULL, end_month INTEGER NOT NULL, measure TEXT NOT NULL,
    period TEXT, value REAL NOT NULL, unit TEXT, price_basis TEXT, sub_item INTEGER,
    marker TEXT, source TEXT, file TEXT, sheet TEXT, "row" INTEGER, "column" TEXT,
    checksum TEXT, prior_year_value REAL, derived TEXT, ranked_on TEXT NOT NULL DEFAULT '',
    release TEXT, ingested_at TEXT NOT NULL, ingest_id INTEGER, outlier_note TEXT,
    current INTEGER NOT NULL DEFAULT 1, superseded_by INTEGER
);
CREATE TABLE IF NOT EXISTS unregistered (
    id INTEGER PRIMARY KEY,
    area TEXT NOT NULL, label TEXT NOT NULL, raw_label TEXT, year INTEGER NOT NULL,
    start_month INTEGER NOT NULL, end_month INTEGER NOT NULL, period TEXT, measure TEXT,
    ranked_on TEXT, value REAL, "text" TEXT, unit TEXT, sub_item INTEGER, source TEXT,
    file TEXT, sheet TEXT, "row" INTEGER, "column" TEXT, checksum TEXT NOT NULL, release TEXT,
    ingested_at TEXT NOT NULL, ingest_id INTEGER
);
CREATE UNIQUE INDEX IF NOT EXISTS unregistered_cell
    ON unregistered (checksum, sheet, "row", "column");
"""
# Created after ``_upgrade`` (a version-1 table gains its ranked_on column first).
_INDEX = """
CREATE UNIQUE INDEX IF NOT EXISTS vintage_current_v2
    ON vintage (area, indicator, year, start_month, end_month, measure, ranked_on)
    WHERE current = 1
"""
_ROW_COLUMNS = (*STORE_COLUMNS, "release", "ingested_at", "ingest_id", "outlier_note")

# -- where it lives ------------------------------------------------------------------------------


def store_path(store_dir: str | Path | None = None) -> Path:
    """Where the processed store lives: ``config.processed_dir() / "quarterly.sqlite"``."""
    return Path(store_dir or config.processed_dir()) / STORE_NAME


def now_iso() -> str:
    """The current UTC time as ISO 8601 with microseconds (vintages sort by it)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def record_key(record: dict[str, Any]) -> tuple:
    """The store key of a record; area and start_month default to the district and January.
    Computed once per record (the key fields never change after parsing)."""
    key = record.get("record_key")
    if key is None:
        key = record["record_key"] = (
            record.get("area") or DEFAULT_AREA,
            record["indicator"],
            record["year"],
            record.get("start_month") or 1,
            record["end_month"],
            _measure_key(record),
        )
    return key


def _measure_key(record: dict[str, Any]) -> str:
    """The key's measure slot: ``level`` / ``growth``, or ``rank:growth`` for a rank."""
    measure = record["measure"]
    return f"{measure}:{record.get('ranked_on') or ''}" if measure == RANK else measure


_CAPPED = ("source", "sheet", "column", "file", "release")


def complete(record: dict[str, Any]) -> dict[str, Any]:
    """Fill the columns a parser may leave out (area, start_month, …) and cap long texts."""
    if not record.get("area"):
        record["area"] = DEFAULT_AREA
    if not record.get("start_month"):
        record["start_month"] = 1
    if "prior_year_value" not in record:
        record["prior_year_value"] = None
    if not record.get("derived"):
        record["derived"] = ""
    if not record.get("ranked_on"):
        record["ranked_on"] = ""
    for column in _CAPPED:
        text = record.get(column)
        if text.__class__ is str and len(text) > MAX_TEXT_CHARS:
            record[column] = text[: MAX_TEXT_CHARS - 1] + "…"
    return record


# -- connections ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _connect(path: Path, *, write: bool) -> Iterator[sqlite3.Connection]:
    """An open connection; with ``write`` the folder is created and the schema ensured."""
    if write:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataError(
                f"cannot create the store folder: {describe_os_error(exc)}",
                file=path.parent,
                fix="set MUYE_PROCESSED_DIR to a writable folder.",
            ) from None
        target = str(path)
        uri = False
    else:
        # Read-only: never create the file; immutable when the folder cannot hold WAL files.
        target = path.resolve().as_uri() + "?mode=ro"
        uri = True
    try:
        con = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S, isolation_level=None, uri=uri)
    except sqlite3.Error as exc:
        raise store_error(exc, path, write=write) from None
    try:
        con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if write:
            _prepare_for_writing(con)
        yield con
    except sqlite3.Error as exc:
        with contextlib.suppress(sqlite3.Error):
            con.rollback()
        raise store_error(exc, path, write=write) from None
    finally:
        con.close()


def _prepare_for_writing(con: sqlite3.Connection) -> None:
    """WAL mode and the schema, safe when two first ingests create the store at once.

    Switching a new file to WAL needs its exclusive lock and may fail at once with "database is
    locked" (SQLite does not wait for a lock when waiting could deadlock), so it is retried until
    the busy timeout; the schema is then created under the write lock (``BEGIN IMMEDIATE`` waits).
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    # WAL + NORMAL: a killed process never corrupts or half-writes the store (only a power cut
    # may lose the last ingest); FULL would fsync on every commit.
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("BEGIN IMMEDIATE")
    try:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                con.execute(statement)
        _upgrade(con)
        con.execute(_INDEX)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def _columns(con: sqlite3.Connection) -> set[str]:
    return {row[1] for row in con.execute("PRAGMA table_info(vintage)")}


def _upgrade(con: sqlite3.Connection) -> None:
    """A version-1 store (no ranked_on) gains the column, with '' on every row, and the unique
    index of current values moves to the key that includes it; a store before version 3 gains
    the (empty) table of unregistered rows, created with the schema. Nothing else changes."""
    if "ranked_on" not in _columns(con):
        con.execute("ALTER TABLE vintage ADD COLUMN ranked_on TEXT NOT NULL DEFAULT ''")
        con.execute("DROP INDEX IF EXISTS vintage_current")
    found = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if found is not None and found[0] != str(SCHEMA_VERSION):
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),))  # fmt: skip


@contextlib.contextmanager
def write_transaction(store_dir: str | Path | None = None) -> Iterator[sqlite3.Connection]:
    """One transaction holding the write lock (``BEGIN IMMEDIATE``): committed when the block
    ends, rolled back on any exception. A second writer waits here until the first commits."""
    path = store_path(store_dir)
    with _connect(path, write=True) as con:
        con.execute("BEGIN IMMEDIATE")
        try:
            _migrate_legacy(con, path)
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        _commit(con, path)
    _finish_migration(path)
    remove_leftovers(path.parent)


def _commit(con: sqlite3.Connection, path: Path) -> None:
    """COMMIT with Ctrl-C held back until the commit is recorded (``atomic.committed``): an
    interrupt after this point cannot make a stored ingest look like a failed one."""
    with interrupts_deferred():
        con.execute("COMMIT")
        note_committed(path)


def remove_leftovers(folder: Path, *, min_age_s: float = LEFTOVER_AGE_S) -> list[Path]:
    """Delete the suite's own temporary files (``.name.muye-<pid>-….tmp``, from
    ``atomic_path``) that a killed process left in ``folder``: only those whose process is
    gone and older than ``min_age_s``. Nobody else's ``.tmp`` file is touched."""
    return remove_stale_temp_files(folder, min_age_s=min_age_s)


# -- the one-time migration of the CSV store ------------------------------------------------------


def _migrate_legacy(con: sqlite3.Connection, path: Path) -> None:
    """Copy a ``quarterly.csv`` store of earlier versions into the database, once."""
    if con.execute("SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone() is None:
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    legacy = path.with_name(LEGACY_STORE_NAME)
    done = con.execute("SELECT value FROM meta WHERE key = 'migrated_from'").fetchone()
    if done is not None or not legacy.is_file():
        return
    records = _legacy_records(legacy)
    at = dt.datetime.fromtimestamp(legacy.stat().st_mtime, dt.UTC).isoformat()
    ingest_id = log_ingest(con, files=[legacy.name], note=f"migrated from {legacy.name}")
    for record in records:
        complete(record)
        insert_vintage(con, record, ingested_at=at, ingest_id=ingest_id)
    con.execute("INSERT INTO meta VALUES ('migrated_from', ?)", (str(legacy),))


def _finish_migration(path: Path) -> None:
    """After the migration committed, keep the CSV under a name no version reads as a store."""
    legacy = path.with_name(LEGACY_STORE_NAME)
    if legacy.is_file():
        with contextlib.suppress(OSError):
            legacy.replace(legacy.with_name(LEGACY_STORE_NAME + ".migrated"))


_LEGACY_COLUMNS = STORE_COLUMNS[:16]


def _legacy_records(path: Path) -> list[dict[str, Any]]:
    """The rows of a CSV store; a damaged one (not UTF-8, text in a number, cut short) raises
    DataError naming the row and column."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"the CSV store is not UTF-8 (byte {exc.start}).", file=path,
                        row=path.read_bytes()[: exc.start].count(b"\n") + 1,
                        fix=FIX_DAMAGED) from None  # fmt: skip
    reader = csv.DictReader(text.splitlines(), strict=True)
    missing = [c for c in _LEGACY_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError(f"the CSV store lacks column(s) {', '.join(missing)}.", file=path, row=1,
                        column=missing[0], fix=FIX_DAMAGED)  # fmt: skip
    records = []
    try:
        for line in reader:
            row = reader.line_num
            if None in line.values() or None in line:
                raise DataError("the row has the wrong number of cells (cut short?).", file=path,
                                row=row, column=_LEGACY_COLUMNS[-1], fix=FIX_DAMAGED)  # fmt: skip
            record: dict[str, Any] = {k: (line[k] if line[k] != "" else None)
                                      for k in _LEGACY_COLUMNS}  # fmt: skip
            for column in ("year", "end_month", "row", "value"):
                record[column] = _legacy_number(path, row, column, line[column])
            record["sub_item"] = line["sub_item"] == "True"
            records.append(record)
    except csv.Error as exc:
        raise DataError(f"the CSV store is malformed ({exc}).", file=path, row=reader.line_num,
                        fix=FIX_DAMAGED) from None  # fmt: skip
    return records


def _legacy_number(path: Path, row: int, column: str, text: str) -> float | int | None:
    try:
        number = float(text) if column == "value" else int(text) if text else None
    except ValueError:
        number = math.nan
    if number is None and column in ("row",):
        return None
    if number is None or (isinstance(number, float) and not math.isfinite(number)):
        raise DataError(f"{text!r} is not a number.", file=path, row=row, column=column,
                        fix=FIX_DAMAGED)  # fmt: skip
    return number


# -- writing -------------------------------------------------------------------------------------


def log_ingest(
    con: sqlite3.Connection, *, files: list[str], replace: bool = False,
    accept_outlier: bool = False, note: str = "", added: int | None = None,
    replaced: int | None = None,
) -> int:  # fmt: skip
    """Record one ingest (its files, options and counts); returns its id for its vintages."""
    cur = con.execute(
        "INSERT INTO ingest (at, files, replace, accept_outlier, added, replaced, note) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (now_iso(), "\n".join(files), int(replace), int(accept_outlier), added, replaced, note),
    )
    return int(cur.lastrowid)


_QUOTED = ", ".join(f'"{c}"' for c in _ROW_COLUMNS)
_MARKS = ", ".join("?" * len(_ROW_COLUMNS))
_INSERT = f"INSERT INTO vintage ({_QUOTED}, current) VALUES ({_MARKS}, 1)"


_NAMED = ", ".join(f":{c}" for c in _ROW_COLUMNS)
_INSERT_NAMED = f"INSERT INTO vintage ({_QUOTED}, current) VALUES ({_NAMED}, 1)"
_NONE_ROW = dict.fromkeys(_ROW_COLUMNS)


def _sql_row(record: dict[str, Any], ingested_at: str, ingest_id: int) -> dict[str, Any]:
    prior = record.get("prior_year_value")
    if prior is not None:
        prior = None if math.isnan(float(prior)) else float(prior)
    return {**_NONE_ROW, **record, "ingested_at": ingested_at, "ingest_id": ingest_id,
            "prior_year_value": prior, "sub_item": int(bool(record.get("sub_item"))),
            "value": float(record["value"]), "derived": record.get("derived") or "",
            "ranked_on": record.get("ranked_on") or ""}  # fmt: skip


def insert_vintage(
    con: sqlite3.Connection, record: dict[str, Any], *, ingested_at: str, ingest_id: int
) -> int:
    """Add ``record`` as the current vintage of its key; returns its id."""
    return int(con.execute(_INSERT_NAMED, _sql_row(record, ingested_at, ingest_id)).lastrowid)


def write_vintages(
    con: sqlite3.Connection,
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]],
    *,
    ingested_at: str,
    ingest_id: int,
) -> None:
    """Add each new record as the current vintage of its key; the stored vintage it revises
    (the pair's second element) stays, no longer current, pointing to its successor."""
    old_ids = [(old["id"],) for _, old in pairs if old is not None]
    con.executemany("UPDATE vintage SET current = 0 WHERE id = ?", old_ids)
    con.executemany(_INSERT_NAMED, [_sql_row(r, ingested_at, ingest_id) for r, _ in pairs])
    con.executemany(
        """UPDATE vintage SET superseded_by = (
               SELECT n.id FROM vintage AS n WHERE n.current = 1 AND n.area = vintage.area
               AND n.indicator = vintage.indicator AND n.year = vintage.year
               AND n.start_month = vintage.start_month AND n.end_month = vintage.end_month
               AND n.measure = vintage.measure AND n.ranked_on = vintage.ranked_on)
           WHERE id = ?""",
        old_ids,
    )


UNREGISTERED_COLUMNS = (
    "area", "label", "raw_label", "year", "start_month", "end_month", "period", "measure",
    "ranked_on", "value", "text", "unit", "sub_item", "source", "file", "sheet", "row",
    "column", "checksum", "release",
)  # fmt: skip
_INSERT_UNREGISTERED = (
    "INSERT OR IGNORE INTO unregistered ("
    + ", ".join(f'"{c}"' for c in (*UNREGISTERED_COLUMNS, "ingested_at", "ingest_id"))
    + ") VALUES ("
    + ", ".join(f":{c}" for c in (*UNREGISTERED_COLUMNS, "ingested_at", "ingest_id"))
    + ")"
)


def write_unregistered(
    con: sqlite3.Connection, records: list[dict[str, Any]], *, ingested_at: str,
    ingest_id: int | None,
) -> int:  # fmt: skip
    """Keep the values of rows the registry does not know (``records.unregistered_record``),
    once per cell of a raw file: the same file ingested again adds nothing. Returns how many
    were added."""
    before = con.total_changes
    rows = [
        {c: r.get(c) for c in UNREGISTERED_COLUMNS}
        | {"area": r.get("area") or DEFAULT_AREA, "sub_item": int(bool(r.get("sub_item"))),
           "ranked_on": r.get("ranked_on") or "", "ingested_at": ingested_at,
           "ingest_id": ingest_id}
        for r in records
    ]  # fmt: skip
    con.executemany(_INSERT_UNREGISTERED, rows)
    return con.total_changes - before


def read_unregistered(store_dir: str | Path | None = None) -> pd.DataFrame:
    """The values of rows bureau tables carry that the registry has no indicator for (their
    label, unit, period, measure, value or text as printed, and the file, sheet, row and
    column), oldest first: kept, never used as figures. Add the name to the registry's
    ``synonyms_zh`` (or a new indicator) and ingest the file again to use them."""
    import pandas as pd

    path = store_path(store_dir)
    columns = ["id", *UNREGISTERED_COLUMNS, "ingested_at"]
    rows: list[tuple] = []
    if path.exists():
        sql = "SELECT " + ", ".join(f'"{c}"' for c in columns) + " FROM unregistered ORDER BY id"
        with _connect(path, write=False) as con:
            found = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                "AND name = 'unregistered'").fetchone()  # fmt: skip
            rows = con.execute(sql).fetchall() if found else []
    out = pd.DataFrame(rows, columns=columns)
    return out.astype({"value": "Float64", "year": "Int64", "start_month": "Int64",
                       "end_month": "Int64", "row": "Int64"})  # fmt: skip


# -- reading -------------------------------------------------------------------------------------

_SELECT = "SELECT id, " + ", ".join(f'"{c}"' for c in (*_ROW_COLUMNS, "current")) + " FROM vintage"


def _record(raw: tuple, names: list[str]) -> dict[str, Any]:
    record = dict(zip(names, raw, strict=True))
    record["value"] = float(record["value"])
    record["sub_item"] = bool(record["sub_item"])
    record["derived"] = record["derived"] or ""
    record["ranked_on"] = record["ranked_on"] or ""
    return record


def _rows(path: Path, where: str = "", params: tuple = ()) -> list[dict[str, Any]]:
    """Checked store rows (``where`` is an SQL condition); none when there is no store yet."""
    if not path.exists():
        legacy = path.with_name(LEGACY_STORE_NAME)
        if not legacy.is_file():
            return []
        try:  # the first read migrates; a read-only folder reads the CSV as it is
            with write_transaction(path.parent):
                pass
        except DataError:
            if path.exists():
                raise
            records = [complete(r) for r in _legacy_records(legacy)]
            return [dict(r, id=i + 1, release=None, ingested_at="", ingest_id=None,
                         outlier_note=None, current=1) for i, r in enumerate(records)]  # fmt: skip
    sql = _SELECT + (f" WHERE {where}" if where else "") + " ORDER BY id"
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            with _connect(path, write=False) as con:
                return _fetch(con, path, sql, params)
        except DataError as exc:
            # A reader can be told "locked" at once (no wait) while a writer sets up or
            # checkpoints the WAL: try again until the busy timeout, as a writer would wait.
            if "database is locked" in str(exc) and time.monotonic() < deadline:
                time.sleep(0.05)
                continue
            if "read-only" not in str(exc):
                raise
            break
    # A read-only folder cannot hold the WAL index files: read the database as immutable.
    try:
        con = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
        try:
            return _fetch(con, path, sql, params)
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise store_error(exc, path) from None


def _fetch(con: sqlite3.Connection, path: Path, sql: str, params: tuple) -> list[dict[str, Any]]:
    if not con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vintage'"
    ).fetchone():
        return []  # a first ingest that failed (disk full, file-size limit) before the schema
    check_damage(con, path)
    if "ranked_on" not in _columns(con):  # a version-1 store read before any write upgraded it
        sql = sql.replace('"ranked_on"', "'' AS \"ranked_on\"")
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [_record(raw, names) for raw in cursor.fetchall()]


def current_records(
    store_dir: str | Path | None = None, *, con: sqlite3.Connection | None = None
) -> dict[tuple, dict[str, Any]]:
    """The current view as records keyed by ``KEY`` (inside a transaction when ``con``)."""
    path = store_path(store_dir)
    if con is None:
        rows = _rows(path, "current = 1")
    else:
        rows = _fetch(con, path, _SELECT + " WHERE current = 1 ORDER BY id", ())
    return {record_key(r): r for r in rows}


def all_vintages(
    store_dir: str | Path | None = None, *, con: sqlite3.Connection | None = None
) -> list[dict[str, Any]]:
    """Every vintage ever accepted, oldest first."""
    path = store_path(store_dir)
    if con is None:
        return _rows(path)
    return _fetch(con, path, _SELECT + " ORDER BY id", ())
