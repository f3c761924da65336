"""`muye run` end to end against its floor.

The floor is what any notebook suite pays: for each notebook, start a fresh python3 kernel and
import pandas, matplotlib and statsmodels, run with the same parallelism as `muye run`. The goal
is `muye run` within 1.5x that floor. Prints the figures; asserts nothing.
Run: .venv/bin/python benchmarks/bench_run.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

FLOOR_CODE = "import pandas, matplotlib.pyplot, statsmodels.api"


def _floor_one(_: int) -> float:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_CODE)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    start = time.perf_counter()
    NotebookClient(nb, kernel_name="python3").execute()
    return time.perf_counter() - start


def measure_floor(notebooks: int, workers: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_floor_one, range(notebooks)))
    return time.perf_counter() - start


def measure_run(workers: int, *extra: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"MUYE_BUILD_DIR": f"{tmp}/build", "MUYE_FIGURES_DIR": f"{tmp}/fig"}
        muye = Path(sys.executable).with_name("muye")
        start = time.perf_counter()
        subprocess.run([str(muye), "run", "--workers", str(workers), *extra], env=env, check=True,
                       capture_output=True)  # fmt: skip
        return time.perf_counter() - start


def main() -> None:
    from muye_analysis.suite import NOTEBOOKS

    workers = 2
    floor = min(measure_floor(len(NOTEBOOKS), workers) for _ in range(2))
    notebooks_only = min(measure_run(workers, "--no-brief") for _ in range(2))
    run = min(measure_run(workers) for _ in range(2))
    print(f"notebooks: {len(NOTEBOOKS)}, workers: {workers}")
    print(f"floor (kernel start + pandas/matplotlib/statsmodels imports): {floor:6.1f} s")
    print(f"muye run --no-brief (notebooks, figures, HTML):               {notebooks_only:6.1f} s")
    print(f"muye run (also the briefing deck and report):                 {run:6.1f} s")
    print(
        f"ratio: {notebooks_only / floor:.2f}x notebooks only, {run / floor:.2f}x with the "
        "briefing   goal <= 1.5x"
    )


if __name__ == "__main__":
    main()
