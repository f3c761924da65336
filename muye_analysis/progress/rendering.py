"""The 进度监测 table for people: headers in a language, the terminal text, slide words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import config, units
from muye_analysis.progress.rules import (
    CUMULATIVE,
    GROWTH,
    POINT,
    STATUS_TEXT,
    STATUSES,
    SYNTHETIC_NOTE,
)
from muye_analysis.progress.table import _missing, decimals_of

if TYPE_CHECKING:
    import pandas as pd

# -- views for people ---------------------------------------------------------------------------

DISPLAY_COLUMNS = {
    "name": ("指标", "Indicator"),
    "target_text": ("全年目标", "Target"),
    "period": ("截至", "Period"),
    "ytd_value": ("累计值", "So far"),
    "unit": ("单位", "Unit"),
    "elapsed_pct": ("序时进度(%)", "Time elapsed (%)"),
    "completion_pct": ("完成进度(%)", "Completion (%)"),
    "required_growth": ("其余月份需增长(%)", "Rest of year needs (%)"),
    "status_text": ("状态", "Status"),
    "reason": ("说明", "Reason"),
    "elapsed_basis_text": ("序时进度口径", "Time-elapsed basis"),
    "source": ("数据来源", "Data source"),
}


def display_table(table: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The table as people read it: headers in ``lang``, target and status as text."""
    import pandas as pd

    zh = lang == "zh"
    i = 0 if zh else 1
    period_en = [None if _missing(p) else _period_en(p) for p in table["period"]]
    out = pd.DataFrame(
        {
            "name": table["name_zh" if zh else "name_en"],
            "target_text": table["target_zh" if zh else "target_en"],
            "period": table["period"] if zh else period_en,
            "ytd_value": table["ytd_value"],
            "unit": [
                "%" if k == GROWTH else u if zh else _unit_en(u)
                for k, u in zip(table["progress_kind"], table["unit"], strict=True)
            ],
            "elapsed_pct": table["elapsed_pct"],
            "completion_pct": table["completion_pct"],
            "required_growth": table["required_growth"],
            "status_text": [STATUS_TEXT[s][i] for s in table["status"]],
            "reason": table["reason_zh" if zh else "reason_en"],
            "elapsed_basis_text": table["elapsed_basis_zh" if zh else "elapsed_basis_en"],
            "source": table["source"],
        }
    )
    return out.rename(columns={k: v[i] for k, v in DISPLAY_COLUMNS.items()})


def _unit_en(unit: str) -> str:
    return units.unit_en(unit) or "count"


def _period_en(label: str) -> str:
    from muye_analysis.periods import parse_period

    return parse_period(label).label("en")


def format_table(table: pd.DataFrame, lang: str = "zh") -> str:
    """Plain text for the terminal: the table, then the basis and the rules under it."""
    shown = display_table(table, lang).drop(
        columns=[DISPLAY_COLUMNS["source"][0 if lang == "zh" else 1]]
    )
    numbers = [
        DISPLAY_COLUMNS[c][0 if lang == "zh" else 1]
        for c in ("ytd_value", "elapsed_pct", "completion_pct", "required_growth")
    ]
    for column in numbers:
        shown[column] = [
            ""
            if _missing(v)
            else f"{float(v):.1f}"
            if column != numbers[0] or (kind != CUMULATIVE and kind != POINT) or unit == "%"
            else f"{float(v):.{decimals_of(float(v))}f}"
            for v, kind, unit in zip(
                shown[column], table["progress_kind"], table["unit"], strict=True
            )
        ]
    shown = shown.fillna("")
    as_of = table.attrs.get("as_of")
    year = table.attrs.get("plan_year")
    if lang == "zh":
        head = f"{config.DISTRICT_ZH}{year}年目标进度监测" + (
            f"（截至{as_of.label('zh')}）" if as_of else "（暂无本年数据）"
        )
    else:
        head = f"{config.DISTRICT_EN}: progress on the {year} targets" + (
            f" (as of {as_of.label('en')})" if as_of else " (no figures for the year yet)"
        )
    counts = table["status"].value_counts()
    if lang == "zh":
        tally = "，".join(f"{STATUS_TEXT[s][0]}{int(counts.get(s, 0))}项" for s in STATUSES)
    else:
        tally = ", ".join(f"{STATUS_TEXT[s][1]} {int(counts.get(s, 0))}" for s in STATUSES)
    lines = [head, tally, shown.to_string(index=False), ""]
    if bool(table["synthetic"].fillna(False).any()):
        lines.append(SYNTHETIC_NOTE[0] if lang == "zh" else "Note: " + SYNTHETIC_NOTE[1])
    lines.append(
        ("注：" if lang == "zh" else "Note: ")
        + table.attrs[f"note_{'zh' if lang == 'zh' else 'en'}"]
    )
    return "\n".join(lines)


# -- words for slides and notebooks ----------------------------------------------------------------


def progress_title(table: pd.DataFrame, lang: str = "zh") -> str:
    """'2019年1-9月：主要目标进度监测' / 'Jan-Sep 2019: progress on the targets'."""
    as_of = table.attrs.get("as_of")
    if lang == "zh":
        return f"{as_of.label('zh')}：主要目标进度监测" if as_of else "主要目标进度监测"
    return f"{as_of.label('en')}: progress on the targets" if as_of else "Progress on the targets"


def progress_takeaway(table: pd.DataFrame, lang: str = "zh", *, max_names: int = 4) -> str:
    """One line: how many targets are in each status, and which are off track.

    e.g. 25项目标中正常3项、预警0项、滞后3项、暂无数据19项；滞后：地区生产总值、社会消费品零售总额
    """
    counts = table["status"].value_counts()
    behind = table.loc[table["status"] == "off_track", "name_zh" if lang == "zh" else "name_en"]
    names = list(behind)[:max_names] + (["…"] if len(behind) > max_names else [])
    if lang == "zh":
        tally = "、".join(f"{STATUS_TEXT[s][0]}{int(counts.get(s, 0))}项" for s in STATUSES)
        line = f"{len(table)}项目标中{tally}"
        return line + (f"；滞后：{'、'.join(names)}" if names else "")
    tally = ", ".join(f"{int(counts.get(s, 0))} {STATUS_TEXT[s][1]}" for s in STATUSES)
    line = f"Of {len(table)} targets: {tally}"
    return line + (f"; off track: {', '.join(names)}" if names else "")
