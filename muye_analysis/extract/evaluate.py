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


# --- a corpus of real documents keyed by hand ------------------------------------------------
#
# Each document is a text file and a facts CSV (one row per quantitative fact, keyed by reading)
# listed in a manifest with its URL, genre and split (tune or holdout). A keyed fact is found when
# an extracted row has the same value, unit, measure and kind, its value lies inside the keyed
# quote where that quote stands in the text, and, where the key gives them, the same stage
# (from/to), comparator (个百分点 against what), rank scope and ranked-on measure.

CORPUS_COLUMNS = (
    "subject", "value", "unit", "measure", "kind", "period", "stage", "comparator",
    "rank_scope", "ranked_on", "pattern", "printed", "quote",
)  # fmt: skip
MANIFEST_COLUMNS = (
    "id", "genre", "split", "province", "area", "year", "title", "url", "excerpt", "notes",
)  # fmt: skip


@dataclass
class DocumentScore:
    """How the reader did on one keyed document."""

    doc: str
    keyed: int
    found: int
    extracted: int
    correct: int
    by_pattern: dict[str, tuple[int, int]]  # pattern -> (found, keyed)
    by_rule: dict[str, tuple[int, int]]  # rule -> (correct, extracted)
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    # Of the keyed facts found: the year right, no year given, a wrong year; the months right
    # (where the key gives them: 1-9 = 前三季度) out of those keyed with months.
    period: dict[str, int] = field(default_factory=dict)  # right / none / wrong
    months: tuple[int, int] = (0, 0)  # (right, keyed and found)
    period_by_pattern: dict[str, tuple[int, int]] = field(default_factory=dict)
    wrong_periods: list[tuple[dict, dict]] = field(default_factory=list)  # (key, found row)

    @property
    def recall(self) -> float:
        return self.found / self.keyed if self.keyed else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 1.0


def load_manifest(folder) -> list[dict]:
    """The corpus manifest as dicts, in file order."""
    import csv
    from pathlib import Path

    with (Path(folder) / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_keyed(folder, doc: str) -> tuple[str, list[dict]]:
    """A corpus document's text and its keyed facts (value as float or None)."""
    import csv
    from pathlib import Path

    folder = Path(folder)
    text = (folder / f"{doc}.txt").read_text(encoding="utf-8")
    with (folder / f"{doc}.facts.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["value"] = float(row["value"]) if row["value"] else None
    return text, rows


def locate_quotes(text: str, keyed: list[dict]) -> list[tuple[int, int] | None]:
    """Where each keyed quote stands in ``text``; a repeated quote takes the next occurrence."""
    used: dict[str, set[int]] = {}
    spans: list[tuple[int, int] | None] = []
    previous = 0
    for row in keyed:
        quote = row["quote"]
        taken = used.setdefault(quote, set())
        # Facts are keyed in reading order: look from the previous fact's quote on, then anywhere.
        pos = _free(text, quote, previous, taken)
        if pos == -1:
            pos = _free(text, quote, 0, taken)
        if pos == -1:
            pos = text.find(quote)  # more keys than occurrences: share the first
        if pos == -1:
            spans.append(None)
            continue
        taken.add(pos)
        previous = pos
        spans.append((pos, pos + len(quote)))
    return spans


def _free(text: str, quote: str, start: int, taken: set[int]) -> int:
    pos = text.find(quote, start)
    while pos != -1 and pos in taken:
        pos = text.find(quote, pos + 1)
    return pos


def score_document(doc: str, text: str, keyed: list[dict], facts: pd.DataFrame) -> DocumentScore:
    """Recall over the keyed facts and precision over the extracted rows of one document."""
    spans = locate_quotes(text, keyed)
    found_rows = _corpus_records(facts)
    taken: set[int] = set()
    by_pattern: dict[str, list[int]] = {}
    missed = []
    period = {"right": 0, "none": 0, "wrong": 0}
    months = [0, 0]
    period_by_pattern: dict[str, list[int]] = {}
    wrong_periods = []
    for key, span in zip(keyed, spans, strict=True):
        tally = by_pattern.setdefault(key["pattern"] or "plain", [0, 0])
        tally[1] += 1
        j = next(
            (
                j
                for j, f in enumerate(found_rows)
                if j not in taken and span is not None and _corpus_same(key, span, f)
            ),
            None,
        )
        if j is None:
            missed.append(key)
        else:
            taken.add(j)
            tally[0] += 1
            verdict = _period_verdict(key, found_rows[j])
            period[verdict] += 1
            ptally = period_by_pattern.setdefault(key["pattern"] or "plain", [0, 0])
            ptally[0] += verdict == "right"
            ptally[1] += 1
            if verdict != "right":
                wrong_periods.append((key, found_rows[j]))
            if key.get("months"):
                months[1] += 1
                months[0] += _months_of(found_rows[j]) == key["months"]
    by_rule: dict[str, list[int]] = {}
    for j, f in enumerate(found_rows):
        tally = by_rule.setdefault(f.get("rule") or "?", [0, 0])
        tally[1] += 1
        tally[0] += j in taken
    return DocumentScore(
        doc=doc,
        keyed=len(keyed),
        found=len(keyed) - len(missed),
        extracted=len(found_rows),
        correct=len(taken),
        by_pattern={k: (v[0], v[1]) for k, v in by_pattern.items()},
        by_rule={k: (v[0], v[1]) for k, v in by_rule.items()},
        missed=missed,
        spurious=[f for j, f in enumerate(found_rows) if j not in taken],
        period=period,
        months=(months[0], months[1]),
        period_by_pattern={k: (v[0], v[1]) for k, v in period_by_pattern.items()},
        wrong_periods=wrong_periods,
    )


def _period_verdict(key: dict, found: dict) -> str:
    """right / none / wrong: the found row's year against the keyed one."""
    year = found.get("period")
    if year is None:
        return "none"
    return "right" if int(year) == int(key["period"]) else "wrong"


def _months_of(found: dict) -> str:
    """The found row's months as the corpus keys them (1-9), or "" when it gives none."""
    first, last = found.get("start_month"), found.get("end_month")
    if first is None or last is None:
        return ""
    return f"{int(first)}-{int(last)}"


def _corpus_records(df: pd.DataFrame) -> list[dict]:
    import pandas as pd

    records = df.astype(object).to_dict("records")
    return [{k: (None if pd.isna(v) else v) for k, v in r.items()} for r in records]


def _corpus_same(key: dict, span: tuple[int, int], found: dict) -> bool:
    if (key["measure"], key["kind"]) != (found["measure"], found["kind"]):
        return False
    if normalise_text(key["unit"] or "") != (found["unit"] or ""):
        return False
    if not _same_value(key["value"], found["value"]):
        return False
    if found["start"] is None or not span[0] <= found["start"] < span[1]:
        return False
    if key["stage"] and key["stage"] != (found.get("stage") or ""):
        return False
    for column in ("comparator", "rank_scope"):
        # 去年 and 上年 name the same year (the reader writes 上年; keys were printed either way)
        want = normalise_text(key[column] or "").strip("“”").replace("去年", "上年")
        got = normalise_text(found.get(column) or "").replace("去年", "上年")
        if want and not (got and (want in got or got in want)):
            return False
    return not (key["ranked_on"] and key["ranked_on"] != (found.get("ranked_on") or ""))
