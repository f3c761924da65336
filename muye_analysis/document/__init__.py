"""The office's 经济运行分析 (economic-performance analysis) in Word, drafted from the data.

``write_analysis(path, as_of=..., lang=...)`` writes the document (``muye report --docx``);
``build_analysis(...)`` returns its content — sections, headings, paragraphs of rendered
claims, tables as DataFrames, pictures to draw, the 附注 and the numbered notes with every
figure's source — so it can be read and tested without Word. The layout (GB/T 9704 as district
offices apply it) is :mod:`muye_analysis.document.word`.

Without a figure of the plan year in the store up to the period, there is no period to analyse:
both refuse with :class:`NoYearToDateData`, whose message says to ingest the bureau's table.

Importing this package is cheap: python-docx and matplotlib load when a document is written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis.document.content import NoYearToDateData, build_analysis
from muye_analysis.document.parts import (
    AnalysisDocument,
    Heading,
    Paragraph,
    Picture,
    Section,
    Table,
)

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.periods import Period


def write_analysis(
    path: str | Path,
    *,
    as_of: Period | str | None = None,
    lang: str = "zh",
    store: pd.DataFrame | None = None,
    issuer: str | None = None,
    today: date | None = None,
    charts: bool = True,
) -> Path:
    """Draft the 经济运行分析 of ``as_of`` (default: the latest year-to-date period in the store)
    in ``lang`` and write it to ``path`` (.docx, through the output gate, atomically); return the
    path. ``issuer`` is the 编制单位 (default: the district's development and reform
    commission); ``today`` the date it is drafted on; ``charts=False`` leaves the pictures out.
    Raises :class:`NoYearToDateData` when the store has no figure of the plan year."""
    from muye_analysis.document.word import write_docx
    from muye_analysis.outputs import check_output_path

    path = check_output_path(path, example="build/经济运行分析.docx")
    doc = build_analysis(as_of, lang, store=store, issuer=issuer, today=today, charts=charts)
    return write_docx(doc, path)


__all__ = [
    "AnalysisDocument", "Heading", "NoYearToDateData", "Paragraph", "Picture", "Section",
    "Table", "build_analysis", "write_analysis",
]  # fmt: skip
