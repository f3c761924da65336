"""Speed of the city's tables of every unit: ingest a year of monthly tables, then rank them.

Twenty SYNTHETIC monthly tables (2023年1-2月 … 1-12月 and 2024年1-2月 … 1-10月), written into a
temporary folder as GBK CSV (the 13 units, 全市, five indicators of 绝对值 | 增长(%) | 位次), are
ingested into a fresh store, then ``league.city_ranks()`` (latest period, every unit,
previous-period changes) and ``league.rank_history()`` run on it. Prints medians of wall clock;
asserts nothing. Run: .venv/bin/python benchmarks/bench_city_ranks.py
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

RUNS = 3
UNITS = ("红旗区", "卫滨区", "凤泉区", "牧野区", "新乡县", "获嘉县", "原阳县", "延津县", "封丘县",
         "卫辉市", "辉县市", "长垣市", "平原示范区")  # fmt: skip
GROUPS = (
    "地区生产总值",
    "规模以上工业增加值",
    "固定资产投资",
    "社会消费品零售总额",
    "一般公共预算收入",
)
PERIODS = [(2023, m) for m in range(2, 13)] + [(2024, m) for m in range(2, 11)]


def write_tables(folder: Path) -> None:
    rng = random.Random(27)
    base = {u: rng.uniform(20, 200) for u in UNITS}
    for year, month in PERIODS:
        header = ["县（市、区）"] + [g for g in GROUPS for _ in range(3)]
        sub = [""] + ["绝对值", "增长(%)", "位次"] * len(GROUPS)
        title = f"{year}年1-{month}月各县（市、区）主要经济指标（示例数据，合成）"
        lines = [title, "单位：亿元、%", ",".join(header), ",".join(sub)]
        rows = {}
        for unit in UNITS:
            rows[unit] = [(base[unit] * month / 12 * (1 + g / 10), round(rng.uniform(-2, 12), 1))
                          for g in range(len(GROUPS))]  # fmt: skip
        ranks = {}
        for g in range(len(GROUPS)):
            ordered = sorted(UNITS, key=lambda u, g=g: -rows[u][g][1])
            for u in UNITS:
                ranks[(u, g)] = 1 + sum(rows[v][g][1] > rows[u][g][1] for v in ordered)
        total = [sum(rows[u][g][0] for u in UNITS) for g in range(len(GROUPS))]
        lines.append(",".join(["全市", *[x for t in total for x in (f"{t:.2f}", "5.0", "")]]))
        for u in UNITS:
            cells = []
            for g in range(len(GROUPS)):
                level, growth = rows[u][g]
                cells += [f"{level:.2f}", f"{growth:.1f}", str(ranks[(u, g)])]
            lines.append(",".join([u, *cells]))
        name = f"synthetic_city_{year}_1-{month}.csv"
        (folder / name).write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))


def main() -> None:
    from muye_analysis import league
    from muye_analysis.quarterly import ingest_quarterly, read_store

    ingest_s, rank_s, history_s = [], [], []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory() as tmp:
            folder, store_dir = Path(tmp) / "tables", Path(tmp) / "store"
            folder.mkdir()
            write_tables(folder)
            start = time.perf_counter()
            result = ingest_quarterly(folder, store_dir=store_dir)
            ingest_s.append(time.perf_counter() - start)
            store = read_store(store_dir)
            start = time.perf_counter()
            ranks = league.city_ranks(store=store)
            rank_s.append(time.perf_counter() - start)
            start = time.perf_counter()
            league.rank_history(store=store)
            history_s.append(time.perf_counter() - start)
    n = result.added + result.unchanged
    print(f"ingest {len(PERIODS)} city tables ({n} values): {statistics.median(ingest_s):.2f} s")
    print(f"city_ranks (latest period, {len(ranks)} rows): {statistics.median(rank_s):.2f} s")
    print(f"rank_history (every period): {statistics.median(history_s):.2f} s")


if __name__ == "__main__":
    main()
