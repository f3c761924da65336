"""What the README (and docs/) says works: its journeys run as written from a fresh clone.

The fast tests check the journey markers and the runner itself; the ``readme`` tests (run last
by ``make test``) clone the working tree into a temporary folder and run every journey of
``readme_runner.ORDER`` there, in order, one shell session each (see tests/readme_runner.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import readme_runner as runner

from muye_analysis import config, provenance, reports

# -- the markers (fast) --------------------------------------------------------------------------


def test_every_marked_journey_is_in_the_run_order_and_every_listed_one_is_marked():
    journeys = runner.parse()
    assert sorted(journeys) == sorted(runner.ORDER)


def test_each_journey_runs_commands_or_says_why_not():
    journeys = runner.parse()
    for journey in journeys.values():
        assert journey.commands, journey.name
        if journey.same_as:  # a translation runs nothing of its own: its commands must agree
            assert journey.commands == journeys[journey.same_as].commands, journey.name
    assert journeys["conda"].skip.startswith("conda is not installed")
    assert sorted(j.name for j in journeys.values() if j.skip or j.same_as) == [
        "conda",
        "quick-start-zh",
    ]


def test_no_journey_step_writes_into_the_repository_root():
    # Outputs go to build/, drafts/, figures/, data/: never a file beside README.md.
    for journey in runner.parse().values():
        for step in journey.steps:
            for word in re.findall(r"(?:-o|--xlsx|--output)\s+([^-\s]\S*)", step.command):
                assert "/" in word, f"{step.where}: {step.command}"


def test_the_next_report_page_lists_every_field_a_report_origin_record_needs():
    section = (config.ROOT / "docs" / "next-report.md").read_text(encoding="utf-8")
    for field in (*reports.REPORT_FIELDS, *provenance.REQUIRED_FIELDS):
        assert f"`{field}`" in section, field


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("<!-- journey: a -->\n```bash\ntrue\n```\n", "has no <!-- /journey -->"),
        ("<!-- journey: a -->\n```python\n1\n```\n<!-- /journey -->\n", "shell blocks only"),
        ("<!-- journey-run: true -->\n", "journey-run outside a journey"),
        ("<!-- journey: a colour=red -->\n<!-- /journey -->\n", "unknown journey option colour"),
        ("<!-- journey: a -->\n<!-- journey-skip: why -->\n<!-- /journey -->\n", "no block"),
    ],
)
def test_a_marker_that_cannot_be_read_is_an_error_naming_its_line(tmp_path, markdown, message):
    (tmp_path / "page.md").write_text("# Page\n\n" + markdown, encoding="utf-8")
    with pytest.raises(runner.JourneyMarkupError, match=message) as info:
        runner.parse(("page.md",), tmp_path)
    assert str(info.value).startswith("page.md:")


def _run_page(tmp_path, markdown: str) -> runner.Outcome:
    (tmp_path / "page.md").write_text(markdown, encoding="utf-8")
    journeys = runner.parse(("page.md",), tmp_path)
    clone = tmp_path / "clone"
    clone.mkdir(exist_ok=True)
    return runner.run_journey(journeys["a"], clone, tmp_path / "work", journeys)


def test_one_shell_per_journey_and_a_failing_step_names_its_line(tmp_path):
    outcome = _run_page(
        tmp_path,
        "<!-- journey: a -->\n```bash\nexport GREETING=你好\ncd sub 2> /dev/null || mkdir sub\n"
        '```\n\nprose\n\n```sh\necho "$GREETING" > 文件.txt   # state carries over\n'
        "test -s 文件.txt && false\necho never\n```\n<!-- /journey -->\n",
    )
    assert outcome.returncode == 1
    assert "[journey] FAILED: exit 1 at page.md:11" in outcome.transcript
    assert "never" not in outcome.transcript.replace("echo never", "")
    assert (tmp_path / "clone" / "文件.txt").read_text(encoding="utf-8") == "你好\n"
    assert [where for where, _ in outcome.step_times()] == ["page.md:3", "page.md:4", "page.md:10"]


def test_a_background_step_must_be_stopped_by_the_journey(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "BACKGROUND_STOP_S", 0)
    server = (
        "<!-- journey-background: wait-for=ready -->\n"
        "```bash\nbash -c 'echo ready; sleep 60'\n```\n"
    )
    left = _run_page(tmp_path, f"<!-- journey: a -->\n{server}<!-- /journey -->\n")
    assert left.returncode == 1
    assert "still ran at the end" in left.transcript
    stop = '```bash\nkill -- "-$(cat "$JOURNEY_DIR/background.pid")"\n```\n'
    monkeypatch.setattr(runner, "BACKGROUND_STOP_S", 5)  # time for the killed one to be gone
    stopped = _run_page(tmp_path, f"<!-- journey: a -->\n{server}{stop}<!-- /journey -->\n")
    assert stopped.ok, stopped.tail()
    assert "running in the background" in stopped.transcript


# -- the journeys (slow: make test runs them last) -----------------------------------------------

# What each journey must show beyond running without error: the README's claims about it.
EXPECT = {
    "pip": [r"tests/test_readme_journeys\.py: \d+"],  # pytest found the suite
    "quick-start": [r"报告：1；最新 report_2023", r"tests/test_readme_journeys\.py: \d+"],
    # Lab answers, and serves a .py notebook with its kernel's language_info (muye_analysis.lab):
    # opening it does not mark it modified.
    "lab": [r"/lab\?token=…: HTTP 200, shows 'JupyterLab'", r"shows '\"language_info\"'"],
    "ytd-revision": [
        r"替换：社会消费品零售总额 2024年1-9月 总量：60\.3 → 60\.45亿元",
        r"当前\s+60\.45亿元 .*（修订；发布日期:2024年10月28日）",
        r"旧版本 2（存储保留其修订值）",
    ],
    "progress": [r"workbook written to: .*进度\.xlsx"],
    "brief": [r"briefing_en\.pptx"],
    "next-report": [r"已加入 29 行", r"报告：2；最新 report_2024/muye_plan_report_2024_2025"],
}
# Files each journey must leave (relative to the clone).
LEAVES = {
    "quick-start": ["build/briefing.pptx", "figures/growth_gap_zh.png"],
    "ytd-revision": ["data/processed/quarterly.sqlite", "build/store.xlsx"],
    "progress": ["build/进度.xlsx"],
    "brief": ["build/briefing_en.pptx", "build/briefing_en.html"],
    "next-report": ["drafts/report_2024.csv", "figures/growth_gap_zh.png"],
}
_failed: list[str] = []


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A clone of the working tree in a folder named as a user's desktop is (桌面), the journeys
    parsed, and what git showed as changed before any journey ran."""
    if shutil.which("git") is None or not (config.ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    work = tmp_path_factory.mktemp("readme")
    clone = runner.fresh_clone(work / "桌面" / "muye-analysis")
    yield clone, work / "journeys", runner.parse(), runner.changed_paths(clone)
    shutil.rmtree(clone, ignore_errors=True)  # a whole environment; the transcripts stay


@pytest.mark.readme
@pytest.mark.parametrize("name", runner.ORDER)
def test_the_readme_journey_runs_as_written_in_a_fresh_clone(fresh, name):
    if _failed:
        pytest.skip(f"journey {_failed[0]} failed: this one starts from its state")
    clone, work, journeys, before = fresh
    outcome = runner.run_journey(journeys[name], clone, work, journeys)
    if not outcome.ok:
        _failed.append(name)
    assert outcome.ok, f"journey {name} (exit {outcome.returncode}):\n{outcome.tail()}"
    if outcome.skipped:
        return
    for pattern in EXPECT.get(name, []):
        assert re.search(pattern, outcome.transcript), f"{name}: no {pattern!r}\n{outcome.tail()}"
    missing = [p for p in LEAVES.get(name, []) if not (clone / p).is_file()]
    assert missing == [], name
    new = runner.changed_paths(clone) - before
    assert [p for p in new if "/" not in p] == [], f"{name} wrote into the repository root"
    status = subprocess.run(["git", "status", "--short"], cwd=clone, capture_output=True, text=True)
    print(f"{name}: {outcome.seconds:.1f} s; git status:\n{status.stdout}")
