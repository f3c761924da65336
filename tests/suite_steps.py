"""The steps of ``make test``, read from the Makefile and pyproject.toml, and the marks of every
collected test (recorded by conftest.py before ``-m`` deselects any), for
tests/test_suite_steps.py: every test must run in exactly one step."""

from __future__ import annotations

import shlex
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Marks of every collected test by node id, before deselection (conftest.py fills it).
COLLECTED = pytest.StashKey[dict[str, frozenset[str]]]()


@dataclass(frozen=True)
class Step:
    command: str  # as the Makefile writes it
    expression: str  # the -m expression it selects by (pyproject.toml's addopts when it gives none)


def _option_m(args: list[str]) -> str | None:
    """The last ``-m`` value in ``args`` (the last one wins, as in pytest), or None."""
    found = None
    for i, arg in enumerate(args):
        if arg == "-m" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("-m") and len(arg) > 2:
            found = arg[2:]
    return found


def pytest_config() -> dict:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["tool"]["pytest"]["ini_options"]


def fast_expression() -> str | None:
    """The -m of pyproject.toml's addopts: the fast suite that a plain ``pytest`` runs."""
    return _option_m(shlex.split(pytest_config().get("addopts", "")))


def make_test_steps() -> list[Step]:
    """Each pytest command of the Makefile's ``test`` recipe, in order."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("test:"))
    steps = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        command = line.strip()
        if "pytest" not in command:
            continue
        args = shlex.split(command.split("pytest", 1)[1])
        expression = _option_m(args)
        steps.append(Step(command, fast_expression() if expression is None else expression))
    return steps


def registered_marks() -> list[str]:
    return [line.split(":", 1)[0].strip() for line in pytest_config().get("markers", [])]


def selects(expression: str, marks: frozenset[str] | set[str]) -> bool:
    """Whether ``pytest -m expression`` selects a test carrying ``marks``."""
    # pytest's own parser of -m expressions (private, but stable since pytest 6): the same
    # grammar and precedence as the command line.
    from _pytest.mark.expression import Expression

    return Expression.compile(expression).evaluate(lambda name, **_: name in marks)
