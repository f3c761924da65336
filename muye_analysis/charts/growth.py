"""Growth gap: base-year growth beside the plan-year target for each headline indicator.

:func:`growth_gap_spec` is the chart as data (:mod:`muye_analysis.chart_spec`), drawn by
:func:`plot_growth_gap` here and by the deck's native chart alike: columns of last year's growth
(blue) and this year's target (orange) per indicator, the target labelled with its qualifier and
the gap in points, and "…年未公布" where the report gives no base-year growth (no bar, never a
zero).
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from muye_analysis import vocab
from muye_analysis.chart_spec import COLOURS, ChartSpec, Note, Panel, Series
from muye_analysis.charts.chart import Chart
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.claims import charts as claims
from muye_analysis.display import fixed
from muye_analysis.reports import year_fields
from muye_analysis.views import growth_gap_view


def plot_growth_gap(
    targets: pd.DataFrame | None = None,
    *,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """Base-year growth and the plan-year target per headline indicator, the gap in points.

    ``targets`` is ``load_targets()`` (the default). Where the report states no base-year growth
    (first report: GDP, fixed-asset investment) the column says "…年未公布" and there is no gap.
    Category labels carry the growth basis, （可比价） or （现价）.
    """
    from muye_analysis.charts.draw import draw_spec

    return draw_spec(growth_gap_spec(targets, lang=lang), ax=ax, size=size)


def growth_gap_spec(targets: pd.DataFrame | None = None, *, lang: str = "zh") -> ChartSpec:
    """The growth-gap chart as data: one column panel, both renderers draw it."""
    if targets is None:
        import muye_analysis

        targets = muye_analysis.load_targets()
    lang = resolve_lang(lang)
    view = growth_gap_view(targets)
    years = year_fields(view)
    actual = tuple(None if pd.isna(v) else float(v) for v in view["actual"])
    not_stated = vocab.text("not_stated", lang, **years)
    actual_labels = tuple(not_stated if v is None else f"{fixed(v, 1)}%" for v in actual)
    target_labels = tuple(_target_label(row, lang) for _, row in view.iterrows())
    low = min([0.0, *(v for v in actual if v is not None)])
    panel = Panel(
        kind="column",
        categories=tuple(row_label(row, lang) for _, row in view.iterrows()),
        series=(
            Series(
                vocab.text("gap_actual", lang, **years),
                actual,
                COLOURS["muye"],
                labels=actual_labels,
            ),
            Series(
                vocab.text("gap_target", lang, **years),
                tuple(float(v) for v in view["target"]),
                COLOURS["target"],
                labels=target_labels,
            ),
        ),
        axis_title=vocab.text("gap_axis", lang),
        number_format="0.0",
        axis_format="0",
        axis_min=low if low < 0 else 0.0,
    )
    return ChartSpec(
        name="growth_gap",
        panels=(panel,),
        title=vocab.text("gap_title", lang, **years),
        subtitle=vocab.text("gap_subtitle", lang, **years),
        notes=_notes(view, lang),
        source=vocab.source_line(lang, **years),
        lang=lang,
    )


def row_label(row: pd.Series, lang: str) -> str:
    """'地区生产总值（可比价）': short name and growth basis."""
    return vocab.indicator_name(row, lang) + vocab.basis_suffix(row["price_basis"], lang)


def _target_label(row: pd.Series, lang: str) -> str:
    """'8%' with its qualifier ('6%以上' / '≥6%'), and the gap to last year's growth below it."""
    label = vocab.target_text(float(row["target"]), row["qualifier"], row["bound"], lang)
    if pd.notna(row["gap_pp"]):
        label += "\n" + vocab.text("pp", lang, value=float(row["gap_pp"]))
    return label


def _notes(view: pd.DataFrame, lang: str) -> tuple[Note, ...]:
    years = year_fields(view)
    bases = [
        vocab.basis_suffix(b, lang) for b in view["price_basis"] if vocab.basis_suffix(b, lang)
    ]
    notes = [Note(vocab.text("gap_note", lang), evidence=bases[0] if bases else "")]
    missing = view[view["actual"].isna()]
    if len(missing):
        names = vocab.join_names(
            [vocab.indicator_name(r, lang) for _, r in missing.iterrows()], lang
        )
        notes.append(Note(vocab.text("gap_missing_note", lang, **years, names=names),
                          evidence=vocab.text("not_stated", lang, **years)))  # fmt: skip
    return tuple(notes)


# -- the chart, declared once (collected by muye_analysis.charts.registry) --------------------


CHART = Chart(
    "growth_gap", notebook="03_targets", title_key="gap_title", report=True,
    spec=lambda data, lang, assumed: growth_gap_spec(data.targets, lang=lang),
    takeaway=lambda data, assumed: claims.growth_gap_claim(data.targets),
)  # fmt: skip
