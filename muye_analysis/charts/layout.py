"""The frame every chart shares: title and subtitle on top, notes and the source line below.

A chart function draws into its axes and hands a :class:`ChartText` to :func:`finish_chart`,
which places the texts at the same positions on every chart (flush left, measured in inches
from the figure's edges) and keeps the plotting area between them with constrained layout.
When the caller passes its own ``ax``, the caller owns the figure: the title goes on the axes
and the source line and notes go under its x-axis.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from muye_analysis.charts.style import GREY, VERMILLION, SizeSpec
from muye_analysis.text import line_tokens

TITLE_GID = "muye-title"
SUBTITLE_GID = "muye-subtitle"
SOURCE_GID = "muye-source"
NOTE_GID = "muye-note"
LEGEND_GID = "muye-legend"
FOOTER_GID = "muye-footer"  # notes + source in one block when the caller owns the figure
NOT_STATED_GID = "muye-not-stated"  # the dashed "not published" box on any chart

# Set by :func:`headed_elsewhere`: the page around the picture prints the title (the HTML
# report's section heading), so the picture leaves it out instead of repeating it.
_TITLE_ELSEWHERE: ContextVar[bool] = ContextVar("muye_title_elsewhere", default=False)
# Set by :func:`framed_elsewhere`: the page prints the title, the notes and the source line.
_FRAME_ELSEWHERE: ContextVar[bool] = ContextVar("muye_frame_elsewhere", default=False)


@contextlib.contextmanager
def headed_elsewhere() -> Iterator[None]:
    """Charts drawn inside leave out their title (subtitle, legend, notes and source stay): for
    pictures placed under a heading that already says it."""
    token = _TITLE_ELSEWHERE.set(True)
    try:
        yield
    finally:
        _TITLE_ELSEWHERE.reset(token)


@contextlib.contextmanager
def framed_elsewhere() -> Iterator[None]:
    """Charts drawn inside leave out their title, notes and source line (subtitle, legend and
    the synthetic stamp stay): for the briefing's pictures, whose slide or report section prints
    each of those once, as text."""
    token = _FRAME_ELSEWHERE.set(True)
    try:
        with headed_elsewhere():
            yield
    finally:
        _FRAME_ELSEWHERE.reset(token)


def frame_elsewhere() -> bool:
    """Whether charts drawn now leave their notes and source to the page around them."""
    return _FRAME_ELSEWHERE.get()


def not_stated_style(spec: SizeSpec, pad: float = 0.3) -> dict:
    """Text keywords for a figure the report does not give: grey italic in a dashed box, so a
    gap in the data reads as a gap and never as a zero."""
    box = {"boxstyle": f"round,pad={pad}", "facecolor": "white", "edgecolor": GREY,
           "linestyle": "--", "linewidth": 0.8}  # fmt: skip
    return {"fontsize": spec.annotation, "color": GREY, "style": "italic", "bbox": box,
            "gid": NOT_STATED_GID}  # fmt: skip


@dataclass(frozen=True)
class ChartText:
    """The words around a chart: title, subtitle, notes (assumptions, caveats), source line."""

    title: str
    subtitle: str = ""
    source: str = ""
    notes: Sequence[str] = field(default_factory=tuple)
    # (handles, labels): shown in the header under the subtitle, the same place on every chart.
    legend: tuple[Sequence[Artist], Sequence[str]] | None = None
    # Lines of annotation the chart itself puts just above its axes (band names, a reference
    # label); a title on a caller's axes is lifted above them.
    above_axes_lines: int = 0
    legend_columns: int | None = None  # None: every entry on one row


def start_chart(ax: Axes | None, spec: SizeSpec) -> tuple[Figure, Axes]:
    """A new house-style figure with one axes, or ``ax`` and its figure."""
    if ax is not None:
        return root_figure(ax), ax
    import matplotlib.pyplot as plt

    fig, new_ax = plt.subplots(figsize=spec.figsize, layout="constrained")
    return fig, new_ax


def start_panels(
    ax: Axes | None,
    n: int,
    spec: SizeSpec,
    *,
    sharey: bool = False,
    width_ratios: Sequence[float] | None = None,
    wspace: float = 0.06,
) -> tuple[Figure, list[Axes]]:
    """``n`` side-by-side panels: a new figure, or ``ax`` split into ``n`` inset panels."""
    ratios = list(width_ratios) if width_ratios is not None else [1.0] * n
    if ax is None:
        import matplotlib.pyplot as plt

        fig, axes = plt.subplots(
            1,
            n,
            figsize=spec.figsize,
            layout="constrained",
            sharey=sharey,
            width_ratios=ratios,
            squeeze=False,
        )
        return fig, list(axes[0])
    ax.set_axis_off()
    usable = 1.0 - wspace * (n - 1)
    panels: list[Axes] = []
    x = 0.0
    for ratio in ratios:
        width = usable * ratio / sum(ratios)
        share = panels[0] if (sharey and panels) else None
        # The top fifth stays free for the panels' own titles.
        panels.append(ax.inset_axes((x, 0.0, width, 0.8), sharey=share))
        x += width + wspace
    return root_figure(ax), panels


def root_figure(ax: Axes) -> Figure:
    """The top-level figure holding ``ax`` (also when ``ax`` sits in a subfigure)."""
    from matplotlib.figure import SubFigure

    fig = ax.figure
    while isinstance(fig, SubFigure):
        fig = fig.figure
    return fig


def finish_chart(
    fig: Figure, text: ChartText, spec: SizeSpec, *, owner_ax: Axes | None = None
) -> Figure:
    """Place title, subtitle, notes and source; fit the plot between them; return ``fig``.

    ``owner_ax`` is the axes the caller passed in (None when the chart made its own figure).
    Must run inside :func:`~muye_analysis.charts.style.house_style`: the final draw creates the
    tick labels with the house fonts.
    """
    if _FRAME_ELSEWHERE.get():
        text = replace(text, notes=(), source="")
    if owner_ax is None:
        _frame_figure(fig, text, spec)
        freeze_layout(fig)
    else:
        _frame_axes(owner_ax, text, spec)
        fig.draw_without_rendering()
    return fig


def freeze_layout(fig: Figure, max_rounds: int = 4) -> None:
    """Run constrained layout until the axes stop moving, then fix them where they are.

    Constrained layout starts from the current positions, so its result can shift slightly
    from one draw to the next (and with each output's dpi); a frozen layout makes every save
    of the chart identical, in any format and any process. To edit a chart and lay it out
    again, call ``fig.set_layout_engine("constrained")``.
    """
    positions = None
    for _ in range(max_rounds):
        fig.draw_without_rendering()
        now = [b for ax in fig.axes for b in ax.get_position().bounds]
        # Converged when nothing moves by more than a millionth of the figure (~0.01 pt).
        if (
            positions is not None
            and max(abs(a - b) for a, b in zip(now, positions, strict=True)) < 1e-6
        ):
            break
        positions = now
    fig.set_layout_engine("none")


def _frame_figure(fig: Figure, text: ChartText, spec: SizeSpec) -> None:
    width_in, height_in = fig.get_size_inches()
    left = spec.margin_x / width_in
    width_pt = (width_in - 2 * spec.margin_x) * 72
    to_fig = fig.transFigure.inverted()

    top = 1 - spec.margin_top / height_in
    title = "" if _TITLE_ELSEWHERE.get() else text.title
    for content, size, gid, colour in (
        (title, spec.title, TITLE_GID, None),
        (text.subtitle, spec.subtitle, SUBTITLE_GID, GREY),
    ):
        if not content:
            continue
        artist = fig.text(
            left, top, wrap_text(content, width_pt, size), fontsize=size, va="top", gid=gid
        )
        if colour:
            artist.set_color(colour)
        top = to_fig.transform(artist.get_window_extent())[0, 1]
        top -= 0.35 * size / 72 / height_in  # breathing space below each line block
    if text.legend is not None:
        handles, names = text.legend
        legend = fig.legend(
            handles,
            names,
            loc="upper left",
            bbox_to_anchor=(left, top),
            ncols=text.legend_columns or len(names),
            borderaxespad=0,
            borderpad=0,
            handletextpad=0.5,
            columnspacing=1.6,
            fontsize=spec.annotation,
        )
        legend.set_gid(LEGEND_GID)
        top = to_fig.transform(legend.get_window_extent())[0, 1]

    bottom = spec.margin_bottom / height_in
    blocks = [(text.source, SOURCE_GID)] if text.source else []
    blocks += [(note, f"{NOTE_GID}-{i}") for i, note in reversed(list(enumerate(text.notes)))]
    for content, gid in blocks:
        artist = fig.text(
            left,
            bottom,
            wrap_text(content, width_pt, spec.source),
            fontsize=spec.source,
            va="bottom",
            color=GREY if gid == SOURCE_GID else None,
            gid=gid,
        )
        bottom = to_fig.transform(artist.get_window_extent())[1, 1]
        bottom += 0.25 * spec.source / 72 / height_in

    gap = spec.gap / height_in
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        rect = (left, bottom + gap, 1 - 2 * left, top - bottom - 2 * gap)
        engine.set(rect=rect)


def _frame_axes(ax: Axes, text: ChartText, spec: SizeSpec) -> None:
    _adopt_house_fonts(ax, spec)
    panels = [a for a in (ax, *ax.child_axes) if a.axison]
    # Wrap to the axes' width: the caller's layout has no room for lines wider than the plot.
    width_pt = ax.get_position().width * root_figure(ax).get_figwidth() * 72
    legend_room = 1.8 * spec.annotation * text.above_axes_lines
    if text.legend is not None:
        handles, names = text.legend
        legend = ax.legend(
            handles,
            names,
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncols=len(names),
            borderaxespad=0.2,
            fontsize=spec.annotation,
        )
        legend.set_gid(LEGEND_GID)
        legend_room += 1.8 * spec.annotation
    heading = "" if _TITLE_ELSEWHERE.get() else text.title
    title = "\n".join(t for t in (heading, text.subtitle) if t)
    ax.set_title(wrap_text(title, width_pt, spec.subtitle), loc="left", fontsize=spec.subtitle,
                 pad=0.5 * spec.subtitle + legend_room, gid=TITLE_GID)  # fmt: skip
    footer = wrap_text("\n".join([*text.notes, text.source]), width_pt, spec.source)

    def extent(axis_of: str) -> Callable[[RendererBase], Bbox]:
        # The panels with their tick labels and axis labels, so the footer clears them.
        def union(renderer: RendererBase) -> Bbox:
            boxes = [a.get_window_extent(renderer) for a in panels] or [ax.get_window_extent()]
            for a in panels:
                box = getattr(a, axis_of).get_tightbbox(renderer)
                if box is not None:
                    boxes.append(box)
            return Bbox.union(boxes)

        return union

    ax.annotate(
        footer,
        xy=(0, 0),
        xycoords=(extent("yaxis"), extent("xaxis")),
        xytext=(0, -0.4 * spec.source),
        textcoords="offset points",
        va="top",
        ha="left",
        fontsize=spec.source,
        color=GREY,
        annotation_clip=False,
        gid=FOOTER_GID,
    )


def _adopt_house_fonts(ax: Axes, spec: SizeSpec) -> None:
    """Give the texts of a caller's axes the house font and sizes.

    The caller made ``ax`` (and its axis labels, title and perhaps tick labels) before the
    house style applied, so those texts carry the global font, which may lack Chinese glyphs.
    """
    import matplotlib

    families = matplotlib.rcParams["font.family"]
    for axes in (ax, *ax.child_axes):
        axes.spines[["top", "right"]].set_visible(False)
        axes.xaxis.label.set_fontsize(spec.label)
        axes.yaxis.label.set_fontsize(spec.label)
        axes.tick_params(labelsize=spec.tick)
    for artist in ax.findobj(Text):
        artist.set_fontfamily(families)


def ticks_covering(low: float, high: float, nbins: int = 6) -> list[float]:
    """Round tick values from the last one at or below ``low`` to the first at or above ``high``.

    Charts pad their limits to make room for labels; ticks stay over the data's own range.
    """
    from matplotlib.ticker import MaxNLocator

    ticks = list(MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10]).tick_values(low, high))
    first = max((t for t in ticks if t <= low + 1e-9), default=ticks[0])
    last = min((t for t in ticks if t >= high - 1e-9), default=ticks[-1])
    return [float(t) for t in ticks if first <= t <= last]


def set_value_ticks(ax: Axes, low: float, high: float) -> list[float]:
    """x ticks over the data's range, with the x spine trimmed to them; returns the ticks."""
    ticks = ticks_covering(low, high)
    ax.set_xticks(ticks)
    ax.spines["bottom"].set_bounds(ticks[0], ticks[-1])
    return ticks


_SAFETY = 0.98  # token widths ignore kerning across tokens; keep a little slack


def wrap_text(text: str, width_pt: float, fontsize: float) -> str:
    """``text`` broken into lines no wider than ``width_pt``, between words or wide characters.

    matplotlib's own wrapping breaks only at spaces, which Chinese does not have. Widths are
    measured with the current font (call inside the house style).
    """
    import matplotlib

    families = tuple(matplotlib.rcParams["font.family"])
    limit = _SAFETY * width_pt / fontsize  # in ems
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for token in line_tokens(paragraph):
            width = _width_em(token.rstrip(), families)
            if line and used + width > limit:
                lines.append(line.rstrip())
                token = token.lstrip()
                line, used = token, _width_em(token, families)
            else:
                line += token
                used += _width_em(token, families)
        lines.append(line.rstrip())
    return "\n".join(lines)


def text_width_pt(text: str, fontsize: float) -> float:
    """Width of one line of ``text`` at ``fontsize`` in the current font, in points."""
    import matplotlib

    return fontsize * _width_em(text, tuple(matplotlib.rcParams["font.family"]))


@functools.lru_cache(maxsize=4096)
def _width_em(token: str, families: tuple[str, ...]) -> float:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    if not token:
        return 0.0
    prop = FontProperties(family=list(families), size=100)
    width, _, _ = TextToPath().get_text_width_height_descent(token, prop, ismath=False)
    return width / 100


SYNTHETIC_GID = "muye-synthetic"  # every chart's synthetic-data stamp, found by tests in the SVG
_STAMP_PLACES = {  # x, y (axes fraction), ha, va
    "inside": (0.01, 0.97, "left", "top"),  # top left inside the plot (fans: margin kept clear)
    "above": (0.99, 1.0, "right", "bottom"),  # top right, just above the plot
}


def stamp_synthetic(ax: Axes, text: str, *, fontsize: float, where: str = "inside") -> Text:
    """The one synthetic-data stamp: ``text`` (the vocabulary's synthetic_stamp) boxed in
    vermilion, so illustrative data reads the same on every chart that draws it."""
    x, y, ha, va = _STAMP_PLACES[where]
    return ax.text(
        x, y, text, transform=ax.transAxes, ha=ha, va=va, fontsize=fontsize, color=VERMILLION,
        bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": VERMILLION,
              "linewidth": 1.2},
        zorder=10, gid=SYNTHETIC_GID,
    )  # fmt: skip
