"""ma.Report: one session over the report, its tables, the store and one period.

The session's answers are those of the functions it calls with the data it holds; the period
given once reaches the progress table, the workbook, the deck and the Word document.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import muye_analysis as ma
from muye_analysis import vocab
from muye_analysis.periods import Period, PeriodError
from muye_analysis.progress import progress_table
from muye_analysis.quarterly import ingest_quarterly, read_store
from muye_analysis.reports import latest_report
from muye_analysis.session import Report, parse_as_of
from muye_analysis.targets import annual_gaps

PLAN = latest_report().plan_year  # the bundled report plans its next year


@pytest.fixture(scope="module")
def bundled():
    return Report.open("zh")


def _ingest(tmp_path):
    """SYNTHETIC year-to-date figures of the plan year (GDP 1-9月, jobs 1-6月 and 1-8月)."""
    path = tmp_path / "synthetic_session.csv"
    path.write_text(
        "indicator,year,period,level,unit,growth_pct,source\n"
        f"gdp,{PLAN - 1},1-9月,160,亿元,,synthetic\ngdp,{PLAN - 1},1-12月,220,亿元,,synthetic\n"
        f"gdp,{PLAN},1-9月,,,5.0,synthetic\n"
        f"新增城镇就业,{PLAN},1-6月,3000,人,,synthetic\n"
        f"新增城镇就业,{PLAN},1-8月,6500,人,,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    return read_store()


def test_the_report_is_reached_as_ma_report_and_subpackages_lazily():
    assert ma.Report is Report
    assert ma.progress.progress_table is progress_table  # was an AttributeError
    assert "Report" in ma.__all__ and "progress" in dir(ma)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        ma.nothing  # noqa: B018


def test_reaching_ma_report_loads_no_heavy_module():
    code = (
        "import sys, muye_analysis as ma; ma.Report; ma.progress;"
        "print(sorted({'matplotlib', 'statsmodels', 'papermill', 'pptx'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_open_parses_the_period_once_with_the_plan_year_implied():
    r = Report.open("en", "前三季度")
    assert (r.period, r.as_of, r.lang) == (Period(PLAN, 9), f"{PLAN}年1-9月", "en")
    assert (r.base_year, r.plan_year) == (PLAN - 1, PLAN)
    reports = r.reports
    assert parse_as_of("上半年", reports) == parse_as_of(f"{PLAN}年1-6月", reports)
    assert parse_as_of(Period(PLAN, 3), reports) == Period(PLAN, 3)
    assert Report.open("zh").period is None  # the latest period in the store


@pytest.mark.parametrize(
    ("label", "says"),
    [
        (f"{PLAN + 1}年1-9月", f"the targets are for {PLAN}"),
        ("二季度", "not a year-to-date span; write 1-6月"),
        ("第三季", "is not a period label"),
    ],
)
def test_a_bad_period_is_refused_naming_what_is_accepted(label, says):
    with pytest.raises(PeriodError) as caught:
        Report.open("zh", label)
    message = str(caught.value)
    assert says in message
    assert f"Accepted: a year-to-date span of {PLAN} starting in January" in message
    assert f"{PLAN}年1-9月" in message


def test_a_language_other_than_zh_or_en_is_refused():
    with pytest.raises(ValueError, match="lang must be one of zh, en, not 'fr'"):
        Report.open("fr")


def test_gap_is_the_annual_gap_of_the_bundled_report(bundled):
    # 社会消费品零售总额: 9%左右 planned against 4.9% in the base year: 4.1 points
    assert bundled.gap("retail_sales") == pytest.approx(4.1)
    expected = annual_gaps().set_index("indicator")["gap_pp"]
    assert bundled.gap("industrial_value_added") == pytest.approx(
        expected["industrial_value_added"]
    )
    assert bundled.gap("gdp") != bundled.gap("gdp")  # NaN: the report gives no base-year growth
    with pytest.raises(KeyError, match="'key_projects': 0 percentage targets"):
        bundled.gap("key_projects")


def test_progress_is_the_progress_table_at_the_sessions_period(tmp_path):
    store = _ingest(tmp_path)
    r = Report.open("zh", "1-8月")
    table = r.progress()
    expected = progress_table(Period(PLAN, 8), store=store)
    assert table.attrs["as_of"] == Period(PLAN, 8) == expected.attrs["as_of"]
    jobs = table.set_index("indicator").loc["new_urban_jobs"]
    assert jobs["completion_pct"] == pytest.approx(6500 / 8000 * 100)  # 81.25 of 8000人
    assert jobs["ytd_value"] == expected.set_index("indicator").loc["new_urban_jobs", "ytd_value"]
    # GDP's only figure is 1-9月: at 1-8月 it has none; at 前三季度 it has 5.0%
    assert table.set_index("indicator").loc["gdp", "status"] == "no_data"
    later = Report.open("zh", "前三季度").progress().set_index("indicator")
    assert later.loc["gdp", "ytd_value"] == 5.0


def test_from_frames_answers_from_the_frames_given(tmp_path):
    store = _ingest(tmp_path)
    targets = ma.load_targets()
    targets.loc[targets["indicator"] == "retail_sales", "target"] = 10.0  # another plan
    targets.loc[targets["indicator"] == "retail_sales", "gap_pp"] = 10.0 - 4.9
    r = Report.from_frames(ma.load_indicators(), targets=targets, store=store, as_of="前三季度")
    assert r.gap("retail_sales") == pytest.approx(5.1)
    assert r.period == Period(PLAN, 9) and r.store is store
    gdp = r.progress().set_index("indicator").loc["gdp"]
    assert gdp["ytd_value"] == 5.0
    empty = Report.from_frames(ma.load_indicators(), as_of="前三季度")  # no store: no figures
    assert set(empty.progress()["status"]) == {"no_data"}


def test_texts_take_the_sessions_years_without_reading_the_report(bundled, monkeypatch):
    from muye_analysis import reports

    def no_read(*args, **kwargs):
        raise AssertionError("vocab read the latest report from disk")

    monkeypatch.setattr(reports, "latest_report", no_read)
    words = bundled.text("nb.report_years", document="X")
    assert words == f"X：{PLAN - 1}年完成、{PLAN}年目标"
    with vocab.years_bound(base=2030, target=2031):
        assert vocab.text("nb.report_years", "en", document="X") == "X: 2030 outcomes, 2031 targets"


def test_chart_is_a_figure_drawn_from_the_sessions_data(bundled):
    import matplotlib.pyplot as plt

    fig = bundled.chart("growth_gap")
    try:
        labels = [t.get_text() for ax in fig.axes for t in ax.get_xticklabels()]
        assert any("社会消费品零售总额" in label for label in labels)
    finally:
        plt.close(fig)
    with pytest.raises(KeyError, match="no chart 'pie'") as refused:
        bundled.chart("pie")
    from muye_analysis.charts import registry

    assert all(c.name in str(refused.value) for c in registry.CHARTS)  # the one registry's names


def test_chart_draws_the_registrys_report_charts_with_the_sessions_assumptions(bundled):
    import matplotlib.pyplot as plt

    fig = Report.from_frames(bundled.indicators, targets=bundled.targets, frame_size=15).chart(
        "rank_scorecard"
    )
    try:
        ticks = [t.get_text() for ax in fig.axes for t in ax.get_xticklabels()]
        assert "15" in ticks and "16" not in ticks  # the frame the session states, not the 13
    finally:
        plt.close(fig)


def test_the_period_reaches_the_deck_and_the_word_document(monkeypatch, tmp_path):
    # what the session hands on (building them is tested in test_briefing / test_document)
    import muye_analysis.briefing as briefing
    import muye_analysis.document as document

    seen = {}
    monkeypatch.setattr(briefing, "build_briefing", lambda lang, **kw: seen.update(deck=kw))
    monkeypatch.setattr(document, "write_analysis", lambda path, **kw: seen.update(doc=kw))
    r = Report.open("en", "前三季度")
    r.briefing(build_dir=tmp_path)
    r.docx(tmp_path / "analysis.docx", issuer="X")
    assert seen["deck"].pop("data").targets is r.targets  # the session's tables, not reloaded
    assert seen["deck"] == {"build_dir": tmp_path, "as_of": Period(PLAN, 9)}
    assert seen["doc"] == {"as_of": Period(PLAN, 9), "lang": "en", "store": r.store, "issuer": "X"}


def test_the_period_reaches_the_workbook(tmp_path):
    import openpyxl

    _ingest(tmp_path)
    path, _ = Report.open("zh", "1-8月").workbook(tmp_path / "进度监测.xlsx")
    cells = [str(c) for row in openpyxl.load_workbook(path).active.values for c in row if c]
    assert any(f"{PLAN}年1-8月" in c for c in cells)
    assert not any(f"{PLAN}年1-9月" in c for c in cells)  # GDP's 1-9月 figure is after it


def test_city_ranks_are_of_the_sessions_period_or_the_last_table_before_it(city_store):
    from muye_analysis import league

    indicators = ma.load_indicators()
    at_may = Report.from_frames(indicators, store=city_store, as_of="1-5月").city_ranks()
    assert at_may.attrs["as_of"] == Period(PLAN, 5)
    expected = league.city_ranks(Period(PLAN, 5), store=city_store)
    assert at_may["rank"].tolist() == expected["rank"].tolist()
    at_april = Report.from_frames(indicators, store=city_store, as_of="1-4月").city_ranks()
    assert at_april.attrs["as_of"] == Period(PLAN, 3)  # the last table published before it
    latest = Report.from_frames(indicators, store=city_store).city_ranks("gdp")
    assert latest.attrs["as_of"] == Period(PLAN, 6) and set(latest["indicator"]) == {"gdp"}
    assert Report.from_frames(indicators, store=city_store, as_of="1-2月").city_ranks().empty


PUBLIC_MODULES = (
    "attainment", "config", "context", "dataset", "display", "document", "errors", "forecast",
    "outputs", "progress", "provenance", "quarterly", "rank_workbook", "reports",
    "session", "sources", "summary", "tables", "units", "views", "vocab",
)  # fmt: skip


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_public_modules_say_what_they_export(name):
    import importlib

    module = importlib.import_module(f"muye_analysis.{name}")
    assert module.__all__, f"muye_analysis.{name} declares no __all__"
    assert [n for n in module.__all__ if not hasattr(module, n)] == []


def test_every_notebook_starts_with_one_report_of_its_language_and_period():
    from muye_analysis.suite import NOTEBOOKS

    for spec in NOTEBOOKS:
        cells = spec.path.read_text(encoding="utf-8").split("\n# %%")
        code = [c for c in cells[1:] if not c.startswith((" [markdown]", ' tags=["parameters"]'))]
        assert "r = ma.Report.open(LANG, AS_OF" in code[0], spec.stem  # the first code cell
        assert all("Report.open(" not in c for c in code[1:]), spec.stem  # and only there


def test_data_dir_points_the_session_at_another_data_folder(tmp_path, monkeypatch):
    import shutil

    from muye_analysis import config

    for name in ("DATA", "RAW", "CURATED", "QUARTERLY", "INDICATORS_CSV", "REGISTRY_CSV"):
        monkeypatch.setattr(config, name, getattr(config, name))  # restored after the test
    monkeypatch.setenv("MUYE_DATA_DIR", str(config.DATA))
    copy = shutil.copytree(config.DATA, tmp_path / "data")
    r = Report.open("zh", data_dir=copy)
    assert r.document.path == copy / "raw" / r.document.document
    assert copy / "curated" / "indicators.csv" == config.INDICATORS_CSV
    assert r.gap("retail_sales") == pytest.approx(4.1)  # the same report, read from the copy


def test_every_command_takes_lang_and_the_period_commands_take_as_of():
    from muye_analysis import cli

    parser = cli.build_parser()
    needs = {"extract": ["r.txt"], "accept": ["d.csv", "--document", "x"], "ingest": ["f.csv"],
             "report": ["--docx", "a.docx"]}  # fmt: skip
    commands = ("check", "extract", "accept", "run", "ingest", "history", "export", "charts",
                "progress", "brief", "report")  # fmt: skip
    for command in commands:
        args = parser.parse_args([command, *needs.get(command, []), "--lang", "en"])
        assert args.lang == "en", command
    for command in ("run", "progress", "brief", "report"):
        args = parser.parse_args([command, *needs.get(command, []), "--as-of", "前三季度"])
        assert args.as_of == "前三季度", command
    with pytest.raises(SystemExit):
        parser.parse_args(["check", "--as-of", "前三季度"])  # a command without a period


def test_the_cli_refuses_a_bad_period_once_naming_what_is_accepted(capsys):
    from muye_analysis import cli

    assert cli.main(["progress", "--as-of", "二季度"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --as-of '二季度': '二季度' is")
    assert f"Accepted: a year-to-date span of {PLAN}" in err


def test_the_notebook_summary_is_the_judgements_at_the_sessions_period(monkeypatch):
    from muye_analysis.briefing import judgements

    r = Report.open("en", "1-8月")
    assert r.summary("03").data == judgements.notebook_summary("03", "en").data
    seen = []

    def judged(notebook, lang, data, as_of):
        seen.append((notebook, lang, data, as_of))
        return []

    monkeypatch.setattr(judgements, "notebook_judgements", judged)
    r.summary("04")
    assert seen[0][:2] == ("04", "en") and seen[0][3] == Period(PLAN, 8)
    assert seen[0][2].targets is r.targets  # the session's tables, not reloaded


def test_the_workbook_goes_to_the_build_folder_by_default(tmp_path):
    from muye_analysis import config

    _ingest(tmp_path)
    path, _ = Report.open("en", "1-8月").workbook()
    assert path == config.build_dir() / "progress_en.xlsx" and path.is_file()
