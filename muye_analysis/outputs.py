"""Files written for people: formula-like cells made harmless, and outputs kept off the data.

``check_output_path`` refuses an output path under ``data/`` (raw files, curated tables and the
store are inputs: an export or a draft never overwrites them) or naming a folder.

Cells that a spreadsheet would run as a formula are made harmless:
A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one) is
a formula to Excel and LibreOffice: report text or a source cell such as ``=HYPERLINK(…)`` or
``-2+3`` would run when a reviewer opens the draft or the export. ``neutralise`` puts an
apostrophe in front, as Excel itself does to keep text as text; plain numbers (``-3.9``) stay as
they are. Every CSV/XLSX the suite writes for people goes through ``neutralise_frame``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis import config
from muye_analysis.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


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


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell passed through ``neutralise``."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or str(out[column].dtype) in ("string", "str"):
            out[column] = out[column].map(neutralise, na_action="ignore")
    return out


def check_output_path(path: str | Path, *, example: str) -> Path:
    """``path`` as a Path, or DataError when it is a folder or lies under ``data/`` (or the
    store's or the year-to-date folder, wherever MUYE_* put them). ``example`` is a path to
    suggest instead (e.g. build/draft.csv)."""
    path = Path(path)
    if path.is_dir():
        raise DataError(
            "this is a folder; the output needs a file name.",
            file=path,
            fix=f"give a file path, e.g. -o {Path(path) / Path(example).name}.",
        )
    resolved = path.resolve()
    protected = (config.DATA, config.ROOT / "data", config.processed_dir(), config.quarterly_dir(),
                 config.league_dir())  # fmt: skip
    for folder in protected:
        if resolved.is_relative_to(folder.resolve()):
            raise DataError(
                f"refusing to write under {folder}: it holds inputs (raw files, curated tables, "
                "the store), which outputs never overwrite.",
                file=path,
                fix=f"write elsewhere, e.g. -o {example}.",
            )
    return path
