"""The 经济运行分析's pictures: the 进度监测 traffic lights (the charts package's
``plot_progress``) and, for the growth targets, the growth so far beside the growth the rest of
the year needs. Both at the charts' ``document`` size, titled by the caption the document prints
under them (``headed_elsewhere``), stamped when the data are synthetic, with their source line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import vocab

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

SIZE = "document"


def source_line(table: pd.DataFrame, lang: str) -> str:
    """资料来源：the report; the year-to-date files (and the synthetic stamp)."""
    files = sorted({str(f) for f in table["file"].dropna()})
    extra = [vocab.text("progress_data_source", lang, files=vocab.join_names(files, lang))]
    if bool(table["synthetic"].fillna(False).any()):
        extra.append(vocab.text("synthetic_stamp", lang))
    return vocab.source_line(lang, extra if files else [])


def progress_figure(table: pd.DataFrame, lang: str) -> Figure:
    """Every target's status, completion against 序时进度, growth so far and needed."""
    from muye_analysis.charts.layout import headed_elsewhere
    from muye_analysis.charts.progress import plot_progress

    with headed_elsewhere():
        return plot_progress(table, lang=lang, size=SIZE)


def growth_needed_figure(table: pd.DataFrame, lang: str) -> Figure:
    """The growth targets with a figure: growth so far (blue) and the growth the rest of the
    year needs (orange) as bars, the annual target as a tick; the figures as labels."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    from muye_analysis.charts.layout import (
        ChartText,
        finish_chart,
        headed_elsewhere,
        stamp_synthetic,
        start_chart,
    )
    from muye_analysis.charts.style import BLUE, INK, ORANGE, house_style
    from muye_analysis.display import fixed, is_missing

    rows = [
        r
        for r in table.to_dict("records")
        if r["progress_kind"] == "growth" and not is_missing(r.get("required_growth"))
    ]
    period = table.attrs["as_of"]
    with headed_elsewhere(), house_style(SIZE) as spec:
        fig, ax = start_chart(None, spec)
        height = 0.36
        for i, row in enumerate(rows):
            y = len(rows) - 1 - i
            so_far, need = float(row["ytd_value"]), float(row["required_growth"])
            ax.barh(y + height / 2, so_far, height=height, color=BLUE)
            ax.barh(y - height / 2, need, height=height, color=ORANGE)
            ax.plot([row["target"]] * 2, [y - height * 1.1, y + height * 1.1], color=INK, lw=1.6)
            for value, dy in ((so_far, height / 2), (need, -height / 2)):
                ax.annotate(f"{fixed(value, 1)}", (max(value, 0), y + dy), xytext=(3, 0),
                            textcoords="offset points", va="center",
                            fontsize=spec.annotation)  # fmt: skip
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([vocab.indicator_name(r["indicator"], lang) for r in reversed(rows)])
        ax.axvline(0, color=INK, lw=0.6)
        ax.set_xlabel(vocab.text("doc.chart.axis", lang))
        values = [float(r[c]) for r in rows for c in ("ytd_value", "required_growth", "target")]
        ax.set_xlim(min(0.0, *values) * 1.15, max(values) * 1.15)
        handles = [Patch(color=BLUE), Patch(color=ORANGE), Line2D([], [], color=INK, lw=1.6)]
        names = [vocab.text("doc.chart.growth_so_far", lang, period=period),
                 vocab.text("doc.chart.growth_needed", lang, period=period),
                 vocab.text("doc.chart.target", lang)]  # fmt: skip
        if bool(table["synthetic"].fillna(False).any()):
            stamp_synthetic(ax, vocab.text("synthetic_stamp", lang), fontsize=spec.annotation,
                            where="above")  # fmt: skip
        text = ChartText(title=vocab.text("doc.figure.growth", lang, period=period),
                         subtitle=vocab.text("doc.chart.subtitle", lang),
                         source=source_line(table, lang), legend=(handles, names))  # fmt: skip
        return finish_chart(fig, text, spec)
