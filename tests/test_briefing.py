"""The briefing pack built from the bundled data: the deck read back, and the HTML report.

Both languages are built once for the module (about 10 s); every test reads the same files.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from briefing_helpers import (
    PLACEHOLDER_PROMPTS,
    all_text,
    chart_font_sizes,
    charts,
    pictures,
    runs,
    shape_named,
    slide_title,
    table_rows,
    text_overflows,
    typeface,
)
from lxml import etree
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from muye_analysis import cli, vocab
from muye_analysis.briefing import BriefingResult, build_briefing, output_paths
from muye_analysis.briefing.deck import EA_FONT, write_deck
from muye_analysis.briefing.html_report import FONT_STACK
from muye_analysis.chart_spec import undrawn_notes
from muye_analysis.charts.export import REPORT_CHARTS
from muye_analysis.vocab import has_cjk

pytestmark = pytest.mark.slow  # builds the deck and HTML report in both languages

# Every title states its message (issue 19): computed from the data, like the takeaways.
TITLES = {
    "zh": [
        "牧野区经济运行简报",
        "总体判断：2024年3项可比增长目标均高于2023年增速",
        "2024年3项可比增长目标均高于2023年增速",
        "税收占比居全市第1位，规上工业增加值增速居第12位",
        "2023年地区生产总值占全市6.9%；一般公共预算收入增长2.0%，低于全市（增长6.4%）",
        "规上工业增加值增速目标比2023年增速高7.8个百分点",
        "按目标推算，2024年地区生产总值≥246.0亿元（按2023年价格）",
        "6项可比任务目标中4项低于2023年完成值",
        "计划目标的内在一致性：2处口径不同值得核实",
        "亮点、短板与风险：亮点6项、短板2项、风险4项",
        "下一步需关注：2项目标进度、2个口径问题、2项数据缺口",
    ],
    "en": [
        "Muye District: economic briefing",
        "Overall: all 3 comparable 2024 growth targets exceed 2023 growth",
        "All 3 comparable 2024 growth targets exceed 2023 growth",
        # one English name per indicator, the NBS term (issue 23)
        "Tax revenue share ranks 1st in the city, Value added of industrial enterprises above "
        "designated size growth 12th",
        "2023: GDP 6.9% of the city's total; General public budget revenue grew 2.0%, below the "
        "city's 6.4%",
        "Value added of industrial enterprises above designated size: growth target 7.8 pp above "
        "2023 growth",
        "Targets imply 2024 GDP ≥RMB 24.60 bn (at 2023 prices)",  # RMB bn: 246.0亿元, every digit
        "4 of 6 comparable task targets are below the 2023 outcome",
        "Internal consistency of the plan: 2 points to check across different measures",
        "Strengths, weaknesses and risks: 6, 2 and 4",
        "To watch next: 2 targets' progress, 2 questions of measurement, 2 data gaps",
    ],
}
# Worked out by hand from the report (see test_briefing_takeaways.py for the arithmetic).
TAKEAWAYS_ZH = {
    "rank_scorecard": "牧野区2023年主要指标全市排名",  # the title says the message: the topic
    "growth_gap": (
        "规上工业增加值增速目标8%，2023年增长0.2%，目标高7.8个百分点；"
        "地区生产总值、固定资产投资2023年增速未公布"
    ),
    "projected_levels": (
        "按目标推算2024年地区生产总值≥246.0亿元（按2023年价格）、一般公共预算收入11.60亿元、"
        "社会消费品零售总额85.9亿元"
    ),
}
HEADLINE_ROWS_ZH = [
    ("指标", "2023年总量", "2023年完成", "2024年目标", "差距（个百分点）", "口径"),
    ("地区生产总值", "232.1亿元", "未公布", "增长6%以上", "—", "可比价"),
    ("规模以上工业增加值", "未公布", "增长0.2%", "增长8%", "+7.8", "可比价"),
    ("固定资产投资", "未公布", "未公布", "增长9%", "—", "现价"),
    ("一般公共预算收入", "10.74亿元", "增长2.0%", "增长8%", "+6.0", "现价"),
    ("社会消费品零售总额", "78.8亿元", "增长4.9%", "增长9%", "+4.1", "现价"),
    ("城镇调查失业率", "—", "未公布", "5.5%左右", "—", "比率"),
]
SUMMARY, TABLE = 1, 2  # slide indexes: after the cover
CHART_SLIDES = range(3, 3 + len(REPORT_CHARTS))  # after the cover, summary and table
PLAN, CLOSING, NEXT = (3 + len(REPORT_CHARTS) + i for i in range(3))
MIN_POINTS = 10


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
def test_every_chart_slide_is_a_native_chart_with_its_data_embedded(decks, lang):
    for index in CHART_SLIDES:
        slide = decks[lang].slides[index]
        assert pictures(slide) == [], slide_title(slide)
        frames = charts(slide)
        assert frames, slide_title(slide)
        for frame in frames:
            workbook = frame.chart.part.chart_workbook.xlsx_part
            assert workbook is not None and len(workbook.blob) > 1000, slide_title(slide)
            assert frame.left >= 0 and frame.left + frame.width <= decks[lang].slide_width
            assert frame.top + frame.height <= decks[lang].slide_height


def test_growth_gap_chart_holds_the_report_numbers(decks):
    (frame,) = charts(decks["zh"].slides[CHART_SLIDES[REPORT_CHARTS.index("growth_gap")]])
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    outcome, target = chart.plots[0].series
    # 2023 growth as printed (GDP and investment not stated), 2024 targets of part 二
    assert list(outcome.values) == [None, 0.2, None, 2.0, 4.9]
    assert list(target.values) == [6.0, 8.0, 9.0, 8.0, 9.0]
    categories = list(chart.plots[0].categories)
    assert categories[0] == "地区生产总值（可比价）"
    assert categories[3] == "一般公共预算收入（现价）"
    # 未公布 where the outcome's column would be: a data label on the empty point, drawn at zero
    # height (the embedded cell stays empty), and the gap over each target (issue 23)
    assert _labels(outcome) == ["2023年未公布", "0.2%", "2023年未公布", "2.0%", "4.9%"]
    assert _labels(target) == ["6%以上", "8%+7.8个百分点", "9%", "8%+6.0个百分点", "9%+4.1个百分点"]
    assert chart._chartSpace.xpath("//c:dispBlanksAs/@val") == ["zero"]


def _labels(series) -> list[str]:
    """The data labels of a native chart's series, one per labelled point (its lines joined)."""
    return ["".join(t.text for t in d.xpath(".//a:t"))
            for d in series._element.xpath("./c:dLbls/c:dLbl")]  # fmt: skip


