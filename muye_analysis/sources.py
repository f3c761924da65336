"""Sources by issuer: who published a figure, in which document, and when; never a mirror's URL.

A source line on a chart, slide or report section names the issuing body, the document and its
date: 牧野区发展和改革委员会《关于牧野区…的报告》（YYYY年初）. Where the project read a figure
from a mirror or a repost, the URL stays with the figure, in the raw file's rows and origin
record: the reader of a slide needs the issuer, the auditor the URL.

* A plan report: its origin record's ``issuer_<lang>`` (else its ``issuing_body_<lang>`` up to
  the first bracket or comma), its title, and ``presented`` (early YYYY → YYYY年初).
* A comparator figure (``data/raw/context``): ``data/curated/issuers.csv``, matched on the row's
  source title, each issuer with the basis on which it is known.
* A year-to-date table: its title row, parsed by :func:`parse_table_title` into the period, the
  area whose statistics bureau issued it, the title, the date it was tabulated (制表日期) and its
  default unit. The unit belongs to the cells (a table "单位：万元" may still give GDP in 亿元) and
  never goes into a source line; the raw title row is never pasted.

This module returns the parts in the language asked for; ``muye_analysis.vocab`` words the line.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from muye_analysis import config

ISSUERS_CSV = config.CURATED / "issuers.csv"
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip
_WHEN = re.compile(r"\b(early|mid|late)?[\s-]*((?:19|20)\d\d)\b", re.IGNORECASE)
_PART_ZH = {"early": "初", "mid": "中", "late": "末"}
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True)
class Citation:
    """Who issued a figure, the document, and its date (already in the citation's language)."""

    issuer: str
    document: str = ""
    date: str = ""


def date_text(value: str, lang: str) -> str:
    """'YYYY-03-19' → 'YYYY年3月19日' / '19 March YYYY'; 'YYYY' → 'YYYY年' / 'YYYY'; 'early YYYY'
    → 'YYYY年初' / 'early YYYY'; '' stays ''."""
    value = str(value or "").strip()
    match = _ISO.match(value)
    if match:
        year, month, day = match.groups()
        if lang == "zh":
            return (
                f"{year}年"
                + (f"{int(month)}月" if month else "")
                + (f"{int(day)}日" if day else "")
            )
        if month and day:
            return f"{int(day)} {_MONTHS_EN[int(month) - 1]} {year}"
        return f"{_MONTHS_EN[int(month) - 1]} {year}" if month else year
    found = _WHEN.search(value)
    if found is None:
        return ""
    part, year = (found.group(1) or "").lower(), found.group(2)
    return f"{year}年{_PART_ZH.get(part, '')}" if lang == "zh" else f"{part} {year}".strip()


def report_citation(report, lang: str) -> Citation:
    """The issuer, title and date of a plan report (a :class:`~muye_analysis.reports.Report`),
    from its origin record."""
    from muye_analysis.provenance import read_sidecar

    meta = read_sidecar(report.path)
    issuer = str(meta.get(f"issuer_{lang}") or "").strip()
    if not issuer:
        body = str(meta.get(f"issuing_body_{lang}") or "").strip()
        issuer = re.split(r"[（(,，]", body, maxsplit=1)[0].strip()
    title = report.title_zh if lang == "zh" else report.title_en
    return Citation(issuer=issuer, document=title, date=date_text(report.presented, lang))


@functools.cache
def _issuers(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["match"]: row for row in csv.DictReader(handle)}


def issuers() -> dict[str, dict[str, str]]:
    """The curated issuers: ``title:<source title>`` and ``area:<area>`` → the row."""
    return _issuers(config.CURATED / ISSUERS_CSV.name)  # the data folder in force now


def titled_citation(title: str, lang: str) -> Citation | None:
    """The citation of a comparator source known by its title in the raw data; None if the
    issuer table does not know it."""
    row = issuers().get(f"title:{title}")
    if row is None:
        return None
    return Citation(row[f"issuer_{lang}"], row[f"document_{lang}"], date_text(row["date"], lang))


def area_issuer(area: str, lang: str) -> str:
    """The statistics bureau of ``area`` (牧野区统计局 / Muye District Bureau of Statistics);
    for an area the issuer table does not list, '<area>统计局' in Chinese and '' in English."""
    row = issuers().get(f"area:{area}")
    if row is not None:
        return row[f"issuer_{lang}"]
    return f"{area}统计局" if lang == "zh" and area else ""


@dataclass(frozen=True)
class TableTitle:
    """A year-to-date table's title row, read into its parts."""

    title: str  # the title without remarks in brackets: YYYY年1-9月牧野区主要经济指标
    period: object | None  # a periods.Period, or None
    area: str  # the area whose bureau issued it: 牧野区, or 新乡市 for a table of every unit
    tabulated: str  # 制表日期 as ISO (YYYY-10-15), or ''
    unit: str  # the table's default unit (单位：万元), or ''
    remarks: tuple[str, ...]  # the bracketed remarks (合成数据，仅供测试…)
    every_unit: bool  # a city table of every county-level unit


_TABULATED = re.compile(r"(?:制表|填报|发布|统计)日期\s*[:：]\s*(\d{4})\s*[年\-./]\s*(\d{1,2})\s*"
                        r"[月\-./]\s*(\d{1,2})\s*日?")  # fmt: skip
_UNIT = re.compile(r"单位\s*[:：]\s*([^\s,，;；]+(?:[、,，][^\s,，;；]+)*)")
_BRACKETS = re.compile(r"[（(]([^（）()]*)[）)]")
_EVERY_UNIT = re.compile(r"各县\s*[（(]\s*市\s*[、,，]\s*区\s*[）)]|各县市区|各县（市）区")


def parse_table_title(text: object) -> TableTitle | None:
    """The parts of a bureau table's title row as the store keeps it (title, 制表日期 and 单位
    joined by spaces), or None when it does not read as a dated table title."""
    from muye_analysis.periods import find_span

    raw = " ".join(str(text or "").split())
    if not raw:
        return None
    tabulated = ""
    found = _TABULATED.search(raw)
    if found:
        year, month, day = (int(g) for g in found.groups())
        tabulated = f"{year:04d}-{month:02d}-{day:02d}"
    unit_match = _UNIT.search(raw)
    unit = unit_match.group(1) if unit_match else ""
    head = raw
    for cut in (found, unit_match):
        if cut is not None:
            head = head.replace(cut.group(0), " ")
    head = re.sub(r"(?:制表|填报|发布|统计)日期\s*[:：]?", " ", head)
    remarks = tuple(
        m.strip() for m in _BRACKETS.findall(head) if not _EVERY_UNIT.search(f"各县({m})")
    )
    every_unit = bool(_EVERY_UNIT.search(head))
    title = head
    for remark in remarks:
        title = re.sub(r"[（(]\s*" + re.escape(remark) + r"\s*[）)]", "", title)
    title = " ".join(title.split()).strip(" ,，;；")
    title = re.sub(r"\(([^()]*)\)", r"（\1）", title)  # brackets as a Chinese title prints them
    span = find_span(title)
    period = None
    if span is not None and span.year is not None:
        from muye_analysis.periods import Period

        period = Period(span.year, span.end_month, span.start_month)
    if period is None:
        return None
    area = config.CITY_ZH if every_unit else _area_in(title)
    return TableTitle(title, period, area, tabulated, unit, remarks, every_unit)


def _area_in(title: str) -> str:
    for area in (config.DISTRICT_ZH, config.CITY_ZH):
        if area in title:
            return area
    found = re.search(
        r"([\u4e00-\u9fff]{1,6}?(?:区|县|市|省))",
        re.sub(r"^\d{4}年[\d\-—－~～至月季度上下半年前三]*", "", title),
    )
    return found.group(1) if found else ""


def table_citation(text: object, lang: str) -> Citation | None:
    """A year-to-date table cited by its issuer, title and tabulation date, from its stored
    title row; None when the text is not a table title."""
    parsed = parse_table_title(text)
    if parsed is None:
        return None
    issuer = area_issuer(parsed.area, lang)
    document = parsed.title if lang == "zh" else _title_en(parsed)
    return Citation(issuer, document, date_text(parsed.tabulated, lang))


def _title_en(parsed: TableTitle) -> str:
    period = parsed.period.label("en") if parsed.period is not None else ""
    if parsed.every_unit:
        return f"Main economic indicators by county, city and district, {period}"
    if "主要经济指标" in parsed.title:
        area = config.DISTRICT_EN if parsed.area == config.DISTRICT_ZH else "Xinxiang"
        return f"Main economic indicators of {area}, {period}"
    return f"Year-to-date table, {period}"


__all__ = [
    "ISSUERS_CSV", "Citation", "TableTitle", "area_issuer", "date_text", "issuers",
    "parse_table_title", "report_citation", "table_citation", "titled_citation",
]  # fmt: skip
