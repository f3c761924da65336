"""The matplotlib renderer of a :class:`~muye_analysis.chart_spec.ChartSpec`.

What the spec holds is what the picture shows, the same as the deck's native chart
(``briefing.deck_charts``): bars, columns, dots and lines with their labels, the text drawn where a
figure is not published (a dashed grey box, never a zero bar), reference lines with their labels,
shaded bands with their names, label-only points; then the house frame (title, subtitle, legend,
notes, source line; :func:`~muye_analysis.charts.layout.finish_chart`) and the synthetic stamp.

Panels sit side by side; at the "phone" size (the HTML report on a narrow screen) they stack.
"""

from __future__ import annotations

import math
from dataclasses import replace

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis.chart_spec import ChartSpec, Panel, Series, hex_colour
from muye_analysis.charts.layout import (
    NOT_STATED_GID,
    ChartText,
    finish_chart,
    not_stated_style,
    root_figure,
    stamp_synthetic,
    start_panels,
    text_width_pt,
    ticks_covering,
    wrap_text,
)
from muye_analysis.charts.style import GREY, INK, SizeSpec, house_style, size_spec

BAR_GID = "muye-bar"  # bars and columns; the series index follows: muye-bar-0, muye-bar-1
POINT_GID = "muye-point"  # xy dots
LINE_GID = "muye-line"  # lines (line charts, xy segments)
LABEL_GID = "muye-label"  # data labels
REFERENCE_GID = "muye-reference"  # reference lines and their labels
BAND_GID = "muye-band"  # shaded bands and their names
GROUP_WIDTH = 0.72  # share of a category's slot the bars of a group take


def draw_spec(spec: ChartSpec, *, ax: Axes | None = None, size: str | None = None) -> Figure:
    """Draw ``spec``: a new figure at ``size`` ("slide", "document" or "phone"), or into the
    caller's ``ax`` (its figure is returned)."""
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as style:
        fig, axes = _start(spec, ax, style)
        stacked = style.name == "phone"
        # Row names of bars take at most a third of the figure's width (of their panel's share).
        names_pt = root_figure(axes[0]).get_figwidth() * 72 * 0.34 / (1 if stacked else len(axes))
        for panel_ax, panel in zip(axes, spec.panels, strict=True):
            _draw_panel(panel_ax, panel, style, stacked=stacked, names_pt=names_pt)
        # On a phone, or over panels with titles of their own, the stamp opens the subtitle:
        # above the plot it would cover a panel's title.
        phone_stamp = bool(spec.stamp) and (stacked or any(p.title for p in spec.panels))
        subtitle = (
            "\n".join(t for t in (spec.stamp, spec.subtitle) if t)
            if phone_stamp
            else (spec.subtitle)
        )
        text = ChartText(
            title=spec.title,
            subtitle=subtitle,
            notes=spec.note_lines,
            source=spec.source,
            legend=_legend(spec, style),
            above_axes_lines=1 if any(p.bands or _has_top_labels(p) for p in spec.panels) else 0,
            legend_columns=2 if stacked else None,  # a phone: two entries a row
        )
        if spec.stamp and not phone_stamp:
            stamp_synthetic(axes[-1], spec.stamp, fontsize=style.annotation, where="above")
        finish_chart(fig, text, style, owner_ax=owner_ax)
        for panel_ax, panel in zip(axes, spec.panels, strict=True):
            if stacked and panel.kind == "column":
                panel = replace(panel, kind="bar")  # drawn as bars on a phone
            if not (stacked and panel.kind == "xy"):
                _make_room_for_labels(panel_ax, panel)
        return fig


# -- figure and panels ------------------------------------------------------------------------


def _start(spec: ChartSpec, ax: Axes | None, style: SizeSpec) -> tuple[Figure, list[Axes]]:
    n = len(spec.panels)
    if ax is not None:
        fig, panels = start_panels(ax, n, style, wspace=0.14 if n > 1 else 0.06)
        return fig, panels
    import matplotlib.pyplot as plt

    width, height = style.figsize
    if style.name == "phone":  # stacked, each panel as tall as its content needs
        names_pt = width * 72 * 0.34
        heights = [_phone_height(p, style, names_pt) for p in spec.panels]
        height = max(height, sum(heights) + 2.2)
        fig, grid = plt.subplots(n, 1, figsize=(width, height), layout="constrained",
                                 height_ratios=heights, squeeze=False)  # fmt: skip
        return fig, list(grid[:, 0])
    fig, grid = plt.subplots(1, n, figsize=(width, height), layout="constrained", squeeze=False)
    return fig, list(grid[0])


