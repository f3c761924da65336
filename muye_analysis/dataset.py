"""Load, validate and type the curated dataset.

``data/curated/indicators.csv`` holds every quantitative statement of the report, typed by hand
and checked here against the raw report text on every load: each quote must stand in the report,
each printed value in its quote, and the value must be what the printed text says. Derived values
(``muye_analysis.derive``) are appended with their formula and inputs.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config, schema
from muye_analysis.errors import DataError
from muye_analysis.text import parse_chinese_numeral

if TYPE_CHECKING:
    import pandas as pd

_PRINTED = re.compile(
    r"(?P<prefix>第|近)?\s*(?P<num>\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)\s*"
    r"(?P<yu>余)?\s*(?P<unit>\S+)"
)
# Plausible ranges by measure: a typo such as 2.0 -> 20 in a growth rate fails the load.
_RANGES = {
    "growth_rate": (-50.0, 100.0),
    "rank": (1.0, 15.0),
    "share": (0.0, 100.0),
    "rate": (0.0, 200.0),
    "ratio": (0.0, 100.0),
    "count": (0.0, 1e7),
    "level": (0.0, 1e7),
}
_OPTIONAL_VOCAB = {
    "ranked_on": schema.RANKED_ON,
    "stage": schema.STAGES,
    "qualifier": schema.QUALIFIERS,
    "commitment": schema.COMMITMENTS,
    "price_basis": schema.PRICE_BASES,
    "rank_scope": schema.RANK_SCOPES,
}


def parse_printed(printed: str) -> tuple[float, str]:
    """Value and unit of a number as the report prints it.

    >>> parse_printed("第三名")
    (3.0, '名')
    >>> parse_printed("40余场次")
    (40.0, '场次')
    >>> parse_printed("5.5 %")
    (5.5, '%')
    """
    match = _PRINTED.fullmatch(printed.strip())
    if match is None:
        raise ValueError(f"cannot read a number and unit from {printed!r}")
    num = match["num"]
    value = float(num) if num[0].isdigit() else float(parse_chinese_numeral(num))
    return value, match["unit"]


def read_curated_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Read a curated CSV as text records, checking that it has exactly the expected columns.

    The standard csv module is used rather than pandas: the files are small, and validation
    works row by row anyway, so this keeps a cold load fast.
    """
    if not path.exists():
        raise DataError("file not found.", file=path, fix="restore it from git.")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            rows = list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataError(
            f"not a readable UTF-8 CSV ({exc}).", file=path, fix="save it as UTF-8 CSV."
        ) from None
    for problem, names in (
        ("missing", [c for c in columns if c not in header]),
        ("unexpected", [c for c in header if c not in columns]),
    ):
        if names:
            raise DataError(
                f"{problem} column(s) {', '.join(names)}.",
                file=path,
                row=1,
                column=names[0],
                fix=f"the header must be: {','.join(columns)}",
            )
    for i, row in enumerate(rows):
        if None in row or None in row.values():
            raise DataError(
                "wrong number of cells.",
                file=path,
                row=i + 2,
                fix=f"each row needs {len(columns)} cells; quote cells that contain commas.",
            )
    return rows


def _check_row(row: dict[str, str], *, report: str, registry_ids: set[str], err) -> None:
    """Validate one curated observation; ``err(column, problem, fix)`` raises."""
    if row["indicator"] not in registry_ids:
        err("indicator", f"unknown indicator {row['indicator']!r}.", "add it to registry.csv.")
    if not row["period"].isdigit():
        err("period", f"period {row['period']!r} is not a year.", "write the four-digit year.")
    if row["kind"] not in ("actual", "target"):
        err("kind", f"kind {row['kind']!r} is not actual or target.", "derived rows are computed.")
    if row["measure"] not in schema.MEASURES:
        err("measure", f"unknown measure {row['measure']!r}.", f"use {schema.MEASURES}.")
    for column, vocab in _OPTIONAL_VOCAB.items():
        if row[column] and row[column] not in vocab:
            err(column, f"unknown value {row[column]!r}.", f"use one of {vocab} or leave empty.")
    if not row["quote"] or row["quote"] not in report:
        err("quote", "the quote is not in the report text.", "copy it exactly from the report.")
    if not row["printed"] or row["printed"] not in row["quote"]:
        err("printed", f"{row['printed']!r} is not in the quote.", "copy it from the quote.")
    for word in ("qualifier", "commitment"):
        if row[word] and row[word] not in row["quote"]:
            err(word, f"{row[word]!r} is not in the quote.", "quote the words that say it.")
    if row["measure"] == "standing":
        _check_standing(row, err)
    else:
        _check_number(row, err)


