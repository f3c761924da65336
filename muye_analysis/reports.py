"""The plan reports in ``data/``: which documents the curated rows come from, and their years.

Each curated row names its raw document (``document``: a path under ``data/raw/``). A report's
vintage — the year whose outcome it reports (the *base year*: ``year_reported``) and the year it
plans (the *plan year*: ``year_planned``) — comes from that document's origin record
(``<file>.origin.yml``) and is checked against its rows when the data load
(:func:`check_rows`): a report whose rows hold no actual of its base year, or no target of its
plan year, is an error that says so, never an empty table.

With more than one report in ``data/``, the latest (the largest plan year) drives the notebooks,
the charts and the briefing; :mod:`muye_analysis.attainment` sets an earlier report's targets
against a later one's outcomes. No report year is written in the code.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

YEAR_FIELDS = ("year_reported", "year_planned")
# What a report's origin record must give beyond the fields every raw file's record has
# (provenance.REQUIRED_FIELDS), each with what to write: the notebooks, the cover slide and the
# summaries read them. A record missing one is refused by `muye accept` and `muye check` with the
# field named, before anything is written or run. docs/next-report.md lists them for a new report.
_FIELD_HELP = {
    "title_zh": "the report's title in Chinese, as printed",
    "issuing_body_zh": "who presents it, in Chinese, as the report names it",
    "issuing_body_en": "the same in English",
    "presented": "when and to whom, e.g. 'early YYYY, to the district people's congress'",
}
REPORT_FIELDS = (*_FIELD_HELP, *YEAR_FIELDS)


@dataclass(frozen=True)
class Report:
    """One plan report: its raw document, its years and its titles (from the origin record)."""

    document: str  # path under data/raw/, as the curated rows' ``document`` column writes it
    path: Path
    base_year: int  # the year whose outcome the report gives (its actual figures)
    plan_year: int  # the year it plans (its targets)
    title_zh: str
    title_en: str
    presented: str = ""

    @property
    def name(self) -> str:
        """The report's folder under data/raw/ (e.g. the one holding the text and its sidecar)."""
        return Path(self.document).parent.name or Path(self.document).stem

    @property
    def years(self) -> dict[str, int]:
        """``{"base_year": …, "plan_year": …}``: the fields chart and slide texts take."""
        return {"base_year": self.base_year, "plan_year": self.plan_year}


def read_report(document: str | Path, *, raw: Path | None = None) -> Report:
    """The report behind ``document`` (a path under ``data/raw/``, or an absolute path).

    Raises DataError naming the origin record when it lacks ``year_reported`` or
    ``year_planned``, or when they are not years with the plan year after the base year.
    Read once per version of the origin record (cached on its modification time).
    """
    from muye_analysis.provenance import SIDECAR_SUFFIX

    raw = raw or config.RAW
    path = Path(document)
    path = path if path.is_absolute() else raw / path
    if not path.exists():
        raise DataError(
            "the report text is not in data/raw/.",
            file=path,
            fix="copy the report's text there with its .origin.yml sidecar, or correct the "
            "'document' column of the curated rows.",
        )
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    stamp = sidecar.stat().st_mtime_ns if sidecar.exists() else None
    return _read_report(path, raw, stamp)


@functools.lru_cache(maxsize=64)
def _read_report(path: Path, raw: Path, stamp: int | None) -> Report:
    from muye_analysis.provenance import SIDECAR_SUFFIX, read_sidecar

    meta = read_sidecar(path)
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    for field, what in _FIELD_HELP.items():
        if not str(meta.get(field) or "").strip():
            raise DataError(
                f"the origin record of a report gives no {field}.",
                file=sidecar,
                column=field,
                fix=f"write {field}: {what} (the bundled report's record shows every field).",
            )
    years = {}
    for field in YEAR_FIELDS:
        value = meta.get(field)
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 < value < 2200:
            raise DataError(
                f"the origin record gives no {field} ({value!r}): the report's years come from it.",
                file=sidecar,
                column=field,
                fix=f"write {field}: YYYY (the year whose outcome the report gives for "
                "year_reported, the year it plans for year_planned).",
            )
        years[field] = value
    if years["year_planned"] <= years["year_reported"]:
        raise DataError(
            f"year_planned {years['year_planned']} is not after year_reported "
            f"{years['year_reported']}.",
            file=sidecar,
            column="year_planned",
            fix="a plan report gives last year's outcome and plans a later year.",
        )
    try:
        relative = path.relative_to(raw).as_posix()
    except ValueError:
        relative = path.name
    return Report(
        document=relative,
        path=path,
        base_year=years["year_reported"],
        plan_year=years["year_planned"],
        title_zh=str(meta["title_zh"]),
        title_en=str(meta["title_en"]),
        presented=str(meta.get("presented") or ""),
    )


@functools.cache
def _documents(path: Path) -> tuple[str, ...]:
    if not path.exists():
        raise DataError("file not found.", file=path, fix="restore it from git.")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if "document" not in (reader.fieldnames or []):
            raise DataError(
                "no 'document' column: each row must name the raw report it quotes.",
                file=path,
                row=1,
                column="document",
                fix="add the column: the report's path under data/raw/ (FOLDER/FILE.txt).",
            )
        return tuple(dict.fromkeys(row["document"] for row in reader))


