"""The notebook runner: failures name the notebook and the cell; outputs land atomically."""

from __future__ import annotations

import pytest

from muye_analysis import cli, config, runner
from muye_analysis.suite import NOTEBOOKS, NotebookSpec, notebook

BROKEN = """# %% tags=["parameters"]
LANG = "zh"

# %%
x = 1

# %%
1 / 0
"""


@pytest.fixture
def broken_notebook(tmp_path, monkeypatch):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "99_broken.py").write_text(BROKEN, encoding="utf-8")
    monkeypatch.setattr(config, "NOTEBOOKS", folder)
    monkeypatch.setattr(config, "ROOT", tmp_path)
    return NotebookSpec("99_broken")


@pytest.mark.slow
def test_failing_cell_is_named_with_its_source_and_error(broken_notebook, tmp_path):
    result = runner.execute_notebook(broken_notebook, build_dir=tmp_path / "build", html=False)
    assert not result.ok
    assert "notebooks/99_broken.py, cell 3 ('1 / 0'): ZeroDivisionError" in result.error
    # The partial copy is kept for debugging; no complete-looking output is left behind.
    assert (tmp_path / "build" / "notebooks" / "99_broken.failed.ipynb").exists()
    assert not (tmp_path / "build" / "notebooks" / "99_broken.ipynb").exists()


@pytest.mark.slow
def test_cli_run_exits_non_zero_naming_the_notebook(broken_notebook, monkeypatch, capsys):
    monkeypatch.setattr(runner, "NOTEBOOKS", (broken_notebook,))
    monkeypatch.setattr("muye_analysis.suite.NOTEBOOKS", (broken_notebook,))
    assert cli.main(["run", "--no-html", "99"]) == 1
    err = capsys.readouterr().err
    assert "99_broken.py, cell 3" in err and "ZeroDivisionError" in err


def test_notebook_lookup_by_number_and_stem():
    assert notebook("02").stem == "02_city_rankings"
    assert notebook("03_targets").figures == ("growth_gap", "projected_levels", "task_targets")
    with pytest.raises(KeyError, match="no notebook '07'"):
        notebook("07")


def test_every_notebook_is_a_text_notebook_with_a_parameters_cell_and_python3_kernel():
    import jupytext

    for spec in NOTEBOOKS:
        nb = jupytext.read(spec.path)
        tags = [c.metadata.get("tags", []) for c in nb.cells]
        assert ["parameters"] in tags, spec.stem
        assert nb.metadata["kernelspec"]["name"] == "python3"
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("label", ["4-6月", "三季度", "下半年"])  # spans alone, not year to date
def test_run_refuses_an_as_of_that_is_not_a_year_to_date_period(capsys, label):
    assert cli.main(["run", "--as-of", label, "--no-brief", "01"]) == 2
    assert f"--as-of '{label}'" in capsys.readouterr().err


def test_no_notebook_is_committed_with_outputs():
    """Notebooks are text files; any .ipynb in the repository must carry no outputs."""
    import subprocess

    import nbformat

    listed = subprocess.run(
        ["git", "ls-files", "*.ipynb"], cwd=config.ROOT, capture_output=True, text=True
    )
    tracked = listed.stdout.split() if listed.returncode == 0 else []
    paths = {config.ROOT / p for p in tracked} | set(config.NOTEBOOKS.rglob("*.ipynb"))
    with_outputs = [
        str(p) for p in paths if any(c.get("outputs") for c in nbformat.read(p, as_version=4).cells)
    ]
    assert with_outputs == []


@pytest.mark.slow
def test_a_kernel_that_does_not_start_fails_its_notebook_by_name_not_with_a_traceback(
    tmp_path, monkeypatch
):
    import papermill

    def no_kernel(*args, **kwargs):
        assert kwargs["start_timeout"] == runner.KERNEL_START_TIMEOUT_S  # not papermill's 60 s
        raise RuntimeError("Kernel didn't respond in 180 seconds")

    monkeypatch.setattr(papermill, "execute_notebook", no_kernel)
    result = runner.execute_notebook(notebook("01"), build_dir=tmp_path, html=False)
    assert not result.ok
    assert result.error == (
        "notebooks/01_indicators.py: the python3 kernel did not start: "
        "Kernel didn't respond in 180 seconds"
    )
