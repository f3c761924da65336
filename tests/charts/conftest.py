"""Chart tests run on the Agg backend, fail on missing glyphs and on figures left open."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.figure import Figure

# matplotlib attributes "Glyph … missing from font(s)" to the caller's module, so the
# "error::UserWarning:matplotlib.*" filter in pyproject.toml does not catch it: do it here.
GLYPH_MISSING = r"Glyph \d+ .* missing from font"


@pytest.fixture(autouse=True)
def _missing_glyph_is_an_error():
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=GLYPH_MISSING, category=UserWarning)
        yield


@pytest.fixture(autouse=True)
def _no_figure_left_open():
    before = set(plt.get_fignums())
    yield
    left = set(plt.get_fignums()) - before
    for num in left:
        plt.close(num)
    assert not left, f"test left {len(left)} figure(s) open; close them (plt.close(fig))"


@pytest.fixture
def figures_dir(tmp_path, monkeypatch):
    """config.figures_dir() redirected to a temporary folder."""
    out = tmp_path / "figures"
    monkeypatch.setenv("MUYE_FIGURES_DIR", str(out))
    return out


@pytest.fixture
def close():
    """Call ``close(fig)`` at the end of the test, pass or fail."""
    figs: list[Figure] = []
    yield figs.append
    for fig in figs:
        plt.close(fig)
