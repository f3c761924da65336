"""The fast test suite's cost, and with --all that of every step of `make test`.

The goal: the fast suite (a plain `pytest`) within 60 CPU-seconds on a 2-core machine. CPU-seconds
(user + system of pytest and its child processes) rather than wall time, which doubles when other
work shares the cores; the load average is printed beside them. The steps are read from the
Makefile as tests/test_suite_steps.py reads them. Prints the figures; asserts nothing.
Run: .venv/bin/python benchmarks/bench_tests.py [--all]
"""

from __future__ import annotations

import os
import resource
import shlex
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_CPU_S = 60


def measure(args: list[str]) -> tuple[float, float, str]:
    """CPU-seconds, wall seconds and pytest's summary line of ``pytest args`` run from the root."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    lines = done.stdout.strip().splitlines() or ["(no output) " + done.stderr.strip()[-200:]]
    return cpu, wall, lines[-1]


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from suite_steps import make_test_steps

    steps = make_test_steps() if "--all" in sys.argv else make_test_steps()[:1]
    for step in steps:
        args = shlex.split(step.command.split("pytest", 1)[1])
        load = os.getloadavg()[0]
        cpu, wall, summary = measure(args)
        print(f"{step.command}")
        print(f"  {cpu:6.1f} CPU-s  {wall:6.1f} s wall  (load {load:.1f})  {summary}")
    print(f"goal: the fast suite (the first step) within {GOAL_CPU_S} CPU-s")


if __name__ == "__main__":
    main()
