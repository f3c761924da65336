"""The native (editable) PowerPoint renderer of a chart spec (:mod:`muye_analysis.chart_spec`).

Each :class:`~muye_analysis.chart_spec.Panel` becomes one chart with its data embedded (bars,
clustered columns, XY dots, lines), so a user can 编辑数据 in PowerPoint or WPS; everything the
spec annotates is part of the chart's XML, as the matplotlib renderer draws it in the pictures:

* labels: a data label per point, as the spec formats it;
* a figure that is not published ("YYYY年未公布"): the point stays empty in the embedded data and
  its label is drawn where the bar would start (the chart shows blanks at zero height, so the
  label has a place; no number is written for it);
* reference lines ("与YYYY年持平" at 100%): a line series over the columns (a column-and-line
  chart), the label on its last point; on an XY chart a two-point line series;
* bands (the thirds of a ranking): their edges as dashed XY line series and their names as
  label-only points over them;
* label-only points (standings without a rank): an XY series without markers.

Series that only draw an annotation are left out of the legend. Styled like the rest of the deck
(:mod:`muye_analysis.briefing.deck_style`).
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from muye_analysis.briefing.deck_style import GREY, INK, LATIN_FONT, SIZES, style_run
from muye_analysis.chart_spec import COLOURS, Panel, Series

BAND_TOP = 0.75  # band names sit this far above the top row of an XY chart


def add_native_chart(slide, spec: Panel, lang: str, left, top, width, height, *, subtitle=""):
    """Draw the panel ``spec`` as an editable chart (data embedded); return its graphic frame.
    ``subtitle`` is a second, smaller line under the chart's title."""
    from pptx.chart.data import CategoryChartData, XyChartData
    from pptx.enum.chart import XL_CHART_TYPE

    if spec.kind == "bar":
        if spec.references:
            raise ValueError("a reference line on horizontal bars has no native form: use columns")
        spec = _top_down(spec)
    annotations: list[Series] = []  # annotation-only series, after the data series
    if spec.kind == "xy":
        spec, annotations = _xy_annotations(spec)
        spec = _xy_for_libreoffice(spec, annotations)
        data = XyChartData()
        for series in (*spec.series, *annotations):
            points = data.add_series(series.name, number_format=spec.number_format)
            for x, y in zip(series.x or (), series.values, strict=True):
                if y is not None:
                    points.add_data_point(x, y)
        chart_type = XL_CHART_TYPE.XY_SCATTER
    else:
        data = CategoryChartData(number_format=spec.number_format)
        data.categories = list(spec.categories)
        for series in spec.series:
            data.add_series(series.name, list(series.values))
        n = len(spec.categories)
        for ref in spec.references:  # a constant series, moved onto a line chart below
            data.add_series(ref.label, [ref.value] * n)
        chart_type = {
            "bar": XL_CHART_TYPE.BAR_CLUSTERED,
            "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
            "line": XL_CHART_TYPE.LINE,
        }[spec.kind]
    frame = slide.shapes.add_chart(chart_type, Inches(left), Inches(top), Inches(width),
                                   Inches(height), data)  # fmt: skip
    chart = frame.chart
    chart.font.size = Pt(SIZES["chart"])
    chart.font.name = LATIN_FONT[lang]
    _chart_title(chart, spec.title, subtitle, lang)
    _style_series(chart, spec, lang)
    if spec.kind == "xy":
        _style_annotations(chart, spec, annotations, lang)
    elif spec.references:
        _reference_lines(chart, spec, lang)
    if any(True for _ in spec.texts_in_place()):
        _blanks_at_zero(chart)
    _legend(chart, spec, n_annotations=len(annotations) + len(spec.references))
    _axes(chart, spec, lang, annotations)
    return frame


def _top_down(spec: Panel) -> Panel:
    """Horizontal bars list their first category at the bottom: reverse the categories (and
    the series within a group) so the chart reads top down as the spec does. Reversing the
    axis instead moves the value axis to the top in LibreOffice."""

    def flip(series: Series) -> Series:
        return replace(
            series,
            values=series.values[::-1],
            labels=series.labels[::-1] if series.labels else None,
            point_colours=series.point_colours[::-1] if series.point_colours else None,
        )

    return replace(spec, categories=spec.categories[::-1],
                   series=tuple(flip(s) for s in spec.series[::-1]))  # fmt: skip