def _check_standing(row: dict[str, str], err) -> None:
    if row["value"]:
        err("value", "a qualitative standing has no value.", "leave value empty.")
    if not row["rank_scope"]:
        err("rank_scope", "a standing needs its scope.", "write 全市 (or 全省, 全国).")


def _check_number(row: dict[str, str], err) -> None:
    try:
        value = float(row["value"])
    except ValueError:
        err("value", f"{row['value']!r} is not a number.", "write the number, e.g. 232.1.")
    if row["unit"] not in schema.UNITS:
        err("unit", f"unknown unit {row['unit']!r}.", "use a unit listed in schema.UNITS.")
    try:
        printed_value, printed_unit = parse_printed(row["printed"])
    except ValueError as exc:
        err("printed", str(exc), "write the number with its unit as printed, e.g. 232.1亿元.")
    if abs(printed_value - value) > 1e-9:
        err("value", f"{value:g} does not match the printed {row['printed']!r}.", "fix either.")
    if printed_unit != row["unit"]:
        err("unit", f"{row['unit']!r} differs from the printed {row['printed']!r}.", "fix either.")
    low, high = _RANGES[row["measure"]]
    if not low <= value <= high:
        err("value", f"{value:g} is outside {low:g}..{high:g} for {row['measure']}.", "check it.")
    if not row["bound"]:
        what = "a target" if row["kind"] == "target" else "a value"
        err(
            "bound",
            f"{what} without a qualifier bound.",
            "write exact, at_least, at_most or about.",
        )
    expected = schema.QUALIFIER_BOUND.get(row["qualifier"])
    if row["bound"] != expected:
        err("bound", f"bound {row['bound']!r} contradicts qualifier {row['qualifier']!r}.",
            f"the qualifier means {expected!r}.")  # fmt: skip
    if (row["measure"] == "rank") != bool(row["ranked_on"]):
        err("ranked_on", "ranked_on is set exactly for ranks.", "say what the rank is of.")
    if row["measure"] == "rank" and not row["rank_scope"]:
        err("rank_scope", "a rank needs its scope.", "write 全市 (or 全省, 全国).")
    if row["measure"] == "growth_rate" and not row["price_basis"]:
        err("price_basis", "a growth rate needs its price basis.", "write real or nominal.")


def validate_indicators(
    rows: list[dict[str, str]],
    *,
    report: str | dict[str, str],
    registry_ids: set[str],
    path: Path,
) -> None:
    """Raise DataError at the first bad cell or duplicate key of the curated table.

    ``report`` is the report text every quote must stand in, or a mapping from each row's
    ``document`` to its text.
    """
    seen: dict[tuple[str, ...], int] = {}
    for i, row in enumerate(rows):
        line = i + 2  # header is line 1

        def err(column: str, problem: str, fix: str, line: int = line) -> None:
            raise DataError(problem, file=path, row=line, column=column, fix=fix)

        text = report if isinstance(report, str) else report.get(row.get("document", ""), "")
        _check_row(row, report=text, registry_ids=registry_ids, err=err)
        key = tuple(row.get(c, "") for c in schema.KEY)
        if key in seen:
            err(
                "indicator",
                f"duplicate key {key} (also on row {seen[key]}).",
                "merge them, or tell them apart by period, kind, measure, ranked_on or stage.",
            )
        seen[key] = line


INDICATOR_DTYPES = {
    "period": "Int64",
    "value": "Float64",
    "kind": ("category", schema.KINDS),
    "measure": ("category", schema.MEASURES),
    "ranked_on": ("category", schema.RANKED_ON),
    "stage": ("category", schema.STAGES),
    "unit": ("category", schema.UNITS),
    "bound": ("category", schema.BOUNDS),
    "price_basis": ("category", schema.PRICE_BASES),
    "rank_scope": ("category", schema.RANK_SCOPES),
    "source": ("category", ("report", "derived")),
}


def parse_indicator_row(row: dict[str, str]) -> dict:
    """A validated text record with Python types: int period, float value, None for blanks."""
    out: dict = {k: (v if v != "" else None) for k, v in row.items()}
    out["period"] = int(row["period"])
    out["value"] = float(row["value"]) if row["value"] else None
    return out


