"""Speed of quarterly ingestion: a 100-indicator x 40-period bureau workbook.

The workbook is synthetic (written into a temporary folder with openpyxl): 100 indicators down
the side, 40 quarter-end periods (2015年1-3月 … 2024年1-12月) across, each a merged header over a
累计值 | 增长% pair, so 8,000 values. Each run ingests into a fresh temporary store (parse,
validate, check plausibility, write one SQLite transaction), then ingests the same workbook again
(every value unchanged) and reads the store back. Prints medians (wall clock, and the ingest's
CPU time, which the load of a shared machine does not inflate); asserts nothing. Goal: under 1 s.
Run: .venv/bin/python benchmarks/bench_ingest.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

RUNS = 5
INDICATORS = 100
YEARS = range(2015, 2025)  # x 4 quarter ends = 40 periods


def synthetic_registry():
    import pandas as pd

    return pd.DataFrame(
        {
            "indicator": [f"synthetic_{i:03d}" for i in range(INDICATORS)],
            "name_zh": [f"合成指标{i:03d}" for i in range(INDICATORS)],
            "short_zh": [f"合成{i:03d}" for i in range(INDICATORS)],
            "synonyms_zh": [pd.NA] * INDICATORS,
            "unit": ["亿元"] * INDICATORS,
            "flow": [True] * INDICATORS,
            "growth_basis": ["nominal"] * INDICATORS,
        }
    )


def write_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "主要指标"
    periods = [(y, m) for y in YEARS for m in (3, 6, 9, 12)]
    ws.append(["牧野区主要经济指标（合成数据，仅供测速）"])
    ws.append(["单位：亿元、%"])
    upper, lower = ["指标"], [None]
    for y, m in periods:
        upper += [f"{y}年1-{m}月", None]
        lower += ["累计值", "增长%"]
    ws.append(upper)
    ws.append(lower)
    for k in range(len(periods)):
        ws.merge_cells(start_row=3, start_column=2 + 2 * k, end_row=3, end_column=3 + 2 * k)
    for i in range(INDICATORS):
        row = [f"合成指标{i:03d}"]
        for _y, m in periods:
            row += [round((10 + i) * m / 12, 2), round(5 + (i % 7) - 3 + m / 12, 1)]
        ws.append(row)
    wb.save(path)
    return path


def main() -> None:
    from muye_analysis.quarterly import ingest_quarterly, read_quarterly, read_store

    registry = synthetic_registry()
    with tempfile.TemporaryDirectory() as tmp:
        book = write_workbook(Path(tmp) / "synthetic_100x40.xlsx")
        read_times, ingest_times, again_times, store_times = [], [], [], []
        ingest_cpu: list[float] = []  # CPU time: what the ingest costs when the machine is shared
        for run in range(RUNS):
            store_dir = Path(tmp) / f"s{run}"
            t = time.perf_counter()
            frame = read_quarterly(book, registry=registry)
            read_times.append(time.perf_counter() - t)
            t, cpu = time.perf_counter(), time.process_time()
            result = ingest_quarterly(book, registry=registry, store_dir=store_dir)
            ingest_times.append(time.perf_counter() - t)
            ingest_cpu.append(time.process_time() - cpu)
            t = time.perf_counter()
            again = ingest_quarterly(book, registry=registry, store_dir=store_dir)
            again_times.append(time.perf_counter() - t)
            t = time.perf_counter()
            store = read_store(store_dir)
            store_times.append(time.perf_counter() - t)
        assert len(frame) == result.added == again.unchanged == len(store)
        assert len(frame) == INDICATORS * len(YEARS) * 4 * 2
    print(f"values per workbook                 {len(frame):7d}")
    print(f"read + validate (no store)          {statistics.median(read_times) * 1000:7.1f} ms")
    print(
        f"ingest into an empty store          {statistics.median(ingest_times) * 1000:7.1f} ms"
        "   goal < 1000 ms"
    )
    print(f"  of which CPU time                 {statistics.median(ingest_cpu) * 1000:7.1f} ms")
    print(f"ingest again (all unchanged)        {statistics.median(again_times) * 1000:7.1f} ms")
    print(f"read_store (8000 current values)    {statistics.median(store_times) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
