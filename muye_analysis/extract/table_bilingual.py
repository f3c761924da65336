"""Bilingual yearbook tables: a Chinese label, its English label, then the row's numbers, apart
by spaces, as a statistical yearbook's page prints once copied to text::

    项    目   Item   2020 2021
    货运量        (万吨)   Freight Traffic           (10000 tons)   92458 98175
    # 铁 路              Railways                                  1793 2292
    客运量总计 (万人)   Total Passenger Traffic     3612 4920 5310
     (10 000 persons)

The numbers are the last words of the line (so a number inside the English unit, (10000 tons),
is none of them); the Chinese words before the English ones are the row's label, with its unit
in brackets; a line of English alone (a unit or a title in English) sits between rows; a header
row names the columns by their years (2020 2021, its label cell 项目 / Item). ``tables.py`` reads
the rows as any table given a row per line.
"""

from __future__ import annotations

import re

from muye_analysis.extract.table_columns import NUMBER, YEAR_CELL, Cell

_WORD = re.compile(r"\S+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
_ASCII = re.compile(r"[\x21-\x7e]+")
MIN_ROWS = 2
MAX_HEAD_WORDS = 6


def bilingual_rows(scan: str, lines, i: int):
    """(rows, end line) of a bilingual table starting at line ``i`` (its header row of years or
    its first row), or None."""
    first = _row(scan, *lines[i])
    if first is None:
        return None
    rows, j, last = [first], i + 1, i
    while j < len(lines):
        a, b = lines[j]
        row = _row(scan, a, b)
        if row is not None and not _is_header(row):
            rows.append(row)
            last = j
        elif row is not None or not _aside(scan[a:b]):
            break
        j += 1
    data = [r for r in rows if not _is_header(r)]
    if len(data) < MIN_ROWS or len({len(r) for r in data}) > 2:
        return None
    return rows, last + 1


def _aside(line: str) -> bool:
    """A blank line or one of English alone ((10 000 persons)): it sits between rows."""
    return not _CJK.search(line) and not re.search(r"\d\s*$", line)


def _row(scan: str, a: int, b: int) -> list[Cell] | None:
    """A bilingual row (the Chinese label cell, then the number cells) or a header row of years
    (its label cell, then the year cells); else None."""
    words = [Cell(a + m.start(), a + m.end(), m.group()) for m in _WORD.finditer(scan[a:b])]
    k = len(words)
    while k and NUMBER.fullmatch(words[k - 1].text):
        k -= 1
    head, numbers = words[:k], words[k:]
    if not head or not numbers:
        return None
    english = [w for w in head if not _CJK.search(w.text)]
    if all(YEAR_CELL.fullmatch(n.text) for n in numbers) and len(numbers) >= 2:
        return _header_row(scan, head, english, numbers)
    if len(english) == len(head) or not any(_ENGLISH.search(w.text) for w in english):
        return None
    english_at = next(k for k, w in enumerate(head) if _ENGLISH.search(w.text) and w in english)
    cjk = [w for w in head[:english_at] if _CJK.search(w.text)]
    if not cjk or any(_CJK.search(w.text) for w in head[english_at:]):
        return None  # the Chinese label comes first, the English one after it
    start, end = cjk[0].start, cjk[-1].end
    return [Cell(start, end, scan[start:end]), *numbers]


def _header_row(scan: str, head: list[Cell], english: list[Cell], years: list[Cell]):
    """A header row of years: its label cell (项    目   Item, or tem), then the years."""
    if len(head) > MAX_HEAD_WORDS or not all(_ASCII.fullmatch(w.text) for w in english):
        return None
    return [Cell(head[0].start, head[-1].end, scan[head[0].start : head[-1].end]), *years]


def _is_header(row: list[Cell]) -> bool:
    return len(row) > 2 and all(YEAR_CELL.fullmatch(c.text) for c in row[1:])
