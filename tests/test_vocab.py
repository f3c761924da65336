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
