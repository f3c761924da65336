"""Every test runs in exactly one step of ``make test``; a plain ``pytest`` runs the fast suite.

The fast suite is defined once, by the ``-m`` of pyproject.toml's addopts; ``make test`` runs it
with a plain ``pytest``, then one step per mark (slow, notebook, readme). A test no step selects
would be silently left out of CI; one that two steps select would run twice.
"""

from __future__ import annotations

import pytest
from suite_steps import COLLECTED, fast_expression, make_test_steps, registered_marks, selects


def _steps_selecting(marks) -> list[str]:
    return [step.command for step in make_test_steps() if selects(step.expression, marks)]


def test_make_test_starts_with_a_plain_pytest_that_runs_the_fast_suite():
    steps = make_test_steps()
    assert fast_expression() == "not slow and not notebook and not readme"
    assert steps[0].command == "$(BIN)/python -m pytest"  # no arguments: pyproject's addopts
    assert [step.expression for step in steps[1:]] == [
        "slow and not notebook and not readme",
        "notebook",
        "readme",
    ]


@pytest.mark.parametrize(
    "marks",
    [frozenset()]
    + [frozenset({mark}) for mark in registered_marks()]
    + [frozenset({"slow", "notebook"}), frozenset({"slow", "readme"})],
    ids=lambda marks: "+".join(sorted(marks)) or "unmarked",
)
def test_a_test_with_any_registered_mark_runs_in_exactly_one_step(marks):
    assert len(_steps_selecting(marks)) == 1, _steps_selecting(marks)


def test_every_collected_test_runs_in_exactly_one_step(request):
    if request.config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        pytest.skip("checks the whole suite: run pytest without paths")
    collected = request.config.stash[COLLECTED]
    assert len(collected) > 2000  # the whole of tests/, before -m deselected any
    steps = {marks: _steps_selecting(marks) for marks in set(collected.values())}
    wrong = {nodeid: steps[marks] for nodeid, marks in collected.items() if len(steps[marks]) != 1}
    assert wrong == {}
