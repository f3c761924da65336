"""Helpers for reading what a figure says (its texts) in tests."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.text import Text


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
