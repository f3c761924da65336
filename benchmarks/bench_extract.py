"""Speed of the report reader on the bundled report (26 KB, 119 statements).

- warm: ``extract_facts(report)`` in one process after a first call (the registry is loaded and
  prepared once per process, then cached); median and best of many runs. Goal: under 50 ms.
- cold: a fresh interpreter that imports the reader and extracts once, registry load included
  (what ``muye extract`` pays besides interpreter start-up).
- ten reports in one text, to show the cost grows linearly.

Prints figures; asserts nothing.
Run: .venv/bin/python benchmarks/bench_extract.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 30
COLD_RUNS = 5

COLD = (
    "import time; t=time.perf_counter(); from muye_analysis.extract import extract_facts;"
    "from muye_analysis import config; t1=time.perf_counter();"
    "extract_facts(config.REPORT_TEXT.read_text(encoding='utf-8'));"
    "print(t1-t, time.perf_counter()-t1)"
)


def _timed(func, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    from muye_analysis import config
    from muye_analysis.extract import extract_facts

    text = config.REPORT_TEXT.read_text(encoding="utf-8")
    facts = extract_facts(text)  # loads and prepares the registry once
    warm = _timed(lambda: extract_facts(text), RUNS)
    big = "\n".join([text] * 10)
    ten = _timed(lambda: extract_facts(big), 5)
    cold = [
        tuple(map(float, subprocess.run([sys.executable, "-c", COLD], capture_output=True,
                                        text=True, check=True).stdout.split()))
        for _ in range(COLD_RUNS)
    ]  # fmt: skip
    print(f"bundled report: {len(text)} characters, {len(facts)} statements")
    print(
        f"extract_facts, warm            median {statistics.median(warm) * 1000:6.1f} ms"
        f"   best {min(warm) * 1000:6.1f} ms   goal < 50 ms"
    )
    print(f"extract_facts, 10 reports      median {statistics.median(ten) * 1000:6.1f} ms")
    imports = statistics.median(c[0] for c in cold) * 1000
    first = statistics.median(c[1] for c in cold) * 1000
    print(f"import muye_analysis.extract   median {imports:6.1f} ms")
    print(f"first call (registry load)     median {first:6.1f} ms")


if __name__ == "__main__":
    main()
