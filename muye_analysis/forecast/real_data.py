"""Real published year-to-date series of wider areas (province, city), with their sources.

``data/raw/ytd_real/*.csv`` hold cumulative growth and levels read from public pages, one figure a
row with its URL and the sentence it was read from (columns area, indicator_zh, period, measure,
value, unit, url, quote). Quotes starting ``DERIVED (…)`` are arithmetic on a published
sentence; the loader marks them in ``derived``. These series measure how the forecasts perform
on real data and anchor a district's nowcast to its city and province.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.errors import DataError
from muye_analysis.periods import YTD_EXAMPLE, Period

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("area", "indicator_zh", "period", "measure", "value", "unit", "url", "quote")
MEASURES = {"growth_pct": "growth", "level": "level"}
DERIVED_PREFIX = "DERIVED"
SERIES_COLUMNS = (
    "area", "indicator", "indicator_zh", "year", "end_month", "measure", "value", "unit",
    "url", "quote", "derived", "file", "row",
)  # fmt: skip
NO_URL = "(no URL"


def real_files(folder: str | Path | None = None) -> list[Path]:
    """The CSV files of real series (each has an origin sidecar beside it)."""
    folder = Path(folder or config.YTD_REAL_DIR)
    return sorted(folder.glob("*.csv"))


def load_real_series(files: Path | str | list | None = None) -> pd.DataFrame:
    """Every figure of the real series files, one row each (``SERIES_COLUMNS``).

    ``indicator`` is the registry code (gdp, industrial_value_added …) matched on the Chinese
    name; ``derived`` holds the formula text of DERIVED rows and is empty otherwise; ``row`` is
    the line in the file (header = 1). A bad row raises ``DataError`` naming file, row, column.
    """
    import pandas as pd

    from muye_analysis.dataset import load_registry
    from muye_analysis.periods import PeriodError, parse_period

    if files is None:
        files = real_files()
    elif isinstance(files, (str, Path)):
        files = [Path(files)]
    codes = dict(zip(load_registry()["name_zh"], load_registry()["indicator"], strict=True))
    rows = []
    for path in map(Path, files):
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = [c for c in COLUMNS if c not in raw.columns]
        if missing:
            raise DataError(
                f"missing columns {missing}", file=path, row=1,
                fix=f"give the header {','.join(COLUMNS)}",
            )  # fmt: skip
        for i, rec in enumerate(raw.itertuples(index=False), start=2):
            rec = rec._asdict()
            try:
                period = parse_period(rec["period"])
            except PeriodError as err:
                raise DataError(
                    f"cannot read the period {rec['period']!r} ({err})", file=path, row=i,
                    column="period", fix=f"write it as {YTD_EXAMPLE}",
                ) from err  # fmt: skip
            if rec["measure"] not in MEASURES:
                raise DataError(
                    f"unknown measure {rec['measure']!r}", file=path, row=i, column="measure",
                    fix=f"use one of {sorted(MEASURES)}",
                )  # fmt: skip
            try:
                value = float(rec["value"])
            except ValueError as err:
                raise DataError(
                    f"value {rec['value']!r} is not a number", file=path, row=i, column="value",
                    fix="write a plain number such as 5.1",
                ) from err  # fmt: skip
            if rec["indicator_zh"] not in codes:
                raise DataError(
                    f"unknown indicator {rec['indicator_zh']!r}", file=path, row=i,
                    column="indicator_zh", fix="use a name_zh of data/curated/registry.csv",
                )  # fmt: skip
            quote = rec["quote"].strip()
            derived = ""
            if quote.startswith(DERIVED_PREFIX):
                derived = re.split(r"[:\uff1a]", quote[len(DERIVED_PREFIX) :], maxsplit=1)[0]
                derived = derived.strip()  # the formula, up to the first colon (either width)
            rows.append(
                {
                    "area": rec["area"], "indicator": codes[rec["indicator_zh"]],
                    "indicator_zh": rec["indicator_zh"], "year": period.year,
                    "end_month": period.end_month, "measure": MEASURES[rec["measure"]],
                    "value": value, "unit": rec["unit"], "url": rec["url"].strip(),
                    "quote": quote, "derived": derived, "file": path.name, "row": i,
                }
            )  # fmt: skip
    out = pd.DataFrame(rows, columns=list(SERIES_COLUMNS))
    return _check_duplicates(out)


def _check_duplicates(frame: pd.DataFrame) -> pd.DataFrame:
    """Two rows for one figure must agree; the first (by file and row) is kept."""
    key = ["area", "indicator", "year", "end_month", "measure"]
    for _, group in frame.groupby(key, sort=False):
        if (group["value"] != group["value"].iloc[0]).any():
            first, other = group.iloc[0], group[group["value"] != group["value"].iloc[0]].iloc[0]
            raise DataError(
                f"{first['area']} {first['indicator_zh']} "
                f"{Period(int(first['year']), int(first['end_month'])).label('zh')} "
                f"{first['measure']} is {first['value']:g} in row {first['row']} but "
                f"{other['value']:g} here",
                file=other["file"], row=int(other["row"]), column="value",
                fix="keep one value (the later release) or correct the misread one",
            )  # fmt: skip
    return frame.drop_duplicates(key, ignore_index=True)


def area_ytd(area: str, indicator: str, series: pd.DataFrame | None = None) -> pd.DataFrame:
    """One area's indicator as the frame ``forecast_growth`` takes: year, end_month, period,
    growth, level (NaN where not given), plus url and derived of the growth figure."""
    import pandas as pd

    series = load_real_series() if series is None else series
    rows = series[(series["area"] == area) & (series["indicator"] == indicator)]
    if rows.empty:
        raise KeyError(f"no real series for {area} {indicator}")
    wide = rows.pivot_table(
        index=["year", "end_month"], columns="measure", values="value", aggfunc="first"
    ).reset_index()
    growth_rows = rows[rows["measure"] == "growth"].set_index(["year", "end_month"])
    out = pd.DataFrame(
        {"year": wide["year"].astype(int), "end_month": wide["end_month"].astype(int)}
    )
    spans = zip(out["year"], out["end_month"], strict=True)
    out["period"] = [Period(y, m).label("zh") for y, m in spans]
    for measure in ("growth", "level"):
        out[measure] = wide[measure].astype(float) if measure in wide else float("nan")
    keys = list(zip(out["year"], out["end_month"], strict=True))
    out["url"] = [growth_rows["url"].get(k, "") for k in keys]
    out["derived"] = [growth_rows["derived"].get(k, "") for k in keys]
    return out.sort_values(["year", "end_month"], ignore_index=True)


def _tidy_headers() -> dict[str, str]:
    from muye_analysis.quarterly.cells import TIDY_HEADERS

    return TIDY_HEADERS


def tidy_table(series: pd.DataFrame | None = None) -> pd.DataFrame:
    """The real series in the store's tidy layout (Chinese headers, one row per area, indicator
    and period: 地区, 指标, 时期, 累计值, 单位, 累计增长(%), 来源), ready to write as CSV and load
    with ``muye ingest`` as area series. 来源 names the growth figure's web page (else the
    level's) and the raw file and row it came from; derived figures say so."""
    import pandas as pd

    series = load_real_series() if series is None else series
    h = _tidy_headers()
    rows = []
    for (area, name, year, month), group in series.groupby(
        ["area", "indicator_zh", "year", "end_month"], sort=True
    ):
        by = {m: g.iloc[0] for m, g in group.groupby("measure")}
        cite = by.get("growth", by.get("level"))
        source = f"{cite['url']} ({cite['file']} row {cite['row']})"
        if cite["derived"]:
            source = f"DERIVED {cite['derived']}: {source}"
        level = by.get("level")
        rows.append({
            h["area"]: area, h["indicator"]: name,
            h["period"]: Period(int(year), int(month)).label("zh"),
            h["level"]: level["value"] if level is not None else None,
            h["unit"]: level["unit"] if level is not None else None,
            h["growth"]: by["growth"]["value"] if "growth" in by else None,
            h["source"]: source,
        })  # fmt: skip
    return pd.DataFrame(rows, columns=list(h.values()))


def source_hosts(ytd: pd.DataFrame, *, limit: int = 3) -> tuple[list[str], int]:
    """The distinct web hosts behind a real series' growth figures (latest first), at most
    ``limit`` of them, and how many there are in all (a chart's source line words them:
    ``vocab.text("hosts_more", …)``)."""
    from urllib.parse import urlparse

    hosts = []  # most recent figures first
    for url in list(ytd.get("url", []))[::-1]:
        url = str(url)
        if not url or url.startswith(NO_URL):
            continue
        host = urlparse(url).netloc
        if host and host not in hosts:
            hosts.append(host)
    return hosts[:limit], len(hosts)