def test_rank_chart_places_each_rank_as_a_dot(decks):
    (frame,) = charts(decks["zh"].slides[CHART_SLIDES[REPORT_CHARTS.index("rank_scorecard")]])
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.XY_SCATTER
    by_name = {series.name: series for series in chart.plots[0].series}
    thirds = ["前三分之一", "中间三分之一", "后三分之一"]
    ranks = sorted({float(v.text) for name in thirds
                    for v in by_name[name]._element.xpath("./c:xVal//c:v")})  # fmt: skip
    assert ranks == [1, 5, 6, 9, 12]  # 税收占比, 地区生产总值, 社零 level, 社零 growth, 规上工业
    # the top third's single point is repeated (LibreOffice draws only the last series of an XY
    # chart whose first series is shorter than another), the copies on it and unlabelled
    top = by_name["前三分之一"]
    assert {float(v.text) for v in top._element.xpath("./c:xVal//c:v")} == {1.0}
    assert _labels(top) == ["税收占比 第1位"]
    # the standings without a rank, the frame size and the thirds are in the chart itself
    assert _labels(by_name["定性表述（无具体名次）"]) == [
        "脱贫成果巩固：第一方阵（无具体名次）", "三通一规范：全市前列（无具体名次）",
    ]  # fmt: skip
    xml = etree.tostring(chart._chartSpace, encoding=str)
    assert "共13个单位参与排名，单位数为假设" in xml
    for band in ("前三分之一（第1-4位）", "中间三分之一（第5-8位）", "后三分之一（第9-13位）"):
        assert band in xml