def _phone_height(panel: Panel, style: SizeSpec, names_pt: float) -> float:
    """Inches a stacked panel needs on a phone: each bar's row as tall as its wrapped name."""
    line = style.tick * 1.3 / 72
    if panel.kind in ("bar", "column"):
        k = max(1, len(panel.series))
        rows = [max(k * 0.26, line * wrap_category(c, names_pt, style.tick).count("\n") + line)
                for c in panel.categories]  # fmt: skip
        return 0.9 + sum(rows) + 0.1 * len(rows)
    if panel.kind == "xy":
        return 0.9 + 0.42 * (max((v or 0) for s in panel.series for v in s.values) + 1)
    return 3.2


def _draw_panel(ax: Axes, panel: Panel, style: SizeSpec, *, stacked: bool, names_pt: float) -> None:
    ax.set_axisbelow(True)
    if stacked and panel.kind == "column":  # a phone: columns turn into bars, names in full
        panel = replace(panel, kind="bar")
    if panel.kind == "column":
        _columns(ax, panel, style)
    elif panel.kind == "bar":
        _bars(ax, panel, style, names_pt)
    elif panel.kind == "xy":
        _xy(ax, panel, style, stacked)
    else:
        _lines(ax, panel, style)
    limit = root_figure(ax).get_figwidth() * 72 * 0.5  # a phone: labels of two lines at most
    for text in ax.texts:  # labels are placed by the data limits (_make_room_for_labels), not
        if text.get_gid() in (LABEL_GID, NOT_STATED_GID):  # by squeezing the axes
            text.set_in_layout(False)
            if stacked:
                text.set_text(wrap_category(text.get_text(), limit, text.get_fontsize()))
    if panel.title:
        ax.set_title(wrap_category(panel.title, _axes_width_pt(ax), style.label),
                     fontsize=style.label, loc="left")  # fmt: skip
    for label in (ax.xaxis.label, ax.yaxis.label):  # an axis title no longer than its axes
        if label.get_text():
            along = _axes_width_pt(ax) if label is ax.xaxis.label else _axes_height_pt(ax)
            label.set_text(wrap_category(label.get_text(), along, style.label))
    ax.tick_params(length=0)


# -- kinds ------------------------------------------------------------------------------------


def _slots(panel: Panel) -> tuple[float, list[float]]:
    """Width of one bar and each series' offset within its category's slot."""
    k = max(1, len(panel.series))
    width = GROUP_WIDTH / k
    offsets = [-GROUP_WIDTH / 2 + width * (i + 0.5) for i in range(k)]
    return width, offsets


def _extent(panel: Panel) -> tuple[float, float]:
    """The lowest and highest value the panel draws (zero included), references too."""
    values = [v for s in panel.series for v in s.values if v is not None]
    values += [r.value for r in panel.references]
    return min([0.0, *values]), max([0.0, *values])


def _columns(ax: Axes, panel: Panel, style: SizeSpec) -> None:
    n = len(panel.categories)
    width, offsets = _slots(panel)
    low, high = _extent(panel)
    for i, series in enumerate(panel.series):
        for j, value in enumerate(series.values):
            x = j + offsets[i]
            label = series.label(j)
            if value is None:
                if label:
                    _text_in_place(ax, x, 0.0, label, style, vertical=True, slot=width / n)
                continue
            ax.bar([x], [value], width=width * 0.92, color=hex_colour(series.colour_of(j)),
                   gid=f"{BAR_GID}-{i}")  # fmt: skip
            if label:
                ax.annotate(label, (x, value), xytext=(0, 3 if value >= 0 else -3),
                            textcoords="offset points", ha="center",
                            va="bottom" if value >= 0 else "top", fontsize=style.annotation,
                            color=INK, gid=LABEL_GID, linespacing=1.1)  # fmt: skip
    for ref in panel.references:
        ax.axhline(ref.value, color=hex_colour(ref.colour), linewidth=style.line / 2,
                   linestyle="--" if ref.dashed else "-", zorder=2, gid=REFERENCE_GID)  # fmt: skip
        ax.annotate(ref.label, (1.0, ref.value), xycoords=("axes fraction", "data"),
                    xytext=(0, 3), textcoords="offset points", ha="right", va="bottom",
                    fontsize=style.annotation, color=hex_colour(ref.colour),
                    gid=REFERENCE_GID)  # fmt: skip
    slot_pt = _axes_width_pt(ax) / max(n, 1) * 0.96
    ax.set_xticks(range(n), [wrap_category(c, slot_pt, style.tick) for c in panel.categories])
    ax.set_xlim(-0.6, n - 0.4)
    _value_axis(ax, panel, low, high, "y")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_ylabel(panel.axis_title)
    if low < 0:
        ax.axhline(0, color=GREY, linewidth=0.8, zorder=1)


