"""One chart as data: what both renderers draw.

A :class:`ChartSpec` holds everything a chart shows, as plain values: its panels of series, the
label on each point, the text drawn where a figure is not published ("未公布": never a zero bar),
reference lines ("与上年持平" at 100%), shaded bands (the thirds of a ranking, named with their
ranks), label-only points (qualitative standings such as 第一方阵), and the words around it: title,
subtitle, notes and source. Two renderers draw the same spec:

* ``muye_analysis.charts.draw.draw_spec`` (matplotlib: the PNG and SVG of notebooks, ``muye
  charts`` and the HTML report);
* ``muye_analysis.briefing.deck_charts.add_native_chart`` (editable PowerPoint charts: every label,
  reference line and band is a series or a data label in the chart's XML, not a floating box).

So the deck and the pictures carry the same numbers, marks and words. The speaker notes of a
chart slide are the spec's notes, and each :class:`Note` names the drawn text it explains
(``evidence``): :func:`undrawn_notes` lists the notes whose subject is not on the chart, so a note
can never describe an arrow the chart does not have.

A chart module builds its spec from its view (``muye_analysis.charts.growth.growth_gap_spec``…);
the renderers know nothing of any one chart. Light on purpose: nothing here imports matplotlib,
python-pptx or pandas.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

# One meaning per colour across charts and deck (hex, no '#'): blue is the district's outcome,
# orange a target, grey the city or a reference, green and reddish purple the top and bottom
# thirds of a ranking (purple, not vermilion: at slide scale vermilion reads as target orange),
# light grey the other units. Okabe-Ito, so colour-blind readers tell them apart.
COLOURS = {
    "muye": "0072B2",  # the district's outcome
    "target": "E69F00",  # a target (this year's plan)
    "reference": "8C8C8C",  # the city, a reference line, the middle third
    "top": "009E73",  # top third of a ranking
    "middle": "8C8C8C",  # middle third: neutral grey
    "bottom": "CC79A7",  # bottom third: reddish purple
    "unit": "BFBFBF",  # the city's other units
    "needed": "BFBFBF",  # growth still needed, time elapsed: a light neutral beside a status
    "ink": "222222",
}
# The traffic lights of the 进度监测 chart: green, yellow (预警; not orange, which means a
# target) and vermilion (滞后; no target orange on that chart), grey for no data.
STATUS_COLOURS = {
    "on_track": "009E73",
    "at_risk": "F0E442",
    "off_track": "D55E00",
    "no_data": "D9D9D9",
}
KINDS = ("bar", "column", "xy", "line")


@dataclass(frozen=True)
class Series:
    """One data series: a value per category (per point for ``xy``).

    ``values`` are None where the source gives no figure. ``labels`` are the texts drawn at the
    points, already formatted ("" for none); the label of a None value is drawn where the value
    would start (a missing figure reads "YYYY年未公布", never as a zero). ``point_colours``
    overrides ``colour`` point by point. ``x`` holds the x values of an ``xy`` series;
    ``marker=False`` draws its labels only (a standing without a rank, a band's name); ``line``
    joins its points (a reference segment on an ``xy`` chart).
    """

    name: str
    values: tuple[float | None, ...]
    colour: str
    point_colours: tuple[str, ...] | None = None
    labels: tuple[str, ...] | None = None
    x: tuple[float, ...] | None = None
    dashed: bool = False  # a line drawn dashed (forecasts, bounds, targets)
    marker: bool = True
    line: bool = False
    legend: bool = True  # listed in the chart's legend

    def label(self, j: int) -> str:
        """The label of point ``j`` ('' when none)."""
        return self.labels[j] if self.labels and j < len(self.labels) else ""

    def colour_of(self, j: int) -> str:
        """The colour of point ``j``."""
        return self.point_colours[j] if self.point_colours else self.colour


@dataclass(frozen=True)
class Reference:
    """A line across the plot at ``value`` on the value axis, with its label ("与YYYY年持平")."""

    value: float
    label: str
    colour: str = COLOURS["reference"]
    dashed: bool = True


@dataclass(frozen=True)
class Band:
    """A shaded range ``low``..``high`` of the value axis, named on the chart ("前三分之一")."""

    low: float
    high: float
    label: str
    colour: str


@dataclass(frozen=True)
class Panel:
    """One plot of a chart (a chart may set several side by side).

    ``kind``: "bar" (horizontal bars, categories top down), "column" (vertical bars, clustered
    when there are several series), "xy" (points placed by x and y; the value axis is x) or
    "line". ``axis_format`` is an Excel number format for the deck's value axis;
    ``ticks`` fixes the value axis' ticks for the pictures (None: automatic).
    """

    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    title: str = ""  # a panel title, when a chart holds several panels
    axis_title: str = ""
    number_format: str = "General"  # of the embedded data (and data labels)
    axis_format: str = "General"  # of the value axis' tick labels
    axis_min: float | None = None
    axis_max: float | None = None
    legend: bool = True
    hide_category_axis: bool = False
    references: tuple[Reference, ...] = ()
    bands: tuple[Band, ...] = ()
    ticks: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"panel kind must be one of {KINDS}, not {self.kind!r}")
        for series in self.series:
            n = len(series.x or ()) if self.kind == "xy" else len(self.categories)
            if len(series.values) != n:
                raise ValueError(
                    f"series {series.name!r} has {len(series.values)} values for {n} points"
                )

    def texts_in_place(self) -> Iterator[tuple[int, int, str]]:
        """(series, point, text) of every text drawn where a value is not given."""
        for i, series in enumerate(self.series):
            for j, value in enumerate(series.values):
                if value is None and series.label(j):
                    yield i, j, series.label(j)

    def texts(self) -> Iterator[str]:
        """Every text this panel draws: title, axis title, categories, legend names, labels,
        reference and band labels."""
        yield from (self.title, self.axis_title, *self.categories)
        for series in self.series:
            if series.legend and self.legend:
                yield series.name
            yield from (series.labels or ())
        yield from (r.label for r in self.references)
        yield from (b.label for b in self.bands)


@dataclass(frozen=True)
class Note:
    """A note under the chart (and in the slide's speaker notes).

    ``evidence`` is the drawn text the note explains ("未公布", "（可比价）", "≥", the frame's
    number): the note belongs to the chart only while that text is drawn. A note about the data
    rather than a mark (figures are preliminary; how a formula works) has no evidence.
    """

    text: str
    evidence: str = ""


@dataclass(frozen=True)
class ChartSpec:
    """A whole chart: its panels and its words. ``stamp`` marks synthetic data on the chart."""

    name: str
    panels: tuple[Panel, ...]
    title: str
    subtitle: str = ""
    notes: tuple[Note, ...] = field(default_factory=tuple)
    source: str = ""
    stamp: str = ""
    lang: str = "zh"

    @property
    def note_lines(self) -> tuple[str, ...]:
        """The notes' texts, in order."""
        return tuple(n.text for n in self.notes)

    def drawn_texts(self) -> tuple[str, ...]:
        """Every text either renderer draws on the chart itself (not the notes or source)."""
        texts = [self.title, self.subtitle, self.stamp]
        for panel in self.panels:
            texts += list(panel.texts())
        return tuple(t for t in texts if t)

    def legend_items(self) -> list[tuple[str, Series, str]]:
        """(name, series, panel kind) of each legend entry, once per name, in order."""
        seen: dict[str, tuple[str, Series, str]] = {}
        for panel in self.panels:
            if not panel.legend:
                continue
            for series in panel.series:
                if series.legend and series.name and series.name not in seen:
                    seen[series.name] = (series.name, series, panel.kind)
        return list(seen.values())


def undrawn_notes(spec: ChartSpec) -> list[Note]:
    """The notes of ``spec`` whose evidence is not drawn on the chart (should be none)."""
    drawn = "\n".join(spec.drawn_texts())
    return [n for n in spec.notes if n.evidence and n.evidence not in drawn]


def hex_colour(colour: str) -> str:
    """'#0072B2' for matplotlib from the spec's '0072B2'."""
    return colour if colour.startswith("#") else f"#{colour}"
