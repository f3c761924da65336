"""What people read from the store: the history of a value (``muye history``) and flat copies
(``muye export --csv/--xlsx``) with formula-like cells neutralised."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.atomic import atomic_path
from muye_analysis.errors import DataError, printable
from muye_analysis.outputs import check_output_path, neutralise_frame
from muye_analysis.periods import PeriodError, parse_period
from muye_analysis.quarterly.frames import read_history, read_store
from muye_analysis.quarterly.registry import RegistryIndex, default_registry
from muye_analysis.quarterly.store import store_path

if TYPE_CHECKING:
    import pandas as pd

EXPORT_FORMATS = ("csv", "xlsx")


def _indicator_id(name: str, registry: pd.DataFrame | None = None) -> str:
    """A registry id from an id, a Chinese name, a short name or a synonym."""
    from muye_analysis.quarterly.cells import clean_indicator_name

    index = RegistryIndex.from_frame(default_registry() if registry is None else registry)
    found = index.lookup(clean_indicator_name(name)[0])
    if found is None or found == "ambiguous":
        raise DataError(
            f"unknown indicator {name!r}." if found is None else f"{name!r} is ambiguous.",
            fix="give a registry id (e.g. retail_sales) or its Chinese name (社会消费品零售总额).",
        )
    return found.id  # type: ignore[union-attr]


def history(
    indicator: str | None = None,
    period: str | None = None,
    *,
    store_dir: str | Path | None = None,
) -> pd.DataFrame:
    """Every vintage of the store (of one indicator, of one period), oldest first."""
    frame = read_history(store_dir)
    if indicator:
        frame = frame[frame["indicator"] == _indicator_id(indicator)]
    if period:
        try:
            wanted = parse_period(period)
        except PeriodError as exc:
            raise DataError(
                f"--period {period!r}: {exc}", fix="write a period such as YYYY年1-6月."
            ) from None
        frame = frame[(frame["year"] == wanted.year) & (frame["end_month"] == wanted.end_month)]
    return frame.reset_index(drop=True)


def format_history(frame: pd.DataFrame, lang: str = "zh") -> str:
    """One line per vintage, grouped by value: period, measure, value, file and cell, when.

    Words come from the vocabulary in ``lang``; what is quoted from the user's files (file and
    sheet names, the column's header, the title's 修订 and 发布日期) is shown as written, and in
    English inside quotation marks."""
    from muye_analysis import vocab
    from muye_analysis.periods import Period
    from muye_analysis.quarterly.store import DEFAULT_AREA

    t = lambda key, **fields: vocab.text(f"history.{key}", lang, **fields)  # noqa: E731
    quote = (lambda text: text) if lang == "zh" else (lambda text: f'"{text}"')
    if frame.empty:
        return t("none")
    lines = []
    keys = ["area", "indicator", "year", "start_month", "end_month", "measure"]
    for _, group in frame.groupby(keys, sort=True, observed=True):
        first = group.iloc[0]
        period = Period.span(int(first["year"]), int(first["start_month"]), int(first["end_month"]))
        area = str(first["area"])
        lines.append(t("value", indicator=first["indicator"], period=period,
                       measure=first["measure"],
                       area="" if area == DEFAULT_AREA
                       else t("area", name=vocab.area_name(area, lang))))  # fmt: skip
        for _, r in group.iterrows():
            # Names are escaped: a newline in a file name must not forge a line of the trail.
            where = printable(r["file"]) + (f"[{printable(r['sheet'])}]" if r["sheet"] is not None
                                            and str(r["sheet"]) != "<NA>" else "")  # fmt: skip
            cell = t("cell", where=where, row=r["row"], column=printable(r["column"]))
            unit = "" if r["unit"] is None or str(r["unit"]) == "<NA>" else str(r["unit"])
            release = r["release"]
            extras = []
            if release is not None and str(release) != "<NA>":  # (修订) shown inside (…; …)
                extras.append(quote(
                    printable("；".join(p.strip("()（）[]【】") for p in str(release).split("；")))
                ))  # fmt: skip
            if r["outlier_note"] is not None and str(r["outlier_note"]) != "<NA>":
                extras.append(printable(r["outlier_note"]))
            status = t("current" if r["current"] else "earlier")
            value = f"{r['value']:.10g}" + vocab.show(unit, "unit", lang)
            lines.append(
                f"  {status:4} {value}  {cell}  {str(r['ingested_at'])[:19].replace('T', ' ')}"
                + (t("extras", extras=extras) if extras else "")
            )
    return "\n".join(lines)


def export_store(
    output: str | Path | None = None,
    *,
    fmt: str = "csv",
    all_vintages: bool = False,
    store_dir: str | Path | None = None,
) -> Path:
    """Write the store's current view (or, with ``all_vintages``, its whole history) as a flat
    CSV (UTF-8 with BOM, for Excel) or XLSX for people; formula-like text is neutralised.

    ``output`` defaults to ``<build dir>/quarterly_export.<fmt>``; a path under data/ or a
    folder is refused. The store itself is never changed.
    """
    if fmt not in EXPORT_FORMATS:
        raise DataError(f"unknown format {fmt!r}.", fix="use csv or xlsx.")
    out = Path(output) if output else config.build_dir() / f"quarterly_export.{fmt}"
    out = check_output_path(out, example=f"build/quarterly_export.{fmt}")
    if (
        not store_path(store_dir).exists()
        and not store_path(store_dir).with_name("quarterly.csv").exists()
    ):
        raise DataError(
            "there is no store yet.",
            file=store_path(store_dir),
            fix="ingest year-to-date files first: muye ingest data/quarterly",
        )
    frame = read_history(store_dir) if all_vintages else read_store(store_dir)
    frame = neutralise_frame(frame, workbook=fmt == "xlsx")  # no formula, no control character
    with atomic_path(out) as tmp:
        if fmt == "csv":
            frame.to_csv(tmp, index=False, encoding="utf-8-sig")
        else:
            frame.to_excel(tmp, index=False, engine="openpyxl", sheet_name="store")
    return out
