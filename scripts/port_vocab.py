"""Port strings written into an old-style ``vocab.py`` (the ``STRINGS`` dicts) into the one
vocabulary file, ``muye_analysis/vocab/strings.csv``.

Branches written before the vocabulary became a data file add their words to ``vocab.py``'s
``STRINGS`` (or ``BRIEF_STRINGS``, ``TABLE_HEADERS``, ``TABLE_VALUES``) dict. After a merge,
run this on that branch's ``vocab.py`` (e.g. ``git show other-branch:muye_analysis/vocab.py >
/tmp/vocab_old.py``)::

    python scripts/port_vocab.py /tmp/vocab_old.py          # list what would be added
    python scripts/port_vocab.py /tmp/vocab_old.py --write  # append it to strings.csv

Keys already in the file are left alone (a changed wording is listed, not overwritten); new keys
are appended with their section comment as ``where``. ``tests/test_vocab.py`` then checks that
both languages have every key with the same placeholders.
"""

from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
from pathlib import Path

CSV = Path(__file__).resolve().parents[1] / "muye_analysis" / "vocab" / "strings.csv"
# dict name in vocab.py -> (key prefix, default ``where``)
DICTS = {
    "STRINGS": ("", "chart"),
    "BRIEF_STRINGS": ("", "brief"),
    "TABLE_HEADERS": ("header.", "table header"),
    "TABLE_VALUES": ("value.", "table cell"),
}
_SECTION = re.compile(r"^\s+# (.+)$")
_KEY = re.compile(r"^\s+\"([^\"]+)\": \{")


def old_entries(path: Path) -> list[dict[str, str]]:
    """(key, zh, en, where) of every string in an old-style vocab.py, in file order."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    values: dict[str, dict] = {}
    spans: dict[str, tuple[int, int]] = {}
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None
        )  # fmt: skip
        if isinstance(target, ast.Name) and target.id in DICTS and node.value is not None:
            values[target.id] = ast.literal_eval(node.value)
            spans[target.id] = (node.lineno, node.end_lineno or node.lineno)
    lines = source.splitlines()
    rows = []
    for name, (prefix, default) in DICTS.items():
        if name not in values:
            continue
        start, end = spans[name]
        section = ""
        where_of: dict[str, str] = {}
        for line in lines[start - 1 : end]:
            if m := _SECTION.match(line):
                section = m.group(1).split(" (")[0].strip()
            elif m := _KEY.match(line):
                where_of[m.group(1)] = f"{default}: {section}" if section else default
        for key, pair in values[name].items():
            rows.append(
                {
                    "key": prefix + key,
                    "zh": pair["zh"],
                    "en": pair["en"],
                    "where": where_of.get(key, default),
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("vocab_py", type=Path, help="an old-style vocab.py")
    parser.add_argument("--write", action="store_true", help="append the new keys to strings.csv")
    args = parser.parse_args(argv)
    with CSV.open(encoding="utf-8", newline="") as f:
        current = {row["key"]: row for row in csv.DictReader(f)}
    new, changed = [], []
    for row in old_entries(args.vocab_py):
        have = current.get(row["key"])
        if have is None:
            new.append(row)
        elif (have["zh"], have["en"]) != (row["zh"], row["en"]):
            changed.append(row)
    for row in new:
        print(f"new      {row['key']}: {row['zh']} | {row['en']}")
    for row in changed:
        print(f"differs  {row['key']}: {row['zh']} | {row['en']} (kept the file's wording)")
    if args.write and new:
        with CSV.open("a", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=["key", "zh", "en", "where"])
            writer.writerows(new)
        print(f"appended {len(new)} keys to {CSV}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
