"""The one vocabulary as a data file: every key in both languages, the same placeholders, no
report year, and a loader that names a bad row."""

from __future__ import annotations

import re
import string

import pytest

from muye_analysis import config, vocab


def _fields(template: str) -> set[str]:
    """The placeholder names of a str.format template ('{value:+.1f}' -> 'value')."""
    return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}


def test_every_key_has_both_languages():
    empty = [k for k, r in vocab.CATALOG_ROWS.items() if not r["zh"] or not r["en"]]
    assert empty == []


def test_both_languages_have_the_same_placeholders():
    differ = {
        key: (sorted(_fields(r["zh"])), sorted(_fields(r["en"])))
        for key, r in vocab.CATALOG_ROWS.items()
        if _fields(r["zh"]) != _fields(r["en"])
    }
    assert differ == {}


def test_no_string_holds_a_carriage_return():
    # A line break inside a string is \n; a \r reaches a chart as a missing glyph (13). Editors
    # that rewrite the file's CRLF line ends must leave the strings' own line breaks alone.
    assert [k for k, r in vocab.CATALOG_ROWS.items() if "\r" in r["zh"] + r["en"]] == []


def test_every_row_says_where_it_shows():
    assert [k for k, r in vocab.CATALOG_ROWS.items() if not r["where"].strip()] == []


def test_english_strings_contain_no_chinese():
    assert [k for k, r in vocab.CATALOG_ROWS.items() if vocab.has_cjk(r["en"])] == []


def test_the_vocabulary_writes_no_report_year():
    # Years come from the reports' origin records: a year typed into a string would be stale
    # next spring.
    text = vocab.CATALOG.read_text(encoding="utf-8")
    assert re.findall(r"(?<![\w])20(?:22|23|24|25)", text) == []
    source = (config.ROOT / "muye_analysis" / "vocab" / "__init__.py").read_text(encoding="utf-8")
    code = re.sub(r'"""[\s\S]*?"""', "", source)  # docstrings may cite an example
    assert re.findall(r"(?<![\w])20(?:22|23|24|25)", code) == []


def test_a_key_given_twice_is_refused_with_its_row(tmp_path):
    path = tmp_path / "strings.csv"
    path.write_text("key,zh,en,where\na,甲,A,x\nb,乙,B,x\na,丙,C,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="row 4: key 'a' is given twice"):
        vocab.load_catalog(path)


def test_the_loader_reads_the_file_as_excel_saves_it(tmp_path):
    # Excel and WPS save UTF-8 CSV with a byte-order mark.
    path = tmp_path / "strings.csv"
    path.write_text("key,zh,en,where\na,甲,A,x\n", encoding="utf-8-sig")
    assert vocab.load_catalog(path)["a"]["zh"] == "甲"


def test_a_claim_whose_inputs_differ_in_kou_jing_is_worded_as_a_question():
    questions = {k: r for k, r in vocab.CATALOG_ROWS.items() if k.endswith(".question")}
    assert questions  # the plan's investment and battery claims at least
    for key, row in questions.items():
        assert row["zh"].startswith("值得关注："), key
        assert row["en"].startswith("Worth checking:"), key


def test_no_finding_words_for_mismatched_kou_jing():
    # 不匹配 and 相差 (a subtraction of two rates) were findings on inputs of different 口径.
    zh = " ".join(r["zh"] for k, r in vocab.CATALOG_ROWS.items() if k.startswith("claim."))
    assert "不匹配" not in zh and "相差" not in zh and "无调节空间" not in zh


def test_the_renderer_shows_values_by_their_spec():
    from muye_analysis.periods import Period

    fields = {"name": "gdp", "p": Period(2024, 9), "g": -3.45, "n": 81.25}
    assert vocab.fill("{name:name}{p:phrase}{g:grew}，{p:rest}需增长{n:pct}", "zh", fields) == (
        "地区生产总值前三季度下降3.5%，四季度需增长81.3%"
    )
    assert vocab.fill("{name:name}: {g:growth} in {p:phrase}", "en", fields) == (
        "GDP: a fall of 3.5% in the first three quarters"
    )
    assert vocab.fill("{n:.1f}", "zh", fields) == "81.3"  # half up, not Python's 81.2
    assert vocab.fill("{s:@status}", "zh", {"s": "off_track"}) == "滞后"
    assert vocab.fill("{s:@ranked_word?}", "zh", {"s": "share"}) == ""


def test_say_renders_only_a_claim_that_holds():
    from muye_analysis.claims.base import Claim

    claim = Claim("progress.tally", True, {"n": 2, "on_track": 1, "at_risk": 0, "off_track": 1,
                                           "no_data": 0, "projects": ""})  # fmt: skip
    assert vocab.say(claim, "zh") == "2项年度目标中正常1项、预警0项、滞后1项、暂无数据0项"
    assert vocab.say(Claim("progress.tally", False, claim.facts), "zh") is None
