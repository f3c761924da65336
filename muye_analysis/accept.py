"""Add a reviewed draft of a new report to the curated table (``muye accept``).

The route for next year's report: copy its text into ``data/raw/<folder>/`` with an origin record
(``.origin.yml``: source, SHA-256, ``year_reported``, ``year_planned``), ``muye extract`` it to a
draft, review every row against the text and mark it ``reviewed`` (yes), then::

    muye accept draft.csv --document <folder under data/raw/>

The draft is checked as the curated table is on every load — indicator ids in the registry,
quotes in the document's text, printed values in their quotes, no duplicate keys (within the
draft or against the rows already curated) — plus: every row reviewed, and the report's years
present (an actual of ``year_reported``, a target of ``year_planned``). Any problem stops it
with the draft's file, row and column; nothing is written. Otherwise the rows are appended to
``data/curated/indicators.csv`` with ``document`` naming the report, atomically.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from muye_analysis import config, schema
from muye_analysis.errors import DataError

# What a reviewer writes in the ``reviewed`` column once a row has been checked against the text.
REVIEWED_YES = ("yes", "y", "true", "1", "x", "是", "已核")
# Draft columns that are for review only and are not curated.
DRAFT_ONLY = ("subject", "start", "end", "matched", "start_month", "end_month", "period_from",
              "value_high", "reviewed")  # fmt: skip


@dataclass(frozen=True)
class Accepted:
    """What ``accept_draft`` added: the report, the number of rows and where they went."""

    document: str
    base_year: int
    plan_year: int
    rows: int
    curated: Path

    def summary(self, lang: str = "zh") -> str:
        if lang == "zh":
            return (
                f"已加入 {self.rows} 行（{self.document}：{self.base_year}年执行情况、"
                f"{self.plan_year}年计划）→ {self.curated}"
            )
        return (
            f"added {self.rows} rows ({self.document}: {self.base_year} outcome, "
            f"{self.plan_year} plan) to {self.curated}"
        )


def resolve_document(name: str | Path, raw: Path | None = None) -> Path:
    """The report text ``name`` stands for: a path (absolute, or under ``data/raw/``), or a
    folder under ``data/raw/`` holding exactly one text file with an origin record."""
    from muye_analysis.provenance import SIDECAR_SUFFIX

    raw = raw or config.RAW
    path = Path(name)
    for candidate in (path, raw / path):
        if candidate.is_file():
            return candidate.resolve()
        if candidate.is_dir():
            texts = [
                p
                for p in sorted(candidate.iterdir())
                if p.is_file()
                and not p.name.endswith(SIDECAR_SUFFIX)
                and p.with_name(p.name + SIDECAR_SUFFIX).exists()
            ]
            if len(texts) == 1:
                return texts[0].resolve()
            raise DataError(
                f"{len(texts)} report texts with an origin record in this folder.",
                file=candidate,
                fix="name the text file itself: --document FOLDER/FILE.txt.",
            )
    raise DataError(
        f"no report {str(name)!r} in data/raw/.",
        file=raw,
        fix="copy the report's text into data/raw/<folder>/ with its .origin.yml, then name it.",
    )


def read_draft(path: Path) -> list[dict[str, str]]:
    """The draft's rows as text, with the curated columns and ``reviewed``; checked header."""
    from muye_analysis.validation import read_csv_records

    header, rows = read_csv_records(path, missing_fix="give the draft CSV muye extract wrote.")
    needed = [c for c in schema.INDICATOR_COLUMNS if c != "document"] + ["reviewed"]
    missing = [c for c in needed if c not in header]
    if missing:
        raise DataError(
            f"missing column(s) {', '.join(missing)}.",
            file=path,
            row=1,
            column=missing[0],
            fix="start from muye extract's draft and add a 'reviewed' column "
            "(yes for each row checked against the report).",
        )
    unexpected = [c for c in header if c not in (*schema.INDICATOR_COLUMNS, *DRAFT_ONLY)]
    if unexpected:
        raise DataError(
            f"unexpected column(s) {', '.join(unexpected)}.",
            file=path,
            row=1,
            column=unexpected[0],
            fix="keep the draft's columns (see data/curated/indicators.csv) plus 'reviewed'.",
        )
    if not rows:
        raise DataError("the draft has no rows.", file=path, fix="add the reviewed rows.")
    return rows


