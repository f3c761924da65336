"""The house's size limits, measured as the code review measured them: no module of the package
over 600 lines, no function at cyclomatic complexity 25 or more (radon's count, which includes
boolean operators; radon is in the test extra for this check)."""

from __future__ import annotations

from pathlib import Path

from radon import complexity as radon_complexity

from muye_analysis import config

MAX_LINES = 600
MAX_COMPLEXITY = 24


def long_modules(root: Path) -> dict[str, int]:
    """Modules under ``root`` over MAX_LINES lines, with their line counts."""
    sizes = {str(p.relative_to(root)): len(p.read_text(encoding="utf-8").splitlines())
             for p in sorted(root.rglob("*.py"))}  # fmt: skip
    return {name: n for name, n in sizes.items() if n > MAX_LINES}


def complex_functions(root: Path) -> dict[str, int]:
    """Functions and methods under ``root`` above MAX_COMPLEXITY, with their complexity."""
    return {
        f"{p.relative_to(root)}:{block.name}": block.complexity
        for p in sorted(root.rglob("*.py"))
        for block in radon_complexity.cc_visit(p.read_text(encoding="utf-8"))
        if block.complexity > MAX_COMPLEXITY
    }


def test_no_module_of_the_package_is_over_600_lines():
    assert long_modules(config.PACKAGE) == {}


def test_no_function_of_the_package_reaches_complexity_25():
    assert complex_functions(config.PACKAGE) == {}


def test_the_checks_find_a_long_module_and_a_complex_function(tmp_path):
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(30))
    (tmp_path / "branchy.py").write_text(f"def f(x):\n{branches}\n    return -1\n")
    (tmp_path / "long.py").write_text("x = 1\n" * (MAX_LINES + 1))
    (tmp_path / "fine.py").write_text("def g(x):\n    return x\n")
    assert long_modules(tmp_path) == {"long.py": MAX_LINES + 1}
    assert complex_functions(tmp_path) == {"branchy.py:f": 31}
