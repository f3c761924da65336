"""The 经济运行分析 laid out as an office lays it out: GB/T 9704-2012 as district offices apply it.

* A4 (210 × 297 mm); margins top 37, bottom 35, left 28, right 26 mm: a 156 × 225 mm text
  block of 22 lines × 28 characters: a line grid (``w:docGrid`` type ``lines``, line pitch 579
  twips = 28.95 pt, 225 mm ÷ 22) and 3号 text set 0.25 pt tight (``w:spacing`` −5 twips:
  16 pt glyphs at a 15.75 pt pitch, 28 to the 156 mm line). Word's own character grid
  (``linesAndChars`` with ``w:charSpace`` −848, a 15.79 pt pitch) gives the same 28 in Word and
  WPS, but LibreOffice puts every glyph wider than the pitch in two grid cells (14–16
  characters a line), so the character count comes from the spacing, which all three honour;
* title 方正小标宋简体 2号 (22 pt), centred; 一、 headings 黑体 3号 (16 pt); （一） headings
  楷体_GB2312 3号; body and 1． items 仿宋_GB2312 3号, first line indented two characters,
  fixed line spacing 28.95 pt (one grid line); Arabic numerals and Latin letters in Times New
  Roman (the ``w:ascii`` / ``w:hAnsi`` slots), Chinese in the ``w:eastAsia`` slot, which Word
  and WPS read for CJK text;
* page numbers 4号 (14 pt) 宋体 "— N —", odd pages right and even pages left, one character
  in from the edge of the text block (different odd and even footers, ``w:evenAndOddHeaders``);
* tables in 仿宋 五号 (10.5 pt) with 黑体 headers, widths that add up to the text width, the
  header row repeated on every page, off the grid (their own line spacing);
* charts as PNG pictures the width of the text block, caption (图N) and source under them.

Fonts the machine lacks are replaced by the reader (Word, WPS, LibreOffice): docs/document.md
(the 经济运行分析 in Word) names the usual fallbacks (方正小标宋简体 → 华文中宋 / 宋体,
仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体). English documents use Times New Roman and Arial at
the same sizes, with a line grid only.

python-docx writes the document; its lxml elements take what it has no API for (East Asian
font slots, the document grid, the PAGE field, character-unit indents).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis.document.parts import AnalysisDocument, Heading, Paragraph, Picture, Table

if TYPE_CHECKING:
    from docx.document import Document

# The page (GB/T 9704-2012 7.1 and 5.2.1), in millimetres.
PAGE_MM = (210.0, 297.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156
TEXT_HEIGHT_MM = PAGE_MM[1] - MARGINS_MM["top"] - MARGINS_MM["bottom"]  # 225
LINES, CHARS = 22, 28
MM_PER_PT = 25.4 / 72
LINE_PITCH_TWIPS = int(TEXT_HEIGHT_MM / MM_PER_PT / LINES * 20)  # 579: 28.95 pt
BODY_PT = 16.0  # 3号
# 3号 text a quarter point tight: 28 characters of 16 pt at a 15.75 pt pitch fill 441 pt of the
# 442.2 pt line (twips; a character grid would say -848/4096 pt, see the module docstring).
TRACKING_TWIPS = -5
FOOTER_MM = 24.0  # page number 7 mm below the text block (GB/T 9704 7.5)


@dataclass(frozen=True)
class Face:
    """A style's fonts (the Latin slots and the East Asian slot), size, weight and tracking
    (character spacing, twips)."""

    latin: str
    east_asian: str
    size: float
    bold: bool = False
    tracking: int = 0


# 号 sizes: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt.
FACES = {
    "zh": {
        "title": Face("Times New Roman", "方正小标宋简体", 22.0),
        "heading1": Face("Times New Roman", "黑体", BODY_PT, tracking=TRACKING_TWIPS),
        "heading2": Face("Times New Roman", "楷体_GB2312", BODY_PT, tracking=TRACKING_TWIPS),
        "body": Face("Times New Roman", "仿宋_GB2312", BODY_PT, tracking=TRACKING_TWIPS),
        "front": Face("Times New Roman", "楷体_GB2312", BODY_PT, tracking=TRACKING_TWIPS),
        "stamp": Face("Times New Roman", "黑体", 14.0, bold=True),
        "caption": Face("Times New Roman", "黑体", 12.0),
        "table": Face("Times New Roman", "仿宋_GB2312", 10.5),
        "table_head": Face("Times New Roman", "黑体", 10.5),
        "small": Face("Times New Roman", "仿宋_GB2312", 10.5),
        "notes": Face("Times New Roman", "仿宋_GB2312", 12.0),
        "page": Face("宋体", "宋体", 14.0),
    },
    "en": {
        "title": Face("Times New Roman", "Times New Roman", 20.0, bold=True),
        "heading1": Face("Arial", "Arial", 14.0, bold=True),
        "heading2": Face("Arial", "Arial", 12.0, bold=True),
        "body": Face("Times New Roman", "Times New Roman", 12.0),
        "front": Face("Times New Roman", "Times New Roman", 12.0),
        "stamp": Face("Arial", "Arial", 12.0, bold=True),
        "caption": Face("Arial", "Arial", 10.5, bold=True),
        "table": Face("Times New Roman", "Times New Roman", 9.0),
        "table_head": Face("Arial", "Arial", 9.0, bold=True),
        "small": Face("Times New Roman", "Times New Roman", 9.0),
        "notes": Face("Times New Roman", "Times New Roman", 10.0),
        "page": Face("Times New Roman", "Times New Roman", 12.0),
    },
}
STAMP_RGB = "C00000"  # the synthetic-data stamp: dark red
TABLE_LINE_PT = 14.0  # table text line spacing (off the grid)
NOTES_LINE_PT = 20.0


def write_docx(doc: AnalysisDocument, path: str | Path) -> Path:
    """Lay out ``doc`` and save it to ``path`` (through the output gate, atomically)."""
    from muye_analysis.atomic import atomic_path

    word = layout(doc)
    path = Path(path)
    with atomic_path(path) as tmp:
        word.save(str(tmp))
    return path


def layout(doc: AnalysisDocument) -> Document:
    """The python-docx Document of ``doc`` (pictures drawn into a temporary folder)."""
    import docx

    word = docx.Document()
    faces = FACES[doc.lang]
    _page(word, doc.lang)
    _styles(word, faces, doc.lang)
    _footers(word, faces["page"])
    _properties(word, doc)
    _front(word, doc)
    with tempfile.TemporaryDirectory(prefix="muye-docx-") as folder:
        for section in doc.sections:
            _heading(word, section.heading)
            for block in section.blocks:
                if isinstance(block, Heading):
                    _heading(word, block)
                elif isinstance(block, Paragraph):
                    _paragraph(word, block, doc.lang)
                elif isinstance(block, Table):
                    _table(word, block, doc.lang)
                elif isinstance(block, Picture):
                    _picture(word, block, Path(folder))
        _appendix(word, doc)
    return word


# -- page, styles, footers, properties --------------------------------------------------------


def _page(word: Document, lang: str) -> None:
    from docx.shared import Mm

    section = word.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(FOOTER_MM)
    grid = _child(section._sectPr, "w:docGrid")
    if lang == "zh":
        grid.set(_qn("w:type"), "lines")
        grid.set(_qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    else:  # English text keeps its own 20 pt lines: no grid
        grid.set(_qn("w:type"), "default")


def _styles(word: Document, faces: dict[str, Face], lang: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    _defaults(word, faces["body"], lang)
    styles = word.styles
    spacing = _pt(LINE_PITCH_TWIPS / 20) if lang == "zh" else _pt(20.0)
    normal = styles["Normal"]
    _face(normal, faces["body"])
    _format(normal, line=spacing, justify=True)
    for name, face, level in (("Heading 1", faces["heading1"], 0),
                              ("Heading 2", faces["heading2"], 1)):  # fmt: skip
        style = styles[name]
        _face(style, face)
        _format(style, line=spacing, indent_chars=2 if lang == "zh" else 0)
        style.paragraph_format.keep_with_next = True
        _outline(style, level)
    custom = {
        "MuyeBody": (
            faces["body"],
            {"line": spacing, "indent_chars": 2 if lang == "zh" else 0, "justify": True},
        ),
        "MuyeItem": (
            faces["body"],
            {"line": spacing, "indent_chars": 2 if lang == "zh" else 0, "justify": True},
        ),
        "MuyeTitle": (faces["title"], {"line": 35.0, "grid": False, "centre": True}),
        "MuyeFront": (faces["front"], {"line": spacing, "centre": True}),
        "MuyeStamp": (faces["stamp"], {"line": 22.0, "grid": False, "centre": True}),
        "MuyeDraft": (faces["small"], {"line": 16.0, "grid": False, "centre": True}),
        "MuyeCaption": (faces["caption"], {"line": 18.0, "grid": False, "centre": True}),
        "MuyeTable": (faces["table"], {"line": TABLE_LINE_PT, "grid": False}),
        "MuyeTableHead": (
            faces["table_head"],
            {"line": TABLE_LINE_PT, "grid": False, "centre": True},
        ),
        "MuyeSmall": (faces["small"], {"line": TABLE_LINE_PT, "grid": False}),
        "MuyePicture": (faces["small"], {"line": None, "grid": False, "centre": True}),
        "MuyeNotes": (faces["notes"], {"line": NOTES_LINE_PT, "grid": False}),
        "MuyeNotesHead": (faces["heading1"], {"line": spacing}),
    }
    for name, (face, fmt) in custom.items():
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _face(style, face)
        _format(style, **fmt)
    styles["MuyeStamp"].font.color.rgb = _rgb(STAMP_RGB)
    styles["MuyeTitle"].paragraph_format.space_after = _pt(0)
    styles["MuyeCaption"].paragraph_format.space_before = _pt(3)
    styles["MuyeTableHead"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _defaults(word: Document, face: Face, lang: str) -> None:
    """docDefaults: the body face (the grid's character pitch is relative to its size) and the
    East Asian language, so Word and WPS treat the text as Chinese."""
    styles = word.styles.element
    defaults = _child(styles, "w:docDefaults")
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    _fonts(rpr, face)
    size = _child(rpr, "w:sz")
    size.set(_qn("w:val"), str(int(face.size * 2)))
    _child(rpr, "w:szCs").set(_qn("w:val"), str(int(face.size * 2)))
    language = _child(rpr, "w:lang")
    language.set(_qn("w:val"), "en-US")
    language.set(_qn("w:eastAsia"), "zh-CN")


def _face(style, face: Face) -> None:
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = face.latin
    font.size = Pt(face.size)
    font.bold = face.bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    colour = style.element.get_or_add_rPr().find(_qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        colour.attrib.pop(_qn(attr), None)
    _fonts(style.element.get_or_add_rPr(), face)
    size_cs = _child(style.element.get_or_add_rPr(), "w:szCs")
    size_cs.set(_qn("w:val"), str(int(face.size * 2)))
    _child(style.element.get_or_add_rPr(), "w:spacing").set(_qn("w:val"), str(face.tracking))


def _fonts(rpr, face: Face) -> None:
    """Every font slot: ascii and hAnsi (Latin), eastAsia (CJK), cs; theme fonts removed, as
    they would override the names."""
    fonts = _child(rpr, "w:rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(_qn(attr), None)
    for attr, name in (("w:ascii", face.latin), ("w:hAnsi", face.latin),
                       ("w:eastAsia", face.east_asian), ("w:cs", face.latin)):  # fmt: skip
        fonts.set(_qn(attr), name)


def _format(
    style,
    *,
    line=None,
    indent_chars: int = 0,
    justify: bool = False,
    centre: bool = False,
    grid: bool = True,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING

    fmt = style.paragraph_format
    fmt.space_before = _pt(0)
    fmt.space_after = _pt(0)
    if line is None:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = line if not isinstance(line, float) else _pt(line)
    if centre:
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif justify:
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    else:  # notes and sources hold long file names: justified, their lines would stretch
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    ppr = style.element.get_or_add_pPr()
    if indent_chars:
        face_pt = style.font.size.pt if style.font.size is not None else BODY_PT
        ind = _child(ppr, "w:ind")
        ind.set(_qn("w:firstLineChars"), str(indent_chars * 100))
        ind.set(_qn("w:firstLine"), str(int(indent_chars * face_pt * 20)))
    if not grid:
        _child(ppr, "w:snapToGrid").set(_qn("w:val"), "0")


def _outline(style, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    _child(ppr, "w:outlineLvl").set(_qn("w:val"), str(level))


def _footers(word: Document, face: Face) -> None:
    """Page numbers "— N —" in 4号 宋体: odd pages right, even pages left, one character in
    from the text block's edge (GB/T 9704 7.5)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    word.settings.odd_and_even_pages_header_footer = True
    section = word.sections[0]
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):  # fmt: skip
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = Pt(face.size)
        else:
            fmt.left_indent = Pt(face.size)
        _child(paragraph._p.get_or_add_pPr(), "w:snapToGrid").set(_qn("w:val"), "0")
        _run(paragraph, "— ", face)
        _page_field(paragraph, face)
        _run(paragraph, " —", face)


