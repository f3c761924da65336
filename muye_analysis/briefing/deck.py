"""The briefing as a 16:9 PowerPoint deck (python-pptx), readable in PowerPoint and WPS.

Every run of text goes through :func:`style_run`, which sets the Latin typeface *and* the East
Asian one (``a:ea``): PowerPoint and WPS pick the font for Chinese characters from ``a:ea``, so a
run with only a Latin font shows Chinese in whatever fallback the machine has. The theme's
fonts are set the same way, so text a user adds later matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from muye_analysis.atomic import atomic_path
from muye_analysis.briefing.model import Briefing, ChartSlide, TableSlide, TextSlide, TitleBlock
from muye_analysis.charts.labels import has_cjk

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
PICTURE_TOP, PICTURE_BOTTOM = 1.86, 6.86
SOURCE_TOP = 6.92
TABLE_FONT = 14  # points


# -- text ------------------------------------------------------------------------------------


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


def write_lines(
    frame,
    lines: Sequence[str],
    lang: str,
    *,
    size: float,
    bold: bool = False,
    colour: str = INK,
    align=PP_ALIGN.LEFT,
    space_after: float = 0,
    bullet: str = "",
) -> None:
    """Replace the text of ``frame`` with ``lines``, one paragraph each, every run styled."""
    frame.clear()  # leaves one empty paragraph
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        if space_after:
            paragraph.space_after = Pt(space_after)
        run = paragraph.add_run()
        run.text = bullet + line
        style_run(run, lang, size=size, bold=bold, colour=colour)


def fit_size(text: str, width_in: float, sizes: Sequence[float]) -> float:
    """The largest of ``sizes`` (points) at which ``text`` fits on one line ``width_in`` wide;
    the smallest if none does (it then wraps)."""
    for size in sizes:
        if text_ems(text) * size <= width_in * 72 * 0.88:  # bold and YaHei run wide
            return size
    return sizes[-1]


def text_ems(text: str) -> float:
    """Rough width of ``text`` in ems, on the wide side: Chinese characters and full-width
    punctuation 1 em, other characters 0.6 em, plus the gap PowerPoint, WPS and LibreOffice
    put between Chinese and Latin text (autospace)."""
    ems, previous = 0.0, None
    for char in text:
        cjk = has_cjk(char)
        ems += 1.0 if cjk else 0.6
        if previous is not None and cjk != previous and not char.isspace():
            ems += 0.25
        previous = cjk
    return ems


# -- slides ----------------------------------------------------------------------------------


def build_deck(briefing: Briefing):
    """A python-pptx Presentation of ``briefing``: title, then one slide per content slide."""
    prs = Presentation()
    _widen(prs)
    _theme_fonts(prs, briefing.lang)
    prs.core_properties.title = briefing.title.title
    prs.core_properties.author = "muye-analysis"
    prs.core_properties.language = "zh-CN" if briefing.lang == "zh" else "en-US"
    _title_slide(prs, briefing.title, briefing.lang)
    for slide in briefing.slides:
        if isinstance(slide, ChartSlide):
            _chart_slide(prs, slide, briefing.lang)
        elif isinstance(slide, TableSlide):
            _table_slide(prs, slide, briefing.lang)
        elif isinstance(slide, TextSlide):
            _text_slide(prs, slide, briefing.lang)
        else:  # pragma: no cover - the model has three kinds
            raise TypeError(f"unknown slide {slide!r}")
    return prs


def write_deck(briefing: Briefing, path: str | Path) -> Path:
    """Write the deck to ``path`` atomically (a temporary file beside it, then a rename)."""
    path = Path(path)
    prs = build_deck(briefing)
    with atomic_path(path) as tmp:
        prs.save(tmp)
    return path


def _widen(prs) -> None:
    """16:9, with the template's master and layout placeholders stretched to match."""
    scale = SLIDE_WIDTH_IN / (prs.slide_width / 914400)
    prs.slide_width, prs.slide_height = Inches(SLIDE_WIDTH_IN), Inches(SLIDE_HEIGHT_IN)
    shapes = list(prs.slide_master.shapes)
    for layout in prs.slide_layouts:
        shapes += list(layout.placeholders)
    for shape in shapes:
        if shape.left is not None and shape.width is not None:
            shape.left, shape.width = Emu(int(shape.left * scale)), Emu(int(shape.width * scale))


