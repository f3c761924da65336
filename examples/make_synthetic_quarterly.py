"""Write ``synthetic_quarterly_retail.csv``: SYNTHETIC year-to-date data for the forecast example.

The numbers are made up (a seeded AR(1) process for single-quarter growth around 5%), laid out
like a statistics-bureau file in the template's columns. They exist only so that notebook 04 can
show what the forecasts look like before real quarterly data are dropped into data/quarterly/.
Every chart drawn from them is stamped as synthetic. Never present them as Muye's statistics.

Run: .venv/bin/python examples/make_synthetic_quarterly.py  (deterministic: same file each time)
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

SEED = 20240930
FIRST_YEAR, LAST_YEAR, LAST_QUARTER = 2019, 2024, 3
BASE_LEVELS = (17.0, 18.5, 19.0, 21.0)  # 亿元 per quarter in the first year: Q4 the largest
MEAN_GROWTH, PHI, SIGMA = 5.0, 0.6, 1.5  # single-quarter nominal growth, percent
LABELS = {1: "一季度", 2: "上半年", 3: "前三季度", 4: "全年"}
SOURCE = "synthetic example data, not real statistics"
OUT = Path(__file__).with_name("synthetic_quarterly_retail.csv")


def simulate_levels(rng: np.random.Generator) -> dict[int, list[float]]:
    """Quarterly levels per year; each quarter grows on the same quarter a year earlier."""
    levels = {FIRST_YEAR: list(BASE_LEVELS)}
    deviation = 0.0
    for year in range(FIRST_YEAR + 1, LAST_YEAR + 1):
        row = []
        for q in range(4):
            deviation = PHI * deviation + rng.normal(0.0, SIGMA)
            row.append(levels[year - 1][q] * (1 + (MEAN_GROWTH + deviation) / 100))
        levels[year] = row
    return levels


def ytd_rows(levels: dict[int, list[float]]) -> list[dict[str, str]]:
    """Cumulative level and cumulative growth at each quarter end, as a bureau publishes them."""
    rows = []
    for year, quarters in levels.items():
        last_q = LAST_QUARTER if year == LAST_YEAR else 4
        for q in range(1, last_q + 1):
            level = sum(quarters[:q])
            growth = ""
            if year > FIRST_YEAR:
                growth = f"{100 * (level / sum(levels[year - 1][:q]) - 1):.1f}"
            rows.append({
                "indicator": "社会消费品零售总额", "year": str(year), "period": LABELS[q],
                "level": f"{level:.2f}", "unit": "亿元", "growth_pct": growth,
                "price_basis": "现价", "source": SOURCE,
            })  # fmt: skip
    return rows


def main() -> None:
    rows = ytd_rows(simulate_levels(np.random.default_rng(SEED)))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
