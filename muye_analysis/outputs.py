"""Files written for people: the one output gate, and cells made harmless.

**The output gate** (``check_output_path``), passed by every writer of the suite through
``atomic.atomic_path`` — charts, drafts, exports, the progress workbook, executed notebooks, the
briefing deck and report, whatever ``-o``, ``--build-dir`` or ``MUYE_BUILD_DIR`` /
``MUYE_FIGURES_DIR`` say: an output never goes under ``data/`` (raw files, curated tables and the
store are inputs; only ``muye accept`` writes the curated table), never replaces a folder, a
device (``/dev/null``), a pipe or a symbolic link — only a regular file or nothing.

**Harmless cells.** A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) is a formula to Excel and LibreOffice: report text, a file name or a source
cell such as ``=HYPERLINK(…)`` or ``-2+3`` would run when a reviewer opens the draft, the export
or the progress workbook. ``neutralise`` puts an apostrophe in front, as Excel itself does to
keep text as text; plain numbers (``-3.9``) stay as they are, and ``unneutralise`` takes the
apostrophe off again when a draft comes back (``muye accept``). Every CSV/XLSX the suite writes
for people goes through ``neutralise_frame``; every workbook is saved by
``atomic.save_workbook``, which passes each cell through ``workbook_cell`` (control characters,
which a workbook cannot hold, become visible escapes).
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis import config
from muye_analysis.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")
# What an XML workbook cannot hold (openpyxl refuses them with IllegalCharacterError).
_NOT_IN_WORKBOOK = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def neutralise(value: Any) -> Any:
    """``value`` unchanged, unless it is text a spreadsheet would read as a formula: then the
    same text with a leading apostrophe.

    >>> neutralise("=1+2"), neutralise("-3.9"), neutralise("@SUM(A1)"), neutralise(5)
    ("'=1+2", '-3.9', "'@SUM(A1)", 5)
    """
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _PLAIN_NUMBER.fullmatch(value.strip()):
        return value
    return "'" + value


def unneutralise(value: str) -> str:
    """The text ``neutralise`` started from: its own apostrophe taken off, nothing else.

    >>> unneutralise("'=1+2"), unneutralise("'tis"), unneutralise("-3.9")
    ('=1+2', "'tis", '-3.9')
    """
    if value.startswith("'") and neutralise(value[1:]) == value:
        return value[1:]
    return value


def workbook_cell(value: Any) -> Any:
    """A value as a workbook cell may hold it: formula-like text neutralised, control
    characters (which XML cannot carry) written as visible escapes (``\\x07``)."""
    if isinstance(value, str) and _NOT_IN_WORKBOOK.search(value):
        value = _NOT_IN_WORKBOOK.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return neutralise(value)


def neutralise_frame(frame: pd.DataFrame, *, workbook: bool = False) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell passed through ``neutralise`` (``workbook``:
    through ``workbook_cell``, for an .xlsx)."""
    out = frame.copy()
    cell = workbook_cell if workbook else neutralise
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("string", "str"):
            out[column] = out[column].map(cell, na_action="ignore")
    return out


def protected_folders() -> tuple[Path, ...]:
    """The folders outputs never go into: data/ (wherever MUYE_DATA_DIR puts it), the raw and
    year-to-date inputs, the store and the league tables (wherever MUYE_* put them)."""
    return (config.DATA, config.ROOT / "data", config.RAW, config.processed_dir(),
            config.quarterly_dir(), config.league_dir())  # fmt: skip


def check_output_path(
    path: str | Path, *, example: str | None = None, owns_data: bool = False
) -> Path:
    """``path`` as a Path, or DataError when an output may not go there.

    Refused: a folder; an existing file that is not a regular file (a device such as
    ``/dev/null``, a pipe, a socket, a symbolic link — renaming over it would replace the device
    node or the link); a path under ``data/`` or the store's, year-to-date or league folder,
    unless ``owns_data`` (the curated table's own writer). ``example`` is a path to suggest
    instead (default: ``build/<name>``).
    """
    path = Path(path)
    example = example or f"build/{path.name or 'output'}"
    if path.is_dir():
        raise DataError(
            "this is a folder; the output needs a file name.",
            file=path,
            fix=f"give a file path, e.g. -o {path / Path(example).name}.",
        )
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    except NotADirectoryError:
        mode = None  # a file in the way of a folder: creating the folder names it
    if mode is not None and not stat.S_ISREG(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else "a device, a pipe or a socket"
        raise DataError(
            f"this is {what}, not a regular file: an output only ever replaces a regular file.",
            file=path,
            fix=f"write to an ordinary file, e.g. -o {example}.",
        )
    folder = None if owns_data else _protected_folder_holding(path)
    if folder is not None:
        raise DataError(
            f"refusing to write under {folder}: it holds inputs (raw files, curated tables, "
            "the store), which outputs never overwrite.",
            file=path,
            fix=f"write elsewhere, e.g. -o {example}.",
        )
    return path


def _protected_folder_holding(path: Path) -> Path | None:
    """The protected folder (``protected_folders``) that ``path`` lies in, if any."""
    resolved = path.resolve()
    return next((f for f in protected_folders() if resolved.is_relative_to(f.resolve())), None)


def check_output_folder(folder: str | Path, *, setting: str) -> Path:
    """``folder`` as a Path, or DataError when outputs may not go into it (under ``data/``, or
    an existing file). ``setting`` names where the folder came from (--build-dir,
    MUYE_BUILD_DIR), so the message says what to change."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise DataError(
            f"{setting} names a file, not a folder.",
            file=folder,
            fix=f"set {setting} to a folder (it is created when missing).",
        )
    protected = _protected_folder_holding(folder)
    if protected is not None:
        raise DataError(
            f"{setting} lies under {protected}, which holds inputs (raw files, curated tables, "
            "the store): outputs never go there.",
            file=folder,
            fix=f"set {setting} to another folder, e.g. build/.",
        )
    return folder


__all__ = [
    "FORMULA_STARTS", "check_output_folder", "check_output_path", "neutralise", "neutralise_frame",
    "protected_folders", "unneutralise", "workbook_cell",
]  # fmt: skip