def test_no_text_in_the_deck_is_under_10_points(decks):
    for lang, prs in decks.items():
        for slide in prs.slides:
            for run in runs(slide):
                assert run.font.size is not None and run.font.size.pt >= MIN_POINTS, (
                    lang, slide_title(slide), run.text)  # fmt: skip
            for frame in charts(slide):
                sizes = chart_font_sizes(frame.chart)
                assert sizes and min(sizes) >= MIN_POINTS, (lang, slide_title(slide))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_title_one_source_and_a_page_number_on_every_content_slide(decks, lang):
    slides = list(decks[lang].slides)
    total = len(slides)
    for n, slide in enumerate(slides[1:], start=2):
        assert slide_title(slide)
        assert len([s for s in slide.shapes if s.name == "Source"]) == 1
        assert shape_named(slide, "Page number").text_frame.text == f"{n} / {total}"
        for frame in charts(slide):  # a chart never repeats the slide's title
            assert not frame.chart.has_title or (
                frame.chart.chart_title.text_frame.text != slide_title(slide)
            )


def test_summary_slide_opens_the_deck_with_computed_judgements(decks):
    slide = decks["zh"].slides[SUMMARY]
    assert slide_title(slide).startswith("总体判断：")
    lines = [p.text for p in shape_named(slide, "Sentences").text_frame.paragraphs]
    assert 3 <= len(lines) <= 5
    # 232.1亿元 and 第5位 from the report; 232.1 / 3347.6 = 6.93% of the city
    assert lines[0] == "2023年地区生产总值232.1亿元，总量居全市第5位，占全市6.9%。"
    assert lines[1].startswith("全市排名有强有弱（按13个排名单位三等分）")  # 1st and 12th
    assert "规模以上工业增加值（目标8%，2023年增长0.2%，高7.8个百分点）" in lines[2]
    assert lines[3].startswith("值得关注：")  # 口径 differ: a question, not 不匹配
    english = [p.text for p in shape_named(decks["en"].slides[SUMMARY], "Sentences")
               .text_frame.paragraphs]  # fmt: skip
    assert english[0] == (
        "GDP was RMB 23.21 bn in 2023, 5th in the city by size, 6.9% of the city's total."
    )


def test_plan_consistency_slide_draws_the_judgements_from_the_data(decks):
    slide = decks["zh"].slides[PLAN]
    text = all_text(slide)
    assert "固定资产投资目标增长9%" in text
    assert "重点项目投资目标仍为180亿元以上（2023年完成180亿元）" in text
    assert "项目个数由431个降至200个以上" in text
    # (10.74 × 1.08 − (10.74 − 10.23)) ÷ 10.23 − 1 = 8.40%
    assert "税收占比95.3%" in text and "税收需增长约8.4%（2023年增长2.1%）" in text
    # nominal revenue and real value added: a question, never subtracted (no 相差26.8个百分点)
    assert "值得关注：电池产业链营业收入增长27%（现价，含中间投入）" in text
    assert "相差" not in text and "26.8" not in text
    assert "报告未给出2023年地区生产总值、固定资产投资增速" in text
    assert "税收占比 = 税收收入 ÷ 一般公共预算收入。" in text  # the term defined
    notes = slide.notes_slide.notes_text_frame.text
    assert "假设非税收入持平" in notes


def test_closing_slide_names_strengths_weaknesses_and_risks(decks):
    lines = [p.text for p in shape_named(decks["zh"].slides[CLOSING], "Sentences")
             .text_frame.paragraphs]  # fmt: skip
    # 亮点: a top-third rank and the achievements the report states (not the fastest growth,
    # which compared nominal and real rates); 短板: bottom-third ranks.
    assert lines == [
        "亮点：2023年税收占比第1位；重点项目投资完成率104.6%；省市重点项目投资完成率145%；"
        "新增城镇就业8317人，超额完成目标任务等，共6项",
        "短板：2023年规上工业增加值增速第12位；2023年社会消费品零售总额增速第9位",
        "风险：规上工业增加值需由2023年增长0.2%提速到8%；一般公共预算收入需由2023年增长2.0%"
        "提速到8%；收入目标几乎全靠税收（非税持平时税收需增长约8.4%）；"
        "地区生产总值、固定资产投资缺少2023年增速基准",
    ]


def test_next_steps_slide_closes_with_what_to_watch(decks):
    lines = [p.text for p in shape_named(decks["zh"].slides[NEXT], "Sentences")
             .text_frame.paragraphs]  # fmt: skip
    assert lines[0].startswith("2024年累计数据尚未到位")
    assert not any("data/" in line for line in lines)  # no folder names on a slide
    assert any(line.startswith("值得关注：") for line in lines)
    assert not any("建议" in line for line in lines)  # what to watch, never advice


