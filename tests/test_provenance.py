"""Raw files are immutable and every one has an origin sidecar."""

from __future__ import annotations

import shutil

import pytest

from muye_analysis import config
from muye_analysis.errors import DataError
from muye_analysis.provenance import raw_files, read_sidecar, sha256_of, verify_raw_files


def test_bundled_report_matches_its_recorded_checksum():
    meta = read_sidecar(config.REPORT_TEXT)
    assert sha256_of(config.REPORT_TEXT) == meta["sha256"]
    assert meta["sha256"] == "e0cd2566d2727fb8a57ca25238fec64b1f9676643c827107ffc4df4d1efa6b61"


def test_every_raw_file_has_a_complete_sidecar_and_verifies():
    files = verify_raw_files()
    assert config.REPORT_TEXT in files
    assert config.CONTEXT_RAW in files
    for path in files:
        meta = read_sidecar(path)
        assert meta["title_en"] and meta["obtained"]


def test_an_edited_raw_file_fails_verification(tmp_path):
    root = tmp_path / "raw"
    shutil.copytree(config.RAW, root)
    copy = root / config.REPORT_TEXT.relative_to(config.RAW)
    copy.write_text(copy.read_text(encoding="utf-8").replace("232.1", "233.1"), encoding="utf-8")
    with pytest.raises(DataError, match="raw file was modified") as info:
        verify_raw_files(root)
    assert info.value.file == copy


def test_a_raw_file_without_sidecar_is_an_error(tmp_path):
    (tmp_path / "new.csv").write_text("a,b\n", encoding="utf-8")
    assert raw_files(tmp_path) == [tmp_path / "new.csv"]
    with pytest.raises(DataError, match="no origin sidecar"):
        verify_raw_files(tmp_path)
