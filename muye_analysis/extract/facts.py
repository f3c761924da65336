"""``extract_facts``: the reader's statements as a typed DataFrame, matched to the registry."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from muye_analysis import schema
from muye_analysis.extract.reader import read_statements
from muye_analysis.extract.registry_match import Matcher, prepare_registry

if TYPE_CHECKING:
    import pandas as pd

# The curated table's columns, then what a reviewer needs to check a row against the text.
# The period beyond its year (issue 22): the months of the year it covers (1-9 for 前三季度, 12-12
# for December alone; a target covers its plan year) and where the year was read: sentence,
# paragraph, part (a heading), announcement, title, date (the report or publication date, and
# 今年 read against it), document (the year the text names most), table title, table column, or
# unknown (the text names no year: the fact says so rather than borrow one).
PERIOD_COLUMNS = ("start_month", "end_month", "period_from")
DRAFT_COLUMNS = (*schema.INDICATOR_COLUMNS, "subject", "start", "end", "matched", *PERIOD_COLUMNS)
# extract_facts also returns the upper end of a range (4.5%至5% -> value 4.5, value_high 5), what
# a comparison is against (高于全市0.5个百分点 -> 全市), and how each row was read: the reading
# rule and the words that decided it (what ``muye extract --explain`` shows).
FACT_COLUMNS = (*DRAFT_COLUMNS, "value_high", "comparator", "rule", "evidence")
_DTYPES = {
    "period": "Int64",
    "value": "Float64",
    "value_high": "Float64",
    "start": "Int64",
    "end": "Int64",
    "start_month": "Int64",
    "end_month": "Int64",
    "matched": "boolean",
}


def extract_facts(
    text: str, *, registry: pd.DataFrame | None = None, published: object = None
) -> pd.DataFrame:
    """One row per numeric statement of a Chinese economic report.

    Columns (``FACT_COLUMNS``): the curated table's columns (indicator, period, kind, measure,
    ranked_on, stage, value, unit, printed, qualifier, bound, commitment, price_basis, rank_scope,
    section, quote, note), then ``subject`` (as written), ``start``/``end`` (offsets in ``text``
    of the value with its qualifiers: ``text[start:end]`` is 不少于20个 where ``printed`` is 20个),
    ``matched`` (a registry id was found), ``value_high`` (upper end of a range), ``comparator``
    (what a 个百分点 comparison or a multiple is against: 全市, 上年, 上半年), ``rule`` (the
    reading rule: growth, pp_change, structure, rank, multiple, …) and ``evidence`` (the words
    that decided subject, measure, kind and comparator). ``quote`` is
    ``text[q:end]`` from the subject (or 力争/确保) to the value, exactly as printed. Declines
    are negative (下降3.9% -> -3.9), 持平 is 0. Beyond the curated vocabulary: measures
    ``change_pp`` (个百分点) and ``change`` (比上年末减少0.3万人), bound ``range``.

    ``registry`` defaults to the bundled one (``muye_analysis.dataset.load_registry``); pass an
    empty frame to skip matching. Empty or non-report text gives an empty frame, never an error.

    ``published``: the document's publication date when the text prints none (a news page's
    date, the date in its URL), as a ``datetime.date`` or ``2021-07-20`` / ``2021年7月20日`` /
    ``2021-07`` / ``2021``. It dates only facts whose text names no year (``period_from`` =
    ``given``; 上半年 published in July is that year's, 全年 published in January last year's);
    without it such facts stay ``unknown``. A date the text prints comes first.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_facts needs text (str), not {type(text).__name__}")
    rows = read_statements(text, published)
    matcher = _matcher(registry)
    for row in rows:
        _attach_indicator(row, matcher)
    return _frame(rows)


def _matcher(registry: pd.DataFrame | None) -> Matcher:
    if registry is None:
        return _bundled_matcher()
    return prepare_registry(registry.to_dict("records"))


@functools.cache
def _bundled_matcher() -> Matcher:
    from muye_analysis.dataset import load_registry

    return prepare_registry(load_registry().to_dict("records"))


def _attach_indicator(row: dict, matcher: Matcher) -> None:
    subject, clause, sentence = (row.pop(k) for k in ("match_subject", "clause", "sentence"))
    row.pop("subject_start")
    entry = matcher.best(subject, clause, sentence, row["measure"], row["unit"])
    row["indicator"] = entry.indicator if entry else ""
    row["matched"] = entry is not None
    if entry and row["measure"] == "growth_rate" and entry.growth_basis:
        row["price_basis"] = entry.growth_basis  # GDP and industry grow in real terms


def _frame(rows: list[dict]) -> pd.DataFrame:
    """Typed columns built directly (faster than typing a frame afterwards); "" becomes NA."""
    import pandas as pd

    columns = {}
    for name in FACT_COLUMNS:
        values = [row.get(name, "") for row in rows]  # document: set by muye accept
        dtype = _DTYPES.get(name, "string")
        if dtype == "string":
            values = [v if v != "" else None for v in values]
        columns[name] = pd.array(values, dtype=dtype)
    return pd.DataFrame(columns)
