"""Commit, then speak safely; one line for every OS error; names printed escaped.

What the probe hit, rebuilt with SYNTHETIC inputs: a terminal that cannot encode Chinese, a
reader that closes the pipe, Ctrl-C right after the commit, a full disk, a file-size limit, a
read-only file system, a name too long, a folder below a file, names with GBK bytes or a newline,
a FIFO or /dev/zero given to `muye extract`. Behaviour that needs a process (encodings, pipes,
signals, resource limits, a read that could hang) runs in a subprocess; the rest in-process.
The tests run as root, so a read-only file system or a full disk cannot be made for real: those
are simulated by raising the error the system would raise (errno ENOSPC, EROFS)."""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from muye_analysis import cli, config
from muye_analysis.quarterly import ingest_quarterly, read_history, read_store

TIDY = "indicator,year,period,level,unit,growth_pct,source\n"
ROW = "社会消费品零售总额,2024,1-3月,20.1,亿元,5.2,synthetic\n"
NEXT = Path(__file__).parent / "data" / "next_report"


def _csv(folder: Path, name: str = "synthetic.csv", rows: str = ROW) -> Path:
    path = folder / name
    path.write_text(TIDY + rows, encoding="utf-8")
    return path


def _muye(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "muye_analysis.cli", *args], capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=120, **kwargs)  # fmt: skip


def _no_traceback(stderr: bytes | str) -> None:
    text = stderr.decode() if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text and "Exception ignored" not in text, text


# -- commit, then speak safely (subprocesses) ---------------------------------------------------