def _xy_top(spec: Panel) -> float:
    return max((v for s in spec.series for v in s.values if v is not None), default=1.0)


def _xy_annotations(spec: Panel) -> tuple[Panel, list[Series]]:
    """Bands and reference lines of an XY chart as series: each edge a two-point line, the
    band names label-only points above the top row."""
    top = _xy_top(spec)
    extra: list[Series] = []
    for ref in spec.references:
        extra.append(Series(ref.label or "|", (0.4, top + BAND_TOP - 0.15), ref.colour,
                            x=(ref.value, ref.value), labels=("", ref.label), dashed=ref.dashed,
                            marker=False, line=True, legend=False))  # fmt: skip
    if spec.bands:
        extra.append(Series(
            " / ".join(b.label for b in spec.bands),
            tuple(top + BAND_TOP for _ in spec.bands),
            COLOURS["reference"],
            x=tuple((b.low + b.high) / 2 for b in spec.bands),
            point_colours=tuple(b.colour for b in spec.bands),
            labels=tuple(b.label for b in spec.bands),
            marker=False,
            legend=False,
        ))  # fmt: skip
    return spec, extra


def _xy_for_libreoffice(spec: Panel, annotations: list[Series]) -> Panel:
    """LibreOffice draws only the last series of an XY chart whose first series has fewer
    points than a later one (PowerPoint and WPS draw them all): the first series' last point
    is repeated, without a label, until it has as many points as the longest series. The copies
    sit on the point, so nothing moves and the legend keeps its order."""
    series = list(spec.series)
    longest = max((len(s.values) for s in (*series, *annotations)), default=0)
    if series and len(series[0].values) < longest:
        first = series[0]
        extra = longest - len(first.values)
        series[0] = replace(
            first,
            values=first.values + first.values[-1:] * extra,
            x=tuple(first.x or ()) + tuple(first.x or ())[-1:] * extra,
            labels=(*first.labels, *("",) * extra) if first.labels else None,
            point_colours=first.point_colours + first.point_colours[-1:] * extra
            if first.point_colours else None,
        )  # fmt: skip
    return replace(spec, series=tuple(series))


def _chart_title(chart, title: str, subtitle: str, lang: str) -> None:
    chart.has_title = bool(title or subtitle)
    if not chart.has_title:
        return
    frame = chart.chart_title.text_frame
    frame.text = title or subtitle
    if title and subtitle:
        frame.add_paragraph().text = subtitle
    for i, paragraph in enumerate(frame.paragraphs):
        small = i > 0 or not title
        for run in paragraph.runs:
            style_run(run, lang, size=SIZES["chart"] if small else SIZES["chart_title"],
                      bold=not small, colour=GREY if small else INK)  # fmt: skip


def _legend(chart, spec: Panel, *, n_annotations: int) -> None:
    from pptx.enum.chart import XL_LEGEND_POSITION

    shown = [i for i, s in enumerate(spec.series) if s.legend]
    chart.has_legend = bool(spec.legend and len(shown) > 1)
    if not chart.has_legend:
        return
    chart.legend.position = XL_LEGEND_POSITION.TOP
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(SIZES["chart"])
    total = len(spec.series) + n_annotations
    hidden = [i for i in range(total) if i >= len(spec.series) or not spec.series[i].legend]
    legend = chart.legend._element
    for index in hidden:  # c:legendEntry must come right after c:legendPos
        entry = etree.Element(qn("c:legendEntry"))
        etree.SubElement(entry, qn("c:idx")).set("val", str(index))
        etree.SubElement(entry, qn("c:delete")).set("val", "1")
        legend.find(qn("c:legendPos")).addnext(entry)


