"""Match subjects as written to registry indicator ids.

Reports name the same indicator in many ways (社零 / 社会消费品零售总额, 投资完成率 of which
projects?), so matching is by overlap of character pairs rather than exact names:

1. an indicator is a candidate when its unit fits the statement (a share needs a % indicator, a
   level in 万元 a money indicator, any indicator can have a growth rate or a rank);
2. it must explain most of the subject: at least ``MIN_COVERAGE`` of the subject's character pairs
   occur in the indicator's names and synonyms;
3. among candidates, the best cover wins, and near-ties are broken by how much of the
   indicator's full name the whole sentence contains (投资完成率 in a sentence about 灾后重建
   is the reconstruction rate, not the key-project rate).

An indicator whose name carries a negation (未化解) never matches a subject without it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from muye_analysis.extract.normalise import normalise_text
from muye_analysis.units import dimension

MIN_COVERAGE = 0.5
TIE = 0.05  # covers closer than this are decided by the surrounding words
_RUN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z]{2,}")
_NEGATION = re.compile(r"[未不非无]")


@dataclass(frozen=True)
class Entry:
    """One registry indicator, prepared for matching."""

    indicator: str
    unit: str
    growth_basis: str
    vocabulary: frozenset[str]  # character pairs of all its names and synonyms
    names: tuple[frozenset[str], ...]  # character pairs of each name separately
    negation: str


@dataclass(frozen=True)
class Matcher:
    """Registry entries plus how telling each character pair is (rare pairs tell more)."""

    entries: tuple[Entry, ...]
    weight: dict[str, float]

    def best(self, subject: str, clause: str, sentence: str, measure: str, unit: str):
        """The entry that best explains ``subject`` where it stands, or None."""
        wanted = pairs(subject)
        if not wanted:
            return None
        scored = []
        for e in self.entries:
            if not _fits(measure, unit, e.unit) or any(ch not in subject for ch in e.negation):
                continue
            cover = len(wanted & e.vocabulary) / len(wanted)
            if cover >= MIN_COVERAGE:
                scored.append((cover, e))
        if not scored:
            return None
        top = max(cover for cover, _ in scored)
        near = [e for cover, e in scored if cover >= top - TIE]
        if len(near) == 1:
            return near[0]
        around = (pairs(clause), pairs(sentence))
        return max(near, key=lambda e: self._context_score(e, wanted, around))

    def _context_score(self, e: Entry, wanted: frozenset[str], around) -> tuple[float, int]:
        """How much of what sets this indicator's full name apart stands in clause and sentence.

        Weighted by rarity, so 灾后重建 in the sentence outweighs 项目; on a tie the name that
        adds least to the subject wins (老旧小区改造个数 over 中央预算内资金支持的老旧小区改造数).
        """
        extra = e.names[0] - wanted if e.names else frozenset()
        if not extra:
            return 0.0, 0
        total = sum(self.weight[p] for p in extra)
        found = sum(sum(self.weight[p] for p in extra & a) for a in around)
        return found / total, -len(extra)


def pairs(text: str) -> frozenset[str]:
    """Character pairs inside each run of Chinese characters (plus Latin words such as GDP).

    >>> sorted(pairs("省、市重点"))
    ['市重', '省市', '重点']
    """
    out = set()
    for run in _RUN.findall(text.replace("、", "")):  # 省、市重点项目 is 省市重点项目
        if run.isascii():
            out.add(run.upper())
        else:
            out.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(out)


def prepare_registry(records: list[dict]) -> Matcher:
    """A matcher from registry records (indicator, name_zh, short_zh, synonyms_zh, unit, …)."""
    entries = []
    for r in records:
        names = [r.get("name_zh"), r.get("short_zh"), *(_text(r.get("synonyms_zh"))).split("|")]
        names = [normalise_text(n) for n in names if isinstance(n, str) and n]
        negation = "".join(sorted(set(_NEGATION.findall(names[0])))) if names else ""
        entries.append(
            Entry(
                indicator=r["indicator"],
                unit=_text(r.get("unit")),
                growth_basis=_text(r.get("growth_basis")),
                vocabulary=frozenset().union(*(pairs(n) for n in names)),
                names=tuple(pairs(n) for n in names),
                negation=negation,
            )
        )
    df = Counter(p for e in entries for p in e.vocabulary)
    weight = {p: math.log((len(entries) + 1) / (n + 0.5)) for p, n in df.items()}
    return Matcher(tuple(entries), weight)


def _fits(measure: str, unit: str, entry_unit: str) -> bool:
    if measure == "standing":
        return entry_unit == ""
    if not entry_unit:
        return False
    if measure == "rank":
        return True
    if measure in ("growth_rate", "change_pp"):
        return entry_unit != "%"
    if measure in ("share", "rate"):
        return entry_unit == "%"
    if unit == entry_unit:
        return True
    return dimension(unit) is not None and dimension(unit) == dimension(entry_unit)


def _text(value) -> str:
    return value if isinstance(value, str) else ""
