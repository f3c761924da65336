"""Projected plan-year levels: the base-year level plus the increment each growth target
implies."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from muye_analysis import vocab
from muye_analysis.charts.fonts import resolve_lang
from muye_analysis.charts.layout import ChartText, finish_chart, start_panels
from muye_analysis.charts.style import (
    ACTUAL_COLOUR,
    TARGET_COLOUR,
    SizeSpec,
    house_style,
    size_spec,
)
from muye_analysis.reports import year_fields
from muye_analysis.views import projection_view

BASE_GID = "muye-base"
INCREMENT_GID = "muye-increment"
FLOOR_GID = "muye-floor"
BAR_WIDTH = 0.5


def plot_projected_levels(
    indicators: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    *,
    deflator_pct: float | None = None,
    lang: str = "zh",
    ax: Axes | None = None,
    size: str | None = None,
) -> Figure:
    """One panel per headline indicator: base-year level, plus the increment its plan-year
    target implies.

    Defaults load ``load_indicators()`` and ``load_targets()``. Each panel has its own scale
    (GDP is twenty times budget revenue), starting at zero. A floor target (以上) gets an
    upward arrow and "≥". GDP's target is real growth: without ``deflator_pct`` the projected
    level is at base-year prices and the chart says so; with it, the level is at current prices
    under that stated deflator assumption. Retail sales and budget revenue targets are nominal,
    so their projections are direct.
    """
    if indicators is None or targets is None:
        import muye_analysis

        indicators = muye_analysis.load_indicators() if indicators is None else indicators
        targets = muye_analysis.load_targets() if targets is None else targets
    lang = resolve_lang(lang)
    view = projection_view(indicators, targets, deflator_pct=deflator_pct)
    years = year_fields(view)  # projection_view raises when no indicator has both figures
    owner_ax = ax
    with house_style(size_spec(size, into_axes=ax is not None)) as spec:
        fig, panels = start_panels(ax, len(view), spec, wspace=0.12)
        for panel, (_, row) in zip(panels, view.iterrows(), strict=True):
            _draw_panel(panel, row, lang, spec)
        text = ChartText(
            title=vocab.text("proj_title", lang, **years),
            subtitle=vocab.text("proj_subtitle", lang, **years),
            notes=_notes(view, deflator_pct, lang),
            source=vocab.source_line(lang, **years),
            legend=_legend(lang, years),
        )
        return finish_chart(fig, text, spec, owner_ax=owner_ax)


def panel_title(row: pd.Series, lang: str) -> str:
    """'GDP：目标6%以上（实际）' / 'GDP: target ≥6% (real)'."""
    target = f"{float(row['target']):g}%"
    if lang == "zh":
        target += "" if pd.isna(row["qualifier"]) else str(row["qualifier"])
    else:
        target = vocab.bound_symbol(row["bound"]) + target
    return vocab.text(
        "proj_panel",
        lang,
        name=vocab.indicator_name(row, lang),
        target=target,
        basis=vocab.basis_suffix(row["price_basis"], lang),
    )


def price_label(row: pd.Series, lang: str) -> str:
    """Which prices the projected level is at."""
    years = year_fields(row)
    key = "proj_at_base_prices" if bool(row["at_base_prices"]) else "proj_nominal"
    return vocab.text(key, lang, **years)


def _draw_panel(ax: Axes, row: pd.Series, lang: str, spec: SizeSpec) -> None:
    base, increment = float(row["base"]), float(row["increment"])
    top = base + increment
    digits = _decimals(base)  # as many decimals as the report prints for the base
    ax.bar([0], [base], width=BAR_WIDTH, color=ACTUAL_COLOUR, gid=BASE_GID)
    ax.bar([0], [increment], bottom=[base], width=BAR_WIDTH, color=TARGET_COLOUR,
           gid=INCREMENT_GID)  # fmt: skip
    unit = vocab.unit_label(str(row["unit"]), lang)
    ax.text(0, base / 2, f"{base:g}", ha="center", va="center", color="white",
            fontsize=spec.annotation)  # fmt: skip
    ax.annotate(
        f"{increment:+.{digits}f}",
        (BAR_WIDTH / 2, base + increment / 2),
        xytext=(spec.marker / 2, 0),
        textcoords="offset points",
        ha="left",
        va="center",
        fontsize=spec.annotation,
        color=TARGET_COLOUR,
    )
    headroom = 0.24 * top  # room for the arrow and the total above the bar
    label_y = top
    if row["bound"] in ("at_least", "at_most"):
        # An arrow says the target is a floor (or a ceiling): the level may be higher (lower).
        direction = 1 if row["bound"] == "at_least" else -1
        ax.annotate(
            "",
            xy=(0, top + direction * 0.08 * top),
            xytext=(0, top),
            arrowprops={"arrowstyle": "-|>", "color": TARGET_COLOUR, "linewidth": spec.line,
                        "mutation_scale": 2 * spec.marker},
            gid=FLOOR_GID,
        )  # fmt: skip
        label_y = top + max(direction, 0) * 0.08 * top
    ax.annotate(
        vocab.bound_symbol(row["bound"]) + f"{top:.{digits}f}",
        (0, label_y),
        xytext=(0, spec.marker / 2),
        textcoords="offset points",
        ha="center",
        va="bottom",
        fontsize=spec.annotation,
        color=TARGET_COLOUR,
    )
    ax.set_ylim(0, top + headroom)
    ax.set_xlim(-0.7, 0.9)
    ax.set_xticks([0], [price_label(row, lang)])
    ax.set_ylabel(unit)
    ax.set_title(panel_title(row, lang), fontsize=spec.label, loc="left")
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", visible=True)


def _legend(lang: str, years: dict[str, int]) -> tuple[list[Patch], list[str]]:
    handles = [Patch(color=ACTUAL_COLOUR), Patch(color=TARGET_COLOUR)]
    return handles, [vocab.text("proj_base", lang, **years), vocab.text("proj_increment", lang)]


def _notes(view: pd.DataFrame, deflator_pct: float | None, lang: str) -> list[str]:
    years = year_fields(view)
    notes = []
    real = view[view["price_basis"] == "real"]
    if len(real):
        names = vocab.join_names([vocab.indicator_name(r, lang) for _, r in real.iterrows()], lang)
        if deflator_pct is None:
            notes.append(vocab.text("proj_real_note", lang, **years, names=names))
        else:
            notes.append(vocab.text("proj_deflator_note", lang, names=names, deflator=deflator_pct))
    if (view["bound"] == "at_least").any():
        notes.append(vocab.text("proj_floor_note", lang))
    return notes


def _decimals(value: float) -> int:
    """Decimals of ``value`` as printed (232.1 → 1, 10.74 → 2), at least 1, at most 2."""
    text = f"{value:.2f}".rstrip("0")
    return min(2, max(1, len(text.split(".")[1])))
