"""What a briefing says, independent of its format: the deck and the HTML report render the same
:class:`Briefing`, so they cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class TitleBlock:
    """The title slide: who (district), what period, and which data (vintage)."""

    title: str
    place: str
    period: str
    vintage: tuple[str, ...]


@dataclass(frozen=True)
class ChartSlide:
    """One chart: its title, a one-line takeaway computed from the data, the PNG, the source."""

    name: str
    title: str
    takeaway: str
    image: Path
    source: str


@dataclass(frozen=True)
class TableSlide:
    """A table of strings (already formatted for ``lang``), with notes and a source line."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class TextSlide:
    """Sentences (one per line) with notes and a source line."""

    name: str
    title: str
    lines: tuple[str, ...]
    notes: tuple[str, ...]
    source: str


Slide = ChartSlide | TableSlide | TextSlide


@dataclass(frozen=True)
class Briefing:
    """Everything a deck or a report shows, in order, in one language.

    ``notes`` are remarks about how the briefing was built (e.g. synthetic rows ignored); they
    are printed by ``muye brief`` and shown at the end of the HTML report, not on a slide.
    """

    lang: str
    title: TitleBlock
    slides: tuple[Slide, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def charts(self) -> tuple[ChartSlide, ...]:
        """The chart slides, in order."""
        return tuple(s for s in self.slides if isinstance(s, ChartSlide))
