"""muye-analysis: Muye District's economic plan report as tidy, sourced data.

Start a session with ``ma.Report.open(lang, as_of)`` (:mod:`muye_analysis.session`): the report,
its tables, the year-to-date store and the period, loaded once. The loaders and the
subpackages users reach for (``ma.progress``, ``ma.targets``, ``ma.forecast``, ``ma.charts``,
...) resolve lazily, on first use, so that ``import muye_analysis`` stays light: pandas,
matplotlib and statsmodels load only where they are used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> the module that defines it
_LAZY = {
    "Report": "muye_analysis.session",
    "load_indicators": "muye_analysis.dataset",
    "load_registry": "muye_analysis.dataset",
    "load_targets": "muye_analysis.dataset",
    "load_rankings": "muye_analysis.dataset",
    "load_context": "muye_analysis.context",
}
# The subpackages and modules users reach for as ``ma.<name>``, imported on first use.
_SUBMODULES = (
    "attainment", "briefing", "charts", "claims", "config", "dataset", "document", "extract",
    "forecast", "league", "periods", "progress", "quarterly", "reports", "session", "summary",
    "tables", "targets", "units", "views", "vocab",
)  # fmt: skip

__all__ = [
    "Report",
    "__version__",
    "load_context",
    "load_indicators",
    "load_rankings",
    "load_registry",
    "load_targets",
    *_SUBMODULES,
]

if TYPE_CHECKING:  # pragma: no cover
    from muye_analysis.context import load_context
    from muye_analysis.dataset import (
        load_indicators,
        load_rankings,
        load_registry,
        load_targets,
    )
    from muye_analysis.session import Report


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'muye_analysis' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
