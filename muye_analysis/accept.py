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

The curated table stays a CSV under the same discipline as the store: the draft is read like
every text input (UTF-8 or GBK, as ``muye extract`` reads reports; the apostrophe ``muye
extract`` puts before formula-like text is taken off again), the document must lie under
``data/raw/``, and the read-check-append runs under an exclusive lock on the curated folder, so
two ``muye accept`` at once run one after the other: the second sees the first's rows (nothing
is lost, a duplicate is refused). The table is not moved into the SQLite store because it is
the reviewed source of truth: tracked in git, read and diffed by people in review, edited by
hand when a quote is corrected, and checked against its quotes by the tests; a database would
hide all of that. (The store is different: machine-written, rebuilt from raw files.)
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from muye_analysis import config, schema
from muye_analysis.errors import DataError

# What a reviewer writes in the ``reviewed`` column once a row has been checked against the text.
REVIEWED_YES = ("yes", "y", "true", "1", "x", "是", "已核")
# Draft columns that are for review only and are not curated.
DRAFT_ONLY = ("subject", "start", "end", "matched", "start_month", "end_month", "period_from",
              "value_high", "reviewed")  # fmt: skip
# A draft is a few hundred rows; anything bigger is the wrong file.
MAX_DRAFT_BYTES = 20 * 1024 * 1024
# How long an accept waits for another one to finish with the curated table.
LOCK_TIMEOUT_S = 120.0


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
    folder under ``data/raw/`` holding exactly one text file with an origin record. Whatever
    the path says (``..``, a link), the text must lie under ``data/raw/``: the curated rows name
    it as their document, and every later load reads it from there."""
    from muye_analysis.provenance import SIDECAR_SUFFIX

    raw = raw or config.RAW
    path = Path(name)
    for candidate in (path, raw / path):
        if candidate.is_file():
            return _under_raw(candidate, raw, name)
        if candidate.is_dir():
            texts = [
                p
                for p in sorted(candidate.iterdir())
                if p.is_file()
                and not p.name.endswith(SIDECAR_SUFFIX)
                and p.with_name(p.name + SIDECAR_SUFFIX).exists()
            ]
            if len(texts) == 1:
                return _under_raw(texts[0], raw, name)
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


def _under_raw(path: Path, raw: Path, name: str | Path) -> Path:
    resolved = path.resolve()
    if not resolved.is_relative_to(raw.resolve()):
        raise DataError(
            f"--document {str(name)!r} is {resolved}, outside data/raw/: curated rows may only "
            "name a report kept in data/raw/ (every later check reads it from there).",
            file=path,
            fix="copy the report's text and its .origin.yml into data/raw/<folder>/, then give "
            "--document <folder>.",
        )
    return resolved


def _read_draft_records(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The draft's header and rows as text: UTF-8 or GBK (``inputs``), each cell with the
    apostrophe ``muye extract`` put before formula-like text taken off again."""
    from muye_analysis.inputs import decode_text, read_input_bytes
    from muye_analysis.outputs import unneutralise

    data = read_input_bytes(path, max_bytes=MAX_DRAFT_BYTES, what="draft CSV",
                            fix="give the draft CSV muye extract wrote.")  # fmt: skip
    text = decode_text(data, path, what="CSV text", fix="save the draft as CSV (UTF-8).").text
    try:
        reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
        rows = [
            {k: unneutralise(v) if isinstance(v, str) else v for k, v in row.items()}
            for row in reader
        ]
    except csv.Error as exc:
        raise DataError(f"not a readable CSV ({exc}).", file=path, row=reader.line_num,
                        fix="save the draft as CSV (UTF-8).") from None  # fmt: skip
    for i, row in enumerate(rows):
        if None in row or None in row.values():
            raise DataError("wrong number of cells.", file=path, row=i + 2,
                            fix="quote cells that contain commas.")  # fmt: skip
    return list(reader.fieldnames or []), rows


@contextlib.contextmanager
def curated_lock(curated: Path, *, timeout_s: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the curated table's write lock (an exclusive ``flock`` on its folder) for the
    block: a second writer waits here until the first has written, then reads its rows."""
    import fcntl

    folder = curated.parent
    fd = os.open(folder, os.O_RDONLY)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DataError(
                        f"another `muye accept` has held the curated table for more than "
                        f"{timeout_s:g} s.",
                        file=curated,
                        fix="wait for it to finish, then run this again.",
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def read_draft(path: Path) -> list[dict[str, str]]:
    """The draft's rows as text, with the curated columns and ``reviewed``; checked header."""
    header, rows = _read_draft_records(path)
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
    the curated table is then left as it was. The curated table is read, checked and written
    under ``curated_lock``: two accepts at once run in turn.
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
    with curated_lock(curated):
        existing = read_curated_rows(curated, schema.INDICATOR_COLUMNS)
        keys = {tuple(r[c] for c in schema.KEY): i + 2 for i, r in enumerate(existing)}
        for i, row in enumerate(new):
            key = tuple(row[c] for c in schema.KEY)
            if key in keys:
                raise DataError(
                    f"duplicate key: row {keys[key]} of {curated.name} already holds {key[1:]} "
                    f"for {report.document}.",
                    file=draft,
                    row=i + 2,
                    column="indicator",
                    fix="drop the row (it is curated already), or correct its period, kind or "
                    "measure.",
                )
        check_rows(report, [parse_indicator_row(r) for r in new], file=draft)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=schema.INDICATOR_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(existing + new)
        write_text_atomic(curated, out.getvalue(), owns_data=True)
    _clear_caches()
    return Accepted(report.document, report.base_year, report.plan_year, len(new), curated)


def _clear_caches() -> None:
    """Loaders cache by path; after a write they must read the file again."""
    from muye_analysis import dataset, reports

    dataset._load_curated.cache_clear()
    reports._documents.cache_clear()
