"""Tables run into a line of text: rows labelled by their month, each followed by its numbers
(2016年6月 50.0 52.5 50.5 2016年7月 49.9 52.1 50.4 …), as a table prints once a page is copied
into one line (a CSV record of a bulletin). The words before the first row are its title and
header (表1 中国制造业PMI及构成指数 单位:% PMI 生产 新订单); the header names the columns when
its words are as many as the numbers of a row.
"""

from __future__ import annotations

import re

from muye_analysis.extract.table_columns import Cell, Column, Table, table_unit

_ROW = re.compile(
    r"(?P<label>(?:19|20)\d\d年\d{1,2}月)"
    r"(?P<values>(?:[ \u3000]+[-−]?\d+(?:\.\d+)?(?![\d.年月%]))+)"
)
_UNIT_WORD = re.compile(r"单位[:：]\S*")
_VALUE = re.compile(r"[-−]?\d+(?:\.\d+)?")
_HEAD_START = re.compile(r"[。；;]|表\s?\d")
MIN_ROWS = 3
HEAD_CHARS = 80


def inline_tables(scan: str, tables: list[Table]) -> list[Table]:
    """Tables of month rows run into a line, outside ``tables`` (found line by line)."""
    out: list[Table] = []
    run: list[re.Match] = []
    for m in _ROW.finditer(scan):
        if any(t.start <= m.start() < t.end for t in tables):
            continue
        if run and not _follows(scan, run[-1], m):
            out += _table(scan, run)
            run = []
        run.append(m)
    return out + _table(scan, run)


def _follows(scan: str, before: re.Match, m: re.Match) -> bool:
    """The next row: right after the one before, with as many numbers."""
    return not scan[before.end() : m.start()].strip() and _count(before) == _count(m)


def _count(m: re.Match) -> int:
    return len(_VALUE.findall(m["values"]))


def _table(scan: str, run: list[re.Match]) -> list[Table]:
    if len(run) < MIN_ROWS or _count(run[0]) < 2:
        return []
    first = run[0].start()
    lo = max(0, first - HEAD_CHARS)
    starts = [h.start() for h in _HEAD_START.finditer(scan, lo, first)]
    head_start = starts[-1] + (1 if scan[starts[-1]] in "。；;" else 0) if starts else lo
    head = Cell(head_start, first, scan[head_start:first].strip())
    unit = table_unit([head])
    words = _UNIT_WORD.split(head.text)[-1].split()  # the header words after 单位:%
    width = _count(run[0])
    names = words if len(words) == width else [""] * width
    table = Table(first, run[-1].end(), head.text, head_start, [head], unit=unit)
    table.columns = [Column(measure="level", unit=unit, words=w) for w in names]
    for m in run:
        row = [Cell(m.start("label"), m.end("label"), m["label"])]
        base = m.start("values")
        row += [
            Cell(base + v.start(), base + v.end(), v.group()) for v in _VALUE.finditer(m["values"])
        ]
        table.rows.append(row)
    return [table]
