"""Errors that tell a user which file, row and column are wrong and how to fix them."""

from __future__ import annotations

from pathlib import Path


class DataError(ValueError):
    """A problem with an input file, located as precisely as the file allows.

    ``row`` is the line number a spreadsheet or text editor shows (header = line 1), so a user can
    jump straight to it. The message always ends with what to do about it.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = Path(file) if file is not None else None
        self.row = row
        self.column = column
        self.fix = fix
        super().__init__(self._message())

    def _message(self) -> str:
        where = []
        if self.file is not None:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        text = ", ".join(where)
        text = f"{text}: {self.problem}" if text else self.problem
        if self.fix:
            text += f" How to fix: {self.fix}"
        return text


class MissingYear(ValueError):
    """Data needed for a year are not there (e.g. the city's figures for the report's base year).

    The message names the year and what is missing; callers that can go on without the table
    (the briefing, ``muye charts``) say so instead of drawing an empty chart.
    """
