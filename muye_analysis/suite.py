"""The notebook suite: which notebooks exist, in reading order, and what each one promises.

The runner (``muye_analysis.runner``) and the tests read this list, so a new notebook or figure
is declared once, here. The charts the notebooks export are named in the chart registry
(``muye_analysis.charts.registry``); the briefing draws its own copies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from muye_analysis import config
from muye_analysis.charts.registry import notebook_charts, notebook_data_charts

LANGS = ("zh", "en")


@dataclass(frozen=True)
class NotebookSpec:
    """One notebook: its file stem and the figures it always exports.

    ``figures`` are stable chart names; each is saved as ``<name>_<lang>.png`` and ``.svg``.
    Figures that depend on optional data (year-to-date files) are not promised here.
    """

    stem: str
    figures: tuple[str, ...] = ()
    data_figures: tuple[str, ...] = ()  # exported when the year-to-date store has the data

    @property
    def path(self) -> Path:
        return config.NOTEBOOKS / f"{self.stem}.py"

    def figure_files(
        self, lang: str, directory: Path | None = None, *, with_data: bool = False
    ) -> list[Path]:
        """The files this notebook promises for ``lang`` (``with_data``: and the files it writes
        when the year-to-date store has the data)."""
        folder = directory or config.figures_dir()
        names = self.figures + (self.data_figures if with_data else ())
        return [folder / f"{name}_{lang}.{ext}" for name in names for ext in ("png", "svg")]


NOTEBOOKS = tuple(
    # the charts: muye_analysis.charts.registry
    NotebookSpec(stem, figures=notebook_charts(stem), data_figures=notebook_data_charts(stem))
    for stem in ("01_indicators", "02_city_rankings", "03_targets", "04_growth_gap_forecasts")
)


def notebook(stem: str) -> NotebookSpec:
    """The spec of one notebook by stem (``"02_city_rankings"``) or number (``"02"``)."""
    for spec in NOTEBOOKS:
        if spec.stem == stem or spec.stem.split("_", 1)[0] == stem:
            return spec
    known = ", ".join(s.stem for s in NOTEBOOKS)
    raise KeyError(f"no notebook {stem!r}; known: {known}")
