"""The briefing as a 16:9 PowerPoint deck (python-pptx), readable and editable in PowerPoint
and WPS.

* Charts are native PowerPoint charts with their data embedded (bars, clustered bars, dots as
  XY scatter, lines), so a user can 编辑数据; a picture is used only where no native form fits
  (forecast fans), drawn at the size it is placed.
* One title and one source line per slide; fixed type sizes (:data:`SIZES`), none under 10 pt;
  page numbers; speaker notes carry each chart's assumptions.
* Every run of text goes through :func:`style_run`, which sets the Latin typeface *and* the East
  Asian one (``a:ea``): PowerPoint and WPS pick the font for Chinese characters from ``a:ea``.
  The theme's fonts are set the same way, so text a user adds later matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from muye_analysis.atomic import atomic_path
from muye_analysis.briefing import fit
from muye_analysis.briefing.deck_charts import add_native_chart
from muye_analysis.briefing.deck_style import (
    BLUE,
    CONTENT_WIDTH,
    EA_FONT,
    GREY,
    INK,
    LATIN_FONT,
    LAYOUT_TITLE,
    LAYOUT_TITLE_ONLY,
    MARGIN,
    MIN_SIZE,
    PAGE_WIDTH,
    PICTURE_BOTTOM,
    PICTURE_TOP,
    ROW_FILL,
    SIZES,
    SLIDE_HEIGHT_IN,
    SLIDE_WIDTH_IN,
    SOURCE_TOP,
    TABLE_FONT,
    TAKEAWAY_FILL,
    TAKEAWAY_HEIGHT,
    TAKEAWAY_TOP,
    TITLE_HEIGHT,
    TITLE_TOP,
    WHITE,
    style_run,
)
from muye_analysis.briefing.model import (
    Briefing,
    ChartSlide,
    TableSlide,
    TextSlide,
    TitleBlock,
)
from muye_analysis.vocab import text

# -- text ------------------------------------------------------------------------------------


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
    lead: bool = False,
) -> None:
    """Replace the text of ``frame`` with ``lines``, one paragraph each, every run styled.

    ``bullet`` makes each line a hanging-indent bullet (a real paragraph bullet, so the text
    wraps under the text, not under the bullet); ``lead`` sets a line's lead-in ('投资：',
    'Revenue: ') in bold.
    """
    frame.clear()  # leaves one empty paragraph
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        if space_after:
            paragraph.space_after = Pt(space_after)
        if bullet:
            _bullet(paragraph, bullet, size)
        head, rest = split_lead(line) if lead else ("", line)
        for part, strong in ((head, True), (rest, bold)):
            if part:
                run = paragraph.add_run()
                run.text = part
                style_run(run, lang, size=size, bold=strong, colour=colour)


def split_lead(line: str) -> tuple[str, str]:
    """('投资：', the rest) when the line opens with a short lead-in and a colon;
    else ('', line)."""
    for mark in ("：", ": "):
        at = line.find(mark)
        if 0 < at <= 14:
            return line[: at + len(mark)], line[at + len(mark) :]
    return "", line


def _bullet(paragraph, char: str, size: float) -> None:
    """A hanging bullet: the character at the margin, wrapped lines aligned with the text."""
    p_pr = paragraph._p.get_or_add_pPr()
    indent = int(Pt(size * 1.1))
    p_pr.set("marL", str(indent))
    p_pr.set("indent", str(-indent))
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum"):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    bu = etree.SubElement(p_pr, qn("a:buChar"))
    bu.set("char", char.strip() or "•")


BOLD = 1.06  # bold runs are about this much wider than regular ones


def fit_size(text: str, width_in: float, sizes: Sequence[float], *, bold: bool = False) -> float:
    """The largest of ``sizes`` (points) at which ``text`` fits on one line ``width_in`` wide
    (measured with the font, :mod:`muye_analysis.briefing.fit`); the smallest if none does."""
    usable = (width_in - 2 * fit.INSET_X) * 72 / (BOLD if bold else 1.0)
    for size in sizes:
        if fit.width_pt(text, size) <= usable:
            return size
    return sizes[-1]


def text_ems(text: str) -> float:
    """Width of ``text`` in ems (measured with the font)."""
    return fit.width_pt(text, 1.0)


# -- slides ----------------------------------------------------------------------------------


def build_deck(briefing: Briefing):
    """A python-pptx Presentation of ``briefing``: cover, then one slide per content slide,
    each numbered."""
    prs = Presentation()
    _widen(prs)
    _theme_fonts(prs, briefing.lang)
    prs.core_properties.title = briefing.title.title
    prs.core_properties.author = "muye-analysis"
    prs.core_properties.language = "zh-CN" if briefing.lang == "zh" else "en-US"
    lang = briefing.lang
    _title_slide(prs, briefing.title, lang)
    for slide in briefing.slides:
        if isinstance(slide, ChartSlide):
            _chart_slide(prs, slide, lang)
        elif isinstance(slide, TableSlide):
            _table_slide(prs, slide, lang)
        elif isinstance(slide, TextSlide):
            _text_slide(prs, slide, lang)
        else:  # pragma: no cover - the model has three kinds
            raise TypeError(f"unknown slide {slide!r}")
    total = len(prs.slides)
    for n, slide in enumerate(prs.slides, start=1):
        if n > 1:  # the cover carries no number
            _page_number(slide, n, total, lang)
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
    size = fit_size(title, CONTENT_WIDTH, (SIZES["title"], 24, 22, 20), bold=True)  # one line
    if fit.width_pt(title, size) * BOLD > (CONTENT_WIDTH - 2 * fit.INSET_X) * 72:
        # two lines, at the largest size at which they fit the title's box
        size = fit.largest_fitting([title], CONTENT_WIDTH / BOLD, TITLE_HEIGHT, (22, 20, 18, 16))
    write_lines(frame, [title], lang, size=size, bold=True)


SOURCE_BOTTOM = SLIDE_HEIGHT_IN - 0.06  # the source line's box ends here


def source_top(source: str) -> float:
    """Where the source line's box starts: SOURCE_TOP, or higher when the line wraps more than
    that room holds (the slide's content ends above it)."""
    needed = fit.height_pt([source], CONTENT_WIDTH - PAGE_WIDTH - 2 * fit.INSET_X,
                           SIZES["source"]) / 72 + 2 * fit.INSET_Y  # fmt: skip
    return min(SOURCE_TOP, SOURCE_BOTTOM - needed)


def _source(slide, source: str, lang: str) -> None:
    width = CONTENT_WIDTH - PAGE_WIDTH
    top = source_top(source)
    _, frame = _textbox(slide, MARGIN, top, width, SOURCE_BOTTOM - top, "Source")
    frame.vertical_anchor = MSO_ANCHOR.TOP
    write_lines(frame, [source], lang, size=SIZES["source"], colour=GREY)


def _page_number(slide, n: int, total: int, lang: str) -> None:
    left = SLIDE_WIDTH_IN - MARGIN - PAGE_WIDTH
    _, frame = _textbox(slide, left, SOURCE_TOP, PAGE_WIDTH, 0.35, "Page number")
    write_lines(frame, [text("page_number", lang, n=n, total=total)], lang, size=SIZES["page"],
                colour=GREY, align=PP_ALIGN.RIGHT)  # fmt: skip


def notes_height(notes: Sequence[str], size: float = SIZES["note"]) -> float:
    """Inches a notes box needs at ``size`` (insets included)."""
    return fit.height_pt(notes, CONTENT_WIDTH - 2 * fit.INSET_X, size,
                         space_after=2) / 72 + 2 * fit.INSET_Y  # fmt: skip


def _notes(slide, notes: Sequence[str], top: float, lang: str, bottom: float = SOURCE_TOP) -> None:
    if not notes:
        return
    height = max(0.3, bottom - top - 0.03)
    _, frame = _textbox(slide, MARGIN, top, CONTENT_WIDTH, height, "Notes")
    size = fit.largest_fitting(notes, CONTENT_WIDTH, height, (SIZES["note"], 11, MIN_SIZE),
                               space_after=2)  # fmt: skip
    write_lines(frame, notes, lang, size=size, colour=GREY, space_after=2)


def _speaker_notes(slide, lines: Sequence[str]) -> None:
    """Speaker notes (the notes page): assumptions and how the numbers were made."""
    if lines:  # each line once (a takeaway that is the chart's topic is not said twice)
        slide.notes_slide.notes_text_frame.text = "\n".join(dict.fromkeys(lines))


def _title_slide(prs, block: TitleBlock, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    title = slide.shapes.title
    _place(title, 0.9, 1.5, 11.6, 1.2)
    title.text_frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    write_lines(title.text_frame, [block.title], lang, size=SIZES["cover_title"], bold=True)
    subtitle = slide.placeholders[1]
    _place(subtitle, 0.9, 2.9, 11.6, 4.0)
    frame = subtitle.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    write_lines(frame, [block.place, block.period], lang, size=SIZES["cover_sub"], colour=BLUE,
                space_after=4)  # fmt: skip
    meta = [line for line in (block.as_of, *block.vintage, block.made) if line]
    for i, line in enumerate(meta):
        paragraph = frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        paragraph.space_before = Pt(18 if i == 0 else 4)
        run = paragraph.add_run()
        run.text = line
        style_run(run, lang, size=SIZES["cover_meta"], colour=INK if i == 0 else GREY,
                  bold=i == 0)  # fmt: skip
    bar = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Inches(0.6), Inches(1.65), Inches(0.1), Inches(2.6)
    )
    bar.name = "Accent"
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(BLUE)
    bar.line.fill.background()


def _takeaway(slide, takeaway: str, lang: str) -> None:
    box, frame = _textbox(slide, MARGIN, TAKEAWAY_TOP, CONTENT_WIDTH, TAKEAWAY_HEIGHT, "Takeaway")
    box.fill.solid()
    box.fill.fore_color.rgb = RGBColor.from_string(TAKEAWAY_FILL)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.auto_size = MSO_AUTO_SIZE.NONE
    size = fit.largest_fitting([takeaway], CONTENT_WIDTH / BOLD, TAKEAWAY_HEIGHT,
                               (SIZES["takeaway"], 15, 14, 13, 12))  # fmt: skip
    write_lines(frame, [takeaway], lang, size=size, bold=True, colour=BLUE)


def _chart_slide(prs, chart: ChartSlide, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, chart.title, lang)
    _takeaway(slide, chart.takeaway, lang)
    bottom = min(PICTURE_BOTTOM, source_top(chart.source) - 0.05)
    top, height = PICTURE_TOP, bottom - PICTURE_TOP
    if chart.charts:
        gap = 0.3
        n = len(chart.charts)
        width = (CONTENT_WIDTH - gap * (n - 1)) / n
        caption = chart_caption(chart)
        subtitle = ""
        if n == 1:  # the chart's own title carries the caption as a second line
            subtitle = caption
        elif caption:  # a line (or two) over the panels, in the chart's words
            size = fit_size(caption, CONTENT_WIDTH, (SIZES["chart"] + 1, SIZES["chart"]))
            tall = max(CAPTION_HEIGHT, fit.height_pt([caption], CONTENT_WIDTH - 2 * fit.INSET_X,
                                                     size) / 72 + 2 * fit.INSET_Y)  # fmt: skip
            _, frame = _textbox(slide, MARGIN, top, CONTENT_WIDTH, tall, "Chart caption")
            frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            write_lines(frame, [caption], lang, size=size, colour=GREY)
            top, height = top + tall, height - tall
        for i, spec in enumerate(chart.charts):
            left = MARGIN + i * (width + gap)
            frame = add_native_chart(slide, spec, lang, left, top, width, height,
                                     subtitle=subtitle)  # fmt: skip
            frame.name = f"Chart {chart.name}" + (f" {i + 1}" if n > 1 else "")
    else:
        _picture(slide, chart, top, height)
    _source(slide, chart.source, lang)
    _speaker_notes(slide, [chart.takeaway, *chart.notes])


CAPTION_HEIGHT = 0.4  # the line over a chart of several panels


def chart_caption(chart: ChartSlide) -> str:
    """The chart's subtitle (what its marks mean; how many targets await data) and its
    synthetic stamp, drawn on the slide with the chart."""
    if chart.spec is None:
        return ""
    parts = [p for p in (chart.spec.subtitle, chart.spec.stamp) if p]
    return ("；" if chart.spec.lang == "zh" else "; ").join(parts)


def _picture(slide, chart: ChartSlide, top: float, height: float) -> None:
    """The chart's PNG, placed at its own size when it fits (it is drawn for the box), else
    scaled to the box."""
    from PIL import Image

    with Image.open(chart.image) as image:
        dpi = image.info.get("dpi", (200, 200))[0] or 200
        natural_w, natural_h = image.width / dpi, image.height / dpi
    scale = min(1.0, CONTENT_WIDTH / natural_w, height / natural_h)
    width, height = natural_w * scale, natural_h * scale
    left = (SLIDE_WIDTH_IN - width) / 2
    picture = slide.shapes.add_picture(str(chart.image), Inches(left), Inches(top),
                                       Inches(width), Inches(height))  # fmt: skip
    picture.name = f"Chart {chart.name}"
    picture._element.nvPicPr.cNvPr.set("descr", f"{chart.title}: {chart.takeaway}")  # alt text


# -- tables and text --------------------------------------------------------------------------


TABLE_TOP = 1.25
CELL_MARGIN_X, CELL_MARGIN_Y = 0.08, 0.05  # inches
ROW_MIN = 0.52  # a row's height when its text is one line


def _table_slide(prs, table: TableSlide, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, table.title, lang)
    n_rows, n_cols = len(table.rows) + 1, len(table.columns)
    bottom = source_top(table.source)
    for size in (TABLE_FONT, 13, 12, 11, MIN_SIZE):  # the largest size at which all fits
        widths = _column_widths(table, CONTENT_WIDTH, size)
        heights = [_row_height(row, widths, bold=i == 0, size=size)
                   for i, row in enumerate((table.columns, *table.rows))]  # fmt: skip
        room = bottom - (notes_height(table.notes) if table.notes else 0) - 0.15
        if TABLE_TOP + sum(heights) <= room:
            break
    shape = slide.shapes.add_table(n_rows, n_cols, Inches(MARGIN), Inches(TABLE_TOP),
                                   Inches(CONTENT_WIDTH), Inches(sum(heights)))  # fmt: skip
    shape.name = "Headline table"
    grid = shape.table
    for j, width in enumerate(widths):
        grid.columns[j].width = Inches(width)
    for i, height in enumerate(heights):
        grid.rows[i].height = Inches(height)
    for j, header in enumerate(table.columns):
        _cell(grid.cell(0, j), header, lang, bold=True, colour=WHITE, fill=BLUE, first=j == 0,
              size=size)  # fmt: skip
    for i, row in enumerate(table.rows, start=1):
        fill = ROW_FILL if i % 2 == 0 else WHITE
        for j, value in enumerate(row):
            _cell(grid.cell(i, j), value, lang, fill=fill, first=j == 0, size=size)
    table_end = TABLE_TOP + sum(heights) + 0.15
    notes_top = max(table_end, bottom - notes_height(table.notes) - 0.05)
    _notes(slide, table.notes, notes_top, lang, bottom)  # low on the slide, below the table
    _source(slide, table.source, lang)
    _speaker_notes(slide, table.notes)


def _row_height(
    cells: Sequence[str], widths: Sequence[float], *, bold: bool, size: float = TABLE_FONT
) -> float:
    """A table row's height: its tallest cell wrapped in its column, at least a line and air."""
    tallest = max(
        fit.height_pt([text], width / (BOLD if bold else 1.0) - 2 * CELL_MARGIN_X, size)
        for text, width in zip(cells, widths, strict=True)
    )  # fmt: skip
    return max(ROW_MIN * size / TABLE_FONT, tallest / 72 + 2 * CELL_MARGIN_Y + 0.04)


def _column_widths(table: TableSlide, total: float, size: float = TABLE_FONT) -> list[float]:
    """Each value column as wide as its longest text on one line; the first (names) column gets
    the rest and may wrap; spare width is shared out in proportion."""
    pad = 2 * CELL_MARGIN_X + 0.12  # cell margins and a little air, inches
    needed = [
        max(text_ems(text) * BOLD for text in column) * size / 72 + pad
        for column in zip(table.columns, *table.rows, strict=True)
    ]
    values = sum(needed[1:])
    first = max(min(needed[0], total - values), 0.3 * total)
    widths = [first, *needed[1:]]
    return [w * total / sum(widths) for w in widths]


def _cell(
    cell,
    value: str,
    lang: str,
    *,
    bold=False,
    colour=INK,
    fill=WHITE,
    first=False,
    size: float = TABLE_FONT,
) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor.from_string(fill)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Inches(CELL_MARGIN_X)
    cell.margin_top = cell.margin_bottom = Inches(CELL_MARGIN_Y)
    frame = cell.text_frame
    frame.word_wrap = True
    align = PP_ALIGN.LEFT if first else PP_ALIGN.CENTER
    write_lines(frame, [value], lang, size=size, bold=bold, colour=colour, align=align)


def text_height(lines: Sequence[str], width_in: float, size: float, space_after: float) -> float:
    """Height (inches) of bulleted ``lines`` set at ``size`` in a box ``width_in`` wide, measured
    with the font (:mod:`muye_analysis.briefing.fit`), insets included."""
    indent = size * 1.1  # the hanging bullet's indent
    return (fit.height_pt(lines, width_in - 2 * fit.INSET_X, size, space_after=space_after,
                          indent_pt=indent) / 72 + 2 * fit.INSET_Y)  # fmt: skip


def _text_slide(prs, text_slide: TextSlide, lang: str) -> None:
    """Sentences as bullets at one size; notes (caveats) below them; speaker notes."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, text_slide.title, lang)
    top = 1.3
    bottom = source_top(text_slide.source)
    reserved = notes_height(text_slide.notes) + 0.1 if text_slide.notes else 0.0
    room = bottom - top - reserved - 0.1
    filled = text_slide.kind in ("summary", "closing")
    width = CONTENT_WIDTH - (0.5 if filled else 0.0)  # a filled box has wider margins
    first = SIZES["body"] if text_slide.kind != "judgement" else SIZES["takeaway"]
    # the largest size (then the widest spacing) at which every line fits, 12 pt at the least
    # with full spacing, down to MIN_SIZE with tight spacing on a crowded slide
    choices = [(s, 14) for s in (first, 16, 15, 14, 13, 12) if s <= first]
    choices += [(12, 8), (12, 4), (11, 4), (MIN_SIZE, 4)]
    size, spacing = next(((s, a) for s, a in choices
                          if text_height(text_slide.lines, width, s, a) + 0.2 <= room),
                         choices[-1])  # fmt: skip
    height = min(room, text_height(text_slide.lines, width, size, spacing) + 0.2)
    box, frame = _textbox(slide, MARGIN, top, CONTENT_WIDTH, height, "Sentences")
    frame.auto_size = MSO_AUTO_SIZE.NONE
    write_lines(frame, text_slide.lines, lang, size=size, space_after=spacing, bullet="•",
                lead=text_slide.kind in ("judgement", "closing"))  # fmt: skip
    if text_slide.kind in ("summary", "closing"):
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string(TAKEAWAY_FILL)
        frame.margin_left = frame.margin_right = Inches(0.25)
        frame.margin_top = Inches(0.2)
    _notes(slide, text_slide.notes, bottom - reserved, lang, bottom)
    _source(slide, text_slide.source, lang)
    _speaker_notes(slide, [*text_slide.lines, *text_slide.speaker])