def _theme_fonts(prs, lang: str) -> None:
    """The theme's major and minor fonts: Latin per language, East Asian Microsoft YaHei."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for kind in ("a:majorFont", "a:minorFont"):
        for font in root.iter(qn(kind)):
            font.find(qn("a:latin")).set("typeface", LATIN_FONT[lang])
            font.find(qn("a:ea")).set("typeface", EA_FONT)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _place(shape, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top = Inches(left), Inches(top)
    shape.width, shape.height = Inches(width), Inches(height)


def _textbox(slide, left: float, top: float, width: float, height: float, name: str):
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    return box, frame


def _set_title(slide, title: str, lang: str) -> None:
    shape = slide.shapes.title
    _place(shape, MARGIN, TITLE_TOP, CONTENT_WIDTH, TITLE_HEIGHT)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    size = fit_size(title, CONTENT_WIDTH, (28, 26, 24, 22, 20))
    write_lines(frame, [title], lang, size=size, bold=True)


def _source(slide, source: str, lang: str) -> None:
    _, frame = _textbox(slide, MARGIN, SOURCE_TOP, CONTENT_WIDTH, 0.45, "Source")
    frame.vertical_anchor = MSO_ANCHOR.TOP
    size = fit_size(source, CONTENT_WIDTH, (11, 10, 9))
    write_lines(frame, [source], lang, size=size, colour=GREY)


def _notes(slide, notes: Sequence[str], top: float, lang: str, *, size: float = 12) -> None:
    if not notes:
        return
    height = max(0.3, SOURCE_TOP - top - 0.05)
    _, frame = _textbox(slide, MARGIN, top, CONTENT_WIDTH, height, "Notes")
    write_lines(frame, notes, lang, size=size, colour=GREY, space_after=2)


def _title_slide(prs, block: TitleBlock, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    title = slide.shapes.title
    _place(title, 0.9, 1.7, 11.6, 1.2)
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    write_lines(title.text_frame, [block.title], lang, size=40, bold=True)
    subtitle = slide.placeholders[1]
    _place(subtitle, 0.9, 3.1, 11.6, 3.6)
    frame = subtitle.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    write_lines(frame, [block.place, block.period], lang, size=22, colour=BLUE, space_after=4)
    size = min(fit_size(line, 11.6, (14, 13, 12)) for line in block.vintage)
    for i, line in enumerate(block.vintage):
        paragraph = frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.space_before = Pt(18 if i == 0 else 2)
        run = paragraph.add_run()
        run.text = line
        style_run(run, lang, size=size, colour=GREY)
    bar = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Inches(0.6), Inches(1.85), Inches(0.1), Inches(2.6)
    )
    bar.name = "Accent"
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(BLUE)
    bar.line.fill.background()


def _chart_slide(prs, chart: ChartSlide, lang: str) -> None:
    from PIL import Image

    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, chart.title, lang)
    box, frame = _textbox(slide, MARGIN, TAKEAWAY_TOP, CONTENT_WIDTH, TAKEAWAY_HEIGHT, "Takeaway")
    box.fill.solid()
    box.fill.fore_color.rgb = RGBColor.from_string(TAKEAWAY_FILL)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    size = fit_size(chart.takeaway, CONTENT_WIDTH - 0.2, (18, 17, 16, 15, 14, 13))
    write_lines(frame, [chart.takeaway], lang, size=size, bold=True, colour=BLUE)
    with Image.open(chart.image) as image:
        aspect = image.width / image.height
    height = PICTURE_BOTTOM - PICTURE_TOP
    width = min(CONTENT_WIDTH, height * aspect)
    height = width / aspect
    left = (SLIDE_WIDTH_IN - width) / 2
    picture = slide.shapes.add_picture(str(chart.image), Inches(left), Inches(PICTURE_TOP),
                                       Inches(width), Inches(height))  # fmt: skip
    picture.name = f"Chart {chart.name}"
    picture._element.nvPicPr.cNvPr.set("descr", f"{chart.title}: {chart.takeaway}")  # alt text
    _source(slide, chart.source, lang)


def _table_slide(prs, table: TableSlide, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, table.title, lang)
    n_rows, n_cols = len(table.rows) + 1, len(table.columns)
    row_height = 0.52
    shape = slide.shapes.add_table(n_rows, n_cols, Inches(MARGIN), Inches(1.25),
                                   Inches(CONTENT_WIDTH), Inches(row_height * n_rows))  # fmt: skip
    shape.name = "Headline table"
    grid = shape.table
    widths = _column_widths(table, CONTENT_WIDTH)
    for j, width in enumerate(widths):
        grid.columns[j].width = Inches(width)
    for i in range(n_rows):
        grid.rows[i].height = Inches(row_height)
    for j, header in enumerate(table.columns):
        _cell(grid.cell(0, j), header, lang, bold=True, colour=WHITE, fill=BLUE, first=j == 0)
    for i, row in enumerate(table.rows, start=1):
        fill = ROW_FILL if i % 2 == 0 else WHITE
        for j, value in enumerate(row):
            _cell(grid.cell(i, j), value, lang, fill=fill, first=j == 0)
    _notes(slide, table.notes, 1.25 + row_height * n_rows + 0.2, lang)
    _source(slide, table.source, lang)


def _column_widths(table: TableSlide, total: float, size: float = TABLE_FONT) -> list[float]:
    """Each value column as wide as its longest text on one line; the first (names) column gets
    the rest and may wrap; spare width is shared out in proportion."""
    pad = 0.25  # cell margins and a little air, inches
    needed = [
        max(text_ems(text) for text in column) * size / 72 + pad
        for column in zip(table.columns, *table.rows, strict=True)
    ]
    values = sum(needed[1:])
    first = max(min(needed[0], total - values), 0.3 * total)
    widths = [first, *needed[1:]]
    return [w * total / sum(widths) for w in widths]


def _cell(cell, value: str, lang: str, *, bold=False, colour=INK, fill=WHITE, first=False) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string(fill)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Inches(0.08)
    frame = cell.text_frame
    frame.word_wrap = True
    align = PP_ALIGN.LEFT if first else PP_ALIGN.CENTER
    write_lines(frame, [value], lang, size=TABLE_FONT, bold=bold, colour=colour, align=align)


def _text_slide(prs, text_slide: TextSlide, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, text_slide.title, lang)
    n = max(1, len(text_slide.lines))
    height = min(0.75 * n, 4.2)
    _, frame = _textbox(slide, MARGIN, 1.3, CONTENT_WIDTH, height, "Sentences")
    size = min(fit_size(line, CONTENT_WIDTH - 0.4, (20, 18, 16)) for line in text_slide.lines)
    write_lines(frame, text_slide.lines, lang, size=size, space_after=10, bullet="• ")
    _notes(slide, text_slide.notes, 1.3 + height + 0.3, lang)
    _source(slide, text_slide.source, lang)
