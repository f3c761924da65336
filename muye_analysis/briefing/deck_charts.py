"""Native (editable) PowerPoint charts for the deck: bars, clustered columns, XY dots and lines
with their data embedded, styled like the rest of the deck (:mod:`muye_analysis.briefing.deck`)."""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Inches, Pt

from muye_analysis.briefing.deck_style import GREY, INK, LATIN_FONT, SIZES, style_run
from muye_analysis.briefing.model import NativeChart

# -- native charts ----------------------------------------------------------------------------


def add_native_chart(slide, spec: NativeChart, lang: str, left, top, width, height):
    """Draw ``spec`` as an editable chart (data embedded) and return its graphic frame."""
    from pptx.chart.data import CategoryChartData, XyChartData
    from pptx.enum.chart import XL_CHART_TYPE

    if spec.kind == "bar":
        spec = _top_down(spec)
    if spec.kind == "xy":
        spec = _xy_for_libreoffice(spec)
        data = XyChartData()
        for series in spec.series:
            points = data.add_series(series.name, number_format=spec.number_format)
            for x, y in zip(series.x or (), series.values, strict=True):
                points.add_data_point(x, y)
        chart_type = XL_CHART_TYPE.XY_SCATTER
    else:
        data = CategoryChartData(number_format=spec.number_format)
        data.categories = list(spec.categories)
        for series in spec.series:
            data.add_series(series.name, list(series.values))
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
    _chart_title(chart, spec.title, lang)
    _legend(chart, spec)
    _style_series(chart, spec, lang)
    _axes(chart, spec, lang)
    return frame


def _top_down(spec: NativeChart) -> NativeChart:
    """Horizontal bars list their first category at the bottom: reverse the categories (and
    the series within a group) so the chart reads top down as the spec does. Reversing the
    axis instead moves the value axis to the top in LibreOffice."""
    from dataclasses import replace

    def flip(series):
        return replace(
            series,
            values=series.values[::-1],
            labels=series.labels[::-1] if series.labels else None,
            point_colours=series.point_colours[::-1] if series.point_colours else None,
        )

    return replace(spec, categories=spec.categories[::-1],
                   series=tuple(flip(s) for s in spec.series[::-1]))  # fmt: skip


def _xy_for_libreoffice(spec: NativeChart) -> NativeChart:
    """LibreOffice drops the point of a first XY series that has only one (PowerPoint and WPS
    do not): such a point is given twice, the copy without a label, so every series keeps its
    place and the legend its order (top, middle, bottom third). The copy sits on the point."""
    from dataclasses import replace

    series = list(spec.series)
    if series and len(series[0].values) == 1:
        first = series[0]
        series[0] = replace(
            first,
            values=first.values * 2,
            x=tuple(first.x or ()) * 2,
            labels=(*first.labels, "") if first.labels else None,
        )
    return replace(spec, series=tuple(series))


def _chart_title(chart, title: str, lang: str) -> None:
    chart.has_title = bool(title)
    if title:
        frame = chart.chart_title.text_frame
        frame.text = title
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                style_run(run, lang, size=SIZES["chart_title"], bold=True)


def _legend(chart, spec: NativeChart) -> None:
    from pptx.enum.chart import XL_LEGEND_POSITION

    chart.has_legend = spec.legend and len(spec.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.TOP
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(SIZES["chart"])


def _style_series(chart, spec: NativeChart, lang: str) -> None:
    from pptx.enum.chart import XL_LABEL_POSITION, XL_MARKER_STYLE

    plot = chart.plots[0]
    if spec.kind in ("bar", "column"):
        plot.gap_width = 60
        plot.overlap = -10 if len(spec.series) > 1 else 0
    for series, data in zip(plot.series, spec.series, strict=True):
        if spec.kind == "xy":
            series.format.line.fill.background()  # dots, not a line
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 14
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = RGBColor.from_string(data.colour)
            series.marker.format.line.fill.background()
        elif spec.kind == "line":
            series.format.line.color.rgb = RGBColor.from_string(data.colour)
            series.format.line.width = Pt(2.5)
            series.smooth = False
            if data.dashed:
                series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(data.colour)
            series.invert_if_negative = False
        for j, colour in enumerate(data.point_colours or ()):
            point = series.points[j]
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = RGBColor.from_string(colour)
        position = {
            "xy": XL_LABEL_POSITION.RIGHT,
            "line": XL_LABEL_POSITION.ABOVE,
        }.get(spec.kind, XL_LABEL_POSITION.OUTSIDE_END)
        for j, label in enumerate(data.labels or ()):
            if data.values[j] is None or not label:
                continue  # no point, no label; the notes say what is missing
            data_label = series.points[j].data_label
            frame = data_label.text_frame
            frame.word_wrap = False  # one line: LibreOffice otherwise wraps long labels
            frame.text = label
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    style_run(run, lang, size=SIZES["chart"], colour=INK)
            right_half = spec.kind == "xy" and (data.x or ())[j] > (spec.axis_max or 0) / 2
            data_label.position = XL_LABEL_POSITION.LEFT if right_half else position


def _axes(chart, spec: NativeChart, lang: str) -> None:
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
        other_axis.maximum_scale = (
            max((v for s in spec.series for v in s.values if v is not None), default=1) + 1
        )