def _page_field(paragraph, face: Face) -> None:
    """A PAGE field (begin, instruction, separate, a placeholder 1, end)."""
    from docx.oxml import OxmlElement

    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"),
                       ("end", None)):  # fmt: skip
        run = _run(paragraph, "" if kind != "text" else text, face)
        if kind in ("begin", "separate", "end"):
            char = OxmlElement("w:fldChar")
            char.set(_qn("w:fldCharType"), kind)
            run._r.append(char)
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            run._r.append(instr)


def _run(paragraph, text: str, face: Face, *, superscript: bool = False):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(face.size)
    run.font.name = face.latin
    _fonts(run._r.get_or_add_rPr(), face)
    if superscript:
        run.font.superscript = True
    return run


def _properties(word: Document, doc: AnalysisDocument) -> None:
    """Title, subject (the period), category (经济运行分析), status (初稿), author (编制单位)."""
    props = word.core_properties
    info = doc.properties
    props.title = info["title"]
    props.subject = info["keywords"]
    props.category = info["category"]
    props.keywords = info["keywords"]
    props.author = info["author"]
    props.last_modified_by = info["author"]
    props.comments = info["comments"]
    props.content_status = info["status"]
    props.language = info["language"]
    made = datetime(doc.made_on.year, doc.made_on.month, doc.made_on.day)
    props.created = made
    props.modified = made
    props.revision = 1