def _bars(ax: Axes, panel: Panel, style: SizeSpec, names_pt: float) -> None:
    n = len(panel.categories)
    width, offsets = _slots(panel)
    low, high = _extent(panel)
    for i, series in enumerate(panel.series):
        for j, value in enumerate(series.values):
            y = (n - 1 - j) - offsets[i]  # first category on top, first series on top
            label = series.label(j)
            if value is None:
                if label:
                    _text_in_place(ax, 0.0, y, label, style, vertical=False, slot=width / n)
                continue
            ax.barh([y], [value], height=width * 0.9, color=hex_colour(series.colour_of(j)),
                    gid=f"{BAR_GID}-{i}")  # fmt: skip
            if label:
                ax.annotate(label, (value, y), xytext=(3 if value >= 0 else -3, 0),
                            textcoords="offset points", ha="left" if value >= 0 else "right",
                            va="center", fontsize=style.annotation, color=INK,
                            gid=LABEL_GID)  # fmt: skip
    for ref in panel.references:
        ax.axvline(ref.value, color=hex_colour(ref.colour), linewidth=style.line / 2,
                   linestyle="--" if ref.dashed else "-", zorder=2, gid=REFERENCE_GID)  # fmt: skip
        ax.annotate(ref.label, (ref.value, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                    fontsize=style.annotation, color=hex_colour(ref.colour),
                    gid=REFERENCE_GID)  # fmt: skip
    names = [wrap_category(c, names_pt, style.tick) for c in panel.categories]
    ax.set_yticks([n - 1 - j for j in range(n)], names)
    ax.set_ylim(-0.6, n - 0.4)
    _value_axis(ax, panel, low, high, "x")
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlabel(panel.axis_title)
    ax.spines["left"].set_visible(False)
    if low < 0:
        ax.axvline(0, color=GREY, linewidth=0.8, zorder=1)


def _xy(ax: Axes, panel: Panel, style: SizeSpec, stacked: bool = False) -> None:
    """Dots by x and y. On a phone (``stacked``) each label sits over its dot, towards the
    middle, so the rank axis keeps its width."""
    top = max((v for s in panel.series for v in s.values if v is not None), default=1.0)
    right = panel.axis_max if panel.axis_max is not None else None
    _xy_bands(ax, panel, style, span=(right or top) - (panel.axis_min or 0))
    _xy_references(ax, panel, style)
    for series in panel.series:
        _xy_series(ax, series, style, right, stacked)
    if panel.ticks is not None:
        ax.set_xticks(list(panel.ticks))
    ax.set_xlim(panel.axis_min if panel.axis_min is not None else 0, right or None)
    ax.set_xlabel(panel.axis_title)
    if panel.hide_category_axis:
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_ylim(0.4, top + 0.6)
    ax.grid(axis="x", visible=True)
    ax.grid(axis="y", visible=False)


def _xy_bands(ax: Axes, panel: Panel, style: SizeSpec, span: float) -> None:
    """Each band shaded across the plot, its name wrapped to its width above it."""
    for band in panel.bands:
        ax.axvspan(band.low, band.high, color=hex_colour(band.colour), alpha=0.08, linewidth=0,
                   zorder=0, gid=BAND_GID)  # fmt: skip
        width_pt = _axes_width_pt(ax) * (band.high - band.low) / max(span, 1e-9)
        ax.text((band.low + band.high) / 2, 1.01,
                wrap_category(band.label, width_pt * 0.98, style.annotation),
                transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                fontsize=style.annotation, color=hex_colour(band.colour), gid=BAND_GID,
                linespacing=1.1)  # fmt: skip


def _xy_references(ax: Axes, panel: Panel, style: SizeSpec) -> None:
    """Each reference as a vertical line, its label above the plot."""
    for ref in panel.references:
        ax.axvline(ref.value, color=hex_colour(ref.colour), linewidth=style.line / 3,
                   linestyle="--" if ref.dashed else "-", zorder=1, gid=REFERENCE_GID)  # fmt: skip
        if ref.label:
            ax.annotate(ref.label, (ref.value, 1.0), xycoords=("data", "axes fraction"),
                        xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                        fontsize=style.annotation, color=hex_colour(ref.colour),
                        gid=REFERENCE_GID)  # fmt: skip


def _xy_series(
    ax: Axes, series: Series, style: SizeSpec, right: float | None, stacked: bool
) -> None:
    """One series: a line, or dots, and the label of each point (a dot in the right half of
    the axis is labelled on its left)."""
    xs = [float(x) for x in series.x or ()]
    ys = [math.nan if v is None else float(v) for v in series.values]
    if series.line:
        ax.plot(xs, ys, color=hex_colour(series.colour), linewidth=style.line / 2,
                linestyle="--" if series.dashed else "-", gid=LINE_GID)  # fmt: skip
    if series.marker and not series.line:
        ax.scatter(xs, ys, s=(1.5 * style.marker) ** 2, zorder=3, gid=POINT_GID,
                   color=[hex_colour(series.colour_of(j)) for j in range(len(xs))])  # fmt: skip
    for j, (x, y) in enumerate(zip(xs, ys, strict=True)):
        label = series.label(j)
        if not label or math.isnan(y):
            continue
        left = series.marker and right is not None and x > right / 2
        gap = (0.9 * style.marker if series.marker else 0) * (-1 if left else 1)
        offset, va = ((0, 0.9 * style.marker), "bottom") if stacked else ((gap, 0), "center")
        ax.annotate(label, (x, y), xytext=offset, textcoords="offset points",
                    ha="right" if left else "left", va=va, fontsize=style.annotation,
                    color=hex_colour(series.colour_of(j)) if series.marker else GREY,
                    gid=LABEL_GID)  # fmt: skip


def _lines(ax: Axes, panel: Panel, style: SizeSpec) -> None:
    n = len(panel.categories)
    values = [v for s in panel.series for v in s.values if v is not None]
    values += [r.value for r in panel.references]
    for series in panel.series:
        ys = [math.nan if v is None else float(v) for v in series.values]
        ax.plot(range(n), ys, color=hex_colour(series.colour), linewidth=style.line,
                linestyle="--" if series.dashed else "-", marker="o", markersize=style.marker / 2,
                gid=LINE_GID)  # fmt: skip
        for j, y in enumerate(ys):
            if series.label(j) and not math.isnan(y):
                ax.annotate(series.label(j), (j, y), xytext=(0, 4), textcoords="offset points",
                            ha="center", va="bottom", fontsize=style.annotation,
                            color=hex_colour(series.colour), gid=LABEL_GID)  # fmt: skip
    for ref in panel.references:
        ax.axhline(ref.value, color=hex_colour(ref.colour), linewidth=style.line / 2,
                   linestyle="--" if ref.dashed else "-", gid=REFERENCE_GID)  # fmt: skip
        ax.annotate(ref.label, (1.0, ref.value), xycoords=("axes fraction", "data"),
                    xytext=(0, 3), textcoords="offset points", ha="right", va="bottom",
                    fontsize=style.annotation, color=hex_colour(ref.colour),
                    gid=REFERENCE_GID)  # fmt: skip
    ax.set_xticks(range(n), list(panel.categories))
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    _value_axis(ax, panel, low, high, "y")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)
    ax.set_ylabel(panel.axis_title)


