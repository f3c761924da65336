"""The notebook suite: which notebooks exist, in reading order, and what each one promises.

The runner (``muye_analysis.runner``), the tests and the briefing pack all read this list, so a
new notebook or figure is declared once, here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from muye_analysis import config

LANGS = ("zh", "en")


@dataclass(frozen=True)
class NotebookSpec:
    """One notebook: its file stem and the figures it always exports.

    ``figures`` are stable chart names; each is saved as ``<name>_<lang>.png`` and ``.svg``.
    Figures that depend on optional data (year-to-date files) are not promised here.
    """

    stem: str
    figures: tuple[str, ...] = ()

    @property
    def path(self) -> Path:
        return config.NOTEBOOKS / f"{self.stem}.py"

    def figure_files(self, lang: str, directory: Path | None = None) -> list[Path]:
        """The files this notebook promises for ``lang``."""
        folder = directory or config.figures_dir()
        return [folder / f"{name}_{lang}.{ext}" for name in self.figures for ext in ("png", "svg")]


NOTEBOOKS = (
    NotebookSpec("01_indicators"),
    NotebookSpec("02_city_rankings", figures=("rank_scorecard", "muye_in_city")),
    NotebookSpec("03_targets", figures=("growth_gap", "projected_levels", "task_targets")),
    NotebookSpec(
        "04_growth_gap_forecasts", figures=("required_growth_grid", "forecast_fan_example")
    ),
)


def notebook(stem: str) -> NotebookSpec:
    """The spec of one notebook by stem (``"02_city_rankings"``) or number (``"02"``)."""
    for spec in NOTEBOOKS:
        if spec.stem == stem or spec.stem.split("_", 1)[0] == stem:
            return spec
    known = ", ".join(s.stem for s in NOTEBOOKS)
    raise KeyError(f"no notebook {stem!r}; known: {known}")
