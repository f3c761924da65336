"""One place for paths and constants.

Every path resolves from this file, never from the current directory, so notebooks, tests and
the CLI agree wherever they are started. ``MUYE_BUILD_DIR`` and ``MUYE_FIGURES_DIR`` redirect the
outputs (tests use them to keep the working tree clean); inputs always come from the project.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
CURATED = DATA / "curated"
QUARTERLY = DATA / "quarterly"
NOTEBOOKS = ROOT / "notebooks"
EXAMPLES = ROOT / "examples"  # synthetic, illustrative data only

REPORT_TEXT = RAW / "report_2023" / "muye_plan_report_2023_2024.txt"
CONTEXT_RAW = RAW / "context" / "xinxiang_context.csv"
YTD_REAL_DIR = RAW / "ytd_real"  # real published year-to-date series of wider areas (issue 11)
YTD_REAL_RAW = YTD_REAL_DIR / "real_ytd_series.csv"
INDICATORS_CSV = CURATED / "indicators.csv"
REGISTRY_CSV = CURATED / "registry.csv"


def build_dir() -> Path:
    """Where executed notebooks, HTML, the processed store and the deck go (git-ignored)."""
    return Path(os.environ.get("MUYE_BUILD_DIR", ROOT / "build"))


def figures_dir() -> Path:
    """Where exported charts go."""
    return Path(os.environ.get("MUYE_FIGURES_DIR", ROOT / "figures"))


def quarterly_dir() -> Path:
    """Where users drop year-to-date files (raw: read, never changed); templates live there too."""
    return Path(os.environ.get("MUYE_QUARTERLY_DIR", QUARTERLY))


def processed_dir() -> Path:
    """The processed quarterly store, rebuilt from raw inputs."""
    return Path(os.environ.get("MUYE_PROCESSED_DIR", DATA / "processed"))


DISTRICT_ZH = "牧野区"
DISTRICT_EN = "Muye District"
CITY_ZH = "新乡市"
REPORT_TITLE_ZH = (
    "关于牧野区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划的报告"
)
REPORT_SOURCE_ZH = "牧野区2023年计划执行情况与2024年计划报告"
REPORT_SOURCE_EN = "Muye District report on the 2023 plan and the 2024 plan"
BASE_YEAR = 2023
TARGET_YEAR = 2024

# Forecasts: the COVID quarters whose shocks get their own, larger innovation variance
# (muye_analysis.forecast.base_effect), as (year, first month) to (year, last month).
SHOCK_SPAN = ((2020, 1), (2022, 12))