# -- shared pieces ----------------------------------------------------------------------------


def _text_in_place(
    ax: Axes, x: float, y: float, text: str, style: SizeSpec, *, vertical: bool, slot: float
) -> None:
    """A figure the source does not give: its words in a dashed grey box where the bar would
    start, so the gap reads as a gap and never as a zero."""
    kwargs = not_stated_style(style, pad=0.25)
    if vertical:  # as wide as the bar's slot and its neighbour's, at least three characters
        width_pt = max(_axes_width_pt(ax) * slot * 1.8, 3.2 * kwargs["fontsize"])
        shown = wrap_category(text, width_pt, kwargs["fontsize"])
        ax.annotate(shown, (x, y), xytext=(0, 4), textcoords="offset points", ha="center",
                    va="bottom", linespacing=1.1, **kwargs)  # fmt: skip
    else:
        ax.annotate(text, (x, y), xytext=(4, 0), textcoords="offset points", ha="left",
                    va="center", **kwargs)  # fmt: skip


def wrap_category(text: str, width_pt: float, size: float) -> str:
    """``text`` wrapped to ``width_pt``, breaking first before a bracket (地区生产总值 / （可比价）)
    or after a year (YYYY年 / 未公布), then between characters or words."""
    import re

    lines = []
    for line in text.split("\n"):
        if text_width_pt(line, size) <= width_pt * 0.98:
            lines.append(line)
            continue
        parts = [p for p in re.split(r"(?=[（(])|(?<=\d年)|(?<=:) ", line) if p.strip()]
        lines += [wrap_text(part.strip(), width_pt, size) for part in parts]
    return "\n".join(lines)


