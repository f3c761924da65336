"""The ingest API: read and validate files, merge them into the store, report what changed."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from muye_analysis.atomic import committed
from muye_analysis.errors import printable
from muye_analysis.periods import Period
from muye_analysis.quarterly import plausibility
from muye_analysis.quarterly.files import data_files, unread_files
from muye_analysis.quarterly.frames import read_store, records_frame
from muye_analysis.quarterly.parse import format_release_date, parse_file, release_date
from muye_analysis.quarterly.registry import RegistryIndex, default_registry, is_true
from muye_analysis.quarterly.store import (
    DEFAULT_AREA,
    all_vintages,
    complete,
    insert_vintage,
    log_ingest,
    now_iso,
    store_path,
    write_transaction,
    write_unregistered,
    write_vintages,
)
from muye_analysis.quarterly.validate import (
    check_flows_not_falling,
    check_fractions,
    describe,
    drop_duplicates,
    record_key,
    same_value,
    where_of,
)
from muye_analysis.vocab import Words

if TYPE_CHECKING:
    import pandas as pd

# At most this many old -> new lines in the terminal summary (`muye history` shows all).
SHOWN_CHANGES = 40

# -- public API --------------------------------------------------------------------------------


@dataclass
class IngestResult:
    """What an ingest did: counts, what was stored, columns skipped, and where.

    ``changes`` lists each replaced value as old -> new; ``notes`` what the user should know
    (an older vintage restored, a revision giving only the level, values accepted over a
    plausibility refusal, a text encoding other than UTF-8 or GBK); ``skipped_columns`` what was
    not read and why (columns, hidden or notes sheets, hidden rows and columns, unsupported files
    in a folder); ``kept_older`` counts values of files the store already holds a later revision
    of (left as history, not an error)."""

    files: list[Path]
    added: int
    replaced: int
    unchanged: int
    indicators: list[str]
    periods: list[str]
    store: Path
    skipped_columns: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    notes_zh: list[str] = field(default_factory=list)  # the notes in Chinese, for summary("zh")
    kept_older: int = 0
    areas: list[str] = field(default_factory=list)  # the areas stored (district first)
    interrupted: bool = False  # Ctrl-C arrived after the commit: stored all the same
    # Rows the registry has no indicator for, kept in the store's table ``unregistered``
    # (``read_unregistered``) and never used as figures: one line per row (label, unit,
    # period, values, cell); ``unregistered_added`` counts the values new to the store.
    unregistered: list[str] = field(default_factory=list)
    unregistered_added: int = 0

    @property
    def changed(self) -> bool:
        """The store was written: values added or replaced, or unregistered rows kept."""
        return bool(self.added or self.replaced or self.unregistered_added)

    @property
    def _other_areas(self) -> bool:
        """Areas other than the district were stored (city / province series): say which."""
        return any(a != DEFAULT_AREA for a in self.areas)

    def summary(self, lang: str = "zh") -> str:
        """A few lines for the terminal, in ``lang`` (every word from the vocabulary; file and
        sheet names, and the headers quoted from them, as they are written)."""
        from muye_analysis import vocab
        from muye_analysis.periods import parse_period

        t = lambda key, **fields: vocab.text(f"ingest.{key}", lang, **fields)  # noqa: E731
        n = self.added + self.replaced + self.unchanged + self.kept_older
        shown = self.changes[:SHOWN_CHANGES]
        more = len(self.changes) - len(shown)
        head = t("read", files=len(self.files), n=n, added=self.added,
                 replaced=self.replaced, unchanged=self.unchanged)  # fmt: skip
        head += t("kept_older", n=self.kept_older) if self.kept_older else ""
        head += "" if self.changed else t("store_unchanged")
        periods = [parse_period(p).label(lang) for p in self.periods]
        areas = [vocab.area_name(a, lang) for a in self.areas]
        lines = [
            head,
            t("indicators", names=self.indicators),
            *([t("areas", areas=areas)] if self._other_areas else []),
            t("periods", periods=periods),
            t("store", path=self.store),
        ]
        lines += [t("replaced", change=c) for c in shown]
        lines += [t("more", n=more)] if more else []
        notes = self.notes_zh or self.notes if lang == "zh" else self.notes
        lines += [t("note", note=note) for note in notes]
        if self.interrupted:
            lines.append(t("interrupted"))
        if self.unregistered:
            lines.append(t("unregistered", n=len(self.unregistered)))
            lines += [f"  {vocab.said(u, lang)}" for u in self.unregistered]
        lines += [t("not_read", item=item) for item in self.skipped_columns]
        return "\n".join(lines)


def _registry_index(
    registry: pd.DataFrame | None,
) -> tuple[RegistryIndex, set[str], pd.DataFrame]:
    frame = default_registry() if registry is None else registry
    flows = {str(r["indicator"]) for r in frame.to_dict("records") if is_true(r.get("flow"))}
    return RegistryIndex.from_frame(frame), flows, frame


@dataclass
class _Parsed:
    files: list[Path]
    records: list[dict[str, Any]]
    skipped: list[str]
    flows: set[str]
    registry: pd.DataFrame
    notes: list[tuple[str, str]] = field(default_factory=list)  # how files were read
    unregistered: list[dict[str, Any]] = field(default_factory=list)  # rows with no indicator


def _parse_all(path: str | Path, year: int | None, registry: pd.DataFrame | None) -> _Parsed:
    index, flows, frame = _registry_index(registry)
    files = data_files(path)
    records: list[dict[str, Any]] = []
    skipped: list[str] = []
    notes: list[tuple[str, str]] = []
    unregistered: list[dict[str, Any]] = []
    for file in files:
        parsed = parse_file(file, index, year)
        for record in parsed.records:
            record["_path"] = file
            complete(record)
        records += parsed.records
        skipped += parsed.skipped
        notes += parsed.notes
        unregistered += parsed.unregistered
    if Path(path).is_dir():
        skipped += [Words("skip.file_type", file=printable(p.name), suffix=p.suffix)
                    for p in unread_files(path)]  # fmt: skip
    return _Parsed(files, records, skipped, flows, frame, notes, unregistered)


def read_quarterly(
    path: str | Path,
    *,
    year: int | None = None,
    registry: pd.DataFrame | None = None,
    today: dt.date | None = None,
) -> pd.DataFrame:
    """Parse and validate a year-to-date file (or every file of a folder) without storing it.

    Returns the store's columns, one row per value. ``year`` is the year of labels that carry
    none (1-3月, 一季度); ``registry`` defaults to the project's indicator registry.
    Raises DataError naming the file, row and column of the first problem (implausible values
    included, as ``muye ingest`` would refuse them).
    """
    parsed = _parse_all(path, year, registry)
    records = drop_duplicates(parsed.records)
    check_fractions(records)
    check_flows_not_falling(records, {}, parsed.flows)
    merged = {record_key(r): r for r in records}
    plausibility.refuse_future(records, today or dt.date.today())
    problems = plausibility.find_implausible(records, merged, parsed.registry)
    if problems:
        raise plausibility.refusal(problems)
    return records_frame(records)


def ingest_quarterly(
    path: str | Path,
    *,
    year: int | None = None,
    replace: bool = False,
    accept_outlier: bool = False,
    registry: pd.DataFrame | None = None,
    store_dir: str | Path | None = None,
    today: dt.date | None = None,
    force_older: bool = False,
) -> IngestResult:
    """Validate ``path`` and merge it into the processed store (what ``muye ingest`` runs).

    Values already stored unchanged are left alone, so ingesting a file twice changes nothing.
    A different value for a stored period is a DataError unless ``replace`` is true; then the
    new value becomes current and the old one stays as an earlier vintage (``read_history``).
    A value the store holds a later revision of (the original file left beside the revised one)
    is kept as history, not an error. Implausible values (``plausibility``) are refused unless
    ``accept_outlier``, which stores them with the reason. A revision whose release date
    (发布日期 in its title) is older than the stored value's is refused unless ``force_older``,
    naming both dates. One ingest is one transaction under the store's write lock: on any error
    the store is untouched; two at once run in turn. A Ctrl-C that arrives once the transaction
    is committed does not undo or hide it: the result is returned with ``interrupted`` set.
    """
    parsed = _parse_all(path, year, registry)
    plausibility.refuse_future(parsed.records, today or dt.date.today())
    target = store_path(store_dir)
    if not target.exists():
        # A first ingest is checked before the store is created: a refused file leaves no new
        # (empty) store behind. Nothing is ever deleted, so a writer that creates the store
        # meanwhile is safe; the merge below checks again against what it finds.
        _merge(parsed, {}, [], replace=replace, accept_outlier=accept_outlier,
               force_older=force_older)  # fmt: skip
    committed_before = len(committed())
    interrupted = False
    unregistered_added = 0
    try:
        with write_transaction(store_dir) as con:
            history = all_vintages(store_dir, con=con)
            stored = {record_key(r): r for r in history if r["current"]}
            outcome = _merge(parsed, stored, history, replace=replace,
                             accept_outlier=accept_outlier, force_older=force_older)  # fmt: skip
            at = now_iso()
            ingest_id = None
            if outcome.added or outcome.replaced or parsed.unregistered:
                ingest_id = log_ingest(
                    con,
                    files=[printable(f.name) for f in parsed.files],
                    replace=replace,
                    accept_outlier=accept_outlier,
                    added=outcome.added,
                    replaced=outcome.replaced,
                )
            if outcome.added or outcome.replaced:
                pairs = outcome.to_write
                if outcome.superseded:  # each original first, then its revision over it
                    first = {
                        record_key(r): {
                            "id": insert_vintage(con, r, ingested_at=at, ingest_id=ingest_id)
                        }
                        for r in outcome.superseded
                    }
                    pairs = [
                        (r, old if old is not None else first.get(record_key(r)))
                        for r, old in pairs
                    ]
                write_vintages(con, pairs, ingested_at=at, ingest_id=ingest_id)
            if parsed.unregistered:
                unregistered_added = write_unregistered(
                    con, parsed.unregistered, ingested_at=at, ingest_id=ingest_id
                )
    except KeyboardInterrupt:
        if target not in committed()[committed_before:]:
            raise  # before the commit: rolled back, nothing stored
        interrupted = True  # after it: the values are stored; say so instead of failing
    for en, zh in parsed.notes:
        outcome.notes.append(en)
        outcome.notes_zh.append(zh)
    periods = sorted({Period(r["year"], r["end_month"]) for r in outcome.records})
    return IngestResult(
        files=parsed.files,
        added=outcome.added,
        replaced=outcome.replaced,
        unchanged=outcome.unchanged,
        indicators=sorted({r["indicator"] for r in outcome.records}),
        periods=[p.label("zh") for p in periods],
        store=target,
        skipped_columns=parsed.skipped,
        changes=outcome.changes,
        notes=outcome.notes,
        notes_zh=outcome.notes_zh,
        kept_older=outcome.kept_older,
        interrupted=interrupted,
        unregistered=_unregistered_lines(parsed.unregistered),
        unregistered_added=unregistered_added,
        areas=sorted(
            {r.get("area") or DEFAULT_AREA for r in outcome.records},
            key=lambda a: (a != DEFAULT_AREA, a),
        ),
    )


def _unregistered_lines(records: list[dict[str, Any]]) -> list[Words]:
    """One line per unregistered row: its label, unit, values (header = value) and cell."""
    rows: dict[tuple, list[dict[str, Any]]] = {}
    for record in records:
        key = (record["file"], record["sheet"], record["row"], record["label"])
        rows.setdefault(key, []).append(record)
    lines = []
    for (file, sheet, row, label), cells in rows.items():
        unit = next((c["unit"] for c in cells if c.get("unit")), None)
        values = [
            Words("ingest.unregistered_value", column=c["column"],
                  value=_fmt(c["value"]) if c["value"] is not None else c["text"])
            for c in cells
        ]  # fmt: skip
        where = f"{file}{'[' + sheet + ']' if sheet else ''}"
        lines.append(Words("ingest.unregistered_row", label=label, values=values, where=where,
                           row=row, unit=Words("ingest.unregistered_unit", unit=unit) if unit
                           else ""))  # fmt: skip
    return lines


@dataclass
class _Outcome:
    records: list[dict[str, Any]]
    to_write: list[tuple[dict[str, Any], dict[str, Any] | None]] = field(default_factory=list)
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    kept_older: int = 0
    changes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    notes_zh: list[str] = field(default_factory=list)
    superseded: list[dict[str, Any]] = field(default_factory=list)  # originals to keep as history


# A title naming a revision (修订 = revised, 修正 = corrected, 更正 = amended), as release_label
# keeps it with each value.
_REVISED = re.compile("修订|修正|更正")


def _revises(new: dict[str, Any], old: dict[str, Any]) -> bool:
    """``new``'s title says it is a revision and ``old``'s does not: ``new`` replaces ``old``
    without --replace (a second revision over a first still needs it)."""
    return bool(_REVISED.search(new.get("release") or "")) and not _REVISED.search(
        old.get("release") or ""
    )


def _fmt(value: float) -> str:
    return f"{value:.10g}"


def _merge(
    parsed: _Parsed,
    stored: dict[tuple, dict[str, Any]],
    history: list[dict[str, Any]],
    *,
    replace: bool,
    accept_outlier: bool,
    force_older: bool = False,
) -> _Outcome:
    """Decide, value by value, what the ingest adds, replaces, leaves and refuses."""
    # Every (key, raw file, value) the store ever accepted: a file whose values are all known
    # vintages has been ingested before, whatever became of its values since.
    known: dict[tuple, dict[str, Any]] = {}
    for old in history:
        known[(record_key(old), old["checksum"], round(old["value"], 9))] = old

    def is_older_vintage(record: dict[str, Any]) -> dict[str, Any] | None:
        """The superseded vintage ``record`` repeats, when the store holds a later one."""
        old = known.get((record_key(record), record["checksum"], round(record["value"], 9)))
        return old if old is not None and not old["current"] else None

    losers: list[tuple[dict[str, Any], dict[str, Any]]] = []  # (superseded, revision)

    def resolve(first: dict[str, Any], other: dict[str, Any]) -> dict[str, Any] | None:
        """Two files disagree on a value (the original and the revised file left side by side
        in data/quarterly/): the store's accepted vintage decides if it knows both; otherwise
        (a colleague's clone, a new machine: data/processed is not in git) the file whose
        title says 修订 wins over one whose title does not, as --replace would have had it."""
        current = stored.get(record_key(first))
        pairs = ((first, other), (other, first))
        decided = [
            (w, lo) for w, lo in pairs  # the store first, then the titles
            if current is not None and same_value(w["value"], current["value"])
            and is_older_vintage(lo)
        ] or [(w, lo) for w, lo in pairs if _revises(w, lo)]  # fmt: skip
        if not decided:
            return None
        losers.append(decided[0][::-1])
        return decided[0][0]

    records = drop_duplicates(parsed.records, resolve=resolve)
    check_fractions(records)
    out = _Outcome(records, kept_older=len(losers))
    # An original never stored before is kept as the earlier vintage of its revision (written
    # just before it, as if ingested first); one whose revision the store already holds is
    # counted, not stored.
    out.superseded = [loser for loser, _ in losers if record_key(loser) not in stored]
    for (old_file, new_file), n in Counter(
        (loser["file"], winner["file"]) for loser, winner in losers if not is_older_vintage(loser)
    ).items():
        out.notes.append(f"{old_file}: {n} value(s) superseded by {new_file}, whose title says "
                         'it is a revision ("修订"); the revision is current')  # fmt: skip
        out.notes_zh.append(f"{old_file} 的 {n} 个数值已被 {new_file}（标题注明修订）取代，"
                            "以修订值为准")  # fmt: skip
    merged = dict(stored)
    incoming: list[dict[str, Any]] = []
    for record in records:
        key = record_key(record)
        old = stored.get(key)
        if old is None:
            out.added += 1
        elif same_value(old["value"], record["value"]):
            out.unchanged += 1
            continue  # keep the first provenance of an identical value
        elif not replace and is_older_vintage(record):
            out.kept_older += 1
            record["_older"] = True
            continue  # the original beside its revision: the revision stays current
        elif replace or _revises(record, old):  # --replace, or a title saying 修订
            _refuse_older_release(record, old, force_older)  # never an older 发布日期 over a newer
            out.replaced += 1
            out.changes.append(Words(
                "ingest.change", indicator=record["indicator"], measure=record["measure"],
                period=Period.span(record["year"], record["start_month"], record["end_month"]),
                old=_fmt(old["value"]), new=_fmt(record["value"]), unit=record.get("unit") or "",
                old_file=old["file"], new_file=record["file"],
            ))  # fmt: skip
            restored = is_older_vintage(record)
            if restored is not None:
                out.notes_zh.append(
                    f"旧版本替换了新版本：{describe(record)} 回到 {_fmt(record['value'])}"
                    f"（{record['file']}，首次读入 {restored['ingested_at'][:19]}），取代 "
                    f"{_fmt(old['value'])}（{old['file']}，读入 {old['ingested_at'][:19]}）。"
                    "如非本意，请用 --replace 重新读入修订文件。"
                )
                out.notes.append(
                    f"an older vintage replaces a newer one: {describe(record)} goes back to "
                    f"{_fmt(record['value'])} from {record['file']} (first ingested "
                    f"{restored['ingested_at'][:19]}), over {_fmt(old['value'])} from "
                    f"{old['file']} (ingested {old['ingested_at'][:19]}). If that was not "
                    "meant, ingest the revised file again with --replace."
                )
        else:
            raise where_of(record).fail(
                f"{describe(record)} is {record['value']:g} here but {old['value']:g} in the "
                f"store (from {old['file']}, row {old['row']}, column {old['column']!r})"
                f"{_release_dates(record, old)}.",
                "if this is a revision, ingest again with --replace (replace=True); "
                "otherwise correct the file.",
            )
        merged[key] = record
        incoming.append(record)
        out.to_write.append((record, old))
    kept = [r for r in records if not r.get("_older")]
    check_flows_not_falling(kept, stored, parsed.flows)
    problems = plausibility.find_implausible(incoming, merged, parsed.registry)
    if problems and not accept_outlier:
        raise plausibility.refusal(problems)
    for record, reason in problems:
        record["outlier_note"] = f"accepted with --accept-outlier: {reason}"
        out.notes.append(f"{describe(record)} {_fmt(record['value'])} accepted as an outlier "
                         f"({reason})")  # fmt: skip
        out.notes_zh.append(f"{describe(record)} {_fmt(record['value'])} 按 --accept-outlier "
                            f"作为异常值存储（{reason}）")  # fmt: skip
    for en, zh in _partial_revisions(out.to_write, records, stored):
        out.notes.append(en)
        out.notes_zh.append(zh)
    return out


def _release_dates(record: dict[str, Any], old: dict[str, Any]) -> str:
    """ ", released 2019-11-18 here, 2019-12-20 in the store" when both files give a date."""
    new_date, old_date = release_date(record.get("release")), release_date(old.get("release"))
    if new_date is None or old_date is None:
        return ""
    return (f"; released {format_release_date(new_date)} here, "
            f"{format_release_date(old_date)} in the store")  # fmt: skip


def _refuse_older_release(record: dict[str, Any], old: dict[str, Any], force_older: bool) -> None:
    """A --replace must not make an older release current over a newer one in silence."""
    new_date, old_date = release_date(record.get("release")), release_date(old.get("release"))
    if force_older or new_date is None or old_date is None:
        return
    if 0 in (new_date[2], old_date[2]):  # a month without a day: compare the months only
        new_date, old_date = (*new_date[:2], 0), (*old_date[:2], 0)
    if not new_date < old_date:
        return
    raise where_of(record).fail(
        f"{describe(record)}: this file is the release of {format_release_date(new_date)}, "
        f"older than the stored value's release of {format_release_date(old_date)} "
        f"({_fmt(old['value'])} from {old['file']}): --replace would make the older figure "
        f"current ({_fmt(record['value'])}).",
        "ingest the latest release; to put the older release back on purpose, add --force "
        "(force_older=True).",
    )


def _partial_revisions(
    to_write: list[tuple[dict[str, Any], dict[str, Any] | None]],
    records: list[dict[str, Any]],
    stored: dict[tuple, dict[str, Any]],
) -> list[tuple[str, str]]:
    """A revision that gives the level but not the growth (or the reverse) leaves the other
    measure from the earlier vintage beside it: say so."""
    given = {record_key(r) for r in records}
    notes: list[tuple[str, str]] = []
    for record, old in to_write:
        if old is None or record["measure"] == "rank":  # a rank stands beside, never revises
            continue
        other = "growth" if record["measure"] == "level" else "level"
        key = (*record_key(record)[:-1], other)
        kept = stored.get(key)
        if key in given or kept is None or kept["checksum"] == record["checksum"]:
            continue
        en = (
            f"{describe(record)} is revised but the file gives no {other}: the stored {other} "
            f"{_fmt(kept['value'])} is from {kept['file']} (the earlier vintage) and may not "
            f"match the revised {record['measure']}; ingest the revised {other} too if one "
            "was published."
        )
        zh = (
            f"{describe(record)} 已修订，但文件未给出 {other}：存储中的 {other} "
            f"{_fmt(kept['value'])} 来自 {kept['file']}（旧版本），可能与修订后的数值不一致；"
            f"如已公布修订的 {other}，请一并读入。"
        )
        notes.append((en, zh))
    return notes


def load_quarterly(
    path: str | Path | None = None,
    *,
    year: int | None = None,
    replace: bool = False,
    registry: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Ingest ``path`` (a file or a folder) into the store, then return the whole store.

    With no path, just the store. The columns are ``STORE_COLUMNS``: indicator, year, end_month,
    period (2019年1-3月), measure (level in the registry unit / growth in percent), value, unit,
    price_basis, sub_item (an of-which item: never add it into a total), marker ("tiny" for a
    value printed as …), source, and file, sheet, row, column and checksum of the raw cell.
    """
    if path is not None:
        ingest_quarterly(path, year=year, replace=replace, registry=registry)
    return read_store()
