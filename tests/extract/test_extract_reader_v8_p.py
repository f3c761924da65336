"""Reader, round eight (helper p): prose the blind_v8 documents printed, each rule tested."""

from __future__ import annotations

from muye_analysis.extract import extract_facts
from muye_analysis.extract.io import explain_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


# -- the Chinese explanation ----------------------------------------------------------------------


def test_a_garbled_comparison_verb_is_explained_in_chinese():
    text = explain_facts(extract_facts("全县生产总值增长8%，增速阿于全市0.5个百分点。"), lang="zh")
    assert "比较词无法识别，符号按原文" in text
    assert "verb not read" not in text
