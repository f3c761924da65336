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
