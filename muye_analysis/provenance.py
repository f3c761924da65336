"""Raw files and their origin sidecars.

Every file under ``data/raw`` has a ``<name>.origin.yml`` beside it that records where it came
from and its SHA-256. Raw files are never edited: a changed checksum fails the check.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from muye_analysis import config
from muye_analysis.errors import DataError

SIDECAR_SUFFIX = ".origin.yml"
REQUIRED_FIELDS = ("title_en", "obtained", "copied_on", "sha256")


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw_files(root: Path | None = None) -> list[Path]:
    """Every raw data file (sidecars excluded)."""
    root = root or config.RAW
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.endswith(SIDECAR_SUFFIX))


def read_sidecar(path: Path) -> dict:
    """The origin record of a raw file, checked for the required fields."""
    import yaml

    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.exists():
        raise DataError(
            "raw file has no origin sidecar.",
            file=path,
            fix=f"write {sidecar.name} with {', '.join(REQUIRED_FIELDS)}.",
        )
    meta = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    for field in REQUIRED_FIELDS:
        if not meta.get(field):
            raise DataError(
                "missing field in origin sidecar.", file=sidecar, column=field, fix="fill it in."
            )
    return meta


def verify_raw_files(root: Path | None = None) -> list[Path]:
    """Check every raw file against its sidecar's checksum; returns the files checked."""
    files = raw_files(root)
    for path in files:
        meta = read_sidecar(path)
        actual = sha256_of(path)
        if actual != meta["sha256"]:
            raise DataError(
                f"checksum {actual[:12]}… differs from the sidecar's {str(meta['sha256'])[:12]}…: "
                "the raw file was modified.",
                file=path,
                fix="restore it from git (raw files are never edited), or record a new snapshot.",
            )
    return files


__all__ = [
    "REQUIRED_FIELDS", "SIDECAR_SUFFIX", "raw_files", "read_sidecar", "sha256_of",
    "verify_raw_files",
]  # fmt: skip
