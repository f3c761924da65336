"""Helpers shared by the reader's rule tests."""

from __future__ import annotations

from muye_analysis.extract import extract_facts

# Text columns a test compares with "" where the reader leaves them empty.
_TEXT_COLUMNS = ("comparator", "stage", "rank_scope", "ranked_on", "subject")


def fact_rows(text: str, *columns: str, **kwargs) -> list[tuple]:
    """The reader's facts of ``text`` as tuples of ``columns``, empty text columns as ""."""
    facts = extract_facts(text, **kwargs)
    facts = facts.fillna({c: "" for c in columns if c in _TEXT_COLUMNS})
    return list(zip(*(facts[c] for c in columns), strict=True))