# -- blocks -----------------------------------------------------------------------------------


def _front(word: Document, doc: AnalysisDocument) -> None:
    """The first page's head: title, 数据截至, 编制单位 and date, the draft line, and the
    synthetic-data stamp when the figures are made up."""
    word.add_paragraph(doc.title, style="MuyeTitle")
    word.add_paragraph(doc.as_of_line, style="MuyeFront")
    word.add_paragraph(doc.issuer_line, style="MuyeFront")
    word.add_paragraph(doc.date_line, style="MuyeFront")
    word.add_paragraph(doc.draft_line, style="MuyeDraft")
    if doc.synthetic_line:
        word.add_paragraph(doc.synthetic_line, style="MuyeStamp")
    word.add_paragraph("", style="MuyeBody")


def _heading(word: Document, heading: Heading) -> None:
    word.add_paragraph(heading.text, style="Heading 1" if heading.level == 1 else "Heading 2")


def _paragraph(word: Document, block: Paragraph, lang: str) -> None:
    from docx.shared import Pt

    style = "MuyeItem" if block.kind == "item" else "MuyeBody"
    paragraph = word.add_paragraph(style=style)
    face = FACES[lang]["body"]
    for i, sentence in enumerate(block.sentences):
        paragraph.add_run(sentence if i == 0 or lang == "zh" else " " + sentence)
        notes = block.notes[i] if i < len(block.notes) else ()
        if notes:
            run = paragraph.add_run("".join(f"[{n}]" for n in notes))
            run.font.superscript = True
            run.font.size = Pt(face.size * 0.75)


