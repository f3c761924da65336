"""Reading files: which files a path names, decoding CSV bytes, sheets as lists of rows."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from muye_analysis.errors import DataError

DATA_SUFFIXES = (".csv", ".xlsx", ".xls")

ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")  # gb18030 last: it decodes UTF-8 bytes as garbage


@dataclass
class _Sheet:
    path: Path
    name: str  # sheet name; "" for CSV
    rows: list[list[Any]]


def decode_csv_bytes(data: bytes, path: Path) -> str:
    """Decode a CSV: utf-8-sig, then utf-8, then gb18030 (GBK exports of Chinese Windows)."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(
        "the file is neither UTF-8 nor GBK/GB18030 text.",
        file=path,
        row=1,
        column="A",
        fix="save it from Excel as 'CSV UTF-8' (or as .xlsx).",
    )


def _read_csv(path: Path, data: bytes) -> list[_Sheet]:
    text = decode_csv_bytes(data, path)
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return [_Sheet(path, "", rows)]


def _read_excel(path: Path) -> list[_Sheet]:
    import pandas as pd

    try:
        frames = pd.read_excel(path, sheet_name=None, header=None, engine="calamine")
    except Exception as exc:  # calamine raises its own types for broken or encrypted files
        raise DataError(
            f"cannot read the workbook ({type(exc).__name__}: {exc}).",
            file=path,
            row=1,
            column="A",
            fix="open it in Excel and save it again as .xlsx.",
        ) from None
    sheets = []
    for name, frame in frames.items():
        rows = frame.to_numpy(dtype=object).tolist()  # NaN marks an empty cell
        sheets.append(_Sheet(path, str(name), rows))
    return sheets


def read_sheets(path: Path) -> tuple[list[_Sheet], str]:
    """The sheets of a CSV or Excel file as lists of rows, and the file's SHA-256."""
    data = path.read_bytes()  # read once: the checksum and the parse see the same bytes
    checksum = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path, data), checksum
    if suffix in (".xlsx", ".xls", ".xlsm"):
        return _read_excel(path), checksum
    raise DataError(
        f"unsupported file type {suffix!r}.",
        file=path,
        row=1,
        column="A",
        fix="give a .csv, .xlsx or .xls file.",
    )


def data_files(path: str | Path) -> list[Path]:
    """The data files a path names: the file itself, or the CSV/Excel files of a folder.

    In a folder, ``template.*``, hidden files and Excel's ``~$`` lock files are left out.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if _is_data_file(p))
        if not files:
            raise DataError(
                "no .csv, .xlsx or .xls files in this folder.", file=path, row=None, column=None,
                fix="give a file or a folder holding the year-to-date tables.",
            )  # fmt: skip
        return files
    if not path.exists():
        raise DataError("file not found.", file=path, fix="check the path.")
    return [path]


# Words that mark made-up figures in a store row's source or file name (the project's own test


def has_data_files(folder: str | Path) -> bool:
    """Whether ``folder`` holds year-to-date files to ingest (templates and lock files aside)."""
    folder = Path(folder)
    return folder.is_dir() and any(_is_data_file(p) for p in folder.iterdir())


def _is_data_file(path: Path) -> bool:
    return (
        path.is_file()
        and path.suffix.lower() in DATA_SUFFIXES
        and not path.name.startswith(("~$", "."))
        and not path.stem.lower().startswith("template")
    )
