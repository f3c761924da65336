"""Tables of targets against results printed one cell per line, their cells words with figures
(a plan report's 主要目标完成情况 copied from a page):

    指标名称 ⏎ 属性 ⏎ 全年目标 ⏎ 全年完成 ⏎ 全市生产总值 ⏎ 预期性 ⏎ 增长5%左右 ⏎ 增长5%

Such cells are no numbers for ``tables`` (增长5%左右 says its measure in words), so the reader reads
each cell as a sentence; this module says, for each value cell, the row's label (the cell's
subject) and the kind its column gives (全年目标: a target, 全年完成: an actual).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from muye_analysis.extract.clause import join_evidence
from muye_analysis.extract.table_columns import LABEL_HEAD
from muye_analysis.extract.table_rows import column_kind

_TARGET_HEAD = re.compile(r"目标|计划")
_RESULT_HEAD = re.compile(r"完成|实际|执行")
_HEAD_CELL = re.compile(r"[^\d，,。；;:：]{1,12}")
# A label: words, no sentence punctuation; a value: a short cell with a figure (or a dash).
_LABEL_CELL = re.compile(r"[^。；;，,:：]{2,40}")
_VALUE_CELL = re.compile(r"[^。；;，,]{0,16}\d[^。；;，,]{0,16}|[-—–/]+")
_DIGIT = re.compile(r"\d")
MIN_ROWS = 2


@dataclass(frozen=True)
class GoalCell:
    """A value cell of a target-against-result table: its span, its row's label and the kind
    its column gives."""

    start: int
    end: int
    label: str
    label_start: int
    kind: str
    column: str


def goal_cells(scan: str) -> list[GoalCell]:
    """The value cells of every target-against-result table printed one cell per line."""
    cells = _cells(scan)
    found: list[GoalCell] = []
    i = 0
    while i < len(cells):
        width = _header_width(cells, i)
        if not width:
            i += 1
            continue
        rows, j = _rows(cells, i + width, width)
        if len(rows) >= MIN_ROWS:
            found += _value_cells(cells[i : i + width], rows)
            i = j
        else:
            i += 1
    return found


def _cells(scan: str) -> list[tuple[int, int, str]]:
    """The non-blank lines of ``scan`` as (start, end, stripped text)."""
    out, pos = [], 0
    for line in scan.split("\n"):
        text = line.strip()
        if text:
            start = pos + len(line) - len(line.lstrip())
            out.append((start, start + len(text), text))
        pos += len(line) + 1
    return out


def _header_width(cells: list, i: int) -> int:
    """The number of header cells starting at ``i`` (a label head, then words naming a target
    column and a result column), or 0 when no such header starts there."""
    if not LABEL_HEAD.match(cells[i][2]) or len(cells[i][2]) > 6:
        return 0
    k = i + 1
    while k < len(cells) and k - i < 6 and _HEAD_CELL.fullmatch(cells[k][2]):
        if _RESULT_HEAD.search(cells[k][2]) and not _TARGET_HEAD.search(cells[k][2]):
            words = " ".join(c[2] for c in cells[i + 1 : k])
            return k - i + 1 if _TARGET_HEAD.search(words) else 0
        k += 1
    return 0


def _rows(cells: list, i: int, width: int) -> tuple[list, int]:
    """Rows of ``width`` cells from ``i``: a label then cells whose last two carry figures."""
    rows = []
    while i + width <= len(cells):
        row = cells[i : i + width]
        label_ok = _LABEL_CELL.fullmatch(row[0][2]) and not _DIGIT.search(row[0][2][-1])
        values_ok = all(_VALUE_CELL.fullmatch(c[2]) for c in row[-2:])
        if not (label_ok and values_ok):
            break
        rows.append(row)
        i += width
    return rows, i


def _value_cells(header: list, rows: list) -> list[GoalCell]:
    """Each row's cells under the target and result columns, with the row's label."""
    out = []
    for row in rows:
        for head, cell in zip(header[1:], row[1:], strict=True):
            kind = column_kind(head[2], "")
            if kind:
                out.append(GoalCell(cell[0], cell[1], row[0][2], row[0][0], kind, head[2]))
    return out


def in_goal_column(row: dict, goal: GoalCell) -> None:
    """A figure read in a goal cell takes the kind its column gives (全年目标: a target)."""
    if row["kind"] != goal.kind:
        row["kind"] = goal.kind
        row["evidence"] = join_evidence(
            row["evidence"], f"{goal.kind}: column of a goal table: {goal.column}"
        )
