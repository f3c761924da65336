"""Chart words: a thin re-export of :mod:`muye_analysis.vocab`, the project's one vocabulary.

Kept so that ``from muye_analysis.charts import labels`` and ``labels.text(...)`` keep working.
"""

from muye_analysis.vocab import *  # noqa: F403
from muye_analysis.vocab import (  # noqa: F401  (names star-import skips or tests use)
    _SCALED_UNITS_EN,
    _check_lang,
    _is_missing,
)
