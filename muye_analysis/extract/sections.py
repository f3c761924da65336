"""Where a statement sits in the report: its section, and whether that part reviews or plans.

Plan reports, government work reports and bulletins share one shape: numbered parts (一、二、…)
with sub-parts ((一)(二)…). A part whose heading reviews a year (执行情况, 回顾) holds actuals
for that year; a part whose heading sets goals (目标, 任务, 安排) holds targets for its year. A
text with no such headings (a bulletin extract) is read as actuals with the year stated in each
sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from muye_analysis.extract.dating import head_years

_TOP = re.compile(r"^[ \t]*([一二三四五六七八九十]{1,3})[、.]([^\n]*)", re.M)
_SUB = re.compile(r"^[ \t]*\(([一二三四五六七八九十]{1,3})\)", re.M)
_REVIEW = re.compile(r"执行情况|完成情况|回顾|过去|成绩|进展|主要成就")
_PLAN = re.compile(r"目标|任务|计划|安排|打算|要求|思路|重点工作|工作建议")
_YEAR = re.compile(r"((?:19|20)\d\d)(?:[ \t]?年|(?=[,，、 ]))")  # 回顾2023，…
_TITLE_SPAN = 300  # characters at the top where a title's years are looked for


@dataclass(frozen=True)
class Section:
    """A part of the report from ``start`` to the next heading."""

    start: int
    label: str  # "一(一)", "二", "" before the first heading
    kind: str  # "actual" or "target"
    year: int | None
    year_named: bool = False  # the heading itself names the year (else it is the title's)


def find_sections(text: str) -> list[Section]:
    """Sections in reading order; the first one starts at 0 (text before any heading).

    A part whose heading names no year takes it from the title: the first year for a review
    (YYYY年…统计公报, 关于YYYY年…执行情况与YYYY年…的报告), the second for a plan, if there is one.
    """
    heads = sorted(
        [(m.start(), "top", m) for m in _TOP.finditer(text)]
        + [(m.start(), "sub", m) for m in _SUB.finditer(text)],
        key=lambda h: h[0],
    )
    title_end = min(heads[0][0] if heads else len(text), _TITLE_SPAN)
    # Years of the title, not of its dates (——2023年1月5日在…会议上, 发布时间：2022-10-25).
    title_years = [y.year for y in head_years(text, 0, title_end)]
    defaults = {
        "actual": title_years[0] if title_years else None,
        "target": title_years[1] if len(title_years) > 1 else None,
    }
    sections = [Section(0, "", "actual", defaults["actual"])]
    top_label, top_kind, top_year = "", "actual", defaults["actual"]
    named = None
    for pos, level, m in heads:
        if level == "top":
            top_label = m.group(1)
            top_kind, named = _classify_heading(m.group(2), top_kind)
            top_year = named or defaults[top_kind]
            sections.append(Section(pos, top_label, top_kind, top_year, named is not None))
        elif top_label:
            sections.append(
                Section(pos, f"{top_label}({m.group(1)})", top_kind, top_year, named is not None)
            )
    return sections


def section_at(sections: list[Section], starts: list[int], pos: int) -> Section:
    """The section containing offset ``pos`` (``starts`` are the sections' start offsets)."""
    return sections[bisect.bisect_right(starts, pos) - 1]


# A numbered line this long, with a clause break, is a numbered paragraph, not a heading
# (二、1-5月全市重大项目累计完成投资377.3亿元，完成年度计划投资的33%；…): only its first clause
# can say whether the part reviews or plans.
_PARAGRAPH_LINE = 40
_FIRST_CLAUSE = re.compile(r"[^，,。；;：:]*")


def _classify_heading(heading: str, kind: str) -> tuple[str, int | None]:
    if len(heading.strip()) > _PARAGRAPH_LINE:
        heading = _FIRST_CLAUSE.match(heading.strip()).group()
    # Review words first: "计划执行情况" reviews the plan, it does not set one.
    if _REVIEW.search(heading):
        kind = "actual"
    elif _PLAN.search(heading):
        kind = "target"
    # A part without a year in its heading gets none: a gap is better than a borrowed year.
    years = _YEAR.findall(heading)
    return kind, (int(years[0]) if years else None)
