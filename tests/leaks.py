"""Words of the other language in what users read: the detector behind tests/test_leaks.py.

Chinese output must carry no Latin word and English output no Chinese character, except what
the allow-list below lets through, each for a reason a reader would accept:

* **The user's own files and folders, and web addresses** (``2024年1-9月主要经济指标（示例）.csv``,
  its sheet ``[1-9月]``, ``data/quarterly/``, ``https://…``): they must be found as they are
  named. File and sheet names come from the caller (the inputs it handed over) or are
  recognised by their extension; ASCII paths by their slash. A command the user types is
  written in backquotes (`` `muye history` ``), and a file's checksum is hex digits.
* **Verbatim source text**: a quote of the report, a figure as printed, a source's title, a
  header or a title note of the user's file. A translation would be an invented quote. In a
  table ``muye_analysis.tables.show_table`` marks those cells with the class ``source-text``;
  in running text they stand inside the language's quotation marks (``"本年累计"`` in English).
  Nothing else is exempt.
* **In Chinese output, the abbreviations official Chinese statistics use themselves**: GDP,
  CPI, PPI, PMI (国家统计局 writes GDP in Chinese releases), and the names of the programs the
  user works in, which have no Chinese name: Excel, WPS, PowerPoint, JupyterLab; and the
  notation of time-series models, AR(1), MA(4), which Chinese econometrics writes as it is.
  Nothing else: no indicator id, no code (``met``, ``actual``), no ``pp``, no English unit.

Place names are not exempt in English output: the vocabulary has an English name for every
area the suite shows (``area_<name>`` rows), so 牧野区 in English output is a leak.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path

# Han characters and the full-width punctuation of Chinese text (，（）：、。“”).
HAN = re.compile(
    r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    r"\uff5b-\uff65\u2018-\u201d]+"
)
LATIN_WORD = re.compile(r"[A-Za-z]+")
# In Chinese output: the abbreviations Chinese official statistics print themselves.
ZH_ALLOWED_WORDS = frozenset(
    {"GDP", "CPI", "PPI", "PMI", "Excel", "WPS", "PowerPoint", "JupyterLab"}
)

_URL = re.compile(r"(?:https?|file)://[^\s<>\"'，。；）)]+")
_EXTENSIONS = r"(?:csv|xlsx|xlsm|xls|txt|pptx|html|png|svg|pdf|yml|ipynb|py|sqlite)"
# a file name, in any script, up to its extension (进度.xlsx, muye_plan_report_2023_2024.txt)
_FILE_NAME = re.compile(r"[^\s/:：,，;；()（）\"“”\[\]]*\." + _EXTENSIONS + r"\b")
# a run of path characters holding at least one slash (linear: no nested repetition)
_ASCII_PATH = re.compile(r"[A-Za-z0-9_.~\-]*/[A-Za-z0-9_.~/\-]*")


_CODE = re.compile(r"`[^`\n]+`")  # a command or a name the user types, in backquotes
_CHECKSUM = re.compile(r"\b[0-9a-f]{40,}\b")  # a SHA-256 digest, compared with sha256sum's
# the notation of a time-series model, which Chinese econometrics writes the same way
_MODEL = re.compile(r"(?<![A-Za-z])(?:AR|MA|ARMA|ARIMA|SARIMAX?)\(\d+(?:,\s*\d+)*\)")
_QUOTED = {  # a verbatim quote of a source or of the user's file, in the language's quotes
    "en": re.compile(r'"[^"\n]*"'),
    "zh": re.compile(r"“[^”\n]*”"),
}


def strip_allowed(text: str, lang: str, files: Iterable[str] = ()) -> str:
    """``text`` without what the allow-list lets through (see the module docstring)."""
    for name in sorted({str(f) for f in files if f}, key=len, reverse=True):
        text = text.replace(name, " ")
    for pattern in (_URL, _CODE, _CHECKSUM, _MODEL, _QUOTED[lang], _FILE_NAME, _ASCII_PATH):
        text = pattern.sub(" ", text)
    return text


def leaks(text: str, lang: str, files: Iterable[str] = ()) -> list[str]:
    """The fragments of ``text`` in the other language than ``lang`` (allow-list applied)."""
    text = strip_allowed(text, lang, files)
    if lang == "en":
        return HAN.findall(text)
    return [w for w in LATIN_WORD.findall(text) if w not in ZH_ALLOWED_WORDS]


def leak_lines(text: str, lang: str, files: Iterable[str] = (), where: str = "") -> list[str]:
    """Each line of ``text`` holding a leak, with the leaked fragments: a readable failure."""
    found = []
    for line in text.splitlines():
        hits = leaks(line, lang, files)
        if hits:
            place = f"{where}: " if where else ""
            found.append(f"{place}{line.strip()}  <- {' '.join(dict.fromkeys(hits))}")
    return found


def find_leaks(parts: Iterable[tuple[str, str]], lang: str, files: Iterable[str] = ()) -> list[str]:
    """The leaks of every (where, text) part, each line saying where it is."""
    files = list(files)
    return [line for where, text in parts for line in leak_lines(text, lang, files, where)]


_CELL = re.compile(r"<(t[hd])([^>]*)>([\s\S]*?)</\1>")
_CAPTION = re.compile(r"<caption[^>]*>([\s\S]*?)</caption>")


def html_text(page: str) -> str:
    """The text a reader sees in an HTML fragment (a notebook's table): one line per row, cells
    separated by `` | ``; cells of class ``source-text`` (verbatim quotes) are left out."""
    page = re.sub(r"<(script|style)[\s\S]*?</\1>", "", page)
    lines = [_plain(c) for c in _CAPTION.findall(page)]
    for row in re.findall(r"<tr[\s\S]*?</tr>", page):
        cells = [
            _plain(body) for _, attrs, body in _CELL.findall(row) if "source-text" not in attrs
        ]
        lines.append(" | ".join(cells))
    if not lines:  # no table: the fragment's text
        lines = [_plain(page)]
    return "\n".join(lines)


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment)).strip()


def notebook_parts(executed) -> list[tuple[str, str]]:
    """What an executed notebook shows beyond its source, per cell: every output's text
    (streams, tables, markdown and plain results). Markdown cells are the notebook's own
    narrative, written in both languages side by side on purpose, and code is code: neither
    is output. Charts are images: their words are checked where they are drawn."""
    parts = []
    for number, cell in enumerate(executed.cells, start=1):
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            data = output.get("data", {})
            if kind == "stream":
                body = output.get("text", "")
            elif kind in ("execute_result", "display_data") and "text/html" in data:
                body = html_text(data["text/html"])
            elif kind in ("execute_result", "display_data") and "text/markdown" in data:
                body = data["text/markdown"]
            elif kind in ("execute_result", "display_data") and "image/png" not in data:
                body = data.get("text/plain", "")
            else:
                continue  # a chart, or an error (the notebook tests catch those)
            parts.append((f"cell {number}", body))
    return parts


def deck_parts(path) -> list[tuple[str, str]]:
    """Every word of a .pptx, per slide: text frames, table cells, native charts' titles, axis
    titles, categories and series names, and the speaker notes (python-pptx)."""
    from pptx import Presentation

    deck = Presentation(str(path))
    parts = []
    for number, slide in enumerate(deck.slides, start=1):
        texts = _shape_texts(slide.shapes)
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
        parts.append((f"slide {number}", "\n".join(t for t in texts if t)))
    return parts


def _shape_texts(shapes) -> list[str]:
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    texts = []
    for shape in shapes:
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            texts.extend(_shape_texts(shape.shapes))
            continue
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            texts.extend(" | ".join(c.text for c in row.cells) for row in shape.table.rows)
        if getattr(shape, "has_chart", False) and shape.has_chart:
            texts.extend(_chart_texts(shape.chart))
    return texts


def _chart_texts(chart) -> list[str]:
    texts = []
    if chart.has_title and chart.chart_title.has_text_frame:
        texts.append(chart.chart_title.text_frame.text)
    for axis_name in ("category_axis", "value_axis"):
        try:
            axis = getattr(chart, axis_name)
        except (ValueError, AttributeError):  # a chart without that axis (a pie)
            continue
        if axis.has_title and axis.axis_title.has_text_frame:
            texts.append(axis.axis_title.text_frame.text)
    for plot in chart.plots:
        texts.extend(str(c) for c in plot.categories)
        texts.extend(s.name or "" for s in plot.series)
    return texts


def document_parts(path) -> list[tuple[str, str]]:
    """Every word of a .docx: its paragraphs, table cells and footers (python-docx)."""
    import docx

    document = docx.Document(str(path))
    parts = [("body", "\n".join(p.text for p in document.paragraphs))]
    for number, table in enumerate(document.tables, start=1):
        rows = [" | ".join(cell.text for cell in row.cells) for row in table.rows]
        parts.append((f"table {number}", "\n".join(rows)))
    for section in document.sections:
        parts.append(("footer", "\n".join(p.text for p in section.footer.paragraphs)))
    return [(where, text) for where, text in parts if text.strip()]


def workbook_parts(
    path, verbatim_headers: Iterable[str] = (), quote_headings: Iterable[str] = ()
) -> list[tuple[str, str]]:
    """The text of every cell of an .xlsx, per sheet (its name too), one line per row. Columns
    headed by one of ``verbatim_headers`` (the source's title, the report's quote) and the
    second column of rows under a heading in ``quote_headings`` (a notes sheet's quotes) hold
    verbatim source text and are left out."""
    from openpyxl import load_workbook

    verbatim, headings = set(verbatim_headers), set(quote_headings)
    book = load_workbook(path, read_only=True, data_only=True)
    parts = []
    for sheet in book.worksheets:
        lines, skip, quoting = [sheet.title], set(), False
        for row in sheet.iter_rows(values_only=True):
            cells = ["" if v is None else str(v) for v in row]
            if verbatim & set(cells):
                skip = {j for j, c in enumerate(cells) if c in verbatim}
            if cells and cells[0] in headings:
                quoting = True
            elif cells and cells[0] == "" and not any(cells):
                quoting = False
            keep = [c for j, c in enumerate(cells) if j not in skip and not (quoting and j == 1)]
            if any(keep):
                lines.append(" | ".join(c for c in keep if c))
        parts.append((f"sheet {sheet.title}", "\n".join(lines)))
    book.close()
    return parts


# -- the inputs the tests hand over, and the leaks known to belong to others --------------------

_ROOT = Path(__file__).resolve().parents[1]
# The user's files as they are named (and their sheets), shown as written in either language:
# the SYNTHETIC bureau table and its revision (examples/ytd/), the SYNTHETIC city tables.
FILES = (
    "2024年1-9月主要经济指标（示例）.csv",
    "2024年1-9月主要经济指标（修订）（示例）.xlsx",
    "[1-9月]",
    "[1-5月]",
    "[1-3月]",
    *(p.name for p in (_ROOT / "tests" / "data" / "city").iterdir()),
)

# (language, where the leak is, a pattern of its line, whose it is and what it is)
KNOWN_LEAKS: list[tuple[str, str, str, str]] = [
]  # fmt: skip


def check(parts: list[tuple[str, str]], lang: str, *, stale: bool = True) -> None:
    """Fail on a leak that is not known, and (``stale``) on a known leak of these parts that is
    gone: a run that does not reach a known leak's section passes ``stale=False``."""
    found = find_leaks(parts, lang, FILES)
    known = [k for k in KNOWN_LEAKS
             if k[0] == lang and any(where.startswith(k[1]) for where, _ in parts)]  # fmt: skip

    def is_known(line: str, leak: tuple[str, str, str, str]) -> bool:
        return line.startswith(leak[1]) and re.search(leak[2], line) is not None

    unknown = [line for line in found if not any(is_known(line, k) for k in known)]
    gone = [k[3] for k in known if not any(is_known(line, k) for line in found)]
    assert unknown == [], f"{len(unknown)} line(s) in the other language:\n" + "\n".join(unknown)
    assert gone == [] or not stale, "fixed: remove from KNOWN_LEAKS"
