"""No English leaks into Chinese output and no Chinese into English (issue 24).

Everything a user reads is rendered in each language and searched for the other script. In the
fast suite: the CLI's summaries (``muye check``, ``ingest`` of the synthetic bureau tables and
their revision, ``history``, ``progress``, ``extract``, ``export``, ``report``), the progress
workbook and the Word 经济运行分析. With the notebook tests (marked ``notebook``; ``muye run``
in each language is the costly part, run once per session): every notebook executed, ``muye
run``'s summary (with the ingest's and the brief's) and the briefing deck. What is allowed, and
why, is in ``tests/leaks.py``.

A leak whose fix belongs to another module's owner is listed in ``leaks.KNOWN_LEAKS`` with that
owner; the test fails on any other leak, and on a listed one that no longer occurs (remove it
then), so the list only shrinks.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import nbformat
import pytest
from leaks import (
    FILES,
    check,
    deck_parts,
    document_parts,
    leaks,
    notebook_parts,
    workbook_parts,
)

from muye_analysis import cli, config, vocab

HERE = Path(__file__).parent
YTD = config.EXAMPLES / "ytd"
ORIGINAL = YTD / "2024年1-9月主要经济指标（示例）.csv"
REVISION = YTD / "2024年1-9月主要经济指标（修订）（示例）.xlsx"
CITY = HERE / "data" / "city"
NEXT_REPORT = HERE / "data" / "next_report" / "report_2024" / "muye_plan_report_2024_2025.txt"
LANGS = ("zh", "en")


def _say(argv: list[str]) -> str:
    """What ``muye <argv>`` prints on stdout (it must succeed)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(argv) == 0, argv
    return out.getvalue()


@pytest.fixture(scope="session")
def cli_outputs(tmp_path_factory) -> dict[str, dict[str, object]]:
    """Per language, once: what the CLI prints (by command) and the progress workbook, after
    ingesting the SYNTHETIC bureau table, its revision and the city tables of every unit."""
    composed = {}
    for lang in LANGS:
        root = tmp_path_factory.mktemp(f"cli_{lang}")
        with pytest.MonkeyPatch.context() as mp:
            for variable, folder in (("PROCESSED", "processed"), ("BUILD", "build"),
                                     ("DRAFTS", "drafts"), ("QUARTERLY", "quarterly"),
                                     ("FIGURES", "figures"), ("LEAGUE", "league")):  # fmt: skip
                mp.setenv(f"MUYE_{variable}_DIR", str(root / folder))
            said = {
                "check": _say(["check", "--lang", lang]),
                "ingest": _say(["ingest", str(ORIGINAL), "--lang", lang])
                + _say(["ingest", str(REVISION), "--replace", "--lang", lang])
                + _say(["ingest", str(CITY), "--lang", lang]),
                "history": _say(["history", "社零", "--period", "2024年1-9月", "--lang", lang])
                + _say(["history", "--lang", lang]),
                "progress": _say(
                    ["progress", "--lang", lang, "--xlsx", str(root / "build" / "progress.xlsx")]
                ),
                "extract": _say(
                    [
                        "extract",
                        str(NEXT_REPORT),
                        "--lang",
                        lang,
                        "-o",
                        str(root / "drafts" / "draft.csv"),
                    ]
                ),
                "export": _say(["export", "--lang", lang, "-o", str(root / "build" / "x.csv")]),
                "report": _say(
                    ["report", "--lang", lang, "--docx", str(root / "build" / "analysis.docx")]
                ),
            }
        composed[lang] = {"said": said, "workbook": root / "build" / "progress.xlsx",
                          "document": root / "build" / "analysis.docx"}  # fmt: skip
    return composed


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_cli_summaries_speak_one_language(cli_outputs, lang):
    said = cli_outputs[lang]["said"]
    assert all(said.values())  # every command printed its summary
    check([(f"muye {command}", text) for command, text in said.items()], lang)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_progress_workbook_speaks_one_language(cli_outputs, lang):
    from muye_analysis.progress.rendering import header

    # the source column (the bureau file's title) and the report's quotes are verbatim
    parts = workbook_parts(cli_outputs[lang]["workbook"], [header("source", lang)],
                           [vocab.text("progress.notes.quotes", lang)])  # fmt: skip
    assert len(parts) >= 2 and all(text for _, text in parts)
    check([(f"workbook {where}", text) for where, text in parts], lang)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_word_analysis_speaks_one_language(cli_outputs, lang):
    """``muye report --docx``: the 经济运行分析's paragraphs, tables and footers."""
    parts = document_parts(cli_outputs[lang]["document"])
    assert len(parts) >= 3 and all(text for _, text in parts)
    check([(f"document {where}", text) for where, text in parts], lang)


