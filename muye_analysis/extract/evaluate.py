"""Score extracted facts against a hand-curated table of the same report.

A curated observation is *found* when an extracted row has the same value (compared as numbers,
within ``VALUE_TOLERANCE``; both missing for a qualitative standing), unit, measure and kind, and
either the same indicator id or, where the reader matched no id, a subject that stands in the
curated quote. Each extracted row can find at most one curated row (greedy, in reading order).
Derived rows (``kind == "derived"``) are not statements of the report and are left out.

recall = curated rows found / curated rows; precision = extracted rows that found one / extracted
rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from muye_analysis.extract.normalise import normalise_text

if TYPE_CHECKING:
    import pandas as pd

VALUE_TOLERANCE = 1e-9


@dataclass
class Score:
    """Recall and precision with the rows behind them (positions in the two frames)."""

    recall: float
    precision: float
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (curated, extracted)
    missed: list[int] = field(default_factory=list)  # curated rows not found
    spurious: list[int] = field(default_factory=list)  # extracted rows that found nothing

    def __str__(self) -> str:
        return (
            f"recall {self.recall:.1%} ({len(self.pairs)} of {len(self.pairs) + len(self.missed)}),"
            f" precision {self.precision:.1%}"
            f" ({len(self.pairs)} of {len(self.pairs) + len(self.spurious)})"
        )


def score_extraction(facts: pd.DataFrame, curated: pd.DataFrame) -> Score:
    """Recall and precision of ``facts`` (from ``extract_facts``) against ``curated``.

    ``curated`` has the columns of ``load_indicators()``; rows of kind ``derived`` are dropped.
    """
    truth = _records(curated[curated["kind"].astype("string") != "derived"])
    found = _records(facts)
    taken: set[int] = set()
    pairs, missed = [], []
    for i, t in enumerate(truth):
        j = next((j for j, f in enumerate(found) if j not in taken and _same(t, f)), None)
        if j is None:
            missed.append(i)
        else:
            taken.add(j)
            pairs.append((i, j))
    spurious = [j for j in range(len(found)) if j not in taken]
    return Score(
        recall=len(pairs) / len(truth) if truth else 1.0,
        precision=len(pairs) / len(found) if found else 1.0,
        pairs=pairs,
        missed=missed,
        spurious=spurious,
    )


def _records(df: pd.DataFrame) -> list[dict]:
    """Plain dicts with None for every kind of missing value (NA, NaN, None)."""
    import pandas as pd

    columns = ["indicator", "value", "unit", "measure", "kind", "quote"]
    if "subject" in df.columns:
        columns.append("subject")
    records = df[columns].astype(object).to_dict("records")
    return [{k: (None if pd.isna(v) else v) for k, v in r.items()} for r in records]


def _same(truth: dict, found: dict) -> bool:
    if (truth["unit"] or None, truth["measure"], truth["kind"]) != (
        found["unit"] or None,
        found["measure"],
        found["kind"],
    ):
        return False
    if not _same_value(truth["value"], found["value"]):
        return False
    if found["indicator"] is not None:
        return found["indicator"] == truth["indicator"]
    subject = found.get("subject")
    return bool(subject) and subject in normalise_text(truth["quote"] or "")


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= VALUE_TOLERANCE * max(1.0, abs(float(a)))
