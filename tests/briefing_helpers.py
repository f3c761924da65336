"""Reading a deck back for the briefing tests: slide titles, text, pictures and runs."""

from __future__ import annotations

from collections.abc import Iterator

from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn

PLACEHOLDER_PROMPTS = ("Click to", "单击此处", "点击此处", "Lorem")


def slide_title(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def shape_named(slide, name: str):
    found = [s for s in slide.shapes if s.name == name]
    assert len(found) == 1, f"expected one shape named {name!r}, found {len(found)}"
    return found[0]


def pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


def charts(slide) -> list:
    """The slide's native charts (graphic frames holding a chart)."""
    return [s for s in slide.shapes if getattr(s, "has_chart", False) and s.has_chart]


def chart_font_sizes(chart) -> list[float]:
    """Every font size (points) a chart's XML sets: its default, titles, ticks, labels."""
    sizes = [int(el.get("sz")) / 100 for el in chart._chartSpace.iter() if el.get("sz")]
    return sizes


def text_frames(slide) -> Iterator:
    for shape in slide.shapes:
        if shape.has_text_frame:
            yield shape.text_frame
        if shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    yield cell.text_frame


def runs(slide) -> Iterator:
    for frame in text_frames(slide):
        for paragraph in frame.paragraphs:
            yield from paragraph.runs


def all_text(slide) -> str:
    return "\n".join(frame.text for frame in text_frames(slide))


def typeface(run, tag: str) -> str | None:
    r_pr = run._r.find(qn("a:rPr"))
    if r_pr is None:
        return None
    element = r_pr.find(qn(tag))
    return None if element is None else element.get("typeface")


def table_rows(slide) -> list[tuple[str, ...]]:
    (shape,) = [s for s in slide.shapes if s.has_table]
    return [tuple(cell.text_frame.text for cell in row.cells) for row in shape.table.rows]


def _inches(value, default: float) -> float:
    return default if value is None else int(value) / 914400


def _frame_needs(frame, width_in: float) -> float:
    """Points the text of ``frame`` needs set in a column ``width_in`` wide (font metrics)."""
    from muye_analysis.briefing import fit
    from muye_analysis.briefing.deck import BOLD

    needed = 0.0
    for paragraph in frame.paragraphs:
        runs = [r for r in paragraph.runs if r.text]
        if not runs:
            continue
        size = max(r.font.size.pt for r in runs if r.font.size is not None)
        bold = sum(len(r.text) for r in runs if r.font.bold) / sum(len(r.text) for r in runs)
        p_pr = paragraph._p.find(qn("a:pPr"))
        indent = _inches(p_pr.get("marL") if p_pr is not None else None, 0.0) * 72
        after = paragraph.space_after.pt if paragraph.space_after is not None else 0.0
        before = paragraph.space_before.pt if paragraph.space_before is not None else 0.0
        column = width_in / (1 + (BOLD - 1) * bold)  # bold runs set wider
        needed += before + fit.height_pt([paragraph.text], column, size, space_after=after,
                                         indent_pt=indent)  # fmt: skip
    return needed


def text_overflows(prs) -> list[str]:
    """Every text box and table cell of ``prs`` whose text, measured with the bundled font's
    metrics (``briefing.fit``), needs more room than its box gives (insets off)."""
    problems = []
    for n, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip():
                body = shape.text_frame._txBody.find(qn("a:bodyPr"))
                left, right = _inches(body.get("lIns"), 0.1), _inches(body.get("rIns"), 0.1)
                top, bottom = _inches(body.get("tIns"), 0.05), _inches(body.get("bIns"), 0.05)
                width = shape.width / 914400 - left - right
                room = (shape.height / 914400 - top - bottom) * 72
                needed = _frame_needs(shape.text_frame, width)
                if needed > room + 1:
                    problems.append(f"slide {n} {shape.name}: {needed:.0f} pt in {room:.0f} pt "
                                    f"({shape.text_frame.text[:40]!r})")  # fmt: skip
            if shape.has_table:
                table = shape.table
                for i, row in enumerate(table.rows):
                    for j, cell in enumerate(row.cells):
                        width = table.columns[j].width - cell.margin_left - cell.margin_right
                        room = (row.height - cell.margin_top - cell.margin_bottom) / 914400 * 72
                        needed = _frame_needs(cell.text_frame, width / 914400)
                        if needed > room + 1:
                            what = cell.text_frame.text[:30]
                            problems.append(f"slide {n} cell {i},{j}: {needed:.0f} pt in "
                                            f"{room:.0f} pt ({what!r})")  # fmt: skip
    return problems
