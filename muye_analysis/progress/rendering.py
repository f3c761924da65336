"""The progress-monitoring table for people: headers in a language, the terminal text, slide
words (进度监测).

Every word comes from the vocabulary through the claims of :mod:`muye_analysis.claims.progress`
(a row's reason) and :func:`muye_analysis.vocab.text`; the table itself holds numbers and codes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from muye_analysis import vocab
from muye_analysis.claims.progress import (
    about_convention_claim,
    status_claim,
    status_list_claim,
    tally_claim,
)
from muye_analysis.claims.ytd import goal_of
from muye_analysis.display import decimals_of, fixed, is_missing
from muye_analysis.progress.rules import CUMULATIVE, GROWTH, PROJECT, RULE_IDS, THRESHOLDS

if TYPE_CHECKING:
    import pandas as pd

DISPLAY_COLUMNS = (
    "name", "target_text", "period", "ytd_value", "unit", "completion_pct", "elapsed_pct",
    "prior_pace_pct", "required_growth", "latest_growth", "status_text", "reason",
    "elapsed_basis_text", "source",
)  # fmt: skip
# The number columns of the display, at one decimal.
PERCENT_COLUMNS = ("completion_pct", "elapsed_pct", "prior_pace_pct", "required_growth",
                   "latest_growth")  # fmt: skip


def header(column: str, lang: str) -> str:
    """A display column's header in ``lang``."""
    return vocab.text(f"progress.col.{column}", lang)


def reason_text(row: Any, lang: str) -> str:
    """Why the row has its status, in ``lang`` (its claim, rendered)."""
    return vocab.say(status_claim(row), lang) or ""


def status_text(status: str, lang: str, *, kind: str | None = None) -> str:
    """The status in words: on track, at risk, off track, no data
    (正常 / 预警 / 滞后 / 暂无数据); a project's size has none (项目（不考核）)."""
    return vocab.text("status.project" if kind == PROJECT else f"status.{status}", lang)


def source_text(row: Any, lang: str) -> str | None:
    """The file's stated source and the cell the figure came from."""
    if is_missing(row.get("file")):
        return None
    sheet = "" if is_missing(row.get("sheet")) else f"[{row['sheet']}]"
    cell = vocab.text("progress.cell", lang, file=row["file"], sheet=sheet,
                      row=row["source_row"], column=row["source_column"])  # fmt: skip
    stated = row.get("source")
    return cell if is_missing(stated) else f"{stated}{vocab.text('source_sep', lang)}{cell}"


def rules_note(lang: str) -> str:
    """The note under the table: how targets are read, the 左右 convention, and the status
    rules."""
    rules = " ".join(
        vocab.text("progress.rule_item", lang, label=vocab.text(f"progress.rule_id.{r}", lang),
                   rule=vocab.text(f"progress.rule.{r}", lang, **THRESHOLDS))
        for r in RULE_IDS
    )  # fmt: skip
    head = vocab.text("progress.rules_head", lang)
    convention = vocab.say(about_convention_claim(), lang)
    return f"{vocab.text('progress.general_note', lang)} {convention} {head}{rules}"


