"""One place for paths and constants.

Every path resolves from this file, never from the current directory, so notebooks, tests and
the CLI agree wherever they are started. Environment variables move them (tests use them to keep
the working tree clean): ``MUYE_DATA_DIR`` the whole data folder (raw, curated, quarterly,
league; read when the package is imported), ``MUYE_BUILD_DIR`` the executed notebooks, HTML and
briefing, ``MUYE_FIGURES_DIR`` the charts, ``MUYE_PROCESSED_DIR`` the year-to-date store,
``MUYE_QUARTERLY_DIR`` where year-to-date files are read from, ``MUYE_LEAGUE_DIR`` the
league tables and ``MUYE_DRAFTS_DIR`` the drafts of new reports (``muye extract``).

No report year is written here: which years a report covers comes from its origin record and
its rows (:mod:`muye_analysis.reports`).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
DATA = Path(os.environ.get("MUYE_DATA_DIR", ROOT / "data"))
RAW = DATA / "raw"
CURATED = DATA / "curated"
QUARTERLY = DATA / "quarterly"
NOTEBOOKS = ROOT / "notebooks"
EXAMPLES = ROOT / "examples"  # synthetic, illustrative data only
CHART_STYLE = PACKAGE / "charts" / "muye.mplstyle"  # the house matplotlib style (package data)

# The bundled (first) plan report; the code finds every report through the curated rows'
# ``document`` column (muye_analysis.reports), so this constant serves tests and benchmarks.
REPORT_TEXT = RAW / "report_2023" / "muye_plan_report_2023_2024.txt"
CONTEXT_RAW = RAW / "context" / "xinxiang_context.csv"
# Real published ranks of Xinxiang's county-level units, with quotes (issue 27)
CONTEXT_RANKS_RAW = RAW / "context" / "xinxiang_county_ranks.csv"
YTD_REAL_DIR = RAW / "ytd_real"  # real published year-to-date series of wider areas (issue 11)
YTD_REAL_RAW = YTD_REAL_DIR / "real_ytd_series.csv"
INDICATORS_CSV = CURATED / "indicators.csv"
REGISTRY_CSV = CURATED / "registry.csv"


def use_data_dir(path: str | Path) -> Path:
    """Point the whole data folder (raw, curated, quarterly, processed, league) at ``path`` for
    this process and the processes it starts, as ``MUYE_DATA_DIR`` does when set before the
    package is imported (``Report.open(data_dir=...)``); return the folder."""
    global DATA, RAW, CURATED, QUARTERLY, REPORT_TEXT, CONTEXT_RAW, CONTEXT_RANKS_RAW
    global YTD_REAL_DIR, YTD_REAL_RAW, INDICATORS_CSV, REGISTRY_CSV
    DATA = Path(path).resolve()
    os.environ["MUYE_DATA_DIR"] = str(DATA)  # notebooks and worker processes see it too
    RAW, CURATED, QUARTERLY = DATA / "raw", DATA / "curated", DATA / "quarterly"
    REPORT_TEXT = RAW / "report_2023" / "muye_plan_report_2023_2024.txt"
    CONTEXT_RAW = RAW / "context" / "xinxiang_context.csv"
    CONTEXT_RANKS_RAW = RAW / "context" / "xinxiang_county_ranks.csv"
    YTD_REAL_DIR = RAW / "ytd_real"
    YTD_REAL_RAW = YTD_REAL_DIR / "real_ytd_series.csv"
    INDICATORS_CSV, REGISTRY_CSV = CURATED / "indicators.csv", CURATED / "registry.csv"
    return DATA


def build_dir() -> Path:
    """Where executed notebooks, HTML, the processed store and the deck go (git-ignored)."""
    return Path(os.environ.get("MUYE_BUILD_DIR", ROOT / "build"))


def drafts_dir() -> Path:
    """Where ``muye extract`` writes a report's draft for review (git-ignored). Not a build
    output: a draft holds hand review, so ``make clean`` leaves this folder alone."""
    return Path(os.environ.get("MUYE_DRAFTS_DIR", ROOT / "drafts"))


def figures_dir() -> Path:
    """Where exported charts go."""
    return Path(os.environ.get("MUYE_FIGURES_DIR", ROOT / "figures"))


def quarterly_dir() -> Path:
    """Where users drop year-to-date files (raw: read, never changed); templates live there too."""
    return Path(os.environ.get("MUYE_QUARTERLY_DIR", QUARTERLY))


def processed_dir() -> Path:
    """The processed year-to-date store (``muye ingest``), rebuilt from raw inputs."""
    return Path(os.environ.get("MUYE_PROCESSED_DIR", DATA / "processed"))


def league_dir() -> Path:
    """Where the city's league tables (every county-level unit's figure) are read from."""
    return Path(os.environ.get("MUYE_LEAGUE_DIR", DATA / "league"))


DISTRICT_ZH = "牧野区"
DISTRICT_EN = "Muye District"
CITY_ZH = "新乡市"
PROVINCE_ZH = "河南省"  # the wider area a forecast is anchored to after the city
CITY_SCOPE = "全市"  # how the report scopes a rank among the city's units (居全市第5位)

# Forecasts: the COVID quarters whose shocks get their own, larger innovation variance
# (muye_analysis.forecast.base_effect), as (year, first month) to (year, last month).
SHOCK_SPAN = ((2020, 1), (2022, 12))


__all__ = [
    "CHART_STYLE", "CITY_SCOPE", "CITY_ZH", "CONTEXT_RANKS_RAW", "CONTEXT_RAW", "CURATED", "DATA",
    "DISTRICT_EN", "DISTRICT_ZH", "EXAMPLES", "INDICATORS_CSV", "NOTEBOOKS", "PACKAGE",
    "PROVINCE_ZH", "QUARTERLY", "RAW", "REGISTRY_CSV", "REPORT_TEXT", "ROOT", "SHOCK_SPAN",
    "YTD_REAL_DIR", "YTD_REAL_RAW", "build_dir", "drafts_dir", "figures_dir", "league_dir",
    "processed_dir", "quarterly_dir", "use_data_dir",
]  # fmt: skip