def test_the_detector_finds_each_kind_of_leak_and_lets_the_allowed_through():
    # Chinese in English output: units, names, full-width punctuation
    assert leaks("Retail sales: 60.3 亿元", "en") == ["亿元"]
    assert leaks("areas: 牧野区, Fengquan", "en") == ["牧野区"]
    assert leaks("note：synthetic", "en") == ["："]
    # English in Chinese output: codes, ids, words
    assert leaks("完成情况：not_met", "zh") == ["not", "met"]
    assert leaks("指标：retail_sales", "zh") == ["retail", "sales"]
    assert leaks("workbook written to: 进度.xlsx", "zh") == ["workbook", "written", "to"]
    # allowed: the user's files and sheets, paths, addresses, commands, checksums, quotes
    assert leaks(f"read {ORIGINAL.name}[1-9月]", "en", FILES) == []
    assert leaks("存储：/tmp/x/processed/quarterly.sqlite", "zh") == []
    assert leaks("来源：http://henan.kjzch.com/xinxiang/2024-04-02/841501.html", "zh") == []
    assert leaks("（`muye history` 查看全部）", "zh") == []
    assert (
        leaks("文件校验和 e0cd2566d2727fb8a57ca25238fec64b1f9676643c827107ffc4df4d1efa6b61", "zh")
        == []
    )
    assert leaks('row 10, column "本年累计"', "en") == []
    assert leaks("第10行“growth_pct”列", "zh") == []
    assert leaks("地区生产总值（GDP）；在Excel或WPS中打开", "zh") == []
    assert leaks("季度AR(1)模型；季节MA(4)", "zh") == []
    assert leaks("季度AR模型", "zh") == ["AR"]  # the notation, not the letters
    # a table's verbatim cells are marked; an unmarked Chinese cell is a leak
    from leaks import html_text

    page = '<tr><td class="data">Quote</td><td class="data source-text">全年完成232.1亿元</td></tr>'
    assert leaks(html_text(page), "en") == []
    assert leaks(html_text(page.replace(" source-text", "")), "en") == ["全年完成", "亿元"]


# -- the notebooks, muye run and the deck (run with the notebook tests) --------------------------


@pytest.fixture(scope="session")
def suite_runs(tmp_path_factory) -> dict[str, dict[str, object]]:
    """``muye run`` once per language on the bundled data with year-to-date files in the folder
    (the SYNTHETIC bureau table and its revision, the SYNTHETIC city tables), so that every
    section of every notebook has something to show; what it printed, its folders."""
    from muye_analysis import runner

    composed = {}
    for lang in LANGS:
        root = tmp_path_factory.mktemp(f"suite_{lang}")
        quarterly = root / "quarterly"
        quarterly.mkdir()
        for path in (ORIGINAL, REVISION, *CITY.glob("synthetic_city_*")):
            shutil.copy(path, quarterly / path.name)
        printed: list[str] = []
        with pytest.MonkeyPatch.context() as mp:
            for variable, folder in (("PROCESSED", "processed"), ("BUILD", "build"),
                                     ("FIGURES", "figures"), ("LEAGUE", "league")):  # fmt: skip
                mp.setenv(f"MUYE_{variable}_DIR", str(root / folder))
            mp.setenv("MUYE_QUARTERLY_DIR", str(quarterly))
            results = runner.run_suite(lang=lang, html=False, progress=printed.append)
        composed[lang] = {"printed": "\n".join(printed), "results": results, "root": root}
    return composed


@pytest.mark.notebook
@pytest.mark.parametrize("lang", LANGS)
def test_every_notebook_speaks_one_language(suite_runs, lang):
    results = suite_runs[lang]["results"]
    assert [r.error for r in results if not r.ok] == []
    parts = []
    for result in results:
        executed = nbformat.read(result.executed, as_version=4)
        parts += [(f"notebook {result.stem} {where}", text)
                  for where, text in notebook_parts(executed)]  # fmt: skip
    assert len(parts) > 40  # every notebook showed its tables and sentences
    check(parts, lang)


@pytest.mark.notebook
@pytest.mark.parametrize("lang", LANGS)
def test_no_notebook_shows_a_raw_python_object(suite_runs, lang):
    """Tables through show_table, sentences through the vocabulary: no output is a bare repr
    (a list, a dict, a tuple, a DataFrame's text grid)."""
    raw = []
    for result in suite_runs[lang]["results"]:
        executed = nbformat.read(result.executed, as_version=4)
        for number, cell in enumerate(executed.cells, start=1):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if output.get("output_type") in ("execute_result", "display_data") and not (
                    {"text/html", "text/markdown", "image/png"} & set(data)
                ):
                    raw.append(f"{result.stem} cell {number}: {data.get('text/plain', '')[:80]}")
    assert raw == []


@pytest.mark.notebook
@pytest.mark.parametrize("lang", LANGS)
def test_muye_run_and_the_deck_speak_one_language(suite_runs, lang):
    run = suite_runs[lang]
    printed = run["printed"]
    assert vocab.text("check.passed", lang) in printed  # the check, the outputs, the brief
    check([("muye run", printed)], lang)
    deck = run["root"] / "build" / ("briefing.pptx" if lang == "zh" else "briefing_en.pptx")
    parts = deck_parts(deck)
    assert len(parts) >= 8
    check([(f"deck {where}", text) for where, text in parts], lang)
    # the English run drew its charts in English (the notebooks' figures)
    if lang == "en":
        figures = {p.name for p in (run["root"] / "figures").iterdir()}
        assert {"growth_gap_en.png", "task_targets_en.svg"} <= figures
