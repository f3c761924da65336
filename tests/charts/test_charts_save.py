"""save_figure: where files go, PNG resolution, identical bytes on rerun, atomic writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import chart_frames as F
import matplotlib.pyplot as plt
import pytest
from PIL import Image

from muye_analysis.charts import plot_growth_gap, save_figure


@pytest.fixture
def gap_chart(close):
    fig = plot_growth_gap(F.targets())
    close(fig)
    return fig


@pytest.mark.slow
def test_save_figure_writes_each_format_into_the_figures_folder(gap_chart, figures_dir):
    paths = save_figure(gap_chart, "growth_gap_zh", formats=("png", "svg", "pdf"))
    assert paths == [figures_dir / f"growth_gap_zh.{ext}" for ext in ("png", "svg", "pdf")]
    assert all(p.stat().st_size > 1000 for p in paths)
    assert sorted(p.name for p in figures_dir.iterdir()) == sorted(p.name for p in paths)


def test_png_is_written_at_200_dpi_at_slide_size(gap_chart, figures_dir):
    (png,) = save_figure(gap_chart, "gap", formats=("png",))
    with Image.open(png) as image:
        assert image.size == (2666, 1500)  # 13.333 × 7.5 in at 200 dpi
        assert [round(d) for d in image.info["dpi"]] == [200, 200]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["svg", "pdf", "png"])
def test_saving_twice_gives_identical_bytes(gap_chart, figures_dir, fmt):
    (first,) = save_figure(gap_chart, "gap", formats=(fmt,))
    before = first.read_bytes()
    (second,) = save_figure(gap_chart, "gap", formats=(fmt,))
    assert second.read_bytes() == before


@pytest.mark.slow
def test_svg_is_identical_across_processes(gap_chart, figures_dir, tmp_path):
    # matplotlib salts SVG ids per process unless svg.hashsalt is fixed.
    (here,) = save_figure(gap_chart, "gap", formats=("svg",))
    code = (
        "import sys, matplotlib; matplotlib.use('Agg'); sys.path.insert(0, sys.argv[1]); "
        "import chart_frames as F; from muye_analysis.charts import plot_growth_gap, save_figure; "
        "save_figure(plot_growth_gap(F.targets()), 'gap', formats=('svg',), directory=sys.argv[2])"
    )
    other = tmp_path / "other"
    subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(other)], check=True)
    assert (other / "gap.svg").read_bytes() == here.read_bytes()


@pytest.mark.slow
def test_vector_files_carry_no_date(gap_chart, figures_dir):
    svg, pdf = save_figure(gap_chart, "gap", formats=("svg", "pdf"))
    assert b"<dc:date>" not in svg.read_bytes()
    assert b"CreationDate" not in pdf.read_bytes()
    assert b"muye-analysis" in pdf.read_bytes()


def test_a_failed_save_leaves_neither_a_file_nor_a_temporary(gap_chart, figures_dir, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(gap_chart, "savefig", fail)
    with pytest.raises(OSError, match="disk full"):
        save_figure(gap_chart, "gap", formats=("png",))
    assert list(figures_dir.iterdir()) == []


def test_a_failed_save_keeps_the_previous_file(gap_chart, figures_dir, monkeypatch):
    (png,) = save_figure(gap_chart, "gap", formats=("png",))
    before = png.read_bytes()
    monkeypatch.setattr(gap_chart, "savefig", lambda *a, **k: (_ for _ in ()).throw(OSError("x")))
    with pytest.raises(OSError):
        save_figure(gap_chart, "gap", formats=("png",))
    assert png.read_bytes() == before
    assert [p.name for p in figures_dir.iterdir()] == ["gap.png"]


@pytest.mark.parametrize("name", ["../gap", "sub/gap", "gap.png", "", "图表", ".hidden"])
def test_save_figure_refuses_a_name_that_is_not_a_plain_stem(gap_chart, figures_dir, name):
    with pytest.raises(ValueError, match="figure name"):
        save_figure(gap_chart, name)


def test_save_figure_refuses_low_resolution_and_unknown_formats(gap_chart, figures_dir):
    with pytest.raises(ValueError, match="at least 200"):
        save_figure(gap_chart, "gap", dpi=100)
    with pytest.raises(ValueError, match="formats"):
        save_figure(gap_chart, "gap", formats=("jpg",))
    assert not figures_dir.exists() or list(figures_dir.iterdir()) == []


def test_save_figure_leaves_the_figure_open_for_the_caller(gap_chart, figures_dir):
    save_figure(gap_chart, "gap", formats=("svg",))
    assert plt.fignum_exists(gap_chart.number)
