"""The vocabulary file, ``strings.csv``, as dictionaries (see :mod:`muye_analysis.vocab`)."""

from __future__ import annotations

import csv
from pathlib import Path

LANGS = ("zh", "en")
CATALOG = Path(__file__).with_name("strings.csv")


def load_catalog(path: Path = CATALOG) -> dict[str, dict[str, str]]:
    """Every row of the vocabulary file: key -> {"zh", "en", "where"}. A key given twice is an
    error naming both rows."""
    rows: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            key = row["key"]
            if key in rows:
                raise ValueError(f"{path.name} row {line}: key {key!r} is given twice")
            rows[key] = {"zh": row["zh"], "en": row["en"], "where": row["where"], "row": line}
    return rows


CATALOG_ROWS = load_catalog()
_PREFIXED = ("header.", "value.", "name.")
# Placeholders are str.format fields; SAMPLE_FIELDS below fills them for the glyph test.
STRINGS: dict[str, dict[str, str]] = {
    k: {"zh": r["zh"], "en": r["en"]}
    for k, r in CATALOG_ROWS.items()
    if not k.startswith(_PREFIXED)
}
# The briefing's own frames around the charts (title slide, table headers, judgements).
BRIEF_KEYS = frozenset(k for k in STRINGS if CATALOG_ROWS[k]["where"].startswith("brief"))
# Notebook table headers (display.table) and codes inside table cells, in each language.
TABLE_HEADERS = {
    k.removeprefix("header."): {"zh": r["zh"], "en": r["en"]}
    for k, r in CATALOG_ROWS.items()
    if k.startswith("header.")
}
TABLE_VALUES = {
    k.removeprefix("value."): {"zh": r["zh"], "en": r["en"]}
    for k, r in CATALOG_ROWS.items()
    if k.startswith("value.")
}
# The official terms: indicator -> {short_zh, short_en, name_zh, name_en}.
OFFICIAL_NAMES: dict[str, dict[str, str]] = {}
for _key, _row in CATALOG_ROWS.items():
    if _key.startswith("name."):
        _, _indicator, _form = _key.split(".")
        _prefix = "short" if _form == "short" else "name"
        OFFICIAL_NAMES.setdefault(_indicator, {}).update(
            {f"{_prefix}_zh": _row["zh"], f"{_prefix}_en": _row["en"]}
        )
TAX_SHARE_DEFINITION = STRINGS["tax_share_definition"]