def test_chart_slides_carry_speaker_notes_with_their_assumptions(decks):
    notes = {
        name: decks["zh"].slides[i].notes_slide.notes_text_frame.text
        for name, i in zip(REPORT_CHARTS, CHART_SLIDES, strict=True)
    }
    assert "假设排名单位数：13" in notes["rank_scorecard"]
    assert "未作价格假设，按2023年价格推算" in notes["projected_levels"]
    assert all("编辑数据" in text for text in notes.values())


def test_cover_has_the_as_of_date_and_vintage_and_no_tool_instructions(decks):
    for lang, prs in decks.items():
        text = all_text(prs.slides[0])
        for command in ("muye", "ingest", "重新生成", "rebuild", "run "):
            assert command not in text, (lang, command)
    assert "数据截至：2023年全年（2024年初报告）" in all_text(decks["zh"].slides[0])
    assert "Data as of: full year 2023 (report of early 2024)" in all_text(decks["en"].slides[0])


def test_chart_slides_carry_takeaway_and_source(decks, built):
    slides = {name: decks["zh"].slides[i] for name, i in zip(REPORT_CHARTS, CHART_SLIDES,
                                                               strict=True)}  # fmt: skip
    for name, expected in TAKEAWAYS_ZH.items():
        assert shape_named(slides[name], "Takeaway").text_frame.text == expected
    for slide in slides.values():
        source = shape_named(slide, "Source").text_frame.text
        assert source.startswith(vocab.source_line("zh"))  # the report by its issuer and date
        assert source.startswith("资料来源：牧野区发展和改革委员会《关于牧野区2023年")
    city = shape_named(slides["muye_in_city"], "Source").text_frame.text
    # the city's figures by their issuer: the mirror's URL stays in the data's provenance
    assert "新乡市人民政府《新乡市2024年国民经济和社会发展计划》（2024年3月19日）" in city
    assert "http" not in city and "section" not in city


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
    slide = decks["zh"].slides[TABLE]
    assert table_rows(slide) == HEADLINE_ROWS_ZH
    text = all_text(slide)
    assert (
        "“未公布”表示报告未给出该数值（地区生产总值、规上工业增加值、固定资产投资、失业率），不作推算。"
        in text
    )


