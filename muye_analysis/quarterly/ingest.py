"""The ingest API: read and validate files, merge them into the store, report what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis.periods import Period
from muye_analysis.quarterly.files import data_files
from muye_analysis.quarterly.parse import _parse_file
from muye_analysis.quarterly.registry import RegistryIndex, _is_true, default_registry
from muye_analysis.quarterly.store import (
    _frame,
    _stored_records,
    _write_store,
    read_store,
    store_path,
)
from muye_analysis.quarterly.validate import (
    _check_flows_not_falling,
    _check_fractions,
    _describe,
    _drop_duplicates,
    _key,
    _same,
    _where_of,
)

if TYPE_CHECKING:
    import pandas as pd

# -- public API --------------------------------------------------------------------------------


@dataclass
class IngestResult:
    """What an ingest did: counts, what was stored, columns skipped, and where."""

    files: list[Path]
    added: int
    replaced: int
    unchanged: int
    indicators: list[str]
    periods: list[str]
    store: Path
    skipped_columns: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)

    def summary(self, lang: str = "zh") -> str:
        """A few lines for the terminal."""
        n = self.added + self.replaced + self.unchanged
        if lang == "zh":
            lines = [
                f"读取 {len(self.files)} 个文件，{n} 个数值：新增 {self.added}，"
                f"替换 {self.replaced}，未变 {self.unchanged}"
                + ("" if self.changed else "（存储未改动）"),
                f"指标：{'、'.join(self.indicators)}",
                f"时期：{'、'.join(self.periods)}",
                f"存储：{self.store}",
            ]
            lines += [f"未读取的列：{s}" for s in self.skipped_columns]
        else:
            lines = [
                f"read {len(self.files)} file(s), {n} values: {self.added} added, "
                f"{self.replaced} replaced, {self.unchanged} unchanged"
                + ("" if self.changed else " (store not modified)"),
                f"indicators: {', '.join(self.indicators)}",
                f"periods: {', '.join(self.periods)}",
                f"store: {self.store}",
            ]
            lines += [f"column not read: {s}" for s in self.skipped_columns]
        return "\n".join(lines)


def _registry_index(registry: pd.DataFrame | None) -> tuple[RegistryIndex, set[str]]:
    frame = default_registry() if registry is None else registry
    flows = {str(r["indicator"]) for r in frame.to_dict("records") if _is_true(r.get("flow"))}
    return RegistryIndex.from_frame(frame), flows


def _read_validated(
    path: str | Path, year: int | None, registry: pd.DataFrame | None
) -> tuple[list[Path], list[dict[str, Any]], list[str], set[str]]:
    index, flows = _registry_index(registry)
    files = data_files(path)
    records: list[dict[str, Any]] = []
    skipped: list[str] = []
    for file in files:
        got, skip = _parse_file(file, index, year)
        for record in got:
            record["_path"] = file
        records += got
        skipped += skip
    records = _drop_duplicates(records)
    _check_fractions(records)
    return files, records, skipped, flows


def read_quarterly(
    path: str | Path, *, year: int | None = None, registry: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Parse and validate a year-to-date file (or every file of a folder) without storing it.

    Returns the store's columns, one row per value. ``year`` is the year of labels that carry
    none (1-3月, 一季度); ``registry`` defaults to the project's indicator registry.
    Raises DataError naming the file, row and column of the first problem.
    """
    _, records, _, flows = _read_validated(path, year, registry)
    _check_flows_not_falling(records, {}, flows)
    return _frame(records)


def ingest_quarterly(
    path: str | Path,
    *,
    year: int | None = None,
    replace: bool = False,
    registry: pd.DataFrame | None = None,
    store_dir: str | Path | None = None,
) -> IngestResult:
    """Validate ``path`` and merge it into the processed store (what ``muye ingest`` runs).

    Values already stored unchanged are left alone, so ingesting a file twice changes nothing.
    A different value for a stored period is a DataError unless ``replace`` is true. The store
    is rewritten atomically and only when something changed; on any error it is untouched.
    """
    files, records, skipped, flows = _read_validated(path, year, registry)
    target = store_path(store_dir)
    stored = _stored_records(target)
    added = replaced = unchanged = 0
    merged = dict(stored)
    for record in records:
        key = _key(record)
        old = stored.get(key)
        if old is None:
            added += 1
        elif _same(old["value"], record["value"]):
            unchanged += 1
            continue  # keep the first provenance of an identical value
        elif replace:
            replaced += 1
        else:
            raise _where_of(record).fail(
                f"{_describe(record)} is {record['value']:g} here but {old['value']:g} in the "
                f"store (from {old['file']}, row {old['row']}, column {old['column']!r}).",
                "if this is a revision, ingest again with --replace (replace=True); "
                "otherwise correct the file.",
            )
        merged[key] = record
    _check_flows_not_falling(records, stored, flows)
    if added or replaced:
        _write_store(list(merged.values()), target)
    periods = sorted({Period(r["year"], r["end_month"]) for r in records})
    return IngestResult(
        files=files,
        added=added,
        replaced=replaced,
        unchanged=unchanged,
        indicators=sorted({r["indicator"] for r in records}),
        periods=[p.label("zh") for p in periods],
        store=target,
        skipped_columns=skipped,
    )


def load_quarterly(
    path: str | Path | None = None,
    *,
    year: int | None = None,
    replace: bool = False,
    registry: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Ingest ``path`` (a file or a folder) into the store, then return the whole store.

    With no path, just the store. The columns are ``STORE_COLUMNS``: indicator, year, end_month,
    period (2024年1-3月), measure (level in the registry unit / growth in percent), value, unit,
    price_basis, sub_item (an of-which item: never add it into a total), marker ("tiny" for a
    value printed as …), source, and file, sheet, row, column and checksum of the raw cell.
    """
    if path is not None:
        ingest_quarterly(path, year=year, replace=replace, registry=registry)
    return read_store()
