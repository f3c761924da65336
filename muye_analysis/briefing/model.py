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
    as_of: str = ""  # 数据截至…: the latest data the briefing uses
    made: str = ""  # the date the briefing was prepared


@dataclass(frozen=True)
class Series:
    """One data series of a native chart: a value per category (None where not published).

    ``colour`` is the series' colour (hex, no '#'); ``point_colours`` overrides it point by
    point; ``labels`` are the data labels as shown (already formatted), one per point.
    ``x`` holds the x values of an XY (scatter) series.
    """

    name: str
    values: tuple[float | None, ...]
    colour: str
    point_colours: tuple[str, ...] | None = None
    labels: tuple[str, ...] | None = None
    x: tuple[float, ...] | None = None
    dashed: bool = False  # a line drawn dashed (forecasts, bounds, targets)


@dataclass(frozen=True)
class NativeChart:
    """A chart the deck draws as an editable PowerPoint chart, its data embedded.

    ``kind``: "bar" (horizontal bars, categories top to bottom), "column" (vertical, clustered
    when there are several series), "xy" (dots placed by x and y) or "line".
    """

    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    title: str = ""  # a panel title, when a slide holds several charts
    axis_title: str = ""
    number_format: str = "General"  # of the embedded data (and data labels)
    axis_format: str = "General"  # of the value axis' tick labels
    axis_min: float | None = None
    axis_max: float | None = None
    legend: bool = True
    hide_category_axis: bool = False


@dataclass(frozen=True)
class ChartSlide:
    """One chart: its title (the message, computed), a one-line takeaway computed from the
    data, the PNG, the source.

    ``charts`` are the native (editable) forms of the chart for the deck, side by side; when
    empty the deck shows ``image``, drawn at the size it is placed. ``notes`` are the speaker
    notes: the chart's assumptions and how its numbers were made. ``topic`` says what the chart
    shows (the chart registry's title), for the alt text and the report's caption.
    """

    name: str
    title: str
    takeaway: str
    image: Path
    source: str
    charts: tuple[NativeChart, ...] = ()
    notes: tuple[str, ...] = ()
    topic: str = ""


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
