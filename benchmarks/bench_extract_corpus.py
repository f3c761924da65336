"""Recall and precision of the report reader on real documents keyed by hand.

The corpus (tests/extract/corpus/) holds excerpts of real plan-execution reports, statistical
bulletins, government work reports and economic news from many provinces and years, each with
its facts keyed by reading (see the manifest for URLs). It is split into a ``tune`` half, which
rules were developed against, a ``holdout`` half, scored with the rules frozen (96.0% recall,
95.5% precision) and only then looked at, and ``fresh`` documents keyed after that and scored
once (93.8% recall and precision): the blind estimates. Misses found by those two scorings became
rules, so today's figures on them are no longer blind.

Prints recall and precision per document, per genre and split, per pattern (what the keyed fact
needs: a target known from its paragraph, a 个百分点 comparison, a rank over a list, …) and per
reading rule (which rule produced the extracted rows). Asserts nothing.

Run: .venv/bin/python benchmarks/bench_extract_corpus.py [--misses]   (--misses lists missed and
spurious rows of the tune half only: the holdout half is never inspected row by row)
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "extract" / "corpus"


def _pct(a: int, b: int) -> str:
    return f"{a / b:6.1%} ({a}/{b})" if b else "     -"


def main(argv: list[str]) -> None:
    from muye_analysis.extract import extract_facts
    from muye_analysis.extract.evaluate import load_keyed, load_manifest, score_document

    show_misses = "--misses" in argv
    scores = []
    for entry in load_manifest(CORPUS):
        text, keyed = load_keyed(CORPUS, entry["id"])
        scores.append((entry, score_document(entry["id"], text, keyed, extract_facts(text))))

    print(f"{'document':28} {'split':8} {'recall':>16} {'precision':>16}")
    for entry, s in scores:
        print(f"{s.doc:28} {entry['split']:8} {_pct(s.found, s.keyed):>16}"
              f" {_pct(s.correct, s.extracted):>16}")  # fmt: skip
    groups: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    patterns: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    rules: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for entry, s in scores:
        for key in ((entry["split"], entry["genre"]), (entry["split"], "all")):
            g = groups[key]
            g[0] += s.found
            g[1] += s.keyed
            g[2] += s.correct
            g[3] += s.extracted
        for name, (f, k) in s.by_pattern.items():
            patterns[(entry["split"], name)][0] += f
            patterns[(entry["split"], name)][1] += k
        for name, (c, e) in s.by_rule.items():
            rules[(entry["split"], name)][0] += c
            rules[(entry["split"], name)][1] += e
    print(f"\n{'split / genre':28} {'recall':>16} {'precision':>16}")
    for (split, genre), (f, k, c, e) in sorted(groups.items()):
        print(f"{split + ' / ' + genre:28} {_pct(f, k):>16} {_pct(c, e):>16}")
    splits = ("tune", "holdout", "fresh")
    print(f"\n{'recall per pattern':28}" + "".join(f"{s:>16}" for s in splits))
    for name in sorted({n for _, n in patterns}):
        print(f"{name:28}" + "".join(f"{_pct(*patterns[(s, name)]):>16}" for s in splits))
    print(f"\n{'precision per rule':28}" + "".join(f"{s:>16}" for s in splits))
    for name in sorted({n for _, n in rules}):
        print(f"{name:28}" + "".join(f"{_pct(*rules[(s, name)]):>16}" for s in splits))
    if show_misses:
        for entry, s in scores:
            if entry["split"] != "tune":
                continue
            for key in s.missed:
                print(f"MISS {s.doc}: {key['value']} {key['unit']} {key['measure']} {key['kind']}"
                      f" {key['stage']} {key['comparator']} | {key['quote']}")  # fmt: skip
            for f in s.spurious:
                print(
                    f"SPUR {s.doc}: {f['value']} {f['unit']} {f['measure']} {f['kind']}"
                    f" {f.get('stage')} {f.get('comparator')} [{f.get('rule')}] | {f['quote']}"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
