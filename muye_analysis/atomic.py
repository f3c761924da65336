"""Write files so that a reader never sees half of one, and know what has been committed.

Every output of the suite (charts, drafts, exports, executed notebooks, the deck and the
report, the curated table) is written to a temporary file beside its destination and renamed
into place, which is atomic on one file system: a crash or an error leaves the previous version
untouched. The destination passes the one output gate first (``outputs.check_output_path``):
never under ``data/`` unless the writer is the one that owns it, never over anything but a
regular file.

Temporary files carry the writing process's marker (``.<name>.muye-<pid>-<random>.tmp``), so a
clean-up removes only files this suite made, and only when the process that made them is gone
(``remove_stale_temp_files``); nobody else's ``.tmp`` is touched.

The rename, like the store's COMMIT, runs with Ctrl-C held back (``interrupts_deferred``) and is
then recorded (``committed``): a command interrupted or cut off (a closed pipe) after that point
reports what it wrote instead of failing as if nothing had been.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# The marker of this suite's temporary files: .<name>.muye-<pid>-<random>.tmp
TEMP_MARKER = "muye"
_TEMP = re.compile(rf"^\..*\.{TEMP_MARKER}-(\d+)-[A-Za-z0-9_]+\.tmp$")
# A temporary file younger than this may belong to a writer on another machine (a shared
# folder, where process ids mean nothing): it is never removed.
STALE_AFTER_S = 60.0
# Characters of the destination's name kept in the temporary name, so that a name close to
# the file system's limit (255 bytes) still leaves room for the marker.
_NAME_CHARS = 40

_COMMITTED: list[Path] = []


def committed() -> tuple[Path, ...]:
    """Every file (and store) this process has committed so far, oldest first."""
    return tuple(_COMMITTED)


def note_committed(path: str | Path) -> None:
    """Record that ``path`` now holds a complete new version (called right after the commit)."""
    _COMMITTED.append(Path(path))


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold back Ctrl-C (SIGINT) for the block: a commit and its record happen together.

    A SIGINT that arrives meanwhile is delivered when the block ends (the KeyboardInterrupt is
    raised then, after the commit is recorded). Only the main thread can hold it back; elsewhere
    this does nothing (Python delivers signals to the main thread anyway).
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def temp_prefix(path: Path) -> str:
    """The start of a temporary file's name for ``path``: hidden, with this process's marker."""
    return f".{path.name[:_NAME_CHARS]}.{TEMP_MARKER}-{os.getpid()}-"


@contextlib.contextmanager
def atomic_path(path: str | Path, *, owns_data: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; it replaces ``path`` when the block succeeds.

    ``path`` passes the output gate first (``outputs.check_output_path``): a folder, a device or
    another non-regular file, or a path under ``data/`` is refused before anything is written
    (``owns_data`` lets the writer of the curated table write there). On any exception the
    temporary file is removed and ``path`` is left as it was. The new file is world-readable
    (0644), like an ordinary file, not private like a temporary one.
    """
    from muye_analysis.outputs import check_output_path

    path = check_output_path(path, owns_data=owns_data)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        tmp.chmod(0o644)
        with interrupts_deferred():
            tmp.replace(path)
            note_committed(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(
    path: str | Path, text: str, *, encoding: str = "utf-8", owns_data: bool = False
) -> Path:
    """Write ``text`` to ``path`` atomically (newlines as given); return the path."""
    with (
        atomic_path(path, owns_data=owns_data) as tmp,
        tmp.open("w", encoding=encoding, newline="") as handle,
    ):
        handle.write(text)
    return Path(path)


def save_workbook(workbook: Any, path: str | Path, *, owns_data: bool = False) -> Path:
    """Save an openpyxl workbook through the gate, atomically, every text cell made harmless.

    A formula the suite never meant to write (a cell whose text starts with ``=``) is saved as
    text; so is anything else ``workbook_cell`` changes."""
    from muye_analysis.outputs import workbook_cell

    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    safe = workbook_cell(cell.value)  # a formula's text starts with =
                    if safe != cell.value:
                        cell.value = safe
    with atomic_path(path, owns_data=owns_data) as tmp:
        workbook.save(tmp)
    return Path(path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def remove_stale_temp_files(folder: str | Path, *, min_age_s: float = STALE_AFTER_S) -> list[Path]:
    """Delete this suite's temporary files that a killed process left in ``folder``.

    Only names with the suite's marker (``.<name>.muye-<pid>-….tmp``) whose process is gone and
    that are older than ``min_age_s``; any other file, and a running writer's own, is kept.
    """
    removed = []
    cutoff = time.time() - min_age_s
    with contextlib.suppress(OSError):
        for leftover in Path(folder).iterdir():
            match = _TEMP.match(leftover.name)
            if match is None or _alive(int(match.group(1))):
                continue
            with contextlib.suppress(OSError):
                if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
                    removed.append(leftover)
    return removed