def frame_from_records(records: list[dict], columns: list[str], dtypes: dict) -> pd.DataFrame:
    """One DataFrame, typed in one pass: explicit categoricals, nullable numbers, strings."""
    import pandas as pd

    df = pd.DataFrame.from_records(records, columns=columns)
    types = {
        c: pd.CategoricalDtype(list(t[1])) if isinstance(t, tuple) else t
        for c, t in dtypes.items()
        if c in df.columns
    }
    types |= {c: "string" for c in df.columns if c not in types}
    return df.astype(types)


def validate_registry(rows: list[dict[str, str]], path: Path) -> None:
    """Raise DataError at the first bad cell or duplicate id of the registry."""
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        line = i + 2
        checks = [
            ("indicator", bool(re.fullmatch(r"[a-z][a-z0-9_]*", row["indicator"])),
             "ids are lower_snake_case."),
            ("indicator", row["indicator"] not in seen,
             f"duplicate id (also on row {seen.get(row['indicator'])})."),
            ("name_zh", bool(row["name_zh"]), "every indicator needs a Chinese name."),
            ("name_en", bool(row["name_en"]), "every indicator needs an English name."),
            ("short_zh", bool(row["short_zh"]), "every indicator needs a short Chinese label."),
            ("short_en", bool(row["short_en"]), "every indicator needs a short English label."),
            ("category", row["category"] in schema.CATEGORIES,
             f"category must be one of {schema.CATEGORIES}."),
            ("unit", row["unit"] in ("", *schema.UNITS), "unknown unit."),
            ("higher_is_better", row["higher_is_better"] in ("", "true", "false"),
             "write true, false or leave empty."),
            ("flow", row["flow"] in ("true", "false"), "write true or false."),
            ("growth_basis", row["growth_basis"] in ("", *schema.PRICE_BASES),
             "write real, nominal or leave empty."),
            ("description_en", bool(row["description_en"]), "describe the indicator."),
        ]  # fmt: skip
        for column, ok, problem in checks:
            if not ok:
                raise DataError(problem, file=path, row=line, column=column, fix="edit that cell.")
        seen[row["indicator"]] = line


@functools.cache
def _report_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


REGISTRY_DTYPES = {
    "higher_is_better": "boolean",
    "flow": "boolean",
    "category": ("category", schema.CATEGORIES),
    "growth_basis": ("category", schema.PRICE_BASES),
}


@functools.cache
def _load_registry(path: Path) -> pd.DataFrame:
    rows = read_curated_rows(path, schema.REGISTRY_COLUMNS)
    validate_registry(rows, path)
    flags = {"true": True, "false": False, "": None}
    records = [
        {k: flags[v] if k in ("higher_is_better", "flow") else (v or None) for k, v in r.items()}
        for r in rows
    ]
    return frame_from_records(records, list(schema.REGISTRY_COLUMNS), REGISTRY_DTYPES)


def load_registry(path: Path | None = None) -> pd.DataFrame:
    """The indicator registry: names (zh, en, short labels), category, unit, direction, synonyms."""
    return _load_registry(Path(path or config.REGISTRY_CSV)).copy()


def indicator_ids_by_name() -> dict[str, str]:
    """Every Chinese name, short name and synonym in the registry -> its indicator id."""
    lookup = {}
    for row in load_registry().to_dict("records"):
        names = [row["name_zh"], row["short_zh"], *str(row["synonyms_zh"] or "").split("|")]
        lookup.update({n: row["indicator"] for n in names if isinstance(n, str) and n})
    return lookup


@functools.cache
def _load_curated(
    path: Path, registry_path: Path, report_path: Path | None, derived: bool
) -> pd.DataFrame:
    from muye_analysis.derive import derive_records
    from muye_analysis.reports import check_rows, read_report

    registry = read_curated_rows(registry_path, schema.REGISTRY_COLUMNS)
    names = {r["indicator"]: (r["name_zh"], r["name_en"]) for r in registry}
    rows = read_curated_rows(path, schema.INDICATOR_COLUMNS)
    reports = {}
    for i, row in enumerate(rows):
        if row["document"] not in reports:
            try:
                reports[row["document"]] = read_report(row["document"])
            except DataError as exc:
                raise DataError(
                    f"document {row['document']!r}: {exc}",
                    file=path,
                    row=i + 2,
                    column="document",
                    fix="name a raw report under data/raw/ that has an origin record.",
                ) from None
    texts = {
        doc: _report_text(report_path or report.path) for doc, report in reports.items()
    }
    validate_indicators(rows, report=texts, registry_ids=set(names), path=path)
    records = []
    for doc, report in reports.items():
        mine = [parse_indicator_row(r) | {"source": "report"} for r in rows if r["document"] == doc]
        check_rows(report, mine, file=path)
        records += mine
        if derived:
            extra = derive_records(mine, base_year=report.base_year, plan_year=report.plan_year)
            records += [r | {"document": doc} for r in extra]
    for record in records:
        record["name_zh"], record["name_en"] = names[record["indicator"]]
    columns = [
        "indicator", "name_zh", "name_en", *schema.INDICATOR_COLUMNS[1:-1],
        "formula", "inputs", "source", "document",
    ]  # fmt: skip
    return frame_from_records(records, columns, INDICATOR_DTYPES)


