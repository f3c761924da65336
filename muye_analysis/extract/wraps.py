"""Paragraphs of a text whose lines are wrapped at a fixed width (a PDF or a scan turned into
text): a line that fills the width and ends inside a sentence goes on in the next line.

A report copied from a PDF breaks every line at the page's width, inside sentences, words and
even numbers (全县生产总值34⏎0亿元，比2012年增长47.7%). Read line by line, a figure loses the
year its paragraph named a line earlier (2016年，…). Such a text is told by its many lines of one
width that end without a stop; a line break after one of them is no paragraph break.
"""

from __future__ import annotations

import re

# A line that ends a sentence (a stop, maybe followed by junk letters: 任务。vzT).
_ENDS_SENTENCE = re.compile(r"[。！？!?；;：:][A-Za-z]{0,4}[ \t\u3000]*$")
_MIN_WIDTH = 40  # narrower lines are titles, headings and list items, never wrapped prose
_SLACK = 8  # a wrapped line may fall short of the width by a character or two of each kind
_MIN_WRAPPED = 4  # lines of the one width it takes to call a text wrapped


def _width(line: str) -> int:
    """Display width: a Chinese character is two columns, an ASCII one one (by UTF-8 bytes)."""
    return (len(line.encode("utf-8")) + len(line)) // 2


def paragraph_starts(scan: str) -> list[int]:
    """Offsets where paragraphs start: 0 and after each line break, except after a line that
    fills a wrapped text's width and ends inside a sentence (a sentence broken over lines at
    由/从/的 is joined before, by ``normalise.strip_residue``)."""
    starts = [0]
    lines = scan.split("\n")
    widths = [_width(line.rstrip()) for line in lines]
    open_ended = [
        w for w, line in zip(widths, lines, strict=True)
        if w >= _MIN_WIDTH and not _ENDS_SENTENCE.search(line)
    ]  # fmt: skip
    width = sorted(open_ended)[len(open_ended) // 2] if open_ended else 0
    near = sum(1 for w in open_ended if abs(w - width) <= _SLACK)
    wrapped = near >= _MIN_WRAPPED and near * 2 > len([w for w in widths if w >= _MIN_WIDTH])
    pos = 0
    for line, w in zip(lines[:-1], widths[:-1], strict=True):
        pos += len(line) + 1
        if not (wrapped and w >= width - _SLACK and not _ENDS_SENTENCE.search(line)):
            starts.append(pos)
    return starts
