"""Match subjects as written to registry indicator ids.

Reports name the same indicator in many ways (社零 / 社会消费品零售总额, 投资完成率 of which
projects?), so matching is by overlap of character pairs rather than exact names:

1. an indicator is a candidate when its unit fits the statement (a share needs a % indicator, a
   level in 万元 a money indicator, any indicator can have a growth rate or a rank);
2. it must explain most of the subject: at least ``MIN_COVERAGE`` of the subject's character pairs
   occur in the indicator's names and synonyms;
3. it must not be narrower than what the text says: unless one of its names stands in the
   subject as written, at least ``MIN_SUPPORT`` of what its name adds to the subject (weighted by
   rarity) must stand in the sentence, so 居民人均可支配收入 is not 农村居民人均可支配收入 and
   第一产业增加值 is not 工业增加值; a negation (未化解) or a modifier (人均, 比重) must agree;
4. among candidates, the best cover wins, and near-ties are broken by how much of what sets each
   indicator's full name apart stands in the clause and the sentence (投资完成率 in a sentence
   about 灾后重建 is the reconstruction rate, not the key-project rate).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass

from muye_analysis.extract.normalise import normalise_text
from muye_analysis.units import dimension

MIN_COVERAGE = 0.6  # 城镇登记失业率 (0.5 of its pairs in 城镇调查失业率) is another indicator
MIN_SUPPORT = 0.4
TIE = 0.05  # covers closer than this are decided by the surrounding words
_RUN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z]{2,}")
_NEGATION = re.compile(r"[未不非无]")
# Words that make a different indicator of the same name: 人均地区生产总值 is not GDP.
_MODIFIERS = ("人均", "平均", "比重", "占比")
# Words a measure already says, so a name need not find them in the text: 比重 for a share.
_IMPLIED = {"share": "比重占", "ratio": "比之与倍", "rate": "率", "rank": "位名"}
_SINGLE_WEIGHT = 2.0  # weight of a lone character left over (rarer than a pair, less telling)


@dataclass(frozen=True)
class Entry:
    """One registry indicator, prepared for matching."""

    indicator: str
    unit: str
    growth_basis: str
    phrases: tuple[str, ...]  # name_zh, short_zh, synonyms (normalised)
    names: tuple[frozenset[str], ...]  # character pairs of each phrase
    vocabulary: frozenset[str]  # character pairs of all of them
    negation: str
    modifiers: frozenset[str]


@dataclass(frozen=True)
class Matcher:
    """Registry entries, an index from character pair to entries, and how telling each pair is."""

    entries: tuple[Entry, ...]
    weight: dict[str, float]  # rare pairs tell more (inverse document frequency)
    index: dict[str, tuple[int, ...]]

    def best(self, subject: str, clause: str, sentence: str, measure: str, unit: str):
        """The entry that best explains ``subject`` where it stands, or None."""
        wanted = pairs(subject)
        if not wanted:
            return None
        implied = unit + _IMPLIED.get(measure, "") + "数"
        clause, sentence = _join(clause), _join(sentence)
        scored = []
        for i in sorted({i for p in wanted for i in self.index.get(p, ())}):
            e = self.entries[i]
            cover = len(wanted & e.vocabulary) / len(wanted)
            if cover >= MIN_COVERAGE and self._admits(e, subject, sentence, measure, unit, implied):
                scored.append((cover, e))
        if not scored:
            return None
        top = max(cover for cover, _ in scored)
        near = [e for cover, e in scored if cover >= top - TIE]
        if len(near) == 1:
            return near[0]
        return max(near, key=lambda e: self._context_score(e, subject, clause, sentence, implied))

    def _admits(
        self, e: Entry, subject: str, sentence: str, measure: str, unit: str, implied: str
    ) -> bool:
        if not _fits(measure, unit, e.unit):
            return False
        if any(ch not in subject for ch in e.negation):
            return False
        if any(m in subject and m not in e.modifiers for m in _MODIFIERS):
            return False
        if any(len(p) >= 2 and p in subject for p in e.phrases):
            return True
        return (
            max(self._support(_extras(p, subject, implied), sentence) for p in e.phrases)
            >= MIN_SUPPORT
        )

    def _support(self, extras: tuple[str, ...], text: str) -> float:
        """Rarity-weighted share of ``extras`` that occur in ``text`` (1.0 if there are none)."""
        if not extras:
            return 1.0
        weights = [self.weight.get(t, _SINGLE_WEIGHT) for t in extras]
        found = sum(w for t, w in zip(extras, weights, strict=True) if t in text)
        return found / sum(weights)

    def _context_score(
        self, e: Entry, subject: str, clause: str, sentence: str, implied: str
    ) -> tuple[float, float, int]:
        """How much of what sets this indicator's full name apart stands in clause and sentence.

        Weighted by rarity, so 灾后重建 in the sentence outweighs 项目. Equal shares go to the
        name that the text supports with more words (省市重点项目 over 重点项目 where 省、市 is
        written), and with nothing found, to the name that adds least to the subject
        (老旧小区改造个数 over 中央预算内资金支持的老旧小区改造数).
        """
        extras = _extras(e.phrases[0], subject, implied) if e.phrases else ()
        if not extras:
            return 0.0, 0.0, 0
        share = self._support(extras, clause) + self._support(extras, sentence)
        found = sum(self.weight.get(t, _SINGLE_WEIGHT) for t in extras if t in sentence)
        return share, found, -len(extras)


@functools.lru_cache(maxsize=4096)
def _extras(phrase: str, subject: str, implied: str) -> tuple[str, ...]:
    """What ``phrase`` says beyond ``subject``, as character pairs (single characters alone).

    Stretches of the phrase that occur in the subject are cut out first, so 新增高新技术企业
    beyond 高新技术企业 is just 新增; words the unit or measure already say (个数, 比重) are
    dropped.
    """
    segments, current, i = [], "", 0
    while i < len(phrase):
        j = i + 2
        while j <= len(phrase) and phrase[i:j] in subject:
            j += 1
        if j > i + 2:
            segments.append(current)
            current, i = "", j - 1
        else:
            current += phrase[i]
            i += 1
    segments.append(current)
    tokens = []
    for seg in segments:
        seg = "".join(ch for ch in seg if ch not in implied and "\u4e00" <= ch <= "\u9fff")
        tokens += [seg] if len(seg) == 1 else [seg[k : k + 2] for k in range(len(seg) - 1)]
    return tuple(tokens)


@functools.lru_cache(maxsize=4096)
def pairs(text: str) -> frozenset[str]:
    """Character pairs inside each run of Chinese characters (plus Latin words such as GDP).

    >>> sorted(pairs("省、市重点"))
    ['市重', '省市', '重点']
    """
    out = set()
    # 省、市重点项目 is 省市重点项目; “三个一批”活动 is 三个一批活动.
    for run in _RUN.findall(_join(text)):
        if run.isascii():
            out.add(run.upper())
        else:
            out.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(out)


def prepare_registry(records: list[dict]) -> Matcher:
    """A matcher from registry records (indicator, name_zh, short_zh, synonyms_zh, unit, …)."""
    entries = []
    for r in records:
        raw = [r.get("name_zh"), r.get("short_zh"), *_text(r.get("synonyms_zh")).split("|")]
        phrases = tuple(normalise_text(n).translate(_QUOTES) for n in raw if _text(n))
        names = tuple(pairs(n) for n in phrases)
        entries.append(
            Entry(
                indicator=r["indicator"],
                unit=_text(r.get("unit")),
                growth_basis=_text(r.get("growth_basis")),
                phrases=phrases,
                names=names,
                vocabulary=frozenset().union(*names),
                negation="".join(sorted(set(_NEGATION.findall(phrases[0] if phrases else "")))),
                modifiers=frozenset(m for m in _MODIFIERS if any(m in p for p in phrases)),
            )
        )
    df = Counter(p for e in entries for p in e.vocabulary)
    weight = {p: math.log((len(entries) + 1) / (n + 0.5)) for p, n in df.items()}
    index: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for p in e.vocabulary:
            index.setdefault(p, []).append(i)
    return Matcher(tuple(entries), weight, {p: tuple(ids) for p, ids in index.items()})


_QUOTES = str.maketrans("", "", '“”"')
_JOINERS = re.compile('[、“”〃"]')


@functools.lru_cache(maxsize=1024)
def _join(text: str) -> str:
    """Drop list commas and quotation marks, which split words the registry writes whole."""
    return _JOINERS.sub("", text)


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
    return _dimension(unit) is not None and _dimension(unit) == _dimension(entry_unit)


def _dimension(unit: str) -> str | None:
    """Physical dimension, also for magnitudes the converter does not list (亿斤, 万个)."""
    base = unit[1:] if unit[:1] in ("万", "亿") and len(unit) > 1 else unit
    return dimension(unit) or dimension(base) or (f"count:{base}" if base else None)


def _text(value) -> str:
    return value if isinstance(value, str) else ""