def load_indicators(
    path: Path | None = None,
    *,
    registry_path: Path | None = None,
    report_path: Path | None = None,
    derived: bool = True,
    report: str | None = None,
) -> pd.DataFrame:
    """Every figure of a plan report, one row per observation, with names and provenance.

    ``report`` picks the report (its folder under ``data/raw/`` or its document path, see
    :mod:`muye_analysis.reports`): by default the latest one, the one with the latest plan
    year; ``"all"`` gives every report's rows. ``report_path`` checks the quotes against that
    text instead of each row's document (for tests of damaged text).

    Columns: indicator, name_zh, name_en, period, kind, measure, ranked_on, stage, value, unit,
    printed, qualifier, bound, commitment, price_basis, rank_scope, section, quote, note, formula,
    inputs, source, document (the raw file under ``data/raw/``, whose ``.origin.yml`` gives its
    title, date and years: the vintage). ``kind`` is actual or target for the report's own
    figures (``source == "report"``) and derived for values computed from them
    (``muye_analysis.derive``), which carry their formula and inputs instead of a quote.
    Validated on load; a bad cell raises DataError.
    """
    from muye_analysis.reports import find_report

    path = Path(path or config.INDICATORS_CSV)
    frame = _load_curated(
        path,
        Path(registry_path or config.REGISTRY_CSV),
        Path(report_path) if report_path else None,
        derived,
    )
    if report != "all":
        chosen = find_report(report, path)
        frame = frame[frame["document"] == chosen.document].reset_index(drop=True)
    return frame.copy()