def _style_series(chart, spec: Panel, lang: str) -> None:
    plot = chart.plots[0]
    if spec.kind in ("bar", "column"):
        plot.gap_width = 60
        plot.overlap = -10 if len(spec.series) > 1 else 0
    for series, data in zip(plot.series, spec.series, strict=False):
        _series_format(series, data, spec.kind)
        points = [j for j, v in enumerate(data.values) if v is not None] if spec.kind == "xy" \
            else range(len(data.values))  # fmt: skip
        _point_colours(series, data, spec.kind, points)
        _point_labels(series, data, spec, points, lang)


def _series_format(series, data: Series, kind: str) -> None:
    """Dots (xy), a line (line) or filled bars, in the series' colour."""
    from pptx.enum.chart import XL_MARKER_STYLE

    if kind == "xy":
        series.format.line.fill.background()  # dots, not a line
        if data.marker:
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 14
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = RGBColor.from_string(data.colour)
            series.marker.format.line.fill.background()
        else:
            series.marker.style = XL_MARKER_STYLE.NONE
    elif kind == "line":
        series.format.line.color.rgb = RGBColor.from_string(data.colour)
        series.format.line.width = Pt(2.5)
        series.smooth = False
        if data.dashed:
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
    else:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(data.colour)
        series.invert_if_negative = False


def _point_colours(series, data: Series, kind: str, points) -> None:
    """The points whose colour differs from the series' (``points``: the drawn points' indices
    in ``data``, in the order the chart holds them)."""
    for k, j in enumerate(points):
        colour = data.point_colours[j] if data.point_colours else None
        if colour is None or colour == data.colour:
            continue
        point = series.points[k]
        fill = point.marker.format.fill if kind == "xy" else point.format.fill
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(colour)


def _point_labels(series, data: Series, spec: Panel, points, lang: str) -> None:
    """Each point's label as the spec formats it: right of a dot (left of one in the right half
    of the axis), above a line's point, outside a bar's end; a figure not published in grey
    italics where its bar would start."""
    from pptx.enum.chart import XL_LABEL_POSITION

    position = {
        "xy": XL_LABEL_POSITION.RIGHT,
        "line": XL_LABEL_POSITION.ABOVE,
    }.get(spec.kind, XL_LABEL_POSITION.OUTSIDE_END)
    for k, j in enumerate(points):
        label = data.label(j)
        if not label:
            continue
        right_half = (spec.kind == "xy" and data.marker
                      and (data.x or ())[j] > (spec.axis_max or 0) / 2)  # fmt: skip
        missing = data.values[j] is None
        _data_label(series.points[k], label, lang,
                    XL_LABEL_POSITION.LEFT if right_half else position,
                    colour=GREY if missing or not data.marker else INK,
                    italic=missing)  # fmt: skip


def _data_label(point, text: str, lang: str, position, *, colour: str = INK, italic=False):
    data_label = point.data_label
    frame = data_label.text_frame
    frame.word_wrap = False  # one line per line: LibreOffice otherwise wraps long labels
    lines = text.split("\n")
    frame.text = lines[0]
    for line in lines[1:]:
        frame.add_paragraph().text = line
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            style_run(run, lang, size=SIZES["chart"], colour=colour, italic=italic)
    data_label.position = position


def _style_annotations(chart, spec: Panel, annotations: list[Series], lang: str) -> None:
    """The XY chart's reference edges (dashed lines) and band names (label-only points)."""
    from pptx.enum.chart import XL_LABEL_POSITION, XL_MARKER_STYLE

    series_list = list(chart.plots[0].series)[len(spec.series) :]
    for series, data in zip(series_list, annotations, strict=True):
        series.marker.style = XL_MARKER_STYLE.NONE
        if data.line:
            line = series.format.line
            line.color.rgb = RGBColor.from_string(data.colour)
            line.width = Pt(1)
            line.dash_style = MSO_LINE_DASH_STYLE.DASH if data.dashed else None
            series.smooth = False
        else:
            series.format.line.fill.background()
        for j in range(len(data.values)):
            if data.label(j):
                _data_label(series.points[j], data.label(j), lang, XL_LABEL_POSITION.CENTER,
                            colour=data.colour_of(j))  # fmt: skip


