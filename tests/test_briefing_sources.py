"""Sources by issuer (issue 23): a bureau table's title row is read into its issuer, title and
date, never pasted; mirrors' URLs stay with the data. The tables here are SYNTHETIC (the tests'
bureau table in GBK, tests/data/quarterly/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing_helpers import all_text, text_overflows
from pptx import Presentation

from muye_analysis import sources, vocab
from muye_analysis.briefing import build_briefing, build_demo
from muye_analysis.periods import Period
from muye_analysis.quarterly import ingest_quarterly, read_store

BUREAU = Path(__file__).parent / "data" / "quarterly" / "synthetic_bureau_gbk_prior_year.csv"
STORED_TITLE = "2024年1-9月牧野区主要经济指标(合成数据,仅供测试,非真实统计) 制表日期:2024年10月15日"
# a title row as some tables give it, the table's unit beside the date
WITH_UNIT = STORED_TITLE + " 单位:万元"


def test_a_bureau_title_row_is_read_into_its_parts():
    parsed = sources.parse_table_title(WITH_UNIT)
    assert parsed.title == "2024年1-9月牧野区主要经济指标"
    assert parsed.period == Period(2024, 9)
    assert (parsed.area, parsed.tabulated, parsed.unit) == ("牧野区", "2024-10-15", "万元")
    assert parsed.remarks == ("合成数据,仅供测试,非真实统计",)
    city = sources.parse_table_title(
        "2024年1-6月各县(市、区)主要经济指标(示例数据,合成) 单位:亿元、%"
    )
    assert (city.title, city.area, city.every_unit) == (
        "2024年1-6月各县（市、区）主要经济指标", "新乡市", True,
    )  # fmt: skip
    assert sources.parse_table_title("synthetic test data") is None


def test_a_table_is_cited_by_its_issuer_title_and_date_without_its_unit():
    zh, en = vocab.table_cite(WITH_UNIT, "zh"), vocab.table_cite(WITH_UNIT, "en")
    assert zh == "牧野区统计局《2024年1-9月牧野区主要经济指标》（2024年10月15日）"
    assert en == (
        "Muye District Bureau of Statistics, Main economic indicators of Muye District, "
        "Jan-Sep 2024 (15 October 2024)"
    )
    assert "万元" not in zh and not vocab.has_cjk(en)


@pytest.fixture(scope="module")
def bureau_store(tmp_path_factory):
    root = tmp_path_factory.mktemp("bureau")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MUYE_PROCESSED_DIR", str(root / "processed"))
        mp.setenv("MUYE_FIGURES_DIR", str(root / "figures"))
        ingest_quarterly(BUREAU)
        yield root


@pytest.fixture(scope="module")
def english_deck(bureau_store):
    """The English briefing from the synthetic bureau table alone (no report chart: quick):
    the case the review found pasting a Chinese title row and overflowing its boxes."""
    result = build_briefing("en", build_dir=bureau_store, charts=[], allow_synthetic=True)
    return result, Presentation(str(result.pptx))


@pytest.mark.slow
def test_year_to_date_slides_cite_the_bureau_never_its_raw_title(english_deck, bureau_store):
    result, prs = english_deck
    page = result.html.read_text(encoding="utf-8")
    for slide in prs.slides:
        text = all_text(slide)
        for raw in ("制表日期", "单位", "(合成数据", "synthetic_bureau"):
            assert raw not in text and raw not in page, raw
    cover = all_text(prs.slides[0])
    assert "Muye District Bureau of Statistics, Main economic indicators of Muye District" in cover
    assert not vocab.has_cjk(cover)
    store = read_store(bureau_store / "processed")
    assert STORED_TITLE in set(store["source"])
    assert vocab.store_citations(store, "zh") == [
        "牧野区统计局《2024年1-9月牧野区主要经济指标》（2024年10月15日）"
    ]


@pytest.mark.slow
def test_year_to_date_text_fits_its_boxes(english_deck):
    _, prs = english_deck
    assert text_overflows(prs) == []


def test_the_demonstration_reads_the_synthetic_examples_into_a_store_of_its_own(
    tmp_path, monkeypatch
):
    """``muye brief --demo``: the examples go into a temporary store, the user's store is
    untouched and named again afterwards; the outputs are briefing_demo*."""
    import muye_analysis.briefing as briefing

    mine = tmp_path / "mine"
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(mine))
    seen = {}

    def fake_build(lang, *, build_dir=None, demo=False):
        store = read_store()
        seen.update(lang=lang, demo=demo, files=set(store["file"]), rows=len(store))
        return "built"

    monkeypatch.setattr(briefing, "build_briefing", fake_build)
    assert build_demo("en", build_dir=tmp_path) == "built"
    assert seen["demo"] and seen["lang"] == "en" and seen["rows"] > 100
    assert seen["files"] == {
        "synthetic_bureau_2024_1-9.csv", "synthetic_city_2024_1-3.xlsx",
        "synthetic_city_2024_1-5.xlsx", "synthetic_city_2024_1-6.csv",
        "synthetic_gdp_history.csv",
    }  # fmt: skip
    assert not mine.exists()  # nothing written to the user's store
    assert briefing.output_paths("en", tmp_path, demo=True)[0].name == "briefing_demo_en.pptx"
