"""JupyterLab's contents manager (make lab): a .py notebook opens unmodified, saves unchanged.

Needs jupyter_server (the ``lab`` extra); the README runner's lab journey checks the same server
from a fresh clone in CI.
"""

from __future__ import annotations

import asyncio
import shutil

import pytest

from muye_analysis import config

pytest.importorskip("jupyter_server")


def test_a_text_notebook_is_served_with_its_kernels_language_info_and_saved_unchanged(tmp_path):
    from muye_analysis.lab import TextNotebooksContentsManager, kernel_language_info

    shutil.copy(config.ROOT / "jupytext.toml", tmp_path)
    shutil.copy(config.NOTEBOOKS / "01_indicators.py", tmp_path)
    before = (tmp_path / "01_indicators.py").read_bytes()
    manager = TextNotebooksContentsManager(root_dir=str(tmp_path))

    async def open_and_save():
        model = await manager.get("01_indicators.py", content=True, type="notebook")
        await manager.save(model, "01_indicators.py")
        return model

    model = asyncio.run(open_and_save())
    language = model["content"]["metadata"]["language_info"]
    # What ipykernel reports when the kernel starts: JupyterLab then finds nothing to change.
    assert language == kernel_language_info()
    assert (language["name"], language["file_extension"]) == ("python", ".py")
    assert (tmp_path / "01_indicators.py").read_bytes() == before  # language_info not written
