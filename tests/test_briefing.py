"""The briefing pack built from the bundled data: the deck read back, and the HTML report.

Both languages are built once for the module (about 10 s); every test reads the same files.
"""

from __future__ import annotations

import base64
import re
from io import BytesIO
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from briefing_helpers import (
    PLACEHOLDER_PROMPTS,
    all_text,
    pictures,
    runs,
    shape_named,
    slide_title,
    table_rows,
    typeface,
)
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from muye_analysis import cli
from muye_analysis.briefing import BriefingResult, build_briefing, output_paths
from muye_analysis.briefing.deck import EA_FONT, write_deck
from muye_analysis.briefing.html_report import FONT_STACK
from muye_analysis.charts.export import REPORT_CHARTS
from muye_analysis.charts.labels import has_cjk

TITLES = {
    "zh": [
        "牧野区经济运行简报",
        "主要指标：2023年实际与2024年目标",
        "牧野区2023年主要指标全市排名",
        "牧野区在新乡市中的份额与增速",
        "2024年增长目标与2023年实际增速",
        "按增长目标推算的2024年总量",
        "2024年任务目标相当于2023年实绩的比例",
    ],
    "en": [
        "Muye District: economic briefing",
        "Headline indicators: 2023 actual and 2024 target",
        "Muye District: 2023 ranks in Xinxiang",
        "Muye District within Xinxiang",
        "2024 growth targets against 2023 growth",
        "2024 levels implied by the growth targets",
        "2024 task targets as a share of 2023 outcomes",
    ],
}
# Worked out by hand from the report (see test_briefing_takeaways.py for the arithmetic).
TAKEAWAYS_ZH = {
    "rank_scorecard": "税占比居全市第1位，规上工业增速居第12位",
    "growth_gap": ("规上工业增速目标8%，比2023年实际0.2%高7.8个百分点；GDP、固投2023年增速未公布"),
    "projected_levels": (
        "按目标推算2024年GDP≥246.0亿元（按2023年价格）、财政收入11.60亿元、社零85.9亿元"
    ),
}
HEADLINE_ROWS_ZH = [
    ("指标", "2023年总量", "2023年实际", "2024年目标", "差距（个百分点）", "口径"),
    ("地区生产总值", "232.1亿元", "未公布", "增长6%以上", "—", "实际增速（可比价）"),
    ("规模以上工业增加值", "未公布", "增长0.2%", "增长8%", "+7.8", "实际增速（可比价）"),
    ("固定资产投资", "未公布", "未公布", "增长9%", "—", "名义增速（现价）"),
    ("一般公共预算收入", "10.74亿元", "增长2.0%", "增长8%", "+6.0", "名义增速（现价）"),
    ("社会消费品零售总额", "78.8亿元", "增长4.9%", "增长9%", "+4.1", "名义增速（现价）"),
    ("城镇调查失业率", "—", "未公布", "5.5%左右", "—", "比率"),
]
CHART_SLIDES = range(2, 2 + len(REPORT_CHARTS))  # after the title and the table


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, BriefingResult]:
    out = tmp_path_factory.mktemp("briefing")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MUYE_PROCESSED_DIR", str(out / "processed"))  # no year-to-date store
        mp.setenv("MUYE_FIGURES_DIR", str(out / "figures"))
        results = {lang: build_briefing(lang, build_dir=out) for lang in ("zh", "en")}
    assert not plt.get_fignums(), "the briefing left figures open"
    return results


@pytest.fixture(scope="module")
def decks(built) -> dict[str, Presentation]:
    return {lang: Presentation(str(result.pptx)) for lang, result in built.items()}


@pytest.fixture(scope="module")
def pages(built) -> dict[str, str]:
    return {lang: result.html.read_text(encoding="utf-8") for lang, result in built.items()}


# -- the deck --------------------------------------------------------------------------------


def test_outputs_are_named_by_language(built):
    zh, en = built["zh"], built["en"]
    assert (zh.pptx.name, zh.html.name) == ("briefing.pptx", "briefing.html")
    assert (en.pptx.name, en.html.name) == ("briefing_en.pptx", "briefing_en.html")
    assert zh.pptx.parent == en.pptx.parent
    assert output_paths("en", zh.pptx.parent) == (en.pptx, en.html)
    assert not list(zh.pptx.parent.glob(".*.tmp")), "a temporary file was left behind"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_deck_is_widescreen_16_to_9(decks, lang):
    prs = decks[lang]
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_deck_has_title_headline_table_and_one_slide_per_chart(decks, built, lang):
    titles = [slide_title(s) for s in decks[lang].slides]
    assert titles == TITLES[lang]
    assert built[lang].slide_titles == TITLES[lang]


def test_english_deck_has_no_chinese_in_titles_or_takeaways(decks):
    for slide in decks["en"].slides:
        assert not has_cjk(slide_title(slide))
    for index in CHART_SLIDES:
        assert not has_cjk(shape_named(decks["en"].slides[index], "Takeaway").text_frame.text)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_slide_has_one_picture_at_slide_resolution(decks, lang):
    for index in CHART_SLIDES:
        slide = decks[lang].slides[index]
        (picture,) = pictures(slide)
        blob = picture.image.blob
        assert blob.startswith(b"\x89PNG"), slide_title(slide)
        with Image.open(BytesIO(blob)) as image:
            assert image.width >= int(13.333 * 200)  # a 13.333-inch chart at 200 dpi or more
            assert round(image.info["dpi"][0]) >= 200
        assert picture.left >= 0 and picture.left + picture.width <= decks[lang].slide_width
        assert picture.top + picture.height <= decks[lang].slide_height


