"""Tables run into a line of text: rows labelled by their month, each followed by its numbers
(2016年6月 50.0 52.5 50.5 2016年7月 49.9 52.1 50.4 …), as a table prints once a page is copied
into one line (a CSV record of a bulletin). The words before the first row are its title and
header (表1 中国制造业PMI及构成指数 单位:% PMI 生产 新订单); the header names the columns when
its words are as many as the numbers of a row.
"""

from __future__ import annotations

import re

from muye_analysis.extract.table_columns import (
    Cell,
    Column,
    Table,
    header_column,
    printed_decimals,
    table_unit,
)

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


# --- rows whose cells are glued: 1仁怀市1564.4912 under 排行各区2021年GDP(亿元)增速(%) ---------

_BRACKET_UNIT = re.compile(r"[(（][^()（）\d]{1,6}[)）]")
_ORDER_WORDS = re.compile(r"^(?:排行|排名|排序|名次|位次|序号)")
_LABEL_WORDS = re.compile(
    r"^(?:排行|排名|排序|名次|位次|序号)?(?:各区县?|各县(?:市区)?|各地|地区|区县|县区|城市|地市|年份|年度"
    r"|指标|项目)?"
)
_GLUED_ROW = re.compile(
    r"(?P<rank>\d{1,3})?(?P<label>(?:19|20)\d\d年|[^\d\s|.]{2,12})(?P<tail>[-−]?\d[\d.−-]*)"
)
_GLUED_NUMBER = re.compile(r"[-−]?(?:0|[1-9]\d*)(?:\.\d{1,3})?")
MAX_DECIMALS = 3
MAX_RATE = 100.0


def glued_tables(scan: str, tables: list[Table]) -> list[Table]:
    """Tables whose rows lost the spaces between cells (1仁怀市1564.4912 = rank 1, 仁怀市,
    1564.49, 12), read only under a header naming each value column by its bracketed unit
    (排行各区2021年GDP(亿元)增速(%)) and only where one count of decimals for the first column
    cuts every row (1564.49|12, 481.84|12.3: two decimals), or the text prints a row's
    numbers apart (4169.9 and 10.3 in the prose cut 4169.910.3 as 4169.9|10.3)."""
    out: list[Table] = []
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", scan)]
    for i, (a, _) in enumerate(lines):
        if any(t.start <= a < t.end for t in tables):
            continue
        table = _glued_table(scan, lines, i)
        if table is not None:
            out.append(table)
    return out


def _glued_header(text: str) -> list[str] | None:
    """The value columns' words of a header line, one per bracketed unit; None if it is none."""
    cuts = [m.end() for m in _BRACKET_UNIT.finditer(text)]
    if len(cuts) < 2 or cuts[-1] != len(text.rstrip()) or re.search(r"[。，,；;|]", text):
        return None
    words = [text[x:y] for x, y in zip([0, *cuts], cuts, strict=False)]
    words[0] = words[0][_LABEL_WORDS.match(words[0]).end() :]
    return words if all(re.search(r"\D", _BRACKET_UNIT.sub("", w)) for w in words) else None


def _glued_table(scan: str, lines, i: int) -> Table | None:
    a, b = lines[i]
    words = _glued_header(scan[a:b].strip())
    if words is None:
        return None
    ranked = bool(_ORDER_WORDS.match(scan[a:b].strip()))
    rows = []
    for la, lb in lines[i + 1 :]:
        m = _GLUED_ROW.fullmatch(scan[la:lb].rstrip())
        if m is None or bool(m["rank"]) != ranked:
            break
        rows.append((la, m))
    columns = [header_column([Cell(0, len(w), w)]) for w in words]
    cuts = _cuts(scan, rows, columns, lines[i][0])
    if len(rows) < MIN_ROWS or cuts is None:
        return None
    table = Table(a, rows[-1][0] + rows[-1][1].end(), scan[a:b].strip(), a, [Cell(a, b, scan[a:b])])
    table.columns = columns
    for (la, m), cut in zip(rows, cuts, strict=True):
        base = la + m.start("tail")
        row = [Cell(la + m.start("label"), la + m.end("label"), m["label"])]
        pos = base
        for piece in cut:
            row.append(Cell(pos, pos + len(piece), piece))
            pos += len(piece)
        table.rows.append(row)
    return table


def _cuts(scan: str, rows, columns: list[Column], header_start: int) -> list[list[str]] | None:
    """Each row's tail cut into one number per column: where the text outside the table prints
    a cut's numbers, that cut; else the one count of decimals of the first column that cuts
    every other row; None when no single count does."""
    outside = set(_GLUED_NUMBER.findall(scan[:header_start]))
    options = [_splits(m["tail"], columns) for _, m in rows]
    printed = [_printed(opts, outside) for opts in options]
    fitting = [
        d
        for d in range(MAX_DECIMALS + 1)
        if all(p or _one(o, d) for p, o in zip(printed, options, strict=True))
    ]
    if len(fitting) != 1:
        return None
    return [
        p or next(c for c in o if printed_decimals(c[0]) == fitting[0])
        for p, o in zip(printed, options, strict=True)
    ]


def _printed(options: list[list[str]], outside: set[str]) -> list[str] | None:
    """The one cut of several whose numbers all stand in the text outside the table."""
    found = [c for c in options if all(p in outside for p in c)]
    return found[0] if len(options) > 1 and len(found) == 1 else None


def _one(options: list[list[str]], decimals: int) -> bool:
    """Exactly one cut whose first number has ``decimals`` decimals."""
    return sum(1 for c in options if printed_decimals(c[0]) == decimals) == 1


def _fits(piece: str, column: Column) -> bool:
    """A number, and under 100 in a column of rates (%)."""
    if not _GLUED_NUMBER.fullmatch(piece):
        return False
    return column.unit != "%" or abs(float(piece.replace("−", "-"))) < MAX_RATE


def _splits(tail: str, columns: list[Column]) -> list[list[str]]:
    """Every way to cut ``tail`` into one number per column."""
    if len(columns) == 1:
        return [[tail]] if _fits(tail, columns[0]) else []
    return [
        [tail[:k], *rest]
        for k in range(1, len(tail))
        if tail[k] != "." and _fits(tail[:k], columns[0])
        for rest in _splits(tail[k:], columns[1:])
    ]
