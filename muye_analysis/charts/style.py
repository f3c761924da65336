"""The house style: one look for every chart, at slide size or document size.

Nothing changes matplotlib's global state at import. The style applies inside
``with house_style(size="slide"):`` (a notebook can wrap its own plots in it too), and every
``plot_*`` function enters it for itself, so the same call gives the same chart anywhere.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from muye_analysis import config
from muye_analysis.chart_spec import COLOURS, hex_colour
from muye_analysis.charts.fonts import find_cjk_font, font_rc

STYLE_FILE = config.CHART_STYLE

# Okabe-Ito colours by role, so charts say what a colour means rather than which one it is.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"  # reddish purple
YELLOW = "#F0E442"
GREY = "#8C8C8C"
LIGHT_GREY = "#D9D9D9"
INK = "#222222"

# One meaning per colour across charts and the deck (muye_analysis.chart_spec.COLOURS, which
# both renderers read): blue is the district's outcome, orange a target, grey the city, a
# reference or the neutral middle, green and reddish purple the top and bottom thirds of a
# ranking (vermilion read as target orange at slide scale). The progress chart's traffic lights
# are green (on track), yellow (预警, at risk: not orange, which means a target) and vermilion.
ACTUAL_COLOUR = BLUE  # last year's outcome
TARGET_COLOUR = ORANGE  # this year's target
MUYE_COLOUR = BLUE
CITY_COLOUR = GREY
THIRD_COLOURS = {role: hex_colour(COLOURS[role]) for role in ("top", "middle", "bottom")}


@dataclass(frozen=True)
class SizeSpec:
    """Figure size (inches), font sizes (points) and margins (inches) of one output size."""

    name: str
    figsize: tuple[float, float]
    title: float
    subtitle: float
    label: float
    tick: float
    annotation: float
    source: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    gap: float  # between the text blocks and the plotting area
    line: float
    marker: float

    def rc(self) -> dict[str, object]:
        return {
            "figure.figsize": self.figsize,
            "font.size": self.tick,
            "axes.titlesize": self.subtitle,
            "axes.labelsize": self.label,
            "xtick.labelsize": self.tick,
            "ytick.labelsize": self.tick,
            "legend.fontsize": self.annotation,
            "lines.linewidth": self.line,
            "lines.markersize": self.marker,
            "axes.linewidth": self.line / 3,
            "xtick.major.width": self.line / 3,
            "ytick.major.width": self.line / 3,
        }


SIZES = {
    # 16:9, the default PowerPoint / WPS slide (33.87 cm × 19.05 cm).
    "slide": SizeSpec(
        name="slide",
        figsize=(13.333, 7.5),
        title=26,
        subtitle=17,
        label=16,
        tick=15,
        annotation=14,
        source=12,
        margin_x=0.45,
        margin_top=0.35,
        margin_bottom=0.25,
        gap=0.2,
        line=2.5,
        marker=11,
    ),
    # A phone's screen (the HTML report under 700 px): narrow and tall, the type large for its
    # width, so a 390 px wide screen shows it at about 12 px. Panels stack.
    "phone": SizeSpec(
        name="phone",
        figsize=(3.9, 5.4),
        title=12,
        subtitle=10,
        label=10,
        tick=10,
        annotation=9.5,
        source=8.5,
        margin_x=0.12,
        margin_top=0.1,
        margin_bottom=0.1,
        gap=0.08,
        line=1.6,
        marker=6.5,
    ),
    # Fits an A4 text block (16 cm wide) in a Word report.
    "document": SizeSpec(
        name="document",
        figsize=(6.3, 4.2),
        title=12,
        subtitle=9,
        label=8.5,
        tick=8,
        annotation=7.5,
        source=6.5,
        margin_x=0.18,
        margin_top=0.14,
        margin_bottom=0.12,
        gap=0.08,
        line=1.4,
        marker=6,
    ),
}

_ACTIVE: ContextVar[SizeSpec | None] = ContextVar("muye_house_style", default=None)


def size_spec(size: str | SizeSpec | None = None, *, into_axes: bool = False) -> SizeSpec:
    """The SizeSpec for ``size``.

    None means the active house style's size; outside one, "slide" for a chart's own figure and
    "document" for a chart drawn ``into_axes`` of a caller's (usually multi-panel) figure.
    """
    if isinstance(size, SizeSpec):
        return size
    if size is None:
        return _ACTIVE.get() or SIZES["document" if into_axes else "slide"]
    try:
        return SIZES[size]
    except KeyError:
        raise ValueError(f"size must be one of {sorted(SIZES)}, not {size!r}") from None


@contextlib.contextmanager
def house_style(size: str | SizeSpec | None = "slide") -> Iterator[SizeSpec]:
    """Apply the house style (fonts, palette, sizes) inside a ``with`` block.

    Registers a Chinese font on first use (see :mod:`muye_analysis.charts.fonts`); restores
    every rcParam on exit. Yields the :class:`SizeSpec` in force.
    """
    import matplotlib.style

    spec = size_spec(size)
    rc = {**font_rc(find_cjk_font()), **spec.rc()}
    token = _ACTIVE.set(spec)
    try:
        with matplotlib.style.context([str(STYLE_FILE), rc]):
            yield spec
    finally:
        _ACTIVE.reset(token)
