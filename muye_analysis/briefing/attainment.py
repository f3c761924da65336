"""The attainment slide: last year's headline targets against this year's outcomes.

Only with two reports in ``data/`` (:func:`muye_analysis.attainment.attainment_table`); the
numbers and verdicts come from there, this module only words them for ``lang``.
"""

from __future__ import annotations

from muye_analysis import vocab
from muye_analysis.briefing.model import TableSlide
from muye_analysis.claims.base import Claim
from muye_analysis.dataset import HEADLINE
from muye_analysis.vocab import pct, target_text, text


def attainment_slide(lang: str) -> TableSlide | None:
    """The headline targets of the earlier report, their outcomes and the verdict; None when
    ``data/`` holds a single report."""
    import pandas as pd

    from muye_analysis.attainment import attainment_table, report_pair
    from muye_analysis.claims.report import attainment_claim
    from muye_analysis.reports import list_reports

    if len(list_reports()) < 2:
        return None
    earlier, later = report_pair()
    table = attainment_table(earlier, later)
    year = earlier.plan_year
    head = table[table["indicator"].isin(HEADLINE)].set_index("indicator")
    rows = []
    for indicator in [i for i in HEADLINE if i in head.index]:
        row = head.loc[indicator]
        growth = row["measure"] == "growth_rate"
        goal = target_text(float(row["target"]), row["qualifier"], row["bound"], lang)
        outcome = text("not_stated", lang) if pd.isna(row["outcome"]) else pct(row["outcome"])
        if growth:
            goal = text("growth_value", lang, value=goal)
            if pd.notna(row["outcome"]):
                outcome = text("growth_value", lang, value=outcome)
        name = vocab.indicator_name(indicator, lang, short=False)
        rows.append((name, goal, outcome, _verdict(row, lang)))
    summary = attainment_claim(table)
    notes = (vocab.say(summary, lang), text("att_rule_note", lang))
    later_source = vocab.text("report_source", lang, **later.years)
    return TableSlide(
        name="attainment_table",
        title=vocab.say(Claim("title.attainment", True, summary.facts), lang),
        columns=(
            text("col_indicator", lang),
            text("att_col_target", lang, year=year),
            text("att_col_outcome", lang, year=year),
            text("att_col_status", lang),
        ),
        rows=tuple(rows),
        notes=notes,
        source=vocab.source_line(lang, [later_source], **earlier.years),
    )


def _verdict(row, lang: str) -> str:
    """The verdict in a cell: 超额完成 / 完成 / 控制在目标以内 …; a 预期目标 missed reads
    低于预期目标, never 未完成; not comparable says so."""
    import pandas as pd

    if row["status"] == "not_comparable" or pd.isna(row["detail"]):
        return text("att_not_comparable", lang)
    key = f"verdict.{row['detail']}"
    if bool(row["indicative"]) and row["detail"] in ("missed", "above_ceiling"):
        key += ".indicative"
    return text(key, lang)
