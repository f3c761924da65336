"""The API a table layout is written against: a sheet, a cell's place in it, what the sheet
says once, and what reading it gives.

A layout is a plugin (``Layout``): it says whether it ``recognises`` a ``Sheet`` (the grid of
cells ``files.read_sheets`` returns) and ``read``\\s it, under a ``Context``, into
``SheetRows``: the store rows (``records.make_record``), what was not read, and the rows the
registry does not know. ``parse.LAYOUTS`` lists the layouts in the order they are tried: the
city's table of every county-level unit (``city_table``), the tidy layout of one row per
indicator and period (``tidy``), and the bureau table of indicators down the side (``bureau``).

Every refusal names its ``Cell`` — file, sheet, row (as the spreadsheet numbers it) and column
(its header text, or its letter) — through ``Cell.fail``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from muye_analysis.errors import DataError
from muye_analysis.periods import FoundSpan
from muye_analysis.quarterly.files import Sheet
from muye_analysis.quarterly.registry import RegistryIndex

__all__ = ["Cell", "Context", "Layout", "Sheet", "SheetRows", "clip"]


@dataclass(frozen=True)
class Cell:
    """Where a value sits: the file, the sheet ("" for CSV), the row as a spreadsheet shows it
    (first row = 1) and the column (its header text, or a letter when it has none)."""

    path: Path
    sheet: str
    row: int
    column: str

    def fail(self, problem: str, fix: str) -> DataError:
        """The error naming this cell, the problem and how to fix it."""
        prefix = f"sheet {clip(self.sheet)!r}: " if self.sheet else ""
        return DataError(
            prefix + _clip_quoted(problem), file=self.path, row=self.row,
            column=clip(self.column), fix=fix,
        )  # fmt: skip


# A cell of 70,000 characters quoted in full would flood the terminal: quotes are shortened.
_LONG_QUOTE = re.compile(r"'[^']{120,}'")


def clip(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters (with …) for a message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clip_quoted(problem: str) -> str:
    if len(problem) <= 200:
        return problem
    return _LONG_QUOTE.sub(lambda m: m.group(0)[:100] + "…'", problem)


@dataclass
class Context:
    """What a sheet says once for all its cells: the caller's year and the registry, and what
    the title rows above the table give (``spans.read_title``)."""

    sheet: Sheet
    checksum: str
    registry: RegistryIndex
    year: int | None  # the caller's year= default
    title_year: int | None = None
    title_period: FoundSpan | None = None  # the span the title names (year may be None)
    title_context: str | None = None  # 累计 / 当季 / 当月, when the title says which
    title_period_text: str = ""  # the title text that names the period
    table_unit: str | None = None
    title: str = ""
    source: str = ""  # the title as a source line: without its 单位 statement (a unit, no source)


@dataclass
class SheetRows:
    """What a layout read from a sheet: the store rows, what it did not read (with why), the
    values of rows the registry does not know, and the header row (0-based) under which a
    table with no data rows is refused (None: the layout refuses an empty table itself)."""

    records: list[dict[str, Any]]
    skipped: list[str] = field(default_factory=list)
    unregistered: list[dict[str, Any]] = field(default_factory=list)
    header_row: int | None = None


class Layout(Protocol):
    """A table layout: whether it recognises a sheet, and the sheet's rows when it does."""

    name: str

    def recognises(self, sheet: Sheet) -> bool:
        """Whether the sheet is a table of this layout (checked in ``parse.LAYOUTS`` order)."""
        ...

    def read(self, ctx: Context) -> SheetRows:
        """The sheet's rows; a cell that cannot be read raises ``Cell.fail``'s DataError."""
        ...