@pytest.mark.slow
def test_a_terminal_that_cannot_encode_chinese_does_not_fail_a_committed_ingest(tmp_path):
    # cron or a logger with PYTHONIOENCODING=ascii: the store was written, then a traceback
    done = _muye("ingest", str(_csv(tmp_path)), env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "\\u8bfb\\u53d6 1" in done.stdout.decode("ascii")  # 读取 1, escaped
    assert len(read_store()) == 2


@pytest.mark.slow
@pytest.mark.parametrize("command", ["history", "ingest"])
def test_a_reader_that_closes_the_pipe_is_not_an_error(tmp_path, command):
    # `muye history | head -1`: exit 120 and "Exception ignored … BrokenPipeError"
    path = _csv(tmp_path)
    if command == "history":
        ingest_quarterly(path)
    args = ["history"] if command == "history" else ["ingest", str(path)]
    child = subprocess.Popen([sys.executable, "-m", "muye_analysis.cli", *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    child.stdout.close()  # the reader is gone before the command speaks
    _, err = child.communicate(timeout=120)
    assert child.returncode == 0
    _no_traceback(err)
    assert len(read_store()) == 2


@pytest.mark.slow
def test_ctrl_c_right_after_the_commit_reports_the_stored_values_and_exits_0(tmp_path):
    # The store was written, the command exited non-zero with a traceback, a rerun said 未变.
    script = (
        "import sys\n"
        "from muye_analysis import cli\n"
        "from muye_analysis.quarterly import store\n"
        "commit = store._commit\n"
        "def commit_then_ctrl_c(con, path):\n"
        "    commit(con, path)\n"
        # what Python raises when Ctrl-C lands right here (a SIGINT sent to the process itself
        # was at times handled later under load, which made this test flaky)
        "    raise KeyboardInterrupt\n"
        "store._commit = commit_then_ctrl_c\n"
        "sys.exit(cli.main(['ingest', sys.argv[1]]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(_csv(tmp_path))],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    _no_traceback(done.stderr)
    assert "新增 2" in done.stdout and "写入存储后收到中断（Ctrl-C）：以上数值已保存" in done.stdout
    assert len(read_store()) == 2


def _file_size_limit(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.slow
def test_a_file_size_limit_is_named_for_the_store_and_for_an_output(tmp_path):
    # Reported as "read-only or missing" before; a real limit (ulimit -f) in a child process.
    done = _muye("ingest", str(_csv(tmp_path)), preexec_fn=_file_size_limit(8192), text=True)
    assert done.returncode == 2
    assert "file-size limit of this session (ulimit -f: 8,192 bytes)" in done.stderr
    assert "(EFBIG)" in done.stderr and done.stderr.count("\n") == 1
    assert read_store().empty
    out = tmp_path / "draft.csv"
    done = _muye("extract", str(config.REPORT_TEXT), "-o", str(out),
                 preexec_fn=_file_size_limit(8192), text=True)  # fmt: skip
    assert done.returncode == 2
    assert "file-size limit of this session (ulimit -f) (EFBIG)" in done.stderr
    assert done.stderr.count("\n") == 1 and not out.exists()
    assert not list(tmp_path.glob(".draft.csv.*"))  # no temporary file left behind


def test_extract_of_a_fifo_is_refused_at_once(tmp_path):
    # It hung (blocked on open) before; in a subprocess so that a hang fails the test.
    fifo = tmp_path / "synthetic_report.txt"
    os.mkfifo(fifo)
    done = _muye("extract", str(fifo), "-o", str(tmp_path / "d.csv"), text=True)
    assert done.returncode == 2
    assert "not a regular file (a device, a pipe, a socket or a link to one)" in done.stderr


# -- one line for every OS error (in-process) ------------------------------------------------------


def test_extract_of_dev_zero_is_refused_before_reading(tmp_path, capsys):
    # It read without end and ate memory.
    assert cli.main(["extract", "/dev/zero", "-o", str(tmp_path / "d.csv")]) == 2
    assert "not a regular file" in capsys.readouterr().err


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device", str(args[0]) if args else None)


@pytest.mark.parametrize("command", ["export", "extract", "progress"])
def test_a_full_disk_is_one_line_and_the_previous_file_stays(tmp_path, monkeypatch, capsys,
                                                             command):  # fmt: skip
    import openpyxl
    import pandas as pd

    ingest_quarterly(_csv(tmp_path))
    out = tmp_path / ("out.xlsx" if command == "progress" else "out.csv")
    out.write_text("previous\n", encoding="utf-8")
    monkeypatch.setattr(pd.DataFrame, "to_csv", _disk_full)  # simulated: root cannot fill a disk
    monkeypatch.setattr(openpyxl.Workbook, "save", _disk_full)
    argv = {"export": ["export", "-o", str(out)],
            "extract": ["extract", str(config.REPORT_TEXT), "-o", str(out)],
            "progress": ["progress", "--xlsx", str(out)]}[command]  # fmt: skip
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert "the disk is full (ENOSPC). How to fix: free some space" in err
    assert err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name, "synthetic.csv"]


def test_a_read_only_file_system_on_accept_is_one_line(tmp_path, monkeypatch, capsys):
    import shutil

    raw = tmp_path / "raw"
    shutil.copytree(config.RAW, raw)
    shutil.copytree(NEXT / "report_2024", raw / "report_2024")
    monkeypatch.setattr(config, "RAW", raw)
    curated = tmp_path / "curated" / "indicators.csv"
    curated.parent.mkdir()
    shutil.copy(config.INDICATORS_CSV, curated)
    monkeypatch.setattr(config, "INDICATORS_CSV", curated)
    before = curated.read_bytes()

    def read_only(*args, **kwargs):  # what mkstemp meets on a read-only mount (root cannot mount)
        raise OSError(errno.EROFS, "Read-only file system", kwargs.get("dir"))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    draft = str(NEXT / "draft_reviewed.csv")
    assert cli.main(["accept", draft, "--document", "report_2024"]) == 2
    err = capsys.readouterr().err
    assert f"error: {curated.parent}: the file system is read-only (EROFS)." in err
    assert err.count("\n") == 1 and curated.read_bytes() == before


def test_a_name_too_long_is_one_line(tmp_path, capsys):
    ingest_quarterly(_csv(tmp_path))
    out = tmp_path / ("进度" * 100 + ".csv")  # 600 bytes: the limit is 255 per name
    assert cli.main(["export", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert (
        "the file name is too long (at most 255 bytes per name" in err and "(ENAMETOOLONG)" in err
    )
    assert err.count("\n") == 1


def test_a_build_folder_below_a_file_is_one_line(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "drafts"  # muye extract writes its draft under MUYE_DRAFTS_DIR
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    monkeypatch.setenv("MUYE_DRAFTS_DIR", str(blocker / "out"))
    assert cli.main(["extract", str(config.REPORT_TEXT)]) == 2
    err = capsys.readouterr().err
    assert "a part of the path is a file, not a folder (ENOTDIR)" in err
    assert err.count("\n") == 1


# -- names printed escaped ---------------------------------------------------------------------


def test_a_file_name_in_gbk_bytes_is_ingested_and_shown_escaped(tmp_path, capsys):
    # GBK bytes of 社零.csv on a UTF-8 system: the store refused the name with a traceback.
    name = os.fsdecode("社零".encode("gbk") + b".csv")
    path = _csv(tmp_path, name)
    assert cli.main(["ingest", str(path)]) == 0
    assert cli.main(["history"]) == 0
    out = capsys.readouterr().out
    assert "\\xc9\\xe7\\xc1\\xe3.csv 第2行" in out
    out.encode("utf-8")  # printable: no lone surrogate reaches the terminal


def test_a_newline_in_a_file_name_cannot_forge_a_line_of_the_history(tmp_path, capsys):
    path = _csv(tmp_path, "synthetic.csv\n  当前 99 亿元  forged.csv")
    ingest_quarterly(path)
    assert cli.main(["history"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not [line for line in lines if line.startswith("  当前 99")]
    assert sum("synthetic.csv\\n  当前 99 亿元  forged.csv 第2行" in line for line in lines) == 2
    assert set(read_history()["file"]) == {"synthetic.csv\\n  当前 99 亿元  forged.csv"}


# -- Ctrl-C and messages (in-process) -------------------------------------------------------------


def test_ctrl_c_while_printing_after_the_commit_exits_0(tmp_path, monkeypatch, capsys):
    from muye_analysis.quarterly import IngestResult

    def interrupted(self, lang="zh"):
        raise KeyboardInterrupt

    monkeypatch.setattr(IngestResult, "summary", interrupted)
    assert cli.main(["ingest", str(_csv(tmp_path))]) == 0
    assert "interrupted after the commit" in capsys.readouterr().err
    assert len(read_store()) == 2


def test_ctrl_c_before_the_commit_exits_130_and_stores_nothing(tmp_path, monkeypatch, capsys):
    from muye_analysis.quarterly import ingest

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(ingest, "_merge", interrupted)
    assert cli.main(["ingest", str(_csv(tmp_path))]) == 130
    assert "interrupted: nothing was written." in capsys.readouterr().err
    assert read_store().empty


def test_a_missing_data_folder_is_named(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "no_such_data"
    monkeypatch.setenv("MUYE_DATA_DIR", str(missing))
    monkeypatch.setattr(config, "DATA", missing)
    assert cli.main(["check"]) == 2
    assert f"error: {missing}: MUYE_DATA_DIR names a folder that does not exist." in (
        capsys.readouterr().err
    )


def test_progress_says_as_of_only_about_the_as_of_option(monkeypatch, capsys):
    # Any error of `muye progress` was prefixed with "--as-of None:".
    from muye_analysis import progress
    from muye_analysis.errors import DataError

    def damaged(*args, **kwargs):
        raise DataError("synthetic damage.", file="quarterly.sqlite", fix="restore it.")

    monkeypatch.setattr(progress, "progress_table", damaged)
    assert cli.main(["progress"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: quarterly.sqlite: synthetic damage.") and "--as-of" not in err
