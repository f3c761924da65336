"""muye-analysis: Muye District's economic plan report as tidy, sourced data.

The public loaders are imported lazily so that ``import muye_analysis`` stays light; pandas is
only imported when a table is first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "load_indicators": "muye_analysis.dataset",
    "load_registry": "muye_analysis.dataset",
    "load_targets": "muye_analysis.dataset",
    "load_rankings": "muye_analysis.dataset",
    "load_context": "muye_analysis.context",
}

__all__ = [
    "__version__",
    "load_context",
    "load_indicators",
    "load_rankings",
    "load_registry",
    "load_targets",
]

if TYPE_CHECKING:  # pragma: no cover
    from muye_analysis.context import load_context
    from muye_analysis.dataset import (
        load_indicators,
        load_rankings,
        load_registry,
        load_targets,
    )


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'muye_analysis' has no attribute {name!r}")
