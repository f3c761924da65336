"""The briefing as one standalone HTML file: charts embedded as base64 PNG, no external resources.

It opens in any browser, is readable without Python, and can be mailed as a single attachment.
Chinese text uses the CJK fonts a reader's machine has (Microsoft YaHei on Windows, PingFang on
macOS, Noto/Source Han Sans on Linux); as a last resort the file carries a subset of the
bundled Noto Sans SC with just the characters it uses, so no machine shows empty boxes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import re
from pathlib import Path

from muye_analysis.atomic import atomic_path, write_text_atomic
from muye_analysis.briefing.model import Briefing, ChartSlide, Slide, TableSlide, TextSlide
from muye_analysis.vocab import has_cjk, text

EMBEDDED_FAMILY = "Muye Noto Sans SC"
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", '
    f'"{EMBEDDED_FAMILY}", sans-serif'
)
# Always in the embedded subset: digits, Latin letters and the punctuation numbers come with.
_BASIC = "".join(chr(c) for c in range(0x20, 0x7F)) + "≥≤≈−–—…·•％（）、，。：；“”‘’《》【】"

CSS = """
:root { --ink: #222222; --grey: #6e6e6e; --blue: #0072B2; --fill: #EAF2F8; --rule: #dde1e6; }
* { box-sizing: border-box; }
body { margin: 0; background: #f2f4f7; color: var(--ink); font-family: FONT_STACK;
       line-height: 1.6; -webkit-text-size-adjust: 100%; overflow-wrap: break-word; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 20px 40px; }
header.title { background: #fff; border-left: 10px solid var(--blue); padding: 40px 48px;
               margin-bottom: 20px; }
h1 { font-size: 2.3rem; line-height: 1.25; margin: 0 0 .4em; }
.place, .period { color: var(--blue); font-size: 1.25rem; margin: .15em 0; }
p.stamp { margin: 1em 0 0; font-weight: 700; display: flex; flex-wrap: wrap; gap: .2em 2em; }
ul.vintage { list-style: none; padding: 0; margin: .8em 0 0; color: var(--grey); }
ul.vintage li { margin: .2em 0; }
nav { background: #fff; padding: 16px 48px; margin-bottom: 20px; font-size: .95rem; }
nav ol { margin: 0; padding-left: 1.6em; columns: 2; column-gap: 40px; }
nav li { break-inside: avoid; margin: 0 0 .3em; }
nav a { color: var(--blue); text-decoration: none; }
section { background: #fff; padding: 28px 40px; margin-bottom: 20px; break-inside: avoid; }
h2 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 .6em; }
p.takeaway { background: var(--fill); color: var(--blue); font-weight: 700; font-size: 1.1rem;
             padding: .55em .9em; margin: 0 0 1em; }
figure { margin: 0 0 .8em; }
figcaption { color: var(--grey); font-size: .95rem; margin: 0 0 .3em; }
figure img { display: block; width: 100%; height: auto; border: 1px solid var(--rule); }
p.source { color: var(--grey); font-size: .85rem; margin: .4em 0 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 1rem; }
th { background: var(--blue); color: #fff; font-weight: 700; }
th, td { padding: .55em .8em; border-bottom: 1px solid var(--rule); text-align: center;
         white-space: nowrap; }
th:first-child, td:first-child { text-align: left; white-space: normal; }
tbody tr:nth-child(even) { background: #f5f7fa; }
ul.notes { color: var(--grey); font-size: .9rem; margin: .8em 0 0; padding-left: 1.2em; }
ul.lines { font-size: 1.15rem; padding-left: 1.2em; }
ul.lines li { margin: .4em 0; }
aside.build { background: #fff; color: var(--grey); font-size: .9rem; padding: 16px 40px;
              margin-bottom: 20px; }
aside.build h2 { font-size: 1.1rem; color: var(--ink); }
footer { color: var(--grey); font-size: .8rem; text-align: center; margin-top: 24px; }
/* A phone: one column, tables as cards (each row a card, each cell with its column's name),
   charts drawn for the narrow screen (the <picture> source), nothing wider than the screen. */
@media (max-width: 700px) {
  main { padding: 8px 8px 24px; }
  header.title { padding: 20px 16px; border-left-width: 6px; }
  h1 { font-size: 1.6rem; }
  .place, .period { font-size: 1.05rem; }
  nav { padding: 12px 16px; }
  nav ol { columns: 1; }
  section { padding: 18px 14px; }
  h2 { font-size: 1.2rem; }
  p.takeaway { font-size: 1rem; }
  ul.lines { font-size: 1rem; }
  aside.build { padding: 12px 16px; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { display: none; }
  table.cards tr { border: 1px solid var(--rule); margin: 0 0 10px; padding: 6px 10px;
                   background: #fff; }
  table.cards tbody tr:nth-child(even) { background: #fff; }
  table.cards td { border: none; padding: .2em 0; text-align: left; white-space: normal;
                   display: flex; justify-content: space-between; gap: 1em; }
  table.cards td::before { content: attr(data-label); color: var(--grey); font-weight: 400;
                           text-align: left; flex: 0 1 55%; }
  table.cards td:first-child { font-weight: 700; font-size: 1.05rem; display: block; }
  table.cards td:first-child::before { content: none; }
}
@media print {
  body { background: #fff; }
  nav { display: none; }
  section, header.title { border: none; padding: 12px 0; page-break-inside: avoid; }
}
""".replace("FONT_STACK", FONT_STACK)


def render_html(briefing: Briefing, *, font_face: str = "") -> str:
    """The whole report as one HTML string (``font_face``: an optional ``@font-face`` rule)."""
    lang = briefing.lang
    block = briefing.title
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="muye-analysis (muye brief)">',
        f"<title>{_e(block.title)}</title>",
        f"<style>{font_face}{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        '<header class="title">',
        f"<h1>{_e(block.title)}</h1>",
        f'<p class="place">{_e(block.place)}</p>',
        f'<p class="period">{_e(block.period)}</p>',
        '<p class="stamp">'
        + "".join(
            f'<span class="{c}">{_e(v)}</span>'
            for c, v in (("as-of", block.as_of), ("made", block.made))
            if v
        )
        + "</p>",
        '<ul class="vintage">' + "".join(f"<li>{_e(v)}</li>" for v in block.vintage) + "</ul>",
        "</header>",
        _nav(briefing.slides),
        *(_section(slide) for slide in briefing.slides),
    ]
    if briefing.notes:  # slides left out and why, in the reader's words
        parts.append(
            f'<aside class="build"><h2>{_e(text("html_build_notes", lang))}</h2>'
            + "".join(f"<p>{_e(n)}</p>" for n in briefing.notes)
            + "</aside>"
        )
    parts += [f"<footer>{_e(text('html_footer', lang))}</footer>", "</main>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def write_html(
    briefing: Briefing, path: str | Path, *, font_cache: str | Path | None = None
) -> Path:
    """Write the report to ``path`` atomically; embed a font subset if there is Chinese text.

    ``font_cache`` is a folder where subsets are kept by content hash (subsetting takes a
    couple of seconds; an unchanged report reuses it).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    page = render_html(briefing)  # first without the font, to know which characters it uses
    face = font_face_css(_visible_text(page), Path(font_cache or path.parent))
    if face:
        page = render_html(briefing, font_face=face)
    return write_text_atomic(path, page)


def font_face_css(characters: str, cache_dir: Path) -> str:
    """An ``@font-face`` rule carrying the bundled Noto Sans SC cut down to ``characters``;
    "" when there is no Chinese to show or the bundled font is not installed."""
    from muye_analysis.charts.fonts import bundled_font_path

    font = bundled_font_path()
    if font is None or not has_cjk(characters):
        return ""
    wanted = "".join(sorted(set(characters) | set(_BASIC)))
    digest = hashlib.sha256((font.name + wanted).encode("utf-8")).hexdigest()[:16]
    cached = cache_dir / f".font-subset-{digest}.otf"
    if not cached.exists():
        _write_subset(font, wanted, cached)
    data = base64.b64encode(cached.read_bytes()).decode("ascii")
    return (
        f'@font-face {{ font-family: "{EMBEDDED_FAMILY}"; '
        f'src: url(data:font/otf;base64,{data}) format("opentype"); }}\n'
    )


def _write_subset(font: Path, characters: str, out: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []  # horizontal Chinese needs no OpenType features
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]  # keep the copyright and licence names (SIL OFL)
    options.name_languages = ["*"]
    face = TTFont(str(font), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(face)
    buffer = io.BytesIO()
    face.save(buffer)
    with atomic_path(out) as tmp:
        tmp.write_bytes(buffer.getvalue())


def _visible_text(page: str) -> str:
    without_data = re.sub(r"data:[^\"')]+", "", page)
    return html.unescape(re.sub(r"<[^>]+>", "", without_data))


def _nav(slides: tuple[Slide, ...]) -> str:
    items = "".join(f'<li><a href="#{_e(s.name)}">{_e(s.title)}</a></li>' for s in slides)
    return f"<nav><ol>{items}</ol></nav>"


def _section(slide: Slide) -> str:
    head = f'<section id="{_e(slide.name)}" class="{type(slide).__name__.lower()}">'
    body = [head, f"<h2>{_e(slide.title)}</h2>"]
    if isinstance(slide, ChartSlide):
        body += [f'<p class="takeaway">{_e(slide.takeaway)}</p>', _figure(slide)]
        notes = slide.spec.note_lines if slide.spec is not None else slide.notes
        body.append(_notes(tuple(notes)))
    elif isinstance(slide, TableSlide):
        header = "".join(f'<th scope="col">{_e(c)}</th>' for c in slide.columns)
        rows = "".join(
            "<tr>"
            + "".join(f'<td data-label="{_e(c)}">{_e(v)}</td>'
                      for c, v in zip(slide.columns, row, strict=True))
            + "</tr>"
            for row in slide.rows
        )  # fmt: skip
        body.append(
            f'<div class="table-wrap"><table class="cards"><thead><tr>{header}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )
        body.append(_notes(slide.notes))
    elif isinstance(slide, TextSlide):
        body.append(
            '<ul class="lines">' + "".join(f"<li>{_e(x)}</li>" for x in slide.lines) + "</ul>"
        )
        body.append(_notes(slide.notes))
    body += [f'<p class="source">{_e(slide.source)}</p>', "</section>"]
    return "\n".join(body)


PHONE_WIDTH = 700  # px: below it the report shows each chart's phone drawing


def _figure(slide: ChartSlide) -> str:
    """The chart once: what it shows as the caption (the heading states the message), its
    picture drawn without title, notes or source (the section prints each once), and its
    drawing for a phone's screen where there is one."""
    caption = slide.topic if slide.topic and slide.topic != slide.takeaway else ""
    data = base64.b64encode(Path(slide.image).read_bytes()).decode("ascii")
    source = ""
    if slide.phone_image is not None:
        phone = base64.b64encode(Path(slide.phone_image).read_bytes()).decode("ascii")
        source = (f'<source media="(max-width: {PHONE_WIDTH}px)" '
                  f'srcset="data:image/png;base64,{phone}">')  # fmt: skip
    return (
        "<figure>"
        + (f"<figcaption>{_e(caption)}</figcaption>" if caption else "")
        + f'<picture>{source}<img src="data:image/png;base64,{data}" '
        f'alt="{_e(slide.takeaway)}"></picture></figure>'
    )


def _notes(notes: tuple[str, ...]) -> str:
    if not notes:
        return ""
    return '<ul class="notes">' + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)
