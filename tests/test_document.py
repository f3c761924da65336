"""Issue 28: the office's 经济运行分析 in Word, drafted from the data (``muye report --docx``).

The store holds the two SYNTHETIC GBK bureau tables of issue 26 (1-6月 and 1-9月,
tests/data/quarterly/synthetic_bureau_2024_*), ingested into a temporary folder. The document is
written once per session through the command line and read back with python-docx: its headings,
tables, period, type and page setup. Expected numbers are computed here from DOMAIN.md's
formula, not read back from the code.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from muye_analysis import cli
from muye_analysis.document import NoYearToDateData, build_analysis
from muye_analysis.document import word as layout
from muye_analysis.quarterly import ingest_quarterly, read_store

DATA = Path(__file__).parent / "data" / "quarterly"
TABLES = (DATA / "synthetic_bureau_2024_h1_gbk.csv", DATA / "synthetic_bureau_2024_q3_gbk.csv")
TODAY = date(2024, 10, 20)
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
FILE_NAME = re.compile(r"[\w.\-\[\]]+\.(?:csv|xlsx|xls|txt)")


@pytest.fixture(scope="session")
def bureau_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("doc_store")
    for path in TABLES:
        ingest_quarterly(path, store_dir=folder)
    return folder


@pytest.fixture(scope="session")
def written(bureau_store, tmp_path_factory):
    """`muye report --docx` on the store: (exit code, path, python-docx Document)."""
    out = tmp_path_factory.mktemp("doc_out") / "经济运行分析.docx"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MUYE_PROCESSED_DIR", str(bureau_store))
        env.setenv("MUYE_BUILD_DIR", str(out.parent / "build"))
        code = cli.main(["report", "--docx", str(out)])
    return code, out, docx.Document(str(out))


@pytest.fixture(scope="session")
def zh_content(bureau_store):
    return build_analysis(store=read_store(bureau_store), today=TODAY, charts=False)


@pytest.fixture(scope="session")
def en_content(bureau_store):
    return build_analysis(lang="en", store=read_store(bureau_store), today=TODAY, charts=False)


def _styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def _body(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


# -- the document as a file ---------------------------------------------------------------------


@pytest.mark.slow
def test_muye_report_writes_a_word_document_of_its_type_and_period(written):
    code, path, document = written
    assert code == 0
    with zipfile.ZipFile(path) as z:
        assert "word/document.xml" in z.namelist()
    props = document.core_properties
    assert props.category == "经济运行分析"
    assert props.title == "牧野区2024年1-9月经济运行分析"
    assert props.subject == props.keywords == "2024年1-9月"
    assert props.content_status.startswith("初稿") and "示例数据" in props.content_status
    assert props.author == "牧野区发展和改革委员会"


@pytest.mark.slow
def test_the_first_page_has_title_period_issuer_date_draft_line_and_synthetic_stamp(written):
    document = written[2]
    first = [p.text for p in document.paragraphs[:6]]
    assert first[0] == "牧野区2024年1-9月经济运行分析"
    assert first[1] == "（数据截至2024年1-9月）"
    assert first[2] == "编制单位：牧野区发展和改革委员会"
    assert first[3].startswith("日期：")
    assert first[4].startswith("初稿：本稿由程序根据统计数据于") and "自动生成" in first[4]
    assert first[5].startswith("示例数据（合成），非真实统计")
    stamp = document.paragraphs[5].style
    assert str(stamp.font.color.rgb) == layout.STAMP_RGB
    assert document.paragraphs[0].style.font.size == Pt(22)


@pytest.mark.slow
def test_the_headings_are_numbered_in_the_bureaus_order(written):
    document = written[2]
    assert _styled(document, "Heading 1") == [
        "一、总体情况", "二、主要指标完成情况", "三、在全市的位次", "四、需关注的问题",
        "五、下一步需关注",
    ]  # fmt: skip
    seconds = _styled(document, "Heading 2")
    subjects = ["规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入",
                "新增城镇就业"]  # 工业 → 投资 → 消费 → 财政 → 就业  # fmt: skip
    assert [h[:3] for h in seconds] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert [next(s for s in subjects if s in h) for h in seconds] == subjects
    # each heading is a judgement the figures support: every growth rose from 1-6月 to 1-9月
    # (industry 7.2 → 7.6) and stayed under its target; jobs 76.9% done against 75.0% elapsed
    assert seconds[0] == "（一）规模以上工业增加值增速较上半年回升，低于预期目标"
    assert seconds[4] == "（五）新增城镇就业超序时进度"


@pytest.mark.slow
def test_the_progress_table_is_a_word_table_with_the_figures_and_the_growth_needed(written):
    table = written[2].tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "指标", "全年目标", "累计完成", "序时进度", "完成进度／其余月份需增长", "状态"]  # fmt: skip
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    # GDP: w = 上年同期 163.3 ÷ the report's 2023 level 232.1; (6 − w × 5.2) ÷ (1 − w)
    w = 163.3 / 232.1
    need = (6 - w * 5.2) / (1 - w)
    assert f"{need:.1f}" == "7.9"
    assert rows["地区生产总值"] == ["地区生产总值", "增长6%以上", "增长5.2%", "—", "需增长7.9%",
                                    "预警"]  # fmt: skip
    # 重点项目: 141 of 180 = 78.3% done against 9 ÷ 12 = 75.0% elapsed
    assert rows["重点项目完成投资"][2:] == ["141亿元", "75.0%", "78.3%", "正常"]
    assert rows["500万元以上重点项目个数"][2:] == ["—", "—", "—", "暂无数据"]
    assert rows["锂离子动力电池产业园总投资"][-1] == "项目（不考核）"
    assert "工业" in rows and "投资" in rows  # group rows span the table
    assert len(table.rows[rows_index(table, "工业")].cells[0]._tc.xpath("./w:tcPr/w:gridSpan"))


def rows_index(table, first: str) -> int:
    return next(i for i, r in enumerate(table.rows) if r.cells[0].text == first)


@pytest.mark.slow
def test_tables_fit_the_text_block_with_fixed_widths_and_a_repeated_header(written):
    for table in written[2].tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) <= Mm(156).twips + len(grid)  # rounding: a twip a column
        assert sum(grid) >= Mm(155).twips
        layout_el = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout_el is not None and layout_el.get(qn("w:type")) == "fixed"
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


@pytest.mark.slow
def test_the_page_is_set_up_as_gb_t_9704(written):
    document = written[2]
    section = document.sections[0]
    # (stored in twips: within a twip of the millimetres)
    got = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
           section.left_margin, section.right_margin)  # fmt: skip
    want = (Mm(210), Mm(297), Mm(37), Mm(35), Mm(28), Mm(26))
    assert all(abs(g - w) <= Pt(0.05) for g, w in zip(got, want, strict=True)), got
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    # 22 lines of 28.95 pt in the 225 mm text block; 28 characters of 16 pt less 0.25 pt
    assert int(225 / (25.4 / 72) // (579 / 20)) == 22 == layout.LINES
    assert int(156 / (25.4 / 72) // (16 + layout.TRACKING_TWIPS / 20)) == 28 == layout.CHARS
    body = document.styles["MuyeBody"]
    assert body.paragraph_format.line_spacing == Pt(28.95)
    assert body.element.rPr.find(qn("w:spacing")).get(qn("w:val")) == "-5"
    assert body.element.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("style", "east_asian", "size"),
    [("MuyeTitle", "方正小标宋简体", 22), ("Heading 1", "黑体", 16),
     ("Heading 2", "楷体_GB2312", 16), ("MuyeBody", "仿宋_GB2312", 16),
     ("Normal", "仿宋_GB2312", 16)],
)  # fmt: skip
def test_styles_set_the_east_asian_font_slot_and_the_official_sizes(written, style, east_asian,
                                                                     size):  # fmt: skip
    found = written[2].styles[style]
    fonts = found.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == east_asian
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    assert fonts.get(qn("w:asciiTheme")) is None  # a theme font would override the name
    assert found.font.size == Pt(size)
    assert not found.font.bold


@pytest.mark.slow
def test_page_numbers_are_dashes_right_on_odd_pages_and_left_on_even_pages(written):
    document = written[2]
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align in ((section.footer, 2), (section.even_page_footer, 0)):  # RIGHT, LEFT
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == align
        xml = paragraph._p.xml
        assert "PAGE" in xml and 'w:fldCharType="begin"' in xml
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        assert paragraph.runs[0].font.size == Pt(14)


@pytest.mark.slow
def test_charts_are_pictures_the_width_of_the_text_with_captions_and_sources(written):
    document = written[2]
    shapes = document.inline_shapes
    assert len(shapes) == 2
    assert all(abs(s.width - Mm(156)) < Mm(0.1) for s in shapes)
    captions = _styled(document, "MuyeCaption")
    assert any(c.startswith("图1") for c in captions) and any(c.startswith("图2") for c in captions)
    assert sum(t.startswith("资料来源：") for t in _styled(document, "MuyeSmall")) == 2


# -- the words follow the numbers ----------------------------------------------------------------


@pytest.mark.slow
def test_declines_read_下降_and_shortfalls_低于预期目标(written):
    text = _body(written[2])
    # 新增城镇就业 6150 against 6300 last year: (6150 ÷ 6300 − 1) = −2.4%
    assert f"{(6150 / 6300 - 1) * 100:.1f}" == "-2.4"
    assert "比上年同期下降2.4%" in text
    assert "增长-" not in text and "下降-" not in text
    assert "低于全年6%以上的预期目标0.8个百分点" in text  # GDP 5.2 against 6%以上
    assert "未完成" not in text  # a 预期目标's shortfall is never 未完成


@pytest.mark.slow
def test_comparable_prices_only_for_gdp_and_industry_and_a_fixed_note(written):
    document = written[2]
    for paragraph in document.paragraphs:
        for sentence in re.split("。", paragraph.text):
            if "按可比价格计算" in sentence and "附注" not in sentence:
                assert "地区生产总值" in sentence or "规模以上工业增加值" in sentence, sentence
    notes = _styled(document, "MuyeNotes")
    assert any("按可比价格计算" in n and "现价" in n for n in notes)
    assert "实际增长" not in _body(document) and "名义" not in _body(document)


@pytest.mark.slow
def test_the_ranks_come_from_the_district_tables_全市位次_with_their_change(written):
    text = _body(written[2])
    assert "地区生产总值增速居全市第5位，较上半年前移1位" in text  # 6 → 5
    assert "一般公共预算收入增速居全市第4位，较上半年后移1位" in text  # 3 → 4
    assert "一般公共预算收入增速全市位次较上半年后移1位，居第4位" in text  # an issue
    table = written[2].tables[1]
    assert [c.text for c in table.rows[1].cells] == ["地区生产总值", "第5位", "第6位",
                                                      "较上半年前移1位"]  # fmt: skip


@pytest.mark.slow
def test_the_next_figures_must_show_the_growth_needed_and_the_months_left(written):
    text = _body(written[2])
    # 一般公共预算收入: w = 7.89 ÷ 10.74 (the report's 2023 level), ytd (8.34 ÷ 7.89 − 1)
    w, ytd = 7.89 / 10.74, (8.34 / 7.89 - 1) * 100
    need = (8 - w * ytd) / (1 - w)
    assert f"{need:.1f}" == "14.4"
    assert "一般公共预算收入：完成全年8%的预期目标，四季度（余3个月）需增长14.4%" in text
    # 电池产业营业收入: 25亿元 left, 8.3 a month against 55 ÷ 9 = 6.1 so far
    assert "全年目标尚余25亿元，其余3个月月均需完成8.3亿元，高于前三季度月均6.1亿元" in text


@pytest.mark.slow
def test_every_figure_sentence_cites_a_numbered_source(written, zh_content):
    for paragraph in zh_content.section("indicators").blocks:
        if hasattr(paragraph, "sentences"):
            assert all(paragraph.notes), paragraph.sentences
    notes = _styled(written[2], "MuyeNotes")
    numbered = [n for n in notes if n.startswith("[")]
    assert numbered[0].startswith("[1] 全年目标均出自《关于牧野区2023年国民经济和社会发展计划")
    gdp = next(n for n in numbered if n.split(" ", 1)[1].startswith("地区生产总值（2024年1-9月）"))
    assert "synthetic_bureau_2024_q3_gbk.csv第5行“1-9月 增长(%)”列" in gdp
    assert "上期（2024年1-6月）：synthetic_bureau_2024_h1_gbk.csv第5行" in gdp
    assert "上年同期÷上年全年（报告）" in gdp and "地区生产总值增长6%以上" in gdp
    budget = next(n for n in numbered if "一般公共预算收入（2024年1-9月）" in n)
    assert "增速由累计值与上年同期推算" in budget
    marks = re.findall(r"\[(\d+)\]", "".join(r.text for p in written[2].paragraphs
                                             for r in p.runs if r.font.superscript))  # fmt: skip
    assert {int(m) for m in marks} == set(range(1, len(numbered) + 1))


# -- languages, periods, refusals -----------------------------------------------------------------


def test_the_chinese_document_has_no_english_and_the_english_none_chinese(zh_content, en_content):
    zh_text = FILE_NAME.sub("", zh_content.text())
    assert re.findall(r"[A-Za-z]{2,}", zh_text) == []
    en_text = FILE_NAME.sub("", en_content.text())
    assert CJK.findall(en_text) == []
    assert en_content.title == "Muye District: economic performance, Jan-Sep 2024"


def test_as_of_caps_the_period(bureau_store):
    doc = build_analysis("1-6月", store=read_store(bureau_store), today=TODAY, charts=False)
    assert doc.title == "牧野区2024年1-6月经济运行分析"
    assert "前三季度" not in doc.text()
    assert doc.section("ranks") is not None  # the 1-6月 table prints 全市位次 too, no change yet
    assert "前移" not in "".join(p.text for p in doc.section("ranks").blocks
                                 if hasattr(p, "text"))  # fmt: skip


def test_without_year_to_date_figures_the_document_is_refused_and_nothing_written(tmp_path):
    empty = read_store(tmp_path / "no_store")
    with pytest.raises(NoYearToDateData, match="没有2024年的累计数据"):
        build_analysis(store=empty)
    out = tmp_path / "out.docx"
    assert cli.main(["report", "--docx", str(out)]) == 2
    assert not out.exists()


def test_a_period_without_figures_is_refused_naming_it(bureau_store):
    with pytest.raises(NoYearToDateData, match="截至2024年1-3月"):
        build_analysis("1-3月", store=read_store(bureau_store))


def test_with_the_citys_tables_the_ranks_say_the_units_ranked_and_the_gap_to_the_city(city_store):
    doc = build_analysis(store=city_store, today=TODAY, charts=False)
    ranks = doc.section("ranks")
    text = "".join(b.text for b in ranks.blocks if hasattr(b, "sentences"))
    # the SYNTHETIC city table of 1-6月: 牧野区 GDP growth 5.2% against the city's 4.8%, tied
    # 6th (8th in 一季度); 14 units ranked on industry (高新区 listed apart)
    assert ("地区生产总值增速居全市并列第6位（共13个单位参与排名），较一季度前移2位，"
            "高于全市0.4个百分点") in text  # fmt: skip
    assert "规模以上工业增加值增速居全市第13位（共14个单位参与排名）" in text
    table = next(b for b in ranks.blocks if hasattr(b, "frame"))
    assert "排名单位数" in list(table.frame.columns)
    assert any("后移" in h for h in [c.text for c in doc.section("issues").blocks])