def display_table(table: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """The table as people read it: headers in ``lang``, target, status and reason as text."""
    import pandas as pd

    rows = table.to_dict("records")
    out = pd.DataFrame(
        {
            "name": [vocab.indicator_name(r["indicator"], lang, short=False) for r in rows],
            "target_text": [vocab.goal_text(goal_of(r), lang) for r in rows],
            "period": [None if r["period"] is None else r["period"].label(lang) for r in rows],
            "ytd_value": table["ytd_value"],
            "unit": [_unit(r, lang) for r in rows],
            "completion_pct": table["completion_pct"],
            "elapsed_pct": table["elapsed_pct"],
            "prior_pace_pct": table["prior_pace_pct"],
            "required_growth": table["required_growth"],
            "latest_growth": table["latest_growth"],
            "status_text": [
                status_text(str(r["status"]), lang, kind=r["progress_kind"]) for r in rows
            ],
            "reason": [reason_text(r, lang) for r in rows],
            "elapsed_basis_text": [basis_text(r, lang) for r in rows],
            "source": [source_text(r, lang) for r in rows],
        }
    )
    return out.rename(columns={c: header(c, lang) for c in DISPLAY_COLUMNS})


def basis_text(row: Any, lang: str) -> str | None:
    """What the row's comparison rests on: the weights of a growth target's required growth
    (权重：上年同期÷上年全年（报告）), a cumulative target's 序时进度 (月数÷12 or a plan curve), a
    point target judged as it stands."""
    kind = row["progress_kind"]
    if is_missing(row.get("period")) or kind == PROJECT:
        return None
    if kind == GROWTH:
        source = row.get("weights_source")
        if is_missing(source):
            return None
        return vocab.text("progress.basis.weights", lang,
                          weights=vocab.weights_text(str(source), lang))  # fmt: skip
    if kind == CUMULATIVE:
        basis = row.get("elapsed_basis")
        return None if is_missing(basis) else vocab.text(f"elapsed_basis.{basis}", lang)
    return vocab.text("progress.basis.point", lang)


def _unit(row: Any, lang: str) -> str:
    if row["progress_kind"] == GROWTH:
        return "%"
    unit = str(row["unit"])
    return (
        unit
        if lang == "zh"
        else (vocab.unit_label(unit, lang) or vocab.text("progress.unit_count", lang))
    )


def value_decimals(row: Any) -> int:
    """Decimals the row's figure is shown with: one for percentages and growth, else those of
    the figure or its target (counts whole, levels as printed)."""
    if row["progress_kind"] == GROWTH or row["unit"] == "%":
        return 1
    return max(decimals_of(float(row["ytd_value"])), decimals_of(float(row["target"])))


def heading(table: pd.DataFrame, lang: str, *, key: str = "progress.table_head") -> str:
    """The table's heading: district, year and the period of its figures, e.g.
    牧野区YYYY年目标进度监测（截至YYYY年1-9月）, or that there are none yet."""
    as_of = table.attrs.get("as_of")
    year = table.attrs.get("plan_year")
    if as_of is None:
        return vocab.text(f"{key}_none", lang, year=year)
    return vocab.text(key, lang, year=year, period=as_of)


def format_table(table: pd.DataFrame, lang: str = "zh") -> str:
    """Plain text for the terminal: the table, then the basis and the rules under it."""
    shown = display_table(table, lang).drop(columns=[header("source", lang)])
    numbers = {c: header(c, lang) for c in ("ytd_value", *PERCENT_COLUMNS)}
    records = table.to_dict("records")
    for column, label in numbers.items():
        shown[label] = [
            "" if is_missing(v)
            else fixed(float(v), value_decimals(r) if column == "ytd_value" else 1)
            for v, r in zip(shown[label], records, strict=True)
        ]  # fmt: skip
    shown = shown.fillna("")
    lines = [heading(table, lang), vocab.say(tally_claim(table), lang) or "",
             shown.to_string(index=False), ""]  # fmt: skip
    if bool(table["synthetic"].fillna(False).any()):
        lines.append(vocab.text("progress.synthetic_note", lang))
    lines.append(vocab.text("progress.note_prefix", lang) + rules_note(lang))
    return "\n".join(lines)


# -- words for slides and notebooks ------------------------------------------------------------


def progress_title(table: pd.DataFrame, lang: str = "zh") -> str:
    """What the slide shows (its topic), e.g.
    YYYY年1-9月：主要目标进度监测 / Jan-Sep YYYY: progress on the targets."""
    as_of = table.attrs.get("as_of")
    if as_of is None:
        return vocab.text("progress.slide_title_none", lang)
    return vocab.text("progress.slide_title", lang, period=as_of)


def progress_takeaway(table: pd.DataFrame, lang: str = "zh", *, max_names: int = 4) -> str:
    """One line: how many annual targets are in each status, and which are off track, e.g.
    23项年度目标中正常3项、预警0项、滞后3项、暂无数据17项；滞后：地区生产总值、社会消费品零售总额"""
    claims = [tally_claim(table, projects=False),
              status_list_claim(table, "off_track", max_names=max_names)]  # fmt: skip
    return vocab.text("sep.items", lang).join(vocab.say_all(claims, lang))


__all__ = [
    "DISPLAY_COLUMNS", "PERCENT_COLUMNS", "basis_text", "display_table", "format_table",
    "header",
    "heading", "progress_takeaway", "progress_title", "reason_text", "rules_note",
    "source_text", "status_text", "value_decimals",
]  # fmt: skip