def list_reports(path: Path | None = None) -> list[Report]:
    """Every report the curated rows come from, oldest plan year first."""
    path = Path(path or config.INDICATORS_CSV)
    documents = _documents(path)
    if not documents:
        raise DataError(
            "no curated rows, so no report.", file=path, fix="restore it, or muye accept a draft."
        )
    if "" in documents:
        raise DataError(
            "a row names no document.",
            file=path,
            column="document",
            fix="write the raw report's path under data/raw/ in every row.",
        )
    reports = [read_report(doc) for doc in documents]
    return sorted(reports, key=lambda r: (r.plan_year, r.base_year, r.document))


def latest_report(path: Path | None = None) -> Report:
    """The report with the latest plan year: the one that drives notebooks, charts and briefing."""
    return list_reports(path)[-1]


def find_report(name: str | Report | None, path: Path | None = None) -> Report:
    """The report called ``name`` (its document path, folder under data/raw/, or file stem).

    ``None`` gives the latest report.
    """
    if isinstance(name, Report):
        return name
    reports = list_reports(path)
    if name is None:
        return reports[-1]
    for report in reports:
        if name in (report.document, report.name, Path(report.document).stem):
            return report
    known = ", ".join(r.name for r in reports)
    raise KeyError(f"no report {name!r} in the curated data; known: {known}")


def as_of_period(label: object, *, plan_year: int | None = None, year: int | None = None):
    """The one year-to-date period of ``muye run/brief/progress --as-of`` and the notebooks'
    ``AS_OF``, parsed once: a :class:`~muye_analysis.periods.Period` (returned as is), a label
    with a year (YYYY年1-9月) or without one (前三季度, 1-9月, 三季度累计: the plan year of the
    latest report is implied), or None (the latest period in the store). A span that does not
    start in January (二季度 alone) is refused with how to write it; so is a year other than the
    plan year when ``plan_year`` is given. ``year`` is the year a label without one is of
    (default: ``plan_year``, else the latest report's plan year, read from the curated rows).
    """
    from muye_analysis.periods import Period, PeriodError, parse_ytd_period

    if label is None or (isinstance(label, str) and not label.strip()):
        return None
    year = year or plan_year or latest_report().plan_year
    period = label if isinstance(label, Period) else parse_ytd_period(label, year=year)
    if not period.is_cumulative:
        raise PeriodError(
            f"{period.label('zh')} is not a year-to-date span; write 1-{period.end_month}月."
        )
    if plan_year is not None and period.year != plan_year:
        raise PeriodError(
            f"{period.label('zh')} is not in {plan_year}, the year the targets are for."
        )
    return period


def years_of(frame: pd.DataFrame) -> tuple[int, int]:
    """(base year, plan year) of the one report behind ``frame``.

    ``frame`` is a table with ``base_year`` and ``plan_year`` columns (``load_targets()``) or a
    ``document`` column (``load_indicators()``). A frame mixing reports, or with neither, is an
    error: the years are never guessed.
    """
    if {"base_year", "plan_year"} <= set(frame.columns):
        base = set(frame["base_year"].dropna().astype(int))
        plan = set(frame["plan_year"].dropna().astype(int))
        if len(base) == 1 and len(plan) == 1:
            return base.pop(), plan.pop()
        what = "no rows" if not base else f"base years {sorted(base)}, plan years {sorted(plan)}"
        raise ValueError(f"the table must hold one report's rows; it has {what}")
    if "document" in frame.columns:
        report = report_of(frame)
        return report.base_year, report.plan_year
    raise ValueError(
        "the table has neither base_year/plan_year nor document columns, so its years are "
        "unknown; pass load_targets() or load_indicators() (or frames derived from them)"
    )


def year_fields(frame: pd.DataFrame | pd.Series) -> dict[str, int]:
    """``{"base_year": …, "plan_year": …}`` of the report behind ``frame`` (see
    :func:`years_of`), or of one row of a view: the fields chart texts take."""
    if getattr(frame, "ndim", 2) == 1:
        return {"base_year": int(frame["base_year"]), "plan_year": int(frame["plan_year"])}
    base_year, plan_year = years_of(frame)
    return {"base_year": base_year, "plan_year": plan_year}


def report_of(frame: pd.DataFrame) -> Report:
    """The one report whose rows make up ``frame`` (its ``document`` column)."""
    documents = list(dict.fromkeys(frame["document"].dropna().astype(str)))
    if len(documents) != 1:
        raise ValueError(
            f"the table must hold one report's rows; it has {len(documents)} documents"
            + (f" ({', '.join(documents)})" if documents else "")
            + "; pick one with load_indicators(report=NAME)"
        )
    return read_report(documents[0])


def check_rows(report: Report, rows: Iterable[Mapping], *, file: Path) -> None:
    """Raise DataError unless ``rows`` hold an actual of the base year and a target of the plan
    year: what the origin record says the report gives must be in the curated data."""
    rows = list(rows)
    for kind, year, field in (
        ("actual", report.base_year, "year_reported"),
        ("target", report.plan_year, "year_planned"),
    ):
        if not any(r["kind"] == kind and int(r["period"]) == year for r in rows):
            raise DataError(
                f"{report.document}: the origin record says {field} {year}, but no curated "
                f"{kind} row of that report has period {year}.",
                file=file,
                column="period",
                fix=f"curate the report's {kind} figures for {year} (muye extract, review, "
                f"muye accept), or correct {field} in its .origin.yml.",
            )


__all__ = [
    "REPORT_FIELDS", "YEAR_FIELDS", "Report", "as_of_period", "check_rows", "find_report",
    "latest_report", "list_reports", "read_report", "report_of", "year_fields", "years_of",
]  # fmt: skip
