"""The deck's look, shared by its slides (:mod:`muye_analysis.briefing.deck`) and its native
charts (:mod:`muye_analysis.briefing.deck_charts`): sizes, colours, fonts, and the one function
that styles a run of text (Latin and East Asian typefaces)."""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Pt

from muye_analysis.vocab import has_cjk

SLIDE_WIDTH_IN, SLIDE_HEIGHT_IN = 13.333, 7.5  # 16:9, PowerPoint's and WPS's default widescreen
EA_FONT = "Microsoft YaHei"  # 微软雅黑: on every Windows machine; WPS maps it on Linux
LATIN_FONT = {"zh": "Microsoft YaHei", "en": "Arial"}
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5  # layouts of python-pptx's default template

INK, GREY, BLUE, WHITE = "222222", "6E6E6E", "0072B2", "FFFFFF"
TAKEAWAY_FILL, ROW_FILL = "EAF2F8", "F5F7FA"
MARGIN = 0.5  # inches, left and right
CONTENT_WIDTH = SLIDE_WIDTH_IN - 2 * MARGIN
TITLE_TOP, TITLE_HEIGHT = 0.3, 0.75
TAKEAWAY_TOP, TAKEAWAY_HEIGHT = 1.12, 0.62
PICTURE_TOP, PICTURE_BOTTOM = 1.86, 6.78
SOURCE_TOP = 6.86
PAGE_WIDTH = 0.9  # the page number, bottom right
# Type sizes (points), the same on every slide; nothing is smaller than MIN_SIZE.
SIZES = {
    "cover_title": 40, "cover_sub": 22, "cover_meta": 14,
    "title": 26, "takeaway": 16, "body": 18, "chart": 12, "chart_title": 14,
    "table": 14, "note": 12, "source": 10, "page": 10,
}  # fmt: skip
MIN_SIZE = 10
TABLE_FONT = SIZES["table"]


def style_run(
    run, lang: str, *, size: float, bold: bool = False, colour: str = INK, italic: bool = False
) -> None:
    """Size, weight and colour of ``run``, its Latin font, and ``a:ea`` for Chinese glyphs."""
    font = run.font
    font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    font.color.rgb = RGBColor.from_string(colour)
    font.name = LATIN_FONT[lang]  # writes <a:latin typeface=…>
    r_pr = run._r.get_or_add_rPr()
    _set_typeface(r_pr, "a:ea", EA_FONT, after="a:latin")
    r_pr.set("lang", "zh-CN" if has_cjk(run.text) else "en-US")


def _set_typeface(parent, tag: str, typeface: str, *, after: str) -> None:
    """Set (or add, right after ``after``, as the schema orders them) ``<tag typeface=…>``."""
    element = parent.find(qn(tag))
    if element is None:
        element = etree.SubElement(parent, qn(tag))
        anchor = parent.find(qn(after))
        if anchor is not None:
            anchor.addnext(element)
    element.set("typeface", typeface)
