"""What goes wrong with the store, said so the user can act: SQLite's errors with their real
cause (a lock held too long, a full disk, a file-size limit, a read-only folder) and the
first row a hand edit damaged, named by its vintage id and column."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from muye_analysis.errors import DataError

# How long a writer waits for another ingest to finish before giving up.
BUSY_TIMEOUT_S = 120.0
FIX_DAMAGED = (
    "the store was changed by hand or damaged: restore it from a backup, or move it away and "
    "ingest the raw files again (muye ingest data/quarterly); `muye export` gives a copy to edit."
)


def store_error(exc: sqlite3.Error, path: Path, *, write: bool = True) -> DataError:
    """The DataError for an SQLite error on the store at ``path`` (reading or writing)."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and "locked" in text:
        return DataError(
            f"another ingest held the store for more than {BUSY_TIMEOUT_S:g} s ({text}).",
            file=path,
            fix="wait for the other `muye ingest` or `muye run` to finish, then run this again.",
        )
    if isinstance(exc, sqlite3.OperationalError) and (
        "readonly" in text or "unable to open" in text or "disk I/O" in text or "full" in text
    ):
        cause, fix = diagnose_write_failure(path, text)
        if not write:  # reading needs SQLite's shared-memory file beside the store
            return DataError(f"cannot open the store ({text}): {cause}.", file=path,
                             fix=fix.replace(" and ingest again", ""))  # fmt: skip
        return DataError(f"cannot write the store ({text}): {cause}; nothing was written.",
                         file=path, fix=fix)  # fmt: skip
    return DataError(f"the store is not a readable database ({text}).", file=path,
                     fix=FIX_DAMAGED)  # fmt: skip


def diagnose_write_failure(path: Path, text: str) -> tuple[str, str]:
    """The real cause behind SQLite's "disk I/O error" / "readonly" / "full" (SQLite does not
    pass the system's error number on): a file-size limit, a full disk, a read-only file
    system or store, a folder that is missing or not writable."""
    import os
    import resource

    folder = path.parent
    try:
        info = os.statvfs(folder)
    except OSError:
        info = None
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if "readonly" not in text and soft != resource.RLIM_INFINITY:
        return (
            f"the file-size limit of this session (ulimit -f: {soft:,} bytes) stops the store "
            "from growing (EFBIG)",
            "raise the limit (ulimit -f unlimited) and ingest again.",
        )
    if not folder.is_dir():
        return (f"the folder {folder} is missing",
                "create it, or set MUYE_PROCESSED_DIR to a writable folder.")  # fmt: skip
    if info is not None and info.f_flag & os.ST_RDONLY:
        return ("the file system is read-only (EROFS)",
                "set MUYE_PROCESSED_DIR to a writable folder on another disk.")  # fmt: skip
    if "full" in text or (info is not None and info.f_bavail * info.f_frsize < 1024 * 1024):
        return ("the disk is full (ENOSPC)",
                "free some space (or set MUYE_PROCESSED_DIR to another disk), then ingest "
                "again.")  # fmt: skip
    if "readonly" in text or "unable to open" in text or not os.access(folder, os.W_OK):
        return (f"the store or its folder {folder} is read-only (permissions)",
                "make it writable (chmod u+w), or set MUYE_PROCESSED_DIR to a writable "
                "folder.")  # fmt: skip
    return (
        "the disk reported an input/output error",
        "check the disk, or set MUYE_PROCESSED_DIR to a writable folder on another disk.",
    )


# One SQL pass finds the first hand-damaged row (cheaper than checking 8,000 rows in Python).
_DAMAGE = """
SELECT id, CASE
    WHEN typeof(area) != 'text' OR area = '' THEN 'area'
    WHEN typeof(indicator) != 'text' OR indicator = '' THEN 'indicator'
    WHEN typeof(year) != 'integer' THEN 'year'
    WHEN typeof(start_month) != 'integer' THEN 'start_month'
    WHEN typeof(end_month) != 'integer' THEN 'end_month'
    WHEN measure IS NOT 'level' AND measure IS NOT 'growth' AND measure IS NOT 'rank'
         THEN 'measure'
    WHEN typeof(value) NOT IN ('real', 'integer') OR abs(value) > 1e300 THEN 'value'
    WHEN prior_year_value IS NOT NULL AND (typeof(prior_year_value) NOT IN ('real', 'integer')
         OR abs(prior_year_value) > 1e300) THEN 'prior_year_value'
    WHEN "row" IS NOT NULL AND typeof("row") != 'integer' THEN 'row'
    WHEN typeof(ingested_at) != 'text' OR ingested_at = '' THEN 'ingested_at'
    WHEN typeof(current) != 'integer' OR current NOT IN (0, 1) THEN 'current'
    WHEN NOT (1 <= start_month AND start_month <= end_month AND end_month <= 12) THEN 'end_month'
END AS bad FROM vintage WHERE bad IS NOT NULL ORDER BY id LIMIT 1
"""


def check_damage(con: sqlite3.Connection, path: Path) -> None:
    """DataError naming the first store row (vintage id) and column a hand edit broke."""
    found = con.execute(_DAMAGE).fetchone()
    if found is None:
        return
    row, column = found
    (value,) = con.execute(f'SELECT "{column}" FROM vintage WHERE id = ?', (row,)).fetchone()
    why = {
        "value": "is not a number", "prior_year_value": "is not a number",
        "year": "is not a whole number", "start_month": "is not a whole number",
        "end_month": "is not a month span within a year", "row": "is not a whole number",
        "measure": "is neither level, growth nor rank", "current": "is neither 0 nor 1",
    }.get(column, "is empty or not text, but every value needs it")  # fmt: skip
    raise DataError(
        f"store row {row} (vintage id), column {column!r}: {value!r} {why}.",
        file=path,
        row=row,
        column=column,
        fix=FIX_DAMAGED,
    )