def _table(word: Document, block: Table, lang: str) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    word.add_paragraph(block.caption, style="MuyeCaption").paragraph_format.keep_with_next = True
    frame = block.frame
    columns = list(frame.columns)
    table = word.add_table(rows=len(frame) + 1, cols=len(columns))
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    total = sum(block.widths)
    widths = [Mm(TEXT_WIDTH_MM * w / total) for w in block.widths]
    _fixed_layout(table, widths)
    for i, name in enumerate(columns):
        _cell(table.cell(0, i), str(name), "MuyeTableHead", widths[i])
    header = table.rows[0]._tr.get_or_add_trPr()
    _child(header, "w:tblHeader").set(_qn("w:val"), "1")
    for r, values in enumerate(frame.itertuples(index=False), start=1):
        if (r - 1) in block.group_rows:
            merged = table.cell(r, 0).merge(table.cell(r, len(columns) - 1))
            _cell(merged, str(values[0]), "MuyeTableHead", Mm(TEXT_WIDTH_MM))
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
            merged.paragraphs[0].paragraph_format.keep_with_next = True  # never alone at a foot
            continue
        for c, value in enumerate(values):
            cell = _cell(table.cell(r, c), "" if value is None else str(value), "MuyeTable",
                         widths[c])  # fmt: skip
            cell.paragraphs[0].alignment = (WD_ALIGN_PARAGRAPH.LEFT if c == 0
                                            else WD_ALIGN_PARAGRAPH.CENTER)  # fmt: skip
    for row in table.rows:
        _child(row._tr.get_or_add_trPr(), "w:cantSplit").set(_qn("w:val"), "1")
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if block.note:
        word.add_paragraph(block.note, style="MuyeSmall")
    word.add_paragraph("", style="MuyeSmall")