def _reference_lines(chart, spec: Panel, lang: str) -> None:
    """Move the reference series (added last) onto a line chart over the columns, dashed, with
    their label on the last point."""
    from pptx.enum.chart import XL_LABEL_POSITION

    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    bars = plot_area.find(qn("c:barChart")) if spec.kind != "line" else None
    if bars is None:  # a line chart: the reference series are lines already
        host = plot_area.find(qn("c:lineChart"))
        moved = host.findall(qn("c:ser"))[len(spec.series) :]
    else:
        serieses = bars.findall(qn("c:ser"))
        moved = serieses[len(spec.series) :]
        host = etree.SubElement(plot_area, qn("c:lineChart"))
        etree.SubElement(host, qn("c:grouping")).set("val", "standard")
        etree.SubElement(host, qn("c:varyColors")).set("val", "0")
        for ser in moved:
            bars.remove(ser)
            for tag in ("c:invertIfNegative", "c:spPr", "c:dLbls"):
                for old in ser.findall(qn(tag)):
                    ser.remove(old)
            host.append(ser)
        etree.SubElement(host, qn("c:marker")).set("val", "1")
        for axis_id in bars.findall(qn("c:axId")):
            etree.SubElement(host, qn("c:axId")).set("val", axis_id.get("val"))
        bars.addnext(host)
    from pptx.chart.series import LineSeries

    n = len(spec.categories)
    for ser, ref in zip(moved, spec.references, strict=True):
        series = LineSeries(ser)
        series.smooth = False
        line = series.format.line
        line.color.rgb = RGBColor.from_string(ref.colour)
        line.width = Pt(1.5)
        if ref.dashed:
            line.dash_style = MSO_LINE_DASH_STYLE.DASH
        from pptx.enum.chart import XL_MARKER_STYLE

        series.marker.style = XL_MARKER_STYLE.NONE
        _data_label(series.points[n - 1], ref.label, lang, XL_LABEL_POSITION.ABOVE,
                    colour=GREY)  # fmt: skip


def _blanks_at_zero(chart) -> None:
    """Draw empty cells at zero height, so the label of a figure that is not published has a
    place (the embedded data keep the cell empty: no number is written for it)."""
    chart_el = chart._chartSpace.find(qn("c:chart"))
    blanks = chart_el.find(qn("c:dispBlanksAs"))
    if blanks is None:
        blanks = etree.Element(qn("c:dispBlanksAs"))
        anchor = chart_el.find(qn("c:plotVisOnly"))
        (anchor.addnext if anchor is not None else chart_el.append)(blanks)
    blanks.set("val", "zero")


def _axes(chart, spec: Panel, lang: str, annotations: list[Series]) -> None:
    from pptx.enum.chart import XL_TICK_LABEL_POSITION

    value_axis = chart.category_axis if spec.kind == "xy" else chart.value_axis
    other_axis = chart.value_axis if spec.kind == "xy" else chart.category_axis
    value_axis.has_major_gridlines = True
    value_axis.major_gridlines.format.line.color.rgb = RGBColor.from_string("D9D9D9")
    value_axis.tick_labels.font.size = Pt(SIZES["chart"])
    value_axis.tick_labels.number_format = spec.axis_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.format.line.fill.background()
    if spec.axis_min is not None:
        value_axis.minimum_scale = spec.axis_min
    if spec.axis_max is not None:
        value_axis.maximum_scale = spec.axis_max
    if spec.kind == "xy":
        value_axis.major_unit = 1
    if spec.axis_title:
        value_axis.has_title = True
        frame = value_axis.axis_title.text_frame
        frame.text = spec.axis_title
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                style_run(run, lang, size=SIZES["chart"], colour=GREY)
    other_axis.tick_labels.font.size = Pt(SIZES["chart"])
    other_axis.has_major_gridlines = False
    if spec.hide_category_axis:
        other_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
        other_axis.format.line.fill.background()
        other_axis.visible = True
        other_axis.minimum_scale = 0
        top = _xy_top(spec)
        other_axis.maximum_scale = top + (BAND_TOP + 0.6 if annotations else 1)
