"""Export a chart: PNG for slides, SVG/PDF for print, identical bytes on every rerun."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from matplotlib.figure import Figure

from muye_analysis import config
from muye_analysis.atomic import atomic_path
from muye_analysis.outputs import check_output_folder

FORMATS = ("png", "svg", "pdf")
MIN_DPI = 200
CREATOR = "muye-analysis"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")

# No dates: a rerun on unchanged data must give byte-identical files, so diffs show real change.
_METADATA = {
    "png": {"Software": CREATOR},
    "svg": {"Date": None, "Creator": CREATOR},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": CREATOR},
}
# Fixed SVG element ids (matplotlib otherwise salts them with a random value per process).
_RC = {"svg.hashsalt": CREATOR, "svg.fonttype": "path", "pdf.fonttype": 42}


def save_figure(
    fig: Figure,
    name: str,
    formats: Sequence[str] = ("png", "svg"),
    *,
    dpi: int = MIN_DPI,
    directory: str | Path | None = None,
) -> list[Path]:
    """Write ``fig`` as ``<name>.<format>`` into ``config.figures_dir()``; return the paths.

    ``name`` is a stable file stem such as ``"growth_gap_zh"`` (letters, digits, ``_.-``).
    PNG is written at ``dpi`` (at least 200); SVG and PDF carry no timestamps, so saving the
    same chart twice gives identical bytes. Each file is written to a temporary file and
    moved into place, so a failed export never leaves half a file behind.
    """
    _check_name(name)
    formats = _check_formats(formats)
    if dpi < MIN_DPI:
        raise ValueError(f"dpi must be at least {MIN_DPI} for slide-quality PNGs, not {dpi}")
    out_dir = Path(directory) if directory is not None else config.figures_dir()
    check_output_folder(out_dir, setting="the figures folder")  # never into data/
    out_dir.mkdir(parents=True, exist_ok=True)
    return [_save_one(fig, out_dir / f"{name}.{fmt}", fmt, dpi) for fmt in formats]


def show_saved(paths: Sequence[Path], width: int = 960):
    """Display the exported PNG in a notebook: what the slide gets, without drawing again.

    Notebooks call ``plt.close(fig)`` after :func:`save_figure` and end the cell with this, so
    each chart is rendered for export only (an inline display would render it a third time).
    """
    from IPython.display import Image

    png = next(p for p in paths if Path(p).suffix == ".png")
    return Image(filename=str(png), width=width)


def _save_one(fig: Figure, path: Path, fmt: str, dpi: int) -> Path:
    import matplotlib

    with atomic_path(path) as tmp, matplotlib.rc_context(_RC):
        _settle_layout(fig, fmt, dpi)
        fig.savefig(tmp, format=fmt, dpi=dpi, metadata=_METADATA[fmt])
    return path


def _settle_layout(fig: Figure, fmt: str, dpi: int) -> None:
    """Render once more if a layout engine is active, so the saved layout has converged.

    The package's own charts freeze their layout (see ``layout.freeze_layout``); a caller's
    figure with constrained layout may still move by a hair between its first and second draw
    at a given dpi, which would make the first file differ from a rerun's.
    """
    from matplotlib.layout_engine import PlaceHolderLayoutEngine

    engine = fig.get_layout_engine()
    if engine is not None and not isinstance(engine, PlaceHolderLayoutEngine):
        fig.savefig(io.BytesIO(), format=fmt, dpi=dpi, metadata=_METADATA[fmt])


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(
            f"figure name {name!r} must be a plain file stem (letters, digits, '_', '.', '-'), "
            "with no folder and no extension, e.g. 'growth_gap_zh'"
        )
    if Path(name).suffix.lstrip(".").lower() in FORMATS:
        raise ValueError(f"figure name {name!r} must not end in a format; pass formats=(...)")


def _check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    if isinstance(formats, str):
        formats = (formats,)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"formats must be some of {FORMATS}, not {tuple(formats)!r}")
    return tuple(dict.fromkeys(formats))