def _fixed_layout(table, widths) -> None:
    """Fixed column widths adding up to the text width (Word and WPS honour tblLayout fixed and
    the grid; LibreOffice reads the grid)."""
    tbl = table._tbl
    tblpr = tbl.tblPr
    _child(tblpr, "w:tblLayout").set(_qn("w:type"), "fixed")
    width = _child(tblpr, "w:tblW")
    width.set(_qn("w:type"), "dxa")
    width.set(_qn("w:w"), str(sum(int(w.twips) for w in widths)))
    for col, w in zip(tbl.tblGrid.findall(_qn("w:gridCol")), widths, strict=True):
        col.set(_qn("w:w"), str(int(w.twips)))
    for column, w in zip(table.columns, widths, strict=True):
        column.width = w


def _cell(cell, text: str, style: str, width):
    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    paragraph.text = text
    return cell


def _picture(word: Document, block: Picture, folder: Path) -> None:
    import matplotlib.pyplot as plt
    from docx.shared import Mm

    from muye_analysis.charts import save_figure

    fig = block.draw()
    try:
        (image,) = save_figure(fig, f"doc_{block.name}", ("png",), directory=folder)
    finally:
        plt.close(fig)
    paragraph = word.add_paragraph(style="MuyePicture")
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run().add_picture(str(image), width=Mm(TEXT_WIDTH_MM))
    word.add_paragraph(block.caption, style="MuyeCaption")
    if block.source:
        word.add_paragraph(block.source, style="MuyeSmall")
    word.add_paragraph("", style="MuyeSmall")


def _appendix(word: Document, doc: AnalysisDocument) -> None:
    """附注 (fixed: 可比价 and 现价, 序时进度, the 左右 convention, the status rules) and the
    numbered notes (注释) with every figure's source."""
    word.add_paragraph(doc.appendix_head, style="MuyeNotesHead")
    for item in doc.appendix:
        word.add_paragraph(item, style="MuyeNotes")
    word.add_paragraph(doc.notes_head, style="MuyeNotesHead")
    for i, note in enumerate(doc.notes, start=1):
        word.add_paragraph(f"[{i}] {note}", style="MuyeNotes")


# -- XML helpers ------------------------------------------------------------------------------


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


# The schema's order of children (ECMA-376 Part 1, 17.3-17.6): Word refuses a file whose
# elements are out of order, so a missing child is inserted before its first successor.
_ORDER = {
    "w:pPr": ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
              "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
              "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"),
    "w:rPr": ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps",
              "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss",
              "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color",
              "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight",
              "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
              "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore",
               "w:wAfter", "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing",
               "w:jc", "w:hidden"),
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
                "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
                "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                "w:tblCellMar", "w:tblLook"),
    "w:sectPr": ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr",
                 "w:type", "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType",
                 "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                 "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
                 "w:sectPrChange"),
    "w:styles": ("w:docDefaults", "w:latentStyles", "w:style"),
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
}  # fmt: skip


def _child(parent, tag: str):
    """``parent``'s child ``tag``, created when missing and put where the schema orders it."""
    from docx.oxml import OxmlElement

    found = parent.find(_qn(tag))
    if found is not None:
        return found
    found = OxmlElement(tag)
    order = next((seq for name, seq in _ORDER.items() if parent.tag == _qn(name)), None)
    if order is not None and tag in order:
        later = {_qn(t) for t in order[order.index(tag) + 1 :]}
        for i, sibling in enumerate(parent):
            if sibling.tag in later:
                parent.insert(i, found)
                return found
    parent.append(found)
    return found


def _pt(value: float):
    from docx.shared import Pt

    return Pt(value)


def _rgb(hex_colour: str):
    from docx.shared import RGBColor

    return RGBColor.from_string(hex_colour)
