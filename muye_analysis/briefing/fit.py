"""Does the text fit its box? Measured with a real font's metrics, not guessed.

The deck's text is set in Microsoft YaHei (Chinese) and Arial (English). Neither ships with the
suite, so the measure is the bundled Noto Sans SC (``pylopdf-fonts-zh-cn``, the charts' fallback),
read with Pillow's FreeType binding: each run of text is as wide as its glyphs' advances, lines
break as slide software breaks them (:func:`muye_analysis.text.line_tokens`: between words,
between Chinese characters, never before closing punctuation), and a line is as tall as the
font's ascent plus descent (1.448 em for Noto Sans CJK: what LibreOffice gives a line with Chinese
in it; 1.15 em for a Latin-only line, Liberation Sans standing in for Arial). YaHei is a little
narrower and lower than Noto, so a box that fits here fits in PowerPoint and WPS too.

The deck chooses type sizes with these measures (:func:`largest_fitting`), and
``tests/test_briefing_fit.py`` measures every text box of the built decks with them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from muye_analysis.text import line_tokens
from muye_analysis.vocab import has_cjk

SCALE = 100  # the font is loaded at 100 units per point: widths to 1/100 pt
LATIN_LINE = 1.15  # em per line of Latin-only text (Arial / Liberation Sans)
WIDTH_SLACK = 1.03  # YaHei and Arial against Noto; kerning across runs; a little air
INSET_X, INSET_Y = 0.1, 0.05  # inches: a text box's default margins (python-pptx, PowerPoint)


@functools.cache
def _font():
    from PIL import ImageFont

    from muye_analysis.charts.fonts import bundled_font_path

    path = bundled_font_path()
    if path is None:  # pragma: no cover - a dependency of the package
        raise RuntimeError("the bundled Noto Sans SC (pylopdf-fonts-zh-cn) is not installed")
    return ImageFont.truetype(str(path), SCALE)


@functools.cache
def cjk_line() -> float:
    """Em per line of text with Chinese in it: the font's ascent plus descent."""
    ascent, descent = _font().getmetrics()
    return (ascent + descent) / SCALE


@functools.lru_cache(maxsize=8192)
def _width_em(text: str) -> float:
    return _font().getlength(text) / SCALE * WIDTH_SLACK


def width_pt(text: str, size: float) -> float:
    """Width of one line of ``text`` at ``size`` points, in points."""
    return _width_em(text) * size


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (paragraphs at newlines)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in line_tokens(paragraph):
            if line and width_pt((line + token).rstrip(), size) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        lines.append(line.rstrip())
    return lines


def line_height_pt(line: str, size: float) -> float:
    """Height of one line at ``size`` points: taller when it holds Chinese."""
    return size * (cjk_line() if has_cjk(line) else LATIN_LINE)


def height_pt(
    paragraphs: Sequence[str],
    width_in: float,
    size: float,
    *,
    space_after: float = 0.0,
    indent_pt: float = 0.0,
) -> float:
    """Height in points of ``paragraphs`` set at ``size`` in a column ``width_in`` inches wide
    (insets already taken off), each followed by ``space_after`` points; ``indent_pt`` is a
    hanging bullet's indent."""
    total = 0.0
    for paragraph in paragraphs:
        lines = wrap(paragraph, width_in * 72 - indent_pt, size)
        total += sum(line_height_pt(line or paragraph, size) for line in lines) + space_after
    return total


def fits(
    paragraphs: Sequence[str],
    box_width_in: float,
    box_height_in: float,
    size: float,
    *,
    space_after: float = 0.0,
    indent_pt: float = 0.0,
    inset_x: float = INSET_X,
    inset_y: float = INSET_Y,
) -> bool:
    """Whether ``paragraphs`` at ``size`` fit a box of that size (its default insets off)."""
    needed = height_pt(paragraphs, box_width_in - 2 * inset_x, size, space_after=space_after,
                       indent_pt=indent_pt)  # fmt: skip
    return needed <= (box_height_in - 2 * inset_y) * 72 + 0.5


def largest_fitting(
    paragraphs: Sequence[str],
    box_width_in: float,
    box_height_in: float,
    sizes: Sequence[float],
    **kwargs: float,
) -> float:
    """The largest of ``sizes`` at which ``paragraphs`` fit the box; the smallest if none does."""
    for size in sizes:
        if fits(paragraphs, box_width_in, box_height_in, size, **kwargs):
            return size
    return sizes[-1]
