"""Atomic writes: the destination is replaced whole or left alone."""

from __future__ import annotations

import pytest

from muye_analysis.atomic import atomic_path, write_text_atomic


def test_write_text_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "report.html"
    write_text_atomic(target, "旧\n")
    write_text_atomic(target, "新\n")
    assert target.read_text(encoding="utf-8") == "新\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_failed_write_keeps_the_previous_file_and_removes_the_temporary(tmp_path):
    target = tmp_path / "store.csv"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk full"), atomic_path(target) as tmp:
        tmp.write_text("half a fi", encoding="utf-8")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["store.csv"]
