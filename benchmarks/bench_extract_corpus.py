"""Recall, precision and period accuracy of the report reader on real documents keyed by hand.

The corpus (tests/extract/corpus/) holds excerpts of real plan-execution reports, statistical
bulletins, government work reports and economic news from many provinces and years, each with
its facts keyed by reading (see the manifest for URLs). Round one: a ``tune`` half, which rules
were developed against, a ``holdout`` half, scored with the rules frozen (96.0% recall, 95.5%
precision) and only then looked at, and ``fresh`` documents keyed after that and scored once
(93.8%). Round two (issue 22): ``tune_v2`` (read while the rules for announced targets, tables,
shared ranks, carried subjects and periods were written) and ``blind_v2``, keyed and committed
before the reader was run on it and scored once with the rules frozen. Round three (issue 22,
second round): ``blind_v3``, 27 documents from provinces and cities new to the corpus, keyed and
committed before the reader was run on it, scored once at a named commit. Round four:
``blind_v4``, 21 more documents (other cities and counties, a pipe and a cell-per-line table),
keyed, committed and scored the same way. Rounds five to nine: ``blind_v5`` … ``blind_v9``
(28, 40, 38, 44 and 38 documents), each keyed by two or three readers independently (by genre,
then in mixed sets), scored once the same way (records in benchmarks/records/).
The last table scores year accuracy again with the publication date given (``--published``)
for texts that print no year, as their URLs carry it (``published.csv``). Misses found by a blind
scoring may become rules afterwards, so later figures on a scored half are no longer blind.

Prints recall and precision per document, genre and split, recall per pattern (what the keyed
fact needs: a target known from its announcement, a table cell, one rank over several subjects…),
precision per reading rule, and *period accuracy*: of the keyed facts found, how many carry the
keyed year (right), no year (the reader says it cannot know) or another year, and, where the key
gives months (1-9 = 前三季度), how many carry those months. Asserts nothing.

Run: .venv/bin/python benchmarks/bench_extract_corpus.py [--misses] [--splits tune_v2,fresh]
--misses lists missed and spurious rows and facts with a wrong or missing year, never for the
blind halves (their misses are reported once, by the scoring run, with --show-blind).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "extract" / "corpus"
SPLITS = (
    "tune", "holdout", "fresh", "tune_v2", "blind_v2", "blind_v3", "blind_v4", "blind_v5",
    "blind_v6", "blind_v7", "blind_v8", "blind_v9", "blind_v10", "blind_v11",
    "blind_v12", "blind_v13", "blind_v14", "blind_v15",
)  # fmt: skip
BLIND = (
    "blind_v2", "blind_v3", "blind_v4", "blind_v5", "blind_v6", "blind_v7", "blind_v8",
    "blind_v9", "blind_v10", "blind_v11", "blind_v12",
    "blind_v13", "blind_v14", "blind_v15",
)  # fmt: skip


def _pct(a: int, b: int) -> str:
    return f"{a / b:6.1%} ({a}/{b})" if b else "     -"


def main(argv: list[str]) -> None:
    from muye_analysis.extract import extract_facts
    from muye_analysis.extract.dating import find_years
    from muye_analysis.extract.evaluate import load_keyed, load_manifest, score_document
    from muye_analysis.extract.normalise import normalise_text

    show_misses = "--misses" in argv
    show_blind = "--show-blind" in argv
    wanted = set(SPLITS)
    if "--splits" in argv:
        wanted = set(argv[argv.index("--splits") + 1].split(","))
    scores = []
    for entry in load_manifest(CORPUS):
        if entry["split"] not in wanted:
            continue
        text, keyed = load_keyed(CORPUS, entry["id"])
        entry["names_year"] = bool(find_years(normalise_text(text)))
        scores.append((entry, score_document(entry["id"], text, keyed, extract_facts(text))))
    splits = [s for s in SPLITS if s in wanted]

    print(f"{'document':28} {'split':9} {'recall':>16} {'precision':>16} {'year right':>16}")
    for entry, s in scores:
        dated = _pct(s.period["right"], sum(s.period.values()))
        print(f"{s.doc:28} {entry['split']:9} {_pct(s.found, s.keyed):>16}"
              f" {_pct(s.correct, s.extracted):>16} {dated:>16}")  # fmt: skip
    groups: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 11)
    patterns: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    rules: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for entry, s in scores:
        for key in ((entry["split"], entry["genre"]), (entry["split"], "all")):
            g = groups[key]
            named = entry["names_year"]
            for k, v in enumerate((s.found, s.keyed, s.correct, s.extracted, s.period["right"],
                                   s.period["none"], s.period["wrong"], *s.months,
                                   s.period["right"] if named else 0,
                                   sum(s.period.values()) if named else 0)):  # fmt: skip
                g[k] += v
        for name, (f, k) in s.by_pattern.items():
            patterns[(entry["split"], name)][0] += f
            patterns[(entry["split"], name)][1] += k
        for name, (r, f) in s.period_by_pattern.items():
            patterns[(entry["split"], name)][2] += r
            patterns[(entry["split"], name)][3] += f
        for name, (c, e) in s.by_rule.items():
            rules[(entry["split"], name)][0] += c
            rules[(entry["split"], name)][1] += e
    print(f"\n{'split / genre':24} {'recall':>16} {'precision':>16} {'year right':>16}"
          f" {'no year':>7} {'wrong':>6} {'months right':>16} {'year right*':>16}")  # fmt: skip
    for (split, genre), g in sorted(
        groups.items(), key=lambda kv: (SPLITS.index(kv[0][0]), kv[0][1])
    ):
        f, k, c, e, right, none, wrong, mr, mk, nr, nf = g
        dated, months, named = _pct(right, right + none + wrong), _pct(mr, mk), _pct(nr, nf)
        print(f"{split + ' / ' + genre:24} {_pct(f, k):>16} {_pct(c, e):>16}"
              f" {dated:>16} {none:>7} {wrong:>6} {months:>16} {named:>16}")  # fmt: skip
    print("* year right among facts found in texts that name a year anywhere (title, date, text)")
    _with_dates_given(scores, splits)
    print(f"\n{'recall per pattern':24}" + "".join(f"{s:>17}" for s in splits))
    for name in sorted({n for _, n in patterns}):
        print(f"{name:24}" + "".join(f"{_pct(*patterns[(s, name)][:2]):>17}" for s in splits))
    print(f"\n{'year right per pattern':24}" + "".join(f"{s:>17}" for s in splits))
    for name in sorted({n for _, n in patterns}):
        print(f"{name:24}" + "".join(f"{_pct(*patterns[(s, name)][2:]):>17}" for s in splits))
    print(f"\n{'precision per rule':24}" + "".join(f"{s:>17}" for s in splits))
    for name in sorted({n for _, n in rules}):
        print(f"{name:24}" + "".join(f"{_pct(*rules[(s, name)]):>17}" for s in splits))
    if show_misses:
        for entry, s in scores:
            if entry["split"] in BLIND and not show_blind:
                continue
            for key in s.missed:
                print(f"MISS {s.doc}: {key['value']} {key['unit']} {key['measure']} {key['kind']}"
                      f" {key['stage']} {key['comparator']} | {key['quote']!r}")  # fmt: skip
            for f in s.spurious:
                print(
                    f"SPUR {s.doc}: {f['value']} {f['unit']} {f['measure']} {f['kind']}"
                    f" {f.get('stage')} {f.get('comparator')} [{f.get('rule')}] | {f['quote']!r}"
                )
            for key, f in s.wrong_periods:
                print(f"YEAR {s.doc}: keyed {key['period']}, read {f.get('period')}"
                      f" | {key['quote']!r}")  # fmt: skip


def _with_dates_given(scores: list, splits: list[str]) -> None:
    """Year right when the user gives the publication date (``--published``) of the texts that
    print no year, as their URLs carry it (tests/extract/corpus/published.csv)."""
    import csv

    from muye_analysis.extract import extract_facts
    from muye_analysis.extract.evaluate import load_keyed, score_document

    with (CORPUS / "published.csv").open(encoding="utf-8", newline="") as f:
        given = {row["id"]: row["published"] for row in csv.DictReader(f)}
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for entry, s in scores:
        t = tally[entry["split"]]
        if entry["id"] not in given:
            t[0] += s.period["right"]
            t[1] += sum(s.period.values())
            continue
        text, keyed = load_keyed(CORPUS, entry["id"])
        dated = score_document(
            entry["id"], text, keyed, extract_facts(text, published=given[entry["id"]])
        )
        t[0] += dated.period["right"]
        t[1] += sum(dated.period.values())
        t[2] += 1
    print(f"\n{'year right, date given':24} {'all facts found':>16} {'documents dated':>16}")
    for split in splits:
        right, found, docs = tally[split]
        print(f"{split:24} {_pct(right, found):>16} {docs:>16}")
    print("  (the publication date given for texts that print no year: the date in their URL)")


if __name__ == "__main__":
    main(sys.argv[1:])