def accept_draft(
    draft: str | Path, document: str | Path, *, curated: str | Path | None = None
) -> Accepted:
    """Validate the reviewed ``draft`` of ``document`` and append it to the curated table.

    Raises DataError (file, row, column, how to fix) on an unreviewed row, an unknown indicator,
    a quote not in the document, a duplicate key, or a report whose years are not in the rows;
    the curated table is then left as it was.
    """
    from muye_analysis.atomic import write_text_atomic
    from muye_analysis.dataset import parse_indicator_row
    from muye_analysis.reports import check_rows, read_report
    from muye_analysis.validation import read_curated_rows, validate_indicators

    draft = Path(draft)
    curated = Path(curated or config.INDICATORS_CSV)
    report = read_report(resolve_document(document))
    rows = read_draft(draft)
    unreviewed = [
        i + 2 for i, r in enumerate(rows) if r["reviewed"].strip().lower() not in REVIEWED_YES
    ]
    if unreviewed:
        shown = ", ".join(map(str, unreviewed[:10])) + (" …" if len(unreviewed) > 10 else "")
        raise DataError(
            f"{len(unreviewed)} row(s) not marked reviewed (rows {shown}).",
            file=draft,
            row=unreviewed[0],
            column="reviewed",
            fix="check each row against the report and write yes in 'reviewed', or delete the "
            "row; only reviewed rows are curated.",
        )
    for i, row in enumerate(rows):
        if row.get("document") and row["document"] != report.document:
            raise DataError(
                f"the row names document {row['document']!r}, not {report.document!r}.",
                file=draft,
                row=i + 2,
                column="document",
                fix="accept one report's rows at a time; clear the cell or fix --document.",
            )
        months = (row.get("start_month", "").strip(), row.get("end_month", "").strip())
        if any(months) and months != ("1", "12"):
            # The curated table holds full-year figures: a year-to-date one would pass as annual.
            raise DataError(
                f"the row covers months {months[0]}-{months[1]} of its year, not the full year.",
                file=draft,
                row=i + 2,
                column="end_month",
                fix="delete the row (year-to-date figures go in through muye ingest), or, if the "
                "text does report the full year, write 1 and 12 in start_month and end_month.",
            )
    new = [
        {c: (report.document if c == "document" else row[c]) for c in schema.INDICATOR_COLUMNS}
        for row in rows
    ]
    registry = read_curated_rows(config.REGISTRY_CSV, schema.REGISTRY_COLUMNS)
    text = report.path.read_text(encoding="utf-8")
    # Every check the loader makes, located in the draft (its own rows and duplicates).
    validate_indicators(
        new, report=text, registry_ids={r["indicator"] for r in registry}, path=draft
    )
    existing = read_curated_rows(curated, schema.INDICATOR_COLUMNS)
    keys = {tuple(r[c] for c in schema.KEY): i + 2 for i, r in enumerate(existing)}
    for i, row in enumerate(new):
        key = tuple(row[c] for c in schema.KEY)
        if key in keys:
            raise DataError(
                f"duplicate key: row {keys[key]} of {curated.name} already holds {key[1:]} for "
                f"{report.document}.",
                file=draft,
                row=i + 2,
                column="indicator",
                fix="drop the row (it is curated already), or correct its period, kind or measure.",
            )
    check_rows(report, [parse_indicator_row(r) for r in new], file=draft)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=schema.INDICATOR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(existing + new)
    write_text_atomic(curated, out.getvalue())
    _clear_caches()
    return Accepted(report.document, report.base_year, report.plan_year, len(new), curated)


def _clear_caches() -> None:
    """Loaders cache by path; after a write they must read the file again."""
    from muye_analysis import dataset, reports

    dataset._load_curated.cache_clear()
    reports._documents.cache_clear()