def _value_axis(ax: Axes, panel: Panel, low: float, high: float, which: str) -> None:
    lo = panel.axis_min if panel.axis_min is not None else low
    hi = panel.axis_max if panel.axis_max is not None else high
    if hi <= lo:
        hi = lo + 1
    ticks = list(panel.ticks) if panel.ticks is not None else ticks_covering(lo, hi)
    setter = ax.set_yticks if which == "y" else ax.set_xticks
    setter(ticks)
    limits = (min(lo, ticks[0]), max(hi, ticks[-1]))
    (ax.set_ylim if which == "y" else ax.set_xlim)(*limits)


def _axes_height_pt(ax: Axes) -> float:
    fig = root_figure(ax)
    return ax.get_position().height * fig.get_figheight() * 72


def _axes_width_pt(ax: Axes) -> float:
    fig = root_figure(ax)
    return ax.get_position().width * fig.get_figwidth() * 72


def _has_top_labels(panel: Panel) -> bool:
    return panel.kind == "bar" and bool(panel.references)


def _make_room_for_labels(ax: Axes, panel: Panel, rounds: int = 4) -> None:
    """Widen the value axis (the layout is fixed by now) until every label ends inside the plot:
    a label moves with its bar's end, so the axis is widened in a few rounds."""
    fig = root_figure(ax)
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_gid() in (LABEL_GID, NOT_STATED_GID) and t.get_text()]
    if not labels:
        return
    horizontal = panel.kind in ("bar", "xy")
    for _ in range(rounds):
        box = ax.get_window_extent(renderer)
        if horizontal:
            reach = max(t.get_window_extent(renderer).x1 for t in labels) - box.x1
            size = box.width
        else:
            reach = max(t.get_window_extent(renderer).y1 for t in labels) - box.y1
            size = box.height
        if reach <= 0:
            return
        lo, hi = ax.get_xlim() if horizontal else ax.get_ylim()
        span = (hi - lo) * size / max(size - reach - 4, size * 0.3)
        (ax.set_xlim if horizontal else ax.set_ylim)(lo, lo + span)


def _legend(spec: ChartSpec, style: SizeSpec) -> tuple[list[Artist], list[str]] | None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    items = spec.legend_items()
    if len(items) < 2:
        return None
    handles: list[Artist] = []
    for _, series, kind in items:
        colour = hex_colour(series.colour)
        if kind in ("bar", "column"):
            handles.append(Patch(color=colour))
        elif kind == "xy":
            handles.append(Line2D([], [], linestyle="", marker="o", markersize=style.marker,
                                  color=colour))  # fmt: skip
        else:
            handles.append(Line2D([], [], color=colour, linewidth=style.line,
                                  linestyle="--" if series.dashed else "-"))  # fmt: skip
    return handles, [name for name, _, _ in items]


def label_texts(fig: Figure) -> list[str]:
    """The data labels drawn in ``fig`` (for tests and checks)."""
    return [t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid() == LABEL_GID]
