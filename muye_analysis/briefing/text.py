"""Briefing words: a thin re-export of :mod:`muye_analysis.vocab`, the project's one vocabulary."""

from muye_analysis.vocab import LANGS, STRINGS, ordinal, pct, target_text, text  # noqa: F401
