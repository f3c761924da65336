"""The deck's 位次 slides and the 全市位次 sheet of ``muye progress --xlsx``.

The city tables are SYNTHETIC (tests/data/city/); expected words were worked out by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from muye_analysis import cli
from muye_analysis.briefing.city_ranks import city_rank_part
from muye_analysis.briefing.model import ChartSlide, TableSlide
from muye_analysis.quarterly import ingest_quarterly

pytestmark = pytest.mark.slow  # builds city-rank slides and the progress workbook

CITY = Path(__file__).parent / "data" / "city"


@pytest.fixture(scope="module")
def store(city_store):
    return city_store


@pytest.fixture(scope="module")
def slides(store, tmp_path_factory):
    """The two slides, drawn once (the chart takes most of a second)."""
    figures = tmp_path_factory.mktemp("figures")
    return city_rank_part("zh", figures, store=store, allow_synthetic=True).slides


def test_synthetic_city_tables_never_reach_a_real_briefing(store, tmp_path):
    part = city_rank_part("zh", tmp_path, store=store)
    assert part.slides == ()
    assert part.notes and "示例（合成）的全市各县（市、区）数据" in part.notes[0]


def test_the_table_slide_states_ranks_changes_gaps_and_the_frame(slides):
    table, chart = slides
    assert isinstance(table, TableSlide) and isinstance(chart, ChartSlide)
    assert table.title == "2024年1-6月牧野区在全市的位次（示例数据）"
    rows = {r[0]: r for r in table.rows}
    assert rows["地区生产总值（增速）"][1:] == (
        "5.2%", "并列第6位", "较一季度前移2位", "高于全市0.4个百分点", "距获嘉县0.4个百分点",
    )  # fmt: skip
    assert rows["固定资产投资（增速）"][2:4] == ("第14位", "较1-5月后移1位")
    assert table.notes[0] == (
        "排名单位数：13个单位；规上工业增加值、固定资产投资14个；按全市口径，长垣市（省直管）在内，"
        "全市不参与排名。"
    )
    assert "延津县 地区生产总值（增速）：表中公布的位次与数据不符" in table.notes[1]
    assert "示例数据（合成），非真实统计" in table.source


def test_the_chart_slide_has_every_unit_and_the_city_in_rank_order(slides):
    _, chart = slides
    assert chart.takeaway == (
        "地区生产总值增长5.2%，居全市并列第6位（共13个单位参与排名），高于全市0.4个百分点"
    )
    (bars,) = chart.charts
    assert bars.title == "共13个单位参与排名"
    assert bars.categories[:3] == ("1 平原示范区", "2 长垣市", "3 新乡县")
    # 全市 4.8 sits below the eight units above it (辉县市 5.0 is 8th) and above 封丘县 4.6
    assert bars.categories[8] == "全市" and bars.categories[9] == "9 封丘县"
    muye = bars.categories.index("6= 牧野区")
    assert bars.series[0].point_colours[muye] == "0072B2"
    assert bars.series[0].labels[muye] == "5.2 并列第6位"
    assert chart.image.exists()


def test_the_takeaway_follows_the_data(store, tmp_path):
    slower = store.copy()
    mask = ((slower["area"] == "牧野区") & (slower["indicator"] == "gdp")
            & (slower["measure"] == "growth") & (slower["end_month"] == 6))  # fmt: skip
    slower.loc[mask, "value"] = 4.5
    _, chart = city_rank_part("zh", tmp_path, store=slower, allow_synthetic=True).slides
    # 4.5 no longer ties 凤泉区 (6th alone), falls behind 辉县市 5.0 (7th) and 封丘县 4.6 (8th):
    # 9th, and 0.3 points below the city's 4.8
    assert chart.takeaway == (
        "地区生产总值增长4.5%，居全市第9位（共13个单位参与排名），低于全市0.3个百分点"
    )


def test_progress_workbook_gains_the_city_ranks_sheet(store, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "processed"))
    ingest_quarterly(CITY)
    path = tmp_path / "进度.xlsx"
    assert cli.main(["progress", "--xlsx", str(path)]) == 0
    assert "已加入工作表：全市位次" in capsys.readouterr().out
    wb = load_workbook(path)
    assert wb.sheetnames == ["进度监测", "全市位次", "说明"]
    ws = wb["全市位次"]
    assert ws["A1"].value == "2024年1-6月牧野区主要指标全市位次（示例数据（合成），非真实统计）"
    header = [c.value for c in ws[2]]
    assert header == ["指标", "2024年1-6月", "全市位次", "排名单位数", "位次变化", "与全市比较",
                      "与前一位差距"]  # fmt: skip
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, max_row=10, values_only=True)}
    assert rows["规上工业增加值（增速）"][2:5] == (
        "第13位",
        "14",
        "较1-5月后移1位（排名单位数13→14）",
    )
    assert rows["社会消费品零售总额（总量）"][5:] == ("占全市8.9%", "距辉县市4亿元")


def test_no_city_table_no_sheet(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(tmp_path / "processed"))
    path = tmp_path / "progress.xlsx"
    assert cli.main(["progress", "--lang", "en", "--xlsx", str(path)]) == 0
    assert "City ranks" not in capsys.readouterr().out
    assert load_workbook(path).sheetnames == ["Progress", "Notes"]


def test_the_english_slides_fit_their_boxes(store, tmp_path):
    """English names run long: the table's type shrinks until table, notes and source fit."""
    from briefing_helpers import text_overflows

    from muye_analysis.briefing.deck import build_deck
    from muye_analysis.briefing.model import Briefing, TitleBlock

    part = city_rank_part("en", tmp_path, store=store, allow_synthetic=True)
    deck = build_deck(Briefing("en", TitleBlock("Briefing", "Muye", "2024", ()), part.slides))
    assert text_overflows(deck) == []
