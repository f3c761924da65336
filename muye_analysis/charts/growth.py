"""Growth gap: base-year growth against the plan-year target for each headline indicator."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from muye_analysis import vocab
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import (
    ChartText,
    finish_chart,
    not_stated_style,
    set_value_ticks,
    start_chart,
)
from muye_analysis.charts.style import (
    ACTUAL_COLOUR,
    GREY,
    INK,
    LIGHT_GREY,
    TARGET_COLOUR,
    SizeSpec,
    house_style,
    size_spec,
)
from muye_analysis.display import fixed
from muye_analysis.reports import year_fields
from muye_analysis.views import growth_gap_view

ACTUAL_GID = "muye-actual"
TARGET_GID = "muye-target"
GAP_GID = "muye-gap"


def plot_growth_gap(
    targets: pd.DataFrame | None = None,
    *,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """Dumbbell chart: base-year actual growth to the plan-year target, the gap in points.

    ``targets`` is ``load_targets()`` (the default). Where the report states no base-year growth
    (first report: GDP, fixed-asset investment) the row shows a "…年未公布" mark, no dot and no
    gap. Row labels carry the growth basis, (实际) real or (名义) nominal.
    """
    if targets is None:
        import muye_analysis

        targets = muye_analysis.load_targets()
    lang = resolve_lang(lang)
    view = growth_gap_view(targets)
    years = year_fields(view)
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, ax = start_chart(ax, spec)
        _draw(ax, view, lang, spec)
        text = ChartText(
            title=vocab.text("gap_title", lang, **years),
            subtitle=vocab.text("gap_subtitle", lang, **years),
            notes=_notes(view, lang),
            source=vocab.source_line(lang, **years),
            legend=(
                [_legend_dot(ACTUAL_COLOUR, spec), _legend_dot(TARGET_COLOUR, spec)],
                [
                    vocab.text("gap_actual", lang, **years),
                    vocab.text("gap_target", lang, **years),
                ],
            ),
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def row_label(row: pd.Series, lang: str) -> str:
    """'GDP（实际）': short name and growth basis."""
    return vocab.indicator_name(row, lang) + vocab.basis_suffix(row["price_basis"], lang)


def _draw(ax: Axes, view: pd.DataFrame, lang: str, spec: SizeSpec) -> None:
    years = year_fields(view)
    ys = list(range(len(view)))[::-1]
    low = min(0.0, float(view["actual"].min(skipna=True) or 0.0))
    high = float(view["target"].max())
    span = high - low
    ax.set_xlim(low - 0.25 * span, high + 0.42 * span)  # room for the labels either side
    # Ticks only over the data's range: the padding is for labels, not for reading values.
    set_value_ticks(ax, low, high)
    dot = (1.2 * spec.marker) ** 2
    for y, (_, row) in zip(ys, view.iterrows(), strict=True):
        target = float(row["target"])
        if pd.notna(row["actual"]):
            actual = float(row["actual"])
            ax.plot([actual, target], [y, y], color=LIGHT_GREY, linewidth=3 * spec.line, zorder=1)
            ax.scatter([actual], [y], s=dot, color=ACTUAL_COLOUR, zorder=3, gid=ACTUAL_GID)
            ax.annotate(
                f"{fixed(actual, 1)}%",  # as the report prints it (2.0%)
                (actual, y),
                xytext=(-spec.marker, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=spec.annotation,
                color=GREY,
            )
            ax.annotate(
                vocab.text("pp", lang, value=float(row["gap_pp"])),
                ((actual + target) / 2, y),
                xytext=(0, 0.8 * spec.marker),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=spec.annotation,
                color=INK,
                gid=GAP_GID,
            )
        else:
            ax.text(
                low,
                y,
                vocab.text("not_stated", lang, **years),
                ha="left",
                va="center",
                **not_stated_style(spec),
            )
        ax.scatter([target], [y], s=dot, color=TARGET_COLOUR, zorder=4, gid=TARGET_GID)
        ax.annotate(
            vocab.qualified(f"{target:g}%", row["bound"], lang),
            (target, y),
            xytext=(spec.marker, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=spec.annotation,
            color=TARGET_COLOUR,
        )
    ax.set_yticks(ys, [row_label(row, lang) for _, row in view.iterrows()])
    ax.set_ylim(-0.6, len(view) - 0.4)
    ax.set_xlabel(vocab.text("gap_axis", lang, **years))
    ax.axvline(0, color=GREY, linewidth=0.8, zorder=0)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)


def _legend_dot(colour: str, spec: SizeSpec) -> Line2D:
    return Line2D([], [], linestyle="", marker="o", markersize=spec.marker, color=colour)


def _notes(view: pd.DataFrame, lang: str) -> list[str]:
    years = year_fields(view)
    notes = [vocab.text("gap_note", lang)]
    missing = view[view["actual"].isna()]
    if len(missing):
        names = vocab.join_names(
            [vocab.indicator_name(r, lang) for _, r in missing.iterrows()], lang
        )
        notes.append(vocab.text("gap_missing_note", lang, **years, names=names))
    return notes