def test_chart_slides_carry_takeaway_and_source(decks, built):
    slides = {name: decks["zh"].slides[i] for name, i in zip(REPORT_CHARTS, CHART_SLIDES,
                                                               strict=True)}  # fmt: skip
    for name, expected in TAKEAWAYS_ZH.items():
        assert shape_named(slides[name], "Takeaway").text_frame.text == expected
    for slide in slides.values():
        source = shape_named(slide, "Source").text_frame.text
        assert source.startswith("资料来源：牧野区2023年计划执行情况与2024年计划报告")
    city = shape_named(slides["muye_in_city"], "Source").text_frame.text
    assert "新乡市2024年国民经济和社会发展计划" in city  # the context source of the city figures
    assert "http" in city


def test_no_placeholder_is_left_empty_or_with_prompt_text(decks):
    for lang, prs in decks.items():
        for slide in prs.slides:
            for placeholder in slide.placeholders:
                assert placeholder.text_frame.text.strip(), (lang, slide_title(slide))
            text = all_text(slide)
            assert not any(p in text for p in PLACEHOLDER_PROMPTS), (lang, slide_title(slide))


def test_every_run_with_chinese_has_an_east_asian_font(decks):
    checked = 0
    for slide in decks["zh"].slides:
        for run in runs(slide):
            if has_cjk(run.text):
                assert typeface(run, "a:ea") == EA_FONT, run.text
                assert typeface(run, "a:latin"), run.text
                checked += 1
    assert checked >= 40  # titles, takeaways, sources, notes and every table cell


def test_every_run_in_the_english_deck_sets_both_fonts(decks):
    for slide in decks["en"].slides:
        for run in runs(slide):
            assert (typeface(run, "a:latin"), typeface(run, "a:ea")) == ("Arial", EA_FONT)


def test_headline_table_slide(decks):
    slide = decks["zh"].slides[1]
    assert table_rows(slide) == HEADLINE_ROWS_ZH
    text = all_text(slide)
    assert "“未公布”表示报告未给出该数值（GDP、规上工业、固投、失业率），不作推算。" in text


def test_title_slide_names_district_period_and_data_vintage(decks):
    text = all_text(decks["zh"].slides[0])
    for expected in (
        "牧野区经济运行简报",
        "河南省新乡市",
        "2023年计划执行情况与2024年计划",
        "《关于牧野区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划的报告》",
        "2024年初提交",
        "尚无年初至今统计数据",
    ):
        assert expected in text
    english = all_text(decks["en"].slides[0])
    assert "Presented early 2024 by Muye District people's government" in english


def test_a_failed_save_leaves_the_previous_deck_in_place(built, tmp_path, monkeypatch):
    from muye_analysis.briefing import deck

    target = tmp_path / "briefing.pptx"
    target.write_bytes(b"previous deck")

    class Broken:
        def save(self, path):
            Path(path).write_bytes(b"half a deck")
            raise OSError("disk full")

    monkeypatch.setattr(deck, "build_deck", lambda briefing: Broken())
    with pytest.raises(OSError, match="disk full"):
        write_deck(object(), target)
    assert target.read_bytes() == b"previous deck"
    assert [p.name for p in tmp_path.iterdir()] == ["briefing.pptx"]


# -- the HTML report -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_report_embeds_every_chart_as_its_png(pages, built, lang):
    page = pages[lang]
    embedded = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(embedded) == page.count("data:image/") == len(REPORT_CHARTS)
    files = [p.read_bytes() for p in built[lang].figures]
    assert [base64.b64decode(e) for e in embedded] == files


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_html_report_is_standalone(pages, lang):
    page = pages[lang]
    assert page.startswith("<!DOCTYPE html>")
    assert f'<html lang="{"zh-CN" if lang == "zh" else "en"}">' in page
    assert '<meta charset="utf-8">' in page
    for external in ("<link", "<script", 'src="http', "url(http", "@import"):
        assert external not in page


def test_html_report_has_the_same_words_as_the_deck(pages, decks):
    page = pages["zh"]
    for slide in decks["zh"].slides:
        assert slide_title(slide) in page
    for index in CHART_SLIDES:
        assert shape_named(decks["zh"].slides[index], "Takeaway").text_frame.text in page
    for row in HEADLINE_ROWS_ZH[1:]:
        assert "".join(f"<td>{cell}</td>" for cell in row) in page
    assert '<th scope="col">差距（个百分点）</th>' in page


def test_html_report_uses_a_cjk_font_stack_and_embeds_a_subset_for_chinese(pages):
    assert "Microsoft YaHei" in FONT_STACK and "Noto Sans CJK SC" in FONT_STACK
    assert "PingFang SC" in FONT_STACK and FONT_STACK.endswith("sans-serif")
    for page in pages.values():
        assert f"font-family: {FONT_STACK}" in page
    assert "src: url(data:font/otf;base64," in pages["zh"]
    assert "@font-face" not in pages["en"]  # no Chinese to show


# -- the command line --------------------------------------------------------------------------


def test_muye_brief_prints_what_it_wrote(monkeypatch, capsys, tmp_path):
    import muye_analysis.briefing as briefing

    calls = []

    def fake_build(lang="zh", *, build_dir=None):
        calls.append((lang, build_dir))
        pptx, html = output_paths(lang, tmp_path)
        return BriefingResult(lang, pptx, html, [], ["t"] * 7, seconds=1.25)

    monkeypatch.setattr(briefing, "build_briefing", fake_build)
    assert cli.main(["brief", "--lang", "en", "--build-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert calls == [("en", str(tmp_path))]
    assert "briefing written (7 slides, took 1.2 s)" in out
    assert str(tmp_path / "briefing_en.pptx") in out and str(tmp_path / "briefing_en.html") in out
    assert cli.main(["brief"]) == 0
    assert calls[-1] == ("zh", None)
    assert "简报已写入" in capsys.readouterr().out
