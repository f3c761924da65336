"""Reader, round six (helper t): bulletin tables of the shapes blind_v6 missed."""

from __future__ import annotations

from muye_analysis.extract import extract_facts


def _cells(text: str) -> list[tuple]:
    facts = extract_facts(text)
    facts = facts[facts["rule"] == "table"]
    return list(zip(facts["value"], facts["unit"], facts["measure"], facts["period"],
                    strict=True))  # fmt: skip


def test_a_header_over_lines_of_one_cell_each_names_years_increments_and_contributions():
    text = (
        "项 目 | 2021年 数额 (元) |\n"
        "2020年 数额 (元) |\n"
        "增量 (元) |\n"
        "增长 (%) |\n"
        "贡献率 (%) |\n"
        "城镇居民 | — | ||||\n"
        "工资收入 | 3000 | 2800 | 200 | 7.1 | 60.0 |\n"
        "经营收入 | 1500 | 1400 | 100 | 7.1 | 30.0 |\n"
    )
    assert _cells(text)[:5] == [
        (3000.0, "元", "level", 2021), (2800.0, "元", "level", 2020),
        (200.0, "元", "change", 2021), (7.1, "%", "growth_rate", 2021),
        (60.0, "%", "share", 2021),
    ]  # fmt: skip
    assert len(_cells(text)) == 10