def load_targets(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """A report's targets (its plan year) beside the actual of the same indicator and measure in
    its base year.

    ``indicators`` is one report's ``load_indicators()`` (the default: the latest report).
    ``actual`` is the base-year figure, NA where the report gives none (e.g. GDP growth);
    ``gap_pp`` is target minus actual in percentage points for percentage measures;
    ``target_to_actual`` is target over actual for levels and counts; ``base_year`` and
    ``plan_year`` say which years they are.
    """
    from muye_analysis.reports import report_of

    ind = load_indicators() if indicators is None else indicators
    vintage = report_of(ind)
    report = ind[ind["source"] == "report"]
    targets = report[(report["kind"] == "target") & (report["period"] == vintage.plan_year)]
    if targets.empty:
        raise ValueError(f"{vintage.document}: no targets for {vintage.plan_year} in the rows given")
    # The base-year figure of the same measure; for a before->after pair, the "after" value.
    actuals = report[
        (report["kind"] == "actual")
        & (report["period"] == vintage.base_year)
        & (report["measure"] != "rank")
        & (report["stage"].isna() | (report["stage"] == "to"))
    ]
    actuals = actuals[["indicator", "measure", "value", "unit"]].rename(
        columns={"value": "actual", "unit": "actual_unit"}
    )
    out = targets.merge(actuals, on=["indicator", "measure"], how="left", validate="one_to_one")
    out = out.rename(columns={"value": "target"})
    pct = out["measure"].isin(["growth_rate", "rate", "share"])
    absolute = out["measure"].isin(["level", "count"]) & (out["unit"] == out["actual_unit"])
    out["gap_pp"] = (out["target"] - out["actual"]).where(pct)
    out["target_to_actual"] = (out["target"] / out["actual"]).where(absolute)
    out["base_year"] = vintage.base_year
    out["plan_year"] = vintage.plan_year
    registry = _load_registry(config.REGISTRY_CSV)
    out = out.merge(
        registry[["indicator", "short_zh", "short_en", "category"]], on="indicator", how="left"
    )
    columns = [
        "indicator", "name_zh", "name_en", "short_zh", "short_en", "category", "measure",
        "target", "unit", "qualifier", "bound", "commitment", "price_basis", "actual",
        "actual_unit", "gap_pp", "target_to_actual", "base_year", "plan_year", "section",
        "quote", "document",
    ]  # fmt: skip
    out = out[columns].reset_index(drop=True)
    return out.astype(
        {
            "actual": "Float64",
            "gap_pp": "Float64",
            "target_to_actual": "Float64",
            "base_year": "Int64",
            "plan_year": "Int64",
        }
    )


def load_rankings(indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    """Muye's positions within the city in the report's base year: numeric ranks and qualitative
    standings (``period`` says the year)."""
    from muye_analysis.reports import report_of

    ind = load_indicators() if indicators is None else indicators
    base_year = report_of(ind).base_year
    rows = ind[
        ind["measure"].isin(["rank", "standing"])
        & (ind["source"] == "report")
        & (ind["period"] == base_year)
    ].copy()
    if rows.empty:
        raise ValueError(f"no rank or standing for {base_year} in the report's rows")
    rows["rank"] = rows["value"].round().astype("Int64")
    rows["standing_text"] = rows["printed"].where(rows["measure"] == "standing")
    registry = _load_registry(config.REGISTRY_CSV)
    rows = rows.merge(registry[["indicator", "short_zh", "short_en"]], on="indicator", how="left")
    columns = [
        "indicator", "name_zh", "name_en", "short_zh", "short_en", "ranked_on", "rank",
        "standing_text", "rank_scope", "period", "printed", "quote", "document",
    ]  # fmt: skip
    return rows[columns].reset_index(drop=True)


def summarise_dataset(lang: str = "zh", *, headline: bool = True) -> str:
    """A short text summary of the validated dataset, for ``muye check`` and ``muye run``.

    Verifies the raw files' checksums and loads (so validates) every curated table, every
    report's rows included, first; the counts and headline lines are the latest report's.
    """
    from muye_analysis.context import load_context
    from muye_analysis.provenance import verify_raw_files

    from muye_analysis.reports import list_reports

    checked = verify_raw_files()
    load_indicators(report="all")  # validates every report's rows, not only the latest's
    reports = list_reports()
    ind = load_indicators()
    context = load_context()
    counts = ind.groupby("kind", observed=True).size()
    zh = lang == "zh"
    latest = reports[-1]
    lines = [
        "牧野区计划报告数据检查通过" if zh else "Muye plan report data: all checks passed",
        f"  {'原始文件校验' if zh else 'raw files verified'}: {len(checked)}",
        f"  {'报告' if zh else 'reports'}: {len(reports)}; "
        + (f"最新 {latest.document}（{latest.base_year}年执行情况、{latest.plan_year}年计划）"
           if zh else f"latest {latest.document} ({latest.base_year} outcome, "
           f"{latest.plan_year} plan)"),
        f"  {'指标' if zh else 'indicators'}: {ind['indicator'].nunique()}; "
        + "; ".join(f"{k} {n}" for k, n in counts.items()),
        f"  {'对比数据' if zh else 'context figures'}: {len(context)}",
    ]
    if headline:
        lines += ["", summarise_headline(lang, load_targets(ind))]
    return "\n".join(lines)


def summarise_headline(lang: str = "zh", targets: pd.DataFrame | None = None) -> str:
    """The headline targets beside the base-year actuals, one line each ("—" where not stated)."""
    import pandas as pd

    from muye_analysis.reports import years_of

    targets = load_targets() if targets is None else targets
    base, plan = years_of(targets)
    zh = lang == "zh"
    lines = [f"{plan}年主要目标 / {base}年实际" if zh else f"{plan} headline targets vs {base} actuals"]
    for row in targets[targets["indicator"].isin(HEADLINE)].to_dict("records"):
        name = row["name_zh"] if zh else row["name_en"]
        actual = "—" if pd.isna(row["actual"]) else f"{row['actual']:.1f}{row['unit']}"
        target = f"{row['target']:g}{row['unit']}"
        if zh:
            target += "" if pd.isna(row["qualifier"]) else row["qualifier"]
        else:
            target = _BOUND_EN.get(row["bound"], "") + target
        lines.append(f"  {name}: {target} / {actual}")
    return "\n".join(lines)


_BOUND_EN = {"at_least": "at least ", "at_most": "at most ", "about": "about "}

# The six headline targets of part 二 of the report, in its order.
HEADLINE = (
    "gdp",
    "industrial_value_added",
    "fixed_asset_investment",
    "budget_revenue",
    "retail_sales",
    "surveyed_unemployment_rate",
)
# The five of them set as growth rates (the unemployment rate is a ceiling, not a growth).
HEADLINE_GROWTH = HEADLINE[:5]
