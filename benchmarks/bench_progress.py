"""Speed of 进度监测 on bureau tables as they come.

The two SYNTHETIC GBK district tables of the tests (tests/data/quarterly/synthetic_bureau_2024_
h1_gbk.csv and _q3_gbk.csv: 上年同期, 全市位次, rows the registry does not know) are ingested into
a fresh store; then ``progress_table`` (weights from 上年同期 ÷ the report's level, 序时进度 and
上年同期进度, momentum for every growth target) is built, worded for the terminal and written as
the workbook. Prints medians of wall clock; asserts nothing.
Run: .venv/bin/python benchmarks/bench_progress.py
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

RUNS = 5
DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "quarterly"
TABLES = ("synthetic_bureau_2024_h1_gbk.csv", "synthetic_bureau_2024_q3_gbk.csv")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MUYE_PROCESSED_DIR"] = str(Path(tmp) / "processed")
        from muye_analysis.progress import progress_table
        from muye_analysis.progress.rendering import format_table
        from muye_analysis.progress.workbook import write_workbook
        from muye_analysis.quarterly import ingest_quarterly, read_store

        started = time.perf_counter()
        for name in TABLES:
            ingest_quarterly(DATA / name)
        ingest = time.perf_counter() - started
        store = read_store()
        progress_table(store=store)  # warm: the report's levels are read once per process
        table_s, words_s, book_s = [], [], []
        for i in range(RUNS):
            t0 = time.perf_counter()
            table = progress_table(store=store)
            t1 = time.perf_counter()
            format_table(table, "zh")
            t2 = time.perf_counter()
            write_workbook(table, Path(tmp) / f"progress_{i}.xlsx")
            t3 = time.perf_counter()
            table_s.append(t1 - t0)
            words_s.append(t2 - t1)
            book_s.append(t3 - t2)
    print(f"ingest the two bureau tables (42 figures, 6 unregistered rows): {ingest:.2f} s")
    print(f"progress_table: {statistics.median(table_s):.3f} s (median of {RUNS})")
    print(f"format_table (zh): {statistics.median(words_s):.3f} s")
    print(f"write_workbook: {statistics.median(book_s):.3f} s")


if __name__ == "__main__":
    main()
