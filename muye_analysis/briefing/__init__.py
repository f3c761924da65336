"""Briefing pack: one call to a slide deck and a standalone HTML report (``muye brief``).

Outputs, in ``config.build_dir()`` unless ``build_dir`` is given:

=========  ==========================  ===========================
language   deck                        report
=========  ==========================  ===========================
``zh``     ``build/briefing.pptx``     ``build/briefing.html``
``en``     ``build/briefing_en.pptx``  ``build/briefing_en.html``
=========  ==========================  ===========================

Chinese is the default and keeps the plain names, so links and habits ("send me
briefing.pptx") survive a rerun; English gets a suffix so both can sit side by side. The chart
PNGs (200 dpi) go to ``build/briefing_figures/``. Each output is written to a temporary file
and renamed into place, so a failed build leaves the previous one intact.

The slides: a title (district, period, data vintage); the headline table (base-year actual,
plan-year target, gap); year-to-date slides when the processed store holds real figures for the
target year (the growth still needed, forecast fans); then one slide per report chart, each with
a takeaway computed from the data and its source line. The latest report in data/ drives it.

Importing this package is cheap; python-pptx, matplotlib and pandas load when a briefing is built.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config

if TYPE_CHECKING:
    from muye_analysis.briefing.catalogue import ReportData

FIGURES_FOLDER = "briefing_figures"


@dataclass
class BriefingResult:
    """What ``build_briefing`` wrote, and how long it took."""

    lang: str
    pptx: Path
    html: Path
    figures: list[Path]
    slide_titles: list[str]
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def paths(self) -> tuple[Path, Path]:
        """(deck, report)."""
        return self.pptx, self.html

    def summary(self, lang: str | None = None) -> str:
        """What was written, for the terminal."""
        from muye_analysis.vocab import text

        lang = lang or self.lang
        lines = [
            text(
                "summary_wrote",
                lang,
                slides=text("summary_slides", lang, n=len(self.slide_titles)),
                took=text("summary_seconds", lang, seconds=self.seconds),
            ),
            f"  {self.pptx}",
            f"  {self.html}",
        ]
        lines += [f"  {note}" for note in self.notes]
        return "\n".join(lines)


def output_paths(
    lang: str = "zh", build_dir: str | Path | None = None, *, demo: bool = False
) -> tuple[Path, Path]:
    """Where the deck and the report for ``lang`` go: briefing.pptx/.html, or *_en for English;
    briefing_demo*.pptx/.html for the demonstration (never over a real briefing)."""
    from muye_analysis.outputs import check_output_folder

    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    folder = Path(build_dir) if build_dir is not None else config.build_dir()
    # The output gate: never into data/ (--build-dir or MUYE_BUILD_DIR pointing there).
    check_output_folder(
        folder, setting="--build-dir" if build_dir is not None else "the build folder"
    )
    stem = "briefing_demo" if demo else "briefing"
    stem = stem if lang == "zh" else f"{stem}_{lang}"
    return folder / f"{stem}.pptx", folder / f"{stem}.html"


def build_briefing(
    lang: str = "zh",
    *,
    build_dir: str | Path | None = None,
    charts: Sequence[str] | None = None,
    allow_synthetic: bool = False,
    as_of: object = None,
    demo: bool = False,
    data: ReportData | None = None,
) -> BriefingResult:
    """Build the deck and the HTML report for ``lang`` and return where they went.

    ``data`` are the report's tables (``ma.Report(...).data``; default: loaded from the
    curated data).

    ``as_of`` is the year-to-date period the briefing speaks of (a Period, or a label such as
    前三季度 or YYYY年1-9月: parsed once by ``reports.as_of_period``, the plan year implied);
    by default the latest period in the store.

    ``charts`` keeps only the named report charts (names of
    ``muye_analysis.charts.registry.REPORT_CHARTS``). ``allow_synthetic`` lets synthetic or
    example rows of the processed store into the year-to-date slides, stamped as such: for
    tests and demonstrations only, never for a real briefing. ``demo`` names the outputs
    briefing_demo* and stamps the cover as a demonstration (``build_demo`` sets it).
    """
    from muye_analysis.briefing.assemble import assemble_briefing
    from muye_analysis.briefing.deck import write_deck
    from muye_analysis.briefing.html_report import write_html

    start = time.perf_counter()
    pptx_path, html_path = output_paths(lang, build_dir, demo=demo)
    figure_dir = pptx_path.parent / (FIGURES_FOLDER + ("_demo" if demo else ""))
    from muye_analysis.reports import as_of_period

    period = as_of_period(as_of)
    briefing = assemble_briefing(lang, figure_dir, charts=charts,
                                 allow_synthetic=allow_synthetic or demo, as_of=period,
                                 demo=demo, data=data)  # fmt: skip
    write_deck(briefing, pptx_path)
    write_html(briefing, html_path, font_cache=figure_dir)
    return BriefingResult(
        lang=lang,
        pptx=pptx_path,
        html=html_path,
        figures=[s.image for s in briefing.charts],
        slide_titles=[briefing.title.title, *(s.title for s in briefing.slides)],
        notes=list(briefing.notes),
        seconds=time.perf_counter() - start,
    )


def build_demo(lang: str = "zh", *, build_dir: str | Path | None = None) -> BriefingResult:
    """A demonstration briefing from the synthetic examples (``examples/demo/``): they are
    ingested into a temporary store (the processed store is never touched) and every slide
    drawn from them is stamped as synthetic; the cover says it is a demonstration. What
    ``muye brief --demo`` runs. Outputs: briefing_demo.pptx/.html (``_en`` for English)."""
    import os
    import tempfile

    from muye_analysis.quarterly import ingest_quarterly

    demo_dir = config.EXAMPLES / "demo"
    files = sorted(p for p in demo_dir.iterdir() if p.name.startswith("synthetic_"))
    files.sort(key=lambda p: "bureau" in p.name)  # the history and the city tables first
    before = os.environ.get("MUYE_PROCESSED_DIR")
    with tempfile.TemporaryDirectory(prefix="muye-demo-") as store:
        os.environ["MUYE_PROCESSED_DIR"] = store  # the briefing reads this store only
        try:
            for path in files:
                ingest_quarterly(path, store_dir=store)
            return build_briefing(lang, build_dir=build_dir, demo=True)
        finally:
            if before is None:
                os.environ.pop("MUYE_PROCESSED_DIR", None)
            else:
                os.environ["MUYE_PROCESSED_DIR"] = before


__all__ = ["BriefingResult", "build_briefing", "build_demo", "output_paths"]
