"""The notebooks as a user meets them: a computed summary first, tables through the display
helper, and a save in JupyterLab (jupytext) that leaves the .py files as committed."""

from __future__ import annotations

import jupytext
import pytest
from jupytext.config import load_jupytext_configuration_file

from muye_analysis import config
from muye_analysis.briefing.judgements import notebook_judgements
from muye_analysis.suite import NOTEBOOKS

JUPYTEXT_TOML = config.ROOT / "jupytext.toml"


@pytest.mark.parametrize("spec", NOTEBOOKS, ids=lambda s: s.stem)
def test_a_save_in_jupyterlab_leaves_the_notebook_file_unchanged(spec):
    """What Lab adds on save (its kernel's display name, jupytext's version, the cells'
    run-time metadata) is filtered out by jupytext.toml."""
    cfg = load_jupytext_configuration_file(str(JUPYTEXT_TOML))
    text = spec.path.read_text(encoding="utf-8")
    nb = jupytext.reads(text, fmt="py:percent", config=cfg)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                 "name": "python3"}  # fmt: skip
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.2"}
    nb.metadata.setdefault("jupytext", {}).setdefault("text_representation", {}).update(
        {"format_version": "1.3", "jupytext_version": jupytext.__version__}
    )
    for cell in nb.cells:
        cell.metadata.update({"trusted": True, "scrolled": True, "execution": {}})
    assert jupytext.writes(nb, fmt="py:percent", config=cfg) == text


@pytest.mark.parametrize("spec", NOTEBOOKS, ids=lambda s: s.stem)
def test_every_notebook_opens_with_its_computed_summary(spec):
    cells = jupytext.read(spec.path).cells
    code = [c.source for c in cells if c.cell_type == "code"]
    assert "parameters" in cells[1].metadata.get("tags", [])
    prefix = spec.stem[:2]
    # right after the parameters, from the notebook's one session: its language and its period,
    # parsed once (the year-to-date summary of 04 is at AS_OF)
    assert "r = ma.Report.open(LANG, AS_OF" in code[1]
    assert f'r.summary("{prefix}")' in code[1]


def test_notebook_summaries_are_computed_from_the_report(monkeypatch, tmp_path):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path))  # no year-to-date store
    first = notebook_judgements("01", "zh")
    assert first[1] == "2023年地区生产总值232.1亿元，总量居全市第5位，占全市6.9%。"
    targets = notebook_judgements("03", "zh")
    assert "税收需增长约8.4%（2023年增长2.1%）" in targets[2]  # (10.74×1.08−0.51)÷10.23−1
    assert notebook_judgements("04", "en")[-1].startswith("No 2024 in-year statistics")
    with pytest.raises(ValueError, match="no summary for notebook '09'"):
        notebook_judgements("09", "zh")
