"""Report reader: numeric statements of a Chinese economic report as a reviewable table.

``extract_facts(text)`` returns one row per numeric statement with its subject as written, value,
unit, measure, kind (actual or target), qualifier, rank scope, period, section, offsets and the
exact quote. Subjects are matched to registry indicator ids where a name or synonym fits.
``read_report`` reads a file in any of the usual encodings; ``write_draft`` saves the rows in the
curated dataset's column order for a person to review; ``explain_facts`` says per row which reading
rule found it and from which words (``muye extract --explain``).

Importing the package costs only ``re``; pandas and the registry load on the first call.
"""

from __future__ import annotations

from muye_analysis.extract.facts import (
    DRAFT_COLUMNS,
    FACT_COLUMNS,
    extract_facts,
)
from muye_analysis.extract.io import (
    draft_frame,
    draft_report,
    explain_facts,
    read_report,
    summarise_facts,
    write_draft,
)

__all__ = [
    "DRAFT_COLUMNS",
    "FACT_COLUMNS",
    "draft_frame",
    "draft_report",
    "explain_facts",
    "extract_facts",
    "read_report",
    "summarise_facts",
    "write_draft",
]
