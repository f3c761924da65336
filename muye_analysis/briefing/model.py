"""What a briefing says, independent of its format: the deck and the HTML report render the same
:class:`Briefing`, so they cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from muye_analysis.chart_spec import ChartSpec, Panel, Series  # noqa: F401  (Series: callers)


@dataclass(frozen=True)
class TitleBlock:
    """The title slide: who (district), what period, and which data (vintage)."""

    title: str
    place: str
    period: str
    vintage: tuple[str, ...]
    as_of: str = ""  # 数据截至…: the latest data the briefing uses
    made: str = ""  # the date the briefing was prepared


# A native chart is one panel of a chart spec (muye_analysis.chart_spec): the deck draws each
# panel as an editable PowerPoint chart, the pictures draw the same spec with matplotlib.
NativeChart = Panel


@dataclass(frozen=True)
class ChartSlide:
    """One chart: its title (the message, computed), a one-line takeaway computed from the
    data, the PNG, the source.

    ``charts`` are the native (editable) forms of the chart for the deck, side by side (the
    panels of ``spec``); when empty the deck shows ``image``, drawn at the size it is placed.
    ``notes`` are the speaker notes: what the chart shows and the spec's notes, each about
    something drawn. ``topic`` says what the chart shows (the chart registry's title), for the
    alt text and the report's caption.
    """

    name: str
    title: str
    takeaway: str
    image: Path
    source: str
    charts: tuple[NativeChart, ...] = ()
    notes: tuple[str, ...] = ()
    topic: str = ""
    spec: ChartSpec | None = None  # the chart as data; ``charts`` are its panels
    phone_image: Path | None = None  # the same chart drawn for a narrow screen (HTML report)


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
    """Sentences (one per line) with notes and a source line.

    ``kind`` says what the slide is for: "text" (plain), "summary" (总体判断, the second
    slide), "judgement" (the plan-consistency slide, notes are caveats) or "closing".
    ``speaker`` holds speaker notes.
    """

    name: str
    title: str
    lines: tuple[str, ...]
    notes: tuple[str, ...]
    source: str
    kind: str = "text"
    speaker: tuple[str, ...] = ()


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
