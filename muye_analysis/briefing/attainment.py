"""The attainment slide: last year's headline targets against this year's outcomes.

Only with two reports in ``data/`` (:func:`muye_analysis.attainment.attainment_table`); the
numbers and verdicts come from there, this module only words them for ``lang``.
"""

from __future__ import annotations

from muye_analysis import vocab
from muye_analysis.briefing.model import TableSlide
from muye_analysis.dataset import HEADLINE
from muye_analysis.vocab import pct, target_text, text


def attainment_slide(lang: str) -> TableSlide | None:
    """The headline targets of the earlier report, their outcomes and the verdict; None when
    ``data/`` holds a single report."""
    import pandas as pd

    from muye_analysis.attainment import STATUSES, attainment_table, report_pair
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
        name = vocab.indicator_name(row.to_dict() | {"indicator": indicator}, lang, short=False)
        rows.append((name, goal, outcome, text(f"att_{row['status']}", lang)))
    counts = table["status"].value_counts()
    met, missed, nc = (int(counts.get(s, 0)) for s in STATUSES)
    notes = (
        text("att_summary", lang, n=len(table), year=year, met=met, missed=missed, nc=nc),
        text("att_rule_note", lang),
    )
    later_source = vocab.text("report_source", lang, **later.years)
    return TableSlide(
        name="attainment_table",
        title=text("att_title", lang, year=year),
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
