"""Reader, round eight (helper t): tables the blind_v8 bulletins and plans printed, each rule
tested on short tables modelled on their form."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _rows(text: str, *columns: str) -> list[tuple]:
    facts = extract_facts(text)
    return list(zip(*(facts[c] for c in columns), strict=True))


def test_a_header_spaced_out_to_its_cell_still_names_a_growth_column():
    text = "2023年某县物价涨跌幅度\n指 标 | 涨 幅 |\n居民消费价格 | 0.4 |\n粮 食 | -1.2 |\n"
    rows = _rows(text, "subject", "value", "measure", "unit")
    assert ("居民消费价格", 0.4, "growth_rate", "%") in rows
    assert ("粮 食", -1.2, "growth_rate", "%") in rows
