"""Speed of the foundation: `import muye_analysis` over `import pandas`, and a cold load.

Each measurement runs in a fresh interpreter (a cold start is what a notebook kernel pays).
Prints medians over several runs; asserts nothing (see the goals in the printout).
Run: .venv/bin/python benchmarks/bench_foundation.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys

RUNS = 7

IMPORT_PANDAS = "import time; t=time.perf_counter(); import pandas; print(time.perf_counter()-t)"
IMPORT_BOTH = (
    "import time; t=time.perf_counter(); import pandas; t1=time.perf_counter();"
    "import muye_analysis; print(time.perf_counter()-t1)"
)
COLD_LOAD = (
    "import pandas, muye_analysis, time; t=time.perf_counter(); muye_analysis.load_indicators();"
    "print(time.perf_counter()-t)"
)


def _median_seconds(code: str) -> float:
    times = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(RUNS)
    ]  # fmt: skip
    return statistics.median(times)


def main() -> None:
    pandas_s = _median_seconds(IMPORT_PANDAS)
    extra_s = _median_seconds(IMPORT_BOTH)
    load_s = _median_seconds(COLD_LOAD)
    print(f"import pandas                       {pandas_s * 1000:7.1f} ms")
    print(f"import muye_analysis (after pandas) {extra_s * 1000:7.1f} ms   goal < 300 ms")
    print(f"cold load_indicators()              {load_s * 1000:7.1f} ms   goal < 50 ms")


if __name__ == "__main__":
    main()