def test_title_slide_names_district_period_and_data_vintage(decks):
    text = all_text(decks["zh"].slides[0])
    for expected in (
        "牧野区经济运行简报",
        "河南省新乡市",
        "2023年计划执行情况与2024年计划",
        "《关于牧野区2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划的报告》",
        "2024年初提交",
        "2024年月度、季度统计数据尚未纳入",
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
    embedded = re.findall(r'<img src="data:image/png;base64,([^"]+)"', page)
    phones = re.findall(r'srcset="data:image/png;base64,([^"]+)"', page)
    assert len(embedded) == len(phones) == len(REPORT_CHARTS)
    assert page.count("data:image/") == 2 * len(REPORT_CHARTS)  # a drawing for phones beside it
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
        cells = zip(HEADLINE_ROWS_ZH[0], row, strict=True)
        assert "".join(f'<td data-label="{h}">{cell}</td>' for h, cell in cells) in page
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

    def fake_build(lang="zh", *, build_dir=None, as_of=None, data=None):
        calls.append((lang, build_dir))
        pptx, html = output_paths(lang, tmp_path)
        return BriefingResult(lang, pptx, html, [], ["t"] * 7, seconds=1.25)

    monkeypatch.setattr(briefing, "build_briefing", fake_build)
    assert cli.main(["brief", "--lang", "en", "--build-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert calls == [("en", str(tmp_path))]
    assert "briefing written (7 slides, took 1.3 s)" in out  # 1.25 rounds half up
    assert str(tmp_path / "briefing_en.pptx") in out and str(tmp_path / "briefing_en.html") in out
    assert cli.main(["brief"]) == 0
    assert calls[-1] == ("zh", None)
    out = capsys.readouterr().out
    assert "简报已写入" in out
    assert "简报已写入（7页幻灯片，用时1.3秒）：" in out  # full-width punctuation in Chinese


def test_html_report_shows_no_number_with_five_or_more_decimals(pages):
    for lang, page in pages.items():
        visible = re.sub(r"<(script|style)[\s\S]*?</\1>", "", page)
        visible = re.sub(r"data:[a-z]+/[^\"']+", "", visible)
        visible = re.sub(r"<[^>]+>", " ", visible)
        assert re.findall(r"(?<![\w.])-?\d+\.\d{5,}", visible) == [], lang


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_text_fits_its_box_by_the_fonts_metrics(decks, lang):
    assert text_overflows(decks[lang]) == []


def test_speaker_notes_describe_only_what_the_chart_draws(decks, built):
    """Each chart slide's speaker notes are what it shows and its spec's notes, and every note
    about a mark names a text the chart draws (no arrow described that is not drawn)."""
    from muye_analysis.briefing.catalogue import report_catalogue

    for lang in ("zh", "en"):
        entries = {e.name: e for e in report_catalogue()}
        for name, index in zip(REPORT_CHARTS, CHART_SLIDES, strict=True):
            spec = entries[name].spec(lang)
            slide = decks[lang].slides[index]
            notes = slide.notes_slide.notes_text_frame.text.split("\n")
            framing = (shape_named(slide, "Takeaway").text_frame.text, entries[name].topic(lang),
                       vocab.text("note_chart_data", lang))  # fmt: skip
            assert [n for n in notes if n not in framing] == list(spec.note_lines), (lang, name)
            assert undrawn_notes(spec) == [], (lang, name)
            xml = "".join(
                etree.tostring(frame.chart._chartSpace, encoding=str)
                for frame in charts(decks[lang].slides[index])
            )
            for note in spec.notes:  # what a note explains is in the native chart's XML too
                assert note.evidence in xml or note.evidence in all_text(
                    decks[lang].slides[index]
                ), (lang, name, note.evidence)


def test_no_slide_cites_a_url_or_a_raw_section(decks):
    for lang, prs in decks.items():
        for slide in prs.slides:
            text = all_text(slide)
            assert "http" not in text and "(section" not in text, (lang, slide_title(slide))


def test_english_deck_names_each_indicator_one_way(decks, pages):
    """The NBS term, never an abbreviation beside it (issue 23): one name per indicator."""
    english = "\n".join(all_text(s) for s in decks["en"].slides) + pages["en"]
    others = ("Industrial value added", "Value added of industry above", "Fixed-asset",
              "Budget revenue", "Retail sales", "Gross domestic product", "Tax share")  # fmt: skip
    for other in others:
        assert other not in english, other
    assert "Value added of industrial enterprises above designated size" in english
    assert "Investment in fixed assets" in english
    # one money convention: RMB bn, never 100 million beside it
    assert "100 million" not in english and "RMB 23.21 bn" in english


def test_html_report_states_its_data_date_and_preparation_date_under_the_title(pages):
    for lang, stamp in (("zh", ("数据截至：", "编制日期：")), ("en", ("Data as of:", "Prepared:"))):
        header = pages[lang].split("</header>")[0]
        h1 = header.index("<h1>")
        for word in stamp:
            assert header.index(word) > h1, (lang, word)


def test_html_report_shows_each_charts_title_and_source_once(pages, built):
    from muye_analysis.charts.draw import draw_spec
    from muye_analysis.charts.layout import SOURCE_GID, TITLE_GID, framed_elsewhere

    page = pages["zh"]
    for name in REPORT_CHARTS:
        section = page.split(f'<section id="{name}"')[1].split("</section>")[0]
        assert section.count('<p class="source">') == 1
        assert section.count("<figcaption>") <= 1
    # the pictures leave title, notes and source to the page around them
    from muye_analysis.briefing.catalogue import report_catalogue

    spec = report_catalogue()[0].spec("zh")
    with framed_elsewhere():
        fig = draw_spec(spec)
    try:
        found = [t.get_gid() for t in fig.findobj() if hasattr(t, "get_gid") and t.get_gid()]
        assert TITLE_GID not in found and SOURCE_GID not in found
        assert not any(str(g).startswith("muye-note") for g in found)
    finally:
        plt.close(fig)


def test_html_report_lays_out_for_a_phone(pages):
    page = pages["zh"]
    assert "@media (max-width: 700px)" in page
    assert "nav ol { columns: 1; }" in page
    assert '<table class="cards">' in page and "td::before { content: attr(data-label)" in page
    assert '<source media="(max-width: 700px)" srcset="data:image/png;base64,' in page
