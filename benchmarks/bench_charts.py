"""Speed of the charts on the bundled data.

- cold import: a fresh interpreter importing ``muye_analysis.charts`` (matplotlib, no pyplot).
- first chart: a fresh interpreter drawing one chart (font search and registration included).
- each chart, warm: draw (the converged, frozen layout included), median of a few runs.
- save, warm: PNG (200 dpi, 16:9 slide), SVG and PDF of one chart.
- ``muye charts``-style export of the five report charts as PNG + SVG, one language.

Prints figures; asserts nothing.
Run: .venv/bin/python benchmarks/bench_charts.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 3

COLD_IMPORT = (
    "import time; t=time.perf_counter(); import muye_analysis.charts; print(time.perf_counter()-t)"
)
FIRST_CHART = (
    "import time; t=time.perf_counter(); import matplotlib; matplotlib.use('Agg');"
    "from muye_analysis.charts import plot_growth_gap; plot_growth_gap();"
    "print(time.perf_counter()-t)"
)


def _cold(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return float(out.stdout.strip())


def _median(func, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from muye_analysis import charts

    print(f"cold import of muye_analysis.charts: {_cold(COLD_IMPORT):.2f} s")
    print(f"fresh process, first chart (fonts, data, draw): {_cold(FIRST_CHART):.2f} s")

    plots = {
        "rank_scorecard": charts.plot_rank_scorecard,
        "muye_in_city": charts.plot_muye_in_city,
        "growth_gap": charts.plot_growth_gap,
        "projected_levels": charts.plot_projected_levels,
        "task_targets": charts.plot_task_targets,
    }
    for name, plot in plots.items():
        plt.close(plot())  # warm the data loaders' caches
        print(f"draw {name:<17} {_median(lambda p=plot: plt.close(p())):.2f} s")

    with tempfile.TemporaryDirectory() as out:
        fig = charts.plot_growth_gap()
        for fmt in ("png", "svg", "pdf"):
            seconds = _median(lambda f=fmt: charts.save_figure(fig, "g", (f,), directory=out))
            size = (Path(out) / f"g.{fmt}").stat().st_size / 1024
            print(f"save growth_gap as {fmt}: {seconds:.2f} s ({size:.0f} KB)")
        plt.close(fig)
        start = time.perf_counter()
        paths = charts.export_report_charts(formats=("png", "svg"), directory=out)
        seconds = time.perf_counter() - start
        print(f"export {len(paths)} files (5 charts × PNG+SVG): {seconds:.1f} s")


if __name__ == "__main__":
    main()
