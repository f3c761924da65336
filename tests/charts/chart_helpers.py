"""Helpers for reading what a figure says (its texts) in tests."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.text import Text

from muye_analysis.charts.layout import NOTE_GID, SOURCE_GID, SUBTITLE_GID, TITLE_GID


def all_text(fig: Figure) -> list[str]:
    """Every non-empty text drawn in ``fig``: titles, ticks, annotations, legend, notes."""
    fig.draw_without_rendering()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def text_by_gid(fig: Figure, gid: str) -> list[str]:
    """Texts of the artists whose gid starts with ``gid`` (the layout's title, source …).

    Ordered by gid (notes are numbered muye-note-0, -1, … in reading order), then as drawn.
    """
    found = [t for t in fig.findobj(Text) if (t.get_gid() or "").startswith(gid)]
    return [t.get_text() for t in sorted(found, key=lambda t: t.get_gid())]


def texts_off_the_figure(fig: Figure) -> list[str]:
    """Texts that run past the figure's edge (more than a pixel)."""
    fig.draw_without_rendering()
    frame = fig.bbox
    off = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text():
            continue
        box = text.get_window_extent()
        if (box.x0 < frame.x0 - 1 or box.x1 > frame.x1 + 1
                or box.y0 < frame.y0 - 1 or box.y1 > frame.y1 + 1):  # fmt: skip
            off.append(text.get_text())
    return off


def plot_overlaps_header_or_footer(fig: Figure) -> list[str]:
    """Axes (with their tick labels) that reach into the title block or the notes/source."""
    fig.draw_without_rendering()
    header = [t for t in fig.texts if t.get_gid() in (TITLE_GID, SUBTITLE_GID)]
    footer = [t for t in fig.texts if (t.get_gid() or "").startswith((NOTE_GID, SOURCE_GID))]
    header_bottom = min([t.get_window_extent().y0 for t in header]
                        + [lg.get_window_extent().y0 for lg in fig.legends])  # fmt: skip
    footer_top = max(t.get_window_extent().y1 for t in footer)
    problems = []
    for ax in fig.axes:
        box = ax.get_tightbbox()
        if box.y1 > header_bottom + 1:
            problems.append(f"axes {ax.get_title()!r} overlaps the header")
        if box.y0 < footer_top - 1:
            problems.append(f"axes {ax.get_title()!r} overlaps the notes or source")
    return problems
